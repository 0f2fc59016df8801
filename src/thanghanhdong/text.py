"""Vietnamese text helpers: NFC normalisation, loose matching keys, ASCII slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_AGENCY_PREFIXES = re.compile(r"^(uy ban nhan dan|ubnd|thanh pho|tp\.?|huyen|thi xa)\s+")
_UNSAFE = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """NFC-normalise and trim; NBSP and other odd spaces become one plain space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, single spaces: the key for loose matching."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.casefold()).strip()


@lru_cache(maxsize=4096)
def loose_key(text: str, *, agency: bool = False) -> str:
    """Matching key; for agency names, administrative prefixes are dropped too."""
    key = fold(text).replace("-", " ").replace(",", " ")
    key = _SPACES.sub(" ", key).strip()
    if agency:
        previous = None
        while previous != key:
            previous = key
            key = _AGENCY_PREFIXES.sub("", key)
    return key


def slug(text: str, max_length: int = 60) -> str:
    """ASCII, lower case, hyphen-separated: safe in any file name on any system."""
    return _UNSAFE.sub("-", fold(text)).strip("-")[:max_length].strip("-") or "x"


def alternatives(items: list[str]) -> str:
    """["Tỉnh", "Huyện", "Xã"] -> "Tỉnh, Huyện hoặc Xã", as a Vietnamese sentence lists choices."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} hoặc {items[-1]}"


def printable(text: str) -> str:
    """Text that can go into XML and onto a console: a file name that was not UTF-8 on disk
    (surrogate escapes, e.g. unzipped from a Windows mail attachment) shows its odd bytes as ?."""
    return text.encode("utf-8", "replace").decode("utf-8") if not text.isascii() else text
