"""F6: rows typed below the clerk's Tổng cộng row are added, but the warning only says the total is wrong.

Run: /work/wt/trial10/.venv/bin/python f6_rows_below_total.py
"""

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

THD = str(Path(sys.executable).parent / "thd")
ROSTER = [
    ("Sở Y tế", "SYT"),
    ("Ban Dân tộc tỉnh", "BDT"),
    ("Hội Nông dân tỉnh", "HND"),
    ("Sở Khoa học và Công nghệ", "SKHCN"),
    ("Báo Quảng Trị", "BAOQT"),
    ("Sở Nội vụ", "SNV"),
    ("UBND xã Cam Lộ", "CLO"),
    ("Công an tỉnh", "CA"),
]


def setup():
    root = Path(tempfile.mkdtemp(prefix="thd-t10-"))
    subprocess.run([THD, "init", str(root / "qt")], check=True, capture_output=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tên đơn vị", "Mã"])
    for n, c in ROSTER:
        ws.append([n, c])
    wb.save(root / "roster.xlsx")
    cfg = root / "qt"
    subprocess.run(
        [THD, "roster", "import", str(root / "roster.xlsx")],
        cwd=cfg,
        check=True,
        capture_output=True,
    )
    subprocess.run([THD, "generate-templates"], cwd=cfg, check=True, capture_output=True)
    return cfg


def fill(cfg, code, out, t1=(), t2=(), extra=None):
    src = next((cfg / "mau-bao-cao").glob(f"*_{code.lower()}_*.xlsx"))
    wb = openpyxl.load_workbook(src)
    ws = wb["Thông tin chung"]
    for r, v in {
        5: "12/BC",
        6: dt.datetime(2021, 12, 16),
        7: "GIÁM ĐỐC",
        8: "Nguyễn Văn A",
        11: "Ban hành kế hoạch.",
        12: "Tổ chức tập huấn.",
        13: 5000000,
        14: 0,
        16: "Tốt.",
        17: "Không.",
        18: "Không.",
    }.items():
        ws.cell(r, 2).value = v
    for sheet, rows in (("1. Hoạt động", t1), ("2. Truyền thông", t2)):
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                wb[sheet].cell(7 + i, 2 + j).value = v
    if extra:
        extra(wb)
    wb.save(out)


def validate(cfg, inbox):
    return subprocess.run(
        [THD, "validate", str(inbox)], cwd=cfg, capture_output=True, text=True
    ).stdout


cfg = setup()
inbox = cfg.parent / "inbox"
inbox.mkdir()
fill(
    cfg,
    "CA",
    inbox / "Cong an tinh.xlsx",
    t1=[
        ["Tập huấn", 2, 100, 40, "Tỉnh"],
        ["Tọa đàm", 1, 20, 25, "Tỉnh"],
        ["Tổng cộng", 3, 120, 65, None],
        ["Đối thoại", 1, 30, 30, "Tỉnh"],
    ],
)
print(validate(cfg, inbox).split("\n\n")[1])
