"""Renderers of a `Consolidation`, behind one registry keyed by the output's kind.

A new output (a PDF, a data file, a letter) is a module here and one entry in `RENDERERS`;
the pipeline asks `render(kind, ...)` for each output the officer wants.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thanghanhdong.consolidate import Consolidation


@dataclass(frozen=True)
class RenderOptions:
    template: Path | None = None  # the officer's own Word template
    per_agency_appendices: bool = True  # False above the roster size a person reads


# An output's bytes; the data file's are left in the bytearray they were encoded into (10,000
# agencies: 19 MB not copied at the peak).
Output = bytes | bytearray
Renderer = Callable[["Consolidation", RenderOptions], Output]


def _docx(consolidation: Consolidation, options: RenderOptions) -> bytes:
    from thanghanhdong.report.docx import render_docx
    from thanghanhdong.report.stamp import with_core_dates

    rendered = render_docx(
        consolidation, options.template, per_agency_appendices=options.per_agency_appendices
    )
    return with_core_dates(rendered, consolidation.report_date)


def _xlsx(consolidation: Consolidation, options: RenderOptions) -> bytes:
    from thanghanhdong.report.xlsx import render_xlsx

    return render_xlsx(consolidation)


def _data(consolidation: Consolidation, options: RenderOptions) -> bytearray:
    from thanghanhdong.datafile import encode

    return encode(consolidation)


RENDERERS: dict[str, Renderer] = {".docx": _docx, ".xlsx": _xlsx, ".json": _data}


def render(kind: str, consolidation: Consolidation, options: RenderOptions) -> Output:
    """The bytes of one output; `kind` is its file suffix. Raises TemplateError (docx) for an
    officer's template that cannot be used."""
    return RENDERERS[kind](consolidation, options)
