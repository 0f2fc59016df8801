"""Phụ lục I of the PDF (pdftotext -layout) against fill.py's per-agency sums.
usage: check_appendix.py baocao.txt expected.json"""

import json
import re
import sys
from pathlib import Path

text = Path(sys.argv[1]).read_text(encoding="utf-8")
expected = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
NUMBER = r"([\d.]+\*?)"
checked = bad = 0
for name, per in expected["agencies"].items():
    found = re.search(r"\d+\s+" + re.escape(name) + r"\s+" + r"\s+".join([NUMBER] * 6), text)
    if not found:  # pdftotext splits some words ("Sở Y t ế"): checked by eye
        print("NOTFOUND", name)
        continue
    got = [int(x.replace(".", "").rstrip("*")) for x in found.groups()]
    want = []
    for table in ("1. Hoạt động", "2. Truyền thông", "3. Sản phẩm"):
        want += [per[table][0], per[table][1] + per[table][2]]
    checked += 1
    if got != want:
        bad += 1
        print(name, got, want)
print(checked, "checked,", bad, "bad")
