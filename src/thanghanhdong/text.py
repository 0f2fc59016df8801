"""Vietnamese text helpers: NFC normalisation, loose matching keys, ASCII slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# An agency line left to fill in a document's header: a run of dots or an ellipsis ("……",
# "SỞ ...."), underscores after a word ("UBND XÃ ____"); a line of underscores or dashes alone
# is the rule under the name.
PLACEHOLDER = re.compile(r"\.{3,}|…|(?<=[^\W_])\s*_{3,}")
_AGENCY_PREFIXES = re.compile(r"^(uy ban nhan dan|ubnd|thanh pho|tp\.?|huyen|thi xa)\s+")
_UNSAFE = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """NFC-normalise and trim; NBSP and other odd spaces become one plain space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


# The combining diacritical marks (U+034F, the grapheme joiner, is none: combining class 0).
_DIACRITICS = re.compile("[\u0300-\u034e\u0350-\u036f]+")


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, single spaces: the key for loose matching."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = _DIACRITICS.sub("", decomposed)
    if not bare.isascii():  # a mark of another block (or another script): each character asked
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


def written_apart(first: str, second: str) -> bool:
    """Whether two agency names with the same `loose_key` are spelt differently in a word other
    than “UBND”, “Ủy ban nhân dân” (case aside, diacritics kept): “UBND xã Văn Lăng” and
    “UBND xã Văn Lang” (two communes of Thái Nguyên) — but not “UBND xã Văn Lăng” and “Xã Văn
    Lăng”. A clerk dropping a diacritic (“Ba
    Be”) is spelt apart too: only the officer can say they are two agencies."""
    words = [set(_WORDS.findall(nfc(name).casefold())) - _BODY_WORDS for name in (first, second)]
    return words[0] != words[1]


_WORDS = re.compile(r"\w+")
_BODY_WORDS = {"ubnd", "ủy", "uỷ", "ban", "nhân", "dân"}


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


# Abbreviations clerks write in agency names (folded words; "&" read as "va", "-" as a space).
_ABBREVIATIONS = [
    ("ld tb va xh", "lao dong thuong binh va xa hoi"),
    ("ldtb va xh", "lao dong thuong binh va xa hoi"),
    ("ldtbxh", "lao dong thuong binh va xa hoi"),
    ("vh tt va dl", "van hoa the thao va du lich"),
    ("vhtt va dl", "van hoa the thao va du lich"),
    ("vhttdl", "van hoa the thao va du lich"),
    ("tt va tt", "thong tin va truyen thong"),
    ("tttt", "thong tin va truyen thong"),
    ("gd va dt", "giao duc va dao tao"),
    ("gddt", "giao duc va dao tao"),
    ("kh va dt", "ke hoach va dau tu"),
    ("khdt", "ke hoach va dau tu"),
    ("nn va ptnt", "nong nghiep va phat trien nong thon"),
    ("pt th", "phat thanh va truyen hinh"),
    ("pt va th", "phat thanh va truyen hinh"),
    ("ptth", "phat thanh va truyen hinh"),
    ("chqs", "chi huy quan su"),
    ("lhpn", "lien hiep phu nu"),
    ("mttq", "mat tran to quoc"),
    ("ldld", "lien doan lao dong"),
    ("ccb", "cuu chien binh"),
    ("ubnd", "uy ban nhan dan"),
    ("ub", "uy ban"),
    ("tp", "thanh pho"),
    ("vn", "viet nam"),
]
_ABBREVIATION = re.compile(r"\b(" + "|".join(re.escape(a) for a, _ in _ABBREVIATIONS) + r")\b")
_EXPANDED = dict(_ABBREVIATIONS)
# A mass organisation's report is signed by its standing body: "BAN THƯỜNG VỤ HỘI LHPN TỈNH",
# "BCH ĐOÀN TỈNH" are the Hội LHPN and the Tỉnh đoàn of the roster.
_LEADERSHIP = re.compile(r"^(?:ban thuong vu|btv|ban chap hanh|bch|ban thuong truc|thuong truc)\s+")
_YOUTH_UNION = re.compile(r"^doan (?:tncs ho chi minh |thanh nien cong san ho chi minh )?tinh\b")
_AGENCY_PUNCTUATION = re.compile(r"[-–.,;:()/\"“”']")


def agency_keys(name: str, place: str = "") -> set[str]:
    """The keys under which an agency name matches another: abbreviations expanded (UBND,
    LHPN, MTTQ, LĐ-TB&XH, PT-TH, CHQS, TP...), administrative prefixes dropped, and also
    without "tỉnh" or the province (`place`) appended."""
    key = fold(name).replace("&", " va ")
    key = _SPACES.sub(" ", _AGENCY_PUNCTUATION.sub(" ", key)).strip()
    key = _ABBREVIATION.sub(lambda m: _EXPANDED[m[1]], key)
    key = _LEADERSHIP.sub("", loose_key(key, agency=True))
    keys = {key, _YOUTH_UNION.sub("tinh doan", key)}
    province = fold(place)
    for suffix in (f" tinh {province}", f" {province}", " tinh"):
        if province or suffix == " tinh":
            for k in list(keys):
                if k.endswith(suffix) and len(k) > len(suffix):
                    keys.add(k[: -len(suffix)])
    return {k for k in keys if k}
