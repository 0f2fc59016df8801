"""Who has answered: ONE computation, used by validate, the reports, the summary and --json.

Every roster agency gets exactly one status; every checked file belongs to one agency or is
listed as not recognised. Pure computation over the validation results: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path, PurePosixPath
from typing import Any

from thanghanhdong import messages
from thanghanhdong.config import Agency, Campaign
from thanghanhdong.model import FileResult
from thanghanhdong.text import PLACEHOLDER, loose_key


class State(str, Enum):
    ON_TIME = "on_time"
    LATE = "late"
    UNDATED = "undated"  # received, but no readable report date: neither on time nor late
    UNUSABLE = "unusable"  # answered, but no file of it can be used (the reason says why)
    MISSING = "missing"
    AUTHOR = "author"  # the issuing body itself, which writes the report: never "missing"
    SCANNED = "scanned"  # answered with a picture or a scanned PDF: its figures to be typed in
    # Sent nothing itself, but its answer is in another roster agency's roll-up (a commune
    # in its district's consolidation): answered through it, its figures counted there once.
    COVERED = "covered"

    @property
    def answered(self) -> bool:
        return self not in (State.MISSING, State.AUTHOR)

    @property
    def usable(self) -> bool:
        return self in (State.ON_TIME, State.LATE, State.UNDATED)


@dataclass(frozen=True)
class AgencyStatus:
    """Where one roster agency stands, and the files it sent."""

    agency: Agency
    state: State
    files: tuple[Path, ...] = ()
    used: Path | None = None  # the file consolidated
    report_date: date | None = None
    reason: str = ""  # for UNUSABLE: in words, for the signed report (no file, sheet or cell)
    # For UNUSABLE: its first errors with their places in its own report, for the reminder
    # (messages.for_agency), and how many more there are.
    problems: tuple[str, ...] = ()
    more_problems: int = 0
    through: str = ""  # for COVERED: the name of the agency whose roll-up contains its answer
    # For a usable answer: what the signed Phụ lục II notes of it (a resubmission's earlier
    # versions set aside, by date).
    note: str = ""

    @property
    def code(self) -> str:
        return self.agency.code

    @property
    def name(self) -> str:
        return self.agency.name

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "state": self.state.value,
            "files": [str(p) for p in self.files],
            "used": str(self.used) if self.used else None,
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "reason": self.reason,
            "problems": list(self.problems),
            "more_problems": self.more_problems,
            "through": self.through,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], campaign: Campaign) -> AgencyStatus:
        code, name = str(data["code"]), str(data["name"])
        agency = campaign.agency(code) or Agency(code=code, name=name)
        used, day = data.get("used"), data.get("report_date")
        return cls(
            agency,
            State(data["state"]),
            tuple(Path(p) for p in data.get("files", [])),
            Path(used) if used else None,
            date.fromisoformat(day) if day else None,
            str(data.get("reason", "")),
            tuple(str(p) for p in data.get("problems", [])),
            int(data.get("more_problems", 0)),
            str(data.get("through", "")),
            str(data.get("note", "")),
        )


@dataclass(frozen=True)
class Completeness:
    expected: int  # roster agencies that must answer (the issuing body excepted)
    entries: list[AgencyStatus]  # one per roster agency, roster order
    unrecognised: list[Path] = field(default_factory=list)  # files of no roster agency
    # With an `as_of` date (the reminder's): answers dated after it, not counted as received.
    after: list[Path] = field(default_factory=list)

    def with_state(self, *states: State) -> list[AgencyStatus]:
        return [e for e in self.entries if e.state in states]

    @property
    def answered(self) -> list[AgencyStatus]:
        return [e for e in self.entries if e.state.answered]

    @property
    def usable(self) -> list[AgencyStatus]:
        return [e for e in self.entries if e.state.usable]

    @property
    def missing(self) -> list[AgencyStatus]:
        return self.with_state(State.MISSING)

    @property
    def unusable(self) -> list[AgencyStatus]:
        return self.with_state(State.UNUSABLE)

    @property
    def covered(self) -> list[AgencyStatus]:
        return self.with_state(State.COVERED)

    def counts(self) -> dict[str, int]:
        counts = {state.value: len(self.with_state(state)) for state in State}
        return {"expected": self.expected, "answered": len(self.answered), **counts}

    def to_json(self) -> dict[str, Any]:
        return {
            **self.counts(),
            "agencies": [e.to_json() for e in self.entries],
            "unrecognised": [str(p) for p in self.unrecognised],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], campaign: Campaign) -> Completeness:
        """Back from `to_json`; agencies are taken from `campaign`'s roster where it has them."""
        return cls(
            int(data["expected"]),
            [AgencyStatus.from_json(e, campaign) for e in data.get("agencies", [])],
            [Path(p) for p in data.get("unrecognised", [])],
        )


def resolve_agency(campaign: Campaign, code: str | None, name: str | None) -> Agency | None:
    """THE way a file is attributed to a roster agency: by the form's code, else by the name
    typed in it (a form of another campaign or a retyped one may carry only a name)."""
    agency = campaign.agency(code) if code else None
    if agency is None and name:
        agency = campaign.agency_by_name(name)
    return agency


def agency_from_file_name(campaign: Campaign, name: str) -> Agency | None:
    """The roster agency a file name speaks of, loosely: "So Y te - bao cao.pdf",
    "2021_syt_so-y-te.pdf", "BC SYT.jpg". The longest name found wins; a code counts as a word."""
    stem = PurePosixPath(name).stem.replace("_", " ").replace(".", " ")
    padded = f" {loose_key(_split_camel_case(stem))} "
    place = loose_key(campaign.issuer.place)
    found: list[tuple[int, Agency]] = []
    for agency in campaign.agencies:
        if key := _named_in(padded, agency, place) or _short_name_in(padded, agency):
            found.append((len(key), agency))
        elif f" {agency.code.lower()} " in padded:
            found.append((len(agency.code), agency))
    # "Kính gửi Sở LĐ-TB&XH - BC Hội Nông dân tỉnh": the issuing body named beside another is
    # the addressee.
    issuer = issuer_agency(campaign)
    found = [pair for pair in found if pair[1] is not issuer] or found
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _named_in(padded: str, agency: Agency, place: str) -> str:
    """The agency's key when the file name holds it ("" when not). A People's Committee is
    matched by its place alone ("ba be"), so that place must not belong to another body of it
    ("Hội LHPN huyện Ba Bể", "Trung tâm Y tế huyện Ba Bể"), nor be the province ("tỉnh Bắc
    Kạn" is not "UBND thành phố Bắc Kạn": there its kind must be named)."""
    key = _COMMUNE.sub("", loose_key(agency.name, agency=True))  # "Yen Son.jpg" is xã Yên Sơn's
    if not key or f" {key} " not in padded:
        return ""
    if key == loose_key(agency.name):
        return key
    before = padded[: padded.index(f" {key} ")]
    if key == place and not re.search(rf" {_UNIT_WORDS}$", before):
        return ""
    return "" if re.search(rf" {_OTHER_BODIES} ", f"{before} ") else key


def _short_name_in(padded: str, agency: Agency) -> str:
    """A provincial body's name as clerks shorten it in a file name ("" when not there): without
    "tỉnh" ("Hoi Nong dan.rar" is Hội Nông dân tỉnh's), or its head word and the initials of the
    rest ("So KHCN", "Hoi LHPN", "So LD-TB&XH" for Sở Lao động - Thương binh và Xã hội); never
    when a district or commune follows ("Hoi Nong dan huyen Ba Be" is another body)."""
    words = loose_key(agency.name).split()
    if words[-1:] == ["tinh"]:
        words = words[:-1]
    if len(words) < 2:
        return ""
    whole = " ".join(words)
    if whole != loose_key(agency.name) and _named_here(padded, f" {whole} "):
        return whole
    if words[0] not in _HEAD_WORDS:
        return ""
    initials = "".join(w[0] for w in words[1:] if w != "va")
    if len(initials) < 2:
        return ""
    head = f" {words[0]} "
    at = padded.find(head)
    while at >= 0:
        typed, rest = "", padded[at + len(head) :].split()
        for count, token in enumerate(rest, 1):
            typed += token.replace("&", "")
            if len(typed) >= len(initials):
                if typed == initials and _no_place_after(" ".join(rest[count:])):
                    return f"{words[0]} {initials}"
                break
        at = padded.find(head, at + 1)
    return ""


_HEAD_WORDS = frozenset({"so", "ban", "hoi"})


def _named_here(padded: str, key: str) -> bool:
    at = padded.find(key)
    return at >= 0 and _no_place_after(padded[at + len(key) :])


def _no_place_after(text: str) -> bool:
    return re.match(rf"\s*{_UNIT_WORDS}\b", text) is None


_UNIT_WORDS = r"(?:ubnd|uy ban nhan dan|thanh pho|tp|thi xa|huyen|quan|xa|phuong|thi tran)"
_COMMUNE = re.compile(r"^(?:xa|phuong|thi tran) (?=\S)")
# Bodies at a district's or commune's level that are not its People's Committee.
_OTHER_BODIES = (
    r"(?:hoi|trung tam|ban|vuon|truong|benh vien|cong an|doan|chi cuc|hat|doi|tram|kho bac|"
    r"toa an|vien kiem sat|chi nhanh|ngan hang|cong ty|hop tac xa|mat tran|lien doan|dang uy|"
    r"huyen uy|thi uy|thanh uy|dai|thu vien|nha van hoa|buu dien|chi hoi|cong doan)"
)


def agency_by_address(campaign: Campaign, addresses: Sequence[str]) -> tuple[str, Agency] | None:
    """The roster agency whose `email` is one of a mail's sender addresses (the first found,
    From before Sender and Reply-To), exactly, case aside, with that address: never a guess
    from a display name. A roster e-mail may list several addresses ("a@x.vn; b@x.vn")."""
    for address in addresses:
        for agency in campaign.agencies:
            if address.lower() in email_addresses(agency.email):
                return address.lower(), agency
    return None


def email_addresses(email: str) -> set[str]:
    """The addresses of a thd.toml `email` ("a@x.vn; b@x.vn"), lower-case."""
    return {a.strip().lower() for a in re.split(r"[;,\s]+", email) if "@" in a}


def _split_camel_case(stem: str) -> str:
    """ "BC_SoTuPhap" -> "BC So Tu Phap", "BCSởTưPháp" too: a capital after a small letter starts
    a word. (Not a regex range: À-Ỹ holds Vietnamese small letters as well, so "Báo" split.)"""
    letters = unicodedata.normalize("NFC", stem)
    return "".join(
        f" {letter}" if letter.isupper() and i and letters[i - 1].islower() else letter
        for i, letter in enumerate(letters)
    )


def issuer_agency(campaign: Campaign) -> Agency | None:
    """The roster entry of the body that writes the report, if it is on its own roster."""
    wanted = loose_key(campaign.issuer.name, agency=True)
    return next((a for a in campaign.agencies if loose_key(a.name, agency=True) == wanted), None)


def answer_date(result: FileResult) -> date | None:
    """When an answer reached the issuing body: its e-mail's date, else the date typed in it."""
    submission = result.submission
    return (submission.received or submission.report_date) if submission else None


def compute(
    campaign: Campaign, results: Sequence[FileResult], as_of: date | None = None
) -> Completeness:
    """Who has answered; with `as_of` (a letter's date), as at that date: an answer received
    or dated after it had not arrived yet (an undated one is counted: nothing says otherwise)."""
    by_agency: dict[str, list[FileResult]] = {}
    unrecognised, after = [], []
    for result in results:
        if result.not_a_report:
            continue  # a class list or another office's form: no agency's answer
        day = answer_date(result)
        if as_of is not None and day is not None and day > as_of:
            after.append(result.path)
            continue
        agency = resolve_agency(campaign, result.agency_code, result.agency_name)
        if agency is None:
            unrecognised.append(result.path)
        else:
            by_agency.setdefault(agency.code, []).append(result)
    author = issuer_agency(campaign)
    entries = [_status(a, by_agency.get(a.code, []), a is author) for a in campaign.agencies]
    entries = _covered(campaign, entries, results)
    expected = len(entries) - sum(e.state is State.AUTHOR for e in entries)
    return Completeness(expected, entries, unrecognised, after)


def _status(agency: Agency, results: list[FileResult], is_author: bool) -> AgencyStatus:
    files = tuple(r.path for r in results)
    usable = _one_answer([r for r in results if r.ok])
    if len(usable) == 1:
        submission = usable[0].submission
        assert submission is not None
        return AgencyStatus(
            agency,
            _timeliness(usable[0]),
            files,
            usable[0].path,
            submission.report_date,
            note=usable[0].set_aside_note,
        )
    if results and all(r.scanned and not r.errors for r in results):
        reason = "Đã gửi bản PDF/ảnh, cần nhập số liệu."
        return AgencyStatus(agency, State.SCANNED, files, reason=reason)
    if results:
        problems = _problems(results)
        return AgencyStatus(
            agency,
            State.UNUSABLE,
            files,
            report_date=_read_date(results),
            reason=unusable_reason(results),
            problems=problems[:LETTER_PROBLEMS],
            more_problems=max(len(problems) - LETTER_PROBLEMS, 0),
        )
    return AgencyStatus(agency, State.AUTHOR if is_author else State.MISSING)


def _read_date(results: list[FileResult]) -> date | None:
    """The latest date read in answers that cannot be used: the signer still sees whether the
    agency answered on time (Phụ lục II)."""
    return max(
        (r.submission.report_date for r in results if r.submission and r.submission.report_date),
        default=None,
    )


def _one_answer(usable: list[FileResult]) -> list[FileResult]:
    """A data file used together with the agency's own form, which adds the agency's own
    figures the data file lacks (answers._join), is one answer: the data file's."""
    rollups = [r for r in usable if r.kind == "rollup"]
    return rollups if len(rollups) == 1 and len(usable) == 2 else usable


def _covered(
    campaign: Campaign, entries: list[AgencyStatus], results: Sequence[FileResult]
) -> list[AgencyStatus]:
    """Agencies that sent nothing themselves but are inside a used roll-up: covered by it.
    One that sent its own answer keeps it (the overlap is rollup_overlap's error)."""
    used = {e.used: e for e in entries if e.used is not None}
    through: dict[str, AgencyStatus] = {}
    for result in results:
        rollup = used.get(result.path)
        if rollup is None or result.submission is None:
            continue
        for name in result.submission.covers:
            agency = campaign.agency_by_name(name)
            if agency is not None and agency.code != rollup.code:
                through.setdefault(agency.code, rollup)
    return [_through(e, through[e.code]) if e.code in through else e for e in entries]


def _through(entry: AgencyStatus, rollup: AgencyStatus) -> AgencyStatus:
    if entry.state is not State.MISSING:
        return entry
    reason = f"Có trong báo cáo tổng hợp của {rollup.name}."
    return AgencyStatus(entry.agency, State.COVERED, reason=reason, through=rollup.name)


def _timeliness(result: FileResult) -> State:
    """On time only when a date shows it: the report's own, or the e-mail's that brought it
    (the receipt date the deadline is about); neither proves nothing."""
    submission = result.submission
    assert submission is not None
    if submission.late:
        return State.LATE
    dated = submission.report_date is not None or submission.received is not None
    return State.ON_TIME if dated else State.UNDATED


def unusable_reason(results: Sequence[FileResult]) -> str:
    """Why none of an agency's files is used, in words for the signed report: its first
    problem as the reminder words it, never where (files, sheets and cells do not belong in
    it), and how many others."""
    errors = [issue for result in results for issue in result.errors]
    if not errors:
        return "Không đọc được báo cáo."
    reasons = list(dict.fromkeys(messages.problem(i.code, i.message) for i in errors))
    text = reasons[0]
    if len(reasons) > 1:
        text += f" và {len(reasons) - 1} lỗi khác"
    return text + "."


# The reminder names this many problems of an agency's answer, then counts the others.
LETTER_PROBLEMS = 2


def _problems(results: Sequence[FileResult]) -> tuple[str, ...]:
    """Every distinct error of an agency's files, in the reminder's words, in order."""
    lines = (
        messages.for_agency(point.issue, point.count)
        for result in results
        for point in messages.runs(result.errors)
    )
    return tuple(dict.fromkeys(lines))


# -- the sender named by an ND30 header ------------------------------------------------------

# The province's own bodies: above an agency's line, never an agency answering the province.
_PROVINCE_BODY = re.compile(r"^(?:(?:ubnd|uy ban nhan dan) tinh|tinh uy)\b")
_RULE_LINE = re.compile(r"^[\s\-_=*~–—]*$")  # the rule under the name, or a blank line
# Where the header block ends: the number line, the title, a table's title or header row
# ("Biểu 1. Kết quả ...", "STT"), an addressee line: nothing under them names the sender.
_NUMBER_OR_TITLE = re.compile(
    r"^(?:so\s*\d|so \S*/|bao cao\b|bieu\b|bang\b|stt\b|ket qua\b|tong hop\b|kinh gui\b)"
)
_OTHER_COLUMN = ("cong hoa", "doc lap")  # the national motto, read with the left block


@dataclass(frozen=True)
class HeaderAgency:
    """The roster agency an ND30 header names, else why not: `unknown` is the header's line
    of a unit the roster does not have ("" when the header names no agency)."""

    agency: Agency | None
    unknown: str = ""
    under_roster_agency: bool = False  # that unit sits under a roster agency's line


def header_agency(
    campaign: Campaign, lines: Sequence[str], *, blanks_read: bool = True
) -> HeaderAgency:
    """THE sender of an ND30 header, its lines top to bottom: the lowest line naming a roster
    agency, unless a line under it names a unit the roster lacks; an agency line left to fill
    ("……", "SỞ ……") under the parent names nobody. The parent line alone is the agency when
    the roster holds it (a ministry's roster of provinces), except the issuer's own parent in a
    document whose blank paragraphs are not read (`blanks_read` False): there it heads an
    agency line left blank more often than it reports itself."""
    block = _header_block(lines)
    if not block or PLACEHOLDER.search(block[-1]):
        return HeaderAgency(None)  # the agency's line left to fill: the parent never stands in
    named = [t for t in block if not PLACEHOLDER.search(t)]
    found = _roster_lines(campaign, named)
    if not found:
        while len(named) > 1 and _is_parent(campaign, named[0]):
            named = named[1:]
        alone = len(named) == 1 and _is_parent(campaign, named[0])
        return HeaderAgency(None, "" if alone else " ".join(named))
    end, agency = found[-1]
    if named[end:] and not _committee_office(campaign, agency, " ".join(named[end:])):
        return HeaderAgency(None, " ".join(named[end:]), under_roster_agency=True)
    if not blanks_read and _is_own_parent(campaign, " ".join(named)):
        return HeaderAgency(None)
    return HeaderAgency(agency)


def _committee_office(campaign: Campaign, committee: Agency, line: str) -> bool:
    """The roster's People's Committee is the sender when the line under it is its own office,
    which prepares and signs its report (trial 9, F1): a Sở under UBND tỉnh ("UBND TỈNH BẮC
    NINH / SỞ NỘI VỤ"), a Phòng or the Văn phòng under UBND huyện, the Văn phòng or a công chức
    under UBND xã. Not when that line, with the committee's place, is another roster agency
    ("Phòng LĐ-TB&XH huyện Ba Bể" on the roster itself), nor a Party office ("VĂN PHÒNG HUYỆN
    ỦY"); a unit under a body that is no People's Committee ("SỞ Y TẾ / TRUNG TÂM Y TẾ ...")
    never reaches here as the committee."""
    kind = _COMMITTEE.match(loose_key(committee.name))
    office = loose_key(line)
    if kind is None or _PARTY_OFFICE.match(office):
        return False
    heads = _OFFICES[kind.group(1)]
    if not any(office == head or office.startswith(f"{head} ") for head in heads):
        return False
    place = committee.name.split(None, 1)[1] if " " in committee.name else ""
    other = campaign.agency_by_name(f"{line} {place}") if place else None
    return other is None or other is committee


_COMMITTEE = re.compile(
    r"^(?:ubnd|uy ban nhan dan) (tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)"
    r"\b"
)
_DISTRICT_OFFICES = ("phong", "van phong")
_COMMUNE_OFFICES = ("van phong", "cong chuc")
# A committee's kind -> the head words of its own offices' lines. "Thành phố" is a province's
# (Hà Nội: Sở) or a district's (Phòng) committee.
_OFFICES = {
    "tinh": ("so", "van phong"),
    "thanh pho": ("so", *_DISTRICT_OFFICES),
    "tp": ("so", *_DISTRICT_OFFICES),
    **dict.fromkeys(("huyen", "quan", "thi xa"), _DISTRICT_OFFICES),
    **dict.fromkeys(("xa", "phuong", "thi tran", "dac khu"), _COMMUNE_OFFICES),
}
_PARTY_OFFICE = re.compile(r"^van phong (?:tinh|huyen|thanh|thi|quan|dang) uy\b")


def _header_block(lines: Sequence[str]) -> list[str]:
    """The top-left block's lines above the first labelled line ("Số:", "Ngày báo cáo:") or
    the title, at most four; the rule under the name and blank lines dropped."""
    block: list[str] = []
    for line in lines:
        key = loose_key(line)
        if ":" in line or _NUMBER_OR_TITLE.match(key) or len(block) == 4:
            break
        motto = key.startswith(("v/v", *_OTHER_COLUMN)) or _motto_tail(key)
        if not _RULE_LINE.match(line) and not motto:
            block.append(line.strip())
    return block


_MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc")


def _motto_tail(key: str) -> bool:
    """The end of the national motto wrapped under the agency's line ("VIỆT NAM", "phúc"): a
    header typed as two tab-separated columns, whose right column wrapped to the left margin."""
    words = key.replace("-", " ").split()
    tail = " ".join(words)
    return bool(words) and any(m == tail or m.endswith(f" {tail}") for m in _MOTTO)


def _roster_lines(campaign: Campaign, named: list[str]) -> list[tuple[int, Agency]]:
    """(the index after each roster agency's line, the agency); a name broken over two lines
    ("ỦY BAN NHÂN DÂN" / "HUYỆN BA BỂ") is read joined."""
    found: list[tuple[int, Agency]] = []
    for index, line in enumerate(named):
        if agency := campaign.agency_by_name(line):
            found.append((index + 1, agency))
        elif (
            index + 1 < len(named)
            and not campaign.agency_by_name(named[index + 1])
            and (agency := campaign.agency_by_name(f"{line} {named[index + 1]}"))
        ):
            found.append((index + 2, agency))
    return found


def _is_own_parent(campaign: Campaign, line: str) -> bool:
    parent = loose_key(campaign.issuer.parent, agency=True)
    return bool(parent) and loose_key(line, agency=True) == parent


def _is_parent(campaign: Campaign, line: str) -> bool:
    """The issuer's parent, or a province's People's Committee or Party committee."""
    return _is_own_parent(campaign, line) or bool(_PROVINCE_BODY.match(loose_key(line)))
