"""An image-only scan of no agency thd can name (newcomer finding 13) and the reminder's lines
for an answer with errors (finding 11), through the real commands on real files: forms filled
with openpyxl, a PDF with no text layer written by Pillow, the letter read back by python-docx."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from cases import filled, with_activities
from PIL import Image
from typer.testing import CliRunner

from thanghanhdong import messages
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.model import Grid, Issue, Location, Severity
from thanghanhdong.sample import SampleRow
from thanghanhdong.template import FormStamper

runner = CliRunner()
SCAN = "scan_0012.pdf"


def _picture_pdf() -> bytes:
    """A page as a picture, no text layer: what a scanner sends."""
    out = io.BytesIO()
    Image.new("RGB", (300, 420), "white").save(out, "PDF", resolution=60)
    return out.getvalue()


def _form(campaign: Campaign, stamper: FormStamper, code: str, rows: list[SampleRow]) -> bytes:
    return filled(campaign, stamper, with_activities(*rows), code)


@pytest.fixture(scope="module")
def inbox(
    tmp_path_factory: pytest.TempPathFactory, campaign: Campaign, stamper: FormStamper
) -> Path:
    """BABE valid; NARI with three errors in table 1; a scan named by the scanner."""
    folder = tmp_path_factory.mktemp("inbox")
    good = [SampleRow("Tập huấn", 2, 10, 10, "Xã")]
    (folder / "babe.xlsx").write_bytes(_form(campaign, stamper, "BABE", good))
    wrong = [
        SampleRow("Tập huấn", 2, "khoảng 12", 10, "Xã"),
        SampleRow("Hội thảo", -5, 10, 10, "Xã"),
        SampleRow("Nói chuyện", 2.5, 10, 10, "Xã"),
    ]
    (folder / "nari.xlsx").write_bytes(_form(campaign, stamper, "NARI", wrong))
    (folder / SCAN).write_bytes(_picture_pdf())
    return folder


def _screen(*args: str) -> list[str]:
    result = runner.invoke(app, list(args), terminal_width=80)
    lines = result.output.splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    return lines


def test_the_scan_has_its_own_line_and_is_a_thing_to_do(inbox: Path) -> None:
    lines = _screen("validate", str(inbox))
    text = "\n".join(lines)
    assert "không phải báo cáo" not in text
    start = next(i for i, line in enumerate(lines) if "bản quét/ảnh chưa nhận ra" in line)
    assert lines[start : start + 3] == [
        "✖ 1 bản quét/ảnh chưa nhận ra đơn vị: scan_0012.pdf — đổi tên tệp theo tên đơn",
        "  vị (ví dụ “So Y te.pdf”) rồi chạy lại, hoặc nhập số liệu vào mẫu Excel của đơn",
        "  vị (thd generate-templates --agency MÃ-ĐƠN-VỊ).",
    ]
    assert lines[-4:] == [
        "Đã nhận báo cáo của 2/27 đơn vị; 0 báo cáo nộp muộn; 3 lỗi, 0 cảnh báo; 1 bản",
        "quét chưa nhận ra đơn vị.",
        "Sửa 1 tệp và đổi tên 1 bản quét theo tên đơn vị rồi chạy lại:",
        f"  thd validate {inbox}",
    ]


def test_json_lists_the_scan_apart(inbox: Path) -> None:
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    data = json.loads(result.stdout)
    assert data["scans_unattributed"] == [str(inbox / SCAN)]
    assert data["summary"]["scans_unattributed"] == 1
    assert [(o["path"], o["code"]) for o in data["others"]] == [
        (str(inbox / SCAN), "scanned_unknown")
    ]


def _letter_lines(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if "gửi lại báo cáo đã sửa" in p.text]


def test_the_reminder_says_what_to_fix_where(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "nhac.docx"
    result = runner.invoke(app, ["remind", str(inbox), "--out", str(out), "--date", "18/12/2021"])
    assert result.exit_code == 0, result.output
    assert _letter_lines(out) == [
        "- UBND huyện Na Rì: gửi lại báo cáo đã sửa — bảng 1. Hoạt động, dòng 7, cột Nam: "
        "“khoảng 12” không phải là số; bảng 1. Hoạt động, dòng 8, cột Số cuộc: số âm “-5” "
        "và 1 lỗi khác."
    ]


def _all_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_appendix_two_has_the_letters_first_problem_and_consolidate_names_the_scan(
    inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--skip-invalid", "--out", str(out), "--date", "05/01/2022"]
    lines = _screen(*args)
    assert out.is_file(), lines
    text = _all_text(out)
    assert "“khoảng 12” không phải là số và 2 lỗi khác." in text
    assert "nari.xlsx" not in text and "dòng 7" not in text and SCAN not in text
    start = next(i for i, line in enumerate(lines) if "bản quét/ảnh chưa nhận ra" in line)
    assert lines[start].startswith("⚠ 1 bản quét/ảnh chưa nhận ra đơn vị: scan_0012.pdf — ")


def test_a_scan_alone_is_still_a_thing_to_do(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    good = [SampleRow("Tập huấn", 2, 10, 10, "Xã")]
    (tmp_path / "babe.xlsx").write_bytes(_form(campaign, stamper, "BABE", good))
    (tmp_path / SCAN).write_bytes(_picture_pdf())
    lines = _screen("validate", str(tmp_path))
    assert lines[-2] == "Đổi tên 1 bản quét theo tên đơn vị rồi chạy lại:"


def test_a_problem_is_cut_before_the_officers_instruction_not_inside_a_value() -> None:
    _, message = messages.render("not_a_number", value="12: 30. người")
    issue = Issue("not_a_number", Severity.ERROR, message, Location("bảng thứ 1", 2, 3, Grid.TABLE))
    assert (
        messages.for_agency(issue) == "bảng thứ 1, dòng 3, cột 4: “12: 30. người” không phải là số"
    )
    word = Location("trang 2, bảng thứ 1", 2, 3, Grid.TABLE, "Nữ")
    assert messages.place(word) == "trang 2, bảng thứ 1, dòng 3, cột Nữ"
    assert messages.place(Location("Thông tin chung", 12, 1)) == "trang Thông tin chung, ô B13"
    _, merged = messages.render("merged_figures", range="D7:E7")
    assert "D7" not in messages.problem("merged_figures", merged)


def test_the_reason_comes_from_the_catalogue_not_from_cutting_the_message(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """A typed “(12 người” left the old cut inside a bracket: the letter got the whole message,
    the officer's instruction included."""
    wrong = [SampleRow("Tập huấn", 2, "(12 người", 10, "Xã")]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "nari.xlsx").write_bytes(_form(campaign, stamper, "NARI", wrong))
    out = tmp_path / "nhac.docx"
    args = ["remind", str(inbox), "--out", str(out), "--date", "18/12/2021"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert _letter_lines(out) == [
        "- UBND huyện Na Rì: gửi lại báo cáo đã sửa — bảng 1. Hoạt động, dòng 7, cột Nam: "
        "“(12 người” không phải là số."
    ]


def test_every_message_has_a_reason_over_its_own_values() -> None:
    import string

    def names(text: str) -> set[str]:
        return {n for _, n, _, _ in string.Formatter().parse(text) if n}

    for code, entry in messages.CATALOGUE.items():
        if entry.template:
            assert entry.reason and names(entry.reason) <= names(entry.template), code
    for code, template, reason in messages.FILE_PROBLEMS.values():
        assert reason and names(reason) <= names(template), code
