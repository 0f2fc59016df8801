"""From a validation report of real files to the Word report: the report date, the short
reasons the official report prints for what it leaves out, and an unusable officer's template."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from thanghanhdong.completeness import State
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import ValidationReport, validate_inbox
from thanghanhdong.pipeline import USAGE, ConsolidateRequest, build_reports
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper

ACT = "1. Hoạt động"
NEGATIVE_FILE = "nari.xlsx"
SHORT_REASON = "Số âm “-5” và 1 lỗi khác."
DATED = ConsolidateRequest(Path("inbox"), Path("baocao.docx"), report_date=date(2022, 1, 5))


def _docx(built) -> bytes:  # type: ignore[no-untyped-def]
    return built.outputs[DATED.out]


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
    built = build_reports(report, DATED)
    assert built.consolidation.report_date == date(2022, 1, 5)
    header = docx.Document(io.BytesIO(_docx(built))).tables[0]
    assert header.cell(1, 1).text == "Bắc Kạn, ngày 05 tháng 01 năm 2022"


def test_an_unusable_answer_gets_a_short_reason_without_places(report: ValidationReport) -> None:
    (unusable,) = report.completeness.unusable
    assert (unusable.code, [p.name for p in unusable.files]) == ("NARI", [NEGATIVE_FILE])
    assert unusable.reason == SHORT_REASON
    # The officer's instructions stay in `thd validate`, out of the official report.
    full = next(r for r in report.files if not r.ok).errors[0].message
    assert full != "Số âm." and full not in unusable.reason
    text = _all_text(_docx(build_reports(report, DATED)))
    assert SHORT_REASON in text
    assert full not in text and NEGATIVE_FILE not in text and f"{ACT}!" not in text


def test_a_file_without_report_date_is_not_on_time(report: ValidationReport) -> None:
    built = build_reports(report, DATED)
    assert built.consolidation is not None
    status = built.consolidation.status
    assert [e.code for e in status.with_state(State.ON_TIME)] == ["BABE"]
    assert [e.code for e in status.with_state(State.UNDATED)] == ["SYT"]
    assert len(status.usable) == 2 and len(status.answered) == 3


def test_an_unusable_template_is_a_report_error(report: ValidationReport, tmp_path: Path) -> None:
    workbook = tmp_path / "mau.xlsx"
    Workbook().save(workbook)
    built = build_reports(
        report, ConsolidateRequest(Path("inbox"), Path("b.docx"), template=workbook)
    )
    assert built.exit_code == USAGE
    assert re.search(r"Không mở được mẫu báo cáo .*mau\.xlsx", built.error or "")
