"""An agency's two different reports before the officer chose one, and the letters
(newcomer trial 2026-12-02, second round): the first copy had a decimal count (2,5) and was
compared as "nam 0 ≠ 300" (its refused row read as nothing); `--annotate` wrote the agency
letters naming the officer's own files and asking it to correct a copy it had replaced; the
printed step said "Sửa 3 tệp" of files two of which needed --latest; a letter said "không phải
sửa" and then "đề nghị đơn vị bổ sung nội dung"."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import docx
import pytest
from cases import filled, with_activities
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.sample import SampleRow
from thanghanhdong.template import FormStamper

runner = CliRunner()


@pytest.fixture
def inbox(tmp_path: Path, campaign: Campaign, stamper: FormStamper) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    first = with_activities(
        SampleRow("Giao lưu văn nghệ", 2.5, 300, 350, "Tỉnh"), report_date=date(2021, 12, 15)
    )
    second = with_activities(
        SampleRow("Giao lưu văn nghệ", 3, 300, 350, "Tỉnh"), report_date=date(2021, 12, 17)
    )
    (folder / "VHTTDL bao cao.xlsx").write_bytes(filled(campaign, stamper, first, "SVHTTDL"))
    (folder / "VHTTDL bao cao (gui lai).xlsx").write_bytes(
        filled(campaign, stamper, second, "SVHTTDL")
    )
    wrong = with_activities(SampleRow("Tập huấn", -3, 5, 5, "Xã"))
    wrong.narratives["proposals"] = None
    (folder / "nari.xlsx").write_bytes(filled(campaign, stamper, wrong, "NARI"))
    return folder


def _screen(*args: str) -> str:
    result = runner.invoke(app, list(args), terminal_width=200)
    return " ".join(result.output.split())


def test_a_faulty_copy_is_named_not_compared_row_by_row(inbox: Path) -> None:
    screen = _screen("validate", str(inbox))
    assert "Không so số liệu từng dòng vì VHTTDL bao cao.xlsx có lỗi." in screen
    assert "0 ≠ 300" not in screen and "300 ≠ 0" not in screen


def test_the_step_separates_the_files_to_correct_from_the_copies(inbox: Path) -> None:
    screen = _screen("validate", str(inbox))
    assert (
        "Sửa 1 tệp (đề nghị đơn vị sửa); 2 tệp là các bản báo cáo khác nhau của cùng đơn vị: "
        "giữ một bản, hoặc chạy lại với --latest: thd validate " in screen
    )
    assert screen.rstrip().endswith("--latest")


def test_undecided_copies_get_no_letter_and_facts_are_said_as_facts(
    inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "can-sua"
    screen = _screen("validate", str(inbox), "--annotate", str(out))
    assert sorted(p.name for p in out.glob("*.docx")) == ["nari_can-sua.docx"]
    assert "Không lập công văn cho 2 tệp là các bản báo cáo khác nhau của cùng đơn vị" in screen
    letter = "\n".join(p.text for p in docx.Document(str(out / "nari_can-sua.docx")).paragraphs)
    fact = next(x for x in letter.splitlines() if x.startswith("Để đơn vị biết"))
    assert "Mục “3. Kiến nghị, đề xuất” để trống." in fact and "đề nghị" not in fact
    # With the newest chosen, the corrected copy is fine: still no letter for the agency.
    again = tmp_path / "can-sua-2"
    _screen("validate", str(inbox), "--latest", "--annotate", str(again))
    assert sorted(p.name for p in again.glob("*.docx")) == ["nari_can-sua.docx"]
    assert os.path.isdir(again)
