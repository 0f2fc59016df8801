"""THE form: sheets, fields, tables, columns and labels, from the seed's report form.

The template writer, the reader, the validator and the report renderers all read this module;
nothing else hard-codes a sheet name, a label or a column.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property

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
    """What a table column holds, hence how it is read, checked, summed and shown."""

    STT = "stt"  # the row number: read for subtotal/hierarchy hints, never summed
    ITEM = "item"  # the activity / content / product name, matched to the catalogue
    NUMBER = "number"  # a whole number, summed
    LEVEL = "level"  # Cấp triển khai, one of the configured levels


@dataclass(frozen=True)
class Column:
    """One column of a table. Number columns are summed; `group` is a label printed over
    consecutive columns that share it (\"Số người tham gia\" over Nam | Nữ)."""

    key: str  # "stt", "item", "count", "male", "female", "level", or a new number column's key
    kind: ColumnKind
    label: str
    width: float
    group: str = ""
    # Words a clerk types after a figure of this column ("30 người", "2 buổi"): the figure is
    # read, with a warning. A word of another column's ("30 người" under Số cuộc) is not.
    units: tuple[str, ...] = ()
    # Other headings clerks give this column in a table they typed themselves ("Nội dung hoạt
    # động" for Hoạt động, "Cấp tổ chức" for Cấp triển khai): read as its label. Never another
    # table's item label, which tells the tables apart.
    aliases: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


STT_LABEL = "STT"
# How else clerks head the numbering column of a table they typed themselves ("TT" most often).
STT_ALIASES = ("TT", "S.T.T", "STT.", "TT.", "Số TT", "Số thứ tự", "Thứ tự")
LEVEL_ALIASES = ("Cấp tổ chức", "Cấp thực hiện", "Cấp triển khai thực hiện", "Cấp")
MALE_LABEL = "Nam"
FEMALE_LABEL = "Nữ"
LEVEL_LABEL = "Cấp triển khai"
# The keys the report's sentences speak of: how many, and how many men and women.
COUNT, MALE, FEMALE = "count", "male", "female"


# People are counted as persons or as attendances ("lượt": one person at two sessions is two).
PEOPLE_UNITS = ("người", "lượt người", "lượt", "người tham gia")


def standard_columns(
    item_label: str,
    count_label: str,
    people_label: str,
    *extra: Column,
    count_units: tuple[str, ...] = (),
    item_aliases: tuple[str, ...] = (),
    count_aliases: tuple[str, ...] = (),
) -> tuple[Column, ...]:
    """The seed's columns: STT | item | count | people (Nam, Nữ) | [extra] | Cấp triển khai."""
    return (
        Column("stt", ColumnKind.STT, STT_LABEL, 6, aliases=STT_ALIASES),
        Column("item", ColumnKind.ITEM, item_label, 48, aliases=item_aliases),
        Column(COUNT, ColumnKind.NUMBER, count_label, 12, units=count_units, aliases=count_aliases),
        Column(MALE, ColumnKind.NUMBER, MALE_LABEL, 14, people_label, (*PEOPLE_UNITS, "nam")),
        Column(FEMALE, ColumnKind.NUMBER, FEMALE_LABEL, 14, people_label, (*PEOPLE_UNITS, "nữ")),
        *extra,
        Column("level", ColumnKind.LEVEL, LEVEL_LABEL, 16, aliases=LEVEL_ALIASES),
    )


@dataclass(frozen=True)
class TableSpec:
    key: str  # also the catalogue's key in thd.toml
    number: int
    sheet: str
    title: str
    columns: tuple[Column, ...]
    action: str  # the report's sentence: "Tổ chức {count} cuộc ..."
    unit: str  # what the count counts, in the report's per-level clause: "cuộc"
    # The count is of sessions that people attend: people per session is checked against
    # `max_participants_per_session` (for media and products the count is of items).
    counts_sessions: bool = False
    # The most items one answer can plausibly count, and what they are in the message; above it
    # the count column holds what the people columns take (`implausible_count`). None: sessions,
    # whose bound is people per session.
    count_bound: tuple[int, str] | None = None

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def has(self, key: str) -> bool:
        return any(c.key == key for c in self.columns)

    def letter(self, key: str) -> str:
        """The column's letter in a generated form (A, B, ...)."""
        return chr(65 + [c.key for c in self.columns].index(key))

    @cached_property  # asked for every row of every form: worked out once per spec
    def number_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind is ColumnKind.NUMBER)

    @cached_property
    def number_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.number_columns)

    @property
    def item_label(self) -> str:
        return self.column("item").label

    @property
    def count_label(self) -> str:
        return self.column(COUNT).label

    @property
    def people_label(self) -> str:
        return self.column(MALE).group if self.has(MALE) else ""

    def label(self, key: str) -> str:
        return self.column(key).label

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
        standard_columns(
            "Hoạt động",
            "Số cuộc",
            "Số người tham gia",
            count_units=("cuộc", "buổi", "lần", "đợt", "lớp", "hội nghị", "hoạt động"),
            item_aliases=(
                "Nội dung hoạt động",
                "Tên hoạt động",
                "Hình thức hoạt động",
                "Loại hoạt động",
                "Hoạt động hưởng ứng",
            ),
            count_aliases=("Số lượng", "Số buổi", "Số lần", "Số lớp", "Số hoạt động"),
        ),
        "Tổ chức {count} cuộc hoạt động hưởng ứng, kiểm tra, giám sát",
        "cuộc",
        counts_sessions=True,
    ),
    TableSpec(
        "media",
        2,
        "2. Truyền thông",
        "Kết quả truyền thông trên các phương tiện thông tin đại chúng, thông tin cơ sở",
        standard_columns(
            "Nội dung",
            "Số lượng",
            "Số người tiếp cận",
            item_aliases=("Nội dung truyền thông", "Hình thức truyền thông", "Phương tiện"),
            count_aliases=("Số tin, bài", "Số tin bài", "Số lượng tin, bài"),
            count_units=(
                "tin",
                "bài",
                "tin bài",
                "tin, bài",
                "lượt",
                "lần",
                "buổi",
                "chương trình",
                "phóng sự",
                "số",
                "kỳ",
            ),
        ),
        "Thực hiện {count} lượt truyền thông trên các phương tiện thông tin đại chúng, "
        "thông tin cơ sở",
        "lượt",
        # A newspaper's 3.500.000 page views typed in Số lượng (trial 10) would lead the
        # report's first sentence. A radio or TV station, a newspaper or a portal publishes a
        # few hundred items in a month; a district's roll-up of 20 communes' loudspeakers at
        # three bulletins a day stays under 2.000: 10.000 leaves five times that.
        count_bound=(10_000, "tin, bài, chương trình, lần phát"),
    ),
    TableSpec(
        "products",
        3,
        "3. Sản phẩm",
        "Phát hành các sản phẩm truyền thông",
        standard_columns(
            "Sản phẩm",
            "Số lượng",
            "Số người tiếp cận",
            item_aliases=("Tên sản phẩm", "Loại sản phẩm", "Sản phẩm truyền thông"),
            count_units=(
                "sản phẩm",
                "ấn phẩm",
                "tờ",
                "tờ rơi",
                "cuốn",
                "quyển",
                "bản",
                "cái",
                "chiếc",
                "tấm",
                "bộ",
                "băng rôn",
                "pano",
                "áp phích",
                "clip",
                "video",
            ),
        ),
        "Phát hành {count} sản phẩm truyền thông",
        "sản phẩm",
        # Leaflets and booklets are printed by the thousand ("in 20.000 tờ rơi" is a real
        # line): only a count above 100.000 is doubted.
        count_bound=(100_000, "sản phẩm phát hành (tờ, cuốn, băng rôn, clip...)"),
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


def spoken_columns(spec: TableSpec, keys: list[str] | tuple[str, ...]) -> str:
    """Number columns as a clerk names them: "số cuộc", "số nam/nữ", "số lượng và số nữ"."""
    people = [spec.label(k).lower() for k in keys if spec.column(k).group]
    others = [
        spec.label(k)[:1].lower() + spec.label(k)[1:] for k in keys if not spec.column(k).group
    ]
    return " và ".join(others + (["số " + "/".join(people)] if people else []))


# The very hidden metadata sheet: key/value pairs in A:B, choice lists in their own columns.
META_KEYS = ("marker", "campaign_id", "year", "agency_code", "agency_name", "form_version")
LEVELS_LIST = "levels"
LIST_FIRST_ROW = 2


def list_column(key: str) -> str:
    """Column of a choice list on the metadata sheet: levels in D, then one per table."""
    return chr(ord("D") + [LEVELS_LIST, *TABLE_KEYS].index(key))


def form_title(year: int) -> str:
    return (
        "BÁO CÁO KẾT QUẢ THỰC HIỆN “THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI VÀ PHÒNG NGỪA, "
        f"ỨNG PHÓ VỚI BẠO LỰC TRÊN CƠ SỞ GIỚI” NĂM {year}"
    )


def agency_line(name: str) -> str:
    return f"{AGENCY_NAME_LABEL}: {name}"
