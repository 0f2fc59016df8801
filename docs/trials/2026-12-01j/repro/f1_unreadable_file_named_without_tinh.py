"""F1: a file named after a province agency without the word "tỉnh" (or by its usual abbreviation) is not attributed; the agency is "Chưa gửi".

Run: /work/wt/trial10/.venv/bin/python f1_unreadable_file_named_without_tinh.py
"""

import datetime as dt
import shutil
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
for name in [
    "Ban Dan toc - hoat dong.csv",
    "Hoi Nong dan.rar",
    "So KHCN.rar",
    "Ban Dan toc tinh.rar",
]:
    inbox = cfg.parent / "inbox1"
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir()
    (inbox / name).write_bytes(
        b"Rar!\x1a\x07\x00junk"
        if name.endswith(".rar")
        else b"STT,Hoat dong,So cuoc\n1,Doi thoai,2\n"
    )
    out = validate(cfg, inbox)
    row = next(line for line in out.splitlines() if line.startswith(name[:20]))
    sent = (
        "Chưa gửi"
        if any(
            c in out.split("Chưa gửi")[-1]
            for c in ("(BDT)", "(HND)", "(SKHCN)")
            if c.strip("()").lower()
            in name.lower()
            .replace("ban dan toc", "bdt")
            .replace("hoi nong dan", "hnd")
            .replace("so khcn", "skhcn")
        )
        else ""
    )
    print(f"{name!r:32} -> {' '.join(row[len(name) :].split()[:4])!r}  {sent}")
# a photo (scan) named after Hội Nông dân tỉnh
inbox = cfg.parent / "inbox2"
inbox.mkdir()
import struct
import zlib

raw = b"".join(b"\x00" + b"\xff" * 150 for _ in range(50))
chunk = lambda t, d: (
    struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
)
(inbox / "Hoi Nong dan.png").write_bytes(
    b"\x89PNG\r\n\x1a\n"
    + chunk(b"IHDR", struct.pack(">IIBBBBB", 50, 50, 8, 2, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(raw))
    + chunk(b"IEND", b"")
)
out = validate(cfg, inbox)
print([line for line in out.splitlines() if "Hoi Nong dan" in line or "Hội Nông dân" in line])
