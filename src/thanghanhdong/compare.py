"""This year against last year: changes for the report's sentences and Phần III's columns,
and the agency-level warnings of `thd validate --compare`.

Items and levels are matched across years by their catalogue key (`text.loose_key`: case,
spacing and diacritics do not matter), agencies by roster code, an agency's `previous` codes
(communes merged into it) standing for it last year. Pure computation.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thanghanhdong import form
from thanghanhdong.consolidate import (
    MISSING,
    NO_GAPS,
    AgencyFigures,
    ConsolidatedRow,
    ConsolidatedTable,
    Consolidation,
    Figures,
    Gaps,
)
from thanghanhdong.report import labels, numbers
from thanghanhdong.text import loose_key

if TYPE_CHECKING:
    from thanghanhdong.config import Campaign

PREVIOUS_LABEL = "Năm trước"
CHANGE_LABEL = "Tăng, giảm"
DEFAULT_FACTOR = 3.0  # validate --compare: a figure more than 3x up or down is worth a look


def previous_problem(campaign: Campaign, previous: Consolidation, path: Path) -> str | None:
    """Why the data file given to --compare is not last year's report of this body: a later
    year (or this year's own file), or another province's. None when it fits."""
    year, before = campaign.campaign.year, previous.campaign.campaign.year
    if before >= year:
        return (
            f"Tệp so sánh {path} là số liệu năm {before}, không phải của một năm trước năm "
            f"{year}: chọn tệp .json của đợt năm trước (ghi bên cạnh báo cáo năm trước)."
        )
    issuer, other = campaign.issuer, previous.campaign.issuer
    if loose_key(issuer.parent) != loose_key(other.parent):
        return (
            f"Tệp so sánh {path} là số liệu của {other.name} ({other.parent}), không phải của "
            f"{issuer.name} ({issuer.parent}): chọn tệp .json năm trước của chính cơ quan mình."
        )
    return None


def change(now: int, before: int) -> str:
    """ "+12,5%", "-3,0%", "0,0%"; "mới" when there was nothing last year."""
    if before <= 0:
        return "mới" if now else ""
    permille = numbers.share_permille(abs(now - before), before) or 0
    sign = "+" if now > before else "-" if now < before else ""
    return f"{sign}{numbers.permille_text(permille)}"


def direction(now: int, before: int) -> str:
    """ "tăng 12,5%", "giảm 3,0%", "không đổi"; "" when there was nothing last year."""
    if before <= 0:
        return ""
    if now == before:
        return "không đổi"
    return f"{'tăng' if now > before else 'giảm'} {change(now, before).lstrip('+-')}"


def change_words(now: int, before: int, year: int) -> str:
    """ "tăng 12,5% so với năm 2021" (the sentence form); "" without last year's figure."""
    moved = direction(now, before)
    return f"{moved} so với năm {year}" if moved else ""


def previous_year(c: Consolidation) -> int | None:
    return c.previous.campaign.campaign.year if c.previous is not None else None


def with_change(sentence: str, c: Consolidation, table: ConsolidatedTable) -> str:
    """A Phần I figure sentence followed by last year's change as a sentence of its own
    (unchanged without --compare): glued to the sentence's last words, the change would read
    as that of its last item."""
    if not sentence.endswith("."):
        return sentence
    moved = change_sentence(c, table)
    return f"{sentence} {moved}" if moved else sentence


def change_sentence(c: Consolidation, table: ConsolidatedTable) -> str:
    """ "So với năm 2021, số cuộc tăng 12,5%, số lượt người tham gia giảm 3,0%."; "" without
    --compare or for a table with no figures this year ("chưa có số liệu").

    Like is compared with like: the change is that of the agencies with usable figures in both
    years (an agency of this year with `previous` codes against the sum of those agencies of
    last year, see `matching`). When that is not every agency, the sentence says so first
    ("chỉ so sánh được 2/25 đơn vị"), names the agencies when they are few, and gives both
    years' coverage; without common agencies no change is stated."""
    if c.previous is None or table.key not in c.previous.tables:
        return ""
    if not table.total.count and not table.total.total:
        return ""
    year = c.previous.campaign.campaign.year
    match = matching(c)
    coverage = Coverage.of(c, match)
    if not match.units:
        return f"{coverage.no_comparison(year)[0].upper()}{coverage.no_comparison(year)[1:]}."
    now = _sum(c, table.spec, match.now_codes)
    before = _sum(c.previous, table.spec, match.before_codes)
    parts = _moves(table.spec, now, before)
    if not parts:
        return ""
    if coverage.same:
        return f"So với năm {year}, {', '.join(parts)}."
    return f"So với năm {year}, {coverage.basis(match, year)}: {', '.join(parts)} {coverage.both(year)}."


def _moves(spec: form.TableSpec, now: Figures, before: Figures) -> list[str]:
    """ "số cuộc tăng 12,5%", "số lượt người tham gia không đổi" (nothing last year: left out)."""
    return [
        f"{what} {moved}"
        for what, moved in (
            (f"số {spec.unit or 'lượt'}", direction(now.count, before.count)),
            (f"số lượt {spec.people_noun}", direction(now.total, before.total)),
        )
        if moved
    ]


NAMED_AT_MOST = 5  # a comparison resting on this many agencies or fewer names them
_BOTH = "có số liệu cả hai năm"


@dataclass(frozen=True)
class Unit:
    """One agency of this year compared with last year: its figures against the sum of last
    year's figures of `before` (its own code, and the codes of its `previous` key that were in
    last year's roster)."""

    code: str  # upper case
    name: str
    before: tuple[str, ...]  # last year's codes, upper case
    before_names: tuple[str, ...]  # last year's names of `before`, its own code left out
    continues_itself: bool  # its own code is among `before`


@dataclass(frozen=True)
class Matching:
    """The agencies compared across the two years, and what is left out of the comparison."""

    units: list[Unit]  # this year's order
    left_before: list[str]  # names of last year's agencies with figures compared with nothing

    @property
    def now_codes(self) -> set[str]:
        return {u.code for u in self.units}

    @property
    def before_codes(self) -> set[str]:
        return {code for u in self.units for code in u.before}

    @property
    def codes(self) -> set[str]:
        """Both years' codes of the comparison (for a row's fairness, `_row_is_fair`)."""
        return self.now_codes | self.before_codes


def matching(c: Consolidation) -> Matching:
    """Which agencies of this year can be compared with which of last year. An agency is
    compared when every one of its predecessors (its own code, and the codes of its
    `previous` key, each as far as last year's roster had it) has usable figures last year;
    a code of `previous` that last year's roster did not have is left aside (a key copied into
    the next year's thd.toml keeps working)."""
    if c.previous is None:
        return Matching([], [])
    figures = {a.code.upper(): a.name for a in c.previous.agencies}
    continued = predecessors(c.campaign, c.previous)
    known = _known(c.previous)  # once: per agency it rebuilt two sets of the whole roster
    units, seen = [], set()
    for agency in c.agencies:
        code = agency.code.upper()
        if code in seen:
            continue
        seen.add(code)
        before = continued.get(code) or ((code,) if code in known else ())
        if not before or any(p not in figures for p in before):
            continue
        others = tuple(figures[p] for p in before if p != code)
        units.append(Unit(code, agency.name, before, others, code in before))
    used = {p for u in units for p in u.before}
    left = [name for code, name in figures.items() if code not in used]
    return Matching(units, left)


def _known(previous: Consolidation) -> set[str]:
    """Last year's codes: its roster's and those with figures (upper case)."""
    listed = {a.code.upper() for a in previous.campaign.agencies}
    return listed | {a.code.upper() for a in previous.agencies}


def predecessors(campaign: Campaign, previous: Consolidation) -> dict[str, tuple[str, ...]]:
    """This year's roster code -> the codes of last year it continues: its own and those of
    its `previous` key, each as far as last year's file knew it (upper case, roster order).
    The one reading of `previous` for the report's comparison and `validate --compare`."""
    known = _known(previous)
    return {
        a.code.upper(): tuple(
            dict.fromkeys(
                p for p in (a.code.upper(), *(x.upper() for x in a.previous)) if p in known
            )
        )
        for a in campaign.agencies
    }


def common_agencies(c: Consolidation) -> list[str]:
    """Roster codes (upper case, this year's order) of this year's agencies compared with last
    year (see `matching`)."""
    return [u.code for u in matching(c).units]


def _sum(c: Consolidation, spec: form.TableSpec, codes: Collection[str]) -> Figures:
    total = Figures.zero(spec)
    for agency in c.agencies:
        if agency.code.upper() in codes:
            total = total + agency.tables.get(spec.key, Figures.zero(spec))
    return total


_COMMITTEE = re.compile(r"^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+", re.IGNORECASE)
_PLACE_WORDS = ("xã", "phường", "thị trấn", "huyện", "thị xã", "thành phố")


def short_names(names: Sequence[str]) -> str:
    """ "UBND xã Mỹ Bằng", "UBND xã Kim Phú" -> "xã Mỹ Bằng, Kim Phú": the committee's prefix
    dropped, a kind of place shared by all written once."""
    bare = [_COMMITTEE.sub("", name) for name in names]
    kind = next(
        (
            w
            for w in _PLACE_WORDS
            if len(bare) > 1 and all(b.lower().startswith(f"{w} ") for b in bare)
        ),
        None,
    )
    if kind is not None:
        bare = [bare[0], *(b[len(kind) + 1 :] for b in bare[1:])]
    return ", ".join(bare)


def unit_name(unit: Unit, year: int) -> str:
    """ "UBND xã Mỹ Lâm (gồm xã Mỹ Bằng, Kim Phú năm 2025)"; "Sở Y tế" for an agency that
    only continues itself."""
    if not unit.before_names:
        return unit.name
    joined = "tính cả" if unit.continues_itself else "gồm"
    return f"{unit.name} ({joined} {short_names(unit.before_names)} năm {year})"


@dataclass(frozen=True)
class Coverage:
    """How many agencies each year's figures come from, out of how many expected."""

    common: int
    now: int
    now_expected: int
    before: int
    before_expected: int
    same: bool  # every agency with figures in either year is in the comparison

    @classmethod
    def of(cls, c: Consolidation, match: Matching) -> Coverage:
        assert c.previous is not None
        now, before = len({a.code.upper() for a in c.agencies}), len(c.previous.agencies)
        return cls(
            common=len(match.units),
            now=now,
            now_expected=c.status.expected,
            before=before,
            before_expected=c.previous.status.expected,
            same=len(match.units) == now and not match.left_before,
        )

    def basis(self, match: Matching, year: int) -> str:
        """ "chỉ so sánh được 2/25 đơn vị, tính trên số liệu của Sở Y tế, UBND xã Mỹ Lâm (gồm
        xã Mỹ Bằng, Kim Phú năm 2025)": how far the comparison reaches, the agencies named
        when they are few, so that no percentage reads as the whole body's."""
        named = len(match.units) <= NAMED_AT_MOST
        names = ", ".join(unit_name(u, year) for u in match.units)
        if self.common < max(self.now_expected, self.now):
            reach = f"chỉ so sánh được {self.common}/{max(self.now_expected, self.now)} đơn vị"
            return f"{reach}, tính trên số liệu của {names}" if named else f"{reach} {_BOTH}"
        left = match.left_before
        told = f" ({', '.join(left)})" if len(left) <= NAMED_AT_MOST else ""
        reach = f"tính trên số liệu của cả {self.common} đơn vị năm nay"
        return (
            f"{reach}, không tính số liệu năm {year} của {len(left)} đơn vị không có đơn vị "
            f"tương ứng năm nay{told}"
        )

    def both(self, year: int) -> str:
        return (
            f"(năm nay có số liệu của {self.now}/{self.now_expected} đơn vị, "
            f"năm {year} của {self.before}/{self.before_expected} đơn vị)"
        )

    def no_comparison(self, year: int) -> str:
        return f"chưa so sánh được với năm {year} do không có đơn vị {_BOTH} {self.both(year)}"


def _row_key(item: str, level: str) -> tuple[str, str]:
    return loose_key(item), loose_key(level)


def previous_rows(table: ConsolidatedTable) -> dict[tuple[str, str], ConsolidatedRow]:
    return {_row_key(r.item, r.level): r for r in table.rows}


def _cells(
    now: Figures,
    before: Figures | None,
    spec: form.TableSpec,
    fair: bool = True,
    gaps: tuple[Gaps, Gaps] = (NO_GAPS, NO_GAPS),
) -> dict[str, Any]:
    """Last year's cells and the change; the change is blank when it is not `fair` (the two
    figures do not come from the same agencies). `gaps` (this year's, last year's): a figure
    no agency gave is "—" (as last year's report printed it), and has no change."""
    shown = before if before is not None else Figures.zero(spec)
    columns = {key: (key,) for key in spec.number_keys} | {"people": (form.MALE, form.FEMALE)}
    values = {key: shown[key] for key in spec.number_keys} | {"people": shown.total}
    current = {key: now[key] for key in spec.number_keys} | {"people": now.total}
    cells = {key: labels.figure(values[key], gaps[1], *keys) for key, keys in columns.items()}
    moved = {
        key: ""
        if MISSING in (gaps[0].state(*keys), gaps[1].state(*keys))
        else change(current[key], values[key])
        for key, keys in columns.items()
    }
    return {"previous": cells, "change": moved if fair else dict.fromkeys(moved, "")}


def _row_is_fair(
    common: Collection[str], now: ConsolidatedRow | None, before: ConsolidatedRow | None
) -> bool:
    """A row's change compares like with like when every agency that reported the row in
    either year has usable figures in both years."""
    codes = [*(now.agencies if now else ()), *(before.agencies if before else ())]
    return all(code.upper() in common for code in codes)


def table_comparison(c: Consolidation, table: ConsolidatedTable) -> dict[str, Any] | None:
    """For the Phần III table of `table`: per row (same order as `table.rows`) and for the
    total, last year's cells and the change, keyed by form column key (plus "people");
    `missing`: last year's rows with no row this year (item, level and their cells against
    this year's zeros), which the table lists so that last year's column adds up. A change
    that would compare different agencies (see `_row_is_fair`; for the total, different
    coverage) is blank: Phần I's sentence gives the change of the agencies of both years."""
    if c.previous is None:
        return None
    old = c.previous.tables.get(table.key)
    before = previous_rows(old) if old is not None else {}
    spec, match = table.spec, matching(c)
    common = match.codes
    now = {_row_key(r.item, r.level) for r in table.rows}
    rows = []
    for r in table.rows:
        was = before.get(_row_key(r.item, r.level))
        fair = _row_is_fair(common, r, was)
        gaps = (r.gaps, was.gaps if was else NO_GAPS)
        rows.append(_cells(r.figures, was.figures if was else None, spec, fair, gaps))
    missing = [
        {
            "item": r.item,
            "level": r.level,
            **_cells(
                Figures.zero(spec),
                r.figures,
                spec,
                _row_is_fair(common, None, r),
                (NO_GAPS, r.gaps),
            ),
        }
        for key, r in before.items()
        if key not in now
    ]
    same = Coverage.of(c, match).same
    total = _cells(
        table.total,
        old.total if old else None,
        spec,
        same,
        (table.gaps, old.gaps if old else NO_GAPS),
    )
    return {"year": str(previous_year(c)), "rows": rows, "missing": missing, "total": total}


def context(c: Consolidation) -> dict[str, Any] | None:
    """The template's `comparison`: None without --compare (the tables carry their own
    comparison columns, from `table_comparison`)."""
    year = previous_year(c)
    if year is None:
        return None
    return {
        "year": str(year),
        "previous_label": f"{PREVIOUS_LABEL} ({year})",
        "change_label": CHANGE_LABEL,
    }


# ------------------------------------------------------------------ validate --compare


@dataclass(frozen=True)
class AgencyChange:
    """Something at one agency worth checking before signing: a figure far from last year's,
    no answer this year from an agency whose figures (or whose predecessors' figures) were
    there last year, or last year's figures that no agency of this year continues."""

    code: str
    name: str
    table: str | None  # form.TableSpec.key; None for "reported last year, not this year"
    column: str | None
    before: int = 0
    now: int = 0
    # Last year's names of the agencies it continues (communes merged into it), its own left
    # out; `continues_itself`: its own code had figures last year too.
    before_names: tuple[str, ...] = ()
    continues_itself: bool = True
    previous_codes: tuple[str, ...] = ()  # last year's codes compared, when not just its own
    listed: bool = True  # False: last year's agency no agency of this year continues

    def message(self, year: int) -> str:
        if not self.listed:
            return (
                f"{self.name} có số liệu năm {year} nhưng không có trong danh sách đơn vị năm"
                f" nay, và không đơn vị nào ghi mã {self.code} trong khóa previous: số liệu năm"
                f" {year} của đơn vị này không được so sánh. Nếu đơn vị đã sáp nhập vào một đơn"
                f" vị năm nay, ghi mã {self.code} vào khóa previous của đơn vị đó trong thd.toml."
            )
        if self.table is None:
            if self.before_names:
                return (
                    f"{self.name} chưa gửi báo cáo năm nay (năm {year} {self._senders()} đã gửi)."
                )
            return f"{self.name} đã gửi báo cáo năm {year} nhưng năm nay chưa gửi."
        spec = form.table(self.table)
        label = next(col.label for col in spec.number_columns if col.key == self.column)
        return (
            f"{self.name}: {spec.sheet}, cột {label} là {numbers.integer(self.now)}, năm {year} "
            f"là {numbers.integer(self.before)}{self._sum_of()}: kiểm tra lại số liệu."
        )

    def _senders(self) -> str:
        return short_names([*((self.name,) if self.continues_itself else ()), *self.before_names])

    def _sum_of(self) -> str:
        """ " (gồm xã Mỹ Bằng, Kim Phú)": last year's figure is the sum of its predecessors'."""
        if not self.before_names:
            return ""
        joined = "tính cả" if self.continues_itself else "gồm"
        return f" ({joined} {short_names(self.before_names)})"

    @property
    def kind(self) -> str:
        """ "not_sent" (answered last year, not this year), "increase", "decrease", or
        "not_listed" (last year's figures no agency of this year continues)."""
        if not self.listed:
            return "not_listed"
        if self.table is None:
            return "not_sent"
        return "increase" if self.now > self.before else "decrease"

    def to_json(self, year: int | None = None) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "table": self.table,
            "column": self.column,
            # "not_sent": no figure of this year to compare (not a change from 0 to 0)
            "before": None if self.table is None else self.before,
            "now": None if self.table is None else self.now,
            **({"previous": list(self.previous_codes)} if self.previous_codes else {}),
            **({"message": self.message(year)} if year is not None else {}),
        }


def agency_changes(
    now: Mapping[str, Mapping[str, Figures]],
    names: Mapping[str, str],
    previous: Consolidation,
    campaign: Campaign,
    factor: float = DEFAULT_FACTOR,
    answered: Collection[str] = (),
) -> list[AgencyChange]:
    """`now`: agency code (upper case) -> table key -> summed figures of this year's usable
    answers; `answered`: codes that sent something this year, usable or not.

    Agencies are matched across years as the report's comparison matches them
    (`predecessors`): an agency with `previous` codes is compared with the sum of those
    agencies' figures of last year, when every one of them had figures (as `matching`)."""
    figures = {a.code.upper(): a for a in previous.agencies}
    continued = predecessors(campaign, previous)
    found = []
    for code, before in continued.items():
        sent = [p for p in before if p in figures]
        if not sent:
            continue
        listed = campaign.agency(code)
        assert listed is not None  # `continued` holds the roster's codes
        unit = _unit_change(listed.code, names.get(code) or listed.name, before, sent, figures)
        tables = now.get(code)
        if tables is None:
            if code not in answered:
                found.append(unit)
            continue
        if len(sent) < len(before):
            continue  # half of a merged commune is no figure to compare with
        old = _summed(figures, before)
        for spec in form.TABLES:
            far = _far(unit.code, unit.name, spec, old, tables, factor)
            found.extend(replace(c, **_unit_keys(unit)) for c in far)
    claimed = {p for before in continued.values() for p in before}
    found += [
        AgencyChange(old.code, old.name, None, None, listed=False)
        for code, old in figures.items()
        if code not in claimed
    ]
    return found


def _unit_change(
    code: str,
    name: str,
    before: tuple[str, ...],
    sent: list[str],
    figures: Mapping[str, AgencyFigures],
) -> AgencyChange:
    """The "not sent" change of a unit; its keys (predecessors) also mark its figure changes."""
    own = code.upper()
    return AgencyChange(
        code=code,
        name=name,
        table=None,
        column=None,
        before_names=tuple(figures[p].name for p in sent if p != own),
        continues_itself=own in sent,
        previous_codes=before if before != (own,) else (),
    )


def _unit_keys(unit: AgencyChange) -> dict[str, Any]:
    return {
        "before_names": unit.before_names,
        "continues_itself": unit.continues_itself,
        "previous_codes": unit.previous_codes,
    }


def _summed(figures: Mapping[str, AgencyFigures], codes: Sequence[str]) -> dict[str, Figures]:
    """Last year's figures of `codes` added up, table by table."""
    total = {spec.key: Figures.zero(spec) for spec in form.TABLES}
    for code in codes:
        for key, value in figures[code].tables.items():
            total[key] = total.get(key, Figures()) + value
    return total


def _far(
    code: str,
    name: str,
    spec: form.TableSpec,
    old: Mapping[str, Figures],
    new: Mapping[str, Figures],
    factor: float,
) -> list[AgencyChange]:
    was, now = old.get(spec.key, Figures()), new.get(spec.key, Figures())
    return [
        AgencyChange(code, name, spec.key, key, was[key], now[key])
        for key in spec.number_keys
        if _beyond(was[key], now[key], factor)
    ]


def _beyond(before: int, now: int, factor: float) -> bool:
    """More than `factor` times up or down; from or to zero counts when the other side is
    large enough to matter (a small agency's 0 -> 2 is not news)."""
    low, high = min(before, now), max(before, now)
    if low == 0:
        return high >= 10 * factor
    return high > factor * low
