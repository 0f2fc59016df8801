"""The campaign configuration: who reports, when, to whom, and what they may report.

`load()` reads `thd.toml` (or the embedded Bắc Kạn 2021 default) into a validated `Campaign`;
any problem becomes a `ConfigError` with one Vietnamese sentence naming the key.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from thanghanhdong.resources import template_path
from thanghanhdong.text import loose_key, nfc

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILENAME = "thd.toml"


class ConfigError(Exception):
    """The configuration cannot be used; the message is for the officer."""


class AgencyGroup(str, Enum):
    PROVINCE = "province"
    DISTRICT = "district"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Agency(_Strict):
    code: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")
    name: str = Field(min_length=1)
    group: AgencyGroup = AgencyGroup.PROVINCE

    @field_validator("name")
    @classmethod
    def _nfc(cls, value: str) -> str:
        # Control characters (pasted by accident) cannot go into a file name or an XML part.
        return nfc("".join(ch if ord(ch) >= 32 else " " for ch in value))


class CampaignInfo(_Strict):
    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str
    year: int = Field(ge=2000, le=2100)
    theme: str = ""
    plan_number: str
    plan_date: date
    plan_issuer: str = "UBND tỉnh"
    period_start: date
    period_end: date
    deadline: date
    population: int = Field(gt=0)
    max_participants_per_session: int = Field(gt=0, default=2000)
    rows_per_table: int = Field(ge=5, le=500, default=30)

    @model_validator(mode="after")
    def _dates_in_order(self) -> CampaignInfo:
        if self.period_end < self.period_start:
            raise ValueError("campaign.period_end: ngày kết thúc trước ngày bắt đầu")
        if self.deadline < self.period_start:
            raise ValueError("campaign.deadline: hạn báo cáo trước ngày bắt đầu Tháng hành động")
        return self


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
    recipients: list[str] = Field(min_length=1)
    distribution: list[str] = []
    archive: str = "Lưu: VT."


class Catalogues(_Strict):
    levels: list[str] = Field(min_length=1)
    activities: list[str] = []
    media: list[str] = []
    products: list[str] = []

    def items(self, table_key: str) -> list[str]:
        items: list[str] = getattr(self, table_key)
        return items


class Campaign(_Strict):
    campaign: CampaignInfo
    issuer: Issuer
    catalogues: Catalogues
    agencies: list[Agency] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_codes(self) -> Campaign:
        seen: set[str] = set()
        for agency in self.agencies:
            key = agency.code.upper()
            if key in seen:
                raise ValueError(f"agencies: mã đơn vị '{agency.code}' bị trùng")
            seen.add(key)
        return self

    def agency(self, code: str) -> Agency | None:
        return self._by_code.get(code.strip().upper())

    @cached_property
    def _by_code(self) -> dict[str, Agency]:
        return {a.code.upper(): a for a in self.agencies}

    def agency_by_name(self, name: str) -> Agency | None:
        """Match a typed agency name loosely (case, spacing, diacritics, "UBND"/"huyện")."""
        key = loose_key(name, agency=True)
        if not key:
            return None
        return next((a for a in self.agencies if loose_key(a.name, agency=True) == key), None)


class ConfigSource(BaseModel):
    """Where the configuration came from, for the one line thd prints on stderr."""

    path: Path | None

    def describe(self) -> str:
        if self.path is None:
            return "Dùng cấu hình mặc định (Bắc Kạn 2021)."
        return f"Dùng cấu hình {self.path}."


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
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ConfigError(f"Không tìm thấy tệp cấu hình {path}.") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"Tệp cấu hình {path} không phải UTF-8: hãy lưu lại với mã hóa UTF-8."
        ) from exc
    except OSError as exc:
        raise ConfigError(f"Không đọc được tệp cấu hình {path}: {exc.strerror}.") from exc
    return parse(text, str(path))


def parse(text: str, origin: str) -> Campaign:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        at = f" ở dòng {where.group(1)}, cột {where.group(2)}" if where else ""
        raise ConfigError(
            f"Tệp cấu hình {origin} sai cú pháp TOML{at}: kiểm tra dấu ngoặc kép, dấu bằng và dấu ngoặc vuông."
        ) from exc
    try:
        return Campaign.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"Tệp cấu hình {origin}: {_describe(exc)}") from exc


_MESSAGES = {
    "missing": "thiếu khóa bắt buộc",
    "extra_forbidden": "khóa không được hỗ trợ (viết sai tên khóa?)",
    "string_pattern_mismatch": "chỉ được dùng chữ không dấu, chữ số, '-', '_'",
    "string_too_short": "không được để trống",
    "too_short": "không được để trống",
    "date_from_datetime_parsing": "ngày phải viết dạng NĂM-THÁNG-NGÀY, ví dụ 2021-12-20",
    "date_parsing": "ngày phải viết dạng NĂM-THÁNG-NGÀY, ví dụ 2021-12-20",
    "date_type": "ngày phải viết dạng NĂM-THÁNG-NGÀY, ví dụ 2021-12-20 (không có dấu ngoặc kép)",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "greater_than": "phải lớn hơn 0",
    "enum": "chỉ nhận 'province' hoặc 'district'",
}


def _describe(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    # "agencies[6].code": list positions are 1-based, as the officer counts [[agencies]] blocks.
    where = ".".join(_loc_part(part, error) for part in error["loc"]).replace(".[", "[")
    if error["type"] == "value_error":
        message = str(error["ctx"]["error"])
        return f"khóa '{where}': {message}." if where else f"{message}."
    text = _MESSAGES.get(error["type"], error["msg"])
    return f"khóa '{where}': {text}." if where else f"{text}."


def _loc_part(part: Any, error: Any) -> str:
    return f"[{part + 1}]" if isinstance(part, int) else str(part)
