"""Digest of the agencies' words for the report: points, themes, addressees, documents.

Pure functions over (agency name, text) pairs, in roster order; nothing here reads files or
prints. Every point returned is one agency's own words (trimmed, its first letter capitalised,
its trailing punctuation dropped), never a sentence composed here.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from .text import loose_key, nfc

Entry = tuple[str, str]  # (agency name, its text); consolidate.Narrative is one


# --- words -----------------------------------------------------------------------------------

_NOT_WORD = re.compile(r"[^a-z0-9%]+")


@lru_cache(maxsize=16384)
def words(text: str) -> str:
    """Loose key with punctuation gone: the text as plain words for matching."""
    return " ".join(_NOT_WORD.sub(" ", loose_key(text)).split())


# --- the lexicon -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """A heading of the digest and the words (any case, with or without diacritics) that
    put a point under it."""

    name: str
    keywords: tuple[str, ...]
    # Keywords that decide the theme when they are the first the point names, whatever it
    # names after: "Kinh phí còn hạn hẹp, cán bộ kiêm nhiệm nhiều việc" is first a budget
    # difficulty (two staff words after it do not make it a staff one).
    leads: tuple[str, ...] = ()
    keys: tuple[str, ...] = field(init=False, repr=False, compare=False)
    lead_keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(k for k in map(words, self.keywords) if k))
        object.__setattr__(self, "lead_keys", frozenset(k for k in map(words, self.leads) if k))


DEFAULT_THEMES = (
    Theme(
        "Kinh phí, nguồn lực",
        ("kinh phí", "ngân sách", "nguồn lực", "nhuận bút", "nguồn vốn"),
        leads=("kinh phí", "ngân sách"),
    ),
    Theme(
        "Cán bộ, nhân lực",
        (
            "cán bộ",
            "nhân lực",
            "lực lượng",
            "phóng viên",
            "kiêm nhiệm",
            "chuyên trách",
            "đội ngũ",
            "báo cáo viên",
            "tuyên truyền viên",
            "nhân viên",
        ),
    ),
    Theme(
        "Dịch COVID-19",
        ("covid", "dịch bệnh", "chống dịch", "do dịch", "ca mắc", "tiêm chủng", "giãn cách"),
    ),
    Theme(
        "Cơ sở vật chất, trang thiết bị",
        (
            "cơ sở vật chất",
            "trang thiết bị",
            "thiết bị",
            "loa truyền thanh",
            "đài truyền thanh",
            "hệ thống truyền thanh",
            "hư hỏng",
            "xuống cấp",
            "nâng cấp",
            "sửa chữa",
        ),
    ),
    Theme(
        "Địa bàn vùng sâu, vùng xa",
        (
            "vùng sâu",
            "vùng xa",
            "vùng cao",
            "địa bàn rộng",
            "địa bàn các xã rộng",
            "đi lại khó khăn",
            "giao thông",
            "dân cư phân tán",
            "đồi núi",
            "xa trung tâm",
            "đặc biệt khó khăn",
        ),
    ),
    Theme(
        "Ngôn ngữ, đồng bào dân tộc thiểu số",
        (
            "tiếng dân tộc",
            "dân tộc thiểu số",
            "đồng bào",
            "tiếng Tày",
            "tiếng Dao",
            "tiếng Mông",
            "song ngữ",
            "tiếng phổ thông",
        ),
    ),
    Theme(
        "Nhận thức, tập quán",
        (
            "nhận thức",
            "tư tưởng",
            "trọng nam khinh nữ",
            "định kiến",
            "tảo hôn",
            "hủ tục",
            "e ngại",
            "tâm lý",
            "ý thức",
        ),
    ),
    # "thống nhất" alone is as often a procedure or a form ("quy trình thống nhất") as agencies
    # acting together: only its coordination phrases are the theme's.
    Theme("Phối hợp", ("phối hợp", "vào cuộc", "đồng bộ", "sự thống nhất", "thống nhất giữa")),
    Theme(
        "Tài liệu, sản phẩm truyền thông",
        ("tài liệu", "tờ rơi", "ấn phẩm", "sản phẩm truyền thông", "sổ tay", "tờ gấp"),
    ),
    Theme(
        "Tập huấn, nâng cao năng lực",
        ("tập huấn", "bồi dưỡng", "kỹ năng", "năng lực", "nghiệp vụ"),
    ),
    Theme(
        "Đối tượng khó tiếp cận",
        (
            "làm ăn xa",
            "lao động tự do",
            "khó tập trung",
            "khó tập hợp",
            "khó tiếp cận",
            "tuổi cao",
        ),
    ),
    Theme("Bài học kinh nghiệm", ("bài học",)),
)

# Words that say nothing about what a point is about: left out when two points are compared.
DEFAULT_STOP_WORDS = (
    "bình đẳng giới",
    "tháng hành động",
    "công tác",
    "hoạt động",
    "đề nghị",
    "kiến nghị",
    "đề xuất",
    "và",
    "của",
    "các",
    "cho",
    "dành",
    "còn",
    "một",
    "số",
    "những",
    "được",
    "đã",
    "là",
    "tại",
    "ở",
    "trong",
    "với",
    "để",
    "do",
    "nên",
    "thì",
    "mà",
    "này",
    "đó",
    "khi",
    "từ",
    "đến",
    "về",
    "theo",
    "trên",
    "nhiều",
    "cũng",
    "như",
    "việc",
    "có",
    "vẫn",
    "rất",
    "hơn",
    "nữa",
)


@dataclass(frozen=True)
class Lexicon:
    """What the digest is configured by (thd.toml `[digest]`, defaults here)."""

    themes: tuple[Theme, ...] = DEFAULT_THEMES
    other: str = "Khác"
    # Two points are one when the Jaccard index of their content words is at least this.
    similarity: float = 0.6
    max_points_per_theme: int = 4
    max_points_per_section: int = 12
    stop_words: tuple[str, ...] = DEFAULT_STOP_WORDS
    stop_keys: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = sorted({words(w) for w in self.stop_words} - {""}, key=len, reverse=True)
        object.__setattr__(self, "stop_keys", tuple(keys))

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> Lexicon:
        """The `[digest]` table of thd.toml; `themes`, when given, replaces the default list."""
        unknown = set(data) - {"themes", *_SCALARS, "stop_words"}
        if unknown:
            raise ValueError(f"[digest] có khóa không dùng được: {', '.join(sorted(unknown))}")
        values: dict[str, object] = {k: _scalar(k, data[k]) for k in _SCALARS if k in data}
        if "themes" in data:
            values["themes"] = tuple(_theme(t) for t in _list(data["themes"], "themes"))
        if "stop_words" in data:
            values["stop_words"] = tuple(_texts(data["stop_words"], "stop_words"))
        return cls(**values)  # type: ignore[arg-type]


_SCALARS = {
    "other": str,
    "similarity": float,
    "max_points_per_theme": int,
    "max_points_per_section": int,
}


def _scalar(key: str, value: object) -> object:
    kind = _SCALARS[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"[digest] {key}: giá trị không đúng kiểu")
    if kind is int and not 1 <= value <= 1000:  # type: ignore[operator]
        raise ValueError(f"[digest] {key}: phải từ 1 đến 1000")
    if kind is float and not 0 < value <= 1:  # type: ignore[operator]
        raise ValueError(f"[digest] {key}: phải lớn hơn 0 và không quá 1")
    return value


def _list(value: object, key: str) -> list[object]:
    if not isinstance(value, list):
        raise ValueError(f"[digest] {key}: phải là một danh sách")
    return value


def _texts(value: object, key: str) -> list[str]:
    items = _list(value, key)
    if not all(isinstance(item, str) and item.strip() for item in items):
        raise ValueError(f"[digest] {key}: mỗi mục phải là một chuỗi chữ")
    return [nfc(str(item)) for item in items]


def _theme(value: object) -> Theme:
    if not isinstance(value, dict) or not {"name", "keywords"} <= set(value) <= _THEME_KEYS:
        raise ValueError(
            "[digest] themes: mỗi nhóm cần hai khóa name và keywords (thêm leads nếu cần)"
        )
    name = value["name"]
    if not isinstance(name, str) or not name.strip():
        raise ValueError("[digest] themes: name phải là một chuỗi chữ")
    keywords = tuple(_texts(value["keywords"], f"themes ({name})"))
    leads = tuple(_texts(value.get("leads", []), f"themes ({name}) leads"))
    return Theme(nfc(name), keywords, leads)


_THEME_KEYS = {"name", "keywords", "leads"}


DEFAULT_LEXICON = Lexicon()


# --- comparing points ------------------------------------------------------------------------


@lru_cache(maxsize=16384)
def content_tokens(text: str, lexicon: Lexicon = DEFAULT_LEXICON) -> frozenset[str]:
    """The syllables a point is about: its words without the lexicon's stop words."""
    padded = f" {words(text)} "
    for stop in lexicon.stop_keys:
        padded = padded.replace(f" {stop} ", "  ")
    return frozenset(padded.split())


def similarity(a: str, b: str, lexicon: Lexicon = DEFAULT_LEXICON) -> float:
    """Jaccard index of the content tokens of two points (1.0 for the same words)."""
    return _jaccard(content_tokens(a, lexicon), content_tokens(b, lexicon))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return len(a & b) / len(a | b)


# --- splitting a text into points ------------------------------------------------------------

_BULLET = re.compile(
    r"^(?:[-+•*–—●○▪◦·]+\s*|[a-zđ][.)]\s+|[A-ZĐ]\)\s+|\(?\d{1,2}[.)](?!\d)\s*|[IVX]{1,4}\.\s+)"
)
_INLINE_BULLET = re.compile(r"(?<=[.;:])[ \t]+(?=[-+•][ \t])")
# Starts only at the first mark of a run, so that a long run of dots is read once.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+[\"”’»)]*\s+")
_ABBREVIATIONS = frozenset({"tp", "tx", "ths", "ts", "pgs", "gs", "bs", "ks", "ls", "v.v", "vv"})
_CLAUSE = re.compile(r"\s*;\s*")
_EDGES = " \t,.;:…!"
_NOTHING = re.compile(
    r"^(?:khong|chua|khong co|chua co|x|0)(?: (?:gi|y kien|kien nghi|de xuat|de nghi|kho khan"
    r"|ton tai|vuong mac|them))*$"
)
# "Khó khăn: ...", "Kết quả đạt được: ...": the form's own headings typed again, dropped.
_LABEL = re.compile(r"^([^:]{1,60}):\s+(?=\S)")
_SECTION_WORDS = re.compile(
    r"^(?:nhung )?(?:kho khan|ton tai|han che|vuong mac|ket qua|uu diem|nguyen nhan|bai hoc)"
    r"(?: [a-z]+){0,4}$|^(?:(?:kien nghi|de xuat|de nghi) ?)+$"
)
_HEADING_WORDS = frozenset(
    words(
        "Những khó khăn, tồn tại, hạn chế, vướng mắc; kết quả đã đạt được, bài học kinh nghiệm;"
        " kiến nghị, đề xuất; nguyên nhân; đánh giá chung và ưu điểm"
    ).split()
)
MIN_CLAUSE_WORDS = 3


def split_points(text: str) -> list[str]:
    """An agency's text as its points: bullet lines, sentences, and clauses separated by "; "
    when each side has at least MIN_CLAUSE_WORDS words. A lead-in line of a request ending
    with ":" ("Đề nghị UBND tỉnh:") is kept in front of each bullet under it; other lead-ins
    are headings and dropped. "Không", "Không có kiến nghị" and the like are no point."""
    return list(_split_points(text))


@lru_cache(maxsize=4096)  # a thousand agencies often send the same sentences
def _split_points(text: str) -> tuple[str, ...]:
    points: list[str] = []
    for lead, line in _lines_with_leads(text):
        for piece in (p for s in _sentences(line) for p in _clauses(s)):
            point = _tidy(f"{lead} {piece}" if lead else piece)
            if point and not _NOTHING.match(words(point)):
                points.append(point)
    return tuple(points)


def _lines_with_leads(text: str) -> Iterator[tuple[str, str]]:
    lines = [nfc(line) for line in _INLINE_BULLET.sub("\n", text).splitlines()]
    lines = [line.strip() for line in lines if line.strip()]
    lead = ""
    for number, line in enumerate(lines):
        bullet = _BULLET.match(line)
        content = line[bullet.end() :] if bullet else line
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if content.endswith(":") and _BULLET.match(following):
            lead = content if _REQUEST_VERB.search(words(content)) else ""
            continue
        if not bullet:
            lead = ""
        yield lead, content


def _sentences(line: str) -> list[str]:
    parts, start = [], 0
    for end in _SENTENCE_END.finditer(line):
        following = line[end.end() : end.end() + 1]
        if not (following.isupper() or following.isdigit() or following in '"“('):
            continue
        last_word = line[start : end.start()].rsplit(" ", 1)[-1]
        if end.group().startswith(".") and _is_abbreviation(last_word):
            continue
        parts.append(line[start : end.end()])
        start = end.end()
    parts.append(line[start:])
    return parts


def _is_abbreviation(word: str) -> bool:
    return word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _clauses(sentence: str) -> list[str]:
    clauses: list[list[str]] = []
    sizes: list[int] = []  # words in each clause so far
    for piece in _CLAUSE.split(sentence):
        size = len(piece.split())
        if clauses and min(size, sizes[-1]) < MIN_CLAUSE_WORDS:
            clauses[-1].append(piece)
            sizes[-1] += size
        else:
            clauses.append([piece])
            sizes.append(size)
    return ["; ".join(pieces) for pieces in clauses]


def _tidy(point: str) -> str:
    point = point.strip(_EDGES)
    label = _LABEL.match(point)
    if label and _SECTION_WORDS.match(words(label.group(1))):
        point = point[label.end() :]
    if point.isupper() and len(point.split()) <= 12:
        return ""  # a heading typed in capitals ("II. ĐÁNH GIÁ CHUNG")
    if not any(ch.isalpha() for ch in point) or set(words(point).split()) <= _HEADING_WORDS:
        return ""  # a heading of the form typed again ("Kiến nghị, đề xuất")
    return point[:1].upper() + point[1:]


# --- points and themes -----------------------------------------------------------------------


class Addressee(str, Enum):
    """Whom a request in II.3 is addressed to."""

    MINISTRY = "ministry"  # Bộ, ngành Trung ương, Chính phủ, Quốc hội
    PROVINCE = "province"  # UBND tỉnh, HĐND tỉnh, Tỉnh ủy, "tỉnh"
    ISSUER = "issuer"  # the body that signs this report
    PEERS = "peers"  # other sở, ngành, đoàn thể, các cấp, employers
    INTERNAL = "internal"  # the agency's own units or subordinates, its own plans
    EXCUSE = "excuse"  # about this report being late
    OTHER = "other"  # no addressee named ("Đề nghị hỗ trợ kinh phí ...")


# Requests that go into the signed report's recommendations; the rest go to the officer.
IN_REPORT = (Addressee.MINISTRY, Addressee.PROVINCE, Addressee.OTHER)

# For the officer's list of what was kept out of the report (workbook, thd note).
ADDRESSEE_LABELS = {
    Addressee.MINISTRY: "Bộ, ngành Trung ương",
    Addressee.PROVINCE: "Ủy ban nhân dân tỉnh",
    Addressee.ISSUER: "Gửi cơ quan tổng hợp báo cáo",
    Addressee.PEERS: "Gửi các sở, ngành, địa phương khác",
    Addressee.INTERNAL: "Việc nội bộ của đơn vị",
    Addressee.EXCUSE: "Về việc gửi báo cáo",
    Addressee.OTHER: "Không nêu cơ quan nhận",
}
ADDRESSEE_HEADINGS = {
    Addressee.MINISTRY: "Đối với Bộ, ngành Trung ương",
    Addressee.PROVINCE: "Đối với Ủy ban nhân dân tỉnh",
    Addressee.OTHER: "Các đề xuất khác",
}


@dataclass(frozen=True)
class Point:
    """One point, raised by one or more agencies, written in one agency's own words."""

    text: str
    agencies: tuple[str, ...]  # roster order, each once
    phrasings: tuple[Entry, ...]  # every (agency, point) merged into this one
    addressee: Addressee | None = None


@dataclass(frozen=True)
class ThemeGroup:
    theme: str
    points: tuple[Point, ...]
    left_out: int = 0  # points of this theme moved to the appendix by the length bound

    @property
    def agencies(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for p in self.points for a in p.agencies))


def section_points(entries: Iterable[Entry]) -> list[Entry]:
    """Every (agency, point) of a section, in roster order."""
    return [(agency, point) for agency, text in entries for point in split_points(text)]


# "cán bộ và nhân dân", "cán bộ, đảng viên và nhân dân": the public an activity reached, not
# the staff who run it ("Lễ phát động thu hút đông đảo cán bộ và nhân dân" is no staff point).
_AUDIENCE = re.compile(
    r" can bo (?:dang vien |cong chuc |hoi vien )?(?:va )?(?:nhan dan|nguoi dan) "
)


@lru_cache(maxsize=16384)
def theme_of(point: str, lexicon: Lexicon = DEFAULT_LEXICON) -> str:
    """The theme whose lead keyword (Theme.leads) is the first keyword of any theme in the
    point; else the theme with the most distinct keywords in the point; on a tie, the theme
    whose keyword comes first (a Vietnamese sentence names its subject first)."""
    padded = _AUDIENCE.sub(" nhan dan ", f" {words(point)} ")
    best, best_rank = lexicon.other, (0, 0)
    first: tuple[int, str, bool] | None = None  # the earliest keyword: where, theme, a lead
    for theme in lexicon.themes:
        found = {key: padded.find(f" {key} ") for key in theme.keys}
        found = {key: position for key, position in found.items() if position >= 0}
        for key, position in found.items():
            if first is None or position < first[0]:
                first = (position, theme.name, key in theme.lead_keys)
        rank = (len(found), -min(found.values(), default=0))
        if found and rank > best_rank:
            best, best_rank = theme.name, rank
    return first[1] if first is not None and first[2] else best


def merge_points(
    pairs: Sequence[Entry], lexicon: Lexicon = DEFAULT_LEXICON, addressee: Addressee | None = None
) -> list[Point]:
    """Near-duplicates as one point: a point joins the first earlier cluster whose first
    point is similar to it (`lexicon.similarity`), holds the same figures in the same order
    (numbers and dates are facts: "10 buổi" is never "17 buổi", "10/12" never "12/10") and
    names the same bodies and places (`Facts`: "UBND xã Mỹ Lâm" is never "UBND xã Bát Xát",
    however alike the rest); each cluster is written in its shortest phrasing. Sorted by how
    many agencies raised it, then by first appearance."""
    token_sets = [content_tokens(text, lexicon) for _, text in pairs]
    clusters = _Clusters(token_sets, lexicon.similarity)
    for pair, tokens in zip(pairs, token_sets, strict=True):
        clusters.add(pair, tokens, facts(pair[1]))
    points = [_point(members, addressee) for members in clusters.members]
    return sorted(points, key=lambda p: -len(p.agencies))


class _Clusters:
    """Clusters of near-duplicate points, each known by its first point (its seed).

    Found by prefix filtering, as set-similarity joins do: two token sets with Jaccard >= t
    share a token among the first |A| - ceil(t * |A|) + 1 of each, tokens ordered rarest
    first; so only those prefixes are indexed and a common word never makes a candidate."""

    def __init__(self, token_sets: Sequence[frozenset[str]], threshold: float) -> None:
        self.frequency = Counter(token for tokens in token_sets for token in tokens)
        self.threshold = threshold
        self.seeds: list[frozenset[str]] = []
        self.members: list[list[Entry]] = []
        # (figures, token) -> clusters: only points with the same figures are ever compared.
        self.index: dict[tuple[frozenset[str], str], list[int]] = {}
        self.seed_facts: list[Facts] = []
        self.without_words: int | None = None
        self.seen: dict[tuple[frozenset[str], frozenset[str], tuple[str, ...]], int] = {}

    def add(self, pair: Entry, tokens: frozenset[str], facts: Facts) -> None:
        # The same words naming the same things always find the same cluster: look them up,
        # do not search again (the names too: a stop word may be a place's, "xã Cờ Đỏ").
        key = (tokens, facts.names, facts.figures)
        found = self.seen.get(key)
        if found is None:
            found = self._similar(tokens, facts)
        if found is None:
            found = self._new(tokens, facts)
        self.seen[key] = found
        self.members[found].append(pair)

    def _prefix(self, tokens: frozenset[str]) -> list[str]:
        ordered = sorted(tokens, key=lambda token: (self.frequency[token], token))
        overlap = math.ceil(self.threshold * len(ordered) - 1e-9)
        return ordered[: len(ordered) - overlap + 1]

    def _similar(self, tokens: frozenset[str], facts: Facts) -> int | None:
        if not tokens:
            found = self.without_words
            return found if found is not None and self.seed_facts[found].same(facts) else None
        figures = _figures(tokens)
        prefix = self._prefix(tokens)
        candidates = sorted({i for token in prefix for i in self.index.get((figures, token), ())})
        return next((i for i in candidates if self._close(tokens, facts, i)), None)

    def _close(self, tokens: frozenset[str], facts: Facts, seed: int) -> bool:
        similar = _jaccard(tokens, self.seeds[seed]) >= self.threshold
        return similar and self.seed_facts[seed].same(facts)

    def _new(self, tokens: frozenset[str], facts: Facts) -> int:
        number = len(self.seeds)
        self.seeds.append(tokens)
        self.seed_facts.append(facts)
        self.members.append([])
        if not tokens:
            self.without_words = number
        figures = _figures(tokens)
        for token in self._prefix(tokens):
            self.index.setdefault((figures, token), []).append(number)
        return number


class Facts(NamedTuple):
    """What a point states beyond its words' gist: the names it writes (bodies, places,
    programmes: "UBND xã Mỹ Lâm", "Sở Y tế", "Zalo") and its figures and dates in order."""

    names: frozenset[str]  # each name's words, case-folded, diacritics kept ("mỹ lâm")
    figures: tuple[str, ...]  # "10", "12", "2026" for "10/12/2026"; leading zeros dropped
    plain: str  # the point's words, case-folded, diacritics kept, padded with spaces

    def same(self, other: Facts) -> bool:
        """Two points state the same facts: the same figures in the same order, and each
        one's names written in the other (in any case: "Sở y tế" is "Sở Y tế")."""
        return (
            self.figures == other.figures
            and all(f" {name} " in other.plain for name in self.names)
            and all(f" {name} " in self.plain for name in other.names)
        )


# A word as the name check reads it (letters and digits, "LĐ-TB&XH" is three), and what ends
# a name: any other mark (", " between two communes, "." after an abbreviation).
_NAME_TOKEN = re.compile(r"\w+|[^\w\s]")
# The long forms of the abbreviations agencies write either way: the same body.
_LONG_FORMS = (
    (re.compile(r"\b(?:ủy|uỷ) ban nhân dân\b", re.IGNORECASE), "UBND"),
    (re.compile(r"\bhội đồng nhân dân\b", re.IGNORECASE), "HĐND"),
    (re.compile(r"\bthành phố\b", re.IGNORECASE), "TP"),
)


@lru_cache(maxsize=16384)
def facts(point: str) -> Facts:
    """The names and figures of a point. A name is a run of words written with a capital
    letter (the first word of the point is not one by its capital alone: "Các hoạt động"):
    "Các hoạt động của UBND xã Mỹ Lâm" names "ubnd" and "mỹ lâm"; "Sở Y tế đã ..." names
    "y"."""
    text = nfc(point)
    for pattern, short in _LONG_FORMS:
        text = pattern.sub(short, text)
    tokens = _NAME_TOKEN.findall(text)
    names: set[str] = set()
    run: list[str] = []
    for number, token in enumerate([*tokens, "."]):
        if token[:1].isupper() and token[:1].isalpha() and number > 0:
            run.append(token.casefold())
            continue
        if run:
            names.add(" ".join(run))
        run = []
    plain = " ".join(t.casefold() for t in tokens if t[:1].isalnum())
    figures = tuple(t.lstrip("0") or "0" for t in tokens if any(ch.isdigit() for ch in t))
    return Facts(frozenset(names), figures, f" {plain} ")


def _figures(tokens: frozenset[str]) -> frozenset[str]:
    return frozenset(t.lstrip("0") or "0" for t in tokens if any(ch.isdigit() for ch in t))


def _point(members: list[Entry], addressee: Addressee | None) -> Point:
    shortest = min(members, key=lambda m: len(m[1]))[1]
    agencies = tuple(dict.fromkeys(agency for agency, _ in members))
    return Point(shortest, agencies, tuple(members), addressee)


def digest_section(
    entries: Iterable[Entry], lexicon: Lexicon = DEFAULT_LEXICON
) -> list[ThemeGroup]:
    """A section's points grouped by theme, near-duplicates merged. Themes raised by more
    agencies come first; the lexicon's "Khác" is always last. Excuses about this report are
    never a point of the section (digest_narratives lists them for the officer)."""
    pairs = [pair for pair in section_points(entries) if not is_excuse(pair[1])]
    return group_by_theme(pairs, lexicon)


def group_by_theme(pairs: Sequence[Entry], lexicon: Lexicon = DEFAULT_LEXICON) -> list[ThemeGroup]:
    by_theme: dict[str, list[Entry]] = {}
    for pair in pairs:
        by_theme.setdefault(theme_of(pair[1], lexicon), []).append(pair)
    order = [t.name for t in lexicon.themes] + [lexicon.other]
    groups = [
        ThemeGroup(_heading(n, list(by_theme), lexicon), tuple(merge_points(by_theme[n], lexicon)))
        for n in order
        if n in by_theme
    ]
    return sorted(groups, key=lambda g: (g.theme in (lexicon.other, ""), -len(g.agencies)))


def _heading(theme: str, themes: Sequence[str], lexicon: Lexicon) -> str:
    """No heading for the points of no theme when they are all there is: "Khác" says "other
    than the themes above", and there are none (the points are shown without a label)."""
    return "" if themes == [lexicon.other] else theme


# --- whom a request addresses ----------------------------------------------------------------


@dataclass(frozen=True)
class IssuerNames:
    """The body that signs the report, as agencies may write it."""

    name: str  # "Sở Lao động - Thương binh và Xã hội" (any case)
    abbreviation: str = ""  # "SLĐTBXH": also matches "Sở LĐTBXH", "Sở LĐ-TB&XH"
    province: str = ""  # "Bắc Kạn"
    aliases: tuple[str, ...] = ()
    parent: str = ""  # "UBND HUYỆN BA BỂ": the body the issuer drafts for, the same addressee
    patterns: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "patterns", _issuer_patterns(self))


def _issuer_patterns(issuer: IssuerNames) -> tuple[re.Pattern[str], ...]:
    texts = [*_name_patterns(issuer), *_body_patterns(issuer.name), *_body_patterns(issuer.parent)]
    return tuple(re.compile(f"^(?:{t})\\b") for t in texts)


def consolidating_body(name: str) -> IssuerNames:
    """A lower level's consolidating body ("UBND huyện Ba Bể", a district whose data file the
    province reads), as its own agencies address it: by its name or by its level ("Đề nghị
    huyện tổ chức ..."), never by a bare "UBND" (that may be the province's)."""
    return IssuerNames("", parent=name)


# The district level of a body, as its own agencies write it bare ("Đề nghị huyện ..."). Not
# "quận": it folds to "quan" as in "quan tâm".
_DISTRICT_BODY = re.compile(r"^(?:ubnd|uy ban nhan dan) (huyen|thi xa|thanh pho)\b")


def _body_patterns(name: str) -> list[str]:
    """A district-level body's full name and its level word ("huyện", "UBND huyện"; not
    "huyện đoàn", "huyện hội", "huyện ủy": other bodies of that level). None for any other
    body: "UBND tỉnh" is the province, which II.3 addresses in the report."""
    full = words(name)
    level = _DISTRICT_BODY.match(full)
    if not level:
        return []
    bare = f"(?:(?:ubnd|uy ban nhan dan) )?{level.group(1)}\\b(?! doan| hoi| uy)"
    return [re.escape(full), bare]


def _name_patterns(issuer: IssuerNames) -> list[str]:
    full = words(issuer.name)
    if not full:
        return [re.escape(words(a)) for a in issuer.aliases if words(a)]
    head, _, core = full.partition(" ")
    texts = [re.escape(full), *(re.escape(words(a)) for a in issuer.aliases if words(a))]
    if core:
        texts.append(f"nganh {re.escape(core)}")
        texts.append(f"{re.escape(head)} (?:{_VERBS})")  # "Đề nghị Sở hỗ trợ ..."
    letters = _NOT_WORD.sub("", loose_key(issuer.abbreviation))
    if len(letters) >= 2:
        texts.append(" ?".join(letters))
        if head and letters[0] == head[0]:
            texts.append(f"{re.escape(head)} " + " ?".join(letters[1:]))
    return texts


_VERBS = (
    "ho tro|cung cap|tiep tuc|quan tam|phoi hop|to chuc|cap|bo sung|tang cuong|huong dan"
    "|bo tri|xem xet|chi dao|dau tu|mo|in"
)
_REQUEST_VERB = re.compile(
    r"\b(?:kinh de nghi|de nghi|kien nghi|de xuat|mong muon|kinh mong|mong|xin|doi voi)\b"
    r"(?: (?:voi|len|toi|den|trong thoi gian toi|thoi gian toi|nam toi|tiep tuc)\b)*"
)
_EXCUSE = re.compile(
    r"\bxin loi\b|\bthong cam\b|\bchua kip (?:gui|tong hop|bao cao)\b"
    r"|\bbao cao (?:nay )?(?:gui |nop )?(?:cham|muon|tre)(?: tre)? (?:do|vi|la do)\b"
    r"|\b(?:gui|nop) (?:bao cao )?(?:nay )?(?:cham|muon|tre|qua han)\b"
    r"|\b(?:bo sung|gui) (?:so lieu )?sau\b"
)
_PLANS = re.compile(
    r"\b(?:se tiep tuc|thoi gian toi|trong nam toi|nam tiep theo)\b|^tiep tuc chi dao\b"
)
# "Bộ", "bổ sung", "bố trí" all fold to "bo": a ministry is "Bộ" followed by its name (the
# ministries since the 2025 reorganisation too: Dân tộc và Tôn giáo, Khoa học và Công nghệ,
# Công Thương, Xây dựng...). Central bodies that are no ministry are the same addressee.
_MINISTRY = re.compile(
    r"^(?:cac )?(?:bo (?:lao dong|ld|noi vu|nv|tai chinh|tc|y te|yt|giao duc|gd|van hoa|vh"
    r"|tu phap|tp|cong an|ca|thong tin|tt|ke hoach|kh|quoc phong|qp|nong nghiep|nn|nganh"
    r"|dan toc|khoa hoc|cong thuong|xay dung|ngoai giao|tai nguyen|giao thong"
    r"|chu quan|[bcdfghjklmnpqrstvwxz]{2,})|trung uong|chinh phu|quoc hoi|thu tuong|uy ban quoc gia"
    r"|uy ban dan toc|tong lien doan)\b"
)
_PROVINCE = re.compile(
    r"^(?:(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|thuong truc|lanh dao|ban thuong vu) )*"
    r"tinh\b(?! doan| hoi)"
)
_INTERNAL = re.compile(
    r"^(?:(?:ubnd|uy ban nhan dan) )?(?:cac )?(?:xa|thon|ban|to dan pho|phuong|thi tran"
    r"|phong(?! chong| ngua)|chi hoi|co so hoi|cac cap hoi|truong|don vi truc thuoc|can bo|cong chuc"
    r"|vien chuc|hoi vien|doan vien|chi doan|cong doan co so|ban giam doc|lanh dao don vi)\b"
)
_PEERS = re.compile(
    r"^(?:cac (?:so|ban|nganh|co quan|don vi|cap|dia phuong|hoi|doan the|to chuc|doanh nghiep"
    r"|huyen|thanh vien)|so (?!luong|lieu)[a-z]|ban [a-z]|nganh|nguoi su dung lao dong|doanh nghiep"
    r"|(?:ubnd|uy ban nhan dan) (?:cac )?(?:huyen|thanh pho)|cong an|tinh doan|mat tran"
    # A commune answering the province directly: "Đề nghị huyện hỗ trợ ..." is its district's
    # (the district's own report, which names it the issuer, never comes here).
    r"|(?:huyen|thi xa)(?! doan| hoi| uy)"
    r"|uy ban mat tran|hoi (?:lien hiep|nong dan|cuu chien binh)|lien doan lao dong"
    r"|dai phat thanh|bao|bo chi huy)\b"
)


def is_excuse(point: str) -> bool:
    """About this report itself ("Báo cáo gửi chậm do ...", "xin lỗi vì gửi muộn")."""
    return bool(_EXCUSE.search(words(point)))


def classify_request(point: str, issuer: IssuerNames) -> Addressee:
    """Whom a request addresses, read from the words right after "Đề nghị" / "Kiến nghị"
    (or from the start of the point when it has no such verb)."""
    key = words(point)
    if _EXCUSE.search(key):
        return Addressee.EXCUSE
    verb = _REQUEST_VERB.search(key)
    if verb is None and _PLANS.search(key):
        return Addressee.INTERNAL
    rest = key[verb.end() :].strip() if verb else key
    if _names(rest, issuer):
        return Addressee.ISSUER
    for pattern, addressee in _ADDRESSEES:
        if pattern.match(rest):
            return addressee
    return Addressee.OTHER


def _names(rest: str, body: IssuerNames) -> bool:
    return any(p.match(rest) for p in body.patterns)


def addresses(point: str, body: IssuerNames) -> bool:
    """Whether a request is addressed to `body` (read as classify_request reads the issuer)."""
    key = words(point)
    verb = _REQUEST_VERB.search(key)
    return _names(key[verb.end() :].strip() if verb else key, body)


_ADDRESSEES = (
    (_MINISTRY, Addressee.MINISTRY),
    (_PROVINCE, Addressee.PROVINCE),
    (_INTERNAL, Addressee.INTERNAL),
    (_PEERS, Addressee.PEERS),
)


# --- the whole digest ------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionDigest:
    key: str  # form.NARRATIVE_KEYS
    groups: tuple[ThemeGroup, ...]  # for the report body, within the length bound
    set_aside: tuple[Point, ...]  # for the officer: excuses, and requests not in IN_REPORT
    left_out: tuple[Point, ...]  # beyond the length bound: the appendix holds them

    @property
    def points(self) -> tuple[Point, ...]:
        return tuple(p for g in self.groups for p in g.points)


def digest_narratives(
    narratives: Mapping[str, Iterable[Entry]],
    issuer: IssuerNames,
    lexicon: Lexicon = DEFAULT_LEXICON,
    lower: Mapping[str, IssuerNames] | None = None,
) -> dict[str, SectionDigest]:
    """Every section digested: excuses set aside everywhere; in "proposals" the requests are
    grouped by addressee (IN_REPORT order) and the others set aside; then the length bound.

    `lower` maps an agency whose texts are its own lower level's (a district's data file) to
    its consolidating body (`consolidating_body`): a request of that level addressed to that
    body ("Đề nghị huyện ...") is the district's matter, set aside as one to the issuer is."""
    bodies = lower or {}
    return {
        key: _digest_one(key, section_points(entries), Issuers(issuer, bodies), lexicon)
        for key, entries in narratives.items()
    }


class Issuers(NamedTuple):
    """The issuer, and each rolled-up agency's own consolidating body."""

    own: IssuerNames
    lower: Mapping[str, IssuerNames]


Labelled = tuple[Entry, Addressee | None]  # None: a point that addresses nobody


def _digest_one(key: str, pairs: list[Entry], issuers: Issuers, lexicon: Lexicon) -> SectionDigest:
    labelled: list[Labelled] = [(pair, _label(key, pair, issuers)) for pair in pairs]
    aside = [(pair, to) for pair, to in labelled if to is not None and to not in IN_REPORT]
    if key == "proposals":
        groups = _by_addressee(labelled, lexicon)
    else:
        groups = group_by_theme([pair for pair, to in labelled if to is None], lexicon)
    bounded = bound(groups, lexicon.max_points_per_theme, lexicon.max_points_per_section)
    return SectionDigest(key, bounded.groups, _set_aside(aside, lexicon), bounded.left_out)


def _label(key: str, pair: Entry, issuers: Issuers) -> Addressee | None:
    agency, point = pair
    if key != "proposals":
        return Addressee.EXCUSE if is_excuse(point) else None
    addressee = classify_request(point, issuers.own)
    body = issuers.lower.get(agency)
    if addressee in IN_REPORT and body is not None and addresses(point, body):
        return Addressee.ISSUER
    return addressee


def _by_addressee(labelled: Sequence[Labelled], lexicon: Lexicon) -> list[ThemeGroup]:
    groups = []
    for addressee in IN_REPORT:
        pairs = [pair for pair, to in labelled if to is addressee]
        if pairs:
            points = merge_points(pairs, lexicon, addressee)
            groups.append(ThemeGroup(ADDRESSEE_HEADINGS[addressee], tuple(points)))
    return groups


def _set_aside(aside: Sequence[Labelled], lexicon: Lexicon) -> tuple[Point, ...]:
    points: list[Point] = []
    for addressee in Addressee:
        pairs = [pair for pair, to in aside if to is addressee]
        points.extend(merge_points(pairs, lexicon, addressee))
    return tuple(points)


@dataclass(frozen=True)
class Bounded:
    groups: tuple[ThemeGroup, ...]
    left_out: tuple[Point, ...]


def bound(groups: Sequence[ThemeGroup], max_per_theme: int, max_per_section: int) -> Bounded:
    """Keep at most max_per_theme points per theme and max_per_section in all, taken in rounds
    (every theme's first point, then every theme's second, ...) so that each theme shows its
    most raised points before any theme shows more; the rest are counted as left out."""
    taken = [0] * len(groups)
    total = 0
    for rank in range(max_per_theme):
        for number, group in enumerate(groups):
            if total < max_per_section and rank < len(group.points):
                taken[number] += 1
                total += 1
    kept = tuple(
        ThemeGroup(g.theme, g.points[:n], len(g.points) - n)
        for g, n in zip(groups, taken, strict=True)
        if n
    )
    left = tuple(p for g, n in zip(groups, taken, strict=True) for p in g.points[n:])
    return Bounded(kept, left)


# --- rendering -------------------------------------------------------------------------------


def render_agencies(agencies: Sequence[str], max_named: int | None = None) -> str:
    """Every agency named, "UBND huyện Chợ Mới, UBND huyện Na Rì, UBND huyện Ba Bể": a signed
    report says who said what. With `max_named` (the officer's screen; a report above the
    roster size a person reads, whose summary workbook names them all), "UBND huyện Chợ Mới,
    UBND huyện Na Rì và 3 đơn vị khác"; all named when one more."""
    if max_named is None or len(agencies) <= max_named + 1:
        return ", ".join(agencies)
    others = f"{len(agencies) - max_named:,}".replace(",", ".")  # 3.290, as the report writes
    return f"{', '.join(agencies[:max_named])} và {others} đơn vị khác"


def render_point(point: Point, max_named: int | None = 2) -> str:
    """E.g. "Kinh phí còn hạn chế (UBND huyện Chợ Mới, UBND huyện Na Rì và 3 đơn vị khác)";
    `max_named=None` names every agency (as render_group does for the report)."""
    return f"{point.text} ({render_agencies(point.agencies, max_named)})"


def render_group(group: ThemeGroup, max_named: int | None = None) -> str:
    """A theme's points, each a sentence of its own: "A (đơn vị). B (đơn vị)." (each in its
    own words, every agency that raised it named: the body never credits agencies it does not
    name). Every point opens with a capital (`_tidy`), so "; " between them would put a capital
    inside a sentence; and a point may hold "; " itself (`_clauses`)."""
    return ". ".join(render_point(p, max_named) for p in group.points) + "."


def left_out_sentence(points: Sequence[Point], max_named: int | None = None) -> str:
    """The points the length bound moved to the appendix, with whose they are: "Còn 1 ý kiến
    khác của UBND huyện Văn Lãng tại Phụ lục III." (the signer knows who is not quoted; every
    agency named, as in the body)."""
    agencies = list(dict.fromkeys(a for p in points for a in p.agencies))
    whose = render_agencies(agencies, max_named) if agencies else "các đơn vị"
    return f"Còn {len(points)} ý kiến khác của {whose} tại Phụ lục III."


# --- directing documents ---------------------------------------------------------------------

_KINDS = (
    "Kế hoạch",
    "Công văn",
    "Hướng dẫn",
    "Quyết định",
    "Chỉ thị",
    "Thông báo",
    "Nghị quyết",
    "Văn bản",
    "Thông tri",
    "Chương trình",
)
_DOCUMENT = re.compile(
    rf"\b(?P<kind>{'|'.join(_KINDS)})\s+(?:(?P<so>số)\s*:?\s*)?"
    r"(?P<number>\d+[\w]*(?:[/-][\w&]+)*)"
    r"(?:\s*,?\s*(?:ban hành\s+)?ngày\s+(?P<day>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)"
    r"(?P<month>\d{1,2})\s*(?:[/.-]|\s+năm\s+)(?P<year>\d{4}))?",
    re.IGNORECASE,
)
# Words just before a document that make it someone else's ("thực hiện Kế hoạch số ...").
_REFERENCE_BEFORE = re.compile(
    r"\b(?:can cu|thuc hien|trien khai|theo|ubnd tinh|uy ban nhan dan tinh|tinh uy|chinh phu"
    r"|thu tuong|hdnd tinh)\b"
)
_REFERENCE_AFTER = re.compile(
    r"^\s*(?:cua|do) (?:ubnd tinh|uy ban nhan dan tinh|bo|chinh phu|thu tuong|tinh uy|hdnd tinh"
    r"|hoi dong nhan dan tinh|ban thuong vu tinh uy|trung uong)\b"
)
_CLAUSE_START = re.compile(r"[.;:,]")


@dataclass(frozen=True)
class DocumentRef:
    """A document named in an agency's text."""

    agency: str
    kind: str  # one of _KINDS, as the report writes it
    number: str  # "112/KH-HLHPN", as typed
    date: date | None
    text: str  # the words as the agency wrote them
    own: bool = True  # False when the text refers to another body's document


def find_documents(text: str, agency: str = "") -> list[DocumentRef]:
    """Documents named with their number ("Kế hoạch số 112/KH-HLHPN ngày 01/11/2021",
    "Công văn 45/CV-SYT", "Quyết định số 12/QĐ-UBND ngày 01 tháng 11 năm 2021"); a number
    without "số" must hold a "/". Dates that do not exist are None."""
    text = nfc(text)
    found: list[DocumentRef] = []
    previous_end = 0
    for match in _DOCUMENT.finditer(text):
        if not match["so"] and "/" not in match["number"]:
            continue
        own = _is_own(text[previous_end : match.start()], text[match.end() : match.end() + 40])
        found.append(_document(match, agency, own))
        previous_end = match.end()
    return found


def _document(match: re.Match[str], agency: str, own: bool) -> DocumentRef:
    kind = next(k for k in _KINDS if loose_key(k) == loose_key(match["kind"]))
    return DocumentRef(agency, kind, match["number"], _date(match), match.group(0), own)


def _date(match: re.Match[str]) -> date | None:
    if not match["year"]:
        return None
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


def _is_own(before: str, after: str) -> bool:
    clause = _CLAUSE_START.split(before)[-1]
    recent = " ".join(words(clause).split()[-6:])
    return not (_REFERENCE_BEFORE.search(recent) or _REFERENCE_AFTER.match(words(after)))


def agency_documents(entries: Iterable[Entry], exclude: Iterable[str] = ()) -> list[DocumentRef]:
    """Each agency's own directing documents, once per agency, in roster order; `exclude`
    lists numbers that are not the agencies' own (the province's plan, "622/KH-UBND"). Two
    agencies naming the same number both keep it: a joint plan is each one's statement."""
    skip = {loose_key(number) for number in exclude}
    documents: list[DocumentRef] = []
    seen: set[tuple[str, str]] = set()
    for agency, text in entries:
        for document in find_documents(text, agency):
            key = (agency, loose_key(document.number))
            if document.own and key[1] not in skip and key not in seen:
                documents.append(document)
                seen.add(key)
    return documents


def document_key(document: DocumentRef) -> tuple[str, date | None]:
    """One document whoever names it: its number and date (two districts' "45/KH-UBND" of
    different dates are two plans)."""
    return loose_key(document.number), document.date


# --- highlights ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)  # one per agency and activity row: 100,000 at a ministry
class Event:
    """One of the largest activities from the figures (the caller orders them, largest first)."""

    agency: str
    item: str
    count: int = 0
    reach: int = 0


@dataclass(frozen=True)
class Highlight:
    agency: str
    item: str
    text: str  # the agency's own point about it; "" when its text has none (quoted_only=False)
    count: int = 0  # the event's figures, for a caller that writes the point from them
    reach: int = 0


HIGHLIGHT_COVERAGE = 0.75


def highlights(
    events: Iterable[Event],
    texts: Mapping[str, str],
    limit: int = 3,
    lexicon: Lexicon = DEFAULT_LEXICON,
    quoted_only: bool = True,
) -> list[Highlight]:
    """At most `limit` quotes, one per agency (its first event: with events largest first, its
    largest, even when another agency's quote is about the same item), in the caller's order of
    events. For each event, the agency's point (of its I.2 text) that holds at least
    HIGHLIGHT_COVERAGE of the item's content words, preferring one that states the event's
    count ("12 buổi" for 12); events with no such point are skipped, or with
    `quoted_only=False` kept with an empty text (the largest events stay the chosen ones)."""
    chosen: list[Highlight] = []
    for event in events:
        if len(chosen) >= limit:
            break
        if any(h.agency == event.agency for h in chosen):
            continue
        point = _point_about(event, texts.get(event.agency, ""), lexicon)
        if point or not quoted_only:
            chosen.append(
                Highlight(event.agency, event.item, point or "", event.count, event.reach)
            )
    return chosen


def _point_about(event: Event, text: str, lexicon: Lexicon) -> str | None:
    wanted = content_tokens(event.item, lexicon)
    if not wanted:
        return None
    about = [p for p in split_points(text) if _covers(p, wanted)]
    counted = [p for p in about if str(event.count) in _figures(frozenset(words(p).split()))]
    return next(iter(counted or about), None)


def _covers(point: str, wanted: frozenset[str]) -> bool:
    return len(wanted & set(words(point).split())) >= HIGHLIGHT_COVERAGE * len(wanted)
