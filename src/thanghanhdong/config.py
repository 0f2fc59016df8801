"""The campaign configuration: who reports, when, to whom, and what they may report.

`load()` reads `thd.toml` (or the embedded Bắc Kạn 2021 default) into a validated `Campaign`;
any problem becomes a `ConfigError` with one Vietnamese sentence naming the key.
"""

from __future__ import annotations

import difflib
import math
import re
import sys
from datetime import date, datetime, time
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from thanghanhdong import form
from thanghanhdong.resources import template_path
from thanghanhdong.text import agency_keys, loose_key, nfc

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILENAME = "thd.toml"


class ConfigError(Exception):
    """The configuration cannot be used; the message is for the officer."""


class AgencyGroup(str, Enum):
    PROVINCE = "province"
    DISTRICT = "district"  # huyện, thị xã, thành phố thuộc tỉnh
    COMMUNE = "commune"  # xã, phường, thị trấn


_CODE_PATTERN = r"^[A-Za-z0-9_-]+$"
_ID_PATTERN = r"^[A-Za-z0-9_.-]+$"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _calendar_date(value: Any) -> Any:
    """TOML reads 2021-12-20 as a date; a quoted "2021-12-20" is taken the same way.

    A date with a time of day is refused rather than silently cut to its date.
    """
    if isinstance(value, datetime):
        raise ValueError("chỉ ghi ngày, không ghi giờ: viết dạng NĂM-THÁNG-NGÀY, ví dụ 2021-12-20")
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return value  # not a real day (2021-02-30): the date check explains the format
    paper = _PAPER_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    fixed = _iso_from_parts(*paper.groups()) if paper else None
    if fixed:  # "20/12/2022" in quotes: the same advice as without quotes
        raise ValueError(f'{_DATE_FORMAT} (đang ghi: "{value.strip()}"); hãy viết {fixed}')
    return value


_PAPER_DATE = re.compile(r"(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})")


CalendarDate = Annotated[date, BeforeValidator(_calendar_date)]
NonEmptyText = Annotated[str, Field(min_length=1)]


def _no_loose_duplicates(items: list[str]) -> list[str]:
    """Items that differ only in case, spacing or diacritics would count as one in the report."""
    first: dict[str, str] = {}
    for item in items:
        key = loose_key(item)
        if key in first and first[key] == item:
            raise ValueError(f"mục '{item}' được ghi hai lần: mỗi mục chỉ ghi một lần")
        if key in first:
            raise ValueError(
                f"mục '{item}' trùng với mục '{first[key]}' (chỉ khác chữ hoa, dấu hoặc khoảng"
                " trắng): mỗi mục chỉ ghi một lần"
            )
        first[key] = item
    return items


class _Strict(BaseModel):
    # strict: TOML already gives real integers, dates and lists, so nothing is coerced
    # (true is not 1, 2021.0 is not 2021, 622 is not "622").
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, strict=True)


class Agency(_Strict):
    code: str = Field(min_length=1, max_length=40, pattern=_CODE_PATTERN)
    name: str = Field(min_length=1)
    # Not strict: the TOML value is the text "province", never an AgencyGroup.
    group: AgencyGroup = Field(default=AgencyGroup.PROVINCE, strict=False)
    email: str = ""
    # Other names the agency writes itself by ("Hội LHPN tỉnh"), matched like `name`.
    aliases: list[str] = []
    # Roster codes of last year's agencies this one continues (communes merged into it):
    # `thd consolidate --compare` sums their figures of last year as this agency's.
    previous: list[Annotated[str, Field(min_length=1, max_length=40, pattern=_CODE_PATTERN)]] = []

    @field_validator("name")
    @classmethod
    def _nfc(cls, value: str) -> str:
        # Control characters (pasted by accident) cannot go into a file name or an XML part.
        return nfc("".join(ch if ord(ch) >= 32 else " " for ch in value))


class CampaignInfo(_Strict):
    id: str = Field(min_length=1, pattern=_ID_PATTERN)
    name: str
    year: int = Field(ge=2000, le=2100)
    theme: str = ""
    plan_number: str
    plan_date: CalendarDate
    plan_issuer: str = "UBND tỉnh"
    # The issuer's own directing documents, one sentence each, for the report's I.1.
    guidance: list[NonEmptyText] = []
    period_start: CalendarDate
    period_end: CalendarDate
    deadline: CalendarDate
    population: int = Field(gt=0)
    max_participants_per_session: int = Field(gt=0, default=2000)
    rows_per_table: int = Field(ge=5, le=500, default=30)
    # Two different answers of one kind from one agency: an error ("error") or the newest used.
    resubmissions: Literal["error", "latest"] = "error"
    # The date the consolidated report is signed (`thd consolidate --date` wins over it).
    report_date: CalendarDate | None = None
    # Keys copied from last year's file that the officer still has to check (see campaigns.py);
    # the officer deletes each one once confirmed.
    to_confirm: list[NonEmptyText] = []

    # Field validators rather than a model validator, so the error names the key that is wrong;
    # info.data holds the fields declared above, when they were valid.
    @field_validator("period_end")
    @classmethod
    def _end_after_start(cls, value: date, info: ValidationInfo) -> date:
        start = info.data.get("period_start")
        if start is not None and value < start:
            raise ValueError("ngày kết thúc trước ngày bắt đầu Tháng hành động")
        return value

    @field_validator("deadline")
    @classmethod
    def _deadline_after_start(cls, value: date, info: ValidationInfo) -> date:
        start = info.data.get("period_start")
        if start is not None and value < start:
            raise ValueError("hạn báo cáo trước ngày bắt đầu Tháng hành động")
        return value


class Issuer(_Strict):
    parent: str
    name: str
    abbreviation: str
    place: str
    contact: str = ""
    email: str = ""
    signer_authority: str = ""
    signer_title: str
    signer_name: str
    recipients: list[NonEmptyText] = Field(min_length=1)
    distribution: list[str] = []
    archive: str = "Lưu: VT."
    report_date: CalendarDate | None = None  # may be written here as well as in [campaign]


class Catalogues(_Strict):
    """The levels, and one list of suggested item names per table of the form (keyed by
    `form.TableSpec.key`, written in thd.toml as `activities = [...]` beside `levels`)."""

    levels: list[NonEmptyText] = Field(min_length=1)
    tables: dict[str, Annotated[list[NonEmptyText], AfterValidator(_no_loose_duplicates)]] = {}
    # Other spellings agencies use for an item, merged into it in the report:
    # [catalogues.aliases] "Thi sân khấu hóa" = ["Sân khấu hóa"]. The officer writes them;
    # thd only suggests them, never merges on a guess.
    aliases: dict[str, list[NonEmptyText]] = {}

    @model_validator(mode="before")
    @classmethod
    def _gather_tables(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "tables" in data:
            return data
        known = set(form.TABLE_KEYS)
        unknown = [key for key in data if key not in ("levels", "aliases") and key not in known]
        if unknown:
            raise ValueError(
                f"khóa '{unknown[0]}' không phải danh mục của bảng nào trong mẫu (các danh mục: "
                f"levels, {', '.join(form.TABLE_KEYS)})"
            )
        tables = {key: value for key, value in data.items() if key not in ("levels", "aliases")}
        gathered = {"levels": data.get("levels"), "tables": tables}
        if "aliases" in data:
            gathered["aliases"] = data["aliases"]
        return gathered if "levels" in data else data

    _unique_levels = field_validator("levels")(_no_loose_duplicates)

    @field_validator("aliases")
    @classmethod
    def _one_item_per_alias(cls, aliases: dict[str, list[str]]) -> dict[str, list[str]]:
        owner: dict[str, str] = {}
        for item, spellings in aliases.items():
            for spelling in spellings:
                key = loose_key(spelling)
                if key in owner and owner[key] != item:
                    raise ValueError(
                        f"tên “{spelling}” được ghi là tên khác của cả “{owner[key]}” và "
                        f"“{item}”: mỗi tên chỉ gộp vào một nội dung"
                    )
                owner[key] = item
        return aliases

    def items(self, table_key: str) -> list[str]:
        return self.tables.get(table_key, [])


def _previous_once(agencies: list[Agency], numbers: dict[str, int]) -> list[Agency]:
    """Last year's figures of a code in `previous` go to one agency only: not to two agencies,
    nor to one agency besides another that has that code this year."""
    owner: dict[str, Agency] = {}
    for number, agency in enumerate(agencies, start=1):
        for code in agency.previous:
            key = code.upper()
            if key == agency.code.upper():
                continue
            if key in numbers:
                raise ValueError(
                    f"mã '{code}' trong previous của {agency.name} (agencies[{number}]) là mã của"
                    f" một đơn vị năm nay (agencies[{numbers[key]}]): số liệu năm trước của mã đó"
                    " đã là của đơn vị ấy; bỏ mã này khỏi previous"
                )
            if key in owner and owner[key] is not agency:
                raise ValueError(
                    f"mã '{code}' được ghi trong previous của cả {owner[key].name} và "
                    f"{agency.name}: số liệu năm trước của một đơn vị chỉ tính cho một đơn vị"
                )
            owner[key] = agency
    return agencies


class Campaign(_Strict):
    campaign: CampaignInfo
    issuer: Issuer
    catalogues: Catalogues
    agencies: list[Agency] = Field(min_length=1)

    @field_validator("agencies")
    @classmethod
    def _unique_codes(cls, agencies: list[Agency]) -> list[Agency]:
        first: dict[str, int] = {}
        for number, agency in enumerate(agencies, start=1):
            key = agency.code.upper()
            if key in first:
                raise ValueError(
                    f"mã đơn vị '{agency.code}' bị trùng (agencies[{first[key]}] và "
                    f"agencies[{number}]): sửa một trong hai mã"
                )
            first[key] = number
        return _previous_once(agencies, first)

    @property
    def report_date(self) -> date | None:
        """The configured date of the consolidated report, [issuer] before [campaign]."""
        return self.issuer.report_date or self.campaign.report_date

    def agency(self, code: str) -> Agency | None:
        return self._by_code.get(code.strip().upper())

    @cached_property
    def _by_code(self) -> dict[str, Agency]:
        return {a.code.upper(): a for a in self.agencies}

    def agency_by_name(self, name: str) -> Agency | None:
        """THE match of a name as clerks write it to a roster agency: case, spacing,
        diacritics, "UBND"/"huyện" prefixes, abbreviations (LHPN, PT-TH, CHQS, LĐ-TB&XH, TP...),
        "tỉnh" or the province appended, and the `aliases` of each agency."""
        if name in self._looked_up:  # every form of a campaign types one of a few names
            return self._looked_up[name]
        keys = agency_keys(name, self.issuer.place)
        full = agency_keys(name)
        found = None
        for key in sorted(keys, key=lambda k: (k not in full, -len(k))):
            if key in self._by_name:
                found = self._by_name[key]
                break
            if key in self._shared_names:  # two agencies spelt apart only by diacritics
                found = _written_as(name, self._shared_names[key])
                break
        self._looked_up[name] = found
        return found

    @cached_property
    def _shared_names(self) -> dict[str, list[Agency]]:
        """Full keys two roster agencies share: names that differ only in their diacritics
        (“UBND xã Văn Lăng”, “UBND xã Văn Lang”). Such a key matches neither by itself."""
        owners: dict[str, list[Agency]] = {}
        for agency in self.agencies:
            for written in [agency.name, *agency.aliases]:
                for key in agency_keys(written):
                    if agency not in owners.setdefault(key, []):
                        owners[key].append(agency)
        return {key: found for key, found in owners.items() if len(found) > 1}

    @cached_property
    def _looked_up(self) -> dict[str, Agency | None]:
        return {}

    @cached_property
    def _by_name(self) -> dict[str, Agency]:
        """Key -> agency; a full name wins over a shortened one, a shared short key is dropped."""
        index: dict[str, Agency] = {}
        short: dict[str, Agency | None] = {}
        for agency in self.agencies:
            for written in [agency.name, *agency.aliases]:
                keys = agency_keys(written, self.issuer.place)
                for key in agency_keys(written) - self._shared_names.keys():
                    index.setdefault(key, agency)
                for key in keys - index.keys() - self._shared_names.keys():
                    short[key] = agency if short.get(key, agency) is agency else None
        index.update({k: a for k, a in short.items() if a is not None and k not in index})
        return index

    def closest_agencies(self, name: str, limit: int = 3) -> list[Agency]:
        """Roster agencies whose names are closest to `name` (for an unrecognised one)."""
        import difflib

        wanted = max(agency_keys(name), key=len, default="")
        names = {max(agency_keys(a.name), key=len, default=""): a for a in self.agencies}
        close = difflib.get_close_matches(wanted, list(names), n=limit, cutoff=0.6)
        return [names[key] for key in close]


def _written_as(name: str, agencies: list[Agency]) -> Agency | None:
    """Of agencies whose names differ only in diacritics or a dropped prefix, the one `name`
    writes: most words spelt as in its name (case aside, diacritics kept: “Văn Lang” is not
    “Văn Lăng”). A name typed without any diacritics, or one that fits
    two as well, is none of them: the officer is told, the figures never go to a guess."""
    if name.isascii():
        return None
    words = set(_WORD.findall(nfc(name).casefold()))
    scores = sorted(((len(words & _written_words(a)), a) for a in agencies), key=lambda s: -s[0])
    return scores[0][1] if scores[0][0] > scores[1][0] else None


def _written_words(agency: Agency) -> set[str]:
    return {
        w
        for written in [agency.name, *agency.aliases]
        for w in _WORD.findall(nfc(written).casefold())
    }


_WORD = re.compile(r"\w+")


def describe_source(path: Path | None) -> str:
    """The one line thd prints on stderr: which configuration it uses."""
    if path is None:
        return "Dùng cấu hình mặc định (Bắc Kạn 2021)."
    return f"Dùng cấu hình {path}."


def default_config_text() -> str:
    return template_path(CONFIG_FILENAME).read_text(encoding="utf-8")


def discover(explicit: Path | None, cwd: Path | None = None) -> Path | None:
    """`--config PATH`, else `./thd.toml`, else None (the embedded default)."""
    if explicit is not None:
        return explicit
    local = (cwd or Path.cwd()) / CONFIG_FILENAME
    return local if local.is_file() else None


def load(path: Path | None) -> Campaign:
    if path is None:
        return parse(default_config_text(), "cấu hình mặc định")
    return parse(read_text(path), str(path))


def read_text(path: Path) -> str:
    """The text of a thd.toml, or a ConfigError saying why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ConfigError(f"Không tìm thấy tệp cấu hình {path}.") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"Tệp cấu hình {path} không phải UTF-8: hãy lưu lại với mã hóa UTF-8."
        ) from exc
    except OSError as exc:
        from thanghanhdong.files import os_reason  # an error path: not worth tempfile at start-up

        reason = os_reason(exc, reading=True)
        raise ConfigError(f"Không đọc được tệp cấu hình {path}: {reason}.") from exc


def parse(text: str, origin: str) -> Campaign:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        typo = _date_typo(text, int(where.group(1))) if where else None
        if typo:
            raise ConfigError(f"Tệp cấu hình {origin}: {typo}") from exc
        at = f" ở dòng {where.group(1)}, cột {where.group(2)}" if where else ""
        raise ConfigError(
            f"Tệp cấu hình {origin} sai cú pháp TOML{at}: kiểm tra dấu ngoặc kép, dấu bằng và dấu ngoặc vuông."
        ) from exc
    try:
        return Campaign.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"Tệp cấu hình {origin}: {_describe(exc, text)}") from exc


# A date typed as the officer writes it on paper (20/12/2022, 2022-12-1) is not TOML: name the key.
_DATE_TYPO = re.compile(
    r"\s*([A-Za-z0-9_-]+)\s*=\s*(\d{1,4})\s*([/.-])\s*(\d{1,2})\s*\3\s*(\d{1,4})\s*(#.*)?"
)
_HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]")


def _date_typo(text: str, line_number: int) -> str | None:
    """The sentence for a TOML error caused by a date in the wrong format, else None."""
    lines = text.splitlines()
    if not 1 <= line_number <= len(lines):
        return None
    match = _DATE_TYPO.fullmatch(lines[line_number - 1])
    if not match:
        return None
    key, first, _, month, last = match.groups()[:5]
    typed = lines[line_number - 1].split("=", 1)[1].split("#", 1)[0].strip()
    where = _table_at(lines, line_number)
    shown = f"{where}.{key}" if where else key
    told = f"khóa '{shown}' ở dòng {line_number}: {_DATE_FORMAT} (đang ghi: {typed})"
    fixed = _iso_from_parts(first, month, last)
    return f"{told}; hãy viết {fixed}." if fixed else f"{told}."


def _table_at(lines: list[str], line_number: int) -> str:
    """The table a line belongs to, as the error messages name it ("campaign", "agencies[3]")."""
    name, counts = "", dict[str, int]()
    for line in lines[: line_number - 1]:
        header = _HEADER.match(line)
        if header and header.group(1) == "[[":
            counts[header.group(2)] = counts.get(header.group(2), 0) + 1
            name = f"{header.group(2)}[{counts[header.group(2)]}]"
        elif header:
            name = header.group(2)
    return name


def _iso_from_parts(first: str, month: str, last: str) -> str | None:
    # Year first (2022/12/20) or, as Vietnamese dates are written, day first (20/12/2022).
    year, day = (first, last) if len(first) == 4 else (last, first)
    if len(year) != 4:
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def year_warnings(campaign: Campaign) -> list[str]:
    """Dates and campaign id that do not belong to the campaign's year, one sentence per key.

    A warning, not an error: a plan may be issued late, but usually the year was not changed."""
    info = campaign.campaign
    warnings = [
        f"Khóa 'campaign.{key}' là {day:%d/%m/%Y}, không thuộc năm {info.year} của đợt báo cáo"
        " (campaign.year): kiểm tra lại năm của ngày này."
        for key, day in (
            ("plan_date", info.plan_date),
            ("period_start", info.period_start),
            ("period_end", info.period_end),
        )
        if day.year != info.year
    ]
    if not _deadline_in_year(info.deadline, info.year):
        warnings.append(
            f"Khóa 'campaign.deadline' là {info.deadline:%d/%m/%Y}, không thuộc năm {info.year}"
            f" hay tháng 1 năm {info.year + 1}: kiểm tra lại hạn gửi báo cáo."
        )
    return warnings + _id_year_warnings(info)


def _deadline_in_year(deadline: date, year: int) -> bool:
    return deadline.year == year or (deadline.year == year + 1 and deadline.month == 1)


_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _id_year_warnings(info: CampaignInfo) -> list[str]:
    years = _YEAR_IN_TEXT.findall(info.id)
    if not years or str(info.year) in years:
        return []
    fixed = _YEAR_IN_TEXT.sub(str(info.year), info.id)
    return [
        f"Khóa 'campaign.id' là \"{info.id}\", mang năm {years[0]} khác năm {info.year} của đợt:"
        f' đổi thành "{fixed}" để mẫu năm nay không lẫn với mẫu năm {years[0]}.'
    ]


# One Vietnamese explanation per pydantic error type; {name} is filled from the error's ctx.
# Types not listed here get _UNKNOWN: pydantic's own English text never reaches the officer.
_DATE_FORMAT = "ngày phải viết dạng NĂM-THÁNG-NGÀY, ví dụ 2021-12-20, không có dấu ngoặc kép"
_INTEGER = "phải là số nguyên, viết không có dấu ngoặc kép"
_TABLE = "phải là một khối gồm các dòng khóa = giá trị, không phải một giá trị đơn"
_MESSAGES = {
    "missing": "thiếu khóa bắt buộc",
    "extra_forbidden": "khóa không được hỗ trợ (viết sai tên khóa?)",
    "string_type": "phải là chữ đặt trong dấu ngoặc kép",
    "string_too_short": "phải có ít nhất {min_length} ký tự",
    "string_too_long": "không được dài quá {max_length} ký tự",
    "too_short": "phải có ít nhất {min_length} mục",
    "too_long": "không được có quá {max_length} mục",
    "list_type": 'phải là danh sách trong dấu ngoặc vuông, ví dụ ["Tỉnh", "Huyện", "Xã"]',
    "int_type": _INTEGER,
    "int_parsing": _INTEGER,
    "int_from_float": _INTEGER,
    "float_type": "phải là một số, viết không có dấu ngoặc kép",
    "float_parsing": "phải là một số, viết không có dấu ngoặc kép",
    "finite_number": "phải là một số hữu hạn",
    "bool_type": "phải là true hoặc false, không có dấu ngoặc kép",
    "bool_parsing": "phải là true hoặc false, không có dấu ngoặc kép",
    "date_type": _DATE_FORMAT,
    "date_parsing": _DATE_FORMAT,
    "date_from_datetime_parsing": _DATE_FORMAT,
    "date_from_datetime_inexact": "chỉ ghi ngày, không ghi giờ: " + _DATE_FORMAT,
    "datetime_type": "phải là ngày giờ, ví dụ 2021-12-20T08:00:00",
    "datetime_parsing": "phải là ngày giờ, ví dụ 2021-12-20T08:00:00",
    "time_type": "phải là giờ, ví dụ 08:00:00",
    "time_parsing": "phải là giờ, ví dụ 08:00:00",
    "greater_than": "phải lớn hơn {gt}",
    "greater_than_equal": "phải từ {ge} trở lên",
    "less_than": "phải nhỏ hơn {lt}",
    "less_than_equal": "không được lớn hơn {le}",
    "multiple_of": "phải là bội số của {multiple_of}",
    "model_type": _TABLE,
    "model_attributes_type": _TABLE,
    "dict_type": _TABLE,
}
_UNKNOWN = "giá trị không hợp lệ"
_PATTERN_RULES = {
    _CODE_PATTERN: "chỉ được dùng chữ không dấu, chữ số, '-', '_', viết liền",
    _ID_PATTERN: "chỉ được dùng chữ không dấu, chữ số, '-', '_', '.', viết liền",
}
# The value itself is shown for these; for a missing or unknown key it says nothing useful.
_NO_VALUE_SHOWN = {"missing", "extra_forbidden", "value_error"}


def _describe(exc: ValidationError, text: str = "") -> str:
    error = exc.errors(include_url=False)[0]
    where = _key_path(error["loc"])
    explained = _explain(error)
    if error["type"] == "extra_forbidden" and (nearest := _nearest_key(error["loc"])):
        explained = f"{explained}; có lẽ định viết '{nearest}'"
    explained = _BLOCK.sub(lambda m: _block_line(text, m), explained)
    line = _line_of(text, where)
    at = f" ở dòng {line}" if line else ""
    return f"khóa '{where}'{at}: {explained}." if where else f"{explained}."


_BLOCK = re.compile(r"agencies\[(\d+)\]")


def _line_of(text: str, where: str) -> int | None:
    """The 1-based line of the key `where` ("campaign.deadlne", "agencies[3].code") in the
    officer's file; None when it is not written on a line of its own (a missing key)."""
    from thanghanhdong.tomltext import scan

    table, _, key = where.rpartition(".")
    try:
        statement = scan(text).find(table, key) if text else None
    except Exception:  # the text parsed as TOML; a line scan that fails costs only the line
        return None
    return statement.start + 1 if statement else None


def _block_line(text: str, match: re.Match[str]) -> str:
    """ "agencies[11]" -> "khối [[agencies]] ở dòng 254" (where its code is written)."""
    line = _line_of(text, f"{match.group(0)}.code")
    return f"khối [[agencies]] ở dòng {line}" if line else f"khối [[agencies]] thứ {match.group(1)}"


def _nearest_key(loc: tuple[int | str, ...]) -> str | None:
    """The key of that table the misspelt one is closest to ("deadlne" -> "deadline")."""
    model: Any = Campaign
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if hasattr(model, "model_fields") else None
        if field is None:
            return None
        model = _model_of(field.annotation)
    names = list(getattr(model, "model_fields", {}))
    found = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
    return found[0] if found else None


def _model_of(annotation: Any) -> Any:
    """The pydantic model a field holds: itself, or the item of a list of them."""
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _key_path(loc: tuple[int | str, ...]) -> str:
    # "agencies[6].code": list positions are 1-based, as the officer counts [[agencies]] blocks.
    # catalogues.tables.media is written `media = [...]` under [catalogues]
    loc = tuple(p for i, p in enumerate(loc) if not (p == "tables" and loc[:i] == ("catalogues",)))
    parts = (f"[{part + 1}]" if isinstance(part, int) else f".{part}" for part in loc)
    return "".join(parts).removeprefix(".")


def _explain(error: ErrorDetails) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "value_error":  # raised by our own validators, already in Vietnamese
        return str(ctx.get("error", _UNKNOWN))
    text = _rule(kind, ctx)
    if kind in _NO_VALUE_SHOWN:
        return text
    return f"{text} (đang ghi: {_shown(error['input'])})"


def _rule(kind: str, ctx: dict[str, Any]) -> str:
    if kind in ("string_too_short", "too_short") and ctx.get("min_length") == 1:
        return "không được để trống"
    if kind == "string_pattern_mismatch":
        return _PATTERN_RULES.get(ctx.get("pattern", ""), _UNKNOWN)
    if kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"chỉ nhận {_one_of(choices)}" if choices else _UNKNOWN
    try:
        return _MESSAGES.get(kind, _UNKNOWN).format_map(ctx)
    except (KeyError, IndexError, ValueError):
        return _UNKNOWN


def _one_of(choices: list[str]) -> str:
    quoted = [f"'{choice}'" for choice in choices]
    return ", ".join(quoted[:-1]) + " hoặc " + quoted[-1] if len(quoted) > 1 else quoted[0]


def _shown(value: Any) -> str:
    """The value as the officer wrote it in the TOML file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "một số quá lớn"
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:40]}…"'
    if isinstance(value, list):
        return "một danh sách" if value else "[]"
    if isinstance(value, dict):
        return "một khối khóa"
    return "một giá trị khác"
