"""A commune on the officer's list is stored as a commune (`group = "commune"`), and the
import says on screen how it sorted the list (trial 2026-12-01, finding 16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import xlsxwriter
from typer.testing import CliRunner

from thanghanhdong import config
from thanghanhdong.cli import app
from thanghanhdong.config import AgencyGroup

runner = CliRunner()
TRIAL = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01" / "repro" / "roster"
LIST = TRIAL / "Danh sach don vi 2022 (sua).xlsx"


def test_the_trials_commune_is_a_commune_and_the_screen_says_so(tmp_path: Path) -> None:
    roster = shutil.copy(LIST, tmp_path / "ds.xlsx")
    result = runner.invoke(
        app, ["init", str(tmp_path / "r22"), "--roster", str(roster)], terminal_width=80
    )
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert (
        'Xếp nhóm đơn vị: 2 sở, ban, ngành, đoàn thể tỉnh (group = "province"); 1 huyện, '
        'thị xã, thành phố (group = "district"); 1 xã, phường, thị trấn (group = '
        '"commune"). Sửa dòng group trong thd.toml nếu sai.'
    ) in text
    campaign = config.load(tmp_path / "r22" / "thd.toml")
    groups = {a.name: a.group for a in campaign.agencies}
    assert groups["UBND xã Nam Mẫu"] is AgencyGroup.COMMUNE
    assert groups["UBND huyện Ba Bể"] is AgencyGroup.DISTRICT
    out = tmp_path / "mau"
    generated = runner.invoke(
        app,
        ["generate-templates", "--config", str(tmp_path / "r22" / "thd.toml"), "--out", str(out)],
    )
    assert generated.exit_code == 0, generated.output
    assert len(list(out.glob("*.xlsx"))) == 4


def _list(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("DS")
    sheet.write_row(0, 0, ["STT", "Tên đơn vị", "Cấp"])
    rows = [
        ["UBND thị xã Sơn Tây", "Thị xã"],
        ["UBND phường Sông Cầu", "Phường"],
        ["UBND thị trấn Chợ Rã", ""],
        ["Sở Y tế", "Sở, ban, ngành"],
    ]
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, [r, *row])
    book.close()
    return path


def test_roster_import_into_an_existing_config(tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", str(tmp_path / "dot")]).exit_code == 0
    toml = tmp_path / "dot" / "thd.toml"
    result = runner.invoke(
        app, ["roster", "import", str(_list(tmp_path / "ds.xlsx")), "--config", str(toml)]
    )
    assert result.exit_code == 0, result.output
    assert "1 xã, phường, thị trấn" not in result.output
    assert "2 xã, phường, thị trấn" in " ".join(result.output.split())
    groups = [a.group for a in config.load(toml).agencies]
    assert groups == [
        AgencyGroup.DISTRICT,
        AgencyGroup.COMMUNE,
        AgencyGroup.COMMUNE,
        AgencyGroup.PROVINCE,
    ]


def test_a_ministrys_roster_of_provinces_is_said_as_provinces(tmp_path: Path) -> None:
    """Trial 2026-12-01c, finding 16: three "UBND tỉnh" were "3 sở, ban, ngành, đoàn thể tỉnh"."""
    roster = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01c" / "repro" / "bo.csv"
    result = runner.invoke(app, ["init", str(tmp_path / "bo"), "--roster", str(roster)])
    assert result.exit_code == 0, result.output
    assert (
        'Xếp nhóm đơn vị: 3 tỉnh, thành phố trực thuộc trung ương (group = "province").'
        in " ".join(result.output.split())
    )
