"""[catalogues.aliases]: the officer's other spellings of an item, merged in the report; names
that only look alike are offered (with the line to add), never merged on a guess."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from thanghanhdong import config
from thanghanhdong.consolidate import Consolidation, consolidate
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.report import officer

INBOX = Path(__file__).parents[1] / "examples" / "inbox"
ALIASES = (
    '\n[catalogues.aliases]\n"Thi sân khấu hóa" = ["Sân khấu hóa"]\n'
    '"Trang thông tin điện tử" = ["Cổng thông tin điện tử tỉnh"]\n'
)


def _with_aliases(block: str) -> config.Campaign:
    text = config.default_config_text()
    anchor = "\n# Tên khác của cùng một nội dung"
    return config.parse(text.replace(anchor, block + anchor, 1), "thd.toml")


def _consolidated(campaign: config.Campaign) -> Consolidation:
    report = validate_inbox(INBOX, campaign)
    submissions = [r.submission for r in report.files if r.submission is not None]
    return consolidate(campaign, submissions, report.completeness, report_date=date(2021, 12, 22))


def _items(c: Consolidation, key: str) -> list[str]:
    return [row.item for row in c.tables[key].rows]


def test_without_aliases_near_names_stay_apart_and_are_offered() -> None:
    c = _consolidated(config.load(None))
    assert "Sân khấu hóa" in _items(c, "activities")
    found = {(s.name, s.like) for s in officer.name_suggestions(c)}
    assert ("Sân khấu hóa", "Thi sân khấu hóa") in found
    assert ("Cổng thông tin điện tử tỉnh", "Trang thông tin điện tử") in found


def test_the_offered_line_merges_when_the_officer_adds_it() -> None:
    plain = _consolidated(config.load(None))
    lines = "".join(f"{s.alias_line}\n" for s in officer.name_suggestions(plain))
    merged = _consolidated(_with_aliases("\n[catalogues.aliases]\n" + lines))
    assert "Sân khấu hóa" not in _items(merged, "activities")
    assert "Cổng thông tin điện tử tỉnh" not in _items(merged, "media")
    assert not officer.name_suggestions(merged)
    for key, table in plain.tables.items():
        assert merged.tables[key].total == table.total  # merged, nothing lost


def test_aliases_are_loose_and_counted_under_the_catalogue_item() -> None:
    merged = _consolidated(_with_aliases(ALIASES))
    rows = [r for r in merged.tables["activities"].rows if r.item == "Thi sân khấu hóa"]
    assert rows and all(r.matched for r in rows)


def test_one_spelling_for_two_items_is_a_config_error() -> None:
    block = '\n[catalogues.aliases]\n"Tọa đàm" = ["Hội thảo nhỏ"]\n"Hội thảo" = ["hội thảo NHỎ"]\n'
    with pytest.raises(config.ConfigError, match="mỗi tên chỉ gộp vào một nội dung"):
        _with_aliases(block)
