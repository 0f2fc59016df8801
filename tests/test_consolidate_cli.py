"""`thd consolidate` end to end on real files: refusal, --skip-invalid, --json, no overwrite."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import HOLDER, held_open
from docx import Document
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.report.numbers import parse_integer

ROOT = Path(__file__).parents[1]
runner = CliRunner()


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in directory.rglob("*") if p.is_file()
    }


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_examples_consolidate_with_json_matching_the_docx(tmp_path: Path) -> None:
    inbox = ROOT / "examples" / "inbox"
    before = snapshot(inbox)
    out, xlsx = tmp_path / "baocao.docx", tmp_path / "tonghop.xlsx"
    result = runner.invoke(
        app, ["consolidate", str(inbox), "--out", str(out), "--xlsx", str(xlsx), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"totals", "budget", "included", "excluded"}
    assert len(data["included"]) == 24 and data["excluded"] == []
    assert snapshot(inbox) == before
    # The "Tổng cộng" row of each table in the report equals the JSON totals.
    document = Document(str(out))
    totals_rows = [
        [c.text for c in row.cells]
        for t in document.tables
        for row in t.rows
        if row.cells[1].text == "Tổng cộng"
    ]
    for key, row in zip(("activities", "media", "products"), totals_rows, strict=False):
        assert [parse_integer(v) for v in row[2:5]] == [
            data["totals"][key][k] for k in ("count", "male", "female")
        ]
    assert xlsx.stat().st_size > 0


def test_errors_refuse_and_write_nothing(tmp_path: Path) -> None:
    out = tmp_path / "baocao.docx"
    result = runner.invoke(
        app, ["consolidate", str(ROOT / "examples" / "inbox-loi"), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert not out.exists()
    assert "--skip-invalid" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_skip_invalid_names_the_agencies_not_the_files(tmp_path: Path) -> None:
    inbox = ROOT / "examples" / "inbox-loi"
    out = tmp_path / "baocao.docx"
    result = runner.invoke(
        app, ["consolidate", str(inbox), "--out", str(out), "--skip-invalid", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    excluded = {Path(p).name for p in data["excluded"]}
    assert {
        "BC_SoTuPhap.xlsx",
        "2021_babe_ubnd-huyen-ba-be.xlsx",
        "BC THD 2021 - Ngan Son.xlsx",
    } <= excluded
    text = docx_text(out)
    for name in excluded:  # the signed report speaks of agencies, never of files
        assert name not in text
    assert (
        "gửi báo cáo chưa hợp lệ nên chưa tổng hợp (Sở Nội vụ, Sở Tư pháp, UBND huyện Ba Bể" in text
    )


def test_no_overwrite_without_force(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "examples" / "inbox", inbox)
    out = tmp_path / "baocao.docx"
    out.write_bytes(b"edited by hand")
    result = runner.invoke(app, ["consolidate", str(inbox), "--out", str(out)])
    assert result.exit_code == 2
    assert out.read_bytes() == b"edited by hand"
    assert (
        runner.invoke(app, ["consolidate", str(inbox), "--out", str(out), "--force"]).exit_code == 0
    )
    assert out.read_bytes().startswith(b"PK")
    inside = runner.invoke(app, ["consolidate", str(inbox), "--out", str(inbox / "baocao.docx")])
    assert inside.exit_code == 2
    assert not (inbox / "baocao.docx").exists()


@pytest.mark.parametrize(
    ("lock", "program"),
    [(".~lock.baocao.docx#", "LibreOffice"), ("~$ocao.docx", "Word/Excel")],
)
def test_a_report_open_in_an_office_program_is_not_overwritten_even_with_force(
    tmp_path: Path, lock: str, program: str
) -> None:
    """Trial 2026-12-01c, finding 14: --force silently overwrote a report open in LibreOffice
    (the officer's unsaved edits); the lock file beside it says it is open."""
    out = tmp_path / "baocao.docx"
    out.write_bytes(b"edited by hand, open")
    (tmp_path / lock).write_text("lock", encoding="utf-8")
    args = ["consolidate", str(ROOT / "examples" / "inbox"), "--out", str(out), "--force"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"đang mở trong {program}" in " ".join(result.stderr.split())
    assert out.read_bytes() == b"edited by hand, open"
    (tmp_path / lock).unlink()  # closed: --force overwrites
    assert runner.invoke(app, args).exit_code == 0


@pytest.mark.skipif(not HOLDER.is_file(), reason="needs a program to hold a file")
def test_an_output_another_program_holds_stops_before_anything_is_written(
    tmp_path: Path,
) -> None:
    """With the report's PDF open in a reader or the workbook in Excel (Windows refuses to
    replace a file held open), the report was written, the workbook not, and last run's data
    file stayed beside the new report. Here the workbook's name is a running program's file,
    which Linux refuses to open for writing as Windows does a file Excel holds: nothing is
    written."""
    out, held = tmp_path / "baocao.docx", tmp_path / "tonghop.xlsx"
    args = ["consolidate", str(ROOT / "examples" / "inbox"), "--out", str(out)]
    with held_open(held):
        result = runner.invoke(app, [*args, "--xlsx", str(held), "--force"])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert f"Không ghi được {held}: tệp đang được chương trình khác dùng" in said
    assert "Chưa ghi tệp nào" in said
    assert not out.exists() and not (tmp_path / "baocao.json").exists()
    assert held.read_bytes() == HOLDER.read_bytes()


def test_empty_inbox_is_refused(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    result = runner.invoke(
        app, ["consolidate", str(tmp_path / "inbox"), "--out", str(tmp_path / "b.docx")]
    )
    assert result.exit_code == 1
    assert "Chưa có báo cáo hợp lệ" in result.stderr
    assert not (tmp_path / "b.docx").exists()


def test_validate_and_the_report_agree_on_every_count(tmp_path: Path) -> None:
    """One completeness computation: the counts `thd validate` prints are the report's."""
    inbox = ROOT / "examples" / "inbox-loi"
    checked = json.loads(runner.invoke(app, ["validate", str(inbox), "--json"]).stdout)
    counts = checked["completeness"]
    out = tmp_path / "baocao.docx"
    result = runner.invoke(
        app, ["consolidate", str(inbox), "--out", str(out), "--skip-invalid", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == {**counts, "agencies": counts["agencies"]}
    text = docx_text(out)
    answered, expected = counts["answered"], counts["expected"]
    assert f"Có {answered}/{expected} cơ quan, đơn vị, địa phương gửi báo cáo" in text
    assert f"phải báo cáo: {expected}; đã gửi: {answered} (" in text
    assert f"chưa gửi: {counts['missing']}." in text
    assert checked["summary"]["received_agencies"] == answered
    assert answered + counts["missing"] == expected  # adds up to the roster


def test_reports_signed_after_the_consolidated_report_are_pointed_out(tmp_path: Path) -> None:
    """The province's report dated before a report it includes: the officer is told."""
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(ROOT / "examples" / "inbox"), "--out", str(out)]
    result = runner.invoke(app, [*args, "--date", "01/12/2021"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "Báo cáo tổng hợp ghi ngày 01/12/2021 nhưng" in flat
    assert "kiểm tra lại ngày ký" in flat
