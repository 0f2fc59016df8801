"""Build trial 11's inbox: mails, Word variants, PDFs, zip; and figures.json (hand sums)."""

import email.utils
import io
import json
import shutil
import subprocess
import zipfile
from email.message import EmailMessage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import openpyxl
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

DOT = Path("/tmp/t11/dot")
INBOX = DOT / "inbox"
W = Path("/tmp/t11/work/tmp")
shutil.rmtree(INBOX, ignore_errors=True)
INBOX.mkdir()
shutil.rmtree(W, ignore_errors=True)
W.mkdir(parents=True)
FORMS = DOT / "mau-bao-cao"


def form_path(code):
    return next(FORMS.glob(f"2021_{code.lower()}_*.xlsx"))


# data: t1/t2/t3 rows (name, count, nam, nu, level), budget (nn, vd), date, number, i2, ii1
D = {}


def agency(code, name, t1, t2, t3, nn, vd, date, num, i2, ii1):
    D[code] = dict(name=name, t1=t1, t2=t2, t3=t3, nn=nn, vd=vd, date=date, num=num, i2=i2, ii1=ii1)


agency(
    "SYT",
    "Sở Y tế",
    [("Tập huấn", 3, 40, 80, "Tỉnh")],
    [("Phát thanh", 5, 300, 400, "Tỉnh")],
    [("Tờ rơi", 500, 200, 300, "Tỉnh")],
    10000000,
    0,
    "10/12/2021",
    "51/BC-SYT",
    "Sở Y tế tổ chức 3 lớp tập huấn cho nhân viên y tế thôn bản.",
    "Nhân viên y tế nắm vững quy trình hỗ trợ nạn nhân bạo lực giới.",
)
agency(
    "HLHPN",
    "Hội Liên hiệp Phụ nữ tỉnh",
    [("Diễn đàn", 4, 60, 240, "Xã")],
    [("Mạng xã hội", 12, 500, 900, "Tỉnh")],
    [("Pano", 6, 0, 0, "Huyện")],
    20000000,
    5000000,
    "17/12/2021",
    "88/BC-HLHPN",
    "Hội Phụ nữ tổ chức 4 diễn đàn tại các xã vùng cao.",
    "Hội viên phụ nữ mạnh dạn chia sẻ về bạo lực gia đình.",
)
agency(
    "SVHTTDL",
    "Sở Văn hóa, Thể thao và Du lịch",
    [("Hội thảo", 1, 30, 35, "Tỉnh")],
    [],
    [("Băng rôn", 20, 0, 0, "Tỉnh")],
    3000000,
    0,
    "14/12/2021",
    "60/BC-SVHTTDL",
    "Sở tổ chức hội thảo về phòng chống bạo lực gia đình.",
    "Các thiết chế văn hóa tham gia tuyên truyền.",
)
agency(
    "STTTT",
    "Sở Thông tin và Truyền thông",
    [],
    [("Trang thông tin điện tử", 25, 1000, 1200, "Tỉnh")],
    [],
    0,
    0,
    "15/12/2021",
    "33/BC-STTTT",
    "Sở chỉ đạo các cơ quan báo chí đưa tin.",
    "Thông tin được lan tỏa rộng trên mạng.",
)
agency(
    "DPTTH",
    "Đài Phát thanh và Truyền hình Bắc Kạn",
    [],
    [("Truyền hình", 8, 0, 0, "Tỉnh"), ("Phát thanh", 10, 0, 0, "Tỉnh")],
    [("Video clip", 2, 150, 170, "Tỉnh")],
    0,
    0,
    "16/12/2021",
    "21/BC-PTTH",
    "Đài xây dựng 8 phóng sự truyền hình về bình đẳng giới.",
    "Chương trình được khán giả đón nhận.",
)
agency(
    "BBK",
    "Báo Bắc Kạn",
    [],
    [("Báo in", 14, 2000, 2100, "Tỉnh")],
    [],
    0,
    0,
    "16/12/2021",
    "17/BC-BBK",
    "Báo đăng 14 tin, bài trên báo in.",
    "Tin bài phản ánh kịp thời.",
)
agency(
    "SNV",
    "Sở Nội vụ",
    [("Nói chuyện chuyên đề", 2, 25, 30, "Tỉnh")],
    [],
    [],
    0,
    0,
    "13/12/2021",
    "40/BC-SNV",
    "Sở Nội vụ tổ chức 2 buổi nói chuyện chuyên đề cho công chức.",
    "Công chức nữ được quan tâm bồi dưỡng.",
)
agency(
    "STP",
    "Sở Tư pháp",
    [("Thi tìm hiểu pháp luật", 1, 120, 180, "Tỉnh")],
    [],
    [("Tài liệu tuyên truyền", 300, 0, 0, "Tỉnh")],
    6000000,
    0,
    "12/12/2021",
    "70/BC-STP",
    "Sở Tư pháp tổ chức cuộc thi tìm hiểu pháp luật về bình đẳng giới.",
    "Cuộc thi thu hút đông đảo người tham gia.",
)
agency(
    "SGDDT",
    "Sở Giáo dục và Đào tạo",
    [("Tọa đàm", 5, 150, 210, "Huyện")],
    [],
    [],
    4000000,
    0,
    "14/12/2021",
    "99/BC-SGDDT",
    "Sở Giáo dục tổ chức 5 buổi tọa đàm trong trường học.",
    "Học sinh hiểu rõ hơn về bình đẳng giới.",
)
agency(
    "CAT",
    "Công an tỉnh",
    [("Tập huấn", 2, 70, 20, "Tỉnh")],
    [],
    [],
    0,
    0,
    "15/12/2021",
    "120/BC-CAT",
    "Công an tỉnh tập huấn kỹ năng xử lý vụ việc bạo lực gia đình.",
    "Lực lượng công an cơ sở nắm vững quy trình.",
)
agency(
    "BDT",
    "Ban Dân tộc",
    [("Đối thoại", 3, 45, 55, "Xã")],
    [],
    [],
    2000000,
    0,
    "15/12/2021",
    "25/BC-BDT",
    "Ban Dân tộc tổ chức 3 buổi đối thoại với đồng bào dân tộc thiểu số.",
    "Người có uy tín tham gia tích cực.",
)
agency(
    "TDOAN",
    "Tỉnh đoàn",
    [("Thi sáng tác", 1, 40, 60, "Tỉnh")],
    [("Mạng xã hội", 30, 800, 1000, "Tỉnh")],
    [],
    5000000,
    1000000,
    "16/12/2021",
    "45/BC-TĐTN",
    "Tỉnh đoàn phát động cuộc thi sáng tác về bình đẳng giới.",
    "Đoàn viên thanh niên hưởng ứng sôi nổi.",
)
agency(
    "LDLD",
    "Liên đoàn Lao động tỉnh",
    [("Tập huấn", 2, 50, 90, "Tỉnh")],
    [],
    [],
    3000000,
    0,
    "16/12/2021",
    "30/BC-LĐLĐ",
    "Liên đoàn Lao động tổ chức 2 lớp tập huấn cho nữ công nhân.",
    "Công nhân lao động nữ được nâng cao hiểu biết.",
)
agency(
    "HND",
    "Hội Nông dân tỉnh",
    [("Nói chuyện chuyên đề", 4, 80, 70, "Xã")],
    [],
    [],
    1500000,
    0,
    "17/12/2021",
    "18/BC-HND",
    "Hội Nông dân tổ chức 4 buổi nói chuyện chuyên đề tại xã.",
    "Hội viên nông dân tham gia đông đủ.",
)
agency(
    "BABE",
    "UBND huyện Ba Bể",
    [("Tập huấn", 2, 40, 60, "Huyện")] + [("Diễn đàn", 1, 20 + i, 30 + i, "Xã") for i in range(14)],
    [],
    [],
    8000000,
    2000000,
    "17/12/2021",
    "210/BC-UBND",
    "UBND huyện Ba Bể tổ chức diễn đàn tại 14 xã.",
    "Các xã triển khai đồng bộ.",
)
agency(
    "NARI",
    "UBND huyện Na Rì",
    [("Tọa đàm", 3, 60, 90, "Xã")],
    [("Hệ thống loa truyền thanh cơ sở", 40, 0, 0, "Xã")],
    [],
    2500000,
    0,
    "18/12/2021",
    "150/BC-UBND",
    "UBND huyện Na Rì tổ chức 3 buổi tọa đàm ở cơ sở.",
    "Người dân hiểu luật hơn.",
)
agency(
    "CHODON",
    "UBND huyện Chợ Đồn",
    [("Hội thảo", 1, 35, 45, "Huyện")],
    [],
    [("Áp phích", 50, 0, 0, "Xã")],
    1000000,
    0,
    "18/12/2021",
    "160/BC-UBND",
    "UBND huyện Chợ Đồn tổ chức hội thảo cấp huyện.",
    "Cán bộ cơ sở nắm bắt tốt nội dung.",
)
agency(
    "NGANSON",
    "UBND huyện Ngân Sơn",
    [("Tập huấn", 1, 25, 35, "Huyện")],
    [],
    [],
    500000,
    0,
    "19/12/2021",
    "170/BC-UBND",
    "UBND huyện Ngân Sơn tổ chức 1 lớp tập huấn.",
    "Cán bộ được tập huấn đầy đủ.",
)
agency(
    "TPBK",
    "UBND thành phố Bắc Kạn",
    [("Diễn đàn", 2, 55, 65, "Xã")],
    [],
    [],
    1200000,
    0,
    "18/12/2021",
    "180/BC-UBND",
    "UBND thành phố tổ chức 2 diễn đàn ở phường.",
    "Phong trào được duy trì.",
)
agency(
    "PACNAM",
    "UBND huyện Pác Nặm",
    [("Tập huấn", 1, 33, 44, "Huyện")],
    [],
    [],
    700000,
    0,
    "19/12/2021",
    "190/BC-UBND",
    "UBND huyện Pác Nặm tổ chức tập huấn cho cán bộ xã.",
    "Cán bộ xã được nâng cao năng lực.",
)


def fill_form(code, data=None, out=None):
    data = data or D[code]
    wb = openpyxl.load_workbook(form_path(code))
    ws = wb["Thông tin chung"]
    ws["B5"], ws["B6"] = data["num"], data["date"]
    ws["B7"], ws["B8"] = "GIÁM ĐỐC", "Nguyễn Văn An"
    ws["B11"] = "Ban hành kế hoạch triển khai Tháng hành động."
    ws["B12"], ws["B16"] = data["i2"], data["ii1"]
    ws["B13"], ws["B14"] = data["nn"], data["vd"]
    for sheet, key in (("1. Hoạt động", "t1"), ("2. Truyền thông", "t2"), ("3. Sản phẩm", "t3")):
        s = wb[sheet]
        for i, (n, c, m, f, l) in enumerate(data[key]):
            r = 7 + i
            s[f"B{r}"], s[f"C{r}"], s[f"D{r}"], s[f"E{r}"], s[f"F{r}"] = n, c, m, f, l
    bio = io.BytesIO()
    wb.save(bio)
    b = bio.getvalue()
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_bytes(b)
    return b


def borderless(table):
    b = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:val"), "nil")
        b.append(e)
    table._tbl.tblPr.append(b)


TITLE = "Kết quả thực hiện “Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới” năm 2021"
HEAD = {
    "t1": (
        "1. Tổ chức các hoạt động hưởng ứng Tháng hành động",
        "Hoạt động",
        "Số cuộc",
        "Số người tham gia",
    ),
    "t2": (
        "2. Kết quả truyền thông trên các phương tiện thông tin đại chúng",
        "Nội dung",
        "Số lượng",
        "Số người tiếp cận",
    ),
    "t3": ("3. Phát hành các sản phẩm truyền thông", "Sản phẩm", "Số lượng", "Số người tiếp cận"),
}


def vn(n):
    return f"{n:,}".replace(",", ".")


def word(code, header_lines=None, parent="UBND TỈNH BẮC KẠN", data=None, header_in_table=True):
    data = data or D[code]
    d = Document()
    if header_lines is None:
        header_lines = [data["name"].upper()]
    dd, mm, yy = data["date"].split("/")
    if header_in_table:
        t = d.add_table(rows=1, cols=2)
        borderless(t)
        c = t.cell(0, 0)
        c.text = parent
        for l in header_lines:
            c.add_paragraph().add_run(l).bold = True
        c.add_paragraph(f"Số: {data['num']}")
        c2 = t.cell(0, 1)
        c2.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        c2.add_paragraph("Độc lập - Tự do - Hạnh phúc")
        c2.add_paragraph(f"Bắc Kạn, ngày {dd} tháng {mm} năm {yy}")
    d.add_paragraph().add_run("BÁO CÁO").bold = True
    d.add_paragraph().add_run(TITLE).bold = True
    d.add_paragraph().add_run("I. TỔ CHỨC THỰC HIỆN").bold = True
    d.add_paragraph().add_run("1. Công tác chỉ đạo, ban hành kế hoạch triển khai").bold = True
    d.add_paragraph("Ban hành kế hoạch triển khai Tháng hành động.")
    d.add_paragraph().add_run("2. Nội dung hoạt động đã triển khai").bold = True
    d.add_paragraph(data["i2"])
    d.add_paragraph().add_run("3. Kinh phí tổ chức").bold = True
    d.add_paragraph(f"a) Ngân sách nhà nước: {vn(data['nn'])} đồng")
    d.add_paragraph(f"b) Ngân sách vận động: {vn(data['vd'])} đồng")
    d.add_paragraph().add_run("II. ĐÁNH GIÁ CHUNG").bold = True
    d.add_paragraph().add_run("1. Những kết quả đã đạt được, bài học kinh nghiệm").bold = True
    d.add_paragraph(data["ii1"])
    d.add_paragraph().add_run("2. Những khó khăn, tồn tại").bold = True
    d.add_paragraph("Kinh phí còn hạn chế.")
    d.add_paragraph().add_run("3. Kiến nghị, đề xuất").bold = True
    d.add_paragraph("Không.")
    d.add_paragraph().add_run("III. TỔNG HỢP SỐ LIỆU").bold = True
    tables = {}
    for key in ("t1", "t2", "t3"):
        title, item, cnt, ppl = HEAD[key]
        d.add_paragraph().add_run(title).bold = True
        if not data[key]:
            d.add_paragraph("Không có.")
            continue
        t = d.add_table(rows=2, cols=6)
        t.style = "Table Grid"
        top, sub = t.rows[0].cells, t.rows[1].cells
        for p, l in ((0, "STT"), (1, item), (2, cnt), (5, "Cấp triển khai")):
            top[p].merge(sub[p]).text = l
        top[3].merge(top[4]).text = ppl
        t.cell(1, 3).text = "Nam"
        t.cell(1, 4).text = "Nữ"
        for i, (n, c, m, f, l) in enumerate(data[key]):
            cells = t.add_row().cells
            for cell, v in zip(
                cells, [str(i + 1), n, vn(c), vn(m) if m else "", vn(f) if f else "", l]
            ):
                cell.text = v
        tables[key] = t
    d.add_paragraph("GIÁM ĐỐC")
    d.add_paragraph("Nguyễn Văn An")
    return d, tables


def save_doc(d, path):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    d.save(path)
    return Path(path).read_bytes()


def soffice(src, fmt, outdir):
    subprocess.run(
        ["soffice", "--headless", "--convert-to", fmt, "--outdir", str(outdir), str(src)],
        check=True,
        capture_output=True,
    )
    return Path(outdir) / (Path(src).stem + "." + fmt.split(":")[0])


def mail(frm, subject, date, body="", html=None, attachments=(), to="binhdanggioi@backan.gov.vn"):
    m = EmailMessage()
    m["From"] = frm
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = email.utils.make_msgid()
    m.set_content(body or " ")
    if html:
        m.add_alternative(html, subtype="html")
    for name, data, mt in attachments:
        ma, sub = mt.split("/")
        m.add_attachment(data, maintype=ma, subtype=sub, filename=name)
    return m


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

FILES = {}  # inbox path -> agency code(s) expected


def put(rel, data, who):
    p = INBOX / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data if isinstance(data, bytes) else bytes(data))
    FILES[rel] = who


# 1 SYT: plain form in a dated folder
put("2021-12-10/2021_syt_so-y-te.xlsx", fill_form("SYT"), "SYT")
# 2 HLHPN: three mails: wrong, bản sửa, bản cuối
bad = json.loads(json.dumps(D["HLHPN"]))
bad["t1"] = [["Diễn đàn", 4, 600, 2400, "Xã"]]
bad["date"] = "12/12/2021"
mid = json.loads(json.dumps(D["HLHPN"]))
mid["t1"] = [["Diễn đàn", 4, 60, 204, "Xã"]]
mid["date"] = "15/12/2021"
for name, data, dt, subj in (
    ("BC THD Hoi LHPN.xlsx", bad, "Sun, 12 Dec 2021 09:00:00 +0700", "Báo cáo Tháng hành động"),
    (
        "BC THD Hoi LHPN (ban sua).xlsx",
        mid,
        "Wed, 15 Dec 2021 10:00:00 +0700",
        "RE: Báo cáo Tháng hành động - bản sửa",
    ),
    (
        "BC THD Hoi LHPN (ban cuoi).xlsx",
        D["HLHPN"],
        "Fri, 17 Dec 2021 16:00:00 +0700",
        "Báo cáo Tháng hành động - bản cuối",
    ),
):
    m = mail(
        "Hội LHPN tỉnh <hoilhpn@backan.gov.vn>",
        subj,
        dt,
        "Kính gửi Sở LĐTBXH, Hội gửi báo cáo.",
        attachments=[(name, fill_form("HLHPN", data), XLSX)],
    )
    put(f"Tải xuống/{subj.replace(':', '')}.eml", m.as_bytes(), "HLHPN")
# 3 SVHTTDL: report pasted in the plain-text body, no attachment
body = (
    "Kính gửi: Sở Lao động - Thương binh và Xã hội\n\nSở Văn hóa, Thể thao và Du lịch báo cáo kết quả Tháng hành động năm 2021:\n"
    "1. Tổ chức các hoạt động: Hội thảo: 1 cuộc, 30 nam, 35 nữ, cấp Tỉnh.\n3. Sản phẩm: Băng rôn: 20 cái, cấp Tỉnh.\nKinh phí: 3.000.000 đồng ngân sách nhà nước.\n"
)
put(
    "2021-12-14/Bao cao SVHTTDL.eml",
    mail(
        "Văn phòng Sở VHTTDL <svhttdl@backan.gov.vn>",
        "Báo cáo Tháng hành động vì bình đẳng giới 2021",
        "Tue, 14 Dec 2021 08:30:00 +0700",
        body,
    ).as_bytes(),
    "SVHTTDL",
)
# 4 STTTT: HTML table in the body, no attachment; subject base64
html = (
    "<p>Sở Thông tin và Truyền thông báo cáo:</p><table border=1><tr><th>STT</th><th>Nội dung</th><th>Số lượng</th><th>Nam</th><th>Nữ</th><th>Cấp triển khai</th></tr>"
    "<tr><td>1</td><td>Trang thông tin điện tử</td><td>25</td><td>1.000</td><td>1.200</td><td>Tỉnh</td></tr></table>"
)
m = mail(
    "stttt@backan.gov.vn",
    "=?utf-8?B?QsOhbyBjw6FvIFRIxJAgMjAyMQ==?=",
    "Wed, 15 Dec 2021 14:00:00 +0700",
    "Sở TTTT báo cáo (xem bảng).",
    html=html,
)
put("2021-12-15/STTTT.eml", m.as_bytes(), "STTTT")
# 5 DPTTH: forwarded by a colleague with the original mail attached as message/rfc822
orig = mail(
    "dptth@backan.gov.vn",
    "Báo cáo THĐ của Đài PTTH",
    "Thu, 16 Dec 2021 09:00:00 +0700",
    "Đài gửi báo cáo.",
    attachments=[("BC Dai PTTH.xlsx", fill_form("DPTTH"), XLSX)],
)
fw = MIMEMultipart()
fw["From"] = "Nguyễn Thị B <nguyenthib@gmail.com>"
fw["To"] = "binhdanggioi@backan.gov.vn"
fw["Subject"] = "Fwd: Báo cáo THĐ của Đài PTTH"
fw["Date"] = "Mon, 20 Dec 2021 21:00:00 +0700"
fw.attach(MIMEText("Chị chuyển tiếp báo cáo của Đài.", "plain", "utf-8"))
fw.attach(MIMEMessage(orig))
put("Tải xuống/Fwd Bao cao THD cua Dai PTTH.eml", fw.as_bytes(), "DPTTH")
# 6 BBK: reply quoting the earlier mail, Word report attached; attachment name RFC 2231 with continuations
d, _ = word("BBK")
b = save_doc(d, W / "bbk.docx")
m = mail(
    "baobackan@backan.gov.vn",
    "Re: Đề nghị gửi báo cáo Tháng hành động",
    "Thu, 16 Dec 2021 11:00:00 +0700",
    "Báo Bắc Kạn gửi báo cáo.\n\nVào 10/12/2021, Sở LĐTBXH viết:\n> Đề nghị các đơn vị gửi báo cáo Tháng hành động trước ngày 20/12/2021.\n> Sở Y tế, Sở Nội vụ chưa gửi.\n",
    attachments=[
        ("Báo cáo kết quả Tháng hành động vì bình đẳng giới năm 2021 - Báo Bắc Kạn.docx", b, DOCX)
    ],
)
put("2021-12-16/Re De nghi gui bao cao.eml", m.as_bytes(), "BBK")
# 7 SNV: Word named only "Báo cáo.docx", agency only in the page header
d, _ = word("SNV", header_in_table=False)
hdr = d.sections[0].header
hdr.paragraphs[0].text = "UBND TỈNH BẮC KẠN"
hdr.add_paragraph().add_run("SỞ NỘI VỤ").bold = True
hdr.add_paragraph(f"Số: {D['SNV']['num']}        Bắc Kạn, ngày 13 tháng 12 năm 2021")
put("Zalo Received Files/Báo cáo.docx", save_doc(d, W / "snv.docx"), "SNV")
# 8 STP: zip holding a folder of forms
zb = io.BytesIO()
with zipfile.ZipFile(zb, "w") as z:
    z.writestr("BC STP 2021/", "")
    z.writestr("BC STP 2021/2021_stp_so-tu-phap.xlsx", fill_form("STP"))
    z.writestr("BC STP 2021/Thumbs.db", b"\0" * 64)
put("Zalo Received Files/BC STP 2021.zip", zb.getvalue(), "STP")
# 9 BDT + CAT: two agencies in one mail
m = mail(
    "vanthu.backan@gmail.com",
    "Gửi báo cáo Ban Dân tộc và Công an tỉnh",
    "Wed, 15 Dec 2021 17:00:00 +0700",
    "Văn thư gửi hộ hai đơn vị.",
    attachments=[
        ("BC Ban Dan toc.xlsx", fill_form("BDT"), XLSX),
        ("BC Cong an tinh.xlsx", fill_form("CAT"), XLSX),
    ],
)
put("2021-12-15/Gui bao cao 2 don vi.eml", m.as_bytes(), "BDT+CAT")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def tracked(cell, old, new):
    """Replace cell text by <w:del>old</w:del><w:ins>new</w:ins> (Word's track changes)."""
    p = cell.paragraphs[0]
    for r in list(p.runs):
        r._r.getparent().remove(r._r)
    de = OxmlElement("w:del")
    de.set(qn("w:id"), "901")
    de.set(qn("w:author"), "Van thu")
    de.set(qn("w:date"), "2021-12-14T08:00:00Z")
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText")
    t.text = old
    r.append(t)
    de.append(r)
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "902")
    ins.set(qn("w:author"), "Truong phong")
    ins.set(qn("w:date"), "2021-12-14T09:00:00Z")
    r2 = OxmlElement("w:r")
    t2 = OxmlElement("w:t")
    t2.text = new
    r2.append(t2)
    ins.append(r2)
    p._p.append(de)
    p._p.append(ins)


# 10 SGDDT: tracked changes in figure cells and a comment
d, tabs = word("SGDDT")
row = tabs["t1"].rows[2].cells
tracked(row[2], "4", "5")
tracked(row[3], "105", "150")
para = next(p for p in d.paragraphs if p.text.startswith("Sở Giáo dục tổ chức"))
d.add_comment(para.runs, text="Kiểm tra lại số buổi", author="Trưởng phòng")
# a deleted sentence in II.1 too
p2 = next(p for p in d.paragraphs if p.text.startswith("Học sinh hiểu"))
de = OxmlElement("w:del")
de.set(qn("w:id"), "903")
de.set(qn("w:author"), "TP")
r = OxmlElement("w:r")
t = OxmlElement("w:delText")
t.text = " Đã xử lý 12 vụ bạo lực học đường."
r.append(t)
de.append(r)
p2._p.append(de)
put("Zalo Received Files/BC SGDDT (sua).docx", save_doc(d, W / "sgddt.docx"), "SGDDT")


# 11 TDOAN: content controls around the header and each figure
def sdt_wrap(cell):
    p = cell.paragraphs[0]
    runs = [r._r for r in p.runs]
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    tag = OxmlElement("w:tag")
    tag.set(qn("w:val"), "so")
    pr.append(tag)
    txt = OxmlElement("w:text")
    pr.append(txt)
    sdt.append(pr)
    c = OxmlElement("w:sdtContent")
    for r in runs:
        p._p.remove(r)
        c.append(r)
    sdt.append(c)
    p._p.append(sdt)


d, tabs = word("TDOAN", header_lines=["TỈNH ĐOÀN BẮC KẠN"], parent="BCH ĐOÀN TNCS HỒ CHÍ MINH")
for t in tabs.values():
    for row in t.rows[2:]:
        for c in row.cells[2:5]:
            sdt_wrap(c)
put("Zalo Received Files/BC Tinh doan 2021.docx", save_doc(d, W / "tdoan.docx"), "TDOAN")
# 12 LDLD: legacy TCVN3 font .VnTime
TC = {
    "à": "\xb5",
    "ả": "\xb6",
    "ã": "\xb7",
    "á": "\xb8",
    "ạ": "\xb9",
    "ă": "\xa8",
    "ằ": "\xbb",
    "ẳ": "\xbc",
    "ẵ": "\xbd",
    "ắ": "\xbe",
    "ặ": "\xc6",
    "â": "\xa9",
    "ầ": "\xc7",
    "ẩ": "\xc8",
    "ẫ": "\xc9",
    "ấ": "\xca",
    "ậ": "\xcb",
    "đ": "\xae",
    "è": "\xcc",
    "ẻ": "\xce",
    "ẽ": "\xcf",
    "é": "\xd0",
    "ẹ": "\xd1",
    "ê": "\xaa",
    "ề": "\xd2",
    "ể": "\xd3",
    "ễ": "\xd4",
    "ế": "\xd5",
    "ệ": "\xd6",
    "ì": "\xd7",
    "ỉ": "\xd8",
    "ĩ": "\xdc",
    "í": "\xdd",
    "ị": "\xde",
    "ò": "\xdf",
    "ỏ": "\xe1",
    "õ": "\xe2",
    "ó": "\xe3",
    "ọ": "\xe4",
    "ô": "\xab",
    "ồ": "\xe5",
    "ổ": "\xe6",
    "ỗ": "\xe7",
    "ố": "\xe8",
    "ộ": "\xe9",
    "ơ": "\xac",
    "ờ": "\xea",
    "ở": "\xeb",
    "ỡ": "\xec",
    "ớ": "\xed",
    "ợ": "\xee",
    "ù": "\xef",
    "ủ": "\xf1",
    "ũ": "\xf2",
    "ú": "\xf3",
    "ụ": "\xf4",
    "ư": "\xad",
    "ừ": "\xf5",
    "ử": "\xf6",
    "ữ": "\xf7",
    "ứ": "\xf8",
    "ự": "\xf9",
    "ỳ": "\xfa",
    "ỷ": "\xfb",
    "ỹ": "\xfc",
    "ý": "\xfd",
    "ỵ": "\xfe",
    "Ă": "\xa1",
    "Â": "\xa2",
    "Ê": "\xa3",
    "Ô": "\xa4",
    "Ơ": "\xa5",
    "Ư": "\xa6",
    "Đ": "\xa7",
}


def tcvn3(s):
    out = []
    for ch in s:
        if ch in TC:
            out.append(TC[ch])
        elif ch.lower() in TC and ch.isupper():
            out.append(TC[ch.lower()])  # .VnTimeH draws capitals
        else:
            out.append(ch)
    return "".join(out)


d, tabs = word("LDLD")


def legacy(d, conv, font):
    parts = [d.element.body]
    for el in d.element.body.iter(qn("w:r")):
        for t in el.iter(qn("w:t")):
            t.text = conv(t.text)
        rpr = el.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            el.insert(0, rpr)
        f = OxmlElement("w:rFonts")
        f.set(qn("w:ascii"), font)
        f.set(qn("w:hAnsi"), font)
        rpr.insert(0, f)


legacy(d, tcvn3, ".VnTime")
put("2021-12-16/BC LDLD.docx", save_doc(d, W / "ldld.docx"), "LDLD")
# 13 HND: VNI-Times (VNI composes; only the name words, crude: unaccented + VNI tone codes)
VNI = {
    "ộ": "oä",
    "ô": "oâ",
    "ả": "aû",
    "á": "aù",
    "à": "aø",
    "ạ": "aï",
    "ậ": "aä",
    "ấ": "aá",
    "ầ": "aà",
    "â": "aâ",
    "ệ": "eä",
    "ê": "eâ",
    "ế": "eá",
    "ề": "eà",
    "ể": "eå",
    "é": "eù",
    "đ": "ñ",
    "Đ": "Ñ",
    "ư": "ö",
    "ơ": "ô",
    "ớ": "ôù",
    "ờ": "ôø",
    "ợ": "ôï",
    "ở": "ôû",
    "ứ": "öù",
    "ừ": "öø",
    "ự": "öï",
    "ử": "öû",
    "ọ": "oï",
    "ó": "où",
    "ò": "oø",
    "ỏ": "oû",
    "ố": "oá",
    "ồ": "oà",
    "ổ": "oå",
    "ú": "uù",
    "ù": "uø",
    "ụ": "uï",
    "ủ": "uû",
    "í": "í",
    "ì": "ì",
    "ị": "ò",
    "ỉ": "æ",
    "ă": "aê",
    "ắ": "aé",
    "ằ": "aè",
    "ặ": "aë",
    "ý": "yù",
    "ữ": "öõ",
    "ã": "aõ",
    "ĩ": "ó",
    "ỗ": "oã",
    "õ": "oõ",
    "ễ": "eã",
    "ũ": "uõ",
    "ỹ": "yõ",
    "è": "eø",
    "ẹ": "eï",
}


def vni(s):
    return "".join(VNI.get(c, VNI.get(c.lower(), c).upper() if c.lower() in VNI else c) for c in s)


d, tabs = word("HND")
legacy(d, vni, "VNI-Times")
put("2021-12-17/Hoi Nong dan - BC.docx", save_doc(d, W / "hnd.docx"), "HND")
# 14 BABE: a 15-row table over a page break, level merged over 14 rows
d, tabs = word("BABE")
t = tabs["t1"]
t.cell(3, 5).merge(t.cell(16, 5)).text = "Xã"
body = d.element.body
first = t._tbl
for i in range(28):
    p = OxmlElement("w:p")
    r = OxmlElement("w:r")
    tx = OxmlElement("w:t")
    tx.text = f"Các xã đã triển khai đầy đủ nội dung thứ {i + 1}."
    r.append(tx)
    p.append(r)
    first.addprevious(p)
put("2021-12-17/UBND huyen Ba Be - BC THD 2021.docx", save_doc(d, W / "babe.docx"), "BABE")
# 15 NARI: .rtf by LibreOffice; 16 CHODON: .odt
d, _ = word("NARI")
save_doc(d, W / "BC Na Ri.docx")
rtf = soffice(W / "BC Na Ri.docx", "rtf", W)
put("2021-12-18/BC Na Ri.rtf", rtf.read_bytes(), "NARI")
d, _ = word("CHODON")
save_doc(d, W / "Cho Don BC THD.docx")
odt = soffice(W / "Cho Don BC THD.docx", "odt", W)
put("2021-12-18/Cho Don BC THD.odt", odt.read_bytes(), "CHODON")
# 17 NGANSON: PDF from Word + a scanned signature page appended
d, _ = word("NGANSON")
save_doc(d, W / "ngs.docx")
pdf = soffice(W / "ngs.docx", "pdf", W)
from PIL import Image, ImageDraw

img = Image.new("RGB", (1240, 1754), "white")
ImageDraw.Draw(img).text((200, 300), "(chu ky, dau do)", fill="black")
img.save(W / "scan.pdf")
subprocess.run(["pdfunite", str(pdf), str(W / "scan.pdf"), str(W / "ngs_all.pdf")], check=True)
put("2021-12-19/Ngan Son BC THD (ky).pdf", (W / "ngs_all.pdf").read_bytes(), "NGANSON")
# 18 TPBK + PACNAM: two reports concatenated in one PDF
for c in ("TPBK", "PACNAM"):
    d, _ = word(c)
    save_doc(d, W / f"{c}.docx")
    soffice(W / f"{c}.docx", "pdf", W)
subprocess.run(
    ["pdfunite", str(W / "TPBK.pdf"), str(W / "PACNAM.pdf"), str(W / "two.pdf")], check=True
)
put("Tải xuống/BC THD TP Bac Kan va Pac Nam.pdf", (W / "two.pdf").read_bytes(), "TPBK+PACNAM")

json.dump(FILES, open("/tmp/t11/work/files.json", "w"), ensure_ascii=False, indent=1)
# hand sums over every agency's true figures
tot = {}
for k in ("t1", "t2", "t3"):
    c = m_ = f = 0
    for code, a in D.items():
        for _, cc, mm, ff, _ in a[k]:
            c += cc
            m_ += mm
            f += ff
    tot[k] = dict(count=c, male=m_, female=f)
tot["budget_nn"] = sum(a["nn"] for a in D.values())
tot["budget_vd"] = sum(a["vd"] for a in D.values())
tot["per_agency"] = {
    code: {
        k: [sum(r[1] for r in a[k]), sum(r[2] for r in a[k]), sum(r[3] for r in a[k])]
        for k in ("t1", "t2", "t3")
    }
    | {"nn": a["nn"], "vd": a["vd"]}
    for code, a in D.items()
}
json.dump(tot, open("/tmp/t11/work/figures.json", "w"), ensure_ascii=False, indent=1)
print(len(FILES), "files")
