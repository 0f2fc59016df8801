"""Build trial-6 answers: forms filled by openpyxl, re-saved by LibreOffice, Word/PDF/mail."""

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime

import openpyxl
from docx import Document
from PIL import Image

DOT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/t6/dot2"
FORMS = os.path.join(DOT, "mau-bao-cao")
INBOX = os.path.join(DOT, "inbox")
TMP = tempfile.mkdtemp(prefix="t6b_")
PROFILE = "file://" + os.path.join(TMP, "lo-profile")
SHEETS = ["1. Hoạt động", "2. Truyền thông", "3. Sản phẩm"]


def form(code):
    return next(
        os.path.join(FORMS, f) for f in os.listdir(FORMS) if f.startswith(f"2026_{code.lower()}_")
    )


def fill(code, tables, info=None, wb=None):
    wb = wb or openpyxl.load_workbook(form(code))
    gi = wb["Thông tin chung"]
    info = {
        "B5": f"15/BC-{code}",
        "B6": datetime.datetime(2026, 12, 10),
        "B7": "GIÁM ĐỐC",
        "B8": "Nguyễn Văn An",
        "B11": f"{code} ban hành Kế hoạch số 12/KH-{code} ngày 01/11/2026.",
        "B12": "Tổ chức các hoạt động hưởng ứng.",
        "B13": 10000000,
        "B14": 2000000,
        "B16": "Nhận thức về bình đẳng giới được nâng lên.",
        "B17": "Kinh phí còn hạn chế.",
        "B18": "Đề nghị Bộ hỗ trợ tài liệu.",
        **(info or {}),
    }
    for k, v in info.items():
        gi[k] = v
    for sheet, rows in zip(SHEETS, tables):
        ws = wb[sheet]
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                ws.cell(7 + i, 2 + j, v)
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
    base = os.path.splitext(os.path.basename(src))[0]
    return os.path.join(outdir, base + "." + fmt.split(":")[0])


def lo_save(wb, name, fmt):
    """Save with openpyxl, then open and save with LibreOffice in format fmt, copy to inbox as name."""
    src = os.path.join(TMP, os.path.splitext(name)[0].replace(" ", "_") + "_src.xlsx")
    wb.save(src)
    out_dir = os.path.join(TMP, "lo_" + fmt.split(":")[0] + str(len(os.listdir(TMP))))
    os.makedirs(out_dir)
    out = soffice(src, fmt, out_dir)
    shutil.copy(out, os.path.join(INBOX, name))


A = lambda *r: list(r)
os.makedirs(INBOX, exist_ok=True)

# 1 SYT: LibreOffice .xlsx, renamed by the clerk
lo_save(
    fill(
        "SYT",
        [
            [A("Tập huấn", 3, 120, 180, "Tỉnh")],
            [A("Phát thanh", 4, None, None, "Tỉnh")],
            [A("Tờ rơi", 500, 200, 300, "Tỉnh")],
        ],
    ),
    "BC thang hanh dong - SO Y TE (final) (1).xlsx",
    "xlsx",
)
# 2 SGDDT: .ods
lo_save(
    fill("SGDDT", [[A("Tọa đàm", 2, 40, 60, "Tỉnh"), A("Tập huấn", 5, 100, 150, "Huyện")], [], []]),
    "2026_sgddt_so-giao-duc-va-dao-tao.ods",
    "ods",
)
# 3 STP: old .xls
lo_save(
    fill(
        "STP",
        [
            [A("Nói chuyện chuyên đề", 6, 210, 240, "Xã")],
            [],
            [A("Áp phích", 30, None, None, "Tỉnh")],
        ],
    ),
    "BC STP 2026.xls",
    "xls:MS Excel 97",
)
# 4 SNV: formula referencing another sheet the clerk added
wb = fill("SNV", [[A("Hội thảo", "=SoLieu!B1", "=SoLieu!B2", "=SoLieu!B3", "Tỉnh")], [], []])
sl = wb.create_sheet("SoLieu")
sl["B1"] = 2
sl["B2"] = 45
sl["B3"] = 55
lo_save(wb, "So Noi vu - BC THD.xlsx", "xlsx")
# 5 SVHTTDL: thousands separators typed as text
lo_save(
    fill(
        "SVHTTDL",
        [
            [
                A("Diễn đàn", 2, "1.250", "1,250", "Tỉnh"),
                A("Đối thoại", 3, "1 250", "2.100", "Huyện"),
            ],
            [],
            [],
        ],
    ),
    "BC SVHTTDL.xlsx",
    "xlsx",
)
# 6 STTTT: words in number cells
lo_save(
    fill(
        "STTTT",
        [
            [
                A("Tập huấn", 2, "12 người", "khoảng 300", "Tỉnh"),
                A("Tọa đàm", "—", "x", "không", "Tỉnh"),
            ],
            [A("Trang thông tin điện tử", 15, None, None, "Tỉnh")],
            [],
        ],
    ),
    "BC STTTT.xlsx",
    "xlsx",
)
# 7 SKHDT: extra row inserted inside the table (between rows 7 and 8)
wb = fill("SKHDT", [[A("Tập huấn", 1, 20, 30, "Tỉnh"), A("Tọa đàm", 1, 10, 15, "Tỉnh")], [], []])
ws = wb["1. Hoạt động"]
ws.insert_rows(8)
for j, v in enumerate(["1a", "Hội thảo", 1, 25, 35, "Tỉnh"]):
    ws.cell(8, 1 + j, v)
lo_save(wb, "BC SKHDT.xlsx", "xlsx")
# 8 STC: deleted an unused row, hid column A (STT)
wb = fill("STC", [[A("Tập huấn", 2, 30, 50, "Tỉnh")], [], [A("Băng rôn", 10, None, None, "Tỉnh")]])
ws = wb["1. Hoạt động"]
ws.delete_rows(20)
ws.column_dimensions["A"].hidden = True
lo_save(wb, "BC STC.xlsx", "xlsx")
# 9 SNNPTNT: rows sorted (STT out of order) + a Tổng cộng row
wb = fill(
    "SNNPTNT",
    [
        [
            A("Tập huấn", 4, 80, 120, "Xã"),
            A("Diễn đàn", 1, 50, 70, "Huyện"),
            A("Tọa đàm", 2, 30, 40, "Tỉnh"),
        ],
        [],
        [],
    ],
)
ws = wb["1. Hoạt động"]
for i, n in enumerate([3, 1, 2]):
    ws.cell(7 + i, 1, n)
ws.cell(10, 2, "Tổng cộng")
ws.cell(10, 3, "=SUM(C7:C9)")
ws.cell(10, 4, "=SUM(D7:D9)")
ws.cell(10, 5, "=SUM(E7:E9)")
lo_save(wb, "BC So NN.xlsx", "xlsx")
# 10 CAT: merged level over two rows + two activities in one cell with a line break
wb = fill(
    "CAT",
    [
        [
            A("Tập huấn", 3, 60, 40, "Huyện"),
            A("Tọa đàm", 2, 30, 20, None),
            A("Diễn đàn\nĐối thoại", 2, 100, 80, "Tỉnh"),
        ],
        [],
        [],
    ],
)
wb["1. Hoạt động"].merge_cells("F7:F8")
lo_save(wb, "BC Cong an tinh.xlsx", "xlsx")
# 11 HLHPN: normal answer
lo_save(
    fill(
        "HLHPN",
        [[A("Diễn đàn", 1, 40, 260, "Tỉnh")], [A("Mạng xã hội", 20, None, None, "Tỉnh")], []],
    ),
    "2026_hlhpn_hoi-lien-hiep-phu-nu-tinh.xlsx",
    "xlsx",
)
# 12 BCHQS clerk copied the HLHPN form (all self-identifying data is HLHPN's) and named the file after BCHQS
lo_save(
    fill("HLHPN", [[A("Nói chuyện chuyên đề", 2, 300, 20, "Tỉnh")], [], []]),
    "BC Bo CHQS tinh.xlsx",
    "xlsx",
)
# 13 LDLD filled Tỉnh đoàn's form (hidden code TDOAN) but typed its own name in B4
wb = fill(
    "TDOAN", [[A("Tập huấn", 2, 70, 90, "Tỉnh")], [], []], info={"B4": "Liên đoàn Lao động tỉnh"}
)
lo_save(wb, "BC LDLD.xlsx", "xlsx")

# ---- Word / PDF / mail ----
HDR = {
    1: ("Hoạt động", "Số cuộc", "Số người tham gia"),
    2: ("Nội dung", "Số lượng", "Số người tiếp cận"),
    3: ("Sản phẩm", "Số lượng", "Số người tiếp cận"),
}
CAP = {
    1: "1. Tổ chức các hoạt động hưởng ứng",
    2: "2. Kết quả truyền thông",
    3: "3. Phát hành các sản phẩm truyền thông",
}


def nd30_doc(parent, name, tables, as_text=False):
    d = Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = f"{parent}\n{name.upper()}\nSố: 20/BC"
    t.cell(
        0, 1
    ).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nThái Nguyên, ngày 09 tháng 12 năm 2026"
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph(
        "Kết quả thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026"
    )
    d.add_paragraph(f"Tên đơn vị báo cáo: {name}")
    d.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    d.add_paragraph(
        f"{name} ban hành Kế hoạch số 05/KH ngày 05/11/2026 triển khai Tháng hành động."
    )
    d.add_paragraph("2. Nội dung hoạt động đã triển khai")
    for k, rows in tables.items():
        d.add_paragraph(CAP[k])
        h = HDR[k]
        if as_text:
            d.add_paragraph("\t".join(["STT", h[0], h[1], h[2] + " Nam", "Nữ", "Cấp triển khai"]))
            for i, r in enumerate(rows, 1):
                d.add_paragraph("\t".join([str(i)] + [str(x) for x in r]))
            continue
        tb = d.add_table(rows=2, cols=6)
        tb.style = "Table Grid"
        for j, v in enumerate(["STT", h[0], h[1], h[2], "", "Cấp triển khai"]):
            tb.cell(0, j).text = v
        tb.cell(1, 3).text = "Nam"
        tb.cell(1, 4).text = "Nữ"
        for j in (0, 1, 2, 5):
            tb.cell(0, j).merge(tb.cell(1, j))
        tb.cell(0, 3).merge(tb.cell(0, 4))
        tb.cell(0, 3).text = h[2]
        for i, r in enumerate(rows, 1):
            cells = tb.add_row().cells
            for j, v in enumerate([i] + list(r)):
                cells[j].text = "" if v is None else str(v)
    d.add_paragraph(
        "3. Kinh phí tổ chức: Ngân sách nhà nước: 8.000.000 đồng; ngân sách vận động: 0 đồng."
    )
    d.add_paragraph("II. ĐÁNH GIÁ CHUNG")
    d.add_paragraph("1. Những kết quả đã đạt được, bài học kinh nghiệm")
    d.add_paragraph("Các hoạt động được triển khai đúng kế hoạch.")
    d.add_paragraph("2. Những khó khăn, tồn tại")
    d.add_paragraph("Nhân lực làm công tác bình đẳng giới còn kiêm nhiệm.")
    d.add_paragraph("3. Kiến nghị, đề xuất")
    d.add_paragraph("Đề nghị UBND tỉnh bố trí kinh phí.")
    d.add_paragraph("GIÁM ĐỐC\nLê Thị Bình")
    return d


def docx_tmp(doc, name):
    p = os.path.join(TMP, name)
    doc.save(p)
    return p


# 14 BTN: Word with three real tables
nd30_doc(
    "",
    "Báo Thái Nguyên",
    {
        1: [("Tọa đàm", 1, 15, 25, "Tỉnh")],
        2: [("Báo in", 12, 3000, 3500, "Tỉnh")],
        3: [("Video clip", 4, 800, 900, "Tỉnh")],
    },
).save(os.path.join(INBOX, "Bao cao Bao Thai Nguyen.docx"))
# 15 DPTTH: tables as tab-separated text
nd30_doc(
    "",
    "Đài Phát thanh và Truyền hình Thái Nguyên",
    {1: [("Tọa đàm", 2, 20, 30, "Tỉnh")], 2: [("Truyền hình", 10, 5000, 6000, "Tỉnh")]},
    as_text=True,
).save(os.path.join(INBOX, "BC Dai PTTH.docx"))
# 16 TPTN: .doc via LibreOffice
p = docx_tmp(
    nd30_doc(
        "UBND TỈNH THÁI NGUYÊN",
        "UBND thành phố Thái Nguyên",
        {1: [("Tập huấn", 5, 150, 250, "Xã"), ("Diễn đàn", 1, 100, 120, "Huyện")]},
    ),
    "TPTN.docx",
)
shutil.copy(
    soffice(p, "doc:MS Word 97", os.path.join(TMP, "d1")),
    os.path.join(INBOX, "TP Thai Nguyen BC THD.doc"),
)
# 17 TPSC: PDF exported by LibreOffice
p = docx_tmp(
    nd30_doc(
        "UBND TỈNH THÁI NGUYÊN",
        "UBND thành phố Sông Công",
        {1: [("Hội thảo", 1, 35, 45, "Huyện")], 3: [("Pano", 6, None, None, "Xã")]},
    ),
    "TPSC.docx",
)
pdf = soffice(p, "pdf", os.path.join(TMP, "p1"))
shutil.copy(pdf, os.path.join(INBOX, "Song Cong - bao cao THD 2026.pdf"))
# 18 TPPY: scanned PDF (image only) from pdftoppm output + Pillow
p = docx_tmp(
    nd30_doc(
        "UBND TỈNH THÁI NGUYÊN", "UBND thành phố Phổ Yên", {1: [("Tập huấn", 2, 40, 60, "Xã")]}
    ),
    "TPPY.docx",
)
pdf = soffice(p, "pdf", os.path.join(TMP, "p2"))
subprocess.run(["pdftoppm", "-png", "-r", "100", pdf, os.path.join(TMP, "scan")], check=True)
imgs = [
    Image.open(os.path.join(TMP, f)).convert("RGB")
    for f in sorted(os.listdir(TMP))
    if f.startswith("scan")
]
imgs[0].save(os.path.join(INBOX, "Pho Yen scan.pdf"), save_all=True, append_images=imgs[1:])


def mail(sender, subject, attachments, date):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "binhdanggioi@thainguyen.gov.vn"
    m["Subject"] = subject
    m["Date"] = format_datetime(date)
    m.set_content("Kính gửi Sở LĐTBXH, đơn vị gửi báo cáo.")
    for fname, data, mt in attachments:
        m.add_attachment(data, maintype=mt[0], subtype=mt[1], filename=("utf-8", "", fname))
    return m.as_bytes()


VN = datetime.timezone(datetime.timedelta(hours=7))
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
# 19 DAITU: e-mail, attachment name with diacritics, RFC 2231
wb = fill(
    "DAITU",
    [
        [A("Thi tìm hiểu pháp luật", 3, 200, 260, "Xã")],
        [A("Hệ thống loa truyền thanh cơ sở", 40, None, None, "Xã")],
        [],
    ],
)
p = os.path.join(TMP, "daitu.xlsx")
wb.save(p)
p = soffice(p, "xlsx", os.path.join(TMP, "m1"))
open(os.path.join(INBOX, "Bao cao huyen Dai Tu.eml"), "wb").write(
    mail(
        "vanthu.daitu@thainguyen.gov.vn",
        "Báo cáo Tháng hành động",
        [("Báo cáo Tháng hành động - Đại Từ.xlsx", open(p, "rb").read(), XLSX)],
        datetime.datetime(2026, 12, 12, 9, 30, tzinfo=VN),
    )
)
# 20 DINHHOA + PHULUONG: one e-mail with a .zip of two forms
z = os.path.join(TMP, "hai.zip")
with zipfile.ZipFile(z, "w") as zf:
    for code, rows in (
        ("DINHHOA", [A("Tập huấn", 2, 50, 70, "Xã")]),
        ("PHULUONG", [A("Tọa đàm", 3, 60, 90, "Huyện")]),
    ):
        q = os.path.join(TMP, code + ".xlsx")
        fill(code, [rows, [], []]).save(q)
        zf.write(q, f"Báo cáo {code}.xlsx")
open(os.path.join(INBOX, "Fwd bao cao 2 huyen.eml"), "wb").write(
    mail(
        "ldtbxh.dinhhoa@gmail.com",
        "Fwd: báo cáo",
        [("Báo cáo hai huyện.zip", open(z, "rb").read(), ("application", "zip"))],
        datetime.datetime(2026, 12, 14, 16, 0, tzinfo=VN),
    )
)
print("built in", INBOX)
