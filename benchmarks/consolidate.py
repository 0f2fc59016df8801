"""Consolidation speed: validate alone vs validate + consolidate + both outputs, for 1,000 forms.

Reuses the synthetic inbox of benchmarks/validate.py. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/consolidate.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from validate import make_inbox, synthetic_campaign

from thanghanhdong.inbox import validate_inbox
from thanghanhdong.pipeline import ConsolidateRequest, build_reports


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    campaign = synthetic_campaign(count)
    with tempfile.TemporaryDirectory() as temp:
        inbox = Path(temp)
        make_inbox(campaign, inbox)
        validate_inbox(inbox, campaign)  # warm caches

        start = time.perf_counter()
        report = validate_inbox(inbox, campaign)
        validate_s = time.perf_counter() - start

        start = time.perf_counter()
        request = ConsolidateRequest(inbox, inbox / "b.docx", inbox / "t.xlsx")
        built = build_reports(report, request)
        outputs_s = time.perf_counter() - start

    total = validate_s + outputs_s
    print(
        f"validate alone                      {validate_s:6.2f} s  ({validate_s * 1000 / count:.2f} ms/form)"
    )
    print(
        f"consolidate + .docx + .xlsx         {outputs_s:6.2f} s  (docx {len(built.outputs[request.out]) // 1024} KiB)"
    )
    print(
        f"validate + consolidate, end to end  {total:6.2f} s  ({total * 1000 / count:.2f} ms/form)"
    )
    print(f"end to end / validate alone: {total / validate_s:.2f}x")


if __name__ == "__main__":
    main()
