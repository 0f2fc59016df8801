"""The e-mail reader on messages built with the standard `email` package, as mail clients send."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage

import pytest
import word_reports as reports

from thanghanhdong.readers.document import DocumentError
from thanghanhdong.readers.mail import MAX_ATTACHMENT_BYTES, read_eml
from thanghanhdong.readers.word import read_docx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HANOI = timezone(timedelta(hours=7))


def agency_mail() -> EmailMessage:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Sở Y tế tỉnh Bắc Kạn <syt@backan.gov.vn>"
    message["To"] = "soldtbxh@backan.gov.vn"
    message["Subject"] = "Báo cáo Tháng hành động vì bình đẳng giới năm 2021"
    message["Date"] = "Mon, 20 Dec 2021 16:45:00 +0700"
    message.set_content("Sở Y tế gửi báo cáo kết quả (bản Word và bản ký số).")
    return message


def test_an_agencys_mail_with_two_attachments() -> None:
    message = agency_mail()
    word = reports.seed_form()
    message.add_attachment(
        word, maintype="application", subtype=DOCX.split("/")[1], filename="Báo cáo Sở Y tế.docx"
    )
    message.add_attachment(
        b"%PDF-1.4 ...", maintype="application", subtype="pdf", filename="BC 12-SYT (đã ký).pdf"
    )
    mail = read_eml(message.as_bytes())
    assert mail.received == datetime(2021, 12, 20, 16, 45, tzinfo=HANOI)
    assert mail.received.utcoffset() == timedelta(hours=7)
    assert mail.sender == "Sở Y tế tỉnh Bắc Kạn <syt@backan.gov.vn>"
    assert mail.subject == "Báo cáo Tháng hành động vì bình đẳng giới năm 2021"
    assert mail.text == "Sở Y tế gửi báo cáo kết quả (bản Word và bản ký số)."
    assert [(a.name, a.content_type) for a in mail.attachments] == [
        ("Báo cáo Sở Y tế.docx", DOCX),
        ("BC 12-SYT (đã ký).pdf", "application/pdf"),
    ]
    assert mail.attachments[0].data == word
    assert read_docx(mail.attachments[0].data).fields["report_number"].value == "12/BC-SYT"


def test_names_encoded_as_outlook_and_gmail_do() -> None:
    """RFC 2047 inside the quotes (not the standard, but what many clients send), RFC 2231,
    and a name only in Content-Type; a path in the name is dropped."""
    raw = (
        "From: =?UTF-8?B?VUJORCBodXnhu4duIEJhIELhu4M=?= <ubnd@babe.gov.vn>\r\n"
        "Subject: =?UTF-8?Q?B=C3=A1o_c=C3=A1o?=\r\n"
        "Date: Tue, 21 Dec 2021 08:05:00 +0700\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGửi Sở.\r\n"
        "--b\r\nContent-Type: application/octet-stream\r\n"
        'Content-Disposition: attachment; filename="=?UTF-8?B?QuG6o25nIHThu5VuZyBo4bujcC54bHN4?="\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\nAAEC\r\n"
        "--b\r\nContent-Type: application/pdf\r\n"
        "Content-Disposition: attachment; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n"
        '--b\r\nContent-Type: application/msword; name="..\\\\thu muc\\\\Ba Be.doc"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n0M8R4A==\r\n"
        "--b--\r\n"
    ).encode()
    mail = read_eml(raw)
    assert mail.sender == "UBND huyện Ba Bể <ubnd@babe.gov.vn>"
    assert mail.subject == "Báo cáo"
    assert [(a.name, a.data) for a in mail.attachments] == [
        ("Bảng tổng hợp.xlsx", b"\x00\x01\x02"),
        ("Báo cáo.pdf", b"%PDF"),
        ("Ba Be.doc", b"\xd0\xcf\x11\xe0"),
    ]


def test_a_forwarded_message_brings_its_attachments() -> None:
    inner = agency_mail()
    inner.add_attachment(
        b"PK\x03\x04form",
        maintype="application",
        subtype=XLSX.split("/")[1],
        filename="2021_SYT_so-y-te.xlsx",
    )
    outer = EmailMessage(policy=policy.SMTP)
    outer["From"] = "Văn thư <vanthu@backan.gov.vn>"
    outer["Subject"] = "Fwd: Báo cáo"
    outer["Date"] = "Wed, 22 Dec 2021 09:00:00 +0700"
    outer.set_content("Chuyển tiếp.")
    outer.add_attachment(inner)
    mail = read_eml(outer.as_bytes())
    assert mail.received == datetime(2021, 12, 22, 9, 0, tzinfo=HANOI)
    assert [(a.name, a.data) for a in mail.attachments] == [
        ("2021_SYT_so-y-te.xlsx", b"PK\x03\x04form")
    ]
    # The mail itself is dated by the forwarding; its attachment by the agency's own mail.
    assert mail.attachments[0].received == datetime(2021, 12, 20, 16, 45, tzinfo=HANOI)


def test_a_date_without_zone_or_unreadable() -> None:
    message = agency_mail()
    message.replace_header("Date", "Mon, 20 Dec 2021 16:45:00 -0000")
    assert read_eml(message.as_bytes()).received == datetime(
        2021, 12, 20, 16, 45, tzinfo=timezone.utc
    )
    message.replace_header("Date", "hôm qua")
    assert read_eml(message.as_bytes()).received is None
    del message["Date"]
    assert read_eml(message.as_bytes()).received is None


def test_an_unnamed_attachment_gets_a_name_from_its_type() -> None:
    message = agency_mail()
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf")
    [attachment] = read_eml(message.as_bytes()).attachments
    assert (attachment.name, attachment.data) == ("tep-dinh-kem-1.pdf", b"%PDF-1.4")


def test_attachments_too_large_are_refused() -> None:
    message = agency_mail()
    message.add_attachment(
        b"\0" * (MAX_ATTACHMENT_BYTES + 1),
        maintype="application",
        subtype="pdf",
        filename="big.pdf",
    )
    with pytest.raises(DocumentError) as caught:
        read_eml(message.as_bytes())
    assert caught.value.code == "eml_too_large"


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4\n%\xe2\xe3", b"\x00\x01 not mail"])
def test_a_file_that_is_not_an_email(data: bytes) -> None:
    with pytest.raises(DocumentError) as caught:
        read_eml(data)
    assert caught.value.code == "eml_corrupt"


def test_damaged_mail_never_escapes_as_a_crash() -> None:
    """Bytes of a mail (and of a forwarded one) flipped at random, or cut short: read, or a
    DocumentError. Seen before the guard: ValueError, IndexError, AttributeError and
    CharsetError from inside the email package's lazy header parsing."""
    message = agency_mail()
    message.add_attachment(b"%PDF", maintype="application", subtype="pdf", filename="Sở.pdf")
    outer = agency_mail()
    outer.add_attachment(agency_mail())
    bases = [message.as_bytes(), outer.as_bytes()]
    rng = random.Random(11)
    for _ in range(300):
        data = bytearray(rng.choice(bases))
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.choice(
                b"=?:;\"'\r\n\t \\/<>()@,." + bytes(range(256))
            )
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data))]
        try:
            read_eml(bytes(data))
        except DocumentError as error:
            assert error.code == "eml_corrupt"
