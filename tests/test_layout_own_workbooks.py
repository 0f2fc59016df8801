"""A commune's own workbook retyping the tables (trial 8, findings 1 and 2), built with openpyxl
and saved again by LibreOffice, through `thd validate --json` and `thd consolidate --json`: a
table without the level column is a `missing_column` error (as for a generated form whose column
was deleted), never "Mẫu chưa điền gì"; a one-row header "Số người tham gia (Nam)" reads as the
two-row "Số người tham gia" over "Nam | Nữ"."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong.cli import app

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
runner = CliRunner()

ROSTER = """Tên đơn vị,Mã
UBND xã Yên Thịnh,YTHINH
UBND xã Hữu Liên,HLIEN
UBND xã Yên Bình,YBINH
UBND xã Yên Sơn,YSON
UBND xã Minh Tiến,MTIEN
"""
# One-row Nam / Nữ labels as clerks type them (the two-row header "Số người tham gia" over
# "Nam | Nữ", test_reader_layouts.py, reads the same figures).
ONE_ROW = {
    "YTHINH": ("Số người tham gia (Nam)", "Số người tham gia (Nữ)"),
    "YBINH": ("Nam (người)", "Nữ (người)"),
    "YSON": ("Số nam", "Số nữ"),
    "MTIEN": ("Nam giới", "Nữ giới"),
}
NAMES = dict(line.split(",")[::-1] for line in ROSTER.splitlines()[1:])


def _no_level_column(path: Path) -> None:
    """Hữu Liên's workbook: sheets "Bieu 1..3", two-row merged headers, Thời gian / Địa điểm
    columns and no "Cấp triển khai" column (everything is Xã)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    tables = [("Hoạt động", "Số cuộc", "Diễn đàn"), ("Nội dung", "Số lượng", "Mạng xã hội")]
    for k, (name, count, item) in enumerate([*tables, ("Sản phẩm", "Số lượng", "Pano")], 1):
        ws = wb.create_sheet(f"Bieu {k}")
        ws["A1"] = "Tên đơn vị báo cáo: UBND xã Hữu Liên"
        ws["A2"] = f"Biểu {k}. Kết quả Tháng hành động vì bình đẳng giới"
        ws.append(["STT", name, count, "Số người tham gia", None, "Thời gian", "Địa điểm"])
        ws.append([None, None, None, "Nam", "Nữ", None, None])
        for c in "ABCFG":
            ws.merge_cells(f"{c}3:{c}4")
        ws.merge_cells("D3:E3")
        ws.append([1, item, 2, 80, 120, "11/2021", "Nhà văn hóa thôn Cai Kinh"])
    wb.save(path)


def _one_table(path: Path, code: str) -> None:
    """Yên Thịnh's layout: one sheet, the activities table with a one-row header."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([f"Tên đơn vị báo cáo: {NAMES[code]}"])
    ws.append(["1. Tổ chức các hoạt động hưởng ứng"])
    ws.append(["STT", "Hoạt động", "Số cuộc", *ONE_ROW[code], "Cấp triển khai"])
    ws.append([1, "Tập huấn", 2, 10, 20, "Xã"])
    ws.append([2, "Tọa đàm", 1, 5, 35, "Xã"])
    wb.save(path)


def _generated_without_level(work: Path) -> Path:
    """Yên Bình's generated form, two activities typed, then the level column deleted."""
    dot = _init(work)
    forms = work / "forms"
    command = ["generate-templates", "--config", str(dot / "thd.toml"), "--out", str(forms)]
    result = runner.invoke(app, [*command, "--agency", "YBINH"])
    assert result.exit_code == 0, result.output
    path = next(forms.glob("*.xlsx"))
    wb = openpyxl.load_workbook(path)
    ws = wb["1. Hoạt động"]
    for box in [str(b) for b in ws.merged_cells.ranges if "F" in str(b)]:
        ws.unmerge_cells(box)
    for r, row in enumerate([["Tập huấn", 2, 10, 20, "Xã"], ["Tọa đàm", 1, 5, 35, "Xã"]], 7):
        for c, value in enumerate(row, 2):
            ws.cell(r, c, value)
    ws.delete_cols(6)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every workbook of this module, saved again by LibreOffice in one run."""
    work = tmp_path_factory.mktemp("own")
    sources = {"HLIEN-nolevel": work / "Bao cao Huu Lien.xlsx"}
    sources["YBINH-generated"] = _generated_without_level(work)
    _no_level_column(sources["HLIEN-nolevel"])
    for code in ONE_ROW:
        sources[code] = work / f"BC THD {code}.xlsx"
        _one_table(sources[code], code)
    converted = soffice_convert(list(sources.values()), "xlsx", work / "lo", work / "profile")
    return dict(zip(sources, converted, strict=True))


def _init(tmp_path: Path) -> Path:
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    dot = tmp_path / "dot"
    result = runner.invoke(app, ["init", str(dot), "--roster", str(tmp_path / "roster.csv")])
    assert result.exit_code == 0, result.output
    return dot


def _campaign(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: Path) -> Path:
    dot = _init(tmp_path)
    (dot / "inbox" / answer.name).write_bytes(answer.read_bytes())
    monkeypatch.chdir(dot)
    return dot


def _validate() -> dict:
    result = runner.invoke(app, ["validate", "inbox", "--json"])
    return json.loads(result.stdout)["files"][0]


def test_a_table_without_the_level_column_is_missing_column_not_empty(
    saved: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _campaign(tmp_path, monkeypatch, saved["HLIEN-nolevel"])
    answer = _validate()
    assert answer["agency_code"] == "HLIEN"
    codes = [i["code"] for i in answer["issues"]]
    assert "empty_form" not in codes
    missing = [i for i in answer["issues"] if i["code"] == "missing_column"]
    assert [(i["sheet"], i["cell"]) for i in missing] == [
        ("Bieu 1", "A3"),
        ("Bieu 2", "A3"),
        ("Bieu 3", "A3"),
    ]
    assert all("thiếu cột Cấp triển khai" in i["message"] for i in missing)
    assert all(i["severity"] == "error" for i in missing)
    assert answer["status"] == "errors"


@pytest.mark.parametrize("code", list(ONE_ROW))
def test_one_row_nam_nu_labels_read_as_the_two_row_header(
    code: str, saved: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _campaign(tmp_path, monkeypatch, saved[code])
    answer = _validate()
    assert answer["agency_code"] == code
    codes = {i["code"] for i in answer["issues"]}
    assert not codes & {"empty_form", "missing_column", "table_missing"}
    assert answer["ok"]
    command = ["consolidate", "inbox", "--out", "b.docx", "--date", "20/12/2021", "--json"]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["tables"]["activities"]["rows"]
    assert sorted((r["item"], r["level"], r["count"], r["male"], r["female"]) for r in rows) == [
        ("Tập huấn", "Xã", 2, 10, 20),
        ("Tọa đàm", "Xã", 1, 5, 35),
    ]


def test_a_generated_form_with_the_level_column_deleted_gets_the_same_issue(
    saved: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _campaign(tmp_path, monkeypatch, saved["YBINH-generated"])
    answer = _validate()
    assert answer["agency_code"] == "YBINH"
    codes = [i["code"] for i in answer["issues"]]
    assert "empty_form" not in codes
    missing = [i for i in answer["issues"] if i["code"] == "missing_column"]
    assert [(i["sheet"], i["cell"]) for i in missing] == [("1. Hoạt động", "A5")]
    assert "thiếu cột Cấp triển khai" in missing[0]["message"]
