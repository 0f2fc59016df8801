"""Blank Nam/Nữ cells never become a 0 in the signed report (newcomer's trial 2026-12-01,
finding 3): a figure no agency gave is "—", a sum some rows left blank is marked "*", and one
line under the table says what the marks mean. Forms generated and filled as agencies would
(openpyxl), consolidated by the command, the Word report read back with python-docx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from openpyxl import load_workbook
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.report.labels import SHEET_AGENCIES, SHEET_SUMMARY
from thanghanhdong.sample import SampleReport, SampleRow, fill
from thanghanhdong.template import file_name

runner = CliRunner()
PARTIAL_NOTE = "* Chưa đủ: có đơn vị để trống số người"
MISSING_NOTE = "— Không có số liệu: đơn vị để trống số người"


def _inbox(campaign: Campaign, tmp_path: Path, reports: dict[str, SampleReport]) -> Path:
    forms, inbox = tmp_path / "forms", tmp_path / "inbox"
    args = ["generate-templates", "--out", str(forms)]
    for code in reports:
        args += ["--agency", code]
    assert runner.invoke(app, args).exit_code == 0
    inbox.mkdir()
    for code, report in reports.items():
        agency = campaign.agency(code)
        assert agency is not None
        name = file_name(campaign, agency)
        fill(forms / name, inbox / name, report)
    return inbox


def _report(activities: list[SampleRow], media: list[SampleRow] | None = None) -> SampleReport:
    report = SampleReport(report_date=date(2021, 12, 17))
    report.tables = {"activities": activities, "media": media or [], "products": []}
    return report


def _consolidated(
    campaign: Campaign, tmp_path: Path, reports: dict[str, SampleReport]
) -> docx.document.Document:
    inbox = _inbox(campaign, tmp_path, reports)
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--date", "2021-12-22"]
    args += ["--xlsx", str(tmp_path / "tonghop.xlsx")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return docx.Document(str(out))


def _rows(document: docx.document.Document) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in document.tables for row in t.rows]


def _row(document: docx.document.Document, *first: str) -> list[str]:
    """The first table row whose leading cells (after STT) are `first`."""
    (found, *_) = [r for r in _rows(document) if r[1 : 1 + len(first)] == list(first)]
    return found


def _notes(document: docx.document.Document) -> list[str]:
    marks = ("* ", "— ")
    return [p.text for p in document.paragraphs if p.text.startswith(marks)]


def test_blank_people_are_a_dash_or_a_marked_sum_with_one_footnote(
    tmp_path: Path, campaign: Campaign
) -> None:
    document = _consolidated(
        campaign,
        tmp_path,
        {
            "HLHPN": _report(
                [
                    SampleRow("Tập huấn", 3, None, None, "Huyện"),
                    SampleRow("Hội thảo", 2, 10, 15, "Tỉnh"),
                ],
                [SampleRow("Phát thanh", 4, None, None, "Tỉnh")],
            ),
            "SVHTTDL": _report([SampleRow("Tập huấn", 2, 20, 30, "Huyện")]),
        },
    )
    # Phần III: some agencies gave the people of "Tập huấn", so the sum of what was given, marked.
    assert _row(document, "Hội thảo") == ["1", "Hội thảo", "2", "10", "15", "Tỉnh"]
    assert _row(document, "Tập huấn") == ["2", "Tập huấn", "5", "20*", "30*", "Huyện"]
    assert _row(document, "Tổng cộng", "7") == ["", "Tổng cộng", "7", "30*", "45*", ""]
    # Nobody gave the reach of "Phát thanh": a dash, not 0, in the row and in the total.
    assert _row(document, "Phát thanh") == ["1", "Phát thanh", "4", "—", "—", "Tỉnh"]
    assert _row(document, "Tổng cộng", "4") == ["", "Tổng cộng", "4", "—", "—", ""]
    # Phụ lục I per agency: count and people of each table, then the budget.
    women = "Hội Liên hiệp Phụ nữ tỉnh"
    culture = "Sở Văn hóa, Thể thao và Du lịch"
    assert _row(document, women)[2:8] == ["5", "25*", "4", "—", "0", "0"]
    assert _row(document, culture)[2:8] == ["2", "50", "0", "0", "0", "0"]
    assert _row(document, "Tổng cộng", "7", "75*")[2:8] == ["7", "75*", "4", "—", "0", "0"]
    # One line under each marked table: activities, media, Phụ lục I (both marks, one line).
    assert _notes(document) == [PARTIAL_NOTE, MISSING_NOTE, f"{PARTIAL_NOTE}; {MISSING_NOTE}"]
    # Part I's sentences have no footnote: a sum some rows left blank is "at least" (trial 6).
    text = "\n".join(p.text for p in document.paragraphs)
    assert "với ít nhất 75 lượt người tham gia, trong đó nữ chiếm 60,0% số người đã báo cáo" in text
    assert (
        "Nhiều nhất là tập huấn (5 cuộc, ít nhất 50 lượt người tham gia); hội thảo (2 cuộc, 25"
        in text
    )


def test_an_inbox_with_every_figure_given_has_no_mark_and_no_footnote(
    tmp_path: Path, campaign: Campaign
) -> None:
    document = _consolidated(
        campaign,
        tmp_path,
        {
            "HLHPN": _report([SampleRow("Tập huấn", 3, 0, 12, "Huyện")]),
            "SVHTTDL": _report([SampleRow("Tập huấn", 2, 20, 30, "Huyện")]),
        },
    )
    assert _row(document, "Tập huấn") == ["1", "Tập huấn", "5", "20", "42", "Huyện"]
    cells = [cell for row in _rows(document) for cell in row]
    assert not [c for c in cells if "*" in c or c == "—"]
    assert _notes(document) == []


def test_the_summary_workbook_leaves_a_figure_nobody_gave_blank(
    tmp_path: Path, campaign: Campaign
) -> None:
    _consolidated(
        campaign,
        tmp_path,
        {
            "HLHPN": _report(
                [SampleRow("Tập huấn", 3, None, None, "Huyện")],
                [SampleRow("Phát thanh", 4, None, None, "Tỉnh")],
            ),
            "SVHTTDL": _report([SampleRow("Tập huấn", 2, 20, 30, "Huyện")]),
        },
    )
    book = load_workbook(tmp_path / "tonghop.xlsx")
    summary = [r for r in book[SHEET_SUMMARY].iter_rows(values_only=True) if any(r)]
    # item, count, Nam, Nữ, total people, female share, level
    assert [r[1:8] for r in summary if r[1] in ("Tập huấn", "Phát thanh")] == [
        ("Tập huấn", 5, 20, 30, 50, 0.6, "Huyện"),  # the sum of what was given
        ("Phát thanh", 4, None, None, None, None, "Tỉnh"),  # nobody gave it: blank, not 0
    ]
    agencies = {r[1]: r for r in book[SHEET_AGENCIES].iter_rows(min_row=4, values_only=True)}
    assert agencies["HLHPN"][3:9] == (3, None, None, 4, None, None)
    assert agencies["SVHTTDL"][3:9] == (2, 20, 30, 0, 0, 0)
