"""Old and other word-processor formats (.doc, .rtf, .odt) -> .docx bytes, through LibreOffice.

LibreOffice runs headless with a private profile in a temporary folder (so it neither waits for
nor disturbs an office suite the officer has open) and under a time limit; on time-out its whole
process group is ended. Without LibreOffice, `to_docx` returns None and the caller asks the
agency for a .docx.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from thanghanhdong.readers.document import DocumentError

CONVERTIBLE_SUFFIXES = frozenset({".doc", ".rtf", ".odt", ".docm", ".dot", ".dotx", ".wps"})
_WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def soffice_path() -> str | None:
    """LibreOffice's program, on PATH or where Windows installs it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found or sys.platform != "win32":
        return found
    return next((place for place in _WINDOWS_PLACES if Path(place).is_file()), None)


def to_docx(path: Path, timeout: int = 120) -> bytes | None:
    """The document converted to .docx; None when LibreOffice is not installed. Raises
    DocumentError when LibreOffice cannot convert it or takes longer than `timeout` seconds."""
    program = soffice_path()
    if program is None:
        return None
    with tempfile.TemporaryDirectory(prefix="thd-convert-") as folder:
        work = Path(folder)
        # A plain copy name: the agency's file name may hold characters soffice mishandles.
        source = work / f"input{path.suffix.lower()}"
        shutil.copyfile(path, source)
        _run(_command(program, source, work), timeout)
        target = work / "out" / "input.docx"
        if not target.is_file():
            raise DocumentError(
                "convert_failed",
                f"LibreOffice không chuyển được tệp {path.name} sang .docx: "
                "đề nghị đơn vị gửi bản .docx.",
            )
        return target.read_bytes()


def bytes_to_docx(data: bytes, suffix: str) -> bytes | None:
    """`to_docx` for a document held in memory (a part of another file); `suffix` tells
    LibreOffice its kind (".html", ".mht", ".rtf")."""
    with tempfile.TemporaryDirectory(prefix="thd-part-") as folder:
        source = Path(folder) / f"part{suffix}"
        source.write_bytes(data)
        return to_docx(source)


def _command(program: str, source: Path, work: Path) -> list[str]:
    return [
        program,
        f"-env:UserInstallation={(work / 'profile').resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(work / "out"),
        str(source),
    ]


def _run(command: list[str], timeout: int) -> None:
    posix = os.name == "posix"
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=posix,  # soffice starts soffice.bin: end the group, not just the wrapper
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait()
        raise DocumentError(
            "convert_timeout",
            f"LibreOffice không chuyển xong tệp sau {timeout} giây: đề nghị đơn vị gửi bản .docx.",
        ) from None
