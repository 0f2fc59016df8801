"""Build templates/baocao.docx, the Word template of the consolidated report, with python-docx.

The template is generated (never saved from Word or LibreOffice) so that its Jinja tags stay
reviewable text and its layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait, margins
20/20/30/15 mm, Times New Roman, the two-column header block, body 14 pt justified with a 1.27 cm
first-line indent, page numbers centred in the top margin from page 2.

The values come from thanghanhdong.report.docx.build_context(), already formatted as Vietnamese
text. Table column labels come from thanghanhdong.form through that context, never from here.

Run:  .venv/bin/python scripts/build_report_template.py [OUTPUT]   (default templates/baocao.docx)
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from thanghanhdong import form

FONT = "Times New Roman"
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "templates" / "baocao.docx"

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_WIDTH_MM = 210 - 30 - 15  # 165 mm portrait
LANDSCAPE_TEXT_WIDTH_MM = 297 - 30 - 15  # 252 mm

# Header block: left column (cơ quan) and right column (Quốc hiệu); a little wider than the text
# block, as usual, so that the Quốc hiệu fits on one line at 13 pt bold.
HEADER_LEFT_MM, HEADER_RIGHT_MM = 75, 99
HEADER_INDENT_MM = -5
# ND30: the line under the Tiêu ngữ is as long as the text. "Độc lập - Tự do - Hạnh phúc" in
# Times New Roman Bold 14 pt measures 59.7 mm (Liberation Serif Bold, metric-compatible, with
# the precomposed letters at their base letter's advance); it was 64 mm, 4 mm past the text.
TIEU_NGU_RULE_MM = 60

ALIGN = WD_ALIGN_PARAGRAPH
Container = Document | _Cell  # anything with add_paragraph()

# Paragraph styles: (name shown in Word, ASCII style id).
BODY = ("Nội dung báo cáo", "ThdBody")
HEADING = ("Đề mục báo cáo", "ThdHeading")
TABLE_TEXT = ("Chữ trong bảng", "ThdTable")


# ------------------------------------------------------------------------------ fonts


def set_fonts(rpr: Any) -> None:
    """Times New Roman for every script (ascii, hAnsi, cs, eastAsia); no theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attribute}"), FONT)


def setup_document_fonts(document: Document) -> None:
    """Document defaults: Times New Roman 14, Vietnamese, no spacing after paragraphs."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    fonts = OxmlElement("w:rFonts")
    rpr.append(fonts)
    set_fonts(rpr)
    for name, attributes in (
        ("w:sz", {"val": "28"}),
        ("w:szCs", {"val": "28"}),
        ("w:lang", {"val": "vi-VN", "eastAsia": "vi-VN", "bidi": "ar-SA"}),
    ):
        element = OxmlElement(name)
        for key, value in attributes.items():
            element.set(qn(f"w:{key}"), value)
        rpr.append(element)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.attrib.clear()
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    # Styles of the python-docx default template name theme fonts: replace them everywhere.
    for fonts in styles_element.iter(qn("w:rFonts")):
        set_fonts(fonts.getparent())
    # ...and colour their headings and title blue or grey: an officer who applies "Heading 1"
    # in Word to a report of his own making gets black, as ND30 writes every line.
    for color in list(styles_element.iter(qn("w:color"))):
        color.attrib.clear()
        color.set(qn("w:val"), "000000")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    set_fonts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0


def add_paragraph_style(
    document: Document, names: tuple[str, str], *, size: float = 14, bold: bool = False
) -> ParagraphStyle:
    name, style_id = names
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = style_id
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    set_fonts(style.element.get_or_add_rPr())
    return style


def setup_styles(document: Document) -> None:
    setup_document_fonts(document)
    body = add_paragraph_style(document, BODY)
    fmt = body.paragraph_format
    fmt.alignment = ALIGN.JUSTIFY
    fmt.first_line_indent = Mm(12.7)
    fmt.space_before = Pt(6)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.15
    fmt.widow_control = True

    heading = add_paragraph_style(document, HEADING, bold=True)
    heading.base_style = body
    heading.paragraph_format.keep_with_next = True

    table_text = add_paragraph_style(document, TABLE_TEXT, size=12)
    fmt = table_text.paragraph_format
    fmt.space_before = fmt.space_after = Pt(2)
    fmt.line_spacing = 1.0

    header = document.styles["Header"]
    header.font.name = FONT
    header.font.size = Pt(14)
    set_fonts(header.element.get_or_add_rPr())


# ------------------------------------------------------------------------------ paragraphs


def para(
    where: Container,
    text: str = "",
    *,
    style: tuple[str, str] | None = None,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: float | None = None,
    after: float | None = None,
) -> Paragraph:
    paragraph = where.add_paragraph(style=style[0] if style else None)
    if text:
        run = paragraph.add_run(text)
        if size is not None:
            run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
    if size is not None:  # the paragraph mark too, so an empty line has the same height
        mark = paragraph._p.get_or_add_pPr()
        rpr = mark.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            mark.append(rpr)
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size * 2)))
        rpr.append(sz)
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    return paragraph


def tag(where: Container, text: str) -> Paragraph:
    """A paragraph holding only a `{%p ... %}` tag: docxtpl removes it when rendering."""
    return where.add_paragraph(text)


def computed_indents(paragraph: Paragraph, tag: str) -> None:
    """A rule's two indents given by the context when the report is rendered (`tag`)."""
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    ind.set(qn("w:left"), tag)
    ind.set(qn("w:right"), tag)


def rule(where: Container, length_mm: float, width_mm: float) -> Paragraph:
    """A solid line `length_mm` long, centred in `width_mm`, drawn as the bottom border of a tiny
    empty paragraph: Word and LibreOffice both render paragraph borders, unlike floating shapes
    whose anchoring differs between them."""
    paragraph = where.add_paragraph()
    fmt = paragraph.paragraph_format
    side = Mm(max(width_mm - length_mm, 0) / 2)
    fmt.left_indent = fmt.right_indent = side
    fmt.first_line_indent = Mm(0)
    fmt.space_before = Pt(3)  # clear of the descenders of the line above
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(3)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    # pBdr must come before spacing/ind in pPr (schema order).
    ppr.insert_element_before(
        borders,
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    )
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "4")
    rpr.append(sz)
    ppr.append(rpr)
    return paragraph


def narrative_paragraph(document: Document, loop_variable: str) -> Paragraph:
    """ "- <agency, italic>: text" (the dash and the name are empty on continuation lines)."""
    paragraph = document.add_paragraph(style=BODY[0])
    paragraph.add_run(f"{{{{ {loop_variable}.dash }}}}")
    paragraph.add_run(f"{{{{ {loop_variable}.agency }}}}").italic = True
    paragraph.add_run(f"{{{{ {loop_variable}.text }}}}")
    return paragraph


def narrative_loop(document: Document, block: str) -> None:
    tag(document, f"{{%p for p in {block}.paragraphs %}}")
    narrative_paragraph(document, "p")
    tag(document, "{%p endfor %}")


# ------------------------------------------------------------------------------ tables


TBL_PR_ORDER = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
)


def set_tbl_pr(table: Table, element: Any) -> None:
    """Put `element` in w:tblPr at its schema position (Word rejects misordered children)."""
    tbl_pr = table._tbl.tblPr
    name = element.tag.split("}")[1]
    existing = tbl_pr.find(qn(f"w:{name}"))
    if existing is not None:
        tbl_pr.replace(existing, element)
        return
    later = TBL_PR_ORDER[TBL_PR_ORDER.index(name) + 1 :]
    for child in tbl_pr:
        if child.tag.split("}")[1] in later:
            child.addprevious(element)
            return
    tbl_pr.append(element)


def _styles(where: Any) -> Any:
    """The document's styles, from the document itself or from a table cell."""
    return where.part.document.styles


def _set_cell_width(cell: _Cell, width_mm: float) -> None:
    cell.width = Mm(width_mm)


def make_table(
    where: Document | _Cell, rows: int, widths_mm: Sequence[float], *, grid: bool = True
) -> Table:
    table = where.add_table(rows=rows, cols=len(widths_mm))
    table.style = _styles(where)["Table Grid"] if grid else None
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid_element = table._tbl.tblGrid
    for column, width in zip(grid_element.findall(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            _set_cell_width(cell, width)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    set_tbl_pr(table, layout)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int(Mm(sum(widths_mm)).twips)))
    width.set(qn("w:type"), "dxa")
    set_tbl_pr(table, width)
    if not grid:
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            border = OxmlElement(f"w:{side}")
            border.set(qn("w:val"), "nil")
            borders.append(border)
        set_tbl_pr(table, borders)
    return table


def cell_margins(table: Table, left_right_mm: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(int(Mm(left_right_mm).twips)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    set_tbl_pr(table, margins)


def table_indent(table: Table, indent_mm: float) -> None:
    jc = table._tbl.tblPr.find(qn("w:jc"))
    if jc is not None:
        table._tbl.tblPr.remove(jc)
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(int(Mm(indent_mm).twips)))
    indent.set(qn("w:type"), "dxa")
    set_tbl_pr(table, indent)


def cell_text(
    cell: _Cell,
    text: str,
    *,
    align: WD_ALIGN_PARAGRAPH = ALIGN.LEFT,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    style: tuple[str, str] = TABLE_TEXT,
) -> Paragraph:
    """Write into the cell's first (empty) paragraph."""
    paragraph = cell.paragraphs[0]
    paragraph.style = _styles(cell)[style[0]]
    paragraph.paragraph_format.alignment = align
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size is not None:
            run.font.size = Pt(size)
    return paragraph


def repeat_as_header(table: Table, *row_indexes: int) -> None:
    for index in row_indexes:
        tr_pr = table.rows[index]._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        tr_pr.append(header)


def keep_with_footnote(table: Table) -> None:
    """The table's last row (its total) goes to the next page with the footnote under it: a
    footnote alone on a page explains nothing (trial 10, finding 8)."""
    for cell in table.rows[-1].cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def rows_cannot_split(table: Table) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def header_cell(cell: _Cell, text: str) -> None:
    cell_text(cell, text, align=ALIGN.CENTER, bold=True)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def loop_row(table: Table, index: int, text: str) -> None:
    """A row holding only a `{%tr ... %}` tag (docxtpl replaces the whole row)."""
    cell_text(table.rows[index].cells[0], text)


# ------------------------------------------------------------------------------ the parts


def page_number_header(document: Document) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # page 1: no number
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = ALIGN.CENTER
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text or ""


def setup_page(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def header_block(document: Document) -> None:
    """Cơ quan chủ quản / ban hành / Số (left) and Quốc hiệu / Tiêu ngữ / date (right)."""
    table = make_table(document, 2, [HEADER_LEFT_MM, HEADER_RIGHT_MM], grid=False)
    table_indent(table, HEADER_INDENT_MM)
    cell_margins(table, 0)
    left, right = table.cell(0, 0), table.cell(0, 1)
    cell_text(left, "{{ issuer.parent }}", align=ALIGN.CENTER, size=13, style=("Normal", ""))
    issuer = para(left, "{{ issuer.name }}", size=13, bold=True, align=ALIGN.CENTER)
    issuer.paragraph_format.keep_with_next = True
    # ND30: the line under the issuing body is 1/3 to 1/2 as long as its name, which thd.toml
    # gives ("SỞ NỘI VỤ" is a third of "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"): the indents
    # that centre it are computed when the report is rendered.
    computed_indents(rule(left, 30, HEADER_LEFT_MM), "{{ issuer.rule_indent }}")
    cell_text(
        right,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        align=ALIGN.CENTER,
        bold=True,
        size=13,
        style=("Normal", ""),
    )
    para(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align=ALIGN.CENTER)
    rule(right, TIEU_NGU_RULE_MM, HEADER_RIGHT_MM)
    number = cell_text(
        table.cell(1, 0), "{{ number }}", align=ALIGN.CENTER, size=13, style=("Normal", "")
    )
    number.paragraph_format.space_before = Pt(6)
    place = cell_text(
        table.cell(1, 1),
        "{{ date_line }}",
        align=ALIGN.CENTER,
        italic=True,
        size=14,
        style=("Normal", ""),
    )
    place.paragraph_format.space_before = Pt(6)


def title_block(document: Document) -> None:
    para(document, "BÁO CÁO", size=14, bold=True, align=ALIGN.CENTER, before=24)
    para(document, "{{ subject }}", size=14, bold=True, align=ALIGN.CENTER)
    # ND30: the line under the trích yếu is 1/3 to 1/2 as long as its line: from the subject,
    # which names the campaign's year, when the report is rendered.
    computed_indents(rule(document, 40, TEXT_WIDTH_MM), "{{ subject_rule_indent }}")
    recipients(document)


def recipients(document: Document) -> None:
    """ "Kính gửi:" then the recipients, each line aligned under the first one."""
    start, hanging = Mm(25), Mm(24)
    first = para(document, "", before=12)
    first.add_run("Kính gửi:\t{{ recipients.first }}")
    fmt = first.paragraph_format
    fmt.left_indent = start + hanging
    fmt.first_line_indent = -hanging
    fmt.tab_stops.add_tab_stop(start + hanging, WD_TAB_ALIGNMENT.LEFT)
    tag(document, "{%p for r in recipients.rest %}")
    rest = para(document, "{{ r }}")
    rest.paragraph_format.left_indent = start + hanging
    tag(document, "{%p endfor %}")
    para(document, "", after=6)


def part_one(document: Document) -> None:
    para(document, "{{ opening }}", style=BODY)
    para(document, "{{ headings.part1 }}", style=HEADING)
    para(document, "{{ headings.direction }}", style=HEADING)
    para(document, "{{ status_sentence }}", style=BODY)
    narrative_loop(document, "direction")
    para(document, "{{ headings.activities }}", style=HEADING)
    tag(document, "{%p for s in activity_sentences %}")
    para(document, "{{ s }}", style=BODY)
    tag(document, "{%p endfor %}")
    narrative_loop(document, "activities_text")
    para(document, "{{ headings.budget }}", style=HEADING)
    para(document, "{{ budget.total_line }}", style=BODY).paragraph_format.keep_with_next = True
    para(document, "{{ budget.state_line }}", style=BODY)
    para(document, "{{ budget.mobilized_line }}", style=BODY)
    tag(document, "{%p if budget.none_line %}")
    para(document, "{{ budget.none_line }}", style=BODY)
    tag(document, "{%p endif %}")
    para(document, "{{ data_note }}", style=BODY, italic=True, align=ALIGN.CENTER)


def part_two(document: Document) -> None:
    para(document, "{{ headings.part2 }}", style=HEADING)
    tag(document, "{%p for a in assessment %}")
    para(document, "{{ a.heading }}", style=HEADING)
    narrative_loop(document, "a")
    tag(document, "{%p endfor %}")


DATA_WIDTHS_MM = [12, 61, 20, 22, 22, 28]  # STT | item | count | Nam | Nữ | level = 165


def part_three(document: Document) -> None:
    para(document, "{{ headings.part3 }}", style=HEADING)
    title = para(document, "{{ data_title }}", style=BODY, bold=True, align=ALIGN.CENTER)
    title.paragraph_format.first_line_indent = Mm(0)
    title.paragraph_format.keep_with_next = True
    tag(document, "{%p for t in tables %}")
    para(document, "{{ t.heading }}", style=HEADING, after=6)
    data_table(document)
    footnote(document, "t.footnote")
    tag(document, "{%p endfor %}")


def footnote(document: Document, value: str) -> None:
    """The line under a table explaining its marks ("*" incomplete, "—" not given), only when
    the table has some."""
    tag(document, f"{{%p if {value} %}}")
    line = para(document, f"{{{{ {value} }}}}", size=11, italic=True, before=3)
    line.paragraph_format.first_line_indent = Mm(0)
    tag(document, "{%p endif %}")


def data_table(document: Document) -> None:
    """STT | item | count | people (Nam, Nữ) | [other number columns] | level, as in the seed's
    report form. Number columns form.py adds beyond the seed's are a `{%tc %}` loop over
    `t.extra` (each spanning both header rows), so they reach every template by themselves."""
    widths = [*DATA_WIDTHS_MM[:5], 1.0, 20.0, 1.0, DATA_WIDTHS_MM[5]]
    table = make_table(document, 6, widths)
    _full_grid(table, DATA_WIDTHS_MM)
    head, sub = table.rows[0].cells, table.rows[1].cells
    for index, key in ((0, "stt"), (1, "item"), (2, "count"), (8, "level")):
        merged = head[index].merge(sub[index])
        header_cell(merged, f"{{{{ t.labels.{key} }}}}")
    people = head[3].merge(head[4])
    header_cell(people, "{{ t.labels.people }}")
    header_cell(sub[3], "{{ t.labels.male }}")
    header_cell(sub[4], "{{ t.labels.female }}")
    _column_loop(head, "c in t.extra", "{{ c }}", header=True, at=5)
    _column_loop(sub, "c in t.extra", "", header=True, at=5)
    _vertical_merge(head[6], "restart")
    _vertical_merge(sub[6], "continue")
    repeat_as_header(table, 0, 1)
    loop_row(table, 2, "{%tr for r in t.rows %}")
    row = table.rows[3].cells
    cell_text(row[0], "{{ r.stt }}", align=ALIGN.CENTER)
    cell_text(row[1], "{{ r.item }}")
    for index, key in ((2, "count"), (3, "male"), (4, "female")):
        cell_text(row[index], f"{{{{ r.{key} }}}}", align=ALIGN.RIGHT)
    _column_loop(row, "v in r.extra", "{{ v }}", at=5)
    cell_text(row[8], "{{ r.level }}", align=ALIGN.CENTER)
    loop_row(table, 4, "{%tr endfor %}")
    total = table.rows[5].cells
    cell_text(total[0], "")
    cell_text(total[1], "{{ t.total.label }}", bold=True)
    for index, key in ((2, "count"), (3, "male"), (4, "female")):
        cell_text(total[index], f"{{{{ t.total.{key} }}}}", align=ALIGN.RIGHT, bold=True)
    _column_loop(total, "v in t.total.extra", "{{ v }}", bold=True, at=5)
    cell_text(total[8], "")
    rows_cannot_split(table)
    keep_with_footnote(table)


def _vertical_merge(cell: _Cell, value: str) -> None:
    # python-docx's get_or_add keeps the schema's element order (Word rejects misordered ones)
    cell._tc.get_or_add_tcPr().get_or_add_vMerge().set(qn("w:val"), value)


def closing_and_signature(document: Document) -> None:
    para(document, "{{ closing }}", style=BODY).paragraph_format.keep_with_next = True
    para(document, "", after=6).paragraph_format.keep_with_next = True
    widths = [78, 87]
    table = make_table(document, 1, widths, grid=False)
    rows_cannot_split(table)  # the signature block stays in one piece
    left, right = table.cell(0, 0), table.cell(0, 1)
    cell_text(left, "Nơi nhận:", bold=True, italic=True, size=12, style=("Normal", ""))
    tag(left, "{%p for d in distribution %}")
    para(left, "{{ d }}", size=11)
    tag(left, "{%p endfor %}")
    tag_first = right.paragraphs[0]
    tag_first.add_run("{%p if issuer.signer_authority %}")
    para(right, "{{ issuer.signer_authority }}", size=14, bold=True, align=ALIGN.CENTER)
    tag(right, "{%p endif %}")
    para(right, "{{ issuer.signer_title }}", size=14, bold=True, align=ALIGN.CENTER)
    para(right, "{{ issuer.signer_name }}", size=14, bold=True, align=ALIGN.CENTER, before=84)


def appendix_heading(document: Document, number: str, title: str, width_mm: float) -> None:
    heading = para(document, f"Phụ lục {number}", size=14, bold=True, align=ALIGN.CENTER)
    heading.paragraph_format.keep_with_next = True
    para(
        document, title, size=14, bold=True, align=ALIGN.CENTER
    ).paragraph_format.keep_with_next = True
    para(document, "{{ appendix_ref }}", size=14, italic=True, align=ALIGN.CENTER)
    rule(document, 40, width_mm)
    para(document, "", after=6)


def note_or_table(document: Document, appendix: str) -> None:
    """Above the configured roster size the appendix's per-agency table gives way to a note
    saying where the figures are; the `{%p endif %}` follows the table."""
    tag(document, f"{{%p if {appendix}.note %}}")
    para(document, f"{{{{ {appendix}.note }}}}", style=BODY)
    tag(document, "{%p else %}")


# The height of the empty paragraph that ends a section (python-docx's add_section puts the
# break there): one twip, LibreOffice's and Word's layout unit. At a text line's height it
# did not fit under a table (the signature block, Phụ lục I) ending at the foot of a page, and
# went to a page of its own, blank but for its number; LibreOffice does not keep a table with
# the next paragraph, so the paragraph itself has to fit in what any table leaves.
SECTION_BREAK_HEIGHT = Pt(0.05)


def new_section(document: Document, *, landscape: bool) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    flat_section_break(document.paragraphs[-1])
    section.different_first_page_header_footer = False
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
    else:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT


def flat_section_break(paragraph: Paragraph) -> None:
    """The section's last, empty paragraph at SECTION_BREAK_HEIGHT, its mark at 1 pt."""
    assert paragraph._p.pPr is not None and paragraph._p.pPr.sectPr is not None
    f = paragraph.paragraph_format
    f.space_before = f.space_after = Pt(0)
    f.first_line_indent = Pt(0)
    f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    f.line_spacing = SECTION_BREAK_HEIGHT
    f.widow_control = False
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    paragraph._p.pPr.sectPr.addprevious(mark)


def appendix_figures(document: Document) -> None:
    """Phụ lục I (landscape): each agency's count and people per table, and its budget.

    The tables' columns are `{%tc %}` loops over `appendix1.groups` / `.sub` / each row's
    `cells`, so a table added to form.py appears in every template, the officer's own too.
    The grid is laid out for the form's tables as they are now."""
    new_section(document, landscape=True)
    appendix_heading(document, "I", "{{ appendix1.title }}", LANDSCAPE_TEXT_WIDTH_MM)
    tables = len(form.TABLES)
    widths = [12.0, 70.0] + [17.0, 22.0] * tables + [26.0, 26.0]
    scale = LANDSCAPE_TEXT_WIDTH_MM / sum(widths)
    widths = [w * scale for w in widths]
    note_or_table(document, "appendix1")
    # The template's rows: STT | agency | {%tc for %} | one table column | {%tc endfor %} |
    # budget, budget (docxtpl replaces a cell holding a {%tc %} tag by the tag itself). The
    # grid holds every rendered column.
    pair = (widths[2] + widths[3]) / 2
    table = make_table(document, 6, [widths[0], widths[1], 1.0, pair, 1.0, widths[-2], widths[-1]])
    _full_grid(table, widths)
    head, sub = table.rows[0].cells, table.rows[1].cells
    header_cell(head[0].merge(sub[0]), "{{ appendix1.labels.stt }}")
    header_cell(head[1].merge(sub[1]), "{{ appendix1.labels.agency }}")
    _column_loop(head, "g in appendix1.groups", "{% colspan 2 %}{{ g.title }}", header=True)
    _column_loop(sub, "s in appendix1.sub", "{{ s }}", header=True)
    header_cell(head[5].merge(head[6]), "{{ appendix1.labels.budget }}")
    header_cell(sub[5], "{{ appendix1.labels.state }}")
    header_cell(sub[6], "{{ appendix1.labels.mobilized }}")
    repeat_as_header(table, 0, 1)
    loop_row(table, 2, "{%tr for r in appendix1.rows %}")
    loop_row(table, 4, "{%tr endfor %}")
    for row_index, source, bold in ((3, "r", False), (5, "appendix1.total", True)):
        cells = table.rows[row_index].cells
        if source == "r":
            cell_text(cells[0], "{{ r.stt }}", align=ALIGN.CENTER)
            cell_text(cells[1], "{{ r.name }}")
        else:
            cell_text(cells[0], "")
            cell_text(cells[1], "{{ appendix1.total.label }}", bold=True)
        _column_loop(cells, f"v in {source}.cells", "{{ v }}", bold=bold)
        cell_text(cells[5], f"{{{{ {source}.state }}}}", align=ALIGN.RIGHT, bold=bold)
        cell_text(cells[6], f"{{{{ {source}.mobilized }}}}", align=ALIGN.RIGHT, bold=bold)
    rows_cannot_split(table)
    keep_with_footnote(table)
    footnote(document, "appendix1.footnote")
    tag(document, "{%p endif %}")


def _column_loop(
    cells: Sequence[_Cell],
    loop: str,
    content: str,
    *,
    header: bool = False,
    bold: bool = False,
    at: int = 2,
) -> None:
    """Cells at, at+1, at+2 of a row: `{%tc for LOOP %}` | CONTENT | `{%tc endfor %}`."""
    cell_text(cells[at], f"{{%tc for {loop} %}}")
    if header:
        header_cell(cells[at + 1], content)
    else:
        cell_text(cells[at + 1], content, align=ALIGN.RIGHT, bold=bold)
    cell_text(cells[at + 2], "{%tc endfor %}")
    # The loop repeats this cell: its width comes from the grid, not from a width of its own
    # (LibreOffice would give every repeated column the width of the template's one cell).
    tc_pr = cells[at + 1]._tc.tcPr
    width = tc_pr.find(qn("w:tcW")) if tc_pr is not None else None
    if width is not None:
        tc_pr.remove(width)


def _full_grid(table: Table, widths_mm: Sequence[float]) -> None:
    """The table's grid with a column for every rendered column (the loops fill it)."""
    grid = table._tbl.tblGrid
    for column in grid.findall(qn("w:gridCol")):
        grid.remove(column)
    for width in widths_mm:
        column = OxmlElement("w:gridCol")
        column.set(qn("w:w"), str(int(Mm(width).twips)))
        grid.append(column)
    table_width = OxmlElement("w:tblW")
    table_width.set(qn("w:w"), str(int(Mm(sum(widths_mm)).twips)))
    table_width.set(qn("w:type"), "dxa")
    set_tbl_pr(table, table_width)


STATUS_WIDTHS_MM = [12, 58, 25, 30, 40]


def appendix_status(document: Document) -> None:
    """Phụ lục II: who sent on time, late, not at all, or a file that was left out."""
    new_section(document, landscape=False)
    appendix_heading(document, "II", "{{ appendix2.title }}", TEXT_WIDTH_MM)
    para(document, "{{ appendix2.summary }}", style=BODY, after=6)
    note_or_table(document, "appendix2")
    table = make_table(document, 4, STATUS_WIDTHS_MM)
    for index, key in enumerate(("stt", "agency", "date", "state", "note")):
        header_cell(table.rows[0].cells[index], f"{{{{ appendix2.labels.{key} }}}}")
    repeat_as_header(table, 0)
    loop_row(table, 1, "{%tr for r in appendix2.rows %}")
    cells = table.rows[2].cells
    cell_text(cells[0], "{{ r.stt }}", align=ALIGN.CENTER)
    cell_text(cells[1], "{{ r.name }}")
    cell_text(cells[2], "{{ r.date }}", align=ALIGN.CENTER)
    cell_text(cells[3], "{{ r.state }}", align=ALIGN.CENTER)
    cell_text(cells[4], "{{ r.note }}")
    loop_row(table, 3, "{%tr endfor %}")
    rows_cannot_split(table)
    tag(document, "{%p endif %}")


def appendix_narratives(document: Document) -> None:
    """Phụ lục III: each agency's own text, section by section, as it was sent."""
    first = para(document, "Phụ lục III", size=14, bold=True, align=ALIGN.CENTER)
    first.paragraph_format.page_break_before = True
    first.paragraph_format.keep_with_next = True
    para(document, "{{ appendix3.title }}", size=14, bold=True, align=ALIGN.CENTER)
    para(document, "{{ appendix_ref }}", size=14, italic=True, align=ALIGN.CENTER)
    rule(document, 40, TEXT_WIDTH_MM)
    tag(document, "{%p if appendix3.empty %}")
    para(document, "{{ appendix3.empty }}", style=BODY)
    tag(document, "{%p endif %}")
    tag(document, "{%p for a in appendix3.agencies %}")
    para(document, "{{ a.heading }}", style=HEADING, before=12)
    tag(document, "{%p for s in a.sections %}")
    section_heading = para(document, "{{ s.heading }}", style=BODY, italic=True)
    section_heading.paragraph_format.keep_with_next = True
    tag(document, "{%p for line in s.paragraphs %}")
    para(document, "{{ line }}", style=BODY)
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")


# The number in a column of its own: "Kế hoạch số 310/KH-SVHTTDL" in one cell broke at the
# hyphen, "310/KH-" on one line and "SVHTTDL" on the next (review 2026-12-02d); a number alone
# in its cell is one word, which report/widths.py keeps whole.
DOCUMENT_WIDTHS_MM = [12, 56, 26, 46, 25]
DOCUMENT_KEYS = ("stt", "agency", "kind", "number", "date")


def appendix_documents(document: Document) -> None:
    """Phụ lục IV: the plans and guidance the agencies issued (agency, document, date)."""
    first = para(document, "Phụ lục {{ appendix4.number }}", size=14, bold=True, align=ALIGN.CENTER)
    first.paragraph_format.page_break_before = True
    first.paragraph_format.keep_with_next = True
    title = para(document, "{{ appendix4.title }}", size=14, bold=True, align=ALIGN.CENTER)
    title.paragraph_format.keep_with_next = True
    para(document, "{{ appendix_ref }}", size=14, italic=True, align=ALIGN.CENTER)
    rule(document, 40, TEXT_WIDTH_MM)
    para(document, "", after=6)
    tag(document, "{%p if appendix4.empty %}")
    para(document, "{{ appendix4.empty }}", style=BODY)
    tag(document, "{%p else %}")
    table = make_table(document, 4, DOCUMENT_WIDTHS_MM)  # header, loop, row, end of loop
    for index, key in enumerate(DOCUMENT_KEYS):
        header_cell(table.rows[0].cells[index], f"{{{{ appendix4.labels.{key} }}}}")
    repeat_as_header(table, 0)
    loop_row(table, 1, "{%tr for r in appendix4.rows %}")
    cells = table.rows[2].cells
    cell_text(cells[0], "{{ r.stt }}", align=ALIGN.CENTER)
    cell_text(cells[1], "{{ r.name }}")
    cell_text(cells[2], "{{ r.kind }}")
    cell_text(cells[3], "{{ r.number }}")
    cell_text(cells[4], "{{ r.date }}", align=ALIGN.CENTER)
    loop_row(table, 3, "{%tr endfor %}")
    rows_cannot_split(table)
    tag(document, "{%p endif %}")


# ------------------------------------------------------------------------------ printouts

# Rows kept on the page of the header (the first) and of the totals row (the last): no page
# holds a table's header alone, nor a totals row with a stray row or two above it.
KEPT_ROWS = 2
_ROW_LOOP = re.compile(r"^\{%tr for (\w+) in (.+?) %\}$")


def keep_with_next(row: Any) -> None:
    for paragraph in row.iter(qn("w:p")):
        ppr = paragraph.get_or_add_pPr()
        if ppr.find(qn("w:keepNext")) is None:
            ppr.insert_element_before(
                OxmlElement("w:keepNext"), *[f"w:{n}" for n in _PPR_AFTER_KEEP_NEXT]
            )


_PPR_AFTER_KEEP_NEXT = (
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


def _row_text(row: Any) -> str:
    return "".join(t.text or "" for t in row.iter(qn("w:t"))).strip()


def keep_rows_together(document: Document) -> None:
    """Every table: header rows keep with the first rows, and the last rows stay together (with
    the totals row, when there is one).

    A `{%tr for r in X %}` loop over one row becomes loops over the same row: X's first
    KEPT_ROWS rows and its last KEPT_ROWS + 1 carry keep-with-next (the very last only when a
    totals row follows), the middle does not."""
    for table in document.element.body.iter(qn("w:tbl")):
        rows = table.findall(qn("w:tr"))
        for row in rows:
            if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
                keep_with_next(row)
        for index, row in enumerate(rows):
            loop = _ROW_LOOP.match(_row_text(row))
            if loop and index + 2 < len(rows) and _row_text(rows[index + 2]) == "{%tr endfor %}":
                totals = index + 3 < len(rows)
                _split_loop(rows[index : index + 3], loop[1], _parts(loop[2], totals))


def _parts(items: str, totals: bool) -> list[tuple[str, bool]]:
    items = f"({items})" if " " in items else items
    k, rest = KEPT_ROWS, f"{items}[{KEPT_ROWS}:]"
    tail = f"{rest}[-{k + 1}:]"
    parts = [(f"{items}[:{k}]", True), (f"{rest}[:-{k + 1}]", False)]
    if totals:
        return [*parts, (tail, True)]
    return [*parts, (f"{tail}[:-1]", True), (f"{tail}[-1:]", False)]


def _split_loop(loop: list[Any], name: str, parts: list[tuple[str, bool]]) -> None:
    start, body, end = loop
    anchor = end
    for expression, kept in parts[1:]:
        copies = [copy.deepcopy(start), copy.deepcopy(body), copy.deepcopy(end)]
        _set_row_text(copies[0], f"{{%tr for {name} in {expression} %}}")
        if kept:
            keep_with_next(copies[1])
        for element in copies:
            anchor.addnext(element)
            anchor = element
    _set_row_text(start, f"{{%tr for {name} in {parts[0][0]} %}}")
    if parts[0][1]:
        keep_with_next(body)


def _set_row_text(row: Any, text: str) -> None:
    texts = list(row.iter(qn("w:t")))
    texts[0].text = text
    for extra in texts[1:]:
        extra.text = ""


def drop_styles_with_effects(document: Document) -> None:
    """The default template carries a Word 2010 stylesWithEffects part full of theme fonts;
    Word does not need it, and leaving it would bring Calibri back in some versions."""
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rel_id)


def properties(document: Document) -> None:
    core = document.core_properties
    core.title = "Báo cáo kết quả thực hiện Tháng hành động"
    core.author = ""
    core.last_modified_by = ""
    core.comments = ""
    core.subject = ""
    core.keywords = ""
    core.language = "vi-VN"
    core.revision = 1
    core.created = core.modified = datetime(2021, 12, 20)


def build() -> Document:
    document = docx.Document()
    # Drop the empty first paragraph python-docx's default template may start with.
    for paragraph in list(document.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    drop_styles_with_effects(document)
    setup_styles(document)
    setup_page(document)
    page_number_header(document)
    header_block(document)
    title_block(document)
    part_one(document)
    part_two(document)
    part_three(document)
    closing_and_signature(document)
    appendix_figures(document)
    appendix_status(document)
    appendix_narratives(document)
    appendix_documents(document)
    keep_rows_together(document)
    properties(document)
    return document


def save(document: Document, argv: list[str], default: Path) -> int:
    """Write `document` to argv[1], else `default` (the shipped template); the scripts' main."""
    output = Path(argv[1]) if len(argv) > 1 else default
    output.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(output))
    print(f"Đã ghi {output}")
    return 0


def main(argv: list[str]) -> int:
    return save(build(), argv, DEFAULT_OUTPUT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
