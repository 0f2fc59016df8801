"""Build the Tuyên Quang 2026 inbox: generated forms filled with openpyxl (some re-saved by
LibreOffice as .xlsx/.ods/.xls), Word reports in the plan's outline (one exported to PDF)."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

sys.path.insert(0, os.path.dirname(__file__))
from specs import COMMUNES, SPECS

DOT = Path(sys.argv[1])
FORMS = DOT / "mau-bao-cao"
INBOX = DOT / "inbox"
TMP = Path(tempfile.mkdtemp(prefix="rr_"))
PROFILE = "file:///tmp/lo-review-report"
SHEETS = ["1. Hoạt động", "2. Truyền thông", "3. Sản phẩm"]
TITLES = [
    "1. Tổ chức các hoạt động hưởng ứng Tháng hành động, kiểm tra, giám sát",
    "2. Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở",
    "3. Phát hành các sản phẩm truyền thông",
]
HEADS = [
    ("Hoạt động", "Số cuộc", "Số người tham gia"),
    ("Nội dung", "Số lượng", "Số người tiếp cận"),
    ("Sản phẩm", "Số lượng", "Số người tiếp cận"),
]


def commune_spec(code, t):
    date, signer, i2, ii1, ii2, ii3, state, mob, t1, t2, t3 = t
    return dict(
        date=date,
        number=f"{date.day:02d}/BC-UBND",
        title="PHÓ CHỦ TỊCH",
        signer=signer,
        I1="UBND xã ban hành Kế hoạch triển khai Tháng hành động trên địa bàn.",
        I2=i2,
        state=state,
        mobilized=mob,
        II1=ii1,
        II2=ii2,
        II3=ii3,
        t1=t1,
        t2=t2,
        t3=t3,
    )


def form(code):
    return next(FORMS / f for f in os.listdir(FORMS) if f.startswith(f"2026_{code.lower()}_"))


def fill(code, s):
    wb = openpyxl.load_workbook(form(code))
    gi = wb["Thông tin chung"]
    cells = {
        "B5": s["number"],
        "B6": s["date"],
        "B7": s["title"],
        "B8": s["signer"],
        "B11": s["I1"],
        "B12": s["I2"],
        "B13": s["state"],
        "B14": s["mobilized"],
        "B16": s["II1"],
        "B17": s["II2"],
        "B18": s["II3"],
    }
    for k, v in cells.items():
        gi[k] = v
    for sheet, rows in zip(SHEETS, (s["t1"], s["t2"], s["t3"])):
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
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
    )
    return outdir / (src.stem + "." + fmt.split(":")[0])


def word(code, s, name):
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    agency = next(a for a in CONFIG_AGENCIES if a[0] == code)[1]
    parent = "UBND TỈNH TUYÊN QUANG"
    left = [parent, agency.upper(), f"Số: {s['number']}"]
    right = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Tuyên Quang, ngày {s['date'].day:02d} tháng {s['date'].month} năm 2026",
    ]
    t = doc.add_table(rows=3, cols=2)
    for i in range(3):
        t.cell(i, 0).text, t.cell(i, 1).text = left[i], right[i]

    def bold(text, center=False):
        p = doc.add_paragraph()
        p.add_run(text).bold = True
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    bold("BÁO CÁO", True)
    bold(
        "Kết quả thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026",
        True,
    )
    bold("I. TỔ CHỨC THỰC HIỆN")
    bold("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    doc.add_paragraph(s["I1"])
    bold("2. Nội dung hoạt động đã triển khai")
    for line in s["I2"].split("\n"):
        doc.add_paragraph(line)
    bold("3. Kinh phí tổ chức")
    doc.add_paragraph(f"a) Ngân sách nhà nước: {s['state']:,} đồng".replace(",", "."))
    doc.add_paragraph(f"b) Ngân sách vận động: {s['mobilized']:,} đồng".replace(",", "."))
    bold("II. ĐÁNH GIÁ CHUNG")
    bold("1. Những kết quả đã đạt được, bài học kinh nghiệm")
    doc.add_paragraph(s["II1"])
    bold("2. Những khó khăn, tồn tại")
    doc.add_paragraph(s["II2"])
    bold("3. Kiến nghị, đề xuất")
    doc.add_paragraph(s["II3"])
    bold("III. TỔNG HỢP SỐ LIỆU")
    for title, head, rows in zip(TITLES, HEADS, (s["t1"], s["t2"], s["t3"])):
        if not rows:
            continue
        doc.add_paragraph(title)
        tb = doc.add_table(rows=2, cols=6)
        tb.style = "Table Grid"
        for i, txt in enumerate(["STT", head[0], head[1], head[2], "", "Cấp triển khai"]):
            tb.cell(0, i).text = txt
        tb.cell(1, 3).text, tb.cell(1, 4).text = "Nam", "Nữ"
        for i in (0, 1, 2, 5):
            tb.cell(0, i).merge(tb.cell(1, i))
        tb.cell(0, 3).merge(tb.cell(0, 4))
        tb.cell(0, 3).text = head[2]
        for n, r in enumerate(rows, 1):
            vals = (
                [str(n), r[0]]
                + ["" if v is None else f"{v:,}".replace(",", ".") for v in r[1:4]]
                + [r[4]]
            )
            for c, v in zip(tb.add_row().cells, vals):
                c.text = v
    for line in (s["title"], "", s["signer"]):
        p = doc.add_paragraph()
        p.add_run(line).bold = True
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    path = TMP / name
    doc.save(path)
    return path


def agencies_of(config):
    import tomllib

    data = tomllib.loads(Path(config).read_text(encoding="utf-8"))
    return [(a["code"], a["name"]) for a in data["agencies"]]


CONFIG_AGENCIES = agencies_of(DOT / "thd.toml")


def main():
    INBOX.mkdir(exist_ok=True)
    specs = dict(SPECS)
    specs.update({c: commune_spec(c, t) for c, t in COMMUNES.items()})
    specs["XDONGVAN"].update(send="pdf", file="Dong Van BC THD 2026.docx")
    for code, s in specs.items():
        send = s.get("send", "xlsx")
        name = s.get("file", form(code).name)
        if send in ("docx", "pdf"):
            path = word(code, s, name)
            if send == "pdf":
                path = soffice(path, "pdf", TMP)
                name = path.name
            shutil.copy(path, INBOX / name)
            continue
        wb = fill(code, s)
        if send == "xlsx":
            wb.save(INBOX / name)
            continue
        src = TMP / (code + ".xlsx")
        wb.save(src)
        fmt = {"lo-xlsx": "xlsx", "ods": "ods", "xls": "xls:MS Excel 97"}[send]
        out_dir = TMP / ("lo_" + code)
        out_dir.mkdir()
        shutil.copy(soffice(src, fmt, out_dir), INBOX / name)


main()
