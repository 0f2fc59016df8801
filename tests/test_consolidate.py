"""Consolidation: grouping, loose matching, unmatched rows, totals, status, and conservation
(the sums in the Consolidation, in to_json() and in the rendered Word tables all equal the sums
of the input rows)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import docx
from helpers import Excluded, consolidate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thanghanhdong import form
from thanghanhdong.completeness import State
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import Figures
from thanghanhdong.model import Location, Row, Submission
from thanghanhdong.report import numbers
from thanghanhdong.report.docx import TOTAL_LABEL, render_docx
from thanghanhdong.text import fold, loose_key

REPORT_DAY = date(2021, 12, 24)


def row(
    item: str, level: str, count: int, male: int, female: int, table: str = "activities"
) -> Row:
    figures = {"count": count, "male": male, "female": female}
    return Row(item, level, figures, Location(form.table(table).sheet, 6, 0))


def submission(code: str, name: str = "", *, late: bool = False, **tables: list[Row]) -> Submission:
    return Submission(
        path=Path(f"inbox/{code.lower()}.xlsx"),
        agency_code=code,
        agency_name=name or code,
        report_date=date(2021, 12, 22 if late else 17),
        late=late,
        tables=dict(tables),
    )


# ------------------------------------------------------------------------------ grouping


def test_same_item_and_level_from_two_agencies_make_one_row(campaign: Campaign) -> None:
    result = consolidate(
        campaign,
        [
            submission("BABE", activities=[row("Tập huấn", "Huyện", 2, 40, 65)]),
            submission("NARI", activities=[row("Tập huấn", "Huyện", 1, 10, 20)]),
        ],
        report_date=REPORT_DAY,
    )
    rows = result.table("activities").rows
    assert [(r.item, r.level, r.figures) for r in rows] == [
        ("Tập huấn", "Huyện", Figures(count=3, male=50, female=85))
    ]
    assert rows[0].agencies == ("BABE", "NARI")


def test_names_match_the_catalogue_loosely_and_take_its_spelling(campaign: Campaign) -> None:
    spellings = ["tập  huấn", "TẬP HUẤN", "Tap huan", " Tập huấn "]
    result = consolidate(
        campaign,
        [submission("BABE", activities=[row(s, "huyện", 1, 1, 1) for s in spellings])],
        report_date=REPORT_DAY,
    )
    rows = result.table("activities").rows
    assert len(rows) == 1
    assert (rows[0].item, rows[0].level, rows[0].matched) == ("Tập huấn", "Huyện", True)
    assert rows[0].figures == Figures(count=4, male=4, female=4)


def test_unmatched_names_keep_their_own_rows_after_the_catalogue(campaign: Campaign) -> None:
    result = consolidate(
        campaign,
        [
            submission(
                "BABE",
                activities=[
                    row("Chạy bộ vì phụ nữ", "Xã", 1, 10, 10),
                    row("Tập huấn", "Xã", 1, 1, 1),
                    row("Diễn đàn", "Tỉnh", 1, 1, 1),
                ],
            ),
            submission("NARI", activities=[row("chạy  bộ vì PHỤ NỮ", "Xã", 2, 5, 5)]),
        ],
        report_date=REPORT_DAY,
    )
    rows = result.table("activities").rows
    assert [(r.item, r.matched) for r in rows] == [
        ("Diễn đàn", True),
        ("Tập huấn", True),
        ("Chạy bộ vì phụ nữ", False),  # first spelling (roster order) wins
    ]
    assert rows[2].figures == Figures(count=3, male=15, female=15)


def test_levels_follow_the_campaign_order_within_an_item(campaign: Campaign) -> None:
    levels = campaign.catalogues.levels
    result = consolidate(
        campaign,
        [
            submission(
                "BABE",
                media=[row("Phát thanh", level, 1, 1, 1, "media") for level in reversed(levels)],
            )
        ],
        report_date=REPORT_DAY,
    )
    assert [r.level for r in result.table("media").rows] == levels


def test_first_spelling_is_decided_by_roster_order_not_file_order(campaign: Campaign) -> None:
    # BABE comes after SLDTBXH in the roster, so SLDTBXH's spelling wins whatever the order.
    first = submission("BABE", activities=[row("Đi bộ đồng hành", "Xã", 1, 1, 1)])
    second = submission("SLDTBXH", activities=[row("ĐI BỘ ĐỒNG HÀNH", "Tỉnh", 1, 1, 1)])
    for order in ([first, second], [second, first]):
        result = consolidate(campaign, order, report_date=REPORT_DAY)
        assert {r.item for r in result.table("activities").rows} == {"ĐI BỘ ĐỒNG HÀNH"}


def test_unknown_level_keeps_its_own_group(campaign: Campaign) -> None:
    result = consolidate(
        campaign,
        [submission("BABE", products=[row("Tờ rơi", "Thôn", 100, 0, 0, "products")])],
        report_date=REPORT_DAY,
    )
    table = result.table("products")
    assert [(r.item, r.level) for r in table.rows] == [("Tờ rơi", "Thôn")]
    assert [lv.level for lv in table.levels] == [*campaign.catalogues.levels, "Thôn"]
    assert table.total.count == 100


# ------------------------------------------------------------------------------ totals


def test_totals_per_table_level_and_agency(campaign: Campaign) -> None:
    result = consolidate(
        campaign,
        [
            submission(
                "BABE",
                activities=[row("Tập huấn", "Huyện", 2, 40, 60), row("Hội thảo", "Xã", 1, 10, 30)],
            ),
            submission("NARI", activities=[row("Tập huấn", "Xã", 3, 50, 50)]),
        ],
        report_date=REPORT_DAY,
    )
    table = result.table("activities")
    assert table.total == Figures(count=6, male=100, female=140)
    assert table.total.total == 240
    assert table.total.female_share == 140 / 240 * 100
    by_level = {lv.level: lv.figures for lv in table.levels}
    assert by_level == {
        "Tỉnh": Figures(),
        "Huyện": Figures(count=2, male=40, female=60),
        "Xã": Figures(count=4, male=60, female=80),
    }
    agencies = {a.code: a.tables["activities"] for a in result.agencies}
    assert agencies == {
        "BABE": Figures(count=3, male=50, female=90),
        "NARI": Figures(count=3, male=50, female=50),
    }
    assert Figures().female_share is None


def test_budget_is_summed(campaign: Campaign) -> None:
    first, second = submission("BABE"), submission("NARI")
    first.budget_state, first.budget_mobilized = 15_000_000, 2_500_000
    second.budget_state, second.budget_mobilized = 1_000_000, 0
    result = consolidate(campaign, [first, second], report_date=REPORT_DAY)
    assert (result.budget.state, result.budget.mobilized) == (16_000_000, 2_500_000)


# ------------------------------------------------------------------------------ status


def test_status_counts_on_time_late_missing_and_excluded(campaign: Campaign) -> None:
    excluded = [
        Excluded(Path("inbox/stp.xlsx"), "STP", "Sở Tư pháp"),
        Excluded(Path("inbox/la.xlsx"), None, None),
    ]
    result = consolidate(
        campaign,
        [submission("BABE"), submission("SYT", late=True)],
        excluded,
        report_date=REPORT_DAY,
    )
    status = result.status
    # The issuing Sở (SLDTBXH) writes the report: it is never "chưa gửi" to itself.
    assert status.expected == len(campaign.agencies) - 1
    assert status.with_state(State.AUTHOR)[0].code == "SLDTBXH"
    assert len(status.answered) == 3 and len(status.usable) == 2
    assert [e.code for e in status.with_state(State.ON_TIME)] == ["BABE"]
    assert [e.code for e in status.with_state(State.LATE)] == ["SYT"]
    assert [(e.code, e.reason) for e in status.unusable] == [("STP", "Số âm “-3”.")]
    missing = {e.code for e in status.missing}
    assert missing == {a.code for a in campaign.agencies} - {"BABE", "SYT", "STP", "SLDTBXH"}
    # one entry per roster agency; the file of no agency is listed apart
    assert len(status.entries) == len(campaign.agencies)
    assert status.unrecognised == [Path("inbox/la.xlsx")]


def test_a_submission_without_report_date_is_neither_on_time_nor_late(
    campaign: Campaign,
) -> None:
    undated = submission("NARI")
    undated.report_date = None  # not written, or not readable as a date
    result = consolidate(campaign, [submission("BABE"), undated], report_date=REPORT_DAY)
    status = result.status
    assert [e.code for e in status.with_state(State.ON_TIME)] == ["BABE"]
    assert status.with_state(State.LATE) == []
    assert [e.code for e in status.with_state(State.UNDATED)] == ["NARI"]
    assert len(status.usable) == 2  # received and consolidated all the same
    assert "NARI" not in {e.code for e in status.missing}
    assert result.to_json()["status"]["undated"] == 1


def test_excluded_file_is_recognised_by_agency_name(campaign: Campaign) -> None:
    # A form of another campaign: no usable code, but the name is on the roster.
    excluded = [Excluded(Path("inbox/ngan son.xlsx"), None, "UBND huyện Ngân Sơn")]
    result = consolidate(campaign, [], excluded, report_date=REPORT_DAY)
    (entry,) = result.status.unusable
    assert (entry.code, entry.name) == ("NGANSON", "UBND huyện Ngân Sơn")
    assert "NGANSON" not in {e.code for e in result.status.missing}
    assert len(result.status.entries) == len(campaign.agencies)


def test_narratives_in_roster_order_without_empty_ones(campaign: Campaign) -> None:
    babe, sldtbxh, nari = submission("BABE"), submission("SLDTBXH"), submission("NARI")
    babe.narratives = {"direction": "Ban hành kế hoạch số 12/KH-UBND."}
    sldtbxh.narratives = {"direction": "Tham mưu UBND tỉnh ban hành kế hoạch.", "results": " "}
    nari.narratives = {"direction": "   "}
    result = consolidate(campaign, [babe, nari, sldtbxh], report_date=REPORT_DAY)
    assert result.narratives["direction"] == [
        ("Sở Lao động - Thương binh và Xã hội", "Tham mưu UBND tỉnh ban hành kế hoạch."),
        ("UBND huyện Ba Bể", "Ban hành kế hoạch số 12/KH-UBND."),
    ]
    assert result.narratives["results"] == []
    assert set(result.narratives) == set(form.NARRATIVE_KEYS)


def test_to_json_has_the_design_shape(campaign: Campaign) -> None:
    excluded = [Excluded(Path("inbox/stp.xlsx"), "STP", "Sở Tư pháp")]
    result = consolidate(
        campaign,
        [submission("BABE", activities=[row("Tập huấn", "Huyện", 2, 40, 65)])],
        excluded,
        report_date=REPORT_DAY,
    )
    document = json.loads(json.dumps(result.to_json()))
    assert {"totals", "budget", "included", "excluded"} <= set(document)
    assert set(document["totals"]) == set(form.TABLE_KEYS)
    for totals in document["totals"].values():
        assert set(totals) == {"count", "male", "female"}
    assert document["totals"]["activities"] == {"count": 2, "male": 40, "female": 65}
    assert set(document["budget"]) == {"state", "mobilized"}
    assert document["included"] == [str(Path("inbox/babe.xlsx"))]
    assert document["excluded"] == [str(Path("inbox/stp.xlsx"))]
    assert document["status"]["late"] == 0


# ------------------------------------------------------------------------------ conservation


def _variants(name: str) -> list[str]:
    """Spellings an agency might type for a catalogue name: all must match it loosely."""
    return [name, name.upper(), name.lower(), fold(name), f"  {name.replace(' ', '  ')} "]


def _rows(campaign: Campaign, table: str) -> st.SearchStrategy[list[Row]]:
    known = [v for name in campaign.catalogues.items(table) for v in _variants(name)]
    free = st.text(alphabet="abcđêơưàảãạáăằ &<>\"'=+-@ĐÂ", min_size=1, max_size=20).filter(
        lambda s: s.strip()
    )
    items = st.one_of(st.sampled_from(known), free)
    levels = st.sampled_from([v for lv in campaign.catalogues.levels for v in _variants(lv)])
    people = st.integers(0, 1_000_000)
    return st.lists(
        st.builds(row, items, levels, st.integers(0, 100_000), people, people, st.just(table)),
        max_size=8,
    )


@st.composite
def submissions(draw: st.DrawFn, campaign: Campaign) -> list[Submission]:
    agencies = draw(st.lists(st.sampled_from(campaign.agencies), unique_by=lambda a: a.code))
    result = []
    for agency in agencies:
        s = submission(
            agency.code,
            agency.name,
            late=draw(st.booleans()),
            **{t: draw(_rows(campaign, t)) for t in form.TABLE_KEYS},
        )
        s.budget_state = draw(st.integers(0, 10**10))
        s.budget_mobilized = draw(st.integers(0, 10**10))
        result.append(s)
    return result


def _expected(subs: list[Submission], table: str) -> Figures:
    rows = [r for s in subs for r in s.tables.get(table, [])]
    return Figures.of(form.table(table), rows)


def _docx_tables(content: bytes) -> dict[str, tuple[Figures, Figures]]:
    """For each body table: (sum of its data rows, its "Tổng cộng" row), parsed back."""
    document = docx.Document(io.BytesIO(content))
    found: dict[str, tuple[Figures, Figures]] = {}
    for spec in form.TABLES:
        for table in document.tables:
            header = [c.text for c in table.rows[0].cells]
            if header[:2] != [form.STT_LABEL, spec.item_label] or len(header) != 6:
                continue
            data, total = Figures(), None
            for tr in table.rows[2:]:
                cells = [c.text for c in tr.cells]
                values = (numbers.parse_integer(v) for v in cells[2:5])
                figures = Figures(dict(zip(("count", "male", "female"), values, strict=True)))
                if cells[1] == TOTAL_LABEL:
                    total = figures
                else:
                    data = data + figures
            assert total is not None
            found[spec.key] = (data, total)
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_conservation_in_consolidation_and_json(campaign: Campaign, data: st.DataObject) -> None:
    subs = data.draw(submissions(campaign))
    result = consolidate(campaign, subs, report_date=REPORT_DAY)
    document = result.to_json()
    for key in form.TABLE_KEYS:
        expected = _expected(subs, key)
        table = result.table(key)
        assert table.total == expected
        assert sum((r.figures for r in table.rows), Figures()) == expected
        assert sum((lv.figures for lv in table.levels), Figures()) == expected
        assert sum((a.tables[key] for a in result.agencies), Figures()) == expected
        assert document["totals"][key] == {
            "count": expected.count,
            "male": expected.male,
            "female": expected.female,
        }
        # one row per (item, level) after loose matching
        keys = [(loose_key(r.item) or r.item, r.level) for r in table.rows]
        assert len(keys) == len(set(keys))
        catalogue = set(campaign.catalogues.items(key))
        assert all(r.item in catalogue for r in table.rows if r.matched)
    assert document["budget"] == {
        "state": sum(s.budget_state for s in subs),
        "mobilized": sum(s.budget_mobilized for s in subs),
        **({} if subs else {"reported": False}),  # no answer: no budget reported
    }
    assert len(document["included"]) == len(subs)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_conservation_in_the_word_tables(campaign: Campaign, data: st.DataObject) -> None:
    subs = data.draw(submissions(campaign))
    result = consolidate(campaign, subs, report_date=REPORT_DAY)
    tables = _docx_tables(render_docx(result))
    assert set(tables) == set(form.TABLE_KEYS)
    for key, (rows_sum, total_row) in tables.items():
        expected = _expected(subs, key)
        assert rows_sum == expected
        assert total_row == expected
