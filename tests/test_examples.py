"""The shipped example inboxes: the good one validates, the bad one names every planted mistake."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from thanghanhdong.cli import app

ROOT = Path(__file__).parents[1]
runner = CliRunner()


def test_good_inbox_validates_and_lists_missing_agencies() -> None:
    result = runner.invoke(app, ["validate", str(ROOT / "examples" / "inbox"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(data["missing_agencies"]) == ["BDT", "PACNAM", "SKHDT", "STC"]
    assert all(f["ok"] for f in data["files"])
    assert data["summary"]["received_agencies"] == 24
    # The inbox's files, as the screen counts them (trial 2026-12-01c, finding 11).
    inbox_files = [p for p in (ROOT / "examples" / "inbox").rglob("*") if p.is_file()]
    assert data["summary"]["inbox_files"] == len(inbox_files) == 24
    late = [f["agency_code"] for f in data["files"] if f["late"]]
    assert late == ["NGANSON"]


def test_bad_inbox_names_every_planted_mistake() -> None:
    inbox = ROOT / "examples" / "inbox-loi"
    planted = json.loads(
        (ROOT / "scripts" / "examples_loi_expected.json").read_text(encoding="utf-8")
    )
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    found = Counter(
        (Path(f["path"]).name, i["code"], i["sheet"], i["cell"])
        for f in data["files"]
        for i in f["issues"]
    )
    expected = Counter(
        (name, p["code"], p["sheet"], p["cell"])
        for name, items in planted.items()
        for p in items
        if p["code"]
    )
    assert found == expected
    human = runner.invoke(app, ["validate", str(inbox), "--verbose"], terminal_width=200)
    plain = runner.invoke(app, ["validate", str(inbox)], terminal_width=200)
    for name, code, sheet, cell in expected:
        assert code in human.stdout
        assert f"({code})" not in plain.stdout  # the codes are for --json and --verbose
        assert name in human.stdout
        if cell:
            assert f"{sheet}!{cell}" in human.stdout


def test_examples_are_what_the_script_makes(tmp_path: Path) -> None:
    """The committed examples are reproducible: rerunning the script gives the same bytes
    (a change to the form must come with regenerated examples)."""
    import shutil
    import subprocess
    import sys

    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "make_examples.py", tmp_path / "scripts")
    subprocess.run(
        [sys.executable, str(tmp_path / "scripts" / "make_examples.py")],
        check=True,
        capture_output=True,
    )
    for folder in ("inbox", "inbox-loi"):
        made = {p.name: p.read_bytes() for p in (tmp_path / "examples" / folder).iterdir()}
        committed = {p.name: p.read_bytes() for p in (ROOT / "examples" / folder).iterdir()}
        assert made.keys() == committed.keys()
        stale = [name for name in made if made[name] != committed[name]]
        assert not stale, f"run scripts/make_examples.py: {stale}"


def test_table_fits_an_80_column_console() -> None:
    """Output saved to a file or piped is laid out at 80 columns: every column must survive."""
    result = runner.invoke(app, ["validate", str(ROOT / "examples" / "inbox")], terminal_width=80)
    header = next(line for line in result.stdout.splitlines() if "Tệp" in line)
    for column in ("Đơn vị", "Tình trạng"):
        assert column in header
    assert "Báo Bắc Kạn" in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
