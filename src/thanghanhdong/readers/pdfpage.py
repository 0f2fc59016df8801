"""PDF pages as pdfminer lays them out, with just what the PDF reader uses of pdfplumber's page:
chars, images, edges, `find_tables()` (pdfplumber's own table finder) and `extract_words()`.

pdfplumber turns every object of a page into a dictionary of some 20 resolved attributes before
anything can be asked of it: about 40 % of the time a report's PDF takes. Here pdfminer's layout
objects become dictionaries of the few keys pdfplumber's table and word functions read.
"""

from __future__ import annotations

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
from pdfplumber.table import TableFinder
from pdfplumber.utils import extract_words
from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges


@dataclass
class PdfPage:
    page_number: int
    width: float
    height: float
    chars: list[dict[str, Any]] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    def find_tables(self) -> list[Any]:
        return TableFinder(self, {}).tables  # type: ignore[arg-type]  # a page in all it reads

    def extract_words(self, **options: Any) -> list[dict[str, Any]]:
        return extract_words(self.chars, **options)


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
        read = PdfPage(number, layout.width, layout.height)
        _collect(layout, read, layout.y1)
        yield read


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
