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


# Word report, budget written "Kinh phí: 2.500.000 đồng (ngân sách nhà nước), 500.000 đồng
# (xã hội hóa)." sent by e-mail together with the filled form (2.500.000 / 500.000).
# Expected: the two copies agree. Seen: "số liệu khác ... 2.500.000 ≠ 0; 500.000 ≠ 0": the Word
# line is read as 0 đồng, and the officer is told the Word copy says 0.
from email.message import EmailMessage

from docx import Document

setup()
path, name = form("MTIEN")
wb = openpyxl.load_workbook(path)
fill(wb, {"1. Hoạt động": [("Tọa đàm", 1, 40, 55, "Xã")]})
wb["Thông tin chung"]["B13"] = 2500000
wb["Thông tin chung"]["B14"] = 500000
wb.save(os.path.join(WORK, name))
d = Document()
for line in [
    "UBND XÃ MINH TIẾN",
    "BÁO CÁO",
    "I. TỔ CHỨC THỰC HIỆN",
    "2. Nội dung hoạt động",
    "a) Tổ chức các hoạt động hưởng ứng",
]:
    d.add_paragraph(line)
t = d.add_table(rows=3, cols=6)
for i, x in enumerate(["STT", "Hoạt động", "Số cuộc", "Số người tham gia", "", "Cấp triển khai"]):
    t.cell(0, i).text = x
t.cell(1, 3).text, t.cell(1, 4).text = "Nam", "Nữ"
for i, x in enumerate(["1", "Tọa đàm", "1", "40", "55", "Xã"]):
    t.cell(2, i).text = x
d.add_paragraph("3. Kinh phí tổ chức")
d.add_paragraph("Kinh phí: 2.500.000 đồng (ngân sách nhà nước), 500.000 đồng (xã hội hóa).")
d.save(os.path.join(WORK, "Bao cao Minh Tien.docx"))
m = EmailMessage()
m["From"] = "ubndminhtien@gmail.com"
m["Date"] = "Fri, 10 Dec 2021 09:15:00 +0700"
m.set_content("Gửi báo cáo.")
for p in (os.path.join(WORK, name), os.path.join(WORK, "Bao cao Minh Tien.docx")):
    m.add_attachment(
        open(p, "rb").read(),
        maintype="application",
        subtype="octet-stream",
        filename=os.path.basename(p),
    )
open(os.path.join(INBOX, "Minh Tien.eml"), "wb").write(bytes(m))
for f in results()["files"]:
    print([i["message"] for i in f["issues"] if "khác" in i["message"]])
