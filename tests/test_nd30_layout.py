"""The rendered report against Nghị định 30/2020/NĐ-CP, Phụ lục I (../shared/reference/nd30.md):
the findings of the văn thư's review (docs/reviews/2026-12-01-nd30.md), each read back from the
.docx with python-docx."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from helpers import consolidate

from thanghanhdong import config
from thanghanhdong.report.docx import render_docx

# "Độc lập - Tự do - Hạnh phúc" in Times New Roman Bold 14 pt, measured with Liberation Serif
# Bold (metric-compatible), the precomposed letters at their base letter's advance: 59.7 mm.
TIEU_NGU_MM = 59.7


def _render(*, per_agency_appendices: bool) -> Document:
    consolidation = consolidate(config.load(None), [], report_date=date(2022, 1, 5))
    data = render_docx(consolidation, per_agency_appendices=per_agency_appendices)
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def full() -> Document:
    return _render(per_agency_appendices=True)


@pytest.fixture(scope="module")
def short() -> Document:
    return _render(per_agency_appendices=False)


def _sections_with_tables(document: Document) -> list[tuple[bool, int]]:
    """(landscape, number of tables) for each section, in order."""
    found: list[tuple[bool, int]] = []
    tables = 0
    sections = iter(document.sections)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            tables += 1
        ends = (
            child.tag == qn("w:sectPr") or child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        )
        if ends:
            section = next(sections)
            found.append((section.orientation == WD_ORIENT.LANDSCAPE, tables))
            tables = 0
    return found


def test_landscape_pages_hold_a_wide_table(full: Document, short: Document) -> None:
    """ND30: landscape only for pages with wide tables. Above 200 agencies Phụ lục I holds only
    a note pointing to the workbook: that page is portrait like the rest."""
    assert any(landscape for landscape, _ in _sections_with_tables(full))
    for document in (full, short):
        for landscape, tables in _sections_with_tables(document):
            assert not landscape or tables > 0
    for section in short.sections:
        assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)


def _rule_length_mm(cell_width_mm: float, paragraph: docx.text.paragraph.Paragraph) -> float:
    fmt = paragraph.paragraph_format
    return cell_width_mm - (fmt.left_indent or 0) / Mm(1) - (fmt.right_indent or 0) / Mm(1)


def test_tieu_ngu_line_is_as_long_as_the_text(full: Document) -> None:
    """ND30: a solid line under the Tiêu ngữ, as long as the text (was 64 mm for ~60 mm)."""
    cell = full.tables[0].cell(0, 1)
    paragraphs = cell.paragraphs
    motto = next(i for i, p in enumerate(paragraphs) if p.text == "Độc lập - Tự do - Hạnh phúc")
    line = paragraphs[motto + 1]
    assert line._p.pPr.find(qn("w:pBdr")) is not None
    width_mm = cell.width / Mm(1)
    assert abs(_rule_length_mm(width_mm, line) - TIEU_NGU_MM) <= 1.0


def _issuer_line_and_name(pdf_path: Path, name: str) -> tuple[float, float]:
    """(length of the line under the issuing body, width of the name's longest line), in points,
    as LibreOffice printed page 1."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        left = [line for line in page.lines if line["x1"] < page.width / 2]
        rule = min(left, key=lambda line: line["top"])
        words = [w for w in page.extract_words() if w["x1"] < page.width / 2]
        spelled = set(name.upper().split())
        name_words = [w for w in words if w["top"] < rule["top"] and w["text"] in spelled]
        lines: dict[int, list[dict]] = {}
        for word in name_words:
            lines.setdefault(round(word["top"]), []).append(word)
        widest = max(max(w["x1"] for w in ws) - min(w["x0"] for w in ws) for ws in lines.values())
        return rule["x1"] - rule["x0"], widest


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("name", ["Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ", "Sở Y tế"])
def test_the_line_under_the_issuing_body_is_a_third_to_a_half_of_its_name(
    tmp_path: Path, name: str
) -> None:
    """ND30: 1/3 to 1/2 of the name's line. It was 30 mm whatever the name: twice "SỞ Y TẾ"."""
    campaign = config.load(None)
    campaign = campaign.model_copy(
        update={"issuer": campaign.issuer.model_copy(update={"name": name})}
    )
    consolidation = consolidate(campaign, [], report_date=date(2022, 1, 5))
    source = tmp_path / "baocao.docx"
    source.write_bytes(render_docx(consolidation))
    [pdf] = soffice_convert([source], "pdf", tmp_path / "out", tmp_path / "profile")
    line, widest = _issuer_line_and_name(pdf, name)
    assert widest / 3 <= line <= widest / 2, (line, widest)


def test_portrait_appendix_titles_break_where_the_phrase_breaks(full: Document) -> None:
    """On one line they wrapped before their last word at the page's width ("... ĐỊA /
    PHƯƠNG"): broken after what the appendix holds, as a typist would."""
    titles = [p for p in full.paragraphs if "CỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG" in p.text]
    broken = {p.text.split("\n")[0] for p in titles if p._p.findall(f".//{qn('w:br')}")}
    assert broken == {"TÌNH HÌNH GỬI BÁO CÁO", "NỘI DUNG BÁO CÁO", "KẾ HOẠCH, VĂN BẢN CHỈ ĐẠO"}
    assert all(p.text.endswith("\nCỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG") for p in titles[1:])


def test_every_style_of_the_report_is_black(full: Document) -> None:
    """python-docx's default styles colour headings and titles blue or grey: an officer applying
    "Heading 1" in Word to the report got a blue heading in a document ND30 writes in black."""
    colours = {c.get(qn("w:val")) for c in full.styles.element.iter(qn("w:color"))}
    themed = [c for c in full.styles.element.iter(qn("w:color")) if c.get(qn("w:themeColor"))]
    assert colours <= {"000000", "auto"} and not themed, colours


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_the_line_under_the_trich_yeu_is_a_third_to_a_half_of_its_line(tmp_path: Path) -> None:
    """ND30: 1/3 to 1/2 of the trích yếu's line. It was 40 mm under a line of ~160 mm."""
    import pdfplumber

    consolidation = consolidate(config.load(None), [], report_date=date(2022, 1, 5))
    source = tmp_path / "baocao.docx"
    source.write_bytes(render_docx(consolidation))
    [pdf] = soffice_convert([source], "pdf", tmp_path / "out", tmp_path / "profile")
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        title = next(w for w in page.extract_words() if w["text"] == "BÁO")
        rule = min((x for x in page.lines if x["top"] > title["bottom"]), key=lambda x: x["top"])
        words = [w for w in page.extract_words() if title["bottom"] < w["top"] < rule["top"]]
    lines: dict[int, list[dict]] = {}
    for word in words:
        lines.setdefault(round(word["top"]), []).append(word)
    widest = max(max(w["x1"] for w in ws) - min(w["x0"] for w in ws) for ws in lines.values())
    length = rule["x1"] - rule["x0"]
    assert widest / 3 <= length <= widest / 2, (length, widest)
