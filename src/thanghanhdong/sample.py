"""Fill a generated form the way an agency would (openpyxl, typing into the input cells).

Used by the example-inbox script, the tests and the benchmarks; never by the commands themselves.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from thanghanhdong import form

CellValue = Any  # whatever a person may type: int, float, str, date, None


@dataclass
class SampleRow:
    item: CellValue
    count: CellValue
    male: CellValue
    female: CellValue
    level: CellValue
    extra: dict[str, CellValue] = field(default_factory=dict)  # other columns, by form key

    def value(self, key: str) -> CellValue:
        return self.extra.get(key) if key in self.extra else getattr(self, key, None)


@dataclass
class SampleReport:
    report_number: CellValue = "01/BC-UBND"
    report_date: CellValue = date(2021, 12, 17)
    signer_title: CellValue = "Phó Chủ tịch"
    signer_name: CellValue = "Nguyễn Văn Bình"
    contact: CellValue = "Hoàng Thị Lan, 0209 3870 123"
    budget_state: CellValue = 15_000_000
    budget_mobilized: CellValue = 2_500_000
    narratives: dict[str, CellValue] = field(
        default_factory=lambda: {
            "direction": "Ban hành Kế hoạch triển khai Tháng hành động và chỉ đạo các xã thực hiện.",
            "activities_text": "Tổ chức tập huấn, nói chuyện chuyên đề và treo băng rôn tuyên truyền.",
            "results": "Nhận thức của cán bộ và nhân dân về bình đẳng giới được nâng lên.",
            "difficulties": "Kinh phí còn hạn hẹp; địa bàn rộng, giao thông đi lại khó khăn.",
            "proposals": "Đề nghị tỉnh tiếp tục hỗ trợ tài liệu tuyên truyền bằng tiếng dân tộc.",
        }
    )
    tables: dict[str, list[SampleRow]] = field(
        default_factory=lambda: {
            "activities": [SampleRow("Tập huấn", 2, 40, 65, "Huyện")],
            "media": [SampleRow("Hệ thống loa truyền thanh cơ sở", 30, 1200, 1350, "Xã")],
            "products": [SampleRow("Băng rôn", 12, 0, 0, "Xã")],
        }
    )
    # Raw cell writes applied last: {(sheet, "D9"): value}, for planting mistakes.
    cells: dict[tuple[str, str], CellValue] = field(default_factory=dict)


CORE_PART = "docProps/core.xml"
WorkbookEdit = Callable[[Any], None]  # called with the openpyxl Workbook before saving


def fill_bytes(
    blank: bytes,
    report: SampleReport,
    *,
    fixed_time: datetime | None = None,
    edit: WorkbookEdit | None = None,
) -> bytes:
    """The blank form filled with `report`.

    `edit` changes the workbook further before it is saved (e.g. deletes a sheet, as an agency
    that copies the form may). `fixed_time` makes the bytes reproducible: it becomes the
    workbook's created/modified time and the date of every zip entry.
    """
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(blank))
    info = workbook[form.SHEET_INFO]
    for key in (
        "report_number",
        "report_date",
        "signer_title",
        "signer_name",
        "contact",
        "budget_state",
        "budget_mobilized",
    ):
        info[f"{form.INFO_VALUE_COLUMN}{form.info_row(key)}"] = getattr(report, key)
    for key, text in report.narratives.items():
        info[f"{form.INFO_VALUE_COLUMN}{form.info_row(key)}"] = text
    for spec in form.TABLES:
        sheet = workbook[spec.sheet]
        for offset, row in enumerate(report.tables.get(spec.key, [])):
            excel_row = form.TABLE_FIRST_DATA_ROW + offset
            for column in spec.columns:
                if column.kind is not form.ColumnKind.STT:
                    sheet[f"{spec.letter(column.key)}{excel_row}"] = row.value(column.key)
    for (sheet_name, address), value in report.cells.items():
        workbook[sheet_name][address] = value
    if edit is not None:
        edit(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    if fixed_time is None:
        return buffer.getvalue()
    return with_fixed_time(buffer.getvalue(), workbook, fixed_time)


def fill(
    blank: Path,
    target: Path,
    report: SampleReport,
    *,
    fixed_time: datetime | None = None,
    edit: WorkbookEdit | None = None,
) -> Path:
    target.write_bytes(fill_bytes(blank.read_bytes(), report, fixed_time=fixed_time, edit=edit))
    return target


def with_fixed_time(data: bytes, workbook: Any, when: datetime) -> bytes:
    """Rewrite a saved workbook so that nothing in it depends on the clock.

    openpyxl stamps the save time into docProps/core.xml and zipfile into every entry; both
    become `when`.
    """
    from openpyxl.xml.functions import tostring

    workbook.properties.created = workbook.properties.modified = when
    core = tostring(workbook.properties.to_tree())
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0  # as on Windows, so the bytes do not depend on the OS
            part = core if info.filename == CORE_PART else source.read(info)
            target.writestr(entry, part)
    return out.getvalue()
