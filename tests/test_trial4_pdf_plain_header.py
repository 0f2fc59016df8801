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
