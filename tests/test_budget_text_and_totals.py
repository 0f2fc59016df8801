"""Two misleading results a newcomer's trial found (docs/trials/2026-12-01, findings 4 and 6):
a budget typed with its unit in the form's budget cell ("8.500.000 đồng") was an error whose
example spoke of people; a totals row was said not to add up when a row above it had an error
(the clerk would hunt for a difference that is only that row)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SOFFICE
from openpyxl import load_workbook
from test_traps import base_form, issues, typed_in_libreoffice

from thanghanhdong import form
from thanghanhdong.config import Campaign
from thanghanhdong.sample import SampleRow
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

ACT = form.table("activities").sheet
ROWS = [SampleRow("Tập huấn", 2, 10, 12, "Tỉnh")]


def budget_cell(path: Path) -> str:
    """The address of the state-budget value cell on the info sheet, by its label."""
    label = form.info_field("budget_state").label
    sheet = load_workbook(path)[form.SHEET_INFO]
    for row in sheet.iter_rows():
        for found in row:
            if found.value == label:
                return sheet.cell(found.row, found.column + 1).coordinate
    raise AssertionError("no budget label")


def with_budget(path: Path, typed: object) -> Path:
    book = load_workbook(path)
    book[form.SHEET_INFO][budget_cell(path)] = typed
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("typed", "amount", "shown"),
    [
        ("8.500.000 đồng", 8_500_000, "8.500.000"),
        ("15 triệu đồng", 15_000_000, "15.000.000"),
        ("2,5 triệu", 2_500_000, "2.500.000"),
        ("15tr", 15_000_000, "15.000.000"),  # the short form parse_money knows
        ("1,2 tỷ đồng", 1_200_000_000, "1.200.000.000"),
    ],
)
def test_a_budget_typed_with_its_unit_is_understood_with_a_warning(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, typed: str, amount: int, shown: str
) -> None:
    path = with_budget(base_form(tmp_path, campaign, stamper, ROWS), typed)
    result = validate_file(path, campaign)
    assert result.ok and result.submission is not None
    assert result.submission.budget_state == amount
    (warning,) = [i for i in result.issues if i.code == "budget_text"]
    assert (warning.sheet, warning.cell) == (form.SHEET_INFO, budget_cell(path))
    assert f"đã hiểu là {shown} đồng" in warning.message
    assert "người" not in warning.message


def test_a_budget_in_words_that_is_no_amount_is_still_an_error(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    path = with_budget(base_form(tmp_path, campaign, stamper, ROWS), "nhiều triệu")
    result = validate_file(path, campaign)
    assert ("budget_not_read", form.SHEET_INFO, budget_cell(path)) in issues(result)
    assert not result.ok


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_budget_typed_in_libreoffice_with_its_unit(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    source = base_form(tmp_path, campaign, stamper, ROWS)
    plan = [
        {"sheet": form.SHEET_INFO, "cell": budget_cell(source), "how": "string",
         "value": "8.500.000 đồng"},
    ]  # fmt: skip
    result = validate_file(typed_in_libreoffice(source, plan, tmp_path), campaign)
    assert result.submission is not None and result.submission.budget_state == 8_500_000
    assert "budget_text" in [i.code for i in result.issues]


def test_a_totals_row_is_not_called_wrong_when_a_row_above_has_an_error(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    rows = [
        SampleRow("Mít tinh", 3, 10, 10, "Tỉnh"),  # row 7
        SampleRow("Tập huấn", 2, "khoảng 12", 4, "Tỉnh"),  # row 8: an error in Nam
        SampleRow("Tổng cộng", 5, 22, 14, None),  # row 9: right, counting row 8
    ]
    result = validate_file(base_form(tmp_path, campaign, stamper, rows), campaign)
    codes = [code for code, _, _ in issues(result)]
    assert "not_a_number" in codes  # row 8 is what the clerk must fix
    assert "totals_mismatch" not in codes
    assert ("totals_row", ACT, "B9") in issues(result)


def test_a_wrong_totals_row_is_still_found_when_every_row_reads(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    rows = [
        SampleRow("Mít tinh", 3, 10, 10, "Tỉnh"),
        SampleRow("Tập huấn", 2, 12, 4, "Tỉnh"),
        SampleRow("Tổng cộng", 6, 22, 14, None),  # 6, not 5
    ]
    result = validate_file(base_form(tmp_path, campaign, stamper, rows), campaign)
    assert ("totals_mismatch", ACT, "C9") in issues(result)
