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


# The form arrives by e-mail dated 10/12/2021 (deadline 20/12/2021); the form's date cell is
# blank. README: the e-mail's date is the receipt date used against the deadline. validate
# records received=2021-12-10, yet Phụ lục II says "Không rõ ngày" and Phần I says the commune
# "không ghi rõ ngày báo cáo"; expected "Đúng hạn" (received 10/12/2021).
from email.message import EmailMessage

from docx import Document

setup()
path, name = form("MTIEN")
wb = openpyxl.load_workbook(path)
fill(wb, {"1. Hoạt động": [("Tọa đàm", 1, 40, 55, "Xã")]})
wb["Thông tin chung"]["B13"] = 2500000
wb["Thông tin chung"]["B14"] = 500000
wb.save(os.path.join(WORK, name))
m = EmailMessage()
m["From"] = "ubndminhtien@gmail.com"
m["To"] = "vhxh@example.gov.vn"
m["Subject"] = "Bao cao THD"
m["Date"] = "Fri, 10 Dec 2021 09:15:00 +0700"
m.set_content("Gửi báo cáo.")
m.add_attachment(
    open(os.path.join(WORK, name), "rb").read(),
    maintype="application",
    subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename=name,
)
open(os.path.join(INBOX, "Bao cao Minh Tien.eml"), "wb").write(bytes(m))
print([(f["agency_code"], f["received"], f["late"]) for f in results()["files"]])
thd("consolidate", "inbox", "--out", os.path.join(WORK, "b.docx"), "--date", "22/12/2021")
doc = Document(os.path.join(WORK, "b.docx"))
for t in doc.tables:
    for row in t.rows:
        cells = [c.text for c in row.cells]
        if "UBND xã Minh Tiến" in cells and any("ngày" in c.lower() for c in cells):
            print(cells)
for p in doc.paragraphs:
    if "không ghi rõ ngày" in p.text:
        print(p.text)
