# Self-contained: run with the Python of thd's venv (openpyxl, python-docx); thd on PATH or THD=...
import json
import os
import shutil
import subprocess
import sys
import tempfile

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


# A photographed page named after the commune the way clerks do ("Yen Son.jpg",
# "Yen Son bao cao.jpg"). Expected: "Đã gửi bản PDF/ảnh" for UBND xã Yên Sơn. Seen: not
# attributed (only "UBND xa Yen Son.jpg" is); Yên Sơn listed as "Chưa gửi".
from PIL import Image

setup()
for name in ("Yen Son.jpg", "Yen Son bao cao.jpg", "UBND xa Yen Son.jpg"):
    for old in os.listdir(INBOX):
        os.remove(os.path.join(INBOX, old))
    Image.new("RGB", (600, 800), (235, 232, 225)).save(os.path.join(INBOX, name))
    d = results()
    print(
        name,
        "unattributed:",
        d["scans_unattributed"],
        "not sent:",
        d["missing_agencies"],
    )
