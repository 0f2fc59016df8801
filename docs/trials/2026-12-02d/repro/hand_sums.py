"""Sums of what the agencies typed (XYENMINH excluded: its negative figure is an error)."""

from specs import COMMUNES, SPECS

EXCLUDED = {"XYENMINH"}
rows = {}
for code, s in SPECS.items():
    rows[code] = (s["t1"], s["t2"], s["t3"], s["state"], s["mobilized"])
for code, t in COMMUNES.items():
    rows[code] = (t[8], t[9], t[10], t[6], t[7])
for k in range(3):
    tot = [0, 0, 0]
    for code, r in rows.items():
        if code in EXCLUDED:
            continue
        for row in r[k]:
            for j in range(3):
                tot[j] += row[1 + j] or 0
    print("table", k + 1, tot)
print("state", sum(r[3] for c, r in rows.items() if c not in EXCLUDED))
print("mobilized", sum(r[4] for c, r in rows.items() if c not in EXCLUDED))
