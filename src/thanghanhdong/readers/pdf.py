""".pdf -> DocumentContent: the signed PDF of an agency's Word report, read from its text layer.

Tables are the ruled tables pdfplumber finds (a Word table exported by Word or LibreOffice keeps
its borders). A table printed without its rules (borders removed, only a frame or horizontal
rules) is never guessed at: its words stay lines of text, and one with column rules only prints
several rows in one cell (`TextTable.stacked`); readers/answer.py lists both as tables not read
(`table_unruled`), pdfplumber's text strategy cutting words and wrapped cells apart. The rest of
each page is rebuilt into lines from its words, a wide gap between
words becoming a tab so the header block and the signature block keep their two columns. A PDF
without a text layer (a scan) gives has_text=False and nothing else: no OCR, whose figures could
not be trusted. A page that is a picture with a scanner's OCR layer over it is a scan too: its
text is kept in `first_text` only, to recognise the agency, and its number in `scanned_pages`.

Clerks join two agencies' signed PDFs into one file (pdfunite, a scanner's "combine"): a later
page that opens with an ND30 header block (the Quốc hiệu column and the title "BÁO CÁO") of
another body starts another report. `read_reports` gives each report on its own; `read_pdf`
refuses such a file (`document_two_agencies`): one agency's answer is never read with another's
tables or text in it (trial 2026-12-01k).
"""

from __future__ import annotations

import itertools
import logging
import re
import struct
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from thanghanhdong import messages
from thanghanhdong.readers import outline
from thanghanhdong.readers.document import (
    FIRST_TEXT_CHARS,
    DocumentContent,
    DocumentError,
    TextTable,
    continuation,
    legacy_font,
)
from thanghanhdong.readers.outline import Header, Line
from thanghanhdong.readers.pdfpage import PdfPage, cell_lines, open_pages, words
from thanghanhdong.text import loose_key, nfc

# A report is a few pages; a signed scan of one is a few MB. Beyond these it is not a report,
# and a hostile file must not keep the run busy: pages are read against a time budget.
MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PAGES = 40
MAX_CHARS_PER_PAGE = 30_000
MAX_SECONDS = 30.0

# pdfminer logs a warning for every oddity of a damaged file; with no handler configured Python
# prints them on stderr, in the middle of thd's output. Its errors reach us as exceptions.
logging.getLogger("pdfminer").setLevel(logging.CRITICAL)

SCAN_COVER = 0.8  # an image over 80 % of a page makes the page a scan
LINE_TOLERANCE = 3.0  # points: words whose tops differ less are on one line
COLUMN_GAP = 18.0  # points: a wider gap between two words separates columns (a space is ~3)


def read_pdf(data: bytes) -> DocumentContent:
    """Read a PDF report; raises DocumentError if the file cannot be read at all, or if it
    holds the reports of two bodies (`document_two_agencies`)."""
    reports = read_reports(data)
    if len(reports) > 1:
        raise two_agencies_error(reports)
    return reports[0].content


@dataclass(frozen=True)
class PdfReport:
    """One report of a PDF: the page it starts on, the body its header names (as printed,
    "UBND HUYỆN PÁC NẶM"; "" when the header names none) and what was read from its pages."""

    first_page: int
    agency: str
    content: DocumentContent


def read_reports(data: bytes) -> list[PdfReport]:
    """Every report of a PDF, in page order: one, unless a later page opens with the ND30
    header of another body. Raises DocumentError if the file cannot be read at all."""
    if len(data) > MAX_PDF_BYTES:
        raise DocumentError("pdf_too_large", "Tệp PDF quá lớn để là một báo cáo.")
    reader = _Reports()
    try:
        reader.read(*open_pages(data))
    except _PDF_ERRORS as exc:
        raise _open_error(exc) from None
    return [
        PdfReport(pages.first_page, _agency_line(pages.header), pages.content())
        for pages in reader.reports
    ]


TWO_AGENCIES = "pdf_two_agencies"  # DocumentError code (readers.answer: document_two_agencies)


def two_agencies_error(reports: list[PdfReport]) -> DocumentError:
    first, *others = reports
    names = [f"{first.agency}"] + [f"{r.agency} từ trang {r.first_page}" for r in others]
    _, message = messages.render(
        "document_two_agencies",
        count=len(reports),
        names=", ".join(names[:-1]) + f", và {names[-1]}",
    )
    return DocumentError(TWO_AGENCIES, message)


def _agency_line(header: Header | None) -> str:
    """The issuing body's lowest line of a header's left block, above "Số:" (the agency under
    its parent: "UBND TỈNH BẮC KẠN" / "SỞ Y TẾ"); "" for none."""
    if header is None:
        return ""
    block: list[str] = []
    for text in header.left:
        key = loose_key(text)
        if ":" in text or key.startswith(("so ", "so:")) or re.match(r"^so\s*\d", key):
            break
        if text.strip(" -_=*~–—"):
            block.append(nfc(text.strip()))
    return block[-1] if block else ""


# pdfminer meets a malformed file with whatever its parser trips on (seen: KeyError, TypeError,
# struct.error, zlib.error...): all of them mean "this file is damaged", never a bug of ours.
_PDF_ERRORS = (
    PDFPasswordIncorrect,
    PdfminerException,
    MalformedPDFException,
    PDFSyntaxError,
    PSException,
    AssertionError,
    AttributeError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
    RecursionError,
    struct.error,
    zlib.error,
)


def _open_error(exc: Exception) -> DocumentError:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect):
        return DocumentError(
            "pdf_password", "Tệp PDF có mật khẩu: đề nghị đơn vị gửi bản không đặt mật khẩu."
        )
    return DocumentError(
        "pdf_corrupt", "Không mở được tệp PDF (tệp hỏng): đề nghị đơn vị xuất lại tệp PDF."
    )


class _Reports:
    """The pages of a PDF into reports: a page opening with another body's ND30 header (a
    second agency's PDF joined after the first) starts a new one."""

    def __init__(self) -> None:
        self.reports = [_Pages()]

    def read(self, count: int, pages: Iterator[PdfPage]) -> None:
        if count > MAX_PAGES:
            raise DocumentError(
                "pdf_too_large", f"Tệp PDF có {count} trang: quá dài để là một báo cáo."
            )
        deadline = time.monotonic() + MAX_SECONDS
        for page in pages:
            if time.monotonic() > deadline:
                raise DocumentError("pdf_too_complex", "Tệp PDF quá phức tạp, không đọc được.")
            current = self.reports[-1]
            read = current.prepare(page)
            if read is not None and current.starts_other_report(read):
                current = _Pages()
                self.reports.append(current)
            current.page(page, read)


@dataclass
class _Read:
    """One page with text, as found: its tables, the words outside them, its lines."""

    number: int
    found: list[Any]
    words: list[dict[str, Any]]
    lines: list[tuple[Line, list[Segment]]]


@dataclass
class _Pages:
    first_page: int = 0
    lines: list[Line] = field(default_factory=list)
    tables: list[TextTable] = field(default_factory=list)
    header: Header | None = None
    chars: int = 0
    scanned: list[int] = field(default_factory=list)
    last_bounds: list[float] = field(default_factory=list)  # column edges of the last table
    last_ends_page: bool = False  # no text below the last table read, on its page
    fonts: set[str] = field(default_factory=set)
    scan_text: list[str] = field(default_factory=list)  # a scanner's OCR: to recognise only

    def prepare(self, page: Any) -> _Read | None:
        """The page's tables and lines; None for a scan or a page without text."""
        if len(page.chars) > MAX_CHARS_PER_PAGE:
            raise DocumentError(
                "pdf_too_complex", f"Trang {page.page_number} của tệp PDF có quá nhiều chữ."
            )
        if _is_scan(page) or not page.chars:
            return None
        found = page.find_tables()
        boxes = [table.bbox for table in found]
        words = [w for w in _words(page) if not any(_inside(w, box) for box in boxes)]
        return _Read(page.page_number, found, words, _captions(words, boxes, page.page_number))

    def starts_other_report(self, read: _Read) -> bool:
        """The page opens with an ND30 header naming another body than this report's."""
        if self.header is None:
            return False
        header, _ = _split_header(read.lines, read.number)
        if header is None:
            return False
        other = loose_key(_agency_line(header))
        return bool(other) and other != loose_key(_agency_line(self.header))

    def page(self, page: Any, prepared: _Read | None) -> None:
        self.first_page = self.first_page or page.page_number
        if _is_scan(page):
            self.scanned.append(page.page_number)
            self.scan_text.extend(line.text for line, _ in _lines(_words(page), 0))
            return
        if prepared is None:
            return
        self.chars += len(page.chars)
        self.fonts.update(char["fontname"] for char in page.chars)
        found, words = prepared.found, prepared.words
        unruled = _unruled_tops(words)
        for on_page, table in enumerate(found, start=1):
            # Counted as the officer counts the printed tables: an unruled one above is one.
            shown = on_page + sum(top < table.bbox[1] for top in unruled)
            read = _table(table, len(self.tables) + 1, page, shown)
            read = replace(read, caption=_caption_of(words, table.bbox))
            bounds = _column_bounds(table)
            first = on_page == 1 and not _text_beyond(words, table.bbox[1], above=True)
            if first and self._continues(page.page_number, bounds):
                read = self._continued(read, bounds)
            self.tables.append(read)
            self.last_bounds = bounds
        if found:  # a table followed by text on its page is not continued on the next one
            self.last_ends_page = not _text_beyond(words, found[-1].bbox[3], above=False)
        lines = prepared.lines
        if self.header is None and not self.lines:
            self.header, lines = _split_header(lines, page.page_number)
        self.lines.extend(_join_wrapped([line for line, _ in lines], page.width))

    def _continues(self, page: int, bounds: list[float]) -> bool:
        """The previous page's last table has the same outer edges. Its inner column edges may
        differ: a grouped header ("Số người tham gia" over Nam | Nữ) cut by the page break
        leaves the Nam | Nữ edge on one page only, so the two parts are put on one grid."""
        previous = self.tables[-1] if self.tables else None
        if previous is None or previous.page != page - 1 or not self.last_ends_page:
            return False
        last = self.last_bounds
        return _sorted(bounds) and _sorted(last) and _same_edges(bounds, last)

    def _continued(self, read: TextTable, bounds: list[float]) -> TextTable:
        """`read` and the table it continues on the columns of both (the finer grid)."""
        union = _union(bounds, self.last_bounds)
        previous = _regrid(self.tables[-1], self.last_bounds, union)
        previous, read = _header_rest(previous, _regrid(read, bounds, union))
        self.tables[-1] = previous
        self.last_bounds = union
        return continuation(read, previous)

    def content(self) -> DocumentContent:
        # No "CỘNG HÒA" column to split on: the header typed as paragraphs, as read_docx does.
        header = self.header or outline.header_from_lines(self.lines)[0]
        fields = outline.assemble(header, self.lines, [], shown_page=True) if self.chars else {}
        texts = [*header.left, *header.right, *(line.text for line in self.lines)]
        return DocumentContent(
            kind="pdf",
            fields=fields,
            tables=self.tables,
            has_text=self.chars > 0,
            first_text="\n".join(texts or self.scan_text)[:FIRST_TEXT_CHARS],
            scanned_pages=self.scanned,
            legacy_font=legacy_font(sorted(self.fonts)),
        )


def _header_rest(previous: TextTable, read: TextTable) -> tuple[TextTable, TextTable]:
    """A table whose header rows end its page and whose labels' last words open the next page
    ("Cấp triển" / "khai", under no row of figures yet): the words go back to their labels, as
    printed, and the next page starts with the table's first row of figures (trial
    2026-12-02c)."""
    if not read.rows or len(read.rows) < 2 or any(_has_digit(row) for row in previous.rows):
        return previous, read
    rest = read.rows[0]
    filled = [c for c, text in enumerate(rest) if text]
    if not filled or _has_digit(rest) or not all(rest[c][:1].islower() for c in filled):
        return previous, read
    rows = [list(row) for row in previous.rows]
    for c in filled:
        above = next((r for r in reversed(range(len(rows))) if rows[r][c]), None)
        if above is None:
            return previous, read
        rows[above][c] = f"{rows[above][c]} {rest[c]}"
    return replace(previous, rows=rows), replace(
        read,
        rows=read.rows[1:],
        merged_across={(r - 1, c) for r, c in read.merged_across if r},
        merged_down={(r - 1, c) for r, c in read.merged_down if r},
    )


def _has_digit(row: list[str]) -> bool:
    return any(ch.isdigit() for text in row for ch in text)


_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?$", re.IGNORECASE)


def _text_beyond(words: list[dict[str, Any]], y: float, above: bool) -> bool:
    """Text above (or below) y on the page, a page number (ND30 prints it at the top) aside."""
    beyond = [w for w in words if (w["bottom"] <= y if above else w["top"] >= y)]
    return any(not _PAGE_NUMBER.match(line.text) for line, _ in _lines(beyond, 0))


def _unruled_tops(words: list[dict[str, Any]]) -> list[float]:
    """The tops of the header lines of the page's tables printed without rules (words outside
    the ruled tables): "STT" in a column of its own before two more (trial: borderless)."""
    return [
        top
        for _, segments, top in _lines_at(words, 0)
        if len(segments) >= 3 and loose_key(segments[0][1]) == "stt"
    ]


def _is_scan(page: Any) -> bool:
    """A page that is a picture: an image covering most of it, with no text of its own to
    read. Text on such a page is a scanner's OCR layer (invisible text over the picture),
    whose figures cannot be trusted. A page whose visible text is drawn over a full-page
    picture (a letterhead or a background in the page header, on every page, even a page with
    only the signature block) is a page of text: its report was typed, not scanned (trial
    2026-12-02c)."""
    area = float(page.width * page.height) or 1.0
    covered = any(
        (image["x1"] - image["x0"]) * (image["bottom"] - image["top"]) >= SCAN_COVER * area
        for image in page.images
    )
    return covered and (not page.chars or page.invisible_text)


# -- words and lines --------------------------------------------------------------------------


def _words(page: PdfPage) -> list[dict[str, Any]]:
    return words(page.chars)


def _inside(word: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


Segment = tuple[float, str]  # (x0, text) of a run of words without a column gap


def _lines(words: list[dict[str, Any]], page: int) -> Iterator[tuple[Line, list[Segment]]]:
    """Words into printed lines, top to bottom; each line also as its column segments."""
    for line, segments, _ in _lines_at(words, page):
        yield line, segments


def _lines_at(
    words: list[dict[str, Any]], page: int
) -> Iterator[tuple[Line, list[Segment], float]]:
    """`_lines`, each with the top of its first word."""
    ordered = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    row: list[dict[str, Any]] = []
    for word in ordered:
        if row and abs(word["top"] - row[0]["top"]) > LINE_TOLERANCE:
            yield (*_line(row, page), row[0]["top"])
            row = []
        row.append(word)
    if row:
        yield (*_line(row, page), row[0]["top"])


def _line(row: list[dict[str, Any]], page: int) -> tuple[Line, list[Segment]]:
    row.sort(key=lambda w: w["x0"])
    segments: list[list[dict[str, Any]]] = [[row[0]]]
    for previous, word in itertools.pairwise(row):
        if word["x0"] - previous["x1"] > COLUMN_GAP:
            segments.append([])
        segments[-1].append(word)
    texts = [(part[0]["x0"], nfc(" ".join(w["text"] for w in part))) for part in segments]
    strong = all(w["bold"] for w in row)
    text = "\t".join(t for _, t in texts)
    return Line(text, strong, page, left=row[0]["x0"], right=row[-1]["x1"]), texts


def _captions(
    words: list[dict[str, Any]], boxes: list[Any], page: int
) -> list[tuple[Line, list[Segment]]]:
    """The page's lines; the short line printed right above a table is its caption (“a) Tổ
    chức các hoạt động hưởng ứng”), never quoted as the agency's text (trial 2026-12-01d)."""
    tops = [t for box in boxes if (t := _top_above(words, box[1])) is not None]
    marked = []
    for line, segments, top in _lines_at(words, page):
        if any(abs(top - t) <= LINE_TOLERANCE for t in tops) and outline.is_caption(line.text):
            line = replace(line, caption=True)
        marked.append((line, segments))
    return marked


def _caption_of(words: list[dict[str, Any]], box: Any) -> str:
    """The caption printed right above the table, as its name; "" for none, for a sentence and
    for the end of a wrapped title (a line starting in lower case, "a) ..." aside)."""
    top = _top_above(words, box[1])
    row = [w for w in words if top is not None and abs(w["top"] - top) <= LINE_TOLERANCE]
    if not row:
        return ""
    text = _line(row, 0)[0].text.replace("\t", " ")
    wrapped = text[:1].islower() and not outline.BULLET.match(text)
    return outline.caption_name(text) if outline.is_caption(text) and not wrapped else ""


def _top_above(words: list[dict[str, Any]], y: float) -> float | None:
    """The top of the printed line right above height `y` (a table's top edge)."""
    return max((w["top"] for w in words if w["bottom"] <= y + 1), default=None)


def _join_wrapped(lines: list[Line], width: float = 0.0) -> list[Line]:
    """A printed line that continues the one above (the PDF wrapped a paragraph) is joined to
    it; "a) ..." items and two-column lines stay lines of their own. The page's text margins
    are its body lines' outer edges, the right one only when some line is full (it reaches
    three quarters of the page's `width`)."""
    plain = [line for line in lines if "\t" not in line.text]
    right = max((line.right or 0.0 for line in plain), default=0.0)
    margins = (
        min((line.left or 0.0 for line in plain), default=0.0),
        right if right >= FULL_LINE * width else 0.0,
    )
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(previous, line, margins):
            text = f"{previous.text} {line.text}"
            joined[-1] = replace(previous, text=text, right=line.right)
        else:
            joined.append(line)
    return joined


# "1. Tổ chức ...", "2) ...", "1.2. ...": a numbered item or heading starts a line of its own.
_NUMBERED = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]\s")
_SENTENCE_END = (".", ":", ";", "!", "?", ")")


def _continues(previous: Line, line: Line, margins: tuple[float, float]) -> bool:
    """A printed line that starts in lower case, or with a figure after a line that ends
    mid-sentence ("... trực tuyến với" / "1.000 lượt người dự thi"), continues the one above;
    so does any line after one that ends mid-sentence at the right margin, its first word too
    long to have been printed there ("… triển khai" / "Tháng hành động.": a capital starts the
    proper names of Vietnamese prose, trial 2026-12-02c)."""
    text = line.text
    if outline.BULLET.match(text) or "\t" in previous.text + text:
        return False
    if text[:1].islower():
        return True
    mid_sentence = not previous.text.rstrip().endswith(_SENTENCE_END)
    if not mid_sentence or _NUMBERED.match(text):
        return False
    return text[:1].isdigit() or _wrapped_at_margin(previous, line, margins)


FULL_LINE = 0.75  # of the page's width: a line of body text that reaches the right margin
FIRST_LINE_INDENT = 45.0  # points: a paragraph's first line may start this far in (ND30: 1-1.27 cm)


def _wrapped_at_margin(previous: Line, line: Line, margins: tuple[float, float]) -> bool:
    """Both lines of one paragraph of body text (the next one back at the left margin, the
    same weight: no centred title, no signature column, no bold heading), the first one ending
    where the next line's first word could not have fitted."""
    left, right = margins
    if previous.left is None or previous.right is None or line.left is None or not right:
        return False
    if previous.strong != line.strong or abs(line.left - left) > LINE_TOLERANCE:
        return False
    if previous.left - left > FIRST_LINE_INDENT or not previous.text:
        return False
    glyph = (previous.right - previous.left) / len(previous.text)  # the line's mean advance
    first = line.text.split()[0] if line.text.split() else ""
    return previous.right + glyph * (len(first) + 1) > right


def _split_header(
    lines: list[tuple[Line, list[Segment]]], page: int
) -> tuple[Header | None, list[tuple[Line, list[Segment]]]]:
    """The ND30 header block: the lines above the title "BÁO CÁO", cut at the x where the
    Quốc hiệu begins (its lines wrap inside their column, so a tab cannot place them)."""
    boundary = next(
        (
            x
            for _, parts in lines[:8]
            for x, text in parts
            if loose_key(text).startswith("cong hoa")
        ),
        None,
    )
    end = next((i for i, (line, _) in enumerate(lines[:15]) if outline.ends_header(line)), None)
    if boundary is None or end is None:
        return None, lines
    header = Header(page=page)
    for _, parts in lines[:end]:
        for x, text in parts:
            (header.left if x < boundary - 5 else header.right).append(text)
    return header, lines[end:]


# -- tables -----------------------------------------------------------------------------------


def _table(table: Any, index: int, page: PdfPage, on_page: int) -> TextTable:
    """pdfplumber gives None for a grid position covered by a merged cell: covered from the left
    if a cell of the same row reaches over it, else from above."""
    extracted = cell_lines(table, page.chars)
    starts = _column_starts(table)
    rows: list[list[str]] = []
    across: set[tuple[int, int]] = set()
    down: set[tuple[int, int]] = set()
    stacked = False
    for r, (row, cells) in enumerate(zip(extracted, table.rows, strict=True)):
        rows.append([nfc(" ".join(lines)) if lines else "" for lines in row])
        stacked = stacked or any(_stacked(lines) for lines in row if lines)
        for c, lines in enumerate(row):
            if lines is None:
                covered = _covered_from_left(cells.cells, c, starts[c])
                (across if covered else down).add((r, c))
    return TextTable(index, page.page_number, rows, across, down, on_page, stacked=stacked)


_FIGURE = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")


def _stacked(lines: list[str]) -> bool:
    """A cell printing figures on lines of their own ("3" over "2"): the figures of several
    rows, in a table whose rows have no rules between them (only its frame and column rules
    drawn), not one figure of one row."""
    return len(lines) >= 2 and all(_FIGURE.fullmatch(line.strip()) for line in lines)


def _column_starts(table: Any) -> list[float]:
    width = max(len(row.cells) for row in table.rows)
    starts = [0.0] * width
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            if cell is not None:
                starts[c] = cell[0]
    return starts


EDGE_TOLERANCE = 2.0  # points: column edges of two parts of one table closer than this are one


def _column_bounds(table: Any) -> list[float]:
    """The x of each column's left edge, then the table's right edge."""
    return [*_column_starts(table), float(table.bbox[2])]


def _sorted(bounds: list[float]) -> bool:
    return all(b - a > EDGE_TOLERANCE for a, b in itertools.pairwise(bounds))


def _same_edges(one: list[float], other: list[float]) -> bool:
    return all(abs(one[i] - other[i]) <= EDGE_TOLERANCE for i in (0, -1))


def _union(one: list[float], other: list[float]) -> list[float]:
    union: list[float] = []
    for x in sorted([*one, *other]):
        if not union or x - union[-1] > EDGE_TOLERANCE:
            union.append(x)
    return union


def _regrid(table: TextTable, own: list[float], union: list[float]) -> TextTable:
    """`table` (columns at `own`) on the finer columns `union`: a column that spans several
    of them keeps its text in the first, the others merged across into it."""
    spans = [
        [i for i, x in enumerate(union[:-1]) if left - EDGE_TOLERANCE <= x < right - EDGE_TOLERANCE]
        for left, right in itertools.pairwise(own)
    ]
    if len(spans) == len(union) - 1 or any(len(row) != len(spans) for row in table.rows):
        return table
    rows = [
        [t for c, text in enumerate(row) for t in [text] + [""] * (len(spans[c]) - 1)]
        for row in table.rows
    ]
    down = {(r, f) for r, c in table.merged_down for f in spans[c]}
    across = {(r, f) for r, c in table.merged_across for f in spans[c]}
    across |= {
        (r, f)
        for r in range(len(rows))
        for c, fine in enumerate(spans)
        for f in fine[1:]
        if (r, c) not in table.merged_down
    }
    return replace(table, rows=rows, merged_across=across, merged_down=down)


def _covered_from_left(cells: list[Any], column: int, x: float) -> bool:
    left = next((cell for cell in reversed(cells[:column]) if cell is not None), None)
    return left is not None and left[2] > x + 1
