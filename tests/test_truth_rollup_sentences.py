"""Three sentences of a province's signed report made of two districts' data files (trial
2026-12-01e, sections 7 and 8) say what is true: II.3 does not credit the districts with their
communes' requests to the district, I.2's rule says how its activities are picked, and a
difficulty naming the budget first is filed under the budget."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from thanghanhdong import digest
from thanghanhdong.cli import app

runner = CliRunner()
REPRO = Path(__file__).parents[1] / "docs" / "trials" / "2026-12-01e" / "repro"
sys.path.insert(0, str(REPRO))
from data2024 import ANSWERS as BABE  # noqa: E402  (the trial's communes, 2024)
from data_nari import ANSWERS as NARI  # noqa: E402
from make import fill_xlsx  # noqa: E402  (the trial's filler: openpyxl on the generated form)

ASK = "Đề nghị huyện tổ chức tập huấn"
PROVINCE = {
    "id": '"bac-kan-2024"',
    "year": "2024",
    "plan_date": "2024-10-18",
    "period_start": "2024-11-15",
    "period_end": "2024-12-15",
    "deadline": "2024-12-20",
    "plan_number": '"712/KH-UBND"',
}


def _init(folder: Path, roster: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "roster.csv").write_text(roster, encoding="utf-8")
    made = runner.invoke(app, ["init", str(folder / "p"), "--roster", str(folder / "roster.csv")])
    assert made.exit_code == 0, made.output
    return folder / "p" / "thd.toml"


def _consolidate(config: Path, date: str) -> Path:
    out = config.parent / "baocao.docx"
    run = ["consolidate", str(config.parent / "inbox"), "--config", str(config), "--out", str(out)]
    result = runner.invoke(app, [*run, "--date", date])
    assert result.exit_code == 0, result.output
    return out


def _district(root: Path, place: str, code: str, answers: list[dict[str, object]]) -> Path:
    roster = "Tên đơn vị,Mã\n" + "".join(f"{a['name']},{a['code']}\n" for a in answers)
    config = _init(root / code, roster)
    subprocess.run(
        [sys.executable, str(REPRO / "setcfg.py"), str(config), place, code, "2024"], check=True
    )
    forms = config.parent / "m"
    made = runner.invoke(app, ["generate-templates", "--config", str(config), "--out", str(forms)])
    assert made.exit_code == 0, made.output
    for answer in answers:
        form = next(forms.glob(f"*{str(answer['code']).lower()}*.xlsx"))
        fill_xlsx(form, config.parent / "inbox" / f"{answer['code']}.xlsx", answer)
    return _consolidate(config, "12/12/2024")


def _province(root: Path, districts: dict[str, Path]) -> Path:
    config = _init(root / "tinh", "Tên đơn vị,Mã\nUBND huyện Ba Bể,BABE\nUBND huyện Na Rì,NARI\n")
    text = config.read_text(encoding="utf-8")
    for key, value in PROVINCE.items():
        text = re.sub(rf"^{key} = .*$", f"{key} = {value}", text, count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")
    for code, report in districts.items():
        shutil.copy(report.with_suffix(".json"), config.parent / "inbox" / f"{code}.json")
    return _consolidate(config, "22/12/2024")


def _paragraphs(report: Path) -> list[str]:
    return [p.text for p in docx.Document(str(report)).paragraphs]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    root = tmp_path_factory.mktemp("truth")
    babe = [a for a in BABE if a["code"] in ("CHORA", "CAOTHUONG")]
    districts = {
        "BABE": _district(root, "Ba Bể", "ba-be", babe),
        "NARI": _district(root, "Na Rì", "na-ri", NARI),
    }
    province = _province(root, districts)
    return {"district": _paragraphs(districts["BABE"]), "province": _paragraphs(province)}


def _section(lines: list[str], start: str, end: str) -> list[str]:
    first = next(i for i, t in enumerate(lines) if t.startswith(start))
    last = next(i for i, t in enumerate(lines) if i > first and t.startswith(end))
    return lines[first + 1 : last]


@pytest.mark.parametrize("level", ["district", "province"])
def test_a_communes_request_to_its_district_is_not_in_the_signed_proposals(
    reports: dict[str, list[str]], level: str
) -> None:
    proposals = _section(reports[level], "3. Kiến nghị, đề xuất", "III. TỔNG HỢP SỐ LIỆU")
    assert not [t for t in proposals if ASK in t]
    # ... and it stays in the commune's own words in Phụ lục III.
    assert any(t.split(": ")[-1].startswith(ASK) for t in reports[level])
    # Every commune wrote one: the report does not say that nobody did.
    assert proposals == [
        "Các cơ quan, đơn vị, địa phương không có kiến nghị, đề xuất đối với Trung ương và Ủy "
        "ban nhân dân tỉnh."
    ]


def test_the_province_shows_each_districts_own_largest_activity(
    reports: dict[str, list[str]],
) -> None:
    lines = reports["province"]
    start = next(i for i, t in enumerate(lines) if t.startswith("Một số hoạt động tiêu biểu"))
    assert lines[start : start + 3] == [
        "Một số hoạt động tiêu biểu, theo báo cáo của các đơn vị (hoạt động đông người tham gia "
        "nhất của từng đơn vị, nêu 2 đơn vị có số người tham gia cao nhất):",
        "- UBND huyện Ba Bể: Nói chuyện chuyên đề (9 cuộc, 610 lượt người tham gia).",
        # Na Rì's Nói chuyện chuyên đề (60 + 90), not its smaller Tọa đàm (75): the sentence
        # says "lớn nhất", the item repeating Ba Bể's is no reason to skip it.
        "- UBND huyện Na Rì: Nói chuyện chuyên đề (2 cuộc, 150 lượt người tham gia).",
    ]


@pytest.mark.parametrize("level", ["district", "province"])
def test_a_difficulty_naming_the_budget_first_is_a_budget_one(
    reports: dict[str, list[str]], level: str
) -> None:
    difficulties = _section(reports[level], "2. Những khó khăn, tồn tại", "3. Kiến nghị")
    assert [t.split(" (")[0] for t in difficulties] == [
        "- Kinh phí, nguồn lực: Kinh phí còn hạn hẹp, cán bộ kiêm nhiệm nhiều việc"
    ]


@pytest.mark.parametrize("level", ["district", "province"])
def test_points_of_no_theme_alone_have_no_other_label(
    reports: dict[str, list[str]], level: str
) -> None:
    results = _section(reports[level], "1. Những kết quả đã đạt được", "2. Những khó khăn")
    assert [t.split(" (")[0] for t in results] == [
        "- Các hoạt động được nhân dân hưởng ứng tích cực"
    ]


@pytest.mark.parametrize(
    ("point", "addressee"),
    [
        ("Đề nghị huyện tổ chức tập huấn cho cán bộ xã", digest.Addressee.ISSUER),
        ("Đề nghị UBND huyện hỗ trợ kinh phí", digest.Addressee.ISSUER),
        # Other bodies of the district level, and the province, are not the district's office.
        ("Đề nghị Huyện đoàn phối hợp tổ chức", digest.Addressee.OTHER),
        ("Đề nghị tỉnh hỗ trợ kinh phí", digest.Addressee.PROVINCE),
        ("Đề nghị quan tâm hỗ trợ kinh phí", digest.Addressee.OTHER),
    ],
)
def test_a_district_office_is_addressed_by_its_level(
    point: str, addressee: digest.Addressee
) -> None:
    office = digest.IssuerNames(
        "PHÒNG VĂN HÓA - XÃ HỘI", "VHXH", "Ba Bể", parent="UBND HUYỆN BA BỂ"
    )
    assert digest.classify_request(point, office) == addressee


def test_a_provinces_own_parent_is_still_the_province() -> None:
    sở = digest.IssuerNames("Sở Lao động - Thương binh và Xã hội", parent="UBND TỈNH BẮC KẠN")
    point = "Đề nghị UBND tỉnh Bắc Kạn bố trí kinh phí"
    assert digest.classify_request(point, sở) == digest.Addressee.PROVINCE


def test_a_request_to_a_district_answered_straight_to_the_province_stays_out(
    tmp_path: Path,
) -> None:
    # Trial 7, finding 5: a commune (or a Sở) asking its district, in a report the province
    # consolidates itself: "Đề nghị huyện ..." is the district's matter, not the province's II.3.
    from typer.testing import CliRunner
    from word_reports import seed_form

    from thanghanhdong.cli import app

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    request = "Đề nghị huyện hỗ trợ sửa chữa hệ thống loa truyền thanh."
    (inbox / "BC SYT.docx").write_bytes(seed_form(prose=[request]))
    out = tmp_path / "baocao.docx"
    args = ["consolidate", str(inbox), "--out", str(out), "--date", "2021-12-22", "--skip-invalid"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    start = paragraphs.index("3. Kiến nghị, đề xuất")  # part II.3 of the signed body
    end = next(i for i in range(start, len(paragraphs)) if paragraphs[i].startswith("III."))
    section = "\n".join(paragraphs[start:end])
    assert "Đề nghị tỉnh bố trí thêm kinh phí (Sở Y tế)" in section
    assert "loa truyền thanh" not in section
    assert request in paragraphs  # Phụ lục III still quotes the agency's own words
