"""A table continued over a page break (trial 2026-12-01g, finding 7): the rows a warning lists
are counted on through the parts, as the clerk's STT goes on, so "dòng 41" is the row numbered
41 wherever the page break fell; the position names the part (page or table) the row is in."""

from __future__ import annotations

import json
import re
from io import BytesIO
from pathlib import Path

import pytest
import word_reports as reports
from conftest import SOFFICE, soffice_convert
from docx import Document
from docx.enum.text import WD_BREAK
from typer.testing import CliRunner

from thanghanhdong.cli import app

runner = CliRunner()
ITEMS = [[str(n), f"Tập huấn tại xã số {n}", "1", "10", str(n), "Xã"] for n in range(1, 41)]
AGAIN = [[str(n), "Tập huấn tại xã số 1", "1", "10", "1", "Xã"] for n in range(41, 46)]


def _duplicates(inbox: Path) -> dict:
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    assert result.exit_code in (0, 1), result.output
    [answer] = json.loads(result.stdout)["files"]
    [issue] = [i for i in answer["issues"] if i["code"] == "duplicate_row"]
    return issue


def _listed(message: str) -> list[int]:
    found = re.search(r"\(dòng ([0-9, ]+)", message)
    assert found, message
    return [int(n) for n in found.group(1).split(",") if n.strip()]


def _word_continued(tmp_path: Path) -> Path:
    """The seed form with table 1 of 45 rows, the clerk continuing it after a page break as a
    second table of data rows only (rows 21 to 45)."""
    document = Document(
        BytesIO(reports.seed_form(tables=(ITEMS[:20], reports.MEDIA, reports.PRODUCTS)))
    )
    first = document.tables[1]
    for row in first.rows[-1:]:  # the totals row
        row._tr.getparent().remove(row._tr)
    rest = document.add_table(rows=0, cols=6)
    rest.style = "Table Grid"
    for values in [*ITEMS[20:], *AGAIN]:
        for cell, value in zip(rest.add_row().cells, values, strict=True):
            cell.text = value
    page_break = document.add_paragraph()
    page_break.add_run().add_break(WD_BREAK.PAGE)
    first._tbl.addnext(page_break._p)
    page_break._p.addnext(rest._tbl)
    path = tmp_path / "inbox" / "BC So Y te.docx"
    path.parent.mkdir()
    document.save(path)
    return path


def test_a_word_table_continued_after_a_page_break_counts_rows_on(tmp_path: Path) -> None:
    _word_continued(tmp_path)
    issue = _duplicates(tmp_path / "inbox")
    assert _listed(issue["message"]) == [41, 42, 43, 44, 45]
    assert issue["cell"].startswith("dòng 41, ")
    assert issue["sheet"] == "bảng thứ 2"  # the part the clerk added after the break


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_pdf_table_over_a_page_break_counts_rows_as_the_stt(tmp_path: Path) -> None:
    source = tmp_path / "word" / "BC So Y te.docx"
    source.parent.mkdir()
    source.write_bytes(
        reports.seed_form(tables=([*ITEMS, *AGAIN], reports.MEDIA, reports.PRODUCTS))
    )
    soffice_convert([source], "pdf", tmp_path / "inbox", tmp_path / "profile")
    issue = _duplicates(tmp_path / "inbox")
    assert _listed(issue["message"]) == [41, 42, 43, 44, 45]
    assert issue["cell"].startswith("dòng 41, ")
    assert issue["sheet"].startswith("trang ") and not issue["sheet"].startswith("trang 1,")
