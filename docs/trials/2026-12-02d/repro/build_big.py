"""The big-roster case: the Tuyên Quang roster grown to 250 agencies (209 more communes), 180
of them answering with the generated form; the 36 answers of the small inbox kept."""

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

SMALL, BIG, THD = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
NAMES = [
    "Kim Bình",
    "Phúc Sơn",
    "Minh Quang",
    "Thượng Lâm",
    "Yên Hoa",
    "Côn Lôn",
    "Hùng Lợi",
    "Trung Sơn",
    "Kiến Thiết",
    "Xuân Vân",
    "Tân Long",
    "Thái Bình",
    "Lực Hành",
    "Bạch Xa",
]
BIG.mkdir(parents=True, exist_ok=True)
text = (SMALL / "thd.toml").read_text(encoding="utf-8")
extra = []
for i in range(209):
    name = f"UBND xã {NAMES[i % len(NAMES)]} {i // len(NAMES) + 1}"
    extra.append(f'\n[[agencies]]\ncode = "XB{i:03d}"\nname = "{name}"\ngroup = "commune"\n')
(BIG / "thd.toml").write_text(text + "".join(extra), encoding="utf-8")
subprocess.run([THD, "generate-templates", "--force"], cwd=BIG, check=True, capture_output=True)
inbox = BIG / "inbox"
shutil.rmtree(inbox, ignore_errors=True)
shutil.copytree(SMALL / "inbox", inbox)
for i in range(180):
    form = next((BIG / "mau-bao-cao").glob(f"2026_xb{i:03d}_*.xlsx"))
    wb = openpyxl.load_workbook(form)
    gi = wb["Thông tin chung"]
    for cell, value in {
        "B5": f"{i + 1:02d}/BC-UBND",
        "B7": "CHỦ TỊCH",
        "B8": "Nguyễn Văn Bình",
        "B11": "UBND xã ban hành Kế hoạch triển khai Tháng hành động.",
        "B12": "Tổ chức tuyên truyền tại các thôn.",
        "B13": 2000000,
        "B14": 0,
        "B16": "Người dân tích cực hưởng ứng.",
        "B17": "Kinh phí còn hạn hẹp.",
        "B18": "Không.",
    }.items():
        gi[cell] = value
    import datetime as dt

    gi["B6"] = dt.datetime(2026, 12, 10 + i % 12)
    ws = wb["1. Hoạt động"]
    for j, v in enumerate(("Nói chuyện chuyên đề", 2, 40 + i % 7, 60 + i % 5, "Xã")):
        ws.cell(7, 2 + j, v)
    wb.save(inbox / form.name)
