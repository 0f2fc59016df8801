"""A district data file whose issuer is written the ND30 way (parent "UBND HUYỆN BA BỂ", name
"PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"; trial 2026-12-01b, finding 8) answers for the
roster's UBND huyện Ba Bể without a name-mismatch warning."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox

BABE = Path(__file__).parents[1] / "docs/trials/2026-12-01b/repro/rollup/babe.json"


def _district_file(inbox: Path, parent: str, name: str) -> Path:
    document = json.loads(BABE.read_text(encoding="utf-8"))
    document["issuer"] = {"parent": parent, "name": name, "place": "Ba Bể"}
    inbox.mkdir()
    path = inbox / "babe.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_office_under_the_roster_agency_is_no_mismatch(
    tmp_path: Path, campaign: Campaign
) -> None:
    inbox = tmp_path / "inbox"
    _district_file(inbox, "UBND HUYỆN BA BỂ", "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
    (result,) = validate_inbox(inbox, campaign).files
    assert result.agency_code == "BABE"
    assert "agency_name_mismatch" not in [i.code for i in result.issues]
    screen = CliRunner().invoke(app, ["validate", str(inbox)], terminal_width=80).output
    assert "khác tên" not in screen and "✔ hợp lệ" in screen


def test_a_file_named_by_its_own_name_under_another_parent_is_recognised(
    tmp_path: Path, campaign: Campaign
) -> None:
    inbox = tmp_path / "inbox"
    path = _district_file(inbox, "UBND TỈNH BẮC KẠN", "UBND HUYỆN BA BỂ")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["issuer"]["name"] == "UBND HUYỆN BA BỂ"
    (result,) = validate_inbox(inbox, campaign).files
    assert result.agency_code == "BABE"
    assert "agency_name_mismatch" not in [i.code for i in result.issues]
