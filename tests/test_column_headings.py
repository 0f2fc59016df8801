"""A table the clerk typed has its columns headed in the clerk's words: the numbering column
"TT" as often as "STT" ("Số TT", "Số thứ tự", "S.T.T"), the activity "Nội dung hoạt động" or
"Tên hoạt động", the sessions "Số lượng" or "Số buổi", the level "Cấp tổ chức". The table was
not found, and thd warned `table_absent` ("coi như đơn vị không có số liệu") while the figures
stood in it, or refused the column (`missing_column`). A Word report (python-docx, and its PDF
exported by LibreOffice) and an own workbook (openpyxl, saved again by LibreOffice) under each
heading give the figures and the issues of the one headed as the form is."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
import word_reports as reports
from conftest import SOFFICE, soffice_convert
from docx import Document

from thanghanhdong.config import Campaign
from thanghanhdong.validate import validate_file

# The activities table's headings: position in the header row -> label (0 STT, 1 item, 2 count,
# 5 level); the first is the form's own.
HEADINGS = {
    "form": {},
    "TT": {0: "TT"},
    "Số TT": {0: "Số TT"},
    "Số thứ tự": {0: "Số thứ tự"},
    "S.T.T": {0: "S.T.T"},
    "TT.": {0: "TT."},
    "Nội dung hoạt động": {1: "Nội dung hoạt động"},
    "Tên hoạt động, Số buổi": {1: "Tên hoạt động", 2: "Số buổi"},
    "Hình thức hoạt động, Số lượng": {1: "Hình thức hoạt động", 2: "Số lượng"},
    "Cấp tổ chức": {5: "Cấp tổ chức"},
    "TT, Cấp thực hiện": {0: "TT", 5: "Cấp thực hiện"},
    "không có cột STT": {0: None},  # the numbering column deleted from every table
}
LABELS = ["STT", "Hoạt động", "Số cuộc", "Số người tham gia", None, "Cấp triển khai"]


def _read(path: Path, campaign: Campaign) -> tuple[dict[str, list[object]], list[str]]:
    """Each table's rows with their figures, and the issue codes."""
    result = validate_file(path, campaign)
    assert result.submission is not None, [i.message for i in result.issues]
    figures = {
        key: [(row.item, dict(row.figures)) for row in rows]
        for key, rows in result.submission.tables.items()
    }
    return figures, sorted(i.code for i in result.issues)


def _name(heading: str) -> str:
    return heading.replace(".", "_").replace(",", "").replace(" ", "-")


def _without_first_column(table) -> None:  # type: ignore[no-untyped-def]
    """Delete the numbering column as Word's Delete Columns does: the totals row's label,
    merged over STT and the item, keeps the item's column."""
    table._tbl.tblGrid.remove(table._tbl.tblGrid.gridCol_lst[0])
    for row in table._tbl.tr_lst:
        first = row.tc_lst[0]
        if first.grid_span > 1:
            first.grid_span -= 1
        else:
            row.remove(first)


def _word(directory: Path, heading: str) -> Path:
    document = Document(BytesIO(reports.seed_form()))
    activities = document.tables[1]  # the first data table (the first table is the letterhead)
    tables = document.tables[1:4]
    if HEADINGS[heading] == {0: None}:
        for table in tables:
            _without_first_column(table)
    else:
        for position, label in HEADINGS[heading].items():
            activities.cell(0, position).text = label
    if HEADINGS[heading].get(0):  # the numbering column of all three tables
        for table in tables[1:]:
            table.cell(0, 0).text = HEADINGS[heading][0]
    path = directory / f"bc {_name(heading)}.docx"
    document.save(str(path))
    return path


def _workbook(directory: Path, heading: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Tên đơn vị báo cáo: UBND huyện Ba Bể"])
    sheet.append(["1. Tổ chức các hoạt động hưởng ứng"])
    labels = list(LABELS)
    for position, label in HEADINGS[heading].items():
        labels[position] = label
    rows = [
        labels,
        [None, None, None, "Nam", "Nữ", None],
        [1, "Tập huấn", 2, 10, 20, "Xã"],
        [2, "Tọa đàm", 1, 5, 35, "Huyện"],
    ]
    numbered = HEADINGS[heading] != {0: None}
    for row in rows:
        sheet.append(row if numbered else row[1:])
    path = directory / f"own {_name(heading)}.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("headings")
    words = {heading: _word(work, heading) for heading in HEADINGS}
    books = {heading: _workbook(work, heading) for heading in HEADINGS}
    pdfs = soffice_convert(list(words.values()), "pdf", work / "pdf", work / "profile")
    saved = soffice_convert(list(books.values()), "xlsx", work / "xlsx", work / "profile")
    found: dict[tuple[str, str], Path] = {}
    for heading, pdf, xlsx in zip(HEADINGS, pdfs, saved, strict=True):
        found[("word", heading)], found[("pdf", heading)] = words[heading], pdf
        found[("excel", heading)] = xlsx
    return found


@pytest.mark.parametrize("kind", ["word", "pdf", "excel"])
@pytest.mark.parametrize("heading", list(HEADINGS)[1:])
def test_a_column_headed_in_the_clerks_words_reads_the_same_figures(
    answers: dict[tuple[str, str], Path], campaign: Campaign, kind: str, heading: str
) -> None:
    figures, codes = _read(answers[(kind, "form")], campaign)
    assert len(figures["activities"]) == 2  # the baseline really holds figures
    assert _read(answers[(kind, heading)], campaign) == (figures, codes)
