"""Trial 11's mails. F1: an agency forwards the officer's own request mail (message/rfc822,
with the blank generated forms) beside its filled form: the forwarded mail's files are no
agency's answer, set aside with a note. F4: a report typed into the mail body, no file, from an
agency's roster address: that agency answered, unusably ("đã gửi, chưa hợp lệ"), not "chưa
gửi"; a mail with no file is named, with its sender, wherever thd warns about it."""

from __future__ import annotations

import io
import json
import re
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from thanghanhdong.cli import app

runner = CliRunner()
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ROSTER_EMAILS = {
    "SVHTTDL": "svhttdl@backan.gov.vn",
    "STTTT": "stttt@backan.gov.vn",
    "SNV": "snv@backan.gov.vn",
    "LDLD": "ldld@backan.gov.vn",
}
ISSUER = "binhdanggioi@backan.gov.vn"  # thd.toml [issuer] email, as `thd init` writes it


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`thd init`, the roster's e-mails typed into thd.toml, the blank forms generated."""
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "."]).exit_code == 0
    toml = tmp_path / "thd.toml"
    text = toml.read_text(encoding="utf-8")
    assert f'email = "{ISSUER}"' in text
    for code, email in ROSTER_EMAILS.items():
        text = text.replace(f'code = "{code}"\n', f'code = "{code}"\nemail = "{email}"\n', 1)
    toml.write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["generate-templates"]).exit_code == 0
    return tmp_path


def blank(project: Path, code: str) -> Path:
    return next((project / "mau-bao-cao").glob(f"2021_{code.lower()}_*.xlsx"))


def filled(project: Path, code: str) -> bytes:
    """The agency's generated form with one activity and its date, filled with openpyxl."""
    book = openpyxl.load_workbook(blank(project, code))
    sheet = book["1. Hoạt động"]
    for column, value in zip("BCDEF", ("Tập huấn", 2, 50, 90, "Tỉnh"), strict=True):
        sheet[f"{column}7"] = value
    book["Thông tin chung"]["B6"] = "16/12/2021"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def request_mail(project: Path, sender: str, *codes: str) -> EmailMessage:
    """The officer's request of 22/11, with the agencies' blank forms attached."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(ROSTER_EMAILS[c] for c in codes)
    message["Subject"] = "Đề nghị báo cáo Tháng hành động"
    message["Date"] = "Mon, 22 Nov 2021 08:00:00 +0700"
    message.set_content("Sở gửi mẫu báo cáo, đề nghị các đơn vị điền và gửi lại.")
    for code in codes:
        form = blank(project, code)
        message.add_attachment(form.read_bytes(), *XLSX, filename=form.name)
    return message


def forward(original: EmailMessage, form: bytes, form_name: str) -> bytes:
    """LĐLĐ's mail: its filled form, and the request forwarded as an attachment."""
    message = EmailMessage()
    message["From"] = "Liên đoàn Lao động tỉnh <ldld@backan.gov.vn>"
    message["To"] = ISSUER
    message["Subject"] = "Fwd: Đề nghị báo cáo Tháng hành động"
    message["Date"] = "Thu, 16 Dec 2021 09:00:00 +0700"
    message.set_content("LĐLĐ gửi báo cáo đã điền, kèm thư của Sở.")
    message.add_attachment(form, *XLSX, filename=form_name)
    message.add_attachment(original)
    return message.as_bytes()


def validate(project: Path, *mails: tuple[str, bytes]) -> tuple[dict, str, int]:
    for name, data in mails:
        (project / "inbox" / name).write_bytes(data)
    data = json.loads(runner.invoke(app, ["validate", "inbox", "--json"]).stdout)
    screen = runner.invoke(app, ["validate", "inbox"])
    return data, re.sub(r"\s+", " ", screen.stdout), screen.exit_code


def states(data: dict) -> dict[str, tuple[str, str]]:
    return {a["code"]: (a["state"], a["reason"]) for a in data["completeness"]["agencies"]}


def accounted(data: dict) -> list[str]:
    """Every member of the inbox's mails, as the report lists it: answers and other files."""
    return sorted(
        [Path(f["path"]).name for f in data["files"]]
        + [Path(o["path"]).name for o in data["others"]]
    )


def test_the_officers_request_forwarded_back_is_no_agencys_answer(project: Path) -> None:
    original = request_mail(project, f"Phòng BTXH <{ISSUER}>", "LDLD", "SNV")
    mail = forward(original, filled(project, "LDLD"), "BC LDLD.xlsx")
    data, screen, code = validate(project, ("Fwd De nghi bao cao.eml", mail))
    found = states(data)
    assert found["LDLD"][0] == "on_time"
    assert found["SNV"] == ("missing", "")  # Sở Nội vụ sent nothing
    assert code == 0 and data["summary"]["issues_error"] == 0
    codes = [i["code"] for f in data["files"] for i in f["issues"]]
    assert "sender_other_agency" not in codes and "empty_form" not in codes
    names = [f"Fwd De nghi bao cao.eml › {blank(project, c).name}" for c in ("LDLD", "SNV")]
    set_aside = {Path(o["path"]).name: o for o in data["others"]}
    for name in names:
        assert set_aside[name]["code"] == "mail_forwarded_original"
        assert "thư của cơ quan tổng hợp gửi đi" in set_aside[name]["note"]
        assert name in set_aside[name]["note"]  # the screen lists notes under the names
    assert accounted(data) == sorted(["Fwd De nghi bao cao.eml › BC LDLD.xlsx", *names])
    assert "thư của cơ quan tổng hợp gửi đi" in screen
    assert "Mẫu chưa điền gì" not in screen


def test_a_blank_form_in_a_forwarded_mail_is_set_aside_without_the_issuers_address(
    project: Path,
) -> None:
    """No [issuer] email in thd.toml, the request sent from the officer's own mailbox, and the
    agency's filled form bearing the blank form's very name: the blank one is set aside."""
    toml = project / "thd.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(f'email = "{ISSUER}"\n', ""), encoding="utf-8"
    )
    original = request_mail(project, "hanh.btxh@gmail.com", "LDLD", "SNV")
    name = blank(project, "LDLD").name
    mail = forward(original, filled(project, "LDLD"), name)
    data, _, code = validate(project, ("Fwd.eml", mail))
    found = states(data)
    assert found["LDLD"][0] == "on_time"
    assert found["SNV"] == ("missing", "")
    assert code == 0
    notes = [o["note"] for o in data["others"] if o["code"] == "mail_forwarded_original"]
    assert len(notes) == 2 and all("mẫu còn trống trong thư gốc" in n for n in notes)
    assert [Path(f["path"]).name for f in data["files"]] == [f"Fwd.eml › {name}"]
    assert len(accounted(data)) == 3


def body_mail(sender: str, plain: str, html: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ISSUER
    message["Subject"] = "=?utf-8?B?QsOhbyBjw6FvIFRIxJAgMjAyMQ==?="  # "Báo cáo THĐ 2021"
    message["Date"] = "Tue, 14 Dec 2021 08:30:00 +0700"
    message.set_content(plain)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message.as_bytes()


TABLE = (
    "<table border=1><tr><th>Nội dung</th><th>Số lượng</th><th>Nam</th><th>Nữ</th>"
    "<th>Cấp triển khai</th></tr><tr><td>Trang thông tin điện tử</td><td>25</td>"
    "<td>1.000</td><td>1.200</td><td>Tỉnh</td></tr></table>"
)


def test_a_report_in_the_mail_body_is_the_senders_unusable_answer(project: Path) -> None:
    plain = body_mail(
        "Văn phòng Sở VHTTDL <svhttdl@backan.gov.vn>",
        "Sở VHTTDL báo cáo: Hội thảo: 1 cuộc, 30 nam, 35 nữ, cấp Tỉnh.\n",
    )
    table = body_mail("stttt@backan.gov.vn", "Sở TTTT báo cáo (xem bảng).", TABLE)
    data, screen, code = validate(project, ("Bao cao SVHTTDL.eml", plain), ("STTTT.eml", table))
    found = states(data)
    for agency in ("SVHTTDL", "STTTT"):
        state, reason = found[agency]
        assert state == "unusable", agency
        assert "thân thư" in reason and "mẫu báo cáo" in reason
    assert not {"SVHTTDL", "STTTT"} & set(data["missing_agencies"])
    issues = {Path(f["path"]).name: [i["code"] for i in f["issues"]] for f in data["files"]}
    assert issues == {
        "Bao cao SVHTTDL.eml": ["mail_body_report"],
        "STTTT.eml": ["mail_body_report"],
    }
    assert "svhttdl@backan.gov.vn" in screen and code == 1


def test_a_mail_without_a_file_is_named_with_its_sender(project: Path) -> None:
    """A covering note with no file (no figures in it) stays a note, not an answer; the warning,
    printed under the list of other files, says which mail and who sent it."""
    note = body_mail("svhttdl@backan.gov.vn", "Sở xin gửi báo cáo vào ngày 20/12/2021.")
    stranger = body_mail("ai.do@gmail.com", "Gửi anh chị: 1 cuộc, 30 nam, 35 nữ.")
    data, screen, _ = validate(project, ("Thu SVHTTDL.eml", note), ("Thu la.eml", stranger))
    assert "SVHTTDL" in data["missing_agencies"]
    notes = {Path(o["path"]).name: o for o in data["others"]}
    assert notes["Thu SVHTTDL.eml"]["code"] == "mail_without_report"
    assert "“Thu SVHTTDL.eml” (gửi từ svhttdl@backan.gov.vn)" in notes["Thu SVHTTDL.eml"]["note"]
    assert "“Thu la.eml” (gửi từ ai.do@gmail.com)" in notes["Thu la.eml"]["note"]
    assert "Thư “Thu SVHTTDL.eml” (gửi từ svhttdl@backan.gov.vn) không kèm tệp" in screen
