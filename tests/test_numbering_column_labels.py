"""The numbering column of a table the clerk typed is headed "TT" as often as "STT" ("Số TT",
"Số thứ tự", "S.T.T"): the table was not found, and thd warned `table_absent` ("coi như đơn
vị không có số liệu") while the figures stood in it. A Word report (python-docx, and its PDF
exported by LibreOffice) and an own workbook (openpyxl, saved again by LibreOffice) under each
heading give the figures of the one headed "STT"."""

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

HEADINGS = ["STT", "TT", "Số TT", "Số thứ tự", "S.T.T", "TT."]


def _read(path: Path, campaign: Campaign) -> tuple[dict[str, list[object]], list[str]]:
    """Each table's rows with their figures, and the issue codes."""
    result = validate_file(path, campaign)
    assert result.submission is not None, [i.message for i in result.issues]
    figures = {
        key: [(row.item, dict(row.figures)) for row in rows]
        for key, rows in result.submission.tables.items()
    }
    return figures, sorted(i.code for i in result.issues)


def _word(directory: Path, heading: str) -> Path:
    document = Document(BytesIO(reports.seed_form()))
    for table in document.tables[1:4]:  # the three data tables (the first is the letterhead)
        table.cell(0, 0).text = heading
    path = directory / f"bc {heading.replace('.', '_')}.docx"
    document.save(str(path))
    return path


def _workbook(directory: Path, heading: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Tên đơn vị báo cáo: UBND huyện Ba Bể"])
    sheet.append(["1. Tổ chức các hoạt động hưởng ứng"])
    sheet.append([heading, "Hoạt động", "Số cuộc", "Số người tham gia", None, "Cấp triển khai"])
    sheet.append([None, None, None, "Nam", "Nữ", None])
    sheet.append([1, "Tập huấn", 2, 10, 20, "Xã"])
    sheet.append([2, "Tọa đàm", 1, 5, 35, "Huyện"])
    path = directory / f"own {heading.replace('.', '_')}.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("numbering")
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
@pytest.mark.parametrize("heading", HEADINGS[1:])
def test_a_numbering_column_headed_otherwise_reads_the_same_figures(
    answers: dict[tuple[str, str], Path], campaign: Campaign, kind: str, heading: str
) -> None:
    figures, codes = _read(answers[(kind, "STT")], campaign)
    assert len(figures["activities"]) == 2  # the baseline really holds figures
    assert _read(answers[(kind, heading)], campaign) == (figures, codes)
