"""F3: 2025 communes Mỹ Bằng and Kim Phú were merged into 2026's Mỹ Lâm; there is no way to say so,
and the comparison is computed on Sở Y tế alone, unnamed ("tính trên 1 đơn vị ... tăng 400,0%")."""

import tempfile
from pathlib import Path

import docx
import openpyxl
from _common import config, province, run

root = Path(tempfile.mkdtemp())
y25 = root / "tq-2025"
config(
    y25,
    [
        ("SYT", "Sở Y tế", "province"),
        ("MYBANG", "UBND xã Mỹ Bằng", "commune"),
        ("KIMPHU", "UBND xã Kim Phú", "commune"),
    ],
    ["Tỉnh", "Huyện", "Xã"],
    "UBND TỈNH TUYÊN QUANG",
    "SỞ NỘI VỤ",
    "Tuyên Quang",
    "tq25.csv",
)
t = (y25 / "thd.toml").read_text(encoding="utf-8").replace("2026", "2025")
(y25 / "thd.toml").write_text(t, encoding="utf-8")
run(["generate-templates"], y25)
for form in (y25 / "mau-bao-cao").glob("*.xlsx"):
    wb = openpyxl.load_workbook(form)
    s = wb["1. Hoạt động"]
    code = wb["_thd"]["B4"].value
    wb["Thông tin chung"]["B6"] = "10/12/2025"
    for col, v in zip(
        "BCDEF", ("Tập huấn", 1 if code == "SYT" else 5, 10, 10, "Tỉnh" if code == "SYT" else "Xã")
    ):
        s[f"{col}7"] = v
    wb.save(y25 / "inbox" / form.name)
print(
    run(
        ["consolidate", "inbox", "--out", "baocao.docx", "--date", "18/12/2025", "--force"], y25
    ).returncode
)
y26 = province(
    root,
    "tq-2026",
    "Tuyên Quang",
    rows={"SYT": [("Tập huấn", 5, 30, 40, "Tỉnh")], "MYLAM": [("Tập huấn", 8, 30, 40, "Xã")]},
)
run(
    [
        "consolidate",
        "inbox",
        "--out",
        "ss.docx",
        "--date",
        "18/12/2026",
        "--force",
        "--compare",
        str(y25 / "baocao.json"),
    ],
    y26,
)
for p in docx.Document(y26 / "ss.docx").paragraphs:
    if "So với năm 2025" in p.text:
        print(p.text)
print(
    "WRONG (gap): Mỹ Lâm (= Mỹ Bằng + Kim Phú) left out of the comparison; the one agency used is not named"
)
