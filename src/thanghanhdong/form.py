"""THE form: sheets, fields, tables, columns and labels, from the seed's report form.

The template writer, the reader, the validator and the report renderers all read this module;
nothing else hard-codes a sheet name, a label or a column.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

FORM_VERSION = "1"
FORM_MARKER = "thd-form"

SHEET_GUIDE = "Hướng dẫn"
SHEET_INFO = "Thông tin chung"
SHEET_META = "_thd"

AGENCY_NAME_LABEL = "Tên đơn vị báo cáo"
TOTAL_LABELS = ("tong", "tong cong", "cong", "tong so", "cong tong")


class FieldKind(str, Enum):
    TEXT = "text"
    DATE = "date"
    MONEY = "money"
    NARRATIVE = "narrative"
    SECTION = "section"  # a heading row, nothing to fill


@dataclass(frozen=True)
class InfoField:
    key: str
    label: str
    kind: FieldKind
    hint: str = ""

    @property
    def is_input(self) -> bool:
        return self.kind is not FieldKind.SECTION


# `Thông tin chung`: column A holds the label, column B the value. Rows are located by label.
INFO_FIELDS: tuple[InfoField, ...] = (
    InfoField("agency_name", AGENCY_NAME_LABEL, FieldKind.TEXT),
    InfoField("report_number", "Số báo cáo", FieldKind.TEXT, "Ví dụ: 125/BC-UBND"),
    InfoField(
        "report_date", "Ngày báo cáo", FieldKind.DATE, "Ngày ký báo cáo, dạng ngày/tháng/năm"
    ),
    InfoField("signer_title", "Chức vụ người ký", FieldKind.TEXT, "Ví dụ: Phó Chủ tịch"),
    InfoField("signer_name", "Họ và tên người ký", FieldKind.TEXT),
    InfoField("contact", "Người liên hệ, số điện thoại", FieldKind.TEXT),
    InfoField("section_1", "I. TỔ CHỨC THỰC HIỆN", FieldKind.SECTION),
    InfoField(
        "direction", "1. Công tác chỉ đạo, ban hành kế hoạch triển khai", FieldKind.NARRATIVE
    ),
    InfoField("activities_text", "2. Nội dung hoạt động đã triển khai", FieldKind.NARRATIVE),
    InfoField("budget_state", "3. Kinh phí tổ chức: a) Ngân sách nhà nước (đồng)", FieldKind.MONEY),
    InfoField(
        "budget_mobilized", "3. Kinh phí tổ chức: b) Ngân sách vận động (đồng)", FieldKind.MONEY
    ),
    InfoField("section_2", "II. ĐÁNH GIÁ CHUNG", FieldKind.SECTION),
    InfoField("results", "1. Những kết quả đã đạt được, bài học kinh nghiệm", FieldKind.NARRATIVE),
    InfoField("difficulties", "2. Những khó khăn, tồn tại", FieldKind.NARRATIVE),
    InfoField("proposals", "3. Kiến nghị, đề xuất", FieldKind.NARRATIVE),
)
INFO_FIRST_ROW = 4  # rows 1-3: title, hint, blank
INFO_VALUE_COLUMN = "B"

NARRATIVE_KEYS = tuple(f.key for f in INFO_FIELDS if f.kind is FieldKind.NARRATIVE)


def info_field(key: str) -> InfoField:
    return next(f for f in INFO_FIELDS if f.key == key)


def info_row(key: str) -> int:
    """Row of a field in a freshly generated form (the reader locates it by label instead)."""
    return INFO_FIRST_ROW + [f.key for f in INFO_FIELDS].index(key)


class ColumnKind(str, Enum):
    STT = "stt"
    ITEM = "item"
    COUNT = "count"
    MALE = "male"
    FEMALE = "female"
    LEVEL = "level"


@dataclass(frozen=True)
class Column:
    kind: ColumnKind
    letter: str
    width: float


COLUMNS: tuple[Column, ...] = (
    Column(ColumnKind.STT, "A", 6),
    Column(ColumnKind.ITEM, "B", 48),
    Column(ColumnKind.COUNT, "C", 12),
    Column(ColumnKind.MALE, "D", 14),
    Column(ColumnKind.FEMALE, "E", 14),
    Column(ColumnKind.LEVEL, "F", 16),
)
NUMBER_COLUMNS = (ColumnKind.COUNT, ColumnKind.MALE, ColumnKind.FEMALE)

STT_LABEL = "STT"
MALE_LABEL = "Nam"
FEMALE_LABEL = "Nữ"
LEVEL_LABEL = "Cấp triển khai"


@dataclass(frozen=True)
class TableSpec:
    key: str  # "activities" | "media" | "products": also the catalogue's key
    number: int
    sheet: str
    title: str
    item_label: str
    count_label: str
    people_label: str

    def label(self, kind: ColumnKind) -> str:
        return {
            ColumnKind.STT: STT_LABEL,
            ColumnKind.ITEM: self.item_label,
            ColumnKind.COUNT: self.count_label,
            ColumnKind.MALE: MALE_LABEL,
            ColumnKind.FEMALE: FEMALE_LABEL,
            ColumnKind.LEVEL: LEVEL_LABEL,
        }[kind]

    @property
    def people_noun(self) -> str:
        """How the report speaks of the people counted: 'người tham gia' or 'người tiếp cận'."""
        return self.people_label.removeprefix("Số ").lower()


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "activities",
        1,
        "1. Hoạt động",
        "Tổ chức các hoạt động hưởng ứng Tháng hành động, kiểm tra, giám sát...",
        "Hoạt động",
        "Số cuộc",
        "Số người tham gia",
    ),
    TableSpec(
        "media",
        2,
        "2. Truyền thông",
        "Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở",
        "Nội dung",
        "Số lượng",
        "Số người tiếp cận",
    ),
    TableSpec(
        "products",
        3,
        "3. Sản phẩm",
        "Phát hành các sản phẩm truyền thông",
        "Sản phẩm",
        "Số lượng",
        "Số người tiếp cận",
    ),
)
TABLE_KEYS = tuple(t.key for t in TABLES)

# Rows of a table sheet in a freshly generated form. The reader finds the header by its labels.
TABLE_AGENCY_ROW = 1
TABLE_FORM_TITLE_ROW = 2
TABLE_TITLE_ROW = 3
TABLE_HINT_ROW = 4
TABLE_HEADER_ROW = 5  # STT | item | count | people (over two columns) | level
TABLE_SUBHEADER_ROW = 6  # Nam | Nữ
TABLE_FIRST_DATA_ROW = 7


def table(key: str) -> TableSpec:
    return next(t for t in TABLES if t.key == key)


def column(kind: ColumnKind) -> Column:
    return next(c for c in COLUMNS if c.kind is kind)


# The very hidden metadata sheet: key/value pairs in A:B, choice lists in their own columns.
META_KEYS = ("marker", "campaign_id", "year", "agency_code", "agency_name", "form_version")
LIST_COLUMNS = {"levels": "D", "activities": "E", "media": "F", "products": "G"}
LIST_FIRST_ROW = 2


def form_title(year: int) -> str:
    return (
        "BÁO CÁO KẾT QUẢ THỰC HIỆN “THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI VÀ PHÒNG NGỪA, "
        f"ỨNG PHÓ VỚI BẠO LỰC TRÊN CƠ SỞ GIỚI” NĂM {year}"
    )


def agency_line(name: str) -> str:
    return f"{AGENCY_NAME_LABEL}: {name}"
