"""What calamine does not say about a legacy .xls (BIFF8) sheet, read from its BIFF records.

calamine gives "" for an error value, typed or the cached result of a formula: this module walks
the records of the compound file's Workbook stream (olefile opens the container) and finds the
error cells (BOOLERR with fError, FORMULA whose cached result is an error), the hidden or
filtered rows (ROW with fDyZero) and the text of formulas that give text: the STRING record after
a FORMULA whose cached result is a string, and, when the cached result is a number although the
formula can only give text (LibreOffice saving again an .xls it opened writes 0 for every text
formula: calamine reads 0.0), the text computed from the formula's tokens (`formula_text`).
Positions are 0-based absolute (row, column), as calamine's.
Any damage gives no notes: the file then reads as calamine alone reads it.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

from thanghanhdong import container
from thanghanhdong.readers.sheetxml import SheetXml

_BOF, _EOF, _BOUNDSHEET, _DATEMODE = 0x0809, 0x000A, 0x0085, 0x0022
_FORMULA, _BOOLERR, _ROW, _STRING = 0x0006, 0x0205, 0x0208, 0x0207
_LOOKED_AT = frozenset((_FORMULA, _BOOLERR, _ROW, _STRING))
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
# Error and text cells noted per sheet: beyond that the file is noise, not a form.
MAX_NOTED = 100_000
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

    if not plausible_header(data):
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


def is_biff5(data: bytes) -> bool:
    """An Excel 5.0/95 workbook (its stream is "Book", not BIFF8's "Workbook")."""
    import olefile

    if not plausible_header(data):
        return False
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return bool(ole.exists("Book")) and not ole.exists("Workbook")
    except Exception:  # damaged: read as calamine reads it
        return False


def plausible_header(data: bytes) -> bool:
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


def _sheets(stream: bytes) -> tuple[list[tuple[str, int]], bool]:
    """(name, offset of its BOF) for every worksheet of the globals substream, and whether the
    workbook counts its dates from 1904 (DATEMODE 1)."""
    found, date1904 = [], False
    for kind, at, size in _records(stream, 0):
        if kind == _DATEMODE and size >= 2:
            date1904 = stream[at] == 1
        body = stream[at : at + size] if kind == _BOUNDSHEET else b""
        if len(body) >= 8 and body[5] == 0:  # dt 0: a worksheet (not a chart or a macro)
            found.append((_short_string(body[6:]), struct.unpack_from("<I", body)[0]))
    return found, date1904


def _short_string(body: bytes) -> str:
    """A ShortXLUnicodeString: cch, fHighByte, then Latin-1 bytes or UTF-16LE."""
    count, wide = body[0], body[1] & 1
    if wide:
        return body[2 : 2 + 2 * count].decode("utf-16-le", "replace")
    return body[2 : 2 + count].decode("latin-1")


def _scan_stream(stream: bytes) -> dict[str, SheetXml]:
    sheets: dict[str, SheetXml] = {}
    names, date1904 = _sheets(stream)
    for name, offset in names:
        found = SheetXml(date1904=date1904)
        waiting: tuple[int, int] | None = None  # a formula whose text the next STRING holds
        for kind, at, size in _records(stream, offset):
            if kind not in _LOOKED_AT:
                continue  # SHRFMLA, ARRAY may come between a FORMULA and its STRING
            body = stream[at : at + size]
            if kind == _STRING:
                if waiting is not None:
                    found.texts[waiting] = _unicode_string(body)
                waiting = None
                continue
            waiting = _note(kind, body, found)
            if len(found.errors) + len(found.texts) > MAX_NOTED:
                return {}
        sheets[name] = found
    return sheets


def _note(kind: int, body: bytes, found: SheetXml) -> tuple[int, int] | None:
    """Note what one record says; the cell of a formula whose text is in the next STRING."""
    if kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
        found.errors[_where(body)] = ERROR_TEXT.get(body[6], "#?")
    elif kind == _FORMULA and len(body) >= 22:
        return _note_formula(body, found)
    elif kind == _ROW and len(body) >= 14 and body[12] & _HIDDEN_ROW:
        found.hidden_rows.add(_CELL.unpack_from(body)[0])
    return None


def _note_formula(body: bytes, found: SheetXml) -> tuple[int, int] | None:
    where = _where(body)
    if body[12:14] == b"\xff\xff":  # not a number: the type of result is in byte 6
        if body[6] == 2:
            found.errors[where] = ERROR_TEXT.get(body[8], "#?")
        elif body[6] == 3:
            found.texts[where] = ""
        return where if body[6] == 0 else None
    size = struct.unpack_from("<H", body, 20)[0]
    text = formula_text(body[22 : 22 + size])
    if text is not None:
        found.texts[where] = text
    return None


def _where(body: bytes) -> tuple[int, int]:
    row, col = _CELL.unpack_from(body)
    return row, col


def _unicode_string(body: bytes) -> str:
    """An XLUnicodeString (cch on two bytes); what a CONTINUE record holds is left out."""
    if len(body) < 3:
        return ""
    count, wide = struct.unpack_from("<H", body)[0], body[2] & 1
    if wide:
        return body[3 : 3 + 2 * count].decode("utf-16-le", "replace")
    return body[3 : 3 + count].decode("latin-1")


# Formula tokens (ptg), by their reference-class-free number: the bytes each takes after its own.
_SIZES = {0x1C: 1, 0x1D: 1, 0x1E: 2, 0x1F: 8, 0x23: 4, 0x24: 4, 0x25: 8, 0x2A: 4, 0x2B: 8,
          0x2C: 4, 0x2D: 8, 0x39: 6, 0x3A: 6, 0x3B: 10, 0x3C: 6, 0x3D: 10}  # fmt: skip
_ONE_ARG = {111: "char", 112: "lower", 113: "upper", 114: "proper", 118: "trim"}  # iftab
_CONCATENATE = 336
Value = str | float | None  # None: a value this reader does not know (another cell's)


def formula_text(tokens: bytes) -> str | None:
    """The text a BIFF8 formula gives, when it certainly gives text (its last operation is `&`,
    CONCATENATE or a text function of text); the parts taken from other cells, unknown here,
    are left out. None for any other formula or any token not understood."""
    stack: list[Value] = []
    at = 0
    try:
        while at < len(tokens):
            at = _step(tokens, at, stack)
    except (IndexError, ValueError, struct.error):
        return None
    return stack[0] if len(stack) == 1 and isinstance(stack[0], str) else None


def _step(tokens: bytes, at: int, stack: list[Value]) -> int:
    """Apply the token at `at` to the stack; the offset of the next one. ValueError when the
    token is not understood."""
    ptg = tokens[at]
    base = ptg if ptg < 0x20 else (ptg & 0x1F) | 0x20
    if base == 0x17:  # a string constant: cch, fHighByte, characters
        count, wide = tokens[at + 1], tokens[at + 2] & 1
        end = at + 3 + count * (2 if wide else 1)
        stack.append(tokens[at + 3 : end].decode("utf-16-le" if wide else "latin-1"))
        return end
    if base == 0x19:
        return _attribute(tokens, at, stack)
    if base in (0x21, 0x22):
        return _function(tokens, at, base, stack)
    if 0x03 <= base <= 0x11:  # binary operators; 0x08 is `&`
        right, left = stack.pop(), stack.pop()
        stack.append(_joined(left, right) if base == 0x08 else None)
        return at + 1
    if 0x12 <= base <= 0x16:  # unary +, -, %, parentheses, a missing argument
        if base == 0x16:
            stack.append("")
        elif base != 0x15:
            stack[-1] = None
        return at + 1
    return _operand(tokens, at, base, stack)


def _operand(tokens: bytes, at: int, base: int, stack: list[Value]) -> int:
    if base not in _SIZES:
        raise ValueError(base)  # shared formula, array constant, memory area...
    if base == 0x1E:
        stack.append(float(struct.unpack_from("<H", tokens, at + 1)[0]))
    elif base == 0x1F:
        stack.append(struct.unpack_from("<d", tokens, at + 1)[0])
    else:
        stack.append(None)  # a reference, a name, an error or a boolean constant
    return at + 1 + _SIZES[base]


def _attribute(tokens: bytes, at: int, stack: list[Value]) -> int:
    """tAttr: spaces, IF's and CHOOSE's jumps (no effect on the value), SUM of one argument."""
    kind, data = tokens[at + 1], struct.unpack_from("<H", tokens, at + 2)[0]
    if kind & 0x10:
        stack[-1] = None
    return at + 4 + (2 * (data + 1) if kind & 0x04 else 0)


def _function(tokens: bytes, at: int, base: int, stack: list[Value]) -> int:
    if base == 0x21:  # a function of fixed arity: only the ones of one argument known here
        index = struct.unpack_from("<H", tokens, at + 1)[0]
        if index not in _ONE_ARG:
            raise ValueError(index)
        stack[-1] = _text_function(_ONE_ARG[index], stack[-1])
        return at + 3
    count, index = tokens[at + 1] & 0x7F, struct.unpack_from("<H", tokens, at + 2)[0] & 0x7FFF
    args = stack[len(stack) - count :] if count else []
    if len(args) != count:
        raise ValueError(count)
    del stack[len(stack) - count :]
    value: Value = None
    if index == _CONCATENATE:
        value = ""
        for arg in args:
            value = _joined(value, arg)
    stack.append(value)
    return at + 4


def _text_function(name: str, value: Value) -> str:
    """A text function's result; of a value unknown here, the empty text (it is text)."""
    if name == "char":
        return chr(int(value)) if isinstance(value, float) and 1 <= value <= 255 else ""
    text = _shown(value)
    if name == "trim":
        return " ".join(part for part in text.split(" ") if part)
    return text.lower() if name == "lower" else text.upper() if name == "upper" else text.title()


def _joined(left: Value, right: Value) -> str:
    return _shown(left) + _shown(right)


def _shown(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value
