"""Trial 2026-12-01d, finding 8: Sở Y tế sent its report again a week later (both forms filled
with openpyxl and saved by LibreOffice). With --latest, or `resubmissions = "latest"`, the
signed Phụ lục II and the summary workbook's status sheet say which version was used and which
was set aside, by date, without file names."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import default_config_text

INBOX = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01d" / "repro" / "inbox"
FILES = ("BC SYT 2021.xlsx", "BC SYT 2021 (gui lai).xlsx")
NOTE = (
    "Gửi lại báo cáo: đã dùng bản báo cáo ngày 17/12/2021, không dùng bản báo cáo ngày 10/12/2021."
)


def _consolidate(tmp_path: Path, *options: str) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in FILES:
        shutil.copy(INBOX / name, inbox / name)
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--xlsx", str(tmp_path / "th.xlsx")]
    result = CliRunner().invoke(app, [*args, "--date", "22/12/2021", *options])
    assert result.exit_code == 0, result.output
    return out


def _status_row(document: docx.document.Document, name: str) -> list[str]:
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Ghi chú")
    return next([c.text for c in r.cells] for r in table.rows if r.cells[1].text == name)


@pytest.mark.parametrize("how", ["option", "configuration"])
def test_the_resubmission_set_aside_is_noted_in_the_signed_status_appendix(
    tmp_path: Path, how: str
) -> None:
    options = ["--latest"]
    if how == "configuration":
        toml = tmp_path / "thd.toml"
        latest = '[campaign]\nresubmissions = "latest"\n'
        toml.write_text(default_config_text().replace("[campaign]\n", latest, 1), "utf-8")
        options = ["--config", str(toml)]
    out = _consolidate(tmp_path, *options)
    row = _status_row(docx.Document(str(out)), "Sở Y tế")
    assert row[2:] == ["17/12/2021", "Đúng hạn", NOTE]
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "gui lai" not in text and "BC SYT" not in text  # no file names in the signed text
    sheet = openpyxl.load_workbook(tmp_path / "th.xlsx")["Tình hình gửi báo cáo"]
    header = [c.value for c in sheet[3]]
    [syt] = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[1] == "SYT"]
    assert syt[header.index("Ghi chú")] == NOTE


def test_two_versions_of_one_date_are_noted_as_saved_before_and_after(tmp_path: Path) -> None:
    """Trial 3's Sở Y tế (both dated 12/12/2021, the correction saved an hour later)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    trial3 = INBOX.parents[2] / "2026-12-01c" / "repro" / "latest"
    for name, at in (("So Y te.xlsx", 1_639_300_000), ("So Y te (1).xlsx", 1_639_303_600)):
        shutil.copy(trial3 / name, inbox / name)
        os.utime(inbox / name, (at, at))
    out = tmp_path / "baocao.docx"
    result = CliRunner().invoke(app, ["consolidate", str(inbox), "--latest", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _status_row(docx.Document(str(out)), "Sở Y tế")[4] == (
        "Gửi lại báo cáo cùng ngày (báo cáo ngày 12/12/2021): đã dùng bản lưu sau, không dùng "
        "bản lưu trước."
    )


def test_remind_with_latest_does_not_ask_a_resubmitting_agency_again(tmp_path: Path) -> None:
    """Trial 2026-12-01e, finding 3: `thd remind` had no --latest; an agency that had correctly
    sent a corrected report was asked to send again ("đã gửi nhiều báo cáo khác nhau")."""
    trial = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01d" / "repro" / "inbox"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("BC SYT 2021.xlsx", "BC SYT 2021 (gui lai).xlsx"):
        shutil.copy(trial / name, inbox / name)

    def letter(*extra: str) -> str:
        out = tmp_path / f"nhac{len(extra)}.docx"
        args = ["remind", str(inbox), "--out", str(out), "--date", "18/12/2021", *extra]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)

    assert "Sở Y tế" in letter()  # two versions: which one is the report?
    with_latest = letter("--latest")
    assert "Sở Y tế" not in with_latest and "Sở Tư pháp" in with_latest  # others still asked
