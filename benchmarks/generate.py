"""Time form generation for a synthetic roster of 1,000 agencies.

Compares the stamped path (build the workbook once, stamp each agency's copy) with building
every form from scratch with openpyxl. Prints figures only; run it with
`.venv/bin/python benchmarks/generate.py [AGENCIES] [SCRATCH_SAMPLE]`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from thanghanhdong import config
from thanghanhdong.config import Campaign
from thanghanhdong.template import FormStamper, build_workbook_bytes, file_name, write_forms


def synthetic_campaign(size: int) -> Campaign:
    """The embedded default with `size` agencies, names long and accented like real ones."""
    data = config.load(None).model_dump()
    data["agencies"] = [
        {
            "code": f"DV{number:04d}",
            "name": f"UBND xã Thượng Ân Đồng Phúc Quảng Khê số {number}",
            "group": "district" if number % 3 else "province",
        }
        for number in range(1, size + 1)
    ]
    return Campaign.model_validate(data)


def time_stamped(campaign: Campaign, out_dir: Path) -> tuple[float, float, int]:
    """(seconds to build the shared workbook, seconds to write every form, bytes written)."""
    start = time.perf_counter()
    FormStamper(campaign)
    build_once = time.perf_counter() - start
    start = time.perf_counter()
    written = list(write_forms(campaign, campaign.agencies, out_dir))
    total = time.perf_counter() - start
    return build_once, total, sum(item.path.stat().st_size for item in written)


def time_from_scratch(campaign: Campaign, out_dir: Path, sample: int) -> float:
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for agency in campaign.agencies[:sample]:
        (out_dir / file_name(campaign, agency)).write_bytes(build_workbook_bytes(campaign, agency))
    return time.perf_counter() - start


def main(size: int = 1000, sample: int = 20) -> None:
    campaign = synthetic_campaign(size)
    with tempfile.TemporaryDirectory(prefix="thd-bench-") as temp:
        build_once, total, size_bytes = time_stamped(campaign, Path(temp) / "stamped")
        scratch = time_from_scratch(campaign, Path(temp) / "scratch", sample)
    stamped_ms = total / size * 1000
    scratch_ms = scratch / sample * 1000
    print(f"agencies: {size}; from-scratch sample: {sample}")
    print(f"stamped:      {stamped_ms:7.2f} ms per form  ({total:.2f} s for {size} forms,")
    print(f"              including one build of the shared workbook, {build_once * 1000:.0f} ms;")
    print(f"              {size_bytes / size / 1024:.1f} KiB per form)")
    print(f"from scratch: {scratch_ms:7.2f} ms per form  ({scratch:.2f} s for {sample} forms)")
    print(f"speed-up:     {scratch_ms / stamped_ms:7.1f}x")


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    main(*arguments)
