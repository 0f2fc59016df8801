"""Command-line edges a user on a deadline runs into: every one a clear message and the right exit
code, never a traceback, nothing written where it should not be."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from thanghanhdong import cli
from thanghanhdong.cli import app

ROOT = Path(__file__).parents[1]
GOOD, BAD = ROOT / "examples" / "inbox", ROOT / "examples" / "inbox-loi"
runner = CliRunner()


def no_traceback(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "{tmp}/baocao.xlsx"], "phải có đuôi .docx"),
        (["--out", "{tmp}/khong-co/baocao.docx"], "Không có thư mục"),
        (["--out", "{tmp}"], "phải có đuôi .docx"),
        (["--xlsx", "{tmp}/tonghop.docx"], "phải có đuôi .xlsx"),
        (["--date", "32/13/2021"], "không đọc được"),
    ],
)
def test_bad_outputs_are_refused_before_any_work(
    tmp_path: Path, args: list[str], message: str
) -> None:
    args = [a.format(tmp=tmp_path) for a in args]
    result = runner.invoke(app, ["consolidate", str(GOOD), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    no_traceback(result)
    assert "Kiểm tra" not in result.output  # refused before validating


def test_template_that_is_not_a_word_file(tmp_path: Path) -> None:
    fake = tmp_path / "mau.docx"
    shutil.copy(GOOD / "2021_babe_ubnd-huyen-ba-be.xlsx", fake)
    result = runner.invoke(
        app, ["consolidate", str(GOOD), "--out", str(tmp_path / "b.docx"), "--template", str(fake)]
    )
    assert result.exit_code == 2
    no_traceback(result)
    assert not (tmp_path / "b.docx").exists()


def test_date_option_sets_the_date_line(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    result = runner.invoke(app, ["consolidate", str(GOOD), "--out", str(out), "--date", "5/1/2022"])
    assert result.exit_code == 0, result.output
    text = "\n".join(
        cell.text for t in Document(str(out)).tables for r in t.rows for cell in r.cells
    )
    assert "ngày 05 tháng 01 năm 2022" in text


def test_refusal_with_json_prints_the_validation(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["consolidate", str(BAD), "--out", str(tmp_path / "b.docx"), "--json"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert any(not f["ok"] for f in data["files"])


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_output_folder_that_is_a_broken_link(tmp_path: Path) -> None:
    link = tmp_path / "mau"
    link.symlink_to(tmp_path / "khong-co")
    result = runner.invoke(app, ["generate-templates", "--out", str(link)])
    assert result.exit_code == 2
    no_traceback(result)


def test_init_where_inbox_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "inbox").write_text("x")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "là một tệp" in result.stderr
    assert not (tmp_path / "thd.toml").exists()


def test_existing_annotations_refused_before_the_report(tmp_path: Path) -> None:
    out = tmp_path / "can-sua"
    assert runner.invoke(app, ["validate", str(BAD), "--annotate", str(out)]).exit_code == 1
    again = runner.invoke(app, ["validate", str(BAD), "--annotate", str(out), "--json"])
    assert again.exit_code == 2
    assert again.stdout == ""  # no report printed before the refusal
    assert "--force" in again.stderr


def test_unexpected_crash_is_a_short_vietnamese_message(
    monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    def broken() -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.setattr(sys, "argv", ["thd", "validate"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == cli.CRASH_EXIT
    captured = capsys.readouterr()
    assert "Lỗi không mong muốn" in captured.err and "Traceback" not in captured.err
    monkeypatch.setattr(sys, "argv", ["thd", "--debug", "validate"])
    with pytest.raises(RuntimeError):
        cli.main()


def test_python_dash_m_runs_thd() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "thanghanhdong", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert completed.stdout.startswith("thd ")


def test_the_command_ends_with_its_status_and_all_it_wrote(tmp_path: Path) -> None:
    """`thd` leaves without the interpreter's teardown (cli.entry): what it printed to a pipe,
    the files it wrote and its exit status must be whole all the same."""
    thd = [sys.executable, "-m", "thanghanhdong"]
    checked = subprocess.run(
        [*thd, "validate", str(BAD), "--json"], capture_output=True, text=True, cwd=tmp_path
    )
    assert checked.returncode == 1  # the sample inbox of mistakes has errors
    assert json.loads(checked.stdout)["files"]  # the whole document reached the pipe
    usage = subprocess.run([*thd, "validate", "--no-such-option"], capture_output=True, text=True)
    assert usage.returncode == 2 and "--no-such-option" in usage.stderr
    out, table = tmp_path / "baocao.docx", tmp_path / "tonghop.xlsx"
    made = subprocess.run(
        [*thd, "consolidate", str(BAD), "--skip-invalid", "--out", str(out), "--xlsx", str(table)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    assert "BÁO CÁO" in "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert load_workbook(table, read_only=True).sheetnames
    assert not list(tmp_path.glob(".thd-*"))  # no temporary file left beside the outputs
