"""--compare across merged communes (trial 2026-12-01i, finding 4): an agency's `previous` codes
(2025's Mỹ Bằng and Kim Phú are 2026's Mỹ Lâm) stand for it last year, and Phần I's change
sentence says how far the comparison reaches and names the agencies it rests on when they are
few, so that no percentage reads as the province's.

Both years are real campaigns: `thd init --roster`, `thd generate-templates`, forms filled with
openpyxl, `thd consolidate`; the sentence is read back from the .docx with python-docx."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

THD = str(Path(sys.executable).with_name("thd"))

# code -> (name, group, activities: (count, male, female)); level from the group
Roster = dict[str, tuple[str, str, tuple[int, int, int] | None]]

ROSTER_2025: Roster = {
    "SYT": ("Sở Y tế", "province", (1, 10, 10)),
    "SLDTBXH": ("Sở Lao động - Thương binh và Xã hội", "province", (4, 10, 10)),
    "MYBANG": ("UBND xã Mỹ Bằng", "commune", (2, 10, 10)),
    "KIMPHU": ("UBND xã Kim Phú", "commune", (3, 10, 10)),
}
ROSTER_2026: Roster = {
    "SYT": ("Sở Y tế", "province", (5, 30, 40)),
    "SGDDT": ("Sở Giáo dục và Đào tạo", "province", (1, 5, 5)),
    "MYLAM": ("UBND xã Mỹ Lâm", "commune", (8, 30, 40)),
    "MINHXUAN": ("UBND phường Minh Xuân", "commune", (1, 5, 5)),
}
MERGED = 'previous = ["MYBANG", "KIMPHU"]'


def thd(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([THD, *args], cwd=cwd, capture_output=True, text=True)


def campaign(root: Path, year: int, roster: Roster, extra: dict[str, str] | None = None) -> Path:
    """A Tuyên Quang campaign of `year` with `roster`; `extra`: code -> a line added to its
    [[agencies]] block."""
    d = root / f"tq-{year}"
    d.mkdir(parents=True)
    csv = root / f"roster-{year}.csv"
    rows = "".join(f"{code},{name},{group}\n" for code, (name, group, _) in roster.items())
    csv.write_text("Mã,Tên đơn vị,Nhóm\n" + rows, encoding="utf-8")
    done = thd(["init", str(d), "--roster", str(csv), "--force"], root)
    assert done.returncode == 0, done.stdout + done.stderr
    text = (d / "thd.toml").read_text(encoding="utf-8")
    for key, value in {
        "id": f'"tq-{year}"',
        "year": str(year),
        "plan_date": f"{year}-10-20",
        "period_start": f"{year}-11-15",
        "period_end": f"{year}-12-15",
        "deadline": f"{year}-12-25",
        "parent": '"UBND TỈNH TUYÊN QUANG"',
        "place": '"Tuyên Quang"',
        "levels": '["Tỉnh", "Xã"]',
    }.items():
        text = re.sub(rf"(?m)^{key} = .*$", f"{key} = {value}", text, count=1)
    text = text.replace('name = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"', 'name = "SỞ NỘI VỤ"')
    for code, line in (extra or {}).items():
        text = text.replace(f'code = "{code}"\n', f'code = "{code}"\n{line}\n', 1)
    (d / "thd.toml").write_text(text, encoding="utf-8")
    return d


def consolidated(d: Path, year: int, roster: Roster, *compare: str) -> docx.document.Document:
    done = thd(["generate-templates"], d)
    assert done.returncode == 0, done.stdout + done.stderr
    for blank in (d / "mau-bao-cao").glob("*.xlsx"):
        wb = openpyxl.load_workbook(blank)
        code = str(wb["_thd"]["B4"].value)
        _, group, figures = roster[code]
        if figures is None:
            continue
        wb["Thông tin chung"]["B6"] = f"10/12/{year}"
        level = "Tỉnh" if group == "province" else "Xã"
        for column, value in zip("BCDEF", ("Tập huấn", *figures, level), strict=True):
            wb["1. Hoạt động"][f"{column}7"] = value
        wb.save(d / "inbox" / blank.name)
    args = ["consolidate", "inbox", "--out", "baocao.docx", "--date", f"18/12/{year}", "--force"]
    done = thd([*args, *compare], d)
    assert done.returncode == 0, done.stdout + done.stderr
    return docx.Document(str(d / "baocao.docx"))


def change_sentence(document: docx.document.Document, year: int) -> str:
    found = [p.text for p in document.paragraphs if f"So với năm {year}" in p.text]
    assert len(found) == 1, [p.text for p in document.paragraphs]
    return found[0][found[0].index(f"So với năm {year}") :]


@pytest.fixture(scope="module")
def last_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = campaign(tmp_path_factory.mktemp("y2025"), 2025, ROSTER_2025)
    consolidated(d, 2025, ROSTER_2025)
    return d / "baocao.json"


def this_year(
    tmp_path: Path, last_year: Path, roster: Roster, extra: dict[str, str] | None = None
) -> docx.document.Document:
    d = campaign(tmp_path, 2026, roster, extra)
    return consolidated(d, 2026, roster, "--compare", str(last_year))


def test_a_merged_commune_is_compared_with_its_communes_of_last_year(
    tmp_path: Path, last_year: Path
) -> None:
    document = this_year(tmp_path, last_year, ROSTER_2026, {"MYLAM": MERGED})
    # Sở Y tế 1 -> 5 cuộc, Mỹ Lâm 8 against Mỹ Bằng 2 + Kim Phú 3: 6 -> 13 (+116,7%);
    # people 20 + 40 = 60 -> 70 + 70 = 140 (+133,3%). Sở GD-ĐT and Minh Xuân are new.
    assert change_sentence(document, 2025) == (
        "So với năm 2025, chỉ so sánh được 2/4 đơn vị, tính trên số liệu của Sở Y tế, UBND xã "
        "Mỹ Lâm (gồm xã Mỹ Bằng, Kim Phú năm 2025): số cuộc tăng 116,7%, số lượt người tham gia "
        "tăng 133,3% (năm nay có số liệu của 4/4 đơn vị, năm 2025 của 4/4 đơn vị)."
    )


def test_without_previous_the_one_agency_compared_is_named(tmp_path: Path, last_year: Path) -> None:
    document = this_year(tmp_path, last_year, ROSTER_2026)
    # Sở Y tế alone: 1 -> 5 cuộc (+400,0%), 20 -> 70 people (+250,0%)
    assert change_sentence(document, 2025) == (
        "So với năm 2025, chỉ so sánh được 1/4 đơn vị, tính trên số liệu của Sở Y tế: số cuộc "
        "tăng 400,0%, số lượt người tham gia tăng 250,0% (năm nay có số liệu của 4/4 đơn vị, "
        "năm 2025 của 4/4 đơn vị)."
    )


def test_every_agency_compared_but_one_of_last_year_says_which_is_left_out(
    tmp_path: Path, last_year: Path
) -> None:
    roster = {code: ROSTER_2026[code] for code in ("SYT", "MYLAM")}
    document = this_year(tmp_path, last_year, roster, {"MYLAM": MERGED})
    assert change_sentence(document, 2025) == (
        "So với năm 2025, tính trên số liệu của cả 2 đơn vị năm nay, không tính số liệu năm 2025 "
        "của 1 đơn vị không có đơn vị tương ứng năm nay (Sở Lao động - Thương binh và Xã hội): "
        "số cuộc tăng 116,7%, số lượt người tham gia tăng 133,3% (năm nay có số liệu của 2/2 "
        "đơn vị, năm 2025 của 4/4 đơn vị)."
    )


def test_the_whole_province_continued_keeps_the_plain_sentence_and_the_total_change(
    tmp_path: Path, last_year: Path
) -> None:
    roster = {code: ROSTER_2026[code] for code in ("SYT", "MYLAM")}
    # Sở LĐ-TB&XH's 2025 figures counted as those of an agency of 2026 (here Sở Y tế): every
    # agency of both years is in the comparison.
    document = this_year(
        tmp_path, last_year, roster, {"MYLAM": MERGED, "SYT": 'previous = ["SLDTBXH"]'}
    )
    # 1 + 4 + 2 + 3 = 10 -> 13 cuộc (+30,0%); 80 -> 140 people (+75,0%)
    assert change_sentence(document, 2025) == (
        "So với năm 2025, số cuộc tăng 30,0%, số lượt người tham gia tăng 75,0%."
    )
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Hoạt động")
    total = [c.text for c in table.rows[-1].cells]
    assert total[5:9] == ["10", "+30,0%", "80", "+75,0%"]


def test_a_code_of_last_year_given_to_two_agencies_is_refused(tmp_path: Path) -> None:
    roster = {code: ROSTER_2026[code] for code in ("SYT", "MYLAM", "MINHXUAN")}
    twice = {"MYLAM": MERGED, "MINHXUAN": 'previous = ["KIMPHU"]'}
    d = campaign(tmp_path, 2026, roster, twice)
    done = thd(["validate", "inbox", "--json"], d)
    assert done.returncode == 2, done.stdout
    assert (
        "mã 'KIMPHU' được ghi trong previous của cả UBND xã Mỹ Lâm và UBND phường Minh Xuân"
        in done.stderr
    ), done.stderr
