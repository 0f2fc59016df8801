"""The report's date: --date, else report_date in thd.toml, else today within the reporting
window of the campaign, else a refusal that asks for --date."""

from __future__ import annotations

from datetime import date

from thanghanhdong import config
from thanghanhdong.pipeline import REPORT_WINDOW_AFTER_DEADLINE, report_date


def _campaign(report_line: str = "") -> config.Campaign:
    text = config.default_config_text().replace("report_date = 2021-12-22\n", report_line)
    return config.parse(text, "thd.toml")


def test_the_shipped_configuration_dates_the_example_report_in_2021() -> None:
    assert report_date(None, config.load(None), date(2026, 12, 1)) == date(2021, 12, 22)


def test_date_option_wins_over_the_configuration() -> None:
    assert report_date(date(2021, 12, 30), config.load(None), date(2026, 1, 1)) == date(
        2021, 12, 30
    )


def test_report_date_may_be_written_under_issuer() -> None:
    text = config.default_config_text().replace("report_date = 2021-12-22\n", "")
    text = text.replace('archive = "', 'report_date = 2021-12-28\narchive = "')
    assert report_date(None, config.parse(text, "thd.toml"), date(2030, 1, 1)) == date(2021, 12, 28)


def test_today_within_the_window() -> None:
    campaign = _campaign()
    for today in (date(2021, 12, 15), date(2021, 12, 21), date(2022, 3, 1)):
        assert report_date(None, campaign, today) == today


def test_today_outside_the_window_is_refused_with_a_request_for_date() -> None:
    campaign = _campaign()
    late = (
        campaign.campaign.deadline + REPORT_WINDOW_AFTER_DEADLINE + (date(2, 1, 2) - date(2, 1, 1))
    )
    for today in (date(2021, 12, 1), late, date(2026, 12, 1)):
        answer = report_date(None, campaign, today)
        assert isinstance(answer, str)
        assert "--date" in answer and "report_date" in answer


def test_the_date_example_is_of_the_campaigns_year() -> None:
    # A first-time officer copies the example as it is: it had been 22/12/2021 for any year.
    text = _campaign_text_of_2026()
    answer = report_date(None, config.parse(text, "thd.toml"), date(2026, 12, 1))
    assert isinstance(answer, str)
    assert "ví dụ --date 20/12/2026," in answer and "2021" not in answer


def _campaign_text_of_2026() -> str:
    text = config.default_config_text().replace("report_date = 2021-12-22\n", "")
    for old, new in [("year = 2021", "year = 2026"), ("2021-", "2026-"), ("2021", "2026")]:
        text = text.replace(old, new)
    return text


def test_consolidate_without_a_date_outside_the_window_refuses_with_exit_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from typer.testing import CliRunner

    from thanghanhdong.cli import app

    campaign_text = config.default_config_text().replace("report_date = 2021-12-22\n", "")
    toml = tmp_path / "thd.toml"
    toml.write_text(campaign_text, encoding="utf-8")
    inbox = Path(__file__).parents[1] / "examples" / "inbox"
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--config", str(toml)]
    today = date.today()
    refused = CliRunner().invoke(app, args)
    if report_date(None, config.parse(campaign_text, "thd.toml"), today) == today:
        return  # run during the 2021 campaign's window: today is the date
    assert refused.exit_code == 2 and "--date" in refused.output and not out.exists()
    dated = CliRunner().invoke(app, [*args, "--date", "23/12/2021"])
    assert dated.exit_code == 0, dated.output
