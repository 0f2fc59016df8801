"""A Word report whose tables are typed as tab-separated lines, not Word tables (trial
2026-12-01f, finding 5): one error in the clerk's terms, not three in Excel wording; a Word report
with no table at all is one error too, while one with some tables and one missing is the
`table_absent` warning; the công văn lowers each reason after "; ". Reports written by
python-docx, run through `thd validate --json` and `thd remind`, the letter read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
from typer.testing import CliRunner
from word_reports import ACTIVITIES, MEDIA, PRODUCTS, seed_form

from thanghanhdong import form
from thanghanhdong.cli import app

runner = CliRunner()
TABS = (
    "Các bảng số liệu được gõ bằng dấu Tab, không phải bảng Word, nên không đọc được số liệu: đề "
    "nghị đơn vị chèn bảng (Chèn > Bảng, tức Insert > Table) hoặc điền mẫu Excel đã gửi."
)
TABS_REASON = (
    "các bảng số liệu được gõ bằng dấu Tab, không phải bảng Word, nên không đọc được số liệu "
    "(cần chèn bảng bằng Chèn > Bảng, hoặc điền mẫu Excel)"
)
NO_TABLES = (
    "Báo cáo Word không có bảng số liệu nào của mẫu (“1. Hoạt động”, “2. Truyền thông”, “3. Sản "
    "phẩm”) ở dạng bảng có dòng tiêu đề: đề nghị đơn vị trình bày số liệu thành bảng như mẫu "
    "hoặc điền mẫu Excel đã gửi."
)
NO_TABLES_REASON = "không có bảng số liệu nào của mẫu ở dạng bảng có dòng tiêu đề"
EXCEL_WORDS = ("trang hoặc dòng tiêu đề", "mẫu gốc")


def _tab_report(name: str = "Sở Tư pháp", tabs: bool = True) -> bytes:
    """The trial's Đài PTTH report: tables 1 and 2 typed as lines with tabs, no table 3; the
    figures lined up by hand with an extra tab, so the lines are no grid. (A table Word
    converted to text, one tab per cell, is read as a table: tests/test_word_habits.py.)"""
    document = docx.Document()
    sep = "\t" if tabs else "  "
    lines = [
        name.upper(),
        "BÁO CÁO",
        f"Tên đơn vị báo cáo: {name}",
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
        "Ban hành Kế hoạch số 7/KH-STP.",
        "2. Nội dung hoạt động đã triển khai",
        "1. Tổ chức các hoạt động hưởng ứng",
        sep.join(["STT", "Hoạt động", "Số cuộc", "Nam", "Nữ", "Cấp triển khai"]),
        sep.join(["1", "Tọa đàm", "", "2", "20", "30", "Tỉnh"]),
        "2. Kết quả truyền thông",
        sep.join(["STT", "Nội dung", "Số lượng", "Nam", "Nữ", "Cấp triển khai"]),
        sep.join(["1", "Truyền hình", "", "10", "5000", "6000", "Tỉnh"]),
        "II. ĐÁNH GIÁ CHUNG",
        "1. Những kết quả đã đạt được",
        "Tốt.",
    ]
    for line in lines:
        document.add_paragraph(line)
    return _saved(document)


def _prose_report(name: str, more: list[str] | None = None) -> bytes:
    """A Word report with its figures in sentences only: no table, no tab."""
    document = docx.Document()
    for line in [
        "BÁO CÁO",
        f"Tên đơn vị báo cáo: {name}",
        "I. TỔ CHỨC THỰC HIỆN",
        "2. Nội dung hoạt động đã triển khai",
        "Tổ chức 2 cuộc tọa đàm với 50 người tham gia.",
        *(more or []),
    ]:
        document.add_paragraph(line)
    return _saved(document)


def _saved(document: Any) -> bytes:
    import io

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _validate(inbox: Path) -> dict[str, list[dict[str, Any]]]:
    """Each file's issues from `thd validate --json`, by file name."""
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    data = json.loads(result.stdout)
    return {Path(f["path"]).name: f["issues"] for f in data["files"]}


def _tables(issues: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    codes = ("table_missing", "table_absent")
    return [(i["code"], i["severity"], i["message"]) for i in issues if i["code"] in codes]


def test_tab_typed_word_report_is_one_error_in_the_clerks_words(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC STP.docx").write_bytes(_tab_report())
    (inbox / "BC STP dau cach.docx").write_bytes(_tab_report("Sở Nội vụ", tabs=False))
    (inbox / "BC SNV.docx").write_bytes(_prose_report("Sở Giáo dục và Đào tạo"))
    issues = _validate(inbox)
    assert _tables(issues["BC STP.docx"]) == [("table_missing", "error", TABS)]
    # Typed with spaces: the header words on a line still show a table typed as text.
    assert _tables(issues["BC STP dau cach.docx"]) == [("table_missing", "error", TABS)]
    assert _tables(issues["BC SNV.docx"]) == [("table_missing", "error", NO_TABLES)]


def test_prose_with_the_labels_words_folded_is_no_table_typed_as_text(tmp_path: Path) -> None:
    # "năm" folds to "nam", "phụ nữ" to "phu nu": a sentence is no header typed with spaces.
    sentence = (
        "Năm 2026, đơn vị tổ chức 12 hoạt động, số cuộc tăng so với năm trước, thu hút 3.000 lượt "
        "phụ nữ tham gia."
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC SYT.docx").write_bytes(_prose_report("Sở Y tế", [sentence]))
    issues = _validate(inbox)
    assert _tables(issues["BC SYT.docx"]) == [("table_missing", "error", NO_TABLES)]
    every = json.dumps(issues, ensure_ascii=False)
    assert not any(words in every for words in EXCEL_WORDS)


def test_a_word_report_with_two_tables_and_one_missing_is_the_same_warning(
    tmp_path: Path,
) -> None:
    """Same situation, same result: the tab-typed report is one error for the whole document,
    a report with two readable tables and no table 3 is the `table_absent` warning."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC SYT.docx").write_bytes(
        seed_form((ACTIVITIES, MEDIA, PRODUCTS), instead={"products": "Số liệu gửi sau."})
    )
    (inbox / "BC STP.docx").write_bytes(_tab_report())
    issues = _validate(inbox)
    products = form.table("products").sheet
    absent = f"Báo cáo không có bảng “{products}”: coi như đơn vị không có số liệu của bảng này; "
    absent += "nếu có, đề nghị đơn vị bổ sung."
    assert _tables(issues["BC SYT.docx"]) == [("table_absent", "warning", absent)]
    assert [i["code"] for i in issues["BC STP.docx"] if i["severity"] == "error"] == [
        "table_missing"
    ]


def _letter_lines(tmp_path: Path, inbox: Path, name: str) -> list[str]:
    out = tmp_path / "nhac.docx"
    result = runner.invoke(app, ["remind", str(inbox), "--date", "2021-12-18", "--out", str(out)])
    assert result.exit_code == 0, result.output
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    return [t for t in texts if t.startswith(f"- {name}: ")]


def test_the_letter_says_what_to_do_with_tab_tables(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC STP.docx").write_bytes(_tab_report())
    assert _letter_lines(tmp_path, inbox, "Sở Tư pháp") == [
        f"- Sở Tư pháp: gửi lại báo cáo đã sửa — {TABS_REASON}."
    ]


def test_the_letter_lowers_each_reason_after_a_semicolon(tmp_path: Path) -> None:
    """Two different Word reports of one agency, neither with a readable table: three reasons
    said on the whole file, the first two named, each after "; " in lower case."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC STP.docx").write_bytes(_tab_report())
    budget = ["3. Kinh phí tổ chức", "a) Ngân sách nhà nước: 5.000.000 đồng"]
    (inbox / "Bao cao Tu phap.docx").write_bytes(_prose_report("Sở Tư pháp", budget))
    [line] = _letter_lines(tmp_path, inbox, "Sở Tư pháp")
    shown = line.removeprefix("- Sở Tư pháp: gửi lại báo cáo đã sửa — ")
    assert shown.endswith(" và 1 lỗi khác."), line
    reasons = shown.removesuffix(" và 1 lỗi khác.").split("; ")
    assert reasons[0] == "đã gửi nhiều báo cáo khác nhau, chưa rõ dùng bản nào", line
    assert reasons[1] in (TABS_REASON, "báo cáo Word " + NO_TABLES_REASON), line
