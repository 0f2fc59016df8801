"""--compare compares like with like: the change sentences of Phần I are computed on the agencies
with usable figures in both years (the coverage of both years said when it differs), nothing
follows "chưa có số liệu", and Phần III lists last year's rows with no row this year so that
every column adds up to its Tổng cộng (the newcomer's finding 7 of 2026-12-01).

Both years are built with the real pipeline: forms generated, filled, consolidated (2021 with
7 agencies, 2022 with some of them), the Word report rendered and read back with python-docx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.sample import SampleReport, SampleRow, fill

runner = CliRunner()
EXPECTED = 27  # the default roster's agencies, the issuing body excepted

# Seven agencies of 2021, each with its own activity (so that rows disappear in 2022); the
# first two are the ones that answer in 2022 and have no media figures.
ROWS_2021 = {
    "HLHPN": [SampleRow("Tập huấn", 2, 40, 60, "Tỉnh")],
    "SYT": [SampleRow("Tọa đàm", 3, 100, 100, "Tỉnh")],
    "SNV": [SampleRow("Diễn đàn", 1, 30, 270, "Tỉnh")],
    "STP": [SampleRow("Hội thảo", 4, 50, 50, "Tỉnh")],
    "BABE": [SampleRow("Nói chuyện chuyên đề", 5, 200, 260, "Huyện")],
    "NARI": [SampleRow("Giao lưu văn nghệ", 2, 150, 210, "Xã")],
    "TPBK": [SampleRow("Thể thao", 6, 300, 350, "Huyện")],
}
COMMON = ("HLHPN", "SYT")
MEDIA = [SampleRow("Mạng xã hội", 10, 3000, 3500, "Tỉnh")]


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def report_of(code: str, rows: list[SampleRow], day: date) -> SampleReport:
    media = [] if code in COMMON else MEDIA
    return SampleReport(
        report_date=day, tables={"activities": rows, "media": media, "products": []}
    )


def campaign_dir(root: Path, previous: Path | None = None) -> Path:
    """`thd init` (next year's from last year's config), then the forms."""
    if previous is None:
        run("init", str(root))
    else:
        run("init", str(root), "--from", str(previous / "thd.toml"), "--year", "2022")
    run("generate-templates", "--config", str(root / "thd.toml"), "--out", str(root / "mau"))
    return root


def fill_inbox(root: Path, rows: dict[str, list[SampleRow]], day: date) -> Path:
    inbox = root / "inbox"
    inbox.mkdir(exist_ok=True)
    for code, agency_rows in rows.items():
        blank = next((root / "mau").glob(f"{day.year}_{code.lower()}_*.xlsx"))
        fill(blank, inbox / blank.name, report_of(code, agency_rows, day))
    return inbox


def consolidate(root: Path, out: Path, *extra: str) -> docx.document.Document:
    config = str(root / "thd.toml")
    run("consolidate", str(root / "inbox"), "--config", config, "--out", str(out), *extra)
    return docx.Document(str(out))


@pytest.fixture(scope="module")
def last_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2021 campaign with its seven answers and its data file (baocao.json)."""
    root = campaign_dir(tmp_path_factory.mktemp("y2021") / "dot-2021")
    fill_inbox(root, ROWS_2021, date(2021, 12, 17))
    consolidate(root, root / "baocao.docx", "--date", "05/01/2022")
    return root


def this_year(
    tmp_path: Path, last_year: Path, rows: dict[str, list[SampleRow]]
) -> docx.document.Document:
    root = campaign_dir(tmp_path / "dot-2022", previous=last_year)
    fill_inbox(root, rows, date(2022, 12, 16))
    compare = ("--compare", str(last_year / "baocao.json"), "--date", "05/01/2023")
    return consolidate(root, tmp_path / "baocao-2022.docx", *compare)


def paragraph(document: docx.document.Document, start: str) -> str:
    found = [p.text for p in document.paragraphs if p.text.startswith(start)]
    assert len(found) == 1, [p.text for p in document.paragraphs]
    return found[0]


def activities_table(document: docx.document.Document) -> list[list[str]]:
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Hoạt động")
    return [[c.text for c in row.cells] for row in table.rows]


def number(text: str) -> int:
    return int(text.replace(".", "")) if text else 0


BOTH = "(năm nay có số liệu của 2/27 đơn vị, năm 2021 của 7/27 đơn vị)"


def test_no_fall_when_the_agencies_of_both_years_did_not_change(
    tmp_path: Path, last_year: Path
) -> None:
    document = this_year(tmp_path, last_year, {code: ROWS_2021[code] for code in COMMON})
    activities = paragraph(document, "- Tổ chức 5 cuộc")
    assert activities.endswith(
        ". So với năm 2021, chỉ so sánh được 2/27 đơn vị, tính trên số liệu của Hội Liên hiệp "
        f"Phụ nữ tỉnh, Sở Y tế: số cuộc không đổi, số lượt người tham gia không đổi {BOTH}."
    )
    media = paragraph(document, "- Kết quả truyền thông")
    assert media.endswith(": chưa có số liệu.")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "giảm" not in text and "100,0%" not in text


def test_a_change_among_the_common_agencies_gives_its_percentage(
    tmp_path: Path, last_year: Path
) -> None:
    # SYT: 3 -> 6 activities, 200 -> 300 people; with HLHPN unchanged the common totals go
    # 5 -> 8 activities (+60,0%) and 300 -> 400 people (+33,3%).
    rows = {"HLHPN": ROWS_2021["HLHPN"], "SYT": [SampleRow("Tọa đàm", 6, 150, 150, "Tỉnh")]}
    document = this_year(tmp_path, last_year, rows)
    activities = paragraph(document, "- Tổ chức 8 cuộc")
    assert activities.endswith(
        ". So với năm 2021, chỉ so sánh được 2/27 đơn vị, tính trên số liệu của Hội Liên hiệp "
        f"Phụ nữ tỉnh, Sở Y tế: số cuộc tăng 60,0%, số lượt người tham gia tăng 33,3% {BOTH}."
    )


def test_the_comparison_columns_add_up_to_their_totals(tmp_path: Path, last_year: Path) -> None:
    document = this_year(tmp_path, last_year, {code: ROWS_2021[code] for code in COMMON})
    header, *body, total = activities_table(document)[1:]
    assert header[5:9] == ["Số cuộc năm 2021", "Tăng, giảm", "Số người năm 2021", "Tăng, giảm"]
    # this year's rows (catalogue order), then last year's with no row this year
    assert [row[1] for row in body] == [
        "Tọa đàm",
        "Tập huấn",
        "Diễn đàn",
        "Hội thảo",
        "Nói chuyện chuyên đề",
        "Giao lưu văn nghệ",
        "Thể thao",
    ]
    for column in (2, 3, 4, 5, 7):
        assert sum(number(row[column]) for row in body) == number(total[column]), column
    assert number(total[5]) == 23 and number(total[7]) == sum(
        r.male + r.female for rows in ROWS_2021.values() for r in rows
    )
    # Rows of agencies that answered both years: a real change (here none); a row only last
    # year from an agency that has not answered, and the total over different agencies: blank.
    assert body[0][6] == body[1][6] == "0,0%"
    assert all(row[2] == "0" and row[6] == row[8] == "" for row in body[2:])
    assert total[6] == total[8] == ""


def test_same_agencies_both_years_keep_the_plain_sentence(tmp_path: Path, last_year: Path) -> None:
    rows = {**ROWS_2021, "TPBK": [SampleRow("Thể thao", 3, 150, 175, "Huyện")]}
    document = this_year(tmp_path, last_year, rows)
    activities = paragraph(document, "- Tổ chức 20 cuộc")
    # 23 -> 20 activities (-13,0%), 2.170 -> 1.845 people (-15,0%) over the same 7 agencies
    assert activities.endswith(
        ". So với năm 2021, số cuộc giảm 13,0%, số lượt người tham gia giảm 15,0%."
    )
    assert activities_table(document)[-1][6] == "-13,0%"


def test_no_agency_in_both_years_states_no_change(tmp_path: Path, last_year: Path) -> None:
    rows = {"CAT": [SampleRow("Tập huấn", 1, 10, 10, "Tỉnh")]}
    document = this_year(tmp_path, last_year, rows)
    activities = paragraph(document, "- Tổ chức 1 cuộc")
    assert activities.endswith(
        ". Chưa so sánh được với năm 2021 do không có đơn vị có số liệu cả hai năm "
        "(năm nay có số liệu của 1/27 đơn vị, năm 2021 của 7/27 đơn vị)."
    )
    assert "%" not in activities.split(". Chưa so sánh")[1]
