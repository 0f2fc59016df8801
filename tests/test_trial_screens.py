"""Screens of the second newcomer's trial (docs/trials/2026-12-01b, finding 8), at 80 columns
through typer's CliRunner on the trial's own files: counts of files and answers, the example
place of the --annotate note, the refused consolidate's suggested command."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from thanghanhdong.cli import app

TRIAL = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01b" / "repro"
runner = CliRunner()


def _copy(tmp_path: Path, *files: Path) -> Path:
    """The inbox in the test's own working directory, named as the officer types it."""
    inbox = Path("inbox")
    inbox.mkdir()
    for source in files:
        shutil.copy(source, inbox / source.name)
    return inbox


def _screen(*args: str) -> str:
    result = runner.invoke(app, list(args), terminal_width=80)
    return " ".join(result.output.split())


def test_validate_latest_counts_the_inbox_files_and_the_answers_used(tmp_path: Path) -> None:
    old = TRIAL / "errors" / "BC Ngan Son.xlsx"
    inbox = _copy(tmp_path, old, TRIAL / "other" / "Ngan Son da sua.xlsx")
    assert "Kiểm tra 2 tệp trong inbox: dùng 1 báo cáo" in _screen(
        "validate", str(inbox), "--latest"
    )


def test_a_zip_of_two_answers_is_one_file_and_two_answers(tmp_path: Path) -> None:
    inbox = Path("inbox")
    shutil.copytree(TRIAL / "inbox2021", inbox)
    assert "Kiểm tra 7 tệp trong inbox: dùng 8 báo cáo" in _screen("validate", str(inbox))
    out = tmp_path / "baocao.docx"
    screen = _screen("consolidate", str(inbox), "--out", str(out))
    assert "Đã tổng hợp 8 báo cáo trong 7 tệp; bỏ qua 0 tệp có lỗi." in screen


def test_annotate_note_gives_the_first_errors_own_place(tmp_path: Path) -> None:
    inbox = _copy(tmp_path, TRIAL / "errors" / "Bao cao So Tu phap.docx")
    screen = _screen("validate", str(inbox), "--annotate", str(tmp_path / "cs"))
    example = "bảng “1. Tổ chức các hoạt động hưởng ứng Tháng hành động”, dòng 1, cột Nam"
    assert f"báo cáo của đơn vị (ví dụ “{example}”)." in screen
    assert "cột Nữ" not in screen


def test_refused_consolidate_suggests_the_officers_own_command(tmp_path: Path) -> None:
    inbox = _copy(tmp_path, TRIAL / "errors" / "BC Ngan Son.xlsx")
    screen = _screen("consolidate", str(inbox), "--out", "x y.docx", "--xlsx", "t.xlsx")
    assert 'thd consolidate inbox --out "x y.docx" --xlsx t.xlsx --skip-invalid' in screen
