"""Trial 2026-12-01g, smaller point: Sở Y tế's "Chưa có quy trình thống nhất tiếp nhận nạn nhân
tại tuyến xã" is about a procedure, not coordination: "thống nhất" alone does not put a point
under "Phối hợp"; agencies not acting together ("sự thống nhất giữa các ngành") still does."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx import Document
from typer.testing import CliRunner
from word_reports import seed_form

from thanghanhdong.cli import app

runner = CliRunner()
PROCEDURE = "Chưa có quy trình thống nhất tiếp nhận nạn nhân tại tuyến xã."
TOGETHER = "Chưa có sự thống nhất giữa các ngành khi triển khai."


def _report(inbox: Path, agency: str, difficulty: str) -> None:
    document = Document(BytesIO(seed_form(agency=agency)))
    [paragraph] = [p for p in document.paragraphs if p.text == "Kinh phí còn hạn hẹp."]
    paragraph.text = difficulty
    document.save(inbox / f"{agency}.docx")


def test_thong_nhat_alone_is_not_coordination(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _report(inbox, "SỞ Y TẾ", PROCEDURE)
    _report(inbox, "SỞ NỘI VỤ", TOGETHER)
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--date", "21/12/2021"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    body = [p.text for p in Document(str(out)).paragraphs]
    [procedure] = [p for p in body if PROCEDURE[:-1] in p and "(Sở Y tế)" in p]
    [together] = [p for p in body if TOGETHER[:-1] in p and "(Sở Nội vụ)" in p]
    assert not procedure.startswith("- Phối hợp:"), procedure
    assert together.startswith("- Phối hợp:"), together
