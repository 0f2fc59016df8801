"""A commune's own workbook with its budget typed as one line under the tables (trial 8, finding
9), built with openpyxl and saved again by LibreOffice, through `thd consolidate --json`: the line
is read as a Word report's budget line is (an unsplit total, or the split it states), never
left out with "Chưa thấy kinh phí"."""

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

ROSTER = "Tên đơn vị,Mã\nUBND xã Yên Thịnh,YTHINH\n"
# The budget lines as clerks type them, and what the report counts (state, mobilized, unsplit).
LINES = {
    "total-in-cell": (["Tổng kinh phí: 3.500.000đ"], {"unsplit": 3_500_000}),
    "total-right": (["Kinh phí thực hiện:", None, 4_500_000], {"unsplit": 4_500_000}),
    "millions-right": (["Tổng kinh phí", "2,5 triệu đồng"], {"unsplit": 2_500_000}),
    "item-column": ([None, "Tổng kinh phí", 1_200_000], {"unsplit": 1_200_000}),
    "split": (
        ["Tổng kinh phí: 3.500.000 đồng (ngân sách nhà nước 3 triệu, xã hội hóa 500.000 đồng)"],
        {"state": 3_000_000, "mobilized": 500_000},
    ),
}


def _own_workbook(path: Path, line: list[object]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tên đơn vị báo cáo: UBND xã Yên Thịnh"])
    ws.append(["1. Tổ chức các hoạt động hưởng ứng"])
    ws.append(["STT", "Hoạt động", "Số cuộc", "Số người tham gia", None, "Cấp triển khai"])
    ws.append([None, None, None, "Nam", "Nữ", None])
    ws.append([1, "Tập huấn", 2, 10, 20, "Xã"])
    ws.append([])
    ws.append(line)
    wb.save(path)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("budgetline")
    sources = {key: work / f"BC THD Yen Thinh {key}.xlsx" for key in LINES}
    for key, path in sources.items():
        _own_workbook(path, LINES[key][0])
    converted = soffice_convert(list(sources.values()), "xlsx", work / "lo", work / "profile")
    return dict(zip(sources, converted, strict=True))


@pytest.mark.parametrize("key", list(LINES))
def test_a_budget_line_of_an_own_workbook_is_counted(
    key: str, saved: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    dot = tmp_path / "dot"
    result = runner.invoke(app, ["init", str(dot), "--roster", str(tmp_path / "roster.csv")])
    assert result.exit_code == 0, result.output
    (dot / "inbox" / saved[key].name).write_bytes(saved[key].read_bytes())
    monkeypatch.chdir(dot)
    checked = json.loads(runner.invoke(app, ["validate", "inbox", "--json"]).stdout)["files"][0]
    codes = {i["code"] for i in checked["issues"]}
    assert "budget_not_found" not in codes
    assert ("budget_unsplit" in codes) == ("unsplit" in LINES[key][1])
    command = ["consolidate", "inbox", "--out", "b.docx", "--date", "20/12/2021", "--json"]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    budget = {k: v for k, v in json.loads(result.stdout)["budget"].items() if v}
    assert budget == LINES[key][1]
