"""Files as clerks and other programs make them (issue 9): formulas, error values, merged and
hidden cells typed in LibreOffice itself (UNO), formulas never computed (xlsxwriter), with the
figures meant and the exact (code, sheet, cell) of every issue."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import SOFFICE, SOFFICE_SECONDS

from thanghanhdong import form
from thanghanhdong.config import Campaign
from thanghanhdong.model import FileResult
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

ACT = form.table("activities").sheet
UNO_FILL = Path(__file__).with_name("uno_fill.py")
SYSTEM_PYTHON = "/usr/bin/python3"
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def issues(result: FileResult) -> list[tuple[str, str | None, str | None]]:
    return [(i.code, i.sheet, i.cell) for i in result.issues]


def totals(result: FileResult, key: str = "activities") -> tuple[int, int, int]:
    assert result.submission is not None
    rows = result.submission.tables[key]
    return sum(r.count for r in rows), sum(r.male for r in rows), sum(r.female for r in rows)


def base_form(tmp_path: Path, campaign: Campaign, stamper: FormStamper, rows: list) -> Path:
    agency = campaign.agency("BABE")
    assert agency is not None
    report = SampleReport()
    report.tables["activities"] = rows
    path = tmp_path / "base.xlsx"
    path.write_bytes(fill_bytes(stamper.stamp(agency), report))
    return path


def typed_in_libreoffice(source: Path, plan: list[dict], tmp_path: Path) -> Path:
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "typed.xlsx"
    completed = subprocess.run(
        [SYSTEM_PYTHON, str(UNO_FILL), str(source), str(target), str(plan_file),
         "--soffice", str(SOFFICE), "--profile", str(tmp_path / "profile")],
        capture_output=True, timeout=SOFFICE_SECONDS, check=False, text=True,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    return target


def cell(ref: str, how: str, value: object = None) -> dict:
    return {"sheet": ACT, "cell": ref, "how": how, "value": value}


@needs_soffice
def test_libreoffice_formulas_error_values_merges_and_hidden_rows(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    rows = [
        SampleRow("Tập huấn", 1, 1, 1, "Tỉnh"),  # row 7: figures replaced by formulas
        SampleRow("Hội thảo", 2, 10, 10, "Huyện"),  # row 8: a #DIV/0! in Nữ
        SampleRow("Tọa đàm", 1, 50, None, "Tỉnh"),  # row 9: 50 merged across Nam and Nữ
        SampleRow("Nói chuyện chuyên đề", 1, 3, 4, "Xã"),  # rows 10-12: level merged down
        SampleRow("Sinh hoạt câu lạc bộ", 2, 5, 6, None),
        SampleRow("Thăm hỏi", 3, 7, 8, None),
        SampleRow("Văn nghệ", 1, 20, 30, "Xã"),  # row 13: hidden
    ]
    source = base_form(tmp_path, campaign, stamper, rows)
    plan = [
        cell("C7", "formula", "=1+1"),
        cell("D7", "formula", "=C7*10"),
        cell("E7", "formula", "=SUM(C7:D7)"),
        cell("E8", "formula", "=1/0"),
        cell("D9:E9", "merge"),
        cell("F10:F12", "merge"),
        cell("A13", "hide_row"),
    ]
    typed = typed_in_libreoffice(source, plan, tmp_path)
    check_typed_traps(validate_file(typed, campaign))
    # The same file saved as .ods by LibreOffice: calamine sees no merge or error value in an
    # .ods either; content.xml is read for them.
    from conftest import soffice_convert

    (ods,) = soffice_convert([typed], "ods", tmp_path / "ods", tmp_path / "profile")
    check_typed_traps(validate_file(ods, campaign))


def check_typed_traps(result: FileResult) -> None:
    assert issues(result) == [
        ("error_value", ACT, "E8"),
        ("merged_figures", ACT, "D9"),
        ("merged_level", ACT, "F10"),
        ("hidden_rows", ACT, "A13"),
    ]
    assert "#DIV/0!" in result.issues[0].message
    assert "tách số nam và nữ" in result.issues[1].message
    # The file has errors; the rows read right are: 2/20/22, the three "Xã" rows and row 13.
    assert result.submission is not None
    read = {r.item: (r.count, r.male, r.female, r.level) for r in result.submission.tables[
        "activities"]}  # fmt: skip
    assert read == {
        "Tập huấn": (2, 20, 22, "Tỉnh"),
        "Nói chuyện chuyên đề": (1, 3, 4, "Xã"),
        "Sinh hoạt câu lạc bộ": (2, 5, 6, "Xã"),
        "Thăm hỏi": (3, 7, 8, "Xã"),
        "Văn nghệ": (1, 20, 30, "Xã"),
    }


def retyped_with_formulas(path: Path, formulas: dict[str, str]) -> None:
    """A report typed by a program (xlsxwriter): formulas stored without computed values."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Báo cáo")
    sheet.write("A1", "Tên đơn vị báo cáo: UBND huyện Ba Bể")
    spec = form.table("activities")
    headers = ["STT", spec.item_label, spec.count_label, "Nam", "Nữ", "Cấp triển khai"]
    group = next(c.group for c in spec.columns if c.group)
    sheet.write_row("A3", [*headers[:3], group, "", headers[5]])
    sheet.write_row("D4", ["Nam", "Nữ"])
    sheet.write_row("A5", [1, "Tập huấn", 2, 10, 12, "Huyện"])
    sheet.write_row("A6", [2, "Hội thảo", 1, 4, 5, "Xã"])
    for ref, text in formulas.items():
        sheet.write_formula(ref, text)
    book.close()


def test_formulas_without_cached_values_are_computed_or_reported(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "chuongtrinh.xlsx"
    retyped_with_formulas(
        path,
        {"C5": "=1+1", "E5": "=D5+2", "D6": "=SUM(D5,2)-8", "E6": "=VLOOKUP(A1,B:C,2,0)"},
    )
    result = validate_file(path, campaign)
    found = issues(result)
    assert ("formula_not_computed", "Báo cáo", "E6") in found
    assert "mở tệp bằng Excel/LibreOffice rồi lưu lại" in next(
        i.message for i in result.issues if i.code == "formula_not_computed"
    )
    assert result.submission is not None
    assert totals(result) == (2, 10, 12)  # row 6 refused; row 5 computed, not blank


def test_computed_formulas_validate_with_the_figures_meant(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "chuongtrinh.xlsx"
    retyped_with_formulas(path, {"C5": "=1+1", "E5": "=D5+2", "D6": "=SUM(D5,2)-8"})
    result = validate_file(path, campaign)
    # Every formula is read (the other tables and the info were not typed in this file).
    codes = {code for code, _, _ in issues(result)}
    assert not codes & {"formula_not_computed", "error_value", "missing_numbers"}
    assert totals(result) == (3, 14, 17)


def _real_files() -> Path | None:
    for root in (Path(__file__).resolve().parents[1].parent, Path("/work")):
        if (root / "shared" / "real-files").is_dir():
            return root / "shared" / "real-files"
    return None


REAL_FILES = _real_files()


@pytest.mark.skipif(REAL_FILES is None, reason="../shared/real-files not present")
def test_real_office_files_are_listed_as_no_report(campaign: Campaign) -> None:
    from thanghanhdong.inbox import validate_inbox

    assert REAL_FILES is not None
    report = validate_inbox(REAL_FILES, campaign)
    # Every Office file (three workbooks, two Word documents) is listed among the other files:
    # never an answer, never among the files of no roster agency (the report's "excluded").
    offices = {
        p.name
        for p in REAL_FILES.iterdir()
        if p.suffix.lower() in (".xlsx", ".xls", ".doc", ".docx")
    }
    assert {f.path.name for f in report.others} >= offices
    assert not {f.path.name for f in report.files} & offices
    assert not {p.name for p in report.completeness.unrecognised} & offices
    assert report.completeness.answered == []


INFO = form.SHEET_INFO


@needs_soffice
def test_info_sheet_renamed_or_deleted_in_libreoffice(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    source = base_form(tmp_path, campaign, stamper, [SampleRow("Tập huấn", 2, 40, 65, "Huyện")])
    renamed = typed_in_libreoffice(
        source, [{"sheet": INFO, "how": "rename_sheet", "value": "TT chung"}], tmp_path
    )
    result = validate_file(renamed, campaign)
    assert issues(result) == []
    assert result.submission is not None
    assert result.submission.budget_state == 15_000_000
    assert result.submission.signer_name == SampleReport().signer_name

    (tmp_path / "second").mkdir()
    deleted = typed_in_libreoffice(
        source, [{"sheet": INFO, "how": "delete_sheet"}], tmp_path / "second"
    )
    result = validate_file(deleted, campaign)
    # One error about the sheet, not warnings pointing into a sheet that is not there.
    assert issues(result) == [("info_sheet_missing", None, None)]
    assert INFO in result.issues[0].message


def retyped(path: Path, lines: list[tuple[str, list[object]]]) -> None:
    """A report retyped in the agency's own layout (xlsxwriter): free lines, then the tables."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("BC")
    for row, (ref, values) in enumerate(lines):
        sheet.write_row(f"A{row + 1}", values) if ref == "" else sheet.write_row(ref, values)
    top = len(lines) + 2
    for spec in form.TABLES:
        group = next((c.group for c in spec.columns if c.group), "")
        labels = [spec.column(c.key).label if not c.group else group for c in spec.columns]
        sheet.write_row(f"A{top}", labels)
        subs = [c.label if c.group else "" for c in spec.columns]
        sheet.write_row(f"A{top + 1}", subs)
        item = {"activities": "Tập huấn", "media": "Phát thanh", "products": "Tờ rơi"}[spec.key]
        values = [1, item, 2, 10, 12, "Huyện"][: len(spec.columns)]
        if len(spec.columns) < 6:
            values = [1, "Tờ rơi", 50, "Xã"]
        sheet.write_row(f"A{top + 2}", values)
        top += 5
    book.close()


HEAD = [
    ("", ["Tên đơn vị báo cáo: UBND huyện Ba Bể"]),
    ("", ["Ngày báo cáo: 15/12/2021"]),
    ("", ["Người ký:", "Nguyễn Văn An"]),
]


@pytest.mark.parametrize(
    ("budget_line", "meant", "expected"),
    [
        (["Ngân sách nhà nước: 25.000.000 đồng"], 25_000_000, []),
        (
            ["Kinh phí ngân sách nhà nước (triệu đồng)", 25],
            25_000_000,
            [("budget_unit", "BC", "B4")],
        ),
        (["Ngân sách nhà nước", 500], 500, [("implausible_budget", "BC", "B4")]),
        (None, 0, [("budget_not_found", None, None)]),
    ],
)
def test_retyped_form_budget_date_and_signer_by_label(
    tmp_path: Path, campaign: Campaign, budget_line: list | None, meant: int, expected: list
) -> None:
    path = tmp_path / "golai.xlsx"
    retyped(path, HEAD + ([("", budget_line)] if budget_line else []))
    result = validate_file(path, campaign)
    found = [i for i in issues(result) if i[0] not in ("form_retyped", "empty_narrative")]
    assert found == expected, result.issues
    assert result.submission is not None
    assert result.submission.budget_state == meant
    assert result.submission.signer_name == "Nguyễn Văn An"
    assert f"{result.submission.report_date:%d/%m/%Y}" == "15/12/2021"
    assert totals(result) == (2, 10, 12)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Tên đơn vị báo cáo: Sở Y tế tỉnh Bắc Kạn", "SYT"),
        ("Tên đơn vị báo cáo: Hội LHPN tỉnh", "HLHPN"),
        ("Tên đơn vị báo cáo: Đài PT-TH Bắc Kạn", "DPTTH"),
        ("Tên đơn vị báo cáo: Bộ CHQS tỉnh", "BCHQS"),
        ("Tên đơn vị báo cáo: Sở LĐ-TB&XH", "SLDTBXH"),
        ("Tên đơn vị báo cáo: Ủy ban MTTQ Việt Nam tỉnh", "MTTQ"),
        ("Tên đơn vị báo cáo: UBND TP Bắc Kạn", "TPBK"),
        ("Tên đơn vị báo cáo: SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "SVHTTDL"),
        ("UBND TỈNH BẮC KẠN\nSỞ Y TẾ", "SYT"),  # the ND30 header, no label
    ],
)
def test_agencies_as_clerks_write_them(
    tmp_path: Path, campaign: Campaign, written: str, code: str
) -> None:
    path = tmp_path / "golai.xlsx"
    retyped(path, [("", [written]), *HEAD[1:], ("", ["Ngân sách nhà nước: 1.000.000 đồng"])])
    result = validate_file(path, campaign)
    assert result.agency_code == code, result.issues
    assert ("form_retyped", "BC", "A1") in issues(result)


def test_unrecognised_agency_gets_the_closest_roster_names(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "golai.xlsx"
    retyped(path, [("", ["Tên đơn vị báo cáo: Hội Phụ nữ tỉnh"]), *HEAD[1:]])
    result = validate_file(path, campaign)
    assert issues(result) == [("unknown_agency_close", "BC", "A1")]
    message = result.issues[0].message
    assert "“Hội Liên hiệp Phụ nữ tỉnh”" in message and "BC!A1" in message
    assert "thêm đơn vị" not in message  # never: add an agency that is on the roster


def test_aliases_in_the_roster(tmp_path: Path) -> None:
    from thanghanhdong import config

    text = config.default_config_text().replace(
        'name = "Hội Liên hiệp Phụ nữ tỉnh"\n',
        'name = "Hội Liên hiệp Phụ nữ tỉnh"\naliases = ["Hội Phụ nữ tỉnh"]\n',
    )
    with_alias = config.parse(text, "thd.toml")
    path = tmp_path / "golai.xlsx"
    retyped(path, [("", ["Tên đơn vị báo cáo: Hội Phụ nữ tỉnh"]), *HEAD[1:]])
    assert validate_file(path, with_alias).agency_code == "HLHPN"


def indented_like_gnumeric(ods: Path, target: Path) -> Path:
    """The .ods with its content.xml indented, one element a line, as Gnumeric writes it."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(ods) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "content.xml":
                part = etree.tostring(etree.fromstring(part), pretty_print=True)
            out.writestr(info, part)
    return target


@needs_soffice
def test_gnumeric_style_ods_is_read_not_called_corrupt(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    from conftest import soffice_convert
    from python_calamine import CalamineWorkbook

    rows = [SampleRow("Tập huấn", 2, 40, 65, "Huyện"), SampleRow("Hội thảo", 1, 5, 6, "Tỉnh")]
    source = base_form(tmp_path, campaign, stamper, rows)
    (ods,) = soffice_convert([source], "ods", tmp_path / "ods", tmp_path / "profile")
    indented = indented_like_gnumeric(ods, tmp_path / "gnumeric.ods")
    with pytest.raises(Exception, match="table-cell"):  # what calamine says of it
        CalamineWorkbook.from_path(str(indented)).get_sheet_by_name(ACT)
    result = validate_file(indented, campaign)
    assert issues(result) == []
    assert result.agency_code == "BABE"  # the form's hidden sheet is still read
    assert totals(result) == (3, 45, 71)


def test_sheet_parts_inflated_once_read_the_same_as_afresh(tmp_path: Path) -> None:
    """container.check keeps the sheet parts it inflated for the reader of those very bytes;
    read without them (other bytes, or a second read) the workbook gives the same answer."""
    from thanghanhdong import container
    from thanghanhdong.readers import excel

    path = tmp_path / "chuongtrinh.xlsx"
    retyped_with_formulas(path, {"C5": "=1+1", "E6": "=VLOOKUP(A1,B:C,2,0)"})
    data = path.read_bytes()
    assert container.check(path.name, data) is container.Format.XLSX
    kept = container.inflated(data)
    assert kept is not None and "xl/worksheets/sheet1.xml" in kept.parts
    with zipfile.ZipFile(path) as archive:
        assert kept.parts["xl/worksheets/sheet1.xml"] == archive.read("xl/worksheets/sheet1.xml")
    assert container.inflated(data) is None  # handed over once
    container.check(path.name, data)
    assert container.inflated(data[:1] + data[1:]) is None  # equal bytes, not the same object
    container.check(path.name, data)
    once = excel.read(path, data)
    afresh = excel.read(path, data)
    assert once.tables == afresh.tables
    notes = [c.note for r in once.tables["activities"].rows for c in r.cells.values() if c.note]
    assert [n.kind for n in notes] == ["formula"]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("UBND TỈNH BẮC KẠN\nSỞ Y TẾ", "SYT"),  # the Sở under its parent
        ("UBND TỈNH BẮC KẠN", "UBNDT"),  # the parent alone is the agency
    ],
)
def test_a_roster_holding_the_parent_body_still_reads_the_agency_under_it(
    tmp_path: Path, written: str, code: str
) -> None:
    # A roster that holds the province's People's Committee (a ministry's, or a province where
    # it reports too): its line heads every Sở's header and had been taken for the agency.
    from thanghanhdong import config

    text = config.default_config_text() + (
        '\n[[agencies]]\ncode = "UBNDT"\nname = "UBND tỉnh Bắc Kạn"\ngroup = "province"\n'
    )
    campaign = config.parse(text, "thd.toml")
    path = tmp_path / "golai.xlsx"
    retyped(path, [("", [written]), *HEAD[1:], ("", ["Ngân sách nhà nước: 1.000.000 đồng"])])
    assert validate_file(path, campaign).agency_code == code


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("BAN THƯỜNG VỤ HỘI LHPN TỈNH", "HLHPN"),
        ("BAN THƯỜNG VỤ HỘI NÔNG DÂN TỈNH", "HND"),
        ("BCH ĐOÀN TỈNH BẮC KẠN", "TDOAN"),
        ("BAN CHẤP HÀNH HỘI CỰU CHIẾN BINH TỈNH", "HCCB"),
    ],
)
def test_a_mass_organisations_standing_body_is_the_organisation(
    tmp_path: Path, campaign: Campaign, header: str, code: str
) -> None:
    # Trial 7, finding 2: the three had been "chưa gửi", their Word reports in the inbox.
    from word_reports import seed_form

    path = tmp_path / "bao cao.docx"
    path.write_bytes(seed_form(agency=header))
    assert validate_file(path, campaign).agency_code == code


def test_a_title_row_under_the_name_is_not_a_unit_under_it(
    tmp_path: Path, campaign: Campaign
) -> None:
    # Trial 8, finding 4: "UBND HUYỆN BA BỂ" over "Biểu 1. Kết quả ..." and the table's header:
    # the header rule took the title and "STT", "Hoạt động" for a unit the roster lacks.
    path = tmp_path / "golai.xlsx"
    title = "Biểu 1. Kết quả Tháng hành động vì bình đẳng giới năm 2021"
    retyped(path, [("", ["UBND HUYỆN BA BỂ"]), ("", [title])])
    result = validate_file(path, campaign)
    assert result.agency_code == "BABE", [i.message for i in result.issues]
