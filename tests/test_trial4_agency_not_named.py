"""Trial 2026-12-01d, finding 2's remainder: a Word report (python-docx, header as plain
paragraphs) whose agency line is left out, and its PDF by LibreOffice. The officer read
“Không nhận ra đơn vị “(để trống)””; a report that names no agency now says so."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.messages import problem

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")

MESSAGE = (
    "Chưa ghi tên đơn vị: ghi tên đơn vị vào báo cáo như trong danh sách đơn vị báo cáo "
    "(thd.toml) rồi chạy lại."
)


def _unnamed_report(path: Path) -> Path:
    """The trial's Sở Tư pháp report (make_word_mail.word) with its first line, the agency's
    name, left out."""
    document = docx.Document()
    for text in (
        "Số: 77/BC-STP",
        "Bắc Kạn, ngày 13 tháng 12 năm 2021",
        "BÁO CÁO KẾT QUẢ THỰC HIỆN THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI NĂM 2021",
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
        "Đã ban hành kế hoạch triển khai Tháng hành động.",
        "2. Nội dung hoạt động đã triển khai",
    ):
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=6)
    table.style = "Table Grid"
    header = ["STT", "Hoạt động", "Số cuộc", "Số người tham gia", "", "Cấp triển khai"]
    for column, value in enumerate(header):
        table.cell(0, column).text = value
    table.cell(1, 3).text, table.cell(1, 4).text = "Nam", "Nữ"
    table.cell(0, 3).merge(table.cell(0, 4))
    row = ["1", "Thi tìm hiểu pháp luật", "2", "140", "160", "Tỉnh"]
    for column, value in enumerate(row):
        table.cell(2, column).text = value
    for text in ("II. ĐÁNH GIÁ CHUNG", "1. Kết quả đạt được", "Đúng kế hoạch.", "Giám đốc"):
        document.add_paragraph(text)
    document.add_paragraph("Vi Văn Khánh")
    document.save(path)
    return path


def test_a_report_naming_no_agency_says_the_name_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    source = _unnamed_report(inbox / "bao cao BDG.docx")
    soffice_convert([source], "pdf", inbox, tmp_path / "profile")
    data = json.loads(CliRunner().invoke(app, ["validate", str(inbox), "--json"]).stdout)
    issues = {Path(f["path"]).suffix: f["issues"] for f in data["files"]}
    assert set(issues) == {".docx", ".pdf"}
    for found in issues.values():
        assert [(i["code"], i["message"]) for i in found] == [("agency_not_named", MESSAGE)]
        assert problem("agency_not_named", found[0]["message"]) == "Chưa ghi tên đơn vị"
    console = CliRunner().invoke(app, ["validate", str(inbox)], env={"COLUMNS": "200"}).output
    assert console.count(MESSAGE) == 2
    assert "để trống" not in console


def test_a_report_naming_no_agency_is_its_senders_by_the_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "STP bao cao BDG.pdf" is Sở Tư pháp's answer, unusable until it names the agency: not
    "chưa gửi" (as for a file that cannot be opened)."""
    monkeypatch.chdir(tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    source = _unnamed_report(tmp_path / "STP bao cao BDG.docx")
    soffice_convert([source], "pdf", inbox, tmp_path / "profile")
    data = json.loads(CliRunner().invoke(app, ["validate", str(inbox), "--json"]).stdout)
    [stp] = [a for a in data["completeness"]["agencies"] if a["code"] == "STP"]
    assert stp["state"] == "unusable", stp
    assert stp["reason"].startswith("Chưa ghi tên đơn vị"), stp
