"""The signed Word report of the second newcomer's trial (docs/trials/2026-12-01b, findings 2,
5 and 6), read back from the real .docx (and its PDF) made by `thd consolidate`."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from docx.shared import Pt
from typer.testing import CliRunner

from thanghanhdong import config
from thanghanhdong.cli import app
from thanghanhdong.inbox import validate_inbox

REPRO = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01b" / "repro"
RULE = "Một số hoạt động tiêu biểu, theo báo cáo của các đơn vị (hoạt động đông người tham gia"
runner = CliRunner()


def consolidate(inbox: Path, out: Path, *extra: str) -> docx.document.Document:
    args = ["consolidate", str(inbox), "--out", str(out), "--date", "25/12/2021", *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return docx.Document(str(out))


def typical(document: docx.document.Document) -> list[str]:
    """I.2's points after the stated rule, as printed: "Agency: text"."""
    texts = [p.text for p in document.paragraphs]
    start = next(i for i, t in enumerate(texts) if t.startswith(RULE)) + 1
    points = []
    for text in texts[start:]:
        if not text.startswith("- "):
            break
        points.append(text[2:])
    return points


def largest_own_activities(inbox: Path, limit: int = 3) -> list[tuple[str, int]]:
    """From the answers themselves: each agency's largest own row (people), largest first."""
    report = validate_inbox(inbox, config.load(None), workers=1)
    reach: dict[tuple[str, str, str], int] = defaultdict(int)
    for result in report.files:
        if result.ok and result.submission is not None:
            s = result.submission
            for row in s.tables["activities"]:
                reach[(s.agency_name or "", row.item.lower(), row.level.lower())] += row.people
    best: dict[str, int] = {}
    for (agency, _, _), people in reach.items():
        best[agency] = max(best.get(agency, 0), people)
    return sorted(best.items(), key=lambda kv: -kv[1])[:limit]


def test_typical_activities_are_each_agencys_largest_own(tmp_path: Path) -> None:
    document = consolidate(REPRO / "inbox2021", tmp_path / "baocao.docx")
    points = typical(document)
    agencies = [point.split(":")[0] for point in points]
    assert agencies == ["Tỉnh đoàn", "Sở Nội vụ", "Hội Liên hiệp Phụ nữ tỉnh"]
    assert len(agencies) == len(largest_own_activities(REPRO / "inbox2021"))
    assert [(a, p) for a, p in largest_own_activities(REPRO / "inbox2021")] == [
        ("Tỉnh đoàn", 2680),
        ("Sở Nội vụ", 2550),
        ("Hội Liên hiệp Phụ nữ tỉnh", 1850),
    ]
    # Sở Nội vụ's text says nothing of its training: the point is written from its own figures
    # (its 2,550, not the 2,775 of the row it shares with Sở Y tế's 225).
    assert "Sở Nội vụ: Tập huấn (2 cuộc, 2.550 lượt người tham gia)." in points
    assert not any(p.startswith("Sở Y tế") for p in points)


def test_a_shared_row_keeps_each_agencys_own_part() -> None:
    from thanghanhdong import form
    from thanghanhdong.consolidate import ConsolidatedRow, ConsolidatedTable, Figures

    spec = form.table("activities")
    mine, yours = Figures({"count": 3, "male": 85, "female": 140}), Figures({"count": 2})
    row = ConsolidatedRow(
        "Tập huấn", "Tỉnh", True, mine + yours, ("SYT", "SNV"), shares=((3, 225), (2, 0))
    )
    assert row.own_parts() == [("SYT", 3, 225), ("SNV", 2, 0)]
    # Read back from a data file, a shared row's parts are unknown: nobody is credited with it.
    table = ConsolidatedTable(spec, [row], row.figures, [])
    (loaded,) = ConsolidatedTable.from_json(spec, table.to_json()).rows
    assert loaded.own_parts() == []
    alone = ConsolidatedRow("Tọa đàm", "Xã", True, mine, ("SYT",))
    assert alone.own_parts() == [("SYT", 3, 225)]


def test_only_the_activities_rows_keep_the_agencies_parts() -> None:
    """Section I.2 needs table 1's parts only: the other tables keep none (memory at scale)."""
    from thanghanhdong.consolidate import consolidate as merge

    campaign = config.load(None)
    report = validate_inbox(REPRO / "inbox2021", campaign, workers=1)
    submissions = [r.submission for r in report.files if r.ok and r.submission]
    merged = merge(campaign, submissions, report.completeness, report_date=date(2021, 12, 25))
    assert all(len(r.shares) == len(r.agencies) for r in merged.tables["activities"].rows)
    assert any(len(r.agencies) > 1 for r in merged.tables["activities"].rows)
    assert all(not r.shares for key in ("media", "products") for r in merged.tables[key].rows)


def test_the_change_on_last_year_is_a_sentence_of_its_own(tmp_path: Path) -> None:
    year = REPRO / "y2022"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for answer in year.glob("*.xlsx"):
        (inbox / answer.name).write_bytes(answer.read_bytes())
    args = ["--config", str(year / "thd.toml"), "--compare", str(year / "baocao-2021.json")]
    document = consolidate(inbox, tmp_path / "baocao-2022.docx", *args)
    tables = [p.text for p in document.paragraphs if "Nhiều nhất là" in p.text]
    assert len(tables) == 3
    basis = (
        "So với năm 2021, chỉ so sánh được 2/27 đơn vị, tính trên số liệu của Hội Liên hiệp Phụ "
        "nữ tỉnh, Sở Y tế: "
    )
    for text in tables:
        leading, change = text.split(" Nhiều nhất là ")[1].split(f". {basis}")
        assert "tăng" not in leading and "tính trên" not in leading
        assert change.endswith("(năm nay có số liệu của 3/27 đơn vị, năm 2021 của 9/27 đơn vị).")
    assert tables[0].endswith(
        "diễn đàn (4 cuộc, 1.140 lượt người tham gia). " + basis + "số cuộc tăng 57,9%, số lượt "
        "người tham gia tăng 79,4% (năm nay có số liệu của 3/27 đơn vị, năm 2021 của 9/27 đơn vị)."
    )


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return text.stdout.decode().split("\f")[:-1]


def _bottom_of(pdf: Path, words: str) -> tuple[float, float]:
    """(bottom of the last line holding `words`, its page's height), in points. pdftotext
    cuts words at some accented glyphs: a line is its boxes' text joined without spaces."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True)
    found = None
    for page in html.stdout.decode().split("<page ")[1:]:
        height = float(page.split('height="')[1].split('"')[0])
        lines: dict[str, str] = defaultdict(str)
        for bottom, word in re.findall(r'yMax="([\d.]+)">([^<]*)</word>', page):
            lines[bottom] += word
        found = next(
            ((float(y), height) for y, line in lines.items() if words.replace(" ", "") in line),
            found,
        )
    assert found is not None, words
    return found


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_no_blank_page_when_the_signature_ends_a_page(tmp_path: Path) -> None:
    """The signature block pushed down in 3 pt steps across the foot of its page (the trial's
    page 5 was the section break's empty paragraph under a signature ending page 4). The
    signer's name is not the table's bottom (cell margins, LibreOffice's row heights): the
    sweep runs on until the block has gone to the next page."""
    report = tmp_path / "baocao.docx"
    document = consolidate(REPRO / "inbox2021", report)
    signer = config.load(None).issuer.signer_name
    (pdf,) = soffice_convert([report], "pdf", tmp_path / "pdf", tmp_path / "profile")
    bottom, height = _bottom_of(pdf, signer)
    margin = document.sections[0].bottom_margin
    assert margin is not None
    room = height - margin.pt - bottom  # what the page leaves under the signer's name
    variants = []
    for step, extra in enumerate(range(int(room) - 20, int(room) + 46, 3)):
        pushed = docx.Document(str(report))
        closing = next(p for p in pushed.paragraphs if p.text.startswith("Trên đây là báo cáo"))
        closing.paragraph_format.space_before = Pt(max(extra, 0))
        variants.append(tmp_path / f"day-{step:02}.docx")
        pushed.save(str(variants[-1]))
    pdfs = soffice_convert(variants, "pdf", tmp_path / "pdf", tmp_path / "profile")
    for variant, pushed_pdf in zip(variants, pdfs, strict=True):
        pages = _pages(pushed_pdf)
        blank = [n for n, page in enumerate(pages, start=1) if re.fullmatch(r"\s*\d*\s*", page)]
        assert not blank, (variant.name, blank)
    pages_of_the_name = {next(i for i, p in enumerate(_pages(f)) if "Trên đây" in p) for f in pdfs}
    assert len(pages_of_the_name) > 1  # the sweep did cross the foot of a page


def test_a_ministrys_name_in_capitals_reads_properly_in_its_sentences(tmp_path: Path) -> None:
    """Trial 2026-12-01c, finding 15: "Bộ lao động - thương binh và xã hội báo cáo ..."."""
    trial = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01c" / "repro" / "rollup"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "backan.json").write_bytes((trial / "backan.json").read_bytes())
    out = tmp_path / "bo.docx"
    args = ["consolidate", str(inbox), "--config", str(trial / "bo.thd.toml"), "--out", str(out)]
    result = runner.invoke(app, [*args, "--date", "28/12/2021", "--skip-invalid"])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Bộ Lao động - Thương binh và Xã hội" in text
    assert "Bộ lao động" not in text
