"""Every ratio of the speed-and-memory goals in one run, each printed beside its goal, for the
README: validate against a bare python-calamine read, consolidate against validate, linearity,
peak memory of the whole process tree (PSS: the pages worker processes share with thd counted
once; the RSS sum is printed beside it), and the province-sized examples/inbox against start-up.

    .venv/bin/python benchmarks/run_all.py [--full] [--rounds N]

Whole processes throughout (`python -m thanghanhdong ...`), medians of N rounds (default 3; one
round at 3,000 forms and above). --full adds 10,000 forms (a few minutes more). Prints figures;
asserts nothing.
"""

from __future__ import annotations

import platform
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from harness import (
    THD,
    Project,
    Run,
    bare_read_command,
    consolidate_command,
    make_project,
    median_run,
    one_process_validate_command,
    validate_command,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "inbox"


def verdict(value: float, goal: float) -> str:
    return "ok" if value <= goal else "MISSED"


def ratio(label: str, value: float, goal: float, detail: str = "") -> None:
    print(f"  {label:<58} {value:5.2f}x  (goal <= {goal:.2f}x: {verdict(value, goal)}){detail}")


def memory(label: str, run: Run, goal: float) -> None:
    megabytes = run.peak_mb
    print(
        f"  {label:<58} {megabytes:5.0f} MB (goal <= {goal:.0f} MB: {verdict(megabytes, goal)})"
        f"  [PSS; RSS summed over the tree {run.peak_rss_mb:.0f} MB]"
    )


def rounds_for(count: int, rounds: int) -> int:
    return 1 if count >= 3000 else rounds


def validation_ratios(project: Project, rounds: int) -> Run:
    """Prints validate (workers, one process) against the bare read; returns validate's run."""
    n = rounds_for(project.count, rounds)
    median_run(bare_read_command(project.inbox), 1)  # warm the page cache
    bare = median_run(bare_read_command(project.inbox), n)
    workers = median_run(validate_command(project), n)
    single = median_run(one_process_validate_command(project), n)
    per = 1000 / project.count
    print(f"{project.count} forms: bare read {bare.seconds * per:.2f} ms/form")
    ratio("thd validate (workers) / bare read", workers.seconds / bare.seconds, 1.5)
    ratio("validate_inbox, one process / bare read", single.seconds / bare.seconds, 1.5)
    return workers


def consolidation_run(project: Project, validate: Run, rounds: int) -> Run:
    with tempfile.TemporaryDirectory(prefix="thd-out-") as out:
        run = median_run(consolidate_command(project, Path(out)), rounds_for(project.count, rounds))
    detail = f"  {run.seconds * 1000 / project.count:.2f} ms/form, {run.seconds:.1f} s"
    ratio(
        "thd consolidate (+docx +xlsx) / thd validate", run.seconds / validate.seconds, 1.5, detail
    )
    return run


def examples_ratios(rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="thd-examples-") as temp:
        cwd = Path(temp)  # no thd.toml here: the embedded default, as examples/inbox expects
        files = len(list(EXAMPLES.iterdir()))
        startup = median_run([*THD, "--help"], rounds + 2, cwd)
        bare = median_run(bare_read_command(EXAMPLES), rounds + 2, cwd)
        validate = median_run([*THD, "validate", str(EXAMPLES), "--json"], rounds + 2, cwd)
        outputs = ["--out", str(cwd / "b.docx"), "--xlsx", str(cwd / "t.xlsx")]
        command = [*THD, "consolidate", str(EXAMPLES), "--skip-invalid", "--force", *outputs]
        consolidate = median_run(command, rounds + 2, cwd)
    floor = startup.seconds + bare.seconds
    print(
        f"examples/inbox ({files} files): thd --help {startup.seconds * 1000:.0f} ms, bare read "
        f"{bare.seconds * 1000:.0f} ms, validate {validate.seconds * 1000:.0f} ms, "
        f"consolidate {consolidate.seconds * 1000:.0f} ms"
    )
    ratio("thd validate / (thd --help + bare read)", validate.seconds / floor, 1.5)
    ratio("thd consolidate / thd validate", consolidate.seconds / validate.seconds, 1.5)


def main(arguments: list[str]) -> None:
    full = "--full" in arguments
    rounds = int(arguments[arguments.index("--rounds") + 1]) if "--rounds" in arguments else 3
    print(
        f"{date.today()}; {platform.machine()}, {len(__import__('os').sched_getaffinity(0))} "
        f"CPUs usable, Python {platform.python_version()}"
    )
    examples_ratios(rounds)
    per_form: dict[int, float] = {}
    peaks: dict[int, Run] = {}
    for count in (600, 1000, 3000, *((10000,) if full else ())):
        with tempfile.TemporaryDirectory(prefix="thd-bench-") as temp:
            project = make_project(Path(temp) / "project", count)
            validate = validation_ratios(project, rounds)
            run = consolidation_run(project, validate, rounds)
        per_form[count], peaks[count] = run.seconds / count, run
    largest = max(per_form)
    print("linearity and memory:")
    ratio(
        f"consolidate per form, {largest:,} / 1,000 forms", per_form[largest] / per_form[1000], 1.2
    )
    memory("consolidate peak memory (process tree), 1,000 forms", peaks[1000], 100)
    if 10000 in peaks:
        memory("consolidate peak memory (process tree), 10,000 forms", peaks[10000], 250)
    else:
        print(f"  (10,000 forms with --full; 3,000 forms peak: {peaks[3000].peak_mb:.0f} MB)")


if __name__ == "__main__":
    main(sys.argv[1:])
