"""F4: two agencies' Word reports exported to PDF and joined in one file (pdfunite): credited to
the first agency only, with a garbled, Excel-worded error ("ô None", "trang “trang 3, ...”",
"chép ... vào trang “1. Hoạt động” (được chèn thêm dòng)"); the second agency is "Chưa gửi"."""

import subprocess
import sys
import tempfile

sys.path.insert(0, __import__("os").path.dirname(__file__))
from pathlib import Path

from _common import campaign, missing, validate
from _word import report

root = campaign()
(root / "inbox").mkdir(exist_ok=True)
tmp = Path(tempfile.mkdtemp())
for code, name in (("TPBK", "UBND THÀNH PHỐ BẮC KẠN"), ("PACNAM", "UBND HUYỆN PÁC NẶM")):
    report(name).save(tmp / f"{code}.docx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(tmp / f"{code}.docx"),
        ],
        check=True,
        capture_output=True,
    )
subprocess.run(
    [
        "pdfunite",
        str(tmp / "TPBK.pdf"),
        str(tmp / "PACNAM.pdf"),
        str(root / "inbox" / "BC TP Bac Kan va Pac Nam.pdf"),
    ],
    check=True,
)
result, screen = validate(root)
print("missing:", missing(result))
for f in result["files"]:
    print("file:", f.get("path"), f.get("agency_code") or f.get("agency"))
    for i in f.get("issues", []):
        print("  ", i.get("code"), "|", i.get("message"))
