"""PDF pages as pdfminer lays them out, with just what the PDF reader uses of pdfplumber's page:
chars, images, edges and `find_tables()` (pdfplumber's own table finder, on ruling lines).

pdfplumber turns every object of a page into a dictionary of some 20 resolved attributes before
anything can be asked of it: about 40 % of the time a report's PDF takes. Here pdfminer's layout
objects become dictionaries of the few keys pdfplumber's table and word functions read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTImage, LTLine, LTRect
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfplumber.table import TableFinder
from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges


@dataclass
class PdfPage:
    page_number: int
    width: float
    height: float
    chars: list[dict[str, Any]] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    # Some text is drawn invisible (render mode 3 or 7): a scanner's OCR layer over a picture.
    invisible_text: bool = False

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    def find_tables(self) -> list[Any]:
        return TableFinder(self, {}).tables  # type: ignore[arg-type]  # a page in all it reads


def open_pages(data: bytes) -> tuple[int, Iterator[PdfPage]]:
    """The page count (known before any page is laid out) and the pages, laid out one by one."""
    document = PDFDocument(PDFParser(BytesIO(data)))
    pages = list(PDFPage.create_pages(document))
    return len(pages), _laid_out(pages)


def _laid_out(pages: list[Any]) -> Iterator[PdfPage]:
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    for number, page in enumerate(pages, start=1):
        interpreter.process_page(page)
        layout = device.get_result()
        read = PdfPage(number, layout.width, layout.height, invisible_text=_invisible(page))
        _collect(layout, read, layout.y1)
        yield read


# "3 Tr" / "7 Tr": text render mode invisible or clip-only, as OCR layers are written.
_INVISIBLE = re.compile(rb"(?<![\w.])[37]\s+Tr\b")


def _invisible(page: Any) -> bool:
    """The page's content streams draw text invisibly (only asked when they were just read)."""
    streams = (resolve1(stream) for stream in page.contents)  # an array holds references
    return any(_INVISIBLE.search(s.get_data()) for s in streams if isinstance(s, PDFStream))


def _collect(container: Any, page: PdfPage, top: float) -> None:
    """Chars, images and ruling edges, also inside form XObjects (LTFigure), in page order."""
    for item in container:
        if isinstance(item, LTChar):
            page.chars.append(_char(item, top))
        elif isinstance(item, LTImage):
            page.images.append(_box(item, top))
        elif isinstance(item, LTCurve):  # LTRect and LTLine are curves too
            page.edges.extend(_edges(item, top))
        elif hasattr(item, "__iter__"):
            _collect(item, page, top)


def _box(item: Any, top: float) -> dict[str, Any]:
    return {
        "x0": item.x0,
        "x1": item.x1,
        "y0": item.y0,
        "y1": item.y1,
        "top": top - item.y1,
        "bottom": top - item.y0,
        "doctop": top - item.y1,
        "width": item.width,
        "height": item.height,
    }


def _char(item: LTChar, top: float) -> dict[str, Any]:
    char = _box(item, top)
    char.update(text=item.get_text(), fontname=item.fontname, upright=item.upright)
    return char


def _edges(item: LTCurve, top: float) -> list[dict[str, Any]]:
    shape = _box(item, top)
    if isinstance(item, LTRect):
        return rect_to_edges({**shape, "object_type": "rect"})
    if isinstance(item, LTLine):
        return [line_to_edge({**shape, "object_type": "line"})]
    points = [(x, top - y) for x, y in item.pts]
    return curve_to_edges({**shape, "object_type": "curve", "pts": points})


# -- words and cell texts from chars (pdfplumber's general text engine costs more than a report
# needs: a word is chars on one line without a space or a gap between them) --------------------

LINE_TOLERANCE = 3.0  # points: chars whose tops differ less are on one line
WORD_GAP = 1.5  # points: a wider gap between two chars without a space glyph separates words


def _printed_lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    ordered = sorted(chars, key=lambda c: (round(c["top"]), c["x0"]))
    lines: list[list[dict[str, Any]]] = []
    for char in ordered:
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= LINE_TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    return lines


def words(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Words (text, x0, x1, top, bottom, bold), line by line, left to right."""
    found: list[dict[str, Any]] = []
    for line in _printed_lines(chars):
        word: list[dict[str, Any]] = []
        for char in line:
            if char["text"].isspace() or (word and char["x0"] - word[-1]["x1"] > WORD_GAP):
                found.extend(_word(word))
                word = []
            if not char["text"].isspace():
                word.append(char)
        found.extend(_word(word))
    return found


def _word(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not chars:
        return []
    return [
        {
            "text": "".join(c["text"] for c in chars),
            "x0": chars[0]["x0"],
            "x1": chars[-1]["x1"],
            "top": min(c["top"] for c in chars),
            "bottom": max(c["bottom"] for c in chars),
            "bold": all("bold" in c["fontname"].lower() for c in chars),
        }
    ]


def cell_lines(table: Any, chars: list[dict[str, Any]]) -> list[list[list[str] | None]]:
    """Each grid position's printed lines (None where a merged cell covers the position)."""
    rows = table.rows
    placed: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for char in chars:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        position = _cell_at(rows, x, y)
        if position is not None:
            placed.setdefault(position, []).append(char)
    return [
        [
            None if cell is None else _lines(placed.get((r, c), []))
            for c, cell in enumerate(row.cells)
        ]
        for r, row in enumerate(rows)
    ]


def _cell_at(rows: list[Any], x: float, y: float) -> tuple[int, int] | None:
    for r in range(len(rows) - 1, -1, -1):  # a cell merged down starts in an earlier row
        if rows[r].bbox[1] > y:
            continue
        for c, cell in enumerate(rows[r].cells):
            if cell is not None and cell[0] <= x < cell[2] and cell[1] <= y < cell[3]:
                return r, c
        if rows[r].bbox[3] <= y and r < len(rows) - 1:
            return None
    return None


def _lines(chars: list[dict[str, Any]]) -> list[str]:
    return [" ".join(w["text"] for w in words(line)) for line in _printed_lines(chars)]
