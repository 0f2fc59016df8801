"""Fill the communes' answers as clerks would: openpyxl then a LibreOffice round trip,
Word reports by python-docx converted to .doc/.pdf by LibreOffice.

    python make.py CAMPAIGN_DIR SPEC_MODULE   (SPEC_MODULE: data2023, data2024, ...)
"""

import datetime as dt
import importlib
import pathlib
import subprocess
import sys

import docx
import openpyxl

HEAD = {"acts": "1. Hoạt động", "media": "2. Truyền thông", "prods": "3. Sản phẩm"}


def soffice(fmt, outdir, files):
    subprocess.run(
        [
            "soffice",
            "-env:UserInstallation=file:///tmp/t5/profile",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
    )


def fill_xlsx(template, dest, a):
    wb = openpyxl.load_workbook(template)
    ws = wb["Thông tin chung"]
    ws["B5"], ws["B6"] = a["no"], dt.datetime.strptime(a["date"], "%d/%m/%Y")
    ws["B7"], ws["B8"] = a["title"], a["signer"]
    ws["B11"], ws["B12"] = a["plan"], a["text"]
    ws["B13"], ws["B14"] = a.get("state"), a.get("mobilised")
    ws["B16"], ws["B17"], ws["B18"] = a["good"], a["hard"], a["ask"]
    for key, sheet in HEAD.items():
        for i, row in enumerate(a.get(key, [])):
            for j, v in enumerate(row):
                wb[sheet].cell(7 + i, 2 + j, v)
    wb.save(dest)


def table(d, first, data):
    t = d.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    n2 = "Số cuộc" if first == "Hoạt động" else "Số lượng"
    n3 = "Số người tham gia" if first == "Hoạt động" else "Số người tiếp cận"
    for i, v in enumerate(["STT", first, n2, n3, "", "Cấp triển khai"]):
        t.cell(0, i).text = v
    t.cell(1, 3).text, t.cell(1, 4).text = "Nam", "Nữ"
    t.cell(0, 3).merge(t.cell(0, 4))
    for n, row in enumerate(data, 1):
        cells = t.add_row().cells
        for i, v in enumerate((str(n), *row)):
            cells[i].text = (
                "" if v is None else f"{v:,}".replace(",", ".") if isinstance(v, int) else v
            )


def word(dest, a, place):
    d = docx.Document()
    d.add_paragraph(a["name"].upper())
    d.add_paragraph(f"Số: {a['no']}")
    day, mon, yr = a["date"].split("/")
    d.add_paragraph(f"{place}, ngày {day} tháng {mon} năm {yr}")
    d.add_paragraph(f"BÁO CÁO KẾT QUẢ THỰC HIỆN THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI NĂM {yr}")
    d.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    d.add_paragraph(a["plan"])
    d.add_paragraph("2. Nội dung hoạt động đã triển khai")
    d.add_paragraph(a["text"])
    for key, first, cap in (
        ("acts", "Hoạt động", "a) Tổ chức các hoạt động hưởng ứng"),
        ("media", "Nội dung", "b) Kết quả truyền thông"),
        ("prods", "Sản phẩm", "c) Phát hành các sản phẩm truyền thông"),
    ):
        if a.get(key):
            d.add_paragraph(cap)
            table(d, first, a[key])
    d.add_paragraph("3. Kinh phí tổ chức")
    for line in a["budget_lines"]:
        d.add_paragraph(line)
    d.add_paragraph("II. ĐÁNH GIÁ CHUNG")
    d.add_paragraph("1. Những kết quả đã đạt được, bài học kinh nghiệm")
    d.add_paragraph(a["good"])
    d.add_paragraph("2. Những khó khăn, tồn tại")
    d.add_paragraph(a["hard"])
    d.add_paragraph("3. Kiến nghị, đề xuất")
    d.add_paragraph(a["ask"])
    d.add_paragraph(f"{a['title']}\n{a['signer']}")
    d.save(dest)


def main(camp, spec):
    camp = pathlib.Path(camp)
    S = importlib.import_module(spec)
    work = pathlib.Path("/tmp/t5/work") / camp.name
    work.mkdir(parents=True, exist_ok=True)
    tpl = {p.name.split("_")[1]: p for p in (camp / "mau-bao-cao").glob("*.xlsx")}
    by_fmt = {}
    for a in S.ANSWERS:
        if a["kind"] == "xlsx":
            src = work / a["file"]
            fill_xlsx(tpl[a["code"].lower()], src, a)
        else:
            src = work / (a["file"].rsplit(".", 1)[0] + ".docx")
            word(src, a, S.PLACE)
        by_fmt.setdefault(a["file"].rsplit(".", 1)[1], []).append(src)
    for fmt, files in by_fmt.items():
        soffice(fmt, camp / "inbox", files)


if __name__ == "__main__":
    sys.path.insert(0, str(pathlib.Path(__file__).parent))
    main(*sys.argv[1:])
