"""Trial 2026-12-01d: “Huyện/xã” in the level column (UBND huyện Ba Bể's form, filled with
openpyxl and saved by LibreOffice under an NFD file name) is refused, saying it names two levels."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.messages import problem

INBOX = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01d" / "repro" / "inbox"
NAME = unicodedata.normalize("NFD", "Báo cáo THĐ huyện Ba Bể.xlsx")


def test_two_levels_in_one_cell_are_named_as_such(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / NAME, inbox / NAME)
    result = CliRunner().invoke(app, ["validate", str(inbox), "--json"])
    [answer] = json.loads(result.stdout)["files"]
    assert answer["agency_code"] == "BABE"
    [issue] = [i for i in answer["issues"] if i["code"] == "invalid_level"]
    assert issue["where"] == "1. Hoạt động!F9"
    assert issue["message"] == (
        "Cấp triển khai “Huyện/xã” ghi 2 cấp (Huyện, Xã) trong một ô (tách thành 2 dòng, "
        "mỗi dòng một cấp): chọn Tỉnh, Huyện hoặc Xã."
    )
    # "cấp Tỉnh", "tinh", "xa", "huyen" are levels: the only issue of the form is that cell
    assert [i["code"] for i in answer["issues"]] == ["invalid_level"]
    assert problem("invalid_level", issue["message"]) == (
        "Cấp triển khai “Huyện/xã” ghi 2 cấp (Huyện, Xã) trong một ô (tách thành 2 dòng, "
        "mỗi dòng một cấp)"
    )
