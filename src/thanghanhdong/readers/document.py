"""The neutral content a document reader hands to the layout reader: fields, tables, text.

Word and PDF readers both produce a `DocumentContent`; the layout reader (which knows the form's
tables and the validation rules) works on it without knowing which format it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class TextTable:
    """One table as the reader saw it, on its grid.

    A horizontally merged cell's text is in its first grid column and its other columns are ""
    (listed in `merged_across`); a vertically merged cell's text is in its first row and its
    continuation rows are "" (listed in `merged_down`). Positions are 0-based (row, column).
    """

    index: int  # 1-based, in document order ("Bảng 1")
    page: int | None  # PDF page (1-based), None for Word
    rows: list[list[str]]
    merged_across: set[tuple[int, int]] = field(default_factory=set)
    merged_down: set[tuple[int, int]] = field(default_factory=set)
    on_page: int | None = None  # PDF: 1-based index of the table on its page
    # The table directly before this one, if this one may be its continuation: same columns and
    # nothing between them (Word: only empty paragraphs or a page break; PDF: the last table of
    # the previous page, at the same column positions). The layout reader decides by the rows.
    follows: int | None = None
    repeated_header: int = 0  # leading rows equal to those of the table it follows
    caption: str = ""  # the document's caption line right above it ("3. Phát hành các sản phẩm")
    # PDF: a cell prints figures on lines of their own ("3" over "2"): rows without rules
    # between them run into one row of the grid, so no figure of the table can be trusted.
    stacked: bool = False

    @property
    def shown(self) -> str:
        """How the officer finds the table: by its caption ("bảng “3. Phát hành...”"), else
        "bảng thứ 2" (Word) or "trang 2, bảng thứ 1" (PDF). A document's tables carry no number
        of their own: a clerk reads "bảng 2" beside "không có bảng “2. Truyền thông”" as the
        table they left out (trial 2026-12-01f)."""
        if self.page is None:
            return self._named() or f"bảng thứ {self.index}"
        return f"trang {self.page}, {self._named() or f'bảng thứ {self.on_page or self.index}'}"

    def _named(self) -> str:
        """ "bảng “3. Phát hành...”"; a caption that says "Bảng 3. ..." itself is quoted alone."""
        if not self.caption:
            return ""
        own = self.caption.split(maxsplit=1)[0].lower() == "bảng"
        return f"“{self.caption}”" if own else f"bảng “{self.caption}”"


@dataclass(frozen=True)
class TextField:
    value: str  # as written, NFC
    where: str  # how the officer finds it: "mục II.2", "phần đầu", "dòng ngày tháng", "trang 1"


@dataclass
class DocumentContent:
    kind: str  # "word" | "pdf"
    fields: dict[str, TextField]
    tables: list[TextTable]
    has_text: bool  # False for a scanned PDF (no text layer)
    first_text: str  # the first ~2000 characters of text (to recognise the agency of a scan)
    scanned_pages: list[int] = field(default_factory=list)  # PDF pages that are pictures
    # A pre-Unicode Vietnamese font the text is typed in (".VnTime", "VNI-Times"): its letters
    # read as other letters ("B¸o c¸o"), so names and headings cannot be matched.
    legacy_font: str | None = None


_LEGACY_FONT = re.compile(r"^(?:[A-Z]+\+)?(\.Vn|VNI[- ]|VN[ -]?Times|VNtimes)", re.IGNORECASE)


def legacy_font(names: Iterable[str]) -> str | None:
    """The first font name that is a TCVN3 (.VnTime...) or VNI font, if any."""
    return next((name for name in names if name and _LEGACY_FONT.match(name)), None)


def continuation(table: TextTable, previous: TextTable | None) -> TextTable:
    """`table` marked as following `previous` (same width), with its repeated header counted."""
    if previous is None or not table.rows or len(table.rows[0]) != len(previous.rows[0]):
        return table
    rows = [list(row) for row in table.rows]
    repeated = 0
    limit = min(3, len(rows) - 1, len(previous.rows))
    while repeated < limit and _repeats(rows, repeated, previous.rows[repeated], table.page):
        repeated += 1
    return replace(table, rows=rows, follows=previous.index, repeated_header=repeated)


def _repeats(rows: list[list[str]], r: int, header: list[str], page: int | None) -> bool:
    """Row `r` repeats the previous part's header row. A PDF's repeated header may be cut at
    the bottom of its cells (LibreOffice clips a repeated header row to its height: "Cấp triển"
    of "Cấp triển / khai"); the clipped words are then printed, hidden, over the next row, and
    are taken out of it so they are not read as that row's text (trial 2026-12-02c).
    A repeated header row is skipped when the parts are joined: it is kept as printed in full."""
    row = rows[r]
    if row == header:
        return True
    if page is None or not any(row):
        return False
    clipped: dict[int, str] = {}
    for c, (text, want) in enumerate(zip(row, header, strict=True)):
        if text == want:
            continue
        if not text or not want.startswith(f"{text} "):
            return False
        clipped[c] = want[len(text) :].strip()
    for c, rest in clipped.items():
        for n in range(r + 1, len(rows)):
            kept = _without(rows[n][c], rest)
            if kept is not None:
                rows[n][c] = kept
                break
    rows[r] = list(header)  # the header as printed in full: the next page compares with it
    return True


def _without(text: str, hidden: str) -> str | None:
    """`text` with the hidden words' letters taken out, if they are all in it in order: printed
    at the same place, the clipped "khai" and the row's "Xã" come out letter by letter as
    "kXhãai" (or "khai Xã"); None when `hidden` is not in `text`."""
    wanted = [ch for ch in hidden if not ch.isspace()]
    kept: list[str] = []
    for ch in text:
        if wanted and ch == wanted[0]:
            wanted.pop(0)
        else:
            kept.append(ch)
    return None if wanted else " ".join("".join(kept).split())


class DocumentError(Exception):
    """The file cannot be read at all: `code` is a stable identifier, `message` Vietnamese."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


FIRST_TEXT_CHARS = 2000
