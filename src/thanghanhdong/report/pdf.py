"""The Word report -> PDF through LibreOffice, when it is installed: the signed electronic copy
is a PDF. A private profile in a temporary directory (never the officer's own LibreOffice
settings, and no clash with a LibreOffice already open), and a time limit."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

PROGRAMS = ("soffice", "libreoffice")
SECONDS = 180


class PdfError(Exception):
    """The PDF could not be made; the message is for the officer."""


def office_program() -> str | None:
    return next((found for name in PROGRAMS if (found := shutil.which(name))), None)


MISSING = (
    "Không tìm thấy LibreOffice (lệnh soffice) để xuất bản PDF: cài LibreOffice rồi chạy lại, "
    "hoặc bỏ tùy chọn --pdf, mở báo cáo Word và chọn Lưu thành PDF."
)


def docx_to_pdf(docx: bytes | bytearray, *, seconds: float = SECONDS) -> bytes:
    """The PDF of a .docx given as bytes; PdfError if LibreOffice is absent, fails or hangs."""
    program = office_program()
    if program is None:
        raise PdfError(MISSING)
    with tempfile.TemporaryDirectory(prefix="thd-pdf-") as temp:
        work = Path(temp)
        source = work / "baocao.docx"
        source.write_bytes(docx)
        _run(program, source, work, seconds)
        produced = work / "out" / "baocao.pdf"
        if not produced.is_file():
            raise PdfError(
                "LibreOffice không xuất được bản PDF của báo cáo: mở tệp Word và lưu thành PDF "
                "bằng tay."
            )
        return produced.read_bytes()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if hasattr(os, "killpg"):
        os.killpg(process.pid, signal.SIGKILL)
    else:  # Windows: no process groups to end
        process.kill()
    process.wait()


def _run(program: str, source: Path, work: Path, seconds: float) -> None:
    command = [
        program,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "out"),
        str(source),
    ]
    # Its own session, so that on time-out the whole LibreOffice process group it started ends.
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise PdfError(
            f"LibreOffice không xuất xong bản PDF sau {int(seconds)} giây: đóng LibreOffice nếu "
            "đang mở rồi chạy lại, hoặc mở báo cáo Word và lưu thành PDF bằng tay."
        ) from None
