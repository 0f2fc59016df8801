"""Build the UNO spec (LibreOffice fills) and the openpyxl fill from truth.py.
Usage: python make_forms.py TEMPLATES OUTDIR   -> OUTDIR/spec.json + openpyxl-filled HLHPN."""

import datetime
import json
import sys
from pathlib import Path

import openpyxl
from truth import INFO, TABLES

SHEETS = {1: "1. Hoạt động", 2: "2. Truyền thông", 3: "3. Sản phẩm"}
TPL, OUT = Path(sys.argv[1]), Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
PLAN = {
    "SYT": ("BC Thang hanh dong - So Y te.xlsx", "Calc MS Excel 2007 XML"),
    "NARI": ("Na Ri bao cao.ods", "calc8"),
    "TPBK": ("BC THD TP Bac Kan.xls", "MS Excel 97"),
    "CHOMOI": ("chomoi.xlsx", "Calc MS Excel 2007 XML"),
    "BACHTHONG": ("bachthong.xlsx", "Calc MS Excel 2007 XML"),
    "TDOAN": ("Bao cao Tinh doan.xlsx", "Calc MS Excel 2007 XML"),
}


def ops(code):
    i = INFO[code]
    info = "Thông tin chung"
    out = [
        ["s", info, "B5", i[0]],
        ["f", info, "B6", i[1]],
        ["s", info, "B7", i[2]],
        ["s", info, "B8", i[3]],
        ["s", info, "B9", "Chị Hà, 0209 3870 123"],
        ["s", info, "B11", i[4]],
        ["s", info, "B12", i[5]],
        ["n", info, "B13", i[6]],
        ["n", info, "B14", i[7]],
        ["s", info, "B16", i[8]],
        ["s", info, "B17", i[9]],
        ["s", info, "B18", i[10]],
    ]
    out = [o for o in out if o[3] != ""]
    for t, rows in TABLES[code].items():
        for k, (item, n, nam, nu, lvl) in enumerate(rows):
            r = 7 + k
            out += [
                ["s", SHEETS[t], f"B{r}", item],
                ["n", SHEETS[t], f"C{r}", n],
                ["n", SHEETS[t], f"D{r}", nam],
                ["n", SHEETS[t], f"E{r}", nu],
                ["s", SHEETS[t], f"F{r}", lvl],
            ]
    return out


def template(code):
    return next(TPL.glob(f"2021_{code.lower()}_*.xlsx"))


spec = [
    {
        "src": str(template(c).resolve()),
        "out": str((OUT / name).resolve()),
        "filter": f,
        "ops": ops(c),
    }
    for c, (name, f) in PLAN.items()
]
(OUT / "spec.json").write_text(json.dumps(spec, ensure_ascii=False, indent=1))

wb = openpyxl.load_workbook(template("HLHPN"))
for kind, sheet, cell, value in ops("HLHPN"):
    if kind == "f":
        value = datetime.datetime.fromisoformat(value)
    wb[sheet][cell] = value
wb.save(OUT / "Hoi LHPN - bao cao THD 2021.xlsx")
print("spec + HLHPN written")
