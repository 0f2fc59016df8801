"""One bad file never stops the others, even when no check foresaw its damage. A damaged old
.xls made calamine's Rust code panic (pyo3's PanicException is a BaseException, which no
`except Exception` catches): `thd validate` ended with a traceback and no file was checked.
Now that file is `file_not_read` and the rest of the inbox is read; `thd --debug` raises."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thanghanhdong.cli import app

ROOT = Path(__file__).parents[1]
runner = CliRunner()


def _panicking_xls() -> bytes:
    """tests/data/xls-saved-once.xls damaged as fuzzing found it (seed 2 of a byte-level
    damage): calamine panics on "range end index 64 out of range for slice of length 2"."""
    data = bytearray((ROOT / "tests" / "data" / "xls-saved-once.xls").read_bytes())
    return bytes(data[: _cut(data)])


def _cut(data: bytearray) -> int:
    from python_calamine import CalamineWorkbook  # find a truncation calamine panics on

    for end in range(len(data) - 1, 0, -97):
        try:
            CalamineWorkbook.from_filelike(__import__("io").BytesIO(bytes(data[:end])))
        except BaseException as exc:
            if type(exc).__name__ == "PanicException":
                return end
    pytest.skip("this calamine does not panic on a truncated .xls")


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "inbox" / "2021_syt_so-y-te.xlsx", folder)
    (folder / "BC So Tu phap.xls").write_bytes(_panicking_xls())
    return folder


def test_a_file_no_check_foresaw_is_its_own_problem(inbox: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("THD_DEBUG")
    shown = runner.invoke(app, ["validate", str(inbox), "--json"])
    files = {Path(f["path"]).name: f for f in json.loads(shown.stdout)["files"]}
    [issue] = files["BC So Tu phap.xls"]["issues"]
    assert issue["code"] == "file_not_read"
    assert issue["message"].startswith("thd gặp lỗi khi đọc tệp này")
    assert files["BC So Tu phap.xls"]["agency_name"] == "Sở Tư pháp"  # sent: not "chưa gửi"
    assert files["2021_syt_so-y-te.xlsx"]["issues"] == []


def test_the_command_prints_no_traceback_and_debug_raises(inbox: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("THD_DEBUG")
    command = [sys.executable, "-m", "thanghanhdong", "validate", str(inbox)]
    plain = subprocess.run(command, capture_output=True, text=True, check=False)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert "BC So Tu phap.xls — Sở Tư pháp" in plain.stdout
    debug = subprocess.run(
        [sys.executable, "-m", "thanghanhdong", "--debug", "validate", str(inbox)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "PanicException" in debug.stderr
