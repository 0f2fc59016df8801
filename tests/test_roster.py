"""The roster from the officer's own list: Excel (openpyxl, xlsxwriter), LibreOffice .xls/.ods,
CSV; codes made from names, stable across runs; duplicates and gaps refused with rows named."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong import config, roster
from thanghanhdong.cli import app
from thanghanhdong.config import Agency, AgencyGroup, Campaign, ConfigError

TITLE = ["DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ BÁO CÁO THÁNG HÀNH ĐỘNG"]
HEADER = ["STT", "Tên đơn vị", "Nhóm", "Thư điện tử", "Số điện thoại", "Ghi chú"]


def default_rows(campaign: Campaign) -> list[list[Any]]:
    """The embedded roster as an officer's list: no codes, groups in words, extra columns."""
    words = {AgencyGroup.PROVINCE: "Sở, ban, ngành, đoàn thể", AgencyGroup.DISTRICT: "Huyện"}
    return [
        [number, a.name, words[a.group], f"{a.code.lower()}@backan.gov.vn", "0209 3870 000", ""]
        for number, a in enumerate(campaign.agencies, start=1)
    ]


def write_openpyxl(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Danh sách"
    for line in [TITLE, [], header, *rows]:
        sheet.append(line)
    workbook.save(path)
    return path


def write_xlsxwriter(path: Path, rows: list[list[Any]], header: list[str]) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("DS")
    bold = workbook.add_format({"bold": True, "border": 1})
    sheet.write_row(1, 1, header, bold)  # starts at B2: calamine drops the empty row and column
    for r, row in enumerate(rows, start=2):
        sheet.write_row(r, 1, row)
    workbook.close()
    return path


def communes(count: int = 95) -> list[str]:
    first = ["Bằng", "Nam", "Quang", "Đồng", "Xuân", "Phúc", "Thượng", "Hà", "Yến", "Cẩm"]
    second = ["Thành", "Cường", "Thuận", "Lạc", "Dương", "Lộc", "Quan", "Hiệu", "Hòa", "Giàng"]
    names = [f"{a} {b}" for a in first for b in second]
    places = [f"{'Phường' if i % 9 == 0 else 'Xã'} {name}" for i, name in enumerate(names)]
    # A ward and a commune of the same name (after a merger): their short codes collide.
    return [*places[: count - 1], "Phường Nam Cường"]


def read(path: Path, known: list[Agency] | None = None) -> roster.RosterResult:
    return roster.read_roster(path, known or [])


# --------------------------------------------------------------------------- the default list


def test_officers_list_reads_back_the_embedded_roster(tmp_path: Path, campaign: Campaign) -> None:
    result = read(write_openpyxl(tmp_path / "ds.xlsx", default_rows(campaign)))
    assert result.ok, result.errors
    assert (result.sheet, result.header_row) == ("Danh sách", 3)
    assert result.columns == {"name": "Tên đơn vị", "group": "Nhóm", "email": "Thư điện tử"}
    assert [a.name for a in result.agencies] == [a.name for a in campaign.agencies]
    assert [a.group for a in result.agencies] == [a.group for a in campaign.agencies]
    assert result.agencies[21].email == "babe@backan.gov.vn"
    assert result.warnings == []


def test_last_years_codes_are_kept_by_name(tmp_path: Path, campaign: Campaign) -> None:
    rows = default_rows(campaign)
    rows[3][1] = "  sở thông tin và truyền thông "  # typed differently, the same agency
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows), campaign.agencies)
    assert [a.code for a in result.agencies] == [a.code for a in campaign.agencies]
    assert (len(result.kept_codes), result.made_codes) == (28, [])


def test_codes_made_from_names_follow_the_embedded_style(
    tmp_path: Path, campaign: Campaign
) -> None:
    codes = {
        a.name: a.code
        for a in read(write_openpyxl(tmp_path / "ds.xlsx", default_rows(campaign))).agencies
    }
    assert codes["Sở Lao động - Thương binh và Xã hội"] == "SLDTBXH"
    assert codes["Sở Văn hóa, Thể thao và Du lịch"] == "SVHTTDL"
    assert codes["UBND huyện Ba Bể"] == "BABE"
    assert codes["UBND huyện Bạch Thông"] == "BACHTHONG"
    assert codes["Công an tỉnh"] == "CAT"
    assert all(re.fullmatch(r"[A-Z0-9-]{1,40}", code) for code in codes.values())


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice")
def test_list_saved_by_libreoffice_as_xls_and_ods_reads_the_same(
    tmp_path: Path, campaign: Campaign
) -> None:
    source = write_openpyxl(tmp_path / "ds.xlsx", default_rows(campaign))
    expected = read(source).agencies
    profile = tmp_path / "profile"
    (xls,) = soffice_convert([source], "xls", tmp_path / "xls", profile)
    (ods,) = soffice_convert([source], "ods", tmp_path / "ods", profile)
    for converted in (xls, ods):
        result = read(converted)
        assert result.ok, (converted.name, result.errors)
        assert result.agencies == expected, converted.name
        assert result.header_row == 3


# --------------------------------------------------------------------------- many communes


def test_95_communes_from_xlsxwriter_get_distinct_stable_codes(tmp_path: Path) -> None:
    names = communes()
    assert len(names) == 95
    rows = [[i, f"UBND {name}", "Cấp xã"] for i, name in enumerate(names, start=1)]
    path = write_xlsxwriter(tmp_path / "xa.xlsx", rows, ["STT", "Đơn vị", "Cấp"])
    first, second = read(path), read(path)
    assert first.ok, first.errors
    assert first.header_row == 2
    codes = [a.code for a in first.agencies]
    assert codes == [a.code for a in second.agencies]
    assert (first.made_codes, first.kept_codes) == (codes, [])
    assert len({c.upper() for c in codes}) == 95
    assert all(a.group is AgencyGroup.COMMUNE for a in first.agencies)
    assert codes[1] == "BANGCUONG"  # "UBND Xã Bằng Cường"
    assert (codes[11], codes[94]) == ("XANAMCUONG", "PHUONGNAMCUONG")
    # The same names in another order keep their codes: a code depends on its name only.
    shuffled = write_xlsxwriter(tmp_path / "xa2.xlsx", rows[::-1], ["STT", "Đơn vị", "Cấp"])
    again = {a.name: a.code for a in read(shuffled).agencies}
    assert again == {a.name: a.code for a in first.agencies}


def test_95_communes_become_a_valid_configuration(tmp_path: Path) -> None:
    rows = [[name, "Xã"] for name in communes()]
    result = read(write_xlsxwriter(tmp_path / "xa.xlsx", rows, ["Tên xã, phường", "Loại"]))
    text = roster.replace_roster(config.default_config_text(), result.agencies)
    campaign = config.parse(text, "thd.toml")
    assert campaign.agencies == result.agencies
    path = tmp_path / "thd.toml"
    path.write_text(text, encoding="utf-8")
    code = result.agencies[94].code
    generated = CliRunner().invoke(
        app,
        [
            "generate-templates",
            "--config",
            str(path),
            "--out",
            str(tmp_path / "out"),
            "--agency",
            code,
        ],
    )
    assert generated.exit_code == 0, generated.output
    assert len(list((tmp_path / "out").iterdir())) == 1


def test_colliding_made_codes_take_the_long_form() -> None:
    codes = roster.assign_codes(
        [("Xã Nam Cường", ""), ("Phường Nam Cường", ""), ("Sở Tư pháp", ""), ("Sân Thể Phúc", "")]
    )
    assert codes[:2] == ["XANAMCUONG", "PHUONGNAMCUONG"]
    assert codes[2:] == ["SOTUPHAP", "SANTHEPHUC"]
    assert roster.assign_codes([("Sở Tư pháp", ""), ("Other", "stp")]) == ["SOTUPHAP", "stp"]


def test_very_long_names_get_a_hashed_code_within_the_limit() -> None:
    long_a = "Trung tâm " + "Công tác xã hội và Quỹ bảo trợ trẻ em tỉnh " * 3 + "A"
    long_b = long_a[:-1] + "B"
    codes = roster.assign_codes([(long_a, ""), (long_b, "")])
    assert codes[0] != codes[1]
    assert all(len(code) <= 40 and re.fullmatch(r"[A-Z0-9-]+", code) for code in codes)
    assert codes == roster.assign_codes([(long_a, ""), (long_b, "")])


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UBND huyện Ba Bể", "BABE"),
        ("Huyện Chợ Đồn", "CHODON"),
        ("UBND xã Nam Cường", "NAMCUONG"),
        ("Phường Đức Xuân", "DUCXUAN"),
        ("Thị trấn Chợ Rã", "CHORA"),
        ("Sở Tư pháp", "STP"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBMTTQVNT"),
        ("Trường THPT số 1", "TTS1"),
        ("Tỉnh đoàn", "TD"),
    ],
)
def test_base_code(name: str, code: str) -> None:
    assert roster.base_code(name) == code


# --------------------------------------------------------------------------- refusals


def test_duplicate_names_are_refused_naming_both_rows(tmp_path: Path) -> None:
    rows = [["UBND huyện Ba Bể"], ["Sở Y tế"], ["Huyện Ba Be"], ["SỞ Y TẾ"]]
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows, ["Tên đơn vị"]))
    assert not result.ok and result.agencies == []
    assert result.errors == [
        # “Ba Be” may be a clerk's dropped diacritic or another name: the officer is asked.
        "Dòng 4 và 6 (“UBND huyện Ba Bể”, “Huyện Ba Be”) có tên chỉ khác nhau ở dấu, mà thd"
        " coi là một tên (cán bộ, đơn vị thường gõ thiếu dấu): nếu là một đơn vị, chỉ ghi một"
        " lần; nếu là hai đơn vị khác nhau, ghi mã riêng cho mỗi dòng ở cột Mã (ví dụ VANLANG"
        " và VANLANG2), thd sẽ phân biệt hai đơn vị theo đúng tên có dấu.",
        "Dòng 5 và 7 cùng là đơn vị “Sở Y tế”: mỗi đơn vị chỉ ghi một lần.",
    ]


def test_duplicate_codes_are_refused(tmp_path: Path) -> None:
    rows = [["Sở Y tế", "SYT"], ["Sở Tư pháp", "syt"], ["Sở Nội vụ", ""]]
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows, ["Tên", "Mã"]))
    assert result.errors == ["Dòng 4 và 5 cùng mã “SYT”: mỗi đơn vị một mã khác nhau."]


def test_typed_code_equal_to_last_years_code_of_another_row_is_refused(
    tmp_path: Path, campaign: Campaign
) -> None:
    rows = [["UBND huyện Ba Bể", ""], ["Xã Mới", "BABE"]]
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows, ["Tên", "Mã"]), campaign.agencies)
    assert len(result.errors) == 1
    assert result.errors[0].startswith("Dòng 4 và 5 cùng mã “BABE”")


def test_blank_row_in_the_middle_is_refused_trailing_ones_are_not(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Sở Y tế"], [], [None, None], ["Sở Tư pháp"], [], [], []]
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows, ["Tên đơn vị", "Ghi chú"]))
    assert result.errors == [
        "Các dòng 5–6 để trống giữa danh sách: xóa dòng trống (danh sách phải liền nhau) hoặc"
        " điền đơn vị còn thiếu."
    ]
    one_gap = read(
        write_openpyxl(tmp_path / "ds2.xlsx", [["Sở Y tế"], [], ["Sở Tư pháp"]], ["Tên"])
    )
    assert one_gap.errors[0].startswith("Dòng 5 để trống giữa danh sách")


def test_row_without_a_name_and_totals_row_are_refused(tmp_path: Path) -> None:
    rows = [["Sở Y tế", "SYT"], ["", "STP"], ["Công an tỉnh", ""], ["Tổng cộng: 3 đơn vị", ""]]
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows, ["Tên đơn vị", "Mã đơn vị"]))
    assert result.errors == [
        "Dòng 5 có dữ liệu nhưng thiếu tên đơn vị: điền tên hoặc xóa dòng này.",
        "Dòng 7 (“Tổng cộng: 3 đơn vị”) là dòng tổng, không phải đơn vị: xóa dòng này.",
    ]


def test_code_with_diacritics_is_refused(tmp_path: Path) -> None:
    result = read(write_openpyxl(tmp_path / "ds.xlsx", [["Sở Y tế", "Sở YT"]], ["Tên", "Mã"]))
    assert result.errors[0].startswith("Dòng 4: mã “Sở YT” chỉ được dùng chữ không dấu")


def test_list_without_a_header_is_refused(tmp_path: Path) -> None:
    path = write_openpyxl(tmp_path / "ds.xlsx", [["Sở Y tế"]], ["Họ và tên", "Chức vụ"])
    result = read(path)
    assert not result.ok
    assert result.errors[0].startswith(
        "Không tìm thấy dòng tiêu đề trong 30 dòng đầu của tệp ds.xlsx"
    )


def test_empty_list_under_a_header_is_refused(tmp_path: Path) -> None:
    result = read(write_openpyxl(tmp_path / "ds.xlsx", [], ["Tên đơn vị"]))
    assert result.errors == ["Danh sách dưới dòng tiêu đề (dòng 3) trống."]


@pytest.mark.parametrize(
    ("name", "content", "start"),
    [
        ("ds.docx", b"PK", "Tệp ds.docx không phải danh sách đọc được"),
        ("ds.xlsx", b"not a workbook", "Không mở được tệp ds.xlsx"),
        ("ds.ods", b"", "Không mở được tệp ds.ods"),
    ],
)
def test_unusable_files_are_a_result_not_a_traceback(
    tmp_path: Path, name: str, content: bytes, start: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = read(path)
    assert not result.ok and result.errors[0].startswith(start)


def test_missing_file_is_a_result(tmp_path: Path) -> None:
    assert read(tmp_path / "khong-co.xlsx").errors[0].startswith("Không tìm thấy tệp")


# --------------------------------------------------------------------------- text and groups


def test_nfd_names_are_read_as_nfc_and_match_last_year(tmp_path: Path, campaign: Campaign) -> None:
    rows = [[unicodedata.normalize("NFD", a.name)] for a in campaign.agencies[20:]]
    assert len(rows[1][0]) > len("UBND huyện Ba Bể")
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows, ["Tên đơn vị"]), campaign.agencies)
    assert [a.name for a in result.agencies] == [a.name for a in campaign.agencies[20:]]
    assert [a.code for a in result.agencies] == [a.code for a in campaign.agencies[20:]]
    alone = read(tmp_path / "ds.xlsx")
    assert alone.agencies[1].code == "BABE"


def test_header_labels_are_matched_loosely_and_extra_columns_ignored(tmp_path: Path) -> None:
    header = [
        "Số TT",
        "Người phụ trách",
        "TÊN CƠ QUAN, ĐƠN VỊ",
        "Mã ĐV",
        "Loại đơn vị",
        "E-mail",
        "Địa chỉ",
    ]
    rows = [[1, "Nguyễn Văn A", "Sở Y tế", 12.0, "Sở", "syt@x.vn", "Số 1"]]
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows, header))
    assert result.ok, result.errors
    assert result.columns == {
        "name": "TÊN CƠ QUAN, ĐƠN VỊ",
        "code": "Mã ĐV",
        "group": "Loại đơn vị",
        "email": "E-mail",
    }
    assert result.agencies == [Agency(code="12", name="Sở Y tế", email="syt@x.vn")]


@pytest.mark.parametrize(
    ("typed", "group"),
    [
        ("Sở, ban, ngành", AgencyGroup.PROVINCE),
        ("Đoàn thể", AgencyGroup.PROVINCE),
        ("Cấp tỉnh", AgencyGroup.PROVINCE),
        ("province", AgencyGroup.PROVINCE),
        ("Huyện", AgencyGroup.DISTRICT),
        ("UBND huyện, thành phố", AgencyGroup.DISTRICT),
        ("Xã", AgencyGroup.COMMUNE),
        ("Cấp xã", AgencyGroup.COMMUNE),
        ("Phường", AgencyGroup.COMMUNE),
        ("Thị trấn", AgencyGroup.COMMUNE),
        ("Các xã, phường, thị trấn", AgencyGroup.COMMUNE),
        ("commune", AgencyGroup.COMMUNE),
        ("Thị xã", AgencyGroup.DISTRICT),
        ("Huyện, xã", AgencyGroup.DISTRICT),
        ("district", AgencyGroup.DISTRICT),
        ("Khác", None),
        ("Xã hội", None),
    ],
)
def test_group_words(typed: str, group: AgencyGroup | None) -> None:
    assert roster.group_of(typed) is group


def test_unknown_group_and_odd_email_are_warnings(tmp_path: Path) -> None:
    rows = [["UBND xã Nam Cường", "Khác", "namcuong"], ["Sở Y tế", "", "a@b.vn; c@d.vn"]]
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows, ["Tên", "Nhóm", "Email"]))
    assert result.ok
    assert result.agencies[0].group is AgencyGroup.COMMUNE  # from the name
    assert result.agencies[1].group is AgencyGroup.PROVINCE
    assert result.warnings == [
        "Dòng 4: không nhận ra nhóm “Khác” (cần: sở, ban, ngành, đoàn thể hoặc huyện, xã,"
        " phường): thd xếp đơn vị theo tên.",
        "Dòng 4: thư điện tử “namcuong” có vẻ không đúng dạng ten@co-quan.gov.vn: kiểm tra lại.",
    ]


TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """As Excel's plain CSV on a Vietnamese Windows writes: base letters precomposed (ê, ơ),
    tones as combining marks (Python's codec does not split them so)."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return out


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1258"])
def test_csv_lists_in_both_excel_encodings(tmp_path: Path, encoding: str) -> None:
    text = "STT;Tên đơn vị;Mã\n1;UBND huyện Ba Bể;\n2;Sở Tư pháp;STP\n"
    path = tmp_path / "ds.csv"
    path.write_bytes(text.encode("utf-8-sig") if encoding == "utf-8-sig" else _cp1258(text))
    result = read(path)
    assert result.ok, result.errors
    assert [(a.code, a.name) for a in result.agencies] == [
        ("BABE", "UBND huyện Ba Bể"),
        ("STP", "Sở Tư pháp"),
    ]
    assert result.header_row == 1


# --------------------------------------------------------------------------- TOML


def test_roster_toml_writes_the_template_style(campaign: Campaign) -> None:
    template = config.default_config_text()
    assert template[template.index("\n[[agencies]]\n") + 1 :] == roster.roster_toml(
        campaign.agencies
    )


def test_roster_toml_escapes_and_writes_email() -> None:
    agency = Agency(code="A", name='Hội "Bảo trợ" \\ tỉnh', email="a@b.vn")
    text = roster.roster_toml([agency])
    assert text == (
        '[[agencies]]\ncode = "A"\nname = "Hội \\"Bảo trợ\\" \\\\ tỉnh"\ngroup = "province"\n'
        'email = "a@b.vn"\n'
    )


def test_replace_roster_keeps_everything_else(campaign: Campaign) -> None:
    new = [Agency(code="NAMCUONG", name="UBND xã Nam Cường", group=AgencyGroup.DISTRICT)]
    old_text = config.default_config_text()
    text = roster.replace_roster(old_text, new)
    replaced = config.parse(text, "thd.toml")
    assert replaced.agencies == new
    assert replaced.model_copy(update={"agencies": campaign.agencies}) == campaign
    head = old_text[: old_text.index("\n[[agencies]]\n")]
    assert text.startswith(head)  # every comment above the roster, and its explanation, kept


def test_replace_roster_keeps_a_table_after_the_roster_and_its_comment(campaign: Campaign) -> None:
    text = config.default_config_text()
    issuer = text[text.index("[issuer]") : text.index("[catalogues]")]
    moved = text.replace(issuer, "") + "\n# Cơ quan tổng hợp\n" + issuer
    new = [Agency(code="SYT", name="Sở Y tế")]
    result = roster.replace_roster(moved, new)
    assert "\n# Cơ quan tổng hợp\n[issuer]" in result
    assert result.count("\n[[agencies]]\n") == 1
    assert config.parse(result, "thd.toml").issuer == campaign.issuer


def test_replace_roster_refuses_an_empty_list_and_a_bad_config() -> None:
    with pytest.raises(ConfigError, match="trống"):
        roster.replace_roster(config.default_config_text(), [])
    with pytest.raises(ConfigError, match="sai cú pháp TOML"):
        roster.replace_roster("[campaign", [Agency(code="A", name="A")])


def test_section_headings_are_not_agencies_and_give_their_group(tmp_path: Path) -> None:
    rows = [
        ["", "I. Sở, ban, ngành, đoàn thể tỉnh"],
        [1, "Sở Y tế"],
        [2, "Ban Dân tộc"],
        ["", "II. UBND các huyện, thành phố"],
        [3, "Văn phòng Điều phối nông thôn mới"],
        [4, "UBND huyện Ba Bể"],
    ]
    result = read(write_openpyxl(tmp_path / "ds.xlsx", rows, ["STT", "Tên đơn vị"]))
    assert result.ok, result.errors
    assert [(a.name, a.group) for a in result.agencies] == [
        ("Sở Y tế", AgencyGroup.PROVINCE),
        ("Ban Dân tộc", AgencyGroup.PROVINCE),
        ("Văn phòng Điều phối nông thôn mới", AgencyGroup.DISTRICT),
        ("UBND huyện Ba Bể", AgencyGroup.DISTRICT),
    ]
