"""Codes are local to the roster of the level that issued a data file (trial 2026-12-01c,
finding 4): two provinces both have a `SYT` (their own Sở Y tế), which is no double counting;
the same commune inside two districts' data files of one province still is, named."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from typer.testing import CliRunner

from thanghanhdong.cli import app

runner = CliRunner()
TRIAL = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01c" / "repro"
sys.path.insert(0, str(TRIAL))
from fill import fill  # noqa: E402  (the trial's filler: openpyxl on the generated template)


def _ministry(tmp_path: Path) -> Path:
    (tmp_path / "thd.toml").write_bytes((TRIAL / "rollup" / "bo.thd.toml").read_bytes())
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("backan.json", "caobang.json"):
        shutil.copy(TRIAL / "rollup" / name, inbox)
    return inbox


def test_two_provinces_each_with_their_own_syt_are_both_used(tmp_path: Path) -> None:
    inbox = _ministry(tmp_path)
    config = str(tmp_path / "thd.toml")
    result = runner.invoke(app, ["validate", str(inbox), "--config", config, "--json"])
    data = json.loads(result.stdout)
    states = {a["code"]: a["state"] for a in data["completeness"]["agencies"]}
    assert states == {"UTBK": "late", "UTCB": "late", "UTLS": "missing"}
    codes = [i["code"] for f in data["files"] for i in f["issues"]]
    assert "rollup_overlap" not in codes
    out = tmp_path / "bo.docx"
    made = runner.invoke(app, ["consolidate", str(inbox), "--config", config, "--out", str(out)])
    assert made.exit_code == 0, made.output
    totals = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["totals"]
    assert totals["activities"] == {"count": 26, "male": 363, "female": 532}  # 18 + 8, ...


def _district(root: Path, name: str, roster: str, forms: dict[str, str]) -> Path:
    """A district's real run: init with its roster, generate, fill the forms, consolidate."""
    folder = root / name
    csv = root / f"{name}.csv"
    csv.write_text("Tên đơn vị,Cấp\n" + roster, encoding="utf-8")
    assert runner.invoke(app, ["init", str(folder), "--roster", str(csv)]).exit_code == 0
    config = folder / "thd.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('parent = "UBND TỈNH BẮC KẠN"', f'parent = "UBND {name}"'))
    made = runner.invoke(
        app, ["generate-templates", "--config", str(config), "--out", str(folder / "m")]
    )
    assert made.exit_code == 0, made.output
    inbox = folder / "inbox"
    inbox.mkdir(exist_ok=True)
    for template in (folder / "m").glob("*.xlsx"):
        for key, spec in forms.items():
            if key in template.name:
                fill(template, inbox / template.name, "10/12/2021", spec)
    out = folder / "bc.docx"
    # The district signs on 18/12 (thd init leaves the report date open: the day it runs).
    run = ["consolidate", str(inbox), "--config", str(config), "--out", str(out)]
    assert runner.invoke(app, [*run, "--date", "18/12/2021"]).exit_code == 0
    return out.with_suffix(".json")


def test_one_commune_inside_two_districts_data_files_is_caught_and_named(
    tmp_path: Path,
) -> None:
    # Na Rì's roster lists Ba Bể's commune Nam Mẫu by mistake, and Nam Mẫu sent its one
    # answer to both districts.
    nam_mau = "UBND xã Nam Mẫu,Xã\n"
    babe = _district(tmp_path, "HUYỆN BA BỂ", nam_mau, {"nam-mau": "1:Tập huấn,2,10,12,Xã"})
    nari = _district(
        tmp_path, "HUYỆN NA RÌ", nam_mau + "UBND xã Kim Lư,Xã\n", {"kim-lu": "1:Diễn đàn,1,5,6,Xã"}
    )
    shutil.copy(
        next((tmp_path / "HUYỆN BA BỂ" / "inbox").glob("*.xlsx")),
        tmp_path / "HUYỆN NA RÌ" / "inbox",
    )
    run = ["consolidate", str(tmp_path / "HUYỆN NA RÌ" / "inbox"), "--force"]
    run += [
        "--config",
        str(tmp_path / "HUYỆN NA RÌ" / "thd.toml"),
        "--out",
        str(nari.with_suffix(".docx")),
        "--date",
        "18/12/2021",
    ]
    assert runner.invoke(app, run).exit_code == 0
    province = tmp_path / "tinh"
    province.mkdir()
    shutil.copy(babe, province / "babe.json")
    shutil.copy(nari, province / "nari.json")
    data = json.loads(runner.invoke(app, ["validate", str(province), "--json"]).stdout)
    overlaps = [
        i["message"] for f in data["files"] for i in f["issues"] if i["code"] == "rollup_overlap"
    ]
    assert len(overlaps) == 1
    assert "UBND xã Nam Mẫu" in overlaps[0]
    assert "babe.json" in overlaps[0] and "nari.json" in overlaps[0]


def _letter(inbox: Path, config: Path, out: Path) -> str:
    import docx

    run = ["remind", str(inbox), "--config", str(config), "--out", str(out), "--date", "23/12/2021"]
    result = runner.invoke(app, run)
    assert result.exit_code == 0, result.output
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_the_ministry_asks_a_province_for_its_data_file_not_a_form(tmp_path: Path) -> None:
    inbox = _ministry(tmp_path)
    letter = _letter(inbox, tmp_path / "thd.toml", tmp_path / "nhac.docx")
    assert (
        "- UBND tỉnh Lạng Sơn: gửi tệp số liệu tổng hợp (baocao.json) do thd ghi cạnh báo cáo "
        "tổng hợp của đơn vị, kèm báo cáo đã ký." in letter
    )
    assert "mẫu Excel" not in letter


def test_a_district_among_districts_with_data_files_is_offered_both(tmp_path: Path) -> None:
    # The province's default roster: Ba Bể answered with its data file, Na Rì has not answered.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(TRIAL / "rollup" / "babe.json", inbox)
    assert runner.invoke(app, ["init", str(tmp_path / "tinh")]).exit_code == 0
    letter = _letter(inbox, tmp_path / "tinh" / "thd.toml", tmp_path / "nhac.docx")
    assert (
        "- UBND huyện Na Rì: gửi tệp số liệu tổng hợp (baocao.json) do thd ghi cạnh báo cáo "
        "tổng hợp của đơn vị, kèm báo cáo đã ký (hoặc báo cáo theo mẫu Excel đã được gửi kèm"
        ", tệp 2021_" in letter
    )
    assert "- Sở Y tế: gửi báo cáo theo mẫu Excel đã được gửi kèm (tệp 2021_" in letter


def test_last_years_data_file_says_consolidate_this_year_again(tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", str(tmp_path / "tinh")]).exit_code == 0
    config = tmp_path / "tinh" / "thd.toml"
    text = config.read_text(encoding="utf-8").replace("2021", "2022")
    config.write_text(text, encoding="utf-8")
    inbox = tmp_path / "inb2"
    inbox.mkdir()
    shutil.copy(TRIAL / "rollup" / "babe.json", inbox)
    run = ["validate", str(inbox), "--config", str(config), "--json"]
    data = json.loads(runner.invoke(app, run).stdout)
    (issue,) = data["files"][0]["issues"]
    assert issue["code"] == "rollup_other_year"
    assert issue["message"] == (
        "Tệp số liệu tổng hợp của năm 2021 (mã đợt bac-kan-2021), không phải của đợt này (năm "
        "2022): đơn vị gửi nhầm tệp của năm 2021. Đề nghị đơn vị tổng hợp lại các báo cáo năm "
        "2022 bằng thd consolidate (với cấu hình năm 2022) và gửi tệp số liệu mới."
    )
    assert "mẫu" not in issue["message"]
    (babe,) = [a for a in data["completeness"]["agencies"] if a["code"] == "BABE"]
    assert babe["state"] == "unusable"
    assert babe["reason"] == "Tệp số liệu tổng hợp của năm 2021, không phải năm 2022."


def test_three_levels_texts_name_the_district_once_and_the_ministry_digest_none(
    tmp_path: Path,
) -> None:
    """Finding 7: section II says each point once, by province; Phụ lục III places each
    commune in its district ("UBND xã Kim Lư (UBND huyện Na Rì): ...")."""
    import docx

    inbox = _ministry(tmp_path)
    out = tmp_path / "bo.docx"
    run = ["consolidate", str(inbox), "--config", str(tmp_path / "thd.toml"), "--out", str(out)]
    assert runner.invoke(app, run).exit_code == 0
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert (
        "- Nhận thức, tập quán: Nhận thức được nâng lên (UBND tỉnh Bắc Kạn, UBND tỉnh Cao Bằng)."
        in paragraphs
    )
    assert "UBND xã Kim Lư (UBND huyện Na Rì): Nhận thức được nâng lên." in paragraphs
    assert (
        "Phòng Lao động - Thương binh và Xã hội huyện Ba Bể (UBND huyện Ba Bể): Đã ban hành kế "
        "hoạch số 5/KH." in paragraphs
    )
    assert not [p for p in paragraphs if p.startswith("UBND huyện Ba Bể: Phòng")]
