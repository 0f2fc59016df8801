"""Small openpyxl helpers shared by everything that writes a workbook from agency data."""

from __future__ import annotations

from typing import Any

from thanghanhdong.text import printable

MAX_CELL_TEXT = 32_767  # Excel's limit for one cell


def set_value(cell: Any, value: Any) -> None:
    """Write a value; text is always stored as text, never as a formula (formula injection),
    without the control characters XML cannot hold, and cut to what one Excel cell takes."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", printable(value))[:MAX_CELL_TEXT]
        cell.data_type = "s"
    else:
        cell.value = value
