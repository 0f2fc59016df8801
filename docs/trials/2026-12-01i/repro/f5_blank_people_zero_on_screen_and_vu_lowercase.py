"""F5 (cosmetic): the ministry's screen prints 0 for people nobody wrote (the report writes “—”), and the
body writes the department “VỤ BÌNH ĐẲNG GIỚI” as “Vụ bình đẳng giới” (proper name: Vụ Bình đẳng giới)."""

import shutil
import tempfile
from pathlib import Path

import docx
import openpyxl
from _common import ministry, province, run

root = Path(tempfile.mkdtemp())
tq = province(root, "tuyen-quang", "Tuyên Quang")
# products with no people: add Băng rôn to the forms and re-consolidate
for f in (tq / "inbox").glob("*.xlsx"):
    wb = openpyxl.load_workbook(f)
    s = wb["3. Sản phẩm"]
    s["B7"] = "Băng rôn"
    s["C7"] = 10
    s["F7"] = "Tỉnh" if "syt" in f.name else "Xã"
    wb.save(f)
run(["consolidate", "inbox", "--out", "baocao.docx", "--date", "18/12/2026", "--force"], tq)
bo = ministry(root, [("tuyen-quang", "Tuyên Quang")])
shutil.copy(tq / "baocao.json", bo / "inbox" / "tuyen-quang.json")
out = run(
    ["consolidate", "inbox", "--out", "bo.docx", "--date", "28/12/2026", "--force"], bo
).stdout
line = next(x for x in out.splitlines() if x.startswith("3. Sản phẩm"))
print("screen:", line)
body = next(
    p.text
    for p in docx.Document(bo / "bo.docx").paragraphs
    if "báo cáo kết quả thực hiện" in p.text
)
print("body:", body)
print(
    "WRONG: screen shows 0 for blank people" if line.split()[-1] == "0" else "ok",
    "|",
    "WRONG: 'Vụ bình đẳng giới'" if "Vụ bình đẳng giới" in body else "ok",
)
