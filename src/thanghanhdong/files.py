"""Writing outputs safely: all or nothing, with the permissions a normal file would get."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: never a half-written file."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".thd-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp creates 0600; outputs are ordinary files
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class OutputExists(Exception):
    """Outputs that already exist and may not be overwritten (no --force); nothing was written."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(", ".join(str(p) for p in paths))
        self.paths = paths
