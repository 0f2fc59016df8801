"""What prints: the generated form reads as a signable report (header block on its first
report page, signature block under its last table, each table on whole A4 landscape pages),
and `thd consolidate --pdf` writes the report's PDF through LibreOffice, or says it cannot."""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert
from openpyxl import load_workbook
from typer.testing import CliRunner

from thanghanhdong import form
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.template import FormStamper

ROOT = Path(__file__).parents[1]
runner = CliRunner()


def _form(campaign: Campaign, stamper: FormStamper):  # type: ignore[no-untyped-def]
    agency = campaign.agency("SNV")
    assert agency is not None
    return load_workbook(io.BytesIO(stamper.stamp(agency)))


def test_info_sheet_opens_with_the_seed_header_block(campaign: Campaign, stamper) -> None:  # type: ignore[no-untyped-def]
    info = _form(campaign, stamper)[form.SHEET_INFO]
    name_row, number_row = form.info_row("agency_name"), form.info_row("report_number")
    assert info["A1"].value == f"=UPPER($B${name_row})"
    assert info["B1"].value.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập")
    assert f"$B${number_row}" in info["A2"].value and "Số: " in info["A2"].value
    assert "ngày" in info["B2"].value and "DAY(" in info["B2"].value
    assert info["A3"].value == form.form_title(campaign.campaign.year)


def test_last_table_ends_with_the_signature_block(campaign: Campaign, stamper) -> None:  # type: ignore[no-untyped-def]
    book = _form(campaign, stamper)
    last = book[form.TABLES[-1].sheet]
    texts = [c.value for row in last.iter_rows() for c in row if isinstance(c.value, str)]
    block = next(t for t in texts if "THỦ TRƯỞNG ĐƠN VỊ" in t)  # one cell: the reader stops there
    assert "(Ký tên, đóng dấu)" in block and f"$B${form.info_row('signer_name')}" in block
    for spec in form.TABLES:
        sheet = book[spec.sheet]
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToHeight == 1  # 30 rows: one page, no stray rows
        assert sheet.print_title_rows


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_filled_form_prints_header_tables_and_signature(tmp_path: Path) -> None:
    source = ROOT / "examples" / "inbox" / "2021_snv_so-noi-vu.xlsx"
    (pdf,) = soffice_convert([source], "pdf", tmp_path / "pdf", tmp_path / "profile")
    pages = _pages(pdf)
    assert pages == 1 + 2 + len(form.TABLES)  # guide, Thông tin chung, one page per table
    info = _page_text(pdf, 2)
    assert "SỞ NỘI VỤ" in info and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in info
    assert re.search(r"ngày 18 tháng 12 năm 2021", info)
    signature = _page_text(pdf, pages)
    assert "THỦ TRƯỞNG ĐƠN VỊ" in signature and "(Ký tên, đóng dấu)" in signature


def _pages(pdf: Path) -> int:
    out = subprocess.check_output(["pdfinfo", str(pdf)], text=True)
    return int(re.search(r"Pages:\s+(\d+)", out)[1])  # type: ignore[index]


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.check_output(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], text=True
    )


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_consolidate_writes_the_pdf(tmp_path: Path) -> None:
    out = tmp_path / "baocao.pdf"
    result = runner.invoke(
        app, ["consolidate", str(ROOT / "examples" / "inbox"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF") and not (tmp_path / "baocao.docx").exists()
    assert "Kết quả thực hiện Tháng hành động" in _page_text(out, 1)
    both = tmp_path / "hai.docx"
    result = runner.invoke(
        app, ["consolidate", str(ROOT / "examples" / "inbox"), "--out", str(both), "--pdf"]
    )
    assert result.exit_code == 0, result.output
    assert both.is_file() and both.with_suffix(".pdf").is_file()


def test_without_libreoffice_pdf_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "baocao.docx"
    result = runner.invoke(
        app, ["consolidate", str(ROOT / "examples" / "inbox"), "--out", str(out), "--pdf"]
    )
    assert result.exit_code == 2
    assert "LibreOffice" in result.output and "--pdf" in result.output
    assert not out.exists()
    assert os.listdir(tmp_path) == []
