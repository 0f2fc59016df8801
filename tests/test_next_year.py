"""The year test: `thd init --from ... --year 2022`, then generate, a fill, validate and
consolidate give a 2022 report with no "2021" left in any output (the Word XML, every part of
the workbook, the data file, and what the commands print)."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.resources import template_path
from thanghanhdong.sample import SampleReport, fill

runner = CliRunner()
OLD = re.compile(r"2021")


def run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def zip_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]
        return "\n".join(archive.read(n).decode("utf-8") for n in names)


def data_text(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["inputs"]:
        entry["sha256"] = ""  # a hash may contain the digits 2021 by chance
    return json.dumps(data, ensure_ascii=False)


def test_a_2022_campaign_leaves_no_2021_anywhere(tmp_path: Path) -> None:
    root = tmp_path / "dot-2022"
    printed = run("init", str(root), "--from", str(template_path("thd.toml")), "--year", "2022")
    config = str(root / "thd.toml")
    printed += run("generate-templates", "--config", config, "--out", str(root / "mau"))
    blank = next((root / "mau").glob("2022_babe_*.xlsx"))
    report = SampleReport(report_date=date(2022, 12, 16))
    fill(blank, root / "inbox" / blank.name, report)
    printed += run("validate", str(root / "inbox"), "--config", config)
    out, xlsx = tmp_path / "baocao.docx", tmp_path / "tonghop.xlsx"
    printed += run(
        "consolidate",
        str(root / "inbox"),
        "--config",
        config,
        "--out",
        str(out),
        "--xlsx",
        str(xlsx),
        "--date",
        "05/01/2023",
    )
    printed += run(
        "remind",
        str(root / "inbox"),
        "--config",
        config,
        "--out",
        str(tmp_path / "nhac.docx"),
        "--date",
        "18/12/2022",
    )
    outputs = {
        "docx": zip_text(out),
        "xlsx": zip_text(xlsx),
        "json": data_text(tmp_path / "baocao.json"),
        "nhac": zip_text(tmp_path / "nhac.docx"),
        "form": zip_text(blank),
    }
    assert "2022" in outputs["docx"] and "năm 2022" in outputs["nhac"]
    for name, text in outputs.items():
        assert not OLD.search(text), (name, text[max(0, OLD.search(text).start() - 80) :][:160])
    # What thd prints names last year only where it says what to confirm, never as a value.
    assert "bac-kan-2021" not in printed
