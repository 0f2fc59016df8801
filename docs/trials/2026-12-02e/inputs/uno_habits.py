"""LibreOffice itself (UNO, the system python3 with python3-uno) doing what a clerk does with
the menus: an autofilter left on with a row filtered out, rows grouped and collapsed, a frozen
pane, a pivot table on a new sheet, 50,000 rows formatted below the table. Each habit opens
SOURCE, acts, and stores .xlsx (Calc MS Excel 2007 XML) in OUT/<habit>.xlsx.

    /usr/bin/python3 uno_habits.py SOURCE OUT
"""

import contextlib
import subprocess
import sys
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue

ACTS = "1. Hoạt động"


def prop(name, value):
    return PropertyValue(Name=name, Value=value)


def connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(240):
        try:
            ctx = resolver.resolve(
                f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
            )
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.25)
    raise RuntimeError("no soffice")


def autofilter(doc):
    sheet = doc.Sheets.getByName(ACTS)
    rng = sheet.getCellRangeByName("A6:F10")
    db = doc.DatabaseRanges
    db.addNewByName("filtre", rng.RangeAddress)
    db.getByName("filtre").AutoFilter = True
    sheet.getCellRangeByName("A9").Rows.IsVisible = False  # the filtered-out row


def grouped(doc):
    sheet = doc.Sheets.getByName(ACTS)
    addr = sheet.getCellRangeByName("A8:F9").RangeAddress
    sheet.group(addr, uno.Enum("com.sun.star.table.TableOrientation", "ROWS"))
    sheet.hideDetail(addr)


def frozen(doc):
    controller = doc.CurrentController
    controller.setActiveSheet(doc.Sheets.getByName(ACTS))
    controller.freezeAtPosition(2, 6)
    doc.Sheets.getByName(ACTS).getCellRangeByName("E1").Columns.IsVisible = False


def pivot(doc):
    sheets = doc.Sheets
    sheets.insertNewByName("Bảng tổng hợp", sheets.Count)
    source = sheets.getByName(ACTS)
    tables = source.DataPilotTables
    desc = tables.createDataPilotDescriptor()
    desc.SourceRange = source.getCellRangeByName("B6:F10").RangeAddress
    fields = desc.DataPilotFields
    fields.getByIndex(0).Orientation = uno.Enum(
        "com.sun.star.sheet.DataPilotFieldOrientation", "ROW"
    )
    data = fields.getByIndex(1)
    data.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
    data.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", "SUM")
    target = sheets.getByName("Bảng tổng hợp").getCellByPosition(0, 0).CellAddress
    tables.insertNewByName("pivot1", target, desc)


def big(doc):
    sheet = doc.Sheets.getByName(ACTS)
    rng = sheet.getCellRangeByName("A37:F50036")
    rng.CellBackColor = 0xFFFF99
    line = uno.createUnoStruct("com.sun.star.table.BorderLine2")
    line.OuterLineWidth = 10
    rng.TopBorder = rng.BottomBorder = rng.LeftBorder = rng.RightBorder = line


HABITS = {
    "autofilter": autofilter,
    "grouped": grouped,
    "frozen": frozen,
    "pivot": pivot,
    "big": big,
}


def main():
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    port = 2002 + (int(time.time()) % 1000)
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=file:///tmp/lo-trial-excel-uno", "--headless",
         "--invisible", "--norestore", "--nodefault", "--nolockcheck",
         f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        desktop = connect(port)
        for name, act in HABITS.items():
            doc = desktop.loadComponentFromURL(
                source.resolve().as_uri(), "_blank", 0, (prop("Hidden", True),)
            )
            try:
                act(doc)
                target = (out / f"{name}.xlsx").resolve().as_uri()
                doc.storeToURL(target, (prop("FilterName", "Calc MS Excel 2007 XML"),))
            except Exception as exc:
                print(name, "failed:", exc)
            finally:
                doc.close(True)
    finally:
        with contextlib.suppress(Exception):
            desktop.terminate()
        time.sleep(2)
        office.kill()
        office.wait()


if __name__ == "__main__":
    main()
