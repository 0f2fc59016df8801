"""Grids of values -> the form's fields and tables, whatever wrote the grid.

A grid is a sheet of a workbook, or a table of a Word or PDF report. Tables are located by their
header labels (from `form.py`), not by fixed rows, so a form with inserted rows, re-saved by
another office suite, or retyped in the agency's own layout still reads. Nothing here knows the
file format: `readers/excel.py` and the document readers build the grids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from thanghanhdong import form
from thanghanhdong.model import Cell, CellNote, CellScalar, Grid, Location, RawRow, RawTable
from thanghanhdong.text import loose_key

_INFO_LABELS = {loose_key(f.label): f for f in form.INFO_FIELDS if f.is_input}
_STT_KEYS = frozenset(loose_key(label) for label in (form.STT_LABEL, *form.STT_ALIASES))


def _keys(column: form.Column) -> tuple[str, ...]:
    """The loose keys a column is headed by: its label, then the other headings clerks use."""
    found = _COLUMN_KEYS.get(id(column))  # the form's columns: worked out once
    return found if found is not None else tuple(loose_key(label) for label in column.labels)


_COLUMN_KEYS = {
    id(column): tuple(loose_key(label) for label in column.labels)
    for spec in form.TABLES
    for column in spec.columns
}


_NAME_PREFIX = loose_key(form.AGENCY_NAME_LABEL)

Values = list[list[Any]]

# Control characters arrive escaped (_x001B_) in a cell. They mean nothing in a report, XML
# outputs refuse them, and printed to the officer's terminal ESC or CSI would drive it. The
# invisible ones text pasted from Word or a web page carries (zero-width space, joiners, word
# joiner, byte order mark) mean nothing either, and a message quoting "60\u200b" shows "60".
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ufffe\uffff]")


def clean(value: Any) -> CellScalar:
    if type(value) is str:
        if not value.isprintable():  # most cells hold no control character: no search
            value = _CONTROL.sub("", value)
        return unicodedata.normalize("NFC", value) or None
    if isinstance(value, str):
        return unicodedata.normalize("NFC", _CONTROL.sub("", value)) or None
    scalar: CellScalar = value  # calamine gives float, int, bool, date, datetime or ""
    return scalar


def clean_text(value: Any) -> str:
    return unicodedata.normalize("NFC", _CONTROL.sub("", str(value))).strip()


class Epoch(NamedTuple):
    """How a workbook turns its numbers into dates: the day it counts from, and whether it
    counts as Excel does in its 1900 system (1900 taken for a leap year: 1 is 01/01/1900)."""

    origin: date
    excel: bool


EPOCH, EPOCH_1904 = date(1899, 12, 30), date(1904, 1, 1)
_LEAP_1900 = date(1900, 3, 1)  # from here on, every program counts the same days
_DATE_TYPES = frozenset({date, datetime})
# A figure formatted as a date by accident shows a day long past (30 shows as 30/01/1900, 1.200
# as 14/04/1903); a recent day may be a date typed in the wrong column: that is not read.
DATE_FIGURE_BEFORE = 1990


def date_serial(value: date, epoch: Epoch) -> float | None:
    """The number a date cell holds, in the workbook's date system; None for a day before
    01/03/1900 that programs count apart (an .ods: LibreOffice and Gnumeric; 28/02/1900: 59
    or 60 in Excel)."""
    day = value.date() if isinstance(value, datetime) else value
    if epoch.origin == EPOCH and day < _LEAP_1900:
        if not epoch.excel or day >= date(1900, 2, 28):
            return None
        days = (day - date(1899, 12, 31)).days
    else:
        days = (day - epoch.origin).days
    if days < 0:
        return None
    if isinstance(value, datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return days + seconds / 86400
    return float(days)


def _date_figure(value: date, epoch: Epoch) -> tuple[Any, CellNote]:
    """A date in a figure cell: the number it holds with a note when it shows a day long past
    (the cell only formatted as a date), else the date with a note ("date_in_number": the day
    shown and the number it holds, when certain)."""
    serial = date_serial(value, epoch)
    shown = f"{value.day:02d}/{value.month:02d}/{value.year:04d}"  # strftime: "101", not "0101"
    if serial is not None and value.year < DATE_FIGURE_BEFORE:
        return serial, CellNote("date_format", shown)
    held = f" {serial:.0f}" if serial is not None and serial.is_integer() else ""
    return value, CellNote("date_in_number", shown + held)


class Sheet:
    """One grid's values with the position of its first cell, so that every value carries the
    position the officer sees ("D12" in a workbook, "Bảng 2, dòng 1, cột Nữ" in a document)."""

    def __init__(
        self, name: str, rows: Values, start: tuple[int, int] = (0, 0), grid: Grid = Grid.SHEET
    ) -> None:
        self.name = name
        self.rows = rows
        self.row0, self.col0 = start
        self.grid = grid
        self._headers: list[Header] | None = None
        # Set by a reader that sees more than values (readers/excel.py, from the sheet XML), in
        # grid indexes: notes by cell, merge boxes (r0, c0, r1, c1), hidden or filtered rows.
        self.notes: dict[tuple[int, int], CellNote] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.hidden_rows: set[int] = set()
        self._covering: dict[tuple[int, int], tuple[int, int, int, int]] | None = None
        # A workbook's date system (readers/excel.py), asked for when a figure cell holds a date.
        self.epoch: Callable[[], Epoch] | None = None

    @property
    def headers(self) -> list[Header]:
        """Every table header on the grid, top to bottom (looked for once, when first asked)."""
        if self._headers is None:
            self._headers = _find_headers(self)
        return self._headers

    def location(self, r: int, c: int, label: str = "") -> Location:
        return Location(self.name, self.row0 + r, self.col0 + c, self.grid, label)

    def cell(self, r: int, c: int, label: str = "") -> Cell:
        row = self.rows[r]
        value = row[c] if c < len(row) else ""
        note = self.notes.get((r, c)) if self.notes else None
        return Cell(self.location(r, c, label), clean(value), note)

    def merge_at(self, r: int, c: int) -> tuple[int, int, int, int] | None:
        """The merge box covering grid cell (r, c), if any."""
        if not self.merges:
            return None
        if self._covering is None:
            self._covering = {
                (row, col): box
                for box in self.merges
                for row in range(box[0], box[2] + 1)
                for col in range(box[1], box[3] + 1)
            }
        return self._covering.get((r, c))

    def find(self, predicate: Any, max_rows: int | None = None) -> tuple[int, int] | None:
        for r, row in enumerate(self.rows[:max_rows]):
            for c, value in enumerate(row):
                if isinstance(value, str) and value and predicate(loose_key(value)):
                    return r, c
        return None


def read_meta(sheet: Sheet) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in sheet.rows[: len(form.META_KEYS) + 5]:
        if len(row) >= 2 and isinstance(row[0], str) and row[0] in form.META_KEYS:
            value = row[1]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            meta[row[0]] = clean_text(value)
    return meta


def read_info(sheet: Sheet) -> dict[str, Cell]:
    """The info fields by their labels: each value is in the cell right of its label."""
    info: dict[str, Cell] = {}
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row[:-1]):
            if isinstance(value, str) and (field := _INFO_LABELS.get(loose_key(value))):
                info.setdefault(field.key, sheet.cell(r, c + 1))
                break
    return info


# Labels as retyped forms and other offices' layouts write them (loose keys, at a cell's start).
_LABELLED = [
    ("budget_state", re.compile(r"\bngan sach nha nuoc\b")),
    ("budget_mobilized", re.compile(r"\b(?:kinh phi|ngan sach|nguon)\b.*\b(?:van dong|xa hoi hoa)\b")),
    ("report_date", re.compile(r"^ngay (?:bao cao|ky)\b")),
    ("signer_name", re.compile(r"^(?:ho (?:va )?ten )?nguoi ky\b")),
    ("signer_title", re.compile(r"^chuc vu\b")),
    ("report_number", re.compile(r"^so (?:bao cao|hieu)\b")),
]  # fmt: skip
_UNITS = {"trieu dong": "triệu đồng", "nghin dong": "nghìn đồng", "ngan dong": "nghìn đồng"}
_AMOUNT = re.compile(r"^\s*([\d.,\s]*\d)\s*(triệu|nghìn|ngàn)?\s*(?:đồng|đ|vnđ|vnd)?\.?\s*$", re.I)


def _field(label: str, wanted: set[str]) -> str | None:
    key = loose_key(label)
    if len(key) > 90:
        return None  # a sentence of a narrative, not a label
    return next((f for f, pattern in _LABELLED if f in wanted and pattern.search(key)), None)


def find_labelled(sheets: Iterable[Sheet], wanted: set[str]) -> dict[str, Cell]:
    """The fields of `wanted` found by their labels anywhere on `sheets`: the value right of
    the label, or typed after a colon in the label's own cell ("Ngân sách nhà nước: 25.000.000
    đồng"). A money label stating "triệu đồng" / "nghìn đồng" carries the unit as a note."""
    found: dict[str, Cell] = {}
    for sheet in sheets:
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if type(value) is str and value and (hit := _labelled(sheet, r, c, value, wanted)):
                    key, cell = hit
                    found.setdefault(key, cell)
            if wanted <= found.keys():
                return found
    return found


def _labelled(sheet: Sheet, r: int, c: int, text: str, wanted: set[str]) -> tuple[str, Cell] | None:
    before, colon, tail = text.rpartition(":")
    field = _field(before, wanted) if colon and tail.strip() else None
    if field is None:
        field, before, tail = _field(text, wanted), text, ""
    if field is None:
        return None
    label = before
    unit = next((u for k, u in _UNITS.items() if k in loose_key(label)), "")
    if tail.strip():
        cell = Cell(sheet.location(r, c), clean(tail.strip()))
    else:
        row = sheet.rows[r]
        right = next((x for x in range(c + 1, min(c + 4, len(row))) if row[x] != ""), None)
        if right is None:
            return None
        cell = sheet.cell(r, right)
    if field.startswith("budget") and isinstance(cell.value, str):
        amount = _AMOUNT.match(cell.value)
        if amount:
            unit = unit or {"triệu": "triệu đồng"}.get((amount[2] or "").lower(), "")
            unit = unit or ("nghìn đồng" if amount[2] else "")
            figure = amount[1].strip()
            thousands = re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d+", figure)
            value = int(figure.replace(".", "")) if thousands else figure
            if unit and "," in figure:  # "2,500 triệu" is 2,5 triệu: parse_money reads it so
                value = f"{figure} {unit}"
            cell = Cell(cell.location, value)
    if unit:
        cell = Cell(cell.location, cell.value, CellNote("unit", unit))
    return field, cell


def header_names(sheet: Sheet) -> list[Cell]:
    """The text lines of the top-left block (ND30's issuing-body header), top to bottom."""
    found = []
    for r, row in enumerate(sheet.rows[:4]):
        for c, value in enumerate(row[:3]):
            if isinstance(value, str) and value.strip():
                lines = [line.strip() for line in value.splitlines() if line.strip()]
                found += [Cell(sheet.location(r, c), clean(line)) for line in lines[:3]]
    return found


def agency_line(sheet: Sheet) -> Cell | None:
    """ "Tên đơn vị báo cáo: X" typed above a table of a retyped form."""
    found = sheet.find(lambda key: key.startswith(_NAME_PREFIX), max_rows=10)
    if not found:
        return None
    cell = sheet.cell(*found)
    text = str(cell.value)
    name = text.split(":", 1)[1].strip() if ":" in text else ""
    return Cell(cell.location, name or None)


def find_table(spec: form.TableSpec, sheets: Iterable[Sheet], read: set[Header]) -> RawTable:
    """The spec's table: under the first header of its own (not of another table) in `sheets`."""
    for sheet in sheets:
        header = next((h for h in sheet.headers if h.spec is spec), None)
        if header is None:
            continue
        rows, used = _table_rows(sheet, header)
        read.update(used)
        hidden = sorted({r.row - sheet.row0 for r in rows} & sheet.hidden_rows)
        return RawTable(
            spec.key,
            sheet.name,
            rows,  # read even when a column is missing: the table is filled, not blank
            header=sheet.location(*_header_cell(sheet, header)),
            first_data_row=sheet.location(header.data_start, 0).row,
            missing_columns=header.missing,
            hidden_rows=[sheet.row0 + r for r in hidden],
        )
    return RawTable(spec.key, None)


def _header_cell(sheet: Sheet, header: Header) -> tuple[int, int]:
    """Where the header is said to be wrong: the label cell of its first missing column (the
    unread label between the columns found either side of it, "Số cuộc" retyped beyond
    recognition; after the last column found, the row's last label), else the STT cell (a
    column deleted, or other columns of the agency's own after the ones found)."""
    stt = (header.row, header.first_column)
    if not header.missing:
        return stt
    keys = [c.key for c in header.spec.columns]
    at = keys.index(header.missing[0])
    before = [header.columns[k] for k in keys[:at] if k in header.columns]
    after = [header.columns[k] for k in keys[at + 1 :] if k in header.columns]
    low = max(before, default=-1)
    taken = set(header.columns.values())
    group = header.spec.columns[at].group
    for r in range(header.row, min(header.row + (3 if group else 1), header.data_start)):
        row = sheet.rows[r]
        labels = [
            c
            for c in range(low + 1, min(min(after, default=len(row)), len(row)))
            if c not in taken and type(row[c]) is str and row[c].strip()
        ]
        if labels and (after or labels == [low + 1]):
            return r, labels[0]
    return stt


def unread_tables(sheet: Sheet, read: set[Header]) -> list[tuple[str, Location]]:
    """(table key, header position) of each table on `sheet` that is not read and has rows."""
    found = []
    for header in sheet.headers:
        if header in read:
            continue
        rows, used = _table_rows(sheet, header)
        read.update(used)
        if rows:
            found.append((header.spec.key, sheet.location(header.row, header.first_column)))
    return found


@dataclass(eq=False)  # compared and hashed by identity: one header, one place on one grid
class Header:
    """A table header: a row holding STT, the table's item label and its count label."""

    spec: form.TableSpec
    row: int  # index in the grid
    columns: dict[str, int]  # form.Column.key -> index in the grid's rows
    data_start: int  # grid index of the first data row, after a grouped sub-header

    @property
    def missing(self) -> list[str]:
        """The spec's columns not found under this header (a column the agency deleted); the
        numbering column holds no figure and may go."""
        return [
            c.key
            for c in self.spec.columns
            if c.key not in self.columns and c.kind is not form.ColumnKind.STT
        ]

    @property
    def first_column(self) -> int:
        """Where the header is named: its STT cell, else its item's."""
        return self.columns.get("stt", self.columns.get("item", 0))


def _names_table(keys: set[str], items: tuple[str, ...], counts: tuple[str, ...]) -> bool:
    """A header row's keys hold one of a table's item labels and one of its count labels."""
    return not keys.isdisjoint(items) and not keys.isdisjoint(counts)


_TABLE_LABELS = [
    (
        t,
        _keys(t.column("item")),
        _keys(t.column(form.COUNT)),
        # With STT and the item label, one of these finds the table when the other was edited
        # past reading: its count label, or its people label (each its tables' own, unlike
        # "Cấp triển khai": "Nội dung | Số cuộc | Số người tham gia" is no media table).
        (loose_key(t.count_label), loose_key(t.people_label)),
    )
    for t in form.TABLES
]


def _find_headers(sheet: Sheet) -> list[Header]:
    # The numbering column first (a quick test of each row); a grid with no header beside it is
    # looked at again for a table typed without the numbering column.
    return _headers(sheet, numbered=True) or _headers(sheet, numbered=False)


def _headers(sheet: Sheet, numbered: bool) -> list[Header]:
    headers = []
    for r, row in enumerate(sheet.rows):
        # Three labels at least: counted at C speed, this skips blank and pre-numbered rows.
        if len(row) - row.count("") < 3 or (numbered and not _has_stt(row)):
            continue
        keys = [loose_key(v) if isinstance(v, str) else "" for v in row]
        present = set(keys)
        if not numbered:  # without STT only the item and count labels themselves tell a header
            spec = next(
                (
                    t
                    for t, items, counts, _ in _TABLE_LABELS
                    if _names_table(present, items, counts)
                ),
                None,
            )
            if spec is not None:
                headers.append(_header(sheet, r, keys, spec))
            continue
        for spec, item_keys, count_keys, _ in _TABLE_LABELS:
            if _names_table(present, item_keys, count_keys):
                headers.append(_header(sheet, r, keys, spec))
                break
        else:  # a label edited: "Số cuộc (buổi)", "Hoạt động (nội dung)", or one not known
            for spec, item_keys, _, others in _TABLE_LABELS:
                if any(_index(k, keys) is not None for k in item_keys) and any(
                    _index(key, keys) is not None for key in others
                ):
                    headers.append(_header(sheet, r, keys, spec))
                    break
    return headers


# A label with a bracket added after it: "Số cuộc (buổi)", "Số lượng (tin, bài)" (loose keys).
_ADDED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def _index(label: str, keys: list[str]) -> int | None:
    """The column of `label` in `keys`: the label itself, or the label with a bracket added
    after it (a unit or a word of explanation), read as that column."""
    if label in keys:
        return keys.index(label)
    for c, key in enumerate(keys):
        if key.startswith(label) and _ADDED.fullmatch(key, len(label)):
            return c
    return None


def _has_stt(row: list[Any]) -> bool:
    for value in row:
        if type(value) is str and 0 < len(value) <= 12 and loose_key(value) in _STT_KEYS:
            return True
    return False


def _header(sheet: Sheet, r: int, keys: list[str], spec: form.TableSpec) -> Header:
    """Columns by their labels: on the header row, or (a grouped column) on one of the two rows
    under it, where the sub-header (Nam | Nữ) is."""
    columns: dict[str, int] = {}
    data_start = r + 1
    below = [
        [loose_key(v) if isinstance(v, str) else "" for v in sheet.rows[sub]]
        for sub in range(r + 1, min(r + 3, len(sheet.rows)))
    ]
    for column in spec.columns:
        labels = _keys(column)  # the label first: "Số lượng" heads Số cuộc only when alone
        if not column.group and (label := _first_in(labels, keys)):
            columns[column.key] = keys.index(label)
            continue
        for offset, sub_keys in enumerate([keys, *below]):
            if label := _first_in(labels, sub_keys):
                columns[column.key] = sub_keys.index(label)
                data_start = max(data_start, r + offset + 1)
                break
    if len(columns) < len(spec.columns):  # never for a generated form: its labels are exact
        data_start = max(data_start, _one_row_labels(sheet, r, [keys, *below], columns))
    if len(columns) < len(spec.columns):
        data_start = max(data_start, _added_labels(spec, r, [keys, *below], columns))
    return Header(spec, r, columns, data_start)


def _first_in(labels: tuple[str, ...], keys: list[str]) -> str | None:
    """The first of a column's labels that heads one of `keys` (its own label most often)."""
    for label in labels:
        if label in keys:
            return label
    return None


def _added_labels(
    spec: form.TableSpec, r: int, rows: list[list[str]], columns: dict[str, int]
) -> int:
    """Add the columns found by a label with a bracket added ("Số cuộc (buổi)") to `columns`;
    the grid index of the first data row under the labels found (r + 1 when none)."""
    data_start = r + 1
    for column in spec.columns:
        if column.key in columns:
            continue
        labels = _keys(column)
        for offset, sub_keys in enumerate(rows[:1] if not column.group else rows):
            c = next((i for k in labels if (i := _index(k, sub_keys)) is not None), None)
            if c is not None and c not in columns.values():
                columns[column.key] = c
                data_start = max(data_start, r + offset + 1)
                break
    return data_start


# A grouped column's label typed in one cell of a one-row header (loose keys, brackets and
# colons as spaces): "Số người tham gia (Nam)", "Số người tiếp cận: Nữ", "Nam (người)", "Số nam",
# "Nữ giới".
_PEOPLE = r"(?:so (?:nguoi (?:(?:duoc )?(?:tham gia|tiep can) )?)?)?"
_ONE_ROW = {
    form.MALE: re.compile(rf"^{_PEOPLE}nam(?: gioi)?(?: nguoi)?$"),
    form.FEMALE: re.compile(rf"^{_PEOPLE}nu(?: gioi)?(?: nguoi)?$"),
}
_BRACKETS = re.compile(r"[()\[\]:]")


def _one_row_labels(sheet: Sheet, r: int, rows: list[list[str]], columns: dict[str, int]) -> int:
    """Add the grouped columns found by their one-row labels to `columns`; the grid index of
    the first data row under the labels found (r + 1 when none)."""
    data_start = r + 1
    for key, pattern in _ONE_ROW.items():
        if key in columns:
            continue
        for offset, sub_keys in enumerate(rows):
            c = _one_row_column(sheet.rows[r + offset], sub_keys, pattern, columns)
            if c is not None:
                columns[key] = c
                data_start = max(data_start, r + offset + 1)
                break
    return data_start


def _one_row_column(
    values: list[Any], keys: list[str], pattern: re.Pattern[str], columns: dict[str, int]
) -> int | None:
    taken = set(columns.values())
    for c, key in enumerate(keys):
        if not key or c in taken or "năm" in str(values[c]).casefold():  # a year, not men
            continue
        if pattern.match(" ".join(_BRACKETS.sub(" ", key).split())):
            return c
    return None


def _table_rows(sheet: Sheet, header: Header) -> tuple[list[RawRow], list[Header]]:
    """The filled rows under `header`, down to the next table's header (several tables typed on
    one grid) or the end of the grid; and the headers read. The same header again, over the
    same columns (copied to make room), continues the table."""
    rows: list[RawRow] = []
    used = [header]
    start = header.data_start
    following = [h for h in sheet.headers if h.row > header.row]
    for after in [*following, None]:
        end = after.row if after else len(sheet.rows)
        closed = _read_rows(sheet, header, range(start, end), rows)
        if closed or after is None or after.spec is not header.spec:
            break
        if after.columns != header.columns:
            break
        used.append(after)
        start = after.data_start
    return rows, used


def _read_rows(sheet: Sheet, header: Header, span: range, rows: list[RawRow]) -> bool:
    """Append the filled rows of `span` to `rows`; True when a signature block ended them."""
    columns = header.columns
    labels = {c.key: c.label for c in header.spec.columns}
    plan = [(key, c, labels[key]) for key, c in columns.items()]
    inputs = [c for key, c in columns.items() if key != "stt"]
    numbers = [columns[key] for key in header.spec.number_keys if key in columns]
    labelled = [columns[key] for key in ("stt", "item") if key in columns]
    last_figures: int | None = None  # the last row of `span` with figures, found when needed
    # Merges of the header rows only (the form's own) need no look at each row.
    merged = any(box[2] >= span.start and box[0] < span.stop for box in sheet.merges)
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
        if merged and _lost_signature(sheet, header, r, numbers):
            return True
        if any(_is_budget_label(values[c]) for c in labelled if c < len(values)):
            return True  # "Tổng kinh phí: 3.500.000 đồng" typed under the table: not a row of it
        cells = _row_cells(sheet, r, values, plan, numbers)
        if merged:
            _merged(sheet, header, r, cells)
        rows.append(RawRow(sheet.location(r, columns.get("stt", 0)), cells))
    return False


def _row_cells(
    sheet: Sheet, r: int, values: list[Any], plan: list[tuple[str, int, str]], numbers: list[int]
) -> dict[str, Cell]:
    """What `Sheet.cell` gives for each column of one row (key, grid column, label), without a
    call per cell: the cells of every table row of every form are built here. A figure cell
    formatted as a date gives back the number it holds, with a note. A grid that places its
    cells its own way (a document's tables joined over page breaks count rows from under each
    header) gives each cell's location itself."""
    name, row, col0, grid, notes = sheet.name, sheet.row0 + r, sheet.col0, sheet.grid, sheet.notes
    locate = sheet.location if type(sheet).location is not Sheet.location else None
    width = len(values)
    cells = {}
    for key, c, label in plan:
        value = values[c] if c < width else ""
        note = notes.get((r, c)) if notes else None
        if isinstance(value, str):
            value = clean(value)
        elif type(value) in _DATE_TYPES and c in numbers and sheet.epoch and not note:
            assert isinstance(value, date)
            value, note = _date_figure(value, sheet.epoch())
        at = locate(r, c, label) if locate else Location(name, row, col0 + c, grid, label)
        cells[key] = Cell(at, value, note)
    return cells


# The budget typed as a line of an own workbook ("Tổng kinh phí: 3.500.000đ", "Kinh phí thực
# hiện" | 4.500.000): loose keys it starts with.
BUDGET_LINE = ("kinh phi", "tong kinh phi", "tong so kinh phi")


def _is_budget_label(value: Any) -> bool:
    return type(value) is str and loose_key(value).startswith(BUDGET_LINE)


def _lost_signature(sheet: Sheet, header: Header, r: int, numbers: list[int]) -> bool:
    """The template's signature cell under the table read as a number (a program lost its
    text): figures merged across one row, no STT nor name, under an empty row (the template's
    gap). A row the agency typed has its name; one under its own rows has no empty row above."""
    if r == 0 or any(v != "" and v is not None for v in sheet.rows[r - 1]):
        return False
    boxes = [sheet.merge_at(r, c) for c in numbers]
    if not any(box and box[0] == box[2] and box[1] < box[3] for box in boxes):
        return False
    kinds = (form.ColumnKind.STT, form.ColumnKind.ITEM)
    row = sheet.rows[r]
    columns = [c for k, c in header.columns.items() if header.spec.column(k).kind in kinds]
    return all(c >= len(row) or not clean_text(row[c]) for c in columns)


_COPIED = (form.ColumnKind.ITEM, form.ColumnKind.LEVEL, form.ColumnKind.STT)


def _merged(sheet: Sheet, header: Header, r: int, cells: dict[str, Cell]) -> None:
    """Notes on the cells of row `r` that a merge covers: a number merged with another cell is
    not a figure of its own; a level or item merged down applies to each row it spans."""
    for key, c in header.columns.items():
        box = sheet.merge_at(r, c)
        if box is None:
            continue
        kind = header.spec.column(key).kind
        shown = f"{_address(sheet, box[0], box[1])}:{_address(sheet, box[2], box[3])}"
        top = (box[0], box[1]) == (r, c)
        cell = cells[key]
        if kind is form.ColumnKind.NUMBER:
            across = top and box[0] == box[2]
            if top or box[0] != r:
                note = CellNote("merged_across" if across else "merged_number", shown)
                cells[key] = Cell(cell.location, cell.value, note)
        elif kind in _COPIED and box[1] == c and box[0] != box[2]:
            value = cell.value if top else clean(sheet.rows[box[0]][c])
            note = CellNote("merged_down" if top else "merged_copy", shown)
            cells[key] = Cell(cell.location, value, note)


def _address(sheet: Sheet, r: int, c: int) -> str:
    return sheet.location(r, c).cell or ""


def _filled(values: list[Any], columns: list[int]) -> bool:
    """Something in `columns` other than blanks and zeros: a row of the template left empty
    holds only the 0 of a formula the clerk filled down (=D7*1), which adds nothing."""
    return any(c < len(values) and values[c] != "" and values[c] != 0 for c in columns)


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
