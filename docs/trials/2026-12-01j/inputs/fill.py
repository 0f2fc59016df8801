# ruff: noqa  (throw-away build script of trial 10, kept as written)
# Base filler: writes values (as a clerk would type them) into each agency's template.
import openpyxl, json, sys, datetime as dt

T = "/tmp/t10/qt/mau-bao-cao/"
import glob, os

files = {os.path.basename(f).split("_")[1].upper(): f for f in glob.glob(T + "*.xlsx")}


def fill(code, out, info=None, t1=(), t2=(), t3=(), extra=None):
    wb = openpyxl.load_workbook(files[code])
    ws = wb["Thông tin chung"]
    base = {
        5: f"12/BC-{code}",
        6: dt.datetime(2026, 12, 16),
        7: "GIÁM ĐỐC",
        8: "Nguyễn Văn A",
        9: "Trần Thị B, 0912345678",
        11: "Ban hành Kế hoạch số 10/KH ngày 01/11/2026.",
        12: "Tổ chức tập huấn, truyền thông về bình đẳng giới cho cán bộ, nhân dân.",
        13: 5000000,
        14: 1000000,
        16: "Nhận thức được nâng lên.",
        17: "Kinh phí hạn chế.",
        18: "Đề nghị tăng kinh phí.",
    }
    base.update(info or {})
    for r, v in base.items():
        ws.cell(r, 2).value = v
    for sh, rows in (("1. Hoạt động", t1), ("2. Truyền thông", t2), ("3. Sản phẩm", t3)):
        w = wb[sh]
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                w.cell(7 + i, 2 + j).value = v
    if extra:
        extra(wb)
    wb.save(out)
