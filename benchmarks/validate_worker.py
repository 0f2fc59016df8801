"""One side of `validate.py --compare`: times validate_file over an inbox with whichever
thanghanhdong PYTHONPATH points at (an old revision's extracted src, or the working tree's).

Imports nothing of thd at module level and no benchmark helper, so that it runs against any
revision whose modules have moved: the entry point is looked up under the names it has had.
Prints one JSON line: the package's location, the time of every pass, the issues found.

    python -P benchmarks/validate_worker.py INBOX THD_TOML PASSES
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# (module, function) in the order tried; each takes (path, campaign) and returns a FileResult.
ENTRY_POINTS = [
    ("thanghanhdong.validate", "validate_file"),
    ("thanghanhdong.inbox", "validate_file"),
    ("thanghanhdong.service", "validate_file"),
    ("thanghanhdong.pipeline", "validate_file"),
]


def entry_point() -> Callable[[Path, Any], Any]:
    for module_name, function in ENTRY_POINTS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if hasattr(module, function):
            return getattr(module, function)  # type: ignore[no-any-return]
    raise SystemExit(f"no validate_file in {[m for m, _ in ENTRY_POINTS]}")


def issue_counts(results: list[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        for issue in getattr(result, "issues", []):
            key = f"{getattr(issue.severity, 'value', issue.severity)}:{issue.code}"
            counts[key] = counts.get(key, 0) + 1
    return counts


def main() -> None:
    inbox, config_path, passes = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    package = importlib.import_module("thanghanhdong")
    config = importlib.import_module("thanghanhdong.config")
    validate_file = entry_point()
    campaign = config.load(config_path)
    paths = sorted(inbox.glob("*.xlsx"))
    for path in paths[:20]:  # imports, caches, the page cache
        validate_file(path, campaign)
    seconds = []
    for _ in range(passes):
        start = time.perf_counter()
        results = [validate_file(path, campaign) for path in paths]
        seconds.append(time.perf_counter() - start)
    print(
        json.dumps(
            {
                "package": str(Path(package.__file__ or "").parent),
                "entry": f"{validate_file.__module__}.{validate_file.__name__}",
                "agencies": len(campaign.agencies),
                "forms": len(paths),
                "seconds": seconds,
                "issues": issue_counts(results),
            }
        )
    )


if __name__ == "__main__":
    main()
