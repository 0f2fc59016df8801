"""Trial 2026-12-01f, findings 3 and 7.

3: a Word/PDF report whose I.2 is one short sentence ("Tổ chức hội thảo và treo pano.") above
the caption line of its first table lost that sentence: it shares "tổ chức" with the heading
"Kinh phí tổ chức" (I.3) and was read as that heading, so I.2 was empty and the signed report
printed "Không có nội dung.". The caption line itself was then read as I.3's heading too.
7: a document's table is named by its caption in the locations shown to the officer
("bảng “3. Phát hành các sản phẩm truyền thông”, dòng 1, cột Nam"), not "bảng thứ 2".
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong import config
from thanghanhdong.cli import app
from thanghanhdong.config import default_config_text
from thanghanhdong.readers.outline import is_caption
from thanghanhdong.validate import validate_file

SENTENCE = "Tổ chức hội thảo và treo pano."
CAPTION_1 = "1. Tổ chức các hoạt động hưởng ứng"
CAPTION_3 = "3. Phát hành các sản phẩm truyền thông"
PANO_NAM = f"bảng “{CAPTION_3}”, dòng 1, cột Nam"

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")


def _table(
    document: docx.document.Document, head: tuple[str, ...], row: tuple[object, ...]
) -> None:
    """A table in the ND30 layout: STT, item, count, people merged over Nam | Nữ, level."""
    table = document.add_table(rows=2, cols=6)
    table.style = "Table Grid"
    for j, value in enumerate(["STT", *head, "", "Cấp triển khai"]):
        table.cell(0, j).text = value
    table.cell(1, 3).text, table.cell(1, 4).text = "Nam", "Nữ"
    for j in (0, 1, 2, 5):
        table.cell(0, j).merge(table.cell(1, j))
    table.cell(0, 3).merge(table.cell(0, 4)).text = head[2]
    cells = table.add_row().cells
    for j, value in enumerate([1, *row]):
        cells[j].text = "" if value is None else str(value)


def _report(path: Path, activities: str = SENTENCE, captions: bool = True) -> Path:
    document = docx.Document()
    for text in (
        "SỞ Y TẾ",
        "Số: 15/BC-SYT",
        "Bắc Kạn, ngày 13 tháng 12 năm 2021",
        "BÁO CÁO",
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
        "Ban hành Kế hoạch số 9/KH-SYT.",
        "2. Nội dung hoạt động đã triển khai",
        activities,
    ):
        document.add_paragraph(text)
    if captions:
        document.add_paragraph(CAPTION_1)
    _table(document, ("Hoạt động", "Số cuộc", "Số người tham gia"), ("Hội thảo", 1, 35, 45, "Xã"))
    document.add_paragraph(CAPTION_3 if captions else "Sở cũng treo pano tại các xã.")
    _table(document, ("Sản phẩm", "Số lượng", "Số người tiếp cận"), ("Pano", 6, None, None, "Xã"))
    for text in ("II. ĐÁNH GIÁ CHUNG", "1. Những kết quả đã đạt được, bài học kinh nghiệm", "Tốt."):
        document.add_paragraph(text)
    for text in ("2. Những khó khăn, tồn tại", "Không.", "3. Kiến nghị, đề xuất", "Không."):
        document.add_paragraph(text)
    for text in ("GIÁM ĐỐC", "Nguyễn Văn An"):
        document.add_paragraph(text)
    document.save(path)
    return path


def _word_and_pdf(tmp_path: Path, **kwargs: object) -> list[Path]:
    made = _report(tmp_path / "syt.docx", **kwargs)  # type: ignore[arg-type]
    return [made, *soffice_convert([made], "pdf", tmp_path / "pdf", tmp_path / "profile")]


def test_a_sentence_with_a_full_stop_is_never_a_caption() -> None:
    for sentence in (SENTENCE, "Tổ chức hội thảo và treo pano.”", "Treo pano (6 chiếc)."):
        assert not is_caption(sentence), sentence
    for caption in (CAPTION_1, "a) Tổ chức các hoạt động hưởng ứng", "Bảng 1: Kết quả ..."):
        assert is_caption(caption), caption


@needs_soffice
@pytest.mark.parametrize(
    "activities", [SENTENCE, "Tổ chức hội thảo, treo pano.", "1. Tổ chức hội thảo và treo pano."]
)
def test_a_short_i2_sentence_above_the_caption_is_kept(tmp_path: Path, activities: str) -> None:
    for path in _word_and_pdf(tmp_path, activities=activities):
        result = validate_file(path, config.load(None))
        assert result.submission is not None, path
        assert result.submission.narratives["activities_text"] == activities, path
        assert not [i for i in result.issues if i.code == "empty_narrative"], path
        people = result.submission.tables["activities"][0].figures
        assert (people["count"], people["male"], people["female"]) == (1, 35, 45), path


@needs_soffice
def test_the_pano_warning_names_the_table_by_its_caption(tmp_path: Path) -> None:
    for path in _word_and_pdf(tmp_path):
        result = validate_file(path, config.load(None))
        shown = [
            i.location.shown for i in result.issues if i.code == "blank_figures" and i.location
        ]
        assert shown and all(PANO_NAM in s for s in shown), (path, shown)
        assert not any("bảng thứ" in s for s in shown), (path, shown)


@needs_soffice
def test_a_table_without_caption_is_still_the_nth(tmp_path: Path) -> None:
    """The sentence right above the second table is the agency's text, not the table's name."""
    for path in _word_and_pdf(tmp_path, captions=False):
        result = validate_file(path, config.load(None))
        assert result.submission is not None, path
        assert "Sở cũng treo pano tại các xã." in result.submission.narratives["activities_text"]
        shown = [
            i.location.shown for i in result.issues if i.code == "blank_figures" and i.location
        ]
        assert shown and all("bảng thứ 2, dòng 1, cột Nam" in s for s in shown), (path, shown)


def test_the_signed_report_quotes_the_short_sentence(tmp_path: Path) -> None:
    settings = tmp_path / "thd.toml"
    settings.write_text(default_config_text(), encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _report(inbox / "BC So Y te.docx")
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--config", str(settings), "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--date", "22/12/2021", "--force"])
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    at = next(i for i, p in enumerate(paragraphs) if SENTENCE in p)
    assert any("Sở Y tế" in p for p in paragraphs[max(0, at - 3) : at + 1]), paragraphs[at - 3 : at]
    assert "Không có nội dung." not in paragraphs
