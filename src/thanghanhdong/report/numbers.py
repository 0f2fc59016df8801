"""Numbers, money, shares and dates written the Vietnamese way (Nghị định 30/2020, Phụ lục I).

Thousands are separated by ".", decimals by ",": 18.450; 58,3%; 12.500.000 đồng.
"""

from __future__ import annotations

import re
from datetime import date

_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})*$")


def integer(value: int) -> str:
    """18450 -> "18.450"."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def parse_integer(text: str) -> int:
    """The inverse of `integer`: "18.450" -> 18450 (rejects anything else)."""
    cleaned = text.strip()
    if not _GROUPED.match(cleaned):
        raise ValueError(f"not a Vietnamese-formatted integer: {text!r}")
    return int(cleaned.replace(".", ""))


def money(value: int) -> str:
    """12500000 -> "12.500.000 đồng"."""
    return f"{integer(value)} đồng"


def share_permille(part: int, whole: int) -> int | None:
    """part/whole in tenths of a percent, rounded half up with integers only (no float drift)."""
    if whole <= 0:
        return None
    return (2 * 1000 * part + whole) // (2 * whole)


def percent(part: int, whole: int) -> str:
    """(10756, 18450) -> "58,3%"; "-" when there is nothing to divide by."""
    permille = share_permille(part, whole)
    if permille is None:
        return "-"
    return permille_text(permille)


def permille_text(permille: int) -> str:
    """583 -> "58,3%", 41000 -> "4.100,0%" (thousands with a dot, as every number here)."""
    return f"{integer(permille // 10)},{permille % 10}%"


def day_month_year(day: date) -> tuple[str, str, str]:
    """Day and month as ND30 writes them: days below 10 and months 1-2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}", month, str(day.year)


def long_date(day: date) -> str:
    """ "ngày 05 tháng 01 năm 2022"."""
    d, m, y = day_month_year(day)
    return f"ngày {d} tháng {m} năm {y}"


def date_line(place: str, day: date) -> str:
    """The place-and-date line of the header: "Bắc Kạn, ngày 05 tháng 01 năm 2022"."""
    return f"{place}, {long_date(day)}"


def short_date(day: date) -> str:
    """20/12/2021 (as used inside sentences and tables)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
