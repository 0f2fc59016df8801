"""One mistake repeated down a column (a figure filled down far below the table, "x" typed in
every row) is said once with its cells, on the screen, in the correction letter and in the
reminder; the JSON keeps every cell, and a problem in three cells or fewer is said cell by cell.
Forms filled with openpyxl and saved again by LibreOffice (trial 2026-12-02e: a value filled
down 2,000 rows gave 1,992 lines on the screen and a letter of as many points)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong import messages
from thanghanhdong.cli import app
from thanghanhdong.completeness import _problems
from thanghanhdong.config import Campaign
from thanghanhdong.model import Grid, Issue, Location, Severity
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

ACTS = "1. Hoạt động"
runner = CliRunner()


def _form(path: Path, campaign: Campaign, stamper: FormStamper, code: str, fill) -> Path:
    path.write_bytes(stamper.stamp(campaign.agency(code)))
    book = openpyxl.load_workbook(path)
    info = book["Thông tin chung"]
    base = {"B5": "45/BC-UBND", "B6": "15/12/2021", "B7": "Phó Chủ tịch", "B8": "Nguyễn Văn A"}
    base |= {"B11": "Có", "B12": "Có", "B13": 15000000, "B14": 0, "B16": "Có", "B17": "Có"}
    for cell, value in (base | {"B18": "Có"}).items():
        info[cell] = value
    acts = book[ACTS]
    for i, row in enumerate([["Tọa đàm", 2, 30, 40, "Huyện"], ["Tập huấn", 3, 50, 60, "Xã"]]):
        for column, value in zip("BCDEF", row, strict=True):
            acts[f"{column}{7 + i}"] = value
    fill(acts)
    book.save(path)
    return path


def _filled_down(acts) -> None:  # the Số cuộc of the last row dragged down 300 rows
    for row in range(20, 320):
        acts[f"C{row}"] = "=C8"


def _x_every_other_row(acts) -> None:  # "x" for none in Nam, four rows apart from one another
    for i, row in enumerate(range(7, 15, 2)):
        for column, value in zip("BCDEF", [f"Hoạt động {i}", 1, "x", 5, "Xã"], strict=True):
            acts[f"{column}{row}"] = value


def _x_three_times(acts) -> None:
    for row in (7, 8, 9):
        acts[f"D{row}"] = "x"


@pytest.fixture(scope="module")
def inbox(tmp_path_factory, campaign: Campaign, stamper: FormStamper) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("repeated")
    sources = [
        _form(work / "babe.xlsx", campaign, stamper, "BABE", _filled_down),
        _form(work / "nari.xlsx", campaign, stamper, "NARI", _x_every_other_row),
        _form(work / "pacnam.xlsx", campaign, stamper, "PACNAM", _x_three_times),
    ]
    saved = soffice_convert(sources, "xlsx", work / "inbox", work / "profile")
    return saved[0].parent


def test_a_value_filled_down_is_one_line_on_the_screen(inbox: Path, campaign: Campaign) -> None:
    result = validate_file(inbox / "babe.xlsx", campaign)
    missing = [i for i in result.issues if i.code == "missing_item"]
    assert len(missing) == 300  # every cell is still an issue (JSON, the marked copy)
    shown = runner.invoke(app, ["validate", str(inbox)], terminal_width=200).output
    assert shown.count("Hoạt động!B2") == 1 and "Hoạt động!B21" not in shown
    assert "Lỗi ở 1. Hoạt động!B20 đến B319 (300 ô): Dòng có số liệu nhưng chưa ghi tên" in shown
    as_json = json.loads(runner.invoke(app, ["validate", str(inbox), "--json"]).stdout)
    babe = next(f for f in as_json["files"] if f["path"].endswith("babe.xlsx"))
    assert sum(i["code"] == "missing_item" for i in babe["issues"]) == 300


def test_rows_apart_and_three_cells(inbox: Path) -> None:
    shown = " ".join(
        runner.invoke(app, ["validate", str(inbox)], terminal_width=200).output.split()
    )
    # NARI: four rows with "x" under Nam, a row apart: the first cells, then how many.
    assert "Lỗi ở 1. Hoạt động!D7, D9, D11... (4 ô): “x” không phải là số" in shown
    # PACNAM: three cells are said one by one.
    for cell in ("D7", "D8", "D9"):
        assert f"Lỗi ở 1. Hoạt động!{cell}: “x” không phải là số" in shown


def test_the_letter_and_the_reminder_name_the_cells_once(
    inbox: Path, campaign: Campaign, tmp_path: Path
) -> None:
    out = tmp_path / "can-sua"
    runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)])
    letter = [p.text for p in docx.Document(str(out / "babe_can-sua.docx")).paragraphs]
    points = [p for p in letter if p.startswith("- ")]
    assert points == [
        "- Lỗi (1. Hoạt động!B20 đến B319, 300 ô): Dòng có số liệu nhưng chưa ghi tên (Hoạt "
        "động): ghi tên hoặc xóa số liệu."
    ]
    assert any("báo cáo còn 1 điểm cần xem lại (trong đó 1 lỗi" in p for p in letter)
    # The marked copy: every cell marked, its "Cần sửa" sheet one line for them.
    copy = openpyxl.load_workbook(out / "babe_can-sua.xlsx")
    marked = [c for row in copy[ACTS]["B20:B319"] for c in row if c.comment is not None]
    assert len(marked) == 300
    fix = copy["Cần sửa"]
    assert fix["A1"].value == "CÁC ĐIỂM CẦN SỬA (1)"
    assert [c.value for c in fix[4]][2:4] == [ACTS, "B20 đến B319 (300 ô)"]
    assert fix["A5"].value is None
    result = validate_file(inbox / "babe.xlsx", campaign)
    assert _problems([result]) == (
        "bảng 1. Hoạt động, dòng 20 và 299 dòng khác, cột Hoạt động: dòng có số liệu nhưng "
        "chưa ghi tên (Hoạt động)",
    )


def test_a_documents_table_names_its_rows() -> None:
    def at(row: int) -> Issue:
        where = Location("bảng thứ 1", row, 3, Grid.TABLE, "Nam")
        return Issue("not_a_number", Severity.ERROR, "“x” không phải là số", where)

    said = messages.runs([at(row) for row in range(2, 40)] + [at(row) for row in (41, 43)])
    assert [(p.count, p.where()) for p in said] == [
        (40, "bảng thứ 1, dòng 3, 4, 5..., cột Nam (40 ô)")
    ]
    said = messages.runs([at(row) for row in range(2, 40)])
    assert said[0].where() == "bảng thứ 1, dòng 3 đến 40, cột Nam (38 ô)"
    alone = Issue("empty_narrative", Severity.WARNING, "Mục để trống.", Location("mục II.2"))
    assert [p.count for p in messages.runs([alone, alone])] == [1, 1]  # no cells: as it is
