"""An .xls saved again by LibreOffice: its text formulas (the signature block) keep their text,
the signature block is never a table row, and `--annotate` copes with merged template cells.

tests/data/xls-saved-once.xls is TP Bắc Kạn's form saved as .xls by LibreOffice;
xls-saved-twice.xls is the same after the clerk corrected one cell and saved it again as .xls
(docs/trials/2026-12-01/repro/fixed/): LibreOffice then writes 0 as the cached result of every
text formula, which calamine reads as 0.0.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong import form
from thanghanhdong.annotate import FIX_SHEET, write_annotated
from thanghanhdong.config import Campaign
from thanghanhdong.model import FileResult
from thanghanhdong.readers import xls
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

DATA = Path(__file__).parent / "data"
TWICE, ONCE = DATA / "xls-saved-twice.xls", DATA / "xls-saved-once.xls"
PRODUCTS = "3. Sản phẩm"


def figures(result: FileResult) -> dict[str, list[tuple[Any, ...]]]:
    assert result.submission is not None
    return {
        key: [(r.item, r.count, r.male, r.female) for r in rows]
        for key, rows in result.submission.tables.items()
    }


def problems(result: FileResult) -> list[tuple[str | None, str | None, str]]:
    return [(i.sheet, i.cell, i.code) for i in result.errors]


def test_text_formula_saved_with_a_zero_result_reads_as_its_text() -> None:
    found = xls.scan(TWICE.read_bytes())
    signature = found[PRODUCTS].texts[(37, 3)]
    assert signature.startswith("THỦ TRƯỞNG ĐƠN VỊ\n(Ký tên, đóng dấu)")
    # Saved once, the text is in the STRING record after the formula: the whole of it.
    once = xls.scan(ONCE.read_bytes())[PRODUCTS].texts[(37, 3)]
    assert once.endswith("CHỦ TỊCH\n\n\n\nNguyễn Văn A")


def test_form_saved_twice_as_xls_validates_as_saved_once(campaign: Campaign) -> None:
    twice, once = validate_file(TWICE, campaign), validate_file(ONCE, campaign)
    assert not [p for p in problems(twice) if p[1] and p[1].endswith("38")], problems(twice)
    # The clerk corrected D8 of "1. Hoạt động" between the two savings, nothing else.
    # (there a figure with its unit: read, with a warning)
    assert problems(once) == []
    assert [(i.sheet, i.cell) for i in once.issues if i.code == "unit_number"] == [
        ("1. Hoạt động", "D8")
    ]
    assert problems(twice) == []
    assert twice.agency_code == once.agency_code is not None
    later, first = figures(twice), figures(once)
    assert {k: v for k, v in later.items() if k != "activities"} == {
        k: v for k, v in first.items() if k != "activities"
    }
    # The row with D8's error is left out of the first sending's figures.
    assert later["activities"][: len(first["activities"])] == first["activities"]


def test_annotating_the_form_saved_twice(tmp_path: Path, campaign: Campaign) -> None:
    result = validate_file(TWICE, campaign)
    assert result.issues  # warnings only: it still gets a copy
    (copy,) = write_annotated([result], campaign, tmp_path / "cs")
    assert copy.filled and copy.path.is_file() and copy.note.is_file()


def _rows_into_signature(workbook: Any) -> None:
    """The clerk had more rows than the form: the blank row under the table and the signature
    row are typed over (the number in D38 replaces the signature formula of D38:F38)."""
    sheet = workbook[PRODUCTS]
    for row, item in ((37, "Sổ tay"), (38, "Áp phích")):
        sheet[f"B{row}"], sheet[f"C{row}"], sheet[f"D{row}"] = item, 1, 12


def test_annotate_value_in_a_merged_template_cell(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    from openpyxl import load_workbook

    agency = campaign.agency("NARI")
    assert agency is not None
    report = SampleReport()
    report.tables["activities"] = [SampleRow("Tập huấn", 4, 80, 130, "Xã")]
    path = tmp_path / "nari.xlsx"
    path.write_bytes(fill_bytes(stamper.stamp(agency), report, edit=_rows_into_signature))
    other = tmp_path / "babe.xlsx"
    babe = campaign.agency("BABE")
    assert babe is not None
    bad = SampleReport()
    bad.tables["activities"] = [SampleRow("Tập huấn", "bốn", 80, 130, "Xã")]
    other.write_bytes(fill_bytes(stamper.stamp(babe), bad))
    results = [validate_file(p, campaign) for p in (other, path)]
    assert (PRODUCTS, "D38", "merged_figures") in problems(results[1])
    copies = write_annotated(results, campaign, tmp_path / "cs")
    assert [c.filled for c in copies] == [True, True]
    workbook = load_workbook(copies[1].path)
    sheet = workbook[PRODUCTS]
    assert sheet["B38"].value == "Áp phích" and sheet["C38"].value == 1
    assert str(sheet["D38"].value).startswith('="THỦ TRƯỞNG')  # the template's, kept
    listed = [[c.value for c in row] for row in workbook[FIX_SHEET].iter_rows(min_row=4)]
    assert [row[1:4] for row in listed if row[1] == "Chưa chép"] == [["Chưa chép", PRODUCTS, "D38"]]
    assert "“12”" in next(row[4] for row in listed if row[1] == "Chưa chép")


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_generated_form_saved_twice_as_xls(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    agency = campaign.agency("NARI")
    assert agency is not None
    report = SampleReport()
    report.tables["activities"] = [SampleRow("Tập huấn", 4, 80, 130, "Xã")]
    report.tables["products"] = [SampleRow("Tờ rơi", 500, None, None, "Huyện")]
    original = tmp_path / "nari.xlsx"
    original.write_bytes(fill_bytes(stamper.stamp(agency), report))
    profile = tmp_path / "profile"
    (once,) = soffice_convert([original], "xls", tmp_path / "once", profile)
    (twice,) = soffice_convert([once], "xls", tmp_path / "twice", profile)
    first, second = validate_file(once, campaign), validate_file(twice, campaign)
    assert problems(second) == problems(first) == []
    assert figures(second) == figures(first)
    assert form.TABLES  # the form's tables all read


def _signature_as_zero(workbook: Any) -> None:
    """What a program that loses the signature's text leaves: 0 in D38 of D38:F38."""
    workbook[PRODUCTS]["D38"] = 0


def test_signature_cell_read_as_a_number_is_not_a_table_row(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    agency = campaign.agency("NARI")
    assert agency is not None
    report = SampleReport()
    report.tables["products"] = [SampleRow("Tờ rơi", 500, None, None, "Huyện")]
    path = tmp_path / "nari.xlsx"
    path.write_bytes(fill_bytes(stamper.stamp(agency), report, edit=_signature_as_zero))
    result = validate_file(path, campaign)
    assert problems(result) == []
    assert figures(result)["products"] == [("Tờ rơi", 500, 0, 0)]  # one row: not row 38
