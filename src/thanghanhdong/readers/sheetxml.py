"""What calamine does not say about an .xlsx sheet, read from the sheet's XML part.

calamine gives "" for an error value and for a formula never computed, and keeps a merged value
in the top-left cell only. This module finds, cheaply (a few byte searches; a sheet with no
formula, error, merge or hidden row costs one pass of `bytes.find`), the cells that need a word:
error values (`<c t="e">`), formulas without a cached value (`<f>` without `<v>`, or any formula
of a workbook that asks to be recalculated on load: xlsxwriter writes 0 as the "cached" value),
merge ranges and hidden (or filtered) rows. Positions are 0-based absolute (row, column).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from thanghanhdong.model import column_letter

_SHEET = re.compile(rb"<(?:\w+:)?sheet\s[^>]*>")
_ATTR = re.compile(rb"""([\w:]+)\s*=\s*["']([^"']*)["']""")
_REL = re.compile(rb"<(?:\w+:)?Relationship\s[^>]*>")
_CELL_REF = re.compile(rb"""\sr\s*=\s*["']\$?([A-Z]{1,3})\$?(\d{1,7})["']""")
# A formula's tag, an error cell's type: searched apart, since a pattern starting with \s
# stops at every space of the part (six times slower than both together).
_MARK_FORMULA = re.compile(rb"<(?:f|\w++:f)[\s>/]")  # <f> or <x:f>, no backtracking
_MARK_ERROR = re.compile(rb"""\st\s*=\s*["']e["']""")
_FORMULA = re.compile(rb"<(?:\w+:)?f(?:\s[^>]*)?>(.*?)</(?:\w+:)?f>", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>(.*?)</(?:\w+:)?v>", re.S)
_MERGE = re.compile(rb"""<(?:\w+:)?mergeCell\s[^>]*ref\s*=\s*["']([A-Z$0-9:]+)["']""")
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\s[^>]*>")
_HIDDEN = re.compile(rb"""\shidden\s*=\s*["'](?:1|true)["']""")
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?")
MAX_MERGE_CELLS = 200_000  # a merge over a whole sheet is formatting, not a value


@dataclass
class SheetXml:
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (r, c) -> "#REF!"
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # uncached: (r, c) -> text
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    hidden_rows: set[int] = field(default_factory=set)
    texts: dict[tuple[int, int], str] = field(default_factory=dict)  # text formula results
    date1904: bool = False  # the workbook counts its dates from 1904 (an .xls's DATEMODE)


def column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def parse_range(text: str) -> tuple[int, int, int, int] | None:
    found = _RANGE.fullmatch(text.strip())
    if not found:
        return None
    c0, r0 = column_index(found[1]), int(found[2]) - 1
    c1, r1 = (column_index(found[3]), int(found[4]) - 1) if found[3] else (c0, r0)
    return min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)


def sheet_parts(read: Callable[[str], bytes]) -> tuple[dict[str, str], bool]:
    """Sheet name -> part path, and whether the workbook asks for a recalculation on load.
    `read`: a part's bytes by its name (KeyError for a part not in the archive)."""
    try:
        workbook = read("xl/workbook.xml")
        rels = read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}, False
    targets = {}
    for rel in _REL.findall(rels):
        attrs = dict(_ATTR.findall(rel))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        targets[attrs.get(b"Id", b"")] = path
    parts = {}
    for tag in _SHEET.findall(workbook):
        attrs = dict(_ATTR.findall(tag))
        rid = next((v for k, v in attrs.items() if k.endswith(b":id")), b"")
        name = _unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
        if rid in targets:
            parts[name] = targets[rid]
    recalc = re.search(rb"""fullCalcOnLoad\s*=\s*["'](?:1|true)""", workbook) is not None
    return parts, recalc


_DATE1904 = re.compile(rb"""<(?:\w+:)?workbookPr\s[^>]*date1904\s*=\s*["'](?:1|true)["']""")
_NULL_DATE = re.compile(
    rb"""<table:null-date\s[^>]*table:date-value\s*=\s*["'](\d{4})-(\d\d)-(\d\d)"""
)


def date1904(workbook: bytes) -> bool:
    """Whether an .xlsx's workbook.xml counts dates from 1904 (Mac Excel's date system)."""
    return _DATE1904.search(workbook) is not None


def null_date(content: bytes) -> date | None:
    """The day an .ods counts its dates from (table:null-date), when it states one."""
    found = _NULL_DATE.search(content)
    try:
        return date(int(found[1]), int(found[2]), int(found[3])) if found else None
    except ValueError:
        return None


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    if "&#" in text:  # "S&#7889; li&#7879;u": a sheet name in a formula, as openpyxl writes it
        text = _CHAR_REF.sub(_char, text)
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


_CHAR_REF = re.compile(r"&#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));")


def _char(ref: re.Match[str]) -> str:
    code = int(ref[1], 16) if ref[1] else int(ref[2])
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"


def scan(data: bytes, recalc: bool, merges: bool = True) -> SheetXml:
    found = SheetXml()
    _scan_cells(data, recalc, found)
    if merges and b"mergeCell" in data:
        for ref in _MERGE.findall(data):
            box = parse_range(ref.decode("ascii"))
            if box and box[:2] != box[2:] and _area(box) <= MAX_MERGE_CELLS:
                found.merges.append(box)
    if _hidden(data):
        for tag in _HIDDEN_ROW.findall(data):
            ref = re.search(rb"""\sr\s*=\s*["'](\d{1,7})["']""", tag)
            if ref and _HIDDEN.search(tag):
                found.hidden_rows.add(int(ref[1]) - 1)
    return found


def _area(box: tuple[int, int, int, int]) -> int:
    return (box[2] - box[0] + 1) * (box[3] - box[1] + 1)


def marked(data: bytes) -> bool:
    """Whether a sheet part may hold a formula, an error value (t="e") or a hidden row: a few
    byte searches, the cheap ones first, since most sheets hold none. ("</f" also finds the
    "</formula1>" of a validation; a part written with a namespace prefix, x:f, is not
    looked at: no spreadsheet program writes one.)"""
    formula = b"</f" in data and (b"</f>" in data or b"<f " in data)
    # An error value is cached as "#REF!"...: one memchr for "#" (rare in a sheet part) first.
    error = b"#" in data and b'"e"' in data
    return formula or error or b"hidden" in data


def _hidden(data: bytes) -> bool:
    return b'hidden="1"' in data or b'hidden="true"' in data


def _marks(data: bytes) -> list[re.Match[bytes]]:
    """Formula tags and error types in the order they come; no error type without "e" quoted."""
    marks = list(_MARK_FORMULA.finditer(data))
    if b'"e"' in data or b"'e'" in data:
        marks += _MARK_ERROR.finditer(data)
        marks.sort(key=lambda mark: mark.start())
    return marks


def _scan_cells(data: bytes, recalc: bool, found: SheetXml) -> None:
    done = -1
    shared: dict[bytes, tuple[tuple[int, int], str]] = {}  # si -> the first cell and its text
    for mark in _marks(data):
        start = data.rfind(b"<c ", 0, mark.start())
        if start <= done or start == -1:
            continue
        end = data.find(b"</c>", mark.start())
        done = start
        cell = data[start : end if end != -1 else len(data)]
        head = cell[: cell.find(b">") + 1]
        ref = _CELL_REF.search(head)
        if not ref:
            continue
        where = (int(ref[2]) - 1, column_index(ref[1].decode("ascii")))
        value = _VALUE.search(cell)
        if re.search(rb"""\st\s*=\s*["']e["']""", head):
            found.errors[where] = _unescape(value[1].decode("utf-8", "replace")) if value else "#?"
            continue
        formula = _FORMULA.search(cell)
        text = _unescape(formula[1].decode("utf-8", "replace")) if formula else ""
        if b"shared" in cell:
            text = _shared(cell, where, text, shared)
        if value is None or recalc:
            found.formulas[where] = text


_SHARED_INDEX = re.compile(rb"""<(?:\w+:)?f\s[^>]*\bsi\s*=\s*["'](\d+)["']""")


def _shared(
    cell: bytes, where: tuple[int, int], text: str, shared: dict[bytes, tuple[tuple[int, int], str]]
) -> str:
    """A shared formula's text at `where` (Excel writes it once, in the range's first cell, and
    `<f t="shared" si="0"/>` in the others): the first cell's formula moved as a copy would be."""
    index = _SHARED_INDEX.search(cell)
    if index is None:
        return text
    if text:
        shared[index[1]] = (where, text)
        return text
    first = shared.get(index[1])
    if first is None:
        return text
    (r0, c0), formula = first
    return shift(formula, where[0] - r0, where[1] - c0)


_STRING_OR_REF = re.compile(
    r'"[^"]*"|(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])'
)


def shift(text: str, rows: int, columns: int) -> str:
    """`text` copied `rows` down and `columns` right: relative references move; those anchored
    with $, and text in quotes, stay."""

    def moved(ref: re.Match[str]) -> str:
        if ref[2] is None:
            return ref[0]  # a string in quotes
        column, row = column_index(ref[2]), int(ref[4]) - 1
        column += 0 if ref[1] else columns
        row += 0 if ref[3] else rows
        if column < 0 or row < 0:
            return "#REF!"
        return f"{ref[1]}{column_letter(column)}{ref[3]}{row + 1}"

    return _STRING_OR_REF.sub(moved, text)


# ---------------------------------------------------------------------------------- .ods

_ODS_TAG = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>"
)
_ODS_NAME = re.compile(rb"""table:name\s*=\s*["']([^"']*)["']""")
_ODS_INT = {
    key: re.compile(rb"table:" + key + rb"""\s*=\s*["'](\d{1,9})["']""")
    for key in (
        b"number-rows-repeated", b"number-columns-repeated", b"number-columns-spanned",
        b"number-rows-spanned",
    )
}  # fmt: skip
_ODS_FORMULA = re.compile(rb"""table:formula\s*=\s*["']([^"']*)["']""")
_ODS_TEXT = re.compile(rb"<text:p>([^<]{0,40})</text:p>")
_ODS_REF = re.compile(
    r"\[\$?[^\].]*\.(\$?[A-Z]{1,3}\$?\d{1,7})(?::\$?[^\].]*\.(\$?[A-Z]{1,3}\$?\d{1,7}))?\]"
)
_ODS_MARKS = (b"spanned=", b'value-type="error"', b"table:formula=", b'visibility="')


def ods_marked(content: bytes) -> bool:
    return any(mark in content for mark in _ODS_MARKS)


def ods_formula(text: str) -> str:
    """ "of:=[.A5]/0" -> "A5/0": the ODF formula in the notation `formula.evaluate` reads."""
    text = text.removeprefix("of:").removeprefix("=")
    return _ODS_REF.sub(lambda m: m[1] + (f":{m[2]}" if m[2] else ""), text)


def _ods_int(key: bytes, attrs: bytes) -> int:
    found = _ODS_INT[key].search(attrs)
    return max(int(found[1]), 1) if found else 1


def scan_ods(content: bytes) -> dict[str, SheetXml]:
    """Every sheet's notes in an .ods content.xml: merges (spanned cells), error values,
    formulas without a value, hidden or filtered rows."""
    sheets: dict[str, SheetXml] = {}
    found, row, col, rows = SheetXml(), 0, 0, 1
    for tag in _ODS_TAG.finditer(content):
        closing, name, attrs = tag.groups()
        if name == b"table":
            if not closing:
                title = _ODS_NAME.search(attrs)
                found, row = SheetXml(), 0
                sheets[_unescape(title[1].decode("utf-8", "replace")) if title else ""] = found
        elif name == b"table-row":
            if closing:
                row += rows
            else:
                rows, col = _ods_int(b"number-rows-repeated", attrs), 0
                if b'visibility="' in attrs and b'visibility="visible"' not in attrs:
                    found.hidden_rows.update(range(row, row + min(rows, 10_000)))
                row += rows if attrs.rstrip().endswith(b"/") else 0
        elif not closing:
            if name == b"table-cell":
                _ods_cell(content, tag.end(), attrs, (row, col), found)
            col += _ods_int(b"number-columns-repeated", attrs)
    return sheets


def _ods_cell(content: bytes, end: int, attrs: bytes, at: tuple[int, int], found: SheetXml) -> None:
    cols, rows = _ods_int(b"number-columns-spanned", attrs), _ods_int(b"number-rows-spanned", attrs)
    if (cols > 1 or rows > 1) and cols * rows <= MAX_MERGE_CELLS:
        found.merges.append((at[0], at[1], at[0] + rows - 1, at[1] + cols - 1))
    if b'value-type="error"' in attrs:
        text = _ODS_TEXT.match(content, end)
        found.errors[at] = _unescape(text[1].decode("utf-8", "replace")) if text else "#?"
        return
    formula = _ODS_FORMULA.search(attrs)
    if formula and b"value-type=" not in attrs:
        found.formulas[at] = ods_formula(_unescape(formula[1].decode("utf-8", "replace")))
