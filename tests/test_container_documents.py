"""container.check tells a document's real format by its bytes; hostile archives are refused."""

from __future__ import annotations

import io
import zipfile

import pytest
import word_reports as reports
from test_answers_inbox import picture_pdf

from thanghanhdong import container
from thanghanhdong.container import Format
from thanghanhdong.model import FileError


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("bc.docx", reports.seed_form(), Format.DOCX),
        ("bc.pdf", picture_pdf(), Format.PDF),
        ("bc.docx", picture_pdf(), Format.PDF),  # a PDF named .docx is a PDF
        ("bc.doc", b"{\\rtf1\\ansi hello}", Format.CONVERTIBLE),
        ("anh.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, Format.PICTURE),
        ("thu.eml", b"From: a@b\r\nSubject: x\r\n\r\nhi", Format.EML),
        ("nop.zip", zipped({"a.txt": b"x"}), Format.ZIP),
    ],
)
def test_real_formats(name: str, data: bytes, expected: Format) -> None:
    assert container.check(name, data) is expected


def test_a_zip_bomb_is_refused_before_it_is_opened() -> None:
    bomb = zipped({"big.xlsx": b"\x00" * (25 * 1024 * 1024)})  # 25 MB at a ratio of ~1000
    with pytest.raises(FileError) as caught:
        container.check("nop.zip", bomb)
    assert caught.value.issue.code == "file_too_large"


def test_an_empty_document_is_empty() -> None:
    with pytest.raises(FileError) as caught:
        container.check("bc.pdf", b"")
    assert caught.value.issue.code == "file_empty"
