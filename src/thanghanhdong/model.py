"""The values that flow between stages: issues, raw cells, validated submissions, the report.

reader.py produces `RawSubmission`; validate.py turns it into `Submission` + `Issue`s and gathers
them in a `ValidationReport`; consolidate.py reads `Submission`s. Nothing here does I/O.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class Grid(str, Enum):
    """How a position is shown to the officer, by the kind of source it is in."""

    SHEET = "sheet"  # a spreadsheet: "D12"
    TABLE = "table"  # a table in a Word or PDF report: "dòng 3, cột Nữ"
    TEXT = "text"  # a part of a document: the part's name only ("mục II.2")


class Location(NamedTuple):
    """Where a value is, in the terms the officer sees: a sheet and cell, a table row and
    column of a document, or a section. Rows and columns are 0-based grid indexes; in a
    document's table (Grid.TABLE) rows are counted from the first row under the header, as the
    clerk numbers them (the row of STT 1 is row 0).

    A named tuple, not a frozen dataclass: one is built for every cell read (twice as fast)."""

    part: str | None = None  # sheet name, "bảng thứ 2" (with "trang 3, " for a PDF), "mục II.2"
    row: int | None = None
    column: int | None = None
    grid: Grid = Grid.SHEET
    column_label: str = ""  # "Nữ": how a document table's column is named

    @property
    def cell(self) -> str | None:
        """The position inside the part: "D12", or "dòng 1, cột Nữ"; None for a whole part."""
        if self.row is None:
            return None
        if self.grid is Grid.SHEET:
            return f"{column_letter(self.column or 0)}{self.row + 1}"
        column = self.column_label or (str(self.column + 1) if self.column is not None else "")
        return f"dòng {self.row + 1}, cột {column}" if column else f"dòng {self.row + 1}"

    @property
    def shown(self) -> str:
        cell = self.cell
        if self.grid is Grid.SHEET:
            return f"{self.part}!{cell}" if self.part and cell else self.part or ""
        return ", ".join(p for p in (self.part, cell) if p)

    def sort_key(self, parts: list[str]) -> tuple[int, int, int]:
        """Part order (as listed in the source), then row, then column."""
        part = parts.index(self.part) if self.part in parts else -1
        return part, -1 if self.row is None else self.row, self.column or 0


@dataclass(frozen=True)
class Issue:
    """One problem, at one place, with a Vietnamese message that says what to do."""

    code: str
    severity: Severity
    message: str
    location: Location | None = None

    @property
    def sheet(self) -> str | None:
        return self.location.part if self.location else None

    @property
    def cell(self) -> str | None:
        return self.location.cell if self.location else None

    @property
    def where(self) -> str:
        return self.location.shown if self.location else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "sheet": self.sheet,
            "cell": self.cell,
            "where": self.where,
            "message": self.message,
        }


# ----------------------------------------------------------------------------- reading

CellScalar = str | float | int | bool | date | None


@dataclass(frozen=True)
class CellNote:
    """What a reader saw in a cell beyond its value: a formula it could not compute, an error
    value, a merge. `validate.py` turns it into an issue at the cell."""

    kind: str  # "formula", "error", "merged_across", "merged_down", "merged_number", "merged_copy"
    detail: str = ""  # the formula, the error value ("#REF!"), the merged range ("D12:E12")


class Cell(NamedTuple):
    """A value read from a source, with where it was read (a named tuple: one per cell read)."""

    location: Location
    value: CellScalar
    note: CellNote | None = None

    @property
    def sheet(self) -> str | None:
        return self.location.part


@dataclass
class RawRow:
    location: Location  # the row (its first column)
    cells: dict[str, Cell]  # keyed by form.Column.key: "stt", "item", "count", ...

    @property
    def row(self) -> int:
        return self.location.row or 0


@dataclass
class RawTable:
    key: str  # form.TableSpec.key
    sheet: str | None  # the part it was read from; None when the table was not found
    rows: list[RawRow] = field(default_factory=list)
    header: Location | None = None
    first_data_row: int | None = None  # grid row after the Nam | Nữ sub-header
    missing_columns: list[str] = field(default_factory=list)  # form.Column.key not found
    hidden_rows: list[int] = field(default_factory=list)  # grid rows hidden or filtered, 0-based


@dataclass
class RawSubmission:
    """Everything read from one returned file, values untouched (except NFC for text)."""

    path: Path
    meta: dict[str, str] | None  # the very hidden sheet; None if absent (form retyped)
    info: dict[str, Cell]  # form.InfoField.key -> value cell
    tables: dict[str, RawTable]
    sheet_names: list[str] = field(default_factory=list)
    # Tables found where thd does not read them (a copied sheet, a block pasted below a table):
    # (form.TableSpec.key, where its header is). Only those with filled rows.
    extra_tables: list[tuple[str, Location]] = field(default_factory=list)
    # Lines at the top left of the first sheet, where ND30 puts the issuing body with no label
    # ("UBND TỈNH BẮC KẠN" over "SỞ Y TẾ"): tried when no agency name is typed by its label.
    header_names: list[Cell] = field(default_factory=list)
    kind: str = "excel"  # the kind of answer: "excel", "word", "pdf" (shown to the officer)
    scanned: bool = False  # a picture or a PDF without text: the agency answered, unreadably
    first_text: str = ""  # a document's first text (to recognise the agency of a scan)
    received: date | None = None  # the Date of the e-mail it came attached to
    # A document: the words under each table's title, at its section ("mục III.3"; value None
    # when the title is not there), keyed by form.TableSpec.key. Empty for a workbook.
    table_texts: dict[str, Cell] = field(default_factory=dict)
    # A document's tables thd does not read: typed as lines of text, printed without rules (a
    # PDF prints their cells as words in columns), or a grid whose header cannot be told from
    # its rows: (form.TableSpec.key, or None when no label names it; where). Never "absent".
    unruled_tables: list[tuple[str | None, Location]] = field(default_factory=list)


class FileError(Exception):
    """The file cannot be read at all; carries the issue to report."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


# -------------------------------------------------------------------------- validated


class Counts(Mapping[str, int]):
    """A row's figures by number column, kept as two tuples, the keys shared by every row of a
    table: a third of a dict's size, and there is one per table row of every answer."""

    __slots__ = ("_keys", "_values")

    def __init__(self, keys: tuple[str, ...], values: tuple[int, ...]) -> None:
        self._keys = _shared_keys(keys)
        self._values = values

    @classmethod
    def of(cls, figures: Mapping[str, int]) -> Counts:
        return cls(tuple(figures), tuple(figures.values()))

    def __getitem__(self, key: str) -> int:
        try:
            return self._values[self._keys.index(key)]
        except ValueError:
            raise KeyError(key) from None

    def get(self, key: str, default: Any = None) -> Any:
        keys = self._keys
        return self._values[keys.index(key)] if key in keys else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return f"Counts({dict(self)!r})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return Counts, (self._keys, self._values)


@functools.lru_cache(maxsize=64)
def _shared_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sys.intern(key) for key in keys)


@dataclass(frozen=True, slots=True)  # one per table row of every answer: no __dict__
class Row:
    """One accepted table row: its figures keyed by the table's number columns."""

    item: str
    level: str
    figures: Mapping[str, int]  # `Counts` when read from an answer
    location: Location
    blank: tuple[str, ...] = ()  # number columns left blank beside filled ones: counted as 0
    # Number columns a lower level's data file gives as the sum of what only some of its rows
    # gave ("1.234*" in its report): the figure is counted, and stays marked incomplete.
    partial: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return self.figures.get("count", 0)

    @property
    def male(self) -> int:
        return self.figures.get("male", 0)

    @property
    def female(self) -> int:
        return self.figures.get("female", 0)

    @property
    def people(self) -> int:
        return self.male + self.female

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Sent back by a worker process: the item and level names, the same in most answers,
        # are kept once in the process that holds every answer (10,000 forms: ~35 MB less).
        return _shared_row, (
            self.item, self.level, self.figures, self.location, self.blank, self.partial
        )  # fmt: skip


def _shared_row(
    item: str,
    level: str,
    figures: Mapping[str, int],
    location: Location,
    blank: tuple[str, ...],
    partial: tuple[str, ...] = (),
) -> Row:
    location = shared_location(location)
    return Row(sys.intern(item), sys.intern(level), figures, location, blank, partial)


# The forms of one campaign share their layout: row 7 of "1. Hoạt động" is the same place in
# every agency's answer, kept once (10,000 forms: ~20 MB). Bounded, for inboxes that do not.
_LOCATIONS: dict[Location, Location] = {}
_MAX_SHARED_LOCATIONS = 4096


def shared_location(location: Location) -> Location:
    """An equal Location met before (the same object), else `location`."""
    found = _LOCATIONS.get(location)
    if found is not None:
        return found
    if len(_LOCATIONS) < _MAX_SHARED_LOCATIONS:
        _LOCATIONS[location] = location
    return location


@dataclass
class Submission:
    """One agency's validated report."""

    path: Path
    agency_code: str
    agency_name: str
    report_number: str = ""
    report_date: date | None = None
    signer_title: str = ""
    signer_name: str = ""
    contact: str = ""
    budget_state: int = 0
    budget_mobilized: int = 0
    # A total the clerk did not split by source ("Tổng kinh phí 40 triệu đồng"): counted in the
    # total, never guessed into ngân sách nhà nước or vận động.
    budget_unsplit: int = 0
    budget_reported: bool = True  # False: no budget written at all (not the same as 0 đồng)
    narratives: dict[str, str] = field(default_factory=dict)  # form.NARRATIVE_KEYS
    tables: dict[str, list[Row]] = field(default_factory=dict)  # form.TABLE_KEYS
    absent: list[str] = field(default_factory=list)  # keys of the tables the answer did not have
    rolled_up: bool = False  # a lower level's data file: its texts name its own bodies
    # A roll-up: the names of the lower level's bodies whose answers its figures contain.
    covers: tuple[str, ...] = ()
    late: bool = False
    received: date | None = None  # the e-mail's Date: the receipt date the deadline is about


class FileStatus(str, Enum):
    OK = "ok"
    WARNINGS = "warnings"
    ERRORS = "errors"
    UNREADABLE = "unreadable"
    NOT_A_REPORT = "not_a_report"  # a readable file that is no report: listed, never counted


@dataclass
class FileResult:
    path: Path
    agency_code: str | None
    agency_name: str | None = None
    issues: list[Issue] = field(default_factory=list)
    submission: Submission | None = None
    unreadable: bool = False
    kind: str = "excel"  # "excel", "word", "pdf", "picture"; "other" for a file not a report
    mail: bool = False  # read from an e-mail's attachment
    scanned: bool = False  # the agency answered with a picture: no figures to read
    digest: str = ""  # sha256 of the file's bytes: byte-identical copies are one answer
    # A readable file that is no report (a class list, another office's form): listed among the
    # other files, never counted, named or excluded as a report.
    not_a_report: bool = False
    senders: tuple[str, ...] = ()  # read from an e-mail: its sender's addresses (Mail.senders)
    # The earlier versions of this answer set aside (--latest), in words for the signed
    # report's Phụ lục II: dates, never file names.
    set_aside_note: str = ""

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors and self.submission is not None

    @property
    def status(self) -> FileStatus:
        if self.unreadable:
            return FileStatus.UNREADABLE
        if self.not_a_report:
            return FileStatus.NOT_A_REPORT
        if self.errors:
            return FileStatus.ERRORS
        return FileStatus.WARNINGS if self.warnings else FileStatus.OK


class DataFileError(ValueError):
    """A document that is not a thd data file of a version this thd reads (Vietnamese reason)."""
