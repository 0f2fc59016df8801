"""What calamine does not say about a legacy .xls (BIFF8) sheet, read from its BIFF records.

calamine gives "" for an error value, typed or the cached result of a formula: this module walks
the records of the compound file's Workbook stream (olefile opens the container) and finds the
error cells (BOOLERR with fError, FORMULA whose cached result is an error) and the hidden or
filtered rows (ROW with fDyZero). Positions are 0-based absolute (row, column), as calamine's.
Any damage gives no notes: the file then reads as calamine alone reads it.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

from thanghanhdong import container
from thanghanhdong.readers.sheetxml import SheetXml

_BOF, _EOF, _BOUNDSHEET = 0x0809, 0x000A, 0x0085
_FORMULA, _BOOLERR, _ROW = 0x0006, 0x0205, 0x0208
_LOOKED_AT = frozenset((_FORMULA, _BOOLERR, _ROW))
_HIDDEN_ROW = 0x20  # ROW.grbit fDyZero: height 0, hidden by hand or by a filter
ERROR_TEXT = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}
MAX_NOTED = 100_000  # error cells noted per sheet: beyond that the file is noise, not a form
_HEAD = struct.Struct("<HH")
_CELL = struct.Struct("<HH")
# The header's sector shift and its counts of FAT, mini FAT and DIFAT sectors.
_OLE_HEADER = struct.Struct("<30xH12xI16xI4xI")


def scan(data: bytes) -> dict[str, SheetXml]:
    """Sheet name -> its error cells and hidden rows; {} for anything that is not a readable
    BIFF8 workbook. Never raises."""
    try:
        stream = _workbook_stream(data)
        return _scan_stream(stream) if stream else {}
    except Exception:  # a hostile or damaged file: no notes, calamine's reading stands
        return {}


def _workbook_stream(data: bytes) -> bytes | None:
    import olefile  # only .xls files pay for the import

    if not _plausible_header(data):
        return None
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        if not ole.exists("Workbook"):
            return None  # BIFF5 ("Book") and older: not looked at
        # olefile reads as many sectors as a size says, going round a looping chain: no stream
        # (nor the mini stream holding a small one) may claim more than the file holds.
        if max(ole.get_size("Workbook"), ole.root.size) > len(data):
            return None
        with ole.openstream("Workbook") as stream:
            return bytes(stream.read(len(data)))


def _plausible_header(data: bytes) -> bool:
    """The compound-file header's sector counts fit in the file: olefile would otherwise loop
    (and allocate) as many times as a hostile count says before finding the damage."""
    if len(data) < 512 or not data.startswith(container.OLE_MAGIC):
        return False
    shift, fat, mini_fat, difat = _OLE_HEADER.unpack_from(data)
    sectors = len(data) >> shift if shift in (9, 12) else 0
    return sectors > 0 and max(fat, mini_fat, difat) <= sectors


def _records(stream: bytes, start: int) -> Iterator[tuple[int, int, int]]:
    """(type, offset of the body, its size) of the records of the substream that starts at
    `start` with a BOF, up to its EOF (an embedded chart's BOF..EOF nested inside is passed
    over). Bodies are sliced only for the few types looked at."""
    if not 0 <= start <= len(stream) - 4 or _HEAD.unpack_from(stream, start)[0] != _BOF:
        return
    at, end, depth = start, len(stream) - 4, 0
    while at <= end:
        kind, size = _HEAD.unpack_from(stream, at)
        depth += (kind == _BOF) - (kind == _EOF)
        if depth <= 0:
            return
        yield kind, at + 4, size
        at += 4 + size


def _sheets(stream: bytes) -> list[tuple[str, int]]:
    """(name, offset of its BOF) for every worksheet of the globals substream."""
    found = []
    for kind, at, size in _records(stream, 0):
        body = stream[at : at + size] if kind == _BOUNDSHEET else b""
        if len(body) >= 8 and body[5] == 0:  # dt 0: a worksheet (not a chart or a macro)
            found.append((_short_string(body[6:]), struct.unpack_from("<I", body)[0]))
    return found


def _short_string(body: bytes) -> str:
    """A ShortXLUnicodeString: cch, fHighByte, then Latin-1 bytes or UTF-16LE."""
    count, wide = body[0], body[1] & 1
    if wide:
        return body[2 : 2 + 2 * count].decode("utf-16-le", "replace")
    return body[2 : 2 + count].decode("latin-1")


def _scan_stream(stream: bytes) -> dict[str, SheetXml]:
    sheets: dict[str, SheetXml] = {}
    for name, offset in _sheets(stream):
        found = SheetXml()
        for kind, at, size in _records(stream, offset):
            if kind in _LOOKED_AT:
                _note(kind, stream[at : at + min(size, 16)], found)
                if len(found.errors) > MAX_NOTED:
                    return {}
        sheets[name] = found
    return sheets


def _note(kind: int, body: bytes, found: SheetXml) -> None:
    if kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
        found.errors[_where(body)] = ERROR_TEXT.get(body[6], "#?")
    elif kind == _FORMULA and len(body) >= 14 and body[12:14] == b"\xff\xff" and body[6] == 2:
        found.errors[_where(body)] = ERROR_TEXT.get(body[8], "#?")
    elif kind == _ROW and len(body) >= 14 and body[12] & _HIDDEN_ROW:
        found.hidden_rows.add(_CELL.unpack_from(body)[0])


def _where(body: bytes) -> tuple[int, int]:
    row, col = _CELL.unpack_from(body)
    return row, col
