"""Fill the province's forms as ~100 clerks would, with openpyxl, into INBOX; write the expected
totals (own sums over the forms that should be consolidated) to expected.json.

usage: fill.py TEMPLATES_DIR INBOX EXPECTED_JSON

Of the 100 agencies: 5 do not answer, 5 answer with a typical error (negative number, "khoảng
50", decimal, missing level, name without figures), the rest answer validly in varied ways
(dates as date cells or typed text, a few late, numbers as text "1.200", Nữ left blank,
files renamed, custom item names outside the catalogue, many rows).
"""

import datetime as dt
import json
import random
import sys
from pathlib import Path

import openpyxl

ACTIVITIES = [
    "Diễn đàn",
    "Đối thoại",
    "Tọa đàm",
    "Hội thảo",
    "Tập huấn",
    "Nói chuyện chuyên đề",
    "Thi tìm hiểu pháp luật",
    "Giao lưu văn nghệ",
    "Thể thao",
    "Kiểm tra, giám sát",
]
MEDIA = [
    "Phát thanh",
    "Truyền hình",
    "Hệ thống loa truyền thanh cơ sở",
    "Trang thông tin điện tử",
    "Mạng xã hội",
    "Báo in",
]
PRODUCTS = ["Băng rôn", "Khẩu hiệu", "Pano", "Áp phích", "Tờ rơi", "Tài liệu tuyên truyền"]
SHEETS = {"1. Hoạt động": ACTIVITIES, "2. Truyền thông": MEDIA, "3. Sản phẩm": PRODUCTS}
RESULTS = [
    "Các hoạt động được triển khai đồng bộ, thu hút đông đảo nhân dân tham gia.",
    "Nhận thức của cán bộ, nhân dân về bình đẳng giới được nâng lên rõ rệt.",
    "Công tác tuyên truyền được đổi mới về hình thức, phù hợp với từng đối tượng.",
]
HARD = [
    "Kinh phí còn hạn hẹp, cán bộ làm công tác bình đẳng giới còn kiêm nhiệm.",
    "Địa bàn rộng, dân cư phân tán nên việc tổ chức các hoạt động còn khó khăn.",
]
ASK = [
    "Đề nghị UBND tỉnh quan tâm bố trí kinh phí cho công tác bình đẳng giới.",
    "Đề nghị Bộ Nội vụ tổ chức tập huấn nâng cao năng lực cho cán bộ cấp xã.",
    "",
]
NOT_ANSWERING = 5
WITH_ERRORS = 5


def main(templates: Path, inbox: Path, expected_path: Path) -> None:
    rng = random.Random(2026)
    inbox.mkdir(parents=True, exist_ok=True)
    files = sorted(templates.glob("*.xlsx"))
    rng.shuffle(files)
    silent, wrong, good = (
        files[:NOT_ANSWERING],
        files[NOT_ANSWERING : NOT_ANSWERING + WITH_ERRORS],
        files[NOT_ANSWERING + WITH_ERRORS :],
    )
    totals: dict = {name: {} for name in SHEETS}
    budget = {"state": 0, "mobilised": 0}
    expected = {
        "not_answering": [],
        "with_errors": [],
        "late": [],
        "blank_female": [],
        "agencies": {},
    }
    for path in silent:
        expected["not_answering"].append(_agency(path))
    for index, path in enumerate(wrong + good):
        error = index if index < WITH_ERRORS else None
        book = openpyxl.load_workbook(path)
        agency = _agency_of(book)
        per_agency = {name: [0, 0, 0] for name in SHEETS}
        info = book["Thông tin chung"]
        info["B5"] = f"{rng.randint(1, 250)}/BC-UBND"
        day = rng.randint(10, 23)
        when = dt.date(2026, 12, day)
        if day > 20:
            expected["late"].append(agency)
        info["B6"] = when if index % 3 else when.strftime("%d/%m/%Y")
        info["B7"] = rng.choice(["CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        info["B8"] = rng.choice(
            ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Hoàng Thị Dung"]
        )
        info["B9"] = f"Đồng chí Phạm Thị Hà, 0208.38{rng.randint(10000, 99999)}"
        info["B11"] = (
            f"Ban hành Kế hoạch số {rng.randint(1, 300)}/KH-UBND ngày "
            f"0{rng.randint(1, 9)}/11/2026 triển khai Tháng hành động."
        )
        info["B12"] = "Tổ chức các hoạt động truyền thông, tập huấn, tọa đàm theo Kế hoạch."
        state, mobilised = rng.randint(0, 40) * 500_000, rng.randint(0, 10) * 500_000
        info["B13"], info["B14"] = state, mobilised
        info["B16"] = "\n".join(rng.sample(RESULTS, 2))
        info["B17"] = rng.choice(HARD)
        info["B18"] = rng.choice(ASK) or None
        blank_female = index % 17 == 5
        for sheet_name, items in SHEETS.items():
            sheet = book[sheet_name]
            count = rng.randint(1, 12) if index % 11 else 30  # a few fill every row
            row = 7
            for _ in range(count):
                item = rng.choice(items) if rng.random() > 0.05 else "Hoạt động khác của xã"
                level = "Xã" if "xã" in agency.lower() or "phường" in agency.lower() else "Tỉnh"
                if rng.random() < 0.1:
                    level = "Tỉnh" if level == "Xã" else "Xã"
                c = rng.randint(1, 20)
                male, female = rng.randint(0, 3000), rng.randint(0, 3000)
                sheet[f"B{row}"] = item
                sheet[f"C{row}"] = f"{c:,}".replace(",", ".") if c > 999 else c
                sheet[f"D{row}"] = f"{male:,}".replace(",", ".") if index % 7 == 3 else male
                sheet[f"E{row}"] = None if blank_female else female
                sheet[f"F{row}"] = level
                key = f"{item}|{level}"
                got = totals[sheet_name].setdefault(key, [0, 0, 0])
                if error is None:
                    for j, v in enumerate((c, male, 0 if blank_female else female)):
                        got[j] += v
                        per_agency[sheet_name][j] += v
                row += 1
        if blank_female:
            expected["blank_female"].append(agency)
        if error is not None:
            _break(book, error)
            expected["with_errors"].append(agency)
        else:
            budget["state"] += state
            budget["mobilised"] += mobilised
            expected["agencies"][agency] = per_agency
        name = path.name if index % 4 else f"BC THD 2026 - {agency}.xlsx"
        book.save(inbox / name)
    expected["totals"] = totals
    expected["budget"] = budget
    expected_path.write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")


def _break(book, kind: int) -> None:
    sheet = book["1. Hoạt động"]
    if kind == 0:
        sheet["D7"] = -45
    elif kind == 1:
        sheet["C8"] = "khoảng 50"
    elif kind == 2:
        sheet["D7"] = 12.5
    elif kind == 3:
        sheet["F7"] = None
    else:
        sheet["B40"] = None
        sheet["B20"] = "Tọa đàm"
        for col in "CDE":
            sheet[f"{col}20"] = None


def _agency_of(book) -> str:
    return book["_thd"]["B5"].value


def _agency(path: Path) -> str:
    return _agency_of(openpyxl.load_workbook(path, read_only=True))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
