"""Table columns wide enough that no word or figure is broken across lines.

docxtpl shares a table's width among the columns a `{%tc %}` loop adds (the --compare columns
of Phần III): the figures' columns got too narrow for "1.434", printed "1.43" over "4", and
"STT" went down the cell letter by letter. After rendering, a column narrower than its longest
word (estimated from Times New Roman's average advances) takes the width it needs from the
columns that have more than they need (the item names, which wrap between words), the table's
width unchanged; a table without that room is left as it is.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from docx.oxml.ns import qn

# Twips of one em at the table text's size (the template's "Chữ trong bảng": 12 pt), and the
# cell margins of its table style (108 twips each side) with a little room for rounding.
_TABLE_EM = 12 * 20
_MARGINS = 2 * 108 + 4


def unbroken_tables(document: Any) -> None:
    """Widen, in every table of the document's body, the columns whose longest word does not fit."""
    for table in document.element.body.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        if grid is not None:
            _widen(table, grid.findall(qn("w:gridCol")))


def _widen(table: Any, columns: list[Any]) -> None:
    try:
        widths = [int(column.get(qn("w:w"))) for column in columns]
    except (TypeError, ValueError):
        return  # a grid without widths: Word lays it out itself
    needs = [0] * len(widths)
    for row in table.findall(qn("w:tr")):
        for first, span, cell in _cells(row):
            if span == 1 and first < len(needs):
                needs[first] = max(needs[first], _needed(cell))
    fitted = _fitted(widths, needs)
    if fitted is None:
        return
    for column, width in zip(columns, fitted, strict=True):
        column.set(qn("w:w"), str(width))
    for row in table.findall(qn("w:tr")):
        for first, span, cell in _cells(row):
            width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if width is not None and width.get(qn("w:type")) in (None, "dxa"):
                width.set(qn("w:w"), str(sum(fitted[first : first + span])))


def _cells(row: Any) -> list[tuple[int, int, Any]]:
    """(first grid column, columns spanned, cell) of each cell of a row."""
    found, column = [], 0
    for cell in row.findall(qn("w:tc")):
        span_element = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        value = span_element.get(qn("w:val")) if span_element is not None else "1"
        span = int(value) if value and value.isdigit() and int(value) > 0 else 1
        found.append((column, span, cell))
        column += span
    return found


def _needed(cell: Any) -> int:
    """Twips the cell's longest word takes, margins included; 0 for a cell with a table in it."""
    if cell.find(f".//{qn('w:tbl')}") is not None:
        return 0
    longest = 0.0
    for paragraph in cell.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        bold = paragraph.find(f".//{qn('w:rPr')}/{qn('w:b')}") is not None
        for word in text.split():
            longest = max(longest, _word_em(word, bold))
    return round(longest * _TABLE_EM) + _MARGINS if longest else 0


# Times New Roman's advances in thousandths of an em (Liberation Serif has the same metrics), by
# letter without its diacritics: "Ộ" is as wide as "O", "đ" as "d".
_UPPER = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722,
    556, 667, 722, 722, 1000, 722, 722, 667,
), strict=True))  # fmt: skip
_UPPER_REGULAR = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
    556, 611, 722, 722, 944, 722, 722, 611,
 ), strict=True))  # fmt: skip
_LOWER = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444,
    389, 333, 556, 500, 722, 500, 500, 444,
 ), strict=True))  # fmt: skip
_LOWER_REGULAR = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333,
    389, 278, 500, 500, 722, 500, 500, 444,
 ), strict=True))  # fmt: skip
_OTHER = {".": 250, ",": 250, ":": 333, ";": 333, "-": 333, "(": 333, ")": 333, "/": 278,
          "%": 1000, "+": 570, "*": 500}  # fmt: skip


def _word_em(word: str, bold: bool) -> float:
    upper, lower = (_UPPER, _LOWER) if bold else (_UPPER_REGULAR, _LOWER_REGULAR)
    width = 0
    for ch in word:
        base = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))[:1]
        if base.isdigit():
            width += 500
        else:
            width += upper.get(base) or lower.get(base) or _OTHER.get(base, 556)
    return width / 1000


def _fitted(widths: list[int], needs: list[int]) -> list[int] | None:
    """The widths with every column at least its need, the total unchanged, the room taken from
    the columns above their need in proportion to what they have spare; None when nothing
    needs widening or there is not room enough."""
    wider = [max(width, need) for width, need in zip(widths, needs, strict=True)]
    excess = sum(wider) - sum(widths)
    if excess <= 0:
        return None
    spare = [width - need if width > need else 0 for width, need in zip(widths, needs, strict=True)]
    room = sum(spare)
    if room < excess:
        return None
    fitted = [w - round(excess * s / room) for w, s in zip(wider, spare, strict=True)]
    fitted[spare.index(max(spare))] += sum(widths) - sum(fitted)  # the rounding, to the widest
    return fitted
