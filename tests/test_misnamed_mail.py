"""E-mails whose file name lost or changed its extension are read by what they hold.

A webmail's or Outlook's download of a mail comes as "Bao cao SYT", "ATT00001", "baocao.eml.txt"
or "thu.msg"; an Outlook .msg is saved as "thu.eml" or without extension. thd tells a mail by
its header block (several RFC 5322 fields, one only mail systems write) and an Outlook message
by its property streams, and reads its attachments as under the right name, with a warning
`file_misnamed` naming the mail and the extension to give it. A note, a .csv, Outlook's "Save
as text" stay what they were. The mails are built with the `email` package as mail clients write
them: multipart, a form thd generates filled with openpyxl, a Word report made with python-docx.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
import word_reports as reports
from cases import filled
from test_readers_msg import SYSTEM_PYTHON, UNO_MSG, _file, _message
from typer.testing import CliRunner

from thanghanhdong import config, container
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.container import Format
from thanghanhdong.inbox import ValidationReport, validate_inbox
from thanghanhdong.model import FileError, FileResult, FileStatus
from thanghanhdong.template import FormStamper

SAMPLES = Path(__file__).parent / "data" / "msg"
XLSX = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "vnd.openxmlformats-officedocument.wordprocessingml.document"
runner = CliRunner()


def _mail(form: bytes | None = None, word: bytes | None = None) -> bytes:
    """A mail as Thunderbird saves it ("Save as..."): the transport's headers first, then the
    message, its text and its files base64-encoded."""
    message = EmailMessage()
    message["Return-Path"] = "<tinhdoan@backan.gov.vn>"
    message["Received"] = (
        "from mail.backan.gov.vn (mail.backan.gov.vn [203.162.0.1]) by mx.backan.gov.vn "
        "with ESMTPS id 4JHn2x; Sun, 19 Dec 2021 16:00:02 +0700"
    )
    message["Message-ID"] = "<20211219160000.4JHn2x@backan.gov.vn>"
    message["From"] = "Tỉnh đoàn Bắc Kạn <tinhdoan@backan.gov.vn>"
    message["To"] = "soldtbxh@backan.gov.vn"
    message["Subject"] = "Báo cáo Tháng hành động vì bình đẳng giới"
    message["Date"] = "Sun, 19 Dec 2021 16:00:00 +0700"
    message["User-Agent"] = "Mozilla/5.0 Thunderbird/91.4.0"
    message.set_content("Kính gửi Sở Lao động - Thương binh và Xã hội,\nTỉnh đoàn gửi báo cáo.\n")
    if form is not None:
        message.add_attachment(
            form, maintype="application", subtype=XLSX, filename="Báo cáo Tỉnh đoàn.xlsx"
        )
    if word is not None:
        message.add_attachment(
            word, maintype="application", subtype=DOCX, filename="Báo cáo Sở GD&ĐT.docx"
        )
    return message.as_bytes(policy=policy.SMTP)


@pytest.fixture(scope="module")
def mail(campaign: Campaign, stamper: FormStamper) -> bytes:
    form = filled(campaign, stamper, code="TDOAN")
    return _mail(form, reports.seed_form(agency="SỞ GIÁO DỤC VÀ ĐÀO TẠO"))


def _validate(folder: Path, files: dict[str, bytes]) -> ValidationReport:
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return validate_inbox(folder, config.load(None), workers=1)


def _same_answers(right: list[FileResult], wrong: list[FileResult], outer: str, suffix: str):
    """The misnamed mail's answers are the well-named one's, with one warning more, first, on
    the first of them: it names the mail and the extension to give it."""
    assert len(right) == len(wrong) >= 1
    by_agency = {r.agency_code: r for r in right}
    assert set(by_agency) == {r.agency_code for r in wrong}
    warned = [r for r in wrong if any(i.code == "file_misnamed" for i in r.issues)]
    assert len(warned) == 1, [(r.path.name, r.issues) for r in wrong]
    [first] = warned
    assert first.issues[0].code == "file_misnamed"
    assert f"“{outer}”" in first.issues[0].message
    assert f"đuôi {suffix}." in first.issues[0].message, first.issues[0].message
    for result in wrong:
        same = by_agency[result.agency_code]
        assert result.path.name.startswith(f"{outer} › ")
        assert result.path.name.split(" › ")[1] == same.path.name.split(" › ")[1]
        assert (result.kind, result.mail) == (same.kind, same.mail)
        if result is not first or same.status is not FileStatus.OK:
            assert result.status == same.status
        else:
            assert result.status is FileStatus.WARNINGS  # the name's warning, nothing else
        assert result.submission is not None and same.submission is not None
        assert result.submission.tables == same.submission.tables
        assert result.submission.narratives == same.submission.narratives
        assert result.submission.received == same.submission.received
        issues = [(i.code, i.message) for i in result.issues if i is not first.issues[0]]
        assert issues == [(i.code, i.message) for i in same.issues], result.path.name


BOM = b"\xef\xbb\xbf"
MBOX = b"From tinhdoan@backan.gov.vn Sun Dec 19 09:00:02 2021\r\n"


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("Bao cao Tinh doan", b""),  # a webmail's download, no extension
        ("ATT00001", b""),  # Outlook's name for an attached mail it lost the name of
        ("baocao.eml.txt", b""),  # a browser's "save as text" of a downloaded .eml
        ("thu.msg", b""),  # a clerk who thinks every mail is an Outlook file
        ("Bao cao TD", MBOX),  # saved by a mail program that keeps the mbox line
        ("Bao cao TD.txt", BOM),  # saved again by Notepad
    ],
)
def test_a_misnamed_mail_is_read_as_the_well_named_one(
    tmp_path: Path, mail: bytes, name: str, prefix: bytes
) -> None:
    right = _validate(tmp_path / "right", {"thu.eml": mail})
    wrong = _validate(tmp_path / "wrong", {name: prefix + mail})
    assert {r.agency_code for r in right.files} == {"TDOAN", "SGDDT"}, right.files
    assert not any(i.code == "file_misnamed" for r in right.files for i in r.issues)
    _same_answers(right.files, wrong.files, name, ".eml")
    assert [o.path.name for o in wrong.others] == [o.path.name for o in right.others] == []
    assert wrong.exit_code() == right.exit_code()


def test_the_report_of_a_misnamed_mail_has_the_same_figures(tmp_path: Path, mail: bytes) -> None:
    totals = []
    for name in ("thu.eml", "Bao cao Tinh doan"):
        inbox = tmp_path / name.replace(" ", "_")
        inbox.mkdir()
        (inbox / name).write_bytes(mail)
        out = tmp_path / f"{inbox.name}.docx"
        done = runner.invoke(
            app, ["consolidate", str(inbox), "--out", str(out), "--date", "25/12/2021"]
        )
        assert done.exit_code == 0, done.output
        data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
        totals.append((data["totals"], len(data["agencies"])))
    assert totals[0] == totals[1]
    assert totals[1][1] == 2


def test_validate_names_the_mail_and_its_extension(tmp_path: Path, mail: bytes) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "Bao cao Tinh doan").write_bytes(mail)
    done = runner.invoke(app, ["validate", str(inbox)], env={"COLUMNS": "200"})
    said = " ".join(done.output.split())
    assert "không phải báo cáo thd đọc được" not in said
    assert (
        "Tên tệp “Bao cao Tinh doan” không có đuôi, nhưng tệp là thư điện tử: thd đã đọc theo "
        "nội dung. Muốn mở tệp bằng cách bấm đúp, đổi tên cho tệp có đuôi .eml."
    ) in said


# ------------------------------------------------------------- what is no mail stays no mail

_OUTLOOK_TEXT = (
    "From:\tTỉnh đoàn Bắc Kạn <tinhdoan@backan.gov.vn>\r\n"
    "Sent:\tSunday, December 19, 2021 4:00 PM\r\nTo:\tsoldtbxh@backan.gov.vn\r\n"
    "Subject:\tBáo cáo\r\nAttachments:\tBáo cáo Tỉnh đoàn.xlsx\r\n\r\nKính gửi Sở.\r\n"
)
_FORWARD_PASTED = (
    "From: Tinh doan <tinhdoan@backan.gov.vn>\nDate: Sun, 19 Dec 2021 16:00:00 +0700\n"
    "Subject: Bao cao\nTo: soldtbxh@backan.gov.vn\n\nNhắc: Tỉnh đoàn đã gửi báo cáo.\n"
)
_HEADERS = (
    "Received: from mail.backan.gov.vn by mx; Sun, 19 Dec 2021 16:00:02 +0700\r\n"
    "From: tinhdoan@backan.gov.vn\r\nMIME-Version: 1.0\r\nSubject: x\r\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "Ghi chú: Tỉnh đoàn gửi báo cáo qua Zalo ngày 19/12.\nFrom: anh Nam\n",
        "Đơn vị;Số cuộc;Nam;Nữ\r\nTỉnh đoàn;12;300;250\r\n",  # a .csv
        "From,To,Subject\r\ntinhdoan@backan.gov.vn,soldtbxh@backan.gov.vn,Bao cao\r\n",
        _OUTLOOK_TEXT,  # Outlook's "Save as text": no attachment in it, no mail system's field
        _FORWARD_PASTED,  # a forward's header pasted in a note
        _HEADERS.replace("\r\n", "\r\n\r\n", 1),  # a blank line after one field
        _HEADERS,  # headers never end: a file cut short
        _HEADERS.replace("From: tinhdoan@backan.gov.vn\r\n", "") + "\r\nx",  # no From
        "From: a@b.vn\nMIME-Version: 1.0\n\nx",  # two fields only
        _HEADERS + "Ghi chu Tinh doan\r\n\r\nx",  # a line that is no header among them
        "From a@b Sun Dec 19 2021\n" + _HEADERS + "\nx\n\nFrom c@d Mon Dec 20 2021\n" + _HEADERS,
    ],
)
def test_a_note_or_a_csv_is_not_taken_for_a_mail(tmp_path: Path, text: str) -> None:
    data = text.encode()
    assert not container.is_eml(data)
    assert container.by_content(data) is None
    with pytest.raises(FileError) as caught:
        container.check("ATT00001", data)
    assert caught.value.issue.code == "file_unsupported"
    report = _validate(tmp_path / "inbox", {"ghi chu.txt": data})
    assert [(o.path.name, o.issues) for o in report.others] == [("ghi chu.txt", [])]


def test_a_mail_in_a_zip_named_as_a_note_is_told_not_listed_as_a_note(
    tmp_path: Path, mail: bytes
) -> None:
    import io
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("thu.eml.txt", mail)
    report = _validate(tmp_path / "inbox", {"bc.zip": packed.getvalue()})
    [result] = report.files
    assert result.path.name == "bc.zip › thu.eml.txt"
    assert [i.code for i in result.issues] == ["nested_archive"]
    assert report.others == []


def test_the_extension_asked_for_a_mail() -> None:
    assert container.misnamed("thu.eml", Format.EML) is None
    assert container.misnamed("THU.EML", Format.EML) is None
    assert container.misnamed("thu", Format.EML) == ".eml"
    assert container.misnamed("thu.msg", Format.EML) == ".eml"
    assert container.misnamed("thu.eml.txt", Format.EML) == ".eml"
    assert container.misnamed("thu.eml", Format.MSG) == ".msg"


# ------------------------------------------------- Outlook's .msg saved as .eml or unnamed


@pytest.fixture(scope="module")
def outlook_mail(tmp_path_factory: pytest.TempPathFactory, mail: bytes) -> bytes:
    """An Outlook message holding the same form, written by LibreOffice's compound-file
    writer (tests/uno_msg.py), as tests/test_readers_msg.py does."""
    if not Path(SYSTEM_PYTHON).is_file() or not shutil.which("soffice"):
        pytest.skip("needs LibreOffice and the system python with uno")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("python3-uno not installed")
    from thanghanhdong.readers.mail import read_eml

    form = next(a.data for a in read_eml(mail).attachments if a.name.endswith(".xlsx"))
    folder = tmp_path_factory.mktemp("msg")
    sent = datetime(2021, 12, 19, 9, 0, tzinfo=timezone.utc)
    layout = {"thu.msg": _message("Báo cáo THĐ", sent, [_file("Báo cáo Tỉnh đoàn.xlsx", form)])}
    plan = folder / "layout.json"
    plan.write_text(json.dumps(layout), encoding="utf-8")
    subprocess.run([SYSTEM_PYTHON, str(UNO_MSG), str(plan), str(folder)], check=True, timeout=300)
    return (folder / "thu.msg").read_bytes()


@pytest.mark.parametrize("name", ["thu.eml", "ATT00002", "Bao cao Tinh doan.txt"])
def test_an_outlook_msg_misnamed_is_read_as_one(
    tmp_path: Path, outlook_mail: bytes, name: str
) -> None:
    right = _validate(tmp_path / "right", {"thu.msg": outlook_mail})
    wrong = _validate(tmp_path / "wrong", {name: outlook_mail})
    assert [r.agency_code for r in right.files] == ["TDOAN"], right.files
    _same_answers(right.files, wrong.files, name, ".msg")


# ------------------------------------ a misnamed file that is no report: in --json as on screen


def _json(inbox: Path) -> dict:
    done = runner.invoke(app, ["validate", str(inbox), "--json"])
    return json.loads(done.stdout)


def _screen(inbox: Path) -> str:
    done = runner.invoke(app, ["validate", str(inbox)], env={"COLUMNS": "200"})
    return " ".join(done.output.split())


def _warnings(other: dict) -> list[str]:
    return [i["message"] for i in other["issues"] if i["code"] == "file_misnamed"]


def test_a_misnamed_workbook_that_is_no_report_keeps_its_warning_in_json(tmp_path: Path) -> None:
    from openpyxl import Workbook

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    book = Workbook()
    book.active["A1"] = "Danh sách cán bộ dự tập huấn"
    book.active["A2"] = "Nguyễn Văn An"
    book.save(inbox / "ATT00002")
    [other] = _json(inbox)["others"]
    assert (Path(other["path"]).name, other["code"], other["note"]) == ("ATT00002", None, "")
    [warning] = _warnings(other)
    assert "Tên tệp không có đuôi, nhưng tệp là tệp Excel" in warning
    assert " ".join(warning.split()) in _screen(inbox)


@pytest.mark.parametrize("name", ["thu", "thu.msg"])
def test_a_misnamed_mail_without_report_says_both_in_json(tmp_path: Path, name: str) -> None:
    """The reason the mail is not counted stays its code; the misnamed warning is among its
    issues, as the screen prints both."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_bytes(_mail())
    [other] = _json(inbox)["others"]
    assert (Path(other["path"]).name, other["code"]) == (name, "mail_without_report")
    assert [i["code"] for i in other["issues"]] == ["file_misnamed", "mail_without_report"]
    [warning] = _warnings(other)
    assert f"Tên tệp “{name}”" in warning and "đuôi .eml." in warning
    screen = _screen(inbox)
    assert " ".join(warning.split()) in screen
    assert " ".join(other["note"].split()) in screen


def test_a_misnamed_outlook_mail_without_report_keeps_its_reason(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / "EmailWithMsgAttachment.msg", inbox / "Chuyen tiep")
    [other] = _json(inbox)["others"]
    assert other["code"] == "mail_without_report"  # it was file_misnamed, the reason lost
    assert [i["code"] for i in other["issues"]] == ["file_misnamed", "mail_without_report"]


def test_a_misnamed_mail_of_pictures_says_so_on_screen_and_in_json(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / "EmailWithAttachments.msg", inbox / "thu.eml")
    data = _json(inbox)
    assert [o["code"] for o in data["others"]] == ["scanned_unknown", "scanned_unknown"]
    assert len(data["scans_unattributed"]) == 2
    warnings = [w for o in data["others"] for w in _warnings(o)]
    assert len(warnings) == 1
    assert "Tên tệp “thu.eml” có đuôi “.eml”, nhưng tệp là thư Outlook" in warnings[0]
    assert " ".join(warnings[0].split()) in _screen(inbox)


def test_an_eml_saved_with_a_bom_is_read(mail: bytes) -> None:
    from thanghanhdong.readers.mail import read_eml

    plain, marked = read_eml(mail), read_eml(BOM + mail)  # marked was eml_corrupt
    assert (marked.sender, marked.received) == (plain.sender, plain.received)
    assert [(a.name, a.data) for a in marked.attachments] == [
        (a.name, a.data) for a in plain.attachments
    ]
    assert len(plain.attachments) == 2
