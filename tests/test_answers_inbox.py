"""What agencies actually send, end to end through `thd validate` / `thd consolidate`: an Excel
form, a Word report and its PDF exported by LibreOffice, an e-mail with two attachments, a scan,
a zip; every answering agency counted, every figure once."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
import word_reports as reports
from cases import SampleRow, filled, with_activities
from conftest import SOFFICE, soffice_convert
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from typer.testing import CliRunner

from thanghanhdong import answers
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.parse import parse_money
from thanghanhdong.template import FormStamper

runner = CliRunner()
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def picture_pdf() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 420), "white").save(out, "PDF", resolution=60)
    return out.getvalue()


def agency_mail(date: str, attachments: list[tuple[str, bytes, tuple[str, str]]]) -> bytes:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "UBND huyện Ba Bể <babe@backan.gov.vn>"
    message["Subject"] = "Báo cáo Tháng hành động"
    message["Date"] = date
    message.set_content("Gửi báo cáo kèm theo.")
    for name, data, (main, sub) in attachments:
        message.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return message.as_bytes()


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def mixed_inbox(inbox: Path, campaign: Campaign, stamper: FormStamper, pdf: bool) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    (inbox / "2021_tdoan.xlsx").write_bytes(filled(campaign, stamper, code="TDOAN"))
    (inbox / "BC So Y te.docx").write_bytes(reports.seed_form())
    if pdf:
        converted = soffice_convert(
            [inbox / "BC So Y te.docx"], "pdf", inbox.parent / "pdf", inbox.parent / "profile"
        )
        (inbox / "BC So Y te (da ky).pdf").write_bytes(converted[0].read_bytes())
    mail = agency_mail(
        "Wed, 22 Dec 2021 09:00:00 +0700",
        [
            ("Báo cáo Ba Bể.docx", reports.district_report(), DOCX),
            ("hlhpn.xlsx", filled(campaign, stamper, code="HLHPN"), XLSX),
        ],
    )
    (inbox / "thu-ba-be.eml").write_bytes(mail)
    (inbox / "BC Hoi Nong dan tinh.pdf").write_bytes(picture_pdf())
    (inbox / "nop.zip").write_bytes(
        zipped({"snv.xlsx": filled(campaign, stamper, code="SNV"), "ghi chu.txt": b"x"})
    )


def validate_json(inbox: Path, *args: str) -> dict:
    result = runner.invoke(app, ["validate", str(inbox), "--json", *args])
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from thanghanhdong import config

    campaign = config.load(None)
    inbox = tmp_path_factory.mktemp("mixed") / "inbox"
    mixed_inbox(inbox, campaign, FormStamper(campaign), pdf=SOFFICE is not None)
    return inbox


def test_every_answer_is_read_with_its_kind(mixed: Path) -> None:
    data = validate_json(mixed)
    kinds = {Path(f["path"]).name: (f["kind"], f["mail"], f["agency_code"]) for f in data["files"]}
    assert kinds == {
        "2021_tdoan.xlsx": ("excel", False, "TDOAN"),
        "BC So Y te.docx": ("word", False, "SYT"),
        "thu-ba-be.eml › Báo cáo Ba Bể.docx": ("word", True, "BABE"),
        "thu-ba-be.eml › hlhpn.xlsx": ("excel", True, "HLHPN"),
        "BC Hoi Nong dan tinh.pdf": ("pdf", False, "HND"),
        "nop.zip › snv.xlsx": ("excel", False, "SNV"),
    }
    states = {a["code"]: a["state"] for a in data["completeness"]["agencies"]}
    assert states["HND"] == "scanned"
    for code in ("TDOAN", "SYT", "BABE", "HLHPN", "SNV", "HND"):
        assert states[code] != "missing", code
    assert [Path(o["path"]).name for o in data["others"]] == ["nop.zip › ghi chu.txt"]
    if SOFFICE:
        [attachment] = data["attachments"]
        assert Path(attachment["path"]).name == "BC So Y te (da ky).pdf"
        assert attachment["note"] == "bản PDF của báo cáo BC So Y te.docx"


def test_the_mails_date_decides_lateness(mixed: Path) -> None:
    data = validate_json(mixed)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    mailed = by_name["thu-ba-be.eml › hlhpn.xlsx"]
    assert mailed["late"] and mailed["received"] == "2021-12-22"
    [late] = [i for i in mailed["issues"] if i["code"] == "late_received"]
    assert "22/12/2021, sau hạn 20/12/2021 (tính theo ngày nhận thư" in late["message"]
    scanned = by_name["BC Hoi Nong dan tinh.pdf"]
    assert [i["code"] for i in scanned["issues"]] == ["scanned_answer"]
    assert "thd generate-templates --agency HND" in scanned["issues"][0]["message"]


def test_validate_shows_the_kind_of_each_answer(mixed: Path) -> None:
    result = runner.invoke(app, ["validate", str(mixed)], terminal_width=80)
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    row = next(line for line in lines if "BC So Y te.docx" in line)
    assert "Word" in row
    assert any("Excel (thư)" in line for line in lines)
    assert any("cần nhập số liệu" in line for line in lines)
    assert "Hội Nông dân" not in result.stdout.split("Chưa gửi báo cáo")[-1]


def test_consolidate_counts_each_figure_once(mixed: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["consolidate", str(mixed), "--out", str(tmp_path / "bc.docx"), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    agencies = {a["code"]: a for a in data["agencies"]}
    assert set(agencies) == {"TDOAN", "SYT", "BABE", "HLHPN", "SNV"}
    # Each Excel form: the sample's figures; the Word reports: their tables (the PDF not again).
    excel = {"activities": (2, 40, 65), "media": (30, 1200, 1350), "products": (12, 0, 0)}
    word = {"activities": (5, 105, 210), "media": (12, 0, 0), "products": (2000, 800, 1200)}
    for key in ("activities", "media", "products"):
        total = data["tables"][key]["total"]
        expected = [3 * e + 2 * w for e, w in zip(excel[key], word[key], strict=True)]
        assert [total["count"], total["male"], total["female"]] == expected, key
    assert agencies["SYT"]["budget"] == {"state": 25_000_000, "mobilized": 15_000_000}
    assert agencies["BABE"]["budget"] == {"state": 12_500_000, "mobilized": 0}


def test_a_resubmission_is_an_error_unless_latest(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "BC Ba Be.xlsx").write_bytes(filled(campaign, stamper))
    corrected = with_activities(
        SampleRow("Tập huấn", 3, 10, 10, "Xã"), report_date=date(2021, 12, 19)
    )
    (inbox / "BC Ba Be (gui lai).xlsx").write_bytes(filled(campaign, stamper, corrected))
    data = validate_json(inbox)
    [first, *_] = [i for f in data["files"] for i in f["issues"] if i["code"] == "duplicate_agency"]
    assert "BC Ba Be.xlsx (báo cáo ngày" in first["message"]
    assert "Khác nhau: " in first["message"] and "≠" in first["message"]
    latest = validate_json(inbox, "--latest")
    [used] = latest["files"]
    assert Path(used["path"]).name == "BC Ba Be (gui lai).xlsx"
    assert used["issues"][0]["code"] == "resubmission_used"
    assert "BC Ba Be.xlsx" in used["issues"][0]["message"]
    [aside] = latest["attachments"]
    assert Path(aside["path"]).name == "BC Ba Be.xlsx" and "--latest" in aside["note"]


def test_a_zip_in_a_zip_is_refused(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.zip").write_bytes(zipped({"b.zip": zipped({"c.txt": b"x"})}))
    data = validate_json(inbox)
    assert [(Path(f["path"]).name, f["issues"][0]["code"]) for f in data["files"]] == [
        ("a.zip › b.zip", "nested_archive")
    ]


def test_file_names_name_their_agency(campaign: Campaign) -> None:
    found = {
        name: (agency.code if (agency := answers.agency_from_file_name(campaign, name)) else None)
        for name in ("So Y te - bao cao.pdf", "2021_syt_so-y-te.jpg", "BC huyen Ba Be.png", "x.pdf")
    }
    assert found == {
        "So Y te - bao cao.pdf": "SYT",
        "2021_syt_so-y-te.jpg": "SYT",
        "BC huyen Ba Be.png": "BABE",
        "x.pdf": None,
    }


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("25.000.000 đồng", 25_000_000),
        ("15 triệu đồng", 15_000_000),
        ("2,5 triệu", 2_500_000),
        ("12.500.000đ", 12_500_000),
        ("không", 0),
        ("40 tr", 40_000_000),
        ("hai mươi triệu", None),
    ],
)
def test_budget_text_in_whole_dong(text: str, amount: int | None) -> None:
    assert parse_money(text) == amount


row = st.tuples(st.integers(0, 50), st.integers(0, 900), st.integers(0, 900))


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(word_rows=st.lists(row, min_size=1, max_size=4), excel_rows=st.lists(row, max_size=3))
def test_totals_are_conserved_across_a_mixed_inbox(
    tmp_path_factory: pytest.TempPathFactory,
    campaign: Campaign,
    stamper: FormStamper,
    word_rows: list[tuple[int, int, int]],
    excel_rows: list[tuple[int, int, int]],
) -> None:
    inbox = tmp_path_factory.mktemp("prop") / "inbox"
    inbox.mkdir()
    table = [
        [str(i + 1), f"Hoạt động {i}", str(c + 1), f"{m:,}".replace(",", "."), str(f), "Xã"]
        for i, (c, m, f) in enumerate(word_rows)
    ]
    (inbox / "syt.docx").write_bytes(reports.seed_form((table, reports.MEDIA, reports.PRODUCTS)))
    sample = with_activities(
        *(SampleRow(f"Việc {i}", c + 1, m, f, "Tỉnh") for i, (c, m, f) in enumerate(excel_rows))
    )
    mail = agency_mail(
        "Mon, 13 Dec 2021 09:00:00 +0700",
        [("f.xlsx", filled(campaign, stamper, sample, "SNV"), XLSX)],
    )
    (inbox / "thu.eml").write_bytes(mail)
    result = runner.invoke(
        app, ["consolidate", str(inbox), "--out", str(inbox.parent / "b.docx"), "--json"]
    )
    assert result.exit_code == 0, result.output
    total = json.loads(result.stdout)["tables"]["activities"]["total"]
    rows = [(c + 1, m, f) for c, m, f in word_rows + excel_rows]
    expected = tuple(sum(r[i] for r in rows) for i in range(3))
    assert (total["count"], total["male"], total["female"]) == expected


def test_the_word_report_and_its_pdf_agree(mixed: Path) -> None:
    data = validate_json(mixed)
    [word] = [f for f in data["files"] if Path(f["path"]).name == "BC So Y te.docx"]
    assert "versions_differ" not in [i["code"] for i in word["issues"]]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice exports the PDF")
def test_a_pdf_answer_alone_reads_its_figures(mixed: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    pdf = mixed / "BC So Y te (da ky).pdf"
    (inbox / pdf.name).write_bytes(pdf.read_bytes())
    checked = validate_json(inbox)
    [answer] = checked["files"]
    assert (answer["kind"], answer["agency_code"]) == ("pdf", "SYT")
    wheres = [i["where"] for i in answer["issues"]]
    assert all(w.startswith("trang ") for w in wheres), wheres
    result = runner.invoke(
        app, ["consolidate", str(inbox), "--out", str(tmp_path / "bc.docx"), "--json"]
    )
    assert result.exit_code == 0, result.output
    total = json.loads(result.stdout)["tables"]["activities"]["total"]
    assert (total["count"], total["male"], total["female"]) == (5, 105, 210)


REAL_FILES = [
    root / "shared" / "real-files"
    for root in (Path(__file__).parents[2], Path(__file__).parents[3])
    if (root / "shared" / "real-files").is_dir()
]


@pytest.mark.skipif(not REAL_FILES, reason="shared/real-files is not beside the repository")
def test_real_office_files_are_not_reports(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in REAL_FILES[0].iterdir():
        if path.suffix.lower() in {".xls", ".xlsx", ".doc", ".docx"}:
            (inbox / path.name).write_bytes(path.read_bytes())
    data = validate_json(inbox)
    assert data["files"] == []
    assert len(data["others"]) == len(list(inbox.iterdir())) >= 4
    assert data["completeness"]["answered"] == 0


def test_a_form_and_its_differing_word_version_are_one_answer(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "syt.xlsx").write_bytes(filled(campaign, stamper, code="SYT"))
    (inbox / "syt.docx").write_bytes(reports.seed_form())
    data = validate_json(inbox)
    [used] = data["files"]
    assert Path(used["path"]).name == "syt.xlsx"
    [differ] = [i for i in used["issues"] if i["code"] == "versions_differ"]
    assert "syt.docx" in differ["message"] and "≠" in differ["message"]
    assert [a["note"] for a in data["attachments"]] == ["bản Word của báo cáo syt.xlsx"]
    states = {a["code"]: a["state"] for a in data["completeness"]["agencies"]}
    assert states["SYT"] in ("on_time", "late", "undated")


def test_resubmissions_latest_in_the_configuration(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    from thanghanhdong.config import default_config_text

    toml = tmp_path / "thd.toml"
    toml.write_text(
        default_config_text().replace("[campaign]\n", '[campaign]\nresubmissions = "latest"\n', 1),
        encoding="utf-8",
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.xlsx").write_bytes(filled(campaign, stamper))
    corrected = with_activities(
        SampleRow("Tập huấn", 3, 10, 10, "Xã"), report_date=date(2021, 12, 19)
    )
    (inbox / "b.xlsx").write_bytes(filled(campaign, stamper, corrected))
    data = validate_json(inbox, "--config", str(toml))
    assert [Path(f["path"]).name for f in data["files"]] == ["b.xlsx"]
    assert data["summary"]["errors"] == 0


TRIAL = Path(__file__).parent.parent / "docs" / "trials" / "2026-12-01" / "repro"


def test_differing_versions_list_nam_before_nu_and_say_how_many_more(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("forms/BC Hoi LHPN tinh.ods", "other/BC Hoi LHPN (Word).docx"):
        (inbox / Path(name).name).write_bytes((TRIAL / name).read_bytes())
    data = validate_json(inbox)
    [used] = data["files"]
    [differ] = [i["message"] for i in used["issues"] if i["code"] == "versions_differ"]
    assert differ.index("nam 30 ≠ 0") < differ.index("nữ 270 ≠ 0")
    assert "và 10 chỗ khác" in differ  # “1.200 người” is read since units are
