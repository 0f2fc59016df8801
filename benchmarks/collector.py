"""The garbage collector's share of a one-process validation of N filled forms (default 1,000):
the time spent in collections, timed with `gc.callbacks`, against the whole `validate_inbox`.
Prints figures; asserts nothing. A revision's package can be measured the same way by putting
its `src` first on PYTHONPATH (e.g. one extracted with `git archive REV src templates`).

    .venv/bin/python benchmarks/collector.py [N]
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from validate import make_inbox, synthetic_campaign

from thanghanhdong.inbox import validate_inbox


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    campaign = synthetic_campaign(count)
    with tempfile.TemporaryDirectory() as temp:
        inbox = Path(temp)
        make_inbox(campaign, inbox)
        spent, started, runs = [0.0], [0.0], [0]

        def timed(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                started[0] = time.perf_counter()
            else:
                spent[0] += time.perf_counter() - started[0]
                runs[0] += 1

        gc.collect()
        gc.callbacks.append(timed)
        start = time.perf_counter()
        validate_inbox(inbox, campaign, workers=1)
        total = time.perf_counter() - start
        gc.callbacks.remove(timed)
    print(
        f"{count} forms, one process: validate_inbox {total:.2f} s, collector {spent[0]:.3f} s "
        f"({100 * spent[0] / total:.1f} %) in {runs[0]} collections"
    )


if __name__ == "__main__":
    main()
