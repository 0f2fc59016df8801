"""Validation speed: thd's per-form time beside a bare python-calamine read of the same files.

Makes 1,000 filled forms (one filled workbook, stamped for 1,000 synthetic agencies), then times
(1) a bare calamine read of every sheet, (2) `validate_file` one by one, (3) `validate_inbox`
with its worker processes; then the per-file cost of a Word answer and of its PDF (exported by
LibreOffice, when installed) through `validate_file`. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/validate.py [N]
    .venv/bin/python benchmarks/validate.py [N] --compare REV   # per-form time before/after

`--compare REV` times `validate_file` one process with the package of git revision REV (before)
and with the working tree's (after), each in a process of its own on the same files.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from thanghanhdong import config
from thanghanhdong.config import Agency, Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper, build_workbook_bytes
from thanghanhdong.validate import validate_file


def synthetic_campaign(count: int) -> Campaign:
    base = config.load(None)
    agencies = [Agency(code=f"DV{i:04d}", name=f"Đơn vị số {i}") for i in range(count)]
    return base.model_copy(update={"agencies": agencies})


def make_inbox(campaign: Campaign, inbox: Path) -> list[Path]:
    report = SampleReport()
    report.tables["activities"] = [
        SampleRow(item, 2, 30, 45, "Xã") for item in campaign.catalogues.items("activities")[:10]
    ]
    report.tables["media"] = [
        SampleRow(item, 20, 900, 1000, "Huyện") for item in campaign.catalogues.items("media")
    ]
    report.tables["products"] = [
        SampleRow(item, 50, 0, 0, "Xã") for item in campaign.catalogues.items("products")
    ]
    stamper = FormStamper(campaign, fill_bytes(build_workbook_bytes(campaign), report))
    paths = []
    for agency in campaign.agencies:
        path = inbox / f"{agency.code}.xlsx"
        path.write_bytes(stamper.stamp(agency))
        paths.append(path)
    return paths


def bare_read(path: Path) -> None:
    workbook = CalamineWorkbook.from_path(str(path))
    for name in workbook.sheet_names:
        workbook.get_sheet_by_name(name).to_python()


def per_form_ms(label: str, seconds: float, count: int) -> float:
    value = seconds * 1000 / count
    print(f"{label:<44} {value:7.2f} ms/form   ({seconds:.2f} s for {count})")
    return value


ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).with_name("validate_worker.py")


@dataclass
class Side:
    """One package timed by `compare`: its src folder and a thd.toml it can load."""

    label: str
    src: Path
    config: Path
    seconds: list[float] = field(default_factory=list)
    issues: dict[str, int] = field(default_factory=dict)


def extract_revision(revision: str, into: Path) -> Path:
    """src/ and templates/ of `revision` (git archive), so its resources resolve as in a checkout."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-tree", "--name-only", revision, "src", "templates"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, *listed], capture_output=True, check=True
    )
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "src"


def default_config_of(tree: Path) -> str:
    """The revision's own default thd.toml: its keys are the ones its strict models accept."""
    for candidate in ("templates/thd.toml", "src/thanghanhdong/templates/thd.toml"):
        if (tree / candidate).is_file():
            return (tree / candidate).read_text(encoding="utf-8")
    raise SystemExit(f"no default thd.toml in {tree}")


def revision_side(revision: str, count: int, temp: Path) -> Side:
    from harness import roster_config_text  # harness imports this module

    found = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "--verify", f"{revision}^{{commit}}"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if found.returncode != 0:
        raise SystemExit(f"--compare: {revision!r} is no commit of {ROOT}")
    commit = found.stdout.strip()
    tree = temp / f"rev-{commit}"
    src = extract_revision(commit, tree)
    config_path = tree / "thd.toml"
    config_path.write_text(roster_config_text(count, default_config_of(tree)), encoding="utf-8")
    return Side(f"before ({commit})", src, config_path)


def time_side(side: Side, inbox: Path, passes: int) -> None:
    """One fresh process of `side` over `inbox`: its passes are added to side.seconds."""
    done = subprocess.run(
        [sys.executable, "-P", str(WORKER), str(inbox), str(side.config), str(passes)],
        env={**os.environ, "PYTHONPATH": str(side.src)},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{side.label} failed:\n{done.stderr[-3000:]}")
    found = json.loads(done.stdout.splitlines()[-1])
    if Path(found["package"]).resolve() != (side.src / "thanghanhdong").resolve():
        raise SystemExit(f"{side.label} imported {found['package']}, not {side.src}")
    side.seconds += found["seconds"]
    side.issues = found["issues"]


def issue_summary(issues: dict[str, int]) -> str:
    errors = sum(n for key, n in issues.items() if key.startswith("error:"))
    warnings = sum(n for key, n in issues.items() if key.startswith("warning:"))
    codes = ", ".join(f"{key.split(':', 1)[1]} {n}" for key, n in sorted(issues.items()))
    return f"{errors} errors, {warnings} warnings" + (f" ({codes})" if codes else "")


def compare(count: int, revisions: list[str], processes: int = 3, passes: int = 3) -> None:
    """Per-form time of validate_file, before (each REV) and after (the working tree), on the
    same forms (made once, by the working tree's code), in fresh processes taken in turn;
    the best pass of each side is printed with the ratio, since noise only ever adds time."""
    from harness import roster_config_text

    with tempfile.TemporaryDirectory() as temp_name:
        temp = Path(temp_name)
        inbox, after_config = temp / "inbox", temp / "thd.toml"
        inbox.mkdir()
        after_config.write_text(roster_config_text(count), encoding="utf-8")
        make_inbox(config.load(after_config), inbox)
        sides = [revision_side(revision, count, temp) for revision in revisions]
        sides.append(Side("after (working tree)", ROOT / "src", after_config))
        for _ in range(processes):
            for side in sides:
                time_side(side, inbox, passes)
    print(f"validate_file, one process, {count} forms; best of {processes * passes} passes")
    for side in sides:
        best, median = min(side.seconds), statistics.median(side.seconds)
        print(
            f"  {side.label:<22} {best * 1000 / count:6.3f} ms/form "
            f"(median {median * 1000 / count:.3f}); {issue_summary(side.issues)}"
        )
    after = min(sides[-1].seconds)
    for side in sides[:-1]:
        print(f"after / {side.label}: {after / min(side.seconds):.3f}x")


# The issue-9 checks of the working tree, by category: (module file's tail, function names).
# The first entry of each list is where the category starts; helpers they call are included.
CHECK_CATEGORIES = {
    "sheet XML: formulas, error values, merges, hidden rows": [
        ("readers/excel.py", {"scan", "_marked_parts", "_apply", "_compute"}),
        ("readers/sheetxml.py", {"scan", "marked", "sheet_parts"}),
    ],
    "merged cells in tables": [("readers/layout.py", {"_merged"})],
    "info fields by label anywhere": [("readers/excel.py", {"_find_info"})],
    "subtotal and parent rows": [
        ("thanghanhdong/validate.py", {"_children", "_total_kind", "_sums_group"}),
        ("thanghanhdong/validate.py", {"_resolve_parents", "_figures_of"}),
    ],
    "budget units and plausibility": [("thanghanhdong/validate.py", {"_check_budget"})],
    "agency names (lookup incl. abbreviations)": [("thanghanhdong/validate.py", {"_identify"})],
    "duplicate rows (one warning per table)": [
        ("thanghanhdong/validate.py", {"_check_duplicates"})
    ],
    "blank figures": [("thanghanhdong/validate.py", {"_check_blank_figures"})],
}


def _category_functions(names: list[tuple[str, set[str]]], stats: Any) -> set[Any]:
    return {
        key
        for key in stats.stats
        for tail, functions in names
        if key[0].endswith(tail) and key[2] in functions
    }


def check_costs(count: int) -> None:
    """The working tree's issue-9 checks, each category's share of validate_file under cProfile
    (which slows Python calls more than calamine's C: read the shares as upper bounds)."""
    import cProfile
    import pstats

    campaign = synthetic_campaign(count)
    with tempfile.TemporaryDirectory() as temp:
        paths = make_inbox(campaign, Path(temp))
        for path in paths[:20]:
            validate_file(path, campaign)
        profile = cProfile.Profile()
        profile.runcall(lambda: [validate_file(path, campaign) for path in paths])
    stats = pstats.Stats(profile)
    total = next(v[3] for k, v in stats.stats.items() if k[2] == "validate_file")  # type: ignore[attr-defined]
    print(
        f"issue-9 checks under cProfile, {count} forms; validate_file {total * 1000 / count:.3f} ms/form"
    )
    for label, names in CHECK_CATEGORIES.items():
        keys = _category_functions(names, stats)
        # Only calls from outside the category, so nothing is counted twice.
        seconds = sum(
            sum(ct for caller, (_, _, _, ct) in stats.stats[key][4].items() if caller not in keys)  # type: ignore[attr-defined]
            for key in keys
        )
        print(f"  {label:<44} {seconds * 1000 / count:6.3f} ms/form {seconds / total:6.1%}")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    if "--checks" in sys.argv:
        check_costs(count)
        return
    if "--compare" in sys.argv:
        compare(count, sys.argv[sys.argv.index("--compare") + 1].split(","))
        return
    campaign = synthetic_campaign(count)
    with tempfile.TemporaryDirectory() as temp:
        inbox = Path(temp)
        paths = make_inbox(campaign, inbox)
        for path in paths[:20]:  # warm the page cache and imports
            bare_read(path)
            validate_file(path, campaign)

        start = time.perf_counter()
        for path in paths:
            bare_read(path)
        bare = per_form_ms(
            "bare python-calamine read (all sheets)", time.perf_counter() - start, count
        )

        start = time.perf_counter()
        for path in paths:
            validate_file(path, campaign)
        serial = per_form_ms("thd validate_file, one process", time.perf_counter() - start, count)

        start = time.perf_counter()
        report = validate_inbox(inbox, campaign)
        parallel = per_form_ms(
            "thd validate_inbox (worker processes)", time.perf_counter() - start, count
        )
        assert not report.has_errors

    print(
        f"validation / bare read: {serial / bare:.2f}x one process, {parallel / bare:.2f}x with workers"
    )
    document_answers()


def document_answers(repeats: int = 20) -> None:
    """A Word answer (the plan's form filled in) and its PDF, each through validate_file."""
    from readers import export_pdfs

    campaign = config.load(None)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        pdfs = export_pdfs(folder)
        answers = {"Word": folder / "seed_form.docx"}
        if "seed_form" in pdfs:
            answers["PDF"] = folder / "seed_form.pdf"
        else:
            print("PDF answer skipped: LibreOffice (soffice) is not installed")
        for kind, path in answers.items():
            validate_file(path, campaign)  # imports, caches
            start = time.perf_counter()
            for _ in range(repeats):
                result = validate_file(path, campaign)
            ms = (time.perf_counter() - start) * 1000 / repeats
            target = 20 if kind == "Word" else 100
            print(
                f"{kind + ' answer through validate_file':<44} {ms:7.2f} ms/file  "
                f"(target {target} ms; {result.agency_name}, {len(result.errors)} errors)"
            )


if __name__ == "__main__":
    main()
