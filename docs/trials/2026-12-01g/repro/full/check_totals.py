"""Hand-check: sums of what was typed in the specs vs thd's data file."""

import json
import sys
from collections import defaultdict

specs = json.load(open(sys.argv[1], encoding="utf-8"))
data = json.load(open(sys.argv[2], encoding="utf-8"))
used = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
if used is None:
    # only the answers thd used (the data file lists them by file)
    files = {x.split("/")[-1].split(" › ")[0].rsplit(".", 1)[0] for x in data["included"]}
    used = {a["name"] for a in specs if a["file"] in files}
keys = {"t1": "activities", "t2": "media", "t3": "products"}
tot = {k: [0, 0, 0] for k in keys.values()}
rows = defaultdict(lambda: [0, 0, 0])
for a in specs:
    if used and a["name"] not in used:
        continue
    for t, rs in a["tables"].items():
        for r in rs:
            for i in range(3):
                tot[keys[t]][i] += r[1 + i]
                rows[(keys[t], r[0], r[4])][i] += r[1 + i]
print("expected", tot)
print("thd     ", {k: [v["count"], v["male"], v["female"]] for k, v in data["totals"].items()})
json.dump(
    {f"{k[0]}|{k[1]}|{k[2]}": v for k, v in rows.items()},
    open("expected_rows.json", "w", encoding="utf-8"),
    ensure_ascii=False,
    indent=0,
)
