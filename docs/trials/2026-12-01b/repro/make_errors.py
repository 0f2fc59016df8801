"""Second wave: Ngân Sơn (UNO .xlsx with typing errors), Ba Bể (openpyxl, late), Sở Tư pháp
(python-docx Word report with a negative number). Usage: make_errors.py TEMPLATES OUTDIR"""

import datetime
import json
import sys
from pathlib import Path

import docx
import openpyxl

TPL, OUT = Path(sys.argv[1]), Path(sys.argv[2])
A, INFO_SHEET = "1. Hoạt động", "Thông tin chung"


def tpl(c):
    return str(next(TPL.glob(f"2021_{c}_*.xlsx")).resolve())


spec = [
    {
        "src": tpl("nganson"),
        "out": str((OUT / "BC Ngan Son.xlsx").resolve()),
        "filter": "Calc MS Excel 2007 XML",
        "ops": [
            ["s", INFO_SHEET, "B5", "99/BC-UBND"],
            ["f", INFO_SHEET, "B6", "2021-12-18"],
            ["s", INFO_SHEET, "B7", "CHỦ TỊCH"],
            ["s", INFO_SHEET, "B8", "Lý Văn Tài"],
            ["s", INFO_SHEET, "B12", "Tổ chức tập huấn cho cán bộ xã."],
            ["n", INFO_SHEET, "B13", 7000000],
            ["s", A, "B7", "Tập huấn"],
            ["n", A, "C7", 3],
            ["s", A, "D7", "60 người"],
            ["n", A, "E7", 75],
            ["s", A, "F7", "Xã"],
            ["s", A, "B8", "Thể thao"],
            ["n", A, "C8", -2],
            ["n", A, "D8", 100],
            ["n", A, "E8", 90],
            ["s", A, "F8", "Thôn"],
        ],
    }
]
(OUT / "spec2.json").write_text(json.dumps(spec, ensure_ascii=False))

wb = openpyxl.load_workbook(tpl("babe"))
for cell, v in {
    "B5": "120/BC-UBND",
    "B6": datetime.datetime(2021, 12, 23),
    "B7": "CHỦ TỊCH",
    "B8": "Hoàng Thị Thu",
    "B12": "Tổ chức mít tinh tại trung tâm huyện.",
    "B13": 6000000,
}.items():
    wb[INFO_SHEET][cell] = v
for col, v in zip("BCDEF", ["Diễn đàn", 1, 200, 260, "Huyện"], strict=False):
    wb[A][f"{col}7"] = v
wb.save(OUT / "Ba Be - bao cao THD.xlsx")

d = docx.Document()
d.add_paragraph("SỞ TƯ PHÁP TỈNH BẮC KẠN")
d.add_paragraph("Số: 210/BC-STP")
d.add_paragraph("Bắc Kạn, ngày 17 tháng 12 năm 2021")
d.add_paragraph("BÁO CÁO")
for p in [
    "I. TỔ CHỨC THỰC HIỆN",
    "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
    "Ban hành Kế hoạch số 50/KH-STP ngày 05/11/2021.",
    "2. Nội dung hoạt động đã triển khai",
    "Tổ chức tọa đàm về pháp luật bình đẳng giới.",
    "3. Kinh phí tổ chức",
    "a) Ngân sách nhà nước: 2.500.000 đồng",
    "II. ĐÁNH GIÁ CHUNG",
    "III. TỔNG HỢP SỐ LIỆU",
    "1. Tổ chức các hoạt động hưởng ứng Tháng hành động",
]:
    d.add_paragraph(p)
t = d.add_table(rows=1, cols=6)
t.style = "Table Grid"
for i, h in enumerate(["STT", "Hoạt động", "Số cuộc", "Nam", "Nữ", "Cấp triển khai"]):
    t.cell(0, i).text = h
for r in [["1", "Tọa đàm", "2", "-40", "65", "Tỉnh"]]:
    for c, v in zip(t.add_row().cells, r, strict=False):
        c.text = v
d.add_paragraph("GIÁM ĐỐC")
d.add_paragraph("Trần Văn Bình")
d.save(OUT / "Bao cao So Tu phap.docx")
print("ok")
