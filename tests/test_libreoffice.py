"""Real office suite round trips: every agency's form re-saved by LibreOffice, one form typed
into in LibreOffice itself (UNO), and the Word report printed to PDF.

Skipped without soffice (CI installs LibreOffice with apt-get). Each soffice call converts a whole
batch of files, because starting LibreOffice is what costs the time.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import SOFFICE, SOFFICE_SECONDS, soffice_convert

from thanghanhdong import completeness, form
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import consolidate
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.model import FileResult, Submission
from thanghanhdong.pipeline import ConsolidateRequest, build_reports
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper, file_name
from thanghanhdong.validate import validate_file

pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed"),
]

ROOT = Path(__file__).resolve().parents[1]
UNO_FILL = Path(__file__).with_name("uno_fill.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # python3-uno installs `uno` for the system python only
REPORT_DATE = date(2021, 12, 20)


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice profile for the module: its first start-up is paid once, calls are serial."""
    return tmp_path_factory.mktemp("lo-profile")


# ------------------------------------------------------------ every form, re-saved by LibreOffice


def agency_report(index: int, code: str) -> SampleReport:
    """Figures that differ for every agency, so that a cell lost or moved changes the totals."""
    level = ("Tỉnh", "Huyện", "Xã")[index % 3]
    return SampleReport(
        report_number=f"{index + 1:02d}/BC-{code}",
        report_date=date(2021, 12, 1 + index % 19),  # all before the deadline (20/12)
        signer_name=f"Nguyễn Thị Hồng {index}",
        budget_state=1_000_000 * (index + 1) + 500,
        budget_mobilized=250_000 * index,
        narratives={
            "direction": f"Ban hành kế hoạch số {index}/KH-{code}.\nChỉ đạo các đơn vị trực thuộc.",
            "activities_text": "Tổ chức tập huấn, tọa đàm; phát thanh về bình đẳng giới.",
            "results": f"Nhận thức được nâng lên ({index + 10}% cán bộ được tập huấn).",
            "difficulties": "Địa bàn rộng, đi lại khó khăn.",
            "proposals": "Đề nghị hỗ trợ tài liệu bằng tiếng Tày, Nùng, Dao, H'Mông.",
        },
        tables={
            "activities": [
                SampleRow("Tập huấn", index + 1, 10 * index + 3, 12 * index + 5, level),
                SampleRow("Tọa đàm", 1 + index % 4, 7 + index, 9 + 2 * index, "Xã"),
                SampleRow("Thăm hỏi gia đình khó khăn", 1, index, 2 * index + 1, "Huyện"),
            ],
            "media": [
                SampleRow("Phát thanh", 2 + index, 100 * index + 11, 120 * index + 13, "Huyện"),
                SampleRow("Mạng xã hội", 1 + index % 5, 50 * index, 70 * index + 1, level),
            ],
            "products": [SampleRow("Tờ rơi", 50 + 5 * index, 0, 0, level)],
        },
    )


@pytest.fixture(scope="module")
def originals(
    tmp_path_factory: pytest.TempPathFactory, campaign: Campaign, stamper: FormStamper
) -> dict[str, Path]:
    """Agency code -> that agency's generated form, filled with its own figures."""
    directory = tmp_path_factory.mktemp("originals")
    forms = {}
    for index, agency in enumerate(campaign.agencies):
        path = directory / file_name(campaign, agency)
        path.write_bytes(fill_bytes(stamper.stamp(agency), agency_report(index, agency.code)))
        forms[agency.code] = path
    return forms


@pytest.fixture(scope="module", params=["xlsx", "ods"])
def resaved(
    request: pytest.FixtureRequest,
    originals: dict[str, Path],
    tmp_path_factory: pytest.TempPathFactory,
    profile: Path,
) -> dict[str, Path]:
    """Agency code -> its form opened and re-saved by LibreOffice in the format of the param."""
    codes = list(originals)
    out_dir = tmp_path_factory.mktemp(f"resaved-{request.param}")
    converted = soffice_convert(list(originals.values()), request.param, out_dir, profile)
    return dict(zip(codes, converted, strict=True))


def written_by_libreoffice(path: Path) -> bool:
    """The file was saved by LibreOffice (not merely copied): its metadata names the generator."""
    part = "meta.xml" if path.suffix == ".ods" else "docProps/app.xml"
    with zipfile.ZipFile(path) as archive:
        return b"LibreOffice" in archive.read(part)


def content(submission: Submission) -> dict[str, Any]:
    """Everything a submission says, without where the file lies."""
    return {key: value for key, value in asdict(submission).items() if key != "path"}


def issue_places(result: FileResult) -> list[tuple[str, str, str | None, str | None]]:
    return [(i.severity.value, i.code, i.sheet, i.cell) for i in result.issues]


def test_every_roster_form_survives_libreoffice(
    resaved: dict[str, Path], originals: dict[str, Path], campaign: Campaign
) -> None:
    assert len(resaved) == len(campaign.agencies) == 28
    for code, path in resaved.items():
        before = validate_file(originals[code], campaign)
        assert written_by_libreoffice(path), path.name
        after = validate_file(path, campaign)
        assert after.errors == [], (path.name, after.errors)
        assert after.agency_code == code, path.name
        assert after.submission is not None and before.submission is not None
        assert content(after.submission) == content(before.submission), path.name
        assert issue_places(after) == issue_places(before), path.name


def test_resaved_forms_consolidate_to_the_same_report(
    resaved: dict[str, Path], originals: dict[str, Path], campaign: Campaign
) -> None:
    def consolidated(paths: dict[str, Path]) -> dict[str, Any]:
        results = [validate_file(path, campaign) for path in paths.values()]
        submissions = [r.submission for r in results if r.submission is not None]
        assert len(submissions) == 28
        status = completeness.compute(campaign, results)
        return consolidate(campaign, submissions, status, report_date=REPORT_DATE).to_json()

    before, after = consolidated(originals), consolidated(resaved)
    assert after["totals"] == before["totals"]
    assert after["budget"] == before["budget"]
    assert after["tables"] == before["tables"]  # every (item, level) row and its agencies
    assert after["totals"]["activities"]["count"] > 0


# ------------------------------------------------------------ a form typed into in LibreOffice


def uno_missing() -> str | None:
    """Why the UNO test cannot run here, or None."""
    if not Path(SYSTEM_PYTHON).is_file():
        return f"{SYSTEM_PYTHON} not found (UNO needs the system python)"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, timeout=60, check=False
    )
    if probe.returncode != 0:
        return "python3-uno not installed (apt-get install python3-uno)"
    return None


# (item, count, male, female, level) as typed; a str number is typed as text (setString),
# a str starting with "=" is a formula, an int is a number (setValue).
TYPED_ROWS: dict[str, list[tuple[str, int | str, int | str, int | str, str]]] = {
    "activities": [
        ("Tập huấn", 3, 45, 80, "Xã"),
        ("Nói chuyện chuyên đề", "=2+2", 30, "1.234", "Huyện"),
        ("Thăm hỏi gia đình nạn nhân bạo lực", 6, 6, 12, "Xã"),
    ],
    "media": [("Phát thanh", 8, 2000, 2100, "Tỉnh"), ("Mạng xã hội", "5", 900, 1500, "Huyện")],
    "products": [("Tờ rơi", 500, 0, 0, "Xã"), ("Băng rôn", 12, 0, 0, "Huyện")],
}
# What the typed rows must read as: "1.234" typed as text is 1234 in Vietnamese, never 1.234.
EXPECTED_ROWS = {
    "activities": [
        ("Tập huấn", "Xã", 3, 45, 80),
        ("Nói chuyện chuyên đề", "Huyện", 4, 30, 1234),
        ("Thăm hỏi gia đình nạn nhân bạo lực", "Xã", 6, 6, 12),
    ],
    "media": [("Phát thanh", "Tỉnh", 8, 2000, 2100), ("Mạng xã hội", "Huyện", 5, 900, 1500)],
    "products": [("Tờ rơi", "Xã", 500, 0, 0), ("Băng rôn", "Huyện", 12, 0, 0)],
}
TYPED_INFO = {
    "report_number": ("string", "88/BC-UBND"),
    # An ISO date is read as a date whatever the locale (the UNO API parses as en-US).
    "report_date": ("formula", "2021-12-16"),
    "signer_title": ("string", "Phó Chủ tịch"),
    "signer_name": ("string", "Hoàng Văn Thái"),
    "contact": ("string", "Lý Thị Mai, 0209 3882 456"),
    "direction": ("string", "Ban hành Kế hoạch số 210/KH-UBND.\nGiao Phòng LĐ-TB&XH chủ trì."),
    "activities_text": ("string", "Tập huấn, nói chuyện chuyên đề <tại 6 xã> & phát thanh."),
    "budget_state": ("value", 12_500_000),
    "budget_mobilized": ("formula", "=2500000+500000"),
    "results": ("string", "Cán bộ, hội viên hiểu rõ hơn về bình đẳng giới."),
    "difficulties": ("string", "Kinh phí hạn hẹp."),
    "proposals": ("string", "Đề nghị bổ sung tài liệu bằng tiếng dân tộc."),
}


def typing_plan() -> list[dict[str, Any]]:
    info = form.SHEET_INFO
    plan = [
        {
            "sheet": info,
            "cell": f"{form.INFO_VALUE_COLUMN}{form.info_row(key)}",
            "how": how,
            "value": value,
        }
        for key, (how, value) in TYPED_INFO.items()
    ]
    kinds = ["item", "count", "male", "female", "level"]
    for key, rows in TYPED_ROWS.items():
        sheet = form.table(key).sheet
        for offset, values in enumerate(rows):
            for kind, value in zip(kinds, values, strict=True):
                letter = form.table(key).letter(kind)
                address = f"{letter}{form.TABLE_FIRST_DATA_ROW + offset}"
                plan.append({"sheet": sheet, "cell": address, "how": _how(value), "value": value})
    return plan


def _how(value: int | str) -> str:
    if isinstance(value, int):
        return "value"
    return "formula" if value.startswith("=") else "string"


def test_form_typed_into_in_libreoffice(
    tmp_path: Path, blank_form, campaign: Campaign, profile: Path
) -> None:
    reason = uno_missing()
    if reason:
        pytest.skip(reason)
    blank = blank_form("CHODON")
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(typing_plan(), ensure_ascii=False), encoding="utf-8")
    filled = tmp_path / "chodon-typed.xlsx"
    completed = subprocess.run(
        [
            SYSTEM_PYTHON,
            str(UNO_FILL),
            *map(str, (blank, filled, plan)),
            *("--soffice", str(SOFFICE), "--profile", str(profile)),
        ],
        capture_output=True,
        timeout=SOFFICE_SECONDS,
        check=False,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr
    assert written_by_libreoffice(filled)
    shown = {(c["sheet"], c["cell"]): c["shown"] for c in json.loads(completed.stdout)}
    assert shown[(form.SHEET_INFO, f"B{form.info_row('report_date')}")] == "16/12/2021"

    result = validate_file(filled, campaign)
    assert result.errors == [], result.errors
    assert result.agency_code == "CHODON"
    # The only remark: "1.234" typed as text (read as 1234, with a warning); "5" typed as
    # text reads silently as 5.
    assert [(i.code, i.sheet, i.cell) for i in result.issues] == [
        ("text_number", form.table("activities").sheet, "E8")
    ]
    submission = result.submission
    assert submission is not None
    typed = {key: value for key, (_, value) in TYPED_INFO.items()}
    assert submission.report_number == typed["report_number"]
    assert submission.report_date == date(2021, 12, 16)
    assert (submission.signer_title, submission.signer_name, submission.contact) == (
        typed["signer_title"],
        typed["signer_name"],
        typed["contact"],
    )
    assert (submission.budget_state, submission.budget_mobilized) == (12_500_000, 3_000_000)
    assert submission.narratives == {key: typed[key] for key in form.NARRATIVE_KEYS}
    assert {
        key: [(r.item, r.level, r.count, r.male, r.female) for r in rows]
        for key, rows in submission.tables.items()
    } == EXPECTED_ROWS


# ------------------------------------------------------------ the Word report, printed to PDF

HEADER_TEXTS = (
    "UBND TỈNH BẮC KẠN",
    "SỞ LAO ĐỘNG - THƯƠNG BINH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "BÁO CÁO",
    "Kính gửi",
)


def normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) not installed",
)
def test_example_report_prints_to_pdf(tmp_path: Path, campaign: Campaign, profile: Path) -> None:
    report = validate_inbox(ROOT / "examples" / "inbox", campaign)
    docx = tmp_path / "baocao.docx"
    request = ConsolidateRequest(tmp_path, docx, report_date=REPORT_DATE)
    docx.write_bytes(build_reports(report, request).outputs[docx])
    (pdf,) = soffice_convert([docx], "pdf", tmp_path / "pdf", profile)

    info = subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 10 <= pages <= 80, info
    first_page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    text = normalised(first_page)
    missing = [line for line in HEADER_TEXTS if normalised(line) not in text]
    assert not missing, text
