"""The officer's console: Vietnamese from the first word to the last, laid out for 80 columns,
readable on a console that is not UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from thanghanhdong import reporter
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import ValidationReport, validate_inbox
from thanghanhdong.template import FormStamper, WrittenForm

ROOT = Path(__file__).parents[1]
BAD = ROOT / "examples" / "inbox-loi"
runner = CliRunner()

# Every user-facing phrase of Click and Typer that could leak through (help, usage, errors).
CLICK_ENGLISH = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "default:",
    "required",
    "Error",
    "No such",
    "Did you mean",
    "Possible options",
    "Try '",
    "for help",
    "Missing",
    "Invalid value",
    "unexpected extra",
    "requires an argument",
    "does not take a value",
    "Aborted",
    "<path>",
    "<text>",
    "[OPTIONS]",
    "COMMAND",
    "ARGS",
]
COMMANDS = ["init", "generate-templates", "validate", "consolidate"]
MISTAKES = [
    (["consolidate", "--output", "x.docx"], "Không có tùy chọn --output. Có phải ý bạn là --out?"),
    (["validat"], "Không có lệnh “validat”. Có phải ý bạn là validate?"),
    (
        ["frobnicate"],
        "Các lệnh: init, generate-templates, validate, consolidate, remind, check-inputs, roster.",
    ),
    (["validate", "inbox", "thua"], "Thừa đối số: thua"),
    (["consolidate", "--date"], "Tùy chọn --date cần một giá trị"),
    (["validate", "--json=yes"], "Tùy chọn --json không nhận giá trị"),
    (["generate-templates", "-x"], "Không có tùy chọn -x."),
    (["--stric"], "Không có tùy chọn --stric."),
    (["validate", "--stric"], "Có phải ý bạn là --strict?"),
    (["--debug"], "Chưa gõ tên lệnh."),
]


def english_in(text: str) -> list[str]:
    return [phrase for phrase in CLICK_ENGLISH if phrase in text]


@pytest.mark.parametrize(
    "args", [[], ["--help"], ["-h"], *([c, "--help"] for c in COMMANDS), ["validate", "-h"]]
)
def test_help_is_vietnamese(args: list[str]) -> None:
    result = runner.invoke(app, args, terminal_width=80)
    assert result.exit_code == 0, result.output
    text = result.stdout + result.stderr
    assert text.startswith("Cách dùng: thd")
    assert "In hướng dẫn này rồi thoát." in text
    assert not english_in(text), english_in(text)
    assert all(len(line) <= 80 for line in text.splitlines())


def test_thd_alone_shows_the_help_and_succeeds() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    assert "Tùy chọn:" in result.stdout and "Lệnh:" in result.stdout
    for command in COMMANDS:
        assert command in result.stdout


def test_defaults_are_said_once() -> None:
    text = runner.invoke(app, ["validate", "--help"], terminal_width=200).stdout
    assert text.count("mặc định: inbox") == 1
    assert "--config TỆP" in text and "--annotate THƯ_MỤC" in text


@pytest.mark.parametrize(("args", "message"), MISTAKES)
def test_common_mistakes_are_told_in_vietnamese(args: list[str], message: str) -> None:
    result = runner.invoke(app, args, terminal_width=200)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("Lỗi: ")
    assert message in flat(result.stderr)
    assert "Xem hướng dẫn: thd" in result.stderr
    assert not english_in(result.stderr), english_in(result.stderr)
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- layout


@pytest.fixture(scope="module")
def bad_report(campaign: Campaign) -> ValidationReport:
    return validate_inbox(BAD, campaign)


def rendered(width: int, draw) -> str:  # type: ignore[no-untyped-def]
    console = Console(width=width, highlight=False, soft_wrap=True, record=True)
    with console.capture() as capture:
        draw(console)
    return capture.get()


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("width", [80, 120])
def test_validation_fits_and_nothing_is_cut(width: int, bad_report: ValidationReport) -> None:
    text = rendered(width, lambda c: reporter.render_validation(bad_report, c))
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    for result in bad_report.files:
        name = reporter.display_path(result.path, bad_report.inbox)
        assert any(name in line for line in lines), name  # whole, on one line
        for issue in result.issues:
            assert flat(issue.message) in flat(text)  # wrapped between words, not cropped
            assert f"({issue.code})" not in text
    tail = flat(" ".join(lines[-2:]))
    assert "Sửa 5 tệp rồi chạy lại:" in tail and tail.endswith(f"thd validate {BAD}")


def test_wrapped_messages_hang_under_their_first_word(bad_report: ValidationReport) -> None:
    text = rendered(80, lambda c: reporter.render_validation(bad_report, c))
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if "số thập phân “12,5”" in line)
    assert lines[first].startswith("  ✖ Lỗi ở 3. Sản phẩm!C7: ")
    assert lines[first + 1].startswith("    ") and not lines[first + 1].startswith("     ")
    marked = [line for line in lines if line.startswith(("  ✖", "  ⚠", "  -"))]
    assert marked and all(line == line.rstrip() for line in marked)


def test_verbose_shows_the_codes(bad_report: ValidationReport) -> None:
    text = rendered(120, lambda c: reporter.render_validation(bad_report, c, verbose=True))
    assert "(negative_number)" in text and "(file_empty)" in text


def test_order_problems_then_what_was_written_then_next_step(
    tmp_path: Path, campaign: Campaign
) -> None:
    out = tmp_path / "can-sua"
    result = runner.invoke(app, ["validate", str(BAD), "--annotate", str(out)], terminal_width=80)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    last_issue = max(i for i, line in enumerate(lines) if line.startswith("  ✖"))
    written = next(i for i, line in enumerate(lines) if line.startswith("Đã ghi"))
    assert last_issue < written < len(lines) - 1
    assert str(out) in flat(lines[written] + " " + lines[written + 1])
    assert "Đã ghi" not in result.stderr
    assert flat(lines[-1]).endswith(f"thd validate {BAD}")


def test_empty_inbox_says_what_to_put_there(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    result = runner.invoke(app, ["validate", str(inbox)], terminal_width=80)
    assert result.exit_code == 0
    text = flat(result.stdout)
    assert "chưa có báo cáo nào" in text and ".xlsx" in text
    assert f"rồi chạy lại: thd validate {inbox}" in text
    assert "Tệp" not in result.stdout.splitlines()[0]  # no empty table


def written_forms(campaign: Campaign, tmp_path: Path) -> list[WrittenForm]:
    from thanghanhdong.template import file_name

    return [WrittenForm(a, tmp_path / file_name(campaign, a)) for a in campaign.agencies]


@pytest.mark.parametrize("width", [80, 120])
def test_generated_forms_one_line_each(width: int, campaign: Campaign, tmp_path: Path) -> None:
    forms = written_forms(campaign, tmp_path)
    text = rendered(width, lambda c: reporter.render_written_forms(forms, tmp_path, c))
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines)
    assert len(lines) <= len(forms) + 6  # about one line per agency, not three
    for form in forms:
        assert any(form.path.name in line and form.agency.code in line for line in lines)
    if width >= 120:
        assert "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" in text


def test_no_progress_bar_for_json_or_pipes() -> None:
    piped = Console(file=open(os.devnull, "w"))  # noqa: SIM115 - closed with the console
    assert not reporter.wants_progress(piped)
    terminal = Console(force_terminal=True)
    assert not reporter.wants_progress(terminal, as_json=True)
    with reporter.progress(piped, "Đang kiểm tra") as advance:
        advance(1, 2)  # a no-op, and no bar
    piped.file.close()


# --------------------------------------------------------------------------- encodings


def legacy_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO", "LANG"))}
    env.update(LANG="C", LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", COLUMNS="80")
    env.update(extra)
    return env


def test_runs_on_a_non_utf8_locale() -> None:
    """PYTHONIOENCODING unset, a C locale (ASCII): no crash, and the Vietnamese arrives whole."""
    completed = subprocess.run(
        [sys.executable, "-m", "thanghanhdong", "validate", str(BAD)],
        capture_output=True,
        env=legacy_env(),
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    stdout = completed.stdout.decode("utf-8")
    assert "Chưa gửi báo cáo (17):" in stdout and "Ủy ban Mặt trận Tổ quốc" in stdout
    assert "Traceback" not in completed.stderr.decode("utf-8")
    assert "Dùng cấu hình mặc định" in completed.stderr.decode("utf-8")


def test_windows_code_page_output(tmp_path: Path, campaign: Campaign, stamper: FormStamper) -> None:
    """Output to a pipe on Windows is in the ANSI code page (1258 for Vietnamese, 437...), which
    cannot hold 'ệ': thd must switch to UTF-8. Vietnamese file names in the inbox print whole."""
    from thanghanhdong.sample import SampleReport, fill_bytes

    inbox = tmp_path / "Báo cáo nhận về"
    inbox.mkdir()
    agency = campaign.agency("BABE")
    assert agency
    (inbox / "Huyện Ba Bể - báo cáo.xlsx").write_bytes(
        fill_bytes(stamper.stamp(agency), SampleReport())
    )
    script = (
        "import io, sys\n"
        "sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='cp1258')\n"
        "sys.stderr = io.TextIOWrapper(sys.stderr.buffer, encoding='cp437')\n"
        "from thanghanhdong.cli import main\n"
        "sys.argv = ['thd', *sys.argv[1:]]\n"
        "main()\n"
    )
    expected = {
        "validate": ("Huyện Ba Bể - báo cáo.xlsx", "Chưa gửi báo cáo (26)"),
        "--help": ("In hướng dẫn này rồi thoát.",),
        "--outt": ("Không có tùy chọn --outt.",),
    }
    for args in (["validate", str(inbox)], ["--help"], ["validate", "--outt"]):
        completed = subprocess.run(
            [sys.executable, "-c", script, *args],
            capture_output=True,
            env=legacy_env(LANG="C.UTF-8", LC_ALL="C.UTF-8"),
            check=False,
        )
        stdout, stderr = completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
        assert "Traceback" not in stderr, stderr
        assert completed.returncode in (0, 2), stderr
        for text in expected[args[0] if args[-1] != "--outt" else "--outt"]:
            assert text in stdout + stderr


def in_a_terminal(command: list[str], columns: int = 80) -> tuple[int, str]:
    """Run `command` with stdout and stderr on a pseudo-terminal `columns` wide; (exit code,
    what the terminal shows, colours removed)."""
    import fcntl
    import pty
    import re
    import struct
    import termios

    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "xterm"}
    process = subprocess.Popen(command, stdout=child_fd, stderr=child_fd, env=env)
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return process.wait(), re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is a POSIX thing")
def test_an_error_is_wrapped_between_words_at_80_columns(tmp_path: Path) -> None:
    """A clerk's roster with a blank row before its footer (the newcomer's trial, finding 16):
    the refusal is long; cut by the terminal it read "h" / "oặc"."""
    roster = ROOT / "tests" / "data" / "roster-blank-row.xlsx"
    command = [sys.executable, "-m", "thanghanhdong", "init", str(tmp_path / "r")]
    code, shown = in_a_terminal([*command, "--roster", str(roster)])
    assert code == 2, shown
    lines = [line for line in shown.splitlines() if line.strip()]
    assert lines and all(len(line) <= 80 for line in lines), lines
    text = " ".join(line.strip() for line in lines)
    assert "để trống giữa danh sách" in text and " hoặc " in text


def test_long_file_names_stay_whole_at_80_columns(tmp_path: Path) -> None:
    """The trial's inbox (2026-12-01, finding 17): names longer than the name column, inside a
    zip or an e-mail, are printed whole on a line of their own, their row under them."""
    trial = ROOT / "docs" / "trials" / "2026-12-01" / "repro"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in (
        "forms/SYT bao cao thang hanh dong.xlsx",
        "forms/Na Ri.xlsx",
        "other/2 huyen.zip",
        "other/Chuyen tiep (thu dinh kem).eml",
    ):
        (inbox / Path(name).name).write_bytes((trial / name).read_bytes())
    result = runner.invoke(app, ["validate", str(inbox)], terminal_width=80)
    lines = result.stdout.splitlines()
    # The command to copy is whole on its line, however long the inbox's path: the terminal
    # wraps it on screen, and copies it as one line.
    commands = [line for line in lines if line.startswith("  thd consolidate ")]
    assert commands == [f"  thd consolidate {inbox} --out baocao.docx"]
    assert all(len(line) <= 80 for line in lines if line not in commands), max(lines, key=len)
    for name in (
        "SYT bao cao thang hanh dong.xlsx",
        "2 huyen.zip › Bao cao/chodon.xlsx",
        "Chuyen tiep (thu dinh kem).eml › Báo cáo Tỉnh đoàn.xlsx",
    ):
        assert any(line.startswith(name) for line in lines), name
    alone = "Chuyen tiep (thu dinh kem).eml › Báo cáo Tỉnh đoàn.xlsx"
    at = lines.index(alone)  # wider than any name column beside the others: a line of its own
    assert "Tỉnh đoàn" in lines[at + 1] and "Excel (thư)" in lines[at + 1]
    assert any(line.startswith("Na Ri.xlsx ") and "Excel" in line for line in lines)


def test_an_agencys_words_are_printed_as_typed_not_as_emoji(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """rich turns ":warning:" into ⚠ unless told not to: a level a clerk typed as ":warning:"
    is quoted as typed in the error that names it."""
    from test_traps import base_form

    from thanghanhdong.sample import SampleRow

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    base_form(inbox, campaign, stamper, [SampleRow("Tập huấn", 3, 10, 12, ":warning:")])
    result = runner.invoke(app, ["validate", str(inbox)], terminal_width=200)
    assert result.exit_code == 1, result.output
    assert ":warning:" in result.stdout
    assert "⚠" not in result.stdout


def test_the_command_suggested_after_a_refusal_is_one_line_at_80_columns(tmp_path: Path) -> None:
    """Trial 2026-12-01d: the officer's own command with --skip-invalid, wider than the window,
    was folded at 80 columns: copying its first line dropped --skip-invalid."""
    out = tmp_path / "bao-cao-tong-hop-thang-hanh-dong.docx"
    args = ["consolidate", str(ROOT / "examples" / "inbox-loi"), "--out", str(out)]
    args += ["--xlsx", str(tmp_path / "tonghop.xlsx"), "--date", "22/12/2021", "--latest"]
    result = runner.invoke(app, args, terminal_width=80)
    assert result.exit_code == 1 and not out.exists()
    [command] = [line for line in result.output.splitlines() if "--skip-invalid" in line]
    assert len(command) > 80 and command.startswith("  thd consolidate ")
    assert command.endswith(
        f"--out {out} --xlsx {tmp_path / 'tonghop.xlsx'} --date 22/12/2021 --latest --skip-invalid"
    )
