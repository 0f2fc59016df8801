"""What Windows and browsers leave in a folder of downloaded answers: a half-downloaded form
(".crdownload", ".part") is named as such, not as a foreign file; Windows' Internet mark copied
as a file of its own ("BC.xlsx:Zone.Identifier") is a system file, ignored like Thumbs.db."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thanghanhdong import config
from thanghanhdong.inbox import validate_inbox

FORM = Path(__file__).parents[1] / "examples" / "inbox" / "2021_syt_so-y-te.xlsx"


@pytest.mark.parametrize("suffix", [".crdownload", ".part", ".partial", ".download"])
def test_a_half_downloaded_form_says_download_it_again(tmp_path: Path, suffix: str) -> None:
    data = FORM.read_bytes()
    (tmp_path / f"Bao cao So Tu phap (1).xlsx{suffix}").write_bytes(data[: len(data) // 2])
    report = validate_inbox(tmp_path, config.load(None))
    [result] = report.files
    [issue] = result.issues
    assert issue.severity == "error" and result.unreadable
    assert issue.message.startswith(f"Tệp tải về chưa xong (đuôi {suffix}: trình duyệt")
    assert "tải lại tệp đính kèm từ thư" in issue.message
    assert result.agency_name == "Sở Tư pháp"  # it did send something


def test_windows_internet_marks_are_ignored(tmp_path: Path) -> None:
    shutil.copy(FORM, tmp_path / FORM.name)
    (tmp_path / f"{FORM.name}:Zone.Identifier").write_bytes(b"[ZoneTransfer]\r\nZoneId=3\r\n")
    report = validate_inbox(tmp_path, config.load(None))
    assert [r.path.name for r in report.files] == [FORM.name]
    assert [p.name for p in report.ignored] == [f"{FORM.name}:Zone.Identifier"]
    assert report.files[0].issues == []
