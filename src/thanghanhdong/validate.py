"""RawSubmission -> Submission + Issues: every check of one answer (inbox.py checks the inbox).

Each cell is parsed by the parser of its column's kind (a whole number, a text, a level); a value
that is not what its cell takes becomes an `Issue` at the cell, and the cell is left empty.
Cross-field rules (totals rows, duplicates, plausibility, lateness) run in a second pass so the
officer sees every problem at once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from thanghanhdong import answers, completeness, form, messages
from thanghanhdong.config import Agency, Campaign, Catalogues
from thanghanhdong.legacy import to_unicode
from thanghanhdong.model import (
    Cell,
    Counts,
    FileResult,
    Issue,
    Location,
    RawRow,
    RawSubmission,
    Row,
    Severity,
    Submission,
    shared_location,
)
from thanghanhdong.parse import (
    MAX_WHOLE,
    parse_compound,
    parse_date,
    parse_day_month,
    parse_money,
    parse_whole,
    states_unit,
)
from thanghanhdong.readers import rollup
from thanghanhdong.readers.answer import header_of
from thanghanhdong.text import alternatives, loose_key, nfc

# ------------------------------------------------------------------------ cell parsers


class _NotTaken(Exception):
    """A cell's value is not what the cell takes: `code` is a catalogued issue code."""

    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(code)
        self.code = code
        self.values = values  # the message's own values, beside the cell's value


Parsed = dict[str, Any]  # column or field key -> the parsed value (None: empty or not taken)
Warnings = list[tuple[str, dict[str, Any]]]  # (code, values) of the warnings at one cell


def _whole(value: Any, warnings: Warnings, levels: dict[str, str]) -> int | None:
    if type(value) is float and value.is_integer() and 0 <= value <= MAX_WHOLE:
        return int(value)  # what calamine gives for a count: parse_whole would take it as is
    if isinstance(value, date):  # a date typed, or a recent day's number in a date-format cell
        raise _NotTaken("date_in_number", **_date_shown(value))
    parsed = parse_whole(value)
    if parsed.error == "decimal_number":
        raise _NotTaken(parsed.error, **_decimal_words(value))
    if parsed.error == "several_numbers":  # "3" over "2": each figure, on one line
        raise _NotTaken(parsed.error, figures=", ".join(f"“{f}”" for f in str(value).split()))
    if parsed.error:
        raise _NotTaken(parsed.error)
    if parsed.warning:
        warnings.append((parsed.warning, {"value": _shown(value), "number": parsed.value}))
    return parsed.value


def _date_shown(value: date, held: str = "") -> dict[str, str]:
    """A date in a figure cell as the clerk sees it, with the number the cell holds when the
    reader knows it (`held`: the cell may only be formatted as a date)."""
    day = value.date() if isinstance(value, datetime) else value
    hint = f" (nếu định gõ số {_vn(int(held))} thì ô đang định dạng kiểu ngày)" if held else ""
    return {"shown": f"{day.day:02d}/{day.month:02d}/{day.year:04d}", "serial": hint}


def _day(shown: str) -> date:
    return datetime.strptime(shown, "%d/%m/%Y").date()


def _decimal_words(value: Any) -> dict[str, str]:
    """What a decimal in a whole-number cell is, in the clerk's terms. A number cell holding 1.5
    was most often "1.500" typed where the office suite takes the dot for the decimal point
    (en-US): the clerk typed no comma and no "1,5", so say what was stored and what to type."""
    shown = _shown(value)
    if not isinstance(value, float):
        return {"what": f"“{shown}” là số thập phân", "advice": _DECIMAL_TYPED}
    thousands = value * 1000
    if 1 <= value < 1000 and abs(thousands - round(thousands)) < 1e-6:
        meant = round(thousands)
        advice = (
            f"nếu định ghi {_vn(meant)} thì gõ liền {meant}: máy đặt dấu chấm là dấu thập "
            f"phân nên lưu {_vn(meant)} thành {shown}"
        )
    elif 0 < value < 1 and abs(value * 100 - round(value * 100)) < 1e-9:
        # "60%" typed in a count cell: Excel stores 0,6 and shows the percentage.
        advice = (
            f"nếu ô hiện {round(value * 100)}% thì đó là tỉ lệ: ghi số người, số cuộc (số "
            "nguyên), không ghi phần trăm"
        )
    else:
        advice = "sửa thành số nguyên; nếu ô có công thức chia thì làm tròn"
    return {"what": f"Ô ghi số thập phân “{shown}”", "advice": advice}


_DECIMAL_TYPED = "dấu phẩy là dấu thập phân; nếu là hàng nghìn, gõ liền, ví dụ 1500"


def _text(value: Any, warnings: Warnings, levels: dict[str, str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text, legacy = _clean_text(str(value))
    if legacy:
        warnings.append(("legacy_encoding", legacy))
    return text or None


def _clean_text(value: str) -> tuple[str, dict[str, str] | None]:
    text, legacy = _cleaned(value)
    return text, dict(legacy) if legacy is not None else None  # the caller's own copy


@functools.lru_cache(maxsize=8192)  # item names and levels come back in every form
def _cleaned(value: str) -> tuple[str, dict[str, str] | None]:
    return _unlegacy(nfc(value))


def _unlegacy(text: str) -> tuple[str, dict[str, str] | None]:
    """Text in Unicode, and the values of a `legacy_encoding` warning if it was not."""
    converted, encoding = to_unicode(text)
    if encoding is None:
        return text, None
    if encoding == "TCVN3":
        note = f"đã tự chuyển sang Unicode: “{converted[:60]}”"
    else:
        note = "thd không tự chuyển được, đề nghị đơn vị gõ lại"
    return converted, {"encoding": encoding, "note": note}


def _level(value: Any, warnings: Warnings, levels: dict[str, str]) -> str | None:
    text = _text(value, warnings, levels)
    if text is None:
        return None
    key = loose_key(text).removeprefix("cap ").strip(" .;:")
    if key not in levels:
        key = _level_with_synonyms(text, levels) or key
    if key not in levels and isinstance(value, rollup.RolledLevel):
        # A lower level's data file: its own level, checked there; the province cannot change
        # a cell of it. Kept as written, said once a file (trial 9, F3).
        if value.first:
            warnings.append(("rollup_level_kept", {"level": text}))
        return text
    if key not in levels:
        raise _NotTaken("invalid_level", why=_why_not_a_level(text, levels))
    return levels[key]


def _why_not_a_level(text: str, levels: dict[str, str]) -> str:
    """ "Huyện/xã" names two levels (the clerk wonders why "Huyện" is refused): say so."""
    parts = [loose_key(part).removeprefix("cap ").strip(" .") for part in _LEVEL_PARTS.split(text)]
    named = list(dict.fromkeys(levels[p] for p in parts if p in levels))
    if len(named) < 2:
        return "không có trong danh sách"
    count, listed = len(named), ", ".join(named)
    return f"ghi {count} cấp ({listed}) trong một ô (tách thành {count} dòng, mỗi dòng một cấp)"


# The units a level's name stands for, written after it: "Xã, phường, thị trấn", "Huyện/TP".
_SAME_LEVEL = {"phuong": "xa", "thi tran": "xa", "thanh pho": "huyen", "tp": "huyen"}
_SAME_LEVEL |= {"thi xa": "huyen", "quan": "huyen"}
_LEVEL_PARTS = re.compile(r"[,/;]|\bvà\b", re.IGNORECASE)


def _level_with_synonyms(text: str, levels: dict[str, str]) -> str | None:
    """The level a list names when it is one level and its own kinds of unit ("Xã, phường, thị
    trấn"); None otherwise ("Huyện, Xã" names two levels: not taken)."""
    parts = [loose_key(part).removeprefix("cap ").strip(" .") for part in _LEVEL_PARTS.split(text)]
    first, *others = [part for part in parts if part] or [""]
    if first in levels and others and all(_SAME_LEVEL.get(p) == first for p in others):
        return first
    return None


def _money(value: Any, warnings: Warnings, levels: dict[str, str]) -> int | None:
    """A budget cell: a number, or an amount the clerk typed with its unit ("8.500.000 đồng",
    "15 triệu đồng", "15tr5", "15 triệu 500 nghìn"), understood with a warning."""
    if not isinstance(value, str) or not (states_unit(value) or _has_words(value)):
        return _whole(value, warnings, levels)
    amount = parse_money(value)
    amount = parse_compound(value) if amount is None else amount
    if amount is None:  # a sentence: the budget's own message, quoted whole words
        raise _NotTaken("budget_not_read", written=_quoted(value))
    warnings.append(
        ("budget_text", {"value": _shown(value), "amount": _vn(amount), "number": amount})
    )
    return amount


def _has_words(value: str) -> bool:
    return any(char.isalpha() for char in value)


# A budget sentence is quoted up to this many characters, cut after a whole word.
_QUOTED = 80


def _quoted(value: str) -> str:
    text = " ".join(value.split())
    if len(text) <= _QUOTED:
        return text
    return text[:_QUOTED].rsplit(" ", 1)[0].rstrip(" ,;:(") + "…"


def _as_typed(value: Any, warnings: Warnings, levels: dict[str, str]) -> Any:
    return value  # the report date: parse_date reads it, with its own issues


Parser = Callable[[Any, Warnings, dict[str, str]], Any]

_PARSERS: dict[form.ColumnKind, Parser] = {
    form.ColumnKind.STT: _text,
    form.ColumnKind.ITEM: _text,
    form.ColumnKind.NUMBER: _whole,
    form.ColumnKind.LEVEL: _level,
}


@functools.cache
def row_parsers(spec: form.TableSpec) -> dict[str, Parser]:
    """The parser of each cell of a row of `spec`, from the form's columns."""
    return {c.key: _with_units(c.units) if c.units else _PARSERS[c.kind] for c in spec.columns}


@functools.cache
def _with_units(units: tuple[str, ...]) -> Parser:
    """A figure cell that also takes its column's own unit after the number ("30 người",
    "2 buổi", "1.200 lượt"): the number is read, with a warning. Any other words ("khoảng
    300", "30 người" under Số cuộc) stay not a number."""
    words = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    pattern = re.compile(rf"([\d][\d.,\s\u00a0]*?)\s*({words})\s*\.?", re.IGNORECASE)

    def parse(value: Any, warnings: Warnings, levels: dict[str, str]) -> int | None:
        if isinstance(value, str) and (found := pattern.fullmatch(nfc(value).strip())):
            parsed = parse_whole(found[1])
            if parsed.value is not None and parsed.error is None:
                shown = {"value": _shown(value), "number": parsed.value, "unit": found[2]}
                warnings.append(("unit_number", shown))
                return parsed.value
        return _whole(value, warnings, levels)

    return parse


HEADER_PARSERS: dict[str, Parser] = {
    "agency_name": _text,
    "report_number": _text,
    "report_date": _as_typed,
    "signer_title": _text,
    "signer_name": _text,
    "contact": _text,
    "budget_state": _money,
    "budget_mobilized": _money,
    "budget_total": _money,  # a Word/PDF answer's unsplit total
    "budget_unsplit": _money,  # a lower level's data file: its agencies' unsplit totals
}

_BUDGET_KEYS = ("budget_state", "budget_mobilized", "budget_total", "budget_unsplit")


# ------------------------------------------------------------------------- one file


@dataclass
class _FileCheck:
    """Collects the issues of one file while it is validated."""

    campaign: Campaign
    issues: list[Issue] = field(default_factory=list)
    error_count: int = 0  # kept up to date: counting the list per row is quadratic

    def add(
        self,
        code: str,
        cell: Cell | None = None,
        sheet: str | None = None,
        *,
        at: Location | None = None,
        **values: Any,
    ) -> None:
        """Record an issue at `cell`, else at `at`, else on the whole `sheet` (or file)."""
        example = f"{self.campaign.campaign.deadline:%d/%m/%Y}"
        severity, message = messages.render(
            code, levels=self.levels_text, example_date=example, **values
        )
        self.error_count += severity is Severity.ERROR
        location = cell.location if cell else at or (Location(sheet) if sheet else None)
        self.issues.append(Issue(code, severity, message, location))

    def add_problem(self, variant: str, **values: Any) -> None:
        """Record, on the whole file, one situation of a code with its own sentence
        (messages.FILE_PROBLEMS)."""
        code, severity, message = messages.file_problem(variant, **values)
        self.error_count += severity is Severity.ERROR
        self.issues.append(Issue(code, severity, message, None))

    def parse(self, parsers: dict[str, Parser], cells: dict[str, Cell]) -> Parsed:
        """Each cell by its parser; a value its cell does not take is reported at the cell and
        left empty, and so is one the reader noted as unusable."""
        parsed: Parsed = dict.fromkeys(parsers)
        later: list[tuple[Cell, Warnings]] = []
        levels = self.levels
        for key, parser in parsers.items():
            cell = cells.get(key)
            if cell is None or (cell.note is not None and self.noted(cell)):
                continue
            warnings: Warnings = []
            try:
                parsed[key] = parser(cell.value, warnings, levels)
            except _NotTaken as exc:
                self.add(exc.code, cell, value=_shown(cell.value), **exc.values)
            if warnings:
                later.append((cell, warnings))
        for cell, warnings in later:  # after the errors, as the officer reads them
            for code, values in warnings:
                self.add(code, cell, **values)
        return parsed

    def noted(self, cell: Cell) -> bool:
        """Report what the reader noted at `cell`; True when its value cannot be used."""
        note = cell.note
        assert note is not None
        if note.kind == "formula":
            self.add("formula_not_computed", cell, formula=note.detail[:60])
        elif note.kind == "error":
            self.add("error_value", cell, value=note.detail[:20])
        elif note.kind in ("merged_across", "merged_number"):
            code = "merged_figures" if note.kind == "merged_across" else "merged_number"
            self.add(code, cell, range=note.detail)
        elif note.kind == "date_in_number":
            shown, _, held = note.detail.partition(" ")
            values = _date_shown(_day(shown), held)
            self.add("date_in_number", cell, shown=values["shown"], serial=values["serial"])
        elif note.kind == "date_format":
            self.add("date_formatted_number", cell, shown=note.detail, value=_shown(cell.value))
            return False
        elif note.kind == "merged_down":
            label = cell.location.column_label or "này"
            self.add("merged_level", cell, label=label, range=note.detail, value=_shown(cell.value))
            return False
        else:
            return False
        return True

    @cached_property  # read for every row: computed once per file
    def levels(self) -> dict[str, str]:
        return {loose_key(level): level for level in self.campaign.catalogues.levels}

    @cached_property  # read for every heading-like row: computed once per file
    def catalogues(self) -> dict[str, frozenset[str]]:
        """Each table's catalogue items and the aliases the officer gave them, as loose keys."""
        catalogues = self.campaign.catalogues
        return {key: _loose_names(catalogues, key) for key in form.TABLE_KEYS}

    @cached_property
    def levels_text(self) -> str:
        return alternatives(self.campaign.catalogues.levels)


def _loose_names(catalogues: Catalogues, table_key: str) -> frozenset[str]:
    items = catalogues.items(table_key)
    spellings = [s for item in items for s in catalogues.aliases.get(item, [])]
    return frozenset(loose_key(name) for name in [*items, *spellings])


def _shown(value: Any) -> str:
    """A cell value as the agency typed it: 12 not 12.0, and 12,5 with a decimal comma."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}".replace(".", ",")
    return str(value)[:60] if value is not None else ""


def validate_file(path: Path, campaign: Campaign) -> FileResult:
    """Read and check one file (the first answer of an e-mail or zip); never raises for bad
    input."""
    return answers.validate_path(path, campaign)[0]


def check(raw: RawSubmission, campaign: Campaign) -> FileResult:
    """Validate what was read from one file against the form and the campaign."""
    checker = _FileCheck(campaign)
    agency, usable = _identify(raw, checker)
    if agency is None or not usable:
        # A form of another campaign still tells who sent it: the agency is not "missing".
        name = agency.name if agency else _typed_name(raw)
        result = FileResult(raw.path, agency.code if agency else None, name, checker.issues)
        result.not_a_report = any(i.code == "not_a_form" for i in checker.issues)
        if result.not_a_report:
            result.agency_name = None  # a name read in a class list names no agency's answer
        return result
    if _is_blank(raw):
        checker.add("empty_form")
        return FileResult(raw.path, agency.code, agency.name, checker.issues)
    header = checker.parse(HEADER_PARSERS, raw.info)
    submission = Submission(
        path=raw.path,
        agency_code=agency.code,
        agency_name=agency.name,
        report_number=header["report_number"] or "",
        signer_title=header["signer_title"] or "",
        signer_name=header["signer_name"] or "",
        contact=header["contact"] or "",
        budget_state=header["budget_state"] or 0,
        budget_mobilized=header["budget_mobilized"] or 0,
        budget_unsplit=header["budget_unsplit"] or 0,
        budget_reported=any(header[key] is not None for key in _BUDGET_KEYS),
        rolled_up=raw.kind == rollup.KIND,
        covers=_covers(raw),
    )
    _check_header(raw, header, submission, agency, checker)
    for spec in form.TABLES:
        said = len(checker.issues)
        submission.tables[spec.key] = _check_table(raw, spec, checker)
        if any(i.code == "table_absent" for i in checker.issues[said:]):
            submission.absent.append(spec.key)
    for key, where in raw.extra_tables:
        checker.add(
            "extra_table_sheet",
            at=where,
            sheet_name=where.part,
            address=where.cell,
            table=form.table(key).sheet,
        )
    checker.issues.sort(key=lambda issue: _position(issue, raw.sheet_names))
    return FileResult(raw.path, agency.code, agency.name, checker.issues, submission)


def _position(issue: Issue, parts: list[str]) -> tuple[int, int, int]:
    """Sort key: part order, then row, then column, as the officer reads the file."""
    return issue.location.sort_key(parts) if issue.location else (-1, -1, 0)


def _typed_other_agency(raw: RawSubmission, owner: Agency, checker: _FileCheck) -> Agency | None:
    """The roster agency whose name the clerk typed on another agency's form (forwarded by a
    colleague, filled, and sent as "BC LDLD.xlsx"): the typed agency's answer when the file's
    name agrees (`form_of_other_agency`, a warning). With nothing else to tell, an error: the
    typed name alone may be a copied sheet's. The issuing body's own name typed there is the
    addressee, never the sender (`agency_name_mismatch`)."""
    campaign = checker.campaign
    other = _typed_roster_agency(raw, campaign)
    if other is None or other is owner or other is completeness.issuer_agency(campaign):
        return None
    cell = raw.info.get("agency_name")
    if completeness.agency_from_file_name(campaign, raw.path.name) is other:
        checker.add("form_of_other_agency", cell, name=other.name, owner=owner.name)
        return other
    checker.add("form_agency_unclear", cell, name=other.name, owner=owner.name)
    return None


def _typed_roster_agency(raw: RawSubmission, campaign: Campaign) -> Agency | None:
    typed = _typed_name(raw)
    return campaign.agency_by_name(typed) if typed else None


def _typed_name(raw: RawSubmission) -> str | None:
    cell = raw.info.get("agency_name")
    return nfc(str(cell.value)) if cell and cell.value else None


def _is_blank(raw: RawSubmission) -> bool:
    """Sent back as it was generated: no table row, and nothing typed on the info sheet."""
    if any(table.rows for table in raw.tables.values()) or raw.unruled_tables:
        return False  # a document's tables thd could not read are not blank
    return all(cell.value in (None, "") for key, cell in raw.info.items() if key != "agency_name")


def _identify(raw: RawSubmission, checker: _FileCheck) -> tuple[Agency | None, bool]:
    """(the agency that sent the file, whether the file can be used for this campaign)."""
    campaign = checker.campaign
    meta = raw.meta
    if meta and meta.get("marker") == form.FORM_MARKER:
        info = campaign.campaign
        agency = campaign.agency(meta.get("agency_code", "")) or rollup.agency(raw, campaign)
        # A lower level's data file has its own campaign id: only the year must agree.
        same = meta.get("campaign_id") == info.id or raw.kind == rollup.KIND
        if not same or meta.get("year") != str(info.year):
            year, campaign_id = meta.get("year", "?"), meta.get("campaign_id", "?")
            if raw.kind == rollup.KIND:  # no form to take again: consolidate this year's answers
                checker.add(
                    "rollup_other_year", year=year, campaign=campaign_id, expected_year=info.year
                )
            else:
                checker.add(
                    "wrong_campaign",
                    year=year,
                    campaign=campaign_id,
                    expected_year=info.year,
                    expected=info.id,
                )
            return agency, False
        if meta.get("form_version") != form.FORM_VERSION:
            checker.add("wrong_version", version=meta.get("form_version", "?"))
            return agency, False
        if agency is None:
            checker.add(
                "unknown_agency", name=meta.get("agency_name") or meta.get("agency_code", "?")
            )
        elif raw.kind != rollup.KIND and (other := _typed_other_agency(raw, agency, checker)):
            return other, True
        return agency, agency is not None
    name_cell = raw.info.get("agency_name")
    if raw.kind == "excel" and not any(t.sheet for t in raw.tables.values()):
        checker.add("not_a_form")
        return None, False  # check() marks the file as no report
    typed = _typed_name(raw)
    if raw.kind != "excel" and typed and name_cell:  # a document's header lines, not one name
        agency, typed = _document_agency(raw, campaign, str(name_cell.value))
    else:
        agency = campaign.agency_by_name(typed) if typed else None
    if agency is None and not typed and raw.header_names:
        agency, name_cell, typed = _header_agency(raw, campaign)
    if agency is None:
        _unknown_agency(typed, name_cell, checker)
        return None, False
    if raw.kind == "excel":  # a Word or PDF report is never a form
        checker.add("form_retyped", name_cell, name=agency.name)
    return agency, True


def _header_agency(
    raw: RawSubmission, campaign: Campaign
) -> tuple[Agency | None, Cell | None, str | None]:
    """No name by its label: the ND30 header at the top left ("SỞ Y TẾ" under "UBND TỈNH BẮC
    KẠN"), read by completeness.header_agency; (the agency, its cell, the unit the roster lacks
    under a roster agency's line, named in the message)."""
    cells = raw.header_names
    named = completeness.header_agency(campaign, [str(c.value) for c in cells])
    if named.agency is not None:
        found = [c for c in cells if campaign.agency_by_name(str(c.value)) is named.agency]
        return named.agency, (found or cells)[-1], None
    if not named.under_roster_agency:
        return None, None, None
    line = named.unknown.split()
    cell = next((c for c in cells if str(c.value).split() == line), None)
    return None, cell, named.unknown


def _document_agency(
    raw: RawSubmission, campaign: Campaign, lines: str
) -> tuple[Agency | None, str | None]:
    """A Word or PDF report's header lines (or the name by its label): (the agency, else the
    name the roster lacks). That name replaces the lines, for the later checks; none, none."""
    lines_read = [nfc(line) for line in lines.splitlines()]
    named = completeness.header_agency(campaign, lines_read, blanks_read=False)
    cell = raw.info.pop("agency_name")
    if shown := (named.agency.name if named.agency else named.unknown):
        raw.info["agency_name"] = Cell(cell.location, shown)
    return named.agency, named.unknown or None


def _unknown_agency(typed: str | None, cell: Cell | None, checker: _FileCheck) -> None:
    """The closest roster names and where the name was read; adding an agency is advised only
    when no roster name is close."""
    if not typed:
        checker.add("agency_not_named", cell)
        return
    close = checker.campaign.closest_agencies(typed)
    name = typed
    where = f" (ô {cell.location.shown})" if cell and cell.location.cell else ""
    if close:
        names = ", ".join(f"“{a.name}”" for a in close)
        checker.add("unknown_agency_close", cell, name=name, where=where, names=names)
    else:
        checker.add("unknown_agency", cell, name=name)


def _check_header(
    raw: RawSubmission,
    header: Parsed,
    submission: Submission,
    agency: Agency,
    checker: _FileCheck,
) -> None:
    name_cell = raw.info.get("agency_name")
    if raw.meta and not raw.info.keys() - {"agency_name"}:
        # A generated form whose info sheet is gone: one error, not warnings about its cells.
        checker.add("info_sheet_missing", sheet_name=form.SHEET_INFO)
        return
    _check_budget(raw, submission, checker)
    _check_total(raw, header, submission, checker)
    typed = checker.campaign.agency_by_name(header["agency_name"] or "")
    if (
        header["agency_name"]
        and typed is not agency
        # another roster agency's name was judged by _identify (form_of_other_agency...)
        and (
            typed is None
            or typed is completeness.issuer_agency(checker.campaign)
            or raw.meta is None
        )
    ):
        checker.add(
            "agency_name_mismatch", name_cell, name=header["agency_name"], expected=agency.name
        )
    _check_date(raw, header, submission, checker)
    if not header["signer_name"]:
        checker.add("missing_signer", raw.info.get("signer_name"), sheet=_info_sheet(raw))
    for key in form.NARRATIVE_KEYS:
        cell = raw.info.get(key)
        text, legacy = _unlegacy(_narrative(cell.value) if cell else "")
        if legacy:
            checker.add("legacy_encoding", cell, encoding=legacy["encoding"], note=legacy["note"])
        submission.narratives[key] = text
        if not text:
            checker.add(
                "empty_narrative", cell, sheet=_info_sheet(raw), section=form.info_field(key).label
            )


def _check_date(
    raw: RawSubmission, header: Parsed, submission: Submission, checker: _FileCheck
) -> None:
    info = checker.campaign.campaign
    date_cell = raw.info.get("report_date")
    if date_cell is None or header["report_date"] in (None, ""):
        checker.add("missing_report_date", date_cell, sheet=_info_sheet(raw))
    else:
        submission.report_date = parse_date(header["report_date"])
        if submission.report_date is None and info.period_start.year == info.deadline.year:
            # "15/12" in a campaign within one calendar year: that year's 15/12, said so.
            submission.report_date = parse_day_month(header["report_date"], info.deadline.year)
            if submission.report_date is not None:
                checker.add(
                    "date_without_year",
                    date_cell,
                    value=_shown(header["report_date"]),
                    date=f"{submission.report_date:%d/%m/%Y}",
                )
        if submission.report_date is None:
            checker.add("invalid_date", date_cell, value=_shown(header["report_date"]))
        elif submission.report_date > info.deadline:
            submission.late = True
            checker.add(
                "late_report",
                date_cell,
                date=f"{submission.report_date:%d/%m/%Y}",
                deadline=f"{info.deadline:%d/%m/%Y}",
            )
        elif submission.report_date < info.period_start:
            checker.add(
                "early_report",
                date_cell,
                date=f"{submission.report_date:%d/%m/%Y}",
                start=f"{info.period_start:%d/%m/%Y}",
            )


def _info_sheet(raw: RawSubmission) -> str | None:
    """Where a missing info field is reported: the info sheet when the file has one."""
    return form.SHEET_INFO if form.SHEET_INFO in raw.sheet_names else None


def _check_budget(raw: RawSubmission, submission: Submission, checker: _FileCheck) -> None:
    """A budget read with its stated unit, said when implausible, said when not found."""
    if raw.info.get("budget_state") is None and raw.info.get("budget_total") is None:
        checker.add("budget_not_found")
        return
    for key in ("budget_state", "budget_mobilized"):
        cell = raw.info.get(key)
        value = getattr(submission, key)
        if cell is None or not value:
            continue
        if cell.note is not None and cell.note.kind == "unit" and not states_unit(cell.value):
            factor = 1_000_000 if cell.note.detail.startswith("triệu") else 1000
            setattr(submission, key, value * factor)
            checker.add(
                "budget_unit", cell, unit=cell.note.detail, value=_vn(value),
                amount=_vn(value * factor),
            )  # fmt: skip
        elif value < 1000:
            checker.add("implausible_budget", cell, value=_vn(value))


def _check_total(
    raw: RawSubmission, header: Parsed, submission: Submission, checker: _FileCheck
) -> None:
    """A total written without its split is kept unsplit (never guessed into a source); one
    written beside a split that it does not match is said, the split being used."""
    cell, total = raw.info.get("budget_total"), header["budget_total"]
    if cell is None or total is None:
        return
    split = submission.budget_state + submission.budget_mobilized
    if header["budget_state"] is None and header["budget_mobilized"] is None:
        submission.budget_unsplit += total
        checker.add("budget_unsplit", cell, amount=_vn(total))
        if total < 1000:
            checker.add("implausible_budget", cell, value=_vn(total))
    elif total != split:
        checker.add("budget_total_differs", cell, total=_vn(total), split=_vn(split))


def _vn(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _narrative(value: Any) -> str:
    """Keep the paragraphs the agency typed; tidy the spaces inside each."""
    if value is None:
        return ""
    lines = [nfc(line) for line in str(value).replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


_SUBTOTAL = re.compile(r"^(?:tong cong|tong so|tong|cong)(?:\s+(?:cap\b|\(|\d|[ivx]+$|[a-d]$).*)?$")


def _total_kind(row: Parsed) -> str | None:
    """ "total" for a grand-total row, "subtotal" for "Cộng cấp huyện", "Tổng số cấp xã",
    "Cộng (1)+(2)"; None for any other row (an activity named "Tổng kết ..." is one)."""
    for text in (row.get("item"), row.get("stt")):
        key = loose_key(text) if text else ""
        if key in form.TOTAL_LABELS or key.startswith("tong cong"):
            return "total"
        if key and _SUBTOTAL.match(key):
            return "subtotal"
    return None


_ROMAN = re.compile(r"[IVXL]+")
_DOTTED = re.compile(r"\d+(?:\.\d+)*")


def _depth(value: Any) -> int | None:
    """How deep an STT places its row: I (0) > 1 (1) > 1.1 (2) > a (5) > "-" (6)."""
    if isinstance(value, bool) or value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return 1 if float(value).is_integer() else 2
    text = str(value).strip().rstrip(".)")
    if _ROMAN.fullmatch(text):
        return 0
    if _DOTTED.fullmatch(text):
        return 1 + text.count(".")
    if len(text) == 1 and text.isalpha():
        return 5
    if text in ("-", "+", "*", "–", "•"):
        return 6
    return None


def _children(raw_rows: list[RawRow]) -> dict[int, list[int]]:
    """Row index -> its direct children by STT (1 over 1.1, 1.2; 1 over a, b; a row over "-")."""
    depths = [_depth(r.cells["stt"].value) if "stt" in r.cells else None for r in raw_rows]
    found: dict[int, list[int]] = {}
    for i, depth in enumerate(depths):
        if depth is None:
            continue
        below = []
        for j in range(i + 1, len(depths)):
            other = depths[j]
            if other is None or other <= depth:
                break
            below.append(j)
        if below:
            top = min(depths[j] or 0 for j in below)
            found[i] = [j for j in below if depths[j] == top]
    return found


@dataclass
class _Table:
    """One table's rows as they are sorted out: counted, totals, parents."""

    spec: form.TableSpec
    accepted: dict[int, tuple[Row, RawRow]] = field(default_factory=dict)
    totals: list[tuple[Parsed, RawRow]] = field(default_factory=list)
    parents: dict[int, tuple[Parsed, RawRow]] = field(default_factory=dict)
    group: list[Row] = field(default_factory=list)  # counted rows since the last subtotal
    rejected: int = 0  # rows left out for an error: a totals row cannot be checked then
    # The level a sub-heading over the rows names ("Cấp xã"), and its words, while it lasts;
    # `heading_said`: the rows under it that took it were told once.
    heading: tuple[str, str] | None = None
    heading_said: bool = False

    @cached_property
    def parsers(self) -> dict[str, Parser]:
        return row_parsers(self.spec)  # looked up once per table: hashing a spec costs per row


def _check_table(raw: RawSubmission, spec: form.TableSpec, checker: _FileCheck) -> list[Row]:
    table = raw.tables.get(spec.key)
    if table is None or table.sheet is None:
        _table_not_found(raw, spec, checker)
        return []
    if table.missing_columns:
        labels = ", ".join(spec.column(key).label for key in table.missing_columns)
        checker.add("missing_column", at=table.header, table=spec.sheet, columns=labels)
        return []
    state = _Table(spec)
    children = _children(table.rows)
    for i, raw_row in enumerate(table.rows):
        _sort_row(i, raw_row, i in children, state, checker)
    counted = _resolve_parents(state, children, checker)
    _check_totals_rows(spec, state.totals, counted, checker, state.rejected)
    _check_duplicates(counted, checker)
    _check_blank_figures(spec, counted, checker)
    if table.hidden_rows:
        rows = ", ".join(str(r + 1) for r in table.hidden_rows)
        at = Location(table.sheet, table.hidden_rows[0], 0)
        checker.add("hidden_rows", at=at, rows=rows)
    return [row for row, _ in counted]


_SAYS_NONE = re.compile(r"^(?:(?:don vi|co quan|nam nay)\s+)?khong\b")


def _table_not_found(raw: RawSubmission, spec: form.TableSpec, checker: _FileCheck) -> None:
    """A sheet that holds the table's name without its header, or a file with none of the
    tables, was damaged: an error. A form whose table's sheet the clerk deleted (the other
    tables there), a retyped form or a document that left out one table the agency has nothing
    for: a warning, none when its section says so in words."""
    found = any(t.sheet is not None for key, t in raw.tables.items() if key != spec.key)
    if not found and raw.kind in _DOCUMENTS:
        # None of a document's tables read: one problem of the document, said once.
        if spec.key == form.TABLES[0].key:
            variant, values = _unread_document(raw)
            checker.add_problem(variant, **values)
        return
    unruled = _unruled_at(raw, spec)
    if unruled is not None:
        # The table is there, its figures in columns thd cannot trust: never "absent".
        how, fix = _UNRULED[raw.kind]
        checker.add("table_unruled", at=unruled, table=spec.sheet, how=how, fix=fix)
        return
    named = spec.sheet in raw.sheet_names
    if named or not found:
        # At the sheet when it is there (its header row deleted), else on the whole file.
        checker.add("table_missing", sheet=spec.sheet if named else None, table=spec.sheet)
        return
    if _says_none(raw, spec):
        return  # "Không phát hành sản phẩm.": the agency said it has nothing for this table
    section = raw.table_texts.get(spec.key)
    checker.add("table_absent", at=section.location if section else None, table=spec.sheet)


def _says_none(raw: RawSubmission, spec: form.TableSpec) -> bool:
    """The table's section says in a few words that there is nothing for it ("Không có.")."""
    section = raw.table_texts.get(spec.key)
    text = loose_key(str(section.value)) if section and section.value else ""
    return bool(_SAYS_NONE.match(text) and len(text.split()) <= 12 and not re.search(r"\d", text))


_DOCUMENTS = {"word": "Word", "pdf": "PDF"}


_UNRULED = {
    "pdf": (
        "in trong bản PDF không đủ đường kẻ ô (bảng bỏ đường viền, chỉ kẻ khung ngoài, chỉ kẻ "
        "ngang hay chỉ kẻ dọc)",
        "gửi kèm bản Word (.docx) của báo cáo, hoặc kẻ đủ đường viền cho bảng (Tất cả viền, tức "
        "All Borders) rồi xuất lại PDF, hoặc điền mẫu Excel đã gửi.",
    ),
    "word": (
        "được gõ bằng dấu Tab hoặc dấu cách, không phải bảng Word",
        "chèn bảng (Chèn > Bảng, tức Insert > Table) hoặc điền mẫu Excel đã gửi.",
    ),
}


def _unread_document(raw: RawSubmission) -> tuple[str, dict[str, str]]:
    """The file problem of a document without a readable table, and its values."""
    if raw.kind == "pdf":
        places = [where.shown for _, where in raw.unruled_tables]
        if places:
            return "pdf_unruled_tables", {"where": "; ".join(dict.fromkeys(places))}
    elif _typed_with_tabs(raw.first_text) or raw.unruled_tables:
        return "tab_tables", {}
    tables = ", ".join(f"“{t.sheet}”" for t in form.TABLES)
    return "document_without_tables", {"kind": _DOCUMENTS[raw.kind], "tables": tables}


def _unruled_at(raw: RawSubmission, spec: form.TableSpec) -> Location | None:
    """Where the document holds `spec`'s table typed as text or without its rules, if it does:
    lines under the table's title with the table's header words or figures in columns, a
    grid of the table's labels whose header could not be told from its rows, or lines of a
    table in another section (its own header, or none: the table the report lacks)."""
    if raw.kind not in _DOCUMENTS:
        return None
    found: dict[str, Location] = {}
    loose: list[Location] = []
    for key, where in raw.unruled_tables:
        if key is None:
            loose.append(where)
        else:
            found.setdefault(key, where)
    for other in form.TABLES:  # lines naming no table: the first table the report lacks
        table = raw.tables.get(other.key)
        if not loose or other.key in found or (table is not None and table.sheet is not None):
            continue
        if not _says_none(raw, other):
            found[other.key] = loose.pop(0)
    return found.get(spec.key)


def _typed_with_tabs(text: str) -> bool:
    """Tables typed as lines of text: several lines with two tabs or more, or a line with a
    table's header words ("STT  Hoạt động  Số cuộc  Nam  Nữ")."""
    lines = text.splitlines()
    if sum(line.count("\t") >= 2 for line in lines) >= 2:
        return True
    return any(_has_header_words(line) for line in lines)


def _has_header_words(line: str) -> bool:
    return header_of(line) is not None


def _sort_row(
    i: int, raw_row: RawRow, has_children: bool, state: _Table, checker: _FileCheck
) -> None:
    if _is_header_copy(raw_row, state.spec):
        return  # the header row copied again below the header: labels, no figures
    errors_before = checker.error_count
    parsed = checker.parse(state.parsers, _total_cells(raw_row, state.spec))
    if checker.error_count == errors_before and _is_heading(parsed, state.spec, checker):
        # "I. Cấp huyện" over the rows it heads: no figures to lose, maybe their level.
        level = _heading_level(parsed["item"], checker.levels)
        state.heading, state.heading_said = (level, parsed["item"]) if level else None, False
        return
    kind = _total_kind(parsed)
    if kind == "total":
        state.totals.append((parsed, raw_row))
        state.group = []
        return
    item = parsed.get("item") or parsed.get("stt") or ""
    if kind == "subtotal" or _sums_group(parsed, raw_row, state):
        how = "theo tên dòng" if kind else "bằng tổng các dòng bên trên"
        checker.add("subtotal_row", raw_row.cells["item"], item=item, how=how)
        state.group = []
        return
    if has_children:
        state.parents[i] = (parsed, raw_row)
        return
    if state.heading and _takes_heading_level(parsed, raw_row, state.spec):
        parsed = _level_from_heading(parsed, raw_row, state, checker)
    row = _row_rules(parsed, raw_row, state.spec, checker)
    if row is not None and checker.error_count == errors_before:
        state.accepted[i] = (row, raw_row)
        state.group.append(row)
    elif checker.error_count > errors_before:
        state.rejected += 1


def _total_cells(raw_row: RawRow, spec: form.TableSpec) -> dict[str, Cell]:
    """A total or subtotal row ("Tổng cộng", "Cộng cấp huyện") is never counted: a formula of
    its that went wrong (#REF! after the clerk deleted rows, no cached value) leaves the figure
    empty instead of failing the file."""
    cells = raw_row.cells
    texts = {
        k: c.value for k in ("item", "stt") if (c := cells.get(k)) and isinstance(c.value, str)
    }
    if _total_kind(texts) is None:
        return cells
    broken = [k for k in spec.number_keys if getattr(cells[k].note, "kind", "") in _BROKEN]
    if not broken:
        return cells
    return cells | {k: cells[k]._replace(value=None, note=None) for k in broken}


_BROKEN = frozenset({"formula", "error"})


@functools.cache
def _header_words(spec: form.TableSpec) -> frozenset[str]:
    words: set[str] = set()
    for column in spec.columns:
        words.update(loose_key(text) for text in (*column.labels, column.group) if text)
    return frozenset(words)


def _is_header_copy(raw_row: RawRow, spec: form.TableSpec) -> bool:
    """A row whose cells are the table's own column labels ("Số cuộc", "Nam", "Nữ")."""
    texts = [v for c in raw_row.cells.values() if isinstance(v := c.value, str) and v.strip()]
    if len(texts) < 2 or any(
        not isinstance(c.value, str) and c.value not in (None, "")
        for key, c in raw_row.cells.items()
        if key != "stt"
    ):
        return False
    return all(loose_key(nfc(text)) in _header_words(spec) for text in texts)


_HEADING = re.compile(r"^(?:[IVXL]+|[A-Z])\s*[.):]\s*\S")


def _is_heading(parsed: Parsed, spec: form.TableSpec, checker: _FileCheck) -> bool:
    """A sub-heading the clerk typed in the name column, with no figure and no level: a Roman
    numeral or capital letter before its words ("I. Cấp huyện", "A. Hoạt động"), or a level's
    name alone ("Cấp xã", often merged over the row). A numbered item of the table's catalogue
    ("I. Tọa đàm") is a row whose figures were left blank, never a heading."""
    item = parsed.get("item")
    if not item or parsed.get("level") or any(parsed[k] is not None for k in spec.number_keys):
        return False
    if loose_key(item).removeprefix("cap ") in checker.levels:
        return True
    words = loose_key(_HEADING_NUMBER.sub("", item)).strip(" .;:")
    return _HEADING.match(item) is not None and words not in checker.catalogues[spec.key]


_HEADING_NUMBER = re.compile(r"^(?:[IVXL]+|[A-Z])\s*[.):]\s*")


def _heading_level(item: str, levels: dict[str, str]) -> str | None:
    """The level a sub-heading names and nothing else ("II. Cấp xã", "Cấp huyện, thành phố");
    None for any other heading ("I. Hoạt động cấp huyện" names no rows' level for sure)."""
    words = _HEADING_NUMBER.sub("", item)
    key = loose_key(words).removeprefix("cap ").strip(" .;:")
    if key not in levels:
        key = _level_with_synonyms(words, levels) or key
    return levels.get(key)


def _takes_heading_level(parsed: Parsed, raw_row: RawRow, spec: form.TableSpec) -> bool:
    """A counted row with its level cell left empty (a level typed wrong stays an error)."""
    level_cell = raw_row.cells["level"]
    return (
        bool(parsed.get("item"))
        and any(parsed[k] is not None for k in spec.number_keys)
        and parsed.get("level") is None
        and level_cell.value in (None, "")
        and level_cell.note is None
    )


def _level_from_heading(
    parsed: Parsed, raw_row: RawRow, state: _Table, checker: _FileCheck
) -> Parsed:
    assert state.heading is not None
    level, heading = state.heading
    if not state.heading_said:
        checker.add("level_from_heading", raw_row.cells["level"], level=level, heading=heading)
        state.heading_said = True
    return {**parsed, "level": level}


def _sums_group(parsed: Parsed, raw_row: RawRow, state: _Table) -> bool:
    """A row with figures and no level that equals the sum of the rows above it in its group."""
    if len(state.group) < 2 or raw_row.cells["level"].value not in (None, ""):
        return False
    values = [parsed[key] for key in state.spec.number_keys]
    if not any(values):
        return False
    sums = [sum(r.figures[key] for r in state.group) for key in state.spec.number_keys]
    return [v or 0 for v in values] == sums


def _figures_of(i: int, state: _Table, children: dict[int, list[int]]) -> Mapping[str, int] | None:
    """The figures row `i` stands for: its own when counted, its children's when a parent."""
    if i in state.accepted:
        return state.accepted[i][0].figures
    if i not in children:
        return None
    parts = [_figures_of(j, state, children) for j in children[i]]
    if any(p is None for p in parts):
        return None
    return {k: sum(p[k] for p in parts if p) for k in state.spec.number_keys}


def _resolve_parents(
    state: _Table, children: dict[int, list[int]], checker: _FileCheck
) -> list[tuple[Row, RawRow]]:
    """Parents are never counted: their children are. Say so, and whether they agree."""
    for i, (parsed, raw_row) in state.parents.items():
        own = {key: parsed[key] for key in state.spec.number_keys}
        if all(v is None for v in own.values()):
            continue  # a heading over its detail rows
        sums = _figures_of(i, state, children)
        if sums is None:
            continue
        differing = [k for k, v in own.items() if v is not None and v != sums[k]]
        item = parsed.get("item") or ""
        if differing:
            key = differing[0]
            checker.add("totals_mismatch", raw_row.cells[key], typed=own[key], computed=sums[key])
        else:
            rows = ", ".join(str(_row_number(j, state, children)) for j in children[i])
            checker.add("parent_row", raw_row.cells["item"], item=item, children=f"dòng {rows}")
    return [state.accepted[i] for i in sorted(state.accepted)]


def _row_number(j: int, state: _Table, children: dict[int, list[int]]) -> int:
    if j in state.accepted:
        return state.accepted[j][1].row + 1
    return state.parents[j][1].row + 1 if j in state.parents else j + 1


def _row_rules(
    parsed: Parsed, raw_row: RawRow, spec: form.TableSpec, checker: _FileCheck
) -> Row | None:
    cells = raw_row.cells
    numbers: dict[str, int | None] = {key: parsed[key] for key in spec.number_keys}
    has_numbers = any(n is not None for n in numbers.values())
    has_bad_number = any(
        (cells[k].value not in (None, "") or cells[k].note is not None) and numbers[k] is None
        for k in spec.number_keys
    )
    item, level = parsed.get("item"), parsed.get("level")
    if not item:
        if has_numbers or has_bad_number or level:
            checker.add("missing_item", cells["item"], label=spec.item_label)
        return None
    if several := _items_in_one_cell(cells["item"].value, spec, checker):
        listed = " và ".join(f"“{name}”" for name in several)
        checker.add("several_items", cells["item"], count=len(several), items=listed)
        return None
    if not has_numbers and not has_bad_number:
        first = spec.number_columns[0]
        checker.add("missing_numbers", cells[first.key], item=item, label=first.label)
        return None
    if level is None and cells["level"].value in (None, ""):
        checker.add("missing_level", cells["level"], item=item)
        return None
    figures = Counts(tuple(numbers), tuple(value or 0 for value in numbers.values()))
    blank = tuple(key for key, value in numbers.items() if value is None)
    partial = tuple(
        k for k in spec.number_keys if _noted(cells[k], "partial") and numbers[k] is not None
    )
    location = shared_location(raw_row.location)
    row = Row(item or "", level or "", figures, location, blank, partial)
    _plausibility(row, raw_row, spec, checker)
    if other := _other_tables_item(item, spec, checker):
        checker.add("item_of_other_table", cells["item"], item=item, table=other.sheet)
    return row


def _other_tables_item(
    item: str, spec: form.TableSpec, checker: _FileCheck
) -> form.TableSpec | None:
    """The table whose catalogue holds an item this table's does not ("Phát thanh" among the
    activities: a row copied from the media sheet, counted there and here)."""
    key = loose_key(item)
    catalogues = checker.catalogues
    if key in catalogues[spec.key]:
        return None
    return next((t for t in form.TABLES if t.key != spec.key and key in catalogues[t.key]), None)


# Catalogue items on lines of their own (Alt+Enter), or joined by ";" or "+": one row cannot
# say whose the figures are. A comma joins the words of one item ("Kiểm tra, giám sát").
_ITEM_PARTS = re.compile(r"\s*(?:\n|;|\+)\s*")
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[a-zđ][.)]|[-–•])\s*", re.IGNORECASE)


def _items_in_one_cell(value: Any, spec: form.TableSpec, checker: _FileCheck) -> list[str]:
    """ "Diễn đàn⏎Đối thoại", "1. Tập huấn⏎2. Hội thảo": each line this table's catalogue item
    (or an alias the officer gave one)."""
    if not isinstance(value, str) or not _ITEM_PARTS.search(value.strip()):
        return []
    parts = [_LIST_MARK.sub("", nfc(part)) for part in _ITEM_PARTS.split(value) if part.strip()]
    known = checker.catalogues[spec.key]
    if len(parts) < 2 or any(loose_key(part).strip(" .-") not in known for part in parts):
        return []
    return parts


def _noted(cell: Cell, kind: str) -> bool:
    return cell.note is not None and cell.note.kind == kind


def _plausibility(row: Row, raw_row: RawRow, spec: form.TableSpec, checker: _FileCheck) -> None:
    info = checker.campaign.campaign
    where = raw_row.cells.get(form.MALE) or raw_row.cells["item"]
    if (
        spec.counts_sessions
        and row.count
        and row.people / row.count > info.max_participants_per_session
    ):
        checker.add(
            "implausible_participants",
            where,
            people=row.people,
            count=row.count,
            bound=info.max_participants_per_session,
        )
    if row.people > info.population:
        checker.add(
            "implausible_reach",
            where,
            people=row.people,
            population=info.population,
        )
    if (bound := spec.count_bound) and row.count > bound[0]:
        checker.add(
            "implausible_count",
            raw_row.cells[form.COUNT],
            label=spec.count_label,
            count=_vn(row.count),
            bound=_vn(bound[0]),
            people=spec.people_label,
            unit=bound[1],
        )


def _check_totals_rows(
    spec: form.TableSpec,
    totals: list[tuple[Parsed, RawRow]],
    counted: list[tuple[Row, RawRow]],
    checker: _FileCheck,
    rejected: int = 0,
) -> None:
    """A totals row is never counted; it is compared with the counted rows only when no row was
    left out for an error (the clerk would hunt for a difference that is only that row)."""
    sums = {key: sum(r.figures[key] for r, _ in counted) for key in spec.number_keys}
    for parsed, raw_row in totals:
        differing = [k for k in sums if parsed[k] is not None and parsed[k] != sums[k]]
        if differing and not rejected:
            key = differing[0]
            below = [(row, raw) for row, raw in counted if raw.row > raw_row.row]
            if below:
                _rows_below_total(raw_row, below, key, parsed[key], sums[key], checker)
                continue
            checker.add(
                "totals_mismatch",
                raw_row.cells[key],
                typed=parsed[key],
                computed=sums[key],
            )
        else:
            checker.add("totals_row", raw_row.cells["item"])


def _rows_below_total(
    total: RawRow,
    below: list[tuple[Row, RawRow]],
    key: str,
    typed: int,
    computed: int,
    checker: _FileCheck,
) -> None:
    """Rows typed under the clerk's own total are counted (they are the agency's figures, and
    the total often matches the rows above it): say which rows, not only that the total is off."""
    checker.add(
        "rows_below_total",
        total.cells[key],
        rows=_row_ranges([raw.row + 1 for _, raw in below]),
        total_row=total.row + 1,
        typed=typed,
        above=computed - sum(row.figures[key] for row, _ in below),
        computed=computed,
    )


def _row_ranges(rows: list[int]) -> str:
    """12, 13, 14, 17 -> "12–14, 17"."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


def _check_duplicates(accepted: list[tuple[Row, RawRow]], checker: _FileCheck) -> None:
    """One event per row is how many clerks fill a table: every row counts, and one warning
    per table names the repeated rows."""
    seen: dict[tuple[str, str], int] = {}
    repeated: list[tuple[Row, RawRow]] = []
    for row, raw_row in accepted:
        key = (loose_key(row.item), row.level)
        if key in seen:
            repeated.append((row, raw_row))
        else:
            seen[key] = raw_row.row + 1
    if repeated:
        first, raw_row = repeated[0]
        rows = ", ".join(str(r.row + 1) for _, r in repeated[:10])
        more = "..." if len(repeated) > 10 else ""
        checker.add(
            "duplicate_row",
            raw_row.cells["item"],
            count=len(repeated),
            item=first.item,
            level=first.level,
            rows=rows + more,
            first=seen[(loose_key(first.item), first.level)],
        )


def _check_blank_figures(
    spec: form.TableSpec, accepted: list[tuple[Row, RawRow]], checker: _FileCheck
) -> None:
    """Blank number cells beside filled ones count as 0, so the total is only a lower bound:
    one warning per table names the rows (an explicit 0 is an answer and is never warned)."""
    blank = [(row, raw_row) for row, raw_row in accepted if row.blank]
    if not blank:
        return
    first, raw_row = blank[0]
    keys = [key for key in spec.number_keys if any(key in row.blank for row, _ in blank)]
    rows = ", ".join(str(r.row + 1) for _, r in blank[:10]) + ("..." if len(blank) > 10 else "")
    checker.add(
        "blank_figures",
        raw_row.cells[first.blank[0]],
        rows=f"Các dòng {rows}" if len(blank) > 1 else f"Dòng {rows}",
        columns=form.spoken_columns(spec, keys),
    )


def _covers(raw: RawSubmission) -> tuple[str, ...]:
    """A roll-up's lower-level bodies (completeness shows them as answered through it)."""
    if raw.kind != rollup.KIND or raw.meta is None:
        return ()
    return tuple(name for name in raw.meta.get("covers", "").split("\n") if name)
