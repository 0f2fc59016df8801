"""The form is one definition: a fourth table, or an extra number column, is an edit to form.py
(and the table's catalogue in thd.toml) — and then generate, fill, validate, consolidate, the
Word report and the summary workbook all carry it. Each test edits a copy of the package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
from openpyxl import load_workbook

from thanghanhdong import config

SRC = Path(__file__).parents[1] / "src"

FOURTH_TABLE = """
TABLES = (
    *TABLES,
    TableSpec(
        "support",
        4,
        "4. Hỗ trợ",
        "Hỗ trợ nạn nhân bạo lực trên cơ sở giới",
        standard_columns("Hình thức hỗ trợ", "Số lượt", "Số người được hỗ trợ"),
        "Hỗ trợ {count} lượt",
        "lượt",
    ),
)
TABLE_KEYS = tuple(t.key for t in TABLES)
"""

EXTRA_COLUMN = """
TABLES = (
    TableSpec(
        TABLES[0].key,
        TABLES[0].number,
        TABLES[0].sheet,
        TABLES[0].title,
        standard_columns(
            "Hoạt động",
            "Số cuộc",
            "Số người tham gia",
            Column("online", ColumnKind.NUMBER, "Trong đó trực tuyến", 14),
        ),
        TABLES[0].action,
        TABLES[0].unit,
        counts_sessions=True,
    ),
    *TABLES[1:],
)
"""

FILL = """
import sys
from pathlib import Path
from thanghanhdong import config, form
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper, build_workbook_bytes

campaign = config.load(Path(sys.argv[1]))
report = SampleReport()
for spec in form.TABLES:
    report.tables.setdefault(spec.key, [])
report.tables["support"] = [SampleRow("Tư vấn tâm lý", 3, 4, 11, "Huyện")] if "support" in form.TABLE_KEYS else []
report.tables["activities"] = [
    SampleRow("Tập huấn", 2, 40, 65, "Huyện", extra={"online": 1}),
    SampleRow("Tọa đàm", 1, 10, 15, "Xã", extra={"online": 0}),
]
stamper = FormStamper(campaign, fill_bytes(build_workbook_bytes(campaign), report))
for code in ("BABE", "NARI"):
    agency = campaign.agency(code)
    Path(sys.argv[2], f"{code}.xlsx").write_bytes(stamper.stamp(agency))
"""


def _package_with(tmp_path: Path, edit: str) -> Path:
    root = tmp_path / "src"
    shutil.copytree(SRC / "thanghanhdong", root / "thanghanhdong")
    # as in the wheel: the shipped templates inside the package (the Word template unchanged)
    shutil.copytree(SRC.parent / "templates", root / "thanghanhdong" / "templates")
    form_py = root / "thanghanhdong" / "form.py"
    text = form_py.read_text(encoding="utf-8")
    anchor = "\n# Rows of a table sheet in a freshly generated form."
    form_py.write_text(text.replace(anchor, edit + anchor, 1), encoding="utf-8")
    return root


def _run(root: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


def _end_to_end(tmp_path: Path, edit: str, catalogue: str = "") -> tuple[dict, Path, Path]:
    root = _package_with(tmp_path, edit)
    text = config.default_config_text().replace("[catalogues]\n", f"[catalogues]\n{catalogue}", 1)
    (tmp_path / "thd.toml").write_text(text, encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (tmp_path / "fill.py").write_text(FILL, encoding="utf-8")
    filled = _run(root, "fill.py", "thd.toml", str(inbox), cwd=tmp_path)
    assert filled.returncode == 0, filled.stderr
    checked = _run(root, "-m", "thanghanhdong", "validate", "inbox", "--json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    out, xlsx = tmp_path / "baocao.docx", tmp_path / "tonghop.xlsx"
    args = ["consolidate", "inbox", "--out", str(out), "--xlsx", str(xlsx), "--json"]
    done = _run(root, "-m", "thanghanhdong", *args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), out, xlsx


def _texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def test_a_fourth_table_goes_through_every_step(tmp_path: Path) -> None:
    data, out, xlsx = _end_to_end(tmp_path, FOURTH_TABLE, 'support = ["Tư vấn tâm lý"]\n')
    assert data["totals"]["support"] == {"count": 6, "male": 8, "female": 22}
    texts = _texts(out)
    assert "4. Hỗ trợ nạn nhân bạo lực trên cơ sở giới" in texts  # Phần III
    assert "4. Hỗ trợ" in texts  # Phụ lục I's group of columns
    assert any(t.startswith("- Hỗ trợ 6 lượt") for t in texts)  # the sentence of I.2
    workbook = load_workbook(xlsx)
    values = {c.value for s in workbook.worksheets for r in s.iter_rows() for c in r}
    assert "Tư vấn tâm lý" in values


def test_an_extra_column_goes_through_every_step(tmp_path: Path) -> None:
    data, out, xlsx = _end_to_end(tmp_path, EXTRA_COLUMN)
    # two agencies, each 1 online session of 3: summed like every number column
    assert data["totals"]["activities"]["online"] == 2
    assert data["totals"]["activities"]["count"] == 6
    table = next(
        t for t in docx.Document(str(out)).tables if t.rows[0].cells[1].text == "Hoạt động"
    )
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "STT", "Hoạt động", "Số cuộc", "Số người tham gia", "Số người tham gia",
        "Trong đó trực tuyến", "Cấp triển khai",
    ]  # fmt: skip
    total = [c.text for c in table.rows[-1].cells]
    assert total[1:6] == ["Tổng cộng", "6", "100", "160", "2"]
    sheet = load_workbook(xlsx)["Tổng hợp"]
    values = {c.value for r in sheet.iter_rows() for c in r}
    assert "Trong đó trực tuyến" in values
