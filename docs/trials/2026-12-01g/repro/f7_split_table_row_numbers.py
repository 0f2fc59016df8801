# Self-contained: run with the Python of thd's venv (needs python-docx); thd on PATH or THD=...;
# LibreOffice (soffice) for the PDF cases.
import os
import shutil
import subprocess
import sys
import tempfile

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

THD = (
    os.environ.get("THD")
    or shutil.which("thd")
    or os.path.join(os.path.dirname(sys.executable), "thd")
)
WORK = tempfile.mkdtemp(prefix="thd-trial7-")
DOT = os.path.join(WORK, "dot")
ROSTER = """Mã,Tên đơn vị,Nhóm
SLDTBXH,Sở Lao động - Thương binh và Xã hội,
HLHPN,Hội Liên hiệp Phụ nữ tỉnh,
SVHTTDL,"Sở Văn hóa, Thể thao và Du lịch",
STTTT,Sở Thông tin và Truyền thông,
BLS,Báo Lạng Sơn,
STP,Sở Tư pháp,
SYT,Sở Y tế,
TDOAN,Tỉnh đoàn,
HND,Hội Nông dân tỉnh,
CAOLOC,UBND huyện Cao Lộc,
HOPTHANH,UBND xã Hợp Thành,Xã
"""
TABLES = {
    "t1": (
        "1. Tổ chức các hoạt động hưởng ứng Tháng hành động, kiểm tra, giám sát",
        "Hoạt động",
        "Số cuộc",
        "Số người tham gia",
    ),
    "t2": (
        "2. Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở",
        "Nội dung",
        "Số lượng",
        "Số người tiếp cận",
    ),
    "t3": ("3. Phát hành các sản phẩm truyền thông", "Sản phẩm", "Số lượng", "Số người tiếp cận"),
}


def thd(*args):
    r = subprocess.run(
        [THD, *args], cwd=DOT, capture_output=True, text=True, env={**os.environ, "COLUMNS": "100"}
    )
    print(f"$ thd {' '.join(args)}  (exit {r.returncode})\n{r.stdout}{r.stderr}")
    return r


def campaign():
    open(os.path.join(WORK, "roster.csv"), "w", encoding="utf-8").write(ROSTER)
    subprocess.run(
        [THD, "init", "dot", "--roster", "roster.csv"], cwd=WORK, check=True, capture_output=True
    )
    p = os.path.join(DOT, "thd.toml")
    s = open(p, encoding="utf-8").read()
    for a, b in [
        ("bac-kan-2021", "lang-son-2026"),
        ("year = 2021", "year = 2026"),
        ("2021-10-18", "2026-10-20"),
        ("2021-11-15", "2026-11-15"),
        ("2021-12-15", "2026-12-15"),
        ("2021-12-20", "2026-12-20"),
        ("UBND TỈNH BẮC KẠN", "UBND TỈNH LẠNG SƠN"),
        ('place = "Bắc Kạn"', 'place = "Lạng Sơn"'),
    ]:
        s = s.replace(a, b)
    open(p, "w", encoding="utf-8").write(s)


def no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def data_table(doc, key, rows):
    caption, name, count, people = TABLES[key]
    doc.add_paragraph(caption)
    t = doc.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    for i, txt in enumerate(["STT", name, count, people, "", "Cấp triển khai"]):
        t.cell(0, i).text = txt
    t.cell(1, 3).text = "Nam"
    t.cell(1, 4).text = "Nữ"
    for i in (0, 1, 2, 5):
        t.cell(0, i).merge(t.cell(1, i))
    t.cell(0, 3).merge(t.cell(0, 4))
    t.cell(0, 3).text = people
    for n, r in enumerate(rows, 1):
        for c, v in zip(t.add_row().cells, [str(n), *[str(x) for x in r]]):
            c.text = v


def report(path, left, narr, tables, header="table", date="ngày 15 tháng 12 năm 2026"):
    """A Word report in the plan's outline: ND30 header, sections I-III, the tables."""
    doc = Document()
    right = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Lạng Sơn, {date}",
    ]
    if header == "table":
        t = doc.add_table(rows=3, cols=2)
        no_borders(t)
        for i in range(3):
            t.cell(i, 0).text = left[i]
            t.cell(i, 1).text = right[i]
    else:
        for x, y in zip(left, right):
            doc.add_paragraph().add_run(f"{x}\t\t{y}").bold = True
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2026")
    heads = [
        ("I. TỔ CHỨC THỰC HIỆN", None),
        ("1. Công tác chỉ đạo, ban hành kế hoạch triển khai", "I1"),
        ("2. Nội dung hoạt động đã triển khai", "I2"),
        ("3. Kinh phí tổ chức", "I3"),
        ("II. ĐÁNH GIÁ CHUNG", None),
        ("1. Những kết quả đã đạt được, bài học kinh nghiệm", "II1"),
        ("2. Những khó khăn, tồn tại", "II2"),
        ("3. Kiến nghị, đề xuất", "II3"),
        ("III. TỔNG HỢP SỐ LIỆU", None),
    ]
    for head, key in heads:
        doc.add_paragraph().add_run(head).bold = True
        for line in narr.get(key, "").split("\n") if key else []:
            doc.add_paragraph(line)
    for key, rows in tables.items():
        data_table(doc, key, rows)
    doc.add_paragraph("KT. GIÁM ĐỐC")
    doc.add_paragraph("PHÓ GIÁM ĐỐC")
    doc.add_paragraph("Nguyễn Văn An")
    doc.save(path)
    return path


def to_pdf(path):
    profile = "file://" + os.path.join(WORK, "lo-profile")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            os.path.dirname(path),
            path,
        ],
        check=True,
        capture_output=True,
    )
    os.remove(path)
    return path[:-5] + ".pdf"


def docx_text(path):
    d = Document(path)
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            out.append(" | ".join(c.text for c in row.cells))
    return "\n".join(out)


NARR = {
    "I1": "Đơn vị ban hành Kế hoạch số 10/KH ngày 01/11/2026.",
    "I2": "Tổ chức 2 buổi tọa đàm tại các xã.",
    "I3": "a) Ngân sách nhà nước: 5.000.000 đồng\nb) Ngân sách vận động: 0 đồng",
    "II1": "Nhận thức của người dân được nâng lên.",
    "II2": "Kinh phí còn hạn chế.",
    "II3": "Không có.",
}
TABS = {
    "t1": [["Tọa đàm", 2, 30, 50, "Xã"]],
    "t2": [["Trang thông tin điện tử", 3, 0, 0, "Tỉnh"]],
    "t3": [["Tờ rơi", 100, 0, 0, "Xã"]],
}
campaign()
INBOX = os.path.join(DOT, "inbox")
import re
from itertools import pairwise

# Finding 7: a table that runs over a page break in a PDF report: the sums are right, but the
# duplicate-row warning lists "dòng 3, 4, ..., 10, 1, 2 ..." (rows counted per page) without the
# page, so the officer cannot tell which rows are meant.
rows = [["Thi tìm hiểu pháp luật", 1, 420, 580, "Tỉnh"]] + [
    ["Nói chuyện chuyên đề", 1, 30 + i, 40 + i, "Xã"] for i in range(14)
]
narr = {
    **NARR,
    "II3": "\n".join(
        [
            "Đề nghị tiếp tục quan tâm công tác phổ biến, giáo dục pháp luật về bình đẳng giới cho đồng bào dân tộc thiểu số ở các xã biên giới."
        ]
        * 9
    ),
}
p = report(
    os.path.join(INBOX, "So Tu phap.docx"),
    ["UBND TỈNH LẠNG SƠN", "SỞ TƯ PHÁP", "Số: 501/BC-STP"],
    narr,
    {**TABS, "t1": rows},
)
to_pdf(p)
r = thd("validate", "inbox")
msg = [x for x in r.stdout.splitlines() if "dòng trùng" in x or "dòng 3, 4" in x]
print("Warning:", msg)
flat = r.stdout.replace("\n    ", " ")
listed = re.search(r"\(dòng ([0-9, ]+)", flat)
nums = (
    [int(x) for x in listed.group(1).replace(" ", "").strip(",").split(",") if x] if listed else []
)
print("Row numbers listed:", nums)
print(
    "BUG REPRODUCED: row numbers restart, no page given"
    if any(b < a for a, b in pairwise(nums))
    else "fixed"
)
