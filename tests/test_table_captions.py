"""Trial 2026-12-01d: the short captions a clerk types right above the tables ("a) Tổ chức các
hoạt động hưởng ứng") are not the agency's words: Phụ lục III quoted them as its I.2 text. A
sentence above a table is still the agency's text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong import config, form
from thanghanhdong.validate import validate_file

TRIAL = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01d" / "repro" / "inbox"
CAPTIONS = ("a) Tổ chức các hoạt động hưởng ứng", "b) Kết quả truyền thông")


def _report(path: Path) -> Path:
    document = docx.Document()
    for text in ("SỞ Y TẾ", "Số: 12/BC-SYT", "Bắc Kạn, ngày 13 tháng 12 năm 2021"):
        document.add_paragraph(text)
    document.add_paragraph("BÁO CÁO KẾT QUẢ THỰC HIỆN THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI NĂM 2021")
    document.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("2. Nội dung hoạt động đã triển khai")
    document.add_paragraph("Sở tổ chức truyền thông tại 8 xã vùng cao.")
    document.add_paragraph(CAPTIONS[0]).runs[0].bold = True
    _table(document, form.table("activities"), ["1", "Tọa đàm", "2", "30", "45", "Xã"])
    document.add_paragraph("Các buổi nói chuyện có sự tham gia của Đoàn thanh niên.")
    _table(document, form.table("media"), ["1", "Tin, bài", "20", "900", "1000", "Huyện"])
    document.save(path)
    return path


def _table(document: docx.document.Document, spec: form.TableSpec, row: list[str]) -> None:
    labels = [c.label for c in spec.columns]
    table = document.add_table(rows=2, cols=len(labels))
    table.style = "Table Grid"
    for cells, values in zip(table.rows, (labels, row), strict=True):
        for cell, value in zip(cells.cells, values, strict=False):
            cell.text = value


@pytest.mark.parametrize("name", ["BC Tinh doan.doc", "STP bao cao BDG.pdf"])
def test_the_trials_captions_are_not_the_agencys_text(name: str) -> None:
    result = validate_file(TRIAL / name, config.load(None))
    assert result.submission is not None
    assert not any(c in result.submission.narratives["activities_text"] for c in CAPTIONS)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_a_caption_is_dropped_and_a_sentence_above_a_table_kept(tmp_path: Path) -> None:
    made = _report(tmp_path / "syt.docx")
    [pdf] = soffice_convert([made], "pdf", tmp_path / "out", tmp_path / "profile")
    for path in (made, pdf):
        result = validate_file(path, config.load(None))
        assert result.submission is not None, path
        text = result.submission.narratives["activities_text"]
        assert "Sở tổ chức truyền thông tại 8 xã vùng cao." in text, path
        assert "Các buổi nói chuyện có sự tham gia của Đoàn thanh niên." in text, path
        assert CAPTIONS[0] not in text, path
