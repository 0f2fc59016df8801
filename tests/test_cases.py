"""Run every validation case: the exact issues (code, sheet, cell) and the accepted figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from cases import CASES, Case

from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.template import FormStamper


def _totals(report, key: str) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    rows = [row for f in report.files if f.submission for row in f.submission.tables[key]]
    return sum(r.count for r in rows), sum(r.male for r in rows), sum(r.female for r in rows)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case(case: Case, tmp_path: Path, campaign: Campaign, stamper: FormStamper) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    case.build(inbox, campaign, stamper)
    before = {p: p.read_bytes() for p in inbox.rglob("*") if p.is_file()}

    report = validate_inbox(inbox, campaign)

    found = Counter((i.code, i.sheet, i.cell) for f in report.files for i in f.issues)
    assert found == Counter(case.expected)
    for key, expected in case.totals.items():
        assert _totals(report, key) == expected
    assert {p: p.read_bytes() for p in inbox.rglob("*") if p.is_file()} == before, "inbox changed"
    for issue in (i for f in report.files for i in f.issues):
        assert issue.message and "{" not in issue.message
