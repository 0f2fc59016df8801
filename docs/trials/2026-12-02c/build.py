"""Build the trial inbox (2026-12-02c): Word and PDF reports as agencies really make them.

Usage: .venv/bin/python docs/trials/2026-12-02c/build.py OUT_DIR [FONT]
(FONT: the body font, default "Times New Roman"; "DejaVu Serif" is what LibreOffice drew on the
trial's first run, before it used Liberation Serif for Times New Roman.)
python-docx writes the .docx; LibreOffice converts (.docx -> docx/doc/pdf); PIL turns a rendered
page into an image-only PDF (a scan); openpyxl fills three generated Excel forms. Every figure
typed is in SPECS; `figures.json` is the hand sum per agency.
"""

import copy
import json
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

OUT = Path(sys.argv[1]).resolve()
INBOX = OUT / "inbox"
WORK = OUT / "work"
for d in (INBOX, WORK):
    d.mkdir(parents=True, exist_ok=True)
FONT = sys.argv[2] if len(sys.argv) > 2 else "Times New Roman"
LO = ["soffice", "-env:UserInstallation=file:///tmp/lo-trial-word", "--headless"]

TITLES = {
    "t1": "Tổ chức các hoạt động hưởng ứng Tháng hành động, kiểm tra, giám sát",
    "t2": "Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở",
    "t3": "Phát hành các sản phẩm truyền thông",
}
HEADS = {
    "t1": ("Hoạt động", "Số cuộc", "Số người tham gia"),
    "t2": ("Nội dung", "Số lượng", "Số người tiếp cận"),
    "t3": ("Sản phẩm", "Số lượng", "Số người tiếp cận"),
}

# rows: (item, count, male, female, level); a figure may be a string as typed ("1.200").
BASE = {
    "t1": [
        ("Tập huấn", 3, 60, 90, "Tỉnh"),
        ("Nói chuyện chuyên đề", 5, 120, 180, "Huyện"),
    ],
    "t2": [("Trang thông tin điện tử", 12, 1500, 1700, "Tỉnh")],
    "t3": [("Tờ rơi", 2000, 800, 1200, "Huyện")],
}


def value(v):
    """The number a typed figure means (hand reading)."""
    if isinstance(v, int):
        return v
    digits = "".join(ch for ch in v if ch.isdigit())
    return int(digits)


def shown(v):
    return v if isinstance(v, str) else str(v)


# -- numbering --------------------------------------------------------------------------------

ABSTRACT = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>"""
BULLETS = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
<w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>"""
# a table caption list "1.", "2.", "3." of its own (restarts at 1)
CAPTIONS = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="92">
<w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""


def add_numbering(doc):
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for xml in (ABSTRACT, BULLETS, CAPTIONS):
        el = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    for num, abstract in ((90, 90), (91, 91), (92, 92), (93, 92)):
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num}"><w:abstractNumId w:val="{abstract}"/></w:num>'
            )
        )


def numbered(paragraph, num, level):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        )
    )


# -- pieces -----------------------------------------------------------------------------------


def no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def para(doc, text, bold=False, per_word=False):
    p = doc.add_paragraph()
    if per_word:  # Google Docs: one run per word, each with its own properties
        parts = text.split(" ")
        for i, w in enumerate(parts):
            r = p.add_run(w + (" " if i < len(parts) - 1 else ""))
            r.bold = bold or None
            r.font.name = "Arial"
            r.font.size = Pt(11)
    else:
        p.add_run(text).bold = bold or None
    return p


def header(doc, spec):
    left = [spec["parent"], spec["name_caps"], f"Số: {spec['number']}"]
    right = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        spec["dateline"],
    ]
    t = doc.add_table(rows=3, cols=2)
    no_borders(t)
    for i in range(3):
        t.cell(i, 0).text = left[i]
        t.cell(i, 1).text = right[i]
    para(doc, "BÁO CÁO", bold=True)
    para(doc, "Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2021", bold=True)


def data_table(doc, key, rows, spec, total=False):
    excel = spec.get("excel_paste")
    name, count, people = HEADS[key]
    t = doc.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    for i, txt in enumerate(["STT", name, count, people, "", "Cấp triển khai"]):
        t.cell(0, i).text = txt
    t.cell(1, 3).text = "Nam"
    t.cell(1, 4).text = "Nữ"
    for i in (0, 1, 2, 5):
        t.cell(0, i).merge(t.cell(1, i))
    t.cell(0, 3).merge(t.cell(0, 4))
    t.cell(0, 3).text = people
    if spec.get("repeat_header"):
        for r in t.rows[:2]:
            trpr = r._tr.get_or_add_trPr()
            trpr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for n, r in enumerate(rows, 1):
        if r is None:  # an empty row (Excel paste)
            t.add_row()
            continue
        cells = t.add_row().cells
        vals = [str(n), r[0], shown(r[1]), shown(r[2]), shown(r[3]), r[4]]
        if spec.get("stt_numbering"):  # STT by Word's numbering: the cell has no text
            vals[0] = ""
            numbered(cells[0].paragraphs[0], 93, 0)
        for c, v in zip(cells, vals):
            c.text = v
    if total:
        cells = t.add_row().cells
        real = [r for r in rows if r]
        cells[1].text = "Tổng cộng"
        for i in (1, 2, 3):
            cells[i + 1].text = str(sum(value(r[i]) for r in real))
    if excel:
        excel_like(t)
    return t


def excel_like(table):
    """What Word writes for a range pasted from Excel: fixed layout, widths per cell, every cell
    paragraph with its own spacing and alignment, runs with the sheet's font, noWrap."""
    tbl = table._tbl
    pr = tbl.tblPr
    pr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    widths = [560, 2900, 1100, 1000, 1000, 1300]
    for tr in tbl.iterchildren(qn("w:tr")):
        trpr = tr.get_or_add_trPr()
        trpr.append(parse_xml(f'<w:trHeight {nsdecls("w")} w:val="315"/>'))
        for i, tc in enumerate(tr.iterchildren(qn("w:tc"))):
            tcpr = tc.get_or_add_tcPr()
            for old in tcpr.findall(qn("w:tcW")):
                tcpr.remove(old)
            tcpr.insert(
                0, parse_xml(f'<w:tcW {nsdecls("w")} w:w="{widths[min(i, 5)]}" w:type="dxa"/>')
            )
            tcpr.append(parse_xml(f"<w:noWrap {nsdecls('w')}/>"))
            tcpr.append(parse_xml(f'<w:vAlign {nsdecls("w")} w:val="bottom"/>'))
            for p in tc.iterchildren(qn("w:p")):
                ppr = p.get_or_add_pPr()
                ppr.append(
                    parse_xml(
                        f'<w:spacing {nsdecls("w")} w:after="0" w:line="240" w:lineRule="auto"/>'
                    )
                )
                ppr.append(
                    parse_xml(
                        f'<w:jc {nsdecls("w")} w:val="{"right" if i in (2, 3, 4) else "left"}"/>'
                    )
                )
                for r in p.iterchildren(qn("w:r")):
                    rpr = r.get_or_add_rPr()
                    rpr.append(
                        parse_xml(
                            f'<w:rFonts {nsdecls("w")} w:ascii="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
                        )
                    )
                    rpr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="000000"/>'))
                    rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="24"/>'))


def tab_table(doc, key, rows):
    """Table → Convert to Text (tabs): the header and each row one tab-separated paragraph."""
    name, count, people = HEADS[key]
    # Word writes a merged cell once, and the continuation of a cell merged down as empty
    para(doc, f"STT\t{name}\t{count}\t{people}\tCấp triển khai")
    para(doc, "\t\t\tNam\tNữ\t")
    for n, r in enumerate(rows, 1):
        para(doc, "\t".join([str(n), r[0], shown(r[1]), shown(r[2]), shown(r[3]), r[4]]))


def heading(doc, spec, level, number, text):
    mode = spec.get("numbering", "typed")
    if mode == "typed":
        return para(doc, f"{number} {text}", bold=True)
    if mode == "numpr":  # Word's automatic numbering; the part heading bold, the others plain
        p = para(doc, text, bold=(level == 0))
        numbered(p, 90, level)
        return p
    if mode == "styles":  # numbering linked to the heading styles
        p = para(doc, text)
        p.style = doc.styles["Heading 1" if level == 0 else "Heading 2"]
        return p
    if mode == "gdocs":  # Google Docs: heading styles, numbering in the paragraph, per word
        p = para(doc, text, per_word=True)
        p.style = doc.styles["Heading 1" if level == 0 else "Heading 2"]
        numbered(p, 90, level)
        return p
    raise ValueError(mode)


def narrative(doc, spec, text):
    for line in text.split("\n"):
        if spec.get("numbering") in ("numpr", "gdocs") and line.startswith("- "):
            p = para(doc, line[2:], per_word=spec.get("numbering") == "gdocs")
            numbered(p, 91, 0)
        else:
            para(doc, line, per_word=spec.get("numbering") == "gdocs")


def caption(doc, spec, number, key):
    if spec.get("numbering") in ("numpr", "gdocs"):
        p = para(doc, TITLES[key], per_word=spec.get("numbering") == "gdocs")
        numbered(p, 92, 0)
    else:
        para(doc, f"{number}. {TITLES[key]}")


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def landscape(doc):
    section = doc.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def portrait(doc):
    section = doc.add_section()
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = section.page_height, section.page_width


def build(spec):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(13)
    if spec.get("numbering") in ("numpr", "gdocs", "styles"):
        add_numbering(doc)
    if spec.get("numbering") == "styles":
        style_numbering(doc)
    if spec.get("background"):
        background(doc)
    header(doc, spec)
    n = spec["narr"]
    heading(doc, spec, 0, "I.", "TỔ CHỨC THỰC HIỆN")
    heading(doc, spec, 1, "1.", "Công tác chỉ đạo, ban hành kế hoạch triển khai")
    narrative(doc, spec, n["I1"])
    heading(doc, spec, 1, "2.", "Nội dung hoạt động đã triển khai")
    narrative(doc, spec, n["I2"])
    heading(doc, spec, 1, "3.", "Kinh phí tổ chức")
    budget = spec["budget"]
    if spec.get("numbering") in ("numpr", "gdocs"):
        for line in budget:
            p = para(doc, line)
            numbered(p, 90, 2)
    else:
        for line in budget:
            para(doc, line)
    heading(doc, spec, 0, "II.", "ĐÁNH GIÁ CHUNG")
    heading(doc, spec, 1, "1.", "Những kết quả đã đạt được, bài học kinh nghiệm")
    narrative(doc, spec, n["II1"])
    heading(doc, spec, 1, "2.", "Những khó khăn, tồn tại")
    narrative(doc, spec, n["II2"])
    heading(doc, spec, 1, "3.", "Kiến nghị, đề xuất")
    narrative(doc, spec, n["II3"])
    if spec.get("landscape"):
        landscape(doc)
    heading(doc, spec, 0, "III.", "TỔNG HỢP SỐ LIỆU")
    for number, key in enumerate(("t1", "t2", "t3"), 1):
        rows = spec["tables"].get(key)
        if rows is None:
            continue
        caption(doc, spec, number, key)
        layout = spec.get("layout", {}).get(key)
        if layout == "tabs":
            tab_table(doc, key, rows)
        elif layout == "nested":
            frame = doc.add_table(rows=1, cols=1)
            frame.style = "Table Grid"
            cell = frame.cell(0, 0)
            cell.paragraphs[0].text = "Số liệu chi tiết:"
            inner = data_table(doc, key, rows, spec)
            cell._tc.append(inner._tbl)  # moves the table into the cell
            cell.add_paragraph("")
        elif layout == "split":  # the clerk cut the table at a page break and retyped the header
            half = spec["split_at"]
            data_table(doc, key, rows[:half], spec)
            page_break(doc)
            t2 = data_table(doc, key, rows[half:], spec)
            # the rows of the second part keep their STT numbers
            for i, row in enumerate(t2.rows[2:], half + 1):
                row.cells[0].text = str(i)
        else:
            data_table(doc, key, rows, spec, total=spec.get("total") == key)
        doc.add_paragraph("")
    if spec.get("landscape"):
        portrait(doc)
    sig = doc.add_table(rows=1, cols=2)
    no_borders(sig)
    sig.cell(0, 0).text = "Nơi nhận:\n- Sở LĐ-TB&XH;\n- Lưu: VT."
    sig.cell(0, 1).text = f"{spec['sign_title']}\n\n\n\n{spec['signer']}"
    if spec.get("stamp"):
        stamp(doc, sig.cell(0, 1).paragraphs[0], spec["stamp"])
    return doc


def stamp(doc, paragraph, size_cm):
    """A red seal image floating in front of the signer's title and name (wrapNone, in front)."""
    from PIL import Image, ImageDraw

    path = WORK / "stamp.png"
    img = Image.new("RGBA", (400, 400), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((10, 10, 390, 390), outline=(220, 0, 0, 255), width=18)
    d.ellipse((70, 70, 330, 330), outline=(220, 0, 0, 255), width=8)
    d.regular_polygon((200, 200, 60), 5, fill=(220, 0, 0, 255))
    img.save(path)
    run = paragraph.add_run()
    inline = run.add_picture(str(path), width=Cm(size_cm))
    # turn the inline picture into an anchored one in front of the text
    inline_el = run._r.find(qn("w:drawing")).find(qn("wp:inline"))
    graphic = copy.deepcopy(inline_el.find(qn("a:graphic")))
    extent = inline_el.find(qn("wp:extent"))
    cx, cy = extent.get("cx"), extent.get("cy")
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a", "pic", "r")} distT="0" distB="0" distL="0" distR="0" '
        f'simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" '
        f'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>-200000</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>100000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="99" name="Dau"/><wp:cNvGraphicFramePr/></wp:anchor>'
    )
    anchor.append(graphic)
    drawing = run._r.find(qn("w:drawing"))
    drawing.remove(inline_el)
    drawing.append(anchor)


def background(doc):
    """A letterhead picture behind the text on every page (in the page header, behindDoc),
    as offices put their logo and a coloured frame on every page of their reports."""
    from PIL import Image, ImageDraw

    path = WORK / "nen.png"
    img = Image.new("RGB", (850, 1100), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle((20, 20, 830, 1080), outline=(170, 200, 230), width=12)
    d.ellipse((360, 420, 490, 550), outline=(220, 230, 245), width=30)
    img.save(path)
    section = doc.sections[0]
    run = section.header.paragraphs[0].add_run()
    run.add_picture(str(path), width=section.page_width, height=section.page_height)
    inline_el = run._r.find(qn("w:drawing")).find(qn("wp:inline"))
    graphic = copy.deepcopy(inline_el.find(qn("a:graphic")))
    extent = inline_el.find(qn("wp:extent"))
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a", "pic", "r")} distT="0" distB="0" distL="0" distR="0" '
        f'simplePos="0" relativeHeight="0" behindDoc="1" locked="0" layoutInCell="1" '
        f'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{extent.get("cx")}" cy="{extent.get("cy")}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="98" name="Nen"/><wp:cNvGraphicFramePr/></wp:anchor>'
    )
    anchor.append(graphic)
    drawing = run._r.find(qn("w:drawing"))
    drawing.remove(inline_el)
    drawing.append(anchor)


def style_numbering(doc):
    """Word's "multilevel list linked to Heading 1/Heading 2": the numbering is in the heading
    styles, the paragraphs only name their style."""
    for name, level in (("Heading 1", 0), ("Heading 2", 1)):
        ppr = doc.styles[name].element.get_or_add_pPr()
        ppr.append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )


def lo_convert(src, fmt, outdir):
    subprocess.run(
        [*LO, "--convert-to", fmt, str(src), "--outdir", str(outdir)],
        check=True,
        capture_output=True,
    )


NARR = {
    "I1": "Ban hành Kế hoạch số 45/KH-{abbr} ngày 01/11/2021 triển khai Tháng hành động.",
    "I2": "- {act}\n- Treo băng rôn, khẩu hiệu tại trụ sở.",
    "II1": "{result}",
    "II2": "{hard}",
    "II3": "{ask}",
}


def narr(abbr, act, result, hard, ask):
    values = dict(abbr=abbr, act=act, result=result, hard=hard, ask=ask)
    return {k: v.format(**values) for k, v in NARR.items()}


def spec(code, name_caps, parent="UBND TỈNH BẮC KẠN", **kw):
    out = dict(
        code=code,
        parent=parent,
        name_caps=name_caps,
        number=f"{kw.pop('num', 12)}/BC-{code}",
        dateline=kw.pop("dateline", "Bắc Kạn, ngày 14 tháng 12 năm 2021"),
        sign_title=kw.pop("sign_title", "GIÁM ĐỐC"),
        signer=kw.pop("signer", "Nguyễn Văn An"),
        budget=kw.pop(
            "budget", ["Ngân sách nhà nước: 10.000.000 đồng", "Ngân sách vận động: 0 đồng"]
        ),
        tables=kw.pop("tables", BASE),
    )
    out.update(kw)
    return out


SPECS = [
    # 1. Word's automatic numbering: no "I.", "1.", "a)" in the text; bullets as numbering
    spec(
        "SNV",
        "SỞ NỘI VỤ",
        numbering="numpr",
        stt_numbering=True,
        file="Bao cao SNV - THD 2021.docx",
        narr=narr(
            "SNV",
            "Tổ chức 3 lớp tập huấn về lồng ghép giới trong xây dựng văn bản.",
            "Cán bộ, công chức nắm được quy định về bình đẳng giới trong công tác cán bộ.",
            "Tỷ lệ nữ tham gia cấp ủy còn thấp so với chỉ tiêu.",
            "Đề nghị Sở Lao động - Thương binh và Xã hội cung cấp tài liệu về lồng ghép giới.",
        ),
        budget=["Ngân sách nhà nước: 12.000.000 đồng", "Ngân sách vận động: 3.000.000 đồng"],
    ),
    # 2. tables pasted from Excel: own cell styles, empty rows, merged header, widths
    spec(
        "STP",
        "SỞ TƯ PHÁP",
        excel_paste=True,
        file="BC STP (bang dan tu Excel).docx",
        narr=narr(
            "STP",
            "Tổ chức cuộc thi tìm hiểu pháp luật về bình đẳng giới trực tuyến.",
            "Cuộc thi thu hút đông đảo đoàn viên, thanh niên tham gia.",
            "Một số xã vùng cao chưa có mạng internet ổn định.",
            "Đề nghị UBND tỉnh bố trí kinh phí cho cuộc thi năm sau.",
        ),
        tables={
            "t1": [
                ("Thi tìm hiểu pháp luật", 1, "1.200", "1.850", "Tỉnh"),
                None,
                ("Tập huấn", 2, 40, 55, "Tỉnh"),
                None,
                None,
            ],
            "t2": [("Trang thông tin điện tử", 6, "2,400", "2,600", "Tỉnh"), None],
            "t3": [("Tài liệu tuyên truyền", 500, 210, 290, "Tỉnh")],
        },
        total="t3",
    ),
    # 3. a table nested inside a table cell
    spec(
        "SYT",
        "SỞ Y TẾ",
        file="SYT_BC_THD2021.docx",
        layout={"t1": "nested"},
        narr=narr(
            "SYT",
            "Tổ chức nói chuyện chuyên đề về chăm sóc sức khỏe sinh sản.",
            "Nhân viên y tế cơ sở được trang bị kỹ năng phát hiện bạo lực giới.",
            "Chưa có quy trình thống nhất tiếp nhận nạn nhân tại tuyến xã.",
            "Đề nghị Bộ Y tế ban hành hướng dẫn tiếp nhận nạn nhân bạo lực giới.",
        ),
        tables={
            "t1": [("Nói chuyện chuyên đề", 4, 85, 160, "Huyện")],
            "t2": [("Hệ thống loa truyền thanh cơ sở", 30, "1 200", "1 300", "Xã")],
            "t3": [("Tờ rơi", 1500, 600, 900, "Xã")],
        },
    ),
    # 4. a long table over a page break, header rows marked to repeat (PDF printed from it)
    spec(
        "SGDDT",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        repeat_header=True,
        file="SGDDT.docx",
        to_pdf=True,
        keep_docx=False,
        narr=narr(
            "SGDDT",
            "Tổ chức ngoại khóa về bình đẳng giới tại các trường.",
            "Học sinh được trang bị kiến thức phòng, chống xâm hại.",
            "Thời gian ngoại khóa ít do lịch học dày.",
            "Đề nghị Sở Lao động - Thương binh và Xã hội phối hợp tập huấn cho giáo viên.",
        ),
        tables={
            "t1": [
                (f"Nói chuyện chuyên đề tại trường số {i}", 1, 20 + i, 30 + i, "Xã")
                for i in range(1, 31)
            ],
            "t2": [("Mạng xã hội", 20, 700, 900, "Tỉnh")],
            "t3": [("Áp phích", 300, 150, 150, "Huyện")],
        },
    ),
    # 5. a table cut by the clerk at a page break, the header typed again
    spec(
        "CAT",
        "CÔNG AN TỈNH",
        file="BC CAT.docx",
        layout={"t1": "split"},
        split_at=2,
        sign_title="GIÁM ĐỐC",
        signer="Đại tá Hà Văn Tuấn",
        narr=narr(
            "CAT",
            "Tổ chức tuyên truyền phòng, chống mua bán người tại các xã biên giới.",
            "Nhân dân nâng cao cảnh giác với thủ đoạn mua bán người.",
            "Địa bàn rộng, giao thông đi lại khó khăn.",
            "Không có.",
        ),
        tables={
            "t1": [
                ("Nói chuyện chuyên đề", 6, 300, 250, "Xã"),
                ("Tập huấn", 2, 45, 15, "Tỉnh"),
                ("Kiểm tra, giám sát", 3, 12, 6, "Huyện"),
            ],
            "t2": [("Phát thanh", 10, 2000, 2100, "Huyện")],
            "t3": [("Tờ rơi", 800, 400, 400, "Xã")],
        },
    ),
    # 6. table 1 converted to text with tabs
    spec(
        "BDT",
        "BAN DÂN TỘC",
        file="Ban Dan toc - bao cao.docx",
        layout={"t1": "tabs"},
        sign_title="TRƯỞNG BAN",
        signer="Hoàng Thị Mai",
        narr=narr(
            "BDT",
            "Tổ chức đối thoại với người có uy tín trong đồng bào dân tộc thiểu số.",
            "Người có uy tín tích cực vận động bà con xóa bỏ tảo hôn.",
            "Một bộ phận đồng bào còn giữ tập quán lạc hậu.",
            "Đề nghị Ủy ban Dân tộc hỗ trợ tài liệu song ngữ.",
        ),
        tables={
            "t1": [("Đối thoại", 4, 110, 90, "Xã"), ("Tọa đàm", 2, 30, 40, "Huyện")],
            "t2": [("Hệ thống loa truyền thanh cơ sở", 8, 600, 650, "Xã")],
            "t3": [("Tài liệu tuyên truyền", 400, 200, 200, "Xã")],
        },
    ),
    # 7. Google Docs export: per-word runs, heading styles, numbering in paragraphs
    spec(
        "HLHPN",
        "HỘI LIÊN HIỆP PHỤ NỮ TỈNH",
        parent="",
        numbering="gdocs",
        file="Báo cáo Tháng hành động - Hội LHPN (Google Docs).docx",
        sign_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer="Lường Thị Hoa",
        narr=narr(
            "HPN",
            "Tổ chức diễn đàn “Phụ nữ với phòng, chống bạo lực gia đình”.",
            "Hội viên mạnh dạn chia sẻ, lên tiếng khi bị bạo lực.",
            "Kinh phí hoạt động của Hội cơ sở còn hạn hẹp.",
            "Đề nghị UBND tỉnh quan tâm bố trí kinh phí cho Hội cơ sở.",
        ),
        tables={
            "t1": [("Diễn đàn", 5, 40, 460, "Huyện"), ("Hỗ trợ nạn nhân", 12, 0, 12, "Xã")],
            "t2": [("Mạng xã hội", 25, 900, "1.600", "Tỉnh")],
            "t3": [("Tờ rơi", 3000, 1000, 2000, "Xã")],
        },
    ),
    # 8. the numbered report resaved by LibreOffice as "Word 2007-365" (WPS-like)
    spec(
        "HND",
        "HỘI NÔNG DÂN TỈNH",
        parent="",
        numbering="numpr",
        file="HND bao cao.docx",
        resave="docx:MS Word 2007 XML",
        sign_title="TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH",
        signer="Ma Văn Đức",
        narr=narr(
            "HND",
            "Tổ chức tọa đàm về vai trò của phụ nữ nông thôn.",
            "Hội viên nông dân hiểu rõ hơn về chia sẻ việc nhà.",
            "Hội viên ở xa, khó tập trung.",
            "Đề nghị Trung ương Hội hỗ trợ tài liệu.",
        ),
        budget=["Ngân sách nhà nước: 5.000.000 đồng", "Ngân sách vận động: 2.000.000 đồng"],
        tables={
            "t1": [("Tọa đàm", 3, 70, 80, "Huyện")],
            "t2": [("Phát thanh", 4, 300, 350, "Huyện")],
            "t3": [("Băng rôn, khẩu hiệu", 20, 0, 0, "Xã")],
        },
    ),
    # 9. .doc from LibreOffice "Word 97-2003"
    spec(
        "LDLD",
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH",
        parent="TỔNG LĐLĐ VIỆT NAM",
        file="BC LDLD 2021.docx",
        resave="doc:MS Word 97",
        numbering="styles",
        sign_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer="Triệu Văn Long",
        narr=narr(
            "LĐLĐ",
            "Tổ chức hội thi “Nữ công nhân với bình đẳng giới”.",
            "Nữ đoàn viên hưởng ứng nhiệt tình.",
            "Doanh nghiệp ít tạo điều kiện cho công nhân tham gia.",
            "Đề nghị các doanh nghiệp tạo điều kiện cho công nhân tham gia hoạt động.",
        ),
        tables={
            "t1": [("Thi sân khấu hóa", 1, 60, 140, "Tỉnh")],
            "t2": [("Trang thông tin điện tử", 5, 500, 700, "Tỉnh")],
            "t3": [("Pano", 4, 0, 0, "Tỉnh")],
        },
    ),
    # 10. PDF printed from the Word report (LibreOffice); figures "1200 lượt", "khoảng 300"
    spec(
        "DPTTH",
        "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH BẮC KẠN",
        file="Dai PTTH BC THD.docx",
        to_pdf=True,
        keep_docx=False,
        narr=narr(
            "ĐPTTH",
            "Phát sóng chuyên mục “Bình đẳng giới” trên sóng phát thanh.",
            "Chuyên mục được khán thính giả đón nhận.",
            "Thiếu phóng viên chuyên sâu về giới.",
            "Đề nghị Sở Thông tin và Truyền thông tổ chức bồi dưỡng nghiệp vụ.",
        ),
        tables={
            "t1": [("Tọa đàm", 2, 15, 25, "Tỉnh")],
            "t2": [
                ("Truyền hình", 15, "1200 lượt", "khoảng 300", "Tỉnh"),
                ("Phát thanh", 20, "1.200", "1,500", "Tỉnh"),
            ],
            "t3": [("Video clip", 6, 900, 1100, "Tỉnh")],
        },
    ),
    # 11. tables on a landscape page, printed to PDF
    spec(
        "BCHQS",
        "BỘ CHỈ HUY QUÂN SỰ TỈNH",
        parent="QUÂN KHU 1",
        file="BCHQS bao cao THD.docx",
        to_pdf=True,
        keep_docx=False,
        landscape=True,
        sign_title="CHỈ HUY TRƯỞNG",
        signer="Đại tá Nông Văn Hùng",
        narr=narr(
            "BCH",
            "Lồng ghép tuyên truyền bình đẳng giới trong sinh hoạt chính trị.",
            "Cán bộ, chiến sĩ nắm vững chính sách bình đẳng giới.",
            "Nữ quân nhân ít, khó tổ chức hoạt động riêng.",
            "Không có.",
        ),
        tables={
            "t1": [("Nói chuyện chuyên đề", 8, 400, 40, "Tỉnh")],
            "t2": [("Trang thông tin điện tử", 3, 200, 100, "Tỉnh")],
            "t3": [("Tài liệu tuyên truyền", 100, 90, 10, "Tỉnh")],
        },
    ),
    # 12. two-page signed PDF, the seal image over the signer's block
    spec(
        "HCCB",
        "HỘI CỰU CHIẾN BINH TỈNH",
        parent="",
        file="HCCB_ky.docx",
        to_pdf=True,
        keep_docx=False,
        stamp=4.5,
        sign_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer="Hoàng Văn Sáu",
        narr=narr(
            "CCB",
            "Tổ chức nói chuyện chuyên đề cho hội viên về phòng, chống bạo lực gia đình.\n"
            + "\n".join(
                f"- Nội dung tuyên truyền thứ {i} tại các chi hội cơ sở trong toàn tỉnh."
                for i in range(1, 16)
            ),
            "Hội viên cựu chiến binh gương mẫu trong gia đình.",
            "Hội viên cao tuổi, khó tiếp cận mạng xã hội.",
            "Đề nghị Sở Lao động - Thương binh và Xã hội hỗ trợ tài liệu bản in.",
        ),
        tables={
            "t1": [("Nói chuyện chuyên đề", 7, 350, 120, "Huyện")],
            "t2": [("Báo in", 2, 150, 50, "Tỉnh")],
            "t3": [("Tài liệu tuyên truyền", 200, 150, 50, "Huyện")],
        },
    ),
    # 12b. a letterhead picture behind the text of every page, printed to PDF
    spec(
        "SKHDT",
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        file="SKHDT BC THD 2021.docx",
        to_pdf=True,
        keep_docx=False,
        background=True,
        narr=narr(
            "SKHDT",
            "Lồng ghép nội dung bình đẳng giới trong kế hoạch phát triển.",
            "Các chỉ tiêu giới được đưa vào kế hoạch năm 2022.",
            "Số liệu thống kê tách biệt giới còn thiếu.",
            "Đề nghị Cục Thống kê tỉnh cung cấp số liệu tách biệt theo giới.",
        ),
        tables={
            "t1": [("Hội thảo", 1, 30, 35, "Tỉnh")],
            "t2": [("Trang thông tin điện tử", 4, 250, 260, "Tỉnh")],
            "t3": [("Tài liệu tuyên truyền", 150, 70, 80, "Tỉnh")],
        },
    ),
    # 13. scanned PDF (image only), named after the agency
    spec(
        "MTTQ",
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH",
        parent="",
        file="MTTQ_scan.docx",
        scan="BC MTTQ tinh (ban quet).pdf",
        narr=narr(
            "MTTQ",
            "Giám sát việc thực hiện chính sách bình đẳng giới.",
            "Phát hiện và kiến nghị xử lý một số tồn tại.",
            "Không có.",
            "Không có.",
        ),
    ),
    # 14. scanned PDF without any name
    spec(
        "BBK",
        "BÁO BẮC KẠN",
        file="BBK_scan.docx",
        scan="scan0003.pdf",
        narr=narr("BBK", "Đăng tin bài.", "Tốt.", "Không có.", "Không có."),
    ),
]

EXCEL = {  # generated forms filled with openpyxl
    "SLDTBXH": {
        "t1": [("Hội thảo", 2, 50, 70, "Tỉnh")],
        "t2": [],
        "t3": [("Pano", 10, 0, 0, "Tỉnh")],
    },
    "TPBK": {
        "t1": [("Tập huấn", 4, 80, 120, "Xã")],
        "t2": [("Hệ thống loa truyền thanh cơ sở", 40, 3000, 3200, "Xã")],
        "t3": [],
    },
    "BABE": {
        "t1": [("Giao lưu văn nghệ", 3, 150, 250, "Xã")],
        "t2": [],
        "t3": [("Băng rôn, khẩu hiệu", 30, 0, 0, "Xã")],
    },
}


def main():
    figures = {}
    for s in SPECS:
        doc = build(s)
        src = WORK / s["file"]
        doc.save(src)
        if s.get("resave"):
            ext, filt = s["resave"].split(":", 1)
            tmp = WORK / "resave"
            tmp.mkdir(exist_ok=True)
            # LibreOffice writes <stem>.<ext> beside; copy the source under another name first
            staged = tmp / (Path(s["file"]).stem + "_src.docx")
            staged.write_bytes(src.read_bytes())
            (tmp / "out").mkdir(exist_ok=True)  # never onto its own source
            lo_convert(staged, f"{ext}:{filt}", tmp / "out")
            (INBOX / (Path(s["file"]).stem + "." + ext)).write_bytes(
                (tmp / "out" / (staged.stem + "." + ext)).read_bytes()
            )
        elif s.get("scan"):
            lo_convert(src, "pdf", WORK)
            pdf = WORK / (src.stem + ".pdf")
            subprocess.run(
                ["pdftoppm", "-png", "-r", "100", str(pdf), str(WORK / src.stem)], check=True
            )
            from PIL import Image

            pages = sorted(WORK.glob(src.stem + "-*.png"))
            imgs = [Image.open(p).convert("L").convert("RGB") for p in pages]
            imgs[0].save(INBOX / s["scan"], save_all=True, append_images=imgs[1:], resolution=100)
        elif s.get("to_pdf"):
            lo_convert(src, "pdf", INBOX)
        else:
            (INBOX / s["file"]).write_bytes(src.read_bytes())
        figures[s["code"]] = sums(s["tables"], s.get("budget"))
    fill_excel(figures)
    (OUT / "figures.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1))


def sums(tables, budget=None):
    out = {}
    for key in ("t1", "t2", "t3"):
        rows = [r for r in tables.get(key) or [] if r]
        out[key] = [sum(value(r[i]) for r in rows) for i in (1, 2, 3)]
    return out


def fill_excel(figures):
    import openpyxl

    forms = WORK / "mau"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "thd"),
            "generate-templates",
            "--out",
            str(forms),
            "--force",
        ],
        check=True,
        capture_output=True,
    )
    sheets = {"t1": "1. Hoạt động", "t2": "2. Truyền thông", "t3": "3. Sản phẩm"}
    for code, tables in EXCEL.items():
        path = next(forms.glob(f"*_{code.lower()}_*.xlsx"))
        wb = openpyxl.load_workbook(path)
        info = wb["Thông tin chung"]
        import datetime

        fill = {
            "Số báo cáo": "20/BC-" + code,
            "Ngày báo cáo": datetime.datetime(2021, 12, 15),
            "Chức vụ người ký": "Giám đốc",
            "Họ và tên người ký": "Lê Văn Bình",
        }
        for r in range(1, 30):
            label = info.cell(r, 1).value
            if not isinstance(label, str):
                continue
            if label in fill:
                info.cell(r, 2).value = fill[label]
            elif label.startswith("3. Kinh phí"):
                info.cell(r, 2).value = 1000000
            elif label[:2] in ("1.", "2.") or label.startswith("3. Kiến"):
                info.cell(r, 2).value = f"{code}: nội dung mục {label.split(' ', 1)[1]}."
        for key, rows in tables.items():
            ws = wb[sheets[key]]
            start = next(
                r for r in range(1, 30) if ws.cell(r, 1).value == 1 or ws.cell(r, 1).value == "1"
            )
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    ws.cell(start + i, 2 + j).value = v
        wb.save(INBOX / path.name)
        figures[code] = sums(tables)


if __name__ == "__main__":
    main()
