"""Fill a spreadsheet in LibreOffice itself, through UNO, as a person typing into cells would.

Runs under the SYSTEM python (the one with the `uno` module, Debian package python3-uno), never
the project's venv, and imports nothing from thanghanhdong:

    /usr/bin/python3 tests/uno_fill.py SOURCE TARGET PLAN.json [--soffice PATH] [--profile DIR]

PLAN.json is a list of entries `{"sheet": ..., "cell": "B5", "how": "string"|"value"|"formula",
"value": ...}`: `string` is text typed as text (setString), `value` a number (setValue),
`formula` input parsed by Calc as typed, e.g. "=2+3" or an ISO date (setFormula), `merge` the
range `cell` merged (Format > Merge Cells, keeping the first cell's content), `hide_row` the row
of `cell` hidden (Format > Rows > Hide), `rename_sheet` / `delete_sheet` the sheet renamed to
`value` / deleted. TARGET is
stored as .xlsx ("Calc MS Excel 2007 XML"). On stdout: one JSON document with what Calc shows
in each planned cell after typing (string, value, formula), for the caller's diagnostics.

soffice is started here on a free local port with a private profile, and always terminated.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

XLSX_FILTER = "Calc MS Excel 2007 XML"
CONNECT_SECONDS = 90
EXIT_SECONDS = 30


def main() -> int:
    args = parse_args()
    plan = json.loads(Path(args.plan).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="uno-fill-") as scratch:
        profile = Path(args.profile or Path(scratch) / "profile")
        port = free_port()
        office = start_office(args.soffice, profile, port)
        desktop = None
        try:
            desktop = connect(office, port)
            shown = fill(desktop, Path(args.source), Path(args.target), plan)
        finally:
            stop_office(office, desktop)
    json.dump(shown, sys.stdout, ensure_ascii=False, indent=1)
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("plan")
    parser.add_argument("--soffice", default="soffice")
    parser.add_argument("--profile", help="LibreOffice user profile dir (default: a temp dir)")
    return parser.parse_args()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_office(soffice: str, profile: Path, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            f"--accept=socket,host=127.0.0.1,port={port};urp;",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def connect(office: subprocess.Popen, port: int):
    """The Desktop of the started soffice; retries while it is still starting up."""
    context = office_context(office, port)
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def office_context(office: subprocess.Popen, port: int):
    """The component context of the started soffice, retried while it is still starting up."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(url)
        except NoConnectException:
            if office.poll() is not None:
                raise RuntimeError(f"soffice exited with status {office.returncode}") from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def stop_office(office: subprocess.Popen, desktop) -> None:
    """Ask LibreOffice to quit; kill what is left of the session it was started in."""
    if desktop is not None:
        # The bridge drops as soffice exits: an exception here is expected.
        with contextlib.suppress(Exception):
            desktop.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            office.wait(timeout=EXIT_SECONDS)
    # soffice is a launcher (oosplash) with soffice.bin as its child, in a session of their own.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(office.pid, signal.SIGKILL)
    office.wait(timeout=EXIT_SECONDS)


def prop(name: str, value) -> PropertyValue:
    return PropertyValue(Name=name, Value=value)


def fill(desktop, source: Path, target: Path, plan: list[dict]) -> list[dict]:
    document = desktop.loadComponentFromURL(
        source.resolve().as_uri(), "_blank", 0, (prop("Hidden", True),)
    )
    if document is None:
        raise RuntimeError(f"LibreOffice could not open {source}")
    try:
        shown = [type_into(document, entry) for entry in plan]
        document.storeToURL(target.resolve().as_uri(), (prop("FilterName", XLSX_FILTER),))
    finally:
        document.close(True)
    return shown


def type_into(document, entry: dict) -> dict:
    how, value = entry["how"], entry.get("value")
    if how == "delete_sheet":
        document.Sheets.removeByName(entry["sheet"])
        return entry
    if how == "rename_sheet":
        document.Sheets.getByName(entry["sheet"]).Name = value
        return entry
    cell = document.Sheets.getByName(entry["sheet"]).getCellRangeByName(entry["cell"])
    if how == "merge":
        cell.merge(True)
        return entry
    if how == "hide_row":
        cell.Rows.IsVisible = False
        return entry
    if how == "string":
        cell.setString(str(value))
    elif how == "value":
        cell.setValue(float(value))
    elif how == "formula":
        cell.setFormula(str(value))
    else:
        raise ValueError(f"unknown way to type a cell: {how!r}")
    return entry | {
        "shown": cell.getString(),
        "cell_value": cell.getValue(),
        "cell_formula": cell.getFormula(),
    }


if __name__ == "__main__":
    sys.exit(main())
