"""Trial 3 (docs/trials/2026-12-01c): one answer per agency when `--latest` meets two versions
of one report date, and when a district sends its own form beside its data file."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from thanghanhdong.cli import app

runner = CliRunner()
REPRO = Path(__file__).parent.parent / "docs" / "trials" / "2026-12-01c" / "repro"


def validate_json(inbox: Path, *args: str) -> dict:
    result = runner.invoke(app, ["validate", str(inbox), "--json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _inbox_of_two_versions(tmp_path: Path, original_at: int, correction_at: int) -> Path:
    """The trial's Sở Y tế: the original and the clerk's correction, both dated 12/12/2021."""
    inbox = tmp_path / "hop3"
    inbox.mkdir()
    for name, at in (("So Y te.xlsx", original_at), ("So Y te (1).xlsx", correction_at)):
        shutil.copy(REPRO / "latest" / name, inbox / name)
        os.utime(inbox / name, (at, at))
    return inbox


def test_latest_on_equal_dates_uses_the_file_saved_later(tmp_path: Path) -> None:
    inbox = _inbox_of_two_versions(tmp_path, 1_639_300_000, 1_639_303_600)
    data = validate_json(inbox, "--latest")
    [used] = data["files"]
    assert Path(used["path"]).name == "So Y te (1).xlsx"
    first = used["issues"][0]
    assert first["code"] == "resubmission_same_date"
    assert "cùng ngày (báo cáo ngày 12/12/2021)" in first["message"]
    assert "được lưu lúc" in first["message"] and "So Y te.xlsx" in first["message"]
    [aside] = data["attachments"]
    assert Path(aside["path"]).name == "So Y te.xlsx"
    assert "bản cũ" not in aside["note"] and "bản lưu trước" in aside["note"]


def test_latest_on_equal_dates_and_times_uses_the_copy_number(tmp_path: Path) -> None:
    inbox = _inbox_of_two_versions(tmp_path, 1_639_300_000, 1_639_300_000)
    data = validate_json(inbox, "--latest")
    [used] = data["files"]
    assert Path(used["path"]).name == "So Y te (1).xlsx"
    assert "số (1) trong tên tệp" in used["issues"][0]["message"]


def test_latest_correction_figures_reach_the_report(tmp_path: Path) -> None:
    inbox = _inbox_of_two_versions(tmp_path, 1_639_300_000, 1_639_303_600)
    out = tmp_path / "hop3.docx"
    result = runner.invoke(app, ["consolidate", str(inbox), "--latest", "--out", str(out)])
    assert result.exit_code == 0, result.output
    document = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert document["totals"]["activities"] == {"count": 7, "male": 130, "female": 250}
