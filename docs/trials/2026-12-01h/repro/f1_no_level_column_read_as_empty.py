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


# A commune retypes the three tables on three sheets "Bieu 1".."Bieu 3" with two-row merged
# headers, extra columns Thời gian / Địa điểm and NO "Cấp triển khai" column (everything is Xã).
# Expected: figures read (level Xã or a clear "add the level column" issue).
# Seen: "Mẫu chưa điền gì" (empty_form) - no figure read, the commune's report is rejected.
setup()
wb = openpyxl.Workbook()
wb.remove(wb.active)
for k, (name, count, item) in enumerate(
    [
        ("Hoạt động", "Số cuộc", "Diễn đàn"),
        ("Nội dung", "Số lượng", "Mạng xã hội"),
        ("Sản phẩm", "Số lượng", "Pano"),
    ],
    1,
):
    ws = wb.create_sheet(f"Bieu {k}")
    ws["A1"] = "Tên đơn vị báo cáo: UBND xã Hữu Liên"
    ws["A2"] = f"Biểu {k}. Kết quả Tháng hành động vì bình đẳng giới"
    ws.append(["STT", name, count, "Số người tham gia", None, "Thời gian", "Địa điểm"])
    ws.append([None, None, None, "Nam", "Nữ", None, None])
    for c in "ABCFG":
        ws.merge_cells(f"{c}3:{c}4")
    ws.merge_cells("D3:E3")
    ws.append([1, item, 2, 80, 120, "11/2021", "Nhà văn hóa thôn Cai Kinh"])
wb.save(os.path.join(INBOX, "Bao cao Huu Lien.xlsx"))
for f in results()["files"]:
    print(f["agency_code"], f["status"], [(i["code"], i["message"][:80]) for i in f["issues"]])
