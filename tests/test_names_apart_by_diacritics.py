"""Two agencies whose names differ only in their diacritics (trial 2026-12-02f, finding 1): Thái Nguyên has both “UBND xã Văn Lăng” and “UBND xã Văn Lang”.
The roster import refused the list saying both rows were “UBND xã Văn Lăng”; a thd.toml with
both matched a retyped form of Văn Lang to Văn Lăng (its figures counted for the other
commune, Văn Lang “chưa gửi”)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from thanghanhdong import config, roster
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.template import build_workbook_bytes

runner = CliRunner()
NAMES = ["UBND xã Văn Lăng", "UBND xã Văn Lang", "UBND xã Bằng Thành", "UBND xã Bằng Thanh"]


def write_list(path: Path, codes: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Mã", "Tên đơn vị"])
        writer.writerows(
            [[code, name] for code, name in zip(codes, ["Sở Y tế", *NAMES], strict=True)]
        )
    return path


def campaign_with_both() -> Campaign:
    text = re.sub(r"\[\[agencies\]\]\n(?:[a-z]+ = .*\n?)*", "", config.default_config_text())
    codes = ["SYT", "VANLANG", "VANLANG2", "BANGTHANH", "BANGTHANH2"]
    entries = ",\n".join(
        f'  {{ code = "{c}", name = "{n}" }}'
        for c, n in zip(codes, ["Sở Y tế", *NAMES], strict=True)
    )
    return config.parse(f"agencies = [\n{entries},\n]\n\n{text}", "test")


def test_rows_spelt_apart_without_codes_are_refused_saying_what_to_do(tmp_path: Path) -> None:
    result = roster.read_roster(write_list(tmp_path / "ds.csv", [""] * 5), [])
    assert not result.ok
    assert result.errors[0].startswith(
        "Dòng 3 và 4 (“UBND xã Văn Lăng”, “UBND xã Văn Lang”) có tên chỉ khác nhau ở dấu"
    )
    assert "ghi mã riêng cho mỗi dòng ở cột Mã" in result.errors[0]
    assert result.errors[1].startswith("Dòng 5 và 6 (“UBND xã Bằng Thành”, “UBND xã Bằng")


def test_rows_spelt_apart_with_their_own_codes_are_two_agencies(tmp_path: Path) -> None:
    codes = ["", "VANLANG", "VANLANG2", "BANGTHANH", "BANGTHANH2"]
    result = roster.read_roster(write_list(tmp_path / "ds.csv", codes), [])
    assert result.ok, result.errors
    assert [a.name for a in result.agencies] == ["Sở Y tế", *NAMES]


def test_the_same_agency_twice_is_still_refused_even_with_codes(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("Mã,Tên đơn vị\nA,UBND xã Văn Lăng\nB,Xã Văn Lăng\n", encoding="utf-8")
    result = roster.read_roster(path, [])
    assert result.errors == [
        "Dòng 2 và 3 cùng là đơn vị “UBND xã Văn Lăng”: mỗi đơn vị chỉ ghi một lần."
    ]


def test_a_name_matches_the_agency_it_spells() -> None:
    campaign = campaign_with_both()
    by = campaign.agency_by_name
    assert by("UBND xã Văn Lang") is campaign.agency("VANLANG2")
    assert by("UBND XÃ VĂN LĂNG") is campaign.agency("VANLANG")
    assert by("Ủy ban nhân dân xã Văn Lăng") is campaign.agency("VANLANG")
    assert by("Xã Bằng Thanh") is campaign.agency("BANGTHANH2")
    # The words spelt with their diacritics decide; typed without any: not a guess.
    assert by("UBND xã Bang Thành") is campaign.agency("BANGTHANH")
    assert by("UBND xa Van Lang") is None
    assert by("Van Lang") is None
    assert by("Sở Y tế") is campaign.agency("SYT")


def test_a_retyped_form_of_van_lang_counts_for_van_lang(tmp_path: Path) -> None:
    campaign = campaign_with_both()
    toml = re.sub(r"\[\[agencies\]\]\n(?:[a-z]+ = .*\n?)*", "", config.default_config_text())
    entries = ",\n".join(f'  {{ code = "{a.code}", name = "{a.name}" }}' for a in campaign.agencies)
    (tmp_path / "thd.toml").write_text(f"agencies = [\n{entries},\n]\n\n{toml}", "utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    template = tmp_path / "mau.xlsx"
    template.write_bytes(build_workbook_bytes(campaign, campaign.agency("VANLANG2")))
    book = openpyxl.load_workbook(template)
    book.remove(book["_thd"])  # a copy typed into another workbook: no hidden code
    info = book["Thông tin chung"]
    info["B6"], info["B8"], info["B13"], info["B14"] = dt.date(2021, 12, 15), "Lê Văn An", 0, 0
    sheet = book["1. Hoạt động"]
    for column, value in zip("BCDEF", ["Tập huấn", 2, 30, 40, "Xã"], strict=True):
        sheet[f"{column}7"] = value
    book.save(inbox / "BC xa Van Lang.xlsx")
    result = runner.invoke(
        app, ["validate", str(inbox), "--config", str(tmp_path / "thd.toml"), "--json"]
    )
    files = json.loads(result.stdout)["files"]
    assert [f["agency_name"] for f in files] == ["UBND xã Văn Lang"]
