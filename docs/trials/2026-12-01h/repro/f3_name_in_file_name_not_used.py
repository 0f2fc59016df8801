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


# A commune's own workbook has no unit name inside; its name is only in the file name
# ("BC THD 2021 Yen Thinh.xlsx", even "UBND xa Yen Thinh.xlsx"). Expected: attributed to
# UBND xã Yên Thịnh by the file name. Seen: agency_not_named, and the commune is listed as
# "Chưa gửi" (validate, Phần I, Phụ lục II) and reminded to send the form it already sent.
setup()
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["1. Tổ chức các hoạt động hưởng ứng"])
ws.append(["STT", "Hoạt động", "Số cuộc", "Số người tham gia", None, "Cấp triển khai"])
ws.append([None, None, None, "Nam", "Nữ", None])
ws.append([1, "Tập huấn", 2, 10, 20, "Xã"])
for name in ("BC THD 2021 Yen Thinh.xlsx", "UBND xa Yen Thinh.xlsx"):
    for old in os.listdir(INBOX):
        os.remove(os.path.join(INBOX, old))
    wb.save(os.path.join(INBOX, name))
    d = results()
    print(name, [(f["agency_code"], [i["code"] for i in f["issues"]]) for f in d["files"]])
    print("  not sent:", d["missing_agencies"])
