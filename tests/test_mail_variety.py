"""E-mail answers as Vietnamese agencies' mail systems really send them (Outlook, Gmail,
Thunderbird, Zimbra of *.gov.vn), each built with the `email` package and read by `thd validate`:
the form inside is read, the agency named, and the answer dated by the mail's Date."""

from __future__ import annotations

import base64
import json
import shutil
import struct
import subprocess
import urllib.parse
from email import policy
from email.message import EmailMessage, Message
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from cases import filled
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.template import FormStamper

XLSX = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE = "Sun, 19 Dec 2021 16:00:00 +0700"
NAME = "Báo cáo Tỉnh đoàn.xlsx"
runner = CliRunner()


def validate(tmp_path: Path, mail: bytes, name: str = "thu.eml") -> dict:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_bytes(mail)
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    return json.loads(result.stdout)


def the_answer(data: dict) -> dict:
    """The one file read as Tỉnh đoàn's answer of 19/12, whatever else the mail held."""
    answers = [f for f in data["files"] if f.get("agency_code") == "TDOAN"]
    assert len(answers) == 1, data["files"]
    assert (answers[0]["received"], answers[0]["late"]) == ("2021-12-19", False)
    return answers[0]


def headers(message: Message, date: str = DATE) -> Message:
    message["From"] = "Tỉnh đoàn Bắc Kạn <tinhdoan@backan.gov.vn>"
    message["To"] = "soldtbxh@backan.gov.vn"
    message["Subject"] = "Báo cáo Tháng hành động vì bình đẳng giới"
    message["Date"] = date
    return message


@pytest.fixture
def form(campaign: Campaign, stamper: FormStamper) -> bytes:
    return filled(campaign, stamper, code="TDOAN")


def zimbra_part(form: bytes, content_type: str, disposition: str | None) -> str:
    """One attachment as raw MIME text, its headers written by hand as each webmail does."""
    body = base64.encodebytes(form).decode().replace("\n", "\r\n")
    lines = [f"Content-Type: {content_type}", "Content-Transfer-Encoding: base64"]
    if disposition:
        lines.append(f"Content-Disposition: {disposition}")
    return "\r\n".join(lines) + "\r\n\r\n" + body


def raw_mail(*parts: str) -> bytes:
    head = (
        "From: =?UTF-8?B?VOG7iW5oIMSRb8OgbiBC4bqvYyBL4bqhbg==?= <tinhdoan@backan.gov.vn>\r\n"
        "To: soldtbxh@backan.gov.vn\r\nSubject: =?UTF-8?Q?B=C3=A1o_c=C3=A1o?=\r\n"
        f"Date: {DATE}\r\nMIME-Version: 1.0\r\nX-Mailer: Zimbra 8.8.15_GA_4481\r\n"
        'Content-Type: multipart/mixed; boundary="=_zimbra"\r\n\r\n'
        "--=_zimbra\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\nKính gửi Sở.\r\n"
    )
    body = "".join(f"--=_zimbra\r\n{p}\r\n" for p in parts)
    return (head + body + "--=_zimbra--\r\n").encode()


Q_NAME = urllib.parse.quote(NAME)
B_NAME = "=?UTF-8?B?" + base64.b64encode(NAME.encode()).decode() + "?="


@pytest.mark.parametrize(
    ("content_type", "disposition"),
    [
        (f'application/{XLSX}; name="{B_NAME}"', None),  # Zimbra: the name only in Content-Type
        (f"application/{XLSX}; name*=UTF-8''{Q_NAME}", "attachment"),
        ("application/octet-stream", f"attachment; filename*=UTF-8''{Q_NAME}"),
        ("application/octet-stream", f'attachment; filename="{B_NAME}"'),
        (  # RFC 2231 continuations, as Thunderbird folds a long name
            "application/octet-stream",
            f"attachment; filename*0*=UTF-8''{Q_NAME[:20]}; filename*1*={Q_NAME[20:]}",
        ),
        ("application/octet-stream", None),  # no name at all: recognised by its content
    ],
)
def test_webmail_names(tmp_path: Path, form: bytes, content_type: str, disposition: str) -> None:
    the_answer(validate(tmp_path, raw_mail(zimbra_part(form, content_type, disposition))))


@pytest.mark.parametrize("mail_policy", [policy.compat32, policy.default, policy.SMTP])
def test_each_policy(tmp_path: Path, form: bytes, mail_policy: policy.Policy) -> None:
    if mail_policy is policy.compat32:
        message: Message = headers(MIMEMultipart())
        message.attach(MIMEText("Kính gửi Sở.", "plain", "utf-8"))
        part = MIMEApplication(form, XLSX)
        part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", NAME))
        message.attach(part)
    else:
        message = headers(EmailMessage(policy=mail_policy))
        message.set_content("Kính gửi Sở.")  # type: ignore[attr-defined]
        message.add_attachment(  # type: ignore[attr-defined]
            form, maintype="application", subtype=XLSX, filename=NAME
        )
    the_answer(validate(tmp_path, message.as_bytes()))


def agency_mail(form: bytes) -> EmailMessage:
    message = headers(EmailMessage(policy=policy.SMTP))
    assert isinstance(message, EmailMessage)
    message.set_content("Kính gửi Sở.")
    message.add_attachment(form, maintype="application", subtype=XLSX, filename=NAME)
    return message


def test_forwarded_as_attachment(tmp_path: Path, form: bytes) -> None:
    """Thunderbird "Forward as attachment" and Gmail: the agency's mail as message/rfc822,
    named "Báo cáo.eml", inside the office's forward of 22/12."""
    outer = headers(EmailMessage(policy=policy.SMTP), "Wed, 22 Dec 2021 09:00:00 +0700")
    assert isinstance(outer, EmailMessage)
    outer.replace_header("From", "Văn thư <vanthu@backan.gov.vn>")
    outer.set_content("Chuyển tiếp.")
    outer.add_attachment(agency_mail(form), filename="Báo cáo Tỉnh đoàn.eml")
    the_answer(validate(tmp_path, outer.as_bytes()))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_the_form_and_its_pdf_in_one_mail_are_one_answer(tmp_path: Path, form: bytes) -> None:
    """The form and its PDF (printed from Excel to be signed): one answer, as for copies."""
    source = tmp_path / "form" / NAME
    source.parent.mkdir()
    source.write_bytes(form)
    [pdf] = soffice_convert([source], "pdf", tmp_path / "pdf", tmp_path / "profile")
    message = agency_mail(form)
    message.add_attachment(
        pdf.read_bytes(), maintype="application", subtype="pdf", filename="BC Tỉnh đoàn (ký số).pdf"
    )
    data = validate(tmp_path, message.as_bytes())
    the_answer(data)
    assert data["completeness"]["answered"] == 1, data["completeness"]


def test_smime_signed(tmp_path: Path, form: bytes) -> None:
    """multipart/signed: the signed mail, then smime.p7s (the signature, no report)."""
    signed = MIMEMultipart("signed", protocol="application/pkcs7-signature", micalg="sha-256")
    headers(signed)
    inner = MIMEMultipart()
    inner.attach(MIMEText("Kính gửi Sở.", "plain", "utf-8"))
    part = MIMEApplication(form, XLSX)
    part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", NAME))
    inner.attach(part)
    signed.attach(inner)
    p7s = MIMEApplication(b"0\x82\x05\x00\x06\x09*\x86H\x86\xf7\r\x01\x07\x02", "pkcs7-signature")
    p7s.add_header("Content-Disposition", "attachment", filename="smime.p7s")
    signed.attach(p7s)
    data = validate(tmp_path, signed.as_bytes())
    the_answer(data)
    assert [f for f in data["files"] if f.get("agency_code") != "TDOAN"] == [], data["files"]


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
    "DTSTART:20211222T080000Z\r\nSUMMARY:Họp tổng kết\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_inline_images_and_a_calendar_part(tmp_path: Path, form: bytes) -> None:
    """Outlook's signature logo (image001.png, inline, cid:) and a meeting invitation."""
    message = headers(EmailMessage(policy=policy.SMTP))
    assert isinstance(message, EmailMessage)
    message.set_content("Kính gửi Sở.")
    message.add_alternative('<p>Kính gửi Sở.<img src="cid:image001.png@01D7"></p>', subtype="html")
    html = message.get_payload()[1]
    html.add_related(
        PNG,
        maintype="image",
        subtype="png",
        cid="<image001.png@01D7>",
        filename="image001.png",
        disposition="inline",
    )
    message.add_attachment(form, maintype="application", subtype=XLSX, filename=NAME)
    message.add_attachment(
        ICS, subtype="calendar", params={"method": "REQUEST"}, filename="invite.ics"
    )
    data = validate(tmp_path, message.as_bytes())
    the_answer(data)
    noisy = [f for f in data["files"] if f.get("agency_code") != "TDOAN" and f["issues"]]
    assert noisy == [], noisy
    # The logo of the signature is no scan of the report.
    assert not any("image001" in f["path"] for f in data["files"]), data["files"]


def tnef(name: str, payload: bytes) -> bytes:
    """A winmail.dat (MS-OXTNEF) holding one attached file, as Outlook writes it."""

    def attribute(level: int, ident: int, data: bytes) -> bytes:
        checksum = sum(data) & 0xFFFF
        return struct.pack("<BII", level, ident, len(data)) + data + struct.pack("<H", checksum)

    return (
        struct.pack("<IH", 0x223E9F78, 0x0001)
        + attribute(1, 0x00089006, struct.pack("<I", 0x00010000))  # attTnefVersion
        + attribute(2, 0x00069002, b"\x01\x00" + b"\x00" * 12)  # attAttachRendData
        + attribute(2, 0x00018010, name.encode("cp1252", "replace") + b"\x00")  # attAttachTitle
        + attribute(2, 0x0006800F, payload)  # attAttachData
    )


def test_winmail_dat(tmp_path: Path, form: bytes) -> None:
    """Outlook's rich text mail: the form hidden inside winmail.dat (application/ms-tnef)."""
    message = headers(EmailMessage(policy=policy.SMTP))
    assert isinstance(message, EmailMessage)
    message.set_content("Kính gửi Sở.")
    message.add_attachment(
        tnef("BCTDOAN.xlsx", form),
        maintype="application",
        subtype="ms-tnef",
        filename="winmail.dat",
    )
    data = validate(tmp_path, message.as_bytes())
    text = json.dumps(data, ensure_ascii=False)
    assert "winmail.dat" in text
    [result] = [f for f in data["files"] if "winmail" in f["path"]]
    [issue] = result["issues"]
    assert issue["code"] == "mail_tnef"
    assert "gửi lại" in issue["message"] and "Outlook" in issue["message"]


LONG = "Báo cáo kết quả Tháng hành động vì bình đẳng giới năm 2021 - Tỉnh đoàn.xlsx"


def _cp1258_word(name: str) -> str:
    """RFC 2047 in Vietnamese Windows' own code page, as older Outlook writes it."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", name)
    encoded = "".join(
        c if c.isascii() and c.isalnum() else "".join(f"={b:02X}" for b in c.encode("cp1258"))
        for c in decomposed
    )
    return f"=?windows-1258?Q?{encoded}?="


@pytest.mark.parametrize(
    ("content_type", "disposition"),
    [
        # compat32's Header folds a long name into several encoded words, inside the quotes
        (
            "application/octet-stream",
            'attachment; filename="'
            + __import__("email.header").header.Header(LONG, "utf-8").encode()
            + '"',
        ),
        ("application/octet-stream", f'attachment; filename="{_cp1258_word(NAME)}"'),
        ("application/octet-stream", f'attachment; filename="{NAME}"'),  # raw UTF-8 (RFC 6532)
        (f'application/vnd.ms-excel; name="{NAME}"', "attachment"),  # a wrong type, right name
    ],
)
def test_more_name_spellings(
    tmp_path: Path, form: bytes, content_type: str, disposition: str
) -> None:
    answer = the_answer(validate(tmp_path, raw_mail(zimbra_part(form, content_type, disposition))))
    assert "tep-dinh-kem" not in answer["path"]
    assert Path(answer["path"]).name.split(" › ")[-1] in (NAME, LONG)


def test_a_forwarded_message_base64_encoded(tmp_path: Path, form: bytes) -> None:
    """Some servers (Exchange) base64-encode the message/rfc822 part, against RFC 2046."""
    inner = base64.encodebytes(agency_mail(form).as_bytes()).decode().replace("\n", "\r\n")
    part = (
        'Content-Type: message/rfc822; name="Bao cao.eml"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        'Content-Disposition: attachment; filename="Bao cao.eml"\r\n\r\n' + inner
    )
    the_answer(
        validate(
            tmp_path, raw_mail(part).replace(DATE.encode(), b"Wed, 22 Dec 2021 09:00:00 +0700", 1)
        )
    )


def test_an_outlook_msg_attached_to_a_mail(tmp_path: Path, form: bytes) -> None:
    """An agency's Outlook mail (.msg) dragged into a webmail forward: opened like a forwarded
    message, not refused as an archive inside an archive."""
    msg = (Path(__file__).parent / "data" / "msg" / "EmailWith2Attachments.msg").read_bytes()
    message = agency_mail(form)
    message.add_attachment(
        msg, maintype="application", subtype="vnd.ms-outlook", filename="Thư Sở Tư pháp.msg"
    )
    data = validate(tmp_path, message.as_bytes())
    the_answer(data)
    assert [Path(o["path"]).name for o in data["others"]] == [
        "thu.eml › Thư Sở Tư pháp.msg › Installatie handleiding.docx",
        "thu.eml › Thư Sở Tư pháp.msg › Installatiehandleiding S&I Agro.xlsx",
    ]
    assert "nested_archive" not in json.dumps(data)


def test_a_damaged_msg_attached_to_a_mail(tmp_path: Path, form: bytes) -> None:
    msg = (Path(__file__).parent / "data" / "msg" / "EmailWith2Attachments.msg").read_bytes()
    message = agency_mail(form)
    message.add_attachment(
        msg[:4096], maintype="application", subtype="vnd.ms-outlook", filename="Thư.msg"
    )
    data = validate(tmp_path, message.as_bytes())
    the_answer(data)
    [broken] = [f for f in data["files"] if f["path"].endswith("Thư.msg")]
    assert [i["code"] for i in broken["issues"]] == ["file_corrupt"]
    assert "thư Outlook" in broken["issues"][0]["message"]


OPENSSL = shutil.which("openssl")


def openssl_smime(tmp_path: Path, entity: bytes, action: list[str]) -> bytes:
    """The agency's mail signed or encrypted by OpenSSL (what Outlook and Thunderbird write)."""
    key, cert, source = tmp_path / "k.pem", tmp_path / "c.pem", tmp_path / "in.eml"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
         cert, "-subj", "/CN=Tinh doan Bac Kan", "-days", "30"],
        check=True, capture_output=True,
    )  # fmt: skip
    source.write_bytes(entity)
    signer = ["-signer", str(cert), "-inkey", str(key)] if "-sign" in action else [str(cert)]
    done = subprocess.run(
        ["openssl", "smime", *action, "-in", str(source),
         "-from", "tinhdoan@backan.gov.vn", "-subject", "Bao cao", *signer],
        check=True, capture_output=True,
    )  # fmt: skip
    return f"Date: {DATE}\r\n".encode() + done.stdout


def form_entity(form: bytes) -> bytes:
    inner = MIMEMultipart()
    inner.attach(MIMEText("Kính gửi Sở.", "plain", "utf-8"))
    part = MIMEApplication(form, XLSX)
    part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", NAME))
    inner.attach(part)
    return inner.as_bytes()


@pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed")
@pytest.mark.parametrize("action", [["-sign"], ["-sign", "-nodetach"]])
def test_smime_signed_by_openssl(tmp_path: Path, form: bytes, action: list[str]) -> None:
    """Clear-signed (multipart/signed + smime.p7s) and opaque (smime.p7m holding the mail)."""
    mail = openssl_smime(tmp_path, form_entity(form), action)
    data = validate(tmp_path, mail)
    the_answer(data)
    assert [f["path"] for f in data["files"] if f.get("agency_code") != "TDOAN"] == []


@pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed")
def test_smime_encrypted(tmp_path: Path, form: bytes) -> None:
    mail = openssl_smime(tmp_path, form_entity(form), ["-encrypt", "-aes256"])
    [result] = validate(tmp_path, mail)["files"]
    [issue] = result["issues"]
    assert issue["code"] == "mail_encrypted"
    assert "gửi lại thư không mã hóa" in issue["message"]


@pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed")
def test_a_damaged_signature_never_escapes_as_a_crash(tmp_path: Path) -> None:
    import random

    from thanghanhdong.readers import smime
    from thanghanhdong.readers.mail import read_eml

    mail = openssl_smime(
        tmp_path, b"Content-Type: text/plain\r\n\r\nhi\r\n", ["-sign", "-nodetach"]
    )
    [part] = [p for p in __import__("email").message_from_bytes(mail).walk()]
    der = part.get_payload(decode=True)
    assert smime.signed_content(der) == b"Content-Type: text/plain\r\n\r\nhi\r\n"
    rng = random.Random(5)
    for _ in range(500):
        data = bytearray(der)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        smime.signed_content(bytes(data[: rng.randrange(1, len(data) + 1)]))
    read_eml(mail)
