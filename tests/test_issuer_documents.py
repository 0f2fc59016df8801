"""I.1 lists the issuer's configured guidance and also the documents its own form names (review
2026-12-02d: with `guidance` set, the issuer's own "Kế hoạch số 96/KH-SNV" vanished from I.1 and
Phụ lục IV, though it is the issuer's document). A document the guidance already cites is
listed once. Forms generated and filled with openpyxl, consolidated by the command, the Word
report read back with python-docx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from typer.testing import CliRunner

from thanghanhdong import config
from thanghanhdong.cli import app
from thanghanhdong.resources import template_path
from thanghanhdong.sample import SampleReport, fill
from thanghanhdong.template import file_name

runner = CliRunner()
GUIDANCE = (
    "Sở Lao động - Thương binh và Xã hội ban hành Công văn số 2315/SLĐTBXH-BTXH ngày 25/10/2021 "
    "hướng dẫn các cơ quan, đơn vị, địa phương triển khai Tháng hành động"
)


def _report(tmp_path: Path, direction: str) -> docx.document.Document:
    text = template_path("thd.toml").read_text(encoding="utf-8")
    start = text.index("# guidance = [")
    end = text.index("\n", start)
    toml = tmp_path / "thd.toml"
    toml.write_text(text[:start] + f'guidance = ["{GUIDANCE}"]' + text[end:], encoding="utf-8")
    campaign = config.load(toml)
    forms, inbox = tmp_path / "forms", tmp_path / "inbox"
    args = ["generate-templates", "--config", str(toml), "--out", str(forms)]
    assert runner.invoke(app, [*args, "--agency", "SLDTBXH", "--agency", "SYT"]).exit_code == 0
    inbox.mkdir()
    for code, said in (("SLDTBXH", direction), ("SYT", "Ban hành Kế hoạch số 12/KH-SYT.")):
        agency = campaign.agency(code)
        assert agency is not None
        report = SampleReport(report_date=date(2021, 12, 17))
        report.narratives = {**report.narratives, "direction": said}
        fill(forms / file_name(campaign, agency), inbox / file_name(campaign, agency), report)
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--config", str(toml), "--out", str(out)]
    result = runner.invoke(app, [*args, "--date", "2021-12-22"])
    assert result.exit_code == 0, result.output
    return docx.Document(str(out))


def _direction_paragraphs(document: docx.document.Document) -> list[str]:
    paragraphs = [p.text for p in document.paragraphs]
    first = paragraphs.index("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    return paragraphs[first + 1 : paragraphs.index("2. Nội dung hoạt động đã triển khai")]


def test_the_issuers_own_plan_is_listed_beside_its_guidance(tmp_path: Path) -> None:
    direction = (
        "Sở ban hành Kế hoạch số 96/KH-SLĐTBXH ngày 30/10/2021 về tổ chức các hoạt động tại cơ "
        "quan; Công văn số 2315/SLĐTBXH-BTXH ngày 25/10/2021 hướng dẫn các đơn vị."
    )
    paragraphs = _direction_paragraphs(_report(tmp_path, direction))
    issuer = "Sở Lao động - Thương binh và Xã hội"
    assert f"- {GUIDANCE}." in paragraphs
    assert f"- {issuer} ban hành Kế hoạch số 96/KH-SLĐTBXH ngày 30/10/2021." in paragraphs
    assert sum("2315/SLĐTBXH-BTXH" in p for p in paragraphs) == 1  # cited by the guidance: once
    assert (
        "- Có 1/1 cơ quan, đơn vị, địa phương (không kể Sở Lao động - Thương binh và Xã hội) đã "
        "báo cáo ban hành 1 kế hoạch"
    ) in "\n".join(paragraphs)


def test_phu_luc_iv_holds_the_number_in_a_cell_of_its_own(tmp_path: Path) -> None:
    """Review 2026-12-02d: "Kế hoạch số 310/KH-SVHTTDL" in one cell broke at its hyphen."""
    document = _report(tmp_path, "Không ban hành văn bản riêng.")
    (table,) = [t for t in document.tables if t.rows[0].cells[-1].text == "Ngày ban hành"]
    rows = [[c.text for c in row.cells] for row in table.rows]
    head = ["STT", "Cơ quan, đơn vị, địa phương", "Loại văn bản", "Số, ký hiệu", "Ngày ban hành"]
    assert rows == [head, ["1", "Sở Y tế", "Kế hoạch", "12/KH-SYT", ""]]
