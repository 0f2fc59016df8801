"""Two agencies' Word reports exported to PDF by LibreOffice and joined with pdfunite (trial
2026-12-01k, finding 5): the file was credited to the first agency, the second's table 1 an
"extra table" told in Excel words ("ở trang “trang 2, bảng …”, ô None … chép … vào trang
“1. Hoạt động” (được chèn thêm dòng)"). The file is told as holding two agencies' reports, each
report is read from its own pages as its agency's answer ("tệp.pdf › trang 2"), and a table out
of place in a Word/PDF report is told in the document's terms."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert
from docx import Document

from thanghanhdong import completeness, config, messages
from thanghanhdong.completeness import State
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.model import FileResult
from thanghanhdong.validate import validate_file

pytestmark = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdfunite") is None, reason="needs LibreOffice and pdfunite"
)

TPBK = "UBND THÀNH PHỐ BẮC KẠN"
PACNAM = "UBND HUYỆN PÁC NẶM"


def _table_one(d: Document, row: tuple[str, ...]) -> None:
    t = d.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    top, sub = t.rows[0].cells, t.rows[1].cells
    for p, label in ((0, "STT"), (1, "Hoạt động"), (2, "Số cuộc"), (5, "Cấp triển khai")):
        top[p].merge(sub[p]).text = label
    top[3].merge(top[4]).text = "Số người tham gia"
    t.cell(1, 3).text = "Nam"
    t.cell(1, 4).text = "Nữ"
    for cell, value in zip(t.add_row().cells, row, strict=True):
        cell.text = value


def _report(agency: str, row: tuple[str, ...], extra: tuple[str, ...] | None = None) -> Document:
    """An ND30 Word report (header table, title, outline, table 1), as a clerk types it."""
    d = Document()
    head = d.add_table(rows=1, cols=2)
    left = head.cell(0, 0)
    left.text = "UBND TỈNH BẮC KẠN"
    left.add_paragraph().add_run(agency).bold = True
    left.add_paragraph("Số: 30/BC-UBND")
    right = head.cell(0, 1)
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Bắc Kạn, ngày 16 tháng 12 năm 2021")
    for text in (
        "BÁO CÁO",
        "Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2021",
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
    ):
        d.add_paragraph().add_run(text).bold = True
    d.add_paragraph("Ban hành kế hoạch triển khai Tháng hành động.")
    d.add_paragraph().add_run("III. TỔNG HỢP SỐ LIỆU").bold = True
    d.add_paragraph().add_run("1. Tổ chức các hoạt động hưởng ứng Tháng hành động").bold = True
    _table_one(d, row)
    if extra is not None:  # the clerk's second table 1, pasted further down
        d.add_paragraph("Các hoạt động do các xã tổ chức như sau.")
        _table_one(d, extra)
    d.add_paragraph("Nơi nhận:\tCHỦ TỊCH")
    d.add_paragraph("Nguyễn Văn An")
    return d


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("two_agencies")
    sources = {
        "tpbk": _report(TPBK, ("1", "Tập huấn", "2", "50", "90", "Huyện")),
        "pacnam": _report(PACNAM, ("1", "Tọa đàm", "3", "20", "40", "Huyện")),
        "extra": _report(
            TPBK,
            ("1", "Tập huấn", "2", "50", "90", "Huyện"),
            ("2", "Tọa đàm", "4", "30", "60", "Xã"),
        ),
    }
    paths = []
    for name, document in sources.items():
        document.save(folder / f"{name}.docx")
        paths.append(folder / f"{name}.docx")
    converted = soffice_convert(paths, "pdf", folder / "pdf", folder / "profile")
    inbox = folder / "inbox"
    inbox.mkdir()
    joined = inbox / "BC TP Bac Kan va Pac Nam.pdf"
    subprocess.run(["pdfunite", str(converted[0]), str(converted[1]), str(joined)], check=True)
    return {"joined": joined, "extra": converted[2], "inbox": inbox}


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return config.load(None)


def _issues(result: FileResult, code: str) -> list[str]:
    return [i.message for i in result.issues if i.code == code]


def test_a_pdf_of_two_agencies_reports_is_told_as_such(
    pdfs: dict[str, Path], campaign: Campaign
) -> None:
    result = validate_file(pdfs["joined"], campaign)  # the first report's answer
    [message] = _issues(result, "document_reports_read_apart")
    assert f"báo cáo của 2 đơn vị ({TPBK}, và {PACNAM} từ trang 2)" in message
    # Nothing of the second report is credited to the first agency.
    assert result.agency_code == "TPBK"
    assert result.submission is not None
    assert [r.item for r in result.submission.tables["activities"]] == ["Tập huấn"]
    assert not _issues(result, "extra_table_sheet")


def test_each_report_of_a_joined_pdf_is_read_as_its_agencys_own(
    pdfs: dict[str, Path], campaign: Campaign
) -> None:
    report = validate_inbox(pdfs["inbox"], campaign)
    states = {e.code: e.state for e in completeness.compute(campaign, report.files).entries}
    assert states["PACNAM"] is State.ON_TIME
    assert states["TPBK"] is State.ON_TIME
    by_agency = {r.agency_code: r for r in report.files}
    assert sorted(r.path.name for r in report.files) == [
        "BC TP Bac Kan va Pac Nam.pdf › trang 1",
        "BC TP Bac Kan va Pac Nam.pdf › trang 2",
    ]
    for code, item, count in (("TPBK", "Tập huấn", 2), ("PACNAM", "Tọa đàm", 3)):
        answer = by_agency[code]
        assert answer.submission is not None and answer.ok
        [row] = answer.submission.tables["activities"]
        assert (row.item, row.figures["count"]) == (item, count)
        [message] = _issues(answer, "document_reports_read_apart")
        assert "đã đọc riêng báo cáo này" in message


def test_a_second_table_in_a_pdf_report_is_told_in_document_terms(
    pdfs: dict[str, Path], campaign: Campaign
) -> None:
    result = validate_file(pdfs["extra"], campaign)
    [message] = _issues(result, "extra_table_sheet")
    for excel_words in ("ô None", "trang “trang", "chèn thêm dòng", "trang “1. Hoạt động”"):
        assert excel_words not in message
    assert message.startswith(
        "Báo cáo có thêm một bảng “1. Tổ chức các hoạt động hưởng ứng Tháng hành động” (trang 1,"
    )
    reason = messages.problem("extra_table_sheet", message)
    assert reason == (
        "Báo cáo có hai bảng “1. Tổ chức các hoạt động hưởng ứng Tháng hành động”, bảng thứ hai "
        "không được đọc"
    )
    # The first table 1 is still read.
    assert result.submission is not None
    assert [r.figures["count"] for r in result.submission.tables["activities"]] == [2]
