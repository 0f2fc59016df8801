"""An agency's report photographed page by page ("SYT trang 1.jpg", "SYT trang 2.jpg"), or
scanned into two PDFs without text: the pages of one answer to type in, not "có nhiều báo cáo"
(an error that made consolidate refuse the inbox). Pictures by Pillow, forms by openpyxl."""

from __future__ import annotations

import io
import json
from pathlib import Path

from cases import filled, with_activities
from PIL import Image
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.sample import SampleRow
from thanghanhdong.template import FormStamper


def _page(shade: int, kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 420), (255, 255, shade)).save(out, kind)
    return out.getvalue()


def test_an_agencys_pages_are_one_scanned_answer(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "SYT trang 1.jpg").write_bytes(_page(250, "JPEG"))
    (inbox / "SYT trang 2.jpg").write_bytes(_page(230, "JPEG"))
    (inbox / "So Tu phap 1.pdf").write_bytes(_page(250, "PDF"))
    (inbox / "So Tu phap 2.pdf").write_bytes(_page(220, "PDF"))
    rows = with_activities(SampleRow("Tập huấn", 2, 30, 45, "Xã"))
    (inbox / "babe.xlsx").write_bytes(filled(campaign, stamper, rows, "BABE"))
    result = CliRunner().invoke(app, ["validate", str(inbox), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    states = {a["code"]: a["state"] for a in data["completeness"]["agencies"]}
    assert states["SYT"] == states["STP"] == "scanned"
    assert not [f for f in data["files"] if any(i["severity"] == "error" for i in f["issues"])]
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--date", "22/12/2021"]
    assert CliRunner().invoke(app, args).exit_code == 0 and out.is_file()
