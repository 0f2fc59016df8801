"""Forms laid out otherwise than they were sent: tables copied to extra sheets, every table retyped
on one sheet, good files under the wrong extension or under a name the OS cannot decode."""

from __future__ import annotations

import base64
import io
import os
import shutil
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong import container, form, readers
from thanghanhdong.config import Campaign
from thanghanhdong.model import RawTable
from thanghanhdong.sample import SampleReport, fill_bytes
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

ACT, MEDIA = form.table("activities"), form.table("media")
HEADER = f"A{form.TABLE_HEADER_ROW}"
FIRST = form.TABLE_FIRST_DATA_ROW


def filled_form(
    tmp_path: Path,
    campaign: Campaign,
    stamper: FormStamper,
    edit: Any = None,
    name: str = "baocao.xlsx",
) -> Path:
    agency = campaign.agency("BABE")
    assert agency is not None
    path = tmp_path / name
    path.write_bytes(fill_bytes(stamper.stamp(agency), SampleReport(), edit=edit))
    return path


def type_rows(sheet: Any, first_row: int, rows: list[tuple[Any, ...]], column: int = 1) -> None:
    for offset, values in enumerate(rows):
        for index, value in enumerate(values):
            if value is not None:
                sheet.cell(row=first_row + offset, column=column + index, value=value)


def type_header(sheet: Any, row: int, spec: form.TableSpec, column: int = 1) -> None:
    """The two header rows of a table as an agency retypes them (people label over Nam | Nữ)."""
    labels = (form.STT_LABEL, spec.item_label, spec.count_label, spec.people_label)
    type_rows(sheet, row, [(*labels, None, form.LEVEL_LABEL)], column)
    type_rows(sheet, row + 1, [(None, None, None, form.MALE_LABEL, form.FEMALE_LABEL)], column)


def table_rows(table: RawTable) -> list[tuple[Any, ...]]:
    """(address of the item cell, item, count, male, female, level) of every row read."""
    return [
        (
            row.cells["item"].location.cell,
            *(row.cells[k].value for k in ("item", "count", "male", "female", "level")),
        )
        for row in table.rows
    ]


# ------------------------------------------------------------------ 1. tables in extra sheets


def copied_sheet(filled_rows: int):  # type: ignore[no-untyped-def]
    """Edit: copy `1. Hoạt động` to `1. Hoạt động (2)` (as Excel names a copy) and fill rows."""

    def edit(workbook: Any) -> None:
        copy = workbook.copy_worksheet(workbook[ACT.sheet])
        copy.title = f"{ACT.sheet} (2)"
        rows = [("Hội thảo", 1, 10, 20, "Huyện"), ("Tọa đàm", 2, 30, 40, "Xã")][:filled_rows]
        # The copy keeps the row already typed (row 7); more rows go under it.
        type_rows(copy, FIRST + 1, rows, column=2)

    return edit


def test_rows_in_a_copied_sheet_are_reported(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    raw = readers.read(filled_form(tmp_path, campaign, stamper, copied_sheet(2)))

    assert [(k, w.part, w.cell) for k, w in raw.extra_tables] == [
        ("activities", f"{ACT.sheet} (2)", HEADER)
    ]
    activities = raw.tables["activities"]
    assert activities.sheet == ACT.sheet  # the form's own sheet is the one read
    assert table_rows(activities) == [(f"B{FIRST}", "Tập huấn", 2, 40, 65, "Huyện")]


def test_a_copied_sheet_left_empty_is_not_reported(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    def edit(workbook: Any) -> None:
        copy = workbook.copy_worksheet(workbook[ACT.sheet])
        copy.title = f"{ACT.sheet} (2)"
        for row in copy.iter_rows(min_row=FIRST, min_col=2):
            for cell in row:
                cell.value = None

    raw = readers.read(filled_form(tmp_path, campaign, stamper, edit))

    assert raw.extra_tables == []


def test_a_table_retyped_on_a_sheet_of_its_own_is_reported(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    def edit(workbook: Any) -> None:
        sheet = workbook.create_sheet("Sheet1")
        type_header(sheet, 3, MEDIA, column=3)
        type_rows(sheet, 5, [(1, "Trang thông tin điện tử", 4, 300, 350, "Huyện")], column=3)

    raw = readers.read(filled_form(tmp_path, campaign, stamper, edit))

    assert [(k, w.part, w.cell) for k, w in raw.extra_tables] == [("media", "Sheet1", "C3")]
    assert [len(t.rows) for t in raw.tables.values()] == [1, 1, 1]


def test_another_table_pasted_under_a_table_is_reported_and_not_read_into_it(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    def edit(workbook: Any) -> None:
        sheet = workbook[ACT.sheet]
        type_header(sheet, 40, MEDIA)
        type_rows(sheet, 42, [(1, "Phát thanh", 10, 500, 600, "Huyện")])

    raw = readers.read(filled_form(tmp_path, campaign, stamper, edit))

    assert [(k, w.part, w.cell) for k, w in raw.extra_tables] == [("media", ACT.sheet, "A40")]
    assert table_rows(raw.tables["activities"]) == [(f"B{FIRST}", "Tập huấn", 2, 40, 65, "Huyện")]


def test_the_same_header_again_continues_the_table(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """An agency that copies the header and a block of empty rows under the table to make room:
    the rows under the second header are the same table's."""

    def edit(workbook: Any) -> None:
        sheet = workbook[ACT.sheet]
        type_header(sheet, 40, ACT)
        type_rows(sheet, 42, [(1, "Tọa đàm", 1, 15, 25, "Xã")])

    raw = readers.read(filled_form(tmp_path, campaign, stamper, edit))

    assert raw.extra_tables == []
    assert table_rows(raw.tables["activities"]) == [
        (f"B{FIRST}", "Tập huấn", 2, 40, 65, "Huyện"),
        ("B42", "Tọa đàm", 1, 15, 25, "Xã"),
    ]


def test_first_data_row_is_the_row_after_nam_nu(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    def edit(workbook: Any) -> None:  # two rows inserted above the header, as agencies do
        workbook[MEDIA.sheet].insert_rows(2, amount=2)

    raw = readers.read(filled_form(tmp_path, campaign, stamper, edit))

    assert raw.tables["activities"].first_data_row + 1 == FIRST
    assert raw.tables["media"].first_data_row + 1 == FIRST + 2
    assert raw.tables["media"].header.cell == f"A{form.TABLE_HEADER_ROW + 2}"
    assert [r.row + 1 for r in raw.tables["media"].rows] == [FIRST + 2]


# ----------------------------------------------------------- 2. every table on one sheet


ACTIVITY_ROWS = [
    (1, "Tập huấn", 2, 40, 65, "Huyện"),
    (2, "Nói chuyện chuyên đề", 3, 50, 80, "Xã"),
]


def one_sheet_form(path: Path, activity_rows: list[tuple[Any, ...]]) -> dict[str, int]:
    """The seed's form typed on one sheet, as an agency that never opened the template does:
    title lines, each table under its numbered title (one title typed in column B), the place
    and date and the signature under the last table. Returns the header row of each table."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Báo cáo"
    type_rows(
        sheet,
        1,
        [
            ("Tên đơn vị báo cáo: UBND huyện Ba Bể",),
            (form.form_title(2021),),
            ("III. TỔNG HỢP SỐ LIỆU",),
            (f"1. {ACT.title}",),
        ],
    )
    headers = {"activities": 5}
    type_header(sheet, 5, ACT)
    type_rows(sheet, 7, activity_rows)
    row = 7 + len(activity_rows) + 1  # a blank line
    type_rows(sheet, row, [(None, f"2. {MEDIA.title}")])  # the title in the item column
    headers["media"] = row + 1
    type_header(sheet, row + 1, MEDIA)
    type_rows(sheet, row + 3, [(1, "Hệ thống loa truyền thanh cơ sở", 30, 1200, 1350, "Xã")])
    row += 5
    type_rows(sheet, row, [("3. Phát hành các sản phẩm truyền thông",)])
    headers["products"] = row + 1
    type_header(sheet, row + 1, form.table("products"))
    type_rows(
        sheet, row + 3, [(1, "Băng rôn", 12, 0, 0, "Xã"), (2, "Tờ rơi", 500, None, None, "Xã")]
    )
    row += 6
    closing = ["Ba Bể, ngày 18 tháng 12 năm 2021", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"]
    type_rows(sheet, row, [(None, None, None, None, line) for line in closing])
    type_rows(sheet, row + 5, [(None, None, None, None, "Nguyễn Văn Bình")])
    workbook.save(path)
    return headers


@pytest.mark.parametrize("activities", [2, 70], ids=["short", "long_first_table"])
def test_every_table_typed_on_one_sheet(
    tmp_path: Path, campaign: Campaign, activities: int
) -> None:
    typed = [
        (stt, f"{item} {i + 1}", *figures)
        for i in range(activities)
        for stt, item, *figures in [ACTIVITY_ROWS[i % 2]]
    ]
    path = tmp_path / "go-lai.xlsx"
    headers = one_sheet_form(path, typed)

    raw = readers.read(path)

    assert raw.meta is None
    assert raw.info["agency_name"].value == "UBND huyện Ba Bể"
    assert raw.extra_tables == []
    first_media, first_products = headers["media"] + 2, headers["products"] + 2
    assert {key: table_rows(table) for key, table in raw.tables.items()} == {
        "activities": [(f"B{7 + i}", *row[1:]) for i, row in enumerate(typed)],
        "media": [(f"B{first_media}", "Hệ thống loa truyền thanh cơ sở", 30, 1200, 1350, "Xã")],
        "products": [
            (f"B{first_products}", "Băng rôn", 12, 0, 0, "Xã"),
            (f"B{first_products + 1}", "Tờ rơi", 500, None, None, "Xã"),
        ],
    }
    for key, table in raw.tables.items():
        assert table.sheet == "Báo cáo"
        assert table.header.cell == f"A{headers[key]}"
        assert table.first_data_row + 1 == headers[key] + 2
        assert {c.sheet for row in table.rows for c in row.cells.values()} == {"Báo cáo"}

    result = validate_file(path, campaign)
    assert result.agency_code == "BABE"
    assert result.errors == [], result.errors


def test_numbers_under_the_signature_are_still_read(tmp_path: Path) -> None:
    """Place and date end the tables only when no figures follow them."""
    path = tmp_path / "go-lai.xlsx"
    one_sheet_form(path, ACTIVITY_ROWS)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    type_rows(workbook.active, 40, [(3, "Khẩu hiệu", 7, None, None, "Xã")])
    workbook.save(path)

    rows = table_rows(readers.read(path).tables["products"])

    assert [r[1] for r in rows] == ["Băng rôn", "Tờ rơi", None, None, None, None, "Khẩu hiệu"]


# ------------------------------------------- 4.-6. wrong extension, undecodable file names


def assert_valid(path: Path, campaign: Campaign) -> None:
    result = validate_file(path, campaign)
    assert result.errors == [], result.errors
    assert result.agency_code == "BABE"
    assert result.submission is not None
    assert [len(rows) for rows in result.submission.tables.values()] == [1, 1, 1]


def test_an_xlsx_renamed_xls_reads(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    path = filled_form(tmp_path, campaign, stamper)

    assert_valid(path.rename(path.with_suffix(".xls")), campaign)


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_ods_and_xls_renamed_xlsx_read(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    original = filled_form(tmp_path, campaign, stamper)
    renamed = []
    for target in ("ods", "xls"):
        (converted,) = soffice_convert([original], target, tmp_path / target, tmp_path / "profile")
        renamed.append(converted.rename(converted.with_name(f"tu-{target}.xlsx")))
    as_xls = tmp_path / "ods" / "tu-ods.xls"
    shutil.copy(renamed[0], as_xls)

    for path in [*renamed, as_xls]:
        assert_valid(path, campaign)


# An empty workbook LibreOffice 7.4 saved as .xls (BIFF8) with the password "abc" (RC4: the
# FILEPASS record follows BOF). zlib, then base64.
PROTECTED_XLS = (
    "eNrtWAk41dsW3w6OmUOGMnWU6XANp3sTCT3TK3VDJA9l6phSfGalzLpIL5QpcxdXuQh5Mqt7PTN1Q8ica6xwUWR4ex//"
    "7tfru/d9uO/73vBZ51trr/PbZ++1//+19tprn7ZWzoG0B/yD4DNSBrRgdY0J4D/BaCAzfvxCAACHYatra2sf4bVt+p+i"
    "FaxFPqSD/qOHjHzOgPmVCWu36f+TTgIn+HEDRKAFLsLWBXiDzRAvjJhP59vImNUN/m6jtG1/6/ZR/kZ5nBby5/sf5Xq0"
    "/5khs0BmhcwGmR0yx/oRADghc0HeAZkbMg81JgDgg7wT8i7MngDWIhaG+m7su8h2fvmPEhMj9CKeHpSxNSGXU30vBxRg"
    "XKBPo7pxVrcdcddFhfYhd4Xphn0/Ss9cJXMrHlVgHQ3TLZLXKg5PDrMlJuyTfJqxOE2+OQhjKZ+uBsoXXw3BmcyAMxgP"
    "EePUL162y8LfM1PlJk8q+OCXiMZqV3aGC3X+feVumsRsRHTB3v76oTHfpbfTvLd2TeYUVvWInRhkFgs2Jpx4JcI73S0n"
    "7is3nm+U/W31TM20INvZy5eJJN0WdYfoyZm4Ng1zknMrh+uAQY3o6JO9qerQelSkJQ0OHN5dDcNbBWpvhBIh2nsqD+ou"
    "wuVQHjqmAuP2SkBnyf0ipsfZemUNK4Omo/mvD8Pf/aIXAaXpqT1QHtdnh7Jh/m9wTJ1sN9RHbpEBP5iTLJdpr97FAk4/"
    "IldlRgzL6LvR6sk9yPshDPVWCZjNGigV7rqnPqesM3WswkuUN7020LDlcTrqzZBuWVroTItRnWCaYdUwU2kUUS4xJo+w"
    "7fBDvbl2FPEKxgnW4iBXHXo5lbahF1FzCR4K/ZIDwnSsILXivVh9wp9kpUxWlQfgjosot2UPdT3QeHlPHuXPbOWX4x9k"
    "8yNcMzLzSW1kb/n5TuukC8IHLGctnoojnI0/UFJZm3uk8ThfJr0ZId9RruMFwtNT9p05vZ+ucrEmn5l4N/b7tkffSSFc"
    "4uyThXpwKCCKMndvsikmz2NB/B3CjU3IUs6ChIBMb4Ej/vdkhoImWpUQ/lBHd6+JhuEN3mApT7YX6eecFpPMEd4pYJvH"
    "LvXQXZg/UfxLOZ+kO7P8QQi3yj2nE17SN5JLymF5lVAYXRUfZItw5q5DdyRaCj+0LyXewic2XcroeHUV4X2NP+zcb6n0"
    "0zGND8Oiph7Jz+IDuBHef6112OnbPk49h573PZ6Da6bPDMcQ3saQvNwefNA3Vb5f1u5Nx9NU/UhHhKuGM6xIBgq25lBo"
    "Bo7SpveViFo3IbygwSvVOL/I3M/c/E5K3+hLjgA7EsIbYiw/TLyMCkzvVqSv1ewnNZgcpL5PvcWQ0Ghnnj6j7iQOUTUr"
    "ldWHBukI33/e/XKEIVHpvTuB09k77tobr8eZCK8sXZb7ei6Kb79oXA/9jFjIF5Vk6jpDOG778LfuK2wePJFc68IS8k7W"
    "Ao/wRM42hZCVsLK/qiUNM0tPK1P22jNF4+iAxssvU1AbysVGj1rrZi8J1L7l78hF7Q1aWjXUjtCFe1jA2G3AB8O8HQ5T"
    "fGSKeFh+3+ot/3fXYcb3ttiRXEPDCMoFA3txXRkpk8AEFKkoMJzisy+g5fDV0Qvn3bnbdCLbOpdAX5Mt0OTQMhM7bysc"
    "lOM1OSui/Utkx8J8l3bn87saWUfux/kmyx6MMHJhf0cXPZquPpxhqFckuBZoEPMo+C9aEx2VrL3WjDwA73ibHC8S3znJ"
    "FWe/SFdKDpgtib2Cjpj1VET4p1TECjcccY0Dyjp41OCAoC8BHkuvlRlCVWubvzGHCPf3fhA5c92h9GxnvJsYfGQFP/8Y"
    "f9jDsCwF5U+u0lBa+ARAKb/EDURBR4qRd9Br0w+LrDeKPRzbmasWf8yZqlR0m3anr7jeuJTfkjySxANIYO7SaOnKiwD7"
    "dpaMDrmCk47gdpp1FkW2d+BwZ/28q7b+TbW7Ji9f3S9uDIRT040GQfnojDhcjI+npDELqeasBNSnJRbw154t1EpCPew7"
    "91BCUqkKCepHZIpTf35XMZcG9gCzTtFhmZt6OnW5laZC7eMdF+rVVAMWFkPZBMasI3an19bRnYJzqxy8Al/HFNf4Y9rb"
    "yyQLW6IRwLEDQ9dJfHkeWfXq86/qQt5PAT1gU9kbdE5CtXGcN9UuS8HIhY9oWjXWr1z2UP1mjnFfQtZzT4ZYX3auYKOg"
    "Z3IgsqD4Us51krsVB0d9OG5Z+gqpsHSISazb9MNcaLjKzxyRzT2qOC4gkKiZoKWoP9cyViPmeXp+2s1XCFYALgbPh+oM"
    "Vd80MeZN7VC2t2XkAydsnI3fVvI0tvL155108O6qlvcoG/NPZ/7dWoQGnv60zOs1DIERR8Wq17u0Uc3wtb21i5Ork40b"
    "UcvLmuJIVDogY2hpRXF0pFDjQ93exkbxj9RONOvlz5ZpdQ3NgfutecFAcMrsoq4d4X4kI5CWKOySh5gPFtioXxGrrw5j"
    "NdZxrM4yxmqtc1i95YzVaOMrAAhjujw27iNtRN/M+hGCa29uT5QVIETHwvV/sZirierDzzAzrM6jwZjwyVp/D9+m/x76"
    "d97/qH7+bA//1hh01/DD/kg6Da27gPPAirqO85tePxeMKhx2d1nbxL3KAf9xn2pAuxfgHtOFa3DYkn3aT+5gGxnDD/no"
    "r3lCFzgCypb9xwztb/b+J4jd1QD1vmcA3OHzXwCWVN8fhVFgQ/UJQtyAPdQv/ou5JDH79Jt4/0KQc361rwktWFPXQKFG"
    "4ObWo7iF5ydCdtu+/1PpH1uHz/Q="
)


def test_an_encrypted_xlsx_renamed_xls_is_password_protected(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    path = filled_form(tmp_path, campaign, stamper)
    encrypted = io.BytesIO()
    with path.open("rb") as handle:
        OOXMLFile(handle).encrypt("matkhau", encrypted)
    target = tmp_path / "matkhau.xls"
    target.write_bytes(encrypted.getvalue())

    result = validate_file(target, campaign)

    assert [i.code for i in result.issues] == ["file_password"]


@pytest.mark.parametrize("name", ["matkhau.xls", "matkhau.xlsx"])
def test_a_password_protected_xls_is_reported_under_either_extension(
    tmp_path: Path, campaign: Campaign, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(zlib.decompress(base64.b64decode(PROTECTED_XLS)))

    result = validate_file(path, campaign)

    assert [i.code for i in result.issues] == ["file_password"]


def test_calamine_errors_reach_the_officer_in_vietnamese_only(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """An OLE file that is no workbook (a .doc renamed .xls, here an empty OLE header)."""
    path = tmp_path / "hong.xls"
    path.write_bytes(container.OLE_MAGIC + bytes(504))

    (issue,) = validate_file(path, campaign).issues

    assert issue.code == "file_corrupt"
    assert "đề nghị đơn vị" in issue.message
    for english in ("error", "invalid", "Cfb", "Zip", "detect", "os error"):
        assert english not in issue.message


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes only on Linux")
def test_a_file_name_not_in_utf8_reads(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """Unpacked from a zip made on Windows, names arrive in the old code page (CP1258 here)."""
    name = os.fsdecode(b"B\xe1o c\xe1o.xlsx")
    path = filled_form(tmp_path, campaign, stamper, name=name)
    assert os.fsencode(path.name) == b"B\xe1o c\xe1o.xlsx"

    assert_valid(path, campaign)
