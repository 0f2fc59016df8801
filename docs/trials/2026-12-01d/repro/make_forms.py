"""Fill the trial's forms as different clerks would, then round-trip them through LibreOffice.

Run from the campaign folder (after `thd init dot && cd dot && thd generate-templates`):
    python make_forms.py   -> work/ (openpyxl edits) and inbox/ (what LibreOffice wrote)
"""

import datetime as dt
import subprocess
import unicodedata
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter  # noqa: F401

T = Path("mau-bao-cao")
W = Path("work")
INBOX = Path("inbox")
W.mkdir(exist_ok=True)


def info(wb, date, no, title, name, budget=(10000000, 0)):
    ws = wb["Thông tin chung"]
    ws["B5"], ws["B6"], ws["B7"], ws["B8"] = no, date, title, name
    agency = ws["B4"].value
    for r in (11, 12, 16, 17, 18):
        ws.cell(r, 2).value = f"{agency}: nội dung mục {ws.cell(r, 1).value[:2]} đã thực hiện."
    ws["B13"], ws["B14"] = budget


def rows(ws, data, start=7):
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            ws.cell(start + i, 2 + j).value = v


def convert(src, fmt, outdir, name):
    tmp = Path("/tmp/t4/lo")
    tmp.mkdir(exist_ok=True)
    subprocess.run(
        [
            "soffice",
            "-env:UserInstallation=file:///tmp/t4/profile",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(tmp),
            str(src),
        ],
        check=True,
        capture_output=True,
    )
    out = tmp / (src.stem + "." + fmt.split(":")[0])
    INBOX.mkdir(exist_ok=True)
    out.rename(INBOX / name)


def syt():
    """Numbers typed as text with spaces (normal and no-break)."""
    wb = openpyxl.load_workbook(T / "2021_syt_so-y-te.xlsx")
    info(
        wb,
        dt.datetime(2021, 12, 10),
        "45/BC-SYT",
        "GIÁM ĐỐC",
        "Nguyễn Văn An",
        ("25 000 000", "5.000.000"),
    )
    rows(
        wb["1. Hoạt động"],
        [
            ("Tập huấn", "3", "1 234", "2\u00a0345", "Tỉnh"),
            ("Tọa đàm", 2, 40, 60, "Huyện"),
        ],
    )
    rows(wb["2. Truyền thông"], [("Trang thông tin điện tử", "12", " 1 500 ", "2 500", "Tỉnh")])
    rows(wb["3. Sản phẩm"], [("Tờ rơi", "1 000", 0, 0, "Tỉnh")])
    wb.save(W / "syt.xlsx")
    convert(W / "syt.xlsx", "xlsx", W / "lo", "BC SYT 2021.xlsx")


def syt_again():
    """Resubmission a week later: one figure corrected."""
    wb = openpyxl.load_workbook(T / "2021_syt_so-y-te.xlsx")
    info(wb, dt.datetime(2021, 12, 17), "52/BC-SYT", "GIÁM ĐỐC", "Nguyễn Văn An")
    rows(
        wb["1. Hoạt động"],
        [
            ("Tập huấn", 3, 1234, 2345, "Tỉnh"),
            ("Tọa đàm", 2, 45, 60, "Huyện"),
        ],
    )
    rows(wb["2. Truyền thông"], [("Trang thông tin điện tử", 12, 1500, 2500, "Tỉnh")])
    rows(wb["3. Sản phẩm"], [("Tờ rơi", 1000, 0, 0, "Tỉnh")])
    wb.save(W / "syt2.xlsx")
    convert(W / "syt2.xlsx", "xlsx", W / "lo", "BC SYT 2021 (gui lai).xlsx")


def snv():
    """Figures in merged cells; saved as .xls."""
    wb = openpyxl.load_workbook(T / "2021_snv_so-noi-vu.xlsx")
    info(wb, dt.datetime(2021, 12, 12), "12/BC-SNV", "PHÓ GIÁM ĐỐC", "Trần Thị Bình")
    ws = wb["1. Hoạt động"]
    rows(
        ws,
        [
            ("Hội nghị", 2, 30, 50, "Tỉnh"),
            ("Hội nghị", None, None, None, "Huyện"),
            ("Tập huấn", 1, 25, 35, "Tỉnh"),
        ],
    )
    ws.merge_cells("C7:C8")  # "2 conferences" written once for both levels
    ws2 = wb["2. Truyền thông"]
    rows(ws2, [("Phát thanh", 4, 300, None, "Tỉnh")])
    ws2.merge_cells("D7:E7")  # 300 people, not split by sex
    wb.save(W / "snv.xlsx")
    convert(W / "snv.xlsx", "xls", W / "lo", "Bao cao SNV.xls")


def hlhpn():
    """A row inserted in the middle of the table; saved as .ods."""
    wb = openpyxl.load_workbook(T / "2021_hlhpn_hoi-lien-hiep-phu-nu-tinh.xlsx")
    info(wb, dt.datetime(2021, 12, 15), "30/BC-HLHPN", "CHỦ TỊCH", "Lê Thị Cúc")
    ws = wb["1. Hoạt động"]
    rows(
        ws,
        [
            ("Diễn đàn", 2, 40, 120, "Tỉnh"),
            ("Đối thoại", 3, 60, 90, "Huyện"),
            ("Tọa đàm", 5, 20, 200, "Xã"),
        ],
    )
    ws.insert_rows(8)
    ws["A8"], ws["B8"], ws["C8"], ws["D8"], ws["E8"], ws["F8"] = "1a", "Hội thảo", 1, 15, 45, "Tỉnh"
    wb.save(W / "hlhpn.xlsx")
    convert(W / "hlhpn.xlsx", "ods", W / "lo", "HLHPN tinh - BC thang hanh dong.ods")


def babe():
    """Levels written in other ways; file name in NFD."""
    wb = openpyxl.load_workbook(T / "2021_babe_ubnd-huyen-ba-be.xlsx")
    info(wb, dt.datetime(2021, 12, 18), "101/BC-UBND", "CHỦ TỊCH", "Hoàng Văn Dũng")
    rows(
        wb["1. Hoạt động"],
        [
            ("Tập huấn", 1, 10, 20, "cấp Tỉnh"),
            ("Tọa đàm", 4, 35, 45, "tinh"),
            ("Giao lưu văn nghệ", 6, 150, 210, "Huyện/xã"),
            ("Nói chuyện chuyên đề", 8, 80, 95, "xa"),
        ],
    )
    rows(wb["2. Truyền thông"], [("Hệ thống loa truyền thanh cơ sở", 20, 1000, 1100, "huyen")])
    wb.save(W / "babe.xlsx")
    name = unicodedata.normalize("NFD", "Báo cáo THĐ huyện Ba Bể.xlsx")
    convert(W / "babe.xlsx", "xlsx", W / "lo", name)


def nari():
    """Abbreviated agency name in the file name; .xls via LibreOffice; totals row typed."""
    wb = openpyxl.load_workbook(T / "2021_nari_ubnd-huyen-na-ri.xlsx")
    info(wb, dt.datetime(2021, 12, 19), "88/BC-UBND", "PHÓ CHỦ TỊCH", "Đinh Văn Em")
    rows(
        wb["1. Hoạt động"],
        [
            ("Diễn đàn", 2, 100, 150, "Huyện"),
            ("Đối thoại", 7, 70, 140, "Xã"),
            ("Tổng cộng", 9, 170, 290, None),
        ],
    )
    wb.save(W / "nari.xlsx")
    convert(W / "nari.xlsx", "xls", W / "lo", "UBND H.NR.xls")


if __name__ == "__main__":
    for f in (syt, syt_again, snv, hlhpn, babe, nari):
        f()
