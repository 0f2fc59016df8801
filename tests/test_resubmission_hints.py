"""The commands thd prints when an agency sent a corrected report (newcomer trial 2026-12-02,
finding 8): `validate --latest` then suggested `consolidate` without --latest, whose refusal
suggested --skip-invalid, and following it left the agency out, corrected report and all, in
the signed report. The hints now carry --latest, and following them gives the correction's
figures."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import docx

ROOT = Path(__file__).parents[1]
REPRO = ROOT / "docs" / "trials" / "2026-12-01c" / "repro" / "latest"
OTHER = ROOT / "examples" / "inbox" / "2021_snv_so-noi-vu.xlsx"


def thd(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "thanghanhdong", *args]
    environment = {**os.environ, "COLUMNS": "200"}  # each hint on one line
    return subprocess.run(
        command, capture_output=True, text=True, check=False, cwd=cwd, env=environment
    )


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, at in (("So Y te.xlsx", 1_639_300_000), ("So Y te (1).xlsx", 1_639_303_600)):
        shutil.copy(REPRO / name, inbox / name)
        os.utime(inbox / name, (at, at))
    shutil.copy(OTHER, inbox)
    return inbox


# The correction (saved an hour later) is Sở Y tế's answer.
USED = ["SNV: 2021_snv_so-noi-vu.xlsx", "SYT: So Y te (1).xlsx"]


def _hint(output: str, start: str) -> list[str]:
    """The command of the last line naming one (the step, after its advice)."""
    line = next(x for x in reversed(output.splitlines()) if start in x)
    return shlex.split(line[line.index(start) :])[1:]  # without "thd"


def test_every_printed_step_keeps_the_corrected_report(tmp_path: Path) -> None:
    _inbox(tmp_path)
    first = thd("validate", "inbox", cwd=tmp_path)
    assert first.returncode == 1
    assert "là các bản báo cáo khác nhau của cùng đơn vị" in " ".join(first.stdout.split())
    step = _hint(first.stdout, "thd validate")
    assert step == ["validate", "inbox", "--latest"]
    second = thd(*step, cwd=tmp_path)
    assert second.returncode == 0, second.stdout
    step = _hint(second.stdout, "thd consolidate")
    assert "--latest" in step
    made = thd(*step, cwd=tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr
    assert _included(tmp_path, step) == USED
    assert "Sở Y tế" in _signed_text(tmp_path / "baocao.docx")


def test_a_refused_consolidation_suggests_the_newest_not_skipping_both(tmp_path: Path) -> None:
    _inbox(tmp_path)
    refused = thd("consolidate", "inbox", "--out", "bc.docx", cwd=tmp_path)
    assert refused.returncode != 0 and not (tmp_path / "bc.docx").exists()
    step = _hint(refused.stderr, "thd consolidate")
    assert "--latest" in step and "--skip-invalid" not in step
    made = thd(*step, cwd=tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr
    assert "bỏ qua 0 tệp" in " ".join(made.stdout.split())
    assert _included(tmp_path, step) == USED


def _included(folder: Path, step: list[str]) -> list[str]:
    """The agencies whose figures the step's consolidation used (run again with --json)."""
    import json

    again = thd(*step, "--force", "--json", cwd=folder)
    return sorted(
        f"{entry['code']}: {Path(entry['path']).name}"
        for entry in json.loads(again.stdout)["agencies"]
    )


def _signed_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)
