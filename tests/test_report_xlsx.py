"""The summary workbook: its sheets, native bar charts, numbers as numbers, and agency text that
can never become a formula."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert
from helpers import Excluded, consolidate
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from thanghanhdong import form
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import Consolidation
from thanghanhdong.model import Location, Row, Submission
from thanghanhdong.report import officer
from thanghanhdong.report.xlsx import (
    SHEET_AGENCIES,
    SHEET_CHARTS,
    SHEET_DOCUMENTS,
    SHEET_POINTS,
    SHEET_STATUS,
    SHEET_SUMMARY,
    SHEET_TEXTS,
    render_xlsx,
)

INJECTIONS = ['=HYPERLINK("http://x","y")', "+1+2", "-3+4", "@SUM(A1)", "=1+1"]
TRICKY_TEXT = 'A & B <C> "D"'


def _row(table: str, item: str, level: str, count: int, male: int, female: int) -> Row:
    figures = {"count": count, "male": male, "female": female}
    return Row(item, level, figures, Location(form.table(table).sheet, 6, 0))


def sample(campaign: Campaign) -> Consolidation:
    babe = Submission(
        path=Path("inbox/2021_babe.xlsx"),
        agency_code="BABE",
        agency_name="UBND huyện Ba Bể",
        report_date=date(2021, 12, 17),
        budget_state=15_000_000,
        budget_mobilized=2_500_000,
        narratives={"direction": INJECTIONS[0], "results": TRICKY_TEXT, "proposals": "@x"},
        tables={
            "activities": [_row("activities", item, "Xã", 1, 10, 20) for item in INJECTIONS]
            + [_row("activities", "Tập huấn", "Huyện", 2, 40, 65)],
            "media": [_row("media", "Phát thanh", "Xã", 30, 1200, 1350)],
            "products": [_row("products", "Băng rôn", "Xã", 12, 0, 0)],
        },
    )
    syt = Submission(
        path=Path("inbox/=cmd.xlsx"),
        agency_code="SYT",
        agency_name="Sở Y tế",
        report_date=date(2021, 12, 22),
        late=True,
        narratives={"direction": "Ban hành Kế hoạch số 12/KH-SYT ngày 05/11/2021."},
        tables={"activities": [_row("activities", "Tập huấn", "Tỉnh", 1, 20, 30)]},
    )
    excluded = [Excluded(Path("inbox/stp.xlsx"), "STP", "Sở Tư pháp")]
    return consolidate(campaign, [babe, syt], excluded, report_date=date(2022, 1, 5))


@pytest.fixture(scope="module")
def consolidation() -> Consolidation:
    from thanghanhdong import config

    return sample(config.load(None))


@pytest.fixture(scope="module")
def content(consolidation: Consolidation) -> bytes:
    return render_xlsx(consolidation)


@pytest.fixture(scope="module")
def workbook(content: bytes) -> Workbook:
    return load_workbook(io.BytesIO(content))


def test_sheets(workbook: Workbook) -> None:
    assert workbook.sheetnames == [
        SHEET_SUMMARY,
        SHEET_AGENCIES,
        SHEET_STATUS,
        SHEET_CHARTS,
        SHEET_TEXTS,
        SHEET_POINTS,
        SHEET_DOCUMENTS,
        officer.SHEET_SET_ASIDE,
        officer.SHEET_NAMES,
        officer.SHEET_BLANKS,
    ]
    assert workbook.active.title == SHEET_SUMMARY


def test_native_bar_charts_of_male_and_female(content: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        charts = [n for n in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        assert len(charts) == 2
        for name in charts:
            xml = archive.read(name).decode()
            assert re.search(r"<(c:)?barChart>", xml)
            assert len(re.findall(r"<(c:)?ser>", xml)) == 2  # Nam, Nữ
            assert f"'{SHEET_CHARTS}'!$B$" in xml and f"'{SHEET_CHARTS}'!$C$" in xml


def test_chart_data_by_table_and_level(workbook: Workbook, consolidation: Consolidation) -> None:
    sheet = workbook[SHEET_CHARTS]
    values = {
        row[0]: (row[1], row[2])
        for row in sheet.iter_rows(min_row=4, values_only=True)
        if row[0] and row[1] is not None
    }
    for table in consolidation.tables.values():
        assert values[table.spec.sheet] == (table.total.male, table.total.female)
        for level in table.levels:
            key = f"{table.spec.sheet} - {level.level}"
            assert values[key] == (level.figures.male, level.figures.female)


def test_agency_text_is_never_a_formula(content: bytes, workbook: Workbook) -> None:
    seen = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    seen.add(cell.value)
    assert set(INJECTIONS) <= seen
    assert {"@x", "=cmd.xlsx"} <= seen
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in archive.read(name).decode(), name


def test_tricky_text_survives(workbook: Workbook) -> None:
    texts = [c.value for row in workbook[SHEET_TEXTS].iter_rows() for c in row]
    assert TRICKY_TEXT in texts


def test_summary_totals_are_numbers(workbook: Workbook, consolidation: Consolidation) -> None:
    sheet = workbook[SHEET_SUMMARY]
    totals = [tuple(row[2:6]) for row in sheet.iter_rows(values_only=True) if row[1] == "Tổng cộng"]
    expected = [
        (t.total.count, t.total.male, t.total.female, t.total.total)
        for t in consolidation.tables.values()
    ]
    assert totals == expected
    assert all(isinstance(v, int) for total in totals for v in total)
    activities = consolidation.table("activities")
    rows = [r for r in sheet.iter_rows(values_only=True) if r[1] in set(INJECTIONS)]
    assert len(rows) == len(INJECTIONS) == len(activities.rows) - 2  # Tập huấn: Tỉnh, Huyện


def test_agencies_and_status_sheets(workbook: Workbook, consolidation: Consolidation) -> None:
    agencies = workbook[SHEET_AGENCIES]
    codes = [r[1] for r in agencies.iter_rows(min_row=4, values_only=True) if r[1]]
    assert codes == ["SYT", "BABE"]
    total = next(r for r in agencies.iter_rows(values_only=True) if r[2] == "Tổng cộng")
    assert total[3:6] == (8, 110, 195)
    status = workbook[SHEET_STATUS]
    states = {r[1]: r[3] for r in status.iter_rows(min_row=4, values_only=True) if r[1]}
    assert states["BABE"] == "Đúng hạn"
    assert states["SYT"] == "Gửi muộn"
    assert states["STP"] == "Đã gửi, chưa hợp lệ"
    assert states["SNV"] == "Chưa gửi"
    assert len(states) == len(consolidation.campaign.agencies)


def test_documents_sheet_holds_phu_luc_iv(workbook: Workbook) -> None:
    """The report points to this sheet for Phụ lục IV above the roster size it lists."""
    rows = list(workbook[SHEET_DOCUMENTS].iter_rows(min_row=3, values_only=True))
    head = ("STT", "Cơ quan, đơn vị, địa phương", "Loại văn bản", "Số, ký hiệu", "Ngày ban hành")
    assert rows[0][:5] == head
    assert [r[:5] for r in rows[1:]] == [(1, "Sở Y tế", "Kế hoạch", "12/KH-SYT", "05/11/2021")]


def test_empty_consolidation(campaign: Campaign) -> None:
    workbook = load_workbook(
        io.BytesIO(render_xlsx(consolidate(campaign, [], report_date=date(2021, 12, 20))))
    )
    assert workbook.sheetnames[0] == SHEET_SUMMARY


def test_every_sheet_prints_on_a4_landscape_one_page_wide(workbook: Workbook) -> None:
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, str(setup.paperSize)) == ("landscape", "9"), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        # OOXML: an absent fitToWidth is 1
        assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0), sheet.title
    for name in (SHEET_AGENCIES, SHEET_STATUS, SHEET_TEXTS):
        assert workbook[name].print_title_rows == "$3:$3", name
    assert workbook[SHEET_AGENCIES].freeze_panes == "D4"


def test_cells_are_times_new_roman_and_integers_grouped(workbook: Workbook) -> None:
    sheet = workbook[SHEET_AGENCIES]
    for row in sheet.iter_rows(min_row=3, max_row=5):
        for cell in row:
            if cell.value is None:
                continue
            assert cell.font.name == "Times New Roman", cell.coordinate
            if isinstance(cell.value, int):
                assert cell.number_format == "#,##0", cell.coordinate
    assert sheet["A3"].fill.fgColor.rgb.endswith("DDE5F0")
    assert sheet["A3"].font.bold


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
def test_libreoffice_prints_it_on_a4_landscape(content: bytes, tmp_path: Path) -> None:
    source = tmp_path / "tonghop.xlsx"
    source.write_bytes(content)
    (pdf,) = soffice_convert([source], "pdf", tmp_path, tmp_path / "profile")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout)
    assert size is not None
    width, height = float(size.group(1)), float(size.group(2))
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points


def test_the_officers_sheets_hold_what_the_report_leaves_out(tmp_path: Path) -> None:
    from thanghanhdong import config
    from thanghanhdong.consolidate import consolidate as merge
    from thanghanhdong.inbox import validate_inbox

    campaign = config.load(None)
    report = validate_inbox(Path(__file__).parents[1] / "examples" / "inbox", campaign)
    submissions = [r.submission for r in report.files if r.submission is not None]
    c = merge(campaign, submissions, report.completeness, report_date=date(2021, 12, 22))
    book = load_workbook(io.BytesIO(render_xlsx(c)))
    aside = [row for row in book[officer.SHEET_SET_ASIDE].iter_rows(min_row=4, values_only=True)]
    texts = [row[3] for row in aside]
    assert any(str(t).startswith("Đề nghị Sở Lao động") for t in texts)
    assert any("gửi chậm" in str(t) for t in texts)  # the late agency's excuse
    assert all(row[4] for row in aside)  # every point names its agencies
    names = list(book[officer.SHEET_NAMES].iter_rows(min_row=4, values_only=True))
    assert names[0][:4] == (1, "1. Hoạt động", "Sân khấu hóa", "Thi sân khấu hóa")
    assert names[0][4] == '"Thi sân khấu hóa" = ["Sân khấu hóa"]'


def test_a_large_roster_gets_the_same_workbook_written_row_by_row(
    consolidation: Consolidation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above CONSTANT_MEMORY_ABOVE agencies xlsxwriter writes each sheet's rows to a file as
    they come (memory flat at a ministry's scale), below it builds the workbook in memory: the
    officer gets the same cells, formats and sheets either way."""
    import thanghanhdong.report.xlsx as xlsx_module

    def cells(content: bytes) -> dict[str, list[tuple[object, ...]]]:
        book = load_workbook(io.BytesIO(content))
        return {
            sheet.title: [
                (c.coordinate, c.value, c.number_format, c.font.b, c.alignment.wrap_text)
                for row in sheet.iter_rows()
                for c in row
                if c.value is not None
            ]
            for sheet in book.worksheets
        }

    assert len(consolidation.status.entries) <= xlsx_module.CONSTANT_MEMORY_ABOVE
    in_memory = render_xlsx(consolidation)
    monkeypatch.setattr(xlsx_module, "CONSTANT_MEMORY_ABOVE", 0)
    row_by_row = render_xlsx(consolidation)
    assert in_memory != row_by_row  # the two modes really ran (shared vs inline strings)
    assert cells(in_memory) == cells(row_by_row)
