"""Amounts typed in several scales in the budget fields: "15tr5" (15,5 triệu) and "15 triệu 500
nghìn" are read with the budget_text warning saying how; an amount written in words, or in scales
that do not read one way, stays unread with budget_not_read, which says to write digits. Excel
forms filled by openpyxl, Word answers written by python-docx."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
import word_reports as reports
from cases import filled
from docx import Document
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.parse import parse_compound
from thanghanhdong.sample import SampleReport
from thanghanhdong.template import FormStamper

runner = CliRunner()
READ = [
    ("15tr5", 15_500_000),
    ("15 triệu 500 nghìn", 15_500_000),
    ("15 triệu 500 nghìn đồng", 15_500_000),
    ("15 triệu 500", 15_500_000),
    ("15tr05", 15_050_000),
    ("1 tỷ 200 triệu", 1_200_000_000),
]
UNREAD = ["mười lăm triệu đồng", "15tr5000", "500 nghìn 15 triệu", "15 triệu 1500 nghìn"]


def _word_answer(folder: Path, typed: str) -> None:
    document = Document(BytesIO(reports.seed_form()))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("a) Ngân sách nhà nước"):
            paragraph.text = f"a) Ngân sách nhà nước: {typed}"
    document.save(str(folder / "So Y te.docx"))


def _excel_answer(folder: Path, typed: str, campaign: Campaign, stamper: FormStamper) -> None:
    (folder / "babe.xlsx").write_bytes(filled(campaign, stamper, SampleReport(budget_state=typed)))


def _answers(tmp_path: Path, typed: str, campaign: Campaign, stamper: FormStamper) -> list[Path]:
    word, excel = tmp_path / "word", tmp_path / "excel"
    word.mkdir()
    excel.mkdir()
    _word_answer(word, typed)
    _excel_answer(excel, typed, campaign, stamper)
    return [word, excel]


def _budget_issues(inbox: Path) -> list[tuple[str, str]]:
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    issues = json.loads(result.stdout)["files"][0]["issues"]
    return [(i["code"], i["message"]) for i in issues if i["code"].startswith("budget")]


@pytest.mark.parametrize(("typed", "amount"), READ)
def test_an_amount_in_several_scales_is_read_and_said(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, typed: str, amount: int
) -> None:
    shown = f"{amount:,}".replace(",", ".")
    for inbox in _answers(tmp_path, typed, campaign, stamper):
        submission = validate_inbox(inbox, campaign).files[0].submission
        assert submission is not None and submission.budget_state == amount, inbox
        assert _budget_issues(inbox) == [
            (
                "budget_text",
                f"Kinh phí gõ dạng chữ “{typed}”: đã hiểu là {shown} đồng. "
                f"Nên gõ liền chữ số: {amount}.",
            )
        ]


@pytest.mark.parametrize("typed", UNREAD)
def test_an_amount_in_words_or_unclear_scales_says_to_write_digits(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, typed: str
) -> None:
    for inbox in _answers(tmp_path, typed, campaign, stamper):
        [(code, message)] = _budget_issues(inbox)
        assert code == "budget_not_read"
        assert message.startswith(
            f"Kinh phí “{typed}” không đọc được thành số tiền: ghi bằng chữ số"
        )


def test_the_parser_refuses_a_decimal_comma_among_scales() -> None:
    assert parse_compound("1,5 triệu 200 nghìn") is None
    assert parse_compound("15 nghìn 5") is None
