"""A docxtpl template whose rendered body is parsed once, inside its own document, in linear time.

docxtpl parses the rendered body as a tree of its own and moves it into the document
(`map_tree`: `root.replace(body, tree)`). Moving a tree between lxml documents re-resolves the
namespace of every `xml:space` attribute, in time growing with the square of their number: most
of the time of a report with thousands of agencies. Here the rendered body is spliced into the
document part's own XML text and parsed once, with python-docx's element classes, and the part
takes the new tree. The output is byte for byte what docxtpl writes:

- the body's namespace declarations, redundant with the root's, are dropped as lxml drops them
  when it moves the body in;
- docxtpl's table fixing (grid columns added or removed after `{%tc %}` loops) is kept: where a
  table may need it, docxtpl fixes a copy of the body and its table grids are taken over;
- anything unusual (XML the parser had to repair, a namespace under another prefix, tables that
  do not line up) takes docxtpl's own path.

`KeptEnvironment` keeps the shipped template compiled between runs, in Jinja's own bytecode
cache: Jinja's compile of the template's XML is 35-55 ms of every `thd consolidate`.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import re
from typing import Any, NamedTuple

import jinja2
from docxtpl import DocxTemplate
from jinja2 import FileSystemBytecodeCache, FunctionLoader
from jinja2.bccache import Bucket
from lxml import etree

# docxtpl turns tab, \a, line feed and form feed inside rendered text into Word runs by
# re-parsing every paragraph with regular expressions. thd's context never holds them, so the
# pass is skipped when the text has none.
_LISTING_CHARACTER = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")
_START_TAG = re.compile(r"\s*<([^\s>/]+)((?:\s+[^\s=>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*>")
_ATTRIBUTE = re.compile(r"\s+([^\s=>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CHUNK = 1 << 20  # characters fed to the parser at a time, so the body is never copied whole
_MARKER = "thd-rendered-body"


class FastTemplate(DocxTemplate):  # type: ignore[misc]  # docxtpl ships no types
    """DocxTemplate with a linear body replacement; same output."""

    docx: Any  # python-docx's Document, opened by init_docx()

    def resolve_listing(self, xml: str) -> str:
        if not _LISTING_CHARACTER.search(xml):
            return xml
        return str(super().resolve_listing(xml))

    def fix_tables(self, xml: str) -> Any:
        """The rendered part as one tree (its root), or docxtpl's fixed body when it must do it."""
        root = _parse_spliced(self.docx._element, xml)
        if root is None:
            return super().fix_tables(xml)
        fits = all(_grid_fits(table) for table in root.iter(_w(root, "tbl")))
        if not fits and not _take_fixed_grids(root, super().fix_tables(xml)):
            return super().fix_tables(xml)
        return root

    def fix_docpr_ids(self, tree: Any) -> None:
        # python-docx's elements take no `namespaces=` in xpath(); docxtpl's renumbering does.
        super().fix_docpr_ids(_XPathView(tree))

    def map_tree(self, tree: Any) -> None:
        if tree.tag != self.docx._element.tag:  # docxtpl's own body tree
            super().map_tree(tree)
            return
        part = self.docx.part
        part._element = tree
        self.docx = part.document


class _XPathView:
    """An element seen through lxml's own XPath, as docxtpl queries it."""

    def __init__(self, element: Any) -> None:
        self.element = element

    def xpath(self, path: str, namespaces: dict[str, str]) -> Any:
        return etree.XPath(path, namespaces=namespaces)(self.element)


def _w(element: Any, local: str) -> str:
    return f"{{{element.nsmap['w']}}}{local}"


def _parse_spliced(root: Any, body_xml: str) -> Any:
    """The document part with `body_xml` as its body, parsed once; None where it would differ."""
    opening = _START_TAG.match(body_xml)
    if opening is None or root.body is None:
        return None
    kept = _kept_declarations(root, opening.group(2))
    if kept is None:
        return None
    before, after = _around_body(root)
    parser = etree.XMLParser(recover=True, resolve_entities=False)
    parser.set_element_class_lookup(_docx_lookup())
    parser.feed(before)
    parser.feed(f"<{opening.group(1)}{kept}>")
    for start in range(opening.end(), len(body_xml), _CHUNK):
        parser.feed(body_xml[start : start + _CHUNK])
    parser.feed(after)
    spliced = parser.close()
    return None if len(parser.error_log) else spliced


def _kept_declarations(root: Any, attributes: str) -> str | None:
    """The body's attributes without the namespace declarations lxml strips on the move.

    lxml strips a declaration whose URI a parent declares; under another prefix it would also
    rename the prefix: None then.
    """
    declared = {uri: prefix for prefix, uri in root.nsmap.items()}
    kept = []
    for found in _ATTRIBUTE.finditer(attributes):
        name, value = (
            found.group(1),
            found.group(2) if found.group(2) is not None else found.group(3),
        )
        if name == "xmlns" or name.startswith("xmlns:"):
            prefix = name.partition(":")[2] or None
            if value in declared:
                if declared[value] != prefix:
                    return None
                continue
        kept.append(found.group(0))
    return "".join(kept)


def _around_body(root: Any) -> tuple[str, str]:
    """The part's XML text before and after its body (the template's, not the rendered one)."""
    body = root.body
    marker = etree.Comment(_MARKER)
    root.replace(body, marker)  # within one document: no namespace work
    try:
        text = etree.tostring(root, encoding="unicode")
    finally:
        root.replace(marker, body)
    before, _, after = text.partition(f"<!--{_MARKER}-->")
    return before, after


def _docx_lookup() -> Any:
    from docx.oxml.parser import element_class_lookup

    return element_class_lookup


def _grid_fits(table: Any) -> bool:
    """True when docxtpl's table fixing would leave this table as it is: it has a grid, and
    every row (nested tables' rows included, as docxtpl counts them) spans exactly the grid."""
    grid = table.find(_w(table, "tblGrid"))
    if grid is None:
        return False
    columns = len(grid.findall(_w(table, "gridCol")))
    rows = list(table.iter(_w(table, "tr")))
    # The tags once per table: `nsmap` builds a dict at every call (a report's cells: ~10 ms).
    tags = _CellTags(*(_w(table, local) for local in ("tc", "tcPr", "gridSpan", "val")))
    return bool(rows) and all(_row_span(row, tags) == columns for row in rows)


class _CellTags(NamedTuple):
    tc: str
    properties: str
    grid_span: str
    value: str


def _row_span(row: Any, tags: _CellTags) -> int | None:
    span = 0
    for cell in row.findall(tags.tc):
        properties = cell.find(tags.properties)
        grid_span = None if properties is None else properties.find(tags.grid_span)
        if grid_span is None:
            span += 1
            continue
        value = grid_span.get(tags.value)
        if value is None or not value.isdigit() or int(value) < 1:
            return None
        span += int(value)
    return span


def _take_fixed_grids(root: Any, fixed_body: Any) -> bool:
    """Put the grids of docxtpl's fixed copy of the body into `root`'s tables, in order.

    The grids are small (one element per column): moving them between documents costs nothing.
    """
    tables = list(root.iter(_w(root, "tbl")))
    fixed = list(fixed_body.iter(_w(fixed_body, "tbl")))
    if len(tables) != len(fixed):
        return False
    for table, fixed_table in zip(tables, fixed, strict=True):
        grid, fixed_grid = table.find(_w(table, "tblGrid")), fixed_table.find(_w(table, "tblGrid"))
        if grid is None or fixed_grid is None:
            return False
        table.replace(grid, fixed_grid)
    return True


# Where compiled templates are kept: None is Jinja's own directory, in the system's temporary
# folder (on POSIX a directory of the user's own, mode 0700, which Jinja checks).
CACHE_DIRECTORY: str | None = None
# What a damaged or unreadable cache file raises as it is read; the template is compiled then.
_UNREADABLE = (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError)


class KeptEnvironment(jinja2.Environment):
    """A Jinja environment whose `from_string` (what docxtpl calls for each part) takes the
    compiled template from Jinja's bytecode cache, keyed by the source and the options that
    change the compiled code, and compiles only on a miss. Without a usable cache directory it
    compiles as a plain Environment does; the rendered text is the same either way."""

    def __init__(self, **options: Any) -> None:
        self._sources: dict[str, str] = {}
        super().__init__(
            loader=FunctionLoader(self._sources.get),
            bytecode_cache=_bytecode_cache(),
            cache_size=0,  # each source is compiled or loaded once per render anyway
            **options,
        )

    def from_string(
        self, source: Any, globals: Any = None, template_class: Any = None
    ) -> jinja2.Template:
        if self.bytecode_cache is None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        # autoescape is set by docxtpl after the environment is made; the key is taken now.
        options = f"{jinja2.__version__}|{self.autoescape!r}|{sorted(self.extensions)}"
        name = hashlib.sha256(f"{options}|{source}".encode()).hexdigest()
        self._sources[name] = source
        return self.get_template(name, globals=globals)


class _QuietCache(FileSystemBytecodeCache):
    """Jinja's file cache, where a file that cannot be read or written is a miss, never an
    error: the report is rendered all the same."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except _UNREADABLE:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> _QuietCache | None:
    try:
        return _QuietCache(CACHE_DIRECTORY)
    except (OSError, RuntimeError):  # no temporary folder, or one that is not safely the user's
        return None
