"""From a validation report to the written outputs: consolidation, Word report, Excel summary."""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from thanghanhdong import messages
from thanghanhdong.consolidate import Consolidation, Excluded, consolidate
from thanghanhdong.model import FileResult
from thanghanhdong.validate import ValidationReport

# Above this many agencies the Excel summary is written in a second process while the Word
# report is rendered: both are pure Python and take about a second each per 1,000 agencies.
PARALLEL_OUTPUTS_FROM = 200


class ReportError(Exception):
    """The report cannot be produced; the message is for the officer."""


@dataclass
class BuiltReports:
    consolidation: Consolidation
    docx: bytes
    xlsx: bytes | None


def exclusions(report: ValidationReport) -> list[Excluded]:
    """Every file that is not used, with the short reason the report will print."""
    return [
        Excluded(result.path, result.agency_code, result.agency_name, exclusion_reason(result))
        for result in report.files
        if not result.ok
    ]


def exclusion_reason(result: FileResult) -> str:
    """One short sentence for the official report: "Số âm (1. Hoạt động!D8) và 1 lỗi khác."

    The issue's full message speaks to the officer ("chuyển tệp này ra khỏi thư mục", "đề nghị
    đơn vị..."), so the report says what is wrong by the code's meaning, and where.
    """
    if not result.errors:
        return "Không đọc được tệp."
    first = result.errors[0]
    entry = messages.CATALOGUE.get(first.code)
    reason = entry.meaning if entry else first.message.split(":", 1)[0]
    reason = reason.strip().removesuffix(".")
    if first.where:
        reason += f" ({first.where})"
    others = len(result.errors) - 1
    if others:
        reason += f" và {others} lỗi khác"
    return reason + "."


def build_reports(
    report: ValidationReport,
    *,
    template: Path | None = None,
    want_xlsx: bool = False,
    report_date: date | None = None,
) -> BuiltReports:
    from thanghanhdong.report.docx import TemplateError, render_docx

    submissions = [r.submission for r in report.files if r.ok and r.submission is not None]
    if not submissions:
        raise ReportError(
            "Chưa có báo cáo hợp lệ nào để tổng hợp: kiểm tra thư mục bằng “thd validate”."
        )
    consolidation = consolidate(
        report.campaign, submissions, exclusions(report), report_date=report_date
    )
    xlsx = _start_xlsx(consolidation) if want_xlsx else None
    try:
        docx = render_docx(consolidation, template)
    except TemplateError as exc:
        raise ReportError(str(exc)) from exc
    return BuiltReports(consolidation, docx, xlsx.result() if xlsx else None)


def _start_xlsx(consolidation: Consolidation) -> Future[bytes]:
    from thanghanhdong.report.xlsx import render_xlsx

    if len(consolidation.campaign.agencies) < PARALLEL_OUTPUTS_FROM:
        done: Future[bytes] = Future()
        done.set_result(render_xlsx(consolidation))
        return done
    pool = ProcessPoolExecutor(max_workers=1)
    try:
        return pool.submit(render_xlsx, consolidation)
    finally:
        pool.shutdown(wait=False)
