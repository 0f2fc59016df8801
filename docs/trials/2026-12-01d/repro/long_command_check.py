"""Trial 2026-12-01d: the command `thd consolidate` suggests after refusing is printed whole
on one line in an 80-column window, even when it is longer than the window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
BAD = ROOT / "examples" / "inbox-loi"


def test_the_suggested_command_is_never_broken(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao-tong-hop-thang-hanh-dong.docx"
    args = ["consolidate", str(BAD), "--out", str(out), "--xlsx", str(tmp_path / "tonghop.xlsx")]
    args += ["--date", "22/12/2021", "--latest"]
    completed = subprocess.run(
        [sys.executable, "-m", "thanghanhdong", *args],
        capture_output=True,
        text=True,
        env={"COLUMNS": "80", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    lines = (completed.stdout + completed.stderr).splitlines()
    [command] = [line for line in lines if "--skip-invalid" in line]
    assert command.startswith("  thd consolidate ") and command.endswith("--latest --skip-invalid")
    assert not out.exists()
