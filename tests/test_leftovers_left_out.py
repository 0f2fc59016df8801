"""Trial 2026-12-01g, smaller point: Phần II's "Còn 1 ý kiến khác ... tại Phụ lục III." names
the agencies whose points the length bound left out, so the signer knows whose are not quoted."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

from docx import Document
from typer.testing import CliRunner
from word_reports import seed_form

from thanghanhdong.cli import app

runner = CliRunner()
# Five points of one theme (budget), one more than a theme shows (max_points_per_theme = 4).
DIFFICULTIES = {
    "SỞ Y TẾ": ("Sở Y tế", "Kinh phí cấp chậm so với kế hoạch."),
    "SỞ NỘI VỤ": ("Sở Nội vụ", "Kinh phí in tờ rơi không đủ."),
    "SỞ TƯ PHÁP": ("Sở Tư pháp", "Thiếu kinh phí thuê hội trường."),
    "SỞ TÀI CHÍNH": ("Sở Tài chính", "Kinh phí hỗ trợ báo cáo viên thấp."),
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO": ("Sở Giáo dục và Đào tạo", "Nguồn kinh phí xã hội hóa khó huy động."),
}


def _report(inbox: Path, agency: str, difficulty: str) -> None:
    document = Document(BytesIO(seed_form(agency=agency)))
    [paragraph] = [p for p in document.paragraphs if p.text == "Kinh phí còn hạn hẹp."]
    paragraph.text = difficulty
    document.save(inbox / f"{agency}.docx")


def test_the_points_left_out_name_their_agencies(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for agency, (_, difficulty) in DIFFICULTIES.items():
        _report(inbox, agency, difficulty)
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--date", "21/12/2021"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    body = [p.text for p in Document(str(out)).paragraphs]
    [sentence] = [p for p in body if p.startswith("Còn 1 ý kiến khác")]
    found = re.fullmatch(r"Còn 1 ý kiến khác của (.+) tại Phụ lục III\.", sentence)
    assert found is not None, sentence
    texts = dict(DIFFICULTIES.values())
    assert found[1] in texts, sentence
    # The agency named is the one whose point is not quoted in Phần II (Phụ lục III quotes all).
    part_ii = body[: body.index(sentence)]
    quoted = [name for name, text in texts.items() if any(text[:-1] in p for p in part_ii)]
    assert sorted(quoted) == sorted(set(texts) - {found[1]})
