"""A numbered row whose words are an item of the table's catalogue ("I. Tọa đàm") with its
figures left blank is a row to fill, not a sub-heading to skip: it gets missing_numbers, in an
Excel form (filled by openpyxl) and in a Word answer (python-docx) alike. Real headings ("I. Cấp
huyện", "II. Hoạt động khác") are still skipped without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
import word_reports as reports
from cases import filled, with_activities

from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.sample import SampleRow
from thanghanhdong.template import FormStamper

COUNTED = SampleRow("Hội thảo", 2, 10, 10, "Xã")


def _inboxes(tmp_path: Path, item: str, campaign: Campaign, stamper: FormStamper) -> list[Path]:
    excel, word = tmp_path / "excel", tmp_path / "word"
    excel.mkdir()
    word.mkdir()
    blank = SampleRow(item, None, None, None, None)
    (excel / "babe.xlsx").write_bytes(filled(campaign, stamper, with_activities(blank, COUNTED)))
    rows = [["", item, "", "", "", ""], ["1", "Hội thảo", "2", "10", "10", "Xã"]]
    (word / "So Y te.docx").write_bytes(reports.seed_form((rows, reports.MEDIA, reports.PRODUCTS)))
    return [excel, word]


def _table_one(inbox: Path, campaign: Campaign) -> list[tuple[str, str]]:
    [result] = validate_inbox(inbox, campaign).files
    return [
        (i.code, i.message)
        for i in result.issues
        if i.location is not None
        and i.location.part in ("1. Hoạt động", "bảng thứ 1")
        and i.code != "totals_row"
    ]


@pytest.mark.parametrize("item", ["I. Tọa đàm", "A. Tập huấn", "B. Tọa đàm."])
def test_a_numbered_catalogue_item_with_blank_figures_is_a_row_to_fill(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, item: str
) -> None:
    for inbox in _inboxes(tmp_path, item, campaign, stamper):
        assert _table_one(inbox, campaign) == [
            (
                "missing_numbers",
                f"Dòng “{item}” chưa có số liệu: ghi Số cuộc và số người, hoặc xóa dòng.",
            )
        ], inbox


def test_an_alias_of_a_catalogue_item_is_no_heading_either(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    catalogues = campaign.catalogues.model_copy(
        update={"aliases": {"Tọa đàm": ["Tọa đàm chuyên đề"]}}
    )
    aliased = campaign.model_copy(update={"catalogues": catalogues})
    for inbox in _inboxes(tmp_path, "II. Tọa đàm chuyên đề", aliased, stamper):
        assert [code for code, _ in _table_one(inbox, aliased)] == ["missing_numbers"]


@pytest.mark.parametrize("item", ["I. Cấp huyện", "II. Hoạt động khác"])
def test_a_real_heading_is_still_skipped(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, item: str
) -> None:
    for inbox in _inboxes(tmp_path, item, campaign, stamper):
        assert _table_one(inbox, campaign) == [], inbox
