"""Outlook .msg answers: real messages saved by Outlook (tests/data/msg, from MSGReader), and
messages holding thd forms written by LibreOffice's compound-file writer (tests/uno_msg.py)."""

from __future__ import annotations

import base64
import json
import random
import shutil
import struct
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import olefile
import pytest
from cases import filled
from typer.testing import CliRunner

from thanghanhdong import answers, container
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.container import Format
from thanghanhdong.model import FileError
from thanghanhdong.readers.document import DocumentError
from thanghanhdong.readers.mail import MAX_ATTACHMENTS
from thanghanhdong.readers.msg import MAX_DEPTH, read_msg
from thanghanhdong.template import FormStamper

SAMPLES = Path(__file__).parent / "data" / "msg"
UNO_MSG = Path(__file__).with_name("uno_msg.py")
SYSTEM_PYTHON = "/usr/bin/python3"
HANOI = timezone(timedelta(hours=7), "ICT")
UTC = timezone.utc
runner = CliRunner()


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def validate_json(inbox: Path) -> dict:
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    return json.loads(result.stdout)


# ------------------------------------------------------------------ real files saved by Outlook


def test_outlooks_mail_with_two_pictures() -> None:
    mail = read_msg(sample("EmailWithAttachments.msg"))
    assert mail.received == datetime(2016, 12, 3, 18, 8, 54, tzinfo=UTC)
    assert mail.received.utcoffset() == timedelta(hours=7)  # shown as Vietnamese time
    assert mail.sender == "Kees <peterpan@neverland.com>"
    assert mail.subject == "This is the subject"
    assert mail.text.startswith("Hello Neverland text")
    found = [(a.name, len(a.data), a.received) for a in mail.attachments]
    assert found == [
        ("peterpan.jpg", 39150, mail.received),
        ("tinkerbell.jpg", 49353, mail.received),
    ]
    with olefile.OleFileIO(str(SAMPLES / "EmailWithAttachments.msg")) as ole:
        stream = ole.openstream("__attach_version1.0_#00000001/__substg1.0_37010102")
        assert mail.attachments[1].data == stream.read()


def test_long_names_not_the_short_ones() -> None:
    mail = read_msg(sample("EmailWith2Attachments.msg"))
    assert [(a.name, len(a.data)) for a in mail.attachments] == [
        ("Installatie handleiding.docx", 104629),  # short name Instal~1.doc
        ("Installatiehandleiding S&I Agro.xlsx", 76951),
    ]
    assert mail.received == datetime(2019, 12, 2, 8, 44, 20, tzinfo=UTC)


def test_an_attached_mail_is_read_and_dated_by_itself() -> None:
    mail = read_msg(sample("EmailWithInnerMailAndAttachments.msg"))
    outer = datetime(2023, 2, 15, 5, 46, 5, 206000, tzinfo=UTC)
    inner = datetime(2023, 2, 15, 5, 45, 26, 945000, tzinfo=UTC)
    assert (mail.subject, mail.received) == ("Outer mail", outer)
    assert [(a.name, len(a.data), a.received) for a in mail.attachments] == [
        ("OUTER 1.pdf", 15832, outer),
        ("OUTER 2.pdf", 16042, outer),
        ("INNER 1.pdf", 15541, inner),
        ("INNER 2.pdf", 15598, inner),
    ]
    assert all(a.data.startswith(b"%PDF") for a in mail.attachments)


def test_a_forward_of_a_mail_without_files_has_no_attachment(tmp_path: Path) -> None:
    mail = read_msg(sample("EmailWithMsgAttachment.msg"))
    assert (mail.subject, mail.sender) == ("FW: Msg Attachment Test", "Daniel Triendl")
    assert mail.attachments == []
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / "EmailWithMsgAttachment.msg", inbox / "Chuyen tiep.msg")
    [other] = validate_json(inbox)["others"]
    assert (Path(other["path"]).name, other["code"]) == ("Chuyen tiep.msg", "mail_without_report")


def test_a_msg_is_told_by_its_content_not_its_name() -> None:
    mail = sample("EmailWithAttachments.msg")
    workbook = (Path(__file__).parent / "data" / "xls-saved-once.xls").read_bytes()
    assert container.check("thu.msg", mail) is Format.MSG
    assert container.check("thu.xls", mail) is Format.MSG  # both are OLE files
    assert container.check("thu.doc", mail) is Format.MSG
    assert container.check("bc.msg", workbook) is Format.XLS
    assert container.check("bc.xls", workbook) is Format.XLS
    with pytest.raises(FileError) as caught:
        container.check("ghi chu.msg", "Nhắc việc: gửi báo cáo".encode())
    assert caught.value.issue.code == "file_corrupt"
    assert "không phải thư Outlook" in caught.value.issue.message


def test_the_trials_inbox_reads_the_msg(tmp_path: Path) -> None:
    """The trust failure of 2026-12-01: the .msg was listed as not a report, never opened."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    examples = Path(__file__).parents[1] / "examples" / "inbox"
    shutil.copy(examples / "2021_syt_so-y-te.xlsx", inbox)
    shutil.copy(SAMPLES / "EmailWith2Attachments.msg", inbox / "Bao cao THD - So Tu phap.msg")
    data = validate_json(inbox)
    assert [Path(o["path"]).name for o in data["others"]] == [
        "Bao cao THD - So Tu phap.msg › Installatie handleiding.docx",
        "Bao cao THD - So Tu phap.msg › Installatiehandleiding S&I Agro.xlsx",
    ]


@pytest.mark.parametrize("cut", [600, 4096, 60_000])
def test_a_damaged_msg_is_a_file_problem(tmp_path: Path, cut: int) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "thu.msg").write_bytes(sample("EmailWithInnerMailAndAttachments.msg")[:cut])
    data = validate_json(inbox)
    [answer] = data["files"]
    assert answer["status"] != "ok"
    [issue] = answer["issues"]
    assert issue["code"] == "file_corrupt"
    assert "thư Outlook" in issue["message"]


@pytest.mark.parametrize("seed", range(40))
def test_randomly_damaged_msg_never_raises(tmp_path: Path, campaign: Campaign, seed: int) -> None:
    """Bytes of a real Outlook file overwritten at random (header, FAT, directory, streams):
    a file problem or attachments read, never an exception out of olefile."""
    rng = random.Random(seed)
    name = rng.choice(sorted(p.name for p in SAMPLES.glob("*.msg")))
    data = bytearray(sample(name))
    for _ in range(rng.randint(1, 40)):
        start = rng.randrange(len(data))
        data[start : start + rng.randint(1, 8)] = rng.randbytes(rng.randint(1, 8))
    path = tmp_path / "thu.msg"
    path.write_bytes(bytes(data))
    for result in answers.validate_path(path, campaign):
        assert all(issue.message for issue in result.issues)


def test_a_garbled_msg_raises_only_document_errors() -> None:
    data = bytearray(sample("EmailWithAttachments.msg"))
    for start in range(512, len(data), 4099):  # damage the FAT, directory and streams
        data[start : start + 16] = b"\xff" * 16
    try:
        read_msg(bytes(data))
    except DocumentError as exc:
        assert exc.code in ("msg_corrupt", "msg_too_large")


# ------------------------------------------------------- messages written by LibreOffice's sot


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _filetime(when: datetime) -> int:
    return (when - datetime(1601, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1) * 10


def _properties(header: int, **values: tuple[int, int]) -> str:
    """A __properties_version1.0 stream: `header` bytes, then 16-byte fixed-size entries."""
    entries = b"".join(
        struct.pack("<IIQ", (int(prop, 16) << 16) | kind, 6, value)
        for prop, (kind, value) in ((k.removeprefix("p"), v) for k, v in values.items())
    )
    return _b64(bytes(header) + entries)


def _message(
    subject: str, sent: datetime | None, attachments: list[dict], header: int = 32, **more: str
) -> dict:
    tree: dict = {
        "__properties_version1.0": _properties(
            header, **({"p0039": (0x0040, _filetime(sent))} if sent else {}), p3FFD=(3, 1258)
        ),
        "__substg1.0_0037001F": _b64(subject.encode("utf-16-le")),
        "__substg1.0_0C1A001F": _b64("Văn thư".encode("utf-16-le")),
        **more,
    }
    for number, attachment in enumerate(attachments):
        tree[f"__attach_version1.0_#{number:08X}"] = attachment
    return tree


def _file(name: str, data: bytes, name_stream: str = "3707001F") -> dict:
    encoding = "utf-16-le" if name_stream.endswith("1F") else "cp1258"
    return {
        "__properties_version1.0": _properties(8, p3705=(3, 1)),
        f"__substg1.0_{name_stream}": _b64(name.encode(encoding)),
        "__substg1.0_37010102": _b64(data),
    }


def _attached_mail(message: dict) -> dict:
    return {
        "__properties_version1.0": _properties(8, p3705=(3, 5)),
        "__substg1.0_3701000D": message,
    }


def _nested(depth: int) -> dict:
    message = _message("Báo cáo", None, [_file("bc.pdf", b"%PDF-1.4")], header=24)
    for _ in range(depth):
        message = _message("Fwd", None, [_attached_mail(message)], header=24)
    return message


@pytest.fixture(scope="module")
def written(
    tmp_path_factory: pytest.TempPathFactory, campaign: Campaign, stamper: FormStamper
) -> Path:
    """Every .msg of this section, written in one LibreOffice session."""
    if not Path(SYSTEM_PYTHON).is_file() or not shutil.which("soffice"):
        pytest.skip("needs LibreOffice and the system python with uno")
    folder = tmp_path_factory.mktemp("msg")
    stp, tdoan = filled(campaign, stamper, code="STP"), filled(campaign, stamper, code="TDOAN")
    agencys = _message(
        "Báo cáo Tháng hành động", datetime(2021, 12, 19, 9, 0, tzinfo=UTC), [], header=24
    )
    # An 8-bit name in the Vietnamese code page, as older Outlooks write it (a + combining grave).
    agencys["__attach_version1.0_#00000000"] = _file(
        "Báo cáo T\u01b0 \u0111oa\u0300n.xlsx", tdoan, "3707001E"
    )
    layout = {
        "Bao cao So Tu phap.msg": _message(
            "Báo cáo THĐ",
            datetime(2021, 12, 19, 17, 30, tzinfo=UTC),
            [_file("Báo cáo STP.xlsx", stp)],
        ),
        "Fwd Tinh doan.msg": _message(
            "Fwd: Báo cáo", datetime(2021, 12, 22, 2, 0, tzinfo=UTC), [_attached_mail(agencys)]
        ),
        "Khong dinh kem.msg": _message("Báo cáo", datetime(2021, 12, 19, tzinfo=UTC), []),
        "Nhieu tep.msg": _message(
            "x", None, [_file(f"{n}.pdf", b"%PDF") for n in range(MAX_ATTACHMENTS + 1)]
        ),
        "Long nhau.msg": {**_nested(MAX_DEPTH + 1), "__properties_version1.0": _properties(32)},
    }
    plan = folder / "layout.json"
    plan.write_text(json.dumps(layout), encoding="utf-8")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("python3-uno not installed")
    subprocess.run([SYSTEM_PYTHON, str(UNO_MSG), str(plan), str(folder)], check=True, timeout=300)
    (folder / "Bao cao STP.xlsx").write_bytes(stp)
    return folder


def _inbox(tmp_path: Path, written: Path, *names: str) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir(parents=True)
    for name in names:
        shutil.copy(written / name, inbox)
    return inbox


def test_a_form_in_an_outlook_mail_is_the_agencys_answer(tmp_path: Path, written: Path) -> None:
    inbox = _inbox(tmp_path, written, "Bao cao So Tu phap.msg")
    data = validate_json(inbox)
    [answer] = data["files"]
    assert Path(answer["path"]).name == "Bao cao So Tu phap.msg › Báo cáo STP.xlsx"
    assert (answer["agency_code"], answer["mail"], answer["issues"]) == ("STP", True, [])
    # 17:30 UTC on the 19th is 00:30 on the 20th in Vietnam: the receipt date is the 20th.
    assert (answer["received"], answer["late"]) == ("2021-12-20", False)
    assert "STP" not in data["missing_agencies"] and "HLHPN" in data["missing_agencies"]
    out = tmp_path / "bc.docx"
    result = runner.invoke(app, ["consolidate", str(inbox), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    alone = _inbox(tmp_path / "alone", written, "Bao cao STP.xlsx")
    single = runner.invoke(
        app, ["consolidate", str(alone), "--out", str(tmp_path / "a.docx"), "--json"]
    )
    assert json.loads(result.stdout)["tables"] == json.loads(single.stdout)["tables"]


def test_a_forwarded_outlook_mail_is_dated_by_the_agencys_mail(
    tmp_path: Path, written: Path
) -> None:
    inbox = _inbox(tmp_path, written, "Fwd Tinh doan.msg")
    mail = read_msg((inbox / "Fwd Tinh doan.msg").read_bytes())
    [attachment] = mail.attachments
    assert attachment.name == "Báo cáo Tư đoàn.xlsx"  # cp1258, combining marks made NFC
    assert attachment.received == datetime(2021, 12, 19, 16, 0, tzinfo=HANOI)
    assert mail.received == datetime(2021, 12, 22, 9, 0, tzinfo=HANOI)
    [answer] = validate_json(inbox)["files"]
    assert (answer["agency_code"], answer["received"], answer["late"]) == (
        "TDOAN",
        "2021-12-19",
        False,
    )


def test_an_outlook_mail_without_attachment(tmp_path: Path, written: Path) -> None:
    [other] = validate_json(_inbox(tmp_path, written, "Khong dinh kem.msg"))["others"]
    assert other["code"] == "mail_without_report"


@pytest.mark.parametrize(
    ("name", "words"),
    [("Nhieu tep.msg", "quá nhiều tệp đính kèm"), ("Long nhau.msg", "lồng nhau quá nhiều lớp")],
)
def test_what_a_msg_declares_is_bounded(
    tmp_path: Path, written: Path, name: str, words: str
) -> None:
    with pytest.raises(DocumentError) as caught:
        read_msg((written / name).read_bytes())
    assert caught.value.code == "msg_too_large"
    [answer] = validate_json(_inbox(tmp_path, written, name))["files"]
    [issue] = answer["issues"]
    assert (issue["code"], words in issue["message"]) == ("file_too_large", True)


def test_an_attachment_declaring_more_than_the_file_holds(written: Path) -> None:
    data = bytearray((written / "Bao cao So Tu phap.msg").read_bytes())
    entry = data.find("__substg1.0_37010102".encode("utf-16-le"))
    assert entry > 0 and entry % 128 == 0  # a directory entry starts with its name
    struct.pack_into("<I", data, entry + 120, 0x7FFF_FFFF)  # its stream size
    with pytest.raises(DocumentError) as caught:
        read_msg(bytes(data))
    assert caught.value.code == "msg_too_large"
