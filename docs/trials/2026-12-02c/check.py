"""Hand sums (figures.json, from build.py) against what thd consolidated (baocao.json)."""

import json
import sys
from pathlib import Path

figures = json.loads(Path(sys.argv[1]).read_text())
data = json.loads(Path(sys.argv[2]).read_text())
keys = {"t1": "activities", "t2": "media", "t3": "products"}
read = {a["code"]: a for a in data["agencies"]}
for code, tables in figures.items():
    agency = read.get(code)
    if agency is None:
        print(f"{code:8} not consolidated")
        continue
    bad = []
    for t, (count, male, female) in tables.items():
        got = agency["tables"][keys[t]]
        if (got["count"], got["male"], got["female"]) != (count, male, female):
            bad.append(
                f"{t}: hand {count}/{male}/{female}, thd {got['count']}/{got['male']}/{got['female']}"
            )
    print(
        f"{code:8} {'right' if not bad else 'WRONG ' + '; '.join(bad)}  budget {agency['budget']}"
    )
