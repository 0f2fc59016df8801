"""`thd init`, `thd --version` and the options of `thd generate-templates`, through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from thanghanhdong import __version__, campaigns, config
from thanghanhdong.cli import app


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty directory, so no stray ./thd.toml is picked up."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- --version


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"thd {__version__}"
    assert __version__ == "0.1.0"


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert "generate-templates" in result.output
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- init


def test_init_writes_config_and_inbox(tmp_path: Path) -> None:
    work = tmp_path / "bao-cao-2021"
    result = invoke("init", str(work))
    assert result.exit_code == 0, result.output
    assert (work / "inbox").is_dir()
    written = (work / "thd.toml").read_text(encoding="utf-8")
    # The default, with the sample's report date left open (trial 2026-12-01c, finding 3): it
    # would date every data file a lower level sends up, after the deadline.
    assert written == campaigns.leave_report_date_open(config.default_config_text())
    assert "\nreport_date" not in written and "# report_date = 2021-12-18" in written
    assert "# " in written  # the officer's guide to editing stays in the file
    default = config.load(None)
    assert config.load(work / "thd.toml") == default.model_copy(
        update={"campaign": default.campaign.model_copy(update={"report_date": None})}
    )
    assert "thd generate-templates" in result.stdout


def test_init_in_current_directory(in_tmp: Path) -> None:
    result = invoke("init")
    assert result.exit_code == 0, result.output
    assert (in_tmp / "thd.toml").is_file()
    assert (in_tmp / "inbox").is_dir()
    # Already there: no "cd" to type before the next step.
    assert "sau đó chạy: thd generate-templates" in " ".join(result.stdout.split())
    assert "cd " not in result.stdout


def test_the_next_step_goes_into_the_new_folder_first(in_tmp: Path) -> None:
    """`thd generate-templates` run where `thd init dot-2026` was typed finds no thd.toml there
    and makes the sample province's forms (newcomer trial 2026-12-02, finding 3)."""
    result = invoke("init", "Báo cáo 2026")
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[-2:] == ['cd "Báo cáo 2026"', "thd generate-templates"]


def test_a_province_starting_afresh_in_2026_gets_the_sample_marked(in_tmp: Path) -> None:
    """`thd init DIR --year 2026` (no last year's thd.toml) had been refused, and without
    --year the officer had to find twenty Bắc Kạn 2021 values by hand (newcomer trial
    2026-12-02, finding 2): the sample is rolled to 2026, and every value of the sample
    province, the plan's, the recipients and the district level are marked to confirm."""
    result = invoke("init", "dot", "--year", "2026")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "cho năm 2026 từ cấu hình mẫu (Bắc Kạn 2021, 28 đơn vị)" in said
    assert "Danh sách đơn vị là của tỉnh mẫu" in said
    campaign = config.load(in_tmp / "dot" / "thd.toml")
    info = campaign.campaign
    assert (info.year, info.deadline.isoformat(), info.report_date) == (2026, "2026-12-20", None)
    keys = campaigns.unchanged_from_last_year(campaign)
    for key in (
        "campaign.plan_number", "campaign.id", "campaign.population", "issuer.name",
        "issuer.place", "issuer.email", "issuer.signer_name", "issuer.recipients",
        "catalogues.levels",
    ):  # fmt: skip
        assert key in keys, key
        assert f"- {key} (" in result.stdout, key
    text = (in_tmp / "dot" / "thd.toml").read_text(encoding="utf-8")
    place = next(line for line in text.splitlines() if line.startswith("place = "))
    assert place.endswith("# CẦN XÁC NHẬN: của tỉnh mẫu Bắc Kạn: sửa theo tỉnh của mình")
    levels = next(line for line in text.splitlines() if line.startswith("levels = "))
    assert 'không còn cấp huyện: sửa thành ["Tỉnh", "Xã"]' in levels
    # The reminders follow the officer until each key is confirmed.
    made = invoke("generate-templates", "--config", "dot/thd.toml", "--out", "mau")
    assert made.exit_code == 0, made.output
    assert "Khóa 'issuer.place' chép từ cấu hình năm trước" in " ".join(made.output.split())
    assert len(list((in_tmp / "mau").glob("2026_*.xlsx"))) == 28


def test_a_province_starting_in_2025_keeps_the_district_level_unasked(in_tmp: Path) -> None:
    result = invoke("init", "dot", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "catalogues.levels" not in campaigns.unchanged_from_last_year(
        config.load(in_tmp / "dot" / "thd.toml")
    )


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "thd.toml"
    target.write_text("# cấu hình đã sửa tay\n", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 2
    assert "Đã có" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.output
    assert target.read_text(encoding="utf-8") == "# cấu hình đã sửa tay\n"
    assert not (tmp_path / "inbox").exists()


def test_init_force_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "thd.toml"
    target.write_text("# cấu hình đã sửa tay\n", encoding="utf-8")
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "da-nhan.xlsx").write_bytes(b"received")
    result = invoke("init", str(tmp_path), "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == campaigns.leave_report_date_open(
        config.default_config_text()
    )
    assert (tmp_path / "inbox" / "da-nhan.xlsx").read_bytes() == b"received"


def test_init_into_a_file_path_is_refused_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "khong-phai-thu-muc"
    blocker.write_text("x", encoding="utf-8")
    result = invoke("init", str(blocker))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.startswith("Lỗi:")


def test_init_then_generate_uses_the_new_config(in_tmp: Path) -> None:
    assert invoke("init").exit_code == 0
    result = invoke("generate-templates")
    assert result.exit_code == 0, result.output
    assert f"{in_tmp / 'thd.toml'}" in result.stderr
    assert len(list((in_tmp / "mau-bao-cao").glob("2021_*.xlsx"))) == 28


# --------------------------------------------------------------------------- generate-templates


def test_agency_option_is_repeatable_and_ignores_case(in_tmp: Path) -> None:
    result = invoke("generate-templates", "--agency", "babe", "--agency", "NARI", "--out", "mau")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (in_tmp / "mau").iterdir()) == [
        "2021_babe_ubnd-huyen-ba-be.xlsx",
        "2021_nari_ubnd-huyen-na-ri.xlsx",
    ]
    assert "Đã tạo 2 mẫu" in result.stdout


def test_unknown_agency_exits_2_and_lists_valid_codes(in_tmp: Path) -> None:
    result = invoke("generate-templates", "--agency", "BABE", "--agency", "KHONGCO")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "Không có đơn vị mã KHONGCO" in result.stderr
    assert "BABE" in result.stderr and "PACNAM" in result.stderr
    assert not (in_tmp / "mau-bao-cao").exists()


def test_existing_output_needs_force(in_tmp: Path) -> None:
    assert invoke("generate-templates", "--agency", "BABE").exit_code == 0
    form = in_tmp / "mau-bao-cao" / "2021_babe_ubnd-huyen-ba-be.xlsx"
    form.write_bytes(b"edited by the officer")

    refused = invoke("generate-templates")
    assert refused.exit_code == 2
    assert "Traceback" not in refused.output
    assert "Đã có 1 tệp" in refused.stderr and "--force" in refused.stderr
    assert form.read_bytes() == b"edited by the officer"
    assert [p.name for p in (in_tmp / "mau-bao-cao").iterdir()] == [form.name]

    forced = invoke("generate-templates", "--force")
    assert forced.exit_code == 0, forced.output
    assert form.read_bytes().startswith(b"PK")
    assert len(list((in_tmp / "mau-bao-cao").iterdir())) == 28


def test_out_dir_that_is_a_file_exits_2(in_tmp: Path) -> None:
    (in_tmp / "mau").write_text("x", encoding="utf-8")
    result = invoke("generate-templates", "--out", "mau", "--agency", "BABE")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_out_dir_inside_a_file_exits_2_with_a_message(in_tmp: Path) -> None:
    (in_tmp / "tep").write_text("x", encoding="utf-8")
    result = invoke("generate-templates", "--out", "tep/mau", "--agency", "BABE")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "Không ghi được" in result.stderr


def test_a_list_of_communes_without_districts_asks_about_the_district_level(
    in_tmp: Path,
) -> None:
    """After 1 July 2025 a province's list has communes and no district, but the sample's
    levels still offer "Huyện" in every form (newcomer trial 2026-12-02, finding 4)."""
    listed = in_tmp / "ds.csv"
    listed.write_text(
        "STT,Tên đơn vị\n1,Sở Y tế\n2,UBND xã Mỹ Lâm\n3,UBND phường Minh Xuân\n", encoding="utf-8"
    )
    said = " ".join(invoke("init", "a", "--roster", str(listed)).stdout.split())
    assert 'sửa thành levels = ["Tỉnh", "Xã"] để mẫu Excel không còn cho chọn cấp huyện' in said
    listed.write_text(
        "STT,Tên đơn vị\n1,Sở Y tế\n2,UBND xã Mỹ Lâm\n3,UBND huyện Ba Bể\n", encoding="utf-8"
    )
    said = " ".join(invoke("init", "b", "--roster", str(listed)).stdout.split())
    assert "levels" not in said  # a district in the list: the level is still there


def test_the_sample_year_itself_or_an_earlier_one(in_tmp: Path) -> None:
    """`--year 2021` without --from is the sample as it is; an earlier year is refused in words
    that do not speak of a "last year's configuration" nobody gave (review 2026-12-02)."""
    same = invoke("init", "a", "--year", "2021")
    assert same.exit_code == 0, same.output
    assert config.load(in_tmp / "a" / "thd.toml").campaign.year == 2021
    assert "CẦN XÁC NHẬN" not in (in_tmp / "a" / "thd.toml").read_text(encoding="utf-8")
    earlier = invoke("init", "b", "--year", "2019")
    assert earlier.exit_code == 2
    said = " ".join(earlier.output.split())
    assert "Năm 2019 trước năm của cấu hình mẫu (2021)" in said
    assert "cấu hình năm trước (" not in said


def test_a_province_starting_from_the_sample_has_no_last_years_roster(in_tmp: Path) -> None:
    """Trial 2026-12-02f, finding 6: after `thd init --year 2026` (the sample, no --from), the
    province's own list was matched against the sample's Bắc Kạn districts: "UBND xã Ba Bể
    được đặt mã XABABE, không phải BABE, vì mã BABE của UBND huyện Ba Bể trong danh sách năm
    trước" for a list the province never had."""
    assert invoke("init", "dot", "--year", "2026").exit_code == 0
    roster = in_tmp / "danhsach.csv"
    roster.write_text("Tên đơn vị\nUBND xã Ba Bể\nUBND xã Chợ Rã\nSở Nội vụ\n", encoding="utf-8")
    for command in (
        ["roster", "import", str(roster), "--config", "dot/thd.toml"],
        ["init", "dot2", "--year", "2026", "--roster", str(roster)],
    ):
        result = invoke(*command)
        assert result.exit_code == 0, result.output
        assert "năm trước" not in result.output, result.output
    for made in ("dot/thd.toml", "dot2/thd.toml"):
        codes = {a.name: a.code for a in config.load(in_tmp / made).agencies}
        assert codes["UBND xã Ba Bể"] == "BABE"
