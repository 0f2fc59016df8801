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


# A commune retypes a table with the header in ONE row: "Số người tham gia (Nam)",
# "Số người tham gia (Nữ)". Expected: Nam/Nữ columns recognised. Seen: empty_form
# ("Mẫu chưa điền gì") - the same table with a two-row header (Số người tham gia / Nam, Nữ) reads.
setup()
for style in ("one_row", "two_rows"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tên đơn vị báo cáo: UBND xã Yên Thịnh"])
    ws.append(["1. Tổ chức các hoạt động hưởng ứng"])
    if style == "one_row":
        ws.append(
            [
                "STT",
                "Hoạt động",
                "Số cuộc",
                "Số người tham gia (Nam)",
                "Số người tham gia (Nữ)",
                "Cấp triển khai",
            ]
        )
    else:
        ws.append(["STT", "Hoạt động", "Số cuộc", "Số người tham gia", None, "Cấp triển khai"])
        ws.append([None, None, None, "Nam", "Nữ", None])
    ws.append([1, "Tập huấn", 2, 10, 20, "Xã"])
    for old in os.listdir(INBOX):
        os.remove(os.path.join(INBOX, old))
    wb.save(os.path.join(INBOX, "Yen Thinh.xlsx"))
    for f in results()["files"]:
        print(style, f["agency_code"], f["status"], [i["code"] for i in f["issues"]])
