"""F4: the ministry's Phần II merges provinces' sentences that name different agencies and prints one of
them, credited to every province: "Các hoạt động của UBND xã Mỹ Lâm được triển khai đúng kế hoạch
(UBND tỉnh Tuyên Quang, UBND tỉnh Lào Cai)" — Mỹ Lâm is in Tuyên Quang; Lào Cai never said that, and Bát Xát (Lào Cai) disappears."""

import shutil
import tempfile
from pathlib import Path

import docx
from _common import ministry, province, run

root = Path(tempfile.mkdtemp())
tq = province(root, "tuyen-quang", "Tuyên Quang", commune=("MYLAM", "UBND xã Mỹ Lâm"))
lc = province(root, "lao-cai", "Lào Cai", commune=("BATXAT", "UBND xã Bát Xát"))
bo = ministry(root, [("tuyen-quang", "Tuyên Quang"), ("lao-cai", "Lào Cai")])
shutil.copy(tq / "baocao.json", bo / "inbox" / "tuyen-quang.json")
shutil.copy(lc / "baocao.json", bo / "inbox" / "lao-cai.json")
p = run(["consolidate", "inbox", "--out", "bo.docx", "--date", "28/12/2026", "--force"], bo)
text = [q.text for q in docx.Document(bo / "bo.docx").paragraphs]
i = next(k for k, t in enumerate(text) if t.startswith("1. Những kết quả"))
for t in text[i : i + 4]:
    print(t)
body = " ".join(text[i : i + 4])
bad = ("Mỹ Lâm" in body and "Lào Cai" in body.split("Mỹ Lâm")[1].split(")")[0]) or (
    "Bát Xát" in body and "Tuyên Quang" in body.split("Bát Xát")[1].split(")")[0]
)
print(
    "WRONG: a sentence about one province's commune is credited to the other province"
    if bad
    else "ok"
)
