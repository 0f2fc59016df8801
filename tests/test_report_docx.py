"""The Word report: layout facts of Nghị định 30/2020 read back from the rendered .docx,
Vietnamese number and date formatting, agency text surviving as plain text, PDF conversion."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from helpers import Excluded, consolidate

from thanghanhdong import form
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import Consolidation, Narrative
from thanghanhdong.model import Location, Row, Submission
from thanghanhdong.report import numbers
from thanghanhdong.report.docx import TemplateError, render_docx
from thanghanhdong.resources import template_path

ROOT = Path(__file__).resolve().parents[1]

TRICKY_TEXT = 'A & B <C> "D"'
FORMULA_ITEM = "=SUM(A1:A9)"
FONT = "Times New Roman"


def _row(table: str, item: str, level: str, count: int, male: int, female: int) -> Row:
    figures = {"count": count, "male": male, "female": female}
    return Row(item, level, figures, Location(form.table(table).sheet, 6, 0))


def sample(campaign: Campaign) -> Consolidation:
    babe = Submission(
        path=Path("inbox/2021_babe.xlsx"),
        agency_code="BABE",
        agency_name="UBND huyện Ba Bể",
        report_date=date(2021, 12, 17),
        budget_state=15_000_000,
        budget_mobilized=2_500_000,
        narratives={
            "direction": f"Ban hành Kế hoạch số 12/KH-UBND.\nPhối hợp {TRICKY_TEXT}.",
            "results": "Nhận thức về bình đẳng giới được nâng lên.",
        },
        tables={
            "activities": [
                _row("activities", "Tập huấn", "Huyện", 2, 40, 65),
                _row("activities", FORMULA_ITEM, "Xã", 1, 10, 12),
            ],
            "media": [_row("media", "Hệ thống loa truyền thanh cơ sở", "Xã", 30, 1200, 1350)],
            "products": [_row("products", "Băng rôn", "Xã", 12, 0, 0)],
        },
    )
    syt = Submission(
        path=Path("inbox/2021_syt.xlsx"),
        agency_code="SYT",
        agency_name="Sở Y tế",
        report_date=date(2021, 12, 22),
        late=True,
        budget_state=1_000_000,
        narratives={"proposals": "Đề nghị bổ sung kinh phí."},
        tables={"activities": [_row("activities", "tập huấn", "Tỉnh", 1, 20, 30)]},
    )
    excluded = [Excluded(Path("inbox/2021_stp.xlsx"), "STP", "Sở Tư pháp")]
    return consolidate(campaign, [babe, syt], excluded, report_date=date(2022, 1, 5))


@pytest.fixture(scope="module")
def consolidation() -> Consolidation:
    from thanghanhdong import config

    return sample(config.load(None))


@pytest.fixture(scope="module")
def rendered(consolidation: Consolidation) -> bytes:
    return render_docx(consolidation)


@pytest.fixture(scope="module")
def document(rendered: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(rendered))


def _paragraph(document: docx.document.Document, text: str) -> Paragraph:
    return next(p for p in document.paragraphs if p.text == text)


def _runs_style(paragraph: Paragraph) -> set[tuple[float | None, bool, bool]]:
    """(size in pt, bold, italic) of every non-empty run."""
    return {
        (r.font.size.pt if r.font.size else None, bool(r.bold), bool(r.italic))
        for r in paragraph.runs
        if r.text.strip()
    }


def _all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


# ------------------------------------------------------------------------------ formatting


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2022, 1, 5), "ngày 05 tháng 01 năm 2022"),
        (date(2021, 6, 29), "ngày 29 tháng 6 năm 2021"),
        (date(2021, 12, 20), "ngày 20 tháng 12 năm 2021"),
        (date(2021, 2, 3), "ngày 03 tháng 02 năm 2021"),
    ],
)
def test_long_date_follows_nd30(day: date, expected: str) -> None:
    assert numbers.long_date(day) == expected
    assert numbers.date_line("Bắc Kạn", day) == f"Bắc Kạn, {expected}"


def test_vietnamese_numbers() -> None:
    assert numbers.integer(18450) == "18.450"
    assert numbers.integer(0) == "0"
    assert numbers.integer(1234567) == "1.234.567"
    assert numbers.money(12_500_000) == "12.500.000 đồng"
    assert numbers.percent(10756, 18450) == "58,3%"
    assert numbers.percent(1, 3) == "33,3%"
    assert numbers.percent(2, 3) == "66,7%"
    assert numbers.percent(1, 0) == "-"
    assert numbers.parse_integer("18.450") == 18450
    with pytest.raises(ValueError):
        numbers.parse_integer("18,450")


# ------------------------------------------------------------------------------ page


def test_page_is_a4_portrait_with_nd30_margins(document: docx.document.Document) -> None:
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    for actual, expected in (
        (section.page_width, Mm(210)),
        (section.page_height, Mm(297)),
        (section.top_margin, Mm(20)),
        (section.bottom_margin, Mm(20)),
        (section.left_margin, Mm(30)),
        (section.right_margin, Mm(15)),
    ):
        assert actual is not None and abs(actual - expected) < Mm(0.5)


def test_page_numbers_centred_in_the_header_from_page_two(rendered: bytes) -> None:
    document = docx.Document(io.BytesIO(rendered))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = [t.text for t in header._p.iter(qn("w:instrText"))]
    assert [i.strip() for i in instructions] == ["PAGE"]
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert not list(first._element.iter(qn("w:instrText")))


def test_times_new_roman_everywhere(rendered: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered)) as archive:
        styles = archive.read("word/styles.xml").decode()
        # numbering.xml keeps the Symbol font of the default (unused) bullet glyphs.
        parts = [
            archive.read(n).decode()
            for n in archive.namelist()
            if n.endswith(".xml") and n != "word/numbering.xml"
        ]
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S)
    assert defaults is not None
    for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert f'w:{attribute}="{FONT}"' in defaults.group(0)
    for part in parts:
        for fonts in re.findall(r"<w:rFonts [^>]*>", part):
            assert not re.search(r"(?i)theme=", fonts), fonts  # no theme fonts
            for font in re.findall(r'w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"', fonts):
                assert font == FONT


# ------------------------------------------------------------------------------ header block


def test_header_block(document: docx.document.Document) -> None:
    table = document.tables[0]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left = table.cell(0, 0).paragraphs
    right = table.cell(0, 1).paragraphs
    assert left[0].text == "UBND TỈNH BẮC KẠN"
    assert _runs_style(left[0]) == {(13, False, False)}
    assert left[1].text == "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
    assert _runs_style(left[1]) == {(13, True, False)}
    assert _has_rule(left[2])
    assert right[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert _runs_style(right[0]) == {(13, True, False)}
    assert right[1].text == "Độc lập - Tự do - Hạnh phúc"
    assert _runs_style(right[1]) == {(14, True, False)}
    assert _has_rule(right[2])
    number = table.cell(1, 0).paragraphs[0]
    assert re.fullmatch(r"Số:\s+/BC-SLĐTBXH", number.text)
    assert _runs_style(number) == {(13, False, False)}
    place = table.cell(1, 1).paragraphs[0]
    assert place.text == "Bắc Kạn, ngày 05 tháng 01 năm 2022"
    assert _runs_style(place) == {(14, False, True)}
    for paragraph in (left[0], left[1], right[0], right[1], number, place):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for rule in (left[2], right[2]):  # centred by equal indents, shorter than the column
        fmt = rule.paragraph_format
        assert fmt.left_indent == fmt.right_indent and fmt.left_indent > 0


def _has_rule(paragraph: Paragraph) -> bool:
    """An empty paragraph whose solid border draws the short line under a header element."""
    border = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    return paragraph.text == "" and border is not None and border.get(qn("w:val")) == "single"


def test_title_subject_and_recipients(document: docx.document.Document) -> None:
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "BÁO CÁO")
    title = paragraphs[at]
    assert _runs_style(title) == {(14, True, False)}
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    subject = paragraphs[at + 1]
    assert subject.text == (
        "Kết quả thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
        "trên cơ sở giới năm 2021"
    )
    assert _runs_style(subject) == {(14, True, False)}
    assert subject.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _has_rule(paragraphs[at + 2])
    assert paragraphs[at + 3].text == "Kính gửi:\t- Ủy ban nhân dân tỉnh Bắc Kạn;"
    assert paragraphs[at + 4].text == "- Bộ Lao động - Thương binh và Xã hội."


def test_body_paragraphs_follow_nd30(document: docx.document.Document) -> None:
    body = [p for p in document.paragraphs if p.style is not None and p.style.style_id == "ThdBody"]
    assert len(body) > 10
    style = body[0].style
    assert style is not None
    fmt = style.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent is not None and abs(fmt.first_line_indent - Mm(12.7)) < Mm(0.1)
    assert fmt.space_before is not None and fmt.space_before >= Pt(6)
    assert style.font.size == Pt(14)
    assert style.font.name == FONT
    for heading in ("I. TỔ CHỨC THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG", "III. TỔNG HỢP SỐ LIỆU"):
        paragraph = _paragraph(document, heading)
        assert paragraph.style is not None and paragraph.style.style_id == "ThdHeading"
        assert paragraph.style.font.bold


def test_sentences_with_key_figures(document: docx.document.Document) -> None:
    text = _all_text(document)
    assert (
        "Có 3/27 cơ quan, đơn vị, địa phương gửi báo cáo kết quả thực hiện về Sở Lao động" in text
    )
    assert "trong đó 1 đơn vị gửi muộn (Sở Y tế)" in text
    assert "gửi báo cáo chưa hợp lệ nên chưa tổng hợp (Sở Tư pháp)" in text
    assert "Số âm “-3”." in text and "2021_stp.xlsx" not in text
    # activities: 4 cuộc, 40+65+10+12+20+30 = 177 people, 107 women = 60,5%
    assert (
        "Tổ chức 4 cuộc hoạt động hưởng ứng, kiểm tra, giám sát với 177 lượt người tham gia" in text
    )
    assert "trong đó nữ chiếm 60,5%" in text
    assert "a) Ngân sách nhà nước: 16.000.000 đồng;" in text
    assert "b) Ngân sách vận động: 2.500.000 đồng." in text
    # II.1 is a digest: the point in the agency's own words, the agency named after it
    assert "Nhận thức về bình đẳng giới được nâng lên (UBND huyện Ba Bể)." in text


# ------------------------------------------------------------------------------ tables


def _data_table(document: docx.document.Document, item_label: str) -> Table:
    return next(
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells][:2] == [form.STT_LABEL, item_label]
    )


def test_three_tables_with_the_seed_columns(document: docx.document.Document) -> None:
    for spec in form.TABLES:
        table = _data_table(document, spec.item_label)
        head = [c.text for c in table.rows[0].cells]
        sub = [c.text for c in table.rows[1].cells]
        assert head == [
            "STT",
            spec.item_label,
            spec.count_label,
            spec.people_label,
            spec.people_label,
            "Cấp triển khai",
        ]
        assert sub[3:5] == ["Nam", "Nữ"]
        for row in table.rows[:2]:
            tr_pr = row._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
        total = table.rows[-1]
        assert total.cells[1].text == "Tổng cộng"
        for cell in total.cells[1:5]:
            assert all(run.bold for p in cell.paragraphs for run in p.runs if run.text)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert paragraph.style is not None and paragraph.style.font.size == Pt(12)
    activities = _data_table(document, "Hoạt động")
    rows = [[c.text for c in r.cells] for r in activities.rows[2:]]
    assert rows == [
        ["1", "Tập huấn", "1", "20", "30", "Tỉnh"],
        ["2", "Tập huấn", "2", "40", "65", "Huyện"],
        ["3", FORMULA_ITEM, "1", "10", "12", "Xã"],
        ["", "Tổng cộng", "4", "70", "107", ""],
    ]
    media = _data_table(document, "Nội dung")
    assert [c.text for c in media.rows[2].cells][2:5] == ["30", "1.200", "1.350"]


def test_recipients_and_signature_block(document: docx.document.Document) -> None:
    table = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    left = [p for p in table.cell(0, 0).paragraphs if p.text]
    assert left[0].text == "Nơi nhận:"
    assert _runs_style(left[0]) == {(12, True, True)}
    assert [p.text for p in left[1:]] == [
        "- Như trên;",
        "- Các Sở, ban, ngành, đoàn thể tỉnh;",
        "- UBND các huyện, thành phố;",
        "- Lưu: VT, BTXH-TE-BĐG.",
    ]
    for paragraph in left[1:]:
        assert _runs_style(paragraph) == {(11, False, False)}
    right = [p for p in table.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in right] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hồng Hạnh"]
    for paragraph in right:
        assert _runs_style(paragraph) == {(14, True, False)}
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_appendices_each_start_on_a_new_page(document: docx.document.Document) -> None:
    sections = document.sections
    assert len(sections) == 3
    assert sections[1].orientation == WD_ORIENT.LANDSCAPE  # the wide per-agency table
    assert sections[1].start_type == WD_SECTION.NEW_PAGE
    assert sections[2].orientation == WD_ORIENT.PORTRAIT
    assert sections[2].start_type == WD_SECTION.NEW_PAGE
    paragraphs = document.paragraphs
    for number in ("I", "II", "III"):
        at = next(i for i, p in enumerate(paragraphs) if p.text == f"Phụ lục {number}")
        assert _runs_style(paragraphs[at]) == {(14, True, False)}
        title = paragraphs[at + 1]
        assert title.text.isupper()
        assert _runs_style(title) == {(14, True, False)}
    ppr = _paragraph(document, "Phụ lục III").paragraph_format
    assert ppr.page_break_before
    # Phụ lục I and II open a section of their own: the paragraph before ends a section.
    body = list(document.element.body)
    for number in ("I", "II"):
        heading = _paragraph(document, f"Phụ lục {number}")._p
        before = body[body.index(heading) - 1]
        assert before.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None


def test_appendices_content(document: docx.document.Document) -> None:
    per_agency = next(
        t
        for t in document.tables
        if t.cell(0, 1).text == "Cơ quan, đơn vị, địa phương" and len(t.columns) > 6
    )
    rows = [[c.text for c in r.cells] for r in per_agency.rows[2:]]
    assert [r[1] for r in rows] == ["Sở Y tế", "UBND huyện Ba Bể", "Tổng cộng"]  # roster order
    assert rows[1] == [
        "2",
        "UBND huyện Ba Bể",
        "3",
        "127",
        "30",
        "2.550",
        "12",
        "0",
        "15.000.000",
        "2.500.000",
    ]
    assert rows[-1][1] == "Tổng cộng"
    assert rows[-1][-2:] == ["16.000.000", "2.500.000"]
    status = next(t for t in document.tables if [c.text for c in t.rows[0].cells][-1] == "Ghi chú")
    states = {r.cells[1].text: r.cells[3].text for r in status.rows[1:]}
    assert states["UBND huyện Ba Bể"] == "Đúng hạn"
    assert states["Sở Y tế"] == "Gửi muộn"
    assert states["Sở Tư pháp"] == "Đã gửi, chưa hợp lệ"
    assert states["Sở Nội vụ"] == "Chưa gửi"
    text = _all_text(document)
    assert "I.1. Công tác chỉ đạo, ban hành kế hoạch triển khai" in text
    assert "Đề nghị bổ sung kinh phí." in text


# ------------------------------------------------------------------------------ text safety


def test_no_tags_left_and_no_python_words(rendered: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                xml = archive.read(name).decode()
                assert "{{" not in xml and "{%" not in xml and "%}" not in xml, name
    text = _all_text(docx.Document(io.BytesIO(rendered)))
    for word in ("None", "True", "False", "null", "nan", "Total"):
        assert not re.search(rf"\b{word}\b", text)


def test_agency_text_survives_as_plain_text(document: docx.document.Document) -> None:
    text = _all_text(document)
    assert f"Phối hợp {TRICKY_TEXT}." in text
    assert FORMULA_ITEM in text
    # the narrative's second line is a paragraph of its own, not a line break
    assert any(p.text == f"Phối hợp {TRICKY_TEXT}." for p in document.paragraphs)


def test_control_characters_do_not_break_the_document(campaign: Campaign) -> None:
    consolidation = sample(campaign)
    consolidation.agencies[0].narratives["direction"] = "Trước\x07giữa\x0csau\tcuối"
    consolidation.narratives["direction"] = [Narrative("UBND huyện Ba Bể", "Trước\x07giữa\x0csau")]
    document = docx.Document(io.BytesIO(render_docx(consolidation)))
    text = _all_text(document)
    assert "Trướcgiữasau cuối" in text  # Phụ lục III: I.1 of the body is not a paste


def test_report_without_any_submission(campaign: Campaign) -> None:
    empty = consolidate(campaign, [], report_date=date(2021, 12, 20))
    document = docx.Document(io.BytesIO(render_docx(empty)))
    text = _all_text(document)
    assert "Có 0/27 cơ quan, đơn vị, địa phương" in text
    assert "Bắc Kạn, ngày 20 tháng 12 năm 2021" in text
    table = _data_table(document, "Hoạt động")
    assert [c.text for c in table.rows[-1].cells][1:5] == ["Tổng cộng", "0", "0", "0"]


# ------------------------------------------------------------------------------ template


def test_committed_template_is_what_the_script_builds(tmp_path: Path) -> None:
    target = tmp_path / "baocao.docx"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_report_template.py"), str(target)],
        check=True,
        capture_output=True,
    )
    committed = template_path("baocao.docx")
    with zipfile.ZipFile(committed) as old, zipfile.ZipFile(target) as new:
        for part in ("word/document.xml", "word/styles.xml", "word/header1.xml"):
            assert old.read(part) == new.read(part), f"{part}: run scripts/build_report_template.py"


def test_template_tags_are_reviewable_text() -> None:
    document = docx.Document(str(template_path("baocao.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "{%p for t in tables %}" in text
    rows = [c.text for t in document.tables for r in t.rows for c in r.cells]
    # the rows' loop in three: the first rows keep with the header, the last with the totals
    for loop in ("t.rows[:2]", "t.rows[2:][:-3]", "t.rows[2:][-3:]"):
        assert f"{{%tr for r in {loop} %}}" in rows


def test_custom_template_and_template_errors(consolidation: Consolidation, tmp_path: Path) -> None:
    own = tmp_path / "mau-rieng.docx"
    document = docx.Document()
    document.add_paragraph("Tổng số cuộc: {{ tables[0].total.count }}; {{ date_line }}")
    document.save(str(own))
    rendered = docx.Document(io.BytesIO(render_docx(consolidation, own)))
    assert rendered.paragraphs[0].text == "Tổng số cuộc: 4; Bắc Kạn, ngày 05 tháng 01 năm 2022"
    with pytest.raises(TemplateError, match="Không tìm thấy"):
        render_docx(consolidation, tmp_path / "khong-co.docx")
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(TemplateError, match="Không mở được"):
        render_docx(consolidation, broken)
    bad_tag = tmp_path / "the-sai.docx"
    document = docx.Document()
    document.add_paragraph("{{ date_line ")
    document.add_paragraph("{% for x in %}")
    document.save(str(bad_tag))
    with pytest.raises(TemplateError, match="date_line” chưa đóng đúng"):
        render_docx(consolidation, bad_tag)
    document = docx.Document()
    document.add_paragraph("{% for x in %}")
    document.save(str(bad_tag))
    with pytest.raises(TemplateError, match="sai cú pháp"):
        render_docx(consolidation, bad_tag)


def _own_template(directory: Path, text: str) -> Path:
    path = directory / "mau-rieng.docx"
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def test_a_file_that_is_not_word_is_a_template_error(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    workbook = tmp_path / "mau.xlsx"
    Workbook().save(workbook)
    with pytest.raises(TemplateError, match=r"Không mở được mẫu báo cáo .*mau\.xlsx.*\.docx"):
        render_docx(consolidation, workbook)
    truncated = tmp_path / "cut.docx"
    truncated.write_bytes(_own_template(tmp_path, "x").read_bytes()[:3000])
    with pytest.raises(TemplateError, match="Không mở được"):
        render_docx(consolidation, truncated)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("{{ 1/0 }}", "không tính được (chia cho 0)"),
        ("{{ date_line + 1 }}", "không tính được (TypeError"),
        ("{{ tables|first|attr }}", "không tính được (TypeError"),
        # A misspelt name is an error naming it, never silently empty text.
        ("{{ dateline }}", "dùng tên “dateline” không có trong dữ liệu báo cáo"),
        ("{{ tables[0].total.cout }}", "dùng tên “cout”"),
        ("{% if issuer.nam %}x{% endif %}", "dùng tên “nam”"),
        ("{{ tables[7].total }}", "dùng tên “[7]”"),
    ],
)
def test_failing_tags_of_an_officer_template_are_template_errors(
    consolidation: Consolidation, tmp_path: Path, tag: str, expected: str
) -> None:
    own = _own_template(tmp_path, f"Số liệu: {tag}")
    with pytest.raises(TemplateError) as caught:
        render_docx(consolidation, own)
    message = str(caught.value)
    assert message.startswith(f"Mẫu báo cáo {own} ")
    assert expected in message
    assert message.endswith(".")


def test_an_undated_submission_is_reported_as_such(campaign: Campaign) -> None:
    undated = Submission(
        path=Path("inbox/2021_nari.xlsx"),
        agency_code="NARI",
        agency_name="UBND huyện Na Rì",
        report_date=None,
    )
    on_time = Submission(
        path=Path("inbox/2021_babe.xlsx"),
        agency_code="BABE",
        agency_name="UBND huyện Ba Bể",
        report_date=date(2021, 12, 17),
    )
    result = consolidate(campaign, [on_time, undated], report_date=date(2022, 1, 5))
    document = docx.Document(io.BytesIO(render_docx(result)))
    text = _all_text(document)
    assert (
        "gửi báo cáo kết quả thực hiện về Sở Lao động - Thương binh và Xã hội, trong đó 1 đơn vị "
        "không ghi rõ ngày báo cáo (UBND huyện Na Rì)." in text
    )
    assert "đều đúng hạn" not in text
    assert "(đúng hạn: 1; gửi muộn: 0; không rõ ngày: 1)" in text
    status = next(t for t in document.tables if [c.text for c in t.rows[0].cells][-1] == "Ghi chú")
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in status.rows[1:]}
    assert rows["UBND huyện Na Rì"][2:] == [
        "",
        "Không rõ ngày",
        "Báo cáo không ghi ngày hoặc ghi ngày không đúng dạng",
    ]
    assert rows["UBND huyện Ba Bể"][3] == "Đúng hạn"


def test_late_and_undated_share_one_sentence(campaign: Campaign) -> None:
    late = Submission(
        path=Path("inbox/2021_syt.xlsx"),
        agency_code="SYT",
        agency_name="Sở Y tế",
        report_date=date(2021, 12, 22),
        late=True,
    )
    undated = Submission(
        path=Path("inbox/2021_nari.xlsx"), agency_code="NARI", agency_name="UBND huyện Na Rì"
    )
    result = consolidate(campaign, [late, undated], report_date=date(2022, 1, 5))
    text = _all_text(docx.Document(io.BytesIO(render_docx(result))))
    assert (
        "Có 2/27 cơ quan, đơn vị, địa phương gửi báo cáo kết quả thực hiện về Sở Lao động - "
        "Thương binh và Xã hội, trong đó 1 đơn vị gửi muộn (Sở Y tế) và 1 đơn vị không ghi rõ "
        "ngày báo cáo (UBND huyện Na Rì)." in text
    )


# ------------------------------------------------------------------------------ PDF


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_converts_to_pdf_with_libreoffice(
    rendered: bytes, consolidation: Consolidation, tmp_path: Path
) -> None:
    source = tmp_path / "baocao.docx"
    source.write_bytes(rendered)
    short = tmp_path / "baocao-gon.docx"  # the appendices without per-agency rows
    short.write_bytes(render_docx(consolidation, per_agency_appendices=False))
    converted = soffice_convert([source, short], "pdf", tmp_path, tmp_path / "profile")
    for path in converted:
        pdf = path.read_bytes()
        assert pdf.startswith(b"%PDF")
        assert len(pdf) > 10_000


# ------------------------------------------------------------------------------ linear rendering


def _docxtpl_reference(template: Path, context: dict[str, object]) -> bytes:
    """What docxtpl itself writes (its own body replacement and table fixing)."""
    from docxtpl import DocxTemplate
    from jinja2 import Environment, StrictUndefined

    document = DocxTemplate(str(template))
    environment = Environment(autoescape=True, undefined=StrictUndefined)
    document.render(context, jinja_env=environment, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


def _officer_template(path: Path) -> Path:
    """An officer's own template: {%tr %} loops, and a {%tc %} loop that outgrows the table's
    grid (docxtpl's table fixing adds the columns)."""
    document = docx.Document()
    document.add_paragraph("{{ subject }} — {{ date_line }}")
    document.add_picture(io.BytesIO(base64.b64decode(PIXEL_PNG)))  # docxtpl renumbers its id
    figures = document.add_table(rows=4, cols=3)
    for cell, text in zip(figures.rows[0].cells, ("STT", "Đơn vị", "Số cuộc"), strict=True):
        cell.text = text
    figures.rows[1].cells[0].text = "{%tr for r in appendix1.rows %}"
    row = ("{{ r.stt }}", "{{ r.name }}", "  {{ r.activities.count }}")
    for cell, text in zip(figures.rows[2].cells, row, strict=True):
        cell.text = text
    figures.rows[3].cells[0].text = "{%tr endfor %}"
    widening = document.add_table(rows=1, cols=4)
    for cell, text in zip(
        widening.rows[0].cells,
        ("Đơn vị", "{%tc for r in appendix2.rows %}", "{{ r.name }}", "{%tc endfor %}"),
        strict=True,
    ):
        cell.text = text
    for cell, text in zip(widening.add_row().cells, ("a", "b", "c", "d"), strict=True):
        cell.text = text
    document.save(str(path))
    return path


def _fast_path_taken(template: Path, context: dict[str, object]) -> bool:
    from jinja2 import Environment, StrictUndefined

    from thanghanhdong.report.fastdocx import FastTemplate

    taken = []

    class Watched(FastTemplate):
        def map_tree(self, tree: object) -> None:
            taken.append(getattr(tree, "tag", "").endswith("}document"))
            super().map_tree(tree)

    environment = Environment(autoescape=True, undefined=StrictUndefined)
    Watched(str(template)).render(context, jinja_env=environment, autoescape=True)
    return taken == [True]


def test_linear_rendering_writes_what_docxtpl_writes(tmp_path: Path) -> None:
    from thanghanhdong import config
    from thanghanhdong.inbox import validate_inbox
    from thanghanhdong.pipeline import ConsolidateRequest, build_reports
    from thanghanhdong.report.docx import build_context
    from thanghanhdong.report.stamp import with_core_dates

    report = validate_inbox(ROOT / "examples" / "inbox", config.load(None))
    request = ConsolidateRequest(tmp_path, tmp_path / "b.docx", report_date=date(2022, 1, 5))
    built = build_reports(report, request)
    assert built.consolidation is not None
    context = build_context(built.consolidation)
    shipped = template_path("baocao.docx")
    # The pipeline dates the file by the report's day (report/stamp.py); the rest is docxtpl's.
    reference = with_core_dates(_docxtpl_reference(shipped, context), date(2022, 1, 5))
    assert _parts(built.outputs[request.out]) == _parts(reference)
    assert _fast_path_taken(shipped, context)

    own = _officer_template(tmp_path / "mau-rieng.docx")
    ours = _parts(render_docx(built.consolidation, own))
    reference = _parts(_docxtpl_reference(own, context))
    assert ours["word/document.xml"] == reference["word/document.xml"]
    assert ours == reference
    assert _fast_path_taken(own, context)
    grid = re.findall(rb"<w:tblGrid>(.*?)</w:tblGrid>", ours["word/document.xml"])
    assert b'<wp:docPr id="1001"' in ours["word/document.xml"]
    assert grid[1].count(b"<w:gridCol") == 1 + len(context["appendix2"]["rows"])  # type: ignore[index]


def test_large_rosters_point_to_the_workbook_instead_of_listing_every_agency(
    consolidation: Consolidation,
) -> None:
    from thanghanhdong.report.docx import PER_AGENCY_APPENDICES_UP_TO, wants_per_agency_appendices

    assert wants_per_agency_appendices(consolidation.campaign)
    assert not wants_per_agency_appendices(consolidation.campaign, limit=1)
    assert PER_AGENCY_APPENDICES_UP_TO == 200
    short = docx.Document(io.BytesIO(render_docx(consolidation, per_agency_appendices=False)))
    text = _all_text(short)
    for sheet in ("Theo đơn vị", "Tình hình gửi báo cáo", "Nội dung báo cáo", "Văn bản chỉ đạo"):
        assert f"xem tại trang “{sheet}” của bảng tổng hợp Excel" in text
    assert (
        "Số liệu của từng cơ quan, đơn vị, địa phương (2 đơn vị có báo cáo được tổng hợp) "
        "không in kèm" in text
    )
    # Phụ lục IV points to the sheet listing the documents, not to the agencies' whole texts.
    assert (
        "Kế hoạch, văn bản chỉ đạo của từng cơ quan, đơn vị, địa phương không in kèm báo cáo "
        "này do số đơn vị lớn; xem tại trang “Văn bản chỉ đạo”" in text
    )
    appendices = text[text.index("\nPhụ lục I\n") :]
    for name in ("UBND huyện Ba Bể", "Sở Nội vụ", "Đề nghị bổ sung kinh phí."):
        assert name not in appendices
    assert "phải báo cáo: 27" in appendices  # Phụ lục II keeps its counts
    assert len(short.sections) == 3
    headers = {t.cell(0, 1).text for t in short.tables}
    assert "Cơ quan, đơn vị, địa phương" not in headers  # no per-agency table left
    # header block, the data tables of part III, signature block
    assert len(short.tables) == 2 + len(consolidation.tables)


def test_the_assessment_is_a_digest_not_a_paste(tmp_path: Path) -> None:
    """On the shipped example: no request addressed to the issuing Sở in II.3, and no
    paragraph of II is an agency's whole text pasted in."""
    from typer.testing import CliRunner

    from thanghanhdong.cli import app

    out = tmp_path / "baocao.docx"
    inbox = Path(__file__).parents[1] / "examples" / "inbox"
    result = CliRunner().invoke(app, ["consolidate", str(inbox), "--out", str(out)])
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    start = paragraphs.index("II. ĐÁNH GIÁ CHUNG")
    end = next(i for i, p in enumerate(paragraphs) if p.startswith("III."))
    body = paragraphs[start:end]
    proposals = body[body.index("3. Kiến nghị, đề xuất") :]
    assert not any("Đề nghị Sở Lao động" in p for p in proposals)
    assert not any(p.startswith("- Sở ") and ": " in p[:60] for p in body)  # no "- Agency: text"
    points = [p for p in body if p.startswith("- ")]
    assert points and all(p.endswith(").") for p in points)  # every point names its agency
