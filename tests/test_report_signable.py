"""The report of the shipped examples read back with python-docx, as the officer would sign it:
the body speaks for the province (no pasted agency text, every quote names its agency, no request
to the issuing Sở in II.3), fits in a few pages, Phụ lục II lists each roster agency once with
counts that add up, and no file name, sheet name or cell address appears anywhere."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong import config, form
from thanghanhdong.cli import app
from thanghanhdong.inbox import validate_inbox

ROOT = Path(__file__).parents[1]
EXAMPLES = ROOT / "examples"
ISSUER_FILE = "2021_sldtbxh_so-lao-dong-thuong-binh-va-xa-hoi.xlsx"
BODY_PAGES = 8
runner = CliRunner()


def _without_issuer(tmp: Path) -> Path:
    inbox = tmp / "inbox-khong-so"
    shutil.copytree(EXAMPLES / "inbox", inbox)
    (inbox / ISSUER_FILE).unlink()
    return inbox


CASES = {
    "inbox": (lambda tmp: EXAMPLES / "inbox", []),
    "inbox-loi": (lambda tmp: EXAMPLES / "inbox-loi", ["--skip-invalid"]),
    "no-issuer": (_without_issuer, []),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp(request.param)
    make_inbox, options = CASES[request.param]
    inbox = make_inbox(tmp)
    out = tmp / "baocao.docx"
    result = runner.invoke(app, ["consolidate", str(inbox), "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    return inbox, out, docx.Document(str(out))


def _body(document) -> list[str]:  # type: ignore[no-untyped-def]
    """The paragraphs of the report's body: up to Phụ lục I."""
    texts = [p.text.strip() for p in document.paragraphs]
    return [t for t in texts[: texts.index("Phụ lục I")] if t]


def _section(body: list[str], start: str, end: str) -> list[str]:
    first = next(i for i, t in enumerate(body) if t.startswith(start))
    last = next(i for i, t in enumerate(body) if i > first and t.startswith(end))
    return body[first + 1 : last]


def _agency_texts(inbox: Path) -> list[tuple[str, str]]:
    campaign = config.load(None)
    report = validate_inbox(inbox, campaign)
    return [
        (s.agency_name or s.agency_code, text)
        for f in report.files
        if (s := f.submission) is not None
        for text in s.narratives.values()
        if text.strip()
    ]


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def test_no_paragraph_of_the_body_copies_more_than_one_sentence(report) -> None:  # type: ignore[no-untyped-def]
    inbox, _, document = report
    body = " ".join(_body(document))
    for agency, text in _agency_texts(inbox):
        sentences = [s for line in text.splitlines() for s in _SENTENCE_END.split(line.strip())]
        for first, second in itertools.pairwise(sentences):
            pair = f"{first} {second}"
            assert pair not in body, (agency, pair)


def _roster_names() -> set[str]:
    return {a.name for a in config.load(None).agencies}


def _names_an_agency(text: str) -> bool:
    named = re.findall(r"\(([^()]*)\)\s*$", text)
    return bool(named) and (
        any(name in named[0] for name in _roster_names()) or "đơn vị khác" in named[0]
    )


def test_every_quoted_point_names_its_agency(report) -> None:  # type: ignore[no-untyped-def]
    _, _, document = report
    body = _body(document)
    assessment = _section(body, "II. ĐÁNH GIÁ CHUNG", "III. TỔNG HỢP SỐ LIỆU")
    points = [t for t in assessment if t.startswith("- ")]
    assert points
    for paragraph in points:
        # each point a sentence of its own, its agencies in brackets before the full stop
        points_of = paragraph.split(": ", 1)[1].rstrip(".").split("). ")
        for point in [p + ")" for p in points_of[:-1]] + points_of[-1:]:
            assert _names_an_agency(point), point
            assert not re.search(r"\); \w", point), point  # no point run on after "; "
    highlights = _section(body, "Một số hoạt động tiêu biểu", "3. Kinh phí")
    for quote in highlights:
        agency = quote.removeprefix("- ").split(": ", 1)[0]
        assert agency in _roster_names(), quote


def test_no_request_to_the_issuing_so_in_the_recommendations(report) -> None:  # type: ignore[no-untyped-def]
    _, _, document = report
    proposals = " ".join(_section(_body(document), "3. Kiến nghị", "III. TỔNG HỢP SỐ LIỆU"))
    assert not re.search(r"Đề nghị (Sở Lao động|Sở LĐTBXH|Sở)\b", proposals), proposals


def _status_table(document):  # type: ignore[no-untyped-def]
    return next(t for t in document.tables if "Tình trạng" in [c.text for c in t.rows[0].cells])


def test_each_roster_agency_once_in_the_status_appendix_and_the_counts_add_up(report) -> None:  # type: ignore[no-untyped-def]
    _, _, document = report
    rows = [[c.text for c in r.cells] for r in _status_table(document).rows[1:]]
    names = [row[1] for row in rows]
    assert sorted(names) == sorted(_roster_names())
    summary = next(p.text for p in document.paragraphs if p.text.startswith("Hạn gửi báo cáo"))
    expected = int(re.search(r"phải báo cáo: (\d+)", summary).group(1))  # type: ignore[union-attr]
    sent = int(re.search(r"đã gửi: (\d+)", summary).group(1))  # type: ignore[union-attr]
    missing = int(re.search(r"chưa gửi: (\d+)", summary).group(1))  # type: ignore[union-attr]
    states = [row[3] for row in rows]
    authors = states.count("Cơ quan tổng hợp")
    assert expected + authors == len(rows) and sent + missing == expected
    assert states.count("Chưa gửi") == missing
    assert states[names.index("Sở Lao động - Thương binh và Xã hội")] != "Chưa gửi"
    parts = re.findall(r"(?:đúng hạn|gửi muộn|không rõ ngày|đã gửi, chưa hợp lệ): (\d+)", summary)
    assert sum(map(int, parts)) == sent


def _all_text(document) -> str:  # type: ignore[no-untyped-def]
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(texts)


def test_no_file_name_sheet_name_or_cell_address(report) -> None:  # type: ignore[no-untyped-def]
    inbox, _, document = report
    text = _all_text(document)
    for path in inbox.iterdir():
        assert path.name not in text and path.stem not in text, path.name
    assert not re.search(r"\.(xlsx|xlsm|xls|ods|docx|doc|pdf|md|csv|eml)\b", text, re.I)
    assert not re.search(r"![A-Z]{1,3}\d+|\b[A-Z]{1,2}\d{1,4}\b", text)
    for sheet in (form.SHEET_INFO, form.SHEET_GUIDE, form.SHEET_META):
        assert sheet not in text, sheet


def test_the_report_is_dated_by_the_configuration_and_appendices_follow(report) -> None:  # type: ignore[no-untyped-def]
    _, _, document = report
    text = _all_text(document)
    assert "Bắc Kạn, ngày 22 tháng 12 năm 2021" in text
    refs = [p.text for p in document.paragraphs if p.text.startswith("(Kèm theo Báo cáo số")]
    assert len(refs) == 4 and all("ngày 22 tháng 12 năm 2021" in r for r in refs)


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_body_fits_in_a_few_pages(report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = report
    (pdf,) = soffice_convert([out], "pdf", tmp_path / "pdf", tmp_path / "profile")
    pages = int(
        re.search(r"Pages:\s+(\d+)", subprocess.check_output(["pdfinfo", str(pdf)], text=True))[1]  # type: ignore[index]
    )
    for page in range(1, pages + 1):
        text = subprocess.check_output(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], text=True
        )
        if "Phụ lục I\n" in text or text.lstrip().startswith("Phụ lục I"):
            break
    assert page - 1 <= BODY_PAGES, page
