"""A Word or PDF report (a `DocumentContent`) -> RawSubmission, through the Excel path's rules.

Each document table becomes a `layout.Sheet` on the TABLE grid, so the tables are found by their
header labels exactly as in a workbook; a table continued on the next page (or after a page
break) is joined to the one it follows when its header repeats or it has none. Fields become
cells on the TEXT grid ("mục II.2"); budget text is turned into whole đồng here.
"""

from __future__ import annotations

import re
from pathlib import Path

from thanghanhdong import form
from thanghanhdong.container import file_error
from thanghanhdong.model import (
    Cell,
    FileError,
    Grid,
    Issue,
    Location,
    RawSubmission,
    RawTable,
    Severity,
)
from thanghanhdong.parse import parse_money
from thanghanhdong.readers import layout
from thanghanhdong.readers.document import DocumentContent, DocumentError, TextTable
from thanghanhdong.readers.layout import Header, Sheet
from thanghanhdong.readers.outline import OUTLINE, table_field, table_section
from thanghanhdong.text import loose_key, nfc

# Numbers in a document are always text: "1.234" is how a report writes 1234, not a slip.
_WHOLE = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d+$")
_DEFAULT_WHERE = {
    **{s.key: f"mục {s.code}" for s in OUTLINE},
    "budget_state": "mục I.3",
    "budget_mobilized": "mục I.3",
    "budget_total": "mục I.3",
    "report_date": "dòng ngày tháng",
    "signer_name": "phần chữ ký",
    "signer_title": "phần chữ ký",
    "agency_name": "phần đầu (góc trên bên trái)",
}


class _JoinedSheet(Sheet):
    """Tables joined into one grid; each row keeps the table (and the row in it) it was in."""

    def __init__(self, first: TextTable) -> None:
        super().__init__(first.shown, [_values(r) for r in first.rows], grid=Grid.TABLE)
        # (first grid row of the part, grid row of the part's own row 0, the part's name)
        self.parts = [(0, 0, first.shown)]
        self.last = first.rows[-1] if first.rows else []
        self.merges = merged_down_boxes(first.merged_down)
        self.stacked = first.stacked  # rows run into one: no figure of it can be trusted

    def extend(self, table: TextTable) -> None:
        skip = table.repeated_header
        rows = table.rows[skip:]
        if table.page is not None and rows:  # a Word row is never cut by a page break
            self.last, rest = _rejoin(self.last, rows[0])
            self.rows[-1] = _values(self.last)
            skip, rows = (skip, [rest, *rows[1:]]) if rest else (skip + 1, rows[1:])
        self.parts.append((len(self.rows), len(self.rows) - skip, table.shown))
        self.stacked = self.stacked or table.stacked
        self.rows.extend(_values(r) for r in rows)
        self.last = rows[-1] if rows else self.last
        self._headers = None

    def location(self, r: int, c: int, label: str = "") -> Location:
        """Rows are counted from the first row under the table's header ("dòng 1" is the row the
        clerk numbered 1) and on through the parts of a table cut by page breaks, as the clerk's
        STT goes on; the part named is the one the row is in. A header row has none."""
        name = next(n for f, _, n in reversed(self.parts) if f <= r)
        start = next((h.data_start for h in reversed(self.headers) if h.row <= r), 0)
        if r < start:
            return Location(name, None, c, Grid.TABLE, label)
        return Location(name, r - start, c, Grid.TABLE, label)


def merged_down_boxes(continued: set[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """A document table's cells merged down, as the merge boxes a spreadsheet's reader gives
    (top row, column, bottom row, column): a level or item merged over several rows then applies
    to each, and a figure merged over rows is said to be one, as in the Excel form."""
    boxes: list[tuple[int, int, int, int]] = []
    for r, c in sorted(continued, key=lambda rc: (rc[1], rc[0])):
        if boxes and boxes[-1][1] == c and boxes[-1][2] == r - 1:
            boxes[-1] = (boxes[-1][0], c, r, c)
        elif r > 0:
            boxes.append((r - 1, c, r, c))
    return boxes


def _rejoin(last: list[str], first: list[str]) -> tuple[list[str], list[str] | None]:
    """`last` (the previous part's last row) and `first` (this part's first row) with the text
    of a row the page break cut in two put back together; `first` is None when it was only
    the rest of `last`. A PDF prints each piece of a cut row on its page: the rest of a
    wrapped item ("Hội nghị quán triệt / Luật Bình đẳng giới", "Tập huấn tại xã số / 34") or
    of a wrapped label ("Cấp triển / khai"), under the cell it belongs to and without an STT.
    A row of its own has an STT or figures, and its text starts with a capital or a bullet."""
    if len(first) != len(last) or first[0].strip() or not last[0].strip():
        return last, first
    filled = [c for c, text in enumerate(first) if text.strip()]
    if not filled or not all(last[c].strip() for c in filled):
        return _rejoin_labels(last, first)
    fewer = len(filled) < sum(1 for text in last if text.strip())
    if fewer and (len(filled) == 1 or all(_goes_on(first[c]) for c in filled)):
        return _fold(last, first), None
    return last, first


def _rejoin_labels(last: list[str], first: list[str]) -> tuple[list[str], list[str] | None]:
    """A header row cut by the page break whose rest shares the next row (the sub-header Nam |
    Nữ) with the rest of a label merged down over both: "Cấp triển / khai" is put back."""
    if any(ch.isdigit() for text in last for ch in text):
        return last, first  # a data row: its cells are not labels
    going = {c for c, text in enumerate(first) if last[c].strip() and text.strip()[:1].islower()}
    if not going:
        return last, first
    rest = ["" if c in going else text for c, text in enumerate(first)]
    return _fold(last, ["" if c not in going else text for c, text in enumerate(first)]), rest


def _goes_on(text: str) -> bool:
    first = text.strip()[:1]
    return first.islower() or first.isdigit()


def _fold(last: list[str], rest: list[str]) -> list[str]:
    return [f"{a} {b}".strip() if b.strip() else a for a, b in zip(last, rest, strict=True)]


def _values(row: list[str]) -> list[object]:
    return [int(v.replace(".", "")) if _WHOLE.match(v.strip()) else v.strip() for v in row]


def sheets(tables: list[TextTable]) -> list[_JoinedSheet]:
    """One grid per table, a continuation joined to the table it follows."""
    joined: list[_JoinedSheet] = []
    by_index: dict[int, _JoinedSheet] = {}
    for table in tables:
        previous = by_index.get(table.follows) if table.follows else None
        if previous is not None and _continues(table):
            previous.extend(table)
            by_index[table.index] = previous
            continue
        sheet = _JoinedSheet(table)
        joined.append(sheet)
        by_index[table.index] = sheet
    return joined


def _continues(table: TextTable) -> bool:
    """Its header repeated, or no header of its own (the rows simply go on)."""
    if table.repeated_header:
        return True
    return not Sheet(table.shown, [_values(r) for r in table.rows]).headers


def to_raw(path: Path, content: DocumentContent) -> RawSubmission:
    grids = sheets(content.tables)
    read: set[Header] = set()
    tables = {spec.key: layout.find_table(spec, grids, read) for spec in form.TABLES}
    stacked = [
        (key, Location(table.sheet, grid=Grid.TABLE))
        for key, table in tables.items()
        if table.sheet is not None and any(g.stacked and g.name == table.sheet for g in grids)
    ]
    for key, _ in stacked:  # never summed: "3" over "2" would be 32
        tables[key] = RawTable(key, None)
    extra = [found for grid in grids for found in layout.unread_tables(grid, read)]
    names = [name for grid in grids for *_, name in grid.parts]
    return RawSubmission(
        path=path,
        meta=None,
        info={**_info(content), **_form_info(grids)},
        tables=tables,
        sheet_names=[*_DEFAULT_WHERE.values(), *names],
        extra_tables=extra,
        kind=content.kind,
        scanned=not content.has_text,
        first_text=content.first_text,
        table_texts=_table_texts(content),
        unruled_tables=[*stacked, *_unruled(grids, content)],
    )


def _unruled(
    grids: list[_JoinedSheet], content: DocumentContent
) -> list[tuple[str | None, Location]]:
    """The tables thd does not read, and where they are: lines of a table typed as text (a
    PDF table without rules prints its cells as words with wide gaps, read as tabs) under a
    table's title or in a section of words, and grids with figures but no header."""
    found = _unheaded(grids)
    sections = {table_field(spec.key): spec.key for spec in form.TABLES}
    for key, text in content.fields.items():
        rows = _typed_rows(text.value)
        spec = sections.get(key)
        if spec is not None and (rows or _figures_under_title(text.value)):
            found.append((spec, Location(text.where, grid=Grid.TEXT)))
        elif spec is None and (len(rows) >= 2 or _typed_header(text.value)):
            found.append((_typed_header(text.value), Location(text.where, grid=Grid.TEXT)))
    return found


def _unheaded(grids: list[_JoinedSheet]) -> list[tuple[str | None, Location]]:
    """Grids whose header thd does not find, printing the labels of a table of the form, with
    rows run together: a PDF table with only its outer frame and column rules drawn puts a
    column's header and rows in one cell ("Số cuộc 3 2 5"), or its rows in one ("3" over "2",
    `stacked`). Its figures cannot be told apart, and the table is not "absent" either."""
    found: list[tuple[str | None, Location]] = []
    for grid in grids:
        if grid.headers:
            continue
        cells = [loose_key(str(v)) for row in grid.rows[:3] for v in row]
        for spec in form.TABLES:
            labels = (loose_key(spec.item_label), loose_key(spec.count_label))
            # A label and figures in one cell, or two labels: the header and the rows run
            # together, or the columns (only a frame and the header's rule drawn). A table whose
            # labels are only worded otherwise ("TT" for STT) is no such table.
            run = grid.stacked or any(
                _has_word(cell, labels[1]) and (_DIGIT.search(cell) or _has_word(cell, labels[0]))
                for cell in cells
            )
            if run and all(any(_has_word(cell, label) for cell in cells) for label in labels):
                found.append((spec.key, Location(grid.name, grid=Grid.TABLE)))
                break
    return found


def _has_word(text: str, words: str) -> bool:
    return re.search(rf"\b{re.escape(words)}\b", text) is not None


_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")


def _typed_rows(text: str) -> list[str]:
    """Lines of a table typed as text: a header line (the labels' words, or STT before two
    more cells), or a row of three cells or more (tab-separated), two of them figures."""
    found = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
        if header_of(line) is not None or (
            len(cells) >= 3
            and (
                loose_key(cells[0]) == "stt" or sum(bool(_FIGURE.fullmatch(c)) for c in cells) >= 2
            )
        ):
            found.append(line)
    return found


def _figures_under_title(text: str) -> bool:
    """Under a table's own title, any line of three figures: a row printed with gaps too
    narrow to read as columns ("1 Tập huấn 3 60 90 Xã"), or figures in words where the table
    should be ("3 cuộc, 60 nam, 90 nữ"): either way the table's figures, never "absent"."""
    return any(
        sum(bool(_FIGURE.fullmatch(word.strip(",;:."))) for word in line.split()) >= 3
        for line in text.splitlines()
    )


def _typed_header(text: str) -> str | None:
    """The form's table whose header is typed on a line of `text`, if any."""
    for line in text.splitlines():
        spec = header_of(line)
        if spec is not None:
            return spec.key
    return None


def header_of(line: str) -> form.TableSpec | None:
    """The table whose labels `line` holds as words: its item and count labels, Nam and Nữ.
    With their diacritics: "năm" in prose is no "Nam" (loose keys, which drop them, had taken
    "năm 2026 ... phụ nữ" for a header)."""
    text = nfc(line).casefold()
    for spec in form.TABLES:
        words = (spec.item_label, spec.count_label, form.MALE_LABEL, form.FEMALE_LABEL)
        if all(re.search(rf"\b{re.escape(word.casefold())}\b", text) for word in words):
            return spec
    return None


def _table_texts(content: DocumentContent) -> dict[str, Cell]:
    """The words under each table's title, at its section (the seed's place when not found)."""
    texts: dict[str, Cell] = {}
    for spec in form.TABLES:
        found = content.fields.get(table_field(spec.key))
        where = found.where if found else table_section(spec)
        texts[spec.key] = Cell(Location(where, grid=Grid.TEXT), found.value if found else None)
    return texts


def _info(content: DocumentContent) -> dict[str, Cell]:
    """Every input field as a cell at the part where it is (or would be) written."""
    info: dict[str, Cell] = {}
    for spec in form.INFO_FIELDS:
        if not spec.is_input:
            continue
        found = content.fields.get(spec.key)
        where = found.where if found else _DEFAULT_WHERE.get(spec.key, "phần đầu")
        value: object = found.value if found else None
        if found and spec.kind is form.FieldKind.MONEY:
            money = parse_money(found.value)
            value = money if money is not None else found.value
        info[spec.key] = Cell(Location(where, grid=Grid.TEXT), value)  # type: ignore[arg-type]
    total = content.fields.get("budget_total")  # not a form field: the clerk's unsplit total
    if total is not None:
        money = parse_money(total.value)
        value = money if money is not None else total.value
        info["budget_total"] = Cell(Location(total.where, grid=Grid.TEXT), value)
    return info


FORM_INFO_LABELS = 3  # this many of the form's own labels in a label | value table: its info page


def _form_info(grids: list[_JoinedSheet]) -> dict[str, Cell]:
    """The info fields of thd's own form printed to PDF: its "Thông tin chung" sheet is a
    two-column table (label | value), read as the workbook's sheet is, by the form's labels."""
    for grid in grids:
        found = layout.read_info(grid)
        if len(found) >= FORM_INFO_LABELS:
            return found
    return {}


# DocumentError codes -> the file-level issue codes the officer already knows.
_FILE_CODES = {"password": "file_password", "too_large": "file_too_large"}


def document_error(exc: DocumentError) -> FileError:
    if exc.code == "pdf_two_agencies":  # readers.pdf.TWO_AGENCIES: two reports joined
        return FileError(Issue("document_two_agencies", Severity.ERROR, exc.message))
    code = next((c for key, c in _FILE_CODES.items() if key in exc.code), "file_corrupt")
    if exc.code in ("convert_failed", "convert_timeout", "no_soffice"):
        code = "file_needs_docx"
    return FileError(Issue(code, Severity.ERROR, exc.message))


def no_converter(path: Path) -> FileError:
    return file_error("needs_docx", suffix=path.suffix.lower())
