"""`thd validate --annotate` for answers that are not Excel forms: Word reports, their PDFs,
e-mails and zips holding them, scans.

What an officer gets for a Word or PDF answer with problems: thd never writes into the agency's
own document, so the marked copy is the agency's Excel form filled with what was read (as issue 10
asks: the agency can answer in the form next time), and the covering letter lists each point
with its place in the agency's own report ("bảng thứ 1, dòng 1, cột Nam"). A scan has nothing to
mark: no copy, and the console says why. The inbox is never written to."""

from __future__ import annotations

import io
import zipfile
from email import policy
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
import word_reports as reports
from conftest import SOFFICE, soffice_convert
from openpyxl import load_workbook
from PIL import Image
from typer.testing import CliRunner

from thanghanhdong import config
from thanghanhdong.annotate import write_annotated
from thanghanhdong.cli import app
from thanghanhdong.inbox import validate_inbox

runner = CliRunner()
DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
# A negative number of men (the row numbered 1 of table 1) and a level not in the list (row 2).
WRONG_ACTIVITIES = [
    ["1", "Tập huấn", "3", "-60", "90", "Huyện"],
    ["2", "Diễn đàn", "2", "45", "120", "Thôn"],
]


def word_answer(body: str = "SỞ Y TẾ") -> bytes:
    """The plan's form filled in Word with two errors, sent by `body` (its ND30 header)."""
    document = docx.Document(io.BytesIO(reports.seed_form((WRONG_ACTIVITIES, [], []))))
    header = document.tables[0].cell(0, 0).paragraphs[1]
    header.runs[0].text = body
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def mail_with(data: bytes, name: str) -> bytes:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Sở Tư pháp <stp@backan.gov.vn>"
    message["To"] = "soldtbxh@backan.gov.vn"
    message["Subject"] = "Báo cáo Tháng hành động năm 2021"
    message["Date"] = "Fri, 17 Dec 2021 09:30:00 +0700"
    message.set_content("Sở Tư pháp gửi báo cáo.")
    message.add_attachment(data, maintype=DOCX[0], subtype=DOCX[1], filename=name)
    return message.as_bytes()


def zip_with(data: bytes, name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return out.getvalue()


def scan() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (500, 700), "white").save(out, "PDF", resolution=60)
    return out.getvalue()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def letter_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "BC So Y te.docx").write_bytes(word_answer())
    (folder / "thu STP.eml").write_bytes(mail_with(word_answer("SỞ TƯ PHÁP"), "baocao.docx"))
    (folder / "SNV.zip").write_bytes(zip_with(word_answer("SỞ NỘI VỤ"), "BC Noi vu.docx"))
    (folder / "BC Ba Be.pdf").write_bytes(scan())
    return folder


def test_word_e_mail_and_zip_answers_get_a_filled_form_and_a_letter(
    inbox: Path, tmp_path: Path
) -> None:
    before = snapshot(inbox)
    out = tmp_path / "can-sua"
    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)], terminal_width=80)
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "BC So Y te_can-sua.docx",
        "BC So Y te_can-sua.xlsx",
        "SNV_BC Noi vu_can-sua.docx",
        "SNV_BC Noi vu_can-sua.xlsx",
        "thu STP_baocao_can-sua.docx",
        "thu STP_baocao_can-sua.xlsx",
    ]
    assert snapshot(inbox) == before  # nothing written, nothing touched in the inbox
    said = " ".join(result.stdout.split())
    assert "Đã ghi 3 bản có đánh dấu chỗ cần sửa" in said
    assert "Với 3 báo cáo Word/PDF" in said and "thd không ghi vào tệp của đơn vị" in said
    assert "Không lập bản đánh dấu cho 1 bản PDF quét/ảnh chụp" in said and "BC Ba Be.pdf" in said


def test_the_letter_names_the_agency_and_each_place_in_its_own_report(
    inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "can-sua"
    assert runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)]).exit_code == 1
    for name, agency in [
        ("BC So Y te", "Sở Y tế"),
        ("thu STP_baocao", "Sở Tư pháp"),
        ("SNV_BC Noi vu", "Sở Nội vụ"),
    ]:
        text = letter_text(out / f"{name}_can-sua.docx")
        assert f"Kính gửi:\t{agency}." in text
        assert f"Đề nghị {agency} sửa và gửi lại báo cáo" in text
        assert "- Lỗi (bảng thứ 1, dòng 1, cột Nam): Số âm “-60”: gõ số không âm." in text
        assert "- Lỗi (bảng thứ 1, dòng 2, cột Cấp triển khai): Cấp triển khai “Thôn”" in text
        assert f"mẫu Excel của đơn vị gửi kèm ({name}_can-sua.xlsx)" in text


def test_the_filled_form_marks_the_values_read_from_the_word_report(
    inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "can-sua"
    assert runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)]).exit_code == 1
    workbook = load_workbook(out / "BC So Y te_can-sua.xlsx")
    assert workbook.sheetnames[0] == "Cần sửa"
    sheet = workbook["1. Hoạt động"]
    negative, level = sheet["D7"], sheet["F8"]
    assert (negative.value, level.value) == ("-60", "Thôn")
    assert negative.comment is not None and "Số âm" in negative.comment.text
    assert level.comment is not None and "Thôn" in level.comment.text
    assert negative.fill.fgColor.rgb.endswith("F8CBAD")


def test_no_overwrite_without_force(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "can-sua"
    assert runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)]).exit_code == 1
    letter = out / "thu STP_baocao_can-sua.docx"
    letter.write_bytes(b"edited by the officer")
    again = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)])
    assert again.exit_code == 2 and letter.read_bytes() == b"edited by the officer"
    forced = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out), "--force"])
    assert forced.exit_code == 1 and "Sở Tư pháp" in letter_text(letter)


def test_never_inside_the_inbox(inbox: Path) -> None:
    before = snapshot(inbox)
    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(inbox / "can-sua")])
    assert result.exit_code == 2
    assert snapshot(inbox) == before


def test_an_answer_that_no_longer_reads_still_gets_its_letter(inbox: Path, tmp_path: Path) -> None:
    campaign = config.load(None)
    report = validate_inbox(inbox, campaign)
    (inbox / "SNV.zip").write_bytes(b"overwritten since it was checked")
    copies = write_annotated(report.files, campaign, tmp_path / "out")
    [letter_only] = [c for c in copies if not c.filled]
    assert letter_only.source.name == "SNV.zip › BC Noi vu.docx"
    assert letter_only.note.is_file() and not letter_only.path.exists()
    text = letter_text(letter_only.note)
    assert "Kính gửi:\tSở Nội vụ." in text and "bảng thứ 1, dòng 1, cột Nam" in text
    assert ".xlsx" not in text  # nothing is attached


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_pdf_answer_exported_from_word(tmp_path: Path) -> None:
    source = tmp_path / "word" / "BC So Y te.docx"
    source.parent.mkdir()
    source.write_bytes(word_answer())
    inbox = tmp_path / "inbox"
    soffice_convert([source], "pdf", inbox, tmp_path / "profile")
    before = snapshot(inbox)
    out = tmp_path / "can-sua"
    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "BC So Y te_can-sua.docx",
        "BC So Y te_can-sua.xlsx",
    ]
    text = letter_text(out / "BC So Y te_can-sua.docx")
    assert "Kính gửi:\tSở Y tế." in text
    assert "Lỗi (trang 2, bảng thứ 1, dòng 1, cột Nam): Số âm “-60”" in text
    assert load_workbook(out / "BC So Y te_can-sua.xlsx")["1. Hoạt động"]["D7"].value == "-60"
    assert snapshot(inbox) == before
