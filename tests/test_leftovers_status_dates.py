"""Trial 2026-12-01g, smaller point: Phụ lục II of the signed report gives the date read in an
answer that cannot be used ("đã gửi, chưa hợp lệ"), so the signer sees whether it came on time."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from typer.testing import CliRunner
from word_reports import ACTIVITIES, MEDIA, PRODUCTS, seed_form

from thanghanhdong.cli import app

runner = CliRunner()
NEGATIVE = [["1", "Tập huấn", "3", "-60", "90", "Huyện"], *ACTIVITIES[1:]]


def _status_rows(out: Path) -> dict[str, list[str]]:
    """Phụ lục II's rows by agency: [STT, agency, date, state, note]."""
    rows = {}
    for table in Document(str(out)).tables:
        if table.rows and table.rows[0].cells[-1].text == "Ghi chú":
            for row in table.rows[1:]:
                cells = [c.text for c in row.cells]
                rows[cells[1]] = cells
    return rows


def test_an_unusable_answer_keeps_its_date_in_appendix_ii(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC So Y te.docx").write_bytes(
        seed_form(tables=(NEGATIVE, MEDIA, PRODUCTS), agency="SỞ Y TẾ")
    )
    (inbox / "BC So Noi vu.docx").write_bytes(seed_form(agency="SỞ NỘI VỤ"))
    out = tmp_path / "baocao.docx"
    result = runner.invoke(
        app,
        ["consolidate", str(inbox), "--out", str(out), "--date", "21/12/2021", "--skip-invalid"],
    )
    assert result.exit_code == 0, result.output
    rows = _status_rows(out)
    assert rows["Sở Y tế"][2:4] == ["18/12/2021", "Đã gửi, chưa hợp lệ"], rows["Sở Y tế"]
    assert rows["Sở Nội vụ"][2] == "18/12/2021"
    assert rows["Sở Tư pháp"][2] == ""
