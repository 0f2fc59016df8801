"""Small openpyxl helpers shared by everything that writes a workbook from agency data."""

from __future__ import annotations

from typing import Any

# Characters that make Excel or LibreOffice read a typed value as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@")


def set_value(cell: Any, value: Any) -> None:
    """Write a value; text is always stored as text, never as a formula (formula injection)."""
    cell.value = value
    if isinstance(value, str) and value:
        cell.data_type = "s"
