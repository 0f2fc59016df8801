"""Next year's campaign from last year's thd.toml, the year checks, and dates typed wrongly."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thanghanhdong import campaigns, config
from thanghanhdong.campaigns import MARK, RolledConfig
from thanghanhdong.cli import app
from thanghanhdong.config import ConfigError
from thanghanhdong.tomltext import scan


def default_text() -> str:
    return config.default_config_text()


def edited(old: str, new: str, text: str | None = None) -> str:
    text = default_text() if text is None else text
    assert text.count(old) == 1, old
    return text.replace(old, new)


def rolled(text: str | None = None, year: int = 2022) -> RolledConfig:
    return campaigns.roll_forward(default_text() if text is None else text, year)


# What a roll asks the officer to confirm: the plan's number, date and theme, and the bodies the
# report goes to (renamed and merged: in 2025 the ministry and every district).
ROLLED_KEYS = [
    "campaign.plan_number",
    "campaign.plan_date",
    "campaign.theme",
    "issuer.recipients",
    "issuer.distribution",
]
ROLLED_LIST = "[" + ", ".join(f'"{key}"' for key in ROLLED_KEYS) + "]"


# --------------------------------------------------------------------------- roll forward


def test_roll_2021_to_2022_moves_every_date_and_the_id() -> None:
    result = rolled()
    info = config.parse(result.text, "thd.toml").campaign
    assert (info.year, info.id, result.previous_year) == (2022, "bac-kan-2022", 2021)
    assert (info.period_start, info.period_end) == (date(2022, 11, 15), date(2022, 12, 15))
    assert info.deadline == date(2022, 12, 20)
    assert info.plan_date == date(2022, 10, 18)
    assert info.plan_number == "622/KH-UBND"
    assert result.to_confirm == ROLLED_KEYS
    assert campaigns.describe_keys([*result.to_confirm[:1], "issuer.x"]) == [
        "campaign.plan_number (số Kế hoạch triển khai)",
        "issuer.x",
    ]


def test_roster_catalogues_and_issuer_are_kept() -> None:
    old, new = config.load(None), config.parse(rolled().text, "thd.toml")
    assert (new.agencies, new.catalogues, new.issuer) == (old.agencies, old.catalogues, old.issuer)
    assert new.campaign.theme == old.campaign.theme
    assert new.campaign.population == old.campaign.population


def test_every_comment_and_line_is_kept_in_order() -> None:
    old_lines, new_lines = default_text().split("\n"), rolled().text.split("\n")
    remaining = iter(new_lines)
    for line in old_lines:
        if line.lstrip().startswith("#") or not line.strip():
            assert line in remaining, f"comment or blank line lost: {line!r}"
    # Only year-bound lines changed; the three to_confirm lines were added.
    changed = [line for line in old_lines if line not in new_lines]
    assert {line.split("=")[0].strip() for line in changed} == {
        "id",
        "year",
        "theme",
        "plan_number",
        "plan_date",
        "period_start",
        "period_end",
        "deadline",
        "report_date",
        "recipients",  # marked (a comment after the value), values kept
        "distribution",
    }
    assert len(new_lines) == len(old_lines) + 3


def test_no_old_year_left_in_any_value_unless_marked_to_confirm() -> None:
    text = edited(
        '"UBND các huyện, thành phố"]',
        '"UBND các huyện, thành phố", "Ban Chỉ đạo năm 2021"]',
    )
    result = rolled(text)
    doc = scan(result.text)
    for statement in doc.statements:
        if "2021" in repr(statement.value):
            assert statement.path in result.to_confirm, statement.path
            assert MARK in doc.lines[statement.start]
    assert "issuer.distribution" in result.to_confirm
    assert config.parse(result.text, "thd.toml").issuer.distribution[-1] == "Ban Chỉ đạo năm 2021"


def test_multi_line_value_naming_the_old_year_is_marked_above() -> None:
    text = edited('  "Báo in",\n', '  "Báo in",\n  "Bản tin năm 2021",\n')
    result = rolled(text)
    lines = result.text.split("\n")
    media = lines.index("media = [")
    assert lines[media - 1] == f"# {MARK}: giá trị chép từ năm 2021"
    assert "catalogues.media" in result.to_confirm
    assert "Bản tin năm 2021" in config.parse(result.text, "thd.toml").catalogues.items("media")


def test_deadline_in_next_january_keeps_its_offset() -> None:
    text = edited("deadline = 2021-12-20", "deadline = 2022-01-05")
    assert config.year_warnings(config.parse(text, "thd.toml")) == []
    new = config.parse(rolled(text).text, "thd.toml")
    assert new.campaign.deadline == date(2023, 1, 5)
    assert config.year_warnings(new) == []


def test_quoted_dates_stay_quoted_and_trailing_comments_stay() -> None:
    text = edited("deadline = 2021-12-20", 'deadline = "2021-12-20"   # hạn của Sở')
    text = edited("plan_date = 2021-10-18", "plan_date = 2021-10-18 # ngày ký", text)
    lines = rolled(text).text.split("\n")
    assert 'deadline = "2022-12-20"   # hạn của Sở' in lines
    plan = next(line for line in lines if line.startswith("plan_date"))
    assert plan.startswith(f"plan_date = 2022-10-18  # {MARK}: ")
    assert plan.endswith(" — ngày ký")


def test_leap_day_moves_to_28_february() -> None:
    text = edited("year = 2021", "year = 2024")
    text = re.sub(r"2021-(\d\d-\d\d)", r"2024-\1", text).replace("bac-kan-2021", "bac-kan-2024")
    text = edited("plan_date = 2024-10-18", "plan_date = 2024-02-29", text)
    assert config.parse(rolled(text, 2025).text, "thd.toml").campaign.plan_date == date(2025, 2, 28)


def test_id_without_a_year_gets_the_new_year() -> None:
    text = edited('id = "bac-kan-2021"', 'id = "bac-kan"')
    assert config.parse(rolled(text).text, "thd.toml").campaign.id == "bac-kan-2022"


def test_rolling_twice_does_not_stack_marks_or_keys() -> None:
    twice = rolled(rolled().text, 2023)
    assert twice.to_confirm == ROLLED_KEYS
    assert twice.text.count(f"{MARK}:") == 5
    assert twice.text.count("to_confirm = ") == 1
    info = config.parse(twice.text, "thd.toml").campaign
    assert (info.id, info.year, info.deadline) == ("bac-kan-2023", 2023, date(2023, 12, 20))
    doc = scan(twice.text)
    for statement in doc.statements:
        if re.search("2021|2022", repr(statement.value)):
            assert statement.path in twice.to_confirm, statement.path


def test_an_unconfirmed_key_left_from_last_year_is_kept() -> None:
    first = rolled()
    kept = first.text.replace(
        ROLLED_LIST,
        '["issuer.signer_name"]',
    )
    assert rolled(kept, 2023).to_confirm[-1] == "issuer.signer_name"


def test_the_bodies_the_report_goes_to_are_asked_about_with_their_names() -> None:
    """Last year's "Kính gửi" and "Nơi nhận" named "Bộ Lao động - Thương binh và Xã hội" and
    "UBND các huyện, thành phố" after the 2025 merger (trial 2026-12-02a): each roll marks them,
    and the reminder shows what is written; an empty list is not asked about."""
    result = rolled()
    campaign = config.parse(result.text, "thd.toml")
    warnings = dict(
        zip(
            campaigns.unchanged_from_last_year(campaign),
            campaigns.confirm_warnings(campaign),
            strict=True,
        )
    )
    assert (
        "(đang ghi: Ủy ban nhân dân tỉnh Bắc Kạn; Bộ Lao động - Thương binh"
        in warnings["issuer.recipients"]
    )
    assert "issuer.distribution" in warnings
    line = next(x for x in result.text.splitlines() if x.startswith("recipients = "))
    assert f"# {MARK}: cơ quan nhận của năm 2021" in line
    without = edited(
        next(x for x in default_text().splitlines() if x.startswith("distribution = ")),
        "distribution = []",
    )
    assert "issuer.distribution" not in rolled(without).to_confirm


@pytest.mark.parametrize("year", [2021, 2020])
def test_year_not_after_the_old_one_is_refused(year: int) -> None:
    with pytest.raises(ConfigError, match="phải sau năm 2021"):
        rolled(year=year)


def test_broken_old_config_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="sai cú pháp TOML"):
        rolled(edited("[campaign]", "[campaign"))


def test_key_written_inline_cannot_be_rolled_and_says_which() -> None:
    text = edited("year = 2021\n", "").replace("[campaign]\n", "[campaign]\nyear = 2021; \n")
    with pytest.raises(ConfigError):
        rolled(text)
    inline = edited("plan_date = 2021-10-18\n", "").replace("[issuer]", "[campaign.x]\n[issuer]", 1)
    with pytest.raises(ConfigError):
        rolled(inline)


# --------------------------------------------------------------------------- to confirm


def test_keys_to_confirm_are_detected_after_load_until_removed() -> None:
    campaign = config.parse(rolled().text, "thd.toml")
    assert campaigns.unchanged_from_last_year(campaign) == ROLLED_KEYS
    warnings = campaigns.confirm_warnings(campaign)
    assert warnings[0].startswith("Khóa 'campaign.plan_number' chép từ cấu hình năm trước")
    assert "(đang ghi: 622/KH-UBND)" in warnings[0]
    assert "campaign.to_confirm" in warnings[0]
    confirmed = rolled().text.replace(ROLLED_LIST, "[]")
    assert campaigns.unchanged_from_last_year(config.parse(confirmed, "thd.toml")) == []
    assert campaigns.unchanged_from_last_year(config.load(None)) == []


def test_rolled_config_generates_forms_of_the_new_year(tmp_path: Path) -> None:
    path = tmp_path / "thd.toml"
    path.write_text(rolled().text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["generate-templates", "--config", str(path), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 28 and all(name.startswith("2022_") for name in names)


# --------------------------------------------------------------------------- year checks


def test_year_changed_alone_warns_for_every_key() -> None:
    campaign = config.parse(edited("year = 2021", "year = 2022"), "thd.toml")
    warnings = config.year_warnings(campaign)
    keys = [re.search(r"Khóa '([^']+)'", w).group(1) for w in warnings]  # type: ignore[union-attr]
    assert keys == [
        "campaign.plan_date",
        "campaign.period_start",
        "campaign.period_end",
        "campaign.deadline",
        "campaign.id",
    ]
    assert "là 20/12/2021, không thuộc năm 2022 hay tháng 1 năm 2023" in warnings[3]
    assert 'đổi thành "bac-kan-2022"' in warnings[4]


def test_deadline_in_february_of_next_year_warns() -> None:
    campaign = config.parse(edited("deadline = 2021-12-20", "deadline = 2022-02-01"), "thd.toml")
    assert [w[:25] for w in config.year_warnings(campaign)] == ["Khóa 'campaign.deadline' "]


def test_default_and_rolled_have_no_year_warnings() -> None:
    assert config.year_warnings(config.load(None)) == []
    assert config.year_warnings(config.parse(rolled().text, "thd.toml")) == []


# --------------------------------------------------------------------------- dates typed wrongly


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("20/12/2022", "; hãy viết 2022-12-20."),
        ("20.12.2022", "; hãy viết 2022-12-20."),
        ("20-12-2022", "; hãy viết 2022-12-20."),
        ("2022/12/20", "; hãy viết 2022-12-20."),
        ("2022-12-1", "; hãy viết 2022-12-01."),
        ("31/02/2022", "."),
    ],
)
def test_date_typed_without_iso_format_names_the_key(typed: str, hint: str) -> None:
    text = edited("deadline = 2021-12-20", f"deadline = {typed}")
    with pytest.raises(ConfigError) as caught:
        config.parse(text, "thd.toml")
    message = str(caught.value)
    assert message.startswith("Tệp cấu hình thd.toml: khóa 'campaign.deadline' ở dòng 28: ")
    assert "ngày phải viết dạng NĂM-THÁNG-NGÀY" in message
    assert f"(đang ghi: {typed}){hint}" in message
    assert "cú pháp TOML" not in message


def test_date_typo_in_an_agency_block_names_the_block() -> None:
    text = edited('code = "BBK"', 'code = "BBK"\nsince = 01/01/2020')
    with pytest.raises(ConfigError, match=r"khóa 'agencies\[6\]\.since' ở dòng"):
        config.parse(text, "thd.toml")


def test_other_syntax_errors_still_speak_of_toml() -> None:
    with pytest.raises(ConfigError, match="sai cú pháp TOML ở dòng 28"):
        config.parse(edited("deadline = 2021-12-20", "deadline = 20 12 2022"), "thd.toml")


def test_unquoted_date_message_reaches_the_officer_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "thd.toml"
    path.write_text(edited("deadline = 2021-12-20", "deadline = 20/12/2022"), encoding="utf-8")
    result = CliRunner().invoke(app, ["generate-templates", "--config", str(path)])
    assert result.exit_code == 2
    assert "khóa 'campaign.deadline' ở dòng 28" in result.stderr
    assert "hãy viết 2022-12-20" in result.stderr
    assert "Traceback" not in result.output
