"""A district's Phòng consolidating its communes (trial 2026-12-01e): the signed report names
the office as Vietnamese writes it and the district's own plan, and Phụ lục II says in words
that a commune sent last year's form, without the campaign codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
from typer.testing import CliRunner

from thanghanhdong import messages
from thanghanhdong.cli import app
from thanghanhdong.report import labels

runner = CliRunner()
REPRO = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01e" / "repro"
sys.path.insert(0, str(REPRO))
from data2023 import ANSWERS  # noqa: E402  (the trial's communes)
from make import fill_xlsx  # noqa: E402  (the trial's filler: openpyxl on the generated form)


def _district_report(tmp_path: Path) -> str:
    roster = tmp_path / "roster.csv"
    roster.write_text("Tên đơn vị\nUBND xã Nam Mẫu\nUBND xã Khang Ninh\n", encoding="utf-8")
    folder = tmp_path / "babe"
    assert runner.invoke(app, ["init", str(folder), "--roster", str(roster)]).exit_code == 0
    config = folder / "thd.toml"
    setcfg = [sys.executable, str(REPRO / "setcfg.py"), str(config), "Ba Bể", "ba-be", "2023"]
    subprocess.run(setcfg, check=True)
    forms = folder / "m"
    made = runner.invoke(app, ["generate-templates", "--config", str(config), "--out", str(forms)])
    assert made.exit_code == 0, made.output
    answer = next(a for a in ANSWERS if a["code"] == "NAMMAU")
    fill_xlsx(next(forms.glob("*nammau*.xlsx")), folder / "inbox" / "nm.xlsx", answer)
    out = folder / "bc.docx"
    run = ["consolidate", str(folder / "inbox"), "--config", str(config), "--out", str(out)]
    assert runner.invoke(app, [*run, "--date", "15/12/2023"]).exit_code == 0
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_the_district_office_and_its_plan_read_right_in_the_signed_report(tmp_path: Path) -> None:
    text = _district_report(tmp_path)
    assert "Phòng Văn hóa - Xã hội báo cáo kết quả thực hiện" in text
    assert "Phòng văn hóa" not in text
    assert "theo Kế hoạch của UBND huyện;" in text
    assert "Kế hoạch của tỉnh" not in text


def test_an_office_of_a_district_keeps_the_capitals_of_its_fields() -> None:
    assert labels.in_sentence("PHÒNG VĂN HÓA - XÃ HỘI") == "Phòng Văn hóa - Xã hội"
    assert labels.in_sentence("PHÒNG VĂN HÓA VÀ THÔNG TIN") == "Phòng Văn hóa và Thông tin"
    assert labels.in_sentence("SỞ NỘI VỤ") == "Sở Nội vụ"


def test_last_years_form_is_said_in_words_without_campaign_codes() -> None:
    _, message = messages.render(
        "wrong_campaign",
        year=2023,
        campaign="ba-be-2023",
        expected_year=2024,
        expected="ba-be-2024",
    )
    reason = messages.problem("wrong_campaign", message)
    assert reason == "Gửi nhầm mẫu báo cáo năm 2023, không phải mẫu của đợt này (năm 2024)"


def _commune_form(folder: Path, code: str, dest: str, **changes: object) -> None:
    answer = {**next(a for a in ANSWERS if a["code"] == code), **changes}
    fill_xlsx(next((folder / "m").glob(f"*{code.lower()}*.xlsx")), folder / "inbox" / dest, answer)


def test_the_letter_asks_a_commune_that_sent_two_reports_in_its_own_words(tmp_path: Path) -> None:
    text = _district_report(tmp_path)  # the district as above, Nam Mẫu's form used
    assert text
    folder = tmp_path / "babe"
    _commune_form(folder, "KHANGNINH", "kn.xlsx")
    _commune_form(folder, "KHANGNINH", "kn2.xlsx", date="09/12/2023", state=4500000)
    letter = folder / "nhac.docx"
    config = str(folder / "thd.toml")
    run = ["remind", str(folder / "inbox"), "--config", config, "--out", str(letter)]
    assert runner.invoke(app, [*run, "--date", "11/12/2023"]).exit_code == 0
    lines = [p.text for p in docx.Document(str(letter)).paragraphs]
    line = next(t for t in lines if t.startswith("- UBND xã Khang Ninh:"))
    assert line == (
        "- UBND xã Khang Ninh: gửi lại báo cáo đã sửa — đã gửi nhiều báo cáo khác nhau, chưa rõ "
        "dùng bản nào."
    )
