"""Probes of trial 2026-12-02c: hidden text, a non-breaking hyphen, a .doc that is a web page, a
.docx whose report is an HTML altChunk. Usage: .venv/bin/python probes_word.py OUT_DIR"""

import copy
import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "tests"))

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from word_reports import seed_form

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)

# a) hidden text in a table cell and in a sentence
data = seed_form(agency="SỞ Y TẾ")
doc = Document(io.BytesIO(data))
t = next(t for t in doc.tables if "STT" in t.cell(0, 0).text)
cell = t.cell(2, 3)  # Nam of row 1 ("60")
r = cell.paragraphs[0].add_run("0")
r.font.hidden = True
p = doc.paragraphs[
    next(i for i, p in enumerate(doc.paragraphs) if p.text.startswith("Kinh phí còn"))
]
h = p.add_run(" (Hướng dẫn: ghi rõ khó khăn, không quá 200 chữ)")
h.font.hidden = True
doc.save(out / "SYT hidden.docx")

# b) non-breaking hyphen in the agency name and the text
data = seed_form(agency="SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
doc = Document(io.BytesIO(data))
for tb in doc.tables[:1]:
    for para in tb.cell(0, 0).paragraphs:
        if "THƯƠNG BINH" in para.text:
            for run in para.runs:
                if " - " in run.text:
                    a, b = run.text.split(" - ")
                    run.text = a
                    rr = copy.deepcopy(run._r)
                    run._r.addnext(rr)
                    rr.clear_content() if hasattr(rr, "clear_content") else None
                    for child in list(rr):
                        if child.tag != qn("w:rPr"):
                            rr.remove(child)
                    rr.append(parse_xml(f"<w:noBreakHyphen {nsdecls('w')}/>"))
                    t2 = parse_xml(f'<w:t {nsdecls("w")} xml:space="preserve">{b}</w:t>')
                    rr.append(t2)
doc.save(out / "SLDTBXH nbh.docx")

# c) a .doc that is a web page (HTML saved with a .doc name, as e-office systems export)
html = """<html xmlns:o='urn:schemas-microsoft-com:office:office' xmlns:w='urn:schemas-microsoft-com:office:word'><head><meta charset='utf-8'><title>Báo cáo</title></head><body>
<table><tr><td>UBND TỈNH BẮC KẠN<br>SỞ TÀI CHÍNH<br>Số: 7/BC-STC</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br>Bắc Kạn, ngày 15 tháng 12 năm 2021</td></tr></table>
<p><b>BÁO CÁO</b></p><p><b>I. TỔ CHỨC THỰC HIỆN</b></p><p><b>1. Công tác chỉ đạo, ban hành kế hoạch triển khai</b></p><p>Ban hành Kế hoạch số 3/KH-STC.</p>
<p><b>2. Nội dung hoạt động đã triển khai</b></p><p>Tổ chức tọa đàm.</p><p><b>3. Kinh phí tổ chức</b></p><p>a) Ngân sách nhà nước: 4.000.000 đồng</p><p>b) Ngân sách vận động: 0 đồng</p>
<p><b>II. ĐÁNH GIÁ CHUNG</b></p><p><b>1. Những kết quả đã đạt được, bài học kinh nghiệm</b></p><p>Tốt.</p><p><b>2. Những khó khăn, tồn tại</b></p><p>Không có.</p><p><b>3. Kiến nghị, đề xuất</b></p><p>Không có.</p>
<p><b>III. TỔNG HỢP SỐ LIỆU</b></p><p>1. Tổ chức các hoạt động hưởng ứng</p>
<table border=1><tr><td rowspan=2>STT</td><td rowspan=2>Hoạt động</td><td rowspan=2>Số cuộc</td><td colspan=2>Số người tham gia</td><td rowspan=2>Cấp triển khai</td></tr><tr><td>Nam</td><td>Nữ</td></tr>
<tr><td>1</td><td>Tọa đàm</td><td>2</td><td>25</td><td>35</td><td>Tỉnh</td></tr></table>
<p>2. Kết quả truyền thông</p><p>Không có.</p><p>3. Phát hành các sản phẩm truyền thông</p><p>Không có.</p>
<table><tr><td>Nơi nhận:</td><td>GIÁM ĐỐC<br><br>Lê Văn Tài</td></tr></table></body></html>"""
(out / "BC STC (xuat tu he thong).doc").write_bytes(html.encode("utf-8"))

# d) the docx produced by an e-office system with the report in an altChunk (HTML part)
buf = io.BytesIO()
base = Document()
base.add_paragraph("")
base.save(buf)
z_in = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
o = io.BytesIO()
with zipfile.ZipFile(o, "w", zipfile.ZIP_DEFLATED) as z:
    for item in z_in.infolist():
        d = z_in.read(item.filename)
        if item.filename == "word/document.xml":
            d = d.replace(b"<w:body>", b'<w:body><w:altChunk r:id="htmlChunk"/>')
        if item.filename == "word/_rels/document.xml.rels":
            d = d.replace(
                b"</Relationships>",
                b'<Relationship Id="htmlChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.html"/></Relationships>',
            )
        if item.filename == "[Content_Types].xml":
            d = d.replace(
                b"</Types>", b'<Default Extension="html" ContentType="text/html"/></Types>'
            )
        z.writestr(item, d)
    z.writestr(
        "word/chunk.html",
        html.replace("SỞ TÀI CHÍNH", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ").replace("7/BC-STC", "8/BC-SKHDT"),
    )
(out / "BC SKHDT (he thong).docx").write_bytes(o.getvalue())
