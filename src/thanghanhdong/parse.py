"""Vietnamese-aware parsing of what people type into number and date cells.

In Vietnamese "1.234" is one thousand two hundred and thirty-four and "12,5" is twelve and a half.
A figure is a whole count (or whole đồng), so a comma followed by groups of exactly three digits
("1,100", "12,500,000") can only be a thousands separator: how an office suite set to an English
locale prints thd's `#,##0` cells. It is read so, with a warning; "1,5" stays a decimal error.
Each parser returns the value and, when something is off, a stable issue code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Anything above this is a typing accident (or a hostile file), not a count of people or đồng.
MAX_WHOLE = 10**12

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_DIGITS = re.compile(r"^\d+$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_ZERO_CENTS = re.compile(r"^(\d{1,3}(?:\.\d{3})*),0{1,2}$")
_DECIMAL = re.compile(r"^\d+[.,]\d+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")
_EXCEL_EPOCH = date(1899, 12, 30)
# A lone dash is how Vietnamese statistical tables write "none happened": zero, said aloud.
_DASHES = frozenset({"-", "–", "—", "−"})
_APOSTROPHES = frozenset({"'", "’", "‘"})


@dataclass(frozen=True)
class Parsed:
    value: int | None = None
    error: str | None = None  # issue code
    warning: str | None = None  # issue code


EMPTY = Parsed()


def parse_whole(raw: object) -> Parsed:
    """A whole number >= 0, from a number cell or from text a person typed."""
    if raw is None or raw == "":
        return EMPTY
    if isinstance(raw, (bool, date, datetime)):
        return Parsed(error="not_a_number")
    if isinstance(raw, int):
        return _bounded(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            return Parsed(error="not_a_number")
        if not raw.is_integer():
            return Parsed(error="negative_number" if raw < 0 else "decimal_number")
        return _bounded(int(raw))
    if isinstance(raw, str):
        return _parse_text(raw)
    return Parsed(error="not_a_number")


def _digits(digits: str, warning: str | None = None) -> Parsed:
    """Digits typed as text; int() refuses more than 4,300 of them, and any beyond 13 are too many."""
    digits = digits.lstrip("0") or "0"
    if len(digits) > len(str(MAX_WHOLE)):
        return Parsed(error="number_too_large")
    return _bounded(int(digits), warning)


def _bounded(value: int, warning: str | None = None) -> Parsed:
    if value < 0:
        return Parsed(error="negative_number")
    if value > MAX_WHOLE:
        return Parsed(error="number_too_large")
    return Parsed(value=value, warning=warning)


# Figures apart ("3 2", "60\n45", "1.500 2.000"): the figures of two rows typed, or run, into
# one cell, never one number. Only a space between groups of three digits ("1 200") is one.
_SEVERAL = re.compile(r"^[\d.,]+(?:[\s\u00a0\u202f\u2009]+[\d.,]+)+$")
_SPACED_THOUSANDS = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$")


def _parse_text(raw: str) -> Parsed:
    typed = raw.strip()
    if _SEVERAL.match(typed) and not _SPACED_THOUSANDS.match(typed):
        return Parsed(error="several_numbers")
    text = _SPACES.sub("", raw)
    if text[:1] in _APOSTROPHES:  # "'30": the apostrophe that keeps Excel from converting,
        text = text[1:]  # kept as typed in a cell formatted as Text
    if not text:
        return EMPTY
    if text in _DASHES:
        return Parsed(value=0, warning="dash_number")
    negative = text.startswith(("-", "−"))
    body = text.lstrip("-−+")
    if _DIGITS.match(body):
        return Parsed(error="negative_number") if negative else _digits(body)
    if _THOUSANDS_DOT.match(body):
        return (
            Parsed(error="negative_number")
            if negative
            else _digits(body.replace(".", ""), "text_number")
        )
    if _THOUSANDS_COMMA.match(body):  # "1,100": printed by an English-locale office suite
        return (
            Parsed(error="negative_number")
            if negative
            else _digits(body.replace(",", ""), "comma_thousands")
        )
    zeros = _ZERO_CENTS.match(body)  # "15.000.000,00" copied from an accounting sheet
    if zeros:
        digits = zeros[1].replace(".", "")
        return Parsed(error="negative_number") if negative else _digits(digits, "text_number")
    if _DECIMAL.match(body):
        return Parsed(error="decimal_number")
    return Parsed(error="not_a_number")


_DATE_TEXT = re.compile(
    r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
# "Ngày 05/12/2021", "Bắc Kạn, ngày 5/12/2021": the words before a date typed with slashes.
_DATE_LEAD = re.compile(r"^(?:.*,\s*)?ngày\s+", re.IGNORECASE)
_ISO_TEXT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS_TEXT = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)


def parse_date(raw: object) -> date | None:
    """A date cell, an Excel serial number, or text like 20/12/2021 or "ngày 20 tháng 12 năm 2021"."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if math.isfinite(raw) and 1 <= raw < 2958466:
            return _EXCEL_EPOCH + timedelta(days=int(raw))
        return None
    if isinstance(raw, str):
        text = raw.strip().rstrip(".;,").strip()
        for pattern, order in (
            (_DATE_TEXT, (3, 2, 1)),
            (_ISO_TEXT, (1, 2, 3)),
            (_WORDS_TEXT, (3, 2, 1)),
        ):
            match = pattern.search(_DATE_LEAD.sub("", text) if pattern is _DATE_TEXT else text)
            if match:
                year, month, day = (int(match.group(i)) for i in order)
                year += 2000 if year < 100 else 0  # "05/12/21": a report of this century
                try:
                    return date(year, month, day)
                except ValueError:
                    return None
    return None


# "15/12", "15-12", "15 tháng 12" (after "ngày" and a place): a day and month with no year.
_DAY_MONTH = re.compile(r"^(\d{1,2})\s*(?:[/.\-]|tháng)\s*(\d{1,2})(?:\s*năm)?$", re.IGNORECASE)


def parse_day_month(raw: object, year: int) -> date | None:
    """A date typed without its year ("15/12"), in `year`; None for anything else, or when
    that day is not in that year. The caller gives the year only where one is meant (a
    campaign within one calendar year) and says so."""
    if not isinstance(raw, str):
        return None
    text = raw.strip().rstrip(".;,…").strip()
    match = _DAY_MONTH.match(_DATE_LEAD.sub("", text))
    if not match:
        return None
    try:
        return date(year, int(match[2]), int(match[1]))
    except ValueError:
        return None


_SCALE_WORDS = "tỷ|triệu|tr|nghìn|ngàn"
_CURRENCY_WORDS = "đồng|đ|vnđ|vnd"
_MONEY = re.compile(
    rf"^(?P<number>\d[\d.,\s]*?)\s*(?P<unit>{_SCALE_WORDS})?\.?\s*(?:{_CURRENCY_WORDS})?\.?$",
    re.IGNORECASE,
)
_STATED_UNIT = re.compile(rf"(?:{_CURRENCY_WORDS}|{_SCALE_WORDS})\.?\s*$", re.IGNORECASE)


# "15tr5", "15 triệu 500 nghìn", "1 tỷ 200 triệu đồng": scale words inside the amount.
_COMPOUND_PART = re.compile(rf"(\d+)\s*({_SCALE_WORDS})(?![a-zà-ỹ])", re.IGNORECASE)
_COMPOUND_TAIL = re.compile(rf"^\s*(\d{{0,3}})\s*(?:{_CURRENCY_WORDS})?\.?\s*$", re.IGNORECASE)
_SCALED = re.compile(rf"\d\s*(?:{_SCALE_WORDS})(?![a-zà-ỹ])", re.IGNORECASE)


def states_unit(value: object) -> bool:
    """An amount typed with its own unit ("8.500.000 đồng", "15 triệu", "15tr", "15tr5"):
    `parse_money` or `parse_compound` reads it, and a unit its label states does not apply
    again."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return _STATED_UNIT.search(text) is not None or _SCALED.search(text) is not None


def parse_compound(text: str) -> int | None:
    """An amount in several scales, in whole đồng: "15 triệu 500 nghìn" -> 15500000, "1 tỷ 200
    triệu" -> 1200000000; digits after the last scale word are its next three digits, as spoken
    ("15tr5" and "15 triệu 500" are 15,5 triệu). None when it is not exactly that (units not
    decreasing, a part of four digits or more, a decimal comma): the caller says so at the cell."""
    cleaned = _SPACES.sub(" ", text).strip(" .;,:").lower()
    total, end, last = 0, 0, MAX_WHOLE * 1000
    for match in _COMPOUND_PART.finditer(cleaned):
        unit = _UNITS[match[2]]
        between = cleaned[end : match.start()].strip()
        if between or unit >= last or (total and len(match[1].lstrip("0")) > 3):
            return None
        total, end, last = total + int(match[1]) * unit, match.end(), unit
    tail = _COMPOUND_TAIL.match(cleaned[end:]) if end else None
    if tail is None or (last == 1000 and tail[1]):  # "15 nghìn 5": no smaller scale
        return None
    total += int(tail[1].ljust(3, "0")) * last // 1000 if tail[1] else 0
    return total if total <= MAX_WHOLE else None


_UNITS = {"tỷ": 10**9, "triệu": 10**6, "tr": 10**6, "nghìn": 1000, "ngàn": 1000}
_NONE_WORDS = frozenset({"không", "không có", "0", "-", "không sử dụng"})
# "Không sử dụng kinh phí.", "Không phát sinh kinh phí", "Không có": the agency spent nothing
# (reported as 0), not an amount left out.
_NONE_SENTENCE = re.compile(
    r"^(?:đơn vị )?không(?: (?:có|sử dụng|phát sinh|chi|cấp|dùng|bố trí|huy động|được cấp))*"
    r"(?: (?:kinh phí|ngân sách))?(?: nào)?(?: (?:để )?(?:thực hiện|tổ chức))?$"
)


def states_none(text: str) -> bool:
    """A budget written as the words of "nothing spent": "Không sử dụng kinh phí.", "Không có"."""
    cleaned = _SPACES.sub(" ", text).strip(" .;,:").lower()
    return cleaned in _NONE_WORDS or _NONE_SENTENCE.match(cleaned) is not None


def parse_money(text: str) -> int | None:
    """An amount written in a report's text, in whole đồng: "25.000.000 đồng" -> 25000000,
    "15 triệu đồng" -> 15000000, "2,5 triệu" -> 2500000, "không" -> 0; None when it is not an
    amount (left for the caller to report as written)."""
    if states_none(text):
        return 0
    cleaned = _SPACES.sub(" ", text).strip(" .;,:").lower()
    match = _MONEY.match(cleaned)
    if not match:
        return None
    number = match["number"].replace(" ", "")
    unit = _UNITS.get((match["unit"] or "").lower(), 1)
    if unit > 1 and re.fullmatch(r"\d+[.,]\d{1,3}", number) and not _THOUSANDS_DOT.match(number):
        whole, fraction = re.split(r"[.,]", number)
        return (int(whole) * 1000 + int(fraction.ljust(3, "0"))) * unit // 1000
    parsed = parse_whole(number)
    if parsed.value is None:
        return None
    return parsed.value * unit if parsed.value * unit <= MAX_WHOLE else None
