"""The audit trail accounts for every inbox file once, as check-inputs lists it: e-mails and zips
by their own bytes (their members noted), notes and files that are not reports too."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from cases import filled
from typer.testing import CliRunner

from thanghanhdong import datafile
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import Consolidation, InputFile
from thanghanhdong.template import FormStamper

ROOT = Path(__file__).parents[1]
REPRO = ROOT / "docs" / "trials" / "2026-12-01" / "repro"
runner = CliRunner()
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def mail(attachments: dict[str, tuple[bytes, tuple[str, str]]]) -> bytes:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Hội Liên hiệp Phụ nữ tỉnh <hlhpn@backan.gov.vn>"
    message["Subject"] = "Báo cáo Tháng hành động"
    message["Date"] = "Fri, 17 Dec 2021 10:00:00 +0700"
    message.set_content("Gửi báo cáo kèm theo.")
    for name, (data, (main, sub)) in attachments.items():
        message.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return message.as_bytes()


@pytest.fixture
def inbox(tmp_path: Path, campaign: Campaign, stamper: FormStamper) -> Path:
    folder = tmp_path / "inbox"
    (folder / "huyen").mkdir(parents=True)
    (folder / "2021_tdoan.xlsx").write_bytes(filled(campaign, stamper, code="TDOAN"))
    (folder / "huyen" / "2 huyen.zip").write_bytes(
        zipped(
            {
                "Bao cao/babe.xlsx": filled(campaign, stamper, code="BABE"),
                "Bao cao/nari.xlsx": filled(campaign, stamper, code="NARI"),
                "ghi chu.txt": b"Hai huyen gui chung.",
            }
        )
    )
    (folder / "thu hlhpn.eml").write_bytes(
        mail({"hlhpn.xlsx": (filled(campaign, stamper, code="HLHPN"), XLSX)})
    )
    (folder / "doc truoc.txt").write_text("Nhớ gửi bản ký số.", encoding="utf-8")
    shutil.copy(REPRO / "other" / "Danh sach can bo di tap huan.docx", folder / "Danh sach.docx")
    return folder


def consolidate(inbox: Path, out: Path) -> dict:
    result = runner.invoke(app, ["consolidate", str(inbox), "--out", str(out), "--force"])
    assert result.exit_code == 0, result.output
    return json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))


def check(data: Path, inbox: Path) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["check-inputs", str(data), str(inbox)], terminal_width=100)
    return result.exit_code, [line for line in result.stdout.splitlines() if "✖" in line]


def test_right_after_consolidate_nothing_changed(inbox: Path, tmp_path: Path) -> None:
    written = consolidate(inbox, tmp_path / "bc.docx")
    entries = {Path(i["path"]).relative_to(inbox).as_posix(): i for i in written["inputs"]}
    assert sorted(entries) == [
        "2021_tdoan.xlsx",
        "Danh sach.docx",
        "doc truoc.txt",
        "huyen/2 huyen.zip",
        "thu hlhpn.eml",
    ]
    archive = entries["huyen/2 huyen.zip"]
    assert archive["sha256"] == datafile.sha256(inbox / "huyen" / "2 huyen.zip")[1]
    # A form read whole: its hash is that of the bytes validation read, its size the file's.
    form = entries["2021_tdoan.xlsx"]
    assert (form["size"], form["sha256"]) == datafile.sha256(inbox / "2021_tdoan.xlsx")
    assert archive["members"] == [
        {"name": "Bao cao/babe.xlsx", "agency": "BABE", "used": True},
        {"name": "Bao cao/nari.xlsx", "agency": "NARI", "used": True},
        {"name": "ghi chu.txt", "agency": None, "used": False, "note": "không phải báo cáo"},
    ]
    assert archive["used"] and archive["agency"] is None  # two agencies in one zip
    assert entries["thu hlhpn.eml"]["agency"] == "HLHPN"
    assert entries["thu hlhpn.eml"]["members"] == [
        {"name": "hlhpn.xlsx", "agency": "HLHPN", "used": True}
    ]
    for note in ("Danh sach.docx", "doc truoc.txt"):
        assert not entries[note]["used"] and entries[note]["note"] == "không phải báo cáo"
    assert check(tmp_path / "bc.json", inbox) == (0, [])


def test_a_member_edited_a_file_added_and_one_removed(inbox: Path, tmp_path: Path) -> None:
    consolidate(inbox, tmp_path / "bc.docx")
    archive = inbox / "huyen" / "2 huyen.zip"
    with zipfile.ZipFile(archive) as opened:
        members = {n: opened.read(n) for n in opened.namelist()}
    members["ghi chu.txt"] = b"Sua lai."
    archive.write_bytes(zipped(members))
    (inbox / "doc truoc.txt").unlink()
    (inbox / "moi.txt").write_text("mới", encoding="utf-8")
    code, lines = check(tmp_path / "bc.json", inbox)
    assert code == 1
    assert [line.strip() for line in lines] == [
        "✖ 2 huyen.zip: nội dung đã khác",
        "✖ doc truoc.txt: không còn trong thư mục",
        "✖ moi.txt: tệp mới, chưa có khi lập báo cáo",
    ]


def test_the_trials_inbox_checks_clean(tmp_path: Path) -> None:
    """Finding 15 of the 2026-12-01 trial, on its own files."""
    inbox = tmp_path / "ci"
    inbox.mkdir()
    for name in ("2 huyen.zip", "Fwd- V-v gui bao cao.eml", "Danh sach can bo di tap huan.docx"):
        shutil.copy(REPRO / "other" / name, inbox)
    shutil.copy(REPRO / "forms" / "Na Ri.xlsx", inbox)
    written = consolidate(inbox, tmp_path / "ci.docx")
    assert len(written["inputs"]) == 4
    assert check(tmp_path / "ci.json", inbox) == (0, [])


def test_a_data_file_of_the_previous_version_still_loads(inbox: Path, tmp_path: Path) -> None:
    written = consolidate(inbox, tmp_path / "bc.docx")
    for entry in written["inputs"]:  # what the previous version wrote: no members, no note
        entry.pop("members", None)
        entry.pop("note", None)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(written, ensure_ascii=False), encoding="utf-8")
    back = datafile.load(old)
    assert [i.members for i in back.inputs] == [()] * 5
    assert all(i.note == "" for i in back.inputs)
    assert Consolidation.from_json(written).to_json()["inputs"] == written["inputs"]
    assert InputFile.from_json(written["inputs"][0]).sha256 == written["inputs"][0]["sha256"]
