"""A Word report's table cut by a page break, read from the PDF LibreOffice exports: wherever the
break falls (in the grouped header, in a wrapped label, in a data row), the PDF gives the
figures of the .docx, and every position names the page and the row where the value is printed.
The regression file is the newcomer's trial's (docs/trials/2026-12-01, finding 2)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import page_break_reports as reports
import pytest
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong import form
from thanghanhdong.cli import app
from thanghanhdong.model import RawSubmission
from thanghanhdong.readers import read
from thanghanhdong.readers.pdf import read_pdf

DATA = Path(__file__).parent / "data"
TRIAL = DATA / "Bao cao THD So Noi vu"
# Spacer lines before the first table: from "header and a row on page 1" to "all on page 2",
# two lines (8 points) a step, so the break falls in every row of the header and the first row.
LINES = range(56, 84, 2)
VARIANTS = {
    **{f"merged-{n}": (n, True, True) for n in LINES},  # the seed's header, merged down
    **{f"flat-{n}": (n, False, True) for n in LINES},  # only "Số người tham gia" merged
    **{f"wide-{n}": (n, True, False) for n in (60, 70)},  # columns as python-docx sets them
}
EXPECTED = {
    spec.key: reports.figures(rows) for spec, rows in zip(form.TABLES, reports.TABLES, strict=True)
}

runner = CliRunner()


def figures(raw: RawSubmission) -> dict[str, list[tuple[object, ...]]]:
    keys = ("item", "count", "male", "female", "level")
    return {
        key: [tuple(row.cells[k].value for k in keys) for row in table.rows]
        for key, table in raw.tables.items()
    }


def validate_json(inbox: Path) -> dict:
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each variant's .docx and its PDF (same stem), exported in one LibreOffice run."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("breaks")
    sources = []
    for name, (lines, merged, narrow) in VARIANTS.items():
        source = folder / f"{name}.docx"
        source.write_bytes(reports.report(lines, merged=merged, narrow=narrow))
        sources.append(source)
    pdfs = soffice_convert(sources, "pdf", folder, folder / "profile")
    return {path.stem: path for path in pdfs}


@pytest.mark.soffice
@pytest.mark.parametrize("name", list(VARIANTS))
def test_the_pdf_gives_the_figures_of_its_word_report(exported: dict[str, Path], name: str) -> None:
    pdf = read(exported[name])
    assert figures(read(exported[name].with_suffix(".docx"))) == EXPECTED
    assert figures(pdf) == EXPECTED
    assert all(not table.missing_columns for table in pdf.tables.values())


@pytest.mark.soffice
def test_the_break_falls_in_the_header_and_in_a_data_row(exported: dict[str, Path]) -> None:
    """The sweep does cut the table where it must (else LibreOffice's layout moved: widen
    LINES): in the header's first row, between the header and the data, inside an item."""
    first_parts = [read_pdf(pdf.read_bytes()).tables[0] for pdf in exported.values()]
    on_page_one = [part.rows for part in first_parts if part.page == 1]
    header_cut = [rows for rows in on_page_one if len(rows) == 1 and rows[0][0] == "STT"]
    assert any(rows[0][5] == "Cấp triển" for rows in header_cut)  # a wrapped label cut too
    items = {row[1] for row in reports.ACTIVITIES}
    item_cut = [rows for rows in on_page_one if len(rows) > 2 and rows[-1][1] not in items]
    assert item_cut
    assert any(part.page == 2 for part in first_parts)  # and the whole table on page 2


def _printed_pages(pdf: Path) -> list[str]:
    """Each page's text as poppler prints it (pages end with a form feed)."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext")
@pytest.mark.parametrize("name", [f"flat-{n}" for n in LINES] + [f"merged-{n}" for n in LINES])
def test_a_position_names_the_page_and_row_where_the_value_is_printed(
    exported: dict[str, Path], name: str
) -> None:
    """ "trang N, bảng B, dòng D": the row's STT and figures are printed on page N (poppler's
    text, not ours), in the row of that page's part of the table numbered D."""
    pdf = exported[name]
    pages = _printed_pages(pdf)
    parts = {table.shown: table for table in read_pdf(pdf.read_bytes()).tables}
    for row in read(pdf).tables["activities"].rows:
        female = row.cells["female"]
        page = int(re.match(r"trang (\d+), ", female.location.part or "")[1])  # type: ignore[index]
        assert f"{female.value:,}".replace(",", ".") in pages[page - 1].split()
        part = parts[female.location.part]
        # Counted on through the parts as the clerk's STT goes on (trial 2026-12-01g, finding
        # 7): "dòng D" is the row numbered D, printed in the part on that page.
        stt = str(female.location.row + 1)
        printed = next(r for r in part.rows if r[0].strip() == stt)
        shown = f"{female.value:,}".replace(",", ".")
        assert (printed[0], printed[4]) == (str(row.cells["stt"].value), shown)
        assert female.location.shown.endswith(f"dòng {female.location.row + 1}, cột Nữ")


def _issues(tmp_path: Path, *files: Path) -> tuple[list[str], list[dict]]:
    """The codes of the answer's issues and the attachments, of an inbox holding `files`."""
    inbox = tmp_path / "_".join(path.suffix[1:] for path in files)
    inbox.mkdir()
    for path in files:
        shutil.copy(path, inbox / f"BC So Noi vu{path.suffix}")
    data = validate_json(inbox)
    [used] = data["files"]
    return [i["code"] for i in used["issues"]], data["attachments"]


@pytest.mark.soffice
@pytest.mark.parametrize("name", ["flat-72", "merged-74", "merged-64"])
def test_the_word_report_and_its_pdf_are_one_answer_with_the_same_figures(
    exported: dict[str, Path], name: str, tmp_path: Path
) -> None:
    """No versions_differ: the PDF's figures are the Word report's. Alone, the PDF gets the
    issues the Word report gets (its narratives are empty, table 2 has blank Nam/Nữ)."""
    pdf, docx = exported[name], exported[name].with_suffix(".docx")
    word_alone, _ = _issues(tmp_path, docx)
    assert "blank_figures" in word_alone
    assert _issues(tmp_path, pdf)[0] == word_alone
    both, attachments = _issues(tmp_path, pdf, docx)
    assert both == word_alone
    assert [Path(a["path"]).suffix for a in attachments] == [".pdf"]


# -- the newcomer's file (finding 2): table 1's header row cut after its first printed line ----


def test_the_trials_pdf_reads_table_1_as_the_word_report() -> None:
    pdf, word = read(TRIAL.with_suffix(".pdf")), read(TRIAL.with_suffix(".docx"))
    assert figures(pdf) == figures(word)
    assert figures(pdf)["activities"] == [
        ("Hội nghị", 1, 45, 55, "Tỉnh"),
        ("Tập huấn", 2, 1200, 1350, "Tỉnh"),
    ]
    activities = pdf.tables["activities"]
    assert activities.missing_columns == []
    # The header's first line is printed at the foot of page 1, the rest and the rows on page 2
    # (under the rest of the header row: "khai" and Nam | Nữ).
    assert activities.header is not None and activities.header.shown.startswith("trang 1, ")
    assert [row.cells["female"].location.shown for row in activities.rows] == [
        "trang 2, bảng thứ 1, dòng 1, cột Nữ",
        "trang 2, bảng thứ 1, dòng 2, cột Nữ",
    ]


def test_the_trials_pdf_alone_is_a_usable_answer(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(TRIAL.with_suffix(".pdf"), inbox)
    [answer] = validate_json(inbox)["files"]
    # Only what the Word report itself gets: table 2's blank Nam/Nữ.
    assert [(i["code"], i["severity"]) for i in answer["issues"]] == [("blank_figures", "warning")]


def test_the_trials_word_report_and_pdf_do_not_differ(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for suffix in (".pdf", ".docx"):
        shutil.copy(TRIAL.with_suffix(suffix), inbox)
    data = validate_json(inbox)
    [used] = data["files"]
    assert "versions_differ" not in [i["code"] for i in used["issues"]]
    assert [Path(a["path"]).name for a in data["attachments"]] == ["Bao cao THD So Noi vu.pdf"]


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("Bao cao THD So Noi vu.docx", "bảng thứ 2, dòng 1, cột Nam"),
        ("Bao cao THD So Noi vu.pdf", "trang 2, bảng thứ 2, dòng 1, cột Nam"),
    ],
)
def test_a_document_row_is_counted_as_the_clerk_numbers_it(
    tmp_path: Path, name: str, where: str
) -> None:
    """The trial's Sở Nội vụ report (2026-12-01, finding 17): the blank Nam/Nữ are in the row
    the clerk numbered 1 of table 2, under the header's two rows; the position and the message
    both say row 1, not 3 (the header's rows counted)."""
    trial = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01" / "repro" / "other"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(trial / name, inbox)
    [answer] = validate_json(inbox)["files"]
    [blank] = [i for i in answer["issues"] if i["code"] == "blank_figures"]
    assert f"{blank['sheet']}, {blank['cell']}" == where
    assert blank["message"].startswith("Dòng 1 có số liệu")
