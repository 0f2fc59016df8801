"""Trial 2026-12-01d, findings 3 and 4: a budget written only as a total (a Word report's closing
line "Kinh phí thực hiện: 15.000.000 đồng", "Tổng kinh phí 40 triệu đồng") is counted in the
province's total as a part not split by source, never guessed into a source; an agency that
wrote no budget is "—" in Phụ lục I and the only one said not to have reported, one that typed
0 and 0 spent nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner
from word_reports import seed_form

from thanghanhdong import datafile
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import AgencyFigures, Budget
from thanghanhdong.readers import rollup
from thanghanhdong.report.labels import SHEET_AGENCIES
from thanghanhdong.report.xlsx import UNSPLIT_LABEL
from thanghanhdong.sample import SampleReport, fill_bytes
from thanghanhdong.template import FormStamper, file_name
from thanghanhdong.validate import validate_file

runner = CliRunner()
CLOSING = "Kinh phí thực hiện: 15.000.000 đồng"
SENTENCE = (
    "Ngoài ra, 30.000.000 đồng do Sở Tư pháp, Tỉnh đoàn báo cáo tổng số, không tách theo nguồn."
)


def _word(tmp_path: Path, name: str, agency: str, **budget: object) -> Path:
    path = tmp_path / "word" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(seed_form(agency=agency, **budget))  # type: ignore[arg-type]
    return path


def _form(inbox: Path, campaign: Campaign, stamper: FormStamper, code: str, **budget) -> None:
    agency = campaign.agency(code)
    assert agency is not None
    report = SampleReport(**budget)
    (inbox / file_name(campaign, agency)).write_bytes(fill_bytes(stamper.stamp(agency), report))


def test_a_total_alone_is_kept_unsplit_and_a_differing_total_is_said(
    tmp_path: Path, campaign: Campaign
) -> None:
    alone = _word(tmp_path, "td.docx", "TỈNH ĐOÀN", budget=("Tổng kinh phí 40 triệu đồng",))
    result = validate_file(alone, campaign)
    assert result.ok and result.submission is not None
    s = result.submission
    assert (s.budget_state, s.budget_mobilized, s.budget_unsplit) == (0, 0, 40_000_000)
    [warning] = [i for i in result.issues if i.code == "budget_unsplit"]
    assert "40.000.000 đồng" in warning.message and "không tách theo nguồn" in warning.message
    assert "budget_not_found" not in {i.code for i in result.issues}
    split = ("a) Ngân sách nhà nước: 25.000.000 đồng", "b) Ngân sách vận động: 15 triệu đồng")
    both = _word(tmp_path, "syt.docx", "SỞ Y TẾ", budget=(*split, "Tổng kinh phí 45 triệu đồng"))
    result = validate_file(both, campaign)
    assert result.submission is not None
    s = result.submission
    assert (s.budget_state, s.budget_mobilized, s.budget_unsplit) == (25_000_000, 15_000_000, 0)
    [warning] = [i for i in result.issues if i.code == "budget_total_differs"]
    assert "45.000.000" in warning.message and "40.000.000" in warning.message


def _rows(document: Document) -> dict[str, list[str]]:
    """Phụ lục I: the table with the budget columns, by agency name."""
    [table] = [
        t for t in document.tables if any(c.text == "Kinh phí (đồng)" for c in t.rows[0].cells)
    ]
    return {row.cells[1].text: [c.text for c in row.cells] for row in table.rows}


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_unsplit_and_unreported_budgets_from_inbox_to_report_workbook_and_data_file(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stp = _word(tmp_path, "STP bao cao.docx", "SỞ TƯ PHÁP", budget=None, closing=CLOSING)
    td = _word(tmp_path, "BC Tinh doan.docx", "TỈNH ĐOÀN", budget=None, closing=CLOSING)
    profile = tmp_path / "profile"
    [pdf] = soffice_convert([stp], "pdf", tmp_path / "pdf", profile)
    [doc] = soffice_convert([td], "doc", tmp_path / "doc", profile)
    shutil.copy(pdf, inbox)
    shutil.copy(doc, inbox)
    _form(inbox, campaign, stamper, "SNV", budget_state=None, budget_mobilized=None)
    _form(inbox, campaign, stamper, "BABE", budget_state=0, budget_mobilized=0)
    _form(inbox, campaign, stamper, "SYT")  # 15.000.000 and 2.500.000
    out, xlsx = tmp_path / "baocao.docx", tmp_path / "tonghop.xlsx"
    args = ["consolidate", str(inbox), "--out", str(out), "--xlsx", str(xlsx), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    budget = json.loads(result.stdout)["budget"]
    assert budget == {"state": 15_000_000, "mobilized": 2_500_000, "unsplit": 30_000_000}

    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tổng kinh phí tổ chức các hoạt động là 47.500.000 đồng" in text
    assert f"b) Ngân sách vận động: 2.500.000 đồng. {SENTENCE}" in text
    assert "Có 1/5 cơ quan, đơn vị, địa phương không báo cáo kinh phí" in text
    rows = _rows(document)
    assert rows["Sở Nội vụ"][-2:] == ["—", "—"]  # wrote no budget
    assert rows["UBND huyện Ba Bể"][-2:] == ["0", "0"]  # wrote 0 and 0
    assert rows["Sở Tư pháp"][-2:] == ["—", "—"]  # a total only: in the note below
    assert rows["Sở Y tế"][-2:] == ["15.000.000", "2.500.000"]
    assert rows["Tổng cộng"][-2:] == ["15.000.000", "2.500.000"]
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert (
        "Sở Tư pháp 15.000.000 đồng; Tỉnh đoàn 15.000.000 đồng; cộng 30.000.000 đồng"
        in text + cells
    )

    sheet = load_workbook(xlsx)[SHEET_AGENCIES]
    header = [c.value for c in sheet[3]]
    first = header.index(UNSPLIT_LABEL) - 2
    by_name = {r[2]: r[first : first + 3] for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert by_name["Sở Nội vụ"] == (None, None, None)
    assert by_name["UBND huyện Ba Bể"] == (0, 0, None)
    assert by_name["Sở Tư pháp"] == (None, None, 15_000_000)
    assert by_name["Tỉnh đoàn"] == (None, None, 15_000_000)
    assert by_name["Tổng cộng"] == (15_000_000, 2_500_000, 30_000_000)

    data = datafile.load(datafile.default_path(out))
    agencies = {a.code: a.budget for a in data.agencies}
    assert agencies["STP"] == Budget(unsplit=15_000_000)
    assert agencies["SNV"] == Budget(reported=False)
    assert agencies["BABE"] == Budget(0, 0)
    assert data.budget.total == 47_500_000
    # One level up: the province's data file carries its unsplit part.
    raw = rollup.read(datafile.default_path(out), datafile.default_path(out).read_bytes())
    assert raw.info["budget_unsplit"].value == 30_000_000


def test_an_older_data_file_budget_is_reported_and_split() -> None:
    entry = {"code": "SYT", "name": "Sở Y tế", "path": "a.xlsx", "budget": {"state": 0}}
    assert AgencyFigures.from_json(entry).budget == Budget(0, 0, 0, True)
    assert Budget(reported=False).to_json() == {"state": 0, "mobilized": 0, "reported": False}
    assert Budget(1, 2).to_json() == {"state": 1, "mobilized": 2}


def test_the_trials_report_notes_the_unsplit_budget_as_a_sentence_of_its_own(
    tmp_path: Path,
) -> None:
    """The trial's own files (LibreOffice, python-docx): under Phụ lục I the marks' note and the
    unsplit budget's note were run together ("... để trống số người Kinh phí báo cáo ...")."""
    inbox = tmp_path / "inbox"
    shutil.copytree(Path(__file__).parents[1] / "docs/trials/2026-12-01d/repro/inbox", inbox)
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--date", "22/12/2021"]
    result = CliRunner().invoke(app, [*args, "--latest", "--skip-invalid"])
    assert result.exit_code == 0, result.output
    [note] = [p.text for p in Document(str(out)).paragraphs if "không tách theo nguồn (" in p.text]
    assert "để trống số người. Kinh phí báo cáo tổng số, không tách theo nguồn" in note, note
    assert note.endswith(
        "Sở Tư pháp 15.000.000 đồng; Tỉnh đoàn 15.000.000 đồng; cộng 30.000.000 đồng."
    )
