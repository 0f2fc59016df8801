"""Two texts the officer reads, true to what thd does (trial 5, docs/trials/2026-12-01e, finding 8).

A blank Nam/Nữ beside other figures is left out of the total, which the signed report marks "*"
(incomplete) or "—" (nobody gave it): the warning, the summary workbook's sheet and the
consolidate summary say so, not "tính là 0". A commune's own Word report has no part III and no
numbered tables: a table's place is "bảng thứ 2" of the document, the title the clerk typed, or
the form's table name, never "mục III.2" of a heading the document does not have."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.report import officer

runner = CliRunner()
BLANK = "ô trống không được cộng vào tổng"
MEDIA_TITLE = "Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở"


def _table(document: Document, first: str, rows: list[tuple[object, ...]]) -> None:
    """A clerk's table: STT, item, count, people over Nam | Nữ, level (python-docx)."""
    table = document.add_table(rows=2, cols=6)
    count, people = ("Số cuộc", "Số người tham gia") if first == "Hoạt động" else (
        "Số lượng", "Số người tiếp cận")  # fmt: skip
    for i, text in enumerate(["STT", first, count, people, "", "Cấp triển khai"]):
        table.cell(0, i).text = text
    table.cell(1, 3).text, table.cell(1, 4).text = "Nam", "Nữ"
    table.cell(0, 3).merge(table.cell(0, 4))
    for number, row in enumerate(rows, 1):
        cells = table.add_row().cells
        for i, value in enumerate((number, *row)):
            cells[i].text = "" if value is None else str(value)


def _paragraphs(document: Document, lines: list[str]) -> None:
    for line in lines:
        document.add_paragraph(line)


HEAD = [
    "UBND HUYỆN BA BỂ",
    "Số: 12/BC-UBND",
    "Ba Bể, ngày 10 tháng 12 năm 2021",
    "BÁO CÁO KẾT QUẢ THỰC HIỆN THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI NĂM 2021",
    "I. TỔ CHỨC THỰC HIỆN",
    "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
    "UBND huyện ban hành Kế hoạch số 5/KH-UBND ngày 01/11/2021.",
    "2. Nội dung hoạt động đã triển khai",
    "Huyện tổ chức tập huấn, treo băng rôn và phát tờ rơi tại các thôn.",
]
TAIL = [
    "3. Kinh phí tổ chức",
    "Ngân sách nhà nước: 2.000.000 đồng",
    "II. ĐÁNH GIÁ CHUNG",
    "1. Những kết quả đã đạt được, bài học kinh nghiệm",
    "Nhân dân hưởng ứng tích cực.",
    "2. Những khó khăn, tồn tại",
    "Kinh phí còn hạn hẹp.",
    "3. Kiến nghị, đề xuất",
    "Đề nghị tỉnh bố trí thêm kinh phí.",
]
SIGN = ["CHỦ TỊCH", "Nguyễn Văn An"]


def _commune_style(path: Path) -> None:
    """The trial's own layout: the tables under I.2 with "a)"/"c)" captions, no part III, no
    media table; banners and leaflets have no count of people."""
    document = Document()
    _paragraphs(document, [*HEAD, "a) Tổ chức các hoạt động hưởng ứng"])
    _table(
        document, "Hoạt động", [("Tập huấn", 2, 10, 12, "Huyện"), ("Băng rôn", 5, None, None, "Xã")]
    )
    _paragraphs(document, ["c) Phát hành các sản phẩm truyền thông"])
    _table(document, "Sản phẩm", [("Tờ rơi", 200, None, None, "Xã")])
    _paragraphs(document, [*TAIL, *SIGN])
    document.save(path)


def _tables_at_the_end(path: Path) -> None:
    """The tables after part II under their numbered titles, with no "III." heading above them;
    the media table's title is followed by words instead of a table."""
    document = Document()
    _paragraphs(document, [*HEAD, *TAIL, "1. Tổ chức các hoạt động hưởng ứng Tháng hành động"])
    _table(document, "Hoạt động", [("Tập huấn", 2, 10, 12, "Huyện")])
    _paragraphs(document, [f"2. {MEDIA_TITLE}", "Số liệu truyền thông đơn vị gửi sau."])
    _paragraphs(document, ["3. Phát hành các sản phẩm truyền thông", "Không phát hành sản phẩm."])
    _paragraphs(document, SIGN)
    document.save(path)


def _screen(*args: str) -> str:
    result = runner.invoke(app, list(args), terminal_width=200)
    return " ".join(result.output.split())


def test_validate_tells_a_commune_report_its_own_places_and_what_a_blank_does(
    tmp_path: Path,
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _commune_style(inbox / "BC Ba Be.docx")
    screen = _screen("validate", str(inbox))
    assert "mục III" not in screen and "tính là 0" not in screen
    assert (
        "Cảnh báo ở bảng “Kết quả truyền thông trên các phương tiện thông tin đại chúng” của "
        "mẫu: Báo cáo không có bảng “2. Truyền thông”" in screen
    )
    assert (
        "Cảnh báo ở bảng “a) Tổ chức các hoạt động hưởng ứng”, dòng 2, cột Nam: Dòng 2 có số liệu nhưng để trống số nam/nữ: "
        f"{BLANK}; trong báo cáo tổng hợp, tổng có ô trống được đánh dấu “*” (chưa đủ), số "
        "không đơn vị nào ghi thì để “—”. Có số thì ghi; chỉ ghi 0 khi đúng là không có ai; không "
        "biết số thì để trống." in screen
    )
    table = "bảng “c) Phát hành các sản phẩm truyền thông”"
    assert f"Cảnh báo ở {table}, dòng 1, cột Nam: Dòng 1 có số liệu" in screen


def test_a_title_without_part_iii_is_named_as_the_clerk_typed_it(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _tables_at_the_end(inbox / "BC Ba Be.docx")
    screen = _screen("validate", str(inbox))
    assert "mục III" not in screen
    assert f"Cảnh báo ở đoạn “2. {MEDIA_TITLE}”: Báo cáo không có bảng" in screen


def test_consolidate_summary_and_workbook_say_the_blank_is_left_out(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _commune_style(inbox / "BC Ba Be.docx")
    book_path = tmp_path / "tonghop.xlsx"
    args = ["consolidate", str(inbox), "--out", str(tmp_path / "baocao.docx")]
    screen = _screen(*args, "--xlsx", str(book_path), "--date", "2021-12-22")
    assert "tính là 0" not in screen
    assert (
        "2 bảng có dòng để trống ô số, ô trống không được cộng (tổng chưa đủ, có thể thấp hơn "
        "thực tế; báo cáo đánh dấu “*”, số không đơn vị nào ghi thì để “—”)" in screen
    )
    sheet = load_workbook(book_path)[officer.SHEET_BLANKS]
    assert sheet["A1"].value == (
        "Dòng có ô số để trống (ô trống không được cộng: tổng chưa đủ, có thể thấp hơn thực tế)"
    )
