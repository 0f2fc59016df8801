"""2022 answers (openpyxl fills of the 2022 templates): SYT same figures as 2021, HLHPN doubled,
SGDDT new. Usage: make_2022.py TEMPLATES OUTDIR"""

import datetime
import sys
from pathlib import Path

import openpyxl
from truth import INFO, TABLES

TPL, OUT = Path(sys.argv[1]), Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
SHEETS = {1: "1. Hoạt động", 2: "2. Truyền thông", 3: "3. Sản phẩm"}
DATA = {
    "SYT": TABLES["SYT"],
    "HLHPN": {
        t: [(i, n * 2, a * 2, b * 2, lv) for i, n, a, b, lv in rows]
        for t, rows in TABLES["HLHPN"].items()
    },
    "SGDDT": {1: [("Nói chuyện chuyên đề", 20, 900, 1100, "Xã")], 2: [], 3: []},
}
for code, tables in DATA.items():
    wb = openpyxl.load_workbook(next(TPL.glob(f"2022_{code.lower()}_*.xlsx")))
    info = wb["Thông tin chung"]
    i = INFO.get(code, INFO["SYT"])
    for cell, v in {
        "B5": f"01/BC-{code}",
        "B6": datetime.datetime(2022, 12, 16),
        "B7": i[2],
        "B8": i[3],
        "B11": "Ban hành Kế hoạch năm 2022.",
        "B12": i[5],
        "B13": i[6],
        "B16": i[8],
        "B17": "Không có.",
        "B18": "Không có.",
    }.items():
        info[cell] = v
    for t, rows in tables.items():
        for k, row in enumerate(rows):
            for col, v in zip("BCDEF", row, strict=False):
                wb[SHEETS[t]][f"{col}{7 + k}"] = v
    wb.save(OUT / f"{code} 2022.xlsx")
print("ok")
