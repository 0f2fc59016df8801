"""Build the trial-7 inbox: Word reports, their PDFs and e-mails, as offices write them."""

import json
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
WORK = OUT.parent / "docs"
WORK.mkdir(exist_ok=True)

TITLES = {
    "t1": "1. Tổ chức các hoạt động hưởng ứng Tháng hành động, kiểm tra, giám sát",
    "t2": "2. Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở",
    "t3": "3. Phát hành các sản phẩm truyền thông",
}
HEADS = {
    "t1": ("Hoạt động", "Số cuộc", "Số người tham gia"),
    "t2": ("Nội dung", "Số lượng", "Số người tiếp cận"),
    "t3": ("Sản phẩm", "Số lượng", "Số người tiếp cận"),
}


def fmt(n, style):
    if style == "dot":
        return f"{n:,}".replace(",", ".")
    if style == "comma":
        return f"{n:,}"
    return str(n)


def no_borders(table):
    tbl = table._tbl
    pr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    pr.append(borders)


def bold(doc, text, center=False):
    p = doc.add_paragraph()
    p.add_run(text).bold = True
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def header(doc, a):
    left = [a["parent"], a["name_caps"], f"Số: {a['number']}"]
    right = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        a["dateline"],
    ]
    if a["header"] == "table":
        t = doc.add_table(rows=3, cols=2)
        no_borders(t)
        for i in range(3):
            t.cell(i, 0).text = left[i]
            t.cell(i, 1).text = right[i]
    else:
        for x, y in zip(left, right):
            bold(doc, f"{x}\t\t{y}")
    bold(doc, "BÁO CÁO", center=True)
    bold(doc, a["title"], center=True)


def data_table(doc, key, rows, a, split=False):
    style = a.get("numbers", "dot")
    extra = a.get("ghichu") == key
    cols = 6 + (1 if extra else 0)
    t = doc.add_table(rows=2, cols=cols)
    t.style = "Table Grid"
    name, count, people = HEADS[key]
    top = ["STT", name, count, people, "", "Cấp triển khai"] + (["Ghi chú"] if extra else [])
    for i, txt in enumerate(top):
        t.cell(0, i).text = txt
    t.cell(1, 3).text = "Nam"
    t.cell(1, 4).text = "Nữ"
    for i in (0, 1, 2, 5) + ((6,) if extra else ()):
        t.cell(0, i).merge(t.cell(1, i))
    t.cell(0, 3).merge(t.cell(0, 4))
    t.cell(0, 3).text = people
    for n, r in enumerate(rows, 1):
        cells = t.add_row().cells
        vals = [str(n), r[0], fmt(r[1], style), fmt(r[2], style), fmt(r[3], style), r[4]]
        if extra:
            vals.append(r[5] if len(r) > 5 else "")
        for c, v in zip(cells, vals):
            c.text = v
    if a.get("total") == key or a.get("total") == "all":
        cells = t.add_row().cells
        cells[1].text = "Tổng cộng"
        cells[2].text = fmt(sum(r[1] for r in rows), style)
        cells[3].text = fmt(sum(r[2] for r in rows), style)
        cells[4].text = fmt(sum(r[3] for r in rows), style)
    return t


def heading(doc, a, roman, text):
    if a["numbering"] == "none":
        bold(doc, text)
    else:
        bold(doc, f"{roman} {text}")


def narrative(doc, text):
    for line in text.split("\n"):
        doc.add_paragraph(line)


def build(a):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)
    header(doc, a)
    n = a["narr"]
    heading(doc, a, "I.", "TỔ CHỨC THỰC HIỆN")
    heading(doc, a, "1.", "Công tác chỉ đạo, ban hành kế hoạch triển khai")
    narrative(doc, n["I1"])
    heading(doc, a, "2.", "Nội dung hoạt động đã triển khai")
    narrative(doc, n["I2"])
    heading(doc, a, "3.", "Kinh phí tổ chức")
    narrative(doc, n["I3"])
    heading(doc, a, "II.", "ĐÁNH GIÁ CHUNG")
    heading(doc, a, "1.", "Những kết quả đã đạt được, bài học kinh nghiệm")
    narrative(doc, n["II1"])
    heading(doc, a, "2.", "Những khó khăn, tồn tại")
    narrative(doc, n["II2"])
    heading(doc, a, "3.", "Kiến nghị, đề xuất")
    narrative(doc, n["II3"])
    heading(doc, a, "III.", "TỔNG HỢP SỐ LIỆU")
    for key in a.get("order", ["t1", "t2", "t3"]):
        if key not in a["tables"]:
            continue
        doc.add_paragraph(TITLES[key])
        data_table(doc, key, a["tables"][key], a)
    for line in a["sign"]:
        p = bold(doc, line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    path = WORK / f"{a['file']}.docx"
    doc.save(path)
    return path


def to_pdf(path):
    subprocess.run(
        [
            "soffice",
            "-env:UserInstallation=file:///tmp/t7/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(path.parent),
            str(path),
        ],
        check=True,
        capture_output=True,
    )
    return path.with_suffix(".pdf")


def mail(a, attachment, sender):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "bdg@langson.gov.vn"
    m["Subject"] = f"Báo cáo Tháng hành động 2026 - {a['name']}"
    m["Date"] = "Thu, 17 Dec 2026 09:12:00 +0700"
    m.set_content("Kính gửi Sở LĐTBXH, đơn vị gửi báo cáo kèm theo.")
    m.add_attachment(
        attachment.read_bytes(),
        maintype="application",
        subtype="octet-stream",
        filename=attachment.name,
    )
    (OUT / f"{a['file']}.eml").write_bytes(bytes(m))


def main():
    specs = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    for a in specs:
        docx = build(a)
        kind = a["send"]
        if kind == "docx":
            (OUT / docx.name).write_bytes(docx.read_bytes())
        elif kind == "pdf":
            pdf = to_pdf(docx)
            (OUT / pdf.name).write_bytes(pdf.read_bytes())
        elif kind == "eml-docx":
            mail(a, docx, a["sender"])
        elif kind == "eml-pdf":
            mail(a, to_pdf(docx), a["sender"])


main()
