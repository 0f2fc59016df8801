"""The output side alone: render_docx and render_xlsx for a synthetic consolidation of N agencies
(made in memory, no files read), in this process. Shows whether either grows faster than the
roster.

    .venv/bin/python benchmarks/outputs.py [N ...]     (default 1000 3000)

Prints figures; asserts nothing.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from thanghanhdong import completeness, config, form
from thanghanhdong.config import Agency
from thanghanhdong.consolidate import Consolidation, consolidate
from thanghanhdong.model import FileResult, Location, Row, Submission
from thanghanhdong.report.docx import render_docx
from thanghanhdong.report.xlsx import render_xlsx

NARRATIVE = "Ban hành kế hoạch, tổ chức tuyên truyền tại cơ sở.\nPhối hợp với Hội Phụ nữ xã."


def _rows(key: str, index: int) -> list[Row]:
    sheet = form.table(key).sheet
    return [
        Row(
            f"Nội dung {n}",
            ("Tỉnh", "Xã")[n % 2],
            {"count": 2 + index % 3, "male": 30 + n, "female": 45 + n},
            Location(sheet, 6 + n, 0),
        )
        for n in range(6)
    ]


def synthetic_consolidation(count: int) -> Consolidation:
    agencies = [Agency(code=f"DV{i:05d}", name=f"UBND xã Thượng Ân số {i}") for i in range(count)]
    campaign = config.load(None).model_copy(update={"agencies": agencies})
    submissions = [
        Submission(
            path=Path(f"inbox/{agency.code}.xlsx"),
            agency_code=agency.code,
            agency_name=agency.name,
            report_date=date(2021, 12, 17),
            budget_state=1_000_000 * (index % 7),
            narratives={"direction": NARRATIVE, "results": NARRATIVE},
            tables={key: _rows(key, index) for key in form.TABLE_KEYS},
        )
        for index, agency in enumerate(agencies[: count - count // 20])
    ]
    results = [FileResult(s.path, s.agency_code, s.agency_name, [], s) for s in submissions]
    status = completeness.compute(campaign, results)
    return consolidate(campaign, submissions, status, report_date=date(2022, 1, 5))


def timed(function: object, *arguments: object) -> float:
    start = time.perf_counter()
    function(*arguments)  # type: ignore[operator]
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    print("agencies   docx s   docx ms/agency   xlsx s   xlsx ms/agency")
    for count in sizes:
        consolidation = synthetic_consolidation(count)
        docx_s = timed(render_docx, consolidation)
        xlsx_s = timed(render_xlsx, consolidation)
        print(
            f"{count:>8}   {docx_s:6.2f}   {docx_s * 1000 / count:14.2f}"
            f"   {xlsx_s:6.2f}   {xlsx_s * 1000 / count:14.2f}"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 3000])
