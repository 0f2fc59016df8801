"""All the speed figures in one run, for the README: generate, validate and consolidate per form
for a roster of N agencies, peak memory, and `thd --help` start-up beside a bare Typer app.

    .venv/bin/python benchmarks/run_all.py [N]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from validate import make_inbox, synthetic_campaign

from thanghanhdong.service import build_reports
from thanghanhdong.template import write_forms
from thanghanhdong.validate import validate_inbox

BARE_TYPER = """
import typer
app = typer.Typer()
@app.command()
def generate(): pass
@app.command()
def validate(): pass
app()
"""


def startup_seconds(command: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    campaign = synthetic_campaign(count)
    print(
        f"{count} agencies; {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as temp:
        start = time.perf_counter()
        list(write_forms(campaign, campaign.agencies, Path(temp) / "forms"))
        generate_s = time.perf_counter() - start

        inbox = Path(temp) / "inbox"
        inbox.mkdir()
        make_inbox(campaign, inbox)
        start = time.perf_counter()
        report = validate_inbox(inbox, campaign)
        validate_s = time.perf_counter() - start
        start = time.perf_counter()
        build_reports(report, want_xlsx=True)
        outputs_s = time.perf_counter() - start

    per = 1000 / count
    print(f"generate-templates   {generate_s * per:6.2f} ms/form")
    print(f"validate             {validate_s * per:6.2f} ms/form")
    print(f"consolidate (+docx, +xlsx) {(validate_s + outputs_s) * per:6.2f} ms/form end to end")
    print(f"peak memory          {peak_mb():6.0f} MB")
    thd = startup_seconds([sys.executable, "-m", "thanghanhdong", "--help"])
    bare = startup_seconds([sys.executable, "-c", BARE_TYPER, "--help"])
    print(
        f"thd --help           {thd * 1000:6.0f} ms   (bare Typer app {bare * 1000:.0f} ms, {thd / bare:.2f}x)"
    )


if __name__ == "__main__":
    main()
