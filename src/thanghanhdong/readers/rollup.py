"""A lower level's data file (`baocao.json` of a district, a province) read as that body's
answer: its consolidated rows become the rows of one submission, levels kept (a district's Xã
rows stay Xã), so the upper level validates and consolidates it like any form.

Also what validate and consolidate need beyond the rows: which roster agency made it (by the
issuing body's name), which agencies it already contains (double counting), and its own status
for Phụ lục II. The JSON is bounded in size by `container.load`; anything that is not a thd
data file of a known version is a file problem, never a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from thanghanhdong import form, messages
from thanghanhdong.model import (
    Cell,
    CellNote,
    FileError,
    FileResult,
    Grid,
    Issue,
    Location,
    RawRow,
    RawSubmission,
    RawTable,
)
from thanghanhdong.text import loose_key

KIND = "rollup"  # RawSubmission.kind of a data file
SUFFIX = ".json"
DATA_FORMAT, DATA_VERSION = "thd-consolidation", 1  # as consolidate.DATA_FORMAT/VERSION


def read(path: Path, data: bytes) -> RawSubmission:
    document = _document(data)
    try:
        return _submission(path, document)
    except (AttributeError, TypeError, ValueError, KeyError) as exc:
        raise _problem(
            "Tệp số liệu tổng hợp bị sửa tay hoặc hỏng (sai cấu trúc): đề nghị đơn vị lập lại "
            "bằng thd consolidate và gửi lại."
        ) from exc


def _submission(path: Path, document: Mapping[str, Any]) -> RawSubmission:
    info, issuer = document.get("campaign", {}), document.get("issuer", {})
    meta = {
        "marker": form.FORM_MARKER,
        "form_version": form.FORM_VERSION,
        "campaign_id": str(info.get("id", "")),
        "year": str(info.get("year", "")),
        "agency_code": "",
        "agency_name": str(issuer.get("name", "")),
        "issuer_parent": str(issuer.get("parent", "")),
        "covers": "\n".join(_used_names(document)),
    }
    seen: set[str] = set()  # the levels met so far, in the order validate reads the rows
    tables = {
        spec.key: _table(spec, document.get("tables", {}).get(spec.key), seen)
        for spec in form.TABLES
    }
    return RawSubmission(
        path=path,
        meta=meta,
        info=_info(document),
        tables=tables,
        sheet_names=[spec.sheet for spec in form.TABLES],
        kind=KIND,
    )


# The states of a lower level's status whose figures are in its totals (`covered`: answered
# through a roll-up of its own).
_USED_STATES = ("on_time", "late", "undated", "covered")


def _used_names(document: Mapping[str, Any]) -> list[str]:
    """The names of the lower level's agencies whose answers its totals contain."""
    status = document.get("status", {})
    entries = status.get("agencies", []) if isinstance(status, dict) else []
    names = (
        str(e.get("name", "")).strip()
        for e in (entries if isinstance(entries, list) else [])
        if isinstance(e, dict) and e.get("state") in _USED_STATES
    )
    return [name for name in names if name]


def _problem(message: str) -> FileError:
    code = "rollup_unreadable"
    return FileError(Issue(code, messages.CATALOGUE[code].severity, message))


def _document(data: bytes) -> Mapping[str, Any]:
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _problem("Tệp .json không đọc được (không phải JSON hợp lệ).") from exc
    if not isinstance(document, dict) or document.get("format") != DATA_FORMAT:
        raise _problem(
            "Tệp .json không phải tệp số liệu tổng hợp của thd: chuyển tệp này ra khỏi thư mục."
        )
    if document.get("version") != DATA_VERSION:
        raise _problem(
            f"Tệp số liệu tổng hợp phiên bản {document.get('version')} chưa được hỗ trợ: đề nghị "
            "đơn vị lập lại bằng thd cùng phiên bản."
        )
    return document


def _where(part: str, row: int | None = None, label: str = "") -> Location:
    return Location(part, row, None, Grid.TABLE if row is not None else Grid.TEXT, label)


class RolledLevel(str):
    """A row's level as the lower level's consolidation wrote it: validated there against its
    own levels, so a level the upper level does not list ("Huyện" in a province's file, the
    ministry listing Tỉnh and Xã) is kept as written, with one warning a file for each such
    level (`first`: the level's first row in the file; validate._level says it)."""

    first: bool

    def __new__(cls, text: str, first: bool = False) -> RolledLevel:
        level = super().__new__(cls, text)
        level.first = first
        return level

    def __reduce__(self) -> tuple[type[RolledLevel], tuple[str, bool]]:
        return RolledLevel, (str(self), self.first)


def _table(spec: form.TableSpec, data: Any, seen: set[str]) -> RawTable:
    table = RawTable(spec.key, spec.sheet, header=_where(spec.sheet))
    rows = data.get("rows", []) if isinstance(data, dict) else []
    for index, row in enumerate(rows if isinstance(rows, list) else []):
        if isinstance(row, dict):
            table.rows.append(_row(spec, index, row, seen))
    return table


def _level(value: Any, seen: set[str]) -> Any:
    """A level as written, marked as a data file's (`RolledLevel`); `seen`: the file's levels
    met so far, so that only each one's first row is `first`."""
    if not isinstance(value, str) or not value.strip():
        return value
    key = loose_key(value)
    first = key not in seen
    seen.add(key)
    return RolledLevel(value, first)


def _row(spec: form.TableSpec, index: int, row: Mapping[str, Any], seen: set[str]) -> RawRow:
    # A column no answer below gave is blank here too ("—" in the lower level's report), not 0;
    # one only some gave stays marked incomplete ("1.234*").
    blank, partial = (_keys(row, name) for name in ("blank", "partial"))
    cells = {
        column.key: Cell(
            _where(spec.sheet, index, column.label),
            None
            if column.key in blank
            else _level(row.get(column.key), seen)
            if column.kind is form.ColumnKind.LEVEL
            else _scalar(row.get(column.key)),
            CellNote("partial") if column.key in partial else None,
        )
        for column in spec.columns
        if column.key != "stt"
    }
    cells["stt"] = Cell(_where(spec.sheet, index, form.STT_LABEL), str(index + 1))
    return RawRow(_where(spec.sheet, index), cells)


def _keys(row: Mapping[str, Any], name: str) -> set[str]:
    found = row.get(name, ())
    return {key for key in found if isinstance(key, str)} if isinstance(found, list) else set()


def _scalar(value: Any) -> str | int | float | None:
    return value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None


def _info(document: Mapping[str, Any]) -> dict[str, Cell]:
    issuer = (
        document.get("config", {}).get("issuer", {})
        if isinstance(document.get("config"), dict)
        else {}
    )
    budget = document.get("budget", {}) if isinstance(document.get("budget"), dict) else {}
    values: dict[str, Any] = {
        "agency_name": document.get("issuer", {}).get("name"),
        "report_date": document.get("report_date"),
        "signer_title": issuer.get("signer_title"),
        "signer_name": issuer.get("signer_name"),
        "contact": issuer.get("contact"),
        # An older data file has no "reported": its budget was reported.
        "budget_state": budget.get("state") if budget.get("reported", True) else None,
        "budget_mobilized": budget.get("mobilized") if budget.get("reported", True) else None,
        "budget_unsplit": budget.get("unsplit"),
        **_narratives(document.get("agencies", [])),
    }
    # A .json has no sheet: an issue about these fields ("nộp muộn") names no place in it.
    where = Location(None, None, None, Grid.TEXT, "")
    return {key: Cell(where, _scalar(v)) for key, v in values.items()}


def _narratives(agencies: Any) -> dict[str, str]:
    """Each section: the lower level's agencies' texts, one paragraph each, named."""
    texts: dict[str, list[str]] = {key: [] for key in form.NARRATIVE_KEYS}
    for agency in agencies if isinstance(agencies, list) else []:
        if not isinstance(agency, dict):
            continue
        name = str(agency.get("name", ""))
        nested = str(agency.get("path", "")).lower().endswith(SUFFIX)
        for key, text in (agency.get("narratives") or {}).items():
            if key in texts and isinstance(text, str) and text.strip():
                texts[key].append(_named(name, text.strip(), nested))
    return {key: "\n".join(lines) for key, lines in texts.items()}


def _named(name: str, text: str, nested: bool) -> str:
    """ "Sở Y tế: text". An agency that answered with its own data file (a district inside a
    province's file) has texts already named by its bodies ("UBND xã Kim Lư: text"): each
    such line says whose district it is ("UBND xã Kim Lư (UBND huyện Na Rì): text"), never
    "UBND huyện Na Rì: UBND xã Kim Lư: text", so that a reader two levels up can place the
    commune and `without_names` takes the whole name off."""
    lines = text.splitlines()
    if not nested or _agency_prefix(lines[0]) is None:
        return f"{name}: {text}"
    return "\n".join(_within(line, name) for line in lines)


def _within(line: str, name: str) -> str:
    prefix = _agency_prefix(line)
    if prefix is None:
        return line
    return f"{prefix.group(1)} ({name}): {line[prefix.end() :]}"


def _agency_prefix(line: str) -> re.Match[str] | None:
    prefix = _AGENCY_PREFIX.match(line)
    return prefix if prefix and _AGENCY_HEAD.match(prefix.group(1)) else None


# "UBND huyện Chợ Đồn: ..." at the start of a line: how `_narratives` names the lower level's
# body whose text follows.
_AGENCY_PREFIX = re.compile(r"^([^:;.\n]{3,120}):\s+(?=\S)")
# Matched on the words as typed: "Sở" and "Số", "Hội" and "Hội nghị" fold to the same letters.
_AGENCY_HEAD = re.compile(
    r"^(?:UBND|Ủy ban|Uỷ ban|Sở|Phòng(?! chống| ngừa)|Hội (?:Liên hiệp|LHPN|Nông dân|Cựu chiến"
    r" binh|Chữ thập đỏ|Người cao tuổi|Khuyến học|Luật gia)|Ban (?!hành)|Đài|Báo (?!cáo)"
    r"|Trung tâm|Công an|Tỉnh đoàn|Huyện đoàn|Thành đoàn|Liên đoàn|Bộ Chỉ huy|Trường (?!hợp)"
    r"|Bệnh viện|Chi cục|Văn phòng|Mặt trận)\s",
    re.IGNORECASE,
)


def without_names(text: str) -> str:
    """A rolled-up text without the lower level's body names `_narratives` put before each
    paragraph ("UBND huyện Chợ Đồn: Tổ chức ..." -> "Tổ chức ..."): in the digest the point is
    the district's answer, named once by the district. A heading ("Khó khăn: ...") is kept; an
    agency's own text is never passed here (its "Sở Y tế: ..." says who did what)."""
    return "\n".join(_without_name(line) for line in text.splitlines())


def _without_name(line: str) -> str:
    prefix = _agency_prefix(line)
    return line[prefix.end() :] if prefix else line


# --------------------------------------------------------------- for validate (identify)


def agency(raw: RawSubmission, campaign: Any) -> Any:
    """The roster agency a data file answers for: the one named like the body that made it
    ("UBND HUYỆN BA BỂ" as issuer parent, or the issuing body's own name). None otherwise.

    Named by its parent (the ND30 way: "UBND HUYỆN BA BỂ" over "PHÒNG LAO ĐỘNG - THƯƠNG BINH
    VÀ XÃ HỘI"), the answer's agency name becomes the parent's: the office that drafted it
    answers for that agency, its own name is no mismatch to warn about."""
    if raw.kind != KIND or raw.meta is None:
        return None
    parent = raw.meta.get("issuer_parent", "")
    for name in (parent, raw.meta.get("agency_name", "")):
        found = campaign.agency_by_name(name) if name else None
        if found is not None:
            if name == parent and (cell := raw.info.get("agency_name")) is not None:
                raw.info["agency_name"] = Cell(cell.location, parent)
            return found
    return None


# --------------------------------------------------------------- after reading the inbox


class Inner(NamedTuple):
    """One agency whose answer a data file used. Its code is local to the roster of the level
    that issued the file (every province has its own `SYT`): only `issuer` + code, or its name
    with the very same answer file (`digest`), says two data files hold the same body."""

    name: str
    key: str  # loose name, to meet this level's own roster
    code: str
    digest: str  # sha256 of the answer file it used ("": not recorded)


@lru_cache(maxsize=256)
def _summary(path: Path, size: int, mtime: int) -> tuple[tuple[Inner, ...], str, str]:
    """(the agencies whose answers it used, its status note, its issuer)."""
    from thanghanhdong import container

    document = _document(container.load(path))
    status = document.get("status", {})
    digests = _digests(document.get("inputs", []))
    used = tuple(
        Inner(name, loose_key(name, agency=True), code, digests.get(code, ""))
        for e in status.get("agencies", [])
        if e.get("state") in _USED_STATES
        for name, code in [(str(e.get("name", "")).strip(), str(e.get("code", "")))]
    )
    note = (
        f"Tổng hợp từ báo cáo của {len(used)}/{status.get('expected', len(used))} đơn vị cấp dưới"
    )
    issuer = document.get("issuer", {})
    return used, note, loose_key(f"{issuer.get('parent', '')} / {issuer.get('name', '')}")


def _digests(inputs: Any) -> dict[str, str]:
    """Agency code -> sha256 of the answer file the data file used for it."""
    return {
        str(i["agency"]): str(i["sha256"])
        for i in (inputs if isinstance(inputs, list) else [])
        if isinstance(i, dict) and i.get("used") and i.get("agency") and i.get("sha256")
    }


def summary(path: Path) -> tuple[tuple[Inner, ...], str, str] | None:
    try:
        stat = path.stat()
        return _summary(path, stat.st_size, stat.st_mtime_ns)
    except (OSError, FileError, AttributeError, TypeError):
        return None


def _rollups(
    results: Iterable[FileResult],
) -> list[tuple[FileResult, tuple[Inner, ...], str, str]]:
    found = []
    for result in results:
        is_rollup = result.path.suffix.lower() == SUFFIX and result.submission is not None
        if is_rollup and (info := summary(result.path)) is not None:
            found.append((result, *info))
    return found


def notes(report: Any) -> dict[str, str]:
    """Agency code -> Phụ lục II's note for each usable roll-up."""
    return {
        r.agency_code: note for r, _, note, _ in _rollups(report.files) if r.ok and r.agency_code
    }


def check_overlaps(results: Sequence[FileResult]) -> None:
    """Double counting: an agency of this level's roster that answered itself (a form, or its
    own data file) and is also inside another data file; or the same body inside two data
    files: the same issuer's code twice, or the same name with the same answer file in both. The error is on
    the roll-up, naming the body and both files."""
    direct = {
        loose_key(r.agency_name or "", agency=True): r for r in results if r.submission is not None
    }
    inside: dict[tuple[str, ...], FileResult] = {}
    for result, used, _, issuer in _rollups(results):
        for body in used:
            same_file = [("file", body.key, body.digest)] if body.digest else []
            keys = [("code", issuer, body.code), *same_file]
            others = [direct.get(body.key)] + [inside.get(key) for key in keys]
            other = next((o for o in others if o is not None and o is not result), None)
            if other is not None:
                _overlap(result, other, body.name)
            for key in keys:
                inside.setdefault(key, result)


def _overlap(rollup: FileResult, other: FileResult, name: str) -> None:
    severity, message = messages.render(
        "rollup_overlap", rollup=rollup.path.name, other=other.path.name, name=name
    )
    rollup.issues.insert(0, Issue("rollup_overlap", severity, message))
