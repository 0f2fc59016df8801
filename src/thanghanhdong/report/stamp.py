"""The created/modified dates of a rendered .docx: the day it is dated, not the template's.

A template built once carries its own build date in docProps/core.xml; a report of another
year must not (Word shows it under File > Info, and it is the year a search would find).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

CORE = "docProps/core.xml"
_DATES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def with_core_dates(data: bytes, day: date) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    if CORE not in source.namelist():
        return data
    stamp = f"{day.isoformat()}T00:00:00Z".encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == CORE:
                content = _DATES.sub(lambda m: m.group(1) + stamp + m.group(2), content)
            target.writestr(info, content)
    return buffer.getvalue()
