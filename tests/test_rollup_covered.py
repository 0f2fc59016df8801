"""A district's roll-up covers the roster agencies inside it (trial 2026-12-01, finding 9):
they are answered through it, never "Chưa gửi" beside it, and their figures counted once.
The inbox is the trial's: Ba Bể's data file (Chợ Đồn and Pác Nặm consolidated) and Na Rì's
form filled in LibreOffice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from thanghanhdong.cli import app

runner = CliRunner()
REPRO = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01" / "repro"
COVERED = {"CHODON": "UBND huyện Chợ Đồn", "PACNAM": "UBND huyện Pác Nặm"}


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    shutil.copy(REPRO / "rollup" / "babe.json", folder)
    shutil.copy(REPRO / "forms" / "Na Ri.xlsx", folder)
    return folder


def test_validate_shows_them_answered_through_the_rollup(inbox: Path) -> None:
    result = runner.invoke(app, ["validate", str(inbox)], terminal_width=80)
    lines = result.output.splitlines()
    start = lines.index("Báo cáo qua báo cáo tổng hợp của đơn vị khác (2):")
    assert lines[start + 1 : start + 3] == [
        "  - UBND huyện Chợ Đồn (CHODON): qua UBND huyện Ba Bể",
        "  - UBND huyện Pác Nặm (PACNAM): qua UBND huyện Ba Bể",
    ]
    missing = lines[lines.index("Chưa gửi báo cáo (23):") :]
    assert not [line for line in missing if "Chợ Đồn" in line or "Pác Nặm" in line]


def test_json_says_covered_and_through_whom(inbox: Path) -> None:
    data = json.loads(runner.invoke(app, ["validate", str(inbox), "--json"]).stdout)
    states = {a["code"]: a for a in data["completeness"]["agencies"]}
    for code in COVERED:
        assert states[code]["state"] == "covered"
        assert states[code]["through"] == "UBND huyện Ba Bể"
        assert code not in data["missing_agencies"]
    assert data["summary"]["covered_agencies"] == 2
    assert data["completeness"]["missing"] == 23


def _texts(path: Path) -> tuple[list[str], list[list[str]]]:
    document = docx.Document(str(path))
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    return [p.text for p in document.paragraphs], rows


def test_the_report_lists_them_once_and_counts_figures_once(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    result = runner.invoke(app, ["consolidate", str(inbox), "--out", str(out)])
    assert result.exit_code == 0, result.output
    paragraphs, rows = _texts(out)
    assert any(
        "2 đơn vị báo cáo qua báo cáo tổng hợp của UBND huyện Ba Bể (UBND huyện Chợ Đồn, "
        "UBND huyện Pác Nặm). Còn 23 đơn vị chưa gửi báo cáo" in p
        for p in paragraphs
    )
    for name in COVERED.values():
        mine = [r for r in rows if name in r]
        assert len(mine) == 1  # Phụ lục II only: no figures row of its own in Phụ lục I
        assert mine[0][-2:] == [
            "Báo cáo qua đơn vị tổng hợp",
            "Có trong báo cáo tổng hợp của UBND huyện Ba Bể.",
        ]
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    parts = [a["tables"]["activities"]["count"] for a in data["agencies"]]
    assert [a["name"] for a in data["agencies"]] == ["UBND huyện Ba Bể", "UBND huyện Na Rì"]
    assert data["tables"]["activities"]["total"]["count"] == sum(parts) == 6


def test_the_reminder_does_not_ask_them(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "nhac.docx"
    args = ["remind", str(inbox), "--out", str(out), "--date", "23/12/2021"]
    assert runner.invoke(app, args).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert (
        "của 4/27 cơ quan, đơn vị (kể cả 2 đơn vị có trong báo cáo tổng hợp của cấp trên)" in text
    )
    assert "Chợ Đồn" not in text and "Pác Nặm" not in text
