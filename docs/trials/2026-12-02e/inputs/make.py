"""Build the trial's answers: each agency's own form, typed into with openpyxl (what the clerk
typed), then saved by a real program where the habit is the program's (LibreOffice, Gnumeric,
xlsxwriter). Files made by rewriting a saved .xlsx with zipfile say so: they imitate what
Excel writes (shared formulas, the 1904 date system) where no Excel is at hand.

    .venv/bin/python docs/trials/2026-12-02e/inputs/make.py OUT
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.formula import ArrayFormula

from thanghanhdong import config
from thanghanhdong.template import FormStamper

INFO, ACTS, MEDIA, PRODUCTS = "Thông tin chung", "1. Hoạt động", "2. Truyền thông", "3. Sản phẩm"
GOOD = [["Tọa đàm", 2, 30, 40, "Huyện"], ["Tập huấn", 3, 50, 60, "Xã"]]
campaign = config.load(None)
stamper = FormStamper(campaign)
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
RAW = OUT / "raw"
PROFILE = Path("/tmp/lo-trial-excel")


def blank(code: str, name: str) -> Path:
    RAW.mkdir(parents=True, exist_ok=True)
    path = RAW / f"{name}.xlsx"
    path.write_bytes(stamper.stamp(campaign.agency(code)))
    return path


def fill(path: Path, rows=GOOD, info=None, sheet=ACTS, edit=None) -> Path:
    book = openpyxl.load_workbook(path)
    base = {"B5": "45/BC", "B6": "15/12/2021", "B7": "Phó Giám đốc", "B8": "Nguyễn Văn A"}
    base |= {"B11": "Có kế hoạch", "B12": "Tổ chức tọa đàm", "B13": 15000000, "B14": 0}
    base |= {"B16": "Có", "B17": "Không", "B18": "Không"}
    for cell, value in (base | (info or {})).items():
        book[INFO][cell] = value
    for i, row in enumerate(rows):
        for column, value in zip("BCDEF", row, strict=False):
            book[sheet][f"{column}{7 + i}"] = value
    if edit:
        edit(book)
    book.save(path)
    return path


def soffice(sources: list[Path], target: str, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={PROFILE.as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(out), *map(str, sources)],
        capture_output=True, check=False, timeout=600,
    )  # fmt: skip
    suffix = target.split(":")[0]
    return [out / f"{s.stem}.{suffix}" for s in sources]


def rewrite(path: Path, part: str, change) -> None:
    """zipfile: one part of a saved .xlsx changed (imitating what another program writes)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info, change(data) if info.filename == part else data)


def sheet_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(name)}"[^>]*r:id="(\w+)"', book)[1]
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels)
    t = target[1] or target[2]
    return t.lstrip("/") if t.startswith("/") else "xl/" + t


# ------------------------------------------------------------------------------- the answers
# agency -> (how it was made, rows of 1. Hoạt động from row 7, an edit of the workbook)
EXCEL_2003 = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="1. Hoạt động"><Table><Row><Cell><Data ss:Type="String">STT</Data></Cell>
 <Cell><Data ss:Type="String">Hoạt động</Data></Cell></Row></Table></Worksheet>
</Workbook>
"""


def date_formats(book):
    for cell, value in {"D7": 1200, "E7": 45}.items():
        book[ACTS][cell] = value
        book[ACTS][cell].number_format = "dd/mm/yyyy"


def mac_dates(book):
    date_formats(book)
    book.epoch = CALENDAR_MAC_1904
    book[INFO]["B6"] = __import__("datetime").date(2021, 12, 16)


def recent_day(book):
    book[ACTS]["E8"] = 45000  # shows 15/03/2023
    book[ACTS]["E8"].number_format = "dd/mm/yyyy"


def apostrophe(book):
    book[ACTS]["D7"] = "'30"
    book[ACTS]["D7"].number_format = "@"


def filled_down(book):
    for r in range(7, 41):
        book[ACTS][f"E{r}"] = f"=D{r}*1"


def total_row(book):
    ws = book[ACTS]
    ws["B9"], ws["C9"], ws["D9"], ws["E9"] = "Tổng cộng", "=C7+C8", "=D7+D8", "=E7+E8"


def female_formula(book):
    ws = book[ACTS]
    ws["E7"], ws["E8"] = "=D7+10", "=D8+10"


def other_sheet(book):
    book.create_sheet("Số liệu")["A1"] = 30
    book[ACTS]["D7"] = "='Số liệu'!A1"


def errors(book):
    ws = book[ACTS]
    ws["B9"], ws["C9"], ws["D9"], ws["E9"], ws["F9"] = "Hội thảo", "=1/0", "=NA()", 5, "Xã"


def chart(book):
    sheet = book.create_chartsheet("Biểu đồ")
    bars = BarChart()
    bars.add_data(Reference(book[ACTS], min_col=4, min_row=7, max_row=8))
    sheet.add_chart(bars)


def trailing_space(book):
    book[ACTS].title = "1. Hoạt động "


def copy_sheet(book):
    book.copy_worksheet(book[ACTS]).title = "1. Hoạt động (2)"


def negative(book):
    book[ACTS]["D8"] = -5


def percent(book):
    book[ACTS]["E7"] = 0.6
    book[ACTS]["E7"].number_format = "0%"


def big(book):
    from openpyxl.styles import PatternFill

    ws, paint = book[ACTS], PatternFill("solid", fgColor="FFFF99")
    for r in range(37, 50037):
        for c in range(1, 7):
            ws.cell(r, c).fill = paint


def array_formula(book):
    book[ACTS]["C7"] = ArrayFormula("C7", "=SUM({1,1})")


ROWS4 = [*GOOD, ["Hội thảo", 1, 10, 15, "Tỉnh"], ["Diễn đàn", 4, 100, 120, "Xã"]]
ANSWERS = {
    "SYT": ("LibreOffice .fods", GOOD, None, "fods"),
    "SGDDT": ("LibreOffice .xlsx, figures formatted as dates", GOOD, date_formats, "lo.xlsx"),
    "STP": ("LibreOffice .xls, figures formatted as dates", GOOD, date_formats, "lo.xls"),
    "SNV": ("LibreOffice .ods, figures formatted as dates", GOOD, date_formats, "lo.ods"),
    "STC": ("openpyxl, 1904 date system, figures as dates", GOOD, mac_dates, "xlsx"),
    "CAT": ("LibreOffice .xls of a 1904 workbook", GOOD, mac_dates, "lo.xls"),
    "BCHQS": ("LibreOffice, 45000 in a date-formatted cell", GOOD, recent_day, "lo.xlsx"),
    "BDT": ("LibreOffice, '30 in a text cell", GOOD, apostrophe, "lo.xlsx"),
    "MTTQ": ("LibreOffice, =D7*1 filled down the table", GOOD, filled_down, "lo.xlsx"),
    "TDOAN": ("zipfile: Excel shared formulas, no cached value", GOOD, female_formula, "shared"),
    "LDLD": ("zipfile: shared total row, no cached value", GOOD, total_row, "shared_total"),
    "HND": ("openpyxl: formula into sheet 'Số liệu', no cached value", GOOD, other_sheet, "xlsx"),
    "HCCB": ("LibreOffice: #DIV/0!, #N/A", GOOD, errors, "lo.xlsx"),
    "HLHPN": ("openpyxl chart sheet, LibreOffice re-save", GOOD, chart, "lo.xlsx"),
    "SVHTTDL": ("sheet name with a trailing space", GOOD, trailing_space, "lo.xlsx"),
    "STTTT": ("copy of the sheet “1. Hoạt động (2)”", GOOD, copy_sheet, "lo.xlsx"),
    "DPTTH": ("negative number", GOOD, negative, "lo.xlsx"),
    "BBK": ("60% in a Nữ cell", GOOD, percent, "lo.xlsx"),
    "SKHDT": ("openpyxl: 50,000 formatted empty rows", GOOD, big, "xlsx"),
    "SLDTBXH": ("openpyxl array formula, no cached value", GOOD, array_formula, "xlsx"),
    "BABE": ("Gnumeric ssconvert .xlsx, figures as dates", GOOD, date_formats, "gn.xlsx"),
    "BACHTHONG": ("Gnumeric ssconvert .ods, figures as dates", GOOD, date_formats, "gn.ods"),
    "CHODON": ("Gnumeric ssconvert Excel 5.0/95 .xls", GOOD, None, "gn95.xls"),
    "CHOMOI": ("Gnumeric native .gnumeric", GOOD, None, "gnumeric"),
    "NARI": ("Excel 2003 XML (by hand)", GOOD, None, "x2003"),
    "NGANSON": ("UNO: autofilter, row 9 filtered out", ROWS4, None, "uno:autofilter"),
    "PACNAM": ("UNO: rows 8-9 grouped and collapsed", ROWS4, None, "uno:grouped"),
    "TPBK": ("UNO: frozen pane, column E hidden, then pivot sheet", ROWS4, None, "uno:pivot"),
}
SHARED = {
    "shared": {"E7": '<f t="shared" ref="E7:E8" si="0">D7+10</f>', "E8": '<f t="shared" si="0"/>'},
    "shared_total": {
        "C9": '<f t="shared" ref="C9:E9" si="0">C7+C8</f>',
        "D9": '<f t="shared" si="0"/>',
        "E9": '<f t="shared" si="0"/>',
    },
}


def excel_shared(path: Path, cells: dict[str, str]) -> None:
    part = sheet_part(path, ACTS)

    def change(data: bytes) -> bytes:
        text = data.decode()
        for cell, shared in cells.items():
            text = re.sub(
                rf'<c r="{cell}"([^>]*)><f>[^<]*</f><v\s*/?>(?:</v>)?</c>',
                rf'<c r="{cell}"\1>{shared}</c>',
                text,
            )
        return text.encode()

    rewrite(path, part, change)


def main() -> None:
    inbox = OUT / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    lo: dict[str, list[tuple[str, Path]]] = {}
    uno = None
    for code, (_, rows, edit, how) in ANSWERS.items():
        name = f"BC {campaign.agency(code).name}"
        source = fill(blank(code, code), rows=rows, edit=edit)
        if how == "xlsx":
            (inbox / f"{name}.xlsx").write_bytes(source.read_bytes())
        elif how in SHARED:
            excel_shared(source, SHARED[how])
            (inbox / f"{name}.xlsx").write_bytes(source.read_bytes())
        elif how in ("fods", "lo.xlsx", "lo.xls", "lo.ods"):
            lo.setdefault(how, []).append((name, source))
        elif how.startswith("gn"):
            target = {"gn.xlsx": ("Gnumeric_Excel:xlsx2", ".xlsx"), "gn.ods": ("Gnumeric_OpenCalc:odf", ".ods"),
                      "gn95.xls": ("Gnumeric_Excel:excel_biff7", ".xls"), "gnumeric": ("Gnumeric_XmlIO:sax", ".gnumeric")}[how]  # fmt: skip
            subprocess.run(["ssconvert", "-T", target[0], str(source), str(inbox / f"{name}{target[1]}")],
                           capture_output=True, check=True)  # fmt: skip
        elif how == "x2003":
            (inbox / f"{name}.xml").write_text(EXCEL_2003, encoding="utf-8")
        elif how.startswith("uno:"):
            uno = uno or source
            lo.setdefault(how, []).append((name, source))
    filters = {
        "fods": "fods",
        "lo.xlsx": "xlsx:Calc MS Excel 2007 XML",
        "lo.xls": "xls:MS Excel 97",
        "lo.ods": "ods",
    }
    for how, items in lo.items():
        if how.startswith("uno:"):
            continue
        saved = soffice([s for _, s in items], filters[how], OUT / how)
        for (name, _), path in zip(items, saved, strict=True):
            (inbox / f"{name}{path.suffix}").write_bytes(path.read_bytes())
    for how, items in lo.items():
        if how.startswith("uno:"):
            for name, source in items:
                habits = OUT / f"uno-{source.stem}"
                subprocess.run(["/usr/bin/python3", str(Path(__file__).with_name("uno_habits.py")), str(source), str(habits)],
                               check=True, timeout=600)  # fmt: skip
                (inbox / f"{name}.xlsx").write_bytes((habits / f"{how[4:]}.xlsx").read_bytes())


if __name__ == "__main__":
    main()
