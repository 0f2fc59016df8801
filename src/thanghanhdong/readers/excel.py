"""Workbook bytes (.xlsx, .xlsm, .xls, .ods) -> RawSubmission, with python-calamine.

`container.check` has bounded what calamine will allocate before this module opens anything;
`_CellBudget` bounds again what the loaded sheets hold (an .xls grid is only known once built).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from thanghanhdong import container, form
from thanghanhdong.container import MAX_CELLS, file_error, too_many_cells
from thanghanhdong.model import FileError, RawSubmission, RawTable, column_letter
from thanghanhdong.readers import layout
from thanghanhdong.readers.layout import Header, Sheet
from thanghanhdong.text import loose_key


def read(path: Path, data: bytes) -> RawSubmission:
    """Read one workbook already checked by `container.check`. Raises FileError when it cannot
    be used at all."""
    workbook = _open(data)
    try:
        return _read_workbook(path, workbook)
    finally:
        workbook.close()


def _open(data: bytes) -> Any:
    """Open the workbook from its bytes. calamine then chooses the reader from the content (from a
    path it goes by the extension: a .xls or .ods renamed .xlsx, or an .xlsx renamed .xls, would
    not open), and a file name the OS cannot pass on as UTF-8 (from a Windows zip) still opens."""
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise file_error("password") from exc
    except Exception as exc:  # calamine raises several types for damaged files
        # Trying each format in turn, calamine reports "cannot detect" for an encrypted file.
        if container.is_encrypted(data):
            raise file_error("password") from exc
        # calamine's own text is English and technical: the officer gets what to do instead.
        raise file_error("unopenable") from exc


class _CellBudget:
    """The cells the sheets loaded from one file may hold together."""

    def __init__(self) -> None:
        self.left = MAX_CELLS

    def spend(self, sheet: Any, name: str) -> None:
        self.left -= sheet.height * sheet.width
        if self.left < 0:
            end = sheet.end or (0, 0)
            where = f"có trang “{name}” chứa dữ liệu trải tới ô {column_letter(end[1])}{end[0] + 1}"
            raise too_many_cells(MAX_CELLS - self.left, where)


def _load_sheet(workbook: Any, name: str, budget: _CellBudget) -> Sheet:
    try:
        # calamine parses the sheet's XML here already, not only in to_python().
        sheet = workbook.get_sheet_by_name(name)
        budget.spend(sheet, name)
        rows = sheet.to_python()
    except FileError:
        raise
    except Exception as exc:
        raise file_error("bad_sheet", sheet=name) from exc
    return Sheet(name, rows, tuple(sheet.start) if rows else (0, 0))


def _read_workbook(path: Path, workbook: Any) -> RawSubmission:
    names: list[str] = list(workbook.sheet_names)
    by_key = {loose_key(n): n for n in names}
    budget = _CellBudget()
    loaded: dict[str, Sheet] = {}

    def sheet(name: str) -> Sheet:
        if name not in loaded:
            loaded[name] = _load_sheet(workbook, name, budget)
        return loaded[name]

    meta = layout.read_meta(sheet(form.SHEET_META)) if form.SHEET_META in names else None
    info_name = by_key.get(loose_key(form.SHEET_INFO))
    info = layout.read_info(sheet(info_name)) if info_name else {}
    tables: dict[str, RawTable] = {}
    read: set[Header] = set()
    for spec in form.TABLES:
        named = by_key.get(loose_key(spec.sheet))
        candidates = (
            [named] if named else [n for n in names if n not in (form.SHEET_META, info_name)]
        )
        tables[spec.key] = layout.find_table(spec, (sheet(n) for n in candidates), read)
    if "agency_name" not in info:
        # Form retyped without the info sheet: take "Tên đơn vị báo cáo: X" from a table sheet.
        for table in tables.values():
            if table.sheet and (named_cell := layout.agency_line(sheet(table.sheet))):
                info["agency_name"] = named_cell
                break
    # Every sheet that may hold a table: the table sheets (already loaded) and any sheet that is
    # not the form's (none in a form as sent).
    not_tables = {form.SHEET_META, info_name, by_key.get(loose_key(form.SHEET_GUIDE))}
    extra_tables = [
        found
        for name in names
        if name not in not_tables
        for found in layout.unread_tables(sheet(name), read)
    ]
    return RawSubmission(
        path=path,
        meta=meta,
        info=info,
        tables=tables,
        sheet_names=names,
        extra_tables=extra_tables,
    )
