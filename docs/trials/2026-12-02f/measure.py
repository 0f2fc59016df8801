"""Wall time and peak memory (PSS and RSS summed over the process tree, benchmarks/harness.py)
of one thd command run in DIR, its stdout and stderr kept in DIR/NAME.out, NAME.err.
usage: measure.py DIR NAME thd-args..."""

import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))
from harness import THD, _sample  # noqa: E402

cwd, name, args = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
with open(cwd / f"{name}.out", "wb") as out, open(cwd / f"{name}.err", "wb") as err:
    start = time.perf_counter()
    proc = subprocess.Popen(THD + args, cwd=cwd, stdout=out, stderr=err)
    stop, peak = threading.Event(), [0, 0]
    sampler = threading.Thread(target=_sample, args=(proc.pid, stop, peak))
    sampler.start()
    rc = proc.wait()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
print(
    f"{name}: rc={rc} wall {seconds:.1f} s, peak PSS {peak[1] / 1024:.0f} MB, "
    f"RSS summed {peak[0] / 1024:.0f} MB; stdout {(cwd / f'{name}.out').stat().st_size:,} B, "
    f"stderr {(cwd / f'{name}.err').stat().st_size:,} B"
)
