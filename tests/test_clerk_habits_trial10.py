"""Trial 10's clerk habits (findings 3, 4 and 7), each typed into a fresh form with openpyxl and
saved again by LibreOffice: invisible characters pasted from Word, a header label edited after
unprotecting the sheet, a report date typed without its year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong.config import Campaign
from thanghanhdong.validate import validate_file

INFO, ACTS, MEDIA = "Thông tin chung", "1. Hoạt động", "2. Truyền thông"
GOOD = [["Tọa đàm", 2, 30, 40, "Huyện"], ["Tập huấn", 3, 50, 60, "Xã"]]
FIGURES = [("Tọa đàm", "Huyện", 2, 30, 40), ("Tập huấn", "Xã", 3, 50, 60)]

# name: (activity rows from row 7, cells to type as {sheet: {cell: value}})
CASES: dict[str, tuple[list, dict[str, dict[str, object]]]] = {
    # Pasted from Word: zero-width space, BOM, non-joiner, joiner, word joiner.
    "invisible": (
        [
            ["Tọa đàm\u200b", "2\u2060", "30\u200b", "\ufeff40", "Huyện\u200c"],
            ["Tập huấn\u200d", 3, "5\u200b0", 60, "\u2060Xã"],
        ],
        {},
    ),
    "count_label_bracket": (GOOD, {ACTS: {"C5": "Số cuộc (buổi)"}}),
    "media_label_bracket": (GOOD, {MEDIA: {"C5": "Số lượng (tin, bài)", "B7": "Phát thanh"}}),
    "item_label_bracket": (GOOD, {ACTS: {"B5": "Hoạt động (nội dung)"}}),
    "count_label_unknown": (GOOD, {ACTS: {"C5": "Buổi"}}),
    "level_label_unknown": (GOOD, {ACTS: {"F5": "Phạm vi"}}),
    "date_without_year": (GOOD, {INFO: {"B6": "15/12"}}),
    "date_words_without_year": (GOOD, {INFO: {"B6": "Bắc Kạn, ngày 15 tháng 12"}}),
    "date_without_year_invalid": (GOOD, {INFO: {"B6": "31/02"}}),
}


def _fill(path: Path, rows: list, cells: dict[str, dict[str, object]]) -> None:
    book = openpyxl.load_workbook(path)
    info = book[INFO]
    base = {"B5": "45/BC-UBND", "B6": "20/12/2021", "B7": "Phó Chủ tịch", "B8": "Nguyễn Văn A"}
    base |= {"B11": "Có", "B12": "Có", "B13": 15000000, "B14": 0, "B16": "Có", "B17": "Có"}
    for cell, value in (base | {"B18": "Có"}).items():
        info[cell] = value
    for i, row in enumerate(rows):
        for column, value in zip("BCDEF", row, strict=False):
            book[ACTS][f"{column}{7 + i}"] = value
    for sheet, typed in cells.items():
        book[sheet].protection.sheet = False  # the clerk unprotects the sheet to edit a header
        for cell, value in typed.items():
            book[sheet][cell] = value
    if MEDIA in cells:
        book[MEDIA]["C7"], book[MEDIA]["D7"], book[MEDIA]["E7"] = 4, 100, 120
        book[MEDIA]["F7"] = "Xã"
    book.save(path)


@pytest.fixture(scope="module")
def saved(tmp_path_factory, campaign, stamper) -> dict[str, Path]:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("trial10")
    sources = []
    for name, (rows, cells) in CASES.items():
        path = work / f"{name}.xlsx"
        path.write_bytes(stamper.stamp(campaign.agency("BABE")))
        _fill(path, rows, cells)
        sources.append(path)
    converted = soffice_convert(sources, "xlsx", work / "saved", work / "profile")
    return dict(zip(CASES, converted, strict=True))


def _issues(result) -> set[tuple[str, str | None]]:
    return {(i.code, i.location.cell if i.location else None) for i in result.issues}


def _activities(result) -> list[tuple]:
    rows = result.submission.tables["activities"]
    return [(r.item, r.level, r.count, r.male, r.female) for r in rows]


def test_invisible_characters_pasted_from_word_are_dropped(saved, campaign) -> None:
    result = validate_file(saved["invisible"], campaign)
    assert _issues(result) == set(), [i.message for i in result.issues]
    assert _activities(result) == FIGURES


@pytest.mark.parametrize("name", ["count_label_bracket", "item_label_bracket"])
def test_a_header_label_with_a_bracket_added_is_that_column(name, saved, campaign) -> None:
    result = validate_file(saved[name], campaign)
    assert _issues(result) == set(), [i.message for i in result.issues]
    assert _activities(result) == FIGURES


def test_a_media_count_label_with_its_units_is_that_column(saved, campaign) -> None:
    result = validate_file(saved["media_label_bracket"], campaign)
    assert _issues(result) == set(), [i.message for i in result.issues]
    rows = result.submission.tables["media"]
    assert [(r.item, r.count, r.male, r.female) for r in rows] == [("Phát thanh", 4, 100, 120)]


@pytest.mark.parametrize(
    ("name", "cell", "label"),
    [("count_label_unknown", "C5", "Số cuộc"), ("level_label_unknown", "F5", "Cấp triển khai")],
)
def test_an_unknown_header_label_is_a_missing_column_at_its_cell(
    name, cell, label, saved, campaign
) -> None:
    result = validate_file(saved[name], campaign)
    assert _issues(result) == {("missing_column", cell)}, [i.message for i in result.issues]
    (issue,) = result.issues
    assert issue.location.part == ACTS
    assert f"thiếu cột {label}" in issue.message


@pytest.mark.parametrize("name", ["date_without_year", "date_words_without_year"])
def test_a_date_without_its_year_is_read_in_the_campaign_year(name, saved, campaign) -> None:
    result = validate_file(saved[name], campaign)
    assert _issues(result) == {("date_without_year", "B6")}, [i.message for i in result.issues]
    assert result.submission.report_date == date(2021, 12, 15)
    (issue,) = result.issues
    assert "15/12/2021" in issue.message


def test_a_date_without_year_is_read_only_when_one_is_meant(saved, campaign: Campaign) -> None:
    """Read as that year's date in a campaign within one year; "31/02", or a campaign whose
    deadline is in the next year, stays unread as before."""
    assert validate_file(saved["date_without_year"], campaign).submission.report_date
    for name, where in (("date_without_year_invalid", campaign), ("date_without_year", None)):
        if where is None:
            info = campaign.campaign.model_copy(update={"deadline": date(2022, 1, 5)})
            where = campaign.model_copy(update={"campaign": info})
        result = validate_file(saved[name], where)
        assert _issues(result) == {("invalid_date", "B6")}
        assert result.submission.report_date is None
