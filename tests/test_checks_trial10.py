"""Trial 10's checks (docs/trials/2026-12-01j): page views typed in Số lượng of 2. Truyền thông
(F2), "1.500" stored as 1.5 by an en-US office suite (F5), rows typed below the clerk's own
"Tổng cộng" (F6). Each form is filled with openpyxl and saved again by LibreOffice."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong import messages
from thanghanhdong.model import FileResult
from thanghanhdong.validate import validate_file

INFO, ACTS, MEDIA, PRODUCTS = "Thông tin chung", "1. Hoạt động", "2. Truyền thông", "3. Sản phẩm"

# name: {sheet: rows typed from row 7, columns B..F}
FORMS: dict[str, dict[str, list[list]]] = {
    "page_views_in_count": {
        MEDIA: [
            ["Trang thông tin điện tử", 45, 1200, 1300, "Tỉnh"],
            ["Mạng xã hội", 3500000, 0, 0, "Tỉnh"],
        ]
    },
    "ordinary_media_and_leaflets": {
        MEDIA: [["Hệ thống loa truyền thanh cơ sở", 1800, 0, 0, "Xã"]],
        PRODUCTS: [["Tờ rơi", 20000, 9000, 11000, "Huyện"]],
    },
    "video_views_in_products": {PRODUCTS: [["Video clip", 250000, 0, 0, "Tỉnh"]]},
    "en_us_1500": {ACTS: [["Tập huấn", 2, 1.5, 1600, "Tỉnh"]]},
    "formula_decimal": {ACTS: [["Tập huấn", 2, 33.3333, 40, "Tỉnh"]]},
    "comma_decimal_typed": {ACTS: [["Tập huấn", "1,5", 30, 40, "Tỉnh"]]},
    "rows_below_total": {
        ACTS: [
            ["Tập huấn", 2, 100, 40, "Tỉnh"],
            ["Tọa đàm", 1, 20, 25, "Tỉnh"],
            ["Tổng cộng", 3, 120, 65, None],
            ["Đối thoại", 1, 30, 30, "Tỉnh"],
            ["Diễn đàn", 2, 10, 10, "Xã"],
        ]
    },
    "total_wrong_nothing_below": {
        ACTS: [
            ["Tập huấn", 2, 100, 40, "Tỉnh"],
            ["Tọa đàm", 1, 20, 25, "Tỉnh"],
            ["Tổng cộng", 4, 120, 65, None],
        ]
    },
}


def _fill(path: Path, tables: dict[str, list[list]]) -> None:
    book = openpyxl.load_workbook(path)
    info = book[INFO]
    base = {"B5": "45/BC-UBND", "B6": "10/12/2021", "B7": "Giám đốc", "B8": "Nguyễn Văn A"}
    base |= {"B11": "Có", "B12": "Có", "B13": 5000000, "B14": 0, "B16": "Có", "B17": "Có"}
    for cell, value in (base | {"B18": "Có"}).items():
        info[cell] = value
    for sheet, rows in tables.items():
        for i, row in enumerate(rows):
            for column, value in zip("BCDEF", row, strict=True):
                book[sheet][f"{column}{7 + i}"] = value
    book.save(path)


@pytest.fixture(scope="module")
def results(tmp_path_factory, campaign, stamper) -> dict[str, FileResult]:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("trial10")
    sources = []
    for name, tables in FORMS.items():
        path = work / f"{name}.xlsx"
        path.write_bytes(stamper.stamp(campaign.agency("BABE")))
        _fill(path, tables)
        sources.append(path)
    saved = soffice_convert(sources, "xlsx", work / "saved", work / "profile")
    return {name: validate_file(path, campaign) for name, path in zip(FORMS, saved, strict=True)}


def _issues(result: FileResult, code: str) -> list[tuple[str, str, str]]:
    return [
        (i.location.part or "", i.location.cell or "", i.message)
        for i in result.issues
        if i.code == code and i.location is not None
    ]


def test_page_views_typed_in_the_media_count_are_doubted_at_the_cell(results) -> None:
    result = results["page_views_in_count"]
    [(sheet, cell, message)] = _issues(result, "implausible_count")
    assert (sheet, cell) == (MEDIA, "C8")
    assert message.startswith("Số lượng 3.500.000 quá lớn cho một đơn vị")
    assert "lượt xem" in message and "cột Số người tiếp cận" in message
    # A warning: the figures stay as typed.
    assert result.submission is not None
    assert [r.count for r in result.submission.tables["media"]] == [45, 3500000]


def test_a_commune_loudspeakers_and_printed_leaflets_are_not_doubted(results) -> None:
    result = results["ordinary_media_and_leaflets"]
    assert not _issues(result, "implausible_count"), [i.message for i in result.issues]


def test_video_views_typed_in_the_products_count_are_doubted(results) -> None:
    [(sheet, cell, message)] = _issues(results["video_views_in_products"], "implausible_count")
    assert (sheet, cell) == (PRODUCTS, "C7")
    assert "(trên 100.000)" in message and "sản phẩm phát hành" in message


def test_1500_stored_as_1_5_says_what_was_stored_and_what_to_type(results) -> None:
    [(sheet, cell, message)] = _issues(results["en_us_1500"], "decimal_number")
    assert (sheet, cell) == (ACTS, "D7")
    assert message.startswith("Ô ghi số thập phân “1,5”")
    assert "nếu định ghi 1.500 thì gõ liền 1500" in message
    assert "dấu phẩy" not in message  # the clerk typed no comma
    assert messages.problem("decimal_number", message) == "Ô ghi số thập phân “1,5”"


def test_a_decimal_that_is_no_thousands_asks_for_a_whole_number(results) -> None:
    [(_, _, message)] = _issues(results["formula_decimal"], "decimal_number")
    assert "“33,3333”" in message and "sửa thành số nguyên" in message
    assert "nếu định ghi" not in message


def test_a_decimal_comma_the_clerk_typed_keeps_its_message(results) -> None:
    [(_, cell, message)] = _issues(results["comma_decimal_typed"], "decimal_number")
    assert cell == "C7"
    assert message.startswith("“1,5” là số thập phân: ")
    assert "dấu phẩy là dấu thập phân" in message


def test_rows_below_the_total_row_are_named_and_counted(results) -> None:
    result = results["rows_below_total"]
    assert not _issues(result, "totals_mismatch")
    [(sheet, cell, message)] = _issues(result, "rows_below_total")
    assert (sheet, cell) == (ACTS, "C9")
    assert message.startswith("Dòng 10–11 nằm dưới dòng tổng cộng (dòng 9) và vẫn được cộng")
    assert "ghi 3, các dòng bên trên cộng được 3, cộng cả các dòng bên dưới được 6" in message
    assert messages.problem("rows_below_total", message) == (
        "Dòng 10–11 nằm dưới dòng tổng cộng (dòng 9) và vẫn được cộng"
    )
    assert result.submission is not None
    rows = result.submission.tables["activities"]
    assert [r.item for r in rows] == ["Tập huấn", "Tọa đàm", "Đối thoại", "Diễn đàn"]


def test_a_wrong_total_with_nothing_below_it_is_still_a_mismatch(results) -> None:
    result = results["total_wrong_nothing_below"]
    assert not _issues(result, "rows_below_total")
    [(_, cell, message)] = _issues(result, "totals_mismatch")
    assert cell == "C9" and message.startswith("Dòng tổng cộng ghi 4 nhưng cộng các dòng được 3")
