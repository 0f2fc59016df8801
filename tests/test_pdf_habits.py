"""Habits of agencies' PDF reports seen in trial 2026-12-02c, printed by LibreOffice from
python-docx reports and read back through thd:

- a long table whose header rows repeat on every page (the repeated header clipped to its
  height by LibreOffice: "Cấp triển" of "Cấp / triển / khai");
- the date line of a narrow header column wrapped before "năm 2021"; a sentence wrapped
  before a capital; a header cut at the foot of a page ("Cấp triển" / "khai");
- a letterhead picture behind the text of every page (a page header image).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from test_word_habits import ROWS, totals, validate
from word_reports import signature_table

from thanghanhdong import form
from thanghanhdong.readers.pdf import read_pdf


def long_table_report(agency: str = "SỞ GIÁO DỤC VÀ ĐÀO TẠO", background: Path | None = None):
    """Sở GD&ĐT's report of the trial: 30 activities in a table whose two header rows repeat on
    each page (w:tblHeader), python-docx's equal columns, a 13 pt serif font; the header
    table's right column too narrow for the date line on one line. LibreOffice cuts a row at
    the page end and clips the repeated header ("Cấp triển" of "Cấp / triển / khai")."""
    document = Document()
    # DejaVu Serif, what LibreOffice draws "Times New Roman" with on a machine without its
    # metric twin (the trial's first PDFs): wider, so the header column wraps the date line and
    # "Cấp triển khai" takes three lines.
    document.styles["Normal"].font.name = "DejaVu Serif"
    document.styles["Normal"].font.size = Pt(13)
    if background is not None:
        _letterhead(document, background)
    header = document.add_table(rows=3, cols=2)
    left = ["UBND TỈNH BẮC KẠN", agency, "Số: 12/BC-SGDDT"]
    right = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bắc Kạn, ngày 14 tháng 12 năm 2021",
    ]
    for i in range(3):
        header.cell(i, 0).text, header.cell(i, 1).text = left[i], right[i]
    for text in ["BÁO CÁO", "Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2021"]:
        document.add_paragraph().add_run(text).bold = True
    for heading, words in [
        ("I. TỔ CHỨC THỰC HIỆN", ""),
        ("1. Công tác chỉ đạo, ban hành kế hoạch triển khai", DIRECTION),
        ("2. Nội dung hoạt động đã triển khai", "- Tổ chức ngoại khóa về bình đẳng giới."),
        ("3. Kinh phí tổ chức", "Ngân sách nhà nước: 10.000.000 đồng"),
        ("II. ĐÁNH GIÁ CHUNG", ""),
        ("1. Những kết quả đã đạt được, bài học kinh nghiệm", "Học sinh được trang bị kiến thức."),
        ("2. Những khó khăn, tồn tại", "Thời gian ngoại khóa ít do lịch học dày."),
        ("3. Kiến nghị, đề xuất", "Đề nghị phối hợp tập huấn cho giáo viên."),
        ("III. TỔNG HỢP SỐ LIỆU", ""),
    ]:
        document.add_paragraph().add_run(heading).bold = True
        if words:
            document.add_paragraph(words)
    for spec in form.TABLES:
        document.add_paragraph(f"{spec.number}. {spec.title}")
        table = document.add_table(rows=2, cols=6)
        table.style = "Table Grid"
        labels = [form.STT_LABEL, spec.item_label, spec.count_label, spec.people_label]
        for i, label in enumerate([*labels, "", form.LEVEL_LABEL]):
            table.cell(0, i).text = label
        table.cell(1, 3).text, table.cell(1, 4).text = form.MALE_LABEL, form.FEMALE_LABEL
        for i in (0, 1, 2, 5):
            table.cell(0, i).merge(table.cell(1, i))
        table.cell(0, 3).merge(table.cell(0, 4))
        table.cell(0, 3).text = spec.people_label
        for row in table.rows[:2]:
            row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        for values in LONG if spec.key == "activities" else ROWS[spec.key]:
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.text = value
        document.add_paragraph("")
    signature_table(document, ["GIÁM ĐỐC", "Nguyễn Văn An"])
    out = BytesIO()
    document.save(out)
    return out.getvalue()


DIRECTION = "Ban hành Kế hoạch số 45/KH-SGDDT ngày 01/11/2021 triển khai Tháng hành động."
LONG = [
    [str(i), f"Nói chuyện chuyên đề tại trường số {i}", "1", str(20 + i), str(30 + i), "Xã"]
    for i in range(1, 31)
]


def _letterhead(document, picture: Path) -> None:
    """A full-page picture behind the text, in the page header: on every printed page."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (850, 1100), (255, 255, 255))
    ImageDraw.Draw(image).rectangle((20, 20, 830, 1080), outline=(170, 200, 230), width=12)
    image.save(picture)
    section = document.sections[0]
    run = section.header.paragraphs[0].add_run()
    run.add_picture(str(picture), width=section.page_width, height=section.page_height)
    drawing = run._r.find(qn("w:drawing"))
    inline = drawing.find(qn("wp:inline"))
    extent = inline.find(qn("wp:extent"))
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a", "pic", "r")} distT="0" distB="0" distL="0" '
        f'distR="0" simplePos="0" relativeHeight="0" behindDoc="1" locked="0" layoutInCell="1" '
        f'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page">'
        f'<wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page">'
        f'<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{extent.get("cx")}" '
        f'cy="{extent.get("cy")}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="98" name="Nen"/><wp:cNvGraphicFramePr/></wp:anchor>'
    )
    anchor.append(inline.find(qn("a:graphic")))
    drawing.remove(inline)
    drawing.append(anchor)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The long-table report and the letterhead report printed to PDF by LibreOffice."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("printed")
    long = folder / "SGDDT.docx"
    long.write_bytes(long_table_report())
    letterhead = folder / "SKHDT.docx"
    letterhead.write_bytes(
        long_table_report("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", background=folder / "nen.png")
    )
    pdfs = soffice_convert([long, letterhead], "pdf", folder / "pdf", folder / "profile")
    return dict(zip(("long", "letterhead"), pdfs, strict=True))


def test_a_pdfs_repeated_header_clipped_by_libreoffice_joins_the_table(
    printed: dict[str, Path], tmp_path: Path
) -> None:
    """Before: the second page's header read "Cấp triển" (the hidden "khai" over the next
    row), so it was not the first page's header: ✖ "Báo cáo có thêm một bảng..." (the file
    refused), and on later pages "khai" glued to a row's level: ✖ Cấp triển khai “Xã khai” (or,
    printed over "Xã", "kXhãai"); table 3's header cut at the foot of a page left "khai" alone
    on the next: ✖ missing_column."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "SGDDT.pdf").write_bytes(printed["long"].read_bytes())
    issues = validate(inbox)["SGDDT.pdf"]
    assert [i for i in issues if i["severity"] == "error"] == []
    men, women = sum(20 + i for i in range(1, 31)), sum(30 + i for i in range(1, 31))
    assert totals(inbox, tmp_path)["activities"] == [30, men, women]


def test_a_date_line_wrapped_before_the_year_in_a_pdf(printed: dict[str, Path]) -> None:
    """Before: “Bắc Kạn, ngày 14 tháng 12” / “năm 2021” was read without its year, with a
    warning asking the agency to write the year it had written."""
    content = read_pdf(printed["long"].read_bytes())
    assert content.fields["report_date"].value == "Bắc Kạn, ngày 14 tháng 12 năm 2021"


def test_a_letterhead_picture_behind_the_text_is_no_scan(printed: dict[str, Path]) -> None:
    """Before: the full-page picture made every page "a scan": ⚠ “PDF không có chữ để đọc”,
    the agency's typed figures to be entered by hand."""
    content = read_pdf(printed["letterhead"].read_bytes())
    assert content.has_text and content.scanned_pages == []
    assert content.fields["agency_name"].value == "UBND TỈNH BẮC KẠN\nSỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    assert sum(len(table.rows) for table in content.tables) > 30


def test_a_sentence_wrapped_before_a_capital_is_one_paragraph(printed: dict[str, Path]) -> None:
    """Before: "… triển khai" / "Tháng hành động." (wrapped at the right margin before a
    proper name's capital) were two paragraphs of the agency's words (Phụ lục III quotes them
    so)."""
    content = read_pdf(printed["long"].read_bytes())
    assert content.fields["direction"].value == DIRECTION
