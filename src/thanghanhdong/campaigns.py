"""Next year's campaign from last year's `thd.toml`, and the keys still to confirm.

`roll_forward` edits the officer's own file (comments and layout kept): year, campaign id,
period and deadline move to the new year; the plan's date moves a year and, with the plan number
and anything else still naming the old year, is marked "CẦN XÁC NHẬN" on its line and listed in
`[campaign] to_confirm`, which the officer empties as each key is checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from thanghanhdong import config
from thanghanhdong.config import Campaign, ConfigError
from thanghanhdong.tomltext import Statement, TomlLines, basic_string, scan, split_line, string_list

MARK = "CẦN XÁC NHẬN"
TO_CONFIRM = "to_confirm"
_MOVED_DATES = ("period_start", "period_end", "deadline")


@dataclass(frozen=True)
class RolledConfig:
    text: str
    to_confirm: list[str]  # dotted keys, as config errors name them: "campaign.plan_number"
    previous_year: int


def roll_forward(toml_text: str, year: int, *, sample: bool = False) -> RolledConfig:
    """Last year's configuration text -> this year's; ConfigError if it cannot be rolled.
    `sample`: the text is thd's sample (Bắc Kạn 2021), rolled for a province starting afresh:
    every value of the sample province is marked to confirm too."""
    old = config.parse(toml_text, "cấu hình năm trước")
    previous = old.campaign.year
    if year <= previous:
        raise ConfigError(f"Năm mới ({year}) phải sau năm {previous} của cấu hình năm trước.")
    doc = scan(toml_text)
    _move_year_keys(doc, old, year)
    marked = _mark_to_confirm(doc, old, year)
    if sample:
        marked += _mark_sample(_refreshed(doc), old, year)
    keys = _merge(old.campaign.to_confirm, marked)
    text = _set_to_confirm(doc, keys, previous)
    _check(text, old, year)
    return RolledConfig(text, keys, previous)


# What each key means, for the lines `thd init --from` prints after the key.
KEY_LABELS = {
    "campaign.plan_number": "số Kế hoạch triển khai",
    "campaign.plan_date": "ngày ban hành Kế hoạch",
    "campaign.theme": "chủ đề năm nay",
    "issuer.recipients": "các cơ quan Kính gửi",
    "issuer.distribution": "Nơi nhận",
    "campaign.guidance": "văn bản chỉ đạo, hướng dẫn của năm nay",
    "campaign.id": "mã đợt",
    "campaign.population": "dân số toàn tỉnh",
    "issuer.parent": "cơ quan chủ quản",
    "issuer.name": "tên cơ quan tổng hợp",
    "issuer.abbreviation": "chữ viết tắt tên cơ quan",
    "issuer.place": "địa danh",
    "issuer.contact": "nơi nhận báo cáo",
    "issuer.email": "thư điện tử nhận báo cáo",
    "issuer.signer_authority": "quyền hạn ký",
    "issuer.signer_title": "chức vụ người ký",
    "issuer.signer_name": "họ tên người ký",
    "issuer.archive": "dòng Lưu",
    "catalogues.levels": "các cấp triển khai",
}


def describe_keys(keys: list[str]) -> list[str]:
    """["campaign.plan_number"] -> ["campaign.plan_number (số Kế hoạch triển khai)"]."""
    return [f"{key} ({KEY_LABELS[key]})" if key in KEY_LABELS else key for key in keys]


def unchanged_from_last_year(campaign: Campaign) -> list[str]:
    """Keys copied from last year that the officer has not yet confirmed (removed from the list)."""
    return list(dict.fromkeys(campaign.campaign.to_confirm))


def confirm_warnings(campaign: Campaign) -> list[str]:
    """One Vietnamese sentence per key still to confirm, for generate and validate to print."""
    data = campaign.model_dump(mode="json")
    return [
        _confirm_sentence(key, _lookup(data, key)) for key in unchanged_from_last_year(campaign)
    ]


def _confirm_sentence(key: str, value: Any) -> str:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        value = "; ".join(value)
    text = str(value) if isinstance(value, (str, int)) else ""
    shown = f" (đang ghi: {text[:60]}{'…' if len(text) > 60 else ''})" if text else ""
    return (
        f"Khóa '{key}' chép từ cấu hình năm trước, chưa được xác nhận{shown}: kiểm tra và sửa nếu"
        f' cần, rồi xóa "{key}" khỏi danh sách campaign.{TO_CONFIRM}.'
    )


def _lookup(data: Any, key: str) -> Any:
    """The value at a dotted key ("campaign.plan_date", "agencies[3].name"), or None."""
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", key):
        if part.startswith("[") and isinstance(data, list):
            index = int(part[1:-1]) - 1
            data = data[index] if 0 <= index < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


# --------------------------------------------------------------------------- moving the year


def _move_year_keys(doc: TomlLines, old: Campaign, year: int) -> None:
    info, years = old.campaign, year - old.campaign.year
    _replace(doc, "year", lambda typed: str(year))
    _replace(doc, "id", lambda typed: basic_string(new_id(info.id, info.year, year)))
    for key in (*_MOVED_DATES, "plan_date", "report_date"):
        if getattr(info, key) is None:
            continue  # report_date is optional
        day = _shift(getattr(info, key), years)
        _replace(doc, key, lambda typed, day=day: _date_literal(typed, day))


def new_id(old_id: str, old_year: int, year: int) -> str:
    """ "bac-kan-2021" -> "bac-kan-2022"; an id without its year gets the new one appended, so
    last year's forms are never taken for this year's."""
    if str(old_year) in old_id:
        return old_id.replace(str(old_year), str(year))
    return f"{old_id}-{year}"


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def _date_literal(typed: str, day: date) -> str:
    # A quoted date stays quoted: config accepts both, and the officer chose one.
    quote = typed[0] if typed[:1] in ("'", '"') else ""
    return f"{quote}{day.isoformat()}{quote}"


def _replace(doc: TomlLines, key: str, make: Any, note: str = "") -> None:
    statement = _one_line(doc, key)
    prefix, typed, comment = split_line(doc.lines[statement.start])
    doc.lines[statement.start] = prefix + make(typed) + _comment(comment, note)


def _one_line(doc: TomlLines, key: str) -> Statement:
    statement = doc.find("campaign", key)
    if statement is None or statement.end != statement.start + 1:
        raise ConfigError(
            f"Không sửa được khóa 'campaign.{key}' trong cấu hình năm trước: hãy viết khóa này"
            " trên một dòng riêng trong khối [campaign], như trong tệp do thd init tạo ra."
        )
    return statement


def _comment(tail: str, note: str) -> str:
    if not note:
        return tail
    kept = tail.strip().lstrip("#").strip()
    if kept.startswith(MARK):  # a mark left from an earlier roll: replace it, do not stack
        kept = kept.split(" — ", 1)[1] if " — " in kept else ""
    return f"  # {MARK}: {note}" + (f" — {kept}" if kept else "")


# --------------------------------------------------------------------------- to confirm


def _mark_to_confirm(doc: TomlLines, old: Campaign, year: int) -> list[str]:
    info, previous = old.campaign, old.campaign.year
    notes = {
        "plan_number": f"số Kế hoạch năm {year} (đang giữ số của năm {previous})",
        "plan_date": f"ngày Kế hoạch năm {year} (đã cộng một năm từ ngày của năm {previous})",
    }
    if info.theme:
        notes["theme"] = f"chủ đề năm {year} (đang giữ chủ đề năm {previous})"
    for key, note in notes.items():
        _replace(doc, key, lambda typed: typed, note)
    marked = [f"campaign.{key}" for key in notes]
    marked += _mark_recipients(_refreshed(doc), old)
    return marked + _mark_old_year(_refreshed(doc), previous)


def _refreshed(doc: TomlLines) -> TomlLines:
    """`doc` scanned again in place: a mark on a multi-line value inserts a line above it."""
    fresh = scan(doc.text)
    doc.lines, doc.statements, doc.headers = fresh.lines, fresh.statements, fresh.headers
    return doc


# A province starting from the sample: what is the sample province's own.
_SAMPLE_KEYS = {
    "campaign": ("id", "population"),
    "issuer": (
        "parent", "name", "abbreviation", "place", "contact", "email", "signer_authority",
        "signer_title", "signer_name", "archive",
    ),
}  # fmt: skip
# Districts were abolished on 1 July 2025: a campaign from 2026 has no district level.
_FIRST_YEAR_WITHOUT_DISTRICTS = 2026


def _mark_sample(doc: TomlLines, old: Campaign, year: int) -> list[str]:
    sample = f"của tỉnh mẫu {old.issuer.place}: sửa theo tỉnh của mình"
    notes = [
        (statement, sample)
        for table, keys in _SAMPLE_KEYS.items()
        for key in keys
        if (statement := doc.find(table, key)) is not None
    ]
    levels = doc.find("catalogues", "levels")
    if (
        levels is not None
        and year >= _FIRST_YEAR_WITHOUT_DISTRICTS
        and len(old.catalogues.levels) > 2
    ):
        notes.append((levels, 'từ ngày 1/7/2025 không còn cấp huyện: sửa thành ["Tỉnh", "Xã"]'))
    for statement, note in sorted(notes, key=lambda pair: pair[0].start, reverse=True):
        _mark_statement(doc, statement, note)  # bottom-up: inserted lines shift none above
    return [statement.path for statement, _ in notes]


# The bodies a report goes to are renamed, merged and abolished (in 2025 the Ministry of Labour,
# Invalids and Social Affairs and every district): last year's names are asked about each year.
_RECIPIENT_KEYS = ("recipients", "distribution")


def _mark_recipients(doc: TomlLines, old: Campaign) -> list[str]:
    keys = [key for key in _RECIPIENT_KEYS if getattr(old.issuer, key)]  # an empty list: none
    found = [s for key in keys if (s := doc.find("issuer", key)) is not None]
    note = (
        f"cơ quan nhận của năm {old.campaign.year}: kiểm tra tên (cơ quan có thể đã đổi tên, "
        "sáp nhập)"
    )
    for statement in sorted(found, key=lambda s: s.start, reverse=True):
        _mark_statement(doc, statement, note)
    return [f"issuer.{s.key}" for s in found]


_HANDLED = {
    f"campaign.{key}"
    for key in ("id", "year", "plan_number", "plan_date", "theme", "report_date", *_MOVED_DATES)
} | {f"issuer.{key}" for key in _RECIPIENT_KEYS}


def _mark_old_year(doc: TomlLines, previous: int) -> list[str]:
    """Any other value that names last year (a recipient, a signer's text) is left as it is and
    marked: thd cannot tell what it should become."""
    pattern = re.compile(rf"(?<!\d){previous}(?!\d)")
    found = [
        s
        for s in doc.statements
        if s.path not in _HANDLED and s.key != TO_CONFIRM and _names(s.value, pattern)
    ]
    note = f"giá trị chép từ năm {previous}"
    for statement in reversed(found):  # bottom-up: inserted lines do not shift the next ones
        _mark_statement(doc, statement, note)
    return [s.path for s in found]


def _names(value: Any, pattern: re.Pattern[str]) -> bool:
    if isinstance(value, str):
        return bool(pattern.search(value))
    if isinstance(value, list):
        return any(_names(item, pattern) for item in value)
    if isinstance(value, dict):
        return any(_names(item, pattern) for item in value.values())
    return False


def _mark_statement(doc: TomlLines, statement: Statement, note: str) -> None:
    if statement.end == statement.start + 1:
        prefix, typed, comment = split_line(doc.lines[statement.start])
        doc.lines[statement.start] = prefix + typed + _comment(comment, note)
        return
    # A comment after the opening of a multi-line string would become part of the string.
    indent = re.match(r"\s*", doc.lines[statement.start])
    doc.lines.insert(statement.start, f"{indent.group(0) if indent else ''}# {MARK}: {note}")


def _merge(kept: list[str], marked: list[str]) -> list[str]:
    return list(dict.fromkeys([*marked, *kept]))


def _set_to_confirm(doc: TomlLines, keys: list[str], previous: int) -> str:
    """Write `to_confirm = [...]` in [campaign], replacing an earlier one, after the last key."""
    fresh = scan(doc.text)  # the marks may have inserted lines
    line = f"{TO_CONFIRM} = {string_list(keys)}"
    existing = fresh.find("campaign", TO_CONFIRM)
    if existing is not None:
        fresh.lines[existing.start : existing.end] = [line]
        return fresh.text
    end = fresh.table_end("campaign")
    assert end is not None  # parse() succeeded, so [campaign] has keys
    fresh.lines[end:end] = [
        f"# Các khóa chép từ cấu hình năm {previous} cần kiểm tra lại (các dòng ghi {MARK}):",
        "# sửa giá trị nếu cần, rồi xóa tên khóa khỏi danh sách; thd nhắc khi danh sách còn tên.",
        line,
    ]
    return fresh.text


def _check(text: str, old: Campaign, year: int) -> None:
    """The edit must give exactly the intended campaign; anything else is a bug in thd."""
    new = config.parse(text, "cấu hình năm mới")
    info, years = old.campaign, year - old.campaign.year
    expected = info.model_copy(
        update={
            "year": year,
            "id": new_id(info.id, info.year, year),
            "to_confirm": new.campaign.to_confirm,
            **{k: _shift(getattr(info, k), years) for k in (*_MOVED_DATES, "plan_date")},
            "report_date": info.report_date and _shift(info.report_date, years),
        }
    )
    if old.model_copy(update={"campaign": expected}) != new:
        raise RuntimeError("roll_forward changed more than the year-bound keys")


# --------------------------------------------------------------------- a new level's dates

REPORT_DATE_LEFT_OPEN = (
    "# Để trống ngày ký: thd consolidate ghi ngày chạy lệnh (hoặc ngày của --date); cấp trên\n"
    "# xét hạn nộp theo ngày này. Chỉ ghi khi đã biết ngày ký, ví dụ:\n"
    "# report_date = 2021-12-18"
)


def leave_report_date_open(text: str) -> str:
    """The config `thd init` writes, its report date commented out: the sample's (or last
    year's) date would date every data file a lower level sends up, after the deadline."""
    doc = scan(text)
    for table in ("campaign", "issuer"):
        statement = doc.find(table, "report_date")
        if statement is None or statement.end != statement.start + 1:
            continue
        year = config.parse(text, "thd.toml").campaign.year
        doc.lines[statement.start] = REPORT_DATE_LEFT_OPEN.replace("2021", str(year))
    return doc.text
