"""Agencies' tables without borders: a Word table whose borders were removed ("No Border"),
only its outer frame or its horizontal rules kept (the "Table Simple" looks), and tables typed
as tab-separated lines, in the Word report and in its PDF printed by LibreOffice.

A Word table is structural, borders or not: read exactly. A PDF table without its rules prints
its cells as words at places (pdfplumber's text strategy cuts words in two and splits a wrapped
"Phát / thanh" into two rows), so thd does not guess: the table is refused where it is
(`table_unruled`), never taken as "absent" (`table_absent`: "coi như đơn vị không có số liệu",
the figures silently lost) nor summed from a guess. Reports written by python-docx, printed to
PDF by LibreOffice, read back through `thd validate --json` and `thd consolidate --json`."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from conftest import SOFFICE, soffice_convert
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from test_tabtables_word import _tab_report
from test_word_habits import tab_report, totals, validate
from word_reports import ACTIVITIES, PRODUCTS, header_table, seed_form, signature_table

from thanghanhdong import form

MEDIA = [["1", "Phát thanh", "12", "1.500", "1.700", "Tỉnh"]]
EXPECTED = {"activities": [5, 105, 210], "media": [12, 1500, 1700], "products": [2000, 800, 1200]}
SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
NO_BORDER: tuple[str, ...] = ()
OUTER = ("top", "left", "bottom", "right")
HORIZONTAL = ("top", "bottom", "insideH")
COLUMNS = ("top", "left", "bottom", "right", "insideV")  # frame and column rules only
PDF_FIX = "gửi kèm bản Word (.docx) của báo cáo"
NO_PRODUCTS = "Không phát hành sản phẩm."


def _bordered(data: bytes, sides_by_table: list[tuple[str, ...] | None]) -> bytes:
    """The seed's report with each data table's borders set to `sides` (None: left as the
    seed's Table Grid), as Word's Borders button writes them: the table style removed, the
    table's own w:tblBorders with the other sides "nil"."""
    document = Document(BytesIO(data))
    tables = [t for t in document.tables if t.cell(0, 0).text == "STT"]
    assert len(tables) == len(sides_by_table)
    for table, sides in zip(tables, sides_by_table, strict=True):
        if sides is not None:
            _set_borders(table, sides)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _set_borders(table: Any, sides: tuple[str, ...]) -> None:
    table.style = None
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblBorders")):
        properties.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in SIDES:
        borders.append(_edge(side) if side in sides else _no_edge(side))
    properties.append(borders)


def _edge(side: str) -> Any:
    edge = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", "8"), ("space", "0"), ("color", "000000")):
        edge.set(qn(f"w:{key}"), value)
    return edge


def _no_edge(side: str) -> Any:
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "nil")
    return edge


def _report(sides_by_table: list[tuple[str, ...] | None]) -> bytes:
    return _bordered(seed_form((ACTIVITIES, MEDIA, PRODUCTS)), sides_by_table)


def _one_header_row(
    sides: tuple[str, ...], header_rule: bool, ruled: tuple[int, ...] = ()
) -> bytes:
    """A clerk's own tables, one header row (STT | Hoạt động | Số cuộc | Nam | Nữ | Cấp triển
    khai), two rows of figures, drawn with `sides` and a rule under the header when
    `header_rule` ("Table Simple 2", "Table Columns": the column rules, no rule between rows);
    the tables numbered in `ruled` are left a Table Grid."""
    document = Document()
    header_table(
        document,
        [("UBND TỈNH BẮC KẠN", False), ("SỞ Y TẾ", True), ("Số: 12/BC-SYT", False)],
        "Bắc Kạn, ngày 18 tháng 12 năm 2021",
    )
    for text in ("BÁO CÁO", "I. TỔ CHỨC THỰC HIỆN", "1. Công tác chỉ đạo", "Ban hành kế hoạch."):
        document.add_paragraph(text)
    document.add_paragraph("III. TỔNG HỢP SỐ LIỆU")
    for spec, rows in zip(form.TABLES, TWO_ROWS, strict=True):
        document.add_paragraph(f"{spec.number}. {spec.title}")
        labels = [spec.item_label, spec.count_label, form.MALE_LABEL, form.FEMALE_LABEL]
        table = document.add_table(rows=1, cols=6)
        for cell, label in zip(
            table.rows[0].cells, [form.STT_LABEL, *labels, form.LEVEL_LABEL], strict=True
        ):
            cell.text = label
        for values in rows:
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.text = value
        if spec.number in ruled:
            table.style = "Table Grid"
            continue
        _set_borders(table, sides)
        if header_rule:
            for cell in table.rows[0].cells:
                edges = OxmlElement("w:tcBorders")
                edges.append(_edge("bottom"))
                cell._tc.get_or_add_tcPr().append(edges)
    signature_table(document, ["GIÁM ĐỐC", "Nguyễn Văn An"])
    out = BytesIO()
    document.save(out)
    return out.getvalue()


TWO_ROWS = [
    [["1", "Tập huấn", "3", "60", "90", "Xã"], ["2", "Diễn đàn", "2", "45", "120", "Xã"]],
    [["1", "Phát thanh", "12", "1.500", "1.700", "Tỉnh"]],
    [["1", "Tờ rơi", "2.000", "800", "1.200", "Tỉnh"], ["2", "Pano", "5", "0", "0", "Xã"]],
]


DOCUMENTS = {
    "none": lambda: _report([NO_BORDER] * 3),
    "outer": lambda: _report([OUTER] * 3),
    "horizontal": lambda: _report([HORIZONTAL] * 3),
    "columns": lambda: _report([COLUMNS] * 3),
    "first_none": lambda: _report([NO_BORDER, None, None]),
    "second_outer": lambda: _report([None, OUTER, None]),
    "grid": lambda: _report([None] * 3),
    "simple2": lambda: _one_header_row(("top", "bottom", "insideV"), True),
    "frame_columns": lambda: _one_header_row(COLUMNS, True),
    "simple1": lambda: _one_header_row(("top", "bottom"), True),
    "frame_header": lambda: _one_header_row(OUTER, True),
    "frame_header_first": lambda: _one_header_row(OUTER, True, ruled=(2, 3)),
    "none_first_no_products": lambda: _bordered(
        seed_form((ACTIVITIES, MEDIA, PRODUCTS), instead={"products": NO_PRODUCTS}),
        [NO_BORDER, None],
    ),
    "products_later": lambda: _bordered(
        seed_form((ACTIVITIES, MEDIA, PRODUCTS), instead={"products": "Số liệu gửi sau."}),
        [None, None],
    ),
    "tabs": lambda: _tab_report(),
    "tabs_first": lambda: tab_report(aligned_by_hand=True),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every report printed to PDF by LibreOffice, in one soffice run."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("borderless")
    sources = []
    for name, make in DOCUMENTS.items():
        source = folder / f"{name}.docx"
        source.write_bytes(make())
        sources.append(source)
    converted = soffice_convert(sources, "pdf", folder / "pdf", folder / "profile")
    return {path.stem: path.read_bytes() for path in converted}


def _inbox(tmp_path: Path, name: str, data: bytes) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_bytes(data)
    return inbox


def _table_issues(issues: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for i in issues if i["code"].startswith("table")]


def _where(issue: dict[str, Any]) -> str:
    return str(issue["sheet"])


def test_word_tables_without_borders_are_read_exactly(tmp_path: Path) -> None:
    """(a) A Word table is cells in rows whatever its borders: the same figures as with them."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("none", "outer", "horizontal", "columns"):
        (inbox / f"BC SYT {name}.docx").write_bytes(DOCUMENTS[name]())
        issues = validate(inbox)[f"BC SYT {name}.docx"]
        assert _table_issues(issues) == [], name
        assert [i for i in issues if i["severity"] == "error"] == [], name
        (tmp_path / name).mkdir()
        assert totals(inbox, tmp_path / name) == EXPECTED, name
        (inbox / f"BC SYT {name}.docx").unlink()


def test_ruled_pdf_tables_still_read_exactly(tmp_path: Path, pdfs: dict[str, bytes]) -> None:
    inbox = _inbox(tmp_path, "BC SYT.pdf", pdfs["grid"])
    assert _table_issues(validate(inbox)["BC SYT.pdf"]) == []
    assert totals(inbox, tmp_path) == EXPECTED


@pytest.mark.parametrize("name", ["none", "outer", "horizontal", "columns"])
def test_pdf_tables_without_their_rules_are_refused_where_they_are(
    tmp_path: Path, pdfs: dict[str, bytes], name: str
) -> None:
    """(b), (c) No border, only the outer frame, only horizontal rules, only the frame and the
    column rules: one error for the file, naming where the tables are and asking for the Word
    file; never a figure read from a guess. Before: "không có bảng số liệu nào ... ở dạng bảng
    có dòng tiêu đề: đề nghị đơn vị trình bày số liệu thành bảng", of a report whose tables the
    officer sees."""
    inbox = _inbox(tmp_path, "BC SYT.pdf", pdfs[name])
    issues = _table_issues(validate(inbox)["BC SYT.pdf"])
    assert [(i["code"], i["severity"]) for i in issues] == [("table_unruled", "error")]
    message = issues[0]["message"]
    assert "không đủ đường kẻ ô" in message and PDF_FIX in message
    assert "trang 2" in message
    if name != "columns":  # a grid pdfplumber found with its rows run together: by the table
        assert all(f"mục III.{n}" in message for n in (1, 2, 3)), message


@pytest.mark.parametrize(
    ("name", "table", "section"),
    [("first_none", "1. Hoạt động", "mục III.1"), ("second_outer", "2. Truyền thông", "mục III.2")],
)
def test_one_pdf_table_without_rules_is_an_error_not_an_absent_table(
    tmp_path: Path, pdfs: dict[str, bytes], name: str, table: str, section: str
) -> None:
    """Before: `table_absent`, a warning that the agency had nothing for the table ("coi như
    đơn vị không có số liệu của bảng này"), its 5 cuộc and 315 people silently left out."""
    inbox = _inbox(tmp_path, "BC SYT.pdf", pdfs[name])
    issues = _table_issues(validate(inbox)["BC SYT.pdf"])
    assert [(i["code"], i["severity"]) for i in issues] == [("table_unruled", "error")]
    assert issues[0]["message"].startswith(f"Bảng “{table}” in trong bản PDF không đủ đường kẻ ô")
    assert PDF_FIX in issues[0]["message"]
    assert section in _where(issues[0]) and "trang 2" in _where(issues[0])
    if name == "first_none":  # the ruled table after it is the page's second, as printed
        places = {i["sheet"] for i in validate(inbox)["BC SYT.pdf"] if i["code"] == "totals_row"}
        assert "trang 2, bảng thứ 2" in places, places


def test_a_word_table_typed_with_tabs_among_word_tables_is_an_error(tmp_path: Path) -> None:
    """(d) Table 1 typed as lines with tabs lined up by hand (no grid to read it on), tables 2
    and 3 Word tables: before, `table_absent` said the agency had no activities (6 cuộc lost)."""
    inbox = _inbox(tmp_path, "Ban Dan toc.docx", DOCUMENTS["tabs_first"]())
    issues = _table_issues(validate(inbox)["Ban Dan toc.docx"])
    assert [(i["code"], i["severity"]) for i in issues] == [("table_unruled", "error")]
    message = issues[0]["message"]
    assert message.startswith("Bảng “1. Hoạt động” được gõ bằng dấu Tab hoặc dấu cách")
    assert "Chèn > Bảng" in message
    assert "mục III.1" in _where(issues[0])


def test_tab_typed_tables_printed_to_pdf_are_refused(
    tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    """(d) The same habits in the PDF: all tables typed with tabs, or one among Word tables."""
    inbox = _inbox(tmp_path, "BC STP.pdf", pdfs["tabs"])
    issues = _table_issues(validate(inbox)["BC STP.pdf"])
    assert [(i["code"], i["severity"]) for i in issues] == [("table_unruled", "error")]
    assert PDF_FIX in issues[0]["message"]
    (inbox / "BC STP.pdf").unlink()
    (inbox / "Ban Dan toc.pdf").write_bytes(pdfs["tabs_first"])
    issues = _table_issues(validate(inbox)["Ban Dan toc.pdf"])
    assert [(i["code"], i["severity"]) for i in issues] == [("table_unruled", "error")]
    assert "mục III.1" in _where(issues[0])


def test_an_unruled_table_is_not_counted_by_consolidate(
    tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    """The agency is "đã gửi, chưa hợp lệ" (an error): with --skip-invalid nothing of its
    report is summed, no table counted as zero."""
    from typer.testing import CliRunner

    from thanghanhdong.cli import app

    inbox = _inbox(tmp_path, "BC SYT.pdf", pdfs["first_none"])
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--json", "--date", "22/12/2021"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0 and not out.exists()


def test_the_docx_beside_its_unruled_pdf_is_used_without_a_false_difference(
    tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    """The usual pair: the .docx (borderless tables, read exactly) and its signed PDF (tables
    not read). The Word report is used; the PDF, whose figures were not read, is not compared
    with it (before: `versions_differ`, "số 3 ≠ 0; nam 60 ≠ 0...", as if the PDF said 0)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC SYT.docx").write_bytes(DOCUMENTS["none"]())
    (inbox / "BC SYT.pdf").write_bytes(pdfs["none"])
    issues = validate(inbox)
    assert "BC SYT.pdf" not in issues  # a copy of the Word report, listed with it
    assert [i["code"] for i in issues["BC SYT.docx"] if i["severity"] == "error"] == []
    assert "versions_differ" not in [i["code"] for i in issues["BC SYT.docx"]]
    assert totals(inbox, tmp_path) == EXPECTED


def test_column_rules_without_row_rules_never_join_two_rows_figures(
    tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    """(c) The frame, the column rules and a rule under the header, none between rows:
    pdfplumber finds the header and ONE row whose cells print both rows' figures ("3" over
    "2"). Before: read as 32 cuộc, 6045 nam, 90120 nữ (only an "implausible" warning), and
    "2.000 5" a decimal. Now the two tables with two rows are refused at their place; the
    media table's one row is read as printed."""
    inbox = _inbox(tmp_path, "BC SYT.pdf", pdfs["frame_columns"])
    issues = _table_issues(validate(inbox)["BC SYT.pdf"])
    assert [(i["code"], i["severity"]) for i in issues] == [("table_unruled", "error")] * 2
    assert [i["message"].split("”")[0] for i in issues] == [
        "Bảng “1. Hoạt động",
        "Bảng “3. Sản phẩm",
    ]
    assert all("trang 1" in _where(i) for i in issues)


def test_column_rules_inside_only_leave_no_table_read(
    tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    """ "Table Simple 2": top and bottom, the inner column rules and the header's rule, no frame
    at the sides: the STT and level columns fall outside the grid pdfplumber finds; no table
    is read: each is an error at its place (rows run together, "3" over "2", or the level
    column outside the grid found), none counted."""
    inbox = _inbox(tmp_path, "BC SYT.pdf", pdfs["simple2"])
    issues = [i for i in validate(inbox)["BC SYT.pdf"] if i["severity"] == "error"]
    assert {i["code"] for i in issues} <= {"table_unruled", "missing_column"}
    assert any(i["code"] == "table_unruled" for i in issues)
    places = " ".join(str(i["sheet"]) + i["message"] for i in issues)
    assert all(spec.sheet in places for spec in form.TABLES)  # every table named


def test_figures_of_two_rows_in_one_cell_are_never_one_number(tmp_path: Path) -> None:
    """A Word row holding two activities, each cell two paragraphs ("3" / "2"): before, "3 2"
    was read as 32 and "60 45" as 6045, silently ("1 200", a space between groups of three
    digits, is still 1200: tests/test_clerk_habits.py)."""
    document = Document(BytesIO(seed_form((ACTIVITIES, MEDIA, PRODUCTS))))
    table = next(t for t in document.tables if t.cell(0, 0).text == "STT")
    row = table.rows[2].cells  # the first row of figures: "1 | Tập huấn | 3 | 60 | 90 | Huyện"
    for cell, more in zip(row[1:5], ["Diễn đàn", "2", "45", "120"], strict=True):
        cell.add_paragraph(more)
    out = BytesIO()
    document.save(out)
    inbox = _inbox(tmp_path, "BC SYT.docx", out.getvalue())
    issues = [i for i in validate(inbox)["BC SYT.docx"] if i["code"] == "several_numbers"]
    assert [(i["severity"], i["sheet"], i["cell"]) for i in issues] == [
        ("error", "bảng thứ 1", f"dòng 1, cột {column}") for column in ("Số cuộc", "Nam", "Nữ")
    ]
    assert issues[0]["message"].startswith("Ô ghi nhiều số (“3”, “2”, cách nhau")


def test_a_table_the_agency_says_it_has_none_of_stays_so(
    tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    """Only the unruled table is refused: "Không phát hành sản phẩm." under table 3's title is
    still no table and no issue, and a ruled report without table 3 is still `table_absent`."""
    inbox = _inbox(tmp_path, "BC SYT.pdf", pdfs["none_first_no_products"])
    issues = _table_issues(validate(inbox)["BC SYT.pdf"])
    assert [(i["code"], i["message"].split("”")[0]) for i in issues] == [
        ("table_unruled", "Bảng “1. Hoạt động")
    ]
    (inbox / "BC SYT.pdf").write_bytes(pdfs["products_later"])
    issues = _table_issues(validate(inbox)["BC SYT.pdf"])
    assert [(i["code"], i["severity"]) for i in issues] == [("table_absent", "warning")]


def test_a_frame_with_the_headers_rule_only_is_refused(
    tmp_path: Path, pdfs: dict[str, bytes]
) -> None:
    """(c) "Table Simple 3": the frame and a rule under the header: pdfplumber's grid is two
    cells, the header's labels in one, every row's words in the other. Before: `table_absent`
    when the other tables are ruled (the activities silently lost), "không có bảng số liệu
    nào ... ở dạng bảng" when none is."""
    inbox = _inbox(tmp_path, "BC SYT.pdf", pdfs["frame_header_first"])
    issues = _table_issues(validate(inbox)["BC SYT.pdf"])
    assert [(i["code"], i["message"].split("”")[0]) for i in issues] == [
        ("table_unruled", "Bảng “1. Hoạt động")
    ]
    assert _where(issues[0]) == "trang 1, bảng thứ 1"
    (inbox / "BC SYT.pdf").write_bytes(pdfs["frame_header"])
    issues = _table_issues(validate(inbox)["BC SYT.pdf"])
    assert [(i["code"], i["severity"]) for i in issues] == [("table_unruled", "error")]
    assert issues[0]["message"].count("trang 1, bảng") == 3


def test_figures_in_words_under_a_tables_title_are_not_an_absent_table(tmp_path: Path) -> None:
    """The activities written as a sentence where their table should be: before, `table_absent`
    said the agency had none ("coi như đơn vị không có số liệu"), 3 cuộc and 150 people lost;
    a sentence without figures ("Số liệu gửi sau.") is still `table_absent`."""
    words = "Tổ chức 3 cuộc tọa đàm với 60 nam, 90 nữ tham gia."
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC SYT.docx").write_bytes(
        seed_form((ACTIVITIES, MEDIA, PRODUCTS), instead={"activities": words})
    )
    (inbox / "BC STP.docx").write_bytes(
        seed_form(
            (ACTIVITIES, MEDIA, PRODUCTS),
            instead={"activities": "Số liệu gửi sau."},
            agency="SỞ TƯ PHÁP",
        )
    )
    issues = validate(inbox)
    unruled = _table_issues(issues["BC SYT.docx"])
    assert [(i["code"], i["sheet"]) for i in unruled] == [("table_unruled", "mục III.1")]
    absent = _table_issues(issues["BC STP.docx"])
    assert [(i["code"], i["severity"]) for i in absent] == [("table_absent", "warning")]
