"""Campaign + Agency -> the blank Excel form an agency fills in.

The workbook is built once per campaign with openpyxl, with placeholder tokens where the agency's
code and name go; each agency's copy is then stamped by replacing those tokens inside the zip.
Only the parts that hold a token (the sheets naming the agency, the custom properties) differ
between agencies, so stamping costs about a millisecond where building costs tens.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from thanghanhdong import form
from thanghanhdong.config import Agency, Campaign
from thanghanhdong.files import OutputExists, OutputHeld, atomic_write, held
from thanghanhdong.text import alternatives, slug

CODE_TOKEN = "@@THD_AGENCY_CODE@@"
NAME_TOKEN = "@@THD_AGENCY_NAME@@"
PROPERTY_CODE = "thd_agency_code"
PROPERTY_VERSION = "thd_form_version"
PROPERTY_CAMPAIGN = "thd_campaign_id"

FONT = "Times New Roman"
INPUT_FILL = "FFF9E5"
HEADER_FILL = "DDE5F0"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def file_name(campaign: Campaign, agency: Agency) -> str:
    """`<year>_<code>_<slug>.xlsx`: ASCII only, nothing a path or a mail client could mangle."""
    return f"{campaign.campaign.year}_{slug(agency.code, 40)}_{slug(agency.name)}.xlsx"


@dataclass(frozen=True)
class WrittenForm:
    agency: Agency
    path: Path


class FormStamper:
    """Holds one built workbook and stamps a copy for each agency."""

    def __init__(self, campaign: Campaign, workbook: bytes | None = None) -> None:
        """`workbook`: a form still holding the tokens (e.g. one filled in by a benchmark)."""
        self.campaign = campaign
        self._entries = _unzip(workbook if workbook is not None else build_workbook_bytes(campaign))
        tokens = (CODE_TOKEN.encode(), NAME_TOKEN.encode())
        self._stamped = frozenset(
            info.filename for info, data in self._entries if any(t in data for t in tokens)
        )

    def stamp(self, agency: Agency) -> bytes:
        replacements = {CODE_TOKEN: _xml_text(agency.code), NAME_TOKEN: _xml_text(agency.name)}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for info, data in self._entries:
                if info.filename in self._stamped:
                    text = data.decode("utf-8")
                    for token, value in replacements.items():
                        text = text.replace(token, value)
                    data = text.encode("utf-8")
                out.writestr(info, data)
        return buffer.getvalue()


def _unzip(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = []
        for info in archive.infolist():
            fresh = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            fresh.compress_type = zipfile.ZIP_DEFLATED
            entries.append((fresh, archive.read(info)))
        return entries


def _xml_text(value: str) -> str:
    return escape(_XML_ILLEGAL.sub("", value))


def write_forms(
    campaign: Campaign,
    agencies: Iterable[Agency],
    out_dir: Path,
    *,
    force: bool = False,
) -> Iterable[WrittenForm]:
    """Write one form per agency; yields each as it is written (for a progress bar).

    Raises OutputExists, before writing anything, if a target exists and `force` is off, and
    OutputHeld if one cannot be replaced (a form open in Excel on Windows).
    """
    agencies = list(agencies)
    targets = [(agency, out_dir / file_name(campaign, agency)) for agency in agencies]
    if not force:
        existing = [path for _, path in targets if path.exists()]
        if existing:
            raise OutputExists(existing)
    for _, path in targets:
        if reason := held(path):
            raise OutputHeld(path, reason)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamper = FormStamper(campaign)
    for agency, path in targets:
        atomic_write(path, stamper.stamp(agency))
        yield WrittenForm(agency, path)


# --------------------------------------------------------------------------- building


def build_workbook_bytes(campaign: Campaign, agency: Agency | None = None) -> bytes:
    """The form as .xlsx bytes; with no agency, the code and name are placeholder tokens."""
    from openpyxl import Workbook

    code = agency.code if agency else CODE_TOKEN
    name = agency.name if agency else NAME_TOKEN
    workbook = Workbook()
    _default_font(workbook)
    guide = workbook.active
    assert guide is not None
    guide.title = form.SHEET_GUIDE
    _build_guide(guide, campaign, name)
    _build_info(workbook.create_sheet(form.SHEET_INFO), campaign, name)
    for spec in form.TABLES:
        _build_table(workbook.create_sheet(spec.sheet), campaign, spec, name)
    _build_meta(workbook.create_sheet(form.SHEET_META), campaign, code, name)
    workbook.active = 0
    _set_properties(workbook, campaign, code, name)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _default_font(workbook: Any) -> None:
    """Times New Roman 12 as the workbook's Normal font: column widths are counted in characters
    of that font, so they mean the same on every machine (LibreOffice on Linux has no Calibri and
    would fall back to a wider font, pushing the forms off the page)."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    normal = Font(name=FONT, size=12)
    workbook._fonts = IndexedList([normal])
    workbook._named_styles["Normal"].font = normal


def _styles() -> dict[str, object]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    thin = Side(style="thin", color="000000")
    return {
        "body": Font(name=FONT, size=12),
        "bold": Font(name=FONT, size=12, bold=True),
        "title": Font(name=FONT, size=13, bold=True),
        "italic": Font(name=FONT, size=11, italic=True),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "input_fill": PatternFill("solid", fgColor=INPUT_FILL),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "unlocked": Protection(locked=False),
    }


def _protect(sheet: Any) -> None:
    # No password: protection only keeps labels from being broken by accident.
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
    protection.insertRows = False


def _print_setup(sheet: Any, *, landscape: bool, title_rows: str | None = None) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    if title_rows:
        sheet.print_title_rows = title_rows


def guide_lines(campaign: Campaign, name: str) -> list[tuple[str, str]]:
    """(style, text) lines of the `Hướng dẫn` sheet."""
    info, issuer = campaign.campaign, campaign.issuer
    deadline = info.deadline.strftime("%d/%m/%Y")
    tables = ", ".join(f"“{t.sheet}”" for t in form.TABLES)
    return [
        ("title", form.form_title(info.year)),
        (
            "italic",
            f"(Kèm theo Kế hoạch số {info.plan_number} ngày {info.plan_date:%d/%m/%Y} "
            f"của {info.plan_issuer})",
        ),
        ("body", ""),
        ("bold", "HƯỚNG DẪN ĐIỀN MẪU"),
        ("body", f"1. Mẫu này dành riêng cho đơn vị: {name}."),
        ("body", "2. Chỉ nhập vào các ô nền vàng nhạt; các ô khác đã được khóa để tránh sửa nhầm."),
        (
            "body",
            f"3. Trang “{form.SHEET_INFO}”: số, ngày báo cáo, người ký, các nội dung "
            "báo cáo bằng lời văn (Alt+Enter để xuống dòng trong ô) và kinh phí (đồng, số "
            "nguyên, không gõ chữ “đồng”). Phần đầu báo cáo (tên đơn vị, số, ngày) và phần chữ "
            f"ký ở cuối trang “{form.TABLES[-1].sheet}” tự điền theo các ô này khi in.",
        ),
        (
            "body",
            f"4. Các trang {tables}: mỗi dòng là một loại hoạt động (nội dung, sản phẩm) "
            "ở một cấp triển khai. Chọn tên trong danh sách hoặc gõ tên khác; chọn cấp "
            f"{alternatives(campaign.catalogues.levels)}.",
        ),
        (
            "body",
            "5. Số cuộc, số lượng, số người nhập số nguyên không âm, không kèm chữ "
            "(gõ 1500, không gõ “1.500 người”). Chưa có số liệu thì để trống.",
        ),
        ("body", "6. Không thêm dòng “Tổng cộng”: thd tự cộng khi tổng hợp."),
        ("body", "7. Không đổi tên, không xóa các trang của mẫu. Được đổi tên tệp tùy ý."),
        ("body", ""),
        ("bold", "THỜI HẠN VÀ NƠI GỬI"),
        (
            "body",
            f"Gửi tệp Excel này (không cần chuyển sang PDF) trước ngày {deadline} về: "
            f"{issuer.contact}" + (f", thư điện tử: {issuer.email}" if issuer.email else "") + ".",
        ),
        ("body", "Văn bản giấy có chữ ký, đóng dấu gửi theo đường công văn như thường lệ."),
    ]


def _build_guide(sheet: Any, campaign: Campaign, name: str) -> None:
    styles = _styles()
    width = 88  # fits the width of an A4 portrait page at 100 %
    sheet.column_dimensions["A"].width = width
    for row, (style, text) in enumerate(guide_lines(campaign, name), start=1):
        cell = sheet.cell(row=row, column=1, value=text or None)
        cell.font = styles[style]
        cell.alignment = styles["wrap"]
        # LibreOffice does not grow a row for wrapped text it did not lay out itself: set it.
        lines = max(1, -(-len(text) // int(width * 0.9)))
        sheet.row_dimensions[row].height = 16 * lines
    _protect(sheet)
    _print_setup(sheet, landscape=False)
    sheet.sheet_view.showGridLines = False


def _build_info(sheet: Any, campaign: Campaign, name: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    styles = _styles()
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 62
    _header_block(sheet, campaign, styles)

    whole = _whole_number_rule(
        "Số tiền không hợp lệ",
        "Nhập số tiền bằng đồng, số nguyên không âm, không kèm chữ (ví dụ 12500000).",
    )
    dates = DataValidation(
        type="date",
        operator="between",
        formula1="36526",
        formula2="73415",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ngày không hợp lệ",
        error=f"Nhập ngày dạng ngày/tháng/năm, ví dụ {campaign.campaign.deadline:%d/%m/%Y}.",
    )
    sheet.add_data_validation(whole)
    sheet.add_data_validation(dates)
    for field in form.INFO_FIELDS:
        row = form.info_row(field.key)
        label = sheet.cell(row=row, column=1, value=field.label)
        label.alignment = styles["wrap"]
        label.border = styles["border"]
        if not field.is_input:
            label.font = styles["bold"]
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            continue
        label.font = styles["bold"] if field.kind is form.FieldKind.NARRATIVE else styles["body"]
        value = sheet.cell(row=row, column=2)
        value.font = styles["body"]
        value.alignment = styles["wrap"]
        value.border = styles["border"]
        if field.key == "agency_name":
            value.value = name
            value.font = styles["bold"]
            continue
        value.fill = styles["input_fill"]
        value.protection = styles["unlocked"]
        if field.kind is form.FieldKind.NARRATIVE:
            sheet.row_dimensions[row].height = 110
        elif len(field.label) > 30:  # the label wraps: make room for its second line
            sheet.row_dimensions[row].height = 32
        if field.kind is form.FieldKind.MONEY:
            value.number_format = "#,##0"
            whole.add(value.coordinate)
        elif field.kind is form.FieldKind.DATE:
            value.number_format = "dd/mm/yyyy"
            dates.add(value.coordinate)
    _protect(sheet)
    _print_setup(sheet, landscape=False)


# The seed's header block, computed from what the clerk types in `Thông tin chung` (the agency
# prints the form, signs and stamps it: its first page must read as an official report).
NATIONAL_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
SIGNATURE_TITLE = "THỦ TRƯỞNG ĐƠN VỊ"
SIGNATURE_HINT = "(Ký tên, đóng dấu)"
_BLANK_DATE = "......, ngày ...... tháng ...... năm "


def _info_ref(key: str, sheet: str = "") -> str:
    prefix = f"'{sheet}'!" if sheet else ""
    return f"{prefix}${form.INFO_VALUE_COLUMN}${form.info_row(key)}"


def _date_formula(cell: str, year: int) -> str:
    """ "..., ngày 05 tháng 01 năm 2022" (ND30: a leading zero for days < 10, months 1-2), from
    the clerk's date; dots while it is empty or not a date. DAY/MONTH/YEAR, not TEXT(): TEXT's
    format codes change with the language of Excel."""
    day = f'IF(DAY({cell})<10,"0","")&DAY({cell})'
    month = f'IF(MONTH({cell})<3,"0","")&MONTH({cell})'
    filled = f'"......, ngày "&{day}&" tháng "&{month}&" năm "&YEAR({cell})'
    blank = f'"{_BLANK_DATE}{year}"'
    return f'=IF({cell}="",{blank},IFERROR({filled},{blank}))'


def _header_block(sheet: Any, campaign: Campaign, styles: dict[str, Any]) -> None:
    """Rows 1-3 of `Thông tin chung`: agency and number | national motto and date; the title."""
    name, number, when = (_info_ref(k) for k in ("agency_name", "report_number", "report_date"))
    cells = {
        "A1": (f"=UPPER({name})", "bold"),
        "B1": (NATIONAL_MOTTO, "bold"),
        "A2": (f'="Số: "&IF({number}="","....../BC-......",{number})', "body"),
        "B2": (_date_formula(when, campaign.campaign.year), "italic"),
        "A3": (form.form_title(campaign.campaign.year), "title"),
    }
    for ref, (value, style) in cells.items():
        sheet[ref] = value
        sheet[ref].font = styles[style]
        sheet[ref].alignment = styles["center"]
    sheet.merge_cells("A3:B3")
    for row, height in ((1, 34), (2, 20), (3, 40)):
        sheet.row_dimensions[row].height = height


def _signature_block(sheet: Any, spec: form.TableSpec, last: int, styles: dict[str, Any]) -> None:
    """Under the last table, the seed's "THỦ TRƯỞNG ĐƠN VỊ (Ký tên, đóng dấu)", then the signer's
    title and name from `Thông tin chung`, in ONE cell: the reader stops at it
    (readers/layout._is_closing) whatever the clerk typed, so it is never read as a table row."""
    info = form.SHEET_INFO
    title, signer = _info_ref("signer_title", info), _info_ref("signer_name", info)
    first_col = spec.letter(spec.columns[-3].key)
    last_col = spec.letter(spec.columns[-1].key)
    row = last + 2
    cell = sheet[f"{first_col}{row}"]
    cell.value = (
        f'="{SIGNATURE_TITLE}"&CHAR(10)&"{SIGNATURE_HINT}"'
        f'&IF({title}="","",CHAR(10)&UPPER({title}))'
        f"&CHAR(10)&CHAR(10)&CHAR(10)&CHAR(10)&{signer}"
    )
    cell.font = styles["bold"]
    cell.alignment = styles["center"]
    sheet.merge_cells(f"{first_col}{row}:{last_col}{row}")
    sheet.row_dimensions[row].height = 130


# Data rows printed per A4 landscape page: the default 30 rows, with the title and header rows
# (and the signature block under the last table), print on one page, shrunk a little to fit.
DATA_ROWS_PER_PAGE = 30


def _pages_tall(data_rows: int) -> int:
    """Pages a table sheet prints on, each filled alike: no last page with a stray few rows."""
    return max(1, -(-data_rows // DATA_ROWS_PER_PAGE))


def _build_table(sheet: Any, campaign: Campaign, spec: form.TableSpec, name: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    styles = _styles()
    info = campaign.campaign
    last_col = spec.letter(spec.columns[-1].key)
    for col in spec.columns:
        sheet.column_dimensions[spec.letter(col.key)].width = col.width

    sheet.cell(row=form.TABLE_AGENCY_ROW, column=1, value=form.agency_line(name)).font = styles[
        "bold"
    ]
    title = sheet.cell(row=form.TABLE_FORM_TITLE_ROW, column=1, value=form.form_title(info.year))
    title.font = styles["title"]
    title.alignment = styles["center"]
    sheet.merge_cells(f"A{form.TABLE_FORM_TITLE_ROW}:{last_col}{form.TABLE_FORM_TITLE_ROW}")
    sheet.row_dimensions[form.TABLE_FORM_TITLE_ROW].height = 36
    sheet.cell(
        row=form.TABLE_TITLE_ROW, column=1, value=f"{spec.number}. {spec.title}"
    ).font = styles["bold"]
    hint = sheet.cell(
        row=form.TABLE_HINT_ROW,
        column=1,
        value="Mỗi dòng một loại ở một cấp triển khai; số nguyên không âm; không thêm dòng tổng cộng.",
    )
    hint.font = styles["italic"]
    _table_header(sheet, spec, styles)
    header, sub = form.TABLE_HEADER_ROW, form.TABLE_SUBHEADER_ROW
    first = form.TABLE_FIRST_DATA_ROW
    last = first + info.rows_per_table - 1
    for offset, row in enumerate(range(first, last + 1), start=1):
        for col in spec.columns:
            cell = sheet[f"{spec.letter(col.key)}{row}"]
            cell.font = styles["body"]
            cell.border = styles["border"]
            if col.kind is form.ColumnKind.STT:
                cell.value = offset
                cell.alignment = styles["center"]
                continue
            cell.fill = styles["input_fill"]
            cell.protection = styles["unlocked"]
            if col.kind is form.ColumnKind.NUMBER:
                cell.number_format = "#,##0"
            else:
                cell.alignment = styles["wrap"]

    def rng(key: str) -> str:
        letter = spec.letter(key)
        return f"{letter}{first}:{letter}{last}"

    levels = DataValidation(
        type="list",
        formula1=_list_ref(form.LEVELS_LIST, len(campaign.catalogues.levels)),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Cấp triển khai",
        error=f"Chọn {alternatives(campaign.catalogues.levels)} trong danh sách.",
    )
    levels.add(rng("level"))
    items = campaign.catalogues.items(spec.key)
    if items:
        # No error message: the list is a suggestion, other text is accepted.
        catalogue = DataValidation(
            type="list",
            formula1=_list_ref(spec.key, len(items)),
            allow_blank=True,
            showErrorMessage=False,
            showInputMessage=True,
            promptTitle=spec.item_label,
            prompt="Chọn trong danh sách hoặc gõ tên khác.",
        )
        catalogue.add(rng("item"))
        sheet.add_data_validation(catalogue)
    numbers = _whole_number_rule(
        "Số không hợp lệ", "Nhập số nguyên không âm, không kèm chữ (ví dụ 150)."
    )
    for key in spec.number_keys:
        numbers.add(rng(key))
    sheet.add_data_validation(levels)
    sheet.add_data_validation(numbers)

    if spec is form.TABLES[-1]:
        _signature_block(sheet, spec, last, styles)
    sheet.freeze_panes = f"A{first}"
    _protect(sheet)
    _print_setup(sheet, landscape=True, title_rows=f"{header}:{sub}")
    sheet.page_setup.fitToHeight = _pages_tall(info.rows_per_table)
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5


def _table_header(sheet: Any, spec: form.TableSpec, styles: dict[str, Any]) -> None:
    """Two header rows: a grouped column's group label spans its group on the first row, its own
    label is on the second; every other label spans both rows."""
    header, sub = form.TABLE_HEADER_ROW, form.TABLE_SUBHEADER_ROW
    groups: dict[str, list[str]] = {}
    for col in spec.columns:
        letter = spec.letter(col.key)
        top, bottom = sheet[f"{letter}{header}"], sheet[f"{letter}{sub}"]
        if col.group:
            bottom.value = col.label
            groups.setdefault(col.group, []).append(letter)
        else:
            top.value = col.label
            sheet.merge_cells(f"{letter}{header}:{letter}{sub}")
        for cell in (top, bottom):
            cell.font = styles["bold"]
            cell.fill = styles["header_fill"]
            cell.alignment = styles["center"]
            cell.border = styles["border"]
    for label, letters in groups.items():
        sheet[f"{letters[0]}{header}"] = label
        if len(letters) > 1:
            sheet.merge_cells(f"{letters[0]}{header}:{letters[-1]}{header}")
    sheet.row_dimensions[header].height = 30


def _whole_number_rule(title: str, message: str) -> Any:
    """A whole number >= 0, with the Vietnamese message Excel shows when something else is typed."""
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=title,
        error=message,
    )


def _list_ref(key: str, length: int) -> str:
    letter = form.list_column(key)
    first = form.LIST_FIRST_ROW
    return f"'{form.SHEET_META}'!${letter}${first}:${letter}${first + max(length, 1) - 1}"


def _build_meta(sheet: Any, campaign: Campaign, code: str, name: str) -> None:
    values = {
        "marker": form.FORM_MARKER,
        "campaign_id": campaign.campaign.id,
        "year": campaign.campaign.year,
        "agency_code": code,
        "agency_name": name,
        "form_version": form.FORM_VERSION,
    }
    for row, key in enumerate(form.META_KEYS, start=1):
        sheet.cell(row=row, column=1, value=key)
        sheet.cell(row=row, column=2, value=values[key])
    lists = {form.LEVELS_LIST: campaign.catalogues.levels} | {
        t.key: campaign.catalogues.items(t.key) for t in form.TABLES
    }
    for key in lists:
        letter = form.list_column(key)
        sheet[f"{letter}1"] = key
        for offset, item in enumerate(lists[key]):
            sheet[f"{letter}{form.LIST_FIRST_ROW + offset}"] = item
    sheet.sheet_state = "veryHidden"
    _protect(sheet)


def _set_properties(workbook: Any, campaign: Campaign, code: str, name: str) -> None:
    from openpyxl.packaging.custom import StringProperty

    workbook.properties.title = form.form_title(campaign.campaign.year)
    workbook.properties.creator = "thd"
    workbook.custom_doc_props.append(StringProperty(name=PROPERTY_CODE, value=code))
    workbook.custom_doc_props.append(StringProperty(name=PROPERTY_VERSION, value=form.FORM_VERSION))
    workbook.custom_doc_props.append(
        StringProperty(name=PROPERTY_CAMPAIGN, value=campaign.campaign.id)
    )
