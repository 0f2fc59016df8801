# Self-contained: run with the Python of thd's venv (needs openpyxl, python-docx); thd on PATH or THD=...
import datetime
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
WORK = tempfile.mkdtemp(prefix="thd-trial6-")
PROFILE = "file://" + os.path.join(WORK, "lo-profile")
ROSTER = """Mã,Tên đơn vị,Nhóm,Email
SYT,Sở Y tế,,
BCHQS,Bộ Chỉ huy Quân sự tỉnh,,
HLHPN,Hội Liên hiệp Phụ nữ tỉnh,,
TDOAN,Tỉnh đoàn Thái Nguyên,,
LDLD,Liên đoàn Lao động tỉnh,,
CAT,Công an tỉnh,,
BTN,Báo Thái Nguyên,,
DPTTH,Đài Phát thanh và Truyền hình Thái Nguyên,,
TPSC,UBND thành phố Sông Công,,
DAITU,UBND huyện Đại Từ,,
"""


def thd(*args, cwd=None):
    r = subprocess.run(
        [THD, *args],
        cwd=cwd or DOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
    )
    print(f"$ thd {' '.join(args)}  (exit {r.returncode})\n{r.stdout}{r.stderr}")
    return r


def campaign():
    open(os.path.join(WORK, "roster.csv"), "w", encoding="utf-8").write(ROSTER)
    subprocess.run(
        [THD, "init", "dot", "--roster", "roster.csv"], cwd=WORK, check=True, capture_output=True
    )
    p = os.path.join(WORK, "dot", "thd.toml")
    s = open(p, encoding="utf-8").read()
    for a, b in [
        ("bac-kan-2021", "thai-nguyen-2026"),
        ("year = 2021", "year = 2026"),
        ("2021-10-18", "2026-10-20"),
        ("2021-11-15", "2026-11-15"),
        ("2021-12-15", "2026-12-15"),
        ("2021-12-20", "2026-12-20"),
        ("UBND TỈNH BẮC KẠN", "UBND TỈNH THÁI NGUYÊN"),
        ('place = "Bắc Kạn"', 'place = "Thái Nguyên"'),
    ]:
        s = s.replace(a, b)
    open(p, "w", encoding="utf-8").write(s)
    subprocess.run(
        [THD, "generate-templates"], cwd=os.path.join(WORK, "dot"), check=True, capture_output=True
    )
    return os.path.join(WORK, "dot")


DOT = campaign()
INBOX = os.path.join(DOT, "inbox")


def form(code):
    d = os.path.join(DOT, "mau-bao-cao")
    return next(os.path.join(d, f) for f in os.listdir(d) if f.startswith(f"2026_{code.lower()}_"))


def fill(code, activities, b4=None):
    wb = openpyxl.load_workbook(form(code))
    gi = wb["Thông tin chung"]
    for k, v in {
        "B5": "15/BC",
        "B6": datetime.datetime(2026, 12, 10),
        "B13": 1000000,
        "B14": 0,
        "B16": "Nhận thức được nâng lên.",
        "B17": "Không có.",
        "B18": "Không có.",
    }.items():
        gi[k] = v
    if b4:
        gi["B4"] = b4
    for i, row in enumerate(activities):
        for j, v in enumerate(row):
            wb["1. Hoạt động"].cell(7 + i, 2 + j, v)
    return wb


def soffice(src, fmt, outdir):
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={PROFILE}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            outdir,
            src,
        ],
        check=True,
        capture_output=True,
    )
    return os.path.join(
        outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt.split(":")[0]
    )


def lo_save(wb, name):
    """The clerk's program: openpyxl writes what was typed, LibreOffice opens and saves it as .xlsx."""
    src = os.path.join(WORK, "src_" + str(len(os.listdir(WORK))) + ".xlsx")
    wb.save(src)
    out = soffice(src, "xlsx", os.path.join(WORK, "lo" + str(len(os.listdir(WORK)))))
    shutil.copy(out, os.path.join(INBOX, name))


# Finding 3 (short I.2 sentence lost): same Word report as f7, as .docx, I.2 = one short sentence.
# but not table 2; the Pano line of table "3. Sản phẩm" has no people.
from docx import Document

d = Document()
for t in [
    "UBND TỈNH THÁI NGUYÊN",
    "UBND THÀNH PHỐ SÔNG CÔNG",
    "BÁO CÁO",
    "Tên đơn vị báo cáo: UBND thành phố Sông Công",
    "Thái Nguyên, ngày 09 tháng 12 năm 2026",
    "I. TỔ CHỨC THỰC HIỆN",
    "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
    "Ban hành Kế hoạch số 9/KH-UBND.",
    "2. Nội dung hoạt động đã triển khai",
    "Tổ chức hội thảo và treo pano.",
]:
    d.add_paragraph(t)


def table(caption, head, rows):
    d.add_paragraph(caption)
    tb = d.add_table(rows=2, cols=6)
    tb.style = "Table Grid"
    for j, v in enumerate(["STT", head[0], head[1], head[2], "", "Cấp triển khai"]):
        tb.cell(0, j).text = v
    tb.cell(1, 3).text = "Nam"
    tb.cell(1, 4).text = "Nữ"
    for j in (0, 1, 2, 5):
        tb.cell(0, j).merge(tb.cell(1, j))
    tb.cell(0, 3).merge(tb.cell(0, 4))
    tb.cell(0, 3).text = head[2]
    for i, r in enumerate(rows, 1):
        cells = tb.add_row().cells
        for j, v in enumerate([i, *r]):
            cells[j].text = "" if v is None else str(v)


table(
    "1. Tổ chức các hoạt động hưởng ứng",
    ("Hoạt động", "Số cuộc", "Số người tham gia"),
    [("Hội thảo", 1, 35, 45, "Huyện")],
)
table(
    "3. Phát hành các sản phẩm truyền thông",
    ("Sản phẩm", "Số lượng", "Số người tiếp cận"),
    [("Pano", 6, None, None, "Xã")],
)
for t in [
    "II. ĐÁNH GIÁ CHUNG",
    "1. Những kết quả đã đạt được, bài học kinh nghiệm",
    "Tốt.",
    "2. Những khó khăn, tồn tại",
    "Không.",
    "3. Kiến nghị, đề xuất",
    "Không.",
    "CHỦ TỊCH",
    "Lê Văn Cường",
]:
    d.add_paragraph(t)
src = os.path.join(WORK, "Song Cong.docx")
d.save(src)
shutil.copy(
    soffice(src, "pdf", os.path.join(WORK, "pdf")),
    os.path.join(INBOX, "Song Cong - bao cao THD 2026.pdf"),
)
import glob
import json

os.remove(glob.glob(os.path.join(INBOX, "*.pdf"))[0])
for text in [
    "Tổ chức hội thảo và treo pano.",
    "Tổ chức hội thảo và treo pano tại các xã, phường trên địa bàn thành phố.",
]:
    d2 = Document(src)
    for p in d2.paragraphs:
        if p.text.startswith("Tổ chức hội thảo"):
            p.text = text
    d2.save(os.path.join(INBOX, "Song Cong.docx"))
    thd("validate", "inbox")
    thd("consolidate", "inbox", "--date", "22/12/2026", "--force")
    d = json.load(open(os.path.join(DOT, "baocao.json"), encoding="utf-8"))
    print(
        "RESULT",
        repr(text),
        "-> I.2 read as",
        repr(d["agencies"][0]["narratives"].get("activities_text")),
    )
    print(
        [
            p.text
            for p in Document(os.path.join(DOT, "baocao.docx")).paragraphs
            if p.text == "Không có nội dung."
        ]
    )
print(
    "EXPECTED: the clerk's sentence (ends with a full stop, is followed by the caption line, not by the"
    " table) is I.2 in both cases; no 'để trống' warning; Phụ lục III does not say 'Không có nội dung.'"
)
