"""Trial 9 (2026-12-01i), findings 1 and 3: the ministry's roll-up of provinces.

F1: a province's own report, written by thd for it (header "UBND TỈNH BẮC NINH / SỞ NỘI VỤ"),
as Word or as its signed PDF, is UBND tỉnh Bắc Ninh's answer, not "Chưa gửi": the Sở prepares
and signs the report of the People's Committee above it.
F3: a province that consolidated with levels Tỉnh/Huyện/Xã sends its data file to a ministry
listing Tỉnh and Xã: the Huyện rows are kept as Huyện, said once a file, and counted.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong import completeness, config
from thanghanhdong.cli import app
from thanghanhdong.text import slug

runner = CliRunner()


def _thd(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.chdir(folder)
    done = runner.invoke(app, list(args), terminal_width=200)
    assert done.exception is None or isinstance(done.exception, SystemExit), done.output
    return done.output


def _campaign(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    roster: list[tuple[str, str, str]],
    levels: list[str],
    parent: str,
    name: str,
    place: str,
) -> Path:
    folder.mkdir(parents=True)
    csv = folder.parent / f"{folder.name}.csv"
    csv.write_text(
        "Mã,Tên đơn vị,Nhóm\n" + "".join(f"{c},{n},{g}\n" for c, n, g in roster), encoding="utf-8"
    )
    _thd(folder.parent, monkeypatch, "init", str(folder), "--roster", str(csv), "--force")
    text = (folder / "thd.toml").read_text(encoding="utf-8")
    for key, value in {
        "id": f'"{folder.name}"',
        "year": "2026",
        "plan_date": "2026-10-20",
        "period_start": "2026-11-15",
        "period_end": "2026-12-15",
        "deadline": "2026-12-25",
        "parent": f'"{parent}"',
        "place": f'"{place}"',
        "levels": json.dumps(levels, ensure_ascii=False),
    }.items():
        text = re.sub(rf"(?m)^{key} = .*$", f"{key} = {value}", text, count=1)
    text = text.replace('name = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"', f'name = "{name}"')
    (folder / "thd.toml").write_text(text, encoding="utf-8")
    return folder


def _province(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    slug: str,
    province: str,
    levels: list[str],
    rows: dict[str, list[tuple[str, int, int, int, str]]],
    products: dict[str, list[tuple[str, int, str]]] | None = None,
) -> Path:
    """A province's campaign consolidated by thd from its agencies' forms (filled in openpyxl)."""
    roster = [("SYT", "Sở Y tế", "province"), ("MYLAM", "UBND xã Mỹ Lâm", "commune")]
    folder = _campaign(
        root / slug, monkeypatch, roster, levels, f"UBND TỈNH {province.upper()}", "SỞ NỘI VỤ",
        province,
    )  # fmt: skip
    _thd(folder, monkeypatch, "generate-templates")
    for blank in (folder / "mau-bao-cao").glob("*.xlsx"):
        book = openpyxl.load_workbook(blank)
        code = book["_thd"]["B4"].value
        info = book["Thông tin chung"]
        info["B6"], info["B13"], info["B14"] = "10/12/2026", 5000000, 0
        info["B16"] = "Các hoạt động được triển khai đúng kế hoạch."
        for i, values in enumerate(rows[code]):
            for column, value in zip("BCDEF", values, strict=True):
                book["1. Hoạt động"][f"{column}{7 + i}"] = value
        for i, values in enumerate((products or {}).get(code, [])):
            for column, value in zip("BCF", values, strict=True):  # people left blank
                book["3. Sản phẩm"][f"{column}{7 + i}"] = value
        book.save(folder / "inbox" / blank.name)
    _thd(folder, monkeypatch, "consolidate", "inbox", "--out", "baocao.docx", "--date",
         "18/12/2026", "--force")  # fmt: skip
    assert (folder / "baocao.json").exists() and (folder / "baocao.docx").exists()
    return folder


def _ministry(root: Path, monkeypatch: pytest.MonkeyPatch, provinces: list[str]) -> Path:
    roster = [(slug(p).replace("-", "").upper(), f"UBND tỉnh {p}", "province") for p in provinces]
    return _campaign(
        root / "bo", monkeypatch, roster, ["Tỉnh", "Xã"], "BỘ NỘI VỤ", "VỤ BÌNH ĐẲNG GIỚI", "Hà Nội"
    )


def _validated(ministry: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    out = _thd(ministry, monkeypatch, "validate", "inbox", "--json")
    return json.loads(out[out.index("{") :])  # after the "Dùng cấu hình ..." line


def _agency_codes(report: dict) -> dict[str, str | None]:
    return {Path(f["path"]).name: f.get("agency_code") for f in report["files"]}


ROWS = {"SYT": [("Tập huấn", 2, 30, 40, "Tỉnh")], "MYLAM": [("Tập huấn", 1, 5, 6, "Xã")]}


def test_a_provinces_word_report_and_its_pdf_are_its_committees_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bac_ninh = _province(tmp_path, monkeypatch, "bac-ninh", "Bắc Ninh", ["Tỉnh", "Xã"], ROWS)
    phu_tho = _province(tmp_path, monkeypatch, "phu-tho", "Phú Thọ", ["Tỉnh", "Xã"], ROWS)
    ministry = _ministry(tmp_path, monkeypatch, ["Bắc Ninh", "Phú Thọ", "Lào Cai"])
    inbox = ministry / "inbox"
    shutil.copy(bac_ninh / "baocao.docx", inbox / "Bao cao UBND tinh Bac Ninh.docx")
    if SOFFICE:
        (pdf,) = soffice_convert([phu_tho / "baocao.docx"], "pdf", tmp_path, tmp_path / "lo")
        shutil.copy(pdf, inbox / "UBND tinh Phu Tho - BC THD 2026 (da ky).pdf")
    report = _validated(ministry, monkeypatch)
    codes = _agency_codes(report)
    assert codes["Bao cao UBND tinh Bac Ninh.docx"] == "BACNINH", report
    if SOFFICE:
        assert codes["UBND tinh Phu Tho - BC THD 2026 (da ky).pdf"] == "PHUTHO", report
    missing = report["missing_agencies"]
    assert missing == ["LAOCAI"] if SOFFICE else ["PHUTHO", "LAOCAI"]
    screen = _thd(ministry, monkeypatch, "validate", "inbox")
    assert "SỞ NỘI VỤ" not in screen and "Không nhận ra đơn vị" not in screen
    assert "UBND tỉnh Bắc Ninh (BACNINH)" not in screen.split("Chưa gửi")[-1]


@pytest.mark.parametrize(
    ("left", "sender"),
    [
        (["UBND TỈNH BẮC NINH", "SỞ NỘI VỤ"], "BACNINH"),
        (["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"], "BACNINH"),
        (["UBND HUYỆN BA BỂ", "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"], "BABE"),
        (["UBND HUYỆN BA BỂ", "VĂN PHÒNG HĐND VÀ UBND"], "BABE"),
        (["UBND XÃ MỸ LÂM", "CÔNG CHỨC VĂN HÓA - XÃ HỘI"], "MYLAM"),
        (["UBND TỈNH BẮC NINH", "TRUNG TÂM KHUYẾN NÔNG"], None),  # not its own office
        (["UBND HUYỆN BA BỂ", "TRUNG TÂM Y TẾ HUYỆN BA BỂ"], None),
        (["UBND HUYỆN BA BỂ", "VĂN PHÒNG HUYỆN ỦY"], None),  # the Party's office
        (["UBND HUYỆN BA BỂ", "SỞ NỘI VỤ"], None),  # no Sở under a district
        (["SỞ Y TẾ", "TRUNG TÂM Y TẾ HUYỆN BA BỂ"], None),  # Sở Y tế is no People's Committee
    ],
)
def test_a_committees_own_office_under_it_answers_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, left: list[str], sender: str | None
) -> None:
    roster = [
        ("BACNINH", "UBND tỉnh Bắc Ninh", "province"),
        ("BABE", "UBND huyện Ba Bể", "district"),
        ("MYLAM", "UBND xã Mỹ Lâm", "commune"),
        ("SYT", "Sở Y tế", "province"),
    ]
    folder = _campaign(
        tmp_path / "bo",
        monkeypatch,
        roster,
        ["Tỉnh", "Xã"],
        "BỘ NỘI VỤ",
        "VỤ BÌNH ĐẲNG GIỚI",
        "Hà Nội",
    )
    campaign = config.load(folder / "thd.toml")
    found = completeness.header_agency(campaign, left, blanks_read=False)
    assert (found.agency.code if found.agency else None) == sender, found
    if sender is None:
        assert found.unknown == left[-1]


def test_a_provinces_district_level_is_kept_at_the_ministry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = {
        "SYT": [("Tập huấn", 2, 30, 40, "Tỉnh")],
        "MYLAM": [("Tập huấn", 3, 20, 30, "Huyện"), ("Tọa đàm", 1, 4, 6, "Xã")],
    }
    products = {"MYLAM": [("Tờ rơi", 100, "Huyện")]}
    levels = ["Tỉnh", "Huyện", "Xã"]
    cao_bang = _province(tmp_path, monkeypatch, "cao-bang", "Cao Bằng", levels, rows, products)
    ministry = _ministry(tmp_path, monkeypatch, ["Cao Bằng"])
    shutil.copy(cao_bang / "baocao.json", ministry / "inbox" / "cao-bang.json")
    report = _validated(ministry, monkeypatch)
    (answer,) = report["files"]
    issues = answer["issues"]
    assert answer["agency_code"] == "CAOBANG"
    assert not [i for i in issues if i["severity"] == "error"], issues
    kept = [i for i in issues if i["code"] == "rollup_level_kept"]
    assert len(kept) == 1, issues  # one a file, though two tables have Huyện rows
    assert "cấp “Huyện”" in kept[0]["message"] and "vẫn cộng" in kept[0]["message"]

    out = _thd(ministry, monkeypatch, "consolidate", "inbox", "--out", "baocao.docx",
               "--xlsx", "tonghop.xlsx", "--date", "28/12/2026", "--force")  # fmt: skip
    data = json.loads((ministry / "baocao.json").read_text(encoding="utf-8"))
    by_level = {lv["level"]: lv for lv in data["tables"]["activities"]["levels"]}
    assert by_level["Tỉnh"]["count"] == 2 and by_level["Xã"]["count"] == 1, out
    assert by_level["Huyện"]["count"] == 3 and by_level["Huyện"]["total"] == 50
    assert data["tables"]["activities"]["total"]["count"] == 6
    products_by_level = {lv["level"]: lv for lv in data["tables"]["products"]["levels"]}
    assert products_by_level["Huyện"]["count"] == 100

    import docx

    text = "\n".join(p.text for p in docx.Document(str(ministry / "baocao.docx")).paragraphs)
    assert "cấp huyện 3 cuộc" in text, text
