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


# The commune's name is the title row of each sheet, "UBND XÃ HỮU LIÊN" (as a header of an
# administrative document). Expected: UBND xã Hữu Liên. Seen: agency_unknown quoting a run of
# cells as the unit's name ("Biểu 1. Kết quả ... STT Hoạt động").
setup()
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Bieu 1"
ws["A1"] = "UBND XÃ HỮU LIÊN"
ws["A2"] = "Biểu 1. Kết quả Tháng hành động vì bình đẳng giới năm 2021"
ws.append(["STT", "Hoạt động", "Số cuộc", "Số người tham gia", None, "Cấp triển khai"])
ws.append([None, None, None, "Nam", "Nữ", None])
ws.append([1, "Diễn đàn", 1, 80, 120, "Xã"])
wb.save(os.path.join(INBOX, "Bao cao THD 2021.xlsx"))
for f in results()["files"]:
    print(f["agency_code"], [(i["code"], i["message"]) for i in f["issues"]])
