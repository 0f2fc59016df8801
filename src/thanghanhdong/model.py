"""The values that flow between stages: issues, raw cells, validated submissions, the report.

reader.py produces `RawSubmission`; validate.py turns it into `Submission` + `Issue`s and gathers
them in a `ValidationReport`; consolidate.py reads `Submission`s. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One problem, at one place, with a Vietnamese message that says what to do."""

    code: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None

    @property
    def where(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "sheet": self.sheet,
            "cell": self.cell,
            "message": self.message,
        }


# ----------------------------------------------------------------------------- reading

CellScalar = str | float | int | bool | date | None


@dataclass(frozen=True)
class Cell:
    """A value with the sheet and the address the user sees in Excel (e.g. `D12`)."""

    sheet: str
    address: str
    value: CellScalar


@dataclass
class RawRow:
    excel_row: int
    cells: dict[str, Cell]  # keyed by form.ColumnKind value: "stt", "item", "count", ...


@dataclass
class RawTable:
    key: str  # form.TableSpec.key
    sheet: str | None  # None when the sheet was not found
    rows: list[RawRow] = field(default_factory=list)
    header_cell: str | None = None
    first_data_row: int | None = None  # Excel row after the Nam | Nữ sub-header


@dataclass
class RawSubmission:
    """Everything read from one returned file, values untouched (except NFC for text)."""

    path: Path
    meta: dict[str, str] | None  # the very hidden sheet; None if absent (form retyped)
    info: dict[str, Cell]  # form.InfoField.key -> value cell
    tables: dict[str, RawTable]
    sheet_names: list[str] = field(default_factory=list)
    # Tables found where thd does not read them (a copied sheet, a block pasted below a table):
    # (sheet, form.TableSpec.key, header cell). Only those with filled rows.
    extra_tables: list[tuple[str, str, str]] = field(default_factory=list)


class FileError(Exception):
    """The file cannot be read at all; carries the issue to report."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


# -------------------------------------------------------------------------- validated


@dataclass(frozen=True)
class Row:
    """One accepted table row."""

    item: str
    level: str
    count: int
    male: int
    female: int
    sheet: str
    excel_row: int

    @property
    def people(self) -> int:
        return self.male + self.female


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
    narratives: dict[str, str] = field(default_factory=dict)  # form.NARRATIVE_KEYS
    tables: dict[str, list[Row]] = field(default_factory=dict)  # form.TABLE_KEYS
    late: bool = False


class FileStatus(str, Enum):
    OK = "ok"
    WARNINGS = "warnings"
    ERRORS = "errors"
    UNREADABLE = "unreadable"


@dataclass
class FileResult:
    path: Path
    agency_code: str | None
    agency_name: str | None = None
    issues: list[Issue] = field(default_factory=list)
    submission: Submission | None = None
    unreadable: bool = False

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
        if self.errors:
            return FileStatus.ERRORS
        return FileStatus.WARNINGS if self.warnings else FileStatus.OK
