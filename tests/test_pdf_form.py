"""thd's own Excel form printed to PDF (trial 2026-12-01b, finding 3): the printout reads as the
workbook does. An English-locale office suite prints the template's `#,##0` as "1,100"; the
"Thông tin chung" sheet prints as a two-column table (label | value) that holds the report
date, the texts and the budget; and the PDF beside its workbook is the same report."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong import config
from thanghanhdong.answers import differences
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.model import FileResult, Grid, Severity, Submission
from thanghanhdong.parse import parse_money, parse_whole, states_unit
from thanghanhdong.readers.layout import Sheet, find_labelled
from thanghanhdong.validate import validate_file

ROOT = Path(__file__).parents[1]
TRIAL = ROOT / "tests" / "data" / "pdfform"  # made by docs/trials/2026-12-01b/repro/pdfform
EXAMPLES = ROOT / "examples" / "inbox"


@pytest.fixture(scope="module")
def default() -> Campaign:
    return config.load(None)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,100", 1100), ("2,000", 2000), ("12,500,000", 12_500_000), ("1,234,567", 1_234_567)],
)
def test_a_comma_before_groups_of_three_digits_is_a_thousands_separator(
    text: str, value: int
) -> None:
    parsed = parse_whole(text)
    assert (parsed.value, parsed.error, parsed.warning) == (value, None, "comma_thousands")


@pytest.mark.parametrize("text", ["1,5", "12,50", "1,0000", "12,5000"])
def test_a_comma_before_other_digits_is_still_a_decimal(text: str) -> None:
    assert parse_whole(text).error == "decimal_number"


def test_accounting_cents_still_read() -> None:
    assert parse_whole("15.000.000,00").value == 15_000_000
    assert parse_whole("-1,100").error == "negative_number"


def _codes(result: FileResult, severity: Severity | None = None) -> list[str]:
    return [i.code for i in result.issues if severity is None or i.severity is severity]


def _figures(submission: Submission) -> dict[str, list[tuple[str, str, dict[str, int | None]]]]:
    return {
        key: [(row.item, row.level, dict(row.figures)) for row in rows]
        for key, rows in submission.tables.items()
    }


def _info(submission: Submission) -> tuple[object, ...]:
    """The fields a printout keeps whole (a long contact line is clipped at the print edge)."""
    return (
        submission.agency_code,
        submission.report_number,
        submission.report_date,
        submission.signer_title,
        submission.signer_name,
        submission.budget_state,
        submission.budget_mobilized,
        dict(submission.narratives),
    )


def test_the_trials_pdf_reads_as_its_workbook(default: Campaign) -> None:
    pdf = validate_file(TRIAL / "SYT chen dong.pdf", default)
    xlsx = validate_file(TRIAL / "SYT chen dong.xlsx", default)
    assert pdf.submission is not None and xlsx.submission is not None
    assert _codes(pdf, Severity.ERROR) == []
    assert set(_codes(pdf)) == {"comma_thousands"}  # the officer is told how "1,100" was read
    assert _info(pdf.submission) == _info(xlsx.submission)
    assert pdf.submission.report_date is not None
    assert pdf.submission.report_date.isoformat() == "2021-12-15"
    assert pdf.submission.budget_state == 12_500_000
    assert pdf.submission.contact == xlsx.submission.contact == "Chị Hà, 0209 3870 123"
    assert pdf.submission.narratives["proposals"] == "Đề nghị Bộ Y tế bổ sung tài liệu tập huấn."
    assert _figures(pdf.submission) == _figures(xlsx.submission)
    assert differences(pdf.submission, xlsx.submission) == []


def test_the_pdf_beside_its_workbook_is_no_different_version(
    default: Campaign, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("SYT chen dong.pdf", "SYT chen dong.xlsx"):
        shutil.copy(TRIAL / name, inbox / name)
    report = validate_inbox(inbox, default, workers=1)
    codes = [i.code for r in report.files for i in r.issues]
    assert "versions_differ" not in codes
    assert "decimal_number" not in codes


_VI_LOCALE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>vi-VN</value></prop></item>
</oor:items>
"""


def _export(sources: list[Path], folder: Path, locale: str) -> list[Path]:
    """The workbooks printed to PDF by LibreOffice set to `locale` (a private profile)."""
    profile = folder / f"profile-{locale}"
    if locale == "vi-VN":
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_VI_LOCALE, encoding="utf-8")
    return soffice_convert(sources, "pdf", folder / locale, profile)


SOURCES = ["2021_babe_ubnd-huyen-ba-be.xlsx", "2021_syt_so-y-te.xlsx"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("printed")
    sources = [EXAMPLES / name for name in SOURCES]
    return {locale: _export(sources, folder, locale) for locale in ("en-US", "vi-VN")}


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("locale", ["en-US", "vi-VN"])
def test_a_filled_form_printed_by_libreoffice_reads_as_the_form(
    exported: dict[str, list[Path]], default: Campaign, locale: str
) -> None:
    for name, pdf_path in zip(SOURCES, exported[locale], strict=True):
        pdf = validate_file(pdf_path, default)
        xlsx = validate_file(EXAMPLES / name, default)
        assert pdf.submission is not None and xlsx.submission is not None, name
        assert _codes(pdf, Severity.ERROR) == [], (name, pdf.issues)
        assert _info(pdf.submission) == _info(xlsx.submission), name
        assert _figures(pdf.submission) == _figures(xlsx.submission), name
        assert differences(pdf.submission, xlsx.submission) == [], name


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_the_locales_print_differently(exported: dict[str, list[Path]]) -> None:
    """The two exports really differ: en-US prints "18,500,000", vi-VN "18.500.000"."""
    texts = {
        locale: subprocess.check_output(["pdftotext", str(paths[0]), "-"], text=True)
        for locale, paths in exported.items()
    }
    assert "18,500,000" in texts["en-US"]
    assert "18.500.000" in texts["vi-VN"]


def test_a_budget_in_millions_keeps_its_comma_as_the_decimal() -> None:
    """A budget of "2,500" under a label in triệu đồng is 2,5 triệu (how Vietnamese writes it), never the
    thousands separator that would make it 2.500 triệu."""
    sheet = Sheet("bảng thứ 1", [["Ngân sách nhà nước (triệu đồng)", "2,500"]], grid=Grid.TABLE)
    cell = find_labelled([sheet], {"budget_state"})["budget_state"]
    assert states_unit(cell.value) and parse_money(str(cell.value)) == 2_500_000
