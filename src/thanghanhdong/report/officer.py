"""What the officer reads but does not sign: the agencies' points kept out of the report (requests
to the issuing Sở itself, internal asks, excuses), item names that may be the same thing,
rows counted with blank number cells as 0 (totals that are lower bounds), and tables an answer
did not have (counted as nothing).

The summary workbook gives each its own sheet; `thd consolidate` prints a short note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from thanghanhdong import datafile, digest, form
from thanghanhdong.text import loose_key

if TYPE_CHECKING:
    from thanghanhdong.consolidate import Consolidation

SHEET_SET_ASIDE = "Ý kiến để xử lý riêng"
SHEET_NAMES = "Tên gần giống"
SHEET_BLANKS = "Ô số để trống"
ASSESSMENT_KEYS = ("results", "difficulties", "proposals")
# Two names are offered as maybe the same when their loose keys are this close (0..1).
NAME_SIMILARITY = 0.75


def issuer_names(c: Consolidation) -> digest.IssuerNames:
    issuer = c.campaign.issuer
    return digest.IssuerNames(issuer.name, issuer.abbreviation, issuer.place, parent=issuer.parent)


def lower_bodies(c: Consolidation) -> dict[str, digest.IssuerNames]:
    """The agencies that answered with their own data file: each consolidated its lower level's
    texts, and is the body those texts address as "huyện"."""
    return {
        a.name: digest.consolidating_body(a.name)
        for a in c.agencies
        if a.path.suffix.lower() == datafile.SUFFIX
    }


def assessment(c: Consolidation) -> dict[str, digest.SectionDigest]:
    """II.1-II.3 digested once per consolidation (the report and the officer's list agree)."""
    cached: dict[str, digest.SectionDigest] | None = getattr(c, "_assessment_digest", None)
    if cached is None:
        entries = {key: c.narratives.get(key, []) for key in ASSESSMENT_KEYS}
        cached = digest.digest_narratives(entries, issuer_names(c), lower=lower_bodies(c))
        c._assessment_digest = cached  # type: ignore[attr-defined]
    return cached


@dataclass(frozen=True)
class SetAside:
    section: str  # "II.3. Kiến nghị, đề xuất"
    kind: str  # digest.ADDRESSEE_LABELS
    text: str
    agencies: tuple[str, ...]


def set_aside(c: Consolidation) -> list[SetAside]:
    """The points left out of the signed text, each with the agencies that raised it."""
    found = []
    for key, section in assessment(c).items():
        heading = f"II.{form.info_field(key).label}"
        for point in section.set_aside:
            kind = digest.ADDRESSEE_LABELS.get(point.addressee, "") if point.addressee else ""
            found.append(SetAside(heading, kind, point.text, point.agencies))
    return found


@dataclass(frozen=True)
class NameSuggestion:
    table: str  # the form's sheet name of the table, "1. Hoạt động"
    name: str  # the unmatched name, as shown in the report
    like: str  # the catalogue item, or another unmatched name, it resembles
    alias_line: str  # the line to add to thd.toml under [catalogues.aliases]


def _close(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    ka, kb = loose_key(a), loose_key(b)
    if not ka or not kb or ka == kb:
        return False
    if ka in kb or kb in ka:
        return True
    return SequenceMatcher(None, ka, kb).ratio() >= NAME_SIMILARITY


def alias_line(item: str, alias: str) -> str:
    """The exact line the officer adds under [catalogues.aliases] in thd.toml."""
    return f"{_toml_string(item)} = [{_toml_string(alias)}]"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def name_suggestions(c: Consolidation) -> list[NameSuggestion]:
    """Unmatched item names close to a catalogue item or to another unmatched name; never
    merged in the report (a guess), only offered with the alias line that would merge them."""
    found: list[NameSuggestion] = []
    for key, table in c.tables.items():
        catalogue = c.campaign.catalogues.items(key)
        unmatched = list(dict.fromkeys(r.item for r in table.rows if not r.matched))
        for index, name in enumerate(unmatched):
            others = [*catalogue, *unmatched[:index]]
            like = next((o for o in others if _close(name, o)), None)
            if like is not None:
                found.append(NameSuggestion(table.spec.sheet, name, like, alias_line(like, name)))
    return found


def blank_rows(c: Consolidation) -> list[str]:
    """One line per agency's table counted with blank number cells as 0, in roster order."""
    return [f"{b.agency}, {b.table}: {_row_list(b.rows)} để trống {b.columns}" for b in c.blanks]


def absent_rows(c: Consolidation) -> list[str]:
    """One line per included agency's table its answer did not have, counted as nothing."""
    return [f"{a.agency}: không có bảng “{a.table}”" for a in c.absent]


def _row_list(rows: tuple[int, ...]) -> str:
    shown = ", ".join(map(str, rows[:10])) + ("..." if len(rows) > 10 else "")
    return f"dòng {shown}"
