"""One bad file never stops the others, even when the library reading it gives up. A damaged old
.xls (tests/data/xls-calamine-panics.xls: xls-saved-once.xls cut at 27,550 bytes, as fuzzing
found) makes calamine's Rust code panic; pyo3's PanicException is a BaseException, which no
`except Exception` catches: `thd validate` had ended with "Lỗi không mong muốn" and no file
checked. It is now that file's `file_corrupt`, and the rest of the inbox is read; a roster
workbook so damaged is refused in Vietnamese."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thanghanhdong import roster
from thanghanhdong.cli import app

ROOT = Path(__file__).parents[1]
DAMAGED = ROOT / "tests" / "data" / "xls-calamine-panics.xls"
runner = CliRunner()


def test_the_damage_still_makes_calamine_panic() -> None:
    # The trap itself: if calamine stops panicking here, the tests below guard nothing.
    from python_calamine import CalamineWorkbook

    with pytest.raises(BaseException) as raised:
        CalamineWorkbook.from_filelike(io.BytesIO(DAMAGED.read_bytes()))
    assert type(raised.value).__name__ == "PanicException"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "inbox" / "2021_syt_so-y-te.xlsx", folder)
    shutil.copy(DAMAGED, folder / "BC So Tu phap.xls")
    return folder


def test_a_file_calamine_gives_up_on_is_its_own_problem(inbox: Path) -> None:
    shown = runner.invoke(app, ["validate", str(inbox), "--json"])
    files = {Path(f["path"]).name: f for f in json.loads(shown.stdout)["files"]}
    [issue] = files["BC So Tu phap.xls"]["issues"]
    assert issue["code"] == "file_corrupt"
    assert issue["message"].startswith("Không mở được tệp (bị hỏng")
    assert files["BC So Tu phap.xls"]["agency_name"] == "Sở Tư pháp"  # sent: not "chưa gửi"
    assert files["2021_syt_so-y-te.xlsx"]["issues"] == []


def test_the_command_prints_no_traceback(inbox: Path) -> None:
    command = [sys.executable, "-m", "thanghanhdong", "validate", str(inbox)]
    shown = subprocess.run(command, capture_output=True, text=True, check=False)
    assert shown.returncode == 1 and "Traceback" not in shown.stderr
    assert "Lỗi không mong muốn" not in shown.stderr
    assert "BC So Tu phap.xls — Sở Tư pháp" in shown.stdout


def test_a_roster_workbook_so_damaged_is_refused_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "danh sach don vi.xls"
    shutil.copy(DAMAGED, path)
    [refused] = roster.read_roster(path).errors
    assert refused.startswith("Không mở được tệp danh sach don vi.xls (bị hỏng")
