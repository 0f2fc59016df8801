"""Per-file cost of the Word and PDF readers on typical agency reports (targets: a Word answer
under 20 ms, a PDF under 100 ms). The reports are the test suite's python-docx builds; the PDFs
are exported from them by LibreOffice (skipped without soffice). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/readers.py [REPEATS]
"""

from __future__ import annotations

import importlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

import word_reports as reports


def typical_report() -> bytes:
    """The plan's form filled in at a district's usual length: 12 activities, 6 media rows,
    8 products, a few paragraphs per section (about 4 pages)."""
    activities = [[str(n), f"Hoạt động {n}", "2", "40", "55", "Xã"] for n in range(1, 13)]
    media = [[str(n), f"Truyền thông {n}", "10", "", "", "Huyện"] for n in range(1, 7)]
    products = [[str(n), f"Sản phẩm {n}", "500", "200", "300", "Xã"] for n in range(1, 9)]
    prose = "Các cơ quan, đơn vị đã triển khai đầy đủ các nội dung theo kế hoạch của tỉnh. " * 4
    return reports.seed_form(tables=(activities, media, products), prose=[prose] * 3)


BUILDERS = (
    reports.seed_form,
    reports.district_report,
    reports.typed_header_report,
    typical_report,
)


def import_ms(module: str) -> float:
    start = time.perf_counter()
    importlib.import_module(module)
    return (time.perf_counter() - start) * 1000


def timings(
    read: Callable[[bytes], object], data: bytes, repeats: int
) -> tuple[float, float, float]:
    """(first call, median wall time, median CPU time of the following calls), in ms. The CPU
    time is the figure to read on a shared machine, where wall time also counts the others."""
    start = time.perf_counter()
    read(data)
    first = (time.perf_counter() - start) * 1000
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        read(data)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return first, statistics.median(wall), statistics.median(cpu)


def export_pdfs(folder: Path) -> dict[str, bytes]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return {}
    sources = []
    for build in BUILDERS:
        source = folder / f"{build.__name__}.docx"
        source.write_bytes(build())
        sources.append(str(source))
    profile = (folder / "profile").resolve().as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += ["--convert-to", "pdf", "--outdir", str(folder), *sources]
    subprocess.run(command, capture_output=True, timeout=300, check=False)
    return {p.stem: p.read_bytes() for p in folder.glob("*.pdf")}


def show(
    kind: str, name: str, size: int, figures: tuple[float, float, float], target: float
) -> None:
    first, wall, cpu = figures
    verdict = "ok" if cpu < target else "OVER TARGET"
    print(
        f"{kind:<5} {name:<20} {size / 1024:5.1f} KB  first {first:6.1f} ms  "
        f"median wall {wall:6.1f} ms  cpu {cpu:6.1f} ms  (target {target:.0f} ms: {verdict})"
    )


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, load average {load:.1f}; {repeats} runs per file")
    print(f"import thanghanhdong.readers.word: {import_ms('thanghanhdong.readers.word'):.0f} ms")
    print(f"import thanghanhdong.readers.pdf:  {import_ms('thanghanhdong.readers.pdf'):.0f} ms")
    from thanghanhdong.readers.pdf import read_pdf
    from thanghanhdong.readers.word import read_docx

    for build in BUILDERS:
        data = build()
        show("word", build.__name__, len(data), timings(read_docx, data, repeats), 20)
    with tempfile.TemporaryDirectory() as folder:
        pdfs = export_pdfs(Path(folder))
    if not pdfs:
        print("pdf   skipped: LibreOffice (soffice) is not installed")
    for name, data in sorted(pdfs.items()):
        show("pdf", name, len(data), timings(read_pdf, data, repeats), 100)


if __name__ == "__main__":
    main()
