"""The roster from the list an officer already has (.xlsx, .xls, .ods or .csv), as TOML.

The header row is found by loose labels ("Tên đơn vị", "Mã", "Nhóm", "Email"...); a code is made
from the name when the list has none, the same on every run; duplicates, blank rows in the
middle and rows without a name are refused with the rows named, never guessed around.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from thanghanhdong import config, files
from thanghanhdong.config import Agency, AgencyGroup, ConfigError
from thanghanhdong.text import fold, loose_key, nfc, written_apart
from thanghanhdong.tomltext import (
    Header,
    Statement,
    TomlLines,
    basic_string,
    scan,
    split_line,
    string_list,
)

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
SUFFIXES = (*SPREADSHEETS, ".csv")
MAX_BYTES = 20_000_000
MAX_CELLS = 2_000_000
HEADER_ROWS = 30  # a title and a few lines of text may sit above the header
CODE_LENGTH = 40  # config's limit


@dataclass(frozen=True)
class RosterResult:
    agencies: list[Agency] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the list cannot be used as it is
    warnings: list[str] = field(default_factory=list)  # used, but the officer should look
    sheet: str = ""
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # field -> header label as typed
    kept_codes: list[str] = field(default_factory=list)  # codes taken from last year's roster
    made_codes: list[str] = field(default_factory=list)  # codes thd made from names

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.agencies)


@dataclass(frozen=True)
class _Row:
    number: int  # as the spreadsheet shows it
    name: str
    code: str
    group: str
    email: str
    section: str = ""  # the heading above the row ("II. UBND các huyện, thành phố"), if any


def read_roster(path: Path, known: Sequence[Agency] = ()) -> RosterResult:
    """Read the list at `path`. `known` agencies (last year's roster) give their codes to the
    rows that have none and match them by name, so a code never changes between years."""
    sheets = _open(path)
    if isinstance(sheets, str):
        return RosterResult(errors=[sheets])
    for name, rows, offset in sheets:
        header = _find_header(rows)
        if header is not None:
            return _read_rows(name, rows, offset, header, known)
    return RosterResult(
        errors=[
            f"Không tìm thấy dòng tiêu đề trong {HEADER_ROWS} dòng đầu của tệp {path.name}: cần"
            " một dòng có ô “Tên đơn vị” (hoặc “Tên”, “Đơn vị”) ở trên danh sách; có thể thêm"
            " các cột “Mã”, “Nhóm”, “Email”."
        ]
    )


# --------------------------------------------------------------------------- files

Grid = list[list[Any]]
Sheets = list[tuple[str, Grid, int]]  # name, rows, row offset (rows above the first one read)


def _open(path: Path) -> Sheets | str:
    """The sheets of the file, or the sentence saying why it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return (
            f"Tệp {path.name} không phải danh sách đọc được: dùng tệp Excel (.xlsx, .xls),"
            " LibreOffice (.ods) hoặc .csv."
        )
    try:
        if path.stat().st_size > MAX_BYTES:
            return f"Tệp {path.name} quá lớn cho một danh sách đơn vị (trên 20 MB)."
        data = path.read_bytes()
    except FileNotFoundError:
        return f"Không tìm thấy tệp {path}."
    except OSError as exc:
        return f"Không đọc được tệp {path}: {files.os_reason(exc, reading=True)}."
    return _csv_sheets(data) if suffix == ".csv" else _workbook_sheets(path.name, data)


def _workbook_sheets(name: str, data: bytes) -> Sheets | str:
    from python_calamine import CalamineWorkbook, PasswordError

    from thanghanhdong.readers.excel import CALAMINE_STDERR

    try:
        with CALAMINE_STDERR:  # a panic's English text kept off the console
            workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
            return [_sheet(workbook, sheet) for sheet in _visible(workbook)]
    except PasswordError:
        return f"Tệp {name} có mật khẩu: mở bằng Excel, bỏ mật khẩu, lưu lại rồi chạy lại lệnh."
    except _TooBig:
        return f"Tệp {name} có quá nhiều ô cho một danh sách đơn vị."
    except BaseException as exc:  # calamine raises several types (and panics) on damage
        from thanghanhdong.readers.excel import is_panic

        if not isinstance(exc, Exception) and not is_panic(exc):
            raise
        return (
            f"Không mở được tệp {name} (bị hỏng hoặc không phải bảng tính): mở lại bằng Excel"
            " hoặc LibreOffice, lưu lại rồi chạy lại lệnh."
        )


class _TooBig(Exception):
    pass


def _visible(workbook: Any) -> list[str]:
    # str(visible) is "SheetVisibleEnum.Hidden": only the last part is stable across versions.
    hidden = {
        m.name
        for m in workbook.sheets_metadata
        if str(m.visible).rsplit(".", 1)[-1].lower() != "visible"
    }
    names: list[str] = workbook.sheet_names
    return [n for n in names if n not in hidden] or names


def _sheet(workbook: Any, name: str) -> tuple[str, Grid, int]:
    sheet = workbook.get_sheet_by_name(name)
    if sheet.height * sheet.width > MAX_CELLS:
        raise _TooBig(name)
    rows = sheet.to_python()
    start = tuple(sheet.start) if rows and sheet.start else (0, 0)
    # Leading empty columns are dropped by calamine; columns are found by label, so only the
    # row numbers need the offset.
    return name, rows, start[0]


def _csv_sheets(data: bytes) -> Sheets:
    text = _decode(data)
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [("", list(csv.reader(io.StringIO(text), dialect)), 0)]


def _decode(data: bytes) -> str:
    # Excel's "CSV UTF-8" has a BOM; its plain "CSV" on a Vietnamese Windows is cp1258.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


# --------------------------------------------------------------------------- header

_FIELDS = ("name", "code", "group", "email")
_PEOPLE = ("ho ten", "ho va ten", "ten nguoi", "ten can bo", "nguoi ")
_NAME_BEST = {"ten don vi", "ten co quan", "ten co quan don vi", "ten don vi co quan"}
_NAME_GOOD = {"ten", "don vi", "co quan", "co quan don vi", "ten xa", "ten xa phuong"}
_NAME_GOOD |= {"xa phuong", "ten dia phuong", "dia phuong", "ten huyen", "name"}
_CODES = {"ma", "ma don vi", "ma dv", "ma so", "ma co quan", "ky hieu", "code"}
_GROUPS = {"nhom", "loai", "cap", "khoi", "nhom don vi", "loai don vi", "cap hanh chinh", "group"}
_EMAILS = ("email", "e mail", "thu dien tu", "hop thu", "mail")


def _label(value: Any) -> str:
    return re.sub(r"[^a-z0-9 ]+", " ", fold(str(value))).strip() if value is not None else ""


def _label_field(label: str) -> tuple[str, int] | None:
    """Which field a header cell names, with a score (the best name column wins)."""
    label = re.sub(r"\s+", " ", label)
    if not label or label.startswith(_PEOPLE):
        return None
    if label in _NAME_BEST:
        return "name", 3
    if label in _NAME_GOOD:
        return "name", 2
    if label in _CODES or label.startswith("ma "):
        return "code", 1
    if label in _GROUPS or label.startswith(("nhom ", "loai ", "cap ")):
        return "group", 1
    if any(word in label for word in _EMAILS):
        return "email", 1
    if label.startswith("ten "):
        return "name", 1
    return None


@dataclass(frozen=True)
class _Header:
    row: int
    columns: dict[str, int]
    labels: dict[str, str]


def _find_header(rows: Grid) -> _Header | None:
    for r, row in enumerate(rows[:HEADER_ROWS]):
        columns: dict[str, tuple[int, int]] = {}
        for c, value in enumerate(row):
            found = _label_field(_label(value)) if isinstance(value, str) else None
            if found and (found[0] not in columns or found[1] > columns[found[0]][1]):
                columns[found[0]] = (c, found[1])
        if "name" in columns:
            picked = {key: column for key, (column, _) in columns.items()}
            labels = {key: nfc(str(row[column])) for key, column in picked.items()}
            return _Header(r, picked, labels)
    return None


# --------------------------------------------------------------------------- rows


def _read_rows(
    sheet: str, rows: Grid, offset: int, header: _Header, known: Sequence[Agency]
) -> RosterResult:
    parsed, errors = _rows(rows, offset, header)
    errors += _duplicates(parsed)
    if not parsed and not errors:
        errors.append(f"Danh sách dưới dòng tiêu đề (dòng {offset + header.row + 1}) trống.")
    warnings: list[str] = []
    agencies = _agencies(parsed, known, errors, warnings) if not errors else []
    return RosterResult(
        agencies=agencies if not errors else [],
        errors=errors,
        warnings=warnings,
        sheet=sheet,
        header_row=offset + header.row + 1,
        columns=header.labels,
        **_code_origins(parsed, agencies, known),
    )


# Headings that split a list in parts: "I. Sở, ban, ngành", "B) Các huyện, thành phố".
_SECTION = re.compile(r"(?:[IVX]+|[A-Z])[.)]\s+\S.*")


def _rows(rows: Grid, offset: int, header: _Header) -> tuple[list[_Row], list[str]]:
    parsed: list[_Row] = []
    errors: list[str] = []
    blanks: list[int] = []
    section = ""
    for r in range(header.row + 1, len(rows)):
        number, row = offset + r + 1, rows[r]
        if not any(_cell(value) for value in row):
            blanks.append(number)
            continue
        errors += [_blank_rows_message(blanks)] if blanks and (parsed or errors) else []
        blanks = []
        values = {key: _cell(_at(row, column)) for key, column in header.columns.items()}
        if _is_section(values):
            section = values["name"]
            continue
        problem = _row_problem(number, values)
        if problem:
            errors.append(problem)
        else:
            name, code, group, email = (values.get(key, "") for key in _FIELDS)
            parsed.append(_Row(number, name, code, group, email, section))
    return parsed, errors


def _is_section(values: dict[str, str]) -> bool:
    others = (values.get(key) for key in ("code", "email"))
    return bool(_SECTION.fullmatch(values.get("name", ""))) and not any(others)


def _blank_rows_message(numbers: list[int]) -> str:
    shown = f"Dòng {numbers[0]}" if len(numbers) == 1 else f"Các dòng {numbers[0]}–{numbers[-1]}"
    return (
        f"{shown} để trống giữa danh sách: xóa dòng trống (danh sách phải liền nhau) hoặc điền"
        " đơn vị còn thiếu."
    )


def _at(row: list[Any], column: int) -> Any:
    return row[column] if column < len(row) else None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # calamine gives 12.0 for a code typed 12
    return nfc("".join(ch if ord(ch) >= 32 else " " for ch in str(value)))


# "Tổng cộng", "Tổng số: 95 xã", "Cộng" -- but not "Công an tỉnh" or "Tổng công ty ...".
_TOTAL = re.compile(r"(tong cong|tong so|tong|cong)(\s*:.*|\s+\d.*)?")


def _row_problem(number: int, values: dict[str, str]) -> str | None:
    name, code = values.get("name", ""), values.get("code", "")
    if not name:
        return f"Dòng {number} có dữ liệu nhưng thiếu tên đơn vị: điền tên hoặc xóa dòng này."
    if _TOTAL.fullmatch(fold(name)):
        return f"Dòng {number} (“{name}”) là dòng tổng, không phải đơn vị: xóa dòng này."
    if code and not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", code):
        return (
            f"Dòng {number}: mã “{code}” chỉ được dùng chữ không dấu, chữ số, '-', '_', viết"
            " liền, tối đa 40 ký tự (hoặc để trống để thd tự đặt mã)."
        )
    return None


def _duplicates(rows: list[_Row]) -> list[str]:
    by_name = [
        same
        for loose in _groups(rows, lambda row: loose_key(row.name, agency=True))
        for same in _written_alike(loose)
    ]
    by_code = _groups(rows, lambda row: row.code.upper())
    errors = [_same_name(same) for same in by_name]
    return errors + [
        f"{_rows_named(same)} cùng mã “{same[0].code}”: mỗi đơn vị một mã khác nhau."
        for same in by_code
    ]


def _groups(rows: list[_Row], key: Any) -> list[list[_Row]]:
    seen: dict[str, list[_Row]] = {}
    for row in rows:
        if key(row):
            seen.setdefault(key(row), []).append(row)
    return [same for same in seen.values() if len(same) > 1]


def _written_alike(rows: list[_Row]) -> list[list[_Row]]:
    """Rows of one loose name split into the agencies they are: rows spelt apart (`written_apart`:
    “UBND xã Văn Lăng”, “UBND xã Văn Lang”) that each have a code typed in the list are the
    officer's word that they are two agencies; each list of two or more is one agency twice."""
    agencies: list[list[_Row]] = []
    for row in rows:
        same = next((a for a in agencies if not _apart(a[0], row)), None)
        if same is None:
            agencies.append([row])
        else:
            same.append(row)
    return [same for same in agencies if len(same) > 1]


def _apart(first: _Row, second: _Row) -> bool:
    return bool(first.code and second.code) and written_apart(first.name, second.name)


def _same_name(rows: list[_Row]) -> str:
    if not any(written_apart(rows[0].name, row.name) for row in rows[1:]):
        return f"{_rows_named(rows)} cùng là đơn vị “{rows[0].name}”: mỗi đơn vị chỉ ghi một lần."
    shown = ", ".join(
        f"“{row.name}”" if not row.code else f"“{row.name}” ({row.code})" for row in rows
    )
    return (
        f"{_rows_named(rows)} ({shown}) có tên chỉ khác nhau ở dấu, mà thd coi là một tên"
        " (cán bộ, đơn vị thường gõ thiếu dấu): nếu là một đơn"
        " vị, chỉ ghi một lần; nếu là hai đơn vị khác nhau, ghi mã riêng cho mỗi dòng ở cột Mã"
        " (ví dụ VANLANG và VANLANG2), thd sẽ phân biệt hai đơn vị theo đúng tên có dấu."
    )


def _rows_named(rows: list[_Row]) -> str:
    numbers = [str(row.number) for row in rows]
    return f"Dòng {', '.join(numbers[:-1])} và {numbers[-1]}"


# --------------------------------------------------------------------------- agencies


def _code_origins(
    rows: list[_Row], agencies: list[Agency], known: Sequence[Agency]
) -> dict[str, list[str]]:
    """Which codes came from last year's roster and which thd made (the rest were typed)."""
    if len(rows) != len(agencies):
        return {}
    untyped = [a for row, a in zip(rows, agencies, strict=True) if not row.code]
    old = {a.code for a in known}
    return {
        "kept_codes": [a.code for a in untyped if a.code in old],
        "made_codes": [a.code for a in untyped if a.code not in old],
    }


def _agencies(
    rows: list[_Row], known: Sequence[Agency], errors: list[str], warnings: list[str]
) -> list[Agency]:
    codes = assign_codes([(row.name, row.code) for row in rows], known)
    errors += _code_clashes(rows, codes)
    by_code = {a.code.upper(): a for a in known}
    old_codes = _old_codes(known)  # once: per row it made the list's import quadratic
    agencies = []
    for row, code in zip(rows, codes, strict=True):
        # What the row does not say (no group, no e-mail) stays as the roster had it.
        old = by_code.get(code.upper())
        group = _group(row, warnings, old.group if old else None)
        email = row.email or (old.email if old else "")
        try:
            agencies.append(Agency(code=code, name=row.name, group=group, email=email))
        except ValidationError:
            errors.append(f"Dòng {row.number}: không dùng được đơn vị “{row.name}”.")
        if not row.code and old is None and base_code(row.name) in old_codes:
            warnings.append(_not_last_years(row, base_code(row.name), code, known))
        if row.email and not _EMAIL.fullmatch(row.email):
            warnings.append(
                f"Dòng {row.number}: thư điện tử “{row.email}” có vẻ không đúng dạng"
                " ten@co-quan.gov.vn: kiểm tra lại."
            )
    return agencies


def _not_last_years(row: _Row, short: str, code: str, known: Sequence[Agency]) -> str:
    holder = next((a for a in known if short in {c.upper() for c in (a.code, *a.previous)}), None)
    whose = f"của {holder.name}" if holder and holder.code.upper() == short else "đã dùng"
    return (
        f"Dòng {row.number}: {row.name} được đặt mã {code}, không phải {short}, vì mã {short}"
        f" {whose} trong danh sách năm trước (là đơn vị khác thì số liệu hai năm không được so"
        f" sánh như của một đơn vị). Nếu đúng là một đơn vị chỉ đổi tên, ghi {short} vào cột Mã"
        " của dòng này."
    )


def _code_clashes(rows: list[_Row], codes: list[str]) -> list[str]:
    """A typed code may equal the code last year's roster gave another row's name."""
    seen: dict[str, list[_Row]] = {}
    for row, code in zip(rows, codes, strict=True):
        seen.setdefault(code.upper(), []).append(row)
    return [
        f"{_rows_named(same)} cùng mã “{code}” (mã ghi trong danh sách hoặc mã năm trước của"
        " đơn vị): sửa cột mã cho khác nhau."
        for code, same in seen.items()
        if len(same) > 1
    ]


_EMAIL = re.compile(r"[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+(\s*[,;]\s*[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+)*")

_LOCAL_WORDS = {"huyen", "xa", "phuong", "thi tran", "thanh pho", "thi xa", "quan", "tp"}
_LOCAL_WORDS |= {"cap huyen", "cap xa", "dia phuong", "district", "commune", "local", "ubnd"}
_PROVINCE_WORDS = {"so", "ban", "nganh", "doan the", "tinh", "cap tinh", "hoi", "co quan"}
_PROVINCE_WORDS |= {"province", "so ban nganh", "so ban nganh doan the"}


def group_of(text: str) -> AgencyGroup | None:
    """ "Sở, ban, ngành" -> province bodies; "Huyện" -> districts; "Xã", "Phường" -> communes;
    else None."""
    parts = {p.strip() for p in re.split(r"[,;/()-]| va ", fold(text)) if p.strip()}
    words = parts | {w for p in parts for w in p.split()}
    local, province = bool(words & _LOCAL_WORDS), bool(words & _PROVINCE_WORDS)
    if local == province:
        return None
    return _local_level(parts) if local else AgencyGroup.PROVINCE


# A local body's level by its words; "thị xã" is a district's, its "xã" no commune's.
_COMMUNE_WORDS = {"xa", "phuong", "thi tran", "cap xa", "commune"}
_DISTRICT_WORDS = {"huyen", "thi xa", "thanh pho", "quan", "tp", "cap huyen"}


def _local_level(parts: set[str]) -> AgencyGroup:
    """A commune only when every part names one ("Xã", "Cấp xã", "Phường"); mixed or
    unknown ("Huyện, xã", "UBND", "Địa phương") stays a district, as before."""
    phrases = {p.removeprefix("ubnd ").removeprefix("cac ") for p in parts}
    if phrases and all(_phrase_is_commune(p) for p in phrases):
        return AgencyGroup.COMMUNE
    return AgencyGroup.DISTRICT


def _phrase_is_commune(phrase: str) -> bool:
    words = phrase.split()
    district = (
        any(w in _DISTRICT_WORDS for w in words) or "thi xa" in phrase or "thanh pho" in phrase
    )
    return not district and (
        phrase in _COMMUNE_WORDS or bool(set(words) & {"xa", "phuong"}) or "thi tran" in phrase
    )


_LOCAL_NAME = re.compile(
    r"(ubnd |uy ban nhan dan )?(huyen|xa|phuong|thi tran|thanh pho|thi xa|quan|tp)\b"
)


def _group_of_name(name: str) -> AgencyGroup | None:
    """ "UBND xã Nam Mẫu" -> commune; "UBND huyện Ba Bể", "UBND thị xã ..." -> district."""
    found = _LOCAL_NAME.match(loose_key(name))
    if found is None:
        return None
    commune = found.group(2) in ("xa", "phuong", "thi tran")
    return AgencyGroup.COMMUNE if commune else AgencyGroup.DISTRICT


def _group(row: _Row, warnings: list[str], known: AgencyGroup | None = None) -> AgencyGroup:
    """The group typed on the row, else the heading's, else the roster's (`known`, when the
    agency was already listed: the officer may have corrected it), else the one the name says."""
    from_name = known or _group_of_name(row.name)
    if not row.group and row.section:
        from_name = group_of(row.section.split(maxsplit=1)[1]) or from_name
    if row.group:
        group = group_of(row.group)
        if group is not None:
            return group
        warnings.append(
            f"Dòng {row.number}: không nhận ra nhóm “{row.group}” (cần: sở, ban, ngành, đoàn"
            " thể hoặc huyện, xã, phường): thd xếp đơn vị theo tên."
        )
    return from_name or AgencyGroup.PROVINCE


# --------------------------------------------------------------------------- codes

_PLACE_PREFIX = re.compile(
    r"^((uy ban nhan dan|ubnd)\s+)?(huyen|xa|phuong|thi tran|thanh pho|thi xa|quan|tp)\s+"
)
_SMALL_WORDS = {"va", "cua"}  # "và", "của"


def base_code(name: str) -> str:
    """The short code of a name, in the style of the embedded roster: a place keeps its name
    ("UBND huyện Ba Bể" -> BABE), a body its initials ("Sở Tư pháp" -> STP)."""
    key = re.sub(r"[^a-z0-9 ]+", " ", fold(name))
    key = re.sub(r"\s+", " ", key).strip()
    place = _PLACE_PREFIX.match(key)
    if place and key[place.end() :]:
        return key[place.end() :].replace(" ", "").upper()[:20]
    words = [w for w in key.split() if w not in _SMALL_WORDS] or key.split() or ["x"]
    if len(words) == 1:
        return words[0].upper()[:20]
    return "".join(w[0] if not w.isdigit() else w for w in words).upper()[:20]


def long_code(name: str) -> str:
    """Every letter of the name: distinct for distinct names, for codes that collided."""
    letters = re.sub(r"[^a-z0-9]+", "", loose_key(name, agency=True)).upper() or "X"
    if len(letters) <= CODE_LENGTH - 5:
        return letters
    digest = hashlib.sha1(loose_key(name, agency=True).encode()).hexdigest()[:4].upper()
    return f"{letters[: CODE_LENGTH - 5]}-{digest}"


def assign_codes(rows: Iterable[tuple[str, str]], known: Sequence[Agency] = ()) -> list[str]:
    """A code per (name, code typed or "") row: the typed one, else last year's for that name,
    else one made from the name. Made codes that collide with any other code take the long form
    of their name, so a code depends only on its own name and the codes it meets, never on the
    order of the list. A code of last year's roster (or of its `previous` keys) is never made
    for another name: "UBND xã Phú Lương" of 2025 is not "UBND huyện Phú Lương" of 2024 (same
    code, their figures would be compared as one agency's)."""
    rows = list(rows)
    # An agency is known by its name, else by one of its aliases (the list may use either).
    by_name = {loose_key(alias, agency=True): a.code for a in known for alias in a.aliases}
    by_name |= {loose_key(a.name, agency=True): a.code for a in known}
    fixed = [code or by_name.get(loose_key(name, agency=True), "") for name, code in rows]
    made = [base_code(name) for name, _ in rows]
    taken = {code.upper() for code in fixed if code} | _old_codes(known)
    counts: dict[str, int] = {}
    for index, code in enumerate(made):
        if not fixed[index]:
            counts[code] = counts.get(code, 0) + 1
    return [
        fixed[i]
        or (made[i] if counts[made[i]] == 1 and made[i] not in taken else long_code(rows[i][0]))
        for i in range(len(rows))
    ]


def _old_codes(known: Sequence[Agency]) -> set[str]:
    return {code.upper() for a in known for code in (a.code, *a.previous)}


# --------------------------------------------------------------------------- TOML


def roster_toml(agencies: Sequence[Agency]) -> str:
    """The `[[agencies]]` blocks, as templates/thd.toml writes them (e-mail, aliases and
    previous codes only when known)."""
    return "\n".join(_block(agency) for agency in agencies)


def _block(agency: Agency) -> str:
    return "\n".join(["[[agencies]]", *(f"{key} = {value}" for key, value in _keys(agency))]) + "\n"


_KEYS = ("code", "name", "group", "email", "aliases", "previous")


def _keys(agency: Agency, every: bool = False) -> list[tuple[str, str]]:
    """`key = value` pairs of an agency as TOML text; optional keys only when set (`every`:
    all of them)."""
    values = {
        "code": basic_string(agency.code),
        "name": basic_string(agency.name),
        "group": basic_string(agency.group.value),
        "email": basic_string(agency.email),
        "aliases": string_list(agency.aliases),
        "previous": string_list(agency.previous),
    }
    optional = {"email": agency.email, "aliases": agency.aliases, "previous": agency.previous}
    return [(key, values[key]) for key in _KEYS if every or optional.get(key, True)]


def replace_roster(toml_text: str, agencies: Sequence[Agency], origin: str = "thd.toml") -> str:
    """The configuration with its roster replaced by `agencies` (in their order), everything
    else kept: the other tables and every comment, and for each agency already listed (same
    code) its block as the officer wrote it -- comments, `aliases`, `previous` and the other
    keys -- with only the keys whose value changes rewritten. The list's agencies carry no
    aliases or previous codes: an agency already listed keeps its own.
    Raises ConfigError if the text is not a valid configuration before or after."""
    if not agencies:
        raise ConfigError("Danh sách đơn vị mới trống: không thay danh sách trong cấu hình.")
    old = {a.code.upper(): a for a in config.parse(toml_text, origin).agencies}
    merged = [_merged(agency, old.get(agency.code.upper())) for agency in agencies]
    doc = scan(toml_text)
    spans = _roster_spans(doc)
    region = _roster_lines(doc, merged, old)
    lines = doc.lines
    if spans:
        first = spans[0][0]
        for start, end in reversed(spans):
            del lines[start:end]
        follows = lines[first] if first < len(lines) else ""
        lines[first:first] = [*region, *([""] if follows.strip() else [])]
    else:
        lines[len(lines) :] = ["", *region, ""]
    text = "\n".join(lines).rstrip("\n") + "\n"
    config.parse(text, f"{origin} (sau khi thay danh sách đơn vị)")
    return text


def dropped_keys(old: Sequence[Agency], new: Sequence[Agency]) -> list[str]:
    """A sentence for each agency leaving the roster with `previous` codes or `aliases` the
    officer wrote: they leave with it (a name typed differently in the list makes a new
    agency, and last year's figures of the merged communes would no longer be compared)."""
    kept = {a.code.upper() for a in new}
    notes = []
    for agency in old:
        keys = [
            f"{key} ({', '.join(getattr(agency, key))})"
            for key in ("previous", "aliases")
            if getattr(agency, key)
        ]
        if agency.code.upper() in kept or not keys:
            continue
        notes.append(
            f"{agency.name} (mã {agency.code}) không có trong danh sách mới nên đã bị bỏ, cùng"
            f" khóa {' và '.join(keys)} ghi cho đơn vị này. Nếu đơn vị vẫn còn (chỉ đổi tên),"
            f" ghi mã {agency.code} vào cột Mã của dòng đơn vị đó rồi chạy lại lệnh."
        )
    return notes


def _merged(agency: Agency, old: Agency | None) -> Agency:
    if old is None:
        return agency
    kept: dict[str, Any] = {"aliases": agency.aliases or old.aliases}
    kept["previous"] = agency.previous or old.previous
    if loose_key(agency.name, agency=True) in {loose_key(a, agency=True) for a in old.aliases}:
        kept["name"] = old.name  # the list writes one of its other names: not a new name
    return agency.model_copy(update=kept)


@dataclass
class _Written:
    """One `[[agencies]]` block as the officer wrote it: `lines` from its header to its last
    key (and the comments right under it), `lead` the comments right above its header, and
    `before` what stood between it and the block above (blank lines, the heading of a part of
    the list such as "# Các xã")."""

    table: str  # as tomltext names it: "agencies[3]"
    header: int  # line of the header in the scanned text
    lines: list[str]
    lead: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)


def _by_table(doc: TomlLines) -> dict[str, list[Statement]]:
    """The statements of each table, in order: looked up per block, a search of every
    statement made replacing a roster of 3,000 agencies take seconds."""
    tables: dict[str, list[Statement]] = {}
    for statement in doc.statements:
        tables.setdefault(statement.table, []).append(statement)
    return tables


def _following(doc: TomlLines) -> dict[int, Header | None]:
    """Each header's line -> the header after it, if any."""
    ordered = sorted(doc.headers, key=lambda h: h.line)
    return {h.line: ordered[i + 1] if i + 1 < len(ordered) else None for i, h in enumerate(ordered)}


def _written_blocks(
    doc: TomlLines, tables: dict[str, list[Statement]]
) -> tuple[dict[str, _Written], list[str]]:
    """The roster's blocks by code (upper case), and the lines after the last one."""
    blocks: list[tuple[str, _Written]] = []
    gap: list[str] = []
    number = 0
    following = _following(doc)
    for header in doc.headers:
        if header.name != "agencies" or not header.is_array:
            continue
        number += 1
        table = f"agencies[{number}]"
        own = tables.get(table, [])
        code = next((s for s in own if s.key == "code"), None)
        start, end = _own_lines(doc, own, header.line)
        lead = _comment_run(gap)
        block = _Written(
            table, header.line, doc.lines[start:end], lead, gap[: len(gap) - len(lead)]
        )
        blocks.append((str(code.value).upper() if code else "", block))
        gap = doc.lines[end : _block_end(doc, header, following[header.line])]
    return dict(blocks), gap


def _block_end(doc: TomlLines, header: Header, following: Header | None) -> int:
    if following is None:
        return len(doc.lines)
    if following.name == "agencies" and following.is_array:
        return following.line
    return _before_comments(doc.lines, header.line + 1, following.line)


def _own_lines(doc: TomlLines, own: list[Statement], header: int) -> tuple[int, int]:
    """The block's own lines (`own`: its statements): the header, its keys, and comments right
    under the last key when a blank line follows them (comments reaching the next header are
    that block's)."""
    ends = [s.end for s in own]
    last = max(ends) if ends else header + 1
    after = last
    while after < len(doc.lines) and doc.lines[after].lstrip().startswith("#"):
        after += 1
    blank = after < len(doc.lines) and not doc.lines[after].strip()
    return header, after if blank else last


def _comment_run(lines: list[str]) -> list[str]:
    """The comment lines at the end of `lines` (right above a header)."""
    run = 0
    while run < len(lines) and lines[len(lines) - 1 - run].lstrip().startswith("#"):
        run += 1
    return lines[len(lines) - run :]


def _roster_lines(doc: TomlLines, agencies: list[Agency], old: dict[str, Agency]) -> list[str]:
    """The new roster's lines: blocks of agencies already listed as written (edited where the
    list changes a value), new ones in the template's style, the headings of parts of the list
    kept even when the agency under them left."""
    tables = _by_table(doc)
    written, tail = _written_blocks(doc, tables)
    headings = _orphan_headings(written, {a.code.upper() for a in agencies})
    chunks: list[list[str]] = []
    pending = headings.pop("", [])
    for agency in agencies:
        code = agency.code.upper()
        block = written.get(code)
        if block is None:
            lines = _block(agency).rstrip("\n").split("\n")
        else:
            own = [
                *block.before,
                *block.lead,
                *_edited(block, old[code], agency, tables.get(block.table, [])),
            ]
            lines = _trimmed(own)
        chunks.append([*pending, *lines])
        pending = headings.pop(code, [])
    chunks += [_trimmed(pending), *map(_trimmed, headings.values()), _trimmed(tail)]
    region: list[str] = []
    for chunk in chunks:
        if chunk:
            region += [*([""] if region else []), *chunk]
    return region


def _orphan_headings(written: dict[str, _Written], wanted: set[str]) -> dict[str, list[str]]:
    """The part headings ("# Các xã") written above blocks that leave the roster, keyed by the
    code of the block that stays above them ("" for none): they go above whatever agency
    follows that one in the new list. The comments right above a leaving block's header are
    that agency's own, and leave with it, unless they read as a heading themselves."""
    moved: dict[str, list[str]] = {}
    above = ""
    for code, block in written.items():
        if code in wanted:
            above = code
            continue
        lead = block.lead if _is_heading(block.lead) else []
        heading = _trimmed([*block.before, *lead])
        if heading:  # kept as written: right above the header, or a blank line between
            moved[above] = [*moved.get(above, []), *heading, *([] if lead else [""])]
    return moved


_HEADING_WORDS = ("cac ", "khoi ", "nhom ", "cap ", "danh sach", "---", "===")


def _is_heading(comments: list[str]) -> bool:
    """ "# II. Các xã, phường", "# B) Khối huyện", "# Các sở, ngành": a part of the list."""
    first = comments[0].lstrip().lstrip("#").strip() if comments else ""
    return bool(_SECTION.fullmatch(first)) or fold(first).startswith(_HEADING_WORDS)


def _trimmed(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _edited(block: _Written, old: Agency, new: Agency, own: list[Statement]) -> list[str]:
    """The block's lines with the keys whose value changes rewritten in place (the comment
    after the value kept), missing keys added under the last one."""
    lines = list(block.lines)
    values = dict(_keys(new, every=True))
    changed = [key for key in _KEYS if getattr(old, key) != getattr(new, key)]
    found = {key: next((s for s in own if s.key == key), None) for key in changed}
    added = [f"{key} = {values[key]}" for key in changed if found[key] is None]
    last = max((s.end for s in own), default=block.header + 1)
    lines[last - block.header : last - block.header] = added
    present = [(key, s) for key, s in found.items() if s is not None]
    for key, statement in sorted(present, key=lambda pair: -pair[1].start):
        at = statement.start - block.header
        if statement.end - statement.start == 1:
            prefix, _, rest = split_line(lines[at])
            lines[at] = f"{prefix}{values[key]}{rest}"
        else:
            lines[at : statement.end - block.header] = [f"{key} = {values[key]}"]
    return lines


def _roster_spans(doc: TomlLines) -> list[tuple[int, int]]:
    """Line ranges holding the roster: each [[agencies]] block up to the next header (keeping
    the comments just above that header), or a root `agencies = [...]`."""
    following = _following(doc)
    spans = [
        (h.line, _block_end(doc, h, following[h.line]))
        for h in doc.headers
        if h.name == "agencies" and h.is_array
    ]
    root = doc.find("", "agencies")
    if root is not None:
        spans.append((root.start, root.end))
    return sorted(spans)


def _before_comments(lines: list[str], start: int, end: int) -> int:
    while end > start and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


GROUP_WORDS = {
    AgencyGroup.PROVINCE: "sở, ban, ngành, đoàn thể tỉnh",
    AgencyGroup.DISTRICT: "huyện, thị xã, thành phố",
    AgencyGroup.COMMUNE: "xã, phường, thị trấn",
}


_PROVINCE_PEOPLES_COMMITTEE = re.compile(r"(ubnd|uy ban nhan dan) (tinh|thanh pho) ")


def _group_words(group: AgencyGroup, agencies: Sequence[Agency]) -> str:
    """The group's words; a ministry's roster of provinces ("UBND tỉnh Lạng Sơn") is not one of
    provincial departments (trial 2026-12-01c, finding 16)."""
    if group is AgencyGroup.PROVINCE and all(
        _PROVINCE_PEOPLES_COMMITTEE.match(loose_key(a.name)) for a in agencies
    ):
        return "tỉnh, thành phố trực thuộc trung ương"
    return GROUP_WORDS[group]


def groups_line(agencies: Sequence[Agency]) -> str:
    """How the list was sorted into groups, in the officer's words: what `group` each got."""
    counts = [(g, [a for a in agencies if a.group is g]) for g in AgencyGroup]
    parts = [
        f'{len(found)} {_group_words(g, found)} (group = "{g.value}")'
        for g, found in counts
        if found
    ]
    return "Xếp nhóm đơn vị: " + "; ".join(parts) + ". Sửa dòng group trong thd.toml nếu sai."
