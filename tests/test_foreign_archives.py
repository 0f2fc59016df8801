"""A .rar or .7z answer: thd does not open it, says so, and counts it as its agency's unusable
answer when the name says who sent it.

`rar` and `7z` are not installed here, and thd looks only at the first bytes: each test file is
the format's magic followed by a few bytes, which is all `container.check` reads of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thanghanhdong import config
from thanghanhdong.cli import app
from thanghanhdong.completeness import State
from thanghanhdong.inbox import validate_inbox

RAR = b"Rar!\x1a\x07\x01\x00" + bytes(range(24))
SEVEN_ZIP = b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(range(24))
runner = CliRunner()


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("BC So Y te.rar", RAR, ".rar"),
        ("BC_SoTuPhap.7z", SEVEN_ZIP, ".7z"),
        ("Bao cao So Noi vu.xlsx", RAR, ".rar"),  # renamed: found by its bytes
        ("Bao cao Ban Dan toc.zip", SEVEN_ZIP, ".7z"),
    ],
)
def test_a_foreign_archive_is_named_and_counted_as_its_agencys_unusable_answer(
    tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    (tmp_path / name).write_bytes(data)
    report = validate_inbox(tmp_path, config.load(None))
    [result] = report.files
    [issue] = result.issues
    assert issue.code == "file_archive_unsupported" and result.unreadable
    assert issue.message.startswith(f"Tệp nén {kind}: thd không mở được")
    assert "giải nén rồi đặt các tệp bên trong vào thư mục nhận" in issue.message
    [entry] = report.completeness.unusable
    assert entry.state is State.UNUSABLE and entry.name == result.agency_name


def test_a_foreign_archive_without_an_agency_in_its_name_is_listed_not_counted(
    tmp_path: Path,
) -> None:
    (tmp_path / "tailieu.rar").write_bytes(RAR)
    (tmp_path / "empty.rar").write_bytes(b"")
    result = runner.invoke(app, ["validate", str(tmp_path), "--json"])
    assert result.exit_code == 1
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert [i["code"] for i in files["tailieu.rar"]["issues"]] == ["file_archive_unsupported"]
    assert [i["code"] for i in files["empty.rar"]["issues"]] == ["file_empty"]
    status = validate_inbox(tmp_path, config.load(None)).completeness
    assert status.unusable == []


def test_the_console_tells_the_officer_what_to_ask_for(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC So Y te.rar").write_bytes(RAR)
    result = runner.invoke(app, ["validate", str(inbox)], terminal_width=80)
    assert result.exit_code == 1
    text = " ".join(result.stdout.split())
    assert "BC So Y te.rar — Sở Y tế" in text
    assert "Tệp nén .rar: thd không mở được loại tệp nén này." in text
    assert "Sở Y tế (SYT)" not in text.split("Chưa gửi báo cáo")[-1]  # answered, unusably
