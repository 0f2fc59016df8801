"""A roster large enough for the validation workers and for the Word report to leave its
per-agency appendices to the summary workbook gives the same figures as the sums of what was
typed."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from thanghanhdong import config
from thanghanhdong.config import Agency
from thanghanhdong.inbox import PARALLEL_THRESHOLD, validate_inbox
from thanghanhdong.pipeline import ConsolidateRequest, build_reports
from thanghanhdong.report.docx import PER_AGENCY_APPENDICES_UP_TO
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper, build_workbook_bytes


def test_large_roster(tmp_path: Path) -> None:
    count = max(PER_AGENCY_APPENDICES_UP_TO, PARALLEL_THRESHOLD) + 10
    agencies = [Agency(code=f"DV{i:04d}", name=f"Đơn vị số {i}") for i in range(count)]
    campaign = config.load(None).model_copy(update={"agencies": agencies})
    report = SampleReport()
    report.tables["activities"] = [
        SampleRow("Tập huấn", 2, 30, 45, "Xã"),
        SampleRow("Hội thi", 1, 7, 9, "Huyện"),
    ]
    stamper = FormStamper(campaign, fill_bytes(build_workbook_bytes(campaign), report))
    for agency in agencies:
        (tmp_path / f"{agency.code}.xlsx").write_bytes(stamper.stamp(agency))

    request = ConsolidateRequest(tmp_path, Path("b.docx"), Path("t.xlsx"))
    built = build_reports(validate_inbox(tmp_path, campaign), request)

    totals = built.consolidation.to_json()["totals"]
    assert totals["activities"] == {"count": 3 * count, "male": 37 * count, "female": 54 * count}
    assert totals["media"] == {"count": 30 * count, "male": 1200 * count, "female": 1350 * count}
    sheet = load_workbook(io.BytesIO(built.outputs[Path("t.xlsx")]))["Theo đơn vị"]
    names = {cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    assert {a.name for a in agencies} <= names


SPAWN_SCRIPT = """
import multiprocessing, sys
from pathlib import Path
from thanghanhdong import config
from thanghanhdong.config import Agency
from thanghanhdong.sample import SampleReport, fill_bytes
from thanghanhdong.pipeline import ConsolidateRequest, build_reports
from thanghanhdong.report.docx import PER_AGENCY_APPENDICES_UP_TO
from thanghanhdong.template import FormStamper, build_workbook_bytes
from thanghanhdong.inbox import validate_inbox

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn", force=True)
    inbox = Path(sys.argv[1])
    agencies = [Agency(code=f"DV{i:04d}", name=f"Don vi {i}") for i in range(PER_AGENCY_APPENDICES_UP_TO + 5)]
    campaign = config.load(None).model_copy(update={"agencies": agencies})
    stamper = FormStamper(campaign, fill_bytes(build_workbook_bytes(campaign), SampleReport()))
    for agency in agencies:
        (inbox / f"{agency.code}.xlsx").write_bytes(stamper.stamp(agency))
    request = ConsolidateRequest(inbox, Path("b.docx"), Path("t.xlsx"))
    built = build_reports(validate_inbox(inbox, campaign), request)
    print(built.consolidation.to_json()["totals"]["activities"]["count"], len(built.outputs) == 3)  # docx, xlsx, data file
"""


def test_parallel_paths_work_with_spawn(tmp_path: Path) -> None:
    """Windows starts worker processes by spawning (re-importing), not forking."""
    import subprocess
    import sys

    script = tmp_path / "run.py"
    script.write_text(SPAWN_SCRIPT, encoding="utf-8")
    (tmp_path / "inbox").mkdir()
    completed = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "inbox")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == [str(2 * (PER_AGENCY_APPENDICES_UP_TO + 5)), "True"]


def test_a_large_roster_writes_the_workbook_the_report_points_to(tmp_path: Path) -> None:
    """Above the roster a person reads, the report's appendices point to the summary workbook:
    `thd consolidate` writes it beside the report even without --xlsx."""
    from typer.testing import CliRunner

    from thanghanhdong.cli import app

    count = PER_AGENCY_APPENDICES_UP_TO + 1
    lines = [config.default_config_text().split("[[agencies]]")[0]]
    lines += [f'[[agencies]]\ncode = "DV{i:04d}"\nname = "Đơn vị số {i}"\n' for i in range(count)]
    (tmp_path / "thd.toml").write_text("\n".join(lines), encoding="utf-8")
    campaign = config.load(tmp_path / "thd.toml")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stamper = FormStamper(campaign, fill_bytes(build_workbook_bytes(campaign), SampleReport()))
    for agency in campaign.agencies[:3]:
        (inbox / f"{agency.code}.xlsx").write_bytes(stamper.stamp(agency))
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--config", str(tmp_path / "thd.toml")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.with_suffix(".xlsx").is_file()
    sheet = load_workbook(out.with_suffix(".xlsx"))["Theo đơn vị"]
    names = {cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    assert {a.name for a in campaign.agencies[:3]} <= names
