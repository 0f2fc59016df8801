"""Consolidation -> the Word report, by rendering templates/baocao.docx with docxtpl.

Every value reaches the template as a ready-made Vietnamese string (numbers, dates, sentences), so
the template (built by scripts/build_report_template.py, or the officer's own) stays simple.
Rendering always uses `autoescape=True`: agency text such as `A & B <C>` must survive as text.
"""

from __future__ import annotations

import difflib
import html
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from thanghanhdong import compare, form
from thanghanhdong.completeness import AgencyStatus, State, issuer_agency
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import (
    MISSING,
    NO_GAPS,
    PARTIAL,
    AgencyFigures,
    Budget,
    ConsolidatedTable,
    Consolidation,
    Figures,
    Gaps,
    Narrative,
)
from thanghanhdong.report import labels, numbers, partone
from thanghanhdong.report.labels import (
    AGENCY_LABEL,
    SHEET_AGENCIES,
    SHEET_DOCUMENTS,
    SHEET_STATUS,
    SHEET_TEXTS,
    STATE_LABELS,
    TOTAL_LABEL,
    budget_label,
)
from thanghanhdong.resources import template_path
from thanghanhdong.text import printable

TEMPLATE_NAME = "baocao.docx"
DOCUMENT_NUMBER_BLANK = "      "  # left for the văn thư to write the number in
# Above this many agencies in the roster the appendices stop listing each agency (the default of
# the configuration key the pipeline passes on as `per_agency_appendices`).
PER_AGENCY_APPENDICES_UP_TO = 200

# Characters XML forbids, plus the ones docxtpl turns into breaks (\a paragraph, \f page).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEWLINES = re.compile(r"\r\n?|\n")


class TemplateError(Exception):
    """The officer's Word template cannot be used; the message is for the officer."""


# What opening a file that is not a usable .docx raises, besides python-docx's
# PackageNotFoundError (not a zip) and lxml's errors (damaged XML): ValueError (another Office
# file), KeyError (a missing part), zipfile's errors (damaged or unsupported archive), the OS's.
_LOAD_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    KeyError,
    zipfile.BadZipFile,
    NotImplementedError,
    EOFError,
    OSError,
)
# What a Jinja expression in an officer's template may raise while it is evaluated
# ({{ 1/0 }}, {{ date_line + 1 }}, {{ tables[0]|attr }}...).
_EXPRESSION_ERRORS: tuple[type[Exception], ...] = (
    ArithmeticError,
    TypeError,
    ValueError,
    LookupError,
    AttributeError,
)
_UNDEFINED = (
    (re.compile(r"^'([^']+)' is undefined"), "{}"),
    (re.compile(r"has no attribute '([^']+)'"), "{}"),
    (re.compile(r"has no element (.+)$"), "[{}]"),
)
_DEFAULT_TEMPLATE_HINT = (
    "chép mẫu gốc templates/baocao.docx rồi sửa, hoặc bỏ tùy chọn --template để dùng mẫu có sẵn"
)


def render_docx(
    consolidation: Consolidation,
    template: Path | None = None,
    *,
    per_agency_appendices: bool = True,
) -> bytes:
    """Render the report; `template` is the officer's own, else the shipped templates/baocao.docx.

    Without `per_agency_appendices` (a roster above PER_AGENCY_APPENDICES_UP_TO, see
    `wants_per_agency_appendices`), Phụ lục I, II and III keep their headings and totals but
    say that each agency's figures, status and text are in the summary workbook and the data
    file, so the report does not grow with the roster.

    Every failure of an officer's template becomes a TemplateError. The shipped template is
    tested with every variable defined, so a failure there is a bug and propagates.
    """
    context = build_context(consolidation, per_agency_appendices)
    if template is None:
        return _render(_load(template_path(TEMPLATE_NAME)), context)
    return _render_officer_template(template, context)


def _load(path: Path) -> Any:
    from thanghanhdong.report.fastdocx import FastTemplate

    document = FastTemplate(str(path))
    document.init_docx()  # opens the file now, so that a bad file is told apart from a bad tag
    return document


def _render(document: Any, context: dict[str, Any]) -> bytes:
    _fill(document, context, kept=True)
    _portrait_without_tables(document.docx)
    _unbroken(document)
    return _saved(document)


def _unbroken(document: Any) -> None:
    from thanghanhdong.report.widths import unbroken_tables  # python-docx: imported when rendering

    unbroken_tables(document.docx)


def _portrait_without_tables(document: Any) -> None:
    """ND30 allows landscape pages for wide tables only: a landscape section left without a
    table (Phụ lục I holding only the note that points to the workbook, above
    PER_AGENCY_APPENDICES_UP_TO agencies) is turned portrait like the rest of the report."""
    from docx.enum.section import WD_ORIENT

    for section, tables in zip(document.sections, _tables_per_section(document), strict=True):
        if section.orientation == WD_ORIENT.LANDSCAPE and not tables:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = section.page_height, section.page_width


def _tables_per_section(document: Any) -> list[int]:
    """How many tables each section of the body holds, in order."""
    from docx.oxml.ns import qn

    counts, tables = [], 0
    for child in document.element.body.iterchildren():
        tables += child.tag == qn("w:tbl")
        if child.tag == qn("w:sectPr") or child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            counts.append(tables)
            tables = 0
    return counts


def _fill(document: Any, context: dict[str, Any], *, kept: bool = False) -> None:
    """Render the template's parts. `kept`: the shipped template, compiled once and kept between
    runs (an officer's template is compiled each time, so its errors read as Jinja gives them)."""
    from jinja2 import Environment, StrictUndefined

    from thanghanhdong.report.fastdocx import KeptEnvironment

    # StrictUndefined: a misspelt variable in an officer's template is an error, never blank text.
    kind = KeptEnvironment if kept else Environment
    environment = kind(autoescape=True, undefined=StrictUndefined)
    document.render(context, jinja_env=environment, autoescape=True)


def _saved(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _render_officer_template(path: Path, context: dict[str, Any]) -> bytes:
    document = _open_officer_template(path)
    paragraphs = _template_paragraphs(document.docx)
    _check_tags_closed(path, paragraphs)
    kept = _landmarks(paragraphs)
    try:
        _fill(document, context)
    except _render_errors() as exc:
        raise TemplateError(_render_problem(path, exc, paragraphs, context)) from exc
    _check_landmarks(path, kept, _template_paragraphs(document.docx, headers=False))
    _unbroken(document)  # an officer's tables, as the shipped template's
    try:
        return _saved(document)
    except _render_errors() as exc:
        raise TemplateError(_render_problem(path, exc, paragraphs, context)) from exc


def _open_officer_template(path: Path) -> Any:
    if not path.is_file():
        raise TemplateError(
            f"Không tìm thấy mẫu báo cáo {path}: kiểm tra lại đường dẫn và tên tệp mẫu Word."
        )
    try:
        return _load(path)
    except _load_errors() as exc:
        raise TemplateError(
            f"Không mở được mẫu báo cáo {path}: tệp không phải Word .docx hoặc bị hỏng. "
            "Hãy chọn một tệp Word .docx (mẫu .doc cũ: mở bằng Word, lưu lại dạng "
            f"“Word Document (*.docx)”), hoặc {_DEFAULT_TEMPLATE_HINT}."
        ) from exc


def _load_errors() -> tuple[type[Exception], ...]:
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    return (PackageNotFoundError, etree.LxmlError, *_LOAD_ERRORS)


def _render_errors() -> tuple[type[Exception], ...]:
    from jinja2 import TemplateError as JinjaError
    from lxml import etree

    return (JinjaError, etree.LxmlError, *_EXPRESSION_ERRORS)


def _render_problem(
    path: Path, exc: Exception, paragraphs: Sequence[_Paragraph], context: dict[str, Any]
) -> str:
    """What went wrong while filling the officer's template in, and what to do about it."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import UndefinedError

    if isinstance(exc, UndefinedError):
        return _undefined_problem(path, _undefined_name(exc), paragraphs, context)
    if isinstance(exc, JinjaError):
        return (
            f"Mẫu báo cáo {path} có thẻ sai cú pháp ({exc.message}){_near(exc)}: "
            "hãy sửa thẻ {{ ... }} / {% ... %} trong mẫu."
        )
    if isinstance(exc, _EXPRESSION_ERRORS):
        return (
            f"Mẫu báo cáo {path} có thẻ không tính được ({_expression_problem(exc)}): "
            "hãy sửa hoặc xóa phép tính trong thẻ {{ ... }} đó."
        )
    return (
        f"Mẫu báo cáo {path} sau khi điền số liệu không còn là tệp Word hợp lệ: kiểm tra các "
        "thẻ {%p ... %}, {%tr ... %} (mỗi thẻ đứng riêng một đoạn hoặc một dòng bảng), "
        f"hoặc {_DEFAULT_TEMPLATE_HINT}."
    )


def _undefined_name(exc: Exception) -> str:
    """The missing name in Jinja's message: 'x' is undefined / has no attribute 'x' / element 9."""
    message = str(exc)
    for pattern, shown in _UNDEFINED:
        found = pattern.search(message)
        if found:
            return shown.format(found.group(1))
    return message


def _near(exc: Exception) -> str:
    """' ở đoạn “...”' when docxtpl kept the text around the faulty line of the template."""
    lineno = getattr(exc, "lineno", None)
    lines = list(getattr(exc, "docx_context", None) or [])
    index = (lineno or 0) - 1 - max((lineno or 0) - 4, 0)
    if not lineno or not 0 <= index < len(lines):
        return ""
    text = _clean(html.unescape(lines[index]))
    return f" ở đoạn “{text}”" if text else ""


def _expression_problem(exc: Exception) -> str:
    if isinstance(exc, ZeroDivisionError):
        return "chia cho 0"
    return f"{type(exc).__name__}: {exc}"


# ------------------------------------------------------------------------------ template checks
# An unclosed tag makes jinja read on into the following paragraphs, up to the next closing
# braces, and drop all of it from the report without an error: the tags are checked paragraph
# by paragraph before rendering, and the template's own fixed text after it.

_TAG_OPEN = re.compile(r"\{\{|\{%")
_TAG_CLOSE = re.compile(r"\}\}|%\}")
_CLOSER = {"{{": "}}", "{%": "%}"}
_WHOLE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_ANY_TAG_MARK = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_BLOCK_TAG = re.compile(r"\{%[-+]?\s*(?:(?:p|tr|tc|r)\s+)?(\w+)([^%]*)%\}")
_COMMENT_MARK = re.compile(r"\{#|#\}")
_BLOCKS = {"if", "for", "macro", "call", "filter", "block", "with", "raw", "autoescape"}
_W_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
_FIRST_WORDS = 10
_LOST_SHOWN = 3


class _Paragraph:
    """One paragraph of the template as Word shows it, and the part it is in (body, header)."""

    __slots__ = ("part", "text")

    def __init__(self, text: str, part: str) -> None:
        self.text = text
        self.part = part


def _template_paragraphs(document: Any, headers: bool = True) -> list[_Paragraph]:
    """Every paragraph of the body (tables included), then of the headers and footers."""
    parts = [("", document.element.body)]
    if headers:
        parts += _header_parts(document)
    return [
        _Paragraph(_paragraph_text(p), part) for part, element in parts for p in element.iter(_W_P)
    ]


def _header_parts(document: Any) -> list[tuple[str, Any]]:
    found = []
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in ("header", "footer") and not rel.is_external:
            label = "đầu trang" if kind == "header" else "chân trang"
            found.append((label, rel.target_part.element))
    return found


def _paragraph_text(element: Any) -> str:
    from docx.text.paragraph import Paragraph

    # the text needs no parent (python-docx only climbs to it for images, styles and parts)
    return str(Paragraph(element, None).text)  # type: ignore[arg-type]


def _check_tags_closed(path: Path, paragraphs: Sequence[_Paragraph]) -> None:
    for index, paragraph in enumerate(paragraphs):
        broken = _unclosed_tag(paragraph.text)
        if broken is not None:
            raise TemplateError(
                f"Mẫu báo cáo {path} có thẻ “{broken}” chưa đóng đúng "
                f"{_where(paragraphs, index, broken)}: thẻ {{{{ ... }}}} phải kết thúc bằng }}}}, "
                "thẻ {% ... %} bằng %}, ngay trong cùng đoạn đó. Hãy sửa thẻ trong Word rồi chạy "
                "lại; nếu để nguyên, mọi chữ sau thẻ đến thẻ kế tiếp sẽ mất khỏi báo cáo."
            )


def _unclosed_tag(text: str) -> str | None:
    """The first tag of `text` left open (or closed by the other kind's braces), as written."""
    position = 0
    while opening := _TAG_OPEN.search(text, position):
        closing = _TAG_CLOSE.search(text, opening.end())
        following = _TAG_OPEN.search(text, opening.end())
        if closing is None or (following is not None and following.start() < closing.start()):
            end = following.start() if following else len(text)
            return text[opening.start() : end].strip()
        if closing.group() != _CLOSER[opening.group()]:
            return text[opening.start() : closing.end()]
        position = closing.end()
    return None


def _where(paragraphs: Sequence[_Paragraph], index: int, tag: str) -> str:
    """'ở đoạn “first words…”', or after the previous paragraph's when this one is only tags."""
    paragraph = paragraphs[index]
    number = sum(1 for p in paragraphs[: index + 1] if p.part == paragraph.part)
    # the number counts the paragraphs in tables too: a paragraph of tags only needs it
    part = f" ({paragraph.part or 'thân văn bản'}, đoạn thứ {number} kể cả các đoạn trong bảng)"
    words = _first_words(paragraph.text.replace(tag, " ", 1))
    if words:
        return f"ở đoạn “{words}”{part}"
    for previous in reversed(paragraphs[:index]):
        words = _first_words(previous.text)
        if words and previous.part == paragraph.part:
            return f"ở đoạn ngay sau đoạn “{words}”{part}"
    return f"ở đoạn đầu tiên của mẫu{part}"


def _first_words(text: str) -> str:
    """The paragraph's start as Word shows it, tags included (a paragraph may be only tags)."""
    words = text.split()
    shown = " ".join(words[:_FIRST_WORDS])
    return shown + "…" if len(words) > _FIRST_WORDS else shown


def _undefined_problem(
    path: Path, name: str, paragraphs: Sequence[_Paragraph], context: dict[str, Any]
) -> str:
    found = _tag_using(name, paragraphs)
    tag = f"thẻ “{found[0]}” {found[1]}" if found else "thẻ"
    guess = _nearest_name(name, context)
    hint = f" (có phải ý bạn là “{guess}”?)" if guess else " (có thể gõ sai)"
    return (
        f"Mẫu báo cáo {path} dùng tên “{name}” không có trong dữ liệu báo cáo{hint}: sửa "
        f"{tag} cho đúng như trong mẫu gốc (tệp baocao.docx trong thư mục templates của thd), "
        "hoặc xóa thẻ đó."
    )


def _tag_using(name: str, paragraphs: Sequence[_Paragraph]) -> tuple[str, str] | None:
    """The first tag naming `name` (a whole word) and where it is."""
    bare = name.strip("[]")
    pattern = re.compile(rf"(?<![\w.]){re.escape(bare)}(?!\w)|\.{re.escape(bare)}(?!\w)")
    for index, paragraph in enumerate(paragraphs):
        for tag in _WHOLE_TAG.findall(paragraph.text):
            if pattern.search(tag):
                return tag, _where(paragraphs, index, tag)
    return None


def _nearest_name(name: str, context: dict[str, Any]) -> str | None:
    names: set[str] = set()
    _collect_names(context, names)
    close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.6)
    return close[0] if close else None


def _collect_names(value: Any, names: set[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            names.add(str(key))
            _collect_names(item, names)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect_names(item, names)


def _landmarks(paragraphs: Sequence[_Paragraph]) -> list[str]:
    """The body's fixed text: paragraphs without any tag outside every {% if/for %} block.

    They are in the report whatever the data, so one missing after rendering was swallowed by
    a tag. Unbalanced blocks (jinja reports those) or unusual tags: no landmarks, no false alarm.
    """
    depth, comment, kept = 0, False, []
    for paragraph in paragraphs:
        if paragraph.part:
            continue
        if not _ANY_TAG_MARK.search(paragraph.text):
            text = " ".join(paragraph.text.split())
            if depth == 0 and not comment and text:
                kept.append(text)
            continue
        comment = _comment_open(paragraph.text, comment)
        for keyword, rest in _BLOCK_TAG.findall(paragraph.text):
            depth += _depth_change(keyword, rest)
        if depth < 0:
            return []
    return kept if depth == 0 else []


def _comment_open(text: str, comment: bool) -> bool:
    """Whether a {# ... #} comment (the officer's own, over several paragraphs) is open after."""
    for mark in _COMMENT_MARK.findall(text):
        comment = mark == "{#" or (comment and mark != "#}")
    return comment


def _depth_change(keyword: str, rest: str) -> int:
    if keyword.startswith("end"):
        return -1
    if keyword in _BLOCKS or (keyword == "set" and "=" not in rest):
        return 1
    return 0


def _check_landmarks(path: Path, landmarks: Sequence[str], rendered: Sequence[_Paragraph]) -> None:
    text = "\n".join(" ".join(p.text.split()) for p in rendered)
    lost = [landmark for landmark in landmarks if landmark not in text]
    if lost:
        shown = "; ".join(f"“{_first_words(line)}”" for line in lost[:_LOST_SHOWN])
        more = f" và {len(lost) - _LOST_SHOWN} đoạn khác" if len(lost) > _LOST_SHOWN else ""
        raise TemplateError(
            f"Mẫu báo cáo {path} sau khi điền số liệu bị mất {len(lost)} đoạn chữ của mẫu: "
            f"{shown}{more}. Thường do một thẻ {{{{ ... }}}} hoặc {{% ... %}} ngay trước các "
            "đoạn đó viết sai (thiếu dấu ngoặc): hãy sửa thẻ đó trong Word rồi chạy lại."
        )


# ------------------------------------------------------------------------------ context


def wants_per_agency_appendices(
    campaign: Campaign, limit: int = PER_AGENCY_APPENDICES_UP_TO
) -> bool:
    """Whether the report lists every agency in its appendices: rosters up to `limit`."""
    return len(campaign.agencies) <= limit


def build_context(c: Consolidation, per_agency_appendices: bool = True) -> dict[str, Any]:
    """Everything the template shows, as strings and lists of strings."""
    issuer = c.campaign.issuer
    body_name = issuer_body_name(c)
    subject = _clean(labels.subject(c.campaign))
    number = f"Số:{DOCUMENT_NUMBER_BLANK}/BC-{_clean(issuer.abbreviation)}"
    # Above the roster size a person reads, lists of agencies name the first ones and count the
    # others; the summary workbook names them all.
    named = None if per_agency_appendices else labels.NAMED_IN_A_LARGE_REPORT
    return {
        "issuer": {
            "parent": _clean(issuer.parent).upper(),
            "name": _clean(issuer.name).upper(),
            "rule_indent": rule_indent(_clean(issuer.name).upper(), HEADER_LEFT_TWIPS, 13),
            "body_name": body_name,
            "signer_authority": _clean(issuer.signer_authority).upper(),
            "signer_title": _clean(issuer.signer_title).upper(),
            "signer_name": _clean(issuer.signer_name),
        },
        "number": number,
        "date_line": numbers.date_line(_clean(issuer.place), c.report_date),
        "subject": subject,
        "subject_rule_indent": rule_indent(subject, TEXT_TWIPS, 14),
        "recipients": _recipients(issuer.recipients),
        "opening": _opening(c, body_name),
        "headings": _headings(),
        "status_sentence": _status_sentence(c, body_name, named),
        "direction": partone.direction(c),
        "activity_sentences": [
            compare.with_change(_table_sentence(t)[:-1] + "." + partone.leading_sentence(t), c, t)
            for t in c.tables.values()
        ],
        "comparison": compare.context(c),  # None without --compare; see compare.context
        "activities_text": partone.activities(c),
        "budget": _budget(c),
        "data_note": "(Bảng tổng hợp số liệu kèm theo)",
        "assessment": _assessment(c, named),
        "data_title": subject,
        "tables": [_table(t, compare.table_comparison(c, t)) for t in c.tables.values()],
        "closing": f"Trên đây là báo cáo {subject[0].lower()}{subject[1:]} của {body_name}./.",
        "distribution": _distribution(issuer.distribution, issuer.archive),
        "appendix_ref": (
            f"(Kèm theo Báo cáo số{DOCUMENT_NUMBER_BLANK}/BC-{_clean(issuer.abbreviation)} "
            f"{numbers.long_date(c.report_date)} của {body_name})"
        ),
        "appendix1": _appendix_figures(c, per_agency_appendices),
        "appendix2": _appendix_status(c, per_agency_appendices),
        "appendix3": _appendix_narratives(c, per_agency_appendices),
        "appendix4": partone.appendix_documents(
            c,
            ""
            if per_agency_appendices
            else _elsewhere("Kế hoạch, văn bản chỉ đạo", SHEET_DOCUMENTS),
        ),
    }


def _elsewhere(what: str, sheet: str, counted: str = "") -> str:
    """The note standing for an appendix's per-agency rows above the configured roster size;
    `counted` says how many agencies the rows are of ("215 đơn vị có báo cáo được tổng hợp")."""
    of = f" ({counted})" if counted else ""
    return (
        f"{what} của từng cơ quan, đơn vị, địa phương{of} không in kèm báo cáo này do số đơn vị "
        f"lớn; xem tại trang “{sheet}” của bảng tổng hợp Excel và trong tệp dữ liệu tổng hợp "
        "kèm theo báo cáo."
    )


def _clean(text: str) -> str:
    """One line of text, safe in XML and in docxtpl (no tabs, breaks or control characters)."""
    return " ".join(_CONTROL.sub("", printable(text).replace("\t", " ")).split())


def _lines(text: str) -> list[str]:
    """A multi-line narrative as its non-empty lines (each becomes a paragraph)."""
    return [line for line in (_clean(part) for part in _NEWLINES.split(text)) if line]


def issuer_body_name(c: Consolidation) -> str:
    """The issuer as written inside a sentence ("Sở Lao động - Thương binh và Xã hội").

    The header holds it in capitals; the roster usually holds the properly capitalised name.
    """
    agency = issuer_agency(c.campaign)
    if agency is not None:
        return _clean(agency.name)
    return labels.in_sentence(_clean(c.campaign.issuer.name))


def _recipients(recipients: Sequence[str]) -> dict[str, Any]:
    """ND30: one recipient on the "Kính gửi:" line; several, one per line "- X;", last ends "."."""
    names = [_clean(r).rstrip(";.") for r in recipients if _clean(r)]
    if len(names) <= 1:
        return {"first": f"{names[0]}." if names else "", "rest": []}
    lines = [f"- {name};" for name in names]
    lines[-1] = lines[-1][:-1] + "."
    return {"first": lines[0], "rest": lines[1:]}


def _distribution(distribution: Sequence[str], archive: str) -> list[str]:
    lines = [f"- {_clean(d).rstrip(';.')};" for d in distribution if _clean(d)]
    last = _clean(archive).rstrip(";.")
    lines.append(f"- {last}.")
    return lines


def _headings() -> dict[str, str]:
    fields = {f.key: f.label for f in form.INFO_FIELDS}
    budget_state = fields["budget_state"]
    return {
        "part1": fields["section_1"],
        "direction": fields["direction"],
        "activities": fields["activities_text"],
        "budget": budget_state.split(":", 1)[0],
        "part2": fields["section_2"],
        "part3": "III. TỔNG HỢP SỐ LIỆU",
    }


def _opening(c: Consolidation, body_name: str) -> str:
    info = c.campaign.campaign
    return (
        f"Thực hiện Kế hoạch số {_clean(info.plan_number)} ngày {numbers.short_date(info.plan_date)} "
        f"của {_clean(info.plan_issuer)} về triển khai {_clean(info.name)} năm {info.year}, "
        f"{body_name} báo cáo kết quả thực hiện như sau:"
    )


def _status_sentence(c: Consolidation, body_name: str, named: int | None = None) -> str:
    own = issuer_agency(c.campaign)
    code = own.code if own else None
    sentence = _clean(labels.status_sentence(c.status, body_name, code, named))
    return sentence + " Chi tiết tình hình gửi báo cáo tại Phụ lục II."


ASSESSMENT_KEYS = ("results", "difficulties", "proposals")


def _assessment(c: Consolidation, named: int | None = None) -> list[dict[str, Any]]:
    """II.1-II.3 as a digest of the agencies' points, not a paste: each point once, in an
    agency's own words, with the agencies that raised it (with `named`, the first ones and how
    many others: the workbook's SHEET_POINTS names them all); requests to the issuing Sở
    itself, internal asks and excuses about this report are left to the officer
    (officer.set_aside)."""
    from thanghanhdong.report import officer

    sections = officer.assessment(c)
    blocks = [
        {"heading": form.info_field(key).label, **_digest_block(sections[key], named)}
        for key in ASSESSMENT_KEYS
    ]
    counted = [b for k, b in zip(ASSESSMENT_KEYS, blocks, strict=True) if _cut(sections[k], named)]
    if counted:  # once, under the last section whose lists were cut
        counted[-1]["paragraphs"].append(
            {
                "dash": "",
                "agency": "",
                "text": "Tên các cơ quan, đơn vị, địa phương nêu từng ý kiến: xem trang "
                f"“{labels.SHEET_POINTS}” của bảng tổng hợp Excel kèm theo báo cáo.",
            }
        )
    return blocks


def _cut(section: Any, named: int | None) -> bool:
    """Whether a point of the section names fewer agencies than raised it (`named`)."""
    return named is not None and any(
        len(point.agencies) > named + 1
        for group in section.groups
        for point in (*group.points, *section.left_out)
    )


def _digest_block(section: Any, named: int | None = None) -> dict[str, Any]:
    from thanghanhdong import digest

    paragraphs = [
        {
            "dash": "- ",
            "agency": f"{_clean(group.theme)}: " if group.theme else "",
            "text": _clean(digest.render_group(group, named)),
        }
        for group in section.groups
    ]
    if section.left_out:
        paragraphs.append(
            {
                "dash": "",
                "agency": "",
                "text": _clean(digest.left_out_sentence(section.left_out, named)),
            }
        )
    if not paragraphs:
        paragraphs.append({"dash": "", "agency": "", "text": _nothing_sentence(section)})
    return {"paragraphs": paragraphs}


def _nothing_sentence(section: Any) -> str:
    """Requests were made, all to other bodies (the issuer, a district's own, peers): true to
    say none is to the levels II.3 addresses, false to say nobody wrote any."""
    if section.key == "proposals" and section.set_aside:
        return (
            "Các cơ quan, đơn vị, địa phương không có kiến nghị, đề xuất đối với Trung ương và "
            "Ủy ban nhân dân tỉnh."
        )
    return "Không có cơ quan, đơn vị nào báo cáo nội dung này."


def _narrative_block(narratives: Sequence[Narrative]) -> dict[str, Any]:
    """Each agency's text as "- Tên đơn vị: ..." paragraphs, for the officer to edit."""
    paragraphs: list[dict[str, str]] = []
    for narrative in narratives:
        lines = _lines(narrative.text)
        if not lines:
            continue
        paragraphs.append(
            {"dash": "- ", "agency": _clean(narrative.agency), "text": ": " + lines[0]}
        )
        paragraphs.extend({"dash": "", "agency": "", "text": line} for line in lines[1:])
    if not paragraphs:
        paragraphs.append(
            {"dash": "", "agency": "", "text": "Không có cơ quan, đơn vị nào báo cáo nội dung này."}
        )
    return {"paragraphs": paragraphs}


def _people_clause(figures: Figures, noun: str, gaps: Gaps) -> str:
    if not figures.total:
        return ""
    share = numbers.percent(figures.female, figures.total)
    people = labels.at_least(figures.total, gaps, form.MALE, form.FEMALE)
    of = " số người đã báo cáo" if gaps.state(form.MALE, form.FEMALE) == PARTIAL else ""
    return f" với {people} lượt {noun}, trong đó nữ chiếm {share}{of}"


def _table_sentence(table: ConsolidatedTable) -> str:
    spec = table.spec
    action, unit = spec.action, spec.unit
    total = table.total
    if not total.count and not total.total:
        return f"- {spec.title.rstrip('.')}: chưa có số liệu."
    sentence = "- " + action.format(count=labels.at_least(total.count, table.gaps, form.COUNT))
    sentence += _people_clause(total, spec.people_noun, table.gaps)
    levels = [lv for lv in table.levels if lv.figures.count or lv.figures.total]
    if levels:
        parts = [
            f"cấp {_clean(lv.level).lower()} "
            f"{labels.at_least(lv.figures.count, lv.gaps, form.COUNT)} {unit}".rstrip()
            for lv in levels
        ]
        sentence += " (" + "; ".join(parts) + ")"
    return sentence + "."


def _budget(c: Consolidation) -> dict[str, str]:
    budget = c.budget
    return {
        "total_line": f"Tổng kinh phí tổ chức các hoạt động là {numbers.money(budget.total)}, "
        "trong đó:",
        "state_line": f"{budget_label('budget_state')}: {numbers.money(budget.state)};",
        "mobilized_line": " ".join(
            part
            for part in (
                f"{budget_label('budget_mobilized')}: {numbers.money(budget.mobilized)}.",
                partone.budget_unsplit_sentence(c),
            )
            if part
        ),
        "none_line": partone.budget_none_line(c),
    }


# The widths the template's lines are computed from (scripts/build_report_template.py): the
# header's left column, where the issuing body's name is, and the text's width, the trích yếu's.
HEADER_LEFT_TWIPS = 75 * 1440 * 10 // 254
TEXT_TWIPS = 165 * 1440 * 10 // 254
_CAPITAL_EM, _SMALL_EM, _SPACE_EM = 0.70, 0.50, 0.25  # Times New Roman bold, on average


def rule_indent(text: str, column_twips: int, size_pt: float) -> str:
    """The indents (twips, each side) that centre a line 2/5 as long as the longest printed line
    of `text` (ND30: 1/3 to 1/2 of it), the text wrapping at the column's width."""
    em = size_pt * 20
    space = _SPACE_EM * em
    longest = line = 0.0
    for word in text.split():
        width = sum(_CAPITAL_EM if ch.isupper() else _SMALL_EM for ch in word) * em
        fits = line and line + space + width <= column_twips
        line = line + space + width if fits else width
        longest = max(longest, line)
    rule = 0.4 * min(longest, column_twips)
    return str(round((column_twips - rule) / 2))


SEED_NUMBERS = (form.COUNT, form.MALE, form.FEMALE)  # the columns the template names


def _figures_cells(figures: Figures, gaps: Gaps = NO_GAPS) -> dict[str, Any]:
    """Every number column by its form key, the people counted (Nam + Nữ), and the number
    columns beyond the seed's as a list (`extra`, looped over by the template); a figure left
    blank is "—" or marked incomplete (labels.figure)."""
    cells = {key: labels.figure(value, gaps, key) for key, value in figures.items()}
    extra = [cells[key] for key in figures if key not in SEED_NUMBERS]
    people = labels.figure(figures.total, gaps, form.MALE, form.FEMALE)
    return {**cells, "people": people, "extra": extra}


# What one signed table shows of one form table: the figures it prints (each the keys it sums)
# and the gaps of every row it prints them for.
Shown = tuple[form.TableSpec, Sequence[Gaps], Sequence[tuple[str, ...]]]
APPENDIX_FIGURES = ((form.COUNT,), (form.MALE, form.FEMALE))  # Phụ lục I: count and people


def _footnote(shown: Sequence[Shown]) -> str:
    """The one line under a signed table explaining its marks ("" when it has none)."""
    marked: dict[str, list[str]] = {PARTIAL: [], MISSING: []}
    for spec, gaps, figures in shown:
        for keys in figures:
            states = {g.state(*keys) for g in gaps}
            for state in (PARTIAL, MISSING):
                if state in states:
                    marked[state] += labels.gap_words(spec, keys)
    return labels.gaps_footnote(marked[PARTIAL], marked[MISSING])


def _table(table: ConsolidatedTable, comparison: dict[str, Any] | None) -> dict[str, Any]:
    """A Phần III table. With --compare, last year's count and people and their change
    follow the figures, as more of the `extra` columns the template loops over."""
    spec = table.spec
    rows = [
        {
            "stt": str(index),
            "item": _clean(row.item),
            "level": _clean(row.level),
            **_figures_cells(row.figures, row.gaps),
        }
        for index, row in enumerate(table.rows, start=1)
    ]
    total = {"label": TOTAL_LABEL, **_figures_cells(table.total, table.gaps)}
    gaps = [*(row.gaps for row in table.rows), table.gaps]
    extra = [c.label for c in spec.number_columns if c.key not in SEED_NUMBERS]
    if comparison is not None:
        extra += _comparison_labels(spec, comparison)
        rows += _rows_of_last_year_only(spec, comparison, len(rows))
        befores = [*comparison["rows"], *comparison["missing"], comparison["total"]]
        for cells, before in zip([*rows, total], befores, strict=True):
            cells["extra"] = cells["extra"] + _comparison_cells(before)
    return {
        "heading": f"{spec.number}. {spec.title}",
        "labels": {
            **{column.key: column.label for column in spec.columns},
            "people": spec.people_label,
        },
        "extra": extra,
        "rows": rows,
        "total": total,
        "footnote": _footnote([(spec, gaps, [(key,) for key in spec.number_keys])]),
    }


def _rows_of_last_year_only(
    spec: form.TableSpec, comparison: dict[str, Any], numbered: int
) -> list[dict[str, Any]]:
    """Last year's rows with no row this year, with this year's zeros (so that last year's
    column adds up to its Tổng cộng); their comparison cells are added by the caller."""
    return [
        {
            "stt": str(index),
            "item": _clean(missing["item"]),
            "level": _clean(missing["level"]),
            **_figures_cells(Figures.zero(spec)),
        }
        for index, missing in enumerate(comparison["missing"], start=numbered + 1)
    ]


def _comparison_labels(spec: form.TableSpec, comparison: dict[str, Any]) -> list[str]:
    year = comparison["year"]
    people = spec.people_label.split(" ", 2)[:2]  # "Số người"
    return [
        f"{spec.count_label} năm {year}",
        compare.CHANGE_LABEL,
        f"{' '.join(people)} năm {year}",
        compare.CHANGE_LABEL,
    ]


def _comparison_cells(before: dict[str, Any]) -> list[str]:
    previous, change = before["previous"], before["change"]
    return [previous[form.COUNT], change[form.COUNT], previous["people"], change["people"]]


def _appendix_figures(c: Consolidation, per_agency: bool = True) -> dict[str, Any]:
    # One group of columns per table of the form (looped over by {%tc %} in the template, so a
    # table added to form.py appears here by itself): its count and the people counted.
    groups = {
        spec.key: {
            "title": spec.sheet,
            "count": spec.count_label,
            "people": spec.people_label,
        }
        for spec in form.TABLES
    }
    rows = [_agency_row(index, a) for index, a in enumerate(c.agencies if per_agency else [], 1)]
    return {
        "title": "SỐ LIỆU KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG",
        "note": ""
        if per_agency
        else _elsewhere(
            "Số liệu",
            SHEET_AGENCIES,
            f"{numbers.integer(len(c.status.usable))} đơn vị có báo cáo được tổng hợp",
        ),
        "labels": {
            "stt": form.STT_LABEL,
            "agency": AGENCY_LABEL,
            "budget": "Kinh phí (đồng)",
            "state": budget_label("budget_state").split(") ", 1)[-1],
            "mobilized": budget_label("budget_mobilized").split(") ", 1)[-1],
            **groups,
        },
        "groups": list(groups.values()),
        "sub": [label for g in groups.values() for label in (g["count"], g["people"])],
        "rows": rows,
        "total": {
            "label": TOTAL_LABEL,
            **{key: _figures_cells(t.total, t.gaps) for key, t in c.tables.items()},
            "cells": _group_cells(
                {key: t.total for key, t in c.tables.items()},
                {key: t.gaps for key, t in c.tables.items()},
            ),
            "state": numbers.integer(c.budget.state),
            "mobilized": numbers.integer(c.budget.mobilized),
        },
        "footnote": _joined(_appendix_footnote(c, per_agency), _unsplit_note(c, per_agency)),
    }


def _agency_row(index: int, agency: AgencyFigures) -> dict[str, Any]:
    """One agency's row of Phụ lục I."""
    return {
        "stt": str(index),
        "name": _clean(agency.name),
        **{
            key: _figures_cells(figures, agency.gaps.get(key, NO_GAPS))
            for key, figures in agency.tables.items()
        },
        "cells": _group_cells(agency.tables, agency.gaps),
        **_budget_cells(agency.budget),
    }


def _budget_cells(budget: Budget) -> dict[str, str]:
    """An agency's budget in Phụ lục I: "—" for a source it did not give (no budget at all,
    or a total only, which the footnote names), never 0 for "not reported"."""
    if not budget.reported or (budget.unsplit and not budget.state and not budget.mobilized):
        return {"state": labels.NOT_GIVEN, "mobilized": labels.NOT_GIVEN}
    return {
        "state": numbers.integer(budget.state),
        "mobilized": numbers.integer(budget.mobilized),
    }


def _unsplit_note(c: Consolidation, per_agency: bool) -> str:
    """Each agency's total not split by source, once, and their sum: with the columns' totals
    it makes the report's total kinh phí."""
    if not c.budget.unsplit:
        return ""
    parts = [
        f"{_clean(a.name)} {numbers.money(a.budget.unsplit)}"
        for a in (partone.unsplit_agencies(c) if per_agency else [])
    ]
    listed = f": {'; '.join(parts)}" if parts else ""
    return (
        f"Kinh phí báo cáo tổng số, không tách theo nguồn (không ghi vào hai cột kinh phí, đã "
        f"tính vào tổng kinh phí){listed}; cộng {numbers.money(c.budget.unsplit)}."
    )


def _joined(*lines: str) -> str:
    """Notes under one table, each a sentence of its own (the marks' note ends without a
    period: "... để trống số người")."""
    present = [line for line in lines if line]
    if len(present) < 2:
        return "".join(present)
    return " ".join(line if line.endswith(".") else f"{line}." for line in present)


def _appendix_footnote(c: Consolidation, per_agency: bool) -> str:
    agencies = c.agencies if per_agency else []
    return _footnote(
        [
            (t.spec, [*(a.gaps.get(key, NO_GAPS) for a in agencies), t.gaps], APPENDIX_FIGURES)
            for key, t in c.tables.items()
        ]
    )


def _group_cells(tables: dict[str, Figures], gaps: dict[str, Gaps]) -> list[str]:
    """Count and people of each table, in form order: the cells of one Phụ lục I row."""
    cells = []
    for spec in form.TABLES:
        figures, blank = tables.get(spec.key, Figures.zero(spec)), gaps.get(spec.key, NO_GAPS)
        cells += [labels.figure(figures.count, blank, form.COUNT)]
        cells += [labels.figure(figures.total, blank, form.MALE, form.FEMALE)]
    return cells


def _status_note(entry: AgencyStatus, rollup_note: str = "") -> str:
    """Phụ lục II's Ghi chú: why an answer is not used, or what to know of the one used."""
    if entry.state in (State.UNUSABLE, State.COVERED):
        return _clean(entry.reason)
    undated = "Báo cáo không ghi ngày hoặc ghi ngày không đúng dạng"
    parts = [rollup_note, undated if entry.state is State.UNDATED else "", _clean(entry.note)]
    text = ". ".join(p.rstrip(".") for p in parts if p)
    return text + "." if entry.note else text


def _author_note(c: Consolidation) -> str:
    """The issuer that did not fill its own form is the author, outside the counts."""
    authors = c.status.with_state(State.AUTHOR)
    if not authors:
        return ""
    return f" {labels.names(authors)} là cơ quan tổng hợp báo cáo (không tính trong số trên)."


def _appendix_status(c: Consolidation, per_agency: bool = True) -> dict[str, Any]:
    status = c.status
    deadline = numbers.short_date(c.campaign.campaign.deadline)
    return {
        "title": labels.appendix_title("TÌNH HÌNH GỬI BÁO CÁO"),
        "note": "" if per_agency else _elsewhere("Tình hình gửi báo cáo", SHEET_STATUS),
        "summary": f"Hạn gửi báo cáo: {deadline}. {labels.status_counts(status)}{_author_note(c)}",
        "labels": {
            "stt": form.STT_LABEL,
            "agency": AGENCY_LABEL,
            "date": "Ngày báo cáo",
            "state": "Tình trạng",
            "note": "Ghi chú",
        },
        "rows": [
            {
                "stt": str(index),
                "name": _clean(entry.name),
                "date": numbers.short_date(entry.report_date) if entry.report_date else "",
                "state": STATE_LABELS[entry.state],
                "note": _status_note(entry, c.notes.get(entry.code, "")),
            }
            for index, entry in enumerate(status.entries if per_agency else [], start=1)
        ],
    }


def _section_labels() -> list[tuple[str, str]]:
    """(key, "I.1. Công tác chỉ đạo, ...") for each narrative field, numbered by its part."""
    labels = []
    part = ""
    for f in form.INFO_FIELDS:
        if f.kind is form.FieldKind.SECTION:
            part = f.label.split(".", 1)[0]
        elif f.kind is form.FieldKind.NARRATIVE:
            labels.append((f.key, f"{part}.{f.label}" if part else f.label))
    return labels


def _appendix_narratives(c: Consolidation, per_agency: bool = True) -> dict[str, Any]:
    agencies: list[dict[str, Any]] = []
    for agency in c.agencies if per_agency else []:
        sections = [
            {
                "heading": label,
                "paragraphs": _lines(agency.narratives.get(key, "")) or ["Không có nội dung."],
            }
            for key, label in _section_labels()
        ]
        heading = f"{len(agencies) + 1}. {_clean(agency.name)}"
        agencies.append({"heading": heading, "sections": sections})
    return {
        "title": labels.appendix_title("NỘI DUNG BÁO CÁO"),
        "agencies": agencies,
        "empty": _narratives_empty(c, per_agency),
    }


def _narratives_empty(c: Consolidation, per_agency: bool) -> str:
    """What Phụ lục III says instead of the agencies' texts, if anything."""
    if not c.agencies:
        return "Chưa có cơ quan, đơn vị nào gửi báo cáo."
    return "" if per_agency else _elsewhere("Nội dung báo cáo", SHEET_TEXTS)
