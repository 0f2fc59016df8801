# ruff: noqa  (throw-away build script of trial 10, kept as written)
import zipfile, sys

src, dst = sys.argv[1:3]
M = [
    (
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://purl.oclc.org/ooxml/drawingml/main",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    ),
]
zi = zipfile.ZipFile(src)
zo = zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED)
for it in zi.infolist():
    b = zi.read(it)
    if it.filename.endswith((".xml", ".rels")):
        s = b.decode()
        for a, c in M:
            s = s.replace(a, c)
        if it.filename == "xl/workbook.xml":
            s = s.replace("<workbook ", '<workbook conformance="strict" ', 1)
        b = s.encode()
    zo.writestr(it, b)
zo.close()
