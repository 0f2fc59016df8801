"""Shared by scale.py and run_all.py: a synthetic project on disk (thd.toml + filled inbox), and
whole-process runs measured for wall time and the peak memory of the whole process tree.

The peak is the largest sum of the resident set sizes of a process and all its descendants,
sampled every few milliseconds from /proc (Linux); elsewhere only the largest single process
(ru_maxrss) is known.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from validate import make_inbox

import thanghanhdong
from thanghanhdong import config

THD = [sys.executable, "-m", "thanghanhdong"]
BARE_READ = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
for path in sorted(Path(sys.argv[1]).iterdir()):
    workbook = CalamineWorkbook.from_path(str(path))
    for name in workbook.sheet_names:
        workbook.get_sheet_by_name(name).to_python()
"""
ONE_PROCESS_VALIDATE = """
import sys
from pathlib import Path
from thanghanhdong import config
from thanghanhdong.inbox import validate_inbox
validate_inbox(Path(sys.argv[1]), config.load(Path(sys.argv[2])), workers=1)
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float  # peak PSS of the process tree (RSS where the kernel cannot tell PSS)
    peak_rss_mb: float = 0.0  # peak of the RSS summed over the tree: shared pages counted again


@dataclass
class Project:
    root: Path
    count: int

    @property
    def config(self) -> Path:
        return self.root / "thd.toml"

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"


def config_with_roster(entries: list[str], default: str | None = None) -> str:
    """A default thd.toml (the embedded one, or `default`: another revision's) with its roster
    replaced by `entries` (inline tables)."""
    text = default if default is not None else config.default_config_text()
    text = re.sub(r"\[\[agencies\]\]\n(?:[a-z]+ = .*\n?)*", "", text)
    agencies = ",\n".join(f"  {entry}" for entry in entries)
    return f"agencies = [\n{agencies},\n]\n\n{text}"


def roster_entries(count: int) -> list[str]:
    """`count` synthetic agencies, with only the keys every revision's config knows."""
    return [
        f'{{ code = "DV{i:05d}", name = "UBND xã Thượng Ân Đồng Phúc số {i}" }}'
        for i in range(count)
    ]


def roster_config_text(count: int, default: str | None = None) -> str:
    """The default thd.toml (or another revision's, `default`) with `count` synthetic agencies."""
    return config_with_roster(roster_entries(count), default)


def make_project(root: Path, count: int) -> Project:
    project = Project(root, count)
    root.mkdir(parents=True, exist_ok=True)
    project.config.write_text(roster_config_text(count), encoding="utf-8")
    project.inbox.mkdir()
    make_inbox(config.load(project.config), project.inbox)
    return project


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found: list[int] = []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(p) for p in handle.read().split()]
        except OSError:
            continue
    return found


def _memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process. PSS shares each page among the processes mapping it: worker
    processes forked from thd share most of its pages, which a sum of RSS counts again for
    each of them. PSS is 0 where the kernel has no smaps_rollup."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/statm") as handle:
            rss = int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                    break
    except (OSError, IndexError, ValueError):
        pass
    return rss, pss


def tree_memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process and all its descendants, summed."""
    rss = pss = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        one_rss, one_pss = _memory_kib(current)
        rss, pss = rss + one_rss, pss + one_pss
        pending += _children(current)
    return rss, pss


def _sample(pid: int, stop: threading.Event, peak: list[int]) -> None:
    while not stop.is_set():
        rss, pss = tree_memory_kib(pid)
        peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
        stop.wait(0.005)


def installed_environment() -> dict[str, str]:
    """The environment of a run as an officer's installed thd has it: the package compiled to
    bytecode once, as `pip install` does (a shell with PYTHONDONTWRITEBYTECODE=1, as in some
    containers, would otherwise have every run compile thd's sources again: ~30 ms a start)."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if not _compiled:
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(Path(thanghanhdong.__file__).parent)],
            env=environment,
            check=True,
        )
        _compiled.append(True)
    return environment


_compiled: list[bool] = []


def measure(command: list[str], cwd: Path | None = None) -> Run:
    """Run `command` to completion; its wall time and the peak memory of its process tree."""
    environment = installed_environment()
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    stop, peak = threading.Event(), [0, 0]
    sampler = threading.Thread(target=_sample, args=(process.pid, stop, peak), daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{command} failed: {process.stderr.read() if process.stderr else ''}")
    # ru_maxrss would carry this process's own size across fork and exec: only a fallback.
    rss = (peak[0] or usage.ru_maxrss) / 1024
    return Run(seconds, peak[1] / 1024 if peak[1] else rss, rss)


def median_run(command: list[str], rounds: int, cwd: Path | None = None) -> Run:
    runs = [measure(command, cwd) for _ in range(rounds)]
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.peak_mb for r in runs),
        statistics.median(r.peak_rss_mb for r in runs),
    )


def consolidate_command(project: Project, out: Path) -> list[str]:
    return [
        *THD,
        "consolidate",
        str(project.inbox),
        "--config",
        str(project.config),
        "--out",
        str(out / "baocao.docx"),
        "--xlsx",
        str(out / "tonghop.xlsx"),
        "--force",
        "--date",
        "05/01/2022",
    ]


def validate_command(project: Project) -> list[str]:
    return [*THD, "validate", str(project.inbox), "--config", str(project.config), "--json"]


def one_process_validate_command(project: Project) -> list[str]:
    return [sys.executable, "-c", ONE_PROCESS_VALIDATE, str(project.inbox), str(project.config)]


def bare_read_command(inbox: Path) -> list[str]:
    return [sys.executable, "-c", BARE_READ, str(inbox)]
