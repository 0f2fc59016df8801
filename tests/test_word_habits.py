"""Habits of agencies' Word reports seen in trial 2026-12-02c, each built with python-docx (and
LibreOffice for the "Word 2007-365" and .doc saves) and read back through thd:

- headings numbered by Word's automatic numbering (w:numPr): "I.", "1.", "a)" are not in the
  paragraph's text, nor bullets made by numbering; numbering linked to the heading styles;
- a table converted to text (Word's "Convert to Text", tabs), its merged header over two rows.
"""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from typer.testing import CliRunner
from word_reports import data_table, header_table, signature_table

from thanghanhdong import form
from thanghanhdong.cli import app
from thanghanhdong.readers.convert import to_docx
from thanghanhdong.readers.word import read_docx

runner = CliRunner()

LIST = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>"""
BULLET = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>
<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>
</w:abstractNum>"""

OUTLINE = [  # (level, text); level None: a paragraph of the agency's words
    (0, "TỔ CHỨC THỰC HIỆN"),
    (1, "Công tác chỉ đạo, ban hành kế hoạch triển khai"),
    (None, "Ban hành Kế hoạch số 45/KH-SNV ngày 01/11/2021."),
    (1, "Nội dung hoạt động đã triển khai"),
    ("bullet", "Tổ chức 3 lớp tập huấn về lồng ghép giới."),
    ("bullet", "Treo băng rôn tại trụ sở."),
    (1, "Kinh phí tổ chức"),
    (2, "Ngân sách nhà nước: 12.000.000 đồng"),
    (2, "Ngân sách vận động: 3.000.000 đồng"),
    (0, "ĐÁNH GIÁ CHUNG"),
    (1, "Những kết quả đã đạt được, bài học kinh nghiệm"),
    (None, "Cán bộ nắm được quy định về bình đẳng giới."),
    (1, "Những khó khăn, tồn tại"),
    (None, "Tỷ lệ nữ tham gia cấp ủy còn thấp."),
    (1, "Kiến nghị, đề xuất"),
    (None, "Đề nghị UBND tỉnh bố trí kinh phí."),
    (0, "TỔNG HỢP SỐ LIỆU"),
]
ROWS = {
    "activities": [["1", "Tập huấn", "3", "60", "90", "Tỉnh"]],
    "media": [["1", "Phát thanh", "12", "1.500", "1.700", "Tỉnh"]],
    "products": [["1", "Tờ rơi", "2.000", "800", "1.200", "Huyện"]],
}


def _numbered(paragraph, num: int, level: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        )
    )


def _lists(document) -> None:
    numbering = document.part.numbering_part.element
    first = numbering.find(qn("w:num"))
    for xml in (LIST, BULLET):
        first.addprevious(parse_xml(xml))
    for num in (90, 91):
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num}"><w:abstractNumId w:val="{num}"/></w:num>'
            )
        )


def numbered_report(through_styles: bool = False, rows=ROWS) -> bytes:
    """Sở Nội vụ's report: every heading and bullet numbered by Word, headings of parts bold,
    the others plain (or, `through_styles`, numbering linked to the Heading 1/2 styles)."""
    document = Document()
    _lists(document)
    if through_styles:
        for name, level in (("Heading 1", 0), ("Heading 2", 1)):
            document.styles[name].element.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                    f'<w:numId w:val="90"/></w:numPr>'
                )
            )
    header_table(
        document,
        [("UBND TỈNH BẮC KẠN", False), ("SỞ NỘI VỤ", True), ("Số: 12/BC-SNV", False)],
        "Bắc Kạn, ngày 14 tháng 12 năm 2021",
    )
    document.add_paragraph().add_run("BÁO CÁO").bold = True
    for level, text in OUTLINE:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = level == 0 or None
        if level == "bullet":
            _numbered(paragraph, 91, 0)
        elif through_styles and level in (0, 1):
            paragraph.style = document.styles["Heading 1" if level == 0 else "Heading 2"]
        elif level is not None:
            _numbered(paragraph, 90, level)
    for spec in form.TABLES:
        document.add_paragraph(f"{spec.number}. {spec.title}")
        data_table(document, spec, rows[spec.key], totals=False)
    signature_table(document, ["GIÁM ĐỐC", "Nguyễn Văn An"])
    out = BytesIO()
    document.save(out)
    return out.getvalue()


EXPECTED = {
    "direction": "Ban hành Kế hoạch số 45/KH-SNV ngày 01/11/2021.",
    "activities_text": "• Tổ chức 3 lớp tập huấn về lồng ghép giới.\n• Treo băng rôn tại trụ sở.",
    "results": "Cán bộ nắm được quy định về bình đẳng giới.",
    "difficulties": "Tỷ lệ nữ tham gia cấp ủy còn thấp.",
    "proposals": "Đề nghị UBND tỉnh bố trí kinh phí.",
    "budget_state": "12.000.000 đồng",
    "budget_mobilized": "3.000.000 đồng",
}


def _read(fields) -> dict[str, str]:
    return {key: fields[key].value for key in EXPECTED if key in fields}


def test_headings_numbered_by_word_are_the_outlines_headings() -> None:
    """Before: "Công tác chỉ đạo..." and "Những kết quả đã đạt được..." were plain lines, so
    mục I.1 and II.1 were read as empty (`narrative_empty`) and their words lost."""
    content = read_docx(numbered_report())
    assert _read(content.fields) == EXPECTED
    assert content.fields["direction"].where == "mục I.1"
    assert content.fields["results"].where == "mục II.1"


def test_numbering_linked_to_the_heading_styles() -> None:
    content = read_docx(numbered_report(through_styles=True))
    assert _read(content.fields) == EXPECTED


@pytest.mark.soffice
def test_numbered_report_saved_by_libreoffice_as_docx_and_as_doc(tmp_path: Path) -> None:
    """LibreOffice's "Word 2007-365" (what WPS-like suites write) and "Word 97-2003" keep the
    numbering in numbering.xml: read the same; a .doc through thd's own conversion."""
    source = tmp_path / "src" / "BC SNV.docx"
    source.parent.mkdir()
    source.write_bytes(numbered_report())
    profile = tmp_path / "profile"
    [resaved] = soffice_convert([source], "docx", tmp_path / "docx", profile)
    [doc] = soffice_convert([source], "doc", tmp_path / "doc", profile)
    assert _read(read_docx(resaved.read_bytes()).fields) == EXPECTED
    converted = to_docx(doc)
    assert converted is not None
    assert _read(read_docx(converted).fields) == EXPECTED


def _converted_to_text(document, spec: form.TableSpec, rows: list[list[str]]) -> None:
    """What Word's Table > Convert to Text (tabs) leaves: a merged cell written once, the rest
    of a cell merged down empty."""
    document.add_paragraph(
        "\t".join(
            [form.STT_LABEL, spec.item_label, spec.count_label, spec.people_label, form.LEVEL_LABEL]
        )
    )
    document.add_paragraph(f"\t\t\t{form.MALE_LABEL}\t{form.FEMALE_LABEL}\t")
    for row in rows:
        document.add_paragraph("\t".join(row))


def tab_report(aligned_by_hand: bool = False) -> bytes:
    document = Document()
    header_table(
        document,
        [("UBND TỈNH BẮC KẠN", False), ("BAN DÂN TỘC", True), ("Số: 5/BC-BDT", False)],
        "Bắc Kạn, ngày 14 tháng 12 năm 2021",
    )
    document.add_paragraph().add_run("BÁO CÁO").bold = True
    document.add_paragraph().add_run("III. TỔNG HỢP SỐ LIỆU").bold = True
    activities, *others = form.TABLES
    document.add_paragraph(f"1. {activities.title}")
    rows = [["1", "Đối thoại", "4", "110", "90", "Xã"], ["2", "Tọa đàm", "2", "30", "40", "Huyện"]]
    if aligned_by_hand:  # an extra tab after a short name, to line the figures up
        rows[1] = ["2", "Tọa đàm", "", "2", "30", "40", "Huyện"]
    _converted_to_text(document, activities, rows)
    for spec in others:
        document.add_paragraph(f"{spec.number}. {spec.title}")
        data_table(document, spec, ROWS[spec.key], totals=False)
    signature_table(document, ["TRƯỞNG BAN", "Hoàng Thị Mai"])
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def validate(inbox: Path) -> dict[str, list[dict]]:
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    return {Path(f["path"]).name: f["issues"] for f in json.loads(result.stdout)["files"]}


def totals(inbox: Path, tmp_path: Path) -> dict[str, list[int]]:
    out = tmp_path / "out" / "baocao.docx"
    out.parent.mkdir(exist_ok=True)
    result = runner.invoke(
        app, ["consolidate", str(inbox), "--out", str(out), "--json", "--date", "22/12/2021"]
    )
    assert result.exit_code == 0, result.output
    totals = json.loads(result.stdout)["totals"]
    return {key: [totals[key][c] for c in ("count", "male", "female")] for key in totals}


def test_a_table_converted_to_text_is_read_as_the_table_it_was(tmp_path: Path) -> None:
    """Before: no Word table under "1. Tổ chức các hoạt động...", so `table_absent` said the
    agency had no activities (“coi như đơn vị không có số liệu”): 6 cuộc, 270 people lost."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "Ban Dan toc.docx").write_bytes(tab_report())
    issues = validate(inbox)["Ban Dan toc.docx"]
    assert [i["code"] for i in issues if i["code"].startswith("table")] == []
    read = totals(inbox, tmp_path)
    assert read["activities"] == [6, 140, 130]
    assert read["media"] == [12, 1500, 1700]


def test_tab_lines_aligned_by_hand_are_not_read_as_a_table() -> None:
    """Lines whose cells do not fall on one grid (an extra tab to line figures up) would put a
    figure in another column: they stay lines, no table is made of them."""
    content = read_docx(tab_report(aligned_by_hand=True))
    assert [len(table.rows) for table in content.tables] == [3, 3]  # tables 2 and 3 only


def _seed(agency: str = "SỞ Y TẾ"):
    from word_reports import seed_form

    return Document(BytesIO(seed_form(agency=agency)))


def _saved(document) -> bytes:
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def test_hidden_text_is_not_read() -> None:
    """Before: a "0" formatted as hidden after "60" (Word prints 60) was read as 600, and a
    template's hidden guidance was quoted as the agency's words."""
    document = _seed()
    table = next(t for t in document.tables if t.cell(0, 0).text == form.STT_LABEL)
    table.cell(2, 3).paragraphs[0].add_run("0").font.hidden = True
    sentence = next(p for p in document.paragraphs if p.text == "Kinh phí còn hạn hẹp.")
    sentence.add_run(" (Hướng dẫn: ghi rõ khó khăn)").font.hidden = True
    content = read_docx(_saved(document))
    assert content.tables[0].rows[2][3] == "60"
    assert content.fields["difficulties"].value == "Kinh phí còn hạn hẹp."


def test_a_non_breaking_hyphen_is_a_hyphen() -> None:
    """Before: "SỞ LAO ĐỘNG‑THƯƠNG BINH VÀ XÃ HỘI" typed with Ctrl+Shift+- read as "SỞ LAO
    ĐỘNGTHƯƠNG BINH…": ✖ Không nhận ra đơn vị."""
    document = _seed("SỞ LAO ĐỘNG")
    name = next(p for p in document.tables[0].cell(0, 0).paragraphs if p.text == "SỞ LAO ĐỘNG")
    run = name.add_run()
    run._r.append(parse_xml(f"<w:noBreakHyphen {nsdecls('w')}/>"))
    name.add_run("THƯƠNG BINH VÀ XÃ HỘI")
    content = read_docx(_saved(document))
    assert content.fields["agency_name"].value.endswith("SỞ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI")


CHUNK = """<html><head><meta charset="utf-8"></head><body>
<table><tr><td>UBND TỈNH BẮC KẠN<br>SỞ KẾ HOẠCH VÀ ĐẦU TƯ<br>Số: 8/BC-SKHDT</td>
<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Bắc Kạn, ngày 15 tháng 12 năm 2021</td></tr></table>
<p><b>BÁO CÁO</b></p><p><b>I. TỔ CHỨC THỰC HIỆN</b></p>
<p><b>1. Công tác chỉ đạo, ban hành kế hoạch triển khai</b></p><p>Ban hành Kế hoạch số 3/KH.</p>
<p><b>III. TỔNG HỢP SỐ LIỆU</b></p>
<table border="1"><tr><td rowspan="2">STT</td><td rowspan="2">Hoạt động</td>
<td rowspan="2">Số cuộc</td><td colspan="2">Số người tham gia</td>
<td rowspan="2">Cấp triển khai</td></tr><tr><td>Nam</td><td>Nữ</td></tr>
<tr><td>1</td><td>Tọa đàm</td><td>2</td><td>25</td><td>35</td><td>Tỉnh</td></tr></table>
</body></html>"""


def alt_chunk_report() -> bytes:
    """What e-office systems' "export to Word" writes: an empty body and the report as an HTML
    page in a w:altChunk, which Word renders in place."""
    import zipfile

    document = Document()
    document.add_paragraph("")
    plain = zipfile.ZipFile(BytesIO(_saved(document)))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for item in plain.infolist():
            data = plain.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b'<w:body><w:altChunk r:id="rChunk"/>')
            elif item.filename == "word/_rels/document.xml.rels":
                relation = (
                    b'<Relationship Id="rChunk" Target="chunk.html" Type="http://schemas.'
                    b'openxmlformats.org/officeDocument/2006/relationships/aFChunk"/>'
                )
                data = data.replace(b"</Relationships>", relation + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                html = b'<Default Extension="html" ContentType="text/html"/>'
                data = data.replace(b"</Types>", html + b"</Types>")
            package.writestr(item, data)
        package.writestr("word/chunk.html", CHUNK.encode())
    return out.getvalue()


@pytest.mark.soffice
def test_a_report_in_an_html_alt_chunk_is_read() -> None:
    """Before: no text in the body, so the file was "bản ảnh không có chữ để đọc (ảnh chụp/bản
    quét)" — a picture — and its figures were to be typed by hand."""
    content = read_docx(alt_chunk_report())
    assert content.fields["agency_name"].value == "UBND TỈNH BẮC KẠN\nSỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    assert content.fields["direction"].value == "Ban hành Kế hoạch số 3/KH."
    assert content.tables[0].rows[2] == ["1", "Tọa đàm", "2", "25", "35", "Tỉnh"]


_WEB_PAGE = """<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta charset='utf-8'>
<title>Báo cáo</title></head><body>
<table><tr><td>UBND TỈNH BẮC KẠN<br>SỞ TÀI CHÍNH<br>Số: 7/BC-STC</td><td>CỘNG HÒA XÃ HỘI CHỦ
NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br>Bắc Kạn, ngày 15 tháng 12 năm 2021</td></tr>
</table><p><b>BÁO CÁO</b></p><p><b>I. TỔ CHỨC THỰC HIỆN</b></p>
<p><b>1. Công tác chỉ đạo, ban hành kế hoạch triển khai</b></p><p>Ban hành Kế hoạch số 3/KH-STC.</p>
<p><b>2. Nội dung hoạt động đã triển khai</b></p><p>Tổ chức tọa đàm.</p>
<p><b>3. Kinh phí tổ chức</b></p><p>a) Ngân sách nhà nước: 4.000.000 đồng</p>
<p>b) Ngân sách vận động: 0 đồng</p><p><b>II. ĐÁNH GIÁ CHUNG</b></p>
<p><b>1. Những kết quả đã đạt được, bài học kinh nghiệm</b></p><p>Tốt.</p>
<p><b>2. Những khó khăn, tồn tại</b></p><p>Không có.</p><p><b>3. Kiến nghị, đề xuất</b></p>
<p>Không có.</p><p><b>III. TỔNG HỢP SỐ LIỆU</b></p><p>1. Tổ chức các hoạt động hưởng ứng</p>
<table border=1><tr><td rowspan=2>STT</td><td rowspan=2>Hoạt động</td><td rowspan=2>Số cuộc</td>
<td colspan=2>Số người tham gia</td><td rowspan=2>Cấp triển khai</td></tr><tr><td>Nam</td>
<td>Nữ</td></tr><tr><td>1</td><td>Tọa đàm</td><td>2</td><td>25</td><td>35</td><td>Tỉnh</td></tr>
</table><p>2. Kết quả truyền thông</p><p>Không có.</p><p>3. Phát hành các sản phẩm truyền
thông</p><p>Không có.</p><table><tr><td>Nơi nhận:</td><td>GIÁM ĐỐC<br><br>Lê Văn Tài</td></tr>
</table></body></html>"""


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice")
def test_a_web_page_saved_with_a_word_name_is_read_as_word(tmp_path: Path) -> None:
    """An e-office system's "export to Word" (a web page named .doc) had been told "Tệp bị hỏng
    hoặc không phải tệp Excel … gửi lại tệp Excel gốc" (trial 2026-12-02c, finding 8); Word and
    LibreOffice open it as a document."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC STC (xuat tu he thong).doc").write_bytes(
        b"\xef\xbb\xbf<!DOCTYPE html>\n" + _WEB_PAGE.encode("utf-8")
    )
    issues = validate(inbox)["BC STC (xuat tu he thong).doc"]
    assert not [i for i in issues if i["severity"] == "error"], issues
    assert totals(inbox, tmp_path)["activities"] == [2, 25, 35]
