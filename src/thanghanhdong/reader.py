"""Returned file -> RawSubmission: every value with its sheet and the cell address Excel shows.

Reads .xlsx, .xlsm, .xls and .ods with python-calamine. Tables are located by their header
labels, not by fixed rows, so a form with inserted rows or re-saved by another office suite still
reads. A file that cannot be used at all raises `FileError` carrying one file-level issue.
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from thanghanhdong import form
from thanghanhdong.model import (
    Cell,
    CellScalar,
    FileError,
    Issue,
    RawRow,
    RawSubmission,
    RawTable,
    Severity,
)
from thanghanhdong.text import loose_key

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# A filled form unpacks to well under 1 MB; these bounds stop zip bombs before any XML is parsed.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200

_INFO_LABELS = {loose_key(f.label): f for f in form.INFO_FIELDS if f.is_input}
_STT = loose_key(form.STT_LABEL)
_MALE = loose_key(form.MALE_LABEL)
_FEMALE = loose_key(form.FEMALE_LABEL)
_LEVEL = loose_key(form.LEVEL_LABEL)
_NAME_PREFIX = loose_key(form.AGENCY_NAME_LABEL)


def file_error(code: str, message: str) -> FileError:
    return FileError(Issue(code, Severity.ERROR, message))


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read(path: Path) -> RawSubmission:
    """Read one returned form. Raises FileError when the file cannot be used at all."""
    check_container(path)
    workbook = _open(path)
    try:
        return _read_workbook(path, workbook)
    finally:
        workbook.close()


def check_container(path: Path) -> None:
    """Reject, by looking at bytes only, what calamine should never be asked to parse."""
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise file_error(
            "file_unsupported",
            f"Tệp “{path.suffix or path.name}” không phải bảng tính. thd chỉ đọc tệp Excel "
            "(.xlsx, .xlsm, .xls) hoặc .ods: đề nghị đơn vị gửi lại đúng mẫu Excel, hoặc chuyển "
            "tệp này ra khỏi thư mục.",
        )
    size = path.stat().st_size
    if size == 0:
        raise file_error(
            "file_empty",
            "Tệp rỗng (0 byte), có thể do tải thư điện tử bị lỗi: đề nghị đơn vị gửi lại.",
        )
    if size > MAX_FILE_BYTES:
        raise file_error(
            "file_too_large",
            f"Tệp quá lớn ({size // (1024 * 1024)} MB) so với một mẫu báo cáo: đề nghị đơn vị kiểm tra và gửi lại.",
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        if suffix != ".xls" and _is_encrypted_ole(path):
            raise _password_error()
        return
    if not head.startswith(ZIP_MAGIC):
        raise file_error(
            "file_corrupt",
            "Tệp bị hỏng hoặc không phải tệp Excel (có thể đã bị đổi đuôi): đề nghị đơn vị gửi lại tệp Excel gốc.",
        )
    _check_zip(path)


def _password_error() -> FileError:
    return file_error(
        "file_password",
        "Tệp được đặt mật khẩu nên không đọc được: đề nghị đơn vị gỡ mật khẩu (Tệp > Thông tin > "
        "Bảo vệ sổ làm việc) rồi gửi lại.",
    )


def _is_encrypted_ole(path: Path) -> bool:
    # An encrypted OOXML file is an OLE container holding "EncryptedPackage" (UTF-16 name).
    with path.open("rb") as handle:
        data = handle.read(1024 * 1024)
    return "EncryptedPackage".encode("utf-16-le") in data


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise file_error(
            "file_corrupt",
            "Tệp bị hỏng (không giải nén được): đề nghị đơn vị lưu lại trong Excel và gửi lại.",
        ) from exc
    names = {info.filename for info in infos}
    if "word/document.xml" in names or "ppt/presentation.xml" in names:
        raise file_error(
            "file_not_spreadsheet",
            "Đây là tệp Word/PowerPoint bị đổi đuôi thành bảng tính: đề nghị đơn vị điền vào mẫu "
            "Excel đã gửi và gửi lại tệp Excel.",
        )
    if (
        "xl/workbook.xml" not in names
        and "xl/workbook.bin" not in names
        and "content.xml" not in names
    ):
        raise file_error(
            "file_corrupt",
            "Tệp không phải bảng tính Excel hoặc bị hỏng: đề nghị đơn vị gửi lại tệp Excel gốc.",
        )
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > MAX_UNPACKED_BYTES or (
        unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO
    ):
        raise file_error(
            "file_too_large",
            f"Tệp khai báo {unpacked // (1024 * 1024)} MB dữ liệu khi giải nén, quá lớn so với một "
            "mẫu báo cáo (có thể là tệp độc hại): không đọc tệp này; đề nghị đơn vị gửi lại.",
        )


def _open(path: Path) -> Any:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise _password_error() from exc
    except Exception as exc:  # calamine raises several types for damaged files
        raise file_error(
            "file_corrupt",
            f"Không mở được tệp ({_short(exc)}): đề nghị đơn vị mở lại bằng Excel, lưu lại và gửi lại.",
        ) from exc


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


Grid = list[list[Any]]


class _Sheet:
    """One sheet's values with the offset of its first cell, so addresses are those Excel shows."""

    def __init__(self, name: str, rows: Grid, start: tuple[int, int]) -> None:
        self.name = name
        self.rows = rows
        self.row0, self.col0 = start

    def cell(self, r: int, c: int) -> Cell:
        value = self.rows[r][c] if c < len(self.rows[r]) else ""
        return Cell(self.name, f"{column_letter(self.col0 + c)}{self.row0 + r + 1}", _clean(value))

    def find(self, predicate: Any, max_rows: int | None = None) -> tuple[int, int] | None:
        for r, row in enumerate(self.rows[:max_rows]):
            for c, value in enumerate(row):
                if isinstance(value, str) and value and predicate(loose_key(value)):
                    return r, c
        return None


def _clean(value: Any) -> CellScalar:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value) if value else None
    return value


def _load_sheet(workbook: Any, name: str) -> _Sheet:
    sheet = workbook.get_sheet_by_name(name)
    try:
        rows = sheet.to_python()
    except Exception as exc:
        raise file_error(
            "file_corrupt",
            f"Trang “{name}” bị hỏng ({_short(exc)}): đề nghị đơn vị lưu lại trong Excel và gửi lại.",
        ) from exc
    return _Sheet(name, rows, tuple(sheet.start) if rows else (0, 0))


def _read_workbook(path: Path, workbook: Any) -> RawSubmission:
    names: list[str] = list(workbook.sheet_names)
    by_key = {loose_key(n): n for n in names}
    meta = _read_meta(_load_sheet(workbook, form.SHEET_META)) if form.SHEET_META in names else None
    info_name = by_key.get(loose_key(form.SHEET_INFO))
    info = _read_info(_load_sheet(workbook, info_name)) if info_name else {}
    loaded: dict[str, _Sheet] = {}

    def sheet(name: str) -> _Sheet:
        if name not in loaded:
            loaded[name] = _load_sheet(workbook, name)
        return loaded[name]

    tables = {}
    for spec in form.TABLES:
        named = by_key.get(loose_key(spec.sheet))
        candidates = (
            [named] if named else [n for n in names if n not in (form.SHEET_META, info_name)]
        )
        tables[spec.key] = _find_table(spec, [sheet(n) for n in candidates])
    if "agency_name" not in info:
        # Form retyped without the info sheet: take "Tên đơn vị báo cáo: X" from a table sheet.
        for table in tables.values():
            if table.sheet and (named_cell := _agency_line(sheet(table.sheet))):
                info["agency_name"] = named_cell
                break
    return RawSubmission(path=path, meta=meta, info=info, tables=tables, sheet_names=names)


def _read_meta(sheet: _Sheet) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in sheet.rows[: len(form.META_KEYS) + 5]:
        if len(row) >= 2 and isinstance(row[0], str) and row[0] in form.META_KEYS:
            value = row[1]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            meta[row[0]] = unicodedata.normalize("NFC", str(value)).strip()
    return meta


def _read_info(sheet: _Sheet) -> dict[str, Cell]:
    info: dict[str, Cell] = {}
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row[:-1]):
            if isinstance(value, str) and (field := _INFO_LABELS.get(loose_key(value))):
                info.setdefault(field.key, sheet.cell(r, c + 1))
                break
    return info


def _agency_line(sheet: _Sheet) -> Cell | None:
    found = sheet.find(lambda key: key.startswith(_NAME_PREFIX), max_rows=10)
    if not found:
        return None
    cell = sheet.cell(*found)
    text = str(cell.value)
    name = text.split(":", 1)[1].strip() if ":" in text else ""
    return Cell(cell.sheet, cell.address, name or None)


def _find_table(spec: form.TableSpec, sheets: Sequence[_Sheet]) -> RawTable:
    item_key, count_key = loose_key(spec.item_label), loose_key(spec.count_label)
    for sheet in sheets:
        header = _find_header(sheet, item_key, count_key)
        if header is None:
            continue
        header_row, columns, data_start = header
        inputs = [c for kind, c in columns.items() if kind != "stt"]
        rows = []
        for r in range(data_start, len(sheet.rows)):
            values = sheet.rows[r]
            if not any(c < len(values) and values[c] != "" for c in inputs):
                continue  # an empty (pre-numbered) row
            cells = {kind: sheet.cell(r, c) for kind, c in columns.items()}
            rows.append(RawRow(excel_row=sheet.row0 + r + 1, cells=cells))
        return RawTable(
            spec.key, sheet.name, rows, header_cell=sheet.cell(header_row, columns["stt"]).address
        )
    return RawTable(spec.key, None)


def _find_header(
    sheet: _Sheet, item_key: str, count_key: str
) -> tuple[int, dict[str, int], int] | None:
    """Locate the header by its labels; returns (row, column index per kind, first data row)."""
    for r, row in enumerate(sheet.rows[:60]):
        keys = [loose_key(v) if isinstance(v, str) else "" for v in row]
        if _STT not in keys or item_key not in keys or count_key not in keys:
            continue
        columns = {
            "stt": keys.index(_STT),
            "item": keys.index(item_key),
            "count": keys.index(count_key),
        }
        if _LEVEL in keys:
            columns["level"] = keys.index(_LEVEL)
        data_start = r + 1
        for sub in range(r, min(r + 3, len(sheet.rows))):
            sub_keys = [loose_key(v) if isinstance(v, str) else "" for v in sheet.rows[sub]]
            if _MALE in sub_keys and _FEMALE in sub_keys:
                columns["male"] = sub_keys.index(_MALE)
                columns["female"] = sub_keys.index(_FEMALE)
                data_start = sub + 1
                break
        if "male" in columns and "level" in columns:
            return r, columns, data_start
    return None
