"""The benchmark scripts still run (on a handful of forms): a refactoring that breaks one is
caught here, not when someone needs the figures. Nothing is timed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


@pytest.mark.parametrize(
    ("script", "args"),
    [
        ("validate.py", ["8"]),
        ("validate.py", ["4", "--compare", "HEAD"]),  # the before/after of a revision
        ("consolidate.py", ["8"]),
        ("outputs.py", ["8"]),
        ("generate.py", ["8", "2"]),
        ("scale.py", ["8"]),
        ("rollup.py", ["2", "4"]),
        ("collector.py", ["8"]),
        ("startup.py", ["--rounds", "1"]),
    ],
)
def test_benchmark_runs(script: str, args: list[str]) -> None:
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert completed.stdout.strip()
