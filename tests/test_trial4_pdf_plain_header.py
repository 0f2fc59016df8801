"""Trial 2026-12-01d: a Word report whose header is plain paragraphs (no national motto, no
header table), exported to PDF by LibreOffice, is read like the .docx it came from."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong.readers.pdf import read_pdf
from thanghanhdong.readers.word import read_docx

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")


def _report(path: Path) -> Path:
    document = docx.Document()
    for text in ("SỞ TƯ PHÁP", "Số: 77/BC-STP", "Bắc Kạn, ngày 13 tháng 12 năm 2021"):
        document.add_paragraph(text)
    document.add_paragraph("BÁO CÁO KẾT QUẢ THỰC HIỆN THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI NĂM 2021")
    document.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    document.add_paragraph("Sở Tư pháp đã ban hành kế hoạch triển khai Tháng hành động.")
    document.save(path)
    return path


def test_a_plain_paragraph_header_names_the_agency_in_the_pdf_too(tmp_path: Path) -> None:
    source = _report(tmp_path / "stp.docx")
    [pdf] = soffice_convert([source], "pdf", tmp_path / "out", tmp_path / "profile")
    word = read_docx(source.read_bytes()).fields
    read = read_pdf(pdf.read_bytes()).fields
    assert word["agency_name"].value == "SỞ TƯ PHÁP"
    assert read["agency_name"].value == "SỞ TƯ PHÁP"
    assert read["report_number"].value == "77/BC-STP"


def _signed(path: Path, title: str, name: str, broken: bool) -> Path:
    document = docx.Document()
    for text in ("TỈNH ĐOÀN BẮC KẠN", "Số: 55-BC/TĐTN", "BÁO CÁO"):
        document.add_paragraph(text)
    document.add_paragraph("II. ĐÁNH GIÁ CHUNG")
    document.add_paragraph("3. Kiến nghị, đề xuất")
    document.add_paragraph("Đề nghị tỉnh hỗ trợ tài liệu.")
    if broken:  # Shift+Enter between the title and the name
        document.add_paragraph(f"{title}\n{name}")
    else:
        document.add_paragraph(title)
        document.add_paragraph(name)
    document.save(path)
    return path


@pytest.mark.parametrize("broken", [False, True])
def test_a_signers_title_not_in_capitals_is_the_signature_not_a_proposal(
    tmp_path: Path, broken: bool
) -> None:
    source = _signed(tmp_path / "td.docx", "Bí thư", "Nông Thị Hoa", broken)
    [pdf] = soffice_convert([source], "pdf", tmp_path / "out", tmp_path / "profile")
    for fields in (read_docx(source.read_bytes()).fields, read_pdf(pdf.read_bytes()).fields):
        assert fields["proposals"].value == "Đề nghị tỉnh hỗ trợ tài liệu."
        assert fields["signer_title"].value == "Bí thư"
        assert fields["signer_name"].value == "Nông Thị Hoa"


def test_a_closing_budget_line_is_the_budget_not_a_proposal(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("SỞ TƯ PHÁP", "Số: 77/BC-STP", "BÁO CÁO", "II. ĐÁNH GIÁ CHUNG"):
        document.add_paragraph(text)
    document.add_paragraph("2. Những khó khăn, tồn tại")
    document.add_paragraph("Kinh phí còn hạn hẹp.")
    document.add_paragraph("3. Kiến nghị, đề xuất")
    document.add_paragraph("Đề nghị tỉnh hỗ trợ tài liệu.")
    document.add_paragraph("Kinh phí thực hiện: 15.000.000 đồng")
    document.add_paragraph("GIÁM ĐỐC")
    document.add_paragraph("Vi Văn Khánh")
    source = tmp_path / "stp.docx"
    document.save(source)
    [pdf] = soffice_convert([source], "pdf", tmp_path / "out", tmp_path / "profile")
    for fields in (read_docx(source.read_bytes()).fields, read_pdf(pdf.read_bytes()).fields):
        assert fields["proposals"].value == "Đề nghị tỉnh hỗ trợ tài liệu."
        assert fields["difficulties"].value == "Kinh phí còn hạn hẹp."
        assert fields["budget_total"].value == "15.000.000 đồng"
