"""Permissions, as on a shared folder. An inbox the officer can only read (a CD, files marked
read-only): validate and consolidate read everything in it, a Word answer converted by
LibreOffice included, and write nothing there. A file or folder the officer may not open is
named, in Vietnamese, never skipped. Run as an unprivileged user: root reads and writes
through any permission."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert
from docx import Document

from thanghanhdong.config import default_config_text

ROOT = Path(__file__).parents[1]
SETPRIV = shutil.which("setpriv")
AS_NOBODY = [SETPRIV or "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def _nobody_can_run_python() -> bool:
    if os.name != "posix" or os.geteuid() != 0 or SETPRIV is None or SOFFICE is None:
        return False
    probe = subprocess.run([*AS_NOBODY, sys.executable, "-c", "import thanghanhdong"], check=False)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(
    not _nobody_can_run_python(),
    reason="needs root, setpriv, LibreOffice and a Python the user nobody can run",
)


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """Outside pytest's own folder, which only root may enter."""
    with tempfile.TemporaryDirectory(prefix="thd-perm-") as temp:
        folder = Path(temp)
        folder.chmod(0o755)
        yield folder
        for path in folder.rglob("*"):  # let the clean-up into what the tests closed
            if path.is_dir():
                path.chmod(0o755)


def _read_only_inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "examples" / "inbox", inbox)
    # Sở Nội vụ answers with an old Word file, which thd converts with LibreOffice.
    source = ROOT / "tests" / "data" / "Bao cao THD So Noi vu.docx"
    [word] = soffice_convert([source], "doc", tmp_path / "doc", tmp_path / "profile")
    shutil.move(word, inbox / "Bao cao So Noi vu.doc")
    (inbox / "2021_snv_so-noi-vu.xlsx").unlink()
    for path in inbox.iterdir():
        path.chmod(0o444)
    inbox.chmod(0o555)
    return inbox


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _thd(out: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [*AS_NOBODY, "env", f"HOME={out}", sys.executable, "-m", "thanghanhdong"]
    return subprocess.run(
        [*command, *arguments], cwd=out, capture_output=True, text=True, check=False
    )


def _out(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    shutil.chown(out, "nobody")
    return out


def test_validate_and_consolidate_read_a_read_only_inbox(tmp_path: Path) -> None:
    inbox = _read_only_inbox(tmp_path)
    before = _digests(inbox)
    out = _out(tmp_path)

    validated = _thd(out, "validate", str(inbox))
    assert "Traceback" not in validated.stderr + validated.stdout
    assert "Bao cao So Noi vu.doc — Sở Nội vụ" in validated.stdout
    assert "Permission denied" not in validated.stdout + validated.stderr

    made = _thd(out, "consolidate", str(inbox), "--out", "baocao.docx", "--skip-invalid")
    assert made.returncode == 0, made.stdout + made.stderr
    text = "\n".join(p.text for p in Document(str(out / "baocao.docx")).paragraphs)
    assert "Sở Nội vụ" in text
    assert _digests(inbox) == before
    assert sorted(p.name for p in inbox.iterdir()) == sorted(before)


def test_a_folder_or_file_the_officer_may_not_open_is_named_not_skipped(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "examples" / "inbox", inbox)
    closed = inbox / "Huyen gui"
    closed.mkdir()
    for name in ("2021_babe_ubnd-huyen-ba-be.xlsx", "2021_nari_ubnd-huyen-na-ri.xlsx"):
        shutil.move(inbox / name, closed / name)
    closed.chmod(0o700)  # root's folder, as one shared without rights
    (inbox / "2021_syt_so-y-te.xlsx").chmod(0o600)

    shown = _thd(_out(tmp_path), "validate", str(inbox))
    assert shown.returncode == 1, shown.stdout + shown.stderr
    text = " ".join(shown.stdout.split())
    assert (
        "Huyen gui ✖ Lỗi: Không mở được thư mục này: không có quyền đọc. Các tệp bên trong "
        "chưa được kiểm tra" in text
    )
    assert "2021_syt_so-y-te.xlsx — Sở Y tế ✖ Lỗi: Không đọc được tệp: không có quyền đọc" in text
    assert "Permission denied" not in text and "Traceback" not in shown.stderr


def test_an_inbox_or_config_the_officer_may_not_read_is_said_in_vietnamese(tmp_path: Path) -> None:
    closed = tmp_path / "Bao cao\\2026"  # a backslash, as every Windows path has: not doubled
    closed.mkdir(mode=0o700)
    config = tmp_path / "thd.toml"
    config.write_text(default_config_text(), encoding="utf-8")
    config.chmod(0o600)
    out = _out(tmp_path)
    inbox_shown = _thd(out, "validate", str(closed))
    assert f"Lỗi: Đối số THƯ_MỤC {closed}: không có quyền đọc." in inbox_shown.stderr
    config_shown = _thd(out, "validate", str(ROOT / "examples" / "inbox"), "--config", str(config))
    assert f"Lỗi: Tùy chọn --config {config}: không có quyền đọc." in config_shown.stderr
    assert inbox_shown.returncode == config_shown.returncode == 2
