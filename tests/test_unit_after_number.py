"""A figure typed with its column's unit ("30 người", "2 buổi", "12 tin") is read, with a
warning at its cell, in a Word report as in the Excel form (tests/test_clerk_habits.py has the
form, filled with LibreOffice). Another column's unit and other words stay not a number."""

from __future__ import annotations

from pathlib import Path

import word_reports as reports

from thanghanhdong import config
from thanghanhdong.validate import validate_file


def _word(tmp_path: Path, activities: list[list[str]], media: list[list[str]]) -> Path:
    path = tmp_path / "bc_syt.docx"
    path.write_bytes(reports.seed_form(tables=(activities, media, reports.PRODUCTS)))
    return path


def test_units_in_a_word_report_are_read_with_a_warning(tmp_path: Path) -> None:
    activities = [
        ["1", "Tập huấn", "3 lớp", "60 người", "90 người", "Huyện"],
        ["2", "Diễn đàn", "2 buổi", "45 lượt", "120", "Xã"],
    ]
    media = [["1", "Phát thanh", "12 tin", "", "", "Tỉnh"]]
    result = validate_file(_word(tmp_path, activities, media), config.load(None))
    assert result.submission is not None, result.issues
    figures = {
        (spec, row.item): dict(row.figures)
        for spec, rows in result.submission.tables.items()
        for row in rows
    }
    assert figures[("activities", "Tập huấn")] == {"count": 3, "male": 60, "female": 90}
    assert figures[("activities", "Diễn đàn")] == {"count": 2, "male": 45, "female": 120}
    assert figures[("media", "Phát thanh")]["count"] == 12
    warned = [i for i in result.issues if i.code == "unit_number"]
    assert len(warned) == 6
    assert any("“60 người” có ghi kèm đơn vị; đã hiểu là 60" in i.message for i in warned)
    assert result.ok


def test_words_that_are_no_unit_of_the_column_stay_errors(tmp_path: Path) -> None:
    activities = [
        ["1", "Tập huấn", "60 người", "60", "90", "Huyện"],  # people typed in Số cuộc
        ["2", "Diễn đàn", "2", "khoảng 45", "120", "Xã"],
        ["3", "Tọa đàm", "1", "12 nữ", "12", "Xã"],  # women's number in the men's column
    ]
    result = validate_file(_word(tmp_path, activities, reports.MEDIA), config.load(None))
    codes = [i.code for i in result.issues if i.code in ("not_a_number", "unit_number")]
    assert codes == ["not_a_number"] * 3
    assert not result.ok
