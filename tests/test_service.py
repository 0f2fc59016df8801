"""From a validation report of real files to the Word report: the report date, the short
exclusion reasons the official report prints, and an unusable officer's template."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import State
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.service import ReportError, build_reports, exclusions
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import ValidationReport, validate_inbox

ACT = "1. Hoạt động"
NEGATIVE_FILE = "nari.xlsx"
SHORT_REASON = f"Số âm ({ACT}!C7) và 1 lỗi khác."


def _write(
    inbox: Path,
    name: str,
    campaign: Campaign,
    stamper: FormStamper,
    code: str,
    report: SampleReport,
) -> None:
    agency = campaign.agency(code)
    assert agency is not None
    (inbox / name).write_bytes(fill_bytes(stamper.stamp(agency), report))


@pytest.fixture(scope="module")
def report(
    tmp_path_factory: pytest.TempPathFactory, campaign: Campaign, stamper: FormStamper
) -> ValidationReport:
    """BABE valid; SYT valid but without a report date; NARI with a negative and a decimal."""
    inbox = tmp_path_factory.mktemp("inbox")
    _write(inbox, "babe.xlsx", campaign, stamper, "BABE", SampleReport())
    _write(inbox, "syt.xlsx", campaign, stamper, "SYT", SampleReport(report_date=None))
    wrong = SampleReport()
    wrong.tables["activities"] = [
        SampleRow("Tập huấn", -5, 10, 10, "Xã"),
        SampleRow("Hội thảo", 2.5, 10, 10, "Xã"),
    ]
    _write(inbox, NEGATIVE_FILE, campaign, stamper, "NARI", wrong)
    return validate_inbox(inbox, campaign, workers=1)


def _all_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_report_date_reaches_the_date_line(report: ValidationReport) -> None:
    built = build_reports(report, report_date=date(2022, 1, 5))
    assert built.consolidation.report_date == date(2022, 1, 5)
    header = docx.Document(io.BytesIO(built.docx)).tables[0]
    assert header.cell(1, 1).text == "Bắc Kạn, ngày 05 tháng 01 năm 2022"


def test_exclusions_give_a_short_reason_with_the_place(report: ValidationReport) -> None:
    (excluded,) = exclusions(report)
    assert (excluded.path.name, excluded.agency_code) == (NEGATIVE_FILE, "NARI")
    assert excluded.reason == SHORT_REASON
    # The officer's instructions stay in `thd validate`, out of the official report.
    full = next(r for r in report.files if not r.ok).errors[0].message
    assert full != "Số âm." and full not in excluded.reason
    text = _all_text(build_reports(report, report_date=date(2022, 1, 5)).docx)
    assert f"Tệp {NEGATIVE_FILE}: {SHORT_REASON}" in text
    assert full not in text


def test_a_file_without_report_date_is_not_on_time(report: ValidationReport) -> None:
    status = build_reports(report, report_date=date(2022, 1, 5)).consolidation.status
    assert [e.code for e in status.on_time] == ["BABE"]
    assert [(e.code, e.state) for e in status.undated] == [("SYT", State.UNDATED)]
    assert status.received_in_roster == 2


def test_an_unusable_template_is_a_report_error(report: ValidationReport, tmp_path: Path) -> None:
    workbook = tmp_path / "mau.xlsx"
    Workbook().save(workbook)
    with pytest.raises(ReportError, match=r"Không mở được mẫu báo cáo .*mau\.xlsx"):
        build_reports(report, template=workbook)
