"""One bad file never stops the others, even when the library reading it gives up. A damaged old
.xls (tests/data/xls-calamine-panics.xls: xls-saved-once.xls cut at 27,550 bytes, as fuzzing
found) makes calamine's Rust code panic; pyo3's PanicException is a BaseException, which no
`except Exception` catches: `thd validate` had ended with "Lỗi không mong muốn" and no file
checked. It is now that file's `file_corrupt`, and the rest of the inbox is read; a roster
workbook so damaged is refused in Vietnamese."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thanghanhdong import inbox as inbox_module
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


@pytest.mark.parametrize("backtrace", ["0", "1", "full"])
def test_calamines_panic_text_never_reaches_the_console(inbox: Path, backtrace: str) -> None:
    """Rust's panic hook writes "thread '<unnamed>' panicked at .../cfb.rs ..." (and a backtrace
    of ninety frames when RUST_BACKTRACE is set) to the process's stderr: English text above
    the officer's table. The file's own Vietnamese message stays; nothing of Rust's."""
    command = [sys.executable, "-m", "thanghanhdong", "validate", str(inbox)]
    environment = {**os.environ, "RUST_BACKTRACE": backtrace}
    shown = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    assert "Không mở được tệp (bị hỏng" in shown.stdout
    for rust in ("panicked", "thread '", "RUST_BACKTRACE", "cfb.rs", "stack backtrace"):
        assert rust not in shown.stderr and rust not in shown.stdout


def test_in_workers_too(tmp_path: Path) -> None:
    """Above the worker threshold each forked worker keeps its own spool (one shared with the
    parent would mix the workers' writes). Each damaged copy differs (a byte appended): equal
    copies are one answer."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    damaged = DAMAGED.read_bytes()
    form = ROOT / "examples" / "inbox" / "2021_syt_so-y-te.xlsx"
    for i in range(inbox_module.PARALLEL_THRESHOLD + 6):
        if i % 4:
            shutil.copy(form, folder / f"bc-{i:03d}.xlsx")
        else:
            (folder / f"bc-{i:03d}.xls").write_bytes(damaged + bytes(i))
    command = [sys.executable, "-m", "thanghanhdong", "validate", str(folder), "--json"]
    environment = {**os.environ, "RUST_BACKTRACE": "1"}
    shown = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    files = json.loads(shown.stdout)["files"]
    unopened = [f for f in files if f["path"].endswith(".xls")]
    assert len(unopened) == 18
    assert all(f["issues"][0]["code"] == "file_corrupt" for f in unopened)
    assert "panicked" not in shown.stderr and "backtrace" not in shown.stderr


def test_what_else_was_written_is_given_back() -> None:
    from thanghanhdong.readers.excel import _without_panic

    panic = (
        b"thread '<unnamed>' (12481) panicked at /root/.cargo/registry/calamine-0.37.0/src/"
        b"cfb.rs:345:44:\nrange end index 64 out of range for slice of length 30\n"
        b"note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
    )
    assert _without_panic(b"warning: x\n" + panic + b"after\n") == b"warning: x\nafter\n"
    assert _without_panic(b"a Python warning\n") == b"a Python warning\n"
    assert _without_panic(panic) == b""


def test_nor_when_the_roster_workbook_is_the_damaged_one(tmp_path: Path) -> None:
    path = tmp_path / "Danh sach don vi.xls"
    shutil.copy(DAMAGED, path)
    command = [sys.executable, "-m", "thanghanhdong", "init", str(tmp_path / "d"), "--roster"]
    environment = {**os.environ, "RUST_BACKTRACE": "1"}
    shown = subprocess.run(
        [*command, str(path)], capture_output=True, text=True, check=False, env=environment
    )
    assert "Không mở được tệp Danh sach don vi.xls" in shown.stdout + shown.stderr
    assert "panicked" not in shown.stderr and "backtrace" not in shown.stderr
