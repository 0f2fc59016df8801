"""A ministry's inbox on an 80-column screen: above reporter.LISTED_ONE_BY_ONE answers the screen
lists the answers to correct with their problems, says each warning once for the answers that
have it, and names the first agencies that have not answered; `--json` keeps every answer
(trial 2026-12-02f: 3,270 forms printed 29,019 lines, the errors scrolled away)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from thanghanhdong import config
from thanghanhdong.cli import app
from thanghanhdong.reporter import LISTED_ONE_BY_ONE, MISSING_NAMED
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper, build_workbook_bytes

runner = CliRunner()
ROSTER, ANSWERS, WARNED, WRONG = 240, 110, 3, 2


def _stamper(campaign: config.Campaign, *rows: SampleRow) -> FormStamper:
    report = SampleReport()
    report.tables["activities"] = list(rows)
    return FormStamper(campaign, fill_bytes(build_workbook_bytes(campaign), report))


def _project(tmp_path: Path) -> Path:
    agencies = ",\n".join(
        f'  {{ code = "XA{i:03d}", name = "UBND xã Số {i}" }}' for i in range(ROSTER)
    )
    default = re.sub(r"\[\[agencies\]\]\n(?:[a-z]+ = .*\n?)*", "", config.default_config_text())
    text = f"agencies = [\n{agencies},\n]\n\n{default}"
    (tmp_path / "thd.toml").write_text(text, encoding="utf-8")
    campaign = config.load(tmp_path / "thd.toml")
    assert len(campaign.agencies) == ROSTER
    good = _stamper(campaign, SampleRow("Tập huấn", 2, 30, 40, "Xã"))
    warned = _stamper(campaign, SampleRow("Tập huấn", 2, 30, None, "Xã"))
    wrong = _stamper(campaign, SampleRow("Tập huấn", -2, 30, 40, "Xã"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, agency in enumerate(campaign.agencies[:ANSWERS]):
        stamper = wrong if i < WRONG else warned if i < WRONG + WARNED else good
        (inbox / f"bc-{agency.code}.xlsx").write_bytes(stamper.stamp(agency))
    return tmp_path


def test_a_large_inbox_lists_what_to_correct_and_says_each_warning_once(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    assert ANSWERS > LISTED_ONE_BY_ONE and ROSTER - ANSWERS > LISTED_ONE_BY_ONE
    monkeypatch.chdir(_project(tmp_path))
    result = runner.invoke(app, ["validate", "inbox"], terminal_width=80)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) < 80, result.output  # every answer's row and warning: several hundred
    screen = " ".join(result.output.split())
    for code in ("XA000", "XA001"):  # each answer to correct: its row and its error
        assert f"bc-{code}.xlsx UBND xã Số {int(code[2:])} Excel ✖ 1 lỗi" in screen
    assert screen.count("Số âm “-2”") == WRONG
    assert "108 tệp không có lỗi không liệt kê ở đây" in screen
    assert screen.count("để trống số nữ") == 1  # the warning said once, with its answers
    assert f"Cảnh báo ở {WARNED} tệp không có lỗi" in screen
    assert "bc-XA002.xlsx; bc-XA003.xlsx; bc-XA004.xlsx." in screen
    assert "bc-XA005.xlsx" not in screen  # an answer without problems is not listed
    assert f"Chưa gửi báo cáo ({ROSTER - ANSWERS}):" in screen
    assert f"và {ROSTER - ANSWERS - MISSING_NAMED} đơn vị khác" in screen
    assert "UBND xã Số 129 (XA129)" in screen and "UBND xã Số 130" not in screen
    assert f"Đã nhận báo cáo của {ANSWERS}/{ROSTER} đơn vị" in screen
    as_json = json.loads(runner.invoke(app, ["validate", "inbox", "--json"]).stdout)
    assert len(as_json["files"]) == ANSWERS  # the JSON keeps every answer
    assert len(as_json["missing_agencies"]) == ROSTER - ANSWERS
