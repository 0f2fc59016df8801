"""One rule names the sender of an ND30 header in every kind of answer (review 2026-12-01,
H2): a retyped Excel form, a Word report, its PDF and a scan's OCR text. The lowest line naming
a roster agency is the sender, unless a line under it names a unit the roster lacks; the parent
line alone is the agency when the roster holds it (a ministry consolidating provinces)."""

from __future__ import annotations

import json
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert
from test_header_parent_line import _body, _ocr_scan
from typer.testing import CliRunner
from word_reports import header_table, signature_table

from thanghanhdong import form
from thanghanhdong.cli import app

runner = CliRunner()

# A ministry's roster of provinces: its own parent is the Government, not a province's UBND.
MINISTRY = "Tên đơn vị,Mã\nUBND tỉnh Bắc Kạn,BK\nUBND tỉnh Cao Bằng,CB\n"
PROVINCE = "Tên đơn vị,Mã\nSở Y tế,SYT\nUBND huyện Ba Bể,BABE\nSở Tư pháp,STP\n"


def _campaign(tmp_path: Path, roster_text: str, ministry: bool) -> Path:
    roster = tmp_path / "roster.csv"
    roster.write_text(roster_text, encoding="utf-8")
    folder = tmp_path / "camp"
    made = runner.invoke(app, ["init", str(folder), "--roster", str(roster)])
    assert made.exit_code == 0, made.output
    if ministry:
        config = folder / "thd.toml"
        text = config.read_text(encoding="utf-8")
        text = text.replace('parent = "UBND TỈNH BẮC KẠN"', 'parent = "CHÍNH PHỦ"')
        text = text.replace('name = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"', 'name = "BỘ NỘI VỤ"')
        config.write_text(text, encoding="utf-8")
    return folder


def _excel(path: Path, left: list[str]) -> None:
    """A form retyped in openpyxl: the header in A1 (no "Tên đơn vị" label), then the tables."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "BC"
    sheet["A1"] = "\n".join(left)
    sheet["A2"] = "Ngày báo cáo: 15/12/2021"
    top = 4
    for spec in form.TABLES:
        group = next((c.group for c in spec.columns if c.group), "")
        sheet.append([])
        for r, values in enumerate(
            (
                [spec.column(c.key).label if not c.group else group for c in spec.columns],
                [c.label if c.group else "" for c in spec.columns],
                [1, "Tập huấn", 2, 10, 12, "Huyện"]
                if len(spec.columns) >= 6
                else [1, "Tờ rơi", 50, "Xã"],
            )
        ):
            for c, value in enumerate(values):
                sheet.cell(top + r, c + 1, value)
        top += 5
    book.save(path)


def _word(path: Path, left: list[str]) -> None:
    document = docx.Document()
    header_table(document, [(t, True) for t in [*left, "Số: 77/BC"]], "Bắc Kạn, ngày 13/12/2021")
    _body(document)
    signature_table(document, ["GIÁM ĐỐC", "(Đã ký)", "Vi Văn Khánh"])
    document.save(path)


def _ascii(text: str) -> bytes:
    folded = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("…", "..."))
    return "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii")


def _builders(tmp_path: Path, left: list[str]) -> dict[str, Callable[[Path], None]]:
    """Each kind of answer carrying the header: file name -> its builder."""

    def pdf(target: Path) -> None:
        source = tmp_path / "src" / "bao cao 3.docx"
        source.parent.mkdir(exist_ok=True)
        _word(source, left)
        soffice_convert([source], "pdf", target.parent, tmp_path / "profile")

    scan = _ocr_scan([_ascii(t) for t in [*left, "So: 45/BC"]])
    built = {
        "bao cao 1.xlsx": lambda target: _excel(target, left),
        "bao cao 2.docx": lambda target: _word(target, left),
        "bao cao 4.pdf": lambda target: target.write_bytes(scan) and None,
    }
    return {**built, "bao cao 3.pdf": pdf} if SOFFICE is not None else built


def _answers(folder: Path, tmp_path: Path, left: list[str]) -> dict[str, tuple]:
    """Each answer alone in the inbox (alike, they would be copies of one answer): file name
    -> (the code of the agency it is credited to, its issue codes, its messages)."""
    inbox = folder / "inbox"
    config = folder / "thd.toml"
    found = {}
    for name, build in _builders(tmp_path, left).items():
        for old in inbox.iterdir():
            old.unlink()
        build(inbox / name)
        run = runner.invoke(app, ["validate", str(inbox), "--config", str(config), "--json"])
        data = json.loads(run.stdout)
        if data["files"]:
            [answer] = data["files"]
            issues = answer["issues"]
            messages = " ".join(i["message"] for i in issues)
            found[name] = (answer["agency_code"], [i["code"] for i in issues], messages)
        else:  # a scan naming no roster agency is listed apart
            [other] = data["others"]
            found[name] = (None, [other["code"]], other["note"])
    return found


def test_a_ministry_credits_a_provinces_one_line_header_to_the_province(
    tmp_path: Path,
) -> None:
    folder = _campaign(tmp_path, MINISTRY, ministry=True)
    answers = _answers(folder, tmp_path, ["UBND TỈNH BẮC KẠN"])
    for name, (agency, codes, _) in answers.items():
        assert agency == "BK", (name, codes)


@pytest.mark.parametrize("left", [["UBND TỈNH BẮC KẠN", "SỞ ………"], ["UBND TỈNH BẮC KẠN", "…………"]])
def test_an_agency_line_left_to_fill_is_never_the_province_above_it(
    tmp_path: Path, left: list[str]
) -> None:
    """A ministry's roster holds the province; a Sở's header with its own line left to fill
    names no agency (the file names, the sender's address or "Chưa ghi tên đơn vị" do)."""
    folder = _campaign(tmp_path, MINISTRY, ministry=True)
    for name, (agency, codes, _) in _answers(folder, tmp_path, left).items():
        assert agency is None, (name, codes)
        expected = "scanned_unknown" if name.endswith("4.pdf") else "agency_not_named"
        assert expected in codes, (name, codes)


def test_a_unit_under_a_roster_agency_is_not_credited_to_it(tmp_path: Path) -> None:
    """The health centre under the Sở is not on the roster: the message names its line, and
    no answer is credited to Sở Y tế."""
    folder = _campaign(tmp_path, PROVINCE, ministry=False)
    left = ["SỞ Y TẾ", "TRUNG TÂM Y TẾ HUYỆN BA BỂ"]
    answers = _answers(folder, tmp_path, left)
    for name, (agency, codes, text) in answers.items():
        assert agency is None, (name, codes)
        if name.endswith("4.pdf"):
            assert codes == ["scanned_unknown"]
            continue
        assert {"unknown_agency", "unknown_agency_close"} & set(codes), (name, codes)
        assert "“TRUNG TÂM Y TẾ HUYỆN BA BỂ”" in text, name


def test_a_header_typed_as_two_tabbed_columns_names_its_agency(tmp_path: Path) -> None:
    # Trial 7, finding 1: the header typed as paragraphs "left<TAB><TAB>right"; the motto's end
    # wraps to the left margin ("VIỆT NAM", "phúc") and was read as the agency's line: a signed
    # PDF of the Sở VHTTDL was "chưa gửi".
    roster = 'Tên đơn vị,Mã\n"Sở Văn hóa, Thể thao và Du lịch",SVHTTDL\nSở Y tế,SYT\n'
    folder = _campaign(tmp_path, roster, ministry=False)
    document = docx.Document()
    left = ["UBND TỈNH BẮC KẠN", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    for own, motto in zip(left, right, strict=True):
        document.add_paragraph().add_run(f"{own}\t\t{motto}").bold = True
    document.add_paragraph("Số: 77/BC-SVHTTDL")
    _body(document)
    signature_table(document, ["GIÁM ĐỐC", "(Đã ký)", "Vi Văn Khánh"])
    source = tmp_path / "BC THD.docx"
    document.save(source)
    inbox = folder / "inbox"
    shutil.copy(source, inbox / "BC THD.docx")
    if SOFFICE is not None:
        soffice_convert([source], "pdf", inbox, tmp_path / "profile")
    run = runner.invoke(
        app, ["validate", str(inbox), "--config", str(folder / "thd.toml"), "--json"]
    )
    credited = {Path(f["path"]).name: f["agency_code"] for f in json.loads(run.stdout)["files"]}
    assert set(credited.values()) == {"SVHTTDL"}, credited
