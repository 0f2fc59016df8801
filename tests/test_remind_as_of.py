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
