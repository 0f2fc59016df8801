"""`thd validate --annotate`: correction letters on the second newcomer's trial files
(docs/trials/2026-12-01b): no deadline already passed, lateness said as information and not
as a point to fix, no letter for an answer whose warnings need nothing resent, the year on a
blank date."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong.annotate import write_annotated
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox

TRIAL = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01b" / "repro"
BA_BE = TRIAL / "errors" / "Ba Be - bao cao THD.xlsx"
NA_RI = TRIAL / "inbox2021" / "Na Ri bao cao.ods"
NGAN_SON = TRIAL / "errors" / "BC Ngan Son.xlsx"
runner = CliRunner()


def _inbox(tmp_path: Path, *files: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for source in files:
        shutil.copy(source, inbox / source.name)
    return inbox


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for c in t._cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_letters_ask_no_passed_deadline_and_say_lateness_as_information(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, BA_BE, NA_RI, NGAN_SON)
    out = tmp_path / "can-sua"
    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)], terminal_width=80)
    letters = sorted(p.name for p in out.glob("*.docx"))
    # Na Rì: only "3. Kiến nghị, đề xuất" empty, nothing to resend
    assert letters == ["BC Ngan Son_can-sua.docx", "Ba Be - bao cao THD_can-sua.docx"]
    for letter in letters:
        text = _text(out / letter)
        assert "trước ngày 20/12/2021" not in text
        assert "trong thời gian sớm nhất (hạn gửi ngày 20/12/2021 đã qua)" in text
        assert "ngày ...... tháng ...... năm 2021" in text
    text = _text(out / "Ba Be - bao cao THD_can-sua.docx")
    assert "Để đơn vị biết (không phải sửa): Báo cáo ngày 23/12/2021, sau hạn" in text
    assert "(Thông tin chung!B6)" not in text  # lateness is not a point to review
    assert "còn 3 điểm cần xem lại" in text
    screen = " ".join(result.output.split())
    assert "Không lập công văn cho 1 tệp chỉ có cảnh báo không cần gửi lại" in screen
    assert "Na Ri bao cao.ods" in screen
    assert "không đọc được hoặc không nhận ra đơn vị" not in screen


def test_a_letter_dated_before_the_deadline_keeps_it(tmp_path: Path, campaign: Campaign) -> None:
    report = validate_inbox(_inbox(tmp_path, NGAN_SON), campaign)
    day = date(2021, 12, 18)
    (copy,) = write_annotated(report.files, campaign, tmp_path / "out", today=day, clock=day)
    text = _text(copy.note)
    assert "sửa và gửi lại báo cáo trước ngày 20/12/2021, cụ thể:" in text
    assert "ngày 18 tháng 12 năm 2021" in text


def test_a_letter_to_one_agency_speaks_to_it_in_its_own_terms(
    tmp_path: Path, campaign: Campaign
) -> None:
    """A covering letter went to one agency with "Trân trọng đề nghị các cơ quan, đơn vị" and
    the officer's own words about the provincial report ("trong báo cáo tổng hợp, tổng có ô
    trống được đánh dấu “*”"): newcomer trial 2026-12-02, finding 7."""
    from cases import filled, with_activities

    from thanghanhdong.sample import SampleRow
    from thanghanhdong.template import FormStamper

    stamper = FormStamper(campaign)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = with_activities(
        SampleRow("Tập huấn", 2, None, None, "Xã"), SampleRow("Hội thảo", -3, 5, 5, "Xã")
    )
    (inbox / "nari.xlsx").write_bytes(filled(campaign, stamper, report, "NARI"))
    out = tmp_path / "can-sua"
    runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)], terminal_width=80)
    text = _text(out / "nari_can-sua.docx")
    assert "Trân trọng đề nghị UBND huyện Na Rì quan tâm phối hợp./." in text
    assert "các cơ quan, đơn vị quan tâm" not in text
    line = next(x for x in text.splitlines() if "để trống số nam/nữ" in x)
    assert "báo cáo tổng hợp" not in line and "“*”" not in line
    assert line.endswith(
        "Có số thì ghi; chỉ ghi 0 khi đúng là không có ai; không biết số thì để trống."
    )


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice")
def test_the_signature_is_never_alone_on_the_last_page(tmp_path: Path) -> None:
    """The reminder of the example inbox fills its first page: its signature block went alone to
    page 2, signed under no text. The closing paragraph now keeps with it (as in the report)."""
    import subprocess

    letter = tmp_path / "nhac.docx"
    inbox = Path(__file__).parents[1] / "examples" / "inbox"
    done = runner.invoke(app, ["remind", str(inbox), "--out", str(letter), "--date", "21/12/2021"])
    assert done.exit_code == 0, done.output
    [pdf] = soffice_convert([letter], "pdf", tmp_path / "pdf", tmp_path / "profile")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    last = next(page for page in reversed(pages) if page.strip())
    assert "Nguyễn Thị Hồng Hạnh" in last
    assert "Trân trọng đề nghị" in " ".join(last.split())
