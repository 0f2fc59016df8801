"""Consolidation -> the summary workbook: the consolidated tables, each agency's figures, the
submission status, the agencies' texts, and native Excel bar charts.

Written with xlsxwriter in constant-memory mode: each row goes to disk as it is finished, at a
few microseconds a cell (openpyxl took ~30 µs a styled cell, ~13 µs in write-only mode with no
styles), and the memory does not grow with the roster. Agency text is always written as a text
cell (`write_string`), never as a formula (formula injection). Every sheet prints on A4
landscape, fitted to the page width, with its header rows repeated on every page.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from thanghanhdong import form
from thanghanhdong.consolidate import (
    MISSING,
    NO_GAPS,
    Budget,
    ConsolidatedTable,
    Consolidation,
    Figures,
    Gaps,
)
from thanghanhdong.report import labels
from thanghanhdong.report.labels import (
    AGENCY_LABEL,
    SHEET_AGENCIES,
    SHEET_CHARTS,
    SHEET_DOCUMENTS,
    SHEET_POINTS,
    SHEET_STATUS,
    SHEET_SUMMARY,
    SHEET_TEXTS,
    STATE_LABELS,
    TOTAL_LABEL,
    budget_label,
)

__all__ = [
    "SHEET_AGENCIES",
    "SHEET_CHARTS",
    "SHEET_DOCUMENTS",
    "SHEET_POINTS",
    "SHEET_STATUS",
    "SHEET_SUMMARY",
    "SHEET_TEXTS",
    "render_xlsx",
]

FONT_NAME = "Times New Roman"
HEADER_FILL = "#DDE5F0"
INTEGER_FORMAT = "#,##0"
SHARE_FORMAT = "0.0%"
DATE_FORMAT = "DD/MM/YYYY"
TOTAL_PEOPLE_LABEL = "Tổng số người"
FEMALE_SHARE_LABEL = "Tỷ lệ nữ"
A4 = 9  # xlsxwriter's paper code
HEADER_HEIGHT_PT = 48
CHART_SIZE_PX = {"width": 680, "height": 302}  # 18 x 8 cm

_KINDS: dict[str, dict[str, Any]] = {
    "text": {},
    "integer": {"num_format": INTEGER_FORMAT},
    "share": {"num_format": SHARE_FORMAT},
    "date": {"num_format": DATE_FORMAT},
    "wrap": {"text_wrap": True, "valign": "top"},
    "title": {"font_size": 14, "bold": True},
    "header": {
        "bg_color": HEADER_FILL,
        "pattern": 1,
        "align": "center",
        "valign": "vcenter",
        "text_wrap": True,
        "border": 1,
        "bold": True,
    },
}


# Up to this many agencies in the roster the workbook is built in memory (a few MB); above,
# each sheet's rows go to a temporary file as they are written, so that memory stays flat at a
# ministry's thousands of agencies. In memory is faster for a province: 45 -> 29 ms for the 24
# agencies of examples/inbox on a two-core machine (xlsxwriter writes, flushes and rereads no
# file per sheet).
CONSTANT_MEMORY_ABOVE = 300


def render_xlsx(consolidation: Consolidation) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    large = len(consolidation.status.entries) > CONSTANT_MEMORY_ABOVE
    with tempfile.TemporaryDirectory(prefix="thd-xlsx-") as temp:
        workbook = xlsxwriter.Workbook(
            buffer,
            {
                "constant_memory": large,
                "in_memory": not large,
                "tmpdir": temp,
                "strings_to_formulas": False,
            },
        )
        book = Book(workbook)
        _summary(book, consolidation)
        _agencies(book, consolidation)
        _status(book, consolidation)
        _charts(book, consolidation)
        _texts(book, consolidation)
        _points(book, consolidation)
        _documents(book, consolidation)
        _set_aside(book, consolidation)
        _names(book, consolidation)
        _blanks(book, consolidation)
        workbook.close()
    return buffer.getvalue()


# ------------------------------------------------------------------------------ cells


class Book:
    """The workbook with its cell formats, each made once (xlsxwriter formats are shared)."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self._formats: dict[tuple[str, bool], Any] = {}

    def format(self, kind: str, bold: bool = False) -> Any:
        key = (kind, bold)
        if key not in self._formats:
            properties = {"font_name": FONT_NAME, "font_size": 12, **_KINDS[kind]}
            if bold:
                properties["bold"] = True
            self._formats[key] = self.workbook.add_format(properties)
        return self._formats[key]

    def sheet(self, name: str, header_rows: tuple[int, int] | None = None) -> Any:
        """A new sheet printing on A4 landscape, one page wide, these 1-based rows repeated."""
        sheet = self.workbook.add_worksheet(name)
        sheet.set_landscape()
        sheet.set_paper(A4)
        sheet.fit_to_pages(1, 0)
        if header_rows:
            sheet.repeat_rows(header_rows[0] - 1, header_rows[1] - 1)
        return sheet


def put(book: Book, sheet: Any, row: int, column: int, value: Any, **style: Any) -> None:
    """Write one cell (1-based, as Excel counts). Strings stay strings: "=SUM(A1)" from an
    agency is text, not a formula."""
    bold = bool(style.get("bold"))
    kind = style.get("kind")
    r, c = row - 1, column - 1
    if isinstance(value, str):
        sheet.write_string(r, c, value, book.format(kind or "text", bold))
    elif isinstance(value, date):
        sheet.write_datetime(r, c, value, book.format(kind or "date", bold))
    elif isinstance(value, bool) or value is None:
        sheet.write_blank(r, c, None, book.format(kind or "text", bold))
    elif isinstance(value, int):
        sheet.write_number(r, c, value, book.format(kind or "integer", bold))
    else:
        sheet.write_number(r, c, value, book.format(kind or "text", bold))


def put_share(
    book: Book,
    sheet: Any,
    row: int,
    column: int,
    figures: Figures,
    *,
    bold: bool = False,
    gaps: Gaps = NO_GAPS,
) -> None:
    share = figures.female_share
    if MISSING in (gaps.state(form.MALE), gaps.state(form.FEMALE)):
        share = None  # a share of a figure nobody gave is no share
    put(book, sheet, row, column, None if share is None else share / 100, kind="share", bold=bold)


def given(value: int, gaps: Gaps, *keys: str) -> int | None:
    """The figure summing `keys`, or None (a blank cell, not 0) when no row gave it; a sum some
    rows left blank stays a number (the sheet of blank rows names them)."""
    return None if gaps.state(*keys) == MISSING else value


def header_row(book: Book, sheet: Any, row: int, labels: Sequence[str]) -> None:
    # Room for three wrapped lines: neither Excel nor LibreOffice grows a written row by itself.
    sheet.set_row(row - 1, HEADER_HEIGHT_PT)
    for column, label in enumerate(labels, start=1):
        put(book, sheet, row, column, label, kind="header")


def title(book: Book, sheet: Any, text: str) -> None:
    put(book, sheet, 1, 1, text, kind="title")


def widths(sheet: Any, values: Iterable[float]) -> None:
    for index, width in enumerate(values):
        sheet.set_column(index, index, width)


def figures_cells(
    book: Book,
    sheet: Any,
    row: int,
    column: int,
    figures: Figures,
    spec: form.TableSpec,
    *,
    bold: bool = False,
    gaps: Gaps = NO_GAPS,
) -> int:
    """The table's number columns, total people, female share from `column`; returns the
    next column."""
    values = [given(figures[key], gaps, key) for key in spec.number_keys]
    values.append(given(figures.total, gaps, form.MALE, form.FEMALE))
    for offset, value in enumerate(values):
        put(book, sheet, row, column + offset, value, bold=bold)
    put_share(book, sheet, row, column + len(values), figures, bold=bold, gaps=gaps)
    return column + len(values) + 1


def number_label(column: form.Column) -> str:
    """A number column's header on one row: "Số người tham gia: Nam"."""
    return f"{column.group}: {column.label}" if column.group else column.label


# ------------------------------------------------------------------------------ sheets


def _subject(c: Consolidation) -> str:
    return labels.subject(c.campaign)


def _summary(book: Book, c: Consolidation) -> None:
    sheet = book.sheet(SHEET_SUMMARY, (1, 1))
    numbers = max(len(spec.number_keys) for spec in form.TABLES)
    widths(sheet, (6, 48, *[12] * numbers, 14, 10, 16))  # constant-memory: before any cell
    sheet.freeze_panes(2, 0)
    title(book, sheet, _subject(c))
    row = 3
    for table in c.tables.values():
        row = _summary_table(book, sheet, row, table) + 1
    sheet.activate()


def _summary_labels(table: ConsolidatedTable) -> list[str]:
    spec = table.spec
    return [
        spec.label("stt"),
        spec.label("item"),
        *(number_label(column) for column in spec.number_columns),
        TOTAL_PEOPLE_LABEL,
        FEMALE_SHARE_LABEL,
        spec.label("level"),
    ]


def _summary_table(book: Book, sheet: Any, row: int, table: ConsolidatedTable) -> int:
    spec = table.spec
    put(book, sheet, row, 1, f"{spec.number}. {spec.title}", bold=True)
    header_row(book, sheet, row + 1, _summary_labels(table))
    row += 2
    for index, item in enumerate(table.rows, start=1):
        put(book, sheet, row, 1, index)
        put(book, sheet, row, 2, item.item)
        level_column = figures_cells(book, sheet, row, 3, item.figures, spec, gaps=item.gaps)
        put(book, sheet, row, level_column, item.level)
        row += 1
    put(book, sheet, row, 2, TOTAL_LABEL, bold=True)
    figures_cells(book, sheet, row, 3, table.total, spec, bold=True, gaps=table.gaps)
    row += 1
    for level in table.levels:
        put(book, sheet, row, 2, f"{TOTAL_LABEL} cấp {level.level.lower()}")
        level_column = figures_cells(book, sheet, row, 3, level.figures, spec, gaps=level.gaps)
        put(book, sheet, row, level_column, level.level)
        row += 1
    return row


UNSPLIT_LABEL = "Kinh phí chỉ báo cáo tổng số, không tách theo nguồn (đồng)"


def _budget_values(budget: Budget) -> list[int | None]:
    """State, mobilized, unsplit: blank (not 0) for what the agency did not give."""
    if not budget.reported:
        return [None, None, None]
    split = budget.state or budget.mobilized or not budget.unsplit
    return [
        budget.state if split else None,
        budget.mobilized if split else None,
        budget.unsplit or None,
    ]


def _agency_labels() -> list[str]:
    labels = [form.STT_LABEL, "Mã đơn vị", AGENCY_LABEL]
    for spec in form.TABLES:
        labels += [f"{spec.sheet}: {column.label}" for column in spec.number_columns]
    return [
        *labels,
        f"{budget_label('budget_state')} (đồng)",
        f"{budget_label('budget_mobilized')} (đồng)",
        UNSPLIT_LABEL,
        "Ngày báo cáo",
        "Tệp",
    ]


def _agencies(book: Book, c: Consolidation) -> None:
    sheet = book.sheet(SHEET_AGENCIES, (3, 3))
    numbers = sum(len(spec.number_keys) for spec in form.TABLES)
    widths(sheet, [6, 12, 40] + [11] * numbers + [16, 16, 18, 13, 30])
    sheet.freeze_panes(3, 3)
    title(book, sheet, f"Số liệu của từng cơ quan, đơn vị, địa phương - {_subject(c)}")
    header_row(book, sheet, 3, _agency_labels())
    row = 4
    for index, agency in enumerate(c.agencies, start=1):
        values: list[Any] = [index, agency.code, agency.name]
        for spec in form.TABLES:
            gaps = agency.gaps.get(spec.key, NO_GAPS)
            values += [given(agency.tables[spec.key][key], gaps, key) for key in spec.number_keys]
        values += [*_budget_values(agency.budget), agency.report_date]
        values.append(agency.path.name)
        _put_row(book, sheet, row, values)
        row += 1
    totals: list[Any] = [None, None, TOTAL_LABEL]
    for table in c.tables.values():
        totals += [given(table.total[key], table.gaps, key) for key in table.spec.number_keys]
    totals += [c.budget.state, c.budget.mobilized, c.budget.unsplit]
    _put_row(book, sheet, row, totals, bold=True)


def _put_row(
    book: Book, sheet: Any, row: int, values: Sequence[Any], *, bold: bool = False
) -> None:
    """One row from column A; None leaves the cell empty."""
    for column, value in enumerate(values, start=1):
        if value is not None:
            put(book, sheet, row, column, value, bold=bold)


STATUS_LABELS = (
    form.STT_LABEL,
    "Mã đơn vị",
    AGENCY_LABEL,
    "Tình trạng",
    "Ngày báo cáo",
    "Tệp",
    "Lý do không tổng hợp",
    "Ghi chú",
)


def _status(book: Book, c: Consolidation) -> None:
    sheet = book.sheet(SHEET_STATUS, (3, 3))
    widths(sheet, (6, 12, 40, 16, 13, 30, 60, 50))
    sheet.freeze_panes(3, 0)
    title(book, sheet, "Tình hình gửi báo cáo của các cơ quan, đơn vị, địa phương")
    put(book, sheet, 2, 1, labels.status_counts(c.status))
    header_row(book, sheet, 3, STATUS_LABELS)
    for index, entry in enumerate(c.status.entries, start=1):
        values = [
            index,
            entry.code,
            entry.name,
            STATE_LABELS[entry.state],
            entry.report_date,
            ", ".join(p.name for p in entry.files),
            entry.reason,
            entry.note,
        ]
        _put_row(book, sheet, 3 + index, values)


def _charts(book: Book, c: Consolidation) -> None:
    """Data blocks (people by table; by table and level) and a clustered bar chart of each."""
    sheet = book.sheet(SHEET_CHARTS, (1, 1))
    widths(sheet, (34, 12, 12))
    title(
        book,
        sheet,
        f"Số người {form.MALE_LABEL.lower()}, {form.FEMALE_LABEL.lower()} theo bảng "
        "và theo cấp triển khai",
    )
    header_row(book, sheet, 3, ["Bảng", form.MALE_LABEL, form.FEMALE_LABEL])
    by_table = [(t.spec.sheet, t.total) for t in c.tables.values()]
    by_table_end = _chart_rows(book, sheet, 4, by_table)
    level_header = by_table_end + 2
    header_row(
        book,
        sheet,
        level_header,
        [f"Bảng - {form.LEVEL_LABEL.lower()}", form.MALE_LABEL, form.FEMALE_LABEL],
    )
    by_level = [
        (f"{t.spec.sheet} - {level.level}", level.figures)
        for t in c.tables.values()
        for level in t.levels
    ]
    by_level_end = _chart_rows(book, sheet, level_header + 1, by_level)
    sheet.insert_chart("E3", _bar_chart(book, 3, by_table_end, "Số người theo bảng"))
    sheet.insert_chart(
        "E20",
        _bar_chart(book, level_header, by_level_end, "Số người theo bảng và cấp triển khai"),
    )


def _chart_rows(book: Book, sheet: Any, row: int, rows: Sequence[tuple[str, Figures]]) -> int:
    """Label, male, female from `row`; returns the last row written (row - 1 when none)."""
    for label, figures in rows:
        _put_row(book, sheet, row, [label, figures.male, figures.female])
        row += 1
    return row - 1


def _bar_chart(book: Book, header: int, last: int, name: str) -> Any:
    """Clustered columns of male and female (columns B and C) under 1-based row `header`."""
    chart = book.workbook.add_chart({"type": "column"})
    first, last = header, max(last - 1, header)  # 0-based data rows; one empty row when none
    for column in (1, 2):
        chart.add_series(
            {
                "name": [SHEET_CHARTS, header - 1, column],
                "categories": [SHEET_CHARTS, first, 0, last, 0],
                "values": [SHEET_CHARTS, first, column, last, column],
            }
        )
    chart.set_title({"name": name})
    chart.set_y_axis({"name": "Số người", "num_format": INTEGER_FORMAT})
    chart.set_legend({"position": "bottom"})
    chart.set_size(CHART_SIZE_PX)
    return chart


def _texts(book: Book, c: Consolidation) -> None:
    sheet = book.sheet(SHEET_TEXTS, (3, 3))
    widths(sheet, (6, 36, 40, 100))
    sheet.freeze_panes(3, 0)
    title(book, sheet, "Nội dung báo cáo của các cơ quan, đơn vị, địa phương")
    header_row(book, sheet, 3, [form.STT_LABEL, AGENCY_LABEL, "Mục", "Nội dung"])
    labels = {f.key: f.label for f in form.INFO_FIELDS}
    row = 4
    for agency in c.agencies:
        for key in form.NARRATIVE_KEYS:
            text = agency.narratives.get(key, "")
            if not text:
                continue
            _put_row(book, sheet, row, [row - 3, agency.name, labels[key]])
            put(book, sheet, row, 4, text, kind="wrap")
            row += 1


def _points(book: Book, c: Consolidation) -> None:
    """Part II's points, each with every agency that raised it: what the report names when its
    roster is above the size a person reads (it then names the first ones and counts the
    others)."""
    from thanghanhdong.report import officer
    from thanghanhdong.report.docx import ASSESSMENT_KEYS

    sheet = book.sheet(SHEET_POINTS, (3, 3))
    widths(sheet, (6, 30, 24, 70, 10, 70))
    sheet.freeze_panes(3, 0)
    title(book, sheet, "Ý kiến của các cơ quan, đơn vị, địa phương (phần II của báo cáo)")
    header_row(
        book, sheet, 3, [form.STT_LABEL, "Mục", "Chủ đề", "Ý kiến", "Số đơn vị", "Đơn vị nêu"]
    )
    sections = officer.assessment(c)
    row = 4
    for key in ASSESSMENT_KEYS:
        section = sections[key]
        grouped = [(group.theme, point) for group in section.groups for point in group.points]
        for theme, point in [*grouped, *(("", p) for p in section.left_out)]:
            _put_row(book, sheet, row, [row - 3, form.info_field(key).label, theme])
            put(book, sheet, row, 4, point.text, kind="wrap")
            put(book, sheet, row, 5, len(point.agencies))
            put(book, sheet, row, 6, ", ".join(point.agencies), kind="wrap")
            row += 1


def _documents(book: Book, c: Consolidation) -> None:
    """Phụ lục IV's rows: the sheet the report points to when it does not list them."""
    from thanghanhdong.report import partone

    appendix = partone.appendix_documents(c)
    sheet = book.sheet(SHEET_DOCUMENTS, (3, 3))
    widths(sheet, (6, 40, 16, 28, 16))
    sheet.freeze_panes(3, 0)
    title(book, sheet, "Kế hoạch, văn bản chỉ đạo của các cơ quan, đơn vị, địa phương")
    heads = appendix["labels"]
    header_row(book, sheet, 3, [heads[k] for k in ("stt", "agency", "kind", "number", "date")])
    for row, entry in enumerate(appendix["rows"], start=4):
        values = [row - 3, entry["name"], entry["kind"], entry["number"], entry["date"]]
        _put_row(book, sheet, row, values)
    if not appendix["rows"]:
        put(book, sheet, 4, 2, appendix["empty"], kind="wrap")


def _set_aside(book: Book, c: Consolidation) -> None:
    """The agencies' points kept out of the signed report, for the officer to act on."""
    from thanghanhdong.report import officer

    sheet = book.sheet(officer.SHEET_SET_ASIDE, (3, 3))
    widths(sheet, (6, 30, 30, 80, 40))
    sheet.freeze_panes(3, 0)
    title(book, sheet, "Ý kiến của các đơn vị không đưa vào báo cáo (để xử lý riêng)")
    header_row(book, sheet, 3, [form.STT_LABEL, "Mục", "Loại ý kiến", "Nội dung", AGENCY_LABEL])
    for number, point in enumerate(officer.set_aside(c), start=1):
        _put_row(book, sheet, number + 3, [number, point.section, point.kind])
        put(book, sheet, number + 3, 4, point.text, kind="wrap")
        put(book, sheet, number + 3, 5, ", ".join(point.agencies), kind="wrap")


def _names(book: Book, c: Consolidation) -> None:
    """Item names that may be the same thing, with the alias line that would merge them."""
    from thanghanhdong.report import officer

    sheet = book.sheet(officer.SHEET_NAMES, (3, 3))
    widths(sheet, (6, 18, 40, 40, 70))
    title(book, sheet, "Tên nội dung gần giống nhau (có thể là cùng một nội dung)")
    labels = [form.STT_LABEL, "Bảng", "Tên đơn vị ghi", "Gần giống", "Dòng thêm vào thd.toml"]
    header_row(book, sheet, 3, labels)
    for number, found in enumerate(officer.name_suggestions(c), start=1):
        _put_row(book, sheet, number + 3, [number, found.table, found.name, found.like])
        put(book, sheet, number + 3, 5, found.alias_line, kind="wrap")


def _blanks(book: Book, c: Consolidation) -> None:
    """Rows with blank number cells, left out of the sums: the totals they enter are lower bounds."""
    from thanghanhdong.report import officer

    sheet = book.sheet(officer.SHEET_BLANKS, (3, 3))
    widths(sheet, (6, 40, 18, 30, 24))
    title(
        book,
        sheet,
        "Dòng có ô số để trống (ô trống không được cộng: tổng chưa đủ, có thể thấp hơn thực tế)",
    )
    labels = [form.STT_LABEL, AGENCY_LABEL, "Bảng", "Dòng", "Ô để trống"]
    header_row(book, sheet, 3, labels)
    for number, blank in enumerate(c.blanks, start=1):
        rows = ", ".join(map(str, blank.rows))
        _put_row(book, sheet, number + 3, [number, blank.agency, blank.table, rows, blank.columns])
