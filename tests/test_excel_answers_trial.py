"""Excel answers as they really come back (trial 2026-12-02e): each input made by a real program
(openpyxl typing into the agency's form, LibreOffice saving it as .xlsx, .xls, .ods, .fods,
Gnumeric's ssconvert), or, where no such program is at hand, the bytes another program writes
imitated with zipfile (said at each). Every value read as the clerk meant, or told at its cell."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from thanghanhdong import inbox
from thanghanhdong.config import Campaign
from thanghanhdong.validate import validate_file

INFO, ACTS = "Thông tin chung", "1. Hoạt động"
SSCONVERT = shutil.which("ssconvert")


def _form(tmp: Path, stamper, campaign: Campaign, name: str, edit=None, code="BABE") -> Path:
    path = tmp / f"{name}.xlsx"
    path.write_bytes(stamper.stamp(campaign.agency(code)))
    book = openpyxl.load_workbook(path)
    info = book[INFO]
    typed = {"B5": "45/BC", "B6": "15/12/2021", "B7": "Phó Chủ tịch", "B8": "Nguyễn Văn A"}
    typed |= {"B11": "Có", "B12": "Có", "B13": 15000000, "B14": 0, "B16": "Có", "B17": "Có"}
    for cell, value in (typed | {"B18": "Có"}).items():
        info[cell] = value
    for i, row in enumerate([["Tọa đàm", 2, 30, 40, "Huyện"], ["Tập huấn", 3, 50, 60, "Xã"]]):
        for column, value in zip("BCDEF", row, strict=True):
            book[ACTS][f"{column}{7 + i}"] = value
    if edit:
        edit(book)
    book.save(path)
    return path


def _issues(result) -> set[tuple[str, str | None]]:
    return {(i.code, i.location.cell if i.location else None) for i in result.issues}


def _rows(result) -> list[tuple]:
    assert result.submission is not None, [i.message for i in result.issues]
    rows = result.submission.tables["activities"]
    return [(r.item, r.count, r.male, r.female) for r in rows]


def _date_formats(book) -> None:
    """The clerk typed 1200 and 45 into cells formatted as dates (Format Cells > Date), and
    45000 (a day of 2023 once shown as a date)."""
    sheet = book[ACTS]
    for cell, value in {"D7": 1200, "E7": 45, "D8": 45000}.items():
        sheet[cell] = value
        sheet[cell].number_format = "dd/mm/yyyy"


@pytest.fixture(scope="module")
def dated(tmp_path_factory, campaign, stamper) -> dict[str, Path]:
    """The date-formatted figures in the 1900 and the 1904 (Mac Excel) date systems, as
    openpyxl wrote them and as LibreOffice saves them again in .xlsx, .xls and .ods."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("dated")

    def mac(book) -> None:
        _date_formats(book)
        book.epoch = CALENDAR_MAC_1904

    sources = [
        _form(work, stamper, campaign, "d1900", _date_formats),
        _form(work, stamper, campaign, "d1904", mac),
    ]
    found = {f"{s.stem}.openpyxl.xlsx": s for s in sources}
    for target in ("xlsx", "xls", "ods"):
        saved = soffice_convert(sources, target, work / target, work / "profile")
        found |= {f"{s.stem}.lo.{target}": s for s in saved}
    return found


@pytest.mark.parametrize(
    "name",
    [f"{system}.{how}" for system in ("d1900", "d1904")
     for how in ("openpyxl.xlsx", "lo.xlsx", "lo.xls", "lo.ods")],
)  # fmt: skip
def test_a_figure_formatted_as_a_date_reads_as_the_number_typed(name: str, dated, campaign) -> None:
    result = validate_file(dated[name], campaign)
    found = _issues(result)
    assert ("date_formatted_number", "D7") in found
    assert ("date_in_number", "D8") in found  # 45000 shows a day of 2023 (2027 in 1904)
    message = next(i.message for i in result.issues if i.location and i.location.cell == "D8")
    assert "45.000" in message  # the number the cell holds, in its own date system
    if name == "d1900.lo.ods":
        # LibreOffice and Gnumeric count the days before 01/03/1900 apart: not guessed.
        assert ("date_in_number", "E7") in found
        assert _rows(result) == []
    else:
        assert ("date_formatted_number", "E7") in found
        assert _rows(result) == [("Tọa đàm", 2, 1200, 45)]


def test_a_day_typed_in_a_figure_cell_is_shown_as_the_clerk_sees_it(
    tmp_path: Path, campaign, stamper
) -> None:
    def typed(book) -> None:
        book[ACTS]["E8"] = date(2021, 12, 15)  # a date cell: the day typed in the wrong column

    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    source = _form(tmp_path, stamper, campaign, "day", typed)
    saved = soffice_convert([source], "xlsx", tmp_path / "saved", tmp_path / "profile")[0]
    result = validate_file(saved, campaign)
    message = next(i.message for i in result.issues if i.code == "date_in_number")
    assert "“15/12/2021”" in message and "44.545" in message


def _excel_shared(path: Path, cells: dict[str, str]) -> None:
    """zipfile, imitating Excel: the formulas of `cells` written once in the first cell and as
    `<f t="shared" si="0"/>` in the others, without cached values (as Excel writes a formula
    filled down; here no program computed them)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename.startswith("xl/worksheets/") and b"<f>" in data:
                text = data.decode()
                for cell, shared in cells.items():
                    text = re.sub(
                        rf'<c r="{cell}"([^>]*)><f>[^<]*</f><v\s*/?>(?:</v>)?</c>',
                        rf'<c r="{cell}"\1>{shared}</c>',
                        text,
                    )
                data = text.encode()
            target.writestr(info, data)


def test_shared_formulas_without_cached_values_are_computed(
    tmp_path: Path, campaign, stamper
) -> None:
    def typed(book) -> None:
        sheet = book[ACTS]
        sheet["E7"], sheet["E8"] = "=D7+10", "=D8+10"
        sheet["B9"], sheet["C9"], sheet["D9"], sheet["E9"] = "Cộng", "=C7+C8", "=D7+D8", "=E7+E8"

    path = _form(tmp_path, stamper, campaign, "shared", typed)
    _excel_shared(
        path,
        {
            "E7": '<f t="shared" ref="E7:E8" si="0">D7+10</f>',
            "E8": '<f t="shared" si="0"/>',
            "C9": '<f t="shared" ref="C9:E9" si="1">C7+C8</f>',
            "D9": '<f t="shared" si="1"/>',
            "E9": '<f t="shared" si="1"/>',
        },
    )
    result = validate_file(path, campaign)
    assert _rows(result) == [("Tọa đàm", 2, 30, 40), ("Tập huấn", 3, 50, 60)]
    assert not any(i.code == "formula_not_computed" for i in result.issues)


def test_a_formula_naming_a_vietnamese_sheet_is_quoted_as_typed(
    tmp_path: Path, campaign, stamper
) -> None:
    """openpyxl writes no cached value and the sheet name as character references."""

    def typed(book) -> None:
        book.create_sheet("Số liệu")["A1"] = 30
        book[ACTS]["D7"] = "='Số liệu'!A1"

    result = validate_file(_form(tmp_path, stamper, campaign, "ref", typed), campaign)
    message = next(i.message for i in result.issues if i.code == "formula_not_computed")
    assert "'Số liệu'!A1" in message and "&#" not in message


def test_digits_after_an_apostrophe_in_a_text_cell_are_the_number(
    tmp_path: Path, campaign, stamper
) -> None:
    """In a cell formatted as Text, Excel keeps the apostrophe typed before the digits."""

    def typed(book) -> None:
        book[ACTS]["D7"] = "'30"
        book[ACTS]["D7"].number_format = "@"

    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    source = _form(tmp_path, stamper, campaign, "apostrophe", typed)
    saved = soffice_convert([source], "xlsx", tmp_path / "saved", tmp_path / "profile")[0]
    result = validate_file(saved, campaign)
    assert _rows(result) == [("Tọa đàm", 2, 30, 40), ("Tập huấn", 3, 50, 60)]


def test_a_flat_ods_saved_by_libreoffice_is_read(tmp_path: Path, campaign, stamper) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")

    def typed(book) -> None:
        book[ACTS]["D7"] = 1200
        book[ACTS]["D7"].number_format = "dd/mm/yyyy"

    source = _form(tmp_path, stamper, campaign, "flat", typed)
    saved = tmp_path / "out" / "flat.fods"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "fods", "--outdir", str(saved.parent), str(source)],
        capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    result = validate_file(saved, campaign)
    assert result.agency_code == "BABE"
    assert _rows(result) == [("Tọa đàm", 2, 1200, 40), ("Tập huấn", 3, 50, 60)]
    assert _issues(result) == {("date_formatted_number", "D7")}
    assert result.submission is not None and result.submission.budget_state == 15000000


# Excel's "XML Spreadsheet 2003", imitated by hand: LibreOffice here has no export filter for it.
EXCEL_2003 = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="1. Hoạt động"><Table><Row><Cell><Data ss:Type="String">STT</Data></Cell>
 </Row></Table></Worksheet>
</Workbook>
"""


def test_excel_2003_xml_is_an_answer_told_how_to_save_again(tmp_path: Path, campaign) -> None:
    box = tmp_path / "inbox"
    box.mkdir()
    (box / "BC So Y te.xml").write_text(EXCEL_2003, encoding="utf-8")
    (box / "ghi chu.xml").write_text("<note>gửi lại sau</note>", encoding="utf-8")
    listing = inbox.list_inbox(box)
    assert [p.name for p in listing.files] == ["BC So Y te.xml"]
    assert [p.name for p in listing.others] == ["ghi chu.xml"]
    result = validate_file(box / "BC So Y te.xml", campaign)
    assert [(i.code, i.severity.name) for i in result.issues] == [("file_unsupported", "ERROR")]
    assert "XML 2003" in result.issues[0].message and ".xlsx" in result.issues[0].message


@pytest.mark.skipif(SSCONVERT is None, reason="Gnumeric (ssconvert) is not installed")
def test_gnumeric_and_excel_95_files_are_told_how_to_save_again(
    tmp_path: Path, campaign, stamper
) -> None:
    source = _form(tmp_path, stamper, campaign, "gn")
    native, old = tmp_path / "BC Ba Be.gnumeric", tmp_path / "BC Ba Be.xls"
    assert SSCONVERT is not None
    for target, exporter in ((native, "Gnumeric_XmlIO:sax"), (old, "Gnumeric_Excel:excel_biff7")):
        subprocess.run(
            [SSCONVERT, "-T", exporter, str(source), str(target)],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
    for path, words in ((native, "Gnumeric"), (old, "Excel 5.0/95")):
        result = validate_file(path, campaign)
        assert [i.code for i in result.issues] == ["file_unsupported"], result.issues
        assert words in result.issues[0].message and ".xlsx" in result.issues[0].message


def test_a_formula_filled_down_over_empty_rows_adds_no_row(
    tmp_path: Path, campaign, stamper
) -> None:
    """Nữ computed by a formula the clerk filled down the whole table (=D7*1): the empty rows
    of the template hold its 0 and no name; LibreOffice computes and caches them."""

    def typed(book) -> None:
        for r in range(7, 41):
            book[ACTS][f"E{r}"] = f"=D{r}*1"

    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    source = _form(tmp_path, stamper, campaign, "filled_down", typed)
    saved = soffice_convert([source], "xlsx", tmp_path / "saved", tmp_path / "profile")[0]
    result = validate_file(saved, campaign)
    assert _rows(result) == [("Tọa đàm", 2, 30, 30), ("Tập huấn", 3, 50, 50)]
    assert not result.issues, [i.message for i in result.issues]


def test_a_percentage_in_a_count_cell_is_named_as_the_clerk_sees_it(
    tmp_path: Path, campaign, stamper
) -> None:
    def typed(book) -> None:
        book[ACTS]["E7"] = 0.6  # "60%" typed: Excel stores 0,6 in a cell formatted 0%
        book[ACTS]["E7"].number_format = "0%"

    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    source = _form(tmp_path, stamper, campaign, "percent", typed)
    saved = soffice_convert([source], "xlsx", tmp_path / "saved", tmp_path / "profile")[0]
    result = validate_file(saved, campaign)
    message = next(i.message for i in result.issues if i.code == "decimal_number")
    assert "60%" in message


def test_a_flat_ods_declaring_entities_is_refused_unparsed(tmp_path: Path, campaign) -> None:
    bomb = tmp_path / "bomb.fods"
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb.write_text(
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{lol}]>'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body>'
        "<office:spreadsheet>&l9;</office:spreadsheet></office:body></office:document>",
        encoding="utf-8",
    )
    result = validate_file(bomb, campaign)
    assert [i.code for i in result.issues] == ["file_corrupt"]
