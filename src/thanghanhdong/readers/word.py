""".docx -> DocumentContent: an agency's report in the plan's outline, however the clerk laid it out.

The body is walked in document order (paragraphs, tables, content controls). Tables are read on
their grid from the XML: each `<w:tc>` once, so a merged cell is never read twice (python-docx's
`row.cells` returns a merged cell once per grid column it spans). The ND30 header block and the
signature block, usually borderless tables, are read as such and not listed as data tables.
"""

from __future__ import annotations

import copy
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from io import BytesIO
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from thanghanhdong import form
from thanghanhdong.legacy import convert, font_encoding
from thanghanhdong.readers import outline
from thanghanhdong.readers.document import (
    FIRST_TEXT_CHARS,
    DocumentContent,
    DocumentError,
    TextField,
    TextTable,
    continuation,
    legacy_font,
)
from thanghanhdong.readers.outline import Header, Line
from thanghanhdong.text import loose_key, nfc

# A report's document.xml is well under 1 MB; these bounds stop zip bombs before lxml parses.
MAX_PART_BYTES = 30 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_CELLS = 200_000

_P, _TBL, _TC, _TR, _SDT = qn("w:p"), qn("w:tbl"), qn("w:tc"), qn("w:tr"), qn("w:sdt")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_R, _RPR = qn("w:r"), qn("w:rPr")
_TXBX = qn("w:txbxContent")
_ALT_CHUNK = qn("w:altChunk")
# A DrawingML text box is written twice: in mc:Choice (wps) and again, as VML, in mc:Fallback.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PSTYLE = qn("w:pStyle")
_RFONTS, _ASCII, _HANSI = qn("w:rFonts"), qn("w:ascii"), qn("w:hAnsi")
_VAL = qn("w:val")


def read_docx(data: bytes, nested: bool = False) -> DocumentContent:
    """Read an agency's Word report; raises DocumentError if the file cannot be read at all."""
    parts = _open(data)
    if parts.chunks and not nested and not _has_text(parts.body):
        return _read_chunk(parts.chunks)
    typed = _unlegacy(parts)
    _Numbering(parts.numbering, parts.styles_part).write_labels(parts.body)
    walk = _Walk(styles=parts.styles, typed=typed)
    walk.blocks(parts.body)
    walk.flush()
    header = walk.header or outline.header_from_lines(walk.lines)[0]
    if "agency_name" not in outline.header_fields(header, shown_page=False):
        header = _page_header(parts, typed) or header
    fields = outline.assemble(header, walk.lines, walk.signature, shown_page=False)
    texts = [*header.left, *header.right, *(line.text for line in walk.lines)]
    return DocumentContent(
        kind="word",
        fields=_as_typed(fields, walk.originals),
        tables=walk.tables,
        has_text=any(t.strip() for t in texts) or bool(walk.tables),
        first_text="\n".join(texts)[:FIRST_TEXT_CHARS],
        legacy_font=legacy_font(_font_names(parts.body)),
    )


def _has_text(body: Any) -> bool:
    return any((t.text or "").strip() for t in body.iter(_T))


# -- embedded chunks (w:altChunk) -------------------------------------------------------------

_CHUNK_SUFFIXES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "message/rfc822": ".mht",
    "multipart/related": ".mht",
    "application/rtf": ".rtf",
    "text/rtf": ".rtf",
}
_DOCX_TYPE = "wordprocessingml.document"
_CHUNK_NEEDS_LIBREOFFICE = (
    "Nội dung của tệp Word này nằm trong một phần nhúng (altChunk: trang HTML do phần mềm quản "
    "lý văn bản xuất ra), chỉ đọc được qua LibreOffice: cài LibreOffice, hoặc mở tệp bằng Word, "
    "lưu lại dạng .docx rồi chép vào thư mục nhận."
)


@dataclass(frozen=True)
class _Chunk:
    data: bytes
    kind: str  # the part's content type, or its name's suffix when the package names none


def _read_chunk(chunks: list[_Chunk]) -> DocumentContent:
    """A .docx whose whole text is in embedded parts (w:altChunk: an HTML page or a document
    that Word renders in place; e-office systems write their "export to Word" this way). Read
    as the document the part is, a web page through LibreOffice (trial 2026-12-02c): without
    this the file read as a picture, "không có chữ để đọc". Several web pages are one page."""
    kinds = {_chunk_suffix(chunk) for chunk in chunks}
    if kinds == {".docx"} and len(chunks) == 1:
        return read_docx(chunks[0].data, nested=True)
    if kinds != {".html"} and len(chunks) > 1:
        raise DocumentError("docx_chunks", _CHUNKS_MIXED)
    from thanghanhdong.readers.convert import bytes_to_docx  # soffice only when needed

    converted = bytes_to_docx(b"\n".join(chunk.data for chunk in chunks), kinds.pop())
    if converted is None:
        raise DocumentError("no_soffice", _CHUNK_NEEDS_LIBREOFFICE)
    return read_docx(converted, nested=True)


_CHUNKS_MIXED = (
    "Nội dung của tệp Word này nằm trong nhiều phần nhúng khác loại (altChunk), thd không đọc "
    "được: mở tệp bằng Word, lưu lại dạng .docx rồi chép vào thư mục nhận."
)


def _chunk_suffix(chunk: _Chunk) -> str:
    if _DOCX_TYPE in chunk.kind or chunk.kind == ".docx":
        return ".docx"
    known = _CHUNK_SUFFIXES.get(chunk.kind.split(";")[0].strip())
    if known:
        return known
    return chunk.kind if chunk.kind in (".mht", ".mhtml", ".rtf", ".txt") else ".html"


def _chunks(archive: zipfile.ZipFile, main: str, body: Any) -> list[_Chunk]:
    """The parts the body's w:altChunk elements point to, with their content types."""
    references = [chunk.get(qn("r:id")) for chunk in body.iter(_ALT_CHUNK)]
    if not references:
        return []
    folder, _, name = main.rpartition("/")
    targets = _relations(
        archive, f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels", folder
    )
    types = _content_types(archive)
    found = []
    for rid in references:
        part = targets.get(rid or "")
        if part and part in archive.namelist():
            suffix = posixpath.splitext(part)[1].lower()
            kind = types.get(f"/{part}") or types.get(suffix.lstrip(".")) or suffix
            found.append(_Chunk(archive.read(part), kind))
    return found


def _content_types(archive: zipfile.ZipFile) -> dict[str, str]:
    """[Content_Types].xml: part name ("/word/chunk.html") or extension ("html") -> type."""
    if "[Content_Types].xml" not in archive.namelist():
        return {}
    types = {}
    for entry in etree.fromstring(archive.read("[Content_Types].xml"), _PARSER):
        key = entry.get("PartName") or (entry.get("Extension") or "").lower()
        types[key] = entry.get("ContentType", "")
    return types


def _font_names(body: Any) -> Iterator[str]:
    for fonts in body.iter(_RFONTS):
        yield from (fonts.get(_ASCII) or "", fonts.get(_HANSI) or "")


def _page_header(parts: _Parts, typed: dict[Any, str]) -> Header | None:
    """The ND30 header typed in the page header (printed on every page) when the body has none:
    its lines go through the same header rule as the body's."""
    for part in parts.page_headers:
        walk = _Walk(styles=parts.styles, typed=typed)
        walk.blocks(part)
        walk.flush()
        header = walk.header or outline.header_from_lines(walk.lines)[0]
        if "agency_name" in outline.header_fields(header, shown_page=False):
            return header
    return None


# -- legacy encodings -----------------------------------------------------------------------


def _unlegacy(parts: _Parts) -> dict[Any, str]:
    """Convert, in place, the text of every run typed in a TCVN3 (.VnTime) or VNI font to
    Unicode as the font draws it, so headings, the header and the tables read as the agency
    wrote them; returns each converted `w:t`'s text as typed. A letter beyond Latin-1 is not
    the font's (Word draws it with another font) and is kept."""
    typed: dict[Any, str] = {}
    fonts = _StyleFonts(parts.styles_part)
    for root in (parts.body, *parts.page_headers):
        for run in root.iter(_R):
            texts = [t for t in run.iterchildren(_T) if _maybe_legacy(t.text)]
            encoding = font_encoding(fonts.of(run)) if texts else None
            if encoding is None:
                continue
            for t in texts:
                converted = convert(t.text, encoding)
                if converted != t.text:
                    typed[t] = t.text
                    t.text = converted
    return typed


@dataclass
class _StyleFonts:
    """The font a run is shown in: its own, else its character style's, its paragraph style's,
    the document default's (each style through the styles it is based on)."""

    styles: Any
    by_id: dict[str, Any] = field(default_factory=dict)
    default: str | None = None
    paragraph_default: str = "Normal"  # the style of a paragraph that names none

    def __post_init__(self) -> None:
        if self.styles is None:
            return
        for style in self.styles.iterchildren(qn("w:style")):
            self.by_id[style.get(qn("w:styleId")) or ""] = style
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in (
                "1",
                "true",
                "on",
            ):
                self.paragraph_default = style.get(qn("w:styleId")) or "Normal"
        fonts = self.styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.default = _fonts_in(fonts)

    def of(self, run: Any) -> str | None:
        properties = run.find(_RPR)
        own = _fonts_in(properties)
        if own:
            return own
        style = properties.find(qn("w:rStyle")) if properties is not None else None
        if style is not None and (found := self.style_font(style.get(_VAL))):
            return found
        paragraph = next(run.iterancestors(_P), None)
        style = paragraph.find(f"{qn('w:pPr')}/{_PSTYLE}") if paragraph is not None else None
        named = style.get(_VAL) if style is not None else self.paragraph_default
        if found := self.style_font(named):
            return found
        return self.default

    def style_font(self, style_id: str | None) -> str | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                return None
            if found := _fonts_in(style.find(_RPR)):
                return found
            based = style.find(qn("w:basedOn"))
            style_id = based.get(_VAL) if based is not None else None
        return None


def _fonts_in(properties: Any) -> str | None:
    fonts = properties.find(_RFONTS) if properties is not None else None
    if fonts is None:
        return None
    return fonts.get(_ASCII) or fonts.get(_HANSI) or None


def _as_typed(fields: dict[str, TextField], originals: dict[str, str]) -> dict[str, TextField]:
    """The agency's sentences (mục I.1...) as typed, legacy encoding and all, as a workbook's
    cells are: validation converts TCVN3 and warns (`legacy_encoding`), as it does for Excel.
    Only what thd matches against the form (headings, the header, tables) is read converted."""
    if not originals:
        return fields
    out = dict(fields)
    for key in form.NARRATIVE_KEYS:
        found = fields.get(key)
        if found is None:
            continue
        lines = found.value.split("\n")
        if any(line in originals for line in lines):
            typed = "\n".join(originals.get(line, line) for line in lines)
            out[key] = replace(found, value=typed)
    return out


_CORRUPT = "Không mở được tệp Word (tệp bị hỏng): mở bằng Word/LibreOffice rồi lưu lại dạng .docx."
# No entity is expanded and no DTD or network is looked at: a report never needs them.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
# A damaged package fails in zipfile (bad CRC, truncated deflate, an unknown compression) or in
# lxml: all mean the file is damaged.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    KeyError,
    ValueError,
    OSError,
    EOFError,
    etree.LxmlError,
)
_OFFICE_DOCUMENT = "/officeDocument"
_STYLES = "/styles"
_NUMBERING = "/numbering"


@dataclass
class _Parts:
    body: Any
    styles: frozenset[str]  # the strong paragraph styles
    styles_part: Any  # the styles part, when it was needed
    page_headers: list[Any]  # the first section's page headers, the one printed first first
    numbering: Any = None  # the numbering part, when the body numbers paragraphs
    chunks: list[_Chunk] = field(default_factory=list)  # embedded documents (w:altChunk)


def _open(data: bytes) -> _Parts:
    """The document's body element, its strong paragraph styles and its page headers.

    Only the parts needed are unzipped and parsed (python-docx's Document() loads every part
    and wraps every style: about 15 ms of a report's 20 ms budget); the styles part only when
    the body refers to a paragraph style or may be typed in a legacy font."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            _check_package(archive)
            main = _target(archive, "_rels/.rels", "", _OFFICE_DOCUMENT)
            if main is None:
                raise DocumentError("docx_corrupt", _CORRUPT)
            body = etree.fromstring(archive.read(main), _PARSER).find(qn("w:body"))
            if body is None:
                raise DocumentError("docx_corrupt", _CORRUPT)
            headers = _page_headers(archive, main, body)
            used = {e.get(_VAL) for e in body.iter(_PSTYLE)}
            latin = any(_maybe_legacy(t.text) for root in (body, *headers) for t in root.iter(_T))
            styles = _styles_part(archive, main) if used or latin else None
            numbering = _part(archive, main, _NUMBERING) if used or _has(body, _NUMPR) else None
            chunks = _chunks(archive, main, body)
    except _ZIP_ERRORS:
        raise DocumentError("docx_corrupt", _CORRUPT) from None
    return _Parts(body, _strong_styles(styles), styles, headers, numbering, chunks)


def _has(root: Any, tag: str) -> bool:
    return next(root.iter(tag), None) is not None


def _maybe_legacy(text: str | None) -> bool:
    """Text with a Latin-1 letter, which a TCVN3 or VNI font draws as a Vietnamese one."""
    return text is not None and any(0x80 <= ord(ch) <= 0xFF for ch in text)


_HEADER_TYPES = ("first", "default", "even")


def _page_headers(archive: zipfile.ZipFile, main: str, body: Any) -> list[Any]:
    """The page headers of the document's first section: its first page's (when it has one of
    its own), then the default one."""
    section = next(body.iter(qn("w:sectPr")), None)
    if section is None:
        return []
    references = {
        ref.get(qn("w:type")) or "default": ref.get(qn("r:id"))
        for ref in section.iterchildren(qn("w:headerReference"))
    }
    if not _on(section.find(qn("w:titlePg"))):
        references.pop("first", None)
    wanted = [references[kind] for kind in _HEADER_TYPES if references.get(kind)]
    if not wanted:
        return []
    folder, _, name = main.rpartition("/")
    targets = _relations(
        archive, f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels", folder
    )
    parts = []
    for rid in wanted:
        part = targets.get(rid)
        if part and part in archive.namelist():
            parts.append(etree.fromstring(archive.read(part), _PARSER))
    return parts


def _relations(archive: zipfile.ZipFile, rels: str, folder: str) -> dict[str, str]:
    """A part's internal relationships: id -> the part's name inside the archive."""
    if rels not in archive.namelist():
        return {}
    found = {}
    for relation in etree.fromstring(archive.read(rels), _PARSER):
        target = relation.get("Target", "")
        if relation.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[relation.get("Id", "")] = posixpath.normpath(path)
    return found


def _styles_part(archive: zipfile.ZipFile, main: str) -> Any:
    return _part(archive, main, _STYLES)


def _part(archive: zipfile.ZipFile, main: str, kind: str) -> Any:
    """The main part's related part of type `kind`, parsed; None when there is none."""
    folder, _, name = main.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    part = _target(archive, rels, folder, kind)
    return etree.fromstring(archive.read(part), _PARSER) if part else None


def _target(archive: zipfile.ZipFile, rels: str, folder: str, kind: str) -> str | None:
    """The part a relationship of type `kind` points to, as a name inside the archive."""
    if rels not in archive.namelist():
        return None
    for relation in etree.fromstring(archive.read(rels), _PARSER):
        if relation.get("Type", "").endswith(kind) and relation.get("TargetMode") != "External":
            target = relation.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            return posixpath.normpath(path)
    return None


def _check_package(archive: zipfile.ZipFile) -> None:
    sizes = [(i.filename, i.file_size) for i in archive.infolist()]
    parts = [size for name, size in sizes if name.endswith((".xml", ".rels"))]
    if (
        any(size > MAX_PART_BYTES for size in parts)
        or sum(s for _, s in sizes) > MAX_UNPACKED_BYTES
    ):
        raise DocumentError(
            "docx_too_large", "Tệp Word quá lớn để là một báo cáo: kiểm tra lại tệp gửi về."
        )


def _strong_styles(styles: Any) -> frozenset[str]:
    """Ids of paragraph styles that make a heading: Heading/Title styles and bold styles."""
    if styles is None:
        return frozenset()
    strong = set()
    for style in styles.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        label = (name.get(_VAL) if name is not None else "") or ""
        bold = _on(style.find(f"{qn('w:rPr')}/{qn('w:b')}"))
        if label.lower().startswith(("heading", "title")) or bold:
            strong.add(style.get(qn("w:styleId")))
    return frozenset(strong)


# -- automatic numbering ---------------------------------------------------------------------

_NUMPR, _NUMID, _ILVL = qn("w:numPr"), qn("w:numId"), qn("w:ilvl")
_LVL, _START = qn("w:lvl"), qn("w:start")
_NUM_FORMAT, _LVL_TEXT = qn("w:numFmt"), qn("w:lvlText")
_PLACEHOLDER = re.compile(r"%([1-9])")
_BULLETS = "-+*•–—"  # a bullet the outline reads as one; Symbol/Wingdings glyphs are drawn "•"


@dataclass(frozen=True)
class _Level:
    start: int
    format: str  # w:numFmt: "decimal", "upperRoman", "lowerLetter", "bullet"...
    text: str  # w:lvlText: "%1.", "%2)", "-"
    style: str | None = None  # the paragraph style this level is linked to (w:pStyle)


class _Numbering:
    """Word's automatic numbering (w:numPr): the "I.", "1.", "a)" or "-" Word draws before a
    numbered paragraph is in numbering.xml, not in the paragraph's text. A report whose
    headings are numbered this way reads "Công tác chỉ đạo..." as a plain line, not as the
    heading "1. Công tác chỉ đạo..." the clerk sees (trial 2026-12-02c)."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.by_style: dict[str, tuple[str | None, int | None, str | None]] = {}
        if numbering is not None:
            self._read(numbering)
        if styles is not None and self.levels:
            self._read_styles(styles)

    def _read(self, numbering: Any) -> None:
        abstract = {
            node.get(qn("w:abstractNumId")): _levels(node)
            for node in numbering.iterchildren(qn("w:abstractNum"))
        }
        for num in numbering.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(_VAL) if ref is not None else None) or {})
            for override in num.iterchildren(qn("w:lvlOverride")):
                level = _int(override.get(_ILVL), 0)
                own = override.find(_LVL)
                if own is not None:
                    levels.update(_levels(override))
                start = override.find(qn("w:startOverride"))
                if start is not None and level in levels:
                    levels[level] = replace(levels[level], start=_int(start.get(_VAL), 1))
            self.levels[num.get(_NUMID) or ""] = levels

    def _read_styles(self, styles: Any) -> None:
        for style in styles.iterchildren(qn("w:style")):
            numbered = style.find(f"{qn('w:pPr')}/{_NUMPR}")
            based = style.find(qn("w:basedOn"))
            number = _numbering_of(numbered) if numbered is not None else (None, None)
            parent = based.get(_VAL) if based is not None else None
            self.by_style[style.get(qn("w:styleId")) or ""] = (*number, parent)

    def write_labels(self, body: Any) -> None:
        """Put each numbered paragraph's label in front of its text, counting in document
        order as Word does; an empty numbered paragraph counts but gets no text."""
        if not self.levels:
            return
        for paragraph in body.iter(_P):
            if next(paragraph.iterancestors(_FALLBACK), None) is not None:
                continue  # a text box's VML copy: its paragraphs are counted in the original
            label = self.label(paragraph)
            # A table cell's number is not its text: "1. Tập huấn" would match no catalogue item.
            in_cell = next(paragraph.iterancestors(_TC), None) is not None
            if label and not in_cell and _paragraph_text(paragraph).strip():
                _prefix(paragraph, label)

    def label(self, paragraph: Any) -> str:
        num_id, level_no = self._numbering(paragraph)
        levels = self.levels.get(num_id or "")
        if not levels or level_no not in levels:
            return ""
        counters = self.counters.setdefault(num_id or "", {})
        level = levels[level_no]
        counters[level_no] = counters.get(level_no, level.start - 1) + 1
        for deeper in [n for n in counters if n > level_no]:
            del counters[deeper]
        if level.format == "none":
            return ""
        if level.format == "bullet":
            return level.text if level.text in _BULLETS else "•"
        return _PLACEHOLDER.sub(
            lambda m: self._shown(levels, counters, int(m.group(1)) - 1), level.text
        ).strip()

    def _shown(self, levels: dict[int, _Level], counters: dict[int, int], number: int) -> str:
        level = levels.get(number)
        if level is None:
            return ""
        return _formatted(counters.get(number, level.start), level.format)

    def _numbering(self, paragraph: Any) -> tuple[str | None, int]:
        """The paragraph's list and level: its own w:numPr, else its style's (through the
        styles it is based on); numId 0 switches numbering off."""
        properties = paragraph.find(qn("w:pPr"))
        own = properties.find(_NUMPR) if properties is not None else None
        num_id, level = _numbering_of(own) if own is not None else (None, None)
        style = properties.find(_PSTYLE) if properties is not None else None
        style_id = style.get(_VAL) if style is not None else None
        seen: set[str] = set()
        while style_id and style_id not in seen and (num_id is None or level is None):
            seen.add(style_id)
            style_num, style_level, parent = self.by_style.get(style_id, (None, None, None))
            if num_id is None and style_num is not None:
                num_id = style_num
                level = level if level is not None else style_level
                if level is None:  # the list's level linked to this style
                    levels = self.levels.get(style_num, {})
                    level = next((n for n, lv in levels.items() if lv.style == style_id), None)
            style_id = parent
        if num_id is None or num_id == "0":
            return None, 0
        return num_id, level or 0


def _numbering_of(numbered: Any) -> tuple[str | None, int | None]:
    num_id, level = numbered.find(_NUMID), numbered.find(_ILVL)
    return (
        num_id.get(_VAL) if num_id is not None else None,
        _int(level.get(_VAL), 0) if level is not None else None,
    )


def _levels(node: Any) -> dict[int, _Level]:
    levels = {}
    for lvl in node.iterchildren(_LVL):
        start, kind, text = lvl.find(_START), lvl.find(_NUM_FORMAT), lvl.find(_LVL_TEXT)
        style = lvl.find(_PSTYLE)
        levels[_int(lvl.get(_ILVL), 0)] = _Level(
            _int(start.get(_VAL), 1) if start is not None else 1,
            (kind.get(_VAL) if kind is not None else None) or "decimal",
            (text.get(_VAL) if text is not None else None) or "",
            style.get(_VAL) if style is not None else None,
        )
    return levels


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _formatted(number: int, kind: str) -> str:
    """A counter as the level's number format shows it (any other format: decimal)."""
    if kind in ("upperRoman", "lowerRoman") and number > 0:
        roman = ""
        for value, letters in _ROMAN:
            count, number = divmod(number, value)
            roman += letters * count
        return roman if kind == "upperRoman" else roman.lower()
    if kind in ("upperLetter", "lowerLetter") and number > 0:
        # Word repeats the letter past z: a..z, aa..zz
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if kind == "upperLetter" else letter
    if kind == "decimalZero":
        return f"{number:02d}"
    return str(number)


def _prefix(paragraph: Any, label: str) -> None:
    """Insert the label as the paragraph's first run, shown like its first run (bold or not)."""
    first = next((r for r in paragraph.iter(_R) if r.find(_T) is not None), None)
    run = etree.SubElement(paragraph, _R)
    if first is not None and first.find(_RPR) is not None:
        run.append(copy.deepcopy(first.find(_RPR)))
    text = etree.SubElement(run, _T)
    text.text = f"{label} "
    paragraph.remove(run)
    properties = paragraph.find(qn("w:pPr"))
    if properties is not None:
        properties.addnext(run)
    else:
        paragraph.insert(0, run)


# -- the walk -------------------------------------------------------------------------------


@dataclass
class _Walk:
    styles: frozenset[str]
    typed: dict[Any, str] = field(default_factory=dict)  # converted `w:t` -> its text as typed
    originals: dict[str, str] = field(default_factory=dict)  # converted line -> line as typed
    lines: list[Line] = field(default_factory=list)
    tables: list[TextTable] = field(default_factory=list)
    header: Header | None = None
    signature: list[str] = field(default_factory=list)
    cells: int = 0
    last_table: TextTable | None = None  # the data table just read, if nothing followed it
    just_written: bool = False  # the last block was a paragraph with text: a table's caption?
    tabbed: list[tuple[Any, str]] = field(default_factory=list)  # paragraphs of tab-separated cells

    def blocks(self, body: Any) -> None:
        for element in _block_elements(body):
            if element.tag == _P:
                self.paragraph(element)
            else:
                self.table(element)

    def paragraph(self, element: Any) -> None:
        for box in _text_boxes(element):  # where it is anchored: "SỞ NỘI VỤ" in a box on top
            self.blocks(box)
        text = _paragraph_text(element)
        if text.count("\t") >= _TAB_CELLS and "\n" not in text and not self.typed:
            self.tabbed.append((element, text))
            return
        self.flush()
        self.written(element)

    def flush(self) -> None:
        """The tab-separated lines just read: a table converted to text (Word's "Convert to
        Text": its header with STT, a row per paragraph) is read as a table; other lines with
        tabs ("UBND TỈNH\t\tCỘNG HÒA...") as the lines they are."""
        tabbed, self.tabbed = self.tabbed, []
        rows = [[outline.clean(cell) for cell in text.split("\t")] for _, text in tabbed]
        table = _tab_table(len(self.tables) + 1, rows) if len(rows) >= 2 else None
        if table is not None:
            self.tables.append(replace(table, caption=self.caption()))
            self.last_table = None
            self.just_written = False
            return
        for element, _ in tabbed:
            self.written(element)

    def written(self, element: Any) -> None:
        strong = _is_strong(element, self.styles)
        texts = _paragraph_text(element).split("\n")
        typed = _paragraph_text(element, self.typed).split("\n") if self.typed else texts
        for text, as_typed in zip(texts, typed, strict=True):
            if text.strip():
                line = outline.clean(text)
                self.lines.append(Line(line, strong))
                if as_typed != text:
                    self.originals[line] = outline.clean(as_typed)
                self.last_table = None  # text between two tables: the second is not a sequel
                self.just_written = True

    def table(self, element: Any) -> None:
        self.flush()
        columns = _column_paragraphs(element)
        if self.header is None and not self.lines and _is_header(columns):
            self.header = Header(left=columns[0], right=columns[-1])
        elif self.lines and _is_signature(columns):
            self.signature = columns[-1]
            self.last_table = None
        else:
            self.data_table(element, self.caption())
        self.just_written = False

    def caption(self) -> str:
        """The short line right above a data table is its caption (“a) Tổ chức các hoạt động
        hưởng ứng”), never quoted as the agency's text (trial 2026-12-01d) and the table's name
        in its locations; a sentence (final full stop) or a line further up never is one."""
        last = self.lines[-1] if self.just_written and self.lines else None
        if last is None or not outline.is_caption(last.text):
            return ""
        self.lines[-1] = replace(last, caption=True)
        return outline.caption_name(last.text)

    def data_table(self, element: Any, caption: str = "") -> None:
        grid = _Grid()
        nested = grid.read(element)
        self.cells += sum(len(row) for row in grid.rows)
        if self.cells > MAX_CELLS:
            raise DocumentError("docx_too_large", "Tệp Word có quá nhiều ô bảng để là một báo cáo.")
        if not nested or any(any(row) for row in grid.rows):  # not a mere layout frame
            read = replace(grid.table(len(self.tables) + 1), caption=caption)
            table = continuation(read, self.last_table)
            self.tables.append(table)
            self.last_table = table
        for inner in nested:
            self.last_table = None  # a table in a cell is not the sequel of the one around it
            self.data_table(inner)


def _block_elements(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order; content controls (`w:sdt`) opened into their content."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _block_elements(content)


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """The text boxes anchored in the paragraph, each once: a DrawingML box's VML copy (in
    mc:Fallback) is skipped, and a box inside a box is read with the box around it."""
    for box in paragraph.iter(_TXBX):
        around = set()
        for ancestor in box.iterancestors():
            if ancestor is paragraph:
                break
            around.add(ancestor.tag)
        if _FALLBACK not in around and _TXBX not in around:
            yield box


def _paragraph_text(element: Any, typed: dict[Any, str] | None = None) -> str:
    """The paragraph's text as Word prints it (as typed, with `typed`: the converted `w:t`s'
    text before conversion); text boxes anchored in it are not its text, nor hidden text
    (Font > Hidden: a template's guidance, a figure hidden rather than deleted), and a
    non-breaking hyphen (Ctrl+Shift+-, "LĐ‑TB&XH") is the hyphen it shows."""
    boxed = element.find(f".//{_TXBX}") is not None
    out: list[str] = []
    for node in element.iter(_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN):
        if boxed and next(node.iterancestors(_TXBX), None) is not None:
            continue
        if _hidden(node.getparent()):
            continue
        if node.tag == _T:
            out.append(typed.get(node, node.text or "") if typed else node.text or "")
        else:
            out.append(_SHOWN[node.tag])
    return "".join(out)


_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_SHOWN = {_TAB: "\t", _BR: "\n", _CR: "\n", _NO_BREAK_HYPHEN: "-"}
_VANISH = f"{_RPR}/{qn('w:vanish')}"


def _hidden(run: Any) -> bool:
    """A run formatted as hidden text (its own w:vanish): not printed, not read."""
    return run is not None and run.tag == _R and _on(run.find(_VANISH))


def _is_strong(element: Any, styles: frozenset[str]) -> bool:
    style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if style is not None and style.get(_VAL) in styles:
        return True
    runs = [r for r in element.iterchildren(qn("w:r")) if r.find(_T) is not None]
    return bool(runs) and all(_on(r.find(f"{qn('w:rPr')}/{qn('w:b')}")) for r in runs)


def _on(flag: Any) -> bool:
    return flag is not None and flag.get(_VAL) not in ("0", "false", "off")


# -- header and signature tables ------------------------------------------------------------


def _column_paragraphs(table: Any) -> list[list[str]]:
    """Each grid column's paragraphs, top to bottom (for the header and signature blocks)."""
    columns: list[list[str]] = []
    for tr in table.iterchildren(_TR):
        for position, tc in enumerate(tr.iterchildren(_TC)):
            while len(columns) <= position:
                columns.append([])
            # A line break inside a paragraph (Shift+Enter: "UBND TỈNH BẮC KẠN" / "SỞ Y TẾ")
            # separates lines as a new paragraph does.
            parts = (part for p in tc.iterchildren(_P) for part in _paragraph_text(p).split("\n"))
            columns[position].extend(t for t in (nfc(part) for part in parts) if t)
    return columns


def _is_header(columns: list[list[str]]) -> bool:
    if len(columns) < 2:
        return False
    keys = [loose_key(t) for column in columns for t in column]
    return any(k.startswith(("cong hoa xa hoi", "doc lap")) for k in keys) or any(
        outline.NUMBER_LINE.match(t) for t in columns[0]
    )


def _is_signature(columns: list[list[str]]) -> bool:
    if not columns or len(columns) > 3 or sum(len(c) for c in columns) > 40:
        return False
    texts = [t for column in columns for t in column]
    return any(loose_key(t).startswith("noi nhan") for t in texts) or any(
        outline.is_signature_start(t) for t in columns[-1]
    )


_TAB_CELLS = 3  # tabs in a paragraph that may be a row of a table converted to text


def _tab_table(index: int, rows: list[list[str]]) -> TextTable | None:
    """Rows of a table converted to text on the table's grid, if they are one: a header with
    STT, and every other row one cell per tab of the grid. Word writes a merged cell once: a
    header row short of the grid ("STT | Hoạt động | Số cuộc | Số người tham gia | Cấp triển
    khai" over "| | | Nam | Nữ |") has its cell over the sub-header's labels widened across
    them, as the table had it (trial 2026-12-02c). Lines aligned by hand with extra tabs are
    no grid (a figure would be read in another column): they stay lines."""
    if not any(loose_key(cell) == "stt" for cell in rows[0]):
        return None
    width = max(len(row) for row in rows)
    across: set[tuple[int, int]] = set()
    grid = []
    for r, row in enumerate(rows):
        below = rows[r + 1] if r + 1 < len(rows) else []
        missing = width - len(row)
        if missing:
            start = _spanning(row, below, missing)
            if start is None:
                return None  # a row off the grid: cells would shift into other columns
            row = [*row[: start + 1], *[""] * missing, *row[start + 1 :]]
            across.update((r, c) for c in range(start + 1, start + 1 + missing))
        grid.append(row)
    return TextTable(index, None, grid, merged_across=across)


def _spanning(row: list[str], below: list[str], missing: int) -> int | None:
    """The cell of `row` that spans `missing` more columns: the one over the first run of
    labels in `below` wider than a cell (Nam, Nữ under "Số người tham gia")."""
    if len(below) != len(row) + missing:
        return None
    for start in range(len(row)):
        labels = below[start : start + missing + 1]
        if row[start] and all(labels) and not any(label.isdigit() for label in labels):
            return start
    return None


# -- data tables ----------------------------------------------------------------------------


@dataclass
class _Grid:
    rows: list[list[str]] = field(default_factory=list)
    across: set[tuple[int, int]] = field(default_factory=set)
    down: set[tuple[int, int]] = field(default_factory=set)

    def read(self, table: Any) -> list[Any]:
        """Fill the grid; returns the tables nested in its cells, to be read after it."""
        nested: list[Any] = []
        for r, tr in enumerate(table.iterchildren(_TR)):
            column = _int_property(tr, "w:trPr", "w:gridBefore", 0)
            row = [""] * column
            for tc in tr.iterchildren(_TC):
                span = max(1, _int_property(tc, "w:tcPr", "w:gridSpan", 1))
                self.cell(r, column, span, tc, row)
                nested.extend(tc.iterchildren(_TBL))
                column += span
            self.rows.append(row)
        return nested

    def cell(self, r: int, column: int, span: int, tc: Any, row: list[str]) -> None:
        merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        if merge is not None and merge.get(_VAL, "continue") == "continue":
            self.down.update((r, c) for c in range(column, column + span))
            row.append("")
        else:
            row.append(_cell_text(tc))
        row.extend([""] * (span - 1))
        self.across.update((r, c) for c in range(column + 1, column + span))

    def table(self, index: int) -> TextTable:
        width = max((len(row) for row in self.rows), default=0)
        rows = [row + [""] * (width - len(row)) for row in self.rows]
        return TextTable(index, None, rows, self.across, self.down)


def _cell_text(tc: Any) -> str:
    """The cell's own paragraphs (a nested table is read as a table of its own)."""
    texts = [nfc(_paragraph_text(p)) for p in _block_elements(tc) if p.tag == _P]
    return "\n".join(t for t in texts if t)


def _int_property(element: Any, container: str, name: str, default: int) -> int:
    node = element.find(f"{qn(container)}/{qn(name)}")
    try:
        return int(node.get(_VAL)) if node is not None else default
    except (TypeError, ValueError):
        return default
