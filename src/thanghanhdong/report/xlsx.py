"""Consolidation -> the summary workbook (openpyxl): the consolidated tables, each agency's
figures, the submission status, the agencies' texts, and native Excel bar charts.

Agency text is always written as a text cell, never as a formula (formula injection).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from copy import copy
from typing import Any

from thanghanhdong import form
from thanghanhdong.consolidate import ConsolidatedTable, Consolidation, Figures
from thanghanhdong.report import labels
from thanghanhdong.report.labels import AGENCY_LABEL, STATE_LABELS, TOTAL_LABEL, budget_label
from thanghanhdong.xlsxutil import set_value

SHEET_SUMMARY = "Tổng hợp"
SHEET_AGENCIES = "Theo đơn vị"
SHEET_STATUS = "Tình hình gửi báo cáo"
SHEET_CHARTS = "Biểu đồ"
SHEET_TEXTS = "Nội dung báo cáo"

FONT_NAME = "Times New Roman"
HEADER_FILL = "DDE5F0"
INTEGER_FORMAT = "#,##0"
SHARE_FORMAT = "0.0%"
TOTAL_PEOPLE_LABEL = "Tổng số người"
FEMALE_SHARE_LABEL = "Tỷ lệ nữ"


def render_xlsx(consolidation: Consolidation) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    _summary(workbook.active, consolidation)
    _agencies(workbook.create_sheet(SHEET_AGENCIES), consolidation)
    _status(workbook.create_sheet(SHEET_STATUS), consolidation)
    _charts(workbook.create_sheet(SHEET_CHARTS), consolidation)
    _texts(workbook.create_sheet(SHEET_TEXTS), consolidation)
    workbook.active = 0
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------ cells


def put(sheet: Any, row: int, column: int, value: Any, *, bold: bool = False) -> Any:
    """Write one cell. Strings stay strings: "=SUM(A1)" from an agency is text, not a formula."""
    cell = sheet.cell(row=row, column=column)
    set_value(cell, value)
    integer = isinstance(value, int) and not isinstance(value, bool)
    _apply_style(cell, bold=bold, integer=integer)
    return cell


def _apply_style(cell: Any, *, bold: bool, integer: bool) -> None:
    """Style a cell like the first cell styled the same way: assigning fonts one by one makes
    openpyxl hash every style object again, which dominated the time for large rosters."""
    from openpyxl.styles import Font

    styles: dict[tuple[bool, bool], Any] = cell.parent.parent.__dict__.setdefault("_thd_styles", {})
    key = (bold, integer)
    if key in styles:
        cell._style = copy(styles[key])
        return
    cell.font = Font(name=FONT_NAME, size=12, bold=bold)
    if integer:
        cell.number_format = INTEGER_FORMAT
    styles[key] = copy(cell._style)


def put_share(sheet: Any, row: int, column: int, figures: Figures, *, bold: bool = False) -> None:
    share = figures.female_share
    cell = put(sheet, row, column, None if share is None else share / 100, bold=bold)
    cell.number_format = SHARE_FORMAT


def header_row(sheet: Any, row: int, labels: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Border, PatternFill, Side

    thin = Side(style="thin")
    for column, label in enumerate(labels, start=1):
        cell = put(sheet, row, column, label, bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)


def title(sheet: Any, text: str) -> None:
    from openpyxl.styles import Font

    put(sheet, 1, 1, text).font = Font(name=FONT_NAME, size=14, bold=True)


def widths(sheet: Any, values: Iterable[float]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(values, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def figures_cells(
    sheet: Any, row: int, column: int, figures: Figures, *, bold: bool = False
) -> int:
    """count, male, female, total, female share from `column`; returns the next column."""
    for offset, value in enumerate((figures.count, figures.male, figures.female, figures.total)):
        put(sheet, row, column + offset, value, bold=bold)
    put_share(sheet, row, column + 4, figures, bold=bold)
    return column + 5


# ------------------------------------------------------------------------------ sheets


def _subject(c: Consolidation) -> str:
    return labels.subject(c.campaign)


def _summary(sheet: Any, c: Consolidation) -> None:
    sheet.title = SHEET_SUMMARY
    title(sheet, _subject(c))
    row = 3
    for table in c.tables.values():
        row = _summary_table(sheet, row, table) + 1
    widths(sheet, (6, 48, 12, 12, 12, 14, 10, 16))
    sheet.freeze_panes = "A3"


def _summary_table(sheet: Any, row: int, table: ConsolidatedTable) -> int:
    spec = table.spec
    put(sheet, row, 1, f"{spec.number}. {spec.title}", bold=True)
    labels = [
        spec.label("stt"),
        spec.label("item"),
        spec.label(form.COUNT),
        f"{spec.people_label}: {spec.label(form.MALE)}",
        f"{spec.people_label}: {spec.label(form.FEMALE)}",
        TOTAL_PEOPLE_LABEL,
        FEMALE_SHARE_LABEL,
        spec.label("level"),
    ]
    header_row(sheet, row + 1, labels)
    row += 2
    for index, item in enumerate(table.rows, start=1):
        put(sheet, row, 1, index)
        put(sheet, row, 2, item.item)
        figures_cells(sheet, row, 3, item.figures)
        put(sheet, row, 8, item.level)
        row += 1
    put(sheet, row, 2, TOTAL_LABEL, bold=True)
    figures_cells(sheet, row, 3, table.total, bold=True)
    row += 1
    for level in table.levels:
        put(sheet, row, 2, f"{TOTAL_LABEL} cấp {level.level.lower()}")
        figures_cells(sheet, row, 3, level.figures)
        put(sheet, row, 8, level.level)
        row += 1
    return row


def _agencies(sheet: Any, c: Consolidation) -> None:
    title(sheet, f"Số liệu của từng cơ quan, đơn vị, địa phương - {_subject(c)}")
    labels = [form.STT_LABEL, "Mã đơn vị", AGENCY_LABEL]
    for spec in form.TABLES:
        labels += [
            f"{spec.sheet}: {spec.count_label}",
            f"{spec.sheet}: {form.MALE_LABEL}",
            f"{spec.sheet}: {form.FEMALE_LABEL}",
        ]
    labels += [
        f"{budget_label('budget_state')} (đồng)",
        f"{budget_label('budget_mobilized')} (đồng)",
        "Ngày báo cáo",
        "Tệp",
    ]
    header_row(sheet, 3, labels)
    row = 4
    for index, agency in enumerate(c.agencies, start=1):
        put(sheet, row, 1, index)
        put(sheet, row, 2, agency.code)
        put(sheet, row, 3, agency.name)
        column = 4
        for spec in form.TABLES:
            figures = agency.tables[spec.key]
            for value in (figures.count, figures.male, figures.female):
                put(sheet, row, column, value)
                column += 1
        put(sheet, row, column, agency.budget.state)
        put(sheet, row, column + 1, agency.budget.mobilized)
        if agency.report_date:
            put(sheet, row, column + 2, agency.report_date).number_format = "DD/MM/YYYY"
        put(sheet, row, column + 3, agency.path.name)
        row += 1
    put(sheet, row, 3, TOTAL_LABEL, bold=True)
    column = 4
    for table in c.tables.values():
        for value in (table.total.count, table.total.male, table.total.female):
            put(sheet, row, column, value, bold=True)
            column += 1
    put(sheet, row, column, c.budget.state, bold=True)
    put(sheet, row, column + 1, c.budget.mobilized, bold=True)
    widths(sheet, [6, 12, 40] + [11] * (3 * len(form.TABLES)) + [16, 16, 13, 30])
    sheet.freeze_panes = "D4"


def _status(sheet: Any, c: Consolidation) -> None:
    status = c.status
    title(sheet, "Tình hình gửi báo cáo của các cơ quan, đơn vị, địa phương")
    put(sheet, 2, 1, labels.status_counts(status))
    header_row(
        sheet,
        3,
        [
            form.STT_LABEL,
            "Mã đơn vị",
            AGENCY_LABEL,
            "Tình trạng",
            "Ngày báo cáo",
            "Tệp",
            "Lý do không tổng hợp",
        ],
    )
    for index, entry in enumerate(status.entries, start=1):
        row = 3 + index
        put(sheet, row, 1, index)
        put(sheet, row, 2, entry.code)
        put(sheet, row, 3, entry.name)
        put(sheet, row, 4, STATE_LABELS[entry.state])
        if entry.report_date:
            put(sheet, row, 5, entry.report_date).number_format = "DD/MM/YYYY"
        put(sheet, row, 6, ", ".join(p.name for p in entry.files))
        put(sheet, row, 7, entry.reason)
    widths(sheet, (6, 12, 40, 16, 13, 30, 60))
    sheet.freeze_panes = "A4"


def _charts(sheet: Any, c: Consolidation) -> None:
    """Data blocks (people by table; by table and level) and a clustered bar chart of each."""
    title(
        sheet,
        f"Số người {form.MALE_LABEL.lower()}, {form.FEMALE_LABEL.lower()} theo bảng "
        "và theo cấp triển khai",
    )
    header_row(sheet, 3, ["Bảng", form.MALE_LABEL, form.FEMALE_LABEL])
    row = 4
    for table in c.tables.values():
        put(sheet, row, 1, table.spec.sheet)
        put(sheet, row, 2, table.total.male)
        put(sheet, row, 3, table.total.female)
        row += 1
    by_table_end = row - 1
    level_header = row + 1
    header_row(
        sheet,
        level_header,
        [f"Bảng - {form.LEVEL_LABEL.lower()}", form.MALE_LABEL, form.FEMALE_LABEL],
    )
    row = level_header + 1
    for table in c.tables.values():
        for level in table.levels:
            put(sheet, row, 1, f"{table.spec.sheet} - {level.level}")
            put(sheet, row, 2, level.figures.male)
            put(sheet, row, 3, level.figures.female)
            row += 1
    by_level_end = row - 1
    widths(sheet, (34, 12, 12))
    sheet.add_chart(_bar_chart(sheet, 3, by_table_end, "Số người theo bảng"), "E3")
    sheet.add_chart(
        _bar_chart(sheet, level_header, by_level_end, "Số người theo bảng và cấp triển khai"),
        "E20",
    )


def _bar_chart(sheet: Any, header: int, last: int, name: str) -> Any:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = name
    chart.y_axis.title = "Số người"
    chart.y_axis.numFmt = INTEGER_FORMAT
    chart.height, chart.width = 8, 18
    chart.legend.position = "b"
    data = Reference(sheet, min_col=2, max_col=3, min_row=header, max_row=max(last, header))
    categories = Reference(sheet, min_col=1, min_row=header + 1, max_row=max(last, header + 1))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    return chart


def _texts(sheet: Any, c: Consolidation) -> None:
    from openpyxl.styles import Alignment

    title(sheet, "Nội dung báo cáo của các cơ quan, đơn vị, địa phương")
    header_row(sheet, 3, [form.STT_LABEL, AGENCY_LABEL, "Mục", "Nội dung"])
    labels = {f.key: f.label for f in form.INFO_FIELDS}
    row = 4
    for agency in c.agencies:
        for key in form.NARRATIVE_KEYS:
            text = agency.narratives.get(key, "")
            if not text:
                continue
            put(sheet, row, 1, row - 3)
            put(sheet, row, 2, agency.name)
            put(sheet, row, 3, labels[key])
            put(sheet, row, 4, text).alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
    widths(sheet, (6, 36, 40, 100))
    sheet.freeze_panes = "A4"
