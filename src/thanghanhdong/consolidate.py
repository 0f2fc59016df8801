"""[Submission] -> Consolidation: the three tables merged, totals, budget, completeness, narratives.

Pure computation: no I/O, no printing. Item names and levels are matched to the campaign's
catalogues loosely (case, spacing, diacritics) and shown with the catalogue's spelling; names that
match nothing keep a row of their own. Every input row lands in exactly one consolidated row, so
the report's sums equal the sums of what the agencies sent (conservation).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from thanghanhdong import form
from thanghanhdong.completeness import Completeness
from thanghanhdong.config import Campaign
from thanghanhdong.model import DataFileError, FileResult, Row, Submission
from thanghanhdong.readers import rollup
from thanghanhdong.text import loose_key


class Figures(Mapping[str, int]):
    """The summed number columns of one row, level, table or agency, keyed by
    `form.Column.key`; `count`, `male` and `female` are the ones the sentences speak of."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, int] | None = None, **named: int) -> None:
        self._values: dict[str, int] = {**(values or {}), **named}

    def __getitem__(self, key: str) -> int:
        return self._values.get(key, 0)

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Figures):
            return NotImplemented
        keys = self._values.keys() | other._values.keys()
        return all(self[k] == other[k] for k in keys)

    def __hash__(self) -> int:
        return hash(tuple(sorted((k, v) for k, v in self._values.items() if v)))

    def __repr__(self) -> str:
        return f"Figures({self._values!r})"

    @property
    def count(self) -> int:
        return self[form.COUNT]

    @property
    def male(self) -> int:
        return self[form.MALE]

    @property
    def female(self) -> int:
        return self[form.FEMALE]

    @property
    def total(self) -> int:
        return self.male + self.female

    @property
    def female_share(self) -> float | None:
        """Women among the people counted, in percent; None when nobody was counted."""
        return 100 * self.female / self.total if self.total else None

    def __add__(self, other: Mapping[str, int]) -> Figures:
        summed = dict(self._values)
        for key, value in other.items():
            summed[key] = summed.get(key, 0) + value
        return Figures(summed)

    @classmethod
    def zero(cls, spec: form.TableSpec) -> Figures:
        """Every number column of `spec` at 0: what a table with nothing in it shows."""
        return cls({key: 0 for key in spec.number_keys})

    @classmethod
    def of(cls, spec: form.TableSpec, rows: Iterable[Row]) -> Figures:
        total = cls.zero(spec)
        for row in rows:
            total = total + row.figures
        return total

    @classmethod
    def from_json(cls, spec: form.TableSpec, data: Mapping[str, Any]) -> Figures:
        """The number columns of `spec` back from `to_json` (derived keys dropped)."""
        return cls({key: int(data.get(key, 0)) for key in spec.number_keys})

    def to_json(self) -> dict[str, Any]:
        share = self.female_share
        return {
            **self._values,
            "total": self.total,
            "female_share": None if share is None else round(share, 1),
        }


MISSING = "missing"  # no row summed into a figure gave it: the figure is unknown, not 0
PARTIAL = "partial"  # some rows gave it, some left it blank: the sum is a lower bound


@dataclass(frozen=True)
class Gaps:
    """Which number columns the rows summed into one figure gave and which some left blank
    (validate's `blank_figures`). Kept beside `Figures`, which count a blank as 0, so the
    signed tables can show "not given" instead of a 0 the agency never wrote."""

    given: frozenset[str] = frozenset()
    blank: frozenset[str] = frozenset()

    @classmethod
    def of_row(cls, spec: form.TableSpec, row: Row) -> Gaps:
        blank = frozenset(row.blank)
        return _shared_gaps(frozenset(spec.number_keys) - blank, blank | frozenset(row.partial))

    @classmethod
    def of(cls, spec: form.TableSpec, rows: Iterable[Row]) -> Gaps:
        return sum((cls.of_row(spec, r) for r in rows), cls())

    def __add__(self, other: Gaps) -> Gaps:
        return _shared_gaps(self.given | other.given, self.blank | other.blank)

    def to_json(self, spec: form.TableSpec) -> dict[str, list[str]]:
        """The number columns no row gave ("blank": "—" in the signed tables; the data file's
        figure for them is 0, which the level above must not take as given) and those only some
        rows gave ("partial": "1.234*", a lower bound), when there are."""
        found = {
            name: [key for key in spec.number_keys if self.state(key) == state]
            for name, state in (("blank", MISSING), ("partial", PARTIAL))
        }
        return {name: keys for name, keys in found.items() if keys}

    @classmethod
    def from_json(cls, spec: form.TableSpec, data: Mapping[str, Any]) -> Gaps:
        blank, partial = (
            frozenset(k for k in data.get(name, ()) if k in spec.number_keys)
            for name in ("blank", "partial")
        )
        if not blank and not partial:
            return NO_GAPS
        return _shared_gaps(frozenset(spec.number_keys) - blank, blank | partial)

    def state(self, *keys: str) -> str | None:
        """MISSING, PARTIAL or None (every row gave it) for the figure summing `keys`."""
        if not any(k in self.blank for k in keys):
            return None
        return PARTIAL if any(k in self.given for k in keys) else MISSING


NO_GAPS = Gaps()  # every row gave every figure


@functools.lru_cache(maxsize=1024)
def _shared_gaps(given: frozenset[str], blank: frozenset[str]) -> Gaps:
    """One object per combination: an agency's every table holds one (10,000 agencies: 25 MB of
    identical frozensets otherwise)."""
    return Gaps(given, blank)


@dataclass(frozen=True)
class Budget:
    """Funds in whole VND. `unsplit` is what was reported as a total only (never guessed into
    a source); `reported` is False when no budget was written at all (not the same as 0)."""

    state: int = 0
    mobilized: int = 0
    unsplit: int = 0
    reported: bool = True

    @property
    def total(self) -> int:
        return self.state + self.mobilized + self.unsplit

    def __add__(self, other: Budget) -> Budget:
        return Budget(
            self.state + other.state,
            self.mobilized + other.mobilized,
            self.unsplit + other.unsplit,
            self.reported or other.reported,
        )

    def to_json(self) -> dict[str, Any]:
        # The keys an older data file has, the others only when they say something.
        found: dict[str, Any] = {"state": self.state, "mobilized": self.mobilized}
        if self.unsplit:
            found["unsplit"] = self.unsplit
        if not self.reported:
            found["reported"] = False
        return found

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Budget:
        return cls(
            int(data.get("state", 0)),
            int(data.get("mobilized", 0)),
            int(data.get("unsplit", 0)),
            bool(data.get("reported", True)),
        )

    @classmethod
    def of(cls, submission: Submission) -> Budget:
        return cls(
            submission.budget_state,
            submission.budget_mobilized,
            submission.budget_unsplit,
            submission.budget_reported,
        )


NOT_REPORTED = Budget(reported=False)  # the start of a sum: reported when one part was


@dataclass(frozen=True)
class ConsolidatedRow:
    item: str  # the catalogue's spelling, or the first spelling met for an unmatched name
    level: str
    matched: bool  # the item is in the campaign's catalogue
    figures: Figures
    agencies: tuple[str, ...]  # codes of the agencies that reported it, in roster order
    gaps: Gaps = NO_GAPS  # in the data file: the columns no row gave ("blank")
    # Each agency's own part of the row, (count, people), in the order of `agencies`: what it
    # typed, not the row's total. Kept for the activities table only (section I.2 ranks the
    # agencies' own activities); not part of the data file.
    shares: tuple[tuple[int, int], ...] = ()

    def own_parts(self) -> list[tuple[str, int, int]]:
        """(agency code, count, people) of each agency on this row, as far as known: every
        agency's with `shares`, else the row's own when one agency gave it (a row read back
        from a data file with several agencies credits none of them)."""
        if self.shares:
            return [(code, *part) for code, part in zip(self.agencies, self.shares, strict=True)]
        if len(self.agencies) == 1:
            return [(self.agencies[0], self.figures.count, self.figures.total)]
        return []


@dataclass(frozen=True)
class LevelFigures:
    level: str
    figures: Figures
    gaps: Gaps = NO_GAPS  # in the data file: the columns no row gave ("blank")


@dataclass(frozen=True)
class ConsolidatedTable:
    spec: form.TableSpec
    rows: list[ConsolidatedRow]
    total: Figures
    levels: list[LevelFigures]  # every campaign level (zeros included), then unknown ones
    gaps: Gaps = NO_GAPS  # of `total`; in the data file: the columns no row gave ("blank")

    @property
    def key(self) -> str:
        return self.spec.key

    def to_json(self) -> dict[str, Any]:
        spec = self.spec
        return {
            "total": {**self.total.to_json(), **self.gaps.to_json(spec)},
            "levels": [
                {"level": lv.level, **lv.figures.to_json(), **lv.gaps.to_json(spec)}
                for lv in self.levels
            ],
            "rows": [
                {
                    "item": r.item,
                    "level": r.level,
                    "matched": r.matched,
                    **r.figures.to_json(),
                    **r.gaps.to_json(spec),
                    "agencies": list(r.agencies),
                }
                for r in self.rows
            ],
        }

    @classmethod
    def from_json(cls, spec: form.TableSpec, data: Mapping[str, Any]) -> ConsolidatedTable:
        rows = [
            ConsolidatedRow(
                str(r["item"]),
                str(r["level"]),
                bool(r.get("matched", True)),
                Figures.from_json(spec, r),
                tuple(r.get("agencies", ())),
                Gaps.from_json(spec, r),
            )
            for r in data.get("rows", [])
        ]
        levels = [
            LevelFigures(str(lv["level"]), Figures.from_json(spec, lv), Gaps.from_json(spec, lv))
            for lv in data.get("levels", [])
        ]
        total = data.get("total", {})
        return cls(spec, rows, Figures.from_json(spec, total), levels, Gaps.from_json(spec, total))


@dataclass(frozen=True)
class AgencyFigures:
    """One included submission, summed per table."""

    code: str
    name: str
    path: Path
    report_date: date | None
    late: bool
    tables: dict[str, Figures]
    budget: Budget
    narratives: dict[str, str] = field(default_factory=dict)  # form.NARRATIVE_KEYS, non-empty
    gaps: dict[str, Gaps] = field(default_factory=dict)  # per table; not part of the data file

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "path": str(self.path),
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "late": self.late,
            "tables": {key: figures.to_json() for key, figures in self.tables.items()},
            "budget": self.budget.to_json(),
            "narratives": dict(self.narratives),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AgencyFigures:
        tables = data.get("tables", {})
        return cls(
            code=str(data["code"]),
            name=str(data["name"]),
            path=Path(data["path"]),
            report_date=_day(data.get("report_date")),
            late=bool(data.get("late", False)),
            tables={
                spec.key: Figures.from_json(spec, tables.get(spec.key, {})) for spec in form.TABLES
            },
            budget=Budget.from_json(data.get("budget", {})),
            narratives={str(k): str(v) for k, v in data.get("narratives", {}).items()},
        )


def _day(text: Any) -> date | None:
    return date.fromisoformat(text) if isinstance(text, str) and text else None


@dataclass(frozen=True)
class InputMember:
    """A file inside an e-mail or zip of the inbox: noted, the container's bytes are the proof."""

    name: str  # inside its container: "baocao.xlsx", "thu.eml › bc.zip › bc.xlsx" less the outer
    agency: str | None
    used: bool
    note: str = ""  # why it is set aside or not counted ("bản sao ...", "không phải báo cáo")

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.name, "agency": self.agency, "used": self.used}
        if self.note:
            found["note"] = self.note
        return found

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> InputMember:
        agency = data.get("agency")
        return cls(
            str(data["name"]),
            str(agency) if agency else None,
            bool(data.get("used")),
            str(data.get("note") or ""),
        )


@dataclass(frozen=True)
class InputFile:
    """One file of the inbox, for the audit trail: what the signed report was made from. An
    e-mail or zip is one entry (its own bytes' hash) with its members noted."""

    path: Path
    size: int
    sha256: str
    agency: str | None  # the roster code it answered for; None when not recognised
    used: bool
    members: tuple[InputMember, ...] = ()  # an e-mail's or zip's files
    note: str = ""  # why it is set aside or not counted

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "name": self.path.name,
            "path": str(self.path),
            "size": self.size,
            "sha256": self.sha256,
            "agency": self.agency,
            "used": self.used,
        }
        if self.note:
            found["note"] = self.note
        if self.members:
            found["members"] = [m.to_json() for m in self.members]
        return found

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> InputFile:
        """Also a data file of an earlier version: no members, no note."""
        agency = data.get("agency")
        return cls(
            Path(data["path"]),
            int(data["size"]),
            str(data["sha256"]),
            str(agency) if agency else None,
            bool(data.get("used")),
            tuple(InputMember.from_json(m) for m in data.get("members") or ()),
            str(data.get("note") or ""),
        )


@dataclass(frozen=True)
class BlankFigures:
    """An included agency's table whose rows left number cells blank, counted as 0 (validate's
    `blank_figures`): its totals are lower bounds the officer checks before signing."""

    agency: str  # the agency's display name
    table: str  # the form's sheet name of the table, "1. Hoạt động"
    rows: tuple[int, ...]  # the rows as the agency's file numbers them (1-based)
    columns: str  # the blank columns in words, "số nam/nữ"


@dataclass(frozen=True)
class AbsentTable:
    """An included answer (a retyped form, a Word or PDF report) without one of the form's tables
    (validate's `table_absent`): counted as nothing, which the officer confirms before signing."""

    agency: str  # the agency's display name
    table: str  # the form's sheet name of the table, "3. Sản phẩm"


def absent_tables(campaign: Campaign, results: Iterable[FileResult]) -> list[AbsentTable]:
    """The tables the included answers did not have (`table_absent`), in roster order then
    form order."""
    used = {id(r.submission): r for r in results if r.ok and r.submission}
    found: list[AbsentTable] = []
    for submission in _in_roster_order(
        campaign, [r.submission for r in used.values() if r.submission]
    ):
        result = used[id(submission)]
        name = _display_name(campaign, result.agency_code, result.agency_name)
        found += [AbsentTable(name, form.table(key).sheet) for key in submission.absent]
    return found


class Narrative(NamedTuple):
    """One agency's text for one narrative section."""

    agency: str
    text: str


@dataclass
class Consolidation:
    campaign: Campaign
    report_date: date
    tables: dict[str, ConsolidatedTable]  # form.TABLES order
    agencies: list[AgencyFigures]  # included submissions, roster order
    budget: Budget
    status: Completeness
    narratives: dict[str, list[Narrative]]  # form.NARRATIVE_KEYS -> texts in roster order
    inputs: list[InputFile] = field(default_factory=list)  # every checked file (audit trail)
    # Agencies that answered with their own consolidation: code -> what it was made from, in
    # words for Phụ lục II ("Tổng hợp từ báo cáo của 45/50 đơn vị").
    notes: dict[str, str] = field(default_factory=dict)
    previous: Consolidation | None = None  # last year's (--compare); not part of the data file
    # Rows counted with blank number cells as 0; not part of the data file (the level below
    # saw them when it consolidated).
    blanks: list[BlankFigures] = field(default_factory=list)
    # Tables the included answers did not have (counted as nothing); not part of the data file.
    absent: list[AbsentTable] = field(default_factory=list)

    @property
    def included(self) -> list[Path]:
        return [a.path for a in self.agencies]

    @property
    def excluded(self) -> list[Path]:
        """The files that were checked and are not used."""
        used = set(self.included)
        return [p for e in self.status.entries for p in e.files if p not in used] + list(
            self.status.unrecognised
        )

    def dated_after_report(self) -> list[AgencyFigures]:
        """Included reports signed after the consolidated report's own date: the date to sign
        it by is probably wrong (--date, report_date)."""
        return [a for a in self.agencies if a.report_date and a.report_date > self.report_date]

    def table(self, key: str) -> ConsolidatedTable:
        return self.tables[key]

    def to_json(self, lists: bool = True) -> dict[str, Any]:
        """The data file (`tonghop.json`) and the `thd consolidate --json` document: design.md's
        keys (totals, budget, included, excluded), then everything `from_json` needs.
        `lists=False` leaves out the lists that grow with the roster (LISTS), which
        `datafile.encode` writes one item at a time."""
        document = {key: part() for key, part in self.json_parts()}
        if lists:
            document["agencies"] = [a.to_json() for a in self.agencies]
            document["inputs"] = [i.to_json() for i in self.inputs]
        return document

    def json_parts(self) -> list[tuple[str, Callable[[], Any]]]:
        """The document's keys before LISTS, in order, each with what makes its value: the
        data file encodes one value at a time (10,000 agencies: the roster in `config` and
        `status` alone are ~30 MB as Python objects)."""
        info, issuer = self.campaign.campaign, self.campaign.issuer
        return [
            ("format", lambda: DATA_FORMAT),
            ("version", lambda: DATA_VERSION),
            ("campaign", lambda: {"id": info.id, "year": info.year, "name": info.name}),
            (
                "issuer",
                lambda: {"parent": issuer.parent, "name": issuer.name, "place": issuer.place},
            ),
            ("totals", lambda: {key: dict(t.total) for key, t in self.tables.items()}),
            ("budget", self.budget.to_json),
            ("included", lambda: [str(p) for p in self.included]),
            ("excluded", lambda: [str(p) for p in self.excluded]),
            ("report_date", self.report_date.isoformat),
            ("status", self.status.to_json),
            ("tables", lambda: {key: t.to_json() for key, t in self.tables.items()}),
            ("notes", lambda: dict(self.notes)),
            ("config", lambda: self.campaign.model_dump(mode="json")),
        ]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Consolidation:
        """Load back `to_json`. Raises DataFileError when it is not a data file thd can read."""
        check_document(data)
        try:
            return _from_document(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataFileError(f"thiếu hoặc sai mục {exc}") from exc


DATA_FORMAT = "thd-consolidation"
DATA_VERSION = 1


def check_document(data: Any) -> None:
    if not isinstance(data, Mapping) or data.get("format") != DATA_FORMAT:
        raise DataFileError("không phải tệp số liệu tổng hợp của thd")
    if data.get("version") != DATA_VERSION:
        raise DataFileError(f"phiên bản {data.get('version')} chưa được hỗ trợ")


def _from_document(data: Mapping[str, Any]) -> Consolidation:
    from pydantic import ValidationError

    try:
        campaign = Campaign.model_validate(data["config"])
    except ValidationError as exc:
        raise ValueError("config") from exc
    agencies = [AgencyFigures.from_json(a) for a in data["agencies"]]
    tables = data["tables"]
    return Consolidation(
        campaign=campaign,
        report_date=date.fromisoformat(data["report_date"]),
        tables={
            spec.key: ConsolidatedTable.from_json(spec, tables.get(spec.key, {}))
            for spec in form.TABLES
        },
        agencies=agencies,
        budget=Budget.from_json(data["budget"]),
        status=Completeness.from_json(data["status"], campaign),
        narratives={
            key: [Narrative(a.name, a.narratives[key]) for a in agencies if key in a.narratives]
            for key in form.NARRATIVE_KEYS
        },
        inputs=[InputFile.from_json(i) for i in data.get("inputs", [])],
        notes={str(k): str(v) for k, v in data.get("notes", {}).items()},
    )


# ------------------------------------------------------------------------------ building


def consolidate(
    campaign: Campaign,
    submissions: Sequence[Submission],
    status: Completeness,
    *,
    report_date: date,
) -> Consolidation:
    """Merge validated submissions; `status` says who answered and what is not used."""
    ordered = _in_roster_order(campaign, submissions)
    return Consolidation(
        campaign=campaign,
        report_date=report_date,
        tables={spec.key: _table(campaign, spec, ordered) for spec in form.TABLES},
        agencies=_agency_entries(campaign, ordered),
        budget=sum((Budget.of(s) for s in ordered), NOT_REPORTED),
        status=status,
        narratives={key: _narratives(campaign, ordered, key) for key in form.NARRATIVE_KEYS},
        blanks=[blank for s in ordered for blank in _blanks(campaign, s)],
    )


def _blanks(campaign: Campaign, submission: Submission) -> Iterator[BlankFigures]:
    name = _display_name(campaign, submission.agency_code, submission.agency_name)
    for spec in form.TABLES:
        rows = [r for r in submission.tables.get(spec.key, []) if r.blank]
        if rows:
            keys = [k for k in spec.number_keys if any(k in r.blank for r in rows)]
            numbers = tuple((r.location.row or 0) + 1 for r in rows)
            yield BlankFigures(name, spec.sheet, numbers, form.spoken_columns(spec, keys))


def _in_roster_order(campaign: Campaign, submissions: Sequence[Submission]) -> list[Submission]:
    """Roster order (stable), agencies not on the roster last: the report reads the same
    whatever order the files were found in, and "first spelling wins" is deterministic."""
    position = {a.code.upper(): i for i, a in enumerate(campaign.agencies)}
    return sorted(submissions, key=lambda s: position.get(s.agency_code.upper(), len(position)))


def _display_name(campaign: Campaign, code: str | None, fallback: str | None) -> str:
    agency = campaign.agency(code) if code else None
    return agency.name if agency else (fallback or code or "")


def _spaced(text: str) -> str:
    return " ".join(text.split())


class _Canon:
    """Loose matching of names to a reference list; unknown names get their own, later slot."""

    def __init__(
        self, reference: Sequence[str], aliases: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        # The officer's aliases (thd.toml [catalogues.aliases]): a spelling -> the item it is.
        self._alias = {
            self._key(spelling): item
            for item, spellings in (aliases or {}).items()
            for spelling in spellings
        }
        self._slots: dict[str, tuple[tuple[int, int], str, bool]] = {}
        for index, name in enumerate(reference):
            self._slots.setdefault(self._key(name), ((0, index), name, True))
        self._unknown = 0

    @staticmethod
    def _key(name: str) -> str:
        return loose_key(name) or _spaced(name)

    def resolve(self, name: str) -> tuple[tuple[int, int], str, bool]:
        """(sort position, shown spelling, matched the reference)."""
        name = self._alias.get(self._key(name), name)
        key = self._key(name)
        if key not in self._slots:
            self._slots[key] = ((1, self._unknown), _spaced(name), False)
            self._unknown += 1
        return self._slots[key]


def _table(
    campaign: Campaign, spec: form.TableSpec, submissions: Sequence[Submission]
) -> ConsolidatedTable:
    items = _Canon(campaign.catalogues.items(spec.key), campaign.catalogues.aliases)
    levels = _Canon(campaign.catalogues.levels)
    groups: dict[tuple[tuple[int, int], tuple[int, int]], _Group] = {}
    for submission in submissions:
        for row in submission.tables.get(spec.key, []):
            item_pos, item, matched = items.resolve(row.item)
            level_pos, level, _ = levels.resolve(row.level)
            group = groups.setdefault((item_pos, level_pos), _Group(item, level, matched, spec))
            if group.parts is None and spec.key == OWN_PARTS_TABLE:
                group.parts = {}
            group.add(row, submission.agency_code)
    rows = [groups[key].row() for key in sorted(groups)]
    by_level = {level: Figures.zero(spec) for level in campaign.catalogues.levels}
    level_gaps: dict[str, Gaps] = {}
    for key in sorted(groups, key=lambda k: k[1]):
        group = groups[key]
        by_level[group.level] = by_level.get(group.level, Figures.zero(spec)) + group.figures
        level_gaps[group.level] = level_gaps.get(group.level, NO_GAPS) + group.gaps
    return ConsolidatedTable(
        spec=spec,
        rows=rows,
        total=sum((r.figures for r in rows), Figures.zero(spec)),
        levels=[
            LevelFigures(level, figures, level_gaps.get(level, NO_GAPS))
            for level, figures in by_level.items()
        ],
        gaps=sum((r.gaps for r in rows), Gaps()),
    )


OWN_PARTS_TABLE = "activities"  # the table whose rows keep each agency's own part (I.2)


@dataclass
class _Group:
    item: str
    level: str
    matched: bool
    spec: form.TableSpec
    figures: Figures = field(default_factory=Figures)
    agencies: dict[str, None] = field(default_factory=dict)  # an ordered set
    gaps: Gaps = NO_GAPS
    # Each agency's own (count, people), for the activities table only: two ints an agency,
    # not a mapping (10,000 answers: ~100,000 parts).
    parts: dict[str, tuple[int, int]] | None = None

    def add(self, row: Row, agency_code: str) -> None:
        self.figures = self.figures + row.figures
        self.agencies[agency_code] = None
        self.gaps = self.gaps + Gaps.of_row(self.spec, row)
        if self.parts is not None:
            count, people = self.parts.get(agency_code, (0, 0))
            figures = row.figures
            self.parts[agency_code] = (
                count + figures.get(form.COUNT, 0),
                people + figures.get(form.MALE, 0) + figures.get(form.FEMALE, 0),
            )

    def row(self) -> ConsolidatedRow:
        return ConsolidatedRow(
            self.item,
            self.level,
            self.matched,
            self.figures,
            tuple(self.agencies),
            self.gaps,
            tuple(self.parts.values()) if self.parts is not None else (),
        )


def _agency_entries(campaign: Campaign, ordered: Sequence[Submission]) -> list[AgencyFigures]:
    """One entry per agency: a district's roll-up used with its own form (the roll-up does not
    hold it) is one answer, its figures and budget summed, not two rows of one agency."""
    entries: dict[str, AgencyFigures] = {}
    for submission in ordered:
        entry = _agency_figures(campaign, submission)
        key = entry.code.upper()
        entries[key] = _together(entries[key], entry) if key in entries else entry
    return list(entries.values())


def _together(first: AgencyFigures, second: AgencyFigures) -> AgencyFigures:
    dates = [d for d in (first.report_date, second.report_date) if d is not None]
    texts = {
        key: "\n".join(t for t in (first.narratives.get(key), second.narratives.get(key)) if t)
        for key in first.narratives.keys() | second.narratives.keys()
    }
    return replace(
        first,
        report_date=max(dates, default=None),
        late=first.late or second.late,
        tables={k: first.tables[k] + second.tables[k] for k in first.tables},
        budget=first.budget + second.budget,
        narratives={key: texts[key] for key in form.NARRATIVE_KEYS if texts.get(key)},
        gaps={k: first.gaps[k] + second.gaps[k] for k in first.gaps},
    )


def _agency_figures(campaign: Campaign, submission: Submission) -> AgencyFigures:
    return AgencyFigures(
        code=submission.agency_code,
        name=_display_name(campaign, submission.agency_code, submission.agency_name),
        path=submission.path,
        report_date=submission.report_date,
        late=submission.late,
        tables={
            spec.key: Figures.of(spec, submission.tables.get(spec.key, [])) for spec in form.TABLES
        },
        budget=Budget.of(submission),
        narratives={
            key: text.strip()
            for key in form.NARRATIVE_KEYS
            if (text := submission.narratives.get(key, "")).strip()
        },
        gaps={spec.key: Gaps.of(spec, submission.tables.get(spec.key, [])) for spec in form.TABLES},
    )


def _narratives(campaign: Campaign, submissions: Sequence[Submission], key: str) -> list[Narrative]:
    found = []
    for s in submissions:
        text = s.narratives.get(key, "").strip()
        if text and s.rolled_up:
            text = rollup.without_names(text)
        if text:
            found.append(Narrative(_display_name(campaign, s.agency_code, s.agency_name), text))
    return found
