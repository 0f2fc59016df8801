"""The generated forms, read back with openpyxl: what an agency receives must be right.

The forms are generated once for the whole default roster through the real command line; texts
are compared with literal strings from the seed (the plan's reporting form), not with form.py.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from conftest import HOLDER, SOFFICE, held_open, soffice_convert
from defusedxml import ElementTree
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.files import OutputExists
from thanghanhdong.template import build_workbook_bytes, file_name, write_forms

YEAR = 2021
CAMPAIGN_ID = "bac-kan-2021"
ROSTER_SIZE = 28
INPUT_FILL = "FFF9E5"
META = "_thd"
SHEETS = ["Hướng dẫn", "Thông tin chung", "1. Hoạt động", "2. Truyền thông", "3. Sản phẩm", META]
TABLE_SHEETS = SHEETS[2:5]

# The seed's three tables: title, then the header row and, under "Số người ...", Nam | Nữ.
SEED_TABLES = {
    "1. Hoạt động": (
        "Tổ chức các hoạt động hưởng ứng Tháng hành động, kiểm tra, giám sát...",
        ("STT", "Hoạt động", "Số cuộc", "Số người tham gia", None, "Cấp triển khai"),
    ),
    "2. Truyền thông": (
        "Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở",
        ("STT", "Nội dung", "Số lượng", "Số người tiếp cận", None, "Cấp triển khai"),
    ),
    "3. Sản phẩm": (
        "Phát hành các sản phẩm truyền thông",
        ("STT", "Sản phẩm", "Số lượng", "Số người tiếp cận", None, "Cấp triển khai"),
    ),
}
SEED_SUBHEADER = (None, None, None, "Nam", "Nữ", None)
HEADER_ROW, SUBHEADER_ROW, FIRST_DATA_ROW = 5, 6, 7
MIN_INPUT_ROWS = 30

# The seed's outline, as `Thông tin chung` must ask for it (column A labels).
SEED_INFO_LABELS = (
    "Công tác chỉ đạo, ban hành kế hoạch triển khai",
    "Nội dung hoạt động đã triển khai",
    "Ngân sách nhà nước",
    "Ngân sách vận động",
    "Những kết quả đã đạt được, bài học kinh nghiệm",
    "Những khó khăn, tồn tại",
    "Kiến nghị, đề xuất",
)
HEADER_INPUTS = (
    "Số báo cáo",
    "Ngày báo cáo",
    "Chức vụ người ký",
    "Họ và tên người ký",
    "Người liên hệ",
)
FILE_NAME = re.compile(r"^2021_[a-z0-9-]+_[a-z0-9-]+\.xlsx$")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`thd generate-templates` with the embedded default, run from an empty directory."""
    work = tmp_path_factory.mktemp("generate")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        result = CliRunner().invoke(app, ["generate-templates"])
    assert result.exit_code == 0, result.output
    return work / "mau-bao-cao", result.stdout


@pytest.fixture(scope="module")
def forms(generated: tuple[Path, str], campaign: Campaign) -> dict[str, Workbook]:
    out_dir, _ = generated
    books = {}
    for agency in campaign.agencies:
        books[agency.code] = openpyxl.load_workbook(out_dir / file_name(campaign, agency))
    return books


@pytest.fixture(params=["SLDTBXH", "MTTQ", "TPBK", "PACNAM"])
def book(request: pytest.FixtureRequest, forms: dict[str, Workbook]) -> Workbook:
    """A few forms, provincial and district, for the checks of structure."""
    return forms[request.param]


def table_sheets(book: Workbook) -> Iterator[Worksheet]:
    for name in TABLE_SHEETS:
        yield book[name]


def info_rows(book: Workbook) -> dict[str, int]:
    """Label in column A of `Thông tin chung` -> its row."""
    sheet = book["Thông tin chung"]
    return {
        str(sheet.cell(row, 1).value): row
        for row in range(1, sheet.max_row + 1)
        if sheet.cell(row, 1).value
    }


def info_row(book: Workbook, fragment: str) -> int:
    matches = [row for label, row in info_rows(book).items() if fragment in label]
    assert len(matches) == 1, f"{fragment!r} should label exactly one row, found {matches}"
    return matches[0]


def expected_inputs(book: Workbook) -> dict[str, set[str]]:
    """Every cell an agency types into, per sheet, derived from the labels on the sheet."""
    inputs: dict[str, set[str]] = {name: set() for name in SHEETS}
    for fragment in HEADER_INPUTS + SEED_INFO_LABELS:
        inputs["Thông tin chung"].add(f"B{info_row(book, fragment)}")
    for sheet in table_sheets(book):
        for row in data_rows(sheet):
            inputs[sheet.title] |= {f"{letter}{row}" for letter in "BCDEF"}
    return inputs


def data_rows(sheet: Worksheet) -> list[int]:
    """Rows under the header numbered 1, 2, 3... in column A (STT)."""
    rows = []
    row = FIRST_DATA_ROW
    while sheet.cell(row, 1).value == len(rows) + 1:
        rows.append(row)
        row += 1
    return rows


def all_cells(sheet: Worksheet) -> Iterator:  # type: ignore[type-arg]
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=sheet.max_column):
        yield from row


def list_values(book: Workbook, formula: str) -> list[str]:
    """The cells a list validation points at, e.g. `'_thd'!$D$2:$D$4`."""
    sheet_part, cells = formula.rsplit("!", 1)
    sheet = book[sheet_part.strip("'")]
    min_col, min_row, max_col, max_row = range_boundaries(cells.replace("$", ""))
    return [
        sheet.cell(row, col).value
        for row in range(min_row, max_row + 1)
        for col in range(min_col, max_col + 1)
    ]


def validations(sheet: Worksheet, kind: str) -> list:  # type: ignore[type-arg]
    return [dv for dv in sheet.data_validations.dataValidation if dv.type == kind]


def covered(dv, cells: set[str]) -> bool:  # type: ignore[no-untyped-def]
    return all(cell in dv.sqref for cell in cells)


# --------------------------------------------------------------------------- files


def test_one_form_per_agency_with_safe_names(
    generated: tuple[Path, str], campaign: Campaign
) -> None:
    out_dir, _ = generated
    names = sorted(path.name for path in out_dir.iterdir())
    assert len(names) == ROSTER_SIZE == len(campaign.agencies)
    for name in names:
        assert FILE_NAME.match(name), name
        assert name.isascii() and " " not in name
    assert "2021_babe_ubnd-huyen-ba-be.xlsx" in names
    assert "2021_mttq_uy-ban-mat-tran-to-quoc-viet-nam-tinh.xlsx" in names
    assert "2021_chodon_ubnd-huyen-cho-don.xlsx" in names  # Đ becomes d


def test_command_lists_every_form_it_wrote(generated: tuple[Path, str], campaign: Campaign) -> None:
    _, stdout = generated
    assert f"Đã tạo {ROSTER_SIZE} mẫu" in stdout
    for agency in campaign.agencies:
        assert agency.code in stdout
        assert file_name(campaign, agency) in stdout


def test_no_placeholder_token_left(generated: tuple[Path, str]) -> None:
    out_dir, _ = generated
    for path in out_dir.iterdir():
        with zipfile.ZipFile(path) as archive:
            for part in archive.namelist():
                assert b"@@THD" not in archive.read(part), f"{path.name}:{part}"


# --------------------------------------------------------------------------- metadata


def test_metadata_sheet_names_the_agency(forms: dict[str, Workbook], campaign: Campaign) -> None:
    for agency in campaign.agencies:
        sheet = forms[agency.code][META]
        meta = {sheet.cell(row, 1).value: sheet.cell(row, 2).value for row in range(1, 7)}
        assert meta == {
            "marker": "thd-form",
            "campaign_id": CAMPAIGN_ID,
            "year": YEAR,
            "agency_code": agency.code,
            "agency_name": agency.name,
            "form_version": "1",
        }


def test_document_properties_name_the_agency(
    forms: dict[str, Workbook], campaign: Campaign
) -> None:
    for agency in campaign.agencies:
        props = {p.name: p.value for p in forms[agency.code].custom_doc_props}
        assert props["thd_agency_code"] == agency.code
        assert props["thd_form_version"] == "1"
        assert props["thd_campaign_id"] == CAMPAIGN_ID


def test_agency_name_shown_on_every_visible_sheet(
    forms: dict[str, Workbook], campaign: Campaign
) -> None:
    for agency in campaign.agencies:
        book = forms[agency.code]
        guide = " ".join(str(c.value) for c in all_cells(book["Hướng dẫn"]) if c.value)
        assert agency.name in guide
        info = book["Thông tin chung"]
        assert info[f"B{info_row(book, 'Tên đơn vị báo cáo')}"].value == agency.name
        for sheet in table_sheets(book):
            assert sheet["A1"].value == f"Tên đơn vị báo cáo: {agency.name}"


def test_stamped_form_equals_form_built_for_the_agency(
    forms: dict[str, Workbook], campaign: Campaign
) -> None:
    agency = campaign.agency("CHODON")
    assert agency is not None
    built = openpyxl.load_workbook(io.BytesIO(build_workbook_bytes(campaign, agency)))
    stamped = forms["CHODON"]
    assert built.sheetnames == stamped.sheetnames
    for name in built.sheetnames:
        built_values = [[c.value for c in row] for row in built[name].iter_rows()]
        stamped_values = [[c.value for c in row] for row in stamped[name].iter_rows()]
        assert built_values == stamped_values, name


# --------------------------------------------------------------------------- sheets


def test_sheet_order_guide_first_and_active_metadata_very_hidden(book: Workbook) -> None:
    assert book.sheetnames == SHEETS
    assert book.active is not None and book.active.title == "Hướng dẫn"
    assert [s.sheet_state for s in book.worksheets] == ["visible"] * 5 + ["veryHidden"]
    assert book.index(book[META]) != 0


def test_every_sheet_protected(forms: dict[str, Workbook]) -> None:
    for code, book in forms.items():
        for sheet in book.worksheets:
            assert sheet.protection.sheet, f"{code}: {sheet.title}"


def test_header_labels_are_the_seeds(book: Workbook) -> None:
    for sheet_name, (title, header) in SEED_TABLES.items():
        sheet = book[sheet_name]
        titles = [str(c.value) for c in all_cells(sheet) if c.row < HEADER_ROW and c.value]
        assert any(title in text for text in titles), sheet_name
        assert tuple(c.value for c in sheet[HEADER_ROW][:6]) == header
        assert tuple(c.value for c in sheet[SUBHEADER_ROW][:6]) == SEED_SUBHEADER


def test_info_sheet_asks_for_the_seeds_sections(book: Workbook) -> None:
    labels = " | ".join(info_rows(book))
    for fragment in (*SEED_INFO_LABELS, "I. TỔ CHỨC THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG"):
        assert fragment in labels


def test_at_least_thirty_input_rows(book: Workbook) -> None:
    for sheet in table_sheets(book):
        rows = data_rows(sheet)
        assert len(rows) >= MIN_INPUT_ROWS, sheet.title
        assert rows == list(range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(rows)))


def test_input_cells_unlocked_and_yellow_everything_else_locked(
    forms: dict[str, Workbook],
) -> None:
    for code, book in forms.items():
        expected = expected_inputs(book)
        for sheet in book.worksheets:
            unlocked = {c.coordinate for c in all_cells(sheet) if not c.protection.locked}
            yellow = {
                c.coordinate
                for c in all_cells(sheet)
                if c.fill.fill_type == "solid" and str(c.fill.fgColor.rgb).endswith(INPUT_FILL)
            }
            assert unlocked == expected[sheet.title], f"{code}: {sheet.title}"
            assert yellow == expected[sheet.title], f"{code}: {sheet.title}"


def test_nothing_merged_in_input_areas(book: Workbook) -> None:
    expected = expected_inputs(book)
    for sheet in book.worksheets:
        for merged in sheet.merged_cells.ranges:
            cells = {c.coordinate for row in sheet[merged.coord] for c in row}
            assert not cells & expected[sheet.title], f"{sheet.title}: {merged.coord}"


def test_times_new_roman_everywhere(book: Workbook) -> None:
    for sheet in book.worksheets[:5]:
        for cell in all_cells(sheet):
            if cell.value is not None or not cell.protection.locked:
                assert cell.font.name == "Times New Roman", f"{sheet.title}!{cell.coordinate}"


def test_table_sheets_print_on_a4_landscape_with_frozen_header(book: Workbook) -> None:
    for sheet in table_sheets(book):
        assert sheet.freeze_panes == f"A{FIRST_DATA_ROW}"
        assert sheet.print_title_rows == f"${HEADER_ROW}:${SUBHEADER_ROW}"
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1


# --------------------------------------------------------------------------- validations


def test_level_list_is_strict_and_points_at_metadata_sheet(book: Workbook) -> None:
    for sheet in table_sheets(book):
        rows = data_rows(sheet)
        column_f = {f"F{row}" for row in rows}
        levels = [dv for dv in validations(sheet, "list") if covered(dv, column_f)]
        assert len(levels) == 1, sheet.title
        dv = levels[0]
        assert dv.formula1.startswith(f"'{META}'!") or dv.formula1.startswith(f"{META}!")
        assert list_values(book, dv.formula1) == ["Tỉnh", "Huyện", "Xã"]
        assert dv.showErrorMessage
        assert dv.errorStyle in (None, "stop")
        assert not dv.showDropDown  # True would hide the in-cell arrow
        assert dv.error and "Tỉnh, Huyện hoặc Xã" in dv.error


def test_catalogue_list_suggests_items_and_accepts_other_text(
    book: Workbook, campaign: Campaign
) -> None:
    keys = {"1. Hoạt động": "activities", "2. Truyền thông": "media", "3. Sản phẩm": "products"}
    for sheet in table_sheets(book):
        column_b = {f"B{row}" for row in data_rows(sheet)}
        lists = [dv for dv in validations(sheet, "list") if covered(dv, column_b)]
        assert len(lists) == 1, sheet.title
        dv = lists[0]
        items = list_values(book, dv.formula1)
        assert items == campaign.catalogues.items(keys[sheet.title])
        assert len(items) >= 6
        assert not dv.showErrorMessage
        assert not dv.showDropDown
    activities = list_values(book, validations(book["1. Hoạt động"], "list")[0].formula1)
    assert {"Tập huấn", "Nói chuyện chuyên đề", "Kiểm tra, giám sát"} <= set(activities)


def test_numbers_are_whole_and_not_negative(book: Workbook) -> None:
    for sheet in table_sheets(book):
        numbers = {f"{letter}{row}" for row in data_rows(sheet) for letter in "CDE"}
        whole = [dv for dv in validations(sheet, "whole") if covered(dv, numbers)]
        assert len(whole) == 1, sheet.title
        assert whole[0].operator == "greaterThanOrEqual"
        assert whole[0].formula1 == "0"
        assert whole[0].showErrorMessage


def test_budget_whole_and_report_date_a_date(book: Workbook) -> None:
    sheet = book["Thông tin chung"]
    budget = {
        f"B{info_row(book, 'Ngân sách nhà nước')}",
        f"B{info_row(book, 'Ngân sách vận động')}",
    }
    whole = [dv for dv in validations(sheet, "whole") if covered(dv, budget)]
    assert len(whole) == 1
    assert (whole[0].operator, whole[0].formula1) == ("greaterThanOrEqual", "0")
    report_date = {f"B{info_row(book, 'Ngày báo cáo')}"}
    dates = [dv for dv in validations(sheet, "date") if covered(dv, report_date)]
    assert len(dates) == 1
    assert dates[0].showErrorMessage


def test_validations_cover_only_input_cells(book: Workbook) -> None:
    expected = expected_inputs(book)
    for sheet in book.worksheets:
        for dv in sheet.data_validations.dataValidation:
            for cell_range in dv.sqref.ranges:
                for row, col in cell_range.cells:
                    coordinate = f"{get_column_letter(col)}{row}"
                    assert coordinate in expected[sheet.title], f"{sheet.title}!{coordinate}"


# --------------------------------------------------------------------------- hostile names

HOSTILE_NAMES = {
    "SLASH": "Phòng A/B ../../etc/passwd",
    "DOTS": "..",
    "COLON": "C:\\Windows\\system32: tên:lạ",
    "CONTROL": "Phòng\x01 Kiểm\x07tra\x1b cuối",
    "MARKUP": "Hội A & B <C> \"D\" 'E' ]]> &amp;",
}


@pytest.fixture(scope="module")
def hostile(campaign: Campaign, tmp_path_factory: pytest.TempPathFactory) -> tuple[Campaign, Path]:
    data = campaign.model_dump()
    data["agencies"] = [{"code": code, "name": name} for code, name in HOSTILE_NAMES.items()]
    hostile_campaign = Campaign.model_validate(data)
    out_dir = tmp_path_factory.mktemp("hostile") / "out"
    list(write_forms(hostile_campaign, hostile_campaign.agencies, out_dir))
    return hostile_campaign, out_dir


def test_hostile_names_give_safe_file_names_inside_out_dir(
    hostile: tuple[Campaign, Path],
) -> None:
    hostile_campaign, out_dir = hostile
    written = sorted(out_dir.rglob("*"))
    assert len(written) == len(HOSTILE_NAMES)
    for path in written:
        assert path.parent == out_dir
        assert FILE_NAME.match(path.name), path.name
    assert sorted(p.name for p in written) == sorted(
        file_name(hostile_campaign, a) for a in hostile_campaign.agencies
    )


def test_hostile_names_keep_the_xml_valid_and_round_trip(hostile: tuple[Campaign, Path]) -> None:
    hostile_campaign, out_dir = hostile
    for agency in hostile_campaign.agencies:
        path = out_dir / file_name(hostile_campaign, agency)
        with zipfile.ZipFile(path) as archive:
            for part in archive.namelist():
                if part.endswith((".xml", ".rels")):
                    ElementTree.fromstring(archive.read(part))
        book = openpyxl.load_workbook(path)
        shown = CONTROL.sub("", agency.name)
        assert book[META]["B5"].value == shown
        assert book["Thông tin chung"][f"B{info_row(book, 'Tên đơn vị báo cáo')}"].value == shown
        assert book["1. Hoạt động"]["A1"].value == f"Tên đơn vị báo cáo: {shown}"
        props = {p.name: p.value for p in book.custom_doc_props}
        assert props["thd_agency_code"] == agency.code


def test_markup_in_a_name_round_trips_exactly(hostile: tuple[Campaign, Path]) -> None:
    hostile_campaign, out_dir = hostile
    agency = hostile_campaign.agency("MARKUP")
    assert agency is not None
    book = openpyxl.load_workbook(out_dir / file_name(hostile_campaign, agency))
    assert book[META]["B5"].value == "Hội A & B <C> \"D\" 'E' ]]> &amp;"


def test_agency_name_in_a_token_does_not_break_stamping(campaign: Campaign, tmp_path: Path) -> None:
    data = campaign.model_dump()
    data["agencies"] = [{"code": "ODD", "name": "Đơn vị @@THD_AGENCY_CODE@@"}]
    odd = Campaign.model_validate(data)
    (written,) = write_forms(odd, odd.agencies, tmp_path)
    book = openpyxl.load_workbook(written.path)
    assert book[META]["B4"].value == "ODD"
    assert book[META]["B5"].value == "Đơn vị @@THD_AGENCY_CODE@@"


def test_write_forms_refuses_to_overwrite_before_writing_anything(
    campaign: Campaign, tmp_path: Path
) -> None:
    first, second = campaign.agencies[:2]
    existing = tmp_path / file_name(campaign, second)
    existing.write_bytes(b"edited by hand")
    with pytest.raises(OutputExists):
        list(write_forms(campaign, [first, second], tmp_path))
    assert not (tmp_path / file_name(campaign, first)).exists()
    assert existing.read_bytes() == b"edited by hand"
    assert [p.name for p in tmp_path.iterdir()] == [existing.name]  # no temp files left


def test_distinct_agencies_get_distinct_files(campaign: Campaign) -> None:
    names = [file_name(campaign, a) for a in campaign.agencies]
    assert len(set(names)) == len(names)


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_form(generated: tuple[Path, str], tmp_path: Path) -> None:
    out_dir, _ = generated
    source = out_dir / "2021_babe_ubnd-huyen-ba-be.xlsx"
    (pdf,) = soffice_convert([source], "pdf", tmp_path / "pdf", tmp_path / "lo-profile")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)
    assert len(pages) >= 5  # one page at least for each visible sheet


@pytest.mark.skipif(not HOLDER.is_file(), reason="needs a program to hold a file")
def test_a_form_another_program_holds_stops_before_any_form_is_written(
    tmp_path: Path, campaign: Campaign
) -> None:
    """A form open in Excel on Windows cannot be replaced: with --force, the forms before it
    were regenerated and the rest not. Here one form's name is a running program's file, which
    Linux refuses to open for writing as Windows does a file Excel holds."""
    out = tmp_path / "bieumau"
    out.mkdir()
    names = [file_name(campaign, agency) for agency in campaign.agencies]
    for name in names:
        (out / name).write_bytes(b"last year's form")
    held = out / names[5]
    with held_open(held):
        result = CliRunner().invoke(app, ["generate-templates", "--out", str(out), "--force"])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert f"{held}: tệp đang được chương trình khác dùng" in said and "Chưa ghi tệp nào" in said
    assert all((out / n).read_bytes() == b"last year's form" for n in names if n != names[5])
