"""An e-mail answer thd cannot use (winmail.dat, an encrypted mail, a scan, a report naming no
agency) whose file's name names no agency is tied to the agency by the mail's sender: the
roster's `email` (thd.toml, written after `thd init`) that the From, Sender or Reply-To is,
exactly. A form naming its own agency wins over its sender, with a warning naming both."""

from __future__ import annotations

import io
import json
import re
import shutil
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from cases import filled
from PIL import Image
from test_mail_variety import tnef
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.template import FormStamper

DATA = Path(__file__).parent / "data" / "msg"
ROSTER_EMAILS = {
    "TDOAN": "TinhDoan@BacKan.gov.vn",
    "STP": "vanthu.stp@backan.gov.vn; stp@backan.gov.vn",
    "SYT": "PeterPan@Neverland.com",  # the sender of tests/data/msg/EmailWithAttachments.msg
}
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`thd init`, then the roster's e-mails typed into thd.toml as an officer would."""
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "."]).exit_code == 0
    toml = tmp_path / "thd.toml"
    text = toml.read_text(encoding="utf-8")
    for code, email in ROSTER_EMAILS.items():
        text = text.replace(f'code = "{code}"\n', f'code = "{code}"\nemail = "{email}"\n', 1)
    toml.write_text(text, encoding="utf-8")
    return tmp_path


def mail(sender: str, *attachments: tuple[bytes, str, str, str], **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message["To"] = "binhdanggioi@backan.gov.vn"
    message["Subject"] = "Báo cáo Tháng hành động vì bình đẳng giới"
    message["Date"] = "Sun, 19 Dec 2021 16:00:00 +0700"
    message.set_content("Kính gửi Sở Lao động - Thương binh và Xã hội.")
    for data, maintype, subtype, filename in attachments:
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def validate(project: Path, *mails: tuple[str, bytes]) -> tuple[dict, str]:
    inbox = project / "inbox"
    for name, data in mails:
        (inbox / name).write_bytes(data)
    data = json.loads(runner.invoke(app, ["validate", "inbox", "--json"]).stdout)
    console = runner.invoke(app, ["validate", "inbox"]).stdout
    return data, re.sub(r"\s+", " ", console)


def states(data: dict) -> dict[str, tuple[str, str]]:
    agencies = data["completeness"]["agencies"]
    return {a["code"]: (a["state"], a["reason"]) for a in agencies}


def test_an_unusable_attachment_is_its_senders_answer(project: Path) -> None:
    winmail = (tnef("baocao.xlsx", b"PK\x03\x04"), "application", "ms-tnef", "winmail.dat")
    encrypted = (b"\x30\x80" + b"\x00" * 64, "application", "pkcs7-mime", "smime.p7m")
    data, console = validate(
        project,
        # The address's case differs from the roster's: addresses are matched case aside.
        ("thu1.eml", mail("Văn thư <tinhdoan@backan.gov.vn>", winmail)),
        # A webmail's no-reply From; the agency is the Reply-To, the roster's second address.
        (
            "thu2.eml",
            mail("noreply@mail.backan.gov.vn", encrypted, Reply_To="STP@backan.gov.vn"),
        ),
    )
    found = states(data)
    assert found["TDOAN"] == (
        "unusable",
        "Tệp đính kèm gói trong winmail.dat của Outlook, không mở được.",
    )
    assert found["STP"][0] == "unusable", found["STP"]
    assert "mã hóa" in found["STP"][1]
    assert "TDOAN" not in data["missing_agencies"]
    assert "STP" not in data["missing_agencies"]
    assert "Tỉnh đoàn" in console and "Sở Tư pháp" in console


def test_a_display_name_alone_attributes_nothing(project: Path) -> None:
    """Anyone can type “Tỉnh đoàn” before a Gmail address: the agency stays “chưa gửi”."""
    winmail = (tnef("baocao.xlsx", b"PK\x03\x04"), "application", "ms-tnef", "winmail.dat")
    data, _ = validate(project, ("thu.eml", mail("Tỉnh đoàn <tinhdoan.bk@gmail.com>", winmail)))
    assert states(data)["TDOAN"][0] == "missing"
    assert "TDOAN" in data["missing_agencies"]


def test_a_form_naming_another_agency_wins_with_a_warning(
    project: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """Sở Tư pháp's secretary forwards Tỉnh đoàn's form: Tỉnh đoàn answered, Sở Tư pháp not."""
    form = filled(campaign, stamper, code="TDOAN")
    sheet = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    data, console = validate(
        project,
        (
            "thu.eml",
            mail("Văn thư <vanthu.stp@backan.gov.vn>", (form, "application", sheet, "a.xlsx")),
        ),
    )
    found = states(data)
    assert found["TDOAN"][0] == "on_time", found["TDOAN"]
    assert found["STP"][0] == "missing"
    [answer] = [f for f in data["files"] if f["agency_code"] == "TDOAN"]
    [warning] = [i for i in answer["issues"] if i["code"] == "sender_other_agency"]
    assert warning["severity"] == "warning"
    assert warning["message"] == (
        "Thư gửi từ địa chỉ thư điện tử của Sở Tư pháp (vanthu.stp@backan.gov.vn) nhưng báo "
        "cáo ghi tên Tỉnh đoàn: báo cáo được tính là của Tỉnh đoàn (có thể văn thư gửi hộ). "
        "Nếu gửi nhầm tệp, đề nghị Sở Tư pháp gửi lại báo cáo của mình."
    )
    assert "Thư gửi từ địa chỉ thư điện tử của Sở Tư pháp" in console


def test_the_own_agencys_form_is_not_warned(
    project: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    form = filled(campaign, stamper, code="TDOAN")
    sheet = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    data, _ = validate(
        project, ("thu.eml", mail("tinhdoan@backan.gov.vn", (form, "application", sheet, "a.xlsx")))
    )
    [answer] = [f for f in data["files"] if f["agency_code"] == "TDOAN"]
    assert answer["issues"] == []


def test_a_scan_is_the_senders_scanned_answer(project: Path) -> None:
    """A photo of the signed report, named by the phone: the sender's, to be typed in."""
    photo = io.BytesIO()
    Image.new("RGB", (40, 60), "white").save(photo, "JPEG")
    scan = (photo.getvalue(), "image", "jpeg", "IMG_20211219_0930.jpg")
    data, console = validate(project, ("thu.eml", mail("tinhdoan@backan.gov.vn", scan)))
    assert states(data)["TDOAN"] == ("scanned", "Đã gửi bản PDF/ảnh, cần nhập số liệu.")
    assert data["scans_unattributed"] == []
    assert "bản quét/ảnh chưa nhận ra đơn vị" not in console


def test_an_outlook_msgs_pictures_are_its_senders(project: Path) -> None:
    """tests/data/msg's Outlook mail from PeterPan@neverland.com, its two photos' names naming
    no agency: both are Sở Y tế's, the pages of one scanned answer (they were "có nhiều báo
    cáo", an error)."""
    shutil.copy(DATA / "EmailWithAttachments.msg", project / "inbox" / "thu.msg")
    data, console = validate(project)
    assert states(data)["SYT"] == ("scanned", "Đã gửi bản PDF/ảnh, cần nhập số liệu.")
    assert "SYT" not in data["missing_agencies"]
    assert data["scans_unattributed"] == []
    codes = {f["path"].rsplit(" › ", 1)[-1]: f["agency_code"] for f in data["files"]}
    assert codes == {"peterpan.jpg": "SYT"}  # the other photo: a page of it
    assert "tinkerbell.jpg (trang khác của bản quét/ảnh chụp" in console.replace("\n", " ")
    assert "Sở Y tế" in console


def test_remind_asks_the_sender_for_the_right_thing(project: Path) -> None:
    winmail = (tnef("baocao.xlsx", b"PK\x03\x04"), "application", "ms-tnef", "winmail.dat")
    (project / "inbox" / "thu.eml").write_bytes(mail("tinhdoan@backan.gov.vn", winmail))
    result = runner.invoke(app, ["remind", "inbox", "--date", "18/12/2021"])
    assert result.exit_code == 0, result.stdout
    letter = docx.Document(str(project / "nhac.docx"))
    text = "\n".join(p.text for p in letter.paragraphs) + "\n".join(
        cell.text for table in letter.tables for row in table.rows for cell in row.cells
    )
    [line] = [t for t in text.splitlines() if "Tỉnh đoàn" in t and "winmail.dat" in t]
    assert "chưa gửi" not in line.lower()
