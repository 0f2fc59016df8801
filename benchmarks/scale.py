"""Linearity and memory: `thd consolidate` (with the .docx and the .xlsx) as a whole process at
1,000 and 3,000 forms (and 10,000 with --full), per form and peak memory of the process tree.

    .venv/bin/python benchmarks/scale.py [--full] [SIZE ...]

Prints figures; asserts nothing. Each size makes its own synthetic project in a temporary
directory (the filled-form recipe of benchmarks/validate.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from harness import Run, consolidate_command, make_project, measure, validate_command

DEFAULT_SIZES = (1000, 3000)
FULL_SIZES = (1000, 3000, 10000)


def measure_size(count: int) -> tuple[Run, Run]:
    """(validate, consolidate) for `count` forms, whole processes."""
    with tempfile.TemporaryDirectory(prefix="thd-scale-") as temp:
        project = make_project(Path(temp) / "project", count)
        out = Path(temp) / "out"
        out.mkdir()
        measure(validate_command(project))  # warm the page cache
        validate = measure(validate_command(project))
        return validate, measure(consolidate_command(project, out))


def main(arguments: list[str]) -> None:
    full = "--full" in arguments
    sizes = [int(a) for a in arguments if a.isdigit()] or (FULL_SIZES if full else DEFAULT_SIZES)
    print(
        "forms   validate ms/form   consolidate ms/form   vs first size   peak MB"
        " (tree PSS; RSS summed)"
    )
    first = None
    for count in sizes:
        validate, consolidate = measure_size(count)
        per_form = consolidate.seconds * 1000 / count
        first = first or per_form
        print(
            f"{count:>6}   {validate.seconds * 1000 / count:14.2f}   {per_form:19.2f}"
            f"   {per_form / first:12.2f}x   {consolidate.peak_mb:8.0f}"
            f" ({consolidate.peak_rss_mb:.0f}; validate {validate.peak_mb:.0f})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
