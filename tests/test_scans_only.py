"""An inbox holding only scans or pictures (no figures to read anywhere) is not a success:
validate exits 1 as consolidate refuses, and says to ask the agency for the Excel form. The
scans are written by Pillow (a PDF without a text layer, a JPEG photo)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from thanghanhdong.cli import app

runner = CliRunner()


def _scan(path: Path, kind: str = "PDF") -> None:
    Image.new("RGB", (300, 420), "white").save(path, kind, resolution=60)


def _validate(inbox: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", str(inbox)], terminal_width=80)
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize("names", [["scan_0012.pdf"], ["IMG_2031.jpg", "scan_0012.pdf"]])
def test_scans_of_no_agency_alone_exit_1_and_ask_for_the_form(
    tmp_path: Path, names: list[str]
) -> None:
    for name in names:
        _scan(tmp_path / name, "JPEG" if name.endswith(".jpg") else "PDF")
    code, screen = _validate(tmp_path)
    assert code == 1
    assert "chưa có báo cáo nào để kiểm tra" not in screen
    assert "Chưa có báo cáo nào đọc được số liệu" in screen
    assert "đề nghị đơn vị gửi lại mẫu Excel đã điền" in screen


def test_a_named_scan_alone_exits_1(tmp_path: Path) -> None:
    _scan(tmp_path / "So Y te.pdf")
    code, screen = _validate(tmp_path)
    assert code == 1
    assert "cần nhập số liệu" in screen
    assert "Chưa có báo cáo nào đọc được số liệu" in screen


def test_json_exit_code_is_the_same(tmp_path: Path) -> None:
    _scan(tmp_path / "scan_0012.pdf")
    result = runner.invoke(app, ["validate", str(tmp_path), "--json"])
    assert result.exit_code == 1
