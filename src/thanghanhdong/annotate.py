"""Annotated copies for `thd validate --annotate DIR`: a copy an officer can send back.

Each copy is a freshly generated form for the agency (drop-downs and protection intact), filled
with exactly what the agency sent, each problem cell highlighted with a comment, and a first sheet
"Cần sửa" listing every problem. The agency's original is never modified nor re-saved.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from thanghanhdong import form, messages
from thanghanhdong.answers import undecided_copy
from thanghanhdong.config import Agency, Campaign
from thanghanhdong.files import OutputExists, OutputHeld, atomic_write, held
from thanghanhdong.model import (
    Cell,
    FileError,
    FileResult,
    Issue,
    Location,
    RawSubmission,
    Severity,
)
from thanghanhdong.template import FormStamper
from thanghanhdong.xlsxutil import set_value

FIX_SHEET = "Cần sửa"
ERROR_FILL = "F8CBAD"
WARNING_FILL = "FFE699"


@dataclass(frozen=True)
class AnnotatedCopy:
    source: Path
    path: Path  # the marked copy of the form (written only when `filled`)
    kind: str = "excel"  # the answer's kind (FileResult.kind): "excel", "word", "pdf"
    filled: bool = True  # False: the answer could not be read again, only the letter is written

    @property
    def note(self) -> Path:
        """The covering letter beside it (công văn đề nghị sửa), for the officer to sign."""
        return self.path.with_suffix(".docx")

    @property
    def from_document(self) -> bool:
        """A Word or PDF answer: the copy is the agency's form filled with what was read (thd
        never writes into the agency's own document), and the letter names places in it."""
        return self.kind in {"word", "pdf"}


def annotation_names(results: list[FileResult]) -> list[str]:
    """`<source name>_can-sua.xlsx`, numbered when two sources (in different sub-folders) share
    a name. Only the source's own file name is used: nothing an agency typed. An e-mail's or
    zip's member is named after both: `thu_baocao_can-sua.xlsx`."""
    names: list[str] = []
    for result in results:
        stem, number = f"{_source_stem(result.path)}_can-sua", 1
        name = f"{stem}.xlsx"
        while name.casefold() in {n.casefold() for n in names}:
            number += 1
            name = f"{stem}-{number}.xlsx"
        names.append(name)
    return names


def _source_stem(path: Path) -> str:
    from thanghanhdong.readers.archive import SEPARATOR

    parts = path.name.split(SEPARATOR)
    return "_".join(PurePosixPath(part).stem for part in parts if part)


# Warnings that tell a fact the agency cannot change by resending (it was late, it sent again),
# never a point to correct: the letter says them as information, and they alone get no letter.
INFORMATION_CODES = frozenset(
    # file_misnamed: the name a mail program gave the attachment, most often; thd read it.
    {"late_report", "late_received", "resubmission_used", "rollup_with_own_form", "file_misnamed"}
)


def is_information(issue: Issue) -> bool:
    """A fact, not something to correct: lateness, a resubmission, and an empty "Kiến nghị, đề
    xuất" (an agency with nothing to propose is normal)."""
    if issue.code in INFORMATION_CODES:
        return True
    proposals = form.info_field("proposals").label
    return issue.code == "empty_narrative" and proposals in issue.message


def to_fix(issues: list[Issue]) -> list[Issue]:
    """The points the agency is asked to correct or confirm."""
    return [i for i in issues if not is_information(i)]


# Points a letter lists when it has others, but that alone make none: people not counted beside
# a figure (the readers of a leaflet, the listeners of a broadcast) are most often unknown, and
# the report marks the total "*" (newcomer trial 2026-12-02: 9 of 10 agencies got a formal
# letter for them alone). A figure thd read with no doubt left, and says how ("30 người" under
# Nam/Nữ, "1.234" typed as text, "-" for none, a number shown as a date) is told to the agency
# beside a point to correct, so that its clerk types it plainly next year; alone it is no reason
# to resend a report.
NOT_ALONE_CODES = frozenset(
    {"blank_figures", "unit_number", "text_number", "dash_number", "date_formatted_number"}
)


def _worth_a_letter(issues: list[Issue]) -> bool:
    return any(i.code not in NOT_ALONE_CODES for i in to_fix(issues))


def to_annotate(results: list[FileResult], campaign: Campaign) -> list[FileResult]:
    """The answers that get a copy and a letter: identified, with something to correct or
    confirm, figures to mark (a scanned answer has none: the officer types it into the
    agency's blank form)."""
    return [
        r
        for r in results
        if _worth_a_letter(r.issues)
        and not r.scanned
        # An undecided copy: a letter would ask the agency to correct a report it may have
        # replaced, and name the officer's own files (newcomer trial 2026-12-02).
        and not undecided_copy(r)
        and r.agency_code
        and campaign.agency(r.agency_code)
    ]


def information_only(results: list[FileResult]) -> list[FileResult]:
    """The answers with warnings that alone make no letter (information, blank people
    columns): no copy, no letter."""
    return [r for r in results if r.issues and not _worth_a_letter(r.issues) and not r.scanned]


def write_annotated(
    results: list[FileResult],
    campaign: Campaign,
    out_dir: Path,
    *,
    force: bool = False,
    today: date | None = None,
    clock: date | None = None,
) -> list[AnnotatedCopy]:
    """Write a marked copy, and its covering letter, for every identified file with points to
    correct. Raises OutputExists first. `today` dates the letters (None: left blank to fill in);
    `clock` is the real date (default: `today`), to leave a passed deadline out of a blank-dated
    letter."""
    todo = to_annotate(results, campaign)
    targets = [(r, out_dir / name) for r, name in zip(todo, annotation_names(todo), strict=True)]
    planned = [p for _, target in targets for p in (target, target.with_suffix(".docx"))]
    if not force and (existing := [p for p in planned if p.exists()]):
        raise OutputExists(existing)
    for path in planned:  # last run's copy open in Excel, its letter in Word (Windows)
        if reason := held(path):
            raise OutputHeld(path, reason)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamper = FormStamper(campaign)
    dates = (today, clock or today)
    return [_write_one(result, target, campaign, stamper, dates) for result, target in targets]


def _write_one(
    result: FileResult,
    target: Path,
    campaign: Campaign,
    stamper: FormStamper,
    dates: tuple[date | None, date | None],
) -> AnnotatedCopy:
    """The marked copy when the answer reads again, and always the letter."""
    agency = campaign.agency(result.agency_code or "")
    assert agency is not None
    raw = read_answer(result.path)
    points = to_fix(result.issues)
    marked = _marked_copy(stamper.stamp(agency), raw, points) if raw else None
    if marked is not None:
        atomic_write(target, marked)
    copy = AnnotatedCopy(result.path, target, result.kind, filled=marked is not None)
    atomic_write(copy.note, _letter(campaign, agency, result.issues, copy, dates))
    return copy


def _letter(
    campaign: Campaign,
    agency: Agency,
    issues: list[Issue],
    copy: AnnotatedCopy,
    dates: tuple[date | None, date | None],
) -> bytes:
    """The covering letter: the points to correct; facts (lateness) said as information; no
    deadline already passed; a blank date still carries the year."""
    from thanghanhdong.report import remind

    today, clock = dates
    return remind.render_covering_note(
        campaign,
        agency,
        to_fix(issues),
        copy.path.name if copy.filled else None,
        today,
        from_document=copy.from_document,
        # Facts in the catalogue's words, without the officer's advice ("đề nghị đơn vị bổ
        # sung", said after "không phải sửa", contradicted it).
        information=[_fact(i) for i in issues if is_information(i)],
        clock=clock,
    )


def _fact(issue: Issue) -> str:
    return messages.problem(issue.code, issue.message).rstrip(".") + "."


def read_answer(path: Path) -> RawSubmission | None:
    """The answer read again, from the inbox file or, for a member ("thu.eml › baocao.docx"),
    from the e-mail or zip holding it; None when it no longer reads (changed since, gone)."""
    from thanghanhdong import container, readers
    from thanghanhdong.readers import archive
    from thanghanhdong.readers.document import DocumentError

    outer = Path(str(path).split(archive.SEPARATOR)[0])
    try:
        if outer == path:
            return readers.read(path)
        data = container.load(outer)
        unpacked = archive.unpack(outer, data, container.check(outer.name, data))
        member = next((m for m in unpacked.members if m.path == path), None)
        return readers.read_bytes(member.path, member.data) if member else None
    except (FileError, DocumentError, OSError):
        return None


def _marked_copy(blank: bytes, raw: RawSubmission, issues: list[Issue]) -> bytes | None:
    """The marked copy; None when it cannot be made: the letter is still written, and the
    other agencies' copies too."""
    try:
        return annotate(blank, raw, issues)
    except Exception:  # whatever an answer holds, one copy never stops the others
        return None


def annotate(blank: bytes, raw: RawSubmission, issues: list[Issue]) -> bytes:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(blank))
    unplaced: list[Cell] = []
    moved = _copy_values(workbook, raw, unplaced)
    _mark(workbook, issues, moved)
    listed = _fix_sheet(workbook, issues, moved)
    _list_unplaced(workbook[FIX_SHEET], listed, unplaced)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _copy_values(
    workbook: Any, raw: RawSubmission, unplaced: list[Cell]
) -> dict[tuple[str, str], tuple[str, str]]:
    """Put the agency's values into the fresh form; returns original cell -> cell in the copy.
    A value the copy has no free cell for (the template's merged or own cell) goes to
    `unplaced`."""
    moved: dict[tuple[str, str], tuple[str, str]] = {}

    def put(cell: Cell, sheet: str, address: str) -> None:
        found = _free_cell(workbook[sheet], address, cell.value in ("", None))
        if found is None:
            unplaced.append(cell)
            return
        target, write = found
        if write:
            set_value(workbook[sheet][target], cell.value)
        moved[_key(cell.location)] = (sheet, target)

    for key, cell in raw.info.items():
        if key != "agency_name":
            put(cell, form.SHEET_INFO, f"{form.INFO_VALUE_COLUMN}{form.info_row(key)}")
    for spec in form.TABLES:
        table = raw.tables.get(spec.key)
        for index, row in enumerate(table.rows if table else []):
            # Keep each row where the agency put it (relative to the header), so "đã có ở dòng
            # 10" in a message points at the same row in the copy.
            start = table.first_data_row if table else None
            offset = row.row - start if start is not None else index
            excel_row = form.TABLE_FIRST_DATA_ROW + offset
            for key, cell in row.cells.items():
                if key != "stt" and spec.has(key):
                    put(cell, spec.sheet, f"{spec.letter(key)}{excel_row}")
            moved.setdefault(_key(row.location), (spec.sheet, f"A{excel_row}"))
    return moved


def _free_cell(sheet: Any, address: str, empty: bool) -> tuple[str, bool] | None:
    """Where the copy takes a value meant for `address`, and whether to write it: there, or for
    a cell inside a merge of the template the merge's top-left while it is empty (an empty
    value is not written into a merge); None when the template's own text (the signature, a
    heading) or another value already holds the merge."""
    box = next((b for b in sheet.merged_cells.ranges if address in b), None)
    if box is None:
        return address, True
    top = sheet.cell(box.min_row, box.min_col)
    if empty or top.value is None:
        return str(top.coordinate), not empty
    return None


def _list_unplaced(sheet: Any, listed: int, unplaced: list[Cell]) -> None:
    """Below the problems on "Cần sửa": the agency's values the copy could not show."""
    from openpyxl.styles import Alignment, Font

    body = Font(name="Times New Roman", size=12)
    for index, cell in enumerate(unplaced, start=listed + 1):
        where = cell.location
        text = (
            f"Đơn vị ghi “{_typed(cell.value)}” vào ô này, nơi mẫu có ô gộp hoặc chữ của mẫu: bản "
            "sao không chép được giá trị này, xem tệp đơn vị gửi."
        )
        values = (index, "Chưa chép", where.part or "", where.cell or "", text)
        for col, value in enumerate(values, start=1):
            target = sheet.cell(row=3 + index, column=col)
            set_value(target, value)
            target.font = body
            target.alignment = Alignment(wrap_text=True, vertical="top")
    if unplaced:
        sheet["A1"] = f"CÁC ĐIỂM CẦN SỬA ({listed}) VÀ GIÁ TRỊ CHƯA CHÉP ({len(unplaced)})"
        sheet["A1"].font = Font(name="Times New Roman", size=13, bold=True)


def _typed(value: Any) -> str:
    """A value as the agency typed it: 12 not 12.0, 12,5 with a decimal comma; cut to 60."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}".replace(".", ",")
    return str(value)[:60]


def _key(location: Location | None) -> tuple[str, str]:
    """Where a value was in the agency's file, as an issue names it."""
    return (location.part or "", location.cell or "") if location else ("", "")


def _mark(
    workbook: Any, issues: list[Issue], moved: dict[tuple[str, str], tuple[str, str]]
) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    notes: dict[tuple[str, str], list[Issue]] = {}
    for issue in issues:
        if issue.cell and (target := moved.get(_key(issue.location))):
            notes.setdefault(target, []).append(issue)
    for (sheet, address), found in notes.items():
        cell = workbook[sheet][address]
        is_error = any(i.severity is Severity.ERROR for i in found)
        cell.fill = PatternFill("solid", fgColor=ERROR_FILL if is_error else WARNING_FILL)
        text = "\n".join(f"{_label(i)}: {i.message}" for i in found)
        cell.comment = Comment(text, "thd", width=320, height=140)


def _label(issue: Issue) -> str:
    return "Lỗi" if issue.severity is Severity.ERROR else "Cảnh báo"


def _in_copy(issue: Issue, moved: dict[tuple[str, str], tuple[str, str]]) -> tuple[str, str]:
    """The sheet and cell of the copy where the issue's value was put (else its own)."""
    own = (issue.sheet or "", issue.cell or "")
    return moved.get(own, own)


def _fix_sheet(
    workbook: Any, issues: list[Issue], moved: dict[tuple[str, str], tuple[str, str]]
) -> int:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = workbook.create_sheet(FIX_SHEET, 0)
    workbook.active = 0
    for ws in workbook.worksheets:
        ws.sheet_view.tabSelected = ws is sheet
    bold = Font(name="Times New Roman", size=12, bold=True)
    body = Font(name="Times New Roman", size=12)
    points = messages.runs(issues)  # a problem in many cells of a column: one line
    sheet["A1"] = f"CÁC ĐIỂM CẦN SỬA ({len(points)})"
    sheet["A1"].font = Font(name="Times New Roman", size=13, bold=True)
    headers = ("STT", "Mức độ", "Trang", "Ô", "Nội dung cần sửa")
    widths = (6, 12, 20, 8, 100)
    for col, (label, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=3, column=col, value=label)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDE5F0")
        sheet.column_dimensions[cell.column_letter].width = width
    for index, point in enumerate(points, start=1):
        issue = point.issue
        where_sheet, where_cell = _in_copy(issue, moved)
        if point.last is not None:
            last = _in_copy(point.last, moved)[1]
            cells = f"{where_cell} đến {last}" if point.following else f"{where_cell}..."
            where_cell = f"{cells} ({point.count} ô)"
        values = (index, _label(issue), where_sheet, where_cell, issue.message)
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=3 + index, column=col)
            set_value(cell, value)
            cell.font = body
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if issue.severity is Severity.ERROR:
            sheet.cell(row=3 + index, column=2).font = Font(
                name="Times New Roman", size=12, bold=True, color="C00000"
            )
    sheet.freeze_panes = "A4"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "3:3"
    return len(points)
