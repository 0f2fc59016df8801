"""Word answers (python-docx -> LibreOffice .doc / .pdf) and one e-mail with a form attached.

Run from the campaign folder after make_forms.py.
"""

import datetime as dt
import subprocess
from email.message import EmailMessage
from email.utils import format_datetime

import docx
import openpyxl
from make_forms import INBOX, T, W, info, rows


def table(doc, first, data):
    t = doc.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    h = [
        "STT",
        first,
        "Số cuộc" if first == "Hoạt động" else "Số lượng",
        "Số người tham gia" if first == "Hoạt động" else "Số người tiếp cận",
        "",
        "Cấp triển khai",
    ]
    for i, v in enumerate(h):
        t.cell(0, i).text = v
    t.cell(1, 3).text, t.cell(1, 4).text = "Nam", "Nữ"
    t.cell(0, 3).merge(t.cell(0, 4))
    for n, row in enumerate(data, 1):
        cells = t.add_row().cells
        for i, v in enumerate((str(n), *row)):
            cells[i].text = str(v)


def word(agency, no, date, signer, acts, media, prods, name, fmt):
    d = docx.Document()
    d.add_paragraph(agency.upper())
    d.add_paragraph(f"Số: {no}")
    d.add_paragraph(f"Bắc Kạn, ngày {date}")
    d.add_paragraph("BÁO CÁO KẾT QUẢ THỰC HIỆN THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI NĂM 2021")
    d.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    d.add_paragraph(f"{agency} đã ban hành kế hoạch triển khai Tháng hành động.")
    d.add_paragraph("2. Nội dung hoạt động đã triển khai")
    d.add_paragraph("a) Tổ chức các hoạt động hưởng ứng")
    table(d, "Hoạt động", acts)
    d.add_paragraph("b) Kết quả truyền thông")
    table(d, "Nội dung", media)
    d.add_paragraph("c) Phát hành các sản phẩm truyền thông")
    table(d, "Sản phẩm", prods)
    d.add_paragraph("II. ĐÁNH GIÁ CHUNG")
    d.add_paragraph("1. Kết quả đạt được")
    d.add_paragraph("Các hoạt động được tổ chức đúng kế hoạch.")
    d.add_paragraph("2. Tồn tại, hạn chế")
    d.add_paragraph("Kinh phí còn hạn hẹp.")
    d.add_paragraph("3. Kiến nghị, đề xuất")
    d.add_paragraph("Đề nghị tỉnh hỗ trợ tài liệu.")
    d.add_paragraph("Kinh phí thực hiện: 15.000.000 đồng")
    d.add_paragraph(signer)
    src = W / (name + ".docx")
    d.save(src)
    subprocess.run(
        [
            "soffice",
            "-env:UserInstallation=file:///tmp/t4/profile",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(INBOX),
            str(src),
        ],
        check=True,
        capture_output=True,
    )


def mail():
    wb = openpyxl.load_workbook(T / "2021_ldld_lien-doan-lao-dong-tinh.xlsx")
    info(wb, dt.datetime(2021, 12, 16), "20/BC-LĐLĐ", "CHỦ TỊCH", "Phạm Văn Giang")
    rows(wb["1. Hoạt động"], [("Nói chuyện chuyên đề", 10, 500, 700, "Tỉnh")])
    rows(wb["3. Sản phẩm"], [("Áp phích", 200, None, None, "Tỉnh")])
    wb.save(W / "ldld.xlsx")
    m = EmailMessage()
    m["From"] = "congdoan@backan.gov.vn"
    m["To"] = "binhdanggioi@backan.gov.vn"
    m["Subject"] = "Báo cáo tháng hành động BĐG"
    m["Date"] = format_datetime(
        dt.datetime(2021, 12, 16, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    )
    m.set_content("Kính gửi Sở LĐTBXH, LĐLĐ tỉnh gửi báo cáo.")
    m.add_attachment(
        (W / "ldld.xlsx").read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="BC LDLD.xlsx",
    )
    (INBOX / "Fwd BC thang hanh dong LĐLĐ.eml").write_bytes(bytes(m))


if __name__ == "__main__":
    word(
        "Tỉnh đoàn Bắc Kạn",
        "55-BC/TĐTN",
        "14 tháng 12 năm 2021",
        "Bí thư\nNông Thị Hoa",
        [
            ("Diễn đàn", "3", "1 200", "1 350", "Tỉnh"),
            ("Giao lưu văn nghệ", "4", "210", "260", "cấp Huyện"),
        ],
        [("Mạng xã hội", "30", "5 000", "6 000", "Tỉnh")],
        [("Video clip", "5", "", "", "Tỉnh")],
        "BC Tinh doan",
        "doc",
    )
    word(
        "Sở Tư pháp",
        "77/BC-STP",
        "13 tháng 12 năm 2021",
        "Giám đốc\nVi Văn Khánh",
        [("Thi tìm hiểu pháp luật", "2", "140", "160", "Tỉnh")],
        [("Báo in", "6", "", "", "Tỉnh")],
        [("Tài liệu tuyên truyền", "500", "", "", "Tỉnh")],
        "STP bao cao BDG",
        "pdf",
    )
    mail()
