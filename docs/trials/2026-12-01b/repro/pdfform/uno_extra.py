import sys

import uno
from com.sun.star.beans import PropertyValue


def prop(n, v):
    p = PropertyValue()
    p.Name = n
    p.Value = v
    return p


local = uno.getComponentContext()
r = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = r.resolve("uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext")
desk = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
src, out = sys.argv[1], sys.argv[2]
doc = desk.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
sh = doc.Sheets.getByName("1. Hoạt động")
if sh.isProtected():
    sh.unprotect("")
# the clerk inserts 2 rows after row 8 (inside the table) and types two more activities there
sh.Rows.insertByIndex(8, 2)
for row, vals in ((9, ("Tọa đàm", 1, 15, 35, "Tỉnh")), (10, ("Hội thảo", 1, 22, 28, "Huyện"))):
    for col, v in zip("BCDEF", vals, strict=False):
        c = sh.getCellRangeByName(f"{col}{row}")
        c.setValue(v) if isinstance(v, int) else c.setString(v)
doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "Calc MS Excel 2007 XML"),))
doc.storeToURL(uno.systemPathToFileUrl(out[:-5] + ".pdf"), (prop("FilterName", "calc_pdf_Export"),))
doc.close(True)
print("ok")
