"""Traps of /work/shared/reference/pitfalls.md that no other test would catch if reintroduced
(see docs/pitfalls-coverage.md): each test here fails when its trap comes back."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong import cli, form, pipeline
from thanghanhdong.config import Campaign, tomllib
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

ROOT = Path(__file__).resolve().parents[1]
REPORT_DATE = date(2021, 12, 17)
SERIAL = (REPORT_DATE - date(1899, 12, 30)).days  # 44547, as Excel stores the date
DATE_CELL = f"{form.INFO_VALUE_COLUMN}{form.info_row('report_date')}"


def _general_serial(workbook: Any) -> None:
    """A clerk who pasted the date as a number into a cell set back to General format."""
    cell = workbook[form.SHEET_INFO][DATE_CELL]
    cell.value = SERIAL
    cell.number_format = "General"


def _form(tmp_path: Path, campaign: Campaign, stamper: FormStamper, report: SampleReport, **kw):  # type: ignore[no-untyped-def]
    agency = campaign.agency("BABE")
    assert agency is not None
    path = tmp_path / "babe.xlsx"
    path.write_bytes(fill_bytes(stamper.stamp(agency), report, **kw))
    return path


# calamine: "a date serial in a General cell is a float (45730.0)";
# pydantic: "Excel serial numbers need a parser".
def test_a_date_serial_in_a_general_cell_is_the_date(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    path = _form(tmp_path, campaign, stamper, SampleReport(), edit=_general_serial)
    paths = [path]
    if SOFFICE is not None:  # and as LibreOffice saves it, in both of its formats
        paths += soffice_convert([path], "ods", tmp_path / "ods", tmp_path / "profile")
        paths += soffice_convert([path], "xlsx", tmp_path / "xlsx", tmp_path / "profile")
    for each in paths:
        result = validate_file(each, campaign)
        assert result.submission is not None, (each, result.issues)
        assert result.submission.report_date == REPORT_DATE, each
        assert not [i for i in result.issues if i.cell == DATE_CELL], result.issues


def _offset_report(path: Path) -> None:
    """A report retyped with xlsxwriter, its table starting at C4: calamine drops the three empty
    rows and two empty columns before it, so addresses are right only with the sheet's start."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Báo cáo")
    sheet.write("C4", "Tên đơn vị báo cáo: UBND huyện Ba Bể")
    spec = form.table("activities")
    group = next(c.group for c in spec.columns if c.group)
    sheet.write_row("C6", [form.STT_LABEL, spec.item_label, spec.count_label, group, ""])
    sheet.write("H6", form.LEVEL_LABEL)
    sheet.write_row("F7", [form.MALE_LABEL, form.FEMALE_LABEL])
    sheet.write_row("C8", [1, "Tập huấn", 2, 10, 12, "Huyện"])
    sheet.write_row("C9", [2, "Hội thảo", 1, -4, 5, "Xã"])
    book.close()


# calamine: "to_python() drops leading empty rows and columns by default: cell addresses shift".
def test_a_table_after_empty_rows_and_columns_is_addressed_where_it_is(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "golai.xlsx"
    _offset_report(path)
    paths = [path]
    if SOFFICE is not None:
        paths += soffice_convert([path], "ods", tmp_path / "ods", tmp_path / "profile")
    for each in paths:
        result = validate_file(each, campaign)
        negative = [(i.sheet, i.cell) for i in result.issues if i.code == "negative_number"]
        assert negative == [("Báo cáo", "F9")], (each, result.issues)
        assert result.submission is not None
        rows = result.submission.tables["activities"]
        assert (rows[0].item, rows[0].count, rows[0].male, rows[0].female) == (
            "Tập huấn",
            2,
            10,
            12,
        )


# pydantic: "do cross-field rules in a separate pass so the user sees all problems at once".
def test_a_field_error_does_not_hide_the_checks_across_fields(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    report = SampleReport(signer_name=None)
    report.tables["activities"] = [
        SampleRow("Tập huấn", -2, 10, 10, "Xã"),  # a bad field
        SampleRow("Diễn đàn", 1, 3000, 2500, "Tỉnh"),  # a rule across count and people
    ]
    result = validate_file(_form(tmp_path, campaign, stamper, report), campaign)
    codes = {(i.code, i.cell) for i in result.issues}
    act = f"{form.table('activities').letter('count')}{form.TABLE_FIRST_DATA_ROW}"
    assert ("negative_number", act) in codes, result.issues
    assert any(code == "implausible_participants" for code, _ in codes), result.issues
    assert any(code == "missing_signer" for code, _ in codes) or any(
        i.cell == f"{form.INFO_VALUE_COLUMN}{form.info_row('signer_name')}" for i in result.issues
    ), result.issues


# python-calamine: "Its import costs about 1 ms; openpyxl's and docxtpl's about 105 ms each".
def test_validating_imports_neither_openpyxl_nor_docxtpl() -> None:
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from thanghanhdong.config import load\n"
        "from thanghanhdong.inbox import validate_inbox\n"
        f"report = validate_inbox(Path({str(ROOT / 'examples' / 'inbox-loi')!r}), load(None))\n"
        "assert report.files\n"
        "print(json.dumps(sorted(m for m in ('openpyxl', 'docxtpl')"
        " if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


# Typer: "Turn pretty exceptions off for users; no local variables in tracebacks".
def test_a_bug_inside_a_command_shows_no_traceback_and_no_form_content(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        signer = "Nguyễn Văn Bí Mật"  # what a form holds: must never reach the console
        raise RuntimeError(signer[:0] + "bug")

    (tmp_path / "inbox").mkdir()
    monkeypatch.setattr(pipeline, "validate", broken)
    monkeypatch.setattr(sys, "argv", ["thd", "validate", str(tmp_path / "inbox")])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == cli.CRASH_EXIT
    captured = capsys.readouterr()
    assert "Lỗi không mong muốn" in captured.err
    for leak in ("Traceback", "Bí Mật", "signer", "locals"):
        assert leak not in captured.err + captured.out
    assert cli.app.pretty_exceptions_enable is False
    assert cli.app.pretty_exceptions_show_locals is False
    # With --debug the bug reaches the hook Typer installed: a traceback, still no locals.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(sys, "argv", ["thd", "--debug", "validate", str(tmp_path / "inbox")])
    with pytest.raises(RuntimeError) as raised:
        cli.main()
    sys.excepthook(raised.type, raised.value, raised.tb)
    shown = capsys.readouterr().err
    assert "Traceback" in shown and "RuntimeError: bug" in shown
    assert "Bí Mật" not in shown


# Click under Typer: "there is no gettext hook ... pin the Typer range".
def test_typer_is_pinned_below_its_next_minor_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    typer = [d for d in project["project"]["dependencies"] if d.startswith("typer")]
    assert len(typer) == 1 and "<" in typer[0], typer


# python-calamine: "It does see very hidden sheets" (a roster whose first sheet is hidden).
def test_a_roster_list_reads_its_visible_sheet_not_a_very_hidden_one(
    tmp_path: Path, campaign: Campaign
) -> None:
    import openpyxl
    from test_roster import default_rows, write_openpyxl

    from thanghanhdong import roster

    expected = roster.read_roster(
        write_openpyxl(tmp_path / "ds.xlsx", default_rows(campaign))
    ).agencies
    book = openpyxl.load_workbook(tmp_path / "ds.xlsx")
    old = book.create_sheet("Cũ", 0)  # last year's list, hidden by the clerk, first in the book
    old.append(["STT", "Tên đơn vị", "Nhóm"])
    old.append([1, "Phòng Văn hóa và Thông tin huyện Pác Nặm", "Huyện"])
    old.sheet_state = "veryHidden"
    book.active = 1
    book.save(tmp_path / "ds-an.xlsx")
    paths = [tmp_path / "ds-an.xlsx"]
    if SOFFICE is not None:
        paths += soffice_convert(paths[:1], "ods", tmp_path / "ods", tmp_path / "profile")
    for each in paths:
        result = roster.read_roster(each)
        assert result.ok, (each, result.errors)
        assert result.agencies == expected, each


# rich: "rich markup eats [...] in user data: escape user text" (a clerk's own words).
def test_a_clerks_words_in_brackets_are_printed_as_typed(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    from test_traps import base_form
    from typer.testing import CliRunner

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    base_form(inbox, campaign, stamper, [SampleRow("Tập huấn", 3, 10, 12, "[bold]Xã[/bold]")])
    result = CliRunner().invoke(cli.app, ["validate", str(inbox)], terminal_width=200)
    assert result.exit_code == 1, result.output
    assert "[bold]Xã[/bold]" in result.stdout


# docxtpl: "Templates saved by LibreOffice can yield a corrupt output (duplicate core
# properties)": an officer's template that went through LibreOffice still gives a sound report.
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_an_officer_template_saved_by_libreoffice_renders_a_sound_report(tmp_path: Path) -> None:
    import io
    import zipfile

    import docx
    from test_report_docx import sample

    from thanghanhdong import config
    from thanghanhdong.report.docx import render_docx
    from thanghanhdong.resources import template_path

    source = tmp_path / "mau.docx"
    source.write_bytes(template_path("baocao.docx").read_bytes())
    (saved,) = soffice_convert([source], "docx", tmp_path / "lo", tmp_path / "profile")
    rendered = render_docx(sample(config.load(None)), saved)
    names = zipfile.ZipFile(io.BytesIO(rendered)).namelist()
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(rendered)).paragraphs)
    assert "UBND huyện Ba Bể" in text and "{{" not in text and "{%" not in text
    out = tmp_path / "baocao.docx"
    out.write_bytes(rendered)
    (pdf,) = soffice_convert([out], "pdf", tmp_path / "pdf", tmp_path / "profile")
    assert pdf.stat().st_size > 0


# docxtpl: "a value containing & or < silently loses text ... test with 'A & B <C>'" — the
# reminder letter is rendered by docxtpl too, and quotes what the clerk typed.
def test_a_clerks_value_with_ampersand_and_angle_brackets_survives_in_the_reminder(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    import docx
    from cases import filled, with_activities
    from typer.testing import CliRunner

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    rows = [SampleRow("Tập huấn", 2, "A & B <C>", 10, "Xã")]
    (inbox / "nari.xlsx").write_bytes(filled(campaign, stamper, with_activities(*rows), "NARI"))
    out = tmp_path / "nhac.docx"
    args = ["remind", str(inbox), "--out", str(out), "--date", "18/12/2021"]
    result = CliRunner().invoke(cli.app, args)
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "“A & B <C>”" in text, text


# python-docx: "A merged cell is returned once per grid cell it spans" — a Nam figure merged
# down over two rows of a Word report is read once, and judged as in the Excel form: one figure
# for two rows cannot be split, so it is the error `merged_number` at the cell, never 100 + 100
# nor 100 credited to the first row alone.
def _merged_down(tmp_path: Path, column: int, text: str) -> Path:
    import io

    import docx
    from word_reports import seed_form

    document = docx.Document(io.BytesIO(seed_form()))
    table = next(t for t in document.tables if len(t.columns) == 6)
    assert [c.text for c in table.rows[3].cells][:2] == ["2", "Diễn đàn"]
    table.cell(3, column).text = ""
    table.cell(2, column).merge(table.cell(3, column)).text = text
    path = tmp_path / "sogd.docx"
    document.save(str(path))
    return path


def test_a_figure_merged_down_in_a_word_table_is_one_figure(
    tmp_path: Path, campaign: Campaign
) -> None:
    result = validate_file(_merged_down(tmp_path, 3, "100"), campaign)
    merged = [i for i in result.issues if i.code == "merged_number"]
    assert merged and merged[0].location is not None, result.issues
    assert merged[0].location.cell == "dòng 1, cột Nam", merged[0].location


def test_a_level_merged_down_in_a_word_table_applies_to_each_row(
    tmp_path: Path, campaign: Campaign
) -> None:
    """As in the Excel form (`merged_level`): the second row was `missing_level` and lost."""
    result = validate_file(_merged_down(tmp_path, 5, "Huyện"), campaign)
    assert result.submission is not None and not result.errors, result.issues
    rows = result.submission.tables["activities"]
    assert [(r.item, r.level) for r in rows][:2] == [("Tập huấn", "Huyện"), ("Diễn đàn", "Huyện")]
    assert any(i.code == "merged_level" for i in result.issues), result.issues
