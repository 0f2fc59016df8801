"""Agencies' Word reports built with python-docx, in the layouts clerks use (the plan's form filled
in, headings without numbers, a header typed as paragraphs, tables at the end or in the sections,
a table split by a page break), with the fields and table cells each one means."""

from __future__ import annotations

import re
from io import BytesIO

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from thanghanhdong import form

TITLE = (
    "Kết quả thực hiện “Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
    "trên cơ sở giới” năm 2021"
)

ACTIVITIES = [
    ["1", "Tập huấn", "3", "60", "90", "Huyện"],
    ["2", "Diễn đàn", "2", "45", "120", "Xã"],
]
MEDIA = [["1", "Phát thanh", "12", "", "", "Tỉnh"]]
PRODUCTS = [["1", "Tờ rơi", "2.000", "800", "1.200", "Tỉnh"]]


def _bold(paragraph_text: str, document) -> None:
    document.add_paragraph().add_run(paragraph_text).bold = True


def _borderless(table: Table) -> None:
    """ND30 header and signature blocks are tables without borders."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.append(borders)


def _cell_lines(cell, lines: list[tuple[str, bool]]) -> None:
    cell.text = ""
    first = cell.paragraphs[0]
    for index, (text, bold) in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.add_run(text).bold = bold


def header_table(document, left: list[tuple[str, bool]], date_line: str) -> None:
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    _cell_lines(table.cell(0, 0), left)
    right = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("Độc lập - Tự do - Hạnh phúc", True),
        ("---------------", False),
        (date_line, False),
    ]
    _cell_lines(table.cell(0, 1), right)


def signature_table(document, lines: list[str]) -> None:
    document.add_paragraph()  # Word keeps a paragraph between two tables, or merges them
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    _cell_lines(
        table.cell(0, 0),
        [("Nơi nhận:", True), ("- Sở LĐ-TB&XH tỉnh;", False), ("- Lưu: VT.", False)],
    )
    _cell_lines(table.cell(0, 1), [(t, not t.startswith("(")) for t in lines])


def data_table(document, spec: form.TableSpec, rows: list[list[str]], totals: bool = True):
    """The seed's table: STT | item | count | people (merged over Nam, Nữ) | level, two header
    rows with STT, item, count and level merged down."""
    table = document.add_table(rows=2, cols=6)
    table.style = "Table Grid"
    top, sub = table.rows[0].cells, table.rows[1].cells
    for position, label in (
        (0, form.STT_LABEL),
        (1, spec.item_label),
        (2, spec.count_label),
        (5, form.LEVEL_LABEL),
    ):
        merged = top[position].merge(sub[position])
        merged.text = label
    people = top[3].merge(top[4])
    people.text = spec.people_label
    table.cell(1, 3).text = form.MALE_LABEL
    table.cell(1, 4).text = form.FEMALE_LABEL
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    if totals:
        _totals_row(table, rows)
    return table


def _totals_row(table: Table, rows: list[list[str]]) -> None:
    cells = table.add_row().cells
    label = cells[0].merge(cells[1])
    label.text = "Tổng cộng"
    for position in (2, 3, 4):
        values = [int(re.sub(r"\D", "", r[position]) or 0) for r in rows]  # "1,5": a typo
        cells[position].text = f"{sum(values):,}".replace(",", ".")


def _save(document) -> bytes:
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def seed_form(
    tables: tuple[list[list[str]], ...] = (ACTIVITIES, MEDIA, PRODUCTS),
    prose: list[str] | None = None,
    instead: dict[str, str] | None = None,
    agency: str = "SỞ Y TẾ",
    budget: tuple[str, ...] | None = (
        "a) Ngân sách nhà nước: 25.000.000 đồng",
        "b) Ngân sách vận động: 15 triệu đồng",
    ),
    closing: str = "",
) -> bytes:
    """The plan's form filled in by a provincial department: header table, numbered outline, the
    three tables in part III, signature table. `prose`: more paragraphs in each section (for
    the benchmark's longer report); `instead`: table key -> the words written under its title
    in place of the table ("Không phát hành sản phẩm."); `budget`: the lines of section I.3
    (None: no section I.3 at all); `closing`: a line after the proposals ("Kinh phí thực
    hiện: 15.000.000 đồng")."""
    document = Document()
    header_table(
        document,
        [
            ("UBND TỈNH BẮC KẠN", False),
            (agency, True),
            ("-------", False),
            ("Số: 12/BC-SYT", False),
        ],
        "Bắc Kạn, ngày 18 tháng 12 năm 2021",
    )
    _bold("BÁO CÁO", document)
    _bold(TITLE, document)
    _bold("I. TỔ CHỨC THỰC HIỆN", document)
    _bold("1. Công tác chỉ đạo, ban hành kế hoạch triển khai", document)
    document.add_paragraph("Sở ban hành Kế hoạch số 210/KH-SYT ngày 01 tháng 11 năm 2021.")
    document.add_paragraph("Chỉ đạo các đơn vị trực thuộc triển khai.")
    _bold("2. Nội dung hoạt động đã triển khai", document)
    document.add_paragraph("Tổ chức 3 lớp tập huấn và 2 diễn đàn.")
    if budget is not None:
        _bold("3. Kinh phí tổ chức", document)
        for line in budget:
            document.add_paragraph(line)
    document.add_paragraph("(Bảng tổng hợp số liệu kèm theo)")
    _bold("II. ĐÁNH GIÁ CHUNG", document)
    _bold("1. Những kết quả đã đạt được, bài học kinh nghiệm", document)
    document.add_paragraph("Nhận thức về bình đẳng giới được nâng lên.")
    _bold("2. Những khó khăn, tồn tại", document)
    document.add_paragraph("Kinh phí còn hạn hẹp.")
    _bold("3. Kiến nghị, đề xuất", document)
    document.add_paragraph("Đề nghị tỉnh bố trí thêm kinh phí.")
    for text in [*(prose or []), *([closing] if closing else [])]:
        document.add_paragraph(text)
    _bold("III. TỔNG HỢP SỐ LIỆU", document)
    document.add_paragraph(TITLE)
    for spec, rows in zip(form.TABLES, tables, strict=True):
        _bold(f"{spec.number}. {spec.title}", document)
        if instead and spec.key in instead:
            document.add_paragraph(instead[spec.key])
        else:
            data_table(document, spec, rows)
    signature_table(document, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Nguyễn Thị Hoa"])
    return _save(document)


def district_report() -> bytes:
    """A district's own layout: name broken over two lines, headings without numbers and with
    their text after a colon, prose in "a)" and "-", budget as "-" lines, the signature as
    paragraphs, the tables at the end, the first split by a page break (header repeated)."""
    document = Document()
    header_table(
        document,
        [("ỦY BAN NHÂN DÂN", True), ("HUYỆN BA BỂ", True), ("Số: 45/BC-UBND", False)],
        "Ba Bể, ngày 17 tháng 12 năm 2021",
    )
    _bold("BÁO CÁO", document)
    document.add_paragraph("Tên đơn vị báo cáo: UBND huyện Ba Bể")
    _bold("Tổ chức thực hiện", document)
    document.add_paragraph("Công tác chỉ đạo: UBND huyện ban hành Kế hoạch số 99/KH-UBND.")
    document.add_paragraph("Kết quả hoạt động đã triển khai:")
    document.add_paragraph("a) Tổ chức tập huấn cho cán bộ xã;")
    document.add_paragraph("- Tổ chức diễn đàn tại 2 xã.")
    document.add_paragraph("Kinh phí:")
    document.add_paragraph("- Kinh phí từ ngân sách nhà nước: 12.500.000 đồng")
    document.add_paragraph("- Ngân sách vận động, xã hội hóa: không")
    _bold("Đánh giá chung", document)
    document.add_paragraph("Kết quả đạt được:")
    document.add_paragraph("- Người dân hưởng ứng tích cực.")
    document.add_paragraph("Khó khăn, vướng mắc: Địa bàn rộng, đi lại khó khăn.")
    document.add_paragraph("Đề xuất, kiến nghị: Không.")
    for index, spec in enumerate(form.TABLES):
        _bold(f"Bảng {spec.number}. {spec.title}", document)
        if index == 0:
            data_table(document, spec, ACTIVITIES[:1], totals=False)
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            data_table(document, spec, ACTIVITIES[1:], totals=False)
        else:
            data_table(document, spec, (MEDIA, PRODUCTS)[index - 1], totals=False)
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"):
        _bold(line, document)
    document.add_paragraph("(Ký tên, đóng dấu)")
    _bold("Hoàng Văn Bình", document)
    return _save(document)


def typed_header_report() -> bytes:
    """A header typed as paragraphs with tabs, headings in Word heading styles, a table inside
    each section (one in a layout table: nested), a data table with a split Nam/Nữ header typed
    on one row and a total merged across Nam and Nữ."""
    document = Document()
    for text in (
        "HỘI LHPN TỈNH BẮC KẠN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 30/BC-HLHPN\t\tĐộc lập - Tự do - Hạnh phúc",
        "\t\tBắc Kạn, ngày 20 tháng 12 năm 2021",
    ):
        document.add_paragraph().add_run(text).font.size = Pt(10)  # one printed line each
    document.add_heading("BÁO CÁO", level=0)
    document.add_heading("I. Tổ chức thực hiện", level=1)
    document.add_heading("1. Công tác chỉ đạo", level=2)
    document.add_paragraph("Ban Thường vụ Hội chỉ đạo các cấp Hội.")
    document.add_heading("2. Các hoạt động đã triển khai", level=2)
    document.add_paragraph("Các cấp Hội tổ chức nói chuyện chuyên đề.")
    layout = document.add_table(rows=1, cols=1)
    inner = layout.cell(0, 0).add_table(rows=2, cols=5)
    inner.style = "Table Grid"
    for position, label in enumerate(["STT", "Hoạt động", "Số cuộc", "Nam", "Nữ"]):
        inner.cell(0, position).text = label
    for position, value in enumerate(["1", "Nói chuyện chuyên đề", "4"]):
        inner.cell(1, position).text = value
    total = inner.cell(1, 3).merge(inner.cell(1, 4))
    total.text = "150"
    document.add_paragraph("Ngoài ra, Hội phối hợp với Đài PT-TH tỉnh.")
    document.add_heading("3. Kinh phí", level=2)
    document.add_paragraph(
        "Tổng kinh phí 8.000.000 đồng, trong đó: a) ngân sách nhà nước: "
        "5.000.000 đồng; b) vận động: 3.000.000 đồng."
    )
    document.add_heading("II. Đánh giá chung", level=1)
    document.add_heading("1. Kết quả", level=2)
    document.add_paragraph("Hội viên nắm được quy định.")
    document.add_heading("2. Tồn tại, hạn chế", level=2)
    document.add_paragraph("Một số cơ sở chưa quan tâm.")
    document.add_heading("3. Kiến nghị", level=2)
    document.add_paragraph("Không có.")
    document.add_paragraph("CHỦ TỊCH")
    document.add_paragraph("Lý Thị Mai")
    return _save(document)


def long_table_report(rows: int = 45) -> bytes:
    """One Word table of many rows, its two header rows marked to repeat on every page (Word's
    "Repeat as header row"): one table in Word, a table per page in the PDF."""
    document = Document()
    document.add_paragraph("Tên đơn vị báo cáo: UBND huyện Chợ Đồn")
    spec = form.TABLES[0]
    table = data_table(
        document,
        spec,
        [[str(n), f"Tập huấn tại xã số {n}", "1", "10", str(n), "Xã"] for n in range(1, rows + 1)],
        totals=False,
    )
    for row in table.rows[:2]:
        marker = OxmlElement("w:tblHeader")
        row._tr.get_or_add_trPr().append(marker)
    return _save(document)


def continued_without_header() -> bytes:
    """A table the clerk continued after a page break as a second table of data rows only."""
    document = Document()
    data_table(document, form.TABLES[0], ACTIVITIES[:1], totals=False)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    rest = document.add_table(rows=1, cols=6)
    rest.style = "Table Grid"
    for cell, value in zip(rest.rows[0].cells, ACTIVITIES[1], strict=True):
        cell.text = value
    return _save(document)
