"""The few formulas a clerk types in a report, computed without a spreadsheet program.

Numbers, same-sheet cell references, + - * / and parentheses, and SUM over cells and ranges of
the same sheet. Anything else (another sheet, a function other than SUM, text) is not computed:
the caller then says so at the cell. No `eval`: a small recursive-descent parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<sum>SUM\s*\()|(?P<range>\$?[A-Z]{1,3}\$?\d{1,7}"
    r"(?::\$?[A-Z]{1,3}\$?\d{1,7})?)|(?P<op>[-+*/(),;]))",
    re.IGNORECASE,
)

Lookup = Callable[[str], float | None]  # a cell or range ("D12", "D12:D14") -> its sum


class _Unsupported(Exception):
    pass


def evaluate(text: str, lookup: Lookup) -> float | None:
    """The value of `text` (without its leading "="), or None when it is not a formula of the
    kinds above or refers to a cell that holds no number."""
    tokens = _tokens(text.lstrip("="))
    if tokens is None:
        return None
    try:
        parser = _Parser(tokens, lookup)
        value = parser.expression()
        if parser.at < len(tokens):
            return None
        return value
    except (_Unsupported, ZeroDivisionError, IndexError):
        return None


def _tokens(text: str) -> list[tuple[str, str]] | None:
    tokens, at = [], 0
    text = text.strip()
    while at < len(text):
        found = _TOKEN.match(text, at)
        if not found or found.end() == at:
            return None
        kind = found.lastgroup or ""
        tokens.append((kind, found[kind].upper().replace("$", "").replace(" ", "")))
        at = found.end()
        while at < len(text) and text[at].isspace():
            at += 1
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], lookup: Lookup) -> None:
        self.tokens, self.lookup, self.at = tokens, lookup, 0

    def _peek(self) -> str:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else ""

    def expression(self) -> float:
        value = self.term()
        while self._peek() in ("+", "-"):
            op = self.tokens[self.at][1]
            self.at += 1
            value = value + self.term() if op == "+" else value - self.term()
        return value

    def term(self) -> float:
        value = self.factor()
        while self._peek() in ("*", "/"):
            op = self.tokens[self.at][1]
            self.at += 1
            value = value * self.factor() if op == "*" else value / self.factor()
        return value

    def factor(self) -> float:
        kind, text = self.tokens[self.at]
        self.at += 1
        if kind == "num":
            return float(text)
        if kind == "range":
            return self._cells(text)
        if text in ("-", "+"):
            value = self.factor()
            return -value if text == "-" else value
        if text == "(":
            value = self.expression()
            self._expect(")")
            return value
        if kind == "sum":
            return self._sum()
        raise _Unsupported(text)

    def _sum(self) -> float:
        total = self.expression()
        while self._peek() in (",", ";"):
            self.at += 1
            total += self.expression()
        self._expect(")")
        return total

    def _cells(self, ref: str) -> float:
        value = self.lookup(ref)
        if value is None:
            raise _Unsupported(ref)
        return value

    def _expect(self, text: str) -> None:
        if self._peek() != text:
            raise _Unsupported(text)
        self.at += 1
