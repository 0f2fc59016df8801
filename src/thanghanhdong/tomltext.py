"""Line-level edits of a TOML text that keep every comment and the layout the officer wrote.

tomllib only reads; re-serialising would drop the comments that explain each key. Instead the
text is scanned into statements (a key and the lines its value spans) and edited line by line;
callers re-parse the result to check it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?\s*(#.*)?")
_KEY = re.compile(r"(\s*)([A-Za-z0-9_-]+)(\s*=\s*)(.*)")


@dataclass(frozen=True)
class Statement:
    """`key = value` in `table` ("campaign", "agencies[3]", "" for the root), on lines
    start..end-1 (0-based, end exclusive)."""

    table: str
    key: str
    start: int
    end: int
    value: Any

    @property
    def path(self) -> str:
        return f"{self.table}.{self.key}" if self.table else self.key


@dataclass(frozen=True)
class Header:
    name: str
    is_array: bool
    line: int


@dataclass
class TomlLines:
    lines: list[str]
    statements: list[Statement]
    headers: list[Header]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def find(self, table: str, key: str) -> Statement | None:
        return next((s for s in self.statements if (s.table, s.key) == (table, key)), None)

    def table_end(self, table: str) -> int | None:
        """The line after the last statement of `table`, where a new key can be added."""
        ends = [s.end for s in self.statements if s.table == table]
        return max(ends) if ends else None


def scan(text: str) -> TomlLines:
    lines = text.replace("\r\n", "\n").split("\n")
    statements: list[Statement] = []
    headers: list[Header] = []
    table, counts = "", dict[str, int]()
    index = 0
    while index < len(lines):
        header, key = _HEADER.fullmatch(lines[index]), _KEY.fullmatch(lines[index])
        if header:
            name, is_array = header.group(2), header.group(1) == "[["
            headers.append(Header(name, is_array, index))
            counts[name] = counts.get(name, 0) + 1
            table = f"{name}[{counts[name]}]" if is_array else name
        elif key:
            end, value = _span(lines, index)
            statements.append(Statement(table, key.group(2), index, end, value))
            index = end
            continue
        index += 1
    return TomlLines(lines, statements, headers)


def _span(lines: list[str], start: int) -> tuple[int, Any]:
    """The end of the value that starts on line `start` (arrays and strings may span lines)."""
    for end in range(start + 1, len(lines) + 1):
        try:
            data = tomllib.loads("\n".join(lines[start:end]))
        except tomllib.TOMLDecodeError:
            continue
        return end, next(iter(data.values()), None)
    return start + 1, None


def split_line(line: str) -> tuple[str, str, str]:
    """A one-line statement as (`key = ` with its spacing, the value as typed, the rest: the
    spacing and comment after the value, as typed)."""
    match = _KEY.fullmatch(line)
    assert match is not None, line
    prefix = match.group(1) + match.group(2) + match.group(3)
    rest = match.group(4)
    for position in (i for i, ch in enumerate(rest) if ch == "#"):
        try:
            tomllib.loads("v = " + rest[:position])
        except tomllib.TOMLDecodeError:
            continue  # this '#' is inside a string
        value = rest[:position].rstrip()
        return prefix, value, rest[len(value) :]
    return prefix, rest.rstrip(), rest[len(rest.rstrip()) :]


def basic_string(text: str) -> str:
    """A TOML basic string: only what TOML requires is escaped, Vietnamese stays readable."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(
        ch if ord(ch) >= 32 and ord(ch) != 127 else f"\\u{ord(ch):04x}" for ch in escaped
    )
    return f'"{escaped}"'


def string_list(items: list[str]) -> str:
    return "[" + ", ".join(basic_string(item) for item in items) + "]"
