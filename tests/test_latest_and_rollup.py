"""Trial 3 (docs/trials/2026-12-01c): one answer per agency when `--latest` meets two versions
of one report date, and when a district sends its own form beside its data file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from thanghanhdong.cli import app

runner = CliRunner()
REPRO = Path(__file__).parent.parent / "docs" / "trials" / "2026-12-01c" / "repro"


def validate_json(inbox: Path, *args: str) -> dict:
    result = runner.invoke(app, ["validate", str(inbox), "--json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _inbox_of_two_versions(tmp_path: Path, original_at: int, correction_at: int) -> Path:
    """The trial's Sở Y tế: the original and the clerk's correction, both dated 12/12/2021."""
    inbox = tmp_path / "hop3"
    inbox.mkdir()
    for name, at in (("So Y te.xlsx", original_at), ("So Y te (1).xlsx", correction_at)):
        shutil.copy(REPRO / "latest" / name, inbox / name)
        os.utime(inbox / name, (at, at))
    return inbox


def test_latest_on_equal_dates_uses_the_file_saved_later(tmp_path: Path) -> None:
    inbox = _inbox_of_two_versions(tmp_path, 1_639_300_000, 1_639_303_600)
    data = validate_json(inbox, "--latest")
    [used] = data["files"]
    assert Path(used["path"]).name == "So Y te (1).xlsx"
    first = used["issues"][0]
    assert first["code"] == "resubmission_same_date"
    assert "cùng ngày (báo cáo ngày 12/12/2021)" in first["message"]
    assert "được lưu lúc" in first["message"] and "So Y te.xlsx" in first["message"]
    [aside] = data["attachments"]
    assert Path(aside["path"]).name == "So Y te.xlsx"
    assert "bản cũ" not in aside["note"] and "bản lưu trước" in aside["note"]


def test_latest_on_equal_dates_and_times_uses_the_copy_number(tmp_path: Path) -> None:
    inbox = _inbox_of_two_versions(tmp_path, 1_639_300_000, 1_639_300_000)
    data = validate_json(inbox, "--latest")
    [used] = data["files"]
    assert Path(used["path"]).name == "So Y te (1).xlsx"
    assert "số (1) trong tên tệp" in used["issues"][0]["message"]


def test_latest_correction_figures_reach_the_report(tmp_path: Path) -> None:
    inbox = _inbox_of_two_versions(tmp_path, 1_639_300_000, 1_639_303_600)
    out = tmp_path / "hop3.docx"
    result = runner.invoke(app, ["consolidate", str(inbox), "--latest", "--out", str(out)])
    assert result.exit_code == 0, result.output
    document = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert document["totals"]["activities"] == {"count": 7, "male": 130, "female": 250}


def _province_inbox(tmp_path: Path, data_file: Path) -> Path:
    """Na Rì's data file beside Na Rì's own form (Tập huấn 3 cuộc, 60/70, Huyện), as trial 3."""
    inbox = tmp_path / "hop4"
    inbox.mkdir()
    shutil.copy(data_file, inbox / "Na Ri tong hop.json")
    shutil.copy(REPRO / "direct" / "nari.xlsx", inbox / "nari.xlsx")
    return inbox


def _province_totals(tmp_path: Path, inbox: Path) -> tuple[dict, dict]:
    out = tmp_path / "tinh.docx"
    result = runner.invoke(app, ["consolidate", str(inbox), "--out", str(out)])
    assert result.exit_code == 0, result.output
    document = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    states = {a["code"]: a["state"] for a in document["status"]["agencies"]}
    return document["totals"]["activities"], states


def test_a_data_file_holding_the_districts_own_form_is_its_whole_answer(tmp_path: Path) -> None:
    inbox = _province_inbox(tmp_path, REPRO / "rollup" / "nari.json")
    data = validate_json(inbox)
    [used] = data["files"]
    assert Path(used["path"]).name == "Na Ri tong hop.json"
    [joined] = [i for i in used["issues"] if i["code"] == "rollup_with_own_form"]
    assert "để riêng nari.xlsx (không cộng hai lần)" in joined["message"]
    [aside] = data["attachments"]
    assert Path(aside["path"]).name == "nari.xlsx" and "đã có trong tệp tổng hợp" in aside["note"]
    totals, states = _province_totals(tmp_path, inbox)
    assert totals == {"count": 6, "male": 105, "female": 122}  # not 3 / 60 / 70
    assert states["NARI"] in ("on_time", "late")


def _district_data_file_without_its_own_form(tmp_path: Path) -> Path:
    """Na Rì consolidates its two communes only (its office's own form not in its inbox)."""
    (tmp_path / "nr").mkdir()
    os.chdir(tmp_path / "nr")
    roster = str(REPRO / "xa-nari.csv")
    assert runner.invoke(app, ["init", "huyen", "--roster", roster]).exit_code == 0
    config = Path("huyen/thd.toml")
    text = config.read_text(encoding="utf-8").replace(
        'parent = "UBND TỈNH BẮC KẠN"\nname = "SỞ LAO',
        'parent = "UBND HUYỆN NA RÌ"\nname = "PHÒNG LAO',
    )
    config.write_text(text, encoding="utf-8")
    os.chdir("huyen")
    assert runner.invoke(app, ["generate-templates"]).exit_code == 0
    for code, spec in (("kimlu", "1:Tập huấn,1,5,7,Xã"), ("con-minh", "1:Diễn đàn,2,40,45,Xã")):
        [template] = Path("mau-bao-cao").glob(f"*{code}*.xlsx")
        fill = [sys.executable, str(REPRO / "fill.py"), str(template), f"inbox/{code}.xlsx"]
        subprocess.run([*fill, "07/12/2021", spec], check=True)
    # The district signs on 18/12 (thd init leaves the report date open: the day it runs).
    result = runner.invoke(
        app, ["consolidate", "inbox", "--out", "nari.docx", "--date", "18/12/2021"]
    )
    assert result.exit_code == 0, result.output
    return Path("nari.json").resolve()


def test_a_data_file_without_the_districts_own_form_is_used_with_it(tmp_path: Path) -> None:
    data_file = _district_data_file_without_its_own_form(tmp_path)
    os.chdir(tmp_path)
    inbox = _province_inbox(tmp_path, data_file)
    data = validate_json(inbox)
    assert sorted(Path(f["path"]).name for f in data["files"]) == [
        "Na Ri tong hop.json",
        "nari.xlsx",
    ]
    [rollup] = [f for f in data["files"] if f["path"].endswith(".json")]
    [joined] = [i for i in rollup["issues"] if i["code"] == "rollup_with_own_form"]
    assert "nên dùng cả hai" in joined["message"]
    assert data["attachments"] == []
    totals, states = _province_totals(tmp_path, inbox)
    assert totals == {"count": 6, "male": 105, "female": 122}
    assert states["NARI"] in ("on_time", "late")
    # One answer, one row of Na Rì in the per-agency figures (Phụ lục I), its two parts summed.
    document = json.loads((tmp_path / "tinh.json").read_text(encoding="utf-8"))
    [nari] = [a for a in document["agencies"] if a["code"] == "NARI"]
    assert nari["tables"]["activities"]["count"] == 6


def test_a_districts_form_differing_from_its_report_in_the_data_file_is_named(
    tmp_path: Path,
) -> None:
    assert runner.invoke(app, ["generate-templates", "--agency", "NARI"]).exit_code == 0
    [template] = Path("mau-bao-cao").glob("*nari*.xlsx")
    inbox = _province_inbox(tmp_path, REPRO / "rollup" / "nari.json")
    fill = [sys.executable, str(REPRO / "fill.py"), str(template), str(inbox / "nari.xlsx")]
    subprocess.run([*fill, "11/12/2021", "1:Tập huấn,4,60,70,Huyện"], check=True)
    data = validate_json(inbox)
    [used] = data["files"]
    [joined] = [i for i in used["issues"] if i["code"] == "rollup_with_own_form"]
    assert "Số liệu trong nari.xlsx khác: bảng “" in joined["message"]
    assert "số 4 ≠ 3" in joined["message"] and "đề nghị đơn vị xác nhận" in joined["message"]
