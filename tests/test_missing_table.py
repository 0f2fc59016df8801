"""An agency that did no communication work writes no table 2 (newcomer's trial 2026-12-01,
finding 5): a retyped form or a Word/PDF report without one of the tables is a warning
(`table_absent`) that says what thd did, none when the table's section says in words that there
was nothing; the agency is still counted, and consolidate lists the table for the officer. A
form whose table's sheet the clerk deleted is the same warning (trial 2026-12-01b, finding 9); a
sheet named as the table without its header was damaged: an error (`table_missing`)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner
from word_reports import seed_form

from thanghanhdong import form
from thanghanhdong.cli import app
from thanghanhdong.completeness import State
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.model import FileResult, Grid, Location, Severity
from thanghanhdong.sample import SampleReport, fill_bytes
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

DATA = Path(__file__).parent / "data"
TRIAL = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01b" / "repro" / "other"
MEDIA, PRODUCTS = form.table("media").sheet, form.table("products").sheet
ABSENT = "Báo cáo không có bảng “{}”: coi như đơn vị không có số liệu của bảng này; nếu có, đề "
ABSENT += "nghị đơn vị bổ sung."


def _edited_form(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, edit: Callable[[Any], None]
) -> Path:
    """Ba Bể's filled form, changed by `edit` (an openpyxl workbook) as a clerk would."""
    agency = campaign.agency("BABE")
    assert agency is not None
    path = tmp_path / "baocao.xlsx"
    path.write_bytes(fill_bytes(stamper.stamp(agency), SampleReport()))
    book = load_workbook(path)
    edit(book)
    book.save(path)
    return path


def _tables(result: FileResult) -> list[tuple[str, Severity, Location | None]]:
    codes = ("table_absent", "table_missing")
    return [(i.code, i.severity, i.location) for i in result.issues if i.code in codes]


def _retyped_table_one(path: Path) -> None:
    """A clerk's own workbook (openpyxl): the header lines, then table 1 only."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "BC"
    spec = form.table("activities")
    for line in (
        ["Tên đơn vị báo cáo: UBND huyện Ba Bể"],
        ["Ngày báo cáo: 15/12/2021"],
        ["Người ký:", "Nguyễn Văn An"],
        ["Ngân sách nhà nước: 1.000.000 đồng"],
        [],
        [
            form.STT_LABEL,
            spec.item_label,
            spec.count_label,
            spec.people_label,
            None,
            "Cấp triển khai",
        ],
        [None, None, None, form.MALE_LABEL, form.FEMALE_LABEL],
        [1, "Tập huấn", 2, 10, 12, "Huyện"],
    ):
        sheet.append(line)
    book.save(path)


def test_retyped_form_with_table_one_only_warns_for_tables_two_and_three(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "golai.xlsx"
    _retyped_table_one(path)
    result = validate_file(path, campaign)
    assert _tables(result) == [("table_absent", Severity.WARNING, None)] * 2
    absent = [i.message for i in result.issues if i.code == "table_absent"]
    assert absent == [ABSENT.format(MEDIA), ABSENT.format(PRODUCTS)]
    assert result.ok, result.issues
    assert result.submission is not None
    assert result.submission.tables == {
        "activities": result.submission.tables["activities"],
        "media": [],
        "products": [],
    }
    assert [r.item for r in result.submission.tables["activities"]] == ["Tập huấn"]


def test_newcomers_retyped_xls_is_usable_with_two_warnings(campaign: Campaign) -> None:
    """The trial's own file (Sở Tư pháp, table 1 retyped in a blank workbook, saved as .xls)."""
    result = validate_file(DATA / "retyped-table1-only.xls", campaign)
    assert result.agency_code == "STP"
    assert _tables(result) == [("table_absent", Severity.WARNING, None)] * 2
    assert not result.errors, result.errors


def test_word_report_whose_section_says_no_products_has_no_table_issue(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "Bao cao SYT.docx"
    path.write_bytes(seed_form(instead={"products": "Không phát hành sản phẩm."}))
    result = validate_file(path, campaign)
    assert _tables(result) == []
    assert result.ok, result.issues


def test_newcomers_word_report_without_table_three_has_no_table_issue(
    campaign: Campaign,
) -> None:
    """The trial's Hội LHPN report: III.3 is the words “Không phát hành sản phẩm.” (its other
    “1.200 người” in a number cell is read as 1200 with a warning)."""
    result = validate_file(DATA / "word-no-products-table.docx", campaign)
    assert _tables(result) == []
    assert not result.errors, result.errors
    assert "unit_number" in [i.code for i in result.issues]


def test_word_report_without_a_table_warns_at_its_section(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "Bao cao SYT.docx"
    path.write_bytes(seed_form(instead={"media": "Số liệu truyền thông gửi sau."}))
    result = validate_file(path, campaign)
    where = Location("mục III.2", grid=Grid.TEXT)
    assert _tables(result) == [("table_absent", Severity.WARNING, where)]
    assert result.ok, result.issues


def test_a_deleted_table_sheet_of_the_form_is_a_warning_not_a_lost_answer(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """Trial 2026-12-01b, finding 9: the clerk deleted the sheet it had nothing for."""
    path = _edited_form(tmp_path, campaign, stamper, lambda book: book.remove(book[MEDIA]))
    result = validate_file(path, campaign)
    assert _tables(result) == [("table_absent", Severity.WARNING, None)]
    assert result.ok and result.submission is not None
    assert result.submission.tables["media"] == []
    assert result.submission.tables["activities"]  # the other tables are read as typed


def test_the_trials_form_saved_by_libreoffice_without_its_products_sheet(
    campaign: Campaign,
) -> None:
    result = validate_file(TRIAL / "chomoi-xoa-trang.xlsx", campaign)
    assert _tables(result) == [("table_absent", Severity.WARNING, None)]
    assert result.ok and result.submission is not None
    assert result.agency_code == "CHOMOI"
    assert result.submission.budget_state == 4_000_000


def test_a_table_sheet_that_lost_its_header_is_still_an_error(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    # The sheet is there, its title and header are not.
    path = _edited_form(tmp_path, campaign, stamper, lambda book: book[MEDIA].delete_rows(1, 6))
    result = validate_file(path, campaign)
    [(code, severity, where)] = _tables(result)
    assert (code, severity) == ("table_missing", Severity.ERROR)
    assert where is not None and where.part == MEDIA  # told at the sheet
    assert not result.ok


def test_answers_without_a_table_are_counted_and_listed_for_the_officer(
    tmp_path: Path, campaign: Campaign
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _retyped_table_one(inbox / "BC Ba Be go lai.xlsx")
    (inbox / "Bao cao SYT.docx").write_bytes(
        seed_form(instead={"products": "Không phát hành sản phẩm."})
    )
    shutil.copy(DATA / "retyped-table1-only.xls", inbox / "BC STP tu lam.xls")
    report = validate_inbox(inbox, campaign)
    usable = {e.code: e.state for e in report.completeness.usable}
    assert usable == {"STP": State.ON_TIME, "SYT": State.ON_TIME, "BABE": State.ON_TIME}
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--date", "2021-12-22"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "4 bảng số liệu không có trong báo cáo của đơn vị" in result.output
    listed = [line.strip() for line in result.output.splitlines() if "không có bảng" in line]
    assert listed == [
        f"- Sở Tư pháp: không có bảng “{MEDIA}”",
        f"- Sở Tư pháp: không có bảng “{PRODUCTS}”",
        f"- UBND huyện Ba Bể: không có bảng “{MEDIA}”",
        f"- UBND huyện Ba Bể: không có bảng “{PRODUCTS}”",
    ]
