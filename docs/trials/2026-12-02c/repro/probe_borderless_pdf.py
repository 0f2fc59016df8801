"""Probe of trial 2026-12-02c: the plan's form with borderless data tables, printed to PDF by
LibreOffice. Usage: .venv/bin/python probe_borderless_pdf.py OUT_DIR"""

import io
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "tests"))

from docx import Document
from word_reports import seed_form

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
# borderless data tables (Table Grid removed), printed to PDF
doc = Document(io.BytesIO(seed_form(agency="SỞ TÀI CHÍNH")))
for t in doc.tables:
    if t.cell(0, 0).text == "STT":
        t.style = doc.styles["Normal Table"]
doc.save(out / "work_stc.docx")
subprocess.run(
    [
        "soffice",
        "-env:UserInstallation=file:///tmp/lo-trial-word",
        "--headless",
        "--convert-to",
        "pdf",
        str(out / "work_stc.docx"),
        "--outdir",
        str(out),
    ],
    capture_output=True,
)
