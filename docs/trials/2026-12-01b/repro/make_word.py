"""Sở Nội vụ's Word report typed from the form (python-docx): ND30 header, two-row table header
(Số người tham gia over Nam/Nữ), Vietnamese thousands '1.200'. Usage: python make_word.py OUT.docx"""

import sys

import docx
from truth import INFO, TABLES

i = INFO["SNV"]
d = docx.Document()
h = d.add_table(rows=1, cols=2)
h.cell(0, 0).text = "UBND TỈNH BẮC KẠN\nSỞ NỘI VỤ\nSố: " + i[0]
h.cell(0, 1).text = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Bắc Kạn, ngày 16 tháng 12 năm 2021"
)
for p in [
    "BÁO CÁO",
    "Kết quả thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó "
    "với bạo lực trên cơ sở giới năm 2021",
    "I. TỔ CHỨC THỰC HIỆN",
    "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
    i[4],
    "2. Nội dung hoạt động đã triển khai",
    i[5],
    "3. Kinh phí tổ chức",
    "a) Ngân sách nhà nước: 3.000.000 đồng",
    "b) Ngân sách vận động: 0 đồng",
    "II. ĐÁNH GIÁ CHUNG",
    "1. Những kết quả đã đạt được, bài học kinh nghiệm",
    i[8],
    "2. Những khó khăn, tồn tại",
    "Không có.",
    "3. Kiến nghị, đề xuất",
    "Không có.",
    "III. TỔNG HỢP SỐ LIỆU",
    "1. Tổ chức các hoạt động hưởng ứng Tháng hành động",
]:
    d.add_paragraph(p)


def vn(n):
    return f"{n:,}".replace(",", ".")


def table(head, count, people, rows):
    t = d.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    for c, txt in enumerate(["STT", head, count, people, people, "Cấp triển khai"]):
        t.cell(0, c).text = txt
    t.cell(1, 3).text, t.cell(1, 4).text = "Nam", "Nữ"
    t.cell(0, 3).merge(t.cell(0, 4)).text = people
    for c in (0, 1, 2, 5):
        txt = t.cell(0, c).text
        t.cell(0, c).merge(t.cell(1, c)).text = txt
    for k, (item, n, nam, nu, lvl) in enumerate(rows, 1):
        for cell, v in zip(
            t.add_row().cells, [str(k), item, vn(n), vn(nam), vn(nu), lvl], strict=False
        ):
            cell.text = v


table("Hoạt động", "Số cuộc", "Số người tham gia", TABLES["SNV"][1])
d.add_paragraph("2. Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở")
table("Nội dung", "Số lượng", "Số người tiếp cận", TABLES["SNV"][2])
d.add_paragraph("3. Phát hành các sản phẩm truyền thông")
d.add_paragraph("Không phát hành sản phẩm.")
d.add_paragraph("GIÁM ĐỐC")
d.add_paragraph(i[3])
d.save(sys.argv[1])
