"""Word answer (python-docx), a note docx, an .eml carrying a form, a zip of two forms.

Usage: .venv/bin/python make_other.py TEMPLATES_DIR OUT_DIR
Intended figures of the Word report (Sở Nội vụ): Hoạt động: Hội nghị Tỉnh 1 cuộc, 45 nam, 55 nữ;
Tập huấn Tỉnh 2 cuộc, 1.200 nam, 1.350 nữ. Truyền thông: Bài viết trên trang thông tin điện tử Tỉnh 6,
blank, blank. Kinh phí: NSNN 15 triệu đồng; vận động: không.
"""

import sys
import zipfile
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import docx

T, OUT = Path(sys.argv[1]), Path(sys.argv[2])
d = docx.Document()
hdr = d.add_table(rows=2, cols=2)
hdr.cell(0, 0).text = "UBND TỈNH BẮC KẠN\nSỞ NỘI VỤ"
hdr.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
hdr.cell(1, 0).text = "Số: 456/BC-SNV"
hdr.cell(1, 1).text = "Bắc Kạn, ngày 16 tháng 12 năm 2021"
d.add_paragraph("BÁO CÁO").runs[0].bold = True
d.add_paragraph(
    "Kết quả thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2021"
)
for text in [
    "I. TỔ CHỨC THỰC HIỆN",
    "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
    "Sở Nội vụ ban hành Kế hoạch số 78/KH-SNV ngày 05/11/2021 triển khai Tháng hành động trong cơ quan.",
    "2. Nội dung hoạt động đã triển khai",
    "Tổ chức hội nghị quán triệt và tập huấn cho cán bộ, công chức về bình đẳng giới.",
    "3. Kinh phí tổ chức",
    "a) Ngân sách nhà nước: 15 triệu đồng",
    "b) Ngân sách vận động: không",
    "II. ĐÁNH GIÁ CHUNG",
    "1. Những kết quả đã đạt được, bài học kinh nghiệm",
    "Cán bộ, công chức nắm rõ hơn các quy định về bình đẳng giới.",
    "2. Những khó khăn, tồn tại",
    "Thời gian tổ chức ngắn.",
    "3. Kiến nghị, đề xuất",
    "Đề nghị Bộ Nội vụ ban hành tài liệu hướng dẫn lồng ghép giới trong công tác cán bộ.",
    "III. TỔNG HỢP SỐ LIỆU",
    "1. Tổ chức các hoạt động hưởng ứng Tháng hành động, kiểm tra, giám sát...",
]:
    d.add_paragraph(text)


def table(head, rows):
    t = d.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    for i, h in enumerate(
        [
            "STT",
            head,
            "Số cuộc" if head == "Hoạt động" else "Số lượng",
            "Số người tham gia" if head == "Hoạt động" else "Số người tiếp cận",
            "",
            "Cấp triển khai",
        ]
    ):
        t.cell(0, i).text = h
    t.cell(0, 3).merge(t.cell(0, 4))
    t.cell(1, 3).text = "Nam"
    t.cell(1, 4).text = "Nữ"
    for r in rows:
        cells = t.add_row().cells
        for c, v in zip(cells, r, strict=False):
            c.text = v


table(
    "Hoạt động",
    [["1", "Hội nghị", "1", "45", "55", "Tỉnh"], ["2", "Tập huấn", "2", "1.200", "1.350", "Tỉnh"]],
)
d.add_paragraph("2. Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở")
table("Nội dung", [["1", "Bài viết trên trang thông tin điện tử", "6", "", "", "Tỉnh"]])
d.add_paragraph("3. Phát hành các sản phẩm truyền thông")
table("Sản phẩm", [])
for text in ["Nơi nhận:", "- Sở LĐ-TB&XH;", "- Lưu: VT.", "GIÁM ĐỐC", "Trần Văn C"]:
    d.add_paragraph(text)
d.save(OUT / "Bao cao THD So Noi vu.docx")

# A note that is not a report.
n = docx.Document()
n.add_paragraph("Danh sách cán bộ đi tập huấn tháng 11/2021")
n.add_paragraph("1. Nguyễn Văn D")
n.save(OUT / "Danh sach can bo di tap huan.docx")

# An e-mail from Tỉnh đoàn with its template attached (sent 21/12, after the deadline), no filling.
msg = EmailMessage()
msg["From"] = "tinhdoan@backan.gov.vn"
msg["To"] = "binhdanggioi@backan.gov.vn"
msg["Subject"] = "V/v gửi báo cáo Tháng hành động"
msg["Date"] = format_datetime(datetime(2021, 12, 21, 9, 30, tzinfo=timezone(timedelta(hours=7))))
msg.set_content("Tỉnh đoàn gửi báo cáo kèm theo.")
att = OUT / "tdoan.xlsx"
msg.add_attachment(
    att.read_bytes(),
    maintype="application",
    subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename="Báo cáo Tỉnh đoàn.xlsx",
)
(OUT / "Fwd- V-v gui bao cao.eml").write_bytes(bytes(msg))
att.unlink()

with zipfile.ZipFile(OUT / "2 huyen.zip", "w") as z:
    for f in ["chodon.xlsx", "pacnam.xlsx"]:
        z.write(OUT / f, f"Bao cao/{f}")
        (OUT / f).unlink()
