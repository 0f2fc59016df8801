"""The officer's own request mail forwarded back, as Outlook sends it: inside an Outlook .msg
(an attached mail, `__substg1.0_3701000D`), or as a .msg file attached to a webmail's .eml.
Its blank forms are no agency's answer, set aside as for an .eml's message/rfc822 part
(tests/test_mail_forward_and_body.py); and an .eml forwarding one is read once, each of its
files counted once.

The .msg files are written by aspose-email-foss (a pure-Python MS-OXMSG writer, MIT), converting
the same EmailMessage the .eml tests send, as Outlook's "Save as" would hold it."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest
from aspose.email_foss import msg
from test_mail_forward_and_body import (
    ISSUER,
    XLSX,
    accounted,
    blank,
    filled,
    forward,
    project,
    request_mail,
    states,
    validate,
)

from thanghanhdong.container import Format
from thanghanhdong.readers import archive
from thanghanhdong.readers.msg import read_msg

__all__ = ["project"]  # the fixture, imported for these tests


def outlook(message: EmailMessage | bytes) -> bytes:
    """The mail as an Outlook .msg (an attached message/rfc822 becomes an attached mail)."""
    if isinstance(message, bytes):
        from email import policy
        from email.parser import BytesParser

        parsed = BytesParser(policy=policy.default).parsebytes(message)
        assert isinstance(parsed, EmailMessage)
        message = parsed
    return bytes(msg.MapiMessage.from_email_message(message).to_bytes())


def test_the_request_forwarded_inside_an_outlook_mail_is_no_agencys_answer(
    project: Path,
) -> None:
    original = request_mail(project, f"Phòng BTXH <{ISSUER}>", "LDLD", "SNV")
    mail = outlook(forward(original, filled(project, "LDLD"), "BC LDLD.xlsx"))
    # The file is an Outlook one, the request an attached mail with its own sender and date.
    inner = [a for a in read_msg(mail).attachments if a.forwarded_from is not None]
    assert [(a.forwarded_from, str(a.received)) for a in inner] == 2 * [
        ((ISSUER,), "2021-11-22 08:00:00+07:00")
    ]
    data, screen, code = validate(project, ("Fwd De nghi bao cao.msg", mail))
    found = states(data)
    assert found["LDLD"][0] == "on_time"
    assert found["SNV"] == ("missing", "")  # Sở Nội vụ sent nothing
    assert code == 0 and data["summary"]["issues_error"] == 0
    assert "empty_form" not in [i["code"] for f in data["files"] for i in f["issues"]]
    names = [f"Fwd De nghi bao cao.msg › {blank(project, c).name}" for c in ("LDLD", "SNV")]
    set_aside = {Path(o["path"]).name: o for o in data["others"]}
    for name in names:
        assert set_aside[name]["code"] == "mail_forwarded_original"
        assert f"thư của cơ quan tổng hợp gửi đi ({ISSUER})" in set_aside[name]["note"]
    assert accounted(data) == sorted(["Fwd De nghi bao cao.msg › BC LDLD.xlsx", *names])
    assert "Mẫu chưa điền gì" not in screen


def test_a_blank_form_in_an_outlook_mail_from_another_address_is_set_aside(
    project: Path,
) -> None:
    """The request sent from the officer's own mailbox, not the [issuer] email: its blank form
    bearing the very name of the agency's filled one is set aside, the filled one read."""
    original = request_mail(project, "hanh.btxh@gmail.com", "LDLD", "SNV")
    name = blank(project, "LDLD").name
    data, _, code = validate(
        project, ("Fwd.msg", outlook(forward(original, filled(project, "LDLD"), name)))
    )
    assert states(data)["LDLD"][0] == "on_time" and states(data)["SNV"] == ("missing", "")
    assert code == 0
    notes = [o["note"] for o in data["others"] if o["code"] == "mail_forwarded_original"]
    assert len(notes) == 2 and all(
        "mẫu còn trống trong thư gốc của hanh.btxh@gmail.com" in n for n in notes
    )
    assert [Path(f["path"]).name for f in data["files"]] == [f"Fwd.msg › {name}"]
    assert len(accounted(data)) == 3


def test_the_request_saved_from_outlook_and_attached_to_a_webmail_is_set_aside(
    project: Path,
) -> None:
    """LĐLĐ's clerk saved the Department's mail from Outlook (.msg) and attached it to a
    webmail answer beside the filled form: an attached mail, as a forwarded one."""
    request = outlook(request_mail(project, f"Phòng BTXH <{ISSUER}>", "LDLD", "SNV"))
    message = EmailMessage()
    message["From"] = "ldld@backan.gov.vn"
    message["To"] = ISSUER
    message["Subject"] = "Báo cáo THĐ"
    message["Date"] = "Thu, 16 Dec 2021 09:00:00 +0700"
    message.set_content("Gửi báo cáo, kèm thư của Sở.")
    message.add_attachment(filled(project, "LDLD"), *XLSX, filename="BC LDLD.xlsx")
    message.add_attachment(request, "application", "vnd.ms-outlook", filename="De nghi bao cao.msg")
    data, _, code = validate(project, ("Bao cao LDLD.eml", message.as_bytes()))
    assert states(data)["SNV"] == ("missing", "") and code == 0
    inner = "Bao cao LDLD.eml › De nghi bao cao.msg"
    set_aside = sorted(
        Path(o["path"]).name for o in data["others"] if o["code"] == "mail_forwarded_original"
    )
    assert set_aside == sorted(f"{inner} › {blank(project, c).name}" for c in ("LDLD", "SNV"))
    assert [Path(f["path"]).name for f in data["files"]] == ["Bao cao LDLD.eml › BC LDLD.xlsx"]


@pytest.mark.parametrize("kind", [Format.EML, Format.MSG])
def test_an_unpacked_mail_tells_each_file_where_it_came_from(project: Path, kind: Format) -> None:
    """One reading of the mail says which files a forwarded mail holds (the .eml was parsed a
    second time for it; the .msg never said)."""
    original = request_mail(project, f"Phòng BTXH <{ISSUER}>", "SNV")
    data = forward(original, filled(project, "LDLD"), "BC LDLD.xlsx")
    data = outlook(data) if kind is Format.MSG else data
    unpacked = archive.unpack(Path("inbox/thu"), data, kind)
    origins = [(str(m.path), m.forwarded_from) for m in unpacked.members]
    assert origins == [
        ("inbox/thu › BC LDLD.xlsx", None),
        (f"inbox/thu › {blank(project, 'SNV').name}", (ISSUER,)),
    ]


def inline_forward(project: Path, *files: tuple[str, bytes], sender: str) -> bytes:
    """Outlook's inline "Fw:" of the request: the quoted header in the text, and the request's
    blank forms attached again as the forwarding mail's own files."""
    message = EmailMessage()
    message["From"], message["To"] = sender, ISSUER
    message["Subject"] = "Fw: Đề nghị báo cáo Tháng hành động"
    message["Date"] = "Thu, 16 Dec 2021 09:00:00 +0700"
    message.set_content(
        "Gửi báo cáo đã điền.\n\n-----Original Message-----\n"
        f"From: Phòng BĐG <{ISSUER}>\nSent: Monday, November 22, 2021 8:00 AM\n"
        "Subject: Đề nghị báo cáo\n\nĐề nghị các đơn vị gửi báo cáo."
    )
    for name, data in files:
        message.add_attachment(data, *XLSX, filename=name)
    return message.as_bytes()


def test_the_requests_blank_forms_in_an_inline_forward_are_set_aside(project: Path) -> None:
    forms = [(blank(project, c).name, blank(project, c).read_bytes()) for c in ("LDLD", "SNV")]
    mail = inline_forward(
        project, ("BC LDLD.xlsx", filled(project, "LDLD")), *forms, sender="ldld@backan.gov.vn"
    )
    data, screen, code = validate(project, ("Fw LDLD.eml", mail))
    assert states(data)["LDLD"][0] == "on_time"
    assert states(data)["SNV"] == ("missing", "")  # Sở Nội vụ sent nothing
    assert code == 0 and "Mẫu chưa điền gì" not in screen
    set_aside = sorted(
        Path(o["path"]).name for o in data["others"] if o["code"] == "mail_forwarded_original"
    )
    assert set_aside == sorted(f"Fw LDLD.eml › {name}" for name, _ in forms)
    assert [Path(f["path"]).name for f in data["files"]] == ["Fw LDLD.eml › BC LDLD.xlsx"]


def test_a_blank_form_alone_in_a_reply_stays_the_senders_unusable_answer(project: Path) -> None:
    """The agency replying to the request with its own form left blank: it did answer, with a
    blank form (the officer asks it to fill it in), not "chưa gửi"."""
    form = blank(project, "LDLD")
    mail = inline_forward(project, (form.name, form.read_bytes()), sender="ldld@backan.gov.vn")
    data, _, code = validate(project, ("RE LDLD.eml", mail))
    assert states(data)["LDLD"][0] == "unusable" and code == 1
    [answer] = data["files"]
    assert "empty_form" in [i["code"] for i in answer["issues"]]
