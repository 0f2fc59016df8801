"""The reminder states who had answered at ITS date: an answer received or dated after the
letter is not counted as received (trial 2026-12-01, finding 11)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from cases import filled, with_activities
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.sample import SampleRow
from thanghanhdong.template import FormStamper

runner = CliRunner()


def _form(campaign: Campaign, stamper: FormStamper, code: str, day: date) -> bytes:
    return filled(
        campaign,
        stamper,
        with_activities(SampleRow("Tập huấn", 2, 10, 10, "Xã"), report_date=day),
        code,
    )


@pytest.fixture(scope="module")
def inbox(
    tmp_path_factory: pytest.TempPathFactory, campaign: Campaign, stamper: FormStamper
) -> Path:
    """Ba Bể's report dated 10/12, Na Rì's dated 12/12."""
    folder = tmp_path_factory.mktemp("inbox")
    (folder / "babe.xlsx").write_bytes(_form(campaign, stamper, "BABE", date(2021, 12, 10)))
    (folder / "nari.xlsx").write_bytes(_form(campaign, stamper, "NARI", date(2021, 12, 12)))
    return folder


def _remind(inbox: Path, out: Path, day: str) -> tuple[str, str]:
    result = runner.invoke(
        app, ["remind", str(inbox), "--out", str(out), "--date", day], terminal_width=80
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    return result.output, text


def test_an_answer_after_the_letter_is_not_yet_received(inbox: Path, tmp_path: Path) -> None:
    screen, letter = _remind(inbox, tmp_path / "nhac.docx", "11/12/2021")
    assert "đã nhận được báo cáo dùng được của 1/27 cơ quan, đơn vị" in letter
    assert "- UBND huyện Na Rì: gửi báo cáo theo mẫu Excel" in letter
    assert "UBND huyện Ba Bể:" not in letter
    assert "1 báo cáo nhận hoặc ghi ngày sau ngày của công văn (11/12/2021)" in screen
    assert "nari.xlsx" in screen


def test_on_or_after_the_answers_date_it_is_received(inbox: Path, tmp_path: Path) -> None:
    screen, letter = _remind(inbox, tmp_path / "nhac.docx", "12/12/2021")
    assert "đã nhận được báo cáo dùng được của 2/27 cơ quan, đơn vị" in letter
    assert "UBND huyện Na Rì:" not in letter
    assert "sau ngày của công văn" not in screen


def test_validate_is_not_dated(inbox: Path) -> None:
    result = runner.invoke(app, ["validate", str(inbox)], terminal_width=80)
    assert "Đã nhận báo cáo của 2/27 đơn vị" in result.output


@pytest.mark.parametrize("latest", [False, True])
def test_a_correction_after_the_letter_leaves_the_first_copy_as_it_stood(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, latest: bool
) -> None:
    """Na Rì sent a report with a mistake on 12/12 and its correction on 14/12; a letter of
    13/12 asks it to correct the first. The copies had been compared before the date was
    applied: with --latest the correction was chosen and then left out as later, so the letter
    asked Na Rì to send a report at all; without it, it said Na Rì had sent several different
    reports (newcomer trial 2026-12-02, finding 9)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    wrong = with_activities(
        SampleRow("Tập huấn", "khoảng 2", 10, 10, "Xã"), report_date=date(2021, 12, 12)
    )
    (inbox / "nari.xlsx").write_bytes(filled(campaign, stamper, wrong, "NARI"))
    (inbox / "nari-sua.xlsx").write_bytes(_form(campaign, stamper, "NARI", date(2021, 12, 14)))
    args = ["--latest"] if latest else []
    result = runner.invoke(
        app,
        ["remind", str(inbox), "--out", str(tmp_path / "nhac.docx"), "--date", "13/12/2021", *args],
        terminal_width=80,
    )
    assert result.exit_code == 0, result.output
    letter = "\n".join(p.text for p in docx.Document(str(tmp_path / "nhac.docx")).paragraphs)
    line = next(x for x in letter.splitlines() if x.startswith("- UBND huyện Na Rì:"))
    assert "khoảng 2" in line, line
    assert "nhiều báo cáo" not in line and "theo mẫu Excel đã được gửi kèm" not in line
    assert "1 báo cáo nhận hoặc ghi ngày sau ngày của công văn (13/12/2021)" in " ".join(
        result.output.split()
    )
