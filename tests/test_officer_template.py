"""An officer's own Word template (a copy of templates/baocao.docx edited with python-docx):
a broken tag or a misspelt name is a TemplateError saying which tag and where, never a report
that silently lost the text after it (trial 2026-12-01c, findings 6 and 10)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from test_report_docx import sample

from thanghanhdong import config
from thanghanhdong.consolidate import Consolidation
from thanghanhdong.report.docx import TemplateError, render_docx
from thanghanhdong.resources import template_path


@pytest.fixture(scope="module")
def consolidation() -> Consolidation:
    return sample(config.load(None))


def _edited(directory: Path, old: str, new: str, name: str = "mau.docx") -> Path:
    """The shipped template with `old` replaced by `new` in the one run that holds it."""
    document = docx.Document(str(template_path("baocao.docx")))
    runs = [r for p in _all_paragraphs(document) for r in p.runs if old in r.text]
    assert runs, old
    runs[0].text = runs[0].text.replace(old, new)
    path = directory / name
    document.save(str(path))
    return path


def _all_paragraphs(document: docx.document.Document) -> list[docx.text.paragraph.Paragraph]:
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def _text(rendered: bytes) -> str:
    return "\n".join(p.text for p in _all_paragraphs(docx.Document(io.BytesIO(rendered))))


def _message(consolidation: Consolidation, template: Path) -> str:
    with pytest.raises(TemplateError) as caught:
        render_docx(consolidation, template)
    return str(caught.value)


def test_the_shipped_template_used_as_an_officer_template_passes_every_check(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    own = _edited(tmp_path, "{{ closing }}", "{{ closing }} Mẫu riêng của Phòng BTXH.")
    for per_agency in (True, False):
        text = _text(render_docx(consolidation, own, per_agency_appendices=per_agency))
        assert "Mẫu riêng của Phòng BTXH." in text
        assert "Nơi nhận" in text and "PHỤ LỤC IV" in text.upper()


def test_an_unclosed_tag_names_the_tag_and_the_paragraph_before_it(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    broken = _edited(tmp_path, "{{ closing }}", "{{ closing }")
    message = _message(consolidation, broken)
    assert message.startswith(f"Mẫu báo cáo {broken} có thẻ “{{{{ closing }}” chưa đóng đúng ")
    # the paragraph holds only the tag: the officer is told which paragraph it follows
    assert "ở đoạn ngay sau đoạn “{%p endfor %}” (thân văn bản, đoạn thứ " in message
    assert "phải kết thúc bằng }}" in message and "sẽ mất khỏi báo cáo." in message


def test_an_unclosed_tag_inside_text_quotes_the_paragraph_s_first_words(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    broken = _edited(tmp_path, "{{ closing }}", "Trên đây là {% if closing %}báo cáo {{ closing")
    message = _message(consolidation, broken)
    assert (
        "thẻ “{{ closing” chưa đóng đúng ở đoạn “Trên đây là {% if closing %}báo cáo” (" in message
    )


def test_a_tag_closed_with_the_wrong_braces_is_named(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    broken = _edited(tmp_path, "{{ closing }}", "{{ closing %}")
    assert "có thẻ “{{ closing %}” chưa đóng đúng" in _message(consolidation, broken)


def test_an_unclosed_tag_in_a_footer_is_found(consolidation: Consolidation, tmp_path: Path) -> None:
    document = docx.Document(str(template_path("baocao.docx")))
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    footer.paragraphs[0].text = "Trang chân {{ date_line"
    path = tmp_path / "chan-trang.docx"
    document.save(str(path))
    message = _message(consolidation, path)
    assert (
        "thẻ “{{ date_line” chưa đóng đúng ở đoạn “Trang chân” (chân trang, đoạn thứ 1 " in message
    )


def test_a_misspelt_name_quotes_the_tag_where_it_is_and_the_nearest_name(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    typo = _edited(tmp_path, "{{ budget.state_line }}", "{{ budget.stat_line }}")
    message = _message(consolidation, typo)
    assert "dùng tên “stat_line” không có trong dữ liệu báo cáo" in message
    assert "(có phải ý bạn là “state_line”?)" in message
    assert "sửa thẻ “{{ budget.stat_line }}” ở đoạn " in message
    assert "templates/baocao.docx" not in message


def test_a_name_far_from_every_name_has_no_guess(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    typo = _edited(tmp_path, "{{ closing }}", "{{ closing }} {{ zzqxw }}")
    message = _message(consolidation, typo)
    assert "dùng tên “zzqxw”" in message and "có phải ý bạn là" not in message
    assert "(có thể gõ sai)" in message and "sửa thẻ “{{ zzqxw }}” ở đoạn " in message


def _with_paragraphs(directory: Path, hidden: str, *texts: str) -> Path:
    """The shipped template with paragraphs before the closing sentence; the first has `hidden`
    in a field code, text Word does not show (python-docx's paragraph text neither)."""
    from docx.oxml import OxmlElement

    document = docx.Document(str(template_path("baocao.docx")))
    closing = next(p for p in document.paragraphs if "{{ closing }}" in p.text)
    code = OxmlElement("w:instrText")
    code.text = hidden
    closing.insert_paragraph_before("Ghi chú: ").add_run()._r.append(code)
    for text in texts:
        closing.insert_paragraph_before(text)
    path = directory / "them-doan.docx"
    document.save(str(path))
    return path


def test_fixed_text_swallowed_by_a_hidden_tag_is_a_template_error(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    # A comment opened where Word does not show it swallows the text up to its end: only the
    # check after rendering sees that the template's fixed paragraph is not in the report.
    path = _with_paragraphs(tmp_path, "{#", "Đoạn riêng của Phòng BTXH.", "Hết ghi chú #}")
    message = _message(consolidation, path)
    assert message.startswith(f"Mẫu báo cáo {path} sau khi điền số liệu bị mất 1 đoạn chữ ")
    assert "“Đoạn riêng của Phòng BTXH.”" in message and "hãy sửa thẻ đó trong Word" in message


def test_the_officer_s_own_comment_over_paragraphs_is_no_loss(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    path = _with_paragraphs(tmp_path, "", "{# bỏ đoạn này:", "Đoạn cũ.", "#} Đoạn mới.")
    text = _text(render_docx(consolidation, path))
    assert "Đoạn cũ." not in text and "Đoạn mới." in text and "Nơi nhận" in text
