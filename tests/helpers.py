"""Building a Consolidation from hand-made submissions, as the pipeline does from files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from thanghanhdong import completeness
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import Consolidation
from thanghanhdong.consolidate import consolidate as _consolidate
from thanghanhdong.model import FileResult, Issue, Severity, Submission


class Excluded(NamedTuple):
    """A file that was checked and cannot be used: an error with this code."""

    path: Path
    agency_code: str | None
    agency_name: str | None
    code: str = "negative_number"


def consolidate(
    campaign: Campaign,
    submissions: Sequence[Submission],
    excluded: Sequence[Excluded] = (),
    *,
    report_date: date,
) -> Consolidation:
    results = [FileResult(s.path, s.agency_code, s.agency_name, [], s) for s in submissions]
    results += [
        FileResult(
            e.path,
            e.agency_code,
            e.agency_name,
            [Issue(e.code, Severity.ERROR, "Số âm “-3”: gõ số không âm.")],
        )
        for e in excluded
    ]
    status = completeness.compute(campaign, results)
    return _consolidate(campaign, submissions, status, report_date=report_date)
