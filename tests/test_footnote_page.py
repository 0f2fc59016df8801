"""A table's footnote never stands alone on a page (trial 10, finding 8): ten agencies that left
every people figure blank fill Phụ lục I to the foot of its landscape page, and LibreOffice put
"— Không có số liệu: đơn vị để trống số người" alone on the next page. The table's total row now
goes over with it. Checked on the PDF LibreOffice prints, page by page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong import config
from thanghanhdong.cli import app
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper, build_workbook_bytes

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from harness import roster_config_text

pytestmark = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None, reason="LibreOffice/poppler missing"
)
FOOTNOTE = "Không có số liệu: đơn vị để trống số người"


def test_the_appendix_footnote_goes_with_its_table(tmp_path: Path) -> None:
    (tmp_path / "thd.toml").write_text(roster_config_text(10), encoding="utf-8")
    campaign = config.load(tmp_path / "thd.toml")
    report = SampleReport()
    report.tables["activities"] = [SampleRow("Tập huấn", 2, None, None, "Xã")]
    stamper = FormStamper(campaign, fill_bytes(build_workbook_bytes(campaign), report))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for agency in campaign.agencies:
        (inbox / f"{agency.code}.xlsx").write_bytes(stamper.stamp(agency))
    out = tmp_path / "baocao.docx"
    command = ["consolidate", str(inbox), "--config", str(tmp_path / "thd.toml")]
    result = CliRunner().invoke(app, [*command, "--out", str(out), "--date", "20/12/2021"])
    assert result.exit_code == 0, result.output
    [pdf] = soffice_convert([out], "pdf", tmp_path / "pdf", tmp_path / "profile")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    pages = [
        [line for line in page.splitlines() if line.strip()] for page in text.stdout.split("\f")
    ]
    with_footnote = [lines for lines in pages if any(FOOTNOTE in line for line in lines)]
    assert len(with_footnote) == 2  # under table III.1 and under Phụ lục I
    for lines in with_footnote:
        assert any("Tổng cộng" in line for line in lines), lines  # its table's total above it
