# Self-contained: run with the Python of thd's venv (openpyxl, python-docx); thd on PATH or THD=...
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

THD = (
    os.environ.get("THD")
    or shutil.which("thd")
    or os.path.join(os.path.dirname(sys.executable), "thd")
)
WORK = tempfile.mkdtemp(prefix="thd-trial8-")
DOT = os.path.join(WORK, "dot")
INBOX = os.path.join(DOT, "inbox")
ROSTER = """Tên đơn vị,Mã
UBND xã Yên Thịnh,YTHINH
UBND xã Hữu Liên,HLIEN
UBND xã Yên Bình,YBINH
UBND xã Yên Sơn,YSON
UBND xã Minh Tiến,MTIEN
"""


def thd(*args):
    return subprocess.run([THD, *args], cwd=DOT, capture_output=True, text=True)


def setup():
    with open(os.path.join(WORK, "roster.csv"), "w", encoding="utf-8") as f:
        f.write(ROSTER)
    subprocess.run([THD, "init", DOT, "--roster", os.path.join(WORK, "roster.csv")], check=True)


def results():
    out = thd("validate", "inbox", "--json").stdout
    return json.loads(out)


def form(code):
    thd("generate-templates")
    folder = os.path.join(DOT, "mau-bao-cao")
    name = next(n for n in os.listdir(folder) if n.split("_")[1] == code.lower())
    return os.path.join(folder, name), name


def fill(wb, rows):
    for sheet, items in rows.items():
        for i, values in enumerate(items):
            for col, v in zip("BCDEF", values):
                wb[sheet][f"{col}{7 + i}"] = v


# A clerk copies the row "Phát thanh" of sheet "2. Truyền thông" into sheet "1. Hoạt động" too.
# Expected: a warning that a media item stands in the activities table (counted twice).
# Seen: no warning; Phần III lists "Phát thanh" as an activity and Phần I says "Nhiều nhất là
# Phát thanh (8 cuộc)"; its 8 are in both tables' totals.
setup()
path, name = form("YBINH")
wb = openpyxl.load_workbook(path)
fill(
    wb,
    {
        "1. Hoạt động": [("Nói chuyện chuyên đề", 3, 70, 110, "Xã"), ("Phát thanh", 8, 0, 0, "Xã")],
        "2. Truyền thông": [("Phát thanh", 8, 0, 0, "Xã")],
    },
)
wb.save(os.path.join(INBOX, name))
for f in results()["files"]:
    print(f["status"], [(i["code"], i["message"][:70]) for i in f["issues"]])
r = thd(
    "consolidate",
    "inbox",
    "--out",
    os.path.join(WORK, "b.docx"),
    "--date",
    "20/12/2021",
    "--skip-invalid",
)
print(r.stdout[-600:])
from docx import Document

for p in Document(os.path.join(WORK, "b.docx")).paragraphs:
    if "Nhiều nhất" in p.text:
        print(p.text)
