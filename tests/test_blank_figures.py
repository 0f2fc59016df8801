"""A row with figures and blank number cells (issue 9: never silently zero): counted as 0,
with ONE `blank_figures` warning per table naming the rows; an explicit 0 is an answer."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert
from helpers import consolidate
from openpyxl import load_workbook
from rich.console import Console
from test_traps import base_form, cell, issues, totals, typed_in_libreoffice

from thanghanhdong import form
from thanghanhdong.config import Campaign
from thanghanhdong.model import FileResult
from thanghanhdong.report import officer
from thanghanhdong.report.xlsx import render_xlsx
from thanghanhdong.reporter import render_consolidation
from thanghanhdong.sample import SampleRow
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

ACT = form.table("activities").sheet


def blank_warning(result: FileResult) -> str:
    (found,) = [i for i in result.issues if i.code == "blank_figures"]
    return found.message


def test_blank_people_beside_a_count_is_one_warning_and_zeros_are_none(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    rows = [
        SampleRow("Tập huấn", 3, None, None, "Huyện"),  # row 7: count, Nam and Nữ blank
        SampleRow("Hội thảo", 2, 0, 0, "Tỉnh"),  # row 8: explicit zeros, an answer
        SampleRow("Tọa đàm", 1, 12, None, "Xã"),  # row 9: Nữ alone blank
    ]
    result = validate_file(base_form(tmp_path, campaign, stamper, rows), campaign)
    assert issues(result) == [("blank_figures", ACT, "D7")]
    assert result.ok  # a warning: the file still counts
    assert totals(result) == (6, 12, 0)
    message = blank_warning(result)
    assert message.startswith("Các dòng 7, 9 có số liệu nhưng để trống số nam/nữ")
    assert "chỉ ghi 0 khi đúng là không có ai" in message


def test_a_blank_count_beside_people_names_the_count(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    rows = [SampleRow("Tọa đàm", None, 10, 12, "Xã")]
    result = validate_file(base_form(tmp_path, campaign, stamper, rows), campaign)
    assert issues(result) == [("blank_figures", ACT, "C7")]
    assert blank_warning(result).startswith("Dòng 7 có số liệu nhưng để trống số cuộc:")


def test_many_blank_rows_are_still_one_warning(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    rows = [SampleRow(f"Hoạt động {n}", 1, None, None, "Xã") for n in range(15)]
    result = validate_file(base_form(tmp_path, campaign, stamper, rows), campaign)
    assert issues(result) == [("blank_figures", ACT, "D7")]
    assert result.ok and totals(result) == (15, 0, 0)
    message = blank_warning(result)
    assert "Các dòng 7, 8, 9, 10, 11, 12, 13, 14, 15, 16... có số liệu" in message


def test_a_form_with_every_figure_filled_has_no_warning(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    rows = [SampleRow("Tập huấn", 3, 0, 0, "Huyện"), SampleRow("Hội thảo", 2, 10, 15, "Tỉnh")]
    result = validate_file(base_form(tmp_path, campaign, stamper, rows), campaign)
    assert issues(result) == []


def test_the_officer_list_names_the_blank_rows(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    rows = [SampleRow("Tập huấn", 3, None, None, "Huyện"), SampleRow("Hội thảo", 2, 0, 0, "Tỉnh")]
    result = validate_file(base_form(tmp_path, campaign, stamper, rows), campaign)
    assert result.submission is not None
    c = consolidate(campaign, [result.submission], report_date=date(2021, 12, 22))
    assert officer.blank_rows(c) == ["UBND huyện Ba Bể, 1. Hoạt động: dòng 7 để trống số nam/nữ"]
    book = load_workbook(io.BytesIO(render_xlsx(c)))
    listed = list(book[officer.SHEET_BLANKS].iter_rows(min_row=4, values_only=True))
    assert listed == [(1, "UBND huyện Ba Bể", "1. Hoạt động", "7", "số nam/nữ")]
    console = Console(record=True, width=80)
    render_consolidation(c, [tmp_path / "tonghop.xlsx"], console)
    printed = " ".join(console.export_text().split())
    assert "1 bảng có dòng để trống ô số, ô trống không được cộng" in printed
    assert "- UBND huyện Ba Bể, 1. Hoạt động: dòng 7 để trống số nam/nữ" in printed


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_typed_in_libreoffice_and_saved_as_ods(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    rows = [
        SampleRow("Tập huấn", None, None, None, "Huyện"),
        SampleRow("Hội thảo", None, None, None, "Tỉnh"),
    ]
    source = base_form(tmp_path, campaign, stamper, rows)
    plan = [cell("C7", "value", 3), *(cell(ref, "value", v) for ref, v in
            (("C8", 2), ("D8", 0), ("E8", 0)))]  # fmt: skip
    typed = typed_in_libreoffice(source, plan, tmp_path)
    (ods,) = soffice_convert([typed], "ods", tmp_path / "ods", tmp_path / "profile")
    for path in (typed, ods):
        result = validate_file(path, campaign)
        assert issues(result) == [("blank_figures", ACT, "D7")], path
        assert result.ok and totals(result) == (5, 0, 0)
        assert blank_warning(result).startswith("Dòng 7 có số liệu nhưng để trống số nam/nữ")
