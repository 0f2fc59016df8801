"""Trial 2026-12-02a: Thái Nguyên's officer from the 2024 campaign to the 2025 one, as the README
says (thd init --from --year --roster, roster edits, validate/consolidate --compare).

Run from an empty directory: `python build.py STAGE` with STAGE 2024, 2025, reimport, compare.
Each stage prints the commands it runs and their output; forms are thd's own, filled with
openpyxl as an agency would (figures below)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl

THD = str(Path(sys.executable).with_name("thd"))
HERE = Path.cwd()

# code (as thd gives it) -> (name, group words of the officer's list, activities
# (count, male, female), level)
Y2024 = {
    "SLDTBXH": ("Sở Lao động - Thương binh và Xã hội", "Sở, ban, ngành", (3, 100, 150), "Tỉnh"),
    "SNV": ("Sở Nội vụ", "Sở, ban, ngành", (2, 40, 60), "Tỉnh"),
    "SKHDT": ("Sở Kế hoạch và Đầu tư", "Sở, ban, ngành", (1, 20, 20), "Tỉnh"),
    "STC": ("Sở Tài chính", "Sở, ban, ngành", (1, 10, 30), "Tỉnh"),
    "HLHPN": ("Hội Liên hiệp Phụ nữ tỉnh", "Đoàn thể", (5, 50, 300), "Tỉnh"),
    "THAINGUYEN": ("UBND thành phố Thái Nguyên", "Huyện", (10, 500, 700), "Huyện"),
    "PHULUONG": ("UBND huyện Phú Lương", "Huyện", (6, 200, 300), "Huyện"),
}
# After 1/7/2025: Bắc Kạn merged into Thái Nguyên, districts abolished, communes merged; Sở
# LĐ-TB&XH into Sở Nội vụ (which now runs the campaign), Sở KH-ĐT into Sở Tài chính.
Y2025 = {
    "SNV": ("Sở Nội vụ", "Sở, ban, ngành", (6, 150, 200), "Tỉnh"),
    "STC": ("Sở Tài chính", "Sở, ban, ngành", (2, 30, 50), "Tỉnh"),
    "HLHPN": ("Hội Liên hiệp Phụ nữ tỉnh", "Đoàn thể", (20, 80, 400), "Tỉnh"),
    "PHANDINHPHUNG": ("UBND phường Phan Đình Phùng", "Xã, phường", (4, 100, 120), "Xã"),
    "QUYETTHANG": ("UBND phường Quyết Thắng", "Xã, phường", (3, 60, 90), "Xã"),
    "XAPHULUONG": ("UBND xã Phú Lương", "Xã, phường", (2, 30, 40), "Xã"),
    "DUCXUAN": ("UBND phường Đức Xuân", "Xã, phường", (1, 20, 30), "Xã"),
}


def run(*args: str, cwd: Path = HERE) -> subprocess.CompletedProcess[str]:
    print(f"\n$ thd {' '.join(args)}   (in {cwd.name})")
    done = subprocess.run([THD, *args], cwd=cwd, capture_output=True, text=True)
    print(done.stdout + done.stderr + f"[exit {done.returncode}]")
    return done


def officer_list(path: Path, roster: dict[str, tuple]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH CƠ QUAN, ĐƠN VỊ BÁO CÁO"])
    ws.append([])
    ws.append(["STT", "Tên đơn vị", "Nhóm", "Ghi chú"])
    for number, (name, group, _, _) in enumerate(roster.values(), start=1):
        ws.append([number, name, group, ""])
    wb.save(path)
    return path


def edit(path: Path, changes: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for key, value in changes.items():
        text, count = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", text, count=1)
        assert count == 1, key
    path.write_text(text, encoding="utf-8")


def fill(d: Path, roster: dict[str, tuple], day: str) -> None:
    for blank in sorted((d / "mau-bao-cao").glob("*.xlsx")):
        wb = openpyxl.load_workbook(blank)
        code = str(wb["_thd"]["B4"].value)
        _, _, figures, level = roster[code]
        if figures is None:
            continue
        count, male, female = figures
        info = wb["Thông tin chung"]
        info["B6"] = day
        sheet = wb["1. Hoạt động"]
        for column, value in zip("BCDEF", ("Tập huấn", count, male, female, level)):
            sheet[f"{column}7"] = value
        wb.save(d / "inbox" / blank.name)


def stage_2024() -> None:
    d = HERE / "dot-2024"
    run("init", str(d))
    edit(
        d / "thd.toml",
        {
            "id": '"thai-nguyen-2024"',
            "year": "2024",
            "theme": '"Chủ đề năm 2024"',
            "plan_number": '"150/KH-UBND"',
            "plan_date": "2024-10-20",
            "period_start": "2024-11-15",
            "period_end": "2024-12-15",
            "deadline": "2024-12-20",
            "parent": '"UBND TỈNH THÁI NGUYÊN"',
            "place": '"Thái Nguyên"',
            "recipients": '["Ủy ban nhân dân tỉnh Thái Nguyên", "Bộ Lao động - Thương binh và Xã hội"]',
        },
    )
    run("roster", "import", str(officer_list(HERE / "ds-2024.xlsx", Y2024)), cwd=d)
    run("generate-templates", cwd=d)
    fill(d, Y2024, "12/12/2024")
    run("consolidate", "inbox", "--out", "baocao.docx", "--date", "22/12/2024", cwd=d)


def stage_2025() -> None:
    d = HERE / "dot-2025"
    listed = officer_list(HERE / "ds-2025.xlsx", Y2025)
    run("init", str(d), "--from", "dot-2024/thd.toml", "--year", "2025", "--roster", str(listed))
    # What the officer edits by hand: the new issuer (Sở Nội vụ runs the campaign since 2025),
    # no district level any more, the merged departments' previous codes.
    path = d / "thd.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('name = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"', 'name = "SỞ NỘI VỤ"')
    text = text.replace('abbreviation = "SLĐTBXH"', 'abbreviation = "SNV"')
    text = text.replace('levels = ["Tỉnh", "Huyện", "Xã"]', 'levels = ["Tỉnh", "Xã"]')
    text = text.replace(
        'code = "SNV"\n', 'code = "SNV"\nprevious = ["SLDTBXH"]   # Sở LĐ-TB&XH nhập vào 3/2025\n'
    )
    text = text.replace(
        'code = "STC"\n', 'code = "STC"\nprevious = ["SKHDT"]   # Sở KH-ĐT nhập vào 3/2025\n'
    )
    path.write_text(text, encoding="utf-8")
    run("generate-templates", cwd=d)


def stage_reimport() -> None:
    """The province sends a corrected list mid-campaign: one more ward."""
    d = HERE / "dot-2025"
    more = {**Y2025, "TANTHINH": ("UBND phường Tân Thịnh", "Xã, phường", None, "Xã")}
    before = (d / "thd.toml").read_text(encoding="utf-8")
    run("roster", "import", str(officer_list(HERE / "ds-2025-sua.xlsx", more)), cwd=d)
    after = (d / "thd.toml").read_text(encoding="utf-8")
    print("previous kept:", after.count("previous = ["), "of", before.count("previous = ["))


def stage_compare() -> None:
    d = HERE / "dot-2025"
    fill(d, Y2025, "12/12/2025")
    run("validate", "inbox", "--compare", "../dot-2024/baocao.json", cwd=d)
    run(
        "consolidate",
        "inbox",
        "--out",
        "baocao.docx",
        "--compare",
        "../dot-2024/baocao.json",
        "--date",
        "22/12/2025",
        "--force",
        cwd=d,
    )


if __name__ == "__main__":
    {"2024": stage_2024, "2025": stage_2025, "reimport": stage_reimport, "compare": stage_compare}[
        sys.argv[1]
    ]()
