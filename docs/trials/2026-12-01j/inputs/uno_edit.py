# ruff: noqa  (throw-away build script of trial 10, kept as written)
import uno, time, sys
from com.sun.star.beans import PropertyValue
from com.sun.star.awt import Point, Size


def P(n, v):
    p = PropertyValue()
    p.Name = n
    p.Value = v
    return p


local = uno.getComponentContext()
res = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for i in range(60):
    try:
        ctx = res.resolve("uno:socket,host=localhost,port=2202;urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(1)
desk = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
W = "file:///tmp/t10/work/"


def op(name):
    return desk.loadComponentFromURL(W + name, "_blank", 0, (P("Hidden", True),))


def save(doc, name, flt="Calc Office Open XML"):
    doc.storeToURL(W + name, (P("FilterName", flt),))
    doc.close(True)


# SKHCN: typed via UNO like a user in an en-US Calc (setFormula parses like typing in en-US)
d = op("SKHCN.xlsx")
s = d.Sheets.getByName("1. Hoạt động")
s.unprotect("")
for addr, txt in [
    ("B7", "Tập huấn"),
    ("C7", "2"),
    ("D7", "1.500"),
    ("E7", "1,600"),
    ("F7", "Tỉnh"),
    ("B8", "Hội thảo"),
    ("C8", "1"),
    ("D8", "45"),
    ("E8", "55"),
    ("F8", "Xã"),
]:
    s.getCellRangeByName(addr).setFormula(txt)
i = d.Sheets.getByName("Thông tin chung")
i.unprotect("")
i.getCellRangeByName("B6").setFormula("16/12/2026")
save(d, "SKHCN_uno.xlsx")
# CA: insert a row in the middle (between rows 7 and 8), a total row, and a row below the total
d = op("CA.xlsx")
s = d.Sheets.getByName("1. Hoạt động")
s.unprotect("")
s.Rows.insertByIndex(7, 1)  # new row 8
for addr, txt in [
    ("A8", "1a"),
    ("B8", "Tọa đàm"),
    ("C8", "1"),
    ("D8", "20"),
    ("E8", "25"),
    ("F8", "Tỉnh"),
]:
    s.getCellRangeByName(addr).setFormula(txt)
for addr, txt in [
    ("B11", "Tổng cộng"),
    ("C11", "=SUM(C7:C10)"),
    ("D11", "=SUM(D7:D10)"),
    ("E11", "=SUM(E7:E10)"),
]:
    s.getCellRangeByName(addr).setFormula(txt)
for addr, txt in [
    ("B12", "Hỗ trợ nạn nhân, phụ nữ và trẻ em có hoàn cảnh khó khăn"),
    ("C12", "1"),
    ("D12", "2"),
    ("E12", "5"),
    ("F12", "Xã"),
]:
    s.getCellRangeByName(addr).setFormula(txt)
for addr, txt in [
    ("B37", "Đối thoại"),
    ("C37", "1"),
    ("D37", "30"),
    ("E37", "30"),
    ("F37", "Tỉnh"),
]:
    s.getCellRangeByName(addr).setFormula(txt)
save(d, "CA_uno.xlsx")
# BCHQS: delete row 8
d = op("BCHQS.xlsx")
s = d.Sheets.getByName("1. Hoạt động")
s.unprotect("")
s.Rows.removeByIndex(7, 1)
save(d, "BCHQS_uno.xlsx")
# STC: sort data rows B7:F9 by Nữ descending (user selects B7:F9, Data > Sort) - already filtered row 8 hidden
d = op("STC.xlsx")
s = d.Sheets.getByName("1. Hoạt động")
s.unprotect("")
rng = s.getCellRangeByName("A7:F9")
from com.sun.star.table import TableSortField

f = TableSortField()
f.Field = 4
f.IsAscending = False
rng.sort((P("SortFields", (f,)), P("ContainsHeader", False)))
save(d, "STC_uno.xlsx")
# CLO: comment, drawing, unprotect, header edited
d = op("CLO.xlsx")
s = d.Sheets.getByName("1. Hoạt động")
s.unprotect("")
s.getCellRangeByName("C5").setString("Số cuộc (buổi)")
ca = s.getCellRangeByName("D7").getCellAddress()
s.Annotations.insertNew(ca, "Số liệu tạm tính, chờ xã xác nhận")
sh = d.createInstance("com.sun.star.drawing.RectangleShape")
sh.Position = Point(2000, 2000)
sh.Size = Size(4000, 1500)
s.DrawPage.add(sh)
sh.setString("Đã duyệt")
save(d, "CLO_uno.xlsx")
# HLHPN: external link to another workbook (Tọa đàm row)
d = op("HLHPN.xlsx")
s = d.Sheets.getByName("1. Hoạt động")
s.unprotect("")
s.getCellRangeByName("D8").setFormula("='file:///tmp/t10/work/namngoai.xlsx'#$Sheet1.B1")
s.getCellRangeByName("E8").setFormula("='file:///tmp/t10/work/namngoai.xlsx'#$Sheet1.B2")
d.calculateAll()
print("HLHPN D7..E8", [s.getCellRangeByName(a).getValue() for a in ("D7", "E7", "D8", "E8")])
save(d, "HLHPN_uno.xlsx")
print("uno ok")
