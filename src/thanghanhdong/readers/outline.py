"""The report's outline read from its text lines, whatever the format: the ND30 header block, the
narrative sections of the seed's form (found by loosely matched headings), the budget, the signer.

Word and PDF readers turn their documents into `Line`s (and, when they can see it, the header's
two columns and the signature column); this module knows the outline and nothing of the formats.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from thanghanhdong import form
from thanghanhdong.parse import states_none
from thanghanhdong.readers.document import TextField
from thanghanhdong.text import PLACEHOLDER, fold, loose_key, nfc


@dataclass(frozen=True)
class Line:
    text: str  # NFC: one paragraph (Word) or one printed line (PDF)
    strong: bool = False  # bold or a heading style; PDF: a bold font
    page: int | None = None
    caption: bool = False  # a short label right above a table ("a) Tổ chức các hoạt động")
    left: float | None = None  # PDF: where the printed line starts and ends (points)
    right: float | None = None


CAPTION_WORDS = 12  # a line right above a table is its caption up to this many words


_CLOSING = " \t\"'”’)»"


def is_sentence_end(text: str) -> bool:
    """The line ends with a full stop, a closing quote or bracket after it aside ("…pano.”")."""
    stripped = text.rstrip(_CLOSING)
    return stripped.endswith(".") and not stripped.endswith("..")


def is_caption(text: str) -> bool:
    """A table's caption, not the agency's words: short, and no sentence (no final period)."""
    return len(text.split()) <= CAPTION_WORDS and not is_sentence_end(text)


def caption_name(text: str) -> str:
    """A caption as a table's name in a location: one line, no trailing colon."""
    return " ".join(text.split()).rstrip(" :")


@dataclass
class Header:
    """The ND30 header block: issuing body and "Số" on the left, Quốc hiệu and date on the right."""

    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    page: int | None = None


@dataclass(frozen=True)
class Section:
    key: str  # the field key ("direction"...) or the part ("I", "II", "III")
    code: str  # "I.1" as the officer reads it; the part's numeral for a part
    words: frozenset[str]
    anchor: str  # the label's first two significant words: enough on their own
    part: str
    number: str  # "2" for I.2; "" for a part


_STOPWORDS = frozenset({"nhung", "da", "cac", "va", "cua", "ve"})
_NON_WORD = re.compile(r"[^\w\s]")
_ROMAN_NUMBER = re.compile(r"^\s*(?:ph[aầ]n\s+)?([IVX]{1,4})\s*[.):/-]\s*", re.IGNORECASE)
_ARABIC_NUMBER = re.compile(r"^\s*(?:m[uụ]c\s+)?\d{1,2}(?:\.\d{1,2})*\s*[.):/-]?\s+", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[a-zđ]\s*[).]|[-+*•–—])\s*", re.IGNORECASE)
_DECORATION = re.compile(r"^[\s\-_=.*~–—…]*$")
_DATE_LINE = re.compile(r"ngay\s*(?:\d{1,2}|[.…_ ]+)\s*(?:thang|/)", re.IGNORECASE)
NUMBER_LINE = re.compile(r"^\s*s[oố](?:\s*[:.]\s*|\s+(?=\S*/))(.*)$", re.IGNORECASE)
_SIGN_PREFIX = re.compile(r"^(?:tm|kt|tl|tuq|q|pp)\s*[./]\s*(?=\w)", re.IGNORECASE)
_TITLE_WORDS = (
    "chu tich",
    "giam doc",
    "thu truong",
    "truong ban",
    "truong phong",
    "bi thu",
    "tong bien tap",
    "chi huy truong",
    "chanh van phong",
    "chu nhiem",
    "phu trach",
    "don vi",
    "uy ban",
    "ban chap hanh",
    "ban thuong vu",
)
_PART_III = ("III", "III. TỔNG HỢP SỐ LIỆU")  # the seed's part III holds the tables, no field
_STATE_WORDS = ("nha nuoc", "nsnn")
_MOBILIZED_WORDS = ("van dong", "xa hoi hoa", "huy dong")


_INLINE_SPACES = re.compile(r"[^\S\t\n]+")


def clean(text: str) -> str:
    """NFC and single spaces, keeping tabs (they separate the header's two columns)."""
    return _INLINE_SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def words(text: str) -> list[str]:
    """Loose words of a label or heading: no case, diacritics or punctuation."""
    return _NON_WORD.sub(" ", loose_key(text)).split()


def _significant(text: str) -> list[str]:
    return [w for w in words(text) if w not in _STOPWORDS]


def _strip_number(label: str) -> str:
    return _ARABIC_NUMBER.sub("", _ROMAN_NUMBER.sub("", label))


def _section(key: str, code: str, label: str, part: str) -> Section:
    significant = _significant(_strip_number(label))
    number = code.partition(".")[2]
    return Section(key, code, frozenset(significant), " ".join(significant[:2]), part, number)


def _outline() -> tuple[Section, ...]:
    """The seed's outline, from the form's own labels: parts I and II and their numbered fields."""
    sections: list[Section] = []
    part = ""
    for info in form.INFO_FIELDS:
        if info.kind is form.FieldKind.SECTION:
            part = info.label.split(".")[0].strip()
            sections.append(_section(part, part, info.label, part))
        elif info.kind is form.FieldKind.NARRATIVE or info.key == "budget_state":
            number = info.label.split(".")[0].strip()
            key = "budget_text" if info.key == "budget_state" else info.key
            label = info.label.split(":")[0]
            sections.append(_section(key, f"{part}.{number}", label, part))
    sections.append(_section(_PART_III[0], _PART_III[0], _PART_III[1], _PART_III[0]))
    return tuple(sections)


OUTLINE = _outline()
PARTS = frozenset(s.part for s in OUTLINE)
LAST_NARRATIVE = max(i for i, s in enumerate(OUTLINE) if s.key not in PARTS)
_PART_III_INTRO = " ".join(words("Kết quả thực hiện Tháng hành động"))
TABLE_TITLES = tuple(frozenset(_significant(t.title)) for t in form.TABLES)


# -- headings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    section: Section
    rest: str  # text after "Heading:" on the same line


def _heading_parts(line: Line) -> tuple[str, str, str, str] | None:
    """(numbering kind, number, heading text, rest of the line) if the line could be a heading."""
    text = line.text
    roman, arabic = _ROMAN_NUMBER.match(text), _ARABIC_NUMBER.match(text)
    if BULLET.match(text) and not arabic:
        return None
    kind = "roman" if roman else "arabic" if arabic else ""
    number = arabic.group(0).strip(" .):/-").split(".")[-1] if arabic else ""
    head, _, rest = _strip_number(text).partition(":")
    if len(words(head)) > 14 or not words(head):
        return None
    if not kind and not (line.strong or head.isupper() or len(words(head)) <= 8):
        return None
    plain = not (kind or line.strong or head.isupper())
    if plain and not rest.strip() and is_sentence_end(head):
        # "Tổ chức hội thảo và treo pano." shares "tổ chức" with "Kinh phí tổ chức": a plain
        # unnumbered line ending with a full stop is the agency's sentence (trial 2026-12-01f);
        # "Khó khăn, vướng mắc: Địa bàn rộng." is still a heading with its text, and a bold
        # line may be a heading typed with a full stop.
        return None
    return kind, number, head, rest.strip()


def _matches(section: Section, head: str, anchored: bool) -> bool:
    """The heading's words are mostly the label's; or, for a numbered or bold heading, it holds
    the label's anchor ("Khó khăn, vướng mắc" for "Những khó khăn, tồn tại")."""
    heading = _significant(head)
    if anchored and f" {section.anchor} " in f" {' '.join(heading)} ":
        return True
    common = section.words.intersection(heading)
    return len(common) >= 2 and len(common) / min(len(heading), len(section.words)) >= 0.5


def find_heading(line: Line, after: int) -> tuple[int, Heading] | None:
    """The first section after position `after` in OUTLINE whose heading this line is.

    Sections only go forward. A field of the current part matches on its wording; a field of a
    later part whose part heading is missing also needs its own number ("1. Kết quả..." starts
    part II), so a numbered point in the prose of I.2 is not taken for II.1."""
    parts = _heading_parts(line)
    if parts is None:
        return None
    kind, number, head, rest = parts
    current = OUTLINE[after].part if after >= 0 else None
    # Before the first heading, a bold title ("Kết quả thực hiện Tháng hành động...") is not
    # a heading for holding a label's first words.
    anchored = bool(kind) or (line.strong and after >= 0)
    # "1. Tổ chức hội thảo và treo pano." in I.2: a numbered sentence is a point of the prose,
    # a heading only under its own number.
    point = bool(number) and not rest and is_sentence_end(head)
    for position in range(after + 1, len(OUTLINE)):
        section = OUTLINE[position]
        if line.caption and section.key not in PARTS:
            continue  # "1. Tổ chức các hoạt động hưởng ứng" names its table, not "Kinh phí tổ chức"
        if section.key in PARTS:
            found = kind != "arabic" and _is_part_heading(section, head, line)
        elif current is None or section.part == current:
            found = _matches(section, head, anchored) and (number == section.number or not point)
        else:
            found = number == section.number and _matches(section, head, anchored)
        if found:
            return position, Heading(section, rest)
    return None


def _is_part_heading(section: Section, head: str, line: Line) -> bool:
    return section.words.issubset(_significant(head)) and (
        line.strong or head.isupper() or bool(_ROMAN_NUMBER.match(line.text))
    )


def _table_title(line: Line) -> str | None:
    """The key of the form's table whose title (or its first printed line: a PDF wraps it) this
    line is; "" for part III's own intro; None for any other line."""
    text = _significant(_strip_number(line.text))
    if " ".join(text).startswith(_PART_III_INTRO):
        return ""
    found = set(text)
    if len(found) < 5 or text[0] == "khong":  # "Không phát hành sản phẩm." says there is none
        return None
    return next(
        (
            spec.key
            for spec, title in zip(form.TABLES, TABLE_TITLES, strict=True)
            if len(title & found) >= 0.8 * min(len(title), len(found))
        ),
        None,
    )


def table_section(spec: form.TableSpec) -> str:
    """Where a table the document does not have would be, in the form's words (the document's
    own outline may have no part III): "bảng “Phát hành các sản phẩm truyền thông” của mẫu"."""
    return f"bảng “{spec.title.split(',')[0].strip()}” của mẫu"


def _title_place(title: Line, part_iii: bool) -> str:
    """Where a table's title is, in the document's own terms: "mục III.3" when the document has
    part III and numbers the title, else the title as the clerk typed it."""
    number = _ARABIC_NUMBER.match(title.text)
    if part_iii and number:
        return f"mục {_PART_III[0]}.{number.group(0).strip(' .):/-').split('.')[-1]}"
    text = " ".join(title.text.split())
    return f"đoạn “{text if len(text) <= 100 else text[:99] + '…'}”"


def _section_place(heading: Line, code: str) -> str:
    """Where a section is, in the document's own terms: "mục I.2" when its heading is numbered
    (the form's numbering, as the plan gives it), else the heading as the clerk typed it: a
    commune's "Nội dung hoạt động" has no "I.2" for the clerk to look for."""
    if _ROMAN_NUMBER.match(heading.text) or _ARABIC_NUMBER.match(heading.text):
        return f"mục {code}"
    text = " ".join(
        heading.text.split(":", 1)[0].split()
    )  # "Khó khăn: Địa bàn rộng." -> its heading
    return f"mục “{text if len(text) <= 80 else text[:79] + '…'}”"


def table_field(key: str) -> str:
    """The field holding the words written under a table's title (“Không phát hành sản phẩm.”)."""
    return f"table_text.{key}"


# -- sections ---------------------------------------------------------------------------------


@dataclass
class Body:
    """The body's lines sorted into sections, and the signature block's lines."""

    texts: dict[str, list[str]] = field(default_factory=dict)
    starts: dict[str, Line] = field(default_factory=dict)
    signature: list[str] = field(default_factory=list)


def split_body(lines: Sequence[Line]) -> Body:
    body = Body()
    position, current = -1, ""
    for index, line in enumerate(lines):
        found = find_heading(line, position)
        if found:
            position, heading = found
            current = heading.section.key
            body.starts.setdefault(current, line)
            body.texts.setdefault(current, [])
            if heading.rest:
                body.texts[current].append(heading.rest)
        elif position >= 0 and is_signature_start(line.text):
            body.signature = [item.text for item in lines[index:]]
            break
        elif position >= LAST_NARRATIVE and (table := _table_title(line)) is not None:
            # The narrative has ended; the words under a table's title say why it has no table.
            current = table_field(table) if table else ""
            if current:
                body.starts.setdefault(current, line)
                body.texts.setdefault(current, [])
        elif position >= 0 and "budget_text" not in body.texts and _is_budget_line(line.text):
            body.starts["budget_text"] = line
            body.texts["budget_text"] = [line.text]
        elif current and not line.caption and not _DECORATION.match(line.text):
            body.texts[current].append(line.text)
    if position < 0:  # no heading read: the signature is still the block at the end
        body.signature = _closing_block(lines)
    return body


def _closing_block(lines: Sequence[Line]) -> list[str]:
    """The last lines from a signature title on, in the second half of a document without
    headings (the first half holds the header block, whose "ỦY BAN NHÂN DÂN" is no signature)."""
    start = max(len(lines) // 2, len(lines) - 12, 1)
    index = next((i for i in range(start, len(lines)) if is_signature_start(lines[i].text)), None)
    return [line.text for line in lines[index:]] if index is not None else []


def is_signature_start(text: str) -> bool:
    key = loose_key(text)
    if key.startswith("noi nhan") or _SIGN_PREFIX.match(key):
        return True
    return (_is_title_line(text) and len(key.split()) <= 8) or _is_bare_title(text)


# A paragraph that is only a signer's title, in any case ("Giám đốc", "Phó Chủ tịch"): clerks
# who do not type the title in capitals still end the report with it.
_BARE_TITLE = re.compile(
    r"(?:pho )?(?:chu tich|giam doc|thu truong|truong ban|truong phong|bi thu|tong bien tap"
    r"|chi huy truong|chanh van phong|chu nhiem|phu trach)"
)


def _is_bare_title(text: str) -> bool:
    first = text.strip().split("\n")[0]
    return bool(_BARE_TITLE.fullmatch(loose_key(first)))


def _is_title_line(text: str) -> bool:
    key = f" {' '.join(words(text))} "
    if _SIGN_PREFIX.match(loose_key(text)):
        return True
    return text.isupper() and any(f" {title} " in key for title in _TITLE_WORDS)


def narrative_fields(body: Body, shown_page: bool) -> dict[str, TextField]:
    fields: dict[str, TextField] = {}
    for section in OUTLINE:
        if section.key in PARTS or section.key not in body.texts:
            continue
        start = body.starts[section.key]
        where = _section_place(start, section.code)
        if shown_page and start.page is not None:
            where = f"{where} (trang {start.page})"
        fields[section.key] = TextField("\n".join(body.texts[section.key]), where)
    return fields


# -- budget -----------------------------------------------------------------------------------


# A ";" inside brackets separates the parts of one amount's split, not two clauses.
_CLAUSE = re.compile(r";(?![^()]*\))|\s(?=[a-dđ]\)\s)")


def table_fields(body: Body, shown_page: bool) -> dict[str, TextField]:
    """The words under each table's title, at its title ("mục III.3"); none for a title
    followed directly by its table."""
    fields: dict[str, TextField] = {}
    for spec in form.TABLES:
        key = table_field(spec.key)
        if body.texts.get(key):
            start = body.starts[key]
            where = _title_place(start, _PART_III[0] in body.starts)
            if shown_page and start.page is not None:
                where = f"{where} (trang {start.page})"
            fields[key] = TextField("\n".join(body.texts[key]), where)
    return fields


def budget_fields(budget: TextField | None) -> dict[str, TextField]:
    """ "a) Ngân sách nhà nước: 25.000.000 đồng" -> budget_state "25.000.000 đồng", as written;
    "Tổng kinh phí 40 triệu đồng" -> budget_total (a total the clerk did not split); "4.000.000
    đồng (xã hội hóa)" -> budget_mobilized; "Không sử dụng kinh phí." -> 0 from both sources."""
    if budget is None:
        return {}
    found: dict[str, TextField] = {}
    clauses = [c.strip() for line in budget.value.split("\n") for c in _CLAUSE.split(line)]
    for index, clause in enumerate(clauses):
        sourced = _sourced_each(clause)
        for source, written in sourced.items():
            found.setdefault(source, TextField(written, budget.where))
        if sourced:
            continue
        key = " ".join(words(clause))
        target = _budget_target(key)
        if target is None and key.startswith("kinh phi") and has_amount(clause):
            target = "budget_total"  # "Kinh phí thực hiện: 15.000.000 đồng", not split
        if target is None or target in found:
            continue
        amount = _amount(clause) or _next_amount(clauses, index)
        if amount:
            found[target] = TextField(amount, budget.where)
    return found or _nothing_spent(budget)


def _nothing_spent(budget: TextField) -> dict[str, TextField]:
    """ "Không sử dụng kinh phí.", "Không có." as the section (with no amount): reported, 0 đồng
    from either source (a note such as "(Bảng tổng hợp số liệu kèm theo)" may follow)."""
    line = next((x for x in budget.value.split("\n") if states_none(x)), None)
    return {key: TextField(line.strip(), budget.where) for key in _SOURCES} if line else {}


def _is_budget_line(text: str) -> bool:
    """ "Kinh phí thực hiện: 15.000.000 đồng" typed outside a section I.3 the report lacks
    (often as a closing line): the agency's budget, not a sentence of the section it is in."""
    key = loose_key(text)
    return key.startswith("kinh phi") and len(key.split()) <= 12 and has_amount(text)


def has_amount(clause: str) -> bool:
    """An amount of money in the text: "15.000.000 đồng", "5 triệu"."""
    return bool(re.search(r"\d[\d.,]*\s*(?:triệu|nghìn|ngàn|tỷ|đồng|đ\b)", clause, re.IGNORECASE))


def _budget_target(key: str) -> str | None:
    if any(w in key for w in _STATE_WORDS):
        return "budget_state"
    if any(w in key for w in _MOBILIZED_WORDS):
        return "budget_mobilized"
    return "budget_total" if "tong" in key and "kinh phi" in key else None


_AMOUNT = re.compile(
    r"\d[\d.,]*(?:\s*(?:triệu|nghìn|ngàn|tỷ|tr\b))?(?:\s*(?:đồng|đ\b|vnđ|vnd))?", re.IGNORECASE
)


def _amount(clause: str) -> str:
    """The text after the label's colon, as written; else the first amount in the clause."""
    after = clause.rsplit(":", 1)[1].strip(" .;,") if ":" in clause else ""
    if after:
        return after
    match = _AMOUNT.search(clause)
    return match.group(0).strip(" .;,") if match else ""


_SOURCES = ("budget_state", "budget_mobilized")
# "4.000.000 đồng (ngân sách nhà nước)", "15.000.000 đồng (ngân sách nhà nước 10 triệu, xã hội
# hóa 5 triệu)", "2.000.000 đồng từ ngân sách xã": an amount and, after it, where it came from.
_SOURCED = re.compile(
    rf"(?P<label>[^\d()]*?)(?P<amount>{_AMOUNT.pattern})\s*"
    r"(?:\((?P<inner>[^()]*)\)|\btừ\s+(?P<origin>[^()\d]+?))\s*[.;,]?",
    re.IGNORECASE,
)
_PART = re.compile(r",\s+|;\s*|\s+và\s+", re.IGNORECASE)


def _sourced(clause: str) -> dict[str, str]:
    """The amounts of a clause that names its sources after the amount, by target field; {}
    when it does not (left to the labelled reading)."""
    found = _SOURCED.fullmatch(clause.strip())
    if not found:
        return {}
    amount = found["amount"].strip(" .;,")
    label = _budget_target(" ".join(words(found["label"])))
    if label in _SOURCES:  # "Ngân sách nhà nước: 5.000.000 đồng (từ ngân sách tỉnh)"
        return {label: amount}
    parts = _split(found["inner"]) if found["inner"] is not None else {}
    if parts:
        return {"budget_total": amount, **parts}
    source = _source(found["inner"] or found["origin"] or "")
    return {source or "budget_total": amount}


# "2.500.000 đồng (ngân sách nhà nước), 500.000 đồng (xã hội hóa)": two sourced amounts.
_AFTER_SOURCE = re.compile(r"(?<=\))\s*(?:,|;|\bvà\b)\s*", re.IGNORECASE)


def _sourced_each(clause: str) -> dict[str, str]:
    """`_sourced` of a clause, or of each of its sourced amounts when it lists several; {}
    unless every one names its source (each source once)."""
    parts = _AFTER_SOURCE.split(clause.strip())
    if len(parts) == 1:
        return _sourced(clause)
    found: dict[str, str] = {}
    for part in parts:
        one = _sourced(part)
        if not one or one.keys() & found.keys():
            return {}
        found |= one
    return found


def _split(inner: str) -> dict[str, str]:
    """ "ngân sách nhà nước 10 triệu, xã hội hóa 5 triệu" -> each source's amount; {} unless
    every part names one source (each once) and its amount."""
    parts: dict[str, str] = {}
    for part in _PART.split(inner.strip()):
        amount, source = _AMOUNT.search(part), _source(part)
        if amount is None or source is None or source in parts:
            return {}
        parts[source] = amount.group(0).strip(" .;,")
    return parts


def _source(text: str) -> str | None:
    """The source a phrase names: "xã hội hóa" mobilized; "ngân sách nhà nước", "ngân sách
    xã" (any level's budget) the state's."""
    key = " ".join(words(text))
    if any(w in key for w in _MOBILIZED_WORDS):
        return "budget_mobilized"
    if any(w in key for w in _STATE_WORDS) or "ngan sach" in key:
        return "budget_state"
    return None


def _next_amount(clauses: list[str], index: int) -> str:
    following = clauses[index + 1] if index + 1 < len(clauses) else ""
    key = loose_key(following)
    return following.strip(" .;,") if following[:1].isdigit() or key.startswith("khong") else ""


# -- header and signature ---------------------------------------------------------------------


def header_fields(header: Header, shown_page: bool) -> dict[str, TextField]:
    page = f"trang {header.page}, " if shown_page and header.page else ""
    left = [nfc(t) for t in header.left if not _DECORATION.match(t)]
    right = [nfc(t) for t in header.right if not _DECORATION.match(t)]
    fields: dict[str, TextField] = {}
    number_at = next((i for i, t in enumerate(left) if NUMBER_LINE.match(t)), None)
    agency = _body_lines(header.left)
    if agency:  # its lines: completeness.header_agency names the sender from them
        fields["agency_name"] = TextField("\n".join(agency), f"{page}phần đầu (góc trên bên trái)")
    if number_at is not None:
        match = NUMBER_LINE.match(left[number_at])
        assert match is not None
        fields["report_number"] = TextField(match.group(1).strip(), f"{page}phần đầu, dòng “Số”")
    date = _date_line(right) or _date_line(left)
    if date:
        fields["report_date"] = TextField(date, f"{page}dòng ngày tháng")
    return fields


# The rest of a date line wrapped by a narrow column: "2021", "năm 2021", "12 năm 2021" (a PDF
# of a header table whose right column is too narrow for "…, ngày 14 tháng 12 năm 2021").
_YEAR_REST = re.compile(r"\s*(?:(?:thang\s*)?\d{1,2}\s+)?(?:nam\s*)?\d{4}\s*")


def _date_line(lines: list[str]) -> str:
    """The place-and-date line; a year wrapped onto the next line (a narrow column) rejoined."""
    for index, text in enumerate(lines):
        if _DATE_LINE.search(loose_key(text)):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            wrapped = not re.search(r"\d{4}", text) and _YEAR_REST.fullmatch(loose_key(following))
            return f"{text} {following}" if wrapped else text
    return ""


_PLACE_DATE = re.compile(r"^(?:[^,\d]{2,40},\s*)?ngay\b")


def _date_below_header(lines: Sequence[Line]) -> dict[str, TextField]:
    """The place-and-date line typed under the header block rather than in it."""
    for line in lines[:15]:
        key = fold(line.text)  # keeps the comma after the place name
        if _PLACE_DATE.match(key) and _DATE_LINE.search(key):
            where = f"dòng ngày tháng (trang {line.page})" if line.page else "dòng ngày tháng"
            return {"report_date": TextField(line.text, where)}
    return {}


def _body_lines(column: list[str]) -> list[str]:
    """The left column's lines above "Số" (its first three without one), a placeholder kept;
    a line "V/v ..." (the subject) is not the issuing body's."""
    kept = [nfc(t) for t in column if not _DECORATION.match(t) or PLACEHOLDER.search(t)]
    number_at = next((i for i, t in enumerate(kept) if NUMBER_LINE.match(t)), None)
    kept = kept[:number_at] if number_at is not None else kept[:3]
    return [t for t in kept if not loose_key(t).startswith("v/v")]


def header_from_lines(lines: Sequence[Line]) -> tuple[Header, int]:
    """A header typed as paragraphs (no table): the lines before the title "BÁO CÁO", the
    first heading or the first sentence; a tab or a run of spaces separates the two columns."""
    header = Header(page=lines[0].page if lines else None)
    for index, line in enumerate(lines[:12]):
        if ends_header(line) or _is_sentence(line.text):
            return header, index
        columns = [c for c in re.split(r"\t+|\s{3,}", line.text) if c.strip()]
        for position, column in enumerate(columns):
            right = position > 0 or _is_right_column(column)
            (header.right if right else header.left).append(column.strip())
    return header, 0


def _is_sentence(text: str) -> bool:
    return (text.rstrip().endswith(".") and len(text.split()) > 4) or len(text.split()) > 16


def ends_header(line: Line) -> bool:
    """The title "BÁO CÁO" (alone, or "BÁO CÁO KẾT QUẢ..." in capitals) or a first heading."""
    key = loose_key(line.text)
    title = key == "bao cao" or (key.startswith("bao cao ") and line.text.isupper())
    return title or find_heading(line, -1) is not None


def _is_right_column(text: str) -> bool:
    key = loose_key(text)
    return key.startswith(("cong hoa", "doc lap")) or bool(_DATE_LINE.search(key))


def signature_fields(lines: Iterable[str], where: str) -> dict[str, TextField]:
    """Title lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") then the name."""
    # A line of two columns (Nơi nhận on the left, the signature on the right): the right one.
    kept = [nfc(t.split("\t")[-1]) for t in lines if _is_signature_text(t.split("\t")[-1])]
    if not kept:
        return {}
    name = kept[-1] if not _is_title_line(kept[-1]) and len(kept[-1].split()) <= 7 else ""
    titles = kept[:-1] if name else kept
    fields: dict[str, TextField] = {}
    if titles:
        fields["signer_title"] = TextField(titles[-1], where)
    if len(titles) > 1:
        fields["signer_authority"] = TextField(" / ".join(titles[:-1]), where)
    if name:
        fields["signer_name"] = TextField(name, where)
    return fields


def _is_signature_text(text: str) -> bool:
    key = loose_key(text)
    stripped = text.strip()
    return not (
        _DECORATION.match(text)
        or stripped.startswith(("(", "-", "+", "•"))
        or key.startswith(("noi nhan", "luu", "da ky"))
        or stripped.endswith(";")
    )


# Lines "Label: value" for the form's own header fields (a form retyped in Word).
_LABELLED = tuple(
    (loose_key(f.label), f)
    for f in form.INFO_FIELDS
    if f.kind in (form.FieldKind.TEXT, form.FieldKind.DATE)
)


def labelled_fields(lines: Iterable[Line]) -> dict[str, TextField]:
    """ "Tên đơn vị báo cáo: ...", "Ngày báo cáo: ...", "Họ và tên người ký: ..." anywhere:
    the value as the clerk wrote it beside the form's own label (the first one found)."""
    found: dict[str, TextField] = {}
    for line in lines:
        head, colon, value = line.text.partition(":")
        if not colon or not value.strip():
            continue
        key = loose_key(head)
        for label, info in _LABELLED:
            if key == label and info.key not in found:
                where = f"dòng “{info.label}”"
                where = f"{where} (trang {line.page})" if line.page else where
                found[info.key] = TextField(value.strip(), where)
    return found


def assemble(
    header: Header, lines: Sequence[Line], signature: Sequence[str], shown_page: bool
) -> dict[str, TextField]:
    """Every field the outline gives, keyed as form.INFO_FIELDS (plus budget_text,
    signer_authority and each table's `table_field`); a field not found is absent."""
    fields = header_fields(header, shown_page)
    if "report_date" not in fields:
        fields.update(_date_below_header(lines))
    body = split_body(lines)
    fields.update(narrative_fields(body, shown_page))
    fields.update(table_fields(body, shown_page))
    fields.update(budget_fields(fields.get("budget_text")))
    where = "phần chữ ký"
    if shown_page and lines and lines[-1].page:
        where = f"{where} (trang {lines[-1].page})"
    fields.update(signature_fields(body.signature or signature, where))
    fields.update(labelled_fields(lines))  # the clerk's own labels say what each value is
    return fields
