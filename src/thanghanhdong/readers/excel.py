"""Workbook bytes (.xlsx, .xlsm, .xls, .ods) -> RawSubmission, with python-calamine.

`container.check` has bounded what calamine will allocate before this module opens anything;
`_CellBudget` bounds again what the loaded sheets hold (an .xls grid is only known once built).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
import zipfile
import zlib
from datetime import date
from pathlib import Path
from typing import Any

from thanghanhdong import container, form
from thanghanhdong.container import MAX_CELLS, file_error, too_many_cells
from thanghanhdong.model import (
    Cell,
    CellNote,
    FileError,
    RawSubmission,
    RawTable,
    column_letter,
)
from thanghanhdong.parse import parse_money
from thanghanhdong.readers import formula, layout, outline, sheetxml, xls
from thanghanhdong.readers.document import TextField
from thanghanhdong.readers.layout import Header, Sheet
from thanghanhdong.text import loose_key


def read(path: Path, data: bytes) -> RawSubmission:
    """Read one workbook already checked by `container.check`. Raises FileError when it cannot
    be used at all."""
    try:
        with CALAMINE_STDERR:
            return _read(path, data)
    except BaseException as exc:
        if is_panic(exc):
            raise file_error("unopenable") from exc
        raise


class _StderrWindow:
    """While calamine reads, the process's stderr (file descriptor 2) goes to a temporary file:
    on a damaged file calamine's Rust code panics, and Rust's panic hook writes its English
    text ("thread '<unnamed>' panicked at .../cfb.rs ... range end index 64", with a backtrace
    when RUST_BACKTRACE is set) straight to fd 2, above the officer's Vietnamese table. The
    panic itself becomes the file's own message (`unopenable`); whatever else was written in the
    window (a Python warning, a progress refresh) is given back to stderr afterwards.

    POSIX only: on Windows the Rust runtime writes to the console handle, not to fd 2. One
    temporary file per process (a forked worker makes its own: the parent's shares its offset)."""

    def __init__(self) -> None:
        self.usable = os.name == "posix"
        self.spool: int | None = None
        self.owner = 0  # the process the spool was made in
        self.saved: int | None = None

    def __enter__(self) -> None:
        if not self.usable:
            return
        try:
            if self.spool is None or self.owner != os.getpid():
                self.spool, self.owner = _spool(), os.getpid()
            sys.stderr.flush()
            saved = os.dup(2)
        except (OSError, ValueError, AttributeError):
            self.saved = None  # no stderr to guard (closed, replaced): calamine writes as it may
            return
        try:
            os.dup2(self.spool, 2)
            self.saved = saved
        except OSError:
            os.close(saved)
            self.saved = None  # no stderr to guard (closed, replaced): calamine writes as it may

    def __exit__(self, *exc: object) -> None:
        if self.saved is None or self.spool is None:
            return
        saved, self.saved = self.saved, None
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        size = os.lseek(self.spool, 0, os.SEEK_END)
        if size == 0:
            return
        os.lseek(self.spool, 0, os.SEEK_SET)
        written = os.read(self.spool, min(size, 1 << 20))
        os.ftruncate(self.spool, 0)
        os.lseek(self.spool, 0, os.SEEK_SET)
        kept = _without_panic(written)
        if kept:
            with contextlib.suppress(OSError):  # a stderr gone meanwhile: nothing to give back
                os.write(2, kept)


def _spool() -> int:
    handle, name = tempfile.mkstemp(prefix="thd-stderr-")
    os.unlink(name)
    return handle


def _without_panic(written: bytes) -> bytes:
    """What was written to stderr, less Rust's panic report (its first line "thread '...'
    panicked at" to its "note: ..." line or the end of the backtrace)."""
    start = written.find(b"thread '")
    if start == -1 or b"panicked at" not in written[start:]:
        return written
    end = written.find(b"\nnote: ", start)
    end = written.find(b"\n", end + 1) + 1 if end != -1 else len(written)
    return written[:start] + (written[end:] if end > 0 else b"")


# Around every calamine call (the roster reader opens workbooks with calamine too).
CALAMINE_STDERR = _StderrWindow()


def is_panic(exc: BaseException) -> bool:
    """calamine's Rust code gave up, on a damaged file as fuzzing found ("range end index 64 out
    of range"): pyo3's PanicException is a BaseException, which no `except Exception` catches."""
    return type(exc).__name__ == "PanicException" and type(exc).__module__ == "pyo3_runtime"


def _read(path: Path, data: bytes) -> RawSubmission:
    if not data.startswith((container.ZIP_MAGIC, container.OLE_MAGIC)):
        data = container.flat_ods(data)  # a .fods (container.check told it by its first bytes)
    try:
        workbook = _open(data)
    except FileError:
        # Gnumeric indents content.xml, which calamine refuses ("Expecting 'table-cell'"); a
        # spreadsheet program opens it: read it again without the indentation.
        plain = _without_indentation(data)
        if plain is None:
            raise
        workbook = _open(plain)
    try:
        return _read_workbook(path, workbook, _SheetXml(data, container.inflated(data)))
    finally:
        workbook.close()


def _open(data: bytes) -> Any:
    """Open the workbook from its bytes. calamine then chooses the reader from the content (from a
    path it goes by the extension: a .xls or .ods renamed .xlsx, or an .xlsx renamed .xls, would
    not open), and a file name the OS cannot pass on as UTF-8 (from a Windows zip) still opens."""
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise file_error("password") from exc
    except Exception as exc:  # calamine raises several types for damaged files
        # Trying each format in turn, calamine reports "cannot detect" for an encrypted file.
        if container.is_encrypted(data):
            raise file_error("password") from exc
        # calamine's own text is English and technical: the officer gets what to do instead.
        raise file_error("unopenable") from exc


_INDENT = re.compile(rb">[ \t]*\r?\n[ \t\r\n]*<")


def _without_indentation(data: bytes) -> bytes | None:
    """An .ods whose content.xml has the whitespace between tags (line breaks and indentation,
    never text) removed; None for any other file. content.xml is bounded by container.check."""
    if not data.startswith(container.ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            if "content.xml" not in source.namelist():
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    part = source.read(info)
                    if info.filename == "content.xml":
                        part = _INDENT.sub(b"><", part)
                    target.writestr(info, part)
            return out.getvalue()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


class _CellBudget:
    """The cells the sheets loaded from one file may hold together."""

    def __init__(self) -> None:
        self.left = MAX_CELLS

    def spend(self, sheet: Any, name: str) -> None:
        self.left -= sheet.height * sheet.width
        if self.left < 0:
            end = sheet.end or (0, 0)
            where = f"có trang “{name}” chứa dữ liệu trải tới ô {column_letter(end[1])}{end[0] + 1}"
            raise too_many_cells(MAX_CELLS - self.left, where)


def _load_sheet(workbook: Any, name: str, budget: _CellBudget, xml: _SheetXml) -> Sheet:
    try:
        # calamine parses the sheet's XML here already, not only in to_python().
        sheet = workbook.get_sheet_by_name(name)
        budget.spend(sheet, name)
        rows = sheet.to_python()
    except FileError:
        raise
    except Exception as exc:
        raise file_error("bad_sheet", sheet=name) from exc
    loaded = Sheet(name, rows, tuple(sheet.start) if rows else (0, 0))
    if name == form.SHEET_META:
        return loaded  # thd's own values: no formula, merge or hidden row to read
    loaded.epoch = xml.epoch
    found = xml.scan(name)
    if found is not None:
        _apply(loaded, found)
    ranges = getattr(sheet, "merged_cell_ranges", None)
    if ranges:  # calamine reads the merges itself (.xlsx, .xls)
        loaded.merges = [
            (a - loaded.row0, b - loaded.col0, x - loaded.row0, y - loaded.col0)
            for (a, b), (x, y) in ranges
            if (x - a + 1) * (y - b + 1) <= sheetxml.MAX_MERGE_CELLS and (a, b) != (x, y)
        ]
    return loaded


class _SheetXml:
    """The sheet parts of an .xlsx, looked at once, when the first sheet is loaded (an .ods's
    content.xml and an .xls's records are read whole). Each worksheet part is searched for a few
    bytes (as container.check inflated it, when it did); only when one holds a formula, an
    error value or a hidden row are the sheets' names resolved to their parts and those parts
    parsed."""

    def __init__(self, data: bytes, inflated: container.Inflated | None = None) -> None:
        self.data = data
        self.infos = inflated.infos if inflated is not None else None
        self.inflated = inflated.parts if inflated is not None else {}
        self.parts: dict[str, bytes] | None = None  # sheet name -> part, for marked parts only
        self.ods: dict[str, sheetxml.SheetXml] | None = None  # an .ods: every sheet's notes
        self.recalc = False
        self._archive: zipfile.ZipFile | None = None
        self._null_date: date | None = None  # an .ods's own, when it states one
        self._epoch: layout.Epoch | None = None

    def epoch(self) -> layout.Epoch:
        """The day the workbook counts dates from, and whether it counts them as Excel does
        (1900 taken for a leap year): asked only when a figure cell holds a date."""
        if self._epoch is None:
            if self.parts is None:
                self.parts = self._marked_parts()
            if self.data.startswith(container.OLE_MAGIC):
                date1904 = any(found.date1904 for found in (self.ods or {}).values())
                self._epoch = layout.Epoch(layout.EPOCH_1904 if date1904 else layout.EPOCH, True)
            elif self._null_date is not None or self.ods is not None:
                self._epoch = layout.Epoch(self._null_date or layout.EPOCH, False)
            else:
                self._epoch = layout.Epoch(
                    layout.EPOCH_1904 if self._date1904() else layout.EPOCH, True
                )
        return self._epoch

    def _date1904(self) -> bool:
        try:
            return sheetxml.date1904(self._zip().read("xl/workbook.xml"))
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, zlib.error):
            return False

    def scan(self, name: str) -> sheetxml.SheetXml | None:
        if self.parts is None:
            self.parts = self._marked_parts()
        if self.ods is not None:
            return self.ods.get(name)
        part = self.parts.get(name)
        return sheetxml.scan(part, self.recalc, merges=False) if part is not None else None

    def _marked_parts(self) -> dict[str, bytes]:
        if not self.data.startswith(container.ZIP_MAGIC):
            if self.data.startswith(container.OLE_MAGIC):  # an .xls: its notes from its records
                self.ods = xls.scan(self.data)
            return {}
        try:
            infos = self.infos if self.infos is not None else self._zip().infolist()
            by_name = {info.filename: info for info in infos}
            if "content.xml" in by_name:
                # An .ods: calamine sees no merge, error value or uncomputed formula in it either.
                content = self._read(by_name["content.xml"])
                self._null_date = sheetxml.null_date(content)
                self.ods = sheetxml.scan_ods(content) if sheetxml.ods_marked(content) else {}
                return {}
            marked = {}
            for info in infos:
                if _WORKSHEET.fullmatch(info.filename):
                    part = self._part(info)
                    if part is None or sheetxml.marked(part):  # an odd part: parsed anyway
                        marked[info.filename] = part if part is not None else self._read(info)
            if not marked:
                return {}
            names, self.recalc = sheetxml.sheet_parts(lambda name: self._read(by_name[name]))
            return {name: marked[path] for name, path in names.items() if path in marked}
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, zlib.error):
            return {}

    def _part(self, info: zipfile.ZipInfo) -> bytes | None:
        """A stored or deflated part's bytes, kept by container.check or inflated here."""
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return None
        kept = self.inflated.get(info.filename)
        return kept if kept is not None else container.inflate(self.data, info)

    def _read(self, info: zipfile.ZipInfo) -> bytes:
        part = self._part(info)
        return part if part is not None else self._zip().read(info)

    def _zip(self) -> zipfile.ZipFile:
        if self._archive is None:
            self._archive = zipfile.ZipFile(io.BytesIO(self.data))
        return self._archive


_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml")


def _apply(sheet: Sheet, found: sheetxml.SheetXml) -> None:
    """Move what the XML says onto the grid: computed formulas as values, the rest as notes."""
    r0, c0 = sheet.row0, sheet.col0
    for (r, c), text in found.errors.items():
        sheet.notes[(r - r0, c - c0)] = CellNote("error", text)
    for (r, c), text in found.texts.items():  # an .xls formula's text calamine reads as 0.0
        _put(sheet, r - r0, c - c0, text)
    pending = dict(found.formulas)
    for (r, c), text in found.formulas.items():
        value = _compute(sheet, pending, text, 0)
        if value is None:
            sheet.notes[(r - r0, c - c0)] = CellNote("formula", text)
        else:
            pending.pop((r, c), None)
            _put(sheet, r - r0, c - c0, value)
    sheet.merges += [(a - r0, b - c0, x - r0, y - c0) for a, b, x, y in found.merges]
    sheet.hidden_rows = {r - r0 for r in found.hidden_rows}


def _compute(
    sheet: Sheet, pending: dict[tuple[int, int], str], text: str, depth: int
) -> float | None:
    def lookup(ref: str) -> float | None:
        box = sheetxml.parse_range(ref)
        if box is None or depth > 8 or (box[2] - box[0] + 1) * (box[3] - box[1] + 1) > 10_000:
            return None
        total = 0.0
        for r in range(box[0], box[2] + 1):
            for c in range(box[1], box[3] + 1):
                value = _value(sheet, pending, r, c, depth)
                if value is None:
                    return None
                total += value
        return total

    return formula.evaluate(text, lookup)


def _value(
    sheet: Sheet, pending: dict[tuple[int, int], str], r: int, c: int, depth: int
) -> float | None:
    """A referenced cell's number (absolute r, c): blank is 0, text or an error is not one."""
    if (r, c) in pending:
        return _compute(sheet, pending, pending[(r, c)], depth + 1)
    gr, gc = r - sheet.row0, c - sheet.col0
    if (gr, gc) in sheet.notes:
        return None
    value = (
        sheet.rows[gr][gc] if 0 <= gr < len(sheet.rows) and 0 <= gc < len(sheet.rows[gr]) else ""
    )
    if value == "" or value is None:
        return 0.0
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _put(sheet: Sheet, r: int, c: int, value: float | str) -> None:
    if r < 0 or c < 0:
        return  # left of or above the grid calamine built: no cell of a table
    width = max((len(row) for row in sheet.rows), default=0)
    while len(sheet.rows) <= r:
        sheet.rows.append([""] * width)
    row = sheet.rows[r]
    if len(row) <= c:
        row.extend([""] * (c + 1 - len(row)))
    row[c] = value


_LABELLED_KEYS = {
    "budget_state", "budget_mobilized", "report_date", "signer_name", "signer_title",
    "report_number",
}  # fmt: skip


def _find_info(info: dict[str, Cell], others: list[Sheet], renamed: list[Sheet]) -> None:
    """Info sheet renamed, moved, deleted, or a retyped form: the fields by their labels,
    wherever they are (only then are the other sheets looked at). `renamed`: the sheets that
    may be the info sheet under another name (none when it was found by its name)."""
    for other in renamed:
        for key, cell in layout.read_info(other).items():
            info.setdefault(key, cell)
    for key, cell in layout.find_labelled(others, _LABELLED_KEYS - info.keys()).items():
        info.setdefault(key, cell)


def _find_budget_line(info: dict[str, Cell], sheets: list[Sheet]) -> None:
    """An own workbook's budget typed as one line, "Tổng kinh phí: 3.500.000đ" (or the amount in
    a cell right of "Kinh phí thực hiện"), when no source was found by its label: read as a Word
    report's budget line is, an unsplit total or the split it states."""
    if info.keys() & {"budget_state", "budget_mobilized", "budget_total"}:
        return
    for sheet in sheets:
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if type(value) is str and loose_key(value).startswith(layout.BUDGET_LINE):
                    found = _budget_line(sheet, r, c, value)
                    if found:
                        info.update(found)
                        return


def _budget_line(sheet: Sheet, r: int, c: int, text: str) -> dict[str, Cell]:
    row = sheet.rows[r]
    at = c
    if not outline.has_amount(text):  # the label alone: the amount in a cell right of it
        at = next((x for x in range(c + 1, min(c + 4, len(row))) if row[x] != ""), -1)
        amount = row[at] if at >= 0 else ""
        if isinstance(amount, (int, float)) and not isinstance(amount, bool):
            amount = f"{amount:.0f} đồng"
        if not isinstance(amount, str) or not outline.has_amount(amount):
            return {}
        text = f"{text.rstrip(' :')}: {amount}"
    if len(loose_key(text).split()) > 30:
        return {}  # a sentence of a narrative, not the budget's line
    fields = outline.budget_fields(TextField(layout.clean_text(text), ""))
    found = {}
    for key, field in fields.items():
        money = parse_money(field.value)
        found[key] = Cell(sheet.location(r, at), money if money is not None else field.value)
    return found


def _read_workbook(path: Path, workbook: Any, xml: _SheetXml) -> RawSubmission:
    names: list[str] = list(workbook.sheet_names)
    by_key = {loose_key(n): n for n in names}
    lost = next((n for n in names if "?" in n), None)
    # Excel 5.0/95 keeps 8-bit text: the Vietnamese letters of the form's sheet names lost.
    if (
        lost is not None
        and not any(loose_key(t.sheet) in by_key for t in form.TABLES)
        and xls.is_biff5(xml.data)
    ):
        raise file_error("excel_95", sheet=lost)
    budget = _CellBudget()
    loaded: dict[str, Sheet] = {}

    def sheet(name: str) -> Sheet:
        if name not in loaded:
            loaded[name] = _load_sheet(workbook, name, budget, xml)
        return loaded[name]

    meta = layout.read_meta(sheet(form.SHEET_META)) if form.SHEET_META in names else None
    info_name = by_key.get(loose_key(form.SHEET_INFO))
    info = layout.read_info(sheet(info_name)) if info_name else {}
    tables: dict[str, RawTable] = {}
    read: set[Header] = set()
    for spec in form.TABLES:
        named = by_key.get(loose_key(spec.sheet))
        candidates = (
            [named] if named else [n for n in names if n not in (form.SHEET_META, info_name)]
        )
        tables[spec.key] = layout.find_table(spec, (sheet(n) for n in candidates), read)
    if _LABELLED_KEYS - info.keys():
        others = [sheet(n) for n in names if n not in (form.SHEET_META, info_name)]
        guide = by_key.get(loose_key(form.SHEET_GUIDE))
        _find_info(info, others, [] if info_name else [o for o in others if o.name != guide])
    if _LABELLED_KEYS - info.keys():
        _find_budget_line(info, [sheet(n) for n in names if n not in (form.SHEET_META, info_name)])
    if "agency_name" not in info:
        # Form retyped without the info sheet: take "Tên đơn vị báo cáo: X" from a table sheet.
        for table in tables.values():
            if table.sheet and (named_cell := layout.agency_line(sheet(table.sheet))):
                info["agency_name"] = named_cell
                break
    # Every sheet that may hold a table: the table sheets (already loaded) and any sheet that is
    # not the form's (none in a form as sent).
    not_tables = {form.SHEET_META, info_name, by_key.get(loose_key(form.SHEET_GUIDE))}
    extra_tables = [
        found
        for name in names
        if name not in not_tables
        for found in layout.unread_tables(sheet(name), read)
    ]
    first = next((t.sheet for t in tables.values() if t.sheet), None)
    heads = layout.header_names(sheet(first)) if meta is None and first else []
    return RawSubmission(
        header_names=heads,
        path=path,
        meta=meta,
        info=info,
        tables=tables,
        sheet_names=names,
        extra_tables=extra_tables,
    )
