"""Part I of the report, written from the figures and the configuration; the agencies' own
words appear only as short quotes with the agency named (digest.highlights) and as the
documents they cite (digest.agency_documents), listed in an appendix rather than in prose."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from thanghanhdong import digest, form
from thanghanhdong.completeness import issuer_agency
from thanghanhdong.consolidate import (
    AgencyFigures,
    ConsolidatedRow,
    ConsolidatedTable,
    Consolidation,
)
from thanghanhdong.report import labels, numbers
from thanghanhdong.report.labels import in_sentence
from thanghanhdong.text import printable

# How many of a table's items the sentence names, and how many quotes I.2 holds.
LEADING_ITEMS = 3
HIGHLIGHTS = 3
DOCUMENTS_APPENDIX = "IV"
NARRATIVE_KEYS_FOR_DOCUMENTS = ("direction", "activities_text")


def _clean(text: str) -> str:
    return " ".join(printable(text).split())


def _paragraph(text: str, agency: str = "", dash: str = "- ") -> dict[str, str]:
    """One paragraph of a narrative block: "- <agency, italic>: text" or "- text"."""
    if agency:
        return {"dash": dash, "agency": _clean(agency), "text": ": " + _clean(text)}
    return {"dash": dash, "agency": "", "text": _clean(text)}


# ------------------------------------------------------------------------------ I.1


def _issuer_name(c: Consolidation) -> str:
    agency = issuer_agency(c.campaign)
    return agency.name if agency else ""


def province_documents(c: Consolidation) -> list[str]:
    """The province's plan and the issuer's own guidance: as configured, then the documents
    the issuer's own form names that the configured sentences do not cite (a plan for its own
    office is no less its document than the guidance it sent the agencies)."""
    info = c.campaign.campaign
    plan = (
        f"{_clean(info.plan_issuer)} ban hành Kế hoạch số {_clean(info.plan_number)} ngày "
        f"{numbers.short_date(info.plan_date)} về triển khai {_clean(info.name)} năm {info.year}."
    )
    guidance = [_clean(g).rstrip(".;") + "." for g in info.guidance]
    issuer = _issuer_name(c)
    own = [_issued(d) for d in _all_documents(c) if issuer and d.agency == issuer]
    return [plan, *guidance, *own]


def _issued(d: digest.DocumentRef) -> str:
    when = f" ngày {numbers.short_date(d.date)}" if d.date else ""
    return f"{_clean(d.agency)} ban hành {d.kind} số {_clean(d.number)}{when}."


def _known_numbers(c: Consolidation) -> list[str]:
    info = c.campaign.campaign
    cited = [d.number for g in info.guidance for d in digest.find_documents(g)]
    return [info.plan_number, *cited]


def agency_documents(c: Consolidation) -> list[digest.DocumentRef]:
    """The agencies' own plans and guidance named in their texts, once per agency (a joint
    plan under each agency that names it: every statement is a row of Phụ lục IV), roster order;
    the issuer's own are the province's (I.1's first lines), not an agency's."""
    issuer = _issuer_name(c)
    return [d for d in _all_documents(c) if d.agency != issuer]


def _all_documents(c: Consolidation) -> list[digest.DocumentRef]:
    entries = [
        (n.agency, n.text)
        for key in NARRATIVE_KEYS_FOR_DOCUMENTS
        for n in c.narratives.get(key, [])
    ]
    position = {a.name: i for i, a in enumerate(c.agencies)}
    found = digest.agency_documents(entries, exclude=_known_numbers(c))
    return sorted(found, key=lambda d: position.get(d.agency, len(position)))


def documents_sentence(c: Consolidation, documents: Sequence[digest.DocumentRef]) -> str:
    issuing = len({d.agency for d in documents})
    if not issuing:
        # The plan is the issuing level's own ("UBND huyện" for a district), not always the
        # province's.
        plan_issuer = _clean(c.campaign.campaign.plan_issuer)
        return (
            f"Các cơ quan, đơn vị, địa phương triển khai theo Kế hoạch của {plan_issuer}; chưa "
            "có đơn vị nào nêu số văn bản chỉ đạo, hướng dẫn riêng trong báo cáo."
        )
    named = Counter(digest.document_key(d) for d in documents)
    shared = sum(1 for agencies in named.values() if agencies > 1)
    joint = f", trong đó có {shared} văn bản do nhiều cơ quan, đơn vị cùng nêu" if shared else ""
    issuer = _issuer_name(c)
    # The count leaves the issuer's own form out (its documents are listed above): say so, or
    # the reader cannot place it beside the status sentence's count.
    besides = f" (không kể {issuer})" if any(a.name == issuer for a in c.agencies) else ""
    return (
        f"Có {numbers.integer(issuing)}/{numbers.integer(_reporting_agencies(c))} cơ quan, đơn vị, địa phương{besides} đã báo cáo "
        "ban hành "
        f"{numbers.integer(len(named))} kế hoạch, văn bản chỉ đạo, hướng dẫn triển khai{joint} (chi tiết tại "
        f"Phụ lục {DOCUMENTS_APPENDIX})."
    )


def _reporting_agencies(c: Consolidation) -> int:
    """The agencies whose forms are used, the issuer (the author) apart."""
    issuer = _issuer_name(c)
    return len([a for a in c.agencies if a.name != issuer])


def direction(c: Consolidation) -> dict[str, Any]:
    documents = agency_documents(c)
    lines = [*province_documents(c), documents_sentence(c, documents)]
    return {"paragraphs": [_paragraph(line) for line in lines]}


def appendix_documents(c: Consolidation, note: str = "") -> dict[str, Any]:
    """Phụ lục IV's rows; with a `note` (a roster too large to list), the note instead."""
    rows = [
        {
            "stt": str(index),
            "name": _clean(d.agency),
            "document": f"{d.kind} số {_clean(d.number)}",  # an officer's template of before
            "kind": d.kind,
            "number": _clean(d.number),
            "date": numbers.short_date(d.date) if d.date else "",
        }
        for index, d in enumerate([] if note else agency_documents(c), start=1)
    ]
    return {
        "number": DOCUMENTS_APPENDIX,
        "title": labels.appendix_title("KẾ HOẠCH, VĂN BẢN CHỈ ĐẠO"),
        "labels": {
            "stt": "STT",
            "agency": "Cơ quan, đơn vị, địa phương",
            "document": "Văn bản",
            "kind": "Loại văn bản",
            "number": "Số, ký hiệu",
            "date": "Ngày ban hành",
        },
        "rows": rows,
        "empty": note
        or ("" if rows else "Các đơn vị không nêu số văn bản chỉ đạo riêng trong báo cáo."),
    }


# ------------------------------------------------------------------------------ I.2


def _reach(row: ConsolidatedRow) -> int:
    return row.figures.total


def leading_items(table: ConsolidatedTable, limit: int = LEADING_ITEMS) -> list[ConsolidatedRow]:
    """The items with the largest counts, each item once over its levels."""
    merged: dict[str, ConsolidatedRow] = {}
    for row in table.rows:
        if row.item in merged:
            old = merged[row.item]
            agencies = tuple(dict.fromkeys(old.agencies + row.agencies))
            figures, gaps = old.figures + row.figures, old.gaps + row.gaps
            row = ConsolidatedRow(row.item, "", row.matched, figures, agencies, gaps)
        merged[row.item] = row
    ranked = sorted(merged.values(), key=lambda r: (-r.figures.count, -_reach(r)))
    return [r for r in ranked if r.figures.count][:limit]


def leading_sentence(table: ConsolidatedTable) -> str:
    """'Nhiều nhất là Tập huấn (12 cuộc, 1.234 lượt người tham gia); ...'."""
    spec = table.spec
    parts = []
    for row in leading_items(table):
        people = labels.at_least(_reach(row), row.gaps, form.MALE, form.FEMALE)
        reach = f", {people} lượt {spec.people_noun}" if _reach(row) else ""
        count = labels.at_least(row.figures.count, row.gaps, form.COUNT)
        parts.append(f"{_in_sentence_item(row)} ({count} {spec.unit}{reach})")
    return f" Nhiều nhất là {'; '.join(parts)}." if parts else ""


def _in_sentence_item(row: ConsolidatedRow) -> str:
    """A catalogue item inside a sentence is a common noun: "nhiều nhất là tập huấn", not
    "là Tập huấn" (the catalogue writes it as a list entry). An item the catalogue spells with
    a proper name in it ("Ngày hội Gia đình Việt Nam": a capital after its first word), one in
    capitals and an agency's own unmatched wording stay as written."""
    item = _clean(row.item)
    first, _, rest = item.partition(" ")
    if not row.matched or not first[:1].isupper() or not first[1:].islower():
        return item
    if rest and not rest[:1].islower():
        return item
    return item[:1].lower() + item[1:]


def events(c: Consolidation) -> list[digest.Event]:
    """Every agency's own activities with a number of people, largest reach first: the order
    of the rule I.2 states. An agency is credited with its own part of a consolidated row,
    never with the row's total: a row shared by two agencies is two activities. A row with
    no people is no "hoạt động có số người tham gia lớn nhất"."""
    table = c.tables.get("activities")
    found = [event for row in (table.rows if table else []) for event in _own_events(c, row)]
    return sorted((e for e in found if e.reach > 0), key=lambda e: -e.reach)


def _own_events(c: Consolidation, row: ConsolidatedRow) -> list[digest.Event]:
    found = []
    for code, count, people in row.own_parts():
        agency = c.campaign.agency(code)
        found.append(digest.Event(agency.name if agency else code, row.item, count, people))
    return found


def highlights(c: Consolidation) -> list[digest.Highlight]:
    """The agencies' largest own activities; an agency whose text says nothing of its
    activity gets a point written from its figures (text left empty here)."""
    texts = {n.agency: n.text for n in c.narratives.get("activities_text", [])}
    return digest.highlights(events(c), texts, limit=HIGHLIGHTS, quoted_only=False)


def _highlight_text(h: digest.Highlight, spec: form.TableSpec) -> str:
    """The agency's own point, else "Tập huấn (2 cuộc, 2.550 lượt người tham gia)"."""
    if h.text:
        return h.text.rstrip(".;") + "."
    figures = [f"{numbers.integer(h.count)} {spec.unit}"] if h.count else []
    if h.reach:
        figures.append(f"{numbers.integer(h.reach)} lượt {spec.people_noun}")
    shown = f" ({', '.join(figures)})" if figures else ""
    return f"{_clean(h.item)}{shown}."


def highlights_rule(agencies: int) -> str:
    """What digest.highlights picks, said exactly: each agency's own largest activity, for
    the agencies whose largest is largest (not the N largest rows: one agency's second row is
    never shown before another agency's first)."""
    return (
        "Một số hoạt động tiêu biểu, theo báo cáo của các đơn vị (hoạt động đông người tham gia "
        f"nhất của từng đơn vị, nêu {agencies} đơn vị có số người tham gia cao nhất):"
    )


def activities(c: Consolidation) -> dict[str, Any]:
    """I.2's points: a stated rule, then one point per agency with the agency named."""
    chosen = highlights(c)
    if not chosen:
        return {"paragraphs": []}
    rule = highlights_rule(len(chosen))
    spec = form.table("activities")
    quotes = [_paragraph(_highlight_text(h, spec), h.agency) for h in chosen]
    return {"paragraphs": [_paragraph(rule, dash=""), *quotes]}


# ------------------------------------------------------------------------------ I.3


def budget_none_line(c: Consolidation) -> str:
    """The agencies that wrote no budget at all; one that wrote 0 đồng did report it."""
    none = [a for a in c.agencies if not a.budget.reported]
    if not none:
        return ""
    return (
        f"Có {numbers.integer(len(none))}/{numbers.integer(len(c.agencies))} cơ quan, đơn vị, địa"
        " phương không báo cáo kinh phí "
        "trong báo cáo."
    )


def unsplit_agencies(c: Consolidation) -> list[AgencyFigures]:
    """The agencies whose budget holds a total not split by source."""
    return [a for a in c.agencies if a.budget.unsplit]


def budget_unsplit_sentence(c: Consolidation) -> str:
    """The part of the total reported without its sources, named, never split by thd."""
    if not c.budget.unsplit:
        return ""
    agencies = ", ".join(in_sentence(printable(a.name)) for a in unsplit_agencies(c))
    by = f" do {agencies}" if agencies else ""
    return (
        f"Ngoài ra, {numbers.money(c.budget.unsplit)}{by} báo cáo tổng số, không tách theo nguồn."
    )
