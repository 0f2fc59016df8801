"""Hội LHPN's Word report: ND30 header without a 'Tên đơn vị' label, one-row table header, '1.200 người'.
Intended: Hoạt động: Tọa đàm Tỉnh 2 cuộc, 0 nam, 150 nữ; Truyền thông: Facebook Tỉnh 12, 800, 1.200 người.
Usage: .venv/bin/python make_word2.py OUT.docx"""

import sys

import docx

d = docx.Document()
t = d.add_table(rows=1, cols=2)
t.cell(0, 0).text = "HỘI LHPN TỈNH BẮC KẠN\nSố: 12/BC-HPN"
t.cell(
    0, 1
).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBắc Kạn, ngày 10 tháng 12 năm 2021"
for p in [
    "BÁO CÁO",
    "Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2021",
    "I. TỔ CHỨC THỰC HIỆN",
    "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
    "Ban Thường vụ Hội ban hành Công văn số 88/HPN-TG ngày 02/11/2021.",
    "2. Nội dung hoạt động đã triển khai",
    "Tổ chức tọa đàm, truyền thông trên mạng xã hội.",
    "3. Kinh phí tổ chức",
    "a) Ngân sách nhà nước: 7.000.000 đồng",
    "b) Ngân sách vận động: 3.000.000 đồng",
    "II. ĐÁNH GIÁ CHUNG",
    "1. Những kết quả đã đạt được, bài học kinh nghiệm",
    "Hội viên tham gia tích cực.",
    "2. Những khó khăn, tồn tại",
    "Không có.",
    "3. Kiến nghị, đề xuất",
    "Không có.",
    "III. TỔNG HỢP SỐ LIỆU",
    "1. Tổ chức các hoạt động hưởng ứng Tháng hành động",
]:
    d.add_paragraph(p)


def table(head, count, rows):
    t = d.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    for i, h in enumerate(["STT", head, count, "Nam", "Nữ", "Cấp triển khai"]):
        t.cell(0, i).text = h
    for r in rows:
        for c, v in zip(t.add_row().cells, r, strict=False):
            c.text = v


table("Hoạt động", "Số cuộc", [["1", "Tọa đàm", "2", "0", "150", "Tỉnh"]])
d.add_paragraph("2. Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở")
table("Nội dung", "Số lượng", [["1", "Facebook", "12", "800", "1.200 người", "Tỉnh"]])
d.add_paragraph("3. Phát hành các sản phẩm truyền thông")
d.add_paragraph("Không phát hành sản phẩm.")
d.add_paragraph("CHỦ TỊCH")
d.add_paragraph("Hoàng Thị B")
d.save(sys.argv[1])
