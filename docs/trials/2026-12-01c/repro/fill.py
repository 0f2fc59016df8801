"""Fill a thd template with openpyxl: fill.py TEMPLATE OUT DATE 'T:item,n,nam,nu,level;...'.

T is the table number (1, 2, 3); DATE is dd/mm/yyyy typed as text.
"""

import sys

import openpyxl

SHEETS = {"1": "1. Hoạt động", "2": "2. Truyền thông", "3": "3. Sản phẩm"}


def fill(template, out, date, spec):
    book = openpyxl.load_workbook(template)
    info = book["Thông tin chung"]
    info["B5"] = "12/BC"
    info["B6"] = date
    info["B7"] = "Trưởng phòng"
    info["B8"] = "Nguyễn Văn A"
    info["B11"] = "Đã ban hành kế hoạch số 5/KH."
    info["B12"] = "Đã tổ chức nhiều hoạt động."
    info["B16"] = "Nhận thức được nâng lên."
    info["B17"] = "Kinh phí hạn chế."
    info["B18"] = "Không."
    rows = {}
    for part in spec.split(";"):
        table, fields = part.split(":")
        item, n, nam, nu, level = fields.split(",")
        row = 7 + rows.get(table, 0)
        rows[table] = rows.get(table, 0) + 1
        sheet = book[SHEETS[table]]
        sheet[f"B{row}"] = item
        for col, value in zip("CDE", (n, nam, nu), strict=True):
            sheet[f"{col}{row}"] = int(value)
        sheet[f"F{row}"] = level
    book.save(out)


if __name__ == "__main__":
    fill(*sys.argv[1:5])
