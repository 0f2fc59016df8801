"""Write an OLE compound file (an Outlook .msg) with LibreOffice's own storage code, through UNO.

Runs under the SYSTEM python (the one with the `uno` module), never the project's venv:

    /usr/bin/python3 tests/uno_msg.py LAYOUT.json FOLDER [--soffice PATH]

LAYOUT.json maps each file to write in FOLDER to its tree: a name maps to the base64 of a
stream's bytes, or to a tree (a storage).
The service `com.sun.star.embed.OLESimpleStorage` (sot's compound-file writer, the one that
saves .doc and .xls) writes it inside a soffice started and stopped as uno_fill.py does (the
service needs an office's process service factory).
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import uno
from uno_fill import free_port, office_context, start_office, stop_office


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("layout")
    parser.add_argument("folder")
    parser.add_argument("--soffice", default="soffice")
    args = parser.parse_args()
    layout = json.loads(Path(args.layout).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="uno-msg-") as scratch:
        port = free_port()
        office = start_office(args.soffice, Path(scratch) / "profile", port)
        desktop = None
        try:
            context = office_context(office, port)
            desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context
            )
            for name, tree in layout.items():
                write(context, tree, Path(args.folder) / name)
        finally:
            stop_office(office, desktop)
    return 0


def write(context, layout: dict, target: Path) -> None:
    manager = context.ServiceManager
    # A temporary stream, not a file URL: the file access services need a full office.
    temp = manager.createInstanceWithContext("com.sun.star.io.TempFile", context)
    root = storage(manager, context, temp)
    fill(manager, context, root, layout)
    root.commit()
    temp.seek(0)
    length = temp.getLength()
    read, data = temp.getInputStream().readBytes(None, length)
    assert read == length
    target.write_bytes(bytes(data.value))


def storage(manager, context, stream):
    return manager.createInstanceWithArgumentsAndContext(
        "com.sun.star.embed.OLESimpleStorage", (stream, True), context
    )


def fill(manager, context, target, layout: dict) -> None:
    for name, value in layout.items():
        if isinstance(value, dict):
            temp = manager.createInstanceWithContext("com.sun.star.io.TempFile", context)
            inner = storage(manager, context, temp)
            fill(manager, context, inner, value)
            target.insertByName(name, inner)
        else:
            data = uno.ByteSequence(base64.b64decode(value))
            stream = manager.createInstanceWithArgumentsAndContext(
                "com.sun.star.io.SequenceInputStream", (data,), context
            )
            target.insertByName(name, stream)


if __name__ == "__main__":
    sys.exit(main())
