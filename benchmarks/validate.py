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

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def serial_only(count: int, inbox: Path) -> None:
    """Time validate_file over the forms already in `inbox` (run by `compare`): the best of
    three passes, since the machine is shared and noise only ever adds time."""
    campaign = synthetic_campaign(count)
    paths = sorted(inbox.glob("*.xlsx"))
    for path in paths[:20]:
        validate_file(path, campaign)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for path in paths:
            validate_file(path, campaign)
        best = min(best, time.perf_counter() - start)
    print(f"{best * 1000 / len(paths):.3f}")


def compare(count: int, revision: str) -> None:
    """Per-form time of validate_file, before (REV) and after (the working tree), alternated
    in fresh processes on the same files; the best of each is printed with their ratio."""
    with tempfile.TemporaryDirectory() as temp:
        base, inbox = Path(temp) / "base", Path(temp) / "inbox"
        base.mkdir()
        inbox.mkdir()
        make_inbox(synthetic_campaign(count), inbox)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", revision, "src", "templates"],
            capture_output=True, check=True,
        )  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        sides = {f"before ({revision})": base / "src", "after": ROOT / "src"}
        best = dict.fromkeys(sides, float("inf"))
        for _ in range(2):
            for label, src in sides.items():
                done = subprocess.run(
                    [sys.executable, __file__, str(count), "--serial-only", str(inbox)],
                    env={**os.environ, "PYTHONPATH": str(src)},
                    capture_output=True, text=True, check=True,
                )  # fmt: skip
                best[label] = min(best[label], float(done.stdout.split()[-1]))
        for label, value in best.items():
            print(f"validate_file, one process, {label:<22} {value:6.2f} ms/form")
        before, after = best.values()
        print(f"after / before: {after / before:.2f}x ({count} forms)")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    if "--serial-only" in sys.argv:
        serial_only(count, Path(sys.argv[sys.argv.index("--serial-only") + 1]))
        return
    if "--compare" in sys.argv:
        compare(count, sys.argv[sys.argv.index("--compare") + 1])
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
