"""Trial 2026-12-01d: a report whose ND30 header has the parent body on its first line ("UBND
TỈNH BẮC KẠN") and the agency's own line left blank, or a placeholder, was credited to the parent
(or to a roster agency whose name holds the parent's words). The parent line never names the
sender: the file name, the sender's address or "Chưa ghi tên đơn vị" does."""

from __future__ import annotations

import json
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from test_readers_pdf import _pdf, _stream
from typer.testing import CliRunner
from word_reports import ACTIVITIES, data_table, header_table, signature_table

from thanghanhdong import form
from thanghanhdong.cli import app

runner = CliRunner()

# The parent-like names are on the roster too: a guess from the parent line would find them.
ROSTER = (
    "Tên đơn vị\nUBND tỉnh Bắc Kạn\nVăn phòng UBND tỉnh\nSở Y tế\nUBND huyện Ba Bể\n"
    "UBND xã Nam Mẫu\nSở Tư pháp\n"
)


def _campaign(tmp_path: Path) -> Path:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    folder = tmp_path / "camp"
    made = runner.invoke(app, ["init", str(folder), "--roster", str(roster)])
    assert made.exit_code == 0, made.output
    return folder


def _body(document) -> None:
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2021")
    document.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    document.add_paragraph("Đã ban hành kế hoạch triển khai Tháng hành động.")
    document.add_paragraph("2. Nội dung hoạt động đã triển khai")
    data_table(document, form.TABLES[0], ACTIVITIES)
    document.add_paragraph("II. ĐÁNH GIÁ CHUNG")
    document.add_paragraph("1. Kết quả đạt được")
    document.add_paragraph("Đúng kế hoạch.")


def _table_report(path: Path, left: list[str], signer: str = "GIÁM ĐỐC") -> Path:
    """The ND30 header as clerks lay it out: a borderless two-column table."""
    document = docx.Document()
    header_table(document, [(t, True) for t in left], "Bắc Kạn, ngày 13 tháng 12 năm 2021")
    _body(document)
    signature_table(document, [signer, "(Đã ký)", "Vi Văn Khánh"])
    document.save(path)
    return path


def _paragraph_report(path: Path, left: list[str]) -> Path:
    """The same header typed as plain paragraphs (no table, no national motto)."""
    document = docx.Document()
    for text in left:
        document.add_paragraph(text)
    document.add_paragraph("Bắc Kạn, ngày 13 tháng 12 năm 2021")
    _body(document)
    document.add_paragraph("GIÁM ĐỐC")
    document.add_paragraph("Vi Văn Khánh")
    document.save(path)
    return path


def _credited(folder: Path) -> dict[str, tuple[str | None, list[str]]]:
    """File name -> (the agency the answer is credited to, its issue codes)."""
    config = folder / "thd.toml"
    run = runner.invoke(app, ["validate", str(folder / "inbox"), "--config", str(config), "--json"])
    data = json.loads(run.stdout)
    return {
        Path(f["path"]).name: (f["agency_name"], [i["code"] for i in f["issues"]])
        for f in data["files"]
    }


LAYOUTS = (_table_report, _paragraph_report)


def _credit(folder: Path, build: Callable[[Path, list[str]], Path], left: list[str]) -> dict:
    """One report alone in the inbox (two alike would be copies of one answer)."""
    for old in (folder / "inbox").iterdir():
        old.unlink()
    build(folder / "inbox" / "bao cao BDG.docx", left)
    return _credited(folder)


BLANK_AGENCY_LINES = [
    pytest.param(["UBND TỈNH BẮC KẠN", "", "Số: 77/BC"], id="blank"),
    pytest.param(["UBND TỈNH BẮC KẠN", "____________", "Số: 77/BC"], id="underscores"),
    pytest.param(["UBND TỈNH BẮC KẠN", "…………………", "Số: 77/BC"], id="dots"),
    pytest.param(["ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "", "Số: 77/BC"], id="full-words"),
    pytest.param(["UBND TỈNH BẮC KẠN", "SỞ ………", "Số: 77/BC"], id="placeholder-word"),
]


@pytest.mark.parametrize("left", BLANK_AGENCY_LINES)
def test_a_blank_agency_line_is_not_filled_from_the_parent_line(
    tmp_path: Path, left: list[str]
) -> None:
    folder = _campaign(tmp_path)
    for build in LAYOUTS:
        [(agency, codes)] = _credit(folder, build, left).values()
        assert agency is None, build.__name__
        assert "agency_not_named" in codes, build.__name__


def test_a_blank_agency_line_falls_back_to_the_file_name(tmp_path: Path) -> None:
    folder = _campaign(tmp_path)
    _table_report(folder / "inbox" / "BC So Y te.docx", ["UBND TỈNH BẮC KẠN", "", "Số: 77/BC"])
    [(agency, codes)] = _credited(folder).values()
    assert agency == "Sở Y tế"
    assert "agency_not_named" in codes


@pytest.mark.parametrize(
    ("left", "agency"),
    [
        pytest.param(["UBND TỈNH BẮC KẠN", "SỞ Y TẾ", "______", "Số: 77/BC"], "Sở Y tế", id="two"),
        pytest.param(["SỞ Y TẾ", "______", "Số: 77/BC"], "Sở Y tế", id="agency-alone"),
        pytest.param(["UBND HUYỆN BA BỂ", "Số: 77/BC"], "UBND huyện Ba Bể", id="district-alone"),
        pytest.param(
            ["UBND HUYỆN BA BỂ", "______", "Số: 77/BC"], "UBND huyện Ba Bể", id="district-rule"
        ),
        pytest.param(
            ["UBND TỈNH BẮC KẠN", "UBND HUYỆN BA BỂ", "UBND XÃ NAM MẪU", "Số: 77/BC"],
            "UBND xã Nam Mẫu",
            id="commune-three-lines",
        ),
        pytest.param(
            ["UBND HUYỆN BA BỂ", "UBND XÃ NAM MẪU", "Số: 77/BC"], "UBND xã Nam Mẫu", id="commune"
        ),
    ],
)
def test_the_agency_line_names_the_sender(tmp_path: Path, left: list[str], agency: str) -> None:
    folder = _campaign(tmp_path)
    for build in LAYOUTS:
        [(named, _)] = _credit(folder, build, left).values()
        assert named == agency, build.__name__


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_the_pdf_of_a_blank_agency_line_is_not_credited_to_the_parent(tmp_path: Path) -> None:
    folder = _campaign(tmp_path)
    sources = tmp_path / "src"
    sources.mkdir()
    left = ["UBND TỈNH BẮC KẠN", "", "Số: 77/BC"]
    made = [
        _table_report(sources / "bao cao BDG.docx", left),
        _paragraph_report(sources / "bao cao 2.docx", left),
        _table_report(sources / "bao cao 3.docx", ["UBND TỈNH BẮC KẠN", "SỞ Y TẾ", "Số: 77/BC"]),
    ]
    soffice_convert(made, "pdf", folder / "inbox", tmp_path / "profile")
    credited = _credited(folder)
    assert credited["bao cao 3.pdf"][0] == "Sở Y tế"
    for name in ("bao cao BDG.pdf", "bao cao 2.pdf"):
        agency, codes = credited[name]
        assert agency is None, name
        assert "agency_not_named" in codes, name


def _ocr_scan(lines: list[bytes]) -> bytes:
    """A "searchable" scan: a picture of the page under the scanner's invisible OCR text."""
    shown = b" 0 -20 Td ".join(b"(%s) Tj" % line for line in lines)
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q BT 3 Tr /F1 12 Tf 72 770 Td " + shown + b" ET"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(
                b"\x80",
                b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8",
            ),
        ]
    )


def test_a_scans_parent_line_does_not_name_the_sender(tmp_path: Path) -> None:
    """The scan's text names the agency under the parent; the parent is on the roster too."""
    folder = _campaign(tmp_path)
    scan = _ocr_scan([b"UBND TINH BAC KAN", b"SO Y TE", b"So: 45/BC-SYT"])
    (folder / "inbox" / "bao cao BDG.pdf").write_bytes(scan)
    [(agency, codes)] = _credited(folder).values()
    assert (agency, codes) == ("Sở Y tế", ["scanned_answer"])


def test_a_mailed_report_with_a_blank_agency_line_is_its_senders(tmp_path: Path) -> None:
    """An e-mail's attachment is read as the same Word report: the roster address of its
    sender names it, not the parent line (also on the roster)."""
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Tên đơn vị,Email\nUBND tỉnh Bắc Kạn,ubnd@backan.gov.vn\nSở Y tế,syt@backan.gov.vn\n",
        encoding="utf-8",
    )
    folder = tmp_path / "camp"
    assert runner.invoke(app, ["init", str(folder), "--roster", str(roster)]).exit_code == 0
    report = _table_report(tmp_path / "bao cao BDG.docx", ["UBND TỈNH BẮC KẠN", "", "Số: 7/BC"])
    message = EmailMessage()
    message["From"], message["To"] = "syt@backan.gov.vn", "binhdanggioi@backan.gov.vn"
    message["Subject"], message["Date"] = "Báo cáo", "Mon, 13 Dec 2021 08:00:00 +0700"
    message.set_content("Kính gửi Sở LĐ-TB&XH, gửi kèm báo cáo.")
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    maintype, subtype = word.split("/")
    message.add_attachment(
        report.read_bytes(), maintype=maintype, subtype=subtype, filename=report.name
    )
    (folder / "inbox" / "thu.eml").write_bytes(bytes(message))
    [(agency, codes)] = _credited(folder).values()
    assert agency == "Sở Y tế"
    assert "agency_not_named" in codes
