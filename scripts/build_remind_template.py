"""Build templates/nhac.docx, the Word template of the reminder (công văn đôn đốc), with
python-docx, in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (công văn): the header block of
the report, "V/v ..." under the number, "Kính gửi:" the agencies, the body, Nơi nhận and the
signature. It reuses the report template's building blocks (scripts/build_report_template.py).

The values come from thanghanhdong.report.remind.build_context(), already formatted.

Run:  .venv/bin/python scripts/build_remind_template.py [OUTPUT]   (default templates/nhac.docx)
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_report_template as base

ALIGN = base.ALIGN
DEFAULT_OUTPUT = base.ROOT / "templates" / "nhac.docx"


def header_block(document: Document) -> None:
    """The report's header, with the công văn's "V/v ..." subject under the number."""
    base.header_block(document)
    table = document.tables[-1]
    about = base.para(table.cell(1, 0), "{{ about }}", size=12, align=ALIGN.CENTER)
    about.paragraph_format.space_before = Pt(2)


def addressees(document: Document) -> None:
    start, hanging = Mm(15), Mm(24)
    first = base.para(document, "", before=18, after=0)
    first.add_run("Kính gửi:\t{{ addressees.first }}")
    fmt = first.paragraph_format
    fmt.left_indent = start + hanging
    fmt.first_line_indent = -hanging
    fmt.tab_stops.add_tab_stop(start + hanging, WD_TAB_ALIGNMENT.LEFT)
    base.tag(document, "{%p for a in addressees.rest %}")
    rest = base.para(document, "{{ a }}")
    rest.paragraph_format.left_indent = start + hanging
    base.tag(document, "{%p endfor %}")
    base.para(document, "", after=6)


def body(document: Document) -> None:
    base.tag(document, "{%p for p in paragraphs %}")
    base.para(document, "{{ p }}", style=base.BODY)
    base.tag(document, "{%p endfor %}")
    base.tag(document, "{%p for item in to_send %}")
    base.para(document, "- {{ item }}", style=base.BODY)
    base.tag(document, "{%p endfor %}")
    # The closing goes with the signature block: a signature alone on the last page (trial
    # 2026-12-02: the reminder's and a covering letter's page 2) is signed under no text.
    base.para(document, "{{ closing }}", style=base.BODY).paragraph_format.keep_with_next = True


def properties(document: Document) -> None:
    core = document.core_properties
    core.title = "Công văn đôn đốc gửi báo cáo Tháng hành động"
    for key in ("author", "last_modified_by", "comments", "subject", "keywords"):
        setattr(core, key, "")
    core.language = "vi-VN"
    core.revision = 1
    core.created = core.modified = datetime(2021, 12, 20)


def build() -> Document:
    document = docx.Document()
    for paragraph in list(document.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    base.drop_styles_with_effects(document)
    base.setup_styles(document)
    base.setup_page(document)
    header_block(document)
    addressees(document)
    body(document)
    signature(document)
    properties(document)
    return document


def signature(document: Document) -> None:
    base.para(document, "", after=6).paragraph_format.keep_with_next = True
    table = base.make_table(document, 1, [78, 87], grid=False)
    base.rows_cannot_split(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    base.cell_text(left, "Nơi nhận:", bold=True, italic=True, size=12, style=("Normal", ""))
    base.tag(left, "{%p for d in distribution %}")
    base.para(left, "{{ d }}", size=11)
    base.tag(left, "{%p endfor %}")
    right.paragraphs[0].add_run("{%p if issuer.signer_authority %}")
    base.para(right, "{{ issuer.signer_authority }}", size=14, bold=True, align=ALIGN.CENTER)
    base.tag(right, "{%p endif %}")
    base.para(right, "{{ issuer.signer_title }}", size=14, bold=True, align=ALIGN.CENTER)
    base.para(right, "{{ issuer.signer_name }}", size=14, bold=True, align=ALIGN.CENTER, before=84)


def main(argv: list[str]) -> int:
    return base.save(build(), argv, DEFAULT_OUTPUT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
