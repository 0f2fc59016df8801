"""Where the start-up of `thd validate` goes, beside `thd --help`: each step timed in a fresh
process (best of N), then the dataclasses and regular expressions thd's own modules build at
import. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/startup.py [--rounds N]

The steps are cumulative, in the order `thd validate` takes them: Python itself, the command
line (typer, rich: all `thd --help` needs), pydantic, typer's argument coercion (pydantic's
schema machinery), thd's modules for validate, the configuration, validating an empty inbox.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from typing import Any

STEPS = """
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(label):
    marks.append((label, time.perf_counter()))
import typer, rich.console, thanghanhdong.cli
mark("command line (typer, rich, thd.cli)")
import pydantic
mark("pydantic")
import typer._adapters
mark("typer's argument coercion")
from thanghanhdong import pipeline, inbox, reporter
mark("thd's modules for validate")
from thanghanhdong import config
campaign = config.load(None)
mark("configuration (embedded default)")
from pathlib import Path
inbox.validate_inbox(Path(sys.argv[1]), campaign)
mark("validate an empty inbox")
print(json.dumps([(b[0], b[1] - a[1]) for a, b in zip(marks, marks[1:])]))
"""

COUNTS = """
import dataclasses, json, re, sys, time
spent = {"dataclasses": [0, 0.0], "regular expressions": [0, 0.0]}
def timed(name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name][0] += 1
            spent[name][1] += time.perf_counter() - start
    return wrapper
import typer._adapters, rich.console  # the libraries' own, not counted
dataclasses._process_class = timed("dataclasses", dataclasses._process_class)
re._compiler.compile = timed("regular expressions", re._compiler.compile)
from thanghanhdong import cli, pipeline, inbox, reporter, answers, readers
from thanghanhdong.readers import excel
print(json.dumps(spent))
"""


def best(command: list[str], rounds: int) -> list[tuple[str, float]]:
    """Each step's best time over `rounds` processes."""
    runs = [_printed(command) for _ in range(rounds)]
    return [(label, min(run[i][1] for run in runs)) for i, (label, _) in enumerate(runs[0])]


def _printed(command: list[str]) -> Any:
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def main(arguments: list[str]) -> None:
    rounds = int(arguments[arguments.index("--rounds") + 1]) if "--rounds" in arguments else 7
    python = [sys.executable]
    bare = min(_wall([*python, "-c", "pass"]) for _ in range(rounds))  # the interpreter alone
    with tempfile.TemporaryDirectory(prefix="thd-startup-") as empty:
        steps = best([*python, "-c", STEPS, empty], rounds)
    print(f"start-up of `thd validate`, best of {rounds} fresh processes:")
    print(f"  {'Python itself':<40} {bare * 1000:6.1f} ms")
    total = bare
    for label, seconds in steps:
        total += seconds
        print(f"  {label:<40} {seconds * 1000:6.1f} ms  (to here {total * 1000:6.1f} ms)")
    spent = _printed([*python, "-c", COUNTS])
    print("built by thd's modules at import (inside the steps above):")
    for name, (count, seconds) in spent.items():
        print(f"  {name:<40} {seconds * 1000:6.1f} ms  ({count})")


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main(sys.argv[1:])
