"""A minimal ND30 Word report (python-docx) with the plan's outline and table 1."""

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def report(agency_upper: str, activity=("Tập huấn", "2", "50", "90", "Tỉnh"), header_in_body=True):
    d = Document()
    if header_in_body:
        t = d.add_table(rows=1, cols=2)
        c = t.cell(0, 0)
        c.text = "UBND TỈNH BẮC KẠN"
        c.add_paragraph().add_run(agency_upper).bold = True
        c.add_paragraph("Số: 30/BC")
        r = t.cell(0, 1)
        r.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        r.add_paragraph("Độc lập - Tự do - Hạnh phúc")
        r.add_paragraph("Bắc Kạn, ngày 16 tháng 12 năm 2021")
    for text in (
        "BÁO CÁO",
        "Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2021",
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
    ):
        d.add_paragraph().add_run(text).bold = True
    d.add_paragraph("Ban hành kế hoạch triển khai Tháng hành động.")
    d.add_paragraph().add_run("2. Nội dung hoạt động đã triển khai").bold = True
    d.add_paragraph("Tổ chức 2 lớp tập huấn cho nữ công nhân.")
    d.add_paragraph().add_run("III. TỔNG HỢP SỐ LIỆU").bold = True
    d.add_paragraph().add_run("1. Tổ chức các hoạt động hưởng ứng Tháng hành động").bold = True
    t = d.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    top, sub = t.rows[0].cells, t.rows[1].cells
    for p, l in ((0, "STT"), (1, "Hoạt động"), (2, "Số cuộc"), (5, "Cấp triển khai")):
        top[p].merge(sub[p]).text = l
    top[3].merge(top[4]).text = "Số người tham gia"
    t.cell(1, 3).text = "Nam"
    t.cell(1, 4).text = "Nữ"
    for cell, v in zip(t.add_row().cells, ("1",) + tuple(activity)):
        cell.text = v
    return d


def to_legacy(d, convert, font):
    for r in d.element.body.iter(qn("w:r")):
        for t in r.iter(qn("w:t")):
            t.text = convert(t.text)
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
        f = OxmlElement("w:rFonts")
        f.set(qn("w:ascii"), font)
        f.set(qn("w:hAnsi"), font)
        rpr.insert(0, f)
