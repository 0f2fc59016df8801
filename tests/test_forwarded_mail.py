"""A forwarded e-mail (the agency's mail attached as message/rfc822 inside the office's
forward): its attachments are dated by the innermost mail, finding 14 of the 2026-12-01 trial."""

from __future__ import annotations

import json
import shutil
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from cases import filled
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.template import FormStamper

OTHER = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01" / "repro" / "other"
TZ = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01b" / "repro" / "tz"
runner = CliRunner()


def message(sender: str, subject: str, day: str) -> EmailMessage:
    mail = EmailMessage(policy=policy.SMTP)
    mail["From"] = sender
    mail["Subject"] = subject
    mail["Date"] = day
    mail.set_content("Kính gửi Sở Lao động - Thương binh và Xã hội.")
    return mail


def forwarded(form: bytes, *, depth: int = 1) -> bytes:
    """The agency's mail of 19/12 (on time), forwarded `depth` times from 22/12 on (late)."""
    inner = message(
        "Tỉnh đoàn Bắc Kạn <tinhdoan@backan.gov.vn>", "Báo cáo", "Sun, 19 Dec 2021 16:00:00 +0700"
    )
    inner.add_attachment(
        form,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="Báo cáo Tỉnh đoàn.xlsx",
    )
    for number in range(depth):
        outer = message(
            "Văn thư <vanthu@backan.gov.vn>",
            "Fwd: Báo cáo",
            f"Wed, {22 + number} Dec 2021 09:00:00 +0700",
        )
        outer.add_attachment(inner)
        inner = outer
    return inner.as_bytes()


def _direct_answer(tmp_path: Path, campaign: Campaign, stamper: FormStamper, header: str) -> dict:
    """Tỉnh đoàn's form mailed by Tỉnh đoàn itself with this Date header, as validate sees it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    mail = message("Tỉnh đoàn <tinhdoan@backan.gov.vn>", "Báo cáo", header)
    mail.add_attachment(
        filled(campaign, stamper, code="TDOAN"),
        maintype="application",
        subtype="octet-stream",
        filename="tdoan.xlsx",
    )
    (inbox / "thu.eml").write_bytes(mail.as_bytes())
    [answer] = validate_json(inbox)["files"]
    return answer


def validate_json(inbox: Path) -> dict:
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    return json.loads(result.stdout)


def test_a_forwarded_answer_is_dated_by_the_agencys_mail(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    form = filled(campaign, stamper, code="TDOAN")
    (inbox / "Fwd bao cao.eml").write_bytes(forwarded(form))
    (inbox / "Fwd Fwd bao cao.eml").write_bytes(forwarded(form, depth=2))
    data = validate_json(inbox)
    found = {Path(f["path"]).name: (f["received"], f["late"]) for f in data["files"]}
    assert found == {"Fwd Fwd bao cao.eml › Báo cáo Tỉnh đoàn.xlsx": ("2021-12-19", False)}
    for f in data["files"]:
        assert "late_received" not in [i["code"] for i in f["issues"]]
    # The other forward holds the same bytes: a copy, not another answer.
    assert [Path(a["path"]).name for a in data["attachments"]] == [
        "Fwd bao cao.eml › Báo cáo Tỉnh đoàn.xlsx"
    ]


def test_a_mail_sent_late_by_the_agency_stays_late(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    answer = _direct_answer(tmp_path, campaign, stamper, "Wed, 22 Dec 2021 09:00:00 +0700")
    assert (answer["received"], answer["late"]) == ("2021-12-22", True)


def test_the_trials_forwarded_mail(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(OTHER / "Chuyen tiep 19-12 (thu dinh kem).eml", inbox)
    [answer] = validate_json(inbox)["files"]
    assert answer["agency_code"] == "TDOAN"
    assert (answer["received"], answer["late"]) == ("2021-12-19", False)
    assert "21/12/2021" not in json.dumps(answer["issues"], ensure_ascii=False)


@pytest.mark.parametrize(
    ("header", "received", "late"),
    [
        ("Tue, 21 Dec 2021 00:30:00 +0700", "2021-12-21", True),
        ("Mon, 20 Dec 2021 17:30:00 +0000", "2021-12-21", True),  # the same instant, in UTC
        ("Mon, 20 Dec 2021 17:30:00 -0000", "2021-12-21", True),  # UTC, sender's zone unknown
        ("Sun, 19 Dec 2021 18:00:00 -0800", "2021-12-20", False),  # 09:00 on the 20th here
        ("Mon, 20 Dec 2021 16:59:00 +0000", "2021-12-20", False),  # 23:59 on the deadline
    ],
)
def test_a_mail_is_dated_in_vietnamese_time_whatever_zone_its_server_wrote(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, header: str, received: str, late: bool
) -> None:
    """Trial 2026-12-01b, finding 1: the deadline (20/12) is a day in Vietnam."""
    answer = _direct_answer(tmp_path, campaign, stamper, header)
    assert (answer["received"], answer["late"]) == (received, late)


def test_the_trials_two_spellings_of_one_instant(tmp_path: Path) -> None:
    for spelling in ("thu-0700.eml", "thu-0000.eml"):
        inbox = tmp_path / spelling
        inbox.mkdir()
        shutil.copy(TZ / spelling, inbox)
        [answer] = validate_json(inbox)["files"]
        assert (answer["received"], answer["late"]) == ("2021-12-21", True), spelling
