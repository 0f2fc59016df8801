"""Two files of one kind with equal figures, report date and number are one answer (a copy),
not a `duplicate_agency` error: finding 12 of the 2026-12-01 trial."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cases import filled
from conftest import SOFFICE
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.sample import SampleReport
from thanghanhdong.template import FormStamper

FORMATS = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01" / "repro" / "formats"
runner = CliRunner()


def validate_json(inbox: Path) -> dict:
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def codes(data: dict) -> dict[str, list[str]]:
    return {Path(f["path"]).name: [i["code"] for i in f["issues"]] for f in data["files"]}


@pytest.mark.skipif(SOFFICE is None, reason="reading a .doc needs LibreOffice")
def test_the_same_word_report_as_odt_and_doc_is_one_answer(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for suffix in (".odt", ".doc"):
        shutil.copy(FORMATS / f"Bao cao THD So Noi vu{suffix}", inbox)
    data = validate_json(inbox)
    assert list(codes(data)) == ["Bao cao THD So Noi vu.doc"]
    assert "duplicate_agency" not in codes(data)["Bao cao THD So Noi vu.doc"]
    assert data["attachments"] == [
        {
            "path": str(inbox / "Bao cao THD So Noi vu.odt"),
            "note": "bản sao cùng nội dung với Bao cao THD So Noi vu.doc",
        }
    ]
    states = {a["code"]: a["state"] for a in data["completeness"]["agencies"]}
    assert states["SNV"] != "missing"


def test_equal_content_other_bytes_is_a_copy_and_consolidates_once(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC Ba Be.xlsx").write_bytes(filled(campaign, stamper))
    other = filled(campaign, stamper, SampleReport(contact="Chị Lan, 0209 3870 000"))
    (inbox / "BC Ba Be (ban 2).xlsx").write_bytes(other)
    assert other != (inbox / "BC Ba Be.xlsx").read_bytes()
    data = validate_json(inbox)
    assert codes(data) == {"BC Ba Be (ban 2).xlsx": []}
    [copy] = data["attachments"]
    assert copy["note"] == "bản sao cùng nội dung với BC Ba Be (ban 2).xlsx"
    out = tmp_path / "bc.docx"
    result = runner.invoke(app, ["consolidate", str(inbox), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(inbox / "BC Ba Be.xlsx", alone)
    single = runner.invoke(
        app, ["consolidate", str(alone), "--out", str(tmp_path / "a.docx"), "--json"]
    )
    assert json.loads(result.stdout)["tables"] == json.loads(single.stdout)["tables"]
    check = runner.invoke(app, ["check-inputs", str(out.with_suffix(".json")), str(inbox)])
    assert check.exit_code == 0, check.output


def test_another_number_is_still_two_answers(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC Ba Be.xlsx").write_bytes(filled(campaign, stamper))
    renumbered = filled(campaign, stamper, SampleReport(report_number="02/BC-UBND"))
    (inbox / "BC Ba Be (gui lai).xlsx").write_bytes(renumbered)
    data = validate_json(inbox)
    assert {name: found[:1] for name, found in codes(data).items()} == {
        "BC Ba Be (gui lai).xlsx": ["duplicate_agency"],
        "BC Ba Be.xlsx": ["duplicate_agency"],
    }
    assert data["attachments"] == []
