"""A number cell of a Word answer's table is judged as the same text typed in the Excel form:
"1.5", "2.50", "1,5" are decimal errors (never 15 or 250), "1,100" is read with the
comma_thousands warning. Only "1.234" differs on purpose: in Word every figure is text and the dot
is the Vietnamese thousands separator, so it is 1234 with no word (in Excel a figure typed as
text earns text_number). Word files by python-docx, forms filled by openpyxl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import word_reports as reports
from cases import filled, with_activities
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.sample import SampleRow
from thanghanhdong.template import FormStamper

runner = CliRunner()
NOISE = {"totals_row", "blank_figures", "late_report", "totals_mismatch"}


def _codes(inbox: Path) -> list[str]:
    """The issue codes of the inbox's one answer, as `thd validate --json` lists them."""
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    answer = json.loads(result.stdout)["files"][0]
    return sorted(i["code"] for i in answer["issues"] if i["code"] not in NOISE)


def _word(folder: Path, typed: str) -> Path:
    rows = [["1", "Tập huấn", "2", typed, "10", "Huyện"]]
    (folder / "So Y te.docx").write_bytes(
        reports.seed_form((rows, reports.MEDIA, reports.PRODUCTS))
    )
    return folder


def _excel(folder: Path, typed: str, campaign: Campaign, stamper: FormStamper) -> Path:
    report = with_activities(SampleRow("Tập huấn", 2, typed, 10, "Xã"))
    (folder / "babe.xlsx").write_bytes(filled(campaign, stamper, report))
    return folder


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("1.5", ["decimal_number"]),
        ("2.50", ["decimal_number"]),
        ("12.5", ["decimal_number"]),
        ("1.2345", ["decimal_number"]),
        ("1,5", ["decimal_number"]),
        ("1,100", ["comma_thousands"]),
        ("1.234,5", ["not_a_number"]),
    ],
)
def test_an_ambiguous_number_is_judged_alike_in_word_and_excel(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, typed: str, codes: list[str]
) -> None:
    (tmp_path / "w").mkdir()
    (tmp_path / "x").mkdir()
    word = _codes(_word(tmp_path / "w", typed))
    excel = _codes(_excel(tmp_path / "x", typed, campaign, stamper))
    assert word == excel == codes


def test_thousands_with_dots_in_word_are_read_without_a_word(
    tmp_path: Path, campaign: Campaign
) -> None:
    report = validate_inbox(_word(tmp_path, "1.234"), campaign)
    assert _codes(tmp_path) == []
    submission = report.files[0].submission
    assert submission is not None
    assert submission.tables["activities"][0].figures["male"] == 1234


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_pdf_exported_by_libreoffice_refuses_the_same_decimals(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    rows = [["1", "Tập huấn", "2", "2.50", "1.5", "Huyện"]]
    (source / "So Y te.docx").write_bytes(
        reports.seed_form((rows, reports.MEDIA, reports.PRODUCTS))
    )
    inbox = tmp_path / "inbox"
    soffice_convert([source / "So Y te.docx"], "pdf", inbox, tmp_path / "profile")
    assert _codes(inbox) == ["decimal_number", "decimal_number"]
