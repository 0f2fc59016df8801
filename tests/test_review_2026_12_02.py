"""Review of the 2026-12-02 session's changes: each defect found shown on a real input."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong.validate import validate_file

INFO, ACTS = "Thông tin chung", "1. Hoạt động"


def _form(tmp: Path, stamper, campaign, name: str, edit) -> Path:
    path = tmp / f"{name}.xlsx"
    path.write_bytes(stamper.stamp(campaign.agency("BABE")))
    book = openpyxl.load_workbook(path)
    info = book[INFO]
    typed = {"B5": "45/BC", "B6": "15/12/2021", "B7": "Phó Chủ tịch", "B8": "Nguyễn Văn A"}
    typed |= {"B11": "Có", "B12": "Có", "B13": 15000000, "B14": 0, "B16": "Có", "B17": "Có"}
    for cell, value in (typed | {"B18": "Có"}).items():
        info[cell] = value
    for i, row in enumerate([["Tọa đàm", 2, 30, 40, "Huyện"], ["Tập huấn", 3, 50, 60, "Xã"]]):
        for column, value in zip("BCDEF", row, strict=True):
            book[ACTS][f"{column}{7 + i}"] = value
    edit(book)
    book.save(path)
    return path


def _negative_date(book) -> None:
    """A negative figure in a cell formatted as a date: LibreOffice shows a day of the
    first centuries (-657000 is a day of the year 101)."""
    book[ACTS]["D7"] = -657000
    book[ACTS]["D7"].number_format = "dd/mm/yyyy"


def test_a_date_before_the_year_1000_in_a_figure_cell_is_told_not_a_traceback(
    tmp_path: Path, campaign, stamper
) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    source = _form(tmp_path, stamper, campaign, "old", _negative_date)
    saved = soffice_convert([source], "ods", tmp_path / "saved", tmp_path / "profile")[0]
    result = validate_file(saved, campaign)
    # validate used to parse the day back with strptime, which wants four digits: ValueError
    issue = next(i for i in result.issues if i.location and i.location.cell == "D7")
    assert issue.code == "date_in_number" and "“11/03/0101”" in issue.message


def _stamped(source: Path, target: Path) -> Path:
    """`source` with a small mark drawn on its first page by pdfium (Chrome's PDF engine, as
    a tool that stamps a page number or a signature picture does): the page's /Contents
    becomes an array of references to its old stream and the new one."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(source)
    page = pdf[0]
    mark = raw.FPDFPageObj_CreateNewRect(10, 10, 20, 20)
    raw.FPDFPath_SetDrawMode(mark, raw.FPDF_FILLMODE_ALTERNATE, 0)
    raw.FPDFPage_InsertObject(page, mark)
    page.gen_content()
    pdf.save(target)
    pdf.close()
    return target


def test_a_pdf_whose_page_holds_several_content_streams_is_read(tmp_path: Path, campaign) -> None:
    original = Path(__file__).parent / "data" / "pdfform" / "SYT chen dong.pdf"
    stamped = _stamped(original, tmp_path / "SYT chen dong.pdf")
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with stamped.open("rb") as handle:
        first = next(PDFPage.create_pages(PDFDocument(PDFParser(handle))))
        assert len(first.contents) == 2  # the old stream and the mark's
    before, after = validate_file(original, campaign), validate_file(stamped, campaign)
    # The check for an OCR layer called get_data() on the array's references: "tệp hỏng".
    assert not after.unreadable, [i.message for i in after.issues]
    assert after.submission is not None and before.submission is not None
    assert after.submission.tables == before.submission.tables


def _numbered_items_report(path: Path) -> Path:
    """A Word report whose activities the clerk numbered with Word's Numbering button (style
    List Number) in the item column of each table: Word shows "1. Tập huấn", "2. Tọa đàm"."""
    from docx import Document
    from word_reports import data_table, header_table, signature_table

    from thanghanhdong import form

    document = Document()
    header_table(
        document,
        [("UBND TỈNH BẮC KẠN", False), ("SỞ NỘI VỤ", True), ("Số: 12/BC-SNV", False)],
        "Bắc Kạn, ngày 14 tháng 12 năm 2021",
    )
    document.add_paragraph().add_run("BÁO CÁO").bold = True
    rows = [["", "Tập huấn", "3", "60", "90", "Tỉnh"], ["", "Tọa đàm", "2", "10", "20", "Xã"]]
    for spec in form.TABLES:
        document.add_paragraph(f"{spec.number}. {spec.title}")
        table = data_table(document, spec, rows, totals=False)
        for row in table.rows[2:]:
            row.cells[1].paragraphs[0].style = document.styles["List Number"]
    signature_table(document, ["GIÁM ĐỐC", "Nguyễn Văn An"])
    document.save(path)
    return path


def test_items_numbered_by_word_in_a_table_are_read_as_the_catalogues(
    tmp_path: Path, campaign
) -> None:
    result = validate_file(_numbered_items_report(tmp_path / "BC SNV.docx"), campaign)
    assert result.submission is not None
    activities = result.submission.tables["activities"]
    # Before: "1. Tập huấn", "2. Tọa đàm" (and "3. Tập huấn" in the next table), no item matched.
    assert [(r.item, r.count) for r in activities] == [("Tập huấn", 3), ("Tọa đàm", 2)]


def test_the_issuers_own_unusable_answer_is_said_not_consolidated(tmp_path: Path) -> None:
    """The Sở's own form with an error, consolidated with --skip-invalid: its figures are not
    in the report, and the status sentence said "(kể cả Sở ...) đã báo cáo ..., đều đúng hạn"
    (its own answer taken out of the exceptions), against Phụ lục II."""
    import shutil

    import docx as python_docx
    from typer.testing import CliRunner

    from thanghanhdong.cli import app

    inbox = tmp_path / "inbox"
    shutil.copytree(Path(__file__).parents[1] / "examples" / "inbox", inbox)
    own = inbox / "2021_sldtbxh_so-lao-dong-thuong-binh-va-xa-hoi.xlsx"
    book = openpyxl.load_workbook(own)
    book[ACTS]["D7"] = -5  # a negative figure: an error, the form cannot be used
    book.save(own)
    out = tmp_path / "baocao.docx"
    done = CliRunner().invoke(app, ["consolidate", str(inbox), "--skip-invalid", "--out", str(out)])
    assert done.exit_code == 0, done.output
    text = "\n".join(p.text for p in python_docx.Document(str(out)).paragraphs)
    (status,) = [p for p in text.split("\n") if p.startswith("Có 24/28")]
    assert "chưa hợp lệ nên chưa tổng hợp (Sở Lao động - Thương binh và Xã hội" in status, status


def test_the_issuers_own_late_answer_is_not_said_on_time(tmp_path: Path) -> None:
    """Its lateness is not listed (no answer is "sent late" to itself), but "đều đúng hạn"
    said that every answer, its own among them, came on time."""
    import shutil

    import docx as python_docx
    from typer.testing import CliRunner

    from thanghanhdong.cli import app

    inbox = tmp_path / "inbox"
    shutil.copytree(Path(__file__).parents[1] / "examples" / "inbox", inbox)
    (inbox / "2021_nganson_ubnd-huyen-ngan-son.xlsx").unlink()  # the one late agency
    own = inbox / "2021_sldtbxh_so-lao-dong-thuong-binh-va-xa-hoi.xlsx"
    book = openpyxl.load_workbook(own)
    book[INFO]["B6"] = "21/12/2021"  # the day after the deadline
    book.save(own)
    out = tmp_path / "baocao.docx"
    done = CliRunner().invoke(app, ["consolidate", str(inbox), "--out", str(out)])
    assert done.exit_code == 0, done.output
    text = "\n".join(p.text for p in python_docx.Document(str(out)).paragraphs)
    (status,) = [p for p in text.split("\n") if p.startswith("Có 23/28")]
    assert "đúng hạn" not in status, status
