"""Readers: one per real format of what agencies send, each bytes -> RawSubmission.

`read(path)` loads the file once, lets `container.check` tell its real format (refusing what is
hostile), and hands the bytes to that format's reader. A new format is a new module here and one
line in `_READERS`.
"""

from __future__ import annotations

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


_READERS: dict[Format, Reader] = {Format.XLSX: _excel, Format.XLS: _excel, Format.ODS: _excel}
_READERS[Format.ROLLUP] = _rollup


def read(path: Path) -> RawSubmission:
    """Read one returned file. Raises FileError when it cannot be used at all, OSError when the
    operating system does not let it be read."""
    data = container.load(path)
    return read_bytes(path, data)


def read_bytes(path: Path, data: bytes) -> RawSubmission:
    kind = container.check(path.name, data)
    return _READERS[kind](path, data)
