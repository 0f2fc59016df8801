"""Print what thd reads from each file given: issues, activities, media, products, date, budget.

.venv/bin/python docs/trials/2026-12-02e/inputs/probe.py FILE...
"""

import sys
import time
from pathlib import Path

from thanghanhdong import config
from thanghanhdong.validate import validate_file

campaign = config.load(None)
for name in sys.argv[1:]:
    t = time.perf_counter()
    result = validate_file(Path(name), campaign)
    took = time.perf_counter() - t
    print(f"== {Path(name).name}  ({took:.2f}s) agency={result.agency_code}")
    for issue in result.issues:
        where = issue.location.cell if issue.location else ""
        print(f"  {issue.severity.name[0]} {issue.code} {where}: {issue.message}")
    sub = result.submission
    if sub is None:
        continue
    print(f"  date={sub.report_date} budget={sub.budget_state}/{sub.budget_mobilized}")
    for key, rows in sub.tables.items():
        for r in rows:
            print(f"  {key}: {r.item} | {r.level} | {r.count} {r.male} {r.female}")
