"""Word reports whose first table is cut by a page break, built with python-docx: the table starts
a given height above the bottom of page 1, so the break falls in its header (grouped "Số người
tham gia" over Nam | Nữ, labels wrapped in narrow columns) or in a data row (an item wrapped over
two lines), with the figures each one means."""

from __future__ import annotations

from docx import Document
from docx.shared import Cm, Pt
from word_reports import _save, data_table, header_table

from thanghanhdong import form

ACTIVITIES = [
    ["1", "Hội nghị quán triệt Luật Bình đẳng giới", "1", "45", "55", "Tỉnh"],
    ["2", "Tập huấn cho cán bộ, công chức", "2", "1.200", "1.350", "Tỉnh"],
    ["3", "Tọa đàm", "3", "80", "120", "Huyện"],
]
MEDIA = [["1", "Bài viết trên trang thông tin điện tử", "6", "", "", "Tỉnh"]]
PRODUCTS = [["1", "Tờ rơi", "2.000", "800", "1.200", "Tỉnh"]]
TABLES = (ACTIVITIES, MEDIA, PRODUCTS)
# Narrow columns: "Hoạt động", "Số người tham gia" and "Cấp triển khai" wrap over two lines.
SPACER = 4  # points
WIDTHS = (Cm(1.1), Cm(3.2), Cm(1.4), Cm(1.6), Cm(1.6), Cm(1.5))


def figures(rows: list[list[str]]) -> list[tuple[object, ...]]:
    """A table's rows as the readers give them: (item, count, male, female, level)."""
    number = {"": None}
    return [
        (r[1], *(number.get(v, int(v.replace(".", "")) if v else None) for v in r[2:5]), r[5])
        for r in rows
    ]


def _narrow(table) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, WIDTHS, strict=True):
            cell.width = width


def _flat_header(document, spec: form.TableSpec, rows: list[list[str]]):
    """The layout of a typed report: two header rows, only "Số người tham gia" merged (over
    Nam | Nữ), the other labels in the first row with an empty cell under them."""
    table = document.add_table(rows=2, cols=6)
    table.style = "Table Grid"
    labels = [form.STT_LABEL, spec.item_label, spec.count_label, spec.people_label, ""]
    for cell, label in zip(table.rows[0].cells, [*labels, form.LEVEL_LABEL], strict=True):
        cell.text = label
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(1, 3).text = form.MALE_LABEL
    table.cell(1, 4).text = form.FEMALE_LABEL
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    return table


def _spacer(document) -> None:
    """An empty line exactly SPACER points high (a space before would move to the next page)."""
    spacing = document.add_paragraph().paragraph_format
    spacing.line_spacing, spacing.space_before, spacing.space_after = Pt(SPACER), Pt(0), Pt(0)


def report(lines: int, merged: bool = True, narrow: bool = True) -> bytes:
    """Sở Nội vụ's report; the first table starts `lines` spacer lines lower than it would."""
    document = Document()
    header_table(
        document,
        [("UBND TỈNH BẮC KẠN", False), ("SỞ NỘI VỤ", True), ("Số: 456/BC-SNV", False)],
        "Bắc Kạn, ngày 16 tháng 12 năm 2021",
    )
    document.add_paragraph().add_run("BÁO CÁO").bold = True
    for text in ("I. TỔ CHỨC THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG", "III. TỔNG HỢP SỐ LIỆU"):
        document.add_paragraph().add_run(text).bold = True
        document.add_paragraph("Sở Nội vụ ban hành Kế hoạch triển khai Tháng hành động.")
    for _ in range(lines):
        _spacer(document)
    for spec, rows in zip(form.TABLES, TABLES, strict=True):
        document.add_paragraph(f"{spec.number}. {spec.title}")
        table = (
            data_table(document, spec, rows, totals=False)
            if merged
            else _flat_header(document, spec, rows)
        )
        if narrow:
            _narrow(table)
    document.add_paragraph("GIÁM ĐỐC")
    document.add_paragraph("Trần Văn C")
    return _save(document)
