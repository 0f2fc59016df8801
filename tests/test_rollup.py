"""Roll-up: a lower level's data file is that body's answer. A chain commune -> district ->
province -> ministry keeps every total and every level's total (conservation through the
levels); an agency both direct and inside a roll-up is an error naming both."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from helpers import consolidate as consolidate_submissions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thanghanhdong import datafile, form
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import Consolidation, consolidate
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.model import Location, Row, Submission

DAY = date(2021, 12, 18)
LEVELS = ["Tỉnh", "Huyện", "Xã"]


def level_campaign(base: Campaign, parent: str, children: list[str], prefix: str) -> Campaign:
    """A campaign whose issuer is `parent` and whose roster is `children`."""
    data = base.model_dump(mode="json")
    data["campaign"]["id"] = f"{prefix}-2021"
    data["issuer"]["parent"] = parent.upper()
    data["agencies"] = [
        {"code": f"{prefix.upper()}{i}", "name": name, "group": "district"}
        for i, name in enumerate(children)
    ]
    return Campaign.model_validate(data)


def commune_submission(
    code: str, name: str, figures: list[tuple[int, int, int, int]]
) -> Submission:
    tables: dict[str, list[Row]] = {spec.key: [] for spec in form.TABLES}
    for index, (table, count, male, female) in enumerate(figures):
        spec = form.TABLES[table % len(form.TABLES)]
        item = ["Tập huấn", "Phát thanh", "Tờ rơi", "Nội dung riêng"][index % 4]
        tables[spec.key].append(
            Row(
                item,
                LEVELS[index % 3],
                {"count": count, "male": male, "female": female},
                Location(spec.sheet, 6 + index, 0),
            )
        )
    return Submission(Path(f"inbox/{code}.xlsx"), code, name, report_date=DAY, tables=tables)


def write_data(c: Consolidation, directory: Path, name: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.json"
    path.write_bytes(datafile.encode(c))
    return path


def upper(campaign: Campaign, inbox: Path) -> Consolidation:
    report = validate_inbox(inbox, campaign, workers=1)
    assert not report.has_errors, [i.message for f in report.files for i in f.issues]
    subs = [r.submission for r in report.files if r.submission is not None]
    return consolidate(campaign, subs, report.completeness, report_date=DAY)


def sums(c: Consolidation) -> dict[str, Any]:
    return {
        key: (
            dict(t.total),
            {lv.level: dict(lv.figures) for lv in t.levels if any(lv.figures.values())},
        )
        for key, t in c.tables.items()
    }


figures = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 50), st.integers(0, 500), st.integers(0, 500)),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.lists(st.lists(figures, min_size=1, max_size=3), min_size=1, max_size=3),
        min_size=2,
        max_size=2,
    )
)
def test_chain_commune_district_province_ministry(
    campaign: Campaign, tmp_path_factory, data
) -> None:
    root = tmp_path_factory.mktemp("chain")
    ministry_inbox, expected_all = root / "bo", []
    provinces = ["UBND tỉnh Alpha", "UBND tỉnh Beta"]
    for p_index, province_name in enumerate(provinces):
        province_inbox = root / f"tinh{p_index}"
        districts = [f"UBND huyện H{p_index}{d}" for d in range(len(data[p_index]))]
        for d_index, communes in enumerate(data[p_index]):
            names = [f"UBND xã X{p_index}{d_index}{k}" for k in range(len(communes))]
            district = level_campaign(campaign, districts[d_index], names, f"h{p_index}{d_index}")
            subs = [
                commune_submission(a.code, a.name, communes[k])
                for k, a in enumerate(district.agencies)
            ]
            made = consolidate_submissions(district, subs, report_date=DAY)
            expected_all.append(made)
            back = Consolidation.from_json(json.loads(datafile.encode(made)))
            assert sums(back) == sums(made)
            write_data(made, province_inbox, f"huyen{d_index}")
        province = level_campaign(campaign, province_name, districts, f"t{p_index}")
        made_province = upper(province, province_inbox)
        assert sums(made_province) == _summed(expected_all[-len(districts) :])
        write_data(made_province, ministry_inbox, f"tinh{p_index}")
    ministry = level_campaign(campaign, "Bộ Nội vụ", provinces, "bo")
    assert sums(upper(ministry, ministry_inbox)) == _summed(expected_all)


def _summed(parts: list[Consolidation]) -> dict[str, Any]:
    total: dict[str, Any] = {}
    for part in parts:
        for key, (figures, levels) in sums(part).items():
            t, lv = total.setdefault(key, ({}, {}))
            for k, v in figures.items():
                t[k] = t.get(k, 0) + v
            for level, f in levels.items():
                slot = lv.setdefault(level, {})
                for k, v in f.items():
                    slot[k] = slot.get(k, 0) + v
    for key in (spec.key for spec in form.TABLES):
        total.setdefault(key, ({k: 0 for k in form.table(key).number_keys}, {}))
    return total


def test_agency_direct_and_inside_a_rollup_is_an_error_naming_both(
    campaign: Campaign, tmp_path: Path
) -> None:
    district = level_campaign(campaign, "UBND huyện Ba Bể", ["UBND xã Một", "UBND xã Hai"], "bb")
    subs = [commune_submission(a.code, a.name, [(0, 2, 10, 12)]) for a in district.agencies]
    inbox = tmp_path / "inbox"
    write_data(consolidate_submissions(district, subs, report_date=DAY), inbox, "babe")
    # The province's roster holds the district and, by mistake, one of its communes too.
    province = level_campaign(
        campaign, "UBND tỉnh Bắc Kạn", ["UBND huyện Ba Bể", "UBND xã Một"], "bk"
    )
    direct = consolidate_submissions(
        level_campaign(campaign, "UBND xã Một", ["UBND xã Một"], "x1"), subs[:1], report_date=DAY
    )
    write_data(direct, inbox, "xa-mot")
    report = validate_inbox(inbox, province, workers=1)
    overlap = [i for f in report.files for i in f.issues if i.code == "rollup_overlap"]
    assert len(overlap) == 1
    assert "babe.json" in overlap[0].message and "xa-mot.json" in overlap[0].message


def test_rollup_status_goes_to_the_notes(campaign: Campaign, tmp_path: Path) -> None:
    from thanghanhdong.readers import rollup

    district = level_campaign(campaign, "UBND huyện Ba Bể", ["UBND xã Một", "UBND xã Hai"], "bb")
    subs = [commune_submission(district.agencies[0].code, "UBND xã Một", [(0, 2, 10, 12)])]
    inbox = tmp_path / "inbox"
    write_data(consolidate_submissions(district, subs, report_date=DAY), inbox, "babe")
    province = level_campaign(campaign, "UBND tỉnh Bắc Kạn", ["UBND huyện Ba Bể"], "bk")
    report = validate_inbox(inbox, province, workers=1)
    assert report.files[0].ok
    assert rollup.notes(report) == {"BK0": "Tổng hợp từ báo cáo của 1/2 đơn vị cấp dưới"}


def test_a_json_that_is_not_a_data_file_is_a_file_problem(
    campaign: Campaign, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "x.json").write_text('{"a": 1}')
    (inbox / "y.json").write_text("{not json")
    report = validate_inbox(inbox, campaign, workers=1)
    assert [f.issues[0].code for f in report.files] == ["rollup_unreadable"] * 2


def test_the_province_report_carries_the_district_status(
    campaign: Campaign, tmp_path: Path
) -> None:
    from docx import Document

    from thanghanhdong.pipeline import ConsolidateRequest, build_reports

    district = level_campaign(campaign, "UBND huyện Ba Bể", ["UBND xã Một", "UBND xã Hai"], "bb")
    subs = [commune_submission(district.agencies[0].code, "UBND xã Một", [(0, 2, 10, 12)])]
    inbox = tmp_path / "inbox"
    write_data(consolidate_submissions(district, subs, report_date=DAY), inbox, "babe")
    report = validate_inbox(inbox, campaign, workers=1)
    request = ConsolidateRequest(inbox, tmp_path / "bc.docx", report_date=DAY)
    built = build_reports(report, request)
    assert built.error is None
    (tmp_path / "bc.docx").write_bytes(built.outputs[request.out])
    cells = [
        c.text for t in Document(str(tmp_path / "bc.docx")).tables for r in t.rows for c in r.cells
    ]
    assert "Tổng hợp từ báo cáo của 1/2 đơn vị cấp dưới" in cells
    rows = built.consolidation.tables["activities"].rows  # type: ignore[union-attr]
    assert [(r.item, r.level, r.agencies) for r in rows] == [("Tập huấn", "Tỉnh", ("BABE",))]


def test_hostile_or_edited_data_files_are_file_problems(campaign: Campaign, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    head = '{"format": "thd-consolidation", "version": 1, '
    (inbox / "edited.json").write_text(head + '"issuer": "x", "tables": [1]}')
    (inbox / "rows.json").write_text(
        head + '"tables": {"activities": {"rows": [1, {"item": []}]}}}'
    )
    report = validate_inbox(inbox, campaign, workers=1)
    assert all(not f.ok for f in report.files) and len(report.files) == 3


def test_a_column_no_commune_gave_stays_blank_at_the_level_above(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Trial 2026-12-01e: the communes left Nam/Nữ blank for their loudspeaker broadcasts; the
    district printed "—", the province 0 (the data file had 0 and no word of the blank)."""
    from docx import Document

    from thanghanhdong.report.docx import render_docx
    from thanghanhdong.report.labels import NOT_GIVEN

    district = level_campaign(campaign, "UBND huyện Ba Bể", ["UBND xã Nam Mẫu"], "bb")
    spec = form.table("media")
    row = Row("Phát thanh", "Xã", {"count": 68, "male": 0, "female": 0}, Location(spec.sheet, 6, 0),
              blank=("male", "female"))  # fmt: skip
    commune = Submission(Path("inbox/nm.xlsx"), "BB0", "UBND xã Nam Mẫu", report_date=DAY,
                         tables={spec.key: [row]})  # fmt: skip
    made = consolidate_submissions(district, [commune], report_date=DAY)
    written = json.loads(datafile.encode(made))
    assert written["tables"]["media"]["rows"][0]["blank"] == ["male", "female"]
    assert written["tables"]["media"]["total"]["blank"] == ["male", "female"]
    province = level_campaign(campaign, "UBND tỉnh Bắc Kạn", ["UBND huyện Ba Bể"], "bk")
    write_data(made, tmp_path / "inbox", "ba-be")
    top = upper(province, tmp_path / "inbox")
    table = top.tables["media"]
    assert table.total.count == 68 and table.gaps.state("male", "female") == "missing"
    document = Document(io.BytesIO(render_docx(top)))
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    broadcast = next(r for r in rows if "Phát thanh" in r)
    assert broadcast[2:5] == ["68", NOT_GIVEN, NOT_GIVEN], broadcast


def test_a_column_only_some_communes_gave_stays_incomplete_at_the_level_above(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A figure only some rows gave is "1.234*" in the district's report (a lower bound); one
    level up it was printed as a whole figure, the mark lost."""
    from docx import Document

    from thanghanhdong.report.docx import render_docx
    from thanghanhdong.report.labels import INCOMPLETE

    names = ["UBND xã Nam Mẫu", "UBND xã Khang Ninh"]
    district = level_campaign(campaign, "UBND huyện Ba Bể", names, "bb")
    spec = form.table("media")
    where = Location(spec.sheet, 6, 0)
    given = Row("Phát thanh", "Xã", {"count": 10, "male": 40, "female": 60}, where)
    left = Row("Phát thanh", "Xã", {"count": 5, "male": 0, "female": 0}, where,
               blank=("male", "female"))  # fmt: skip
    communes = [
        Submission(
            Path(f"inbox/{i}.xlsx"), f"BB{i}", name, report_date=DAY, tables={spec.key: [row]}
        )
        for i, (name, row) in enumerate(zip(names, (given, left), strict=True))
    ]
    made = consolidate_submissions(district, communes, report_date=DAY)
    written = json.loads(datafile.encode(made))
    assert written["tables"]["media"]["rows"][0]["partial"] == ["male", "female"]
    province = level_campaign(campaign, "UBND tỉnh Bắc Kạn", ["UBND huyện Ba Bể"], "bk")
    write_data(made, tmp_path / "inbox", "ba-be")
    top = upper(province, tmp_path / "inbox")
    assert top.tables["media"].gaps.state("male", "female") == "partial"
    document = Document(io.BytesIO(render_docx(top)))
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    broadcast = next(r for r in rows if "Phát thanh" in r)
    assert broadcast[2:5] == ["15", f"40{INCOMPLETE}", f"60{INCOMPLETE}"], broadcast
