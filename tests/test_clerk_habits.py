"""How clerks really fill the form, each habit typed into a fresh form with openpyxl and saved
again by LibreOffice: the figures thd takes must be the ones the clerk meant, or an issue at the
cell says why a value was not taken."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong.validate import validate_file

INFO, ACTS = "Thông tin chung", "1. Hoạt động"
GOOD = [["Tọa đàm", 2, 30, 40, "Huyện"], ["Tập huấn", 3, 50, 60, "Xã"]]
FIGURES = [("Tọa đàm", "Huyện", 2, 30, 40), ("Tập huấn", "Xã", 3, 50, 60)]

# name: (activity rows from row 7, info cells, expected activities, expected (code, cell) issues)
HABITS: dict[str, tuple[list, dict, list | None, set]] = {
    "baseline": (GOOD, {}, FIGURES, set()),
    "spaces": (
        [["Tọa đàm", "2", "1 200", "1\u00a0300", "Huyện"], GOOD[1]],
        {},
        [("Tọa đàm", "Huyện", 2, 1200, 1300), FIGURES[1]],
        set(),
    ),
    "dashes_for_none": (
        [["Tọa đàm", 2, "-", 40, "Huyện"], ["Tập huấn", 3, "–", 60, "Xã"]],
        {"B14": "-"},
        [("Tọa đàm", "Huyện", 2, 0, 40), ("Tập huấn", "Xã", 3, 0, 60)],
        {("dash_number", "D7"), ("dash_number", "D8"), ("dash_number", "B14")},
    ),
    # The column's own unit after the figure is dropped, with a warning; another column's
    # unit, or words around the figure, leave it not a number.
    "unit_after_number": (
        [
            ["Tọa đàm", "2 buổi", "30 người", "40 nữ", "Huyện"],
            ["Tập huấn", 3, "1.200 lượt", 60, "Xã"],
        ],
        {},
        [("Tọa đàm", "Huyện", 2, 30, 40), ("Tập huấn", "Xã", 3, 1200, 60)],
        {
            ("unit_number", "C7"),
            ("unit_number", "D7"),
            ("unit_number", "E7"),
            ("unit_number", "D8"),
        },
    ),
    "unit_of_another_column": (
        [["Tọa đàm", "30 người", 30, "40 nam", "Huyện"], ["Tập huấn", 3, "khoảng 50", 60, "Xã"]],
        {},
        [],
        {("not_a_number", "C7"), ("not_a_number", "E7"), ("not_a_number", "D8")},
    ),
    "x_for_none": (
        [["Tọa đàm", 2, "x", 40, "Huyện"], GOOD[1]],
        {},
        [FIGURES[1]],
        {("not_a_number", "D7")},
    ),
    "decimal_count": (
        [["Tọa đàm", "1,5", 30, 40, "Huyện"], GOOD[1]],
        {},
        [FIGURES[1]],
        {("decimal_number", "C7")},
    ),
    "levels_in_words": (
        [["Tọa đàm", 2, 30, 40, "cấp xã"], ["Tập huấn", 3, 50, 60, "CẤP HUYỆN  "]],
        {},
        [("Tọa đàm", "Xã", 2, 30, 40), ("Tập huấn", "Huyện", 3, 50, 60)],
        set(),
    ),
    "levels_with_unit_names": (
        [["Tọa đàm", 2, 30, 40, "Xã, phường, thị trấn"], ["Tập huấn", 3, 50, 60, "Tỉnh."]],
        {},
        [("Tọa đàm", "Xã", 2, 30, 40), ("Tập huấn", "Tỉnh", 3, 50, 60)],
        set(),
    ),
    "two_levels_in_one_cell": (
        [["Tọa đàm", 2, 30, 40, "Huyện, Xã"], GOOD[1]],
        {},
        [FIGURES[1]],
        {("invalid_level", "F7")},
    ),
    "level_tw": (
        [["Tọa đàm", 2, 30, 40, "TW"], GOOD[1]],
        {},
        [FIGURES[1]],
        {("invalid_level", "F7")},
    ),
    "total_with_sum": (
        [*GOOD, ["Tổng cộng", "=SUM(C7:C8)", "=SUM(D7:D8)", "=SUM(E7:E8)", None]],
        {},
        FIGURES,
        {("totals_row", "B9")},
    ),
    "total_formula_broken": (
        [*GOOD, ["Tổng cộng", "=SUM(C7:C8)/0", "=SUM(D7:D8)", "=SUM(E7:E8)/0", None]],
        {},
        FIGURES,
        {("totals_row", "B9")},
    ),
    "subtotal_formula_broken": (
        [GOOD[0], ["Cộng cấp huyện", "=C7/0", "=D7", "=E7/0", None], GOOD[1]],
        {},
        FIGURES,
        {("subtotal_row", "B8")},
    ),
    "empty_row_between": ([GOOD[0], [None] * 5, GOOD[1]], {}, FIGURES, set()),
    "header_copied": (
        [["Hoạt động", "Số cuộc", "Nam", "Nữ", "Cấp triển khai"], *GOOD],
        {},
        FIGURES,
        set(),
    ),
    "sub_headings": (
        [["I. Cấp huyện"], GOOD[0], ["II. Cấp xã"], GOOD[1]],
        {},
        FIGURES,
        set(),
    ),
    "level_as_heading": ([["Cấp huyện"], GOOD[0], ["CẤP XÃ"], GOOD[1]], {}, FIGURES, set()),
    # The rows under a level's heading leave the level column empty: they take the heading's,
    # said once per heading; a heading that names no level alone gives none.
    "level_from_heading": (
        [["Cấp huyện"], GOOD[0][:4], ["Hội thảo", 1, 5, 6], ["II. Cấp xã"], GOOD[1][:4]],
        {},
        [*FIGURES[:1], ("Hội thảo", "Huyện", 1, 5, 6), FIGURES[1]],
        {("level_from_heading", "F8"), ("level_from_heading", "F11")},
    ),
    "heading_without_a_level": (
        [["I. Hoạt động cấp huyện"], GOOD[0][:4], GOOD[1]],
        {},
        [FIGURES[1]],
        {("missing_level", "F8")},
    ),
    "line_break_and_nfd": (
        [["Tọa đàm\nvề giới", 2, 30, 40, unicodedata.normalize("NFD", "Huyện")], GOOD[1]],
        {},
        [("Tọa đàm về giới", "Huyện", 2, 30, 40), FIGURES[1]],
        set(),
    ),
    # Two catalogue activities in one cell share one row of figures: whose are they? (trial 6)
    "two_activities_on_two_lines": (
        [["Diễn đàn\nĐối thoại", 2, 100, 80, "Tỉnh"], GOOD[1]],
        {},
        None,
        {("several_items", "B7")},
    ),
    "two_activities_joined_by_plus": (
        [["Tọa đàm + Hội thảo", 2, 30, 40, "Huyện"], GOOD[1]],
        {},
        None,
        {("several_items", "B7")},
    ),
    "two_numbered_activities_on_two_lines": (
        [["1. Tập huấn\n2. Hội thảo", 2, 30, 40, "Huyện"], GOOD[1]],
        {},
        None,
        {("several_items", "B7")},
    ),
    # A product's name is no activity: "Tập huấn; Pano" is one (odd) activity name, not two.
    "an_activity_and_a_product_in_one_cell": (
        [["Tập huấn; Pano", 2, 30, 40, "Huyện"], GOOD[1]],
        {},
        [("Tập huấn; Pano", "Huyện", 2, 30, 40), FIGURES[1]],
        set(),
    ),
    # A media sheet's row pasted among the activities (trial 8, finding 5): counted as typed,
    # and the officer told it may be a copy.
    "media_row_pasted_among_activities": (
        [["Phát thanh", 8, 10, 12, "Xã"], GOOD[1]],
        {},
        [("Phát thanh", "Xã", 8, 10, 12), FIGURES[1]],
        {("item_of_other_table", "B7")},
    ),
    "one_activity_wrapped_over_two_lines": (
        [
            ["Tập huấn\nkiến thức pháp luật", 3, 50, 60, "Xã"],
            ["Kiểm tra, giám sát", 1, 5, 5, "Tỉnh"],
        ],
        {},
        [
            ("Tập huấn kiến thức pháp luật", "Xã", 3, 50, 60),
            ("Kiểm tra, giám sát", "Tỉnh", 1, 5, 5),
        ],
        set(),
    ),
    "budget_in_words": (
        GOOD,
        {"B13": "15 triệu", "B14": "15,5 triệu đồng", "B6": "ngày 05 tháng 12 năm 2021"},
        FIGURES,
        {("budget_text", "B13"), ("budget_text", "B14")},
    ),
    "budget_accounting_format": (
        [["Tọa đàm", 2, "1.200,00", 40, "Huyện"], GOOD[1]],
        {"B13": "15.000.000,00"},
        [("Tọa đàm", "Huyện", 2, 1200, 40), FIGURES[1]],
        {("text_number", "D7"), ("text_number", "B13")},
    ),
}

# The report date as typed (B6 of the info sheet) -> the date thd reads, with no invalid_date.
DATES = {
    "date_slashes": "05/12/2021",
    "date_dashes": "5-12-2021",
    "date_words": "ngày 05 tháng 12 năm 2021",
    "date_place_words": "Bắc Kạn, ngày 05 tháng 12 năm 2021",
    "date_lead_word": "Ngày 5/12/2021",
    "date_short_year": "05/12/21",
    "date_trailing_dot": "05/12/2021.",
}
HABITS |= {name: (GOOD, {"B6": typed}, FIGURES, set()) for name, typed in DATES.items()}


def _fill(path: Path, rows: list, info: dict) -> None:
    book = openpyxl.load_workbook(path)
    info_sheet, acts = book[INFO], book[ACTS]
    base = {"B5": "45/BC-UBND", "B6": "20/12/2021", "B7": "Phó Chủ tịch", "B8": "Nguyễn Văn A"}
    base |= {"B11": "Có", "B12": "Có", "B13": 15000000, "B14": 0, "B16": "Có", "B17": "Có"}
    for cell, value in (base | {"B18": "Có"} | info).items():
        info_sheet[cell] = value
    for i, row in enumerate(rows):
        for column, value in zip("BCDEF", row, strict=False):
            acts[f"{column}{7 + i}"] = value
    book.save(path)


@pytest.fixture(scope="module")
def habits(tmp_path_factory, campaign, stamper) -> dict[str, Path]:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("habits")
    sources = []
    for name, (rows, info, _, _) in HABITS.items():
        path = work / f"{name}.xlsx"
        path.write_bytes(stamper.stamp(campaign.agency("BABE")))
        _fill(path, rows, info)
        sources.append(path)
    saved = soffice_convert(sources, "xlsx", work / "saved", work / "profile")
    return dict(zip(HABITS, saved, strict=True))


@pytest.mark.parametrize("name", list(HABITS))
def test_a_clerk_habit_is_read_as_meant(name: str, habits, campaign) -> None:
    _, _, expected, issues = HABITS[name]
    result = validate_file(habits[name], campaign)
    found = {(i.code, i.location.cell) for i in result.issues if i.location is not None}
    assert found == issues, [i.message for i in result.issues]
    assert result.submission is not None or any(i.severity.name == "ERROR" for i in result.issues)
    if result.submission is not None and expected is not None:
        rows = result.submission.tables["activities"]
        assert [(r.item, r.level, r.count, r.male, r.female) for r in rows] == expected


@pytest.mark.parametrize("name", list(DATES))
def test_a_report_date_typed_as_text_is_read(name: str, habits, campaign) -> None:
    result = validate_file(habits[name], campaign)
    assert result.submission is not None
    assert result.submission.report_date == date(2021, 12, 5)
