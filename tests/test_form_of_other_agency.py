"""A form filled by another agency than the one it was made for (trial 6, finding 1): Tỉnh đoàn's
form, forwarded to the Liên đoàn Lao động clerk, filled, and the LĐLĐ's name typed as the
agency. The answer is LĐLĐ's, as the clerk meant; the officer is told; Tỉnh đoàn, which sent
nothing, is not thanked for LĐLĐ's figures in the signed report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert
from docx import Document
from typer.testing import CliRunner

from thanghanhdong.cli import app

ROOT = Path(__file__).parents[1]
runner = CliRunner()


def _forwarded_form(  # type: ignore[no-untyped-def]
    tmp_path: Path, stamper, campaign, typed: str, name: str = "BC LDLD.xlsx"
) -> Path:
    path = tmp_path / "typed" / name
    path.parent.mkdir()
    path.write_bytes(stamper.stamp(campaign.agency("TDOAN")))
    book = openpyxl.load_workbook(path)
    info, acts = book["Thông tin chung"], book["1. Hoạt động"]
    values = {"B4": typed, "B5": "12/BC-LĐLĐ", "B6": "10/12/2021", "B7": "Chủ tịch"}
    values |= {"B8": "Nguyễn Thị Hoa", "B13": 4000000, "B14": 0, "B16": "Công nhân hưởng ứng."}
    for cell, value in values.items():
        info[cell] = value
    for column, value in zip("BCDEF", ["Nói chuyện chuyên đề", 2, 70, 90, "Tỉnh"], strict=True):
        acts[f"{column}7"] = value
    book.save(path)
    [saved] = soffice_convert([path], "xlsx", tmp_path / "saved", tmp_path / "profile")
    return saved


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_the_typed_roster_agency_is_credited_and_the_officer_told(
    tmp_path: Path, stamper, campaign
) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "examples" / "inbox", inbox)
    (inbox / "2021_ldld_lien-doan-lao-dong-tinh.xlsx").unlink()  # LĐLĐ answers only this way
    (inbox / "Bao cao BDG 2021 (Tinh doan).xlsx").unlink()  # and Tỉnh đoàn sends nothing
    shutil.copy(_forwarded_form(tmp_path, stamper, campaign, "Liên đoàn Lao động tỉnh"), inbox)

    shown = runner.invoke(app, ["validate", str(inbox), "--json"])
    files = {Path(f["path"]).name: f for f in json.loads(shown.stdout)["files"]}
    answer = files["BC LDLD.xlsx"]
    assert answer["agency_code"] == "LDLD"
    [warning] = [i for i in answer["issues"] if i["code"] == "form_of_other_agency"]
    assert warning["message"].startswith(
        "Tệp là mẫu gửi cho “Tỉnh đoàn” nhưng tên đơn vị và tên tệp đều là của “Liên đoàn Lao "
        "động tỉnh”: thd tính là báo cáo của Liên đoàn Lao động tỉnh."
    )
    assert "agency_name_mismatch" not in [i["code"] for i in answer["issues"]]

    out = tmp_path / "baocao.docx"
    made = runner.invoke(app, ["consolidate", str(inbox), "--out", str(out), "--json"])
    assert made.exit_code == 0, made.output
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    agencies = {a["code"]: a for a in data["agencies"]}
    assert agencies["LDLD"]["tables"]["activities"]["count"] == 2
    assert "TDOAN" not in agencies
    states = {a["code"]: a["state"] for a in data["status"]["agencies"]}
    assert states["TDOAN"] == "missing" and states["LDLD"] == "on_time"
    rows = [
        [cell.text for cell in row.cells]
        for table in Document(str(out)).tables
        for row in table.rows
    ]
    assert any(r[1] == "Tỉnh đoàn" and "Chưa gửi" in r for r in rows)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_name_of_no_roster_agency_stays_the_forms_owners(
    tmp_path: Path, stamper, campaign
) -> None:  # type: ignore[no-untyped-def]
    saved = _forwarded_form(tmp_path, stamper, campaign, "Ban Thường vụ Tỉnh đoàn Bắc Kạn")
    shown = runner.invoke(app, ["validate", str(saved.parent), "--json"])
    [answer] = json.loads(shown.stdout)["files"]
    assert answer["agency_code"] == "TDOAN"
    assert "form_of_other_agency" not in [i["code"] for i in answer["issues"]]


def test_a_copy_named_for_another_agency_says_so_where_the_officer_chooses(
    tmp_path: Path, stamper, campaign
) -> None:  # type: ignore[no-untyped-def]
    # Trial 6, finding 2: the BCHQS clerk sent Hội LHPN's form, filled, in a file named BCHQS.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(ROOT / "examples" / "inbox" / "BC THD 2021 - Hoi LHPN.xlsx", inbox)
    copied = inbox / "BC BCHQS 2021.xlsx"
    copied.write_bytes(stamper.stamp(campaign.agency("HLHPN")))
    book = openpyxl.load_workbook(copied)
    book["Thông tin chung"]["B8"] = "Trần Văn Hùng"
    for column, value in zip("BCDEF", ["Tập huấn", 3, 120, 15, "Tỉnh"], strict=True):
        book["1. Hoạt động"][f"{column}7"] = value
    book.save(copied)

    shown = runner.invoke(app, ["validate", str(inbox), "--json"])
    files = {Path(f["path"]).name: f for f in json.loads(shown.stdout)["files"]}
    codes = {name: [i["code"] for i in f["issues"]] for name, f in files.items()}
    assert "duplicate_agency" in codes["BC BCHQS 2021.xlsx"]
    [hint] = [
        i for i in files["BC BCHQS 2021.xlsx"]["issues"] if i["code"] == "file_name_other_agency"
    ]
    assert hint["message"].startswith(
        "Tên tệp mang tên “Bộ Chỉ huy Quân sự tỉnh” nhưng báo cáo trong tệp là của “Hội Liên hiệp "
        "Phụ nữ tỉnh”"
    )
    assert "file_name_other_agency" not in codes["BC THD 2021 - Hoi LHPN.xlsx"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(
    ("typed", "code", "issue"),
    [
        # Only the typed name says LĐLĐ (a copied sheet's name would too): whose is it? Ask.
        ("Liên đoàn Lao động tỉnh", "TDOAN", "form_agency_unclear"),
        # The issuing body's own name typed there is the addressee, never the sender.
        ("Sở Lao động - Thương binh và Xã hội", "TDOAN", "agency_name_mismatch"),
    ],
)
def test_a_typed_name_alone_never_moves_an_answer(  # type: ignore[no-untyped-def]
    tmp_path: Path, stamper, campaign, typed: str, code: str, issue: str
) -> None:
    saved = _forwarded_form(tmp_path, stamper, campaign, typed, name="Bao cao thang hanh dong.xlsx")
    shown = runner.invoke(app, ["validate", str(saved.parent), "--json"])
    [answer] = json.loads(shown.stdout)["files"]
    assert answer["agency_code"] == code
    codes = [i["code"] for i in answer["issues"]]
    assert issue in codes and "form_of_other_agency" not in codes
