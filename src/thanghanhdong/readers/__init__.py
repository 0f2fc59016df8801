"""Readers: one per real format of what agencies send, each bytes -> RawSubmission.

`read(path)` loads the file once, lets `container.check` tell its real format (refusing what is
hostile), and hands the bytes to that format's reader. A new format is a new module here and one
line in `_READERS`. E-mails and zips hold answers rather than being one: `readers.archive`
unpacks them (in memory) and each member goes through `read_bytes`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from thanghanhdong import container
from thanghanhdong.container import Format
from thanghanhdong.model import RawSubmission

Reader = Callable[[Path, bytes], RawSubmission]


def _excel(path: Path, data: bytes) -> RawSubmission:
    from thanghanhdong.readers import excel

    return excel.read(path, data)


def _rollup(path: Path, data: bytes) -> RawSubmission:
    from thanghanhdong.readers import rollup

    return rollup.read(path, data)


def _document(parse: Callable[[bytes], object]) -> Reader:
    def reader(path: Path, data: bytes) -> RawSubmission:
        from thanghanhdong.readers.answer import document_error, to_raw
        from thanghanhdong.readers.document import DocumentContent, DocumentError

        try:
            content = parse(data)
        except DocumentError as exc:
            raise document_error(exc) from exc
        assert isinstance(content, DocumentContent)
        return to_raw(path, content)

    return reader


def _docx(data: bytes) -> object:
    from thanghanhdong.readers.word import read_docx

    return read_docx(data)


def _pdf(data: bytes) -> object:
    from thanghanhdong.readers.pdf import read_pdf

    return read_pdf(data)


def _convertible(path: Path, data: bytes) -> RawSubmission:
    """.doc, .rtf, .odt: through LibreOffice into .docx (a member of a zip via a temporary file)."""
    from thanghanhdong.readers.answer import document_error, no_converter
    from thanghanhdong.readers.convert import to_docx
    from thanghanhdong.readers.document import DocumentError

    with tempfile.TemporaryDirectory(prefix="thd-doc-") as folder:
        source = Path(folder) / f"answer{_convertible_suffix(path, data)}"
        source.write_bytes(data)
        try:
            converted = to_docx(source)
        except DocumentError as exc:
            raise document_error(exc) from exc
    if converted is None:
        raise no_converter(path)
    return _document(_docx)(path, converted)


def _convertible_suffix(path: Path, data: bytes) -> str:
    """The name's extension, or for a file named without one (read by its content) the one its
    bytes call for, so that LibreOffice picks the right filter."""
    suffix = path.suffix.lower()
    if suffix in container.WORD_SUFFIXES:
        return suffix
    if data.startswith(container.ZIP_MAGIC):
        return ".odt"
    return ".rtf" if data.startswith(b"{\\rtf") else ".doc"


def _picture(path: Path, data: bytes) -> RawSubmission:
    """A photo or scan: nothing to read but its name; the agency answered all the same."""
    return RawSubmission(path, None, {}, {}, kind="picture", scanned=True)


_READERS: dict[Format, Reader] = {
    Format.XLSX: _excel,
    Format.XLS: _excel,
    Format.ODS: _excel,
    Format.DOCX: _document(_docx),
    Format.PDF: _document(_pdf),
    Format.CONVERTIBLE: _convertible,
    Format.PICTURE: _picture,
}
CONTAINERS = frozenset({Format.EML, Format.MSG, Format.ZIP})
_READERS[Format.ROLLUP] = _rollup


def read(path: Path) -> RawSubmission:
    """Read one returned file. Raises FileError when it cannot be used at all, OSError when the
    operating system does not let it be read."""
    data = container.load(path)
    return read_bytes(path, data)


def read_bytes(path: Path, data: bytes) -> RawSubmission:
    return read_format(path, data, container.check(path.name, data))


def read_format(path: Path, data: bytes, kind: Format) -> RawSubmission:
    """Read bytes whose real format `container.check` told (an e-mail or zip is no answer
    itself: `readers.archive` unpacks it)."""
    if kind in CONTAINERS:
        raise container.file_error("unsupported", suffix=path.suffix.lower())
    return _READERS[kind](path, data)
