"""Answers whose file name lost or changed its extension are read by what they hold.

Mail programs and chat apps hand over attachments as "Bao cao SYT" (no extension), "BC.xlsx
.octet-stream" or "ATT00001"; a clerk saves a Word report as "BC.xlsx". The bytes say what the
file is: it is read like a well-named one (the same figures), with a warning saying why a double
click will not open it. What thd does not read (.xlsb, a PowerPoint, an unknown zip) is still told.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
import word_reports as reports
from conftest import SOFFICE, soffice_convert
from typer.testing import CliRunner

from thanghanhdong import config, container
from thanghanhdong.cli import app
from thanghanhdong.container import Format
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.model import FileError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "inbox"
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def _zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _inboxes(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """The same answers twice: well named, and named as mail programs and clerks name them.
    Returns both inboxes and, for each misnamed file, the extension the warning must ask for."""
    work = tmp_path / "work"
    work.mkdir()
    word = work / "bc_sgd.docx"
    word.write_bytes(reports.seed_form(agency="SỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    police = work / "bc_cat.docx"
    police.write_bytes(reports.seed_form(agency="CÔNG AN TỈNH"))
    veterans = work / "bc_hccb.docx"
    veterans.write_bytes(reports.seed_form(agency="HỘI CỰU CHIẾN BINH TỈNH"))
    justice = work / "bc_stp.xlsx"
    shutil.copy(EXAMPLES / "2021_stp_so-tu-phap.xlsx", justice)
    profile = tmp_path / "profile"
    (pdf,) = soffice_convert([word], "pdf", work / "pdf", profile)
    (xls,) = soffice_convert([justice], "xls", work / "xls", profile)
    doc, veterans_doc = soffice_convert([police, veterans], "doc", work / "doc", profile)
    named = {
        "2021_syt_so-y-te.xlsx": EXAMPLES / "2021_syt_so-y-te.xlsx",
        "2021_snv_so-noi-vu.xlsx": EXAMPLES / "2021_snv_so-noi-vu.xlsx",
        "bc_stp.xls": xls,
        "bc_sgd.pdf": pdf,
        "bc_cat.doc": doc,
        "bc_hccb.doc": veterans_doc,
        "bc_hnd.docx": None,
    }
    misnamed = {
        "Bao cao SYT": ".xlsx",  # no extension at all
        "BC SNV.xlsx.octet-stream": ".xlsx",  # a webmail's download of an unnamed part
        "BC_STP": ".xls",  # an Excel 97 workbook LibreOffice saved, name cut short
        "BC So GD.xlsx": ".pdf",  # the PDF export saved under the workbook's name
        "ATT00001": ".doc",  # Outlook's name for a Word 97 attachment it lost the name of
        "BC HCCB.xls": ".doc",  # a Word 97 report saved under the form's old name
        "BC Hoi Nong dan.xlsx": ".docx",  # a Word report saved with the form's name
    }
    right, wrong = tmp_path / "right", tmp_path / "wrong"
    right.mkdir()
    wrong.mkdir()
    farmers = reports.seed_form(agency="HỘI NÔNG DÂN TỈNH")
    for (good, source), bad in zip(named.items(), misnamed, strict=True):
        data = farmers if source is None else source.read_bytes()
        (right / good).write_bytes(data)
        (wrong / bad).write_bytes(data)
    return right, wrong, misnamed


@needs_soffice
def test_misnamed_answers_read_as_the_well_named_ones(tmp_path: Path) -> None:
    campaign = config.load(None)
    right, wrong, misnamed = _inboxes(tmp_path)
    expected = validate_inbox(right, campaign, workers=1)
    found = validate_inbox(wrong, campaign, workers=1)
    by_agency = {r.agency_code: r for r in expected.files}
    assert len(by_agency) == 7 and all(r.submission for r in expected.files), [
        (r.path.name, [i.message for i in r.issues]) for r in expected.files
    ]
    assert len(found.files) == 7
    for result in found.files:
        same = by_agency[result.agency_code]
        assert result.kind == same.kind, result.path.name
        assert result.submission is not None, (result.path.name, result.issues)
        assert same.submission is not None
        assert result.submission.tables == same.submission.tables, result.path.name
        assert result.submission.narratives == same.submission.narratives, result.path.name
        first = result.issues[0]
        assert first.code == "file_misnamed", result.path.name
        suffix = misnamed[result.path.name]
        assert f"đuôi {suffix}" in first.message, first.message
        # The rest is what the well-named file had: nothing lost, nothing added.
        rest = [(i.code, i.message) for i in result.issues[1:]]
        assert rest == [(i.code, i.message) for i in same.issues], result.path.name
    assert not any(i.code == "file_misnamed" for r in expected.files for i in r.issues)
    assert {r.agency_code for r in found.files} == set(by_agency)


@needs_soffice
def test_the_report_of_misnamed_answers_has_the_same_figures(tmp_path: Path) -> None:
    right, wrong, _ = _inboxes(tmp_path)
    runner = CliRunner()
    outputs = {}
    for inbox in (right, wrong):
        out = tmp_path / f"{inbox.name}.docx"
        done = runner.invoke(
            app, ["consolidate", str(inbox), "--out", str(out), "--date", "25/12/2021"]
        )
        assert done.exit_code == 0, done.output
        data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
        outputs[inbox.name] = (data["totals"], len(data["agencies"]))
    assert outputs["right"] == outputs["wrong"]
    assert outputs["wrong"][1] == 7


@needs_soffice
def test_validate_says_the_name_is_wrong_not_that_the_file_is(tmp_path: Path) -> None:
    _, wrong, _ = _inboxes(tmp_path)
    done = CliRunner().invoke(app, ["validate", str(wrong)], env={"COLUMNS": "200"})
    assert "không phải báo cáo thd đọc được" not in done.output
    assert "Tên tệp không có đuôi, nhưng tệp là tệp Excel: thd đã đọc theo nội dung" in (
        " ".join(done.output.split())
    )
    assert "Tên tệp có đuôi “.xlsx”, nhưng tệp là văn bản Word" in " ".join(done.output.split())


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [
        # Excel's binary workbook: calamine's reader would skip every check of the sheets' XML.
        ("BC.xlsb", _zipped({"xl/workbook.bin": b"\x83\x01\x00"}), "file_unsupported", ".xlsb"),
        ("BC.xlsx", _zipped({"xl/workbook.bin": b"\x83\x01\x00"}), "file_unsupported", ".xlsb"),
        ("BC", _zipped({"xl/workbook.bin": b"\x83\x01\x00"}), "file_unsupported", ".xlsb"),
        ("BC.xlsx", _zipped({"ppt/presentation.xml": b"<p/>"}), "file_not_spreadsheet", "Power"),
        ("BC.bin", _zipped({"a.txt": b"x"}), "file_unsupported", "“.bin”"),
        ("BC.dat", b"\x00\x01 not an office file", "file_unsupported", "“.dat”"),
        ("ATT00001", b"plain text", "file_unsupported", "“ATT00001”"),
    ],
)
def test_what_thd_does_not_read_is_still_told(
    name: str, data: bytes, code: str, words: str
) -> None:
    with pytest.raises(FileError) as caught:
        container.check(name, data)
    assert caught.value.issue.code == code
    assert words in caught.value.issue.message


def test_a_damaged_zip_without_extension_is_not_taken_for_an_answer() -> None:
    data = _zipped({"xl/workbook.xml": b"<workbook/>"})
    assert container.by_content(data[:40]) is None  # cut short: its directory is gone
    with pytest.raises(FileError) as caught:
        container.check("BC", data[:40])
    assert caught.value.issue.code == "file_unsupported"


def test_the_extension_asked_for_is_the_program_that_opens_the_content() -> None:
    assert container.misnamed("BC.xls", Format.XLSX) is None  # Excel opens both
    assert container.misnamed("BC.ods", Format.XLSX) is None
    assert container.misnamed("BC.doc", Format.DOCX) is None
    assert container.misnamed("BC.XLSX", Format.XLSX) is None
    assert container.misnamed("BC", Format.XLSX) == ".xlsx"
    assert container.misnamed("BC.docx", Format.PDF) == ".pdf"
    assert container.misnamed("BC.pdf", Format.DOCX) == ".docx"
    assert container.misnamed("BC", Format.ODS) == ".ods"
    assert container.misnamed("BC.xlsx", Format.CONVERTIBLE) == ".doc"
    assert container.misnamed("BC.json", Format.ROLLUP) is None
