"""Compare thd's baocao.json with the sums fill.py kept (expected.json): every row, level, total,
budget. usage: check_totals.py baocao.json expected.json"""

import json
import sys
from pathlib import Path

KEYS = {"activities": "1. Hoạt động", "media": "2. Truyền thông", "products": "3. Sản phẩm"}
got, want = (json.loads(Path(p).read_text(encoding="utf-8")) for p in sys.argv[1:3])
bad = 0
for key, sheet in KEYS.items():
    rows = {
        f"{r['item']}|{r['level']}": [r["count"], r["male"], r["female"]]
        for r in got["tables"][key]["rows"]
    }
    expected = {k: v for k, v in want["totals"][sheet].items() if any(v)}
    for k in sorted(set(rows) | set(expected)):
        if rows.get(k) != expected.get(k):
            bad += 1
            print("DIFF", sheet, k, "thd", rows.get(k), "mine", expected.get(k))
    total = [sum(v[i] for v in expected.values()) for i in range(3)]
    t = got["tables"][key]["total"]
    print(
        sheet,
        "thd",
        [t["count"], t["male"], t["female"]],
        "mine",
        total,
        "OK" if [t["count"], t["male"], t["female"]] == total else "DIFF",
    )
print("budget thd", got["budget"], "mine", want["budget"])
print("rows differing:", bad)
