"""Across years: the data file beside the report (audit trail, loads back), check-inputs,
--compare (sentences, Phần III context, validate's agency warnings), and the reminder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from typer.testing import CliRunner

from thanghanhdong import compare, datafile, form
from thanghanhdong.cli import app
from thanghanhdong.consolidate import Consolidation
from thanghanhdong.report.docx import build_context

ROOT = Path(__file__).parents[1]
runner = CliRunner()


def inbox_copy(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "examples" / "inbox", inbox)
    return inbox


def consolidate(inbox: Path, out: Path, *extra: str) -> str:
    args = ["consolidate", str(inbox), "--out", str(out), "--date", "05/01/2022", *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def as_last_year(path: Path) -> dict:
    """The data file of this inbox, made the report of the year before (2020): --compare takes
    only an earlier year's data file of the same body."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["campaign"] |= {"year": 2020, "id": "bac-kan-2020"}
    data["config"]["campaign"] |= {"year": 2020, "id": "bac-kan-2020"}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def text_of(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_data_file_is_written_beside_the_report_and_loads_back(tmp_path: Path) -> None:
    inbox = inbox_copy(tmp_path)
    printed = json.loads(consolidate(inbox, tmp_path / "baocao.docx", "--json"))
    written = json.loads((tmp_path / "baocao.json").read_text(encoding="utf-8"))
    assert printed == written and list(printed) == list(written)  # the same keys, in order
    assert written["format"] == "thd-consolidation" and written["version"] == 1
    assert written["campaign"] == {
        "id": "bac-kan-2021",
        "year": 2021,
        "name": written["campaign"]["name"],
    }
    assert set(written) >= {"totals", "budget", "included", "excluded", "status", "inputs"}
    inputs = written["inputs"]
    assert len(inputs) == 24 and all(i["used"] and len(i["sha256"]) == 64 for i in inputs)
    babe = next(i for i in inputs if i["name"].startswith("2021_babe"))
    assert babe["agency"] == "BABE" and babe["size"] == (inbox / babe["name"]).stat().st_size
    back = Consolidation.from_json(written)
    assert back.to_json() == written


def test_data_option_and_output_policy(tmp_path: Path) -> None:
    inbox = inbox_copy(tmp_path)
    consolidate(inbox, tmp_path / "bc.docx", "--data", str(tmp_path / "so-lieu.json"))
    assert (tmp_path / "so-lieu.json").is_file() and not (tmp_path / "bc.json").exists()
    (tmp_path / "x.json").write_text("keep")
    refused = runner.invoke(app, ["consolidate", str(inbox), "--out", str(tmp_path / "x.docx")])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert (tmp_path / "x.json").read_text() == "keep" and not (tmp_path / "x.docx").exists()
    inside = runner.invoke(
        app,
        [
            "consolidate",
            str(inbox),
            "--out",
            str(tmp_path / "y.docx"),
            "--data",
            str(inbox / "a.json"),
        ],
    )
    assert inside.exit_code == 2 and not (inbox / "a.json").exists()


def test_check_inputs_tells_changed_gone_and_added_files(tmp_path: Path) -> None:
    inbox = inbox_copy(tmp_path)
    consolidate(inbox, tmp_path / "baocao.docx")
    same = runner.invoke(app, ["check-inputs", str(tmp_path / "baocao.json"), str(inbox)])
    assert same.exit_code == 0, same.output
    files = sorted(inbox.glob("*.xlsx"))
    files[0].write_bytes(files[0].read_bytes() + b"\0")
    files[1].unlink()
    shutil.copy(files[2], inbox / "moi.xlsx")
    changed = runner.invoke(app, ["check-inputs", str(tmp_path / "baocao.json"), str(inbox)])
    assert changed.exit_code == 1
    for name in (files[0].name, files[1].name, "moi.xlsx"):
        assert name in changed.stdout


def test_compare_adds_the_change_to_sentences_and_the_table_context(tmp_path: Path) -> None:
    inbox = inbox_copy(tmp_path)
    consolidate(inbox, tmp_path / "old.docx")
    as_last_year(tmp_path / "old.json")
    old = datafile.load(tmp_path / "old.json")
    next(inbox.glob("2021_babe_*.xlsx")).unlink()
    consolidate(inbox, tmp_path / "new.docx", "--compare", str(tmp_path / "old.json"))
    now = datafile.load(tmp_path / "new.json")
    text = text_of(tmp_path / "new.docx")
    activities = now.tables["activities"].total.count
    before = old.tables["activities"].total.count
    # Ba Bể has not answered this year; the others sent the same figures: no fall is stated,
    # the change is that of the agencies of both years (test_compare_fair.py has the rest).
    common, answered = len(now.agencies), len(old.agencies)
    fall, expected = compare.change(activities, before).lstrip("-"), now.status.expected
    assert f"số cuộc giảm {fall}" not in text
    assert (
        f"So với năm 2020, chỉ so sánh được {common}/{expected} đơn vị có số liệu cả hai năm: số "
        "cuộc không đổi, "
        f"số lượt người tham gia không đổi (năm nay có số liệu của {common}/{expected} đơn "
        f"vị, năm 2020 của {answered}/{expected} đơn vị)."
    ) in text
    now.previous = old
    assert build_context(now)["comparison"]["previous_label"] == "Năm trước (2020)"
    # Phần III: last year's count and people, and the change, after this year's figures
    table = next(t for t in docx.Document(str(tmp_path / "new.docx")).tables
                 if t.rows[0].cells[1].text == "Hoạt động")  # fmt: skip
    header = [c.text for c in table.rows[0].cells]
    assert header[5:9] == ["Số cuộc năm 2020", "Tăng, giảm", "Số người năm 2020", "Tăng, giảm"]
    total = [c.text for c in table.rows[-1].cells]
    assert total[5] == f"{before:,}".replace(",", ".")
    assert total[6] == ""  # the totals cover different agencies: no change stated


def test_change_words() -> None:
    assert compare.change_words(450, 400, 2021) == "tăng 12,5% so với năm 2021"
    assert compare.change(42, 1) == "+4.100,0%"  # thousands with a dot (trial 2026-12-01c)
    assert compare.change_words(300, 400, 2021) == "giảm 25,0% so với năm 2021"
    assert compare.change(5, 0) == "mới" and compare.change(0, 0) == ""


def test_validate_compare_warns_agency_by_agency(tmp_path: Path) -> None:
    inbox = inbox_copy(tmp_path)
    consolidate(inbox, tmp_path / "old.docx")
    data = as_last_year(tmp_path / "old.json")
    for agency in data["agencies"]:
        if agency["code"] == "HLHPN":
            agency["tables"]["activities"]["count"] *= 10
    (tmp_path / "old.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    next(inbox.glob("2021_babe_*.xlsx")).unlink()
    result = runner.invoke(
        app, ["validate", str(inbox), "--compare", str(tmp_path / "old.json"), "--json"]
    )
    changes = json.loads(result.stdout)["compare"]["changes"]
    assert {"code": "BABE", "table": None} in [
        {"code": c["code"], "table": c["table"]} for c in changes
    ]
    assert any(c["code"] == "HLHPN" and c["column"] == "count" for c in changes)
    # Trial 2026-12-01c, finding 12: "not sent this year" is a kind of its own, not 0 -> 0.
    (babe,) = [c for c in changes if c["code"] == "BABE"]
    assert (babe["kind"], babe["before"], babe["now"]) == ("not_sent", None, None)
    assert babe["message"] == "UBND huyện Ba Bể đã gửi báo cáo năm 2020 nhưng năm nay chưa gửi."
    assert {c["kind"] for c in changes if c["code"] == "HLHPN"} == {"decrease"}
    shown = runner.invoke(app, ["validate", str(inbox), "--compare", str(tmp_path / "old.json")])
    assert "UBND huyện Ba Bể đã gửi báo cáo năm 2020 nhưng năm nay chưa gửi" in shown.stdout


def test_remind_addresses_missing_and_unusable_agencies(tmp_path: Path) -> None:
    inbox = inbox_copy(tmp_path)
    broken = next(inbox.glob("2021_babe_*.xlsx"))
    workbook = load_workbook(broken)
    spec = form.table("activities")
    workbook[spec.sheet][f"{spec.letter('count')}{form.TABLE_FIRST_DATA_ROW}"] = -5
    workbook.save(broken)
    out = tmp_path / "nhac.docx"
    result = runner.invoke(app, ["remind", str(inbox), "--out", str(out), "--date", "18/12/2021"])
    assert result.exit_code == 0, result.output
    text = text_of(out)
    for name in ("Sở Tài chính", "Ban Dân tộc", "UBND huyện Pác Nặm", "UBND huyện Ba Bể"):
        assert name in text
    assert "Hội Liên hiệp Phụ nữ tỉnh" not in text
    assert "V/v đôn đốc gửi báo cáo" in text and "trước ngày 20/12/2021" in text
    assert "gửi lại báo cáo đã sửa" in text
    again = runner.invoke(app, ["remind", str(inbox), "--out", str(out)])
    assert again.exit_code == 2


def test_remind_outside_the_campaign_asks_for_the_date(tmp_path: Path) -> None:
    """A 2021 reminder run years later is not dated today without a word."""
    inbox = inbox_copy(tmp_path)
    out = tmp_path / "nhac.docx"
    result = runner.invoke(app, ["remind", str(inbox), "--out", str(out)])
    assert result.exit_code == 2
    assert "ghi ngày của công văn bằng tùy chọn --date" in " ".join(result.output.split())
    assert not out.exists()


def test_compare_refuses_this_years_own_file_and_another_provinces(tmp_path: Path) -> None:
    """Trial 2026-12-01c, finding 2: "So với năm 2022, số cuộc không đổi" against this year's
    own file, "tăng 900,0%" against another province's: refused, saying which file it is."""
    inbox = inbox_copy(tmp_path)
    consolidate(inbox, tmp_path / "old.docx")
    args = ["consolidate", str(inbox), "--out", str(tmp_path / "new.docx"), "--date", "05/01/2022"]
    same_year = runner.invoke(app, [*args, "--compare", str(tmp_path / "old.json")])
    assert same_year.exit_code == 2
    assert "là số liệu năm 2021, không phải của một năm trước năm 2021" in " ".join(
        same_year.stderr.split()
    )
    data = as_last_year(tmp_path / "old.json")
    data["config"]["issuer"] |= {"parent": "UBND TỈNH CAO BẰNG", "name": "SỞ Y TẾ"}
    (tmp_path / "old.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = runner.invoke(app, [*args, "--compare", str(tmp_path / "old.json")])
    assert other.exit_code == 2
    assert "là số liệu của SỞ Y TẾ (UBND TỈNH CAO BẰNG)" in " ".join(other.stderr.split())
    validated = runner.invoke(
        app, ["validate", str(inbox), "--compare", str(tmp_path / "old.json")]
    )
    assert validated.exit_code == 2 and not (tmp_path / "new.docx").exists()


def test_compare_prints_last_years_blank_figure_as_blank(tmp_path: Path) -> None:
    """Trial 2026-12-01e: a figure no agency gave last year ("—" in last year's report) was 0 in
    this year's --compare column, and its change computed against that 0."""
    inbox = inbox_copy(tmp_path)
    consolidate(inbox, tmp_path / "old.docx")
    data = as_last_year(tmp_path / "old.json")
    rows = data["tables"]["activities"]["rows"]
    rows[0] |= {"male": 0, "female": 0, "total": 0, "blank": ["male", "female"]}
    item = rows[0]["item"]
    (tmp_path / "old.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    consolidate(inbox, tmp_path / "new.docx", "--compare", str(tmp_path / "old.json"))
    table = next(t for t in docx.Document(str(tmp_path / "new.docx")).tables
                 if t.rows[0].cells[1].text == "Hoạt động")  # fmt: skip
    row = next([c.text for c in r.cells] for r in table.rows if r.cells[1].text == item)
    assert row[7:9] == ["—", ""], row  # last year's people: not given; no change stated
    assert row[5] != "—"  # last year's count was given


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_the_compare_tables_figures_are_never_broken_across_lines(tmp_path: Path) -> None:
    """Trial 2026-12-01e: with the four --compare columns, Phần III's portrait table shared its
    width so that "1.434" printed as "1.43" over "4" and "STT" went down letter by letter."""
    import pdfplumber

    inbox = inbox_copy(tmp_path)
    consolidate(inbox, tmp_path / "old.docx")
    as_last_year(tmp_path / "old.json")
    consolidate(inbox, tmp_path / "new.docx", "--compare", str(tmp_path / "old.json"))
    table = next(t for t in docx.Document(str(tmp_path / "new.docx")).tables
                 if t.rows[0].cells[1].text == "Hoạt động")  # fmt: skip
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 10 and abs(sum(grid) - 9354) <= 10  # the text's width, shared
    figures = {c.text for r in table.rows[2:] for c in r.cells if c.text[:1].isdigit()}
    long = sorted(f for f in figures if len(f) >= 5)  # "1.434", "0,0%", "3.009"...
    [pdf] = soffice_convert([tmp_path / "new.docx"], "pdf", tmp_path / "pdf", tmp_path / "p")
    with pdfplumber.open(pdf) as document:
        words = {w["text"] for page in document.pages for w in page.extract_words()}
    assert long and [f for f in long if f not in words] == []
    assert "STT" in words


def test_an_officers_template_gets_the_same_unbroken_columns(tmp_path: Path) -> None:
    """The shipped template copied as the officer's own (--template): its --compare table's
    STT and figure columns are widened as the shipped one's (docxtpl gave STT 408 twips)."""
    template = tmp_path / "mau-cua-toi.docx"
    shutil.copy(ROOT / "templates" / "baocao.docx", template)
    inbox = inbox_copy(tmp_path)
    consolidate(inbox, tmp_path / "old.docx")
    as_last_year(tmp_path / "old.json")
    compare_with = ["--compare", str(tmp_path / "old.json"), "--template", str(template)]
    consolidate(inbox, tmp_path / "new.docx", *compare_with)
    table = next(t for t in docx.Document(str(tmp_path / "new.docx")).tables
                 if t.rows[0].cells[1].text == "Hoạt động")  # fmt: skip
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 10 and grid[0] >= 650 and min(grid[3:5]) >= 756, grid  # 1.434
