"""The campaign configuration: the embedded default, discovery, and clear refusals of bad files.

Every bad configuration must end with exit status 2 and one Vietnamese sentence naming the
problem, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic_core import InitErrorDetails, ValidationError
from pydantic_core.core_schema import ErrorType
from typer.testing import CliRunner

from thanghanhdong import config
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign, ConfigError


def default_text() -> str:
    return config.default_config_text()


def edited(old: str, new: str) -> str:
    """The default configuration with one exact piece of text replaced."""
    text = default_text()
    assert text.count(old) == 1, f"{old!r} is not in the default configuration exactly once"
    return text.replace(old, new)


def generate_with(tmp_path: Path, text: str | bytes):  # type: ignore[no-untyped-def]
    path = tmp_path / "thd.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    out_dir = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["generate-templates", "--config", str(path), "--out", str(out_dir)]
    )
    return result, out_dir


# --------------------------------------------------------------------------- the default


def test_default_is_bac_kan_2021_with_28_agencies(campaign: Campaign) -> None:
    info = campaign.campaign
    assert (info.id, info.year, info.plan_number) == ("bac-kan-2021", 2021, "622/KH-UBND")
    assert (info.period_start.isoformat(), info.period_end.isoformat()) == (
        "2021-11-15",
        "2021-12-15",
    )
    assert info.deadline.isoformat() == "2021-12-20"
    assert len(campaign.agencies) == 28
    assert campaign.catalogues.levels == ["Tỉnh", "Huyện", "Xã"]
    assert campaign.agency("babe") is not None
    assert campaign.agency_by_name("Huyện Ba Be") == campaign.agency("BABE")


def test_default_text_parses_to_the_same_campaign(campaign: Campaign) -> None:
    assert config.parse(default_text(), "thd.toml") == campaign


def test_config_with_byte_order_mark_loads(tmp_path: Path) -> None:
    # Notepad on Windows may save "UTF-8 with BOM".
    path = tmp_path / "thd.toml"
    path.write_bytes(b"\xef\xbb\xbf" + default_text().encode("utf-8"))
    assert config.load(path).campaign.year == 2021


# --------------------------------------------------------------------------- bad files

BAD_CONFIGS = {
    "toml_syntax": (
        lambda: edited("[campaign]", "[campaign"),
        "sai cú pháp TOML",
    ),
    "missing_year": (
        lambda: edited("year = 2021\n", ""),
        "khóa 'campaign.year': thiếu khóa bắt buộc",
    ),
    "duplicate_code": (
        lambda: edited('code = "BBK"', 'code = "babe"'),
        "khóa 'agencies': mã đơn vị 'BABE' bị trùng (khối [[agencies]] và khối [[agencies]]): "
        "sửa một trong hai mã.",
    ),
    "deadline_before_start": (
        lambda: edited("deadline = 2021-12-20", "deadline = 2021-11-01"),
        "khóa 'campaign.deadline': hạn báo cáo trước ngày bắt đầu Tháng hành động.",
    ),
    "end_before_start": (
        lambda: edited("period_end = 2021-12-15", "period_end = 2021-11-01"),
        "khóa 'campaign.period_end': ngày kết thúc trước ngày bắt đầu",
    ),
    "date_as_text": (
        lambda: edited("deadline = 2021-12-20", 'deadline = "20/12/2021"'),
        "khóa 'campaign.deadline': ngày phải viết dạng NĂM-THÁNG-NGÀY",
    ),
    "year_not_a_number": (
        lambda: edited("year = 2021", 'year = "hai nghìn"'),
        "khóa 'campaign.year': phải là số nguyên",
    ),
    "misspelt_key": (
        lambda: edited("deadline = 2021-12-20", "deadline = 2021-12-20\ndeadlin = 2021-12-20"),
        "khóa 'campaign.deadlin': khóa không được hỗ trợ",
    ),
    "code_with_path": (
        lambda: edited('code = "BBK"', 'code = "../BBK"'),
        "khóa 'agencies[6].code': chỉ được dùng chữ không dấu",
    ),
    "empty_roster": (
        lambda: "agencies = []\n" + default_text().split("[[agencies]]")[0],
        "khóa 'agencies': không được để trống",
    ),
    "bad_group": (
        lambda: edited(
            'group = "province"\n\n[[agencies]]\ncode = "HLHPN"',
            'group = "tinh"\n\n[[agencies]]\ncode = "HLHPN"',
        ),
        "chỉ nhận 'province', 'district' hoặc 'commune'",
    ),
    "group_as_number": (
        lambda: edited(
            'group = "province"\n\n[[agencies]]\ncode = "HLHPN"',
            'group = 1\n\n[[agencies]]\ncode = "HLHPN"',
        ),
        "khóa 'agencies[1].group': chỉ nhận 'province', 'district' hoặc 'commune' (đang ghi: 1).",
    ),
    "levels_not_a_list": (
        lambda: edited('levels = ["Tỉnh", "Huyện", "Xã"]', 'levels = "Tỉnh"'),
        "khóa 'catalogues.levels': phải là danh sách trong dấu ngoặc vuông",
    ),
    "levels_empty": (
        lambda: edited('levels = ["Tỉnh", "Huyện", "Xã"]', "levels = []"),
        "khóa 'catalogues.levels': không được để trống",
    ),
    "level_blank": (
        lambda: edited('levels = ["Tỉnh", "Huyện", "Xã"]', 'levels = ["Tỉnh", " "]'),
        "khóa 'catalogues.levels[2]': không được để trống",
    ),
    "levels_loosely_duplicated": (
        lambda: edited('levels = ["Tỉnh", "Huyện", "Xã"]', 'levels = ["Tỉnh", "Huyện", "tinh"]'),
        "khóa 'catalogues.levels': mục 'tinh' trùng với mục 'Tỉnh'",
    ),
    "activity_written_twice": (
        lambda: edited('  "Tọa đàm",\n', '  "Tọa đàm",\n  "Tọa đàm",\n'),
        "khóa 'catalogues.activities': mục 'Tọa đàm' được ghi hai lần",
    ),
    "media_loosely_duplicated": (
        lambda: edited('  "Báo in",\n', '  "Báo in",\n  "bao  IN",\n'),
        "khóa 'catalogues.media': mục 'bao  IN' trùng với mục 'Báo in'",
    ),
    "agency_name_as_number": (
        lambda: edited('name = "Sở Y tế"', "name = 5"),
        "khóa 'agencies[11].name': phải là chữ đặt trong dấu ngoặc kép (đang ghi: 5).",
    ),
    "plan_number_without_quotes": (
        lambda: edited('plan_number = "622/KH-UBND"', "plan_number = 622"),
        "khóa 'campaign.plan_number': phải là chữ đặt trong dấu ngoặc kép (đang ghi: 622).",
    ),
    "place_as_boolean": (
        lambda: edited('place = "Bắc Kạn"', "place = true"),
        "khóa 'issuer.place': phải là chữ đặt trong dấu ngoặc kép (đang ghi: true).",
    ),
    "year_too_early": (
        lambda: edited("year = 2021", "year = 1999"),
        "khóa 'campaign.year': phải từ 2000 trở lên (đang ghi: 1999).",
    ),
    "year_with_fraction": (
        lambda: edited("year = 2021", "year = 2021.5"),
        "khóa 'campaign.year': phải là số nguyên",
    ),
    "year_as_decimal": (
        lambda: edited("year = 2021", "year = 2021.0"),
        "khóa 'campaign.year': phải là số nguyên",
    ),
    "rows_per_table_too_many": (
        lambda: edited("rows_per_table = 30", "rows_per_table = 100000"),
        "khóa 'campaign.rows_per_table': không được lớn hơn 500 (đang ghi: 100000).",
    ),
    "population_infinite": (
        lambda: edited("population = 324353", "population = 1e400"),
        "khóa 'campaign.population': phải là số nguyên",
    ),
    "population_as_boolean": (
        lambda: edited("population = 324353", "population = true"),
        "khóa 'campaign.population': phải là số nguyên, viết không có dấu ngoặc kép (đang ghi: true).",
    ),
    "population_zero": (
        lambda: edited("population = 324353", "population = 0"),
        "khóa 'campaign.population': phải lớn hơn 0",
    ),
    "deadline_with_time": (
        lambda: edited("deadline = 2021-12-20", "deadline = 2021-12-20T10:00:00"),
        "khóa 'campaign.deadline': chỉ ghi ngày, không ghi giờ",
    ),
    "deadline_as_time": (
        lambda: edited("deadline = 2021-12-20", "deadline = 10:00:00"),
        "khóa 'campaign.deadline': ngày phải viết dạng NĂM-THÁNG-NGÀY",
    ),
    "code_too_long": (
        lambda: edited('code = "BBK"', f'code = "{"B" * 41}"'),
        "khóa 'agencies[6].code': không được dài quá 40 ký tự",
    ),
    "campaign_not_a_table": (
        lambda: edited("[campaign]\n", "campaign = 5\n[unused]\n"),
        "khóa 'campaign': phải là một khối gồm các dòng khóa = giá trị",
    ),
}

# Words of pydantic's own English messages ("Input should be a valid list", "Value error, ...").
ENGLISH = re.compile(r"\b(Input|should|valid|Value error|Field required|Extra inputs)\b")


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_bad_config_exits_2_with_a_vietnamese_message(case: str, tmp_path: Path) -> None:
    make_text, message = BAD_CONFIGS[case]
    result, out_dir = generate_with(tmp_path, make_text())
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert result.stderr.startswith("Lỗi: Tệp cấu hình ")
    assert message in without_lines(result.stderr)
    assert not ENGLISH.search(result.stderr), result.stderr
    assert result.stderr.count("khóa '") <= 1, "the key is named once"
    assert not out_dir.exists()


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_bad_config_raises_config_error_from_the_library(case: str) -> None:
    make_text, message = BAD_CONFIGS[case]
    with pytest.raises(ConfigError) as raised:
        config.parse(make_text(), "thd.toml")
    assert message in without_lines(str(raised.value))


def without_lines(message: str) -> str:
    """The message without the line numbers it names (test_messages_name_the_line has them)."""
    return re.sub(r" ở dòng \d+", "", message)


def test_messages_name_the_line_and_the_nearest_key() -> None:
    """Trial 2026-12-01c, finding 9: the line of the key, the two lines of a code written twice,
    and the key a misspelt one is closest to."""
    text = edited("deadline = 2021-12-20", "deadline = 2021-12-20\ndeadlne = 2021-12-21")
    line = text.splitlines().index("deadlne = 2021-12-21") + 1
    with pytest.raises(ConfigError) as raised:
        config.parse(text, "thd.toml")
    assert f"khóa 'campaign.deadlne' ở dòng {line}: khóa không được hỗ trợ" in str(raised.value)
    assert "có lẽ định viết 'deadline'." in str(raised.value)
    text = edited('code = "BBK"', 'code = "babe"')
    lines = [i + 1 for i, t in enumerate(text.splitlines()) if t.lower() == 'code = "babe"']
    with pytest.raises(ConfigError) as raised:
        config.parse(text, "thd.toml")
    assert (
        f"bị trùng (khối [[agencies]] ở dòng {lines[0]} và khối [[agencies]] ở dòng {lines[1]}): "
        "sửa một trong hai mã."
    ) in " ".join(str(raised.value).split())


def test_quoted_iso_date_is_read_as_a_date() -> None:
    campaign = config.parse(edited("deadline = 2021-12-20", 'deadline = "2021-12-20"'), "thd.toml")
    assert campaign.campaign.deadline.isoformat() == "2021-12-20"


# Enough context for any pydantic error type to be built, so each one can be described.
ANY_CONTEXT: dict[str, Any] = {
    "attribute": "x",
    "error": "boom",
    "method_name": "x",
    "class_name": "X",
    "class": "X",
    "gt": 1,
    "ge": 1,
    "lt": 1,
    "le": 1,
    "multiple_of": 2,
    "field_type": "List",
    "actual_length": 3,
    "min_length": 2,
    "max_length": 2,
    "pattern": "x",
    "expected": "'a' or 'b'",
    "encoding": "utf-8",
    "encoding_error": "boom",
    "tz_expected": 0,
    "tz_actual": 1,
    "discriminator": "d",
    "expected_tags": "'a'",
    "tag": "t",
    "expected_schemes": "'http'",
    "expected_version": 4,
    "max_digits": 1,
    "decimal_places": 1,
    "whole_digits": 1,
}


@pytest.mark.parametrize("kind", [k for k in get_args(ErrorType) if k != "value_error"])
def test_every_pydantic_error_type_is_told_in_vietnamese(kind: str) -> None:
    error: InitErrorDetails = {
        "type": kind,
        "loc": ("agencies", 2, "code"),
        "input": "x",
        "ctx": ANY_CONTEXT,
    }
    exc = ValidationError.from_exception_data("Campaign", [error])
    english = exc.errors(include_url=False)[0]["msg"]
    described = config._describe(exc)
    assert described.startswith("khóa 'agencies[3].code': ")
    assert english not in described
    assert not ENGLISH.search(described), described


def test_unmapped_error_type_falls_back_to_a_generic_sentence() -> None:
    exc = ValidationError.from_exception_data(
        "Campaign", [{"type": "uuid_type", "loc": ("campaign", "id"), "input": 7}]
    )
    assert config._describe(exc) == "khóa 'campaign.id': giá trị không hợp lệ (đang ghi: 7)."


def test_config_not_utf8_exits_2(tmp_path: Path) -> None:
    result, _ = generate_with(tmp_path, default_text().encode("cp1258", errors="replace"))
    assert result.exit_code == 2
    assert "không phải UTF-8" in result.stderr
    assert "Traceback" not in result.output


def test_missing_config_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["generate-templates", "--config", str(tmp_path / "khong-co.toml")]
    )
    assert result.exit_code == 2
    assert "Không tìm thấy tệp cấu hình" in result.stderr
    assert "Traceback" not in result.output


def test_config_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["generate-templates", "--config", str(tmp_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- discovery


def test_discover_prefers_explicit_then_local_then_default(tmp_path: Path) -> None:
    assert config.discover(None, cwd=tmp_path) is None
    local = tmp_path / "thd.toml"
    local.write_text(default_text(), encoding="utf-8")
    assert config.discover(None, cwd=tmp_path) == local
    explicit = tmp_path / "other.toml"
    assert config.discover(explicit, cwd=tmp_path) == explicit


def test_local_thd_toml_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "thd.toml").write_text(
        edited("year = 2021", "year = 2022").replace("bac-kan-2021", "bac-kan-2022"),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["generate-templates", "--agency", "BABE"])
    assert result.exit_code == 0, result.output
    assert f"Dùng cấu hình {Path.cwd() / 'thd.toml'}." in result.stderr
    assert [p.name for p in (tmp_path / "mau-bao-cao").iterdir()] == [
        "2022_babe_ubnd-huyen-ba-be.xlsx"
    ]


def test_explicit_config_wins_over_local(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "thd.toml").write_text(edited("[campaign]", "[campaign"), encoding="utf-8")
    explicit = tmp_path / "nam-2023.toml"
    explicit.write_text(edited("year = 2021", "year = 2023"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["generate-templates", "--config", str(explicit), "--agency", "BABE"]
    )
    assert result.exit_code == 0, result.output
    assert f"Dùng cấu hình {explicit}" in result.stderr
    assert (tmp_path / "mau-bao-cao" / "2023_babe_ubnd-huyen-ba-be.xlsx").is_file()


def test_embedded_default_is_announced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["generate-templates", "--agency", "BABE"])
    assert result.exit_code == 0, result.output
    assert "Dùng cấu hình mặc định (Bắc Kạn 2021)" in result.stderr


def test_a_quoted_paper_date_gets_the_same_advice_as_an_unquoted_one() -> None:
    text = config.default_config_text().replace("deadline = 2021-12-20", 'deadline = "20/12/2021"')
    with pytest.raises(ConfigError, match=r"khóa 'campaign.deadline'.*hãy viết 2021-12-20\."):
        config.parse(text, "thd.toml")
