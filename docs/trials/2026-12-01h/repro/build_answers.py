"""Build the communes' answers for trial 8 (run from /tmp/t8/dot2026)."""

import json
import os
import shutil
import subprocess
from email.message import EmailMessage

import docx
import openpyxl
from openpyxl.styles import Font
from PIL import Image, ImageDraw

IN = "inbox"
TMP = "/tmp/t8/build/tmp"
os.makedirs(TMP, exist_ok=True)
NOTE = {}


def soffice_save(path, fmt="xlsx"):
    out = TMP + "/lo"
    os.makedirs(out, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            "-env:UserInstallation=file:///tmp/t8/lo_prof",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            out,
            path,
        ],
        check=True,
        capture_output=True,
    )
    return os.path.join(out, os.path.splitext(os.path.basename(path))[0] + "." + fmt)


# 1. Yen Thinh: one sheet, three tables under each other, one-row headers, STT/Ghi chú, Cộng row
def yen_thinh():
    t1 = [("Tọa đàm", 2, 45, 60, "Xã"), ("Tập huấn", 1, 1200, 1350, "Xã")]
    t2 = [("Hệ thống loa truyền thanh cơ sở", 30, 2500, 2700, "Xã")]
    t3 = [("Băng rôn", 5, None, None, "Xã"), ("Tờ rơi", 300, 150, 150, "Xã")]
    NOTE["YTHINH"] = {
        "t1": t1,
        "t2": t2,
        "t3": t3,
        "budget_total": 3500000,
        "typed": "1.200 and 1.350 typed as text; Cộng row; budget 'Tổng kinh phí: 3.500.000đ'",
    }
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["BÁO CÁO KẾT QUẢ THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI NĂM 2026"])
    ws.append([])

    def table(title, name, rows):
        ws.append([title])
        ws.append(
            [
                "STT",
                name,
                "Số cuộc" if name == "Hoạt động" else "Số lượng",
                "Số người tham gia (Nam)",
                "Số người tham gia (Nữ)",
                "Cấp triển khai",
                "Ghi chú",
            ]
        )
        s = [0, 0, 0]
        for i, (a, n, m, f, lv) in enumerate(rows, 1):
            mm = "1.200" if m == 1200 else m
            ff = "1.350" if f == 1350 else f
            ws.append([i, a, n, mm, ff, lv, "Tổ chức tại nhà văn hóa" if i == 1 else None])
            s = [s[0] + n, s[1] + (m or 0), s[2] + (f or 0)]
        ws.append([None, "Cộng", *s, None, None])
        ws.append([])

    table("1. Tổ chức các hoạt động hưởng ứng", "Hoạt động", t1)
    table("2. Kết quả truyền thông", "Nội dung", t2)
    table("3. Phát hành các sản phẩm truyền thông", "Sản phẩm", t3)
    ws.append(["Tổng kinh phí: 3.500.000đ"])
    p = TMP + "/BC THD 2026 Yen Thinh.xlsx"
    wb.save(p)
    shutil.copy(soffice_save(p), IN + "/BC THD 2026 Yen Thinh.xlsx")


# 2. Huu Lien: three sheets Bieu 1..3, two-row merged headers, extra columns, no level column
def huu_lien():
    t1 = [("Diễn đàn", 1, 80, 120), ("Thể thao", 2, 150, 90), ("Kiểm tra, giám sát", 1, 3, 2)]
    t2 = [("Mạng xã hội", 6, 400, 520)]
    t3 = [("Khẩu hiệu", 10, None, None), ("Pano", 2, None, None)]
    NOTE["HLIEN"] = {
        "t1": [(*r, "Xã") for r in t1],
        "t2": [(*r, "Xã") for r in t2],
        "t3": [(*r, "Xã") for r in t3],
        "typed": "'12 người'? no: Thể thao nữ typed '90 người'; no level column; name only in title row",
    }
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for k, (nm, col, rows) in enumerate(
        [("Hoạt động", "Số cuộc", t1), ("Nội dung", "Số lượng", t2), ("Sản phẩm", "Số lượng", t3)],
        1,
    ):
        ws = wb.create_sheet(f"Bieu {k}")
        ws["A1"] = "UBND XÃ HỮU LIÊN"
        ws["A1"].font = Font(bold=True)
        ws["A2"] = f"Biểu {k}. Kết quả Tháng hành động vì bình đẳng giới năm 2026"
        ws.append(["STT", nm, col, "Số người tham gia", None, "Thời gian", "Địa điểm"])
        ws.append([None, None, None, "Nam", "Nữ", None, None])
        for c in "ABCFG":
            ws.merge_cells(f"{c}3:{c}4")
        ws.merge_cells("D3:E3")
        for i, (a, n, m, f) in enumerate(rows, 1):
            ff = "90 người" if f == 90 else f
            ws.append([i, a, n, m, ff, "11/2026", "Nhà văn hóa thôn Cai Kinh"])
    p = TMP + "/Bao cao THD 2026.xlsx"
    wb.save(p)
    shutil.copy(soffice_save(p), IN + "/Bao cao THD 2026.xlsx")


def fill_form(code, fname, t1, t2, t3, budget=(None, None), name=None, extra=None):
    wb = openpyxl.load_workbook("mau-bao-cao/" + fname)
    g = wb["Thông tin chung"]
    g["B5"] = "25/BC-UBND"
    g["B8"] = "Nguyễn Văn An"
    g["B7"] = "CHỦ TỊCH"
    g["B11"] = "UBND xã ban hành Kế hoạch số 20/KH-UBND ngày 05/11/2026."
    g["B16"] = "Các hoạt động được nhân dân hưởng ứng."
    g["B17"] = "Kinh phí còn hạn hẹp."
    if budget[0] is not None:
        g["B13"] = budget[0]
    if budget[1] is not None:
        g["B14"] = budget[1]
    if name:
        g["B4"] = name
    for sh, rows in zip(["1. Hoạt động", "2. Truyền thông", "3. Sản phẩm"], [t1, t2, t3]):
        ws = wb[sh]
        for i, (a, n, m, f, lv) in enumerate(rows):
            r = 7 + i
            ws[f"B{r}"], ws[f"C{r}"], ws[f"D{r}"], ws[f"E{r}"], ws[f"F{r}"] = a, n, m, f, lv
    if extra:
        extra(wb)
    return wb


def fname(code):
    return next(f for f in os.listdir("mau-bao-cao") if f.split("_")[1] == code.lower())


# 3. Yen Binh: generated form; a row copied from sheet 2 pasted into sheet 1 (Phát thanh in activities)
def yen_binh():
    t1 = [
        ("Nói chuyện chuyên đề", 3, 70, 110, "Xã"),
        ("Giao lưu văn nghệ", 1, 200, 260, "Xã"),
        ("Phát thanh", 8, 0, 0, "Xã"),
    ]
    t2 = [("Phát thanh", 8, 0, 0, "Xã")]
    t3 = [("Tài liệu tuyên truyền", 200, 90, 110, "Xã")]
    NOTE["YBINH"] = {
        "t1": t1,
        "t2": t2,
        "t3": t3,
        "budget": (2000000, 1000000),
        "typed": "row 'Phát thanh' copied from sheet 2 into sheet 1 (row 9)",
    }
    wb = fill_form("YBINH", fname("YBINH"), t1, t2, t3, (2000000, 1000000))
    p = TMP + "/ybinh.xlsx"
    wb.save(p)
    shutil.copy(p, IN + "/" + fname("YBINH"))


# 4. Quyet Thang: generated form, name cell changed to another commune
def quyet_thang():
    t1 = [("Hội thảo", 1, 30, 40, "Xã")]
    t2 = [("Trang thông tin điện tử", 4, 300, 350, "Xã")]
    t3 = [("Áp phích", 20, None, None, "Xã")]
    NOTE["QTHANG"] = {
        "t1": t1,
        "t2": t2,
        "t3": t3,
        "budget": (1500000, 0),
        "typed": "B4 name changed to 'UBND xã Hòa Bình' in QTHANG's form",
    }
    wb = fill_form("QTHANG", fname("QTHANG"), t1, t2, t3, (1500000, 0), name="UBND xã Hòa Bình")
    p = TMP + "/q.xlsx"
    wb.save(p)
    shutil.copy(p, IN + "/" + fname("QTHANG"))


def word_report(name, t1, t2, t3, budget_line, path):
    d = docx.Document()
    d.add_paragraph(name.upper())
    d.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    d.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    d.add_paragraph("Số: 30/BC-UBND")
    d.add_paragraph("Hữu Lũng, ngày 10 tháng 12 năm 2026")
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2026")
    d.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    d.add_paragraph("UBND xã ban hành Kế hoạch số 18/KH-UBND ngày 01/11/2026.")
    d.add_paragraph("2. Nội dung hoạt động đã triển khai")
    for cap, nm, col, rows in [
        ("a) Tổ chức các hoạt động hưởng ứng", "Hoạt động", "Số cuộc", t1),
        ("b) Truyền thông", "Nội dung", "Số lượng", t2),
        ("c) Sản phẩm truyền thông", "Sản phẩm", "Số lượng", t3),
    ]:
        d.add_paragraph(cap)
        tb = d.add_table(rows=2, cols=6)
        tb.style = "Table Grid"
        h = ["STT", nm, col, "Số người tham gia", "", "Cấp triển khai"]
        for i, x in enumerate(h):
            tb.cell(0, i).text = x
        tb.cell(0, 3).merge(tb.cell(0, 4))
        tb.cell(0, 3).text = "Số người tham gia"
        for i in (0, 1, 2, 5):
            tb.cell(0, i).merge(tb.cell(1, i))
        tb.cell(1, 3).text = "Nam"
        tb.cell(1, 4).text = "Nữ"
        for k, (a, n, m, f, lv) in enumerate(rows, 1):
            c = tb.add_row().cells
            for i, x in enumerate([k, a, n, m, f, lv]):
                c[i].text = (
                    ""
                    if x is None
                    else (f"{x:,}".replace(",", ".") if isinstance(x, int) else str(x))
                )
    d.add_paragraph("3. Kinh phí tổ chức")
    d.add_paragraph(budget_line)
    d.add_paragraph("II. ĐÁNH GIÁ CHUNG")
    d.add_paragraph("1. Những kết quả đã đạt được, bài học kinh nghiệm")
    d.add_paragraph("Nhận thức của người dân về bình đẳng giới được nâng lên.")
    d.add_paragraph("2. Những khó khăn, tồn tại")
    d.add_paragraph("Địa bàn rộng, đi lại khó khăn.")
    d.add_paragraph("3. Kiến nghị, đề xuất")
    d.add_paragraph("Đề nghị tỉnh hỗ trợ tài liệu tuyên truyền.")
    d.add_paragraph("CHỦ TỊCH")
    d.add_paragraph("Lương Văn Bình")
    d.save(path)


# 5. Hoa Binh: Word report
def hoa_binh():
    t1 = [("Đối thoại", 1, 25, 35, "Xã"), ("Thi tìm hiểu pháp luật", 1, 60, 140, "Xã")]
    t2 = [("Hệ thống loa truyền thanh cơ sở", 20, 1800, 1900, "Xã")]
    t3 = [("Băng rôn", 4, None, None, "Xã")]
    NOTE["HBINH"] = {
        "t1": t1,
        "t2": t2,
        "t3": t3,
        "budget": (4000000, 1000000),
        "typed": "Word; 1.800/1.900 written with dot",
    }
    word_report(
        "UBND xã Hòa Bình",
        t1,
        t2,
        t3,
        "Tổng kinh phí 5.000.000 đồng (ngân sách nhà nước 4 triệu, xã hội hóa 1 triệu).",
        IN + "/Bao cao THD xa Hoa Binh.docx",
    )


# 6. Yen Vuong: .doc
def yen_vuong():
    t1 = [("Tập huấn", 2, 55, 75, "Xã")]
    t2 = [("Mạng xã hội", 3, 210, 290, "Xã")]
    t3 = [("Tranh cổ động", 6, None, None, "Xã")]
    NOTE["YVUONG"] = {
        "t1": t1,
        "t2": t2,
        "t3": t3,
        "budget": (0, 0),
        "typed": ".doc; 'Không sử dụng kinh phí.'",
    }
    p = TMP + "/BC Yen Vuong.docx"
    word_report("UBND xã Yên Vượng", t1, t2, t3, "Không sử dụng kinh phí.", p)
    shutil.copy(soffice_save(p, "doc"), IN + "/BC Yen Vuong.doc")


# 7. Yen Son: photographed page
def yen_son():
    im = Image.new("RGB", (1240, 1754), (235, 232, 225))
    dr = ImageDraw.Draw(im)
    for i in range(30):
        dr.line((100, 200 + 45 * i, 1140, 210 + 45 * i), fill=(60, 60, 60), width=2)
    im.save(IN + "/Yen Son bao cao.jpg", quality=80)
    NOTE["YSON"] = {"typed": "photo only, no figures readable"}


# 8. Minh Tien: e-mail with form + Word report
def minh_tien():
    t1 = [("Biểu dương tập thể, cá nhân tiêu biểu", 1, 12, 18, "Xã"), ("Tọa đàm", 1, 40, 55, "Xã")]
    t2 = [("Phát thanh", 10, 900, 1000, "Xã")]
    t3 = [("Tờ rơi", 500, 240, 260, "Xã")]
    NOTE["MTIEN"] = {
        "t1": t1,
        "t2": t2,
        "t3": t3,
        "budget": (2500000, 500000),
        "typed": "eml: form + docx same figures",
    }
    wb = fill_form("MTIEN", fname("MTIEN"), t1, t2, t3, (2500000, 500000))
    px = TMP + "/" + fname("MTIEN")
    wb.save(px)
    pd = TMP + "/Bao cao Minh Tien.docx"
    word_report(
        "UBND xã Minh Tiến",
        t1,
        t2,
        t3,
        "Kinh phí: 2.500.000 đồng (ngân sách nhà nước), 500.000 đồng (xã hội hóa).",
        pd,
    )
    m = EmailMessage()
    m["From"] = "Van phong UBND xa Minh Tien <ubndminhtien@gmail.com>"
    m["To"] = "vhxh@huulung.langson.gov.vn"
    m["Subject"] = "Báo cáo Tháng hành động bình đẳng giới 2026 - xã Minh Tiến"
    m["Date"] = "Thu, 10 Dec 2026 09:15:00 +0700"
    m.set_content("Kính gửi Phòng VHXH, xã Minh Tiến gửi báo cáo và biểu số liệu.")
    for p, mt in [
        (px, ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
        (pd, ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")),
    ]:
        m.add_attachment(
            open(p, "rb").read(), maintype=mt[0], subtype=mt[1], filename=os.path.basename(p)
        )
    open(IN + "/Fwd Bao cao Minh Tien.eml", "wb").write(bytes(m))


for f in [yen_thinh, huu_lien, yen_binh, quyet_thang, hoa_binh, yen_vuong, yen_son, minh_tien]:
    f()
json.dump(NOTE, open("/tmp/t8/build/figures.json", "w"), ensure_ascii=False, indent=1)
