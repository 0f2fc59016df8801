"""Counts of agencies in the signed report are numbers like any other: “3.270/3.300”, not
“3270/3300” (trial 2026-12-02f: a ministry consolidating 3,300 communes; the README: “Số viết
theo kiểu Việt Nam: 18.450”)."""

from __future__ import annotations

from thanghanhdong.completeness import AgencyStatus, Completeness, State
from thanghanhdong.config import Agency
from thanghanhdong.report import labels


def status(count: int = 3300) -> Completeness:
    def state(i: int) -> State:
        return State.MISSING if i % 110 == 7 else State.LATE if i % 16 == 5 else State.ON_TIME

    entries = [
        AgencyStatus(Agency(code=f"X{i:05d}", name=f"UBND xã Số {i}"), state(i))
        for i in range(count)
    ]
    return Completeness(count, entries)


def test_status_line_of_phu_luc_ii_groups_thousands() -> None:
    line = labels.status_counts(status())
    assert line == (
        "Số cơ quan, đơn vị, địa phương phải báo cáo: 3.300; đã gửi: 3.270 (đúng hạn: 3.068; "
        "gửi muộn: 202); chưa gửi: 30."
    )


def test_status_sentence_groups_thousands() -> None:
    sentence = labels.status_sentence(status(), "Bộ Nội vụ")
    assert sentence.startswith("Có 3.270/3.300 cơ quan, đơn vị, địa phương gửi báo cáo")
    assert ", trong đó 202 đơn vị gửi muộn (" in sentence
