"""Fill thd templates with LibreOffice Calc over UNO, as a clerk would (system python3 with uno).

Usage: /usr/bin/python3 unofill.py spec.json   (soffice listening on port 2002)
spec: [{"src": template or null (new doc), "out": path, "filter": "Calc MS Excel 2007 XML"|"MS Excel 97"|"calc8",
        "ops": [["s", sheet, "B7", "text"], ["n", sheet, "C7", 12], ["f", sheet, "C20", "=SUM(C7:C19)"],
                ["merge", sheet, "F7:F8"], ["hide", sheet, 9], ["sheet", name], ["unprotect", sheet]]}]
"""

import json
import sys

import uno
from com.sun.star.beans import PropertyValue


def prop(n, v):
    p = PropertyValue()
    p.Name = n
    p.Value = v
    return p


local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", local
)
ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)


def sheet(doc, name):
    sheets = doc.Sheets
    if not sheets.hasByName(name):
        sheets.insertNewByName(name, sheets.Count)
    sh = sheets.getByName(name)
    if sh.isProtected():
        sh.unprotect("")
    return sh


with open(sys.argv[1]) as spec:
    JOBS = json.load(spec)
for job in JOBS:
    url = uno.systemPathToFileUrl(job["src"]) if job.get("src") else "private:factory/scalc"
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    for op in job["ops"]:
        kind, name = op[0], op[1]
        sh = sheet(doc, name)
        if kind == "s":
            sh.getCellRangeByName(op[2]).setString(op[3])
        elif kind == "n":
            sh.getCellRangeByName(op[2]).setValue(op[3])
        elif kind == "f":
            sh.getCellRangeByName(op[2]).setFormula(op[3])
        elif kind == "merge":
            sh.getCellRangeByName(op[2]).merge(True)
        elif kind == "hide":
            sh.Rows.getByIndex(op[2] - 1).IsVisible = False
        elif kind == "delsheet":
            doc.Sheets.removeByName(name)
    if job.get("drop_first_sheet"):
        doc.Sheets.removeByName(doc.Sheets.ElementNames[0])
    doc.storeToURL(uno.systemPathToFileUrl(job["out"]), (prop("FilterName", job["filter"]),))
    doc.close(True)
    print("wrote", job["out"])
