"""`thd validate` end to end: exit codes, JSON equal to the library result, human output."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import HOLDER, held_open
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper

runner = CliRunner()


def make_inbox(tmp_path: Path, campaign: Campaign, stamper: FormStamper) -> Path:
    inbox = tmp_path / "inbox [2021]"
    inbox.mkdir()
    good = campaign.agency("NARI")
    bad = campaign.agency("BABE")
    assert good and bad
    (inbox / "na ri.xlsx").write_bytes(fill_bytes(stamper.stamp(good), SampleReport()))
    report = SampleReport()
    report.tables["activities"] = [SampleRow("Tập huấn", "khoảng 15", 10, 10, "Xã")]
    (inbox / "[ba be].xlsx").write_bytes(fill_bytes(stamper.stamp(bad), report))
    return inbox


def test_json_equals_library_result(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = make_inbox(tmp_path, campaign, stamper)
    result = runner.invoke(app, ["validate", str(inbox), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == json.loads(
        json.dumps(validate_inbox(inbox, campaign).to_json(), ensure_ascii=False)
    )
    assert set(data["missing_agencies"]) == {a.code for a in campaign.agencies} - {
        "NARI",
        "BABE",
        "SLDTBXH",
    }
    bad = next(f for f in data["files"] if f["agency_code"] == "BABE")
    assert bad["ok"] is False
    assert [(i["code"], i["sheet"], i["cell"]) for i in bad["issues"]] == [
        ("not_a_number", "1. Hoạt động", "C7")
    ]


def test_human_output_agrees_with_json(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = make_inbox(tmp_path, campaign, stamper)
    human = runner.invoke(app, ["validate", str(inbox)], terminal_width=200)
    data = validate_inbox(inbox, campaign).to_json()
    assert human.exit_code == 1
    assert "Traceback" not in human.output
    # Every file, every issue at its place, every missing agency: and brackets survive rich.
    assert "[ba be].xlsx" in human.stdout
    for file in data["files"]:
        for issue in file["issues"]:
            assert f"{issue['sheet']}!{issue['cell']}" in human.stdout
            assert issue["message"][:40] in human.stdout
    assert "Chưa gửi báo cáo (25)" in human.stdout
    for agency in campaign.agencies:
        if agency.code not in {"NARI", "BABE", "SLDTBXH"}:
            assert agency.name in human.stdout


def test_strict_fails_on_warnings(tmp_path: Path, campaign: Campaign, stamper: FormStamper) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    agency = campaign.agency("NARI")
    assert agency
    (inbox / "a.xlsx").write_bytes(
        fill_bytes(stamper.stamp(agency), SampleReport(signer_name=None))
    )
    assert runner.invoke(app, ["validate", str(inbox)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(inbox), "--strict"]).exit_code == 1


def test_missing_inbox_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "khong-co")])
    assert result.exit_code == 2
    assert "Không có thư mục" in result.stderr


def test_annotated_copies(tmp_path: Path, campaign: Campaign, stamper: FormStamper) -> None:
    from openpyxl import load_workbook

    inbox = make_inbox(tmp_path, campaign, stamper)
    before = {p.name: p.read_bytes() for p in inbox.iterdir()}
    out = tmp_path / "can-sua"
    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)])
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in inbox.iterdir()} == before
    copies = sorted(out.glob("*.xlsx"))  # each with its covering letter (.docx) beside it
    assert [p.name for p in copies] == ["[ba be]_can-sua.xlsx"]
    workbook = load_workbook(copies[0])
    assert workbook.sheetnames[0] == "Cần sửa"
    assert workbook.active.title == "Cần sửa"
    cell = workbook["1. Hoạt động"]["C7"]
    assert cell.value == "khoảng 15"
    assert cell.comment is not None and "không phải là số" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("F8CBAD")
    assert workbook["1. Hoạt động"]["D7"].value == 10
    assert workbook["1. Hoạt động"].protection.sheet
    assert workbook["_thd"].sheet_state == "veryHidden"
    fix = workbook["Cần sửa"]
    assert fix["C4"].value == "1. Hoạt động" and fix["D4"].value == "C7"
    # Second run refuses to overwrite, --force overwrites.
    assert runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)]).exit_code == 2
    assert (
        runner.invoke(app, ["validate", str(inbox), "--annotate", str(out), "--force"]).exit_code
        == 1
    )
    if HOLDER.is_file():
        # Last run's letter open in Word (Windows refuses to replace it; here a running
        # program's file, which Linux refuses to open for writing): nothing is rewritten.
        copy_before = copies[0].read_bytes()
        with held_open(copies[0].with_suffix(".docx")):
            held = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out), "--force"])
        assert held.exit_code == 2
        said = " ".join(held.stderr.split())
        assert "tệp đang được chương trình khác dùng" in said and "Chưa ghi tệp nào" in said
        assert copies[0].read_bytes() == copy_before


def test_annotated_copies_of_same_named_files_do_not_collide(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = tmp_path / "inbox"
    report = SampleReport(signer_name=None)
    for code, folder in (("NARI", "thu-1"), ("BABE", "thu-2")):
        agency = campaign.agency(code)
        assert agency
        (inbox / folder).mkdir(parents=True)
        (inbox / folder / "baocao.xlsx").write_bytes(fill_bytes(stamper.stamp(agency), report))
    out = tmp_path / "can-sua"
    assert runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.glob("*.xlsx")) == [
        "baocao_can-sua-2.xlsx",
        "baocao_can-sua.xlsx",
    ]


def test_messages_name_the_configured_levels(tmp_path: Path, campaign: Campaign) -> None:
    """After 2025 the district level was abolished: the messages must follow the config."""
    catalogues = campaign.catalogues.model_copy(update={"levels": ["Tỉnh", "Xã"]})
    two_levels = campaign.model_copy(update={"catalogues": catalogues})
    agency = two_levels.agency("NARI")
    assert agency
    report = SampleReport()
    report.tables["activities"] = [SampleRow("Tập huấn", 12.5, 10, 10, "Huyện")]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.xlsx").write_bytes(fill_bytes(FormStamper(two_levels).stamp(agency), report))
    messages = {
        i.code: i.message for f in validate_inbox(inbox, two_levels).files for i in f.issues
    }
    assert "chọn Tỉnh hoặc Xã" in messages["invalid_level"]
    assert "“12,5”" in messages["decimal_number"]


def test_attachments_are_listed_not_errors(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """The signed scan of an agency's form is that answer's attachment; a scan of no agency
    that thd can name is listed on its own line, to rename. Neither is an error."""
    from test_answers_inbox import picture_pdf

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    agency = campaign.agency("NARI")
    assert agency
    (inbox / "a.xlsx").write_bytes(fill_bytes(stamper.stamp(agency), SampleReport()))
    (inbox / "BC Na Ri ky so.pdf").write_bytes(picture_pdf())
    (inbox / "BC ky so.pdf").write_bytes(picture_pdf())
    result = runner.invoke(app, ["validate", str(inbox)], terminal_width=200)
    assert result.exit_code == 0
    assert "1 tệp kèm theo: BC Na Ri ky so.pdf (bản PDF của báo cáo a.xlsx)" in result.stdout
    # Maybe a real agency's signed report: its own line, never among the non-reports.
    assert "1 bản quét/ảnh chưa nhận ra đơn vị: BC ky so.pdf — đổi tên tệp" in result.stdout
    assert "không phải báo cáo" not in result.stdout
    data = json.loads(runner.invoke(app, ["validate", str(inbox), "--json"]).stdout)
    assert [a["path"] for a in data["attachments"]] == [str(inbox / "BC Na Ri ky so.pdf")]
    assert [o["path"] for o in data["others"]] == [str(inbox / "BC ky so.pdf")]
    assert [f["path"] for f in data["files"]] == [str(inbox / "a.xlsx")]


def test_form_of_another_year_is_not_missing(tmp_path: Path, campaign: Campaign) -> None:
    info = campaign.campaign.model_copy(update={"year": 2020, "id": "bac-kan-2020"})
    old = campaign.model_copy(update={"campaign": info})
    agency = old.agency("NARI")
    assert agency
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "cu.xlsx").write_bytes(fill_bytes(FormStamper(old).stamp(agency), SampleReport()))
    report = validate_inbox(inbox, campaign)
    assert [i.code for i in report.files[0].issues] == ["wrong_campaign"]
    assert report.files[0].agency_code == "NARI" and not report.files[0].ok
    assert "NARI" not in {a.code for a in report.missing}


def test_last_years_form_beside_this_years_answer_is_set_aside_not_an_error(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """Trial 2026-12-01c, finding 13: a 2020 form lying beside the agency's valid answer kept
    "dùng mẫu năm 2021" as an error, and consolidate refused the whole inbox for it."""
    info = campaign.campaign.model_copy(update={"year": 2020, "id": "bac-kan-2020"})
    old = campaign.model_copy(update={"campaign": info})
    agency, current = old.agency("NARI"), campaign.agency("NARI")
    assert agency and current
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "cu.xlsx").write_bytes(fill_bytes(FormStamper(old).stamp(agency), SampleReport()))
    (inbox / "moi.xlsx").write_bytes(fill_bytes(stamper.stamp(current), SampleReport()))
    report = validate_inbox(inbox, campaign)
    assert [f.path.name for f in report.files] == ["moi.xlsx"] and not report.has_errors
    assert report.notes[inbox / "cu.xlsx"] == "mẫu của đợt khác; đơn vị đã có báo cáo của đợt này"
    out = tmp_path / "bc.docx"
    result = runner.invoke(
        app, ["consolidate", str(inbox), "--out", str(out), "--date", "22/12/2021"]
    )
    assert result.exit_code == 0, result.output


def test_annotated_copy_keeps_row_positions(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    from openpyxl import load_workbook

    agency = campaign.agency("NARI")
    assert agency
    report = SampleReport(
        cells={
            ("1. Hoạt động", "B10"): "Tập huấn",
            ("1. Hoạt động", "C10"): 1,
            ("1. Hoạt động", "D10"): 5,
            ("1. Hoạt động", "E10"): 5,
            ("1. Hoạt động", "F10"): "Huyện",
        }
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.xlsx").write_bytes(fill_bytes(stamper.stamp(agency), report))
    out = tmp_path / "out"
    assert runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)]).exit_code == 0
    sheet = load_workbook(out / "a_can-sua.xlsx")["1. Hoạt động"]
    assert sheet["B10"].value == "Tập huấn" and sheet["B10"].comment is not None
    assert "dòng 7" in sheet["B10"].comment.text
    assert sheet["B8"].value is None


def test_a_broken_file_still_names_its_agency_by_its_name(tmp_path: Path) -> None:
    """An empty or damaged file named after its agency: that agency answered (unusably), it is
    not "chưa gửi" — and the reminder goes to it as an answer to fix."""
    from thanghanhdong import config
    from thanghanhdong.completeness import State
    from thanghanhdong.inbox import validate_inbox

    (tmp_path / "BC_SoTuPhap.xlsx").write_bytes(b"")
    (tmp_path / "Bao cao THD - So Noi vu.xlsx").write_bytes(b"not a workbook")
    status = validate_inbox(tmp_path, config.load(None)).completeness
    states = {e.code: e.state for e in status.entries}
    assert states["STP"] is State.UNUSABLE and states["SNV"] is State.UNUSABLE
    assert status.unrecognised == []


def test_each_annotated_copy_comes_with_a_covering_letter_listing_what_to_correct(
    tmp_path: Path,
) -> None:
    import docx

    out = tmp_path / "can-sua"
    inbox = Path(__file__).parents[1] / "examples" / "inbox-loi"
    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)])
    assert result.exit_code == 1, result.output
    letter = out / "2021_babe_ubnd-huyen-ba-be_can-sua.docx"
    assert letter.is_file() and letter.with_suffix(".xlsx").is_file()
    document = docx.Document(str(letter))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kính gửi:\tUBND huyện Ba Bể." in text
    assert "V/v sửa báo cáo" in "\n".join(c.text for t in document.tables for c in t._cells)
    assert "Lỗi (1. Hoạt động!D8): Số âm “-45”" in text  # the agency's own file's places
    assert "2021_babe_ubnd-huyen-ba-be_can-sua.xlsx" in text  # the copy sent with it
    again = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)])
    assert again.exit_code == 2  # no overwrite without --force, letters included


def test_blank_people_columns_alone_make_no_letter(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """A leaflet's readers left blank is most often unknown: 9 of 10 agencies had got a formal
    correction letter for that alone (newcomer trial 2026-12-02, finding 7). Alone it makes no
    copy and no letter, and the screen says why; beside a point to correct, the letter lists it."""
    from cases import filled, with_activities

    from thanghanhdong.sample import SampleRow

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    blank_only = with_activities(SampleRow("Tập huấn", 2, None, None, "Xã"))
    with_error = with_activities(
        SampleRow("Tập huấn", 2, None, None, "Xã"), SampleRow("Hội thảo", -3, 5, 5, "Xã")
    )
    (inbox / "babe.xlsx").write_bytes(filled(campaign, stamper, blank_only, "BABE"))
    (inbox / "nari.xlsx").write_bytes(filled(campaign, stamper, with_error, "NARI"))
    out = tmp_path / "can-sua"
    result = runner.invoke(
        app, ["validate", str(inbox), "--annotate", str(out)], terminal_width=200
    )
    screen = " ".join(result.output.split())
    assert "để trống số nam/nữ" in screen  # the warning itself is still shown
    letters = sorted(p.name for p in out.glob("*.docx"))
    assert letters == ["nari_can-sua.docx"], letters
    assert "đã đọc được): inbox/babe.xlsx" in screen or ("đã đọc được): babe.xlsx" in screen), (
        screen
    )
    import docx

    letter = "\n".join(p.text for p in docx.Document(str(out / "nari_can-sua.docx")).paragraphs)
    assert "Số âm “-3”" in letter and "để trống số nam/nữ" in letter


def test_figures_read_with_no_doubt_alone_make_no_letter(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """ "2 buổi", "30 người", "1.234" typed as text, "-" for none: thd read each and says how.
    Alone they are no reason to ask an agency to resend its report; beside a point to correct,
    the letter lists them so the clerk types plain figures next time."""
    from cases import filled, with_activities

    from thanghanhdong.sample import SampleRow

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    plain_words = with_activities(
        SampleRow("Tập huấn", "2 buổi", "30 người", "1.234", "Xã"),
        SampleRow("Hội thảo", 1, "-", 5, "Xã"),
    )
    with_error = with_activities(
        SampleRow("Tập huấn", "2 buổi", 30, 40, "Xã"), SampleRow("Hội thảo", -3, 5, 5, "Xã")
    )
    (inbox / "babe.xlsx").write_bytes(filled(campaign, stamper, plain_words, "BABE"))
    (inbox / "nari.xlsx").write_bytes(filled(campaign, stamper, with_error, "NARI"))
    out = tmp_path / "can-sua"
    result = runner.invoke(
        app, ["validate", str(inbox), "--annotate", str(out)], terminal_width=200
    )
    screen = " ".join(result.output.split())
    for said in ("“2 buổi” có ghi kèm đơn vị", "“1.234” được gõ dạng chữ", "“-” được hiểu là 0"):
        assert said in screen, said  # the warnings themselves are still shown
    assert sorted(p.name for p in out.glob("*.docx")) == ["nari_can-sua.docx"]
    assert "đã đọc được): inbox/babe.xlsx" in screen or "đã đọc được): babe.xlsx" in screen
    import docx

    letter = "\n".join(p.text for p in docx.Document(str(out / "nari_can-sua.docx")).paragraphs)
    assert "Số âm “-3”" in letter and "“2 buổi” có ghi kèm đơn vị" in letter
