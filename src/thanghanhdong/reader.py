"""Returned file -> RawSubmission: every value with its sheet and the cell address Excel shows.

Reads .xlsx, .xlsm, .xls and .ods with python-calamine. Tables are located by their header
labels, not by fixed rows, so a form with inserted rows or re-saved by another office suite still
reads. A file that cannot be used at all raises `FileError` carrying one file-level issue.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from thanghanhdong import form
from thanghanhdong.model import (
    Cell,
    CellScalar,
    FileError,
    Issue,
    RawRow,
    RawSubmission,
    RawTable,
    Severity,
)
from thanghanhdong.text import loose_key

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# A filled form unpacks to well under 1 MB; these bounds stop zip bombs before any XML is parsed.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
# calamine turns a sheet into one dense grid spanning its farthest values: a single value in
# XFD1048576 of a 20 KB file asks for 17 billion cells and aborts the process (no exception).
# All the sheets of a workbook together: 10 million cells is about 600 MB read into Python; a
# stray value in row 1048576 of a six-column table (6.3 million) still reads.
MAX_CELLS = 10_000_000

_INFO_LABELS = {loose_key(f.label): f for f in form.INFO_FIELDS if f.is_input}
_STT = loose_key(form.STT_LABEL)
_MALE = loose_key(form.MALE_LABEL)
_FEMALE = loose_key(form.FEMALE_LABEL)
_LEVEL = loose_key(form.LEVEL_LABEL)
_NAME_PREFIX = loose_key(form.AGENCY_NAME_LABEL)


def file_error(code: str, message: str) -> FileError:
    return FileError(Issue(code, Severity.ERROR, message))


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read(path: Path) -> RawSubmission:
    """Read one returned form. Raises FileError when the file cannot be used at all."""
    check_container(path)
    with path.open("rb") as handle:
        workbook = _open(handle)
    try:
        return _read_workbook(path, workbook)
    finally:
        workbook.close()


def check_container(path: Path) -> None:
    """Reject, by looking at bytes only, what calamine should never be asked to parse."""
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise file_error(
            "file_unsupported",
            f"Tệp “{path.suffix or path.name}” không phải bảng tính. thd chỉ đọc tệp Excel "
            "(.xlsx, .xlsm, .xls) hoặc .ods: đề nghị đơn vị gửi lại đúng mẫu Excel, hoặc chuyển "
            "tệp này ra khỏi thư mục.",
        )
    size = path.stat().st_size
    if size == 0:
        raise file_error(
            "file_empty",
            "Tệp rỗng (0 byte), có thể do tải thư điện tử bị lỗi: đề nghị đơn vị gửi lại.",
        )
    if size > MAX_FILE_BYTES:
        raise file_error(
            "file_too_large",
            f"Tệp quá lớn ({size // (1024 * 1024)} MB) so với một mẫu báo cáo: đề nghị đơn vị kiểm tra và gửi lại.",
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        if suffix != ".xls" and _is_encrypted_ole(path):
            raise _password_error()
        return
    if not head.startswith(ZIP_MAGIC):
        raise file_error(
            "file_corrupt",
            "Tệp bị hỏng hoặc không phải tệp Excel (có thể đã bị đổi đuôi): đề nghị đơn vị gửi lại tệp Excel gốc.",
        )
    _check_zip(path)


def _password_error() -> FileError:
    return file_error(
        "file_password",
        "Tệp được đặt mật khẩu nên không đọc được: đề nghị đơn vị gỡ mật khẩu (Tệp > Thông tin > "
        "Bảo vệ sổ làm việc) rồi gửi lại.",
    )


def _is_encrypted_ole(path: Path) -> bool:
    with path.open("rb") as handle:
        return _is_encrypted(handle.read(_ENCRYPTION_PROBE))


_ENCRYPTION_PROBE = 1024 * 1024
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# BIFF8 workbook globals: BOF (0x0809, 16 bytes, version 0x0600, type 0x0005); an encrypted .xls
# has FILEPASS (0x002F) as the very next record.
_BIFF8_BOF = b"\x09\x08\x10\x00\x00\x06\x05\x00"
_FILEPASS = b"\x2f\x00"


def _is_encrypted(head: bytes) -> bool:
    """An OLE file that is an encrypted OOXML package (it holds the stream "EncryptedPackage",
    UTF-16 name) or a password-protected .xls."""
    if not head.startswith(OLE_MAGIC):
        return False
    if _ENCRYPTED_PACKAGE in head:
        return True
    bof = head.find(_BIFF8_BOF)
    return bof != -1 and head[bof + 20 : bof + 22] == _FILEPASS


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            _check_parts(archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError) as exc:
        # RuntimeError: zip-level password; NotImplementedError (a RuntimeError): unknown method.
        raise file_error(
            "file_corrupt",
            "Tệp bị hỏng (không giải nén được): đề nghị đơn vị lưu lại trong Excel và gửi lại.",
        ) from exc


def _check_parts(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "word/document.xml" in names or "ppt/presentation.xml" in names:
        raise file_error(
            "file_not_spreadsheet",
            "Đây là tệp Word/PowerPoint bị đổi đuôi thành bảng tính: đề nghị đơn vị điền vào mẫu "
            "Excel đã gửi và gửi lại tệp Excel.",
        )
    if (
        "xl/workbook.xml" not in names
        and "xl/workbook.bin" not in names
        and "content.xml" not in names
    ):
        raise file_error(
            "file_corrupt",
            "Tệp không phải bảng tính Excel hoặc bị hỏng: đề nghị đơn vị gửi lại tệp Excel gốc.",
        )
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > MAX_UNPACKED_BYTES or (
        unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO
    ):
        raise file_error(
            "file_too_large",
            f"Tệp khai báo {unpacked // (1024 * 1024)} MB dữ liệu khi giải nén, quá lớn so với một "
            "mẫu báo cáo (có thể là tệp độc hại): không đọc tệp này; đề nghị đơn vị gửi lại.",
        )
    # calamine reads as a sheet any part the workbook names as one, whatever its name: scan
    # those (or every part, when the names cannot be resolved). Bounding the grids here keeps
    # calamine from allocating a huge one; _CellBudget bounds again what the loaded sheets hold.
    cells = 0
    for info in _sheet_parts(archive, infos, names):
        ods = info.filename == "content.xml"
        with archive.open(info) as part:
            extent = _scan(part, info.file_size, _OdsExtent() if ods else _XlsxExtent())
        cells += extent.cells
        if cells > MAX_CELLS:
            raise _too_many_cells(cells, f"có trang chứa dữ liệu trải tới ô {extent.far_cell}")


_SHEET_REL = re.compile(rb"<Relationship\s[^>]*>")
_REL_TARGET = re.compile(rb"""Target\s*=\s*["']([^"']*)["']""")
_REL_TYPE = re.compile(
    rb"""Type\s*=\s*["'][^"']*/(worksheet|chartsheet|dialogsheet|macrosheet)["']"""
)


def _sheet_parts(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], names: set[str]
) -> list[zipfile.ZipInfo]:
    """The parts a reader may parse as sheets: content.xml of an .ods; for an .xlsx, the targets
    of the workbook's sheet relationships. Anything unexpected: every part."""
    if "content.xml" in names:
        return [info for info in infos if info.filename == "content.xml"]
    rels = "xl/_rels/workbook.xml.rels"
    if rels not in names or archive.getinfo(rels).file_size > 1024 * 1024:
        return infos
    targets = set()
    for relationship in _SHEET_REL.findall(archive.read(rels)):
        if _REL_TYPE.search(relationship):
            target = _REL_TARGET.search(relationship)
            if not target:
                return infos
            path = target[1].decode("utf-8", "replace")
            targets.add(
                path.lstrip("/") if path.startswith("/") else posixpath.normpath(f"xl/{path}")
            )
    if not targets or not targets <= names:
        return infos
    return [info for info in infos if info.filename in targets]


def _too_many_cells(cells: int, where: str) -> FileError:
    millions = f"{cells // 1_000_000:,}".replace(",", ".")
    return file_error(
        "file_too_large",
        f"Tệp {where} (khoảng {millions} triệu ô), quá lớn so với một mẫu báo cáo (có thể do gõ "
        "nhầm vào một ô rất xa, hoặc tệp độc hại): không đọc tệp này; đề nghị đơn vị xóa các "
        "dòng, cột thừa rồi gửi lại.",
    )


class _Extent:
    """The grid calamine allocates for a sheet: from its first value to its last, both ways."""

    def __init__(self) -> None:
        self.cells = 0  # the grids of every sheet in the part, together
        self.far_cell = ""  # the bottom-right corner of the largest one
        self._largest = 0
        self._reset()

    def _reset(self) -> None:
        self.top = self.left = 1 << 62
        self.bottom = self.right = -1

    def value(self, row: int, col: int, rows: int = 1, cols: int = 1) -> None:
        """A value at 0-based (row, col), repeated over `rows` x `cols` (.ods)."""
        self.top, self.left = min(self.top, row), min(self.left, col)
        self.bottom = max(self.bottom, row + rows - 1)
        self.right = max(self.right, col + cols - 1)

    def end_sheet(self) -> None:
        if self.bottom >= 0:
            size = (self.bottom - self.top + 1) * (self.right - self.left + 1)
            self.cells += size
            if size > self._largest:
                far = f"{column_letter(min(self.right, 1 << 40))}{self.bottom + 1}"
                self._largest, self.far_cell = size, far[:24]
        self._reset()

    def feed(self, data: bytes) -> None:
        raise NotImplementedError

    def feed_part(self, data: bytes) -> None:
        """A whole part at once (it fits in one chunk)."""
        self.feed(data)


# Tags are matched by local name: a namespace prefix is the writer's choice.
_XLSX_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_XLSX_REF = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{0,7})(\d{1,15})["']""")
# The quick way, for parts written as every writer we know writes them: no namespace prefix and
# each cell's address first (<c r="B7" ...>). If every address lies within A1:ZZ9999 the box is
# small enough whatever it holds; otherwise it is the box of the cells holding something
# (<c ...>...</c>, not <c .../>). A few searches, about 0.15 ms for a form's six sheets.
_ODD_CELL = re.compile(rb"<c[>/\t\n\r]")
_PREFIXED_CELL = re.compile(rb":c[\s>/]")
_FAR_CELL = re.compile(rb'<c (?!r="[A-Z]{1,2}\d{1,4}")')
_ADDRESSED_CELL = re.compile(rb'<c r="([A-Z]{1,7})(\d{1,15})"[^>]*?(/?)>')
assert MAX_CELLS >= 702 * 9999  # the grid A1:ZZ9999 passes unmeasured


class _XlsxExtent(_Extent):
    """One worksheet part: cells and rows are placed by their `r`, or follow the previous one."""

    def __init__(self) -> None:
        super().__init__()
        self.row = self.col = -1

    def feed(self, data: bytes) -> None:
        for tag in _XLSX_TAG.finditer(data):
            name, attrs = tag.groups()
            ref = _XLSX_REF.search(attrs)
            if name == b"row":
                self.row, self.col = (int(ref[2]) - 1 if ref else self.row + 1), -1
                continue
            if ref and ref[1]:
                self.row, self.col = int(ref[2]) - 1, _column_index(ref[1])
            else:
                self.col += 1
            if not attrs.rstrip().endswith(b"/"):  # <c r="A1" s="3"/> holds no value
                self.value(self.row, self.col)

    def feed_part(self, data: bytes) -> None:
        if b"sheetData" not in data:
            return  # calamine reads cells only inside <sheetData>
        if _ODD_CELL.search(data) or _PREFIXED_CELL.search(data):
            self.feed(data)  # a cell written another way: follow every tag
            return
        if not _FAR_CELL.search(data):
            return
        cells = _ADDRESSED_CELL.findall(data)
        if len(cells) != data.count(b"<c "):
            self.feed(data)
            return
        rows = [int(row) for _, row, empty in cells if not empty]
        if rows:
            letters = {letters for letters, _, empty in cells if not empty}
            cols = [_column_index(x) for x in letters]
            self.value(min(rows) - 1, min(cols))
            self.value(max(rows) - 1, max(cols))


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + letter - 64
    return index - 1


_ODS_TAG = re.compile(
    rb"<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>"
)
_ODS_ROWS = re.compile(rb"""number-rows-repeated\s*=\s*["'](\d{1,18})""")
_ODS_COLS = re.compile(rb"""number-columns-repeated\s*=\s*["'](\d{1,18})""")


class _OdsExtent(_Extent):
    """content.xml of an .ods: every sheet, with rows and cells repeated by attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.row = self.col = 0
        self.rows = 1

    def feed(self, data: bytes) -> None:
        for tag in _ODS_TAG.finditer(data):
            closing, name, attrs = tag.groups()
            empty = attrs.rstrip().endswith(b"/")
            if name == b"table":
                self.end_sheet()
                self.row = 0
            elif name == b"table-row":
                if closing:
                    self.row += self.rows
                else:
                    self.rows, self.col = _repeat(_ODS_ROWS, attrs), 0
                    self.row += self.rows if empty else 0
            elif not closing:
                cols = _repeat(_ODS_COLS, attrs)
                if not empty or b"value-type" in attrs:
                    self.value(self.row, self.col, self.rows, cols)
                self.col += cols


def _repeat(pattern: re.Pattern[bytes], attrs: bytes) -> int:
    found = pattern.search(attrs)
    return max(int(found[1]), 1) if found else 1


_CHUNK = 32 * 1024 * 1024


def _scan(part: Any, size: int, extent: _Extent) -> _Extent:
    """Feed a part to `extent`, whole or in chunks cut just before a '<' (no tag is split).

    `size` is the declared size, which zipfile enforces while reading.
    """
    if size <= _CHUNK:
        extent.feed_part(part.read(size))  # read() would unpack a lying part whole
        extent.end_sheet()
        return extent
    carry = b""
    while chunk := part.read(_CHUNK):
        data = carry + chunk
        cut = data.rfind(b"<")
        if cut == -1:
            carry = b""  # text only
            continue
        extent.feed(data[:cut])
        carry = data[cut:]
    extent.feed(carry)
    extent.end_sheet()
    return extent


def _open(handle: BinaryIO) -> Any:
    """Open the workbook from its bytes. calamine then chooses the reader from the content (from a
    path it goes by the extension: a .xls or .ods renamed .xlsx, or an .xlsx renamed .xls, would
    not open), and a file name the OS cannot pass on as UTF-8 (from a Windows zip) still opens."""
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_filelike(handle)
    except PasswordError as exc:
        raise _password_error() from exc
    except Exception as exc:  # calamine raises several types for damaged files
        # Trying each format in turn, calamine reports "cannot detect" for an encrypted file.
        handle.seek(0)
        if _is_encrypted(handle.read(_ENCRYPTION_PROBE)):
            raise _password_error() from exc
        # calamine's own text is English and technical: the officer gets what to do instead.
        raise file_error(
            "file_corrupt",
            "Không mở được tệp (bị hỏng hoặc không phải bảng tính Excel): đề nghị đơn vị mở lại "
            "tệp bằng Excel, lưu lại và gửi lại.",
        ) from exc


Grid = list[list[Any]]


class _Sheet:
    """One sheet's values with the offset of its first cell, so addresses are those Excel shows."""

    def __init__(self, name: str, rows: Grid, start: tuple[int, int]) -> None:
        self.name = name
        self.rows = rows
        self.row0, self.col0 = start
        self._headers: list[_Header] | None = None

    @property
    def headers(self) -> list[_Header]:
        """Every table header on the sheet, top to bottom (looked for once, when first asked)."""
        if self._headers is None:
            self._headers = _find_headers(self)
        return self._headers

    def cell(self, r: int, c: int) -> Cell:
        value = self.rows[r][c] if c < len(self.rows[r]) else ""
        return Cell(self.name, f"{column_letter(self.col0 + c)}{self.row0 + r + 1}", _clean(value))

    def find(self, predicate: Any, max_rows: int | None = None) -> tuple[int, int] | None:
        for r, row in enumerate(self.rows[:max_rows]):
            for c, value in enumerate(row):
                if isinstance(value, str) and value and predicate(loose_key(value)):
                    return r, c
        return None


# Control characters arrive escaped (_x001B_) in a cell. They mean nothing in a report, XML
# outputs refuse them, and printed to the officer's terminal ESC or CSI would drive it.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _clean(value: Any) -> CellScalar:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", _CONTROL.sub("", value)) or None
    return value


class _CellBudget:
    """The cells the sheets loaded from one file may hold together. check_container bounds
    .xlsx and .ods before calamine runs; an .xls sheet (65,536 x 256 at most) is built by
    calamine first, then refused here before Python copies it."""

    def __init__(self) -> None:
        self.left = MAX_CELLS

    def spend(self, sheet: Any, name: str) -> None:
        self.left -= sheet.height * sheet.width
        if self.left < 0:
            end = sheet.end or (0, 0)
            where = f"có trang “{name}” chứa dữ liệu trải tới ô {column_letter(end[1])}{end[0] + 1}"
            raise _too_many_cells(MAX_CELLS - self.left, where)


def _load_sheet(workbook: Any, name: str, budget: _CellBudget) -> _Sheet:
    try:
        # calamine parses the sheet's XML here already, not only in to_python().
        sheet = workbook.get_sheet_by_name(name)
        budget.spend(sheet, name)
        rows = sheet.to_python()
    except FileError:
        raise
    except Exception as exc:
        raise file_error(
            "file_corrupt",
            f"Trang “{name}” bị hỏng, không đọc được: đề nghị đơn vị mở lại tệp bằng Excel, lưu "
            "lại và gửi lại.",
        ) from exc
    return _Sheet(name, rows, tuple(sheet.start) if rows else (0, 0))


def _read_workbook(path: Path, workbook: Any) -> RawSubmission:
    names: list[str] = list(workbook.sheet_names)
    by_key = {loose_key(n): n for n in names}
    budget = _CellBudget()
    meta_sheet = (
        _load_sheet(workbook, form.SHEET_META, budget) if form.SHEET_META in names else None
    )
    meta = _read_meta(meta_sheet) if meta_sheet else None
    info_name = by_key.get(loose_key(form.SHEET_INFO))
    info = _read_info(_load_sheet(workbook, info_name, budget)) if info_name else {}
    loaded: dict[str, _Sheet] = {}

    def sheet(name: str) -> _Sheet:
        if name not in loaded:
            loaded[name] = _load_sheet(workbook, name, budget)
        return loaded[name]

    tables = {}
    read: set[_Header] = set()
    for spec in form.TABLES:
        named = by_key.get(loose_key(spec.sheet))
        candidates = (
            [named] if named else [n for n in names if n not in (form.SHEET_META, info_name)]
        )
        tables[spec.key] = _find_table(spec, (sheet(n) for n in candidates), read)
    if "agency_name" not in info:
        # Form retyped without the info sheet: take "Tên đơn vị báo cáo: X" from a table sheet.
        for table in tables.values():
            if table.sheet and (named_cell := _agency_line(sheet(table.sheet))):
                info["agency_name"] = named_cell
                break
    # Every sheet that may hold a table: the table sheets (already loaded) and any sheet that is
    # not the form's (none in a form as sent).
    not_tables = {form.SHEET_META, info_name, by_key.get(loose_key(form.SHEET_GUIDE))}
    extra_tables = [
        found
        for name in names
        if name not in not_tables
        for found in _unread_tables(sheet(name), read)
    ]
    return RawSubmission(
        path=path,
        meta=meta,
        info=info,
        tables=tables,
        sheet_names=names,
        extra_tables=extra_tables,
    )


def _read_meta(sheet: _Sheet) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in sheet.rows[: len(form.META_KEYS) + 5]:
        if len(row) >= 2 and isinstance(row[0], str) and row[0] in form.META_KEYS:
            value = row[1]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            meta[row[0]] = unicodedata.normalize("NFC", _CONTROL.sub("", str(value))).strip()
    return meta


def _read_info(sheet: _Sheet) -> dict[str, Cell]:
    info: dict[str, Cell] = {}
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row[:-1]):
            if isinstance(value, str) and (field := _INFO_LABELS.get(loose_key(value))):
                info.setdefault(field.key, sheet.cell(r, c + 1))
                break
    return info


def _agency_line(sheet: _Sheet) -> Cell | None:
    found = sheet.find(lambda key: key.startswith(_NAME_PREFIX), max_rows=10)
    if not found:
        return None
    cell = sheet.cell(*found)
    text = str(cell.value)
    name = text.split(":", 1)[1].strip() if ":" in text else ""
    return Cell(cell.sheet, cell.address, name or None)


def _find_table(spec: form.TableSpec, sheets: Iterable[_Sheet], read: set[_Header]) -> RawTable:
    """The spec's table: under the first header of its own (not of another table) in `sheets`."""
    for sheet in sheets:
        header = next((h for h in sheet.headers if h.spec is spec and h.readable), None)
        if header is None:
            continue
        rows, used = _table_rows(sheet, header)
        read.update(used)
        return RawTable(
            spec.key,
            sheet.name,
            rows,
            header_cell=_header_cell(sheet, header),
            first_data_row=sheet.row0 + header.data_start + 1,
        )
    return RawTable(spec.key, None)


def _unread_tables(sheet: _Sheet, read: set[_Header]) -> list[tuple[str, str, str]]:
    """(sheet, table key, header cell) of each table on `sheet` that is not read and has rows."""
    found = []
    for header in sheet.headers:
        if header in read:
            continue
        rows, used = _table_rows(sheet, header)
        read.update(used)
        if rows:
            found.append((sheet.name, header.spec.key, _header_cell(sheet, header)))
    return found


@dataclass(eq=False)  # compared and hashed by identity: one header, one place on one sheet
class _Header:
    """A table header: a row holding STT, the table's item label and its count label."""

    spec: form.TableSpec
    row: int  # index in the sheet's grid
    columns: dict[str, int]  # form.ColumnKind value -> index in the grid's rows
    data_start: int  # grid index of the first data row, after the Nam | Nữ sub-header

    @property
    def readable(self) -> bool:
        return "male" in self.columns and "level" in self.columns


_TABLE_LABELS = [(t, loose_key(t.item_label), loose_key(t.count_label)) for t in form.TABLES]


def _find_headers(sheet: _Sheet) -> list[_Header]:
    headers = []
    for r, row in enumerate(sheet.rows):
        # Three labels at least: counted at C speed, this skips blank and pre-numbered rows.
        if len(row) - row.count("") < 3 or not _has_stt(row):
            continue
        keys = [loose_key(v) if isinstance(v, str) else "" for v in row]
        for spec, item_key, count_key in _TABLE_LABELS:
            if item_key in keys and count_key in keys:
                headers.append(_header(sheet, r, keys, spec, (item_key, count_key)))
                break
    return headers


def _has_stt(row: list[Any]) -> bool:
    for value in row:
        if type(value) is str and 0 < len(value) <= 12 and loose_key(value) == _STT:
            return True
    return False


def _header(
    sheet: _Sheet, r: int, keys: list[str], spec: form.TableSpec, labels: tuple[str, str]
) -> _Header:
    columns = {"stt": keys.index(_STT), "item": keys.index(labels[0])}
    columns["count"] = keys.index(labels[1])
    if _LEVEL in keys:
        columns["level"] = keys.index(_LEVEL)
    data_start = r + 1
    for sub in range(r, min(r + 3, len(sheet.rows))):
        sub_keys = [loose_key(v) if isinstance(v, str) else "" for v in sheet.rows[sub]]
        if _MALE in sub_keys and _FEMALE in sub_keys:
            columns["male"] = sub_keys.index(_MALE)
            columns["female"] = sub_keys.index(_FEMALE)
            data_start = sub + 1
            break
    return _Header(spec, r, columns, data_start)


def _header_cell(sheet: _Sheet, header: _Header) -> str:
    return sheet.cell(header.row, header.columns["stt"]).address


def _table_rows(sheet: _Sheet, header: _Header) -> tuple[list[RawRow], list[_Header]]:
    """The filled rows under `header`, down to the next table's header (several tables typed on
    one sheet) or the end of the sheet; and the headers read. The same header again, over the
    same columns (copied to make room), continues the table."""
    rows: list[RawRow] = []
    used = [header]
    start = header.data_start
    following = [h for h in sheet.headers if h.row > header.row]
    for after in [*following, None]:
        end = after.row if after else len(sheet.rows)
        closed = _read_rows(sheet, header.columns, range(start, end), rows)
        if closed or after is None or after.spec is not header.spec:
            break
        if after.columns != header.columns:
            break
        used.append(after)
        start = after.data_start
    return rows, used


def _read_rows(sheet: _Sheet, columns: dict[str, int], span: range, rows: list[RawRow]) -> bool:
    """Append the filled rows of `span` to `rows`; True when a signature block ended them."""
    inputs = [c for kind, c in columns.items() if kind != "stt"]
    numbers = [columns[kind] for kind in ("count", "male", "female") if kind in columns]
    last_figures: int | None = None  # the last row of `span` with figures, found when needed
    for r in span:
        values = sheet.rows[r]
        if values.count("") == len(values) or not _filled(values, inputs):
            continue  # an empty (pre-numbered) row
        if not any(c < len(values) and isinstance(values[c], (int, float)) for c in numbers):
            if _is_title(values):
                continue  # the next table's title, typed in a data column
            if _is_closing(values):
                if last_figures is None:
                    last_figures = next(
                        (x for x in reversed(span) if _figures(sheet.rows[x], numbers)), -1
                    )
                if r >= last_figures:
                    return True  # place and date, signer: under the last table of a retyped form
        cells = {kind: sheet.cell(r, c) for kind, c in columns.items()}
        rows.append(RawRow(excel_row=sheet.row0 + r + 1, cells=cells))
    return False


def _filled(values: list[Any], columns: list[int]) -> bool:
    return any(c < len(values) and values[c] != "" for c in columns)


def _figures(values: list[Any], columns: list[int]) -> bool:
    """Something in `columns` that is or may be meant as a number ("1.234", "2 cuộc")."""
    for c in columns:
        value = values[c] if c < len(values) else ""
        if isinstance(value, (int, float)) or (
            isinstance(value, str) and any(ch.isdigit() for ch in value)
        ):
            return True
    return False


_TITLE_KEYS = [loose_key(t.title) for t in form.TABLES]
_NUMBERING = re.compile(r"^(?:bang\s*)?(?:\d+|[ivx]+)(?:[.):/-]\s*|\s+)")
# The lines under a report's last table (loose keys): "Bắc Kạn, ngày 18 tháng 12 năm 2021",
# "THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)", "TM. UBND", "KT. CHỦ TỊCH", "Người lập biểu".
_CLOSING = re.compile(
    r"^\(?\s*(?:thu truong|nguoi lap|ky ten|ky va ghi|noi nhan|tm\.|kt\.|tl\.)"
    r"|\bngay\s*(?:\d{1,2}|[.…]+)?\s*thang\s*(?:\d{1,2}|[.…]+)?\s*nam\b"
)


def _is_title(values: list[Any]) -> bool:
    """A row holding only a table's title ("2. Kết quả truyền thông ...")."""
    texts = [v for v in values if v != ""]
    if len(texts) != 1 or not isinstance(texts[0], str):
        return False
    key = _NUMBERING.sub("", loose_key(texts[0]))
    return len(key) >= 12 and any(t.startswith(key) or key.startswith(t) for t in _TITLE_KEYS)


def _is_closing(values: list[Any]) -> bool:
    return any(isinstance(v, str) and _CLOSING.search(loose_key(v)) for v in values)
