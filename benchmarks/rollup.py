"""A ministry's roll-up of 34 provincial consolidations of 100 agencies each, beside
consolidating the 3,400 forms directly: wall time and peak memory of the whole process tree.

    .venv/bin/python benchmarks/rollup.py [PROVINCES] [AGENCIES]

Prints figures; asserts nothing. One province is made for real (100 filled forms consolidated
by `thd consolidate`); its data file is copied 34 times under other names (each province's
agencies renamed, so that no agency is counted twice), and the ministry's inbox holds those.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from harness import Project, config_with_roster, consolidate_command, make_project, measure


def ministry_config(provinces: int) -> str:
    return config_with_roster(
        [
            f'{{ code = "T{p:02d}", name = "UBND tỉnh Số {p}", group = "district" }}'
            for p in range(provinces)
        ]
    )


def province_copy(data: dict, province: int) -> dict:
    copy = json.loads(json.dumps(data))
    copy["issuer"]["parent"] = f"UBND TỈNH SỐ {province}"
    for entry in copy["status"]["agencies"]:
        entry["name"] = f"{entry['name']} (tỉnh {province})"
    return copy


def make_ministry(root: Path, provinces: int, agencies: int) -> Project:
    province = make_project(root / "tinh", agencies)
    out = root / "tinh-out"
    out.mkdir()
    measure(consolidate_command(province, out))
    data = json.loads((out / "baocao.json").read_text(encoding="utf-8"))
    ministry = Project(root / "bo", provinces)
    ministry.inbox.mkdir(parents=True)
    ministry.config.write_text(ministry_config(provinces), encoding="utf-8")
    for p in range(provinces):
        text = json.dumps(province_copy(data, p), ensure_ascii=False)
        (ministry.inbox / f"tinh-{p:02d}.json").write_text(text, encoding="utf-8")
    return ministry


def main(arguments: list[str]) -> None:
    provinces = int(arguments[0]) if arguments else 34
    agencies = int(arguments[1]) if len(arguments) > 1 else 100
    with tempfile.TemporaryDirectory(prefix="thd-rollup-") as temp:
        root = Path(temp)
        ministry = make_ministry(root, provinces, agencies)
        direct = make_project(root / "direct", provinces * agencies)
        totals = []
        for name, project in (("roll-up", ministry), ("direct", direct)):
            out = root / f"out-{name}"
            out.mkdir()
            measure(consolidate_command(project, out))  # warm the page cache
            run = measure(consolidate_command(project, out))
            files = len(list(project.inbox.iterdir()))
            totals.append(json.loads((out / "baocao.json").read_text(encoding="utf-8"))["totals"])
            print(f"{name:<8} {files:>5} files   {run.seconds:6.2f} s   peak {run.peak_mb:6.0f} MB")
        print(f"same totals both ways: {totals[0] == totals[1]}")


if __name__ == "__main__":
    main(sys.argv[1:])
