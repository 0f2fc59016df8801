"""Fill a generated form the way an agency would (openpyxl, typing into the input cells).

Used by the example-inbox script, the tests and the benchmarks; never by the commands themselves.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
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


def fill_bytes(blank: bytes, report: SampleReport) -> bytes:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(blank))
    info = workbook[form.SHEET_INFO]
    for key in ("report_number", "report_date", "signer_title", "signer_name", "contact",
                "budget_state", "budget_mobilized"):
        info[f"{form.INFO_VALUE_COLUMN}{form.info_row(key)}"] = getattr(report, key)
    for key, text in report.narratives.items():
        info[f"{form.INFO_VALUE_COLUMN}{form.info_row(key)}"] = text
    for spec in form.TABLES:
        sheet = workbook[spec.sheet]
        for offset, row in enumerate(report.tables.get(spec.key, [])):
            excel_row = form.TABLE_FIRST_DATA_ROW + offset
            for kind in form.ColumnKind:
                if kind is form.ColumnKind.STT:
                    continue
                sheet[f"{form.column(kind).letter}{excel_row}"] = getattr(row, kind.value)
    for (sheet_name, address), value in report.cells.items():
        workbook[sheet_name][address] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def fill(blank: Path, target: Path, report: SampleReport) -> Path:
    target.write_bytes(fill_bytes(blank.read_bytes(), report))
    return target
