"""Above the roster size a person reads (report.docx.PER_AGENCY_APPENDICES_UP_TO) the signed
report's lists of agencies name the first ones and count the others, and say where all are
named: the summary workbook's "Ý kiến" sheet (each point of part II with every agency that
raised it) and its status sheet. A ministry's report of 3,300 communes was 170 pages, 163 of
them names (trial 2026-12-02f). A province's report names every agency, as before."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from thanghanhdong import config
from thanghanhdong.config import Agency
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.pipeline import ConsolidateRequest, build_reports
from thanghanhdong.report.docx import PER_AGENCY_APPENDICES_UP_TO
from thanghanhdong.report.labels import NAMED_IN_A_LARGE_REPORT, SHEET_POINTS
from thanghanhdong.sample import SampleReport, fill_bytes
from thanghanhdong.template import FormStamper, build_workbook_bytes

LATE = 15  # agencies whose report is dated after the deadline (20/12/2021)


def _built(tmp_path: Path, count: int) -> tuple[str, object]:
    agencies = [Agency(code=f"XA{i:04d}", name=f"UBND xã Số {i}") for i in range(count)]
    campaign = config.load(None).model_copy(update={"agencies": agencies})
    blank = build_workbook_bytes(campaign)
    on_time = FormStamper(campaign, fill_bytes(blank, SampleReport()))
    late = FormStamper(campaign, fill_bytes(blank, SampleReport(report_date=date(2021, 12, 23))))
    for i, agency in enumerate(agencies):
        stamper = late if i < LATE else on_time
        (tmp_path / f"{agency.code}.xlsx").write_bytes(stamper.stamp(agency))
    request = ConsolidateRequest(tmp_path, Path("b.docx"), Path("t.xlsx"))
    built = build_reports(validate_inbox(tmp_path, campaign), request)
    document = Document(io.BytesIO(built.outputs[Path("b.docx")]))
    text = "\n".join(p.text for p in document.paragraphs)
    return text, load_workbook(io.BytesIO(built.outputs[Path("t.xlsx")]))


def test_a_ministry_sized_report_names_the_first_agencies_and_points_to_the_workbook(
    tmp_path: Path,
) -> None:
    count = PER_AGENCY_APPENDICES_UP_TO + 15
    text, workbook = _built(tmp_path, count)
    named = NAMED_IN_A_LARGE_REPORT
    first = ", ".join(f"UBND xã Số {i}" for i in range(named))
    # Part II: every agency wrote the same difficulty; the first named, the others counted.
    assert f"Kinh phí còn hạn hẹp ({first} và {count - named} đơn vị khác)" in text
    assert f"UBND xã Số {named}," not in text and f"UBND xã Số {count - 1}" not in text
    assert text.count(f"xem trang “{SHEET_POINTS}” của bảng tổng hợp Excel") == 1  # once
    # I.1: the late agencies, the first named (the status sheet and Phụ lục II's note).
    assert f"{LATE} đơn vị gửi muộn ({first} và {LATE - named} đơn vị khác)" in text
    sheet = workbook[SHEET_POINTS]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4) if row[0].value]
    hard = next(r for r in rows if r[3] == "Kinh phí còn hạn hẹp")
    assert hard[1] == "2. Những khó khăn, tồn tại" and hard[4] == count
    assert hard[5] == ", ".join(f"UBND xã Số {i}" for i in range(count))  # all named


@pytest.mark.parametrize("count", [12])
def test_a_province_report_names_every_agency(tmp_path: Path, count: int) -> None:
    text, workbook = _built(tmp_path, count)
    every = ", ".join(f"UBND xã Số {i}" for i in range(count))
    assert f"Kinh phí còn hạn hẹp ({every})" in text
    assert "đơn vị khác" not in text and SHEET_POINTS not in text
    assert SHEET_POINTS in workbook.sheetnames  # the workbook has the sheet all the same
