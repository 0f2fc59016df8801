"""Seat 2: a ministry that consolidates ~3,300 commune forms directly.

usage: ministry.py PROVINCE_THD_TOML OUT_DIR [COUNT]

Takes the province's thd.toml (levels ["Tỉnh", "Xã"]), replaces its roster with COUNT (3300)
communes named as a national list names them ("UBND xã Tân Lập, tỉnh Phú Thọ"), and fills
OUT_DIR/inbox with each commune's own form (thd's template, stamped per agency as
benchmarks/validate.make_inbox does) from 8 valid variants, 200 late ones and 33 with a typical
error (negative number, "khoảng 50", missing level). 30 communes do not answer.
"""

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))

from harness import config_with_roster  # noqa: E402

from thanghanhdong import config  # noqa: E402
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes  # noqa: E402
from thanghanhdong.template import FormStamper, build_workbook_bytes, file_name  # noqa: E402

PROVINCES = [
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
    "Cao Bằng",
    "Điện Biên",
    "Hà Tĩnh",
    "Lai Châu",
    "Lạng Sơn",
    "Nghệ An",
    "Quảng Ninh",
    "Thanh Hóa",
    "Sơn La",
]
FIRST = [
    "Tân",
    "Phú",
    "An",
    "Bình",
    "Hòa",
    "Thanh",
    "Xuân",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Vĩnh",
    "Quảng",
    "Hưng",
    "Minh",
    "Long",
]
SECOND = [
    "Lập",
    "Thịnh",
    "Phúc",
    "Lợi",
    "Sơn",
    "Hà",
    "Tiến",
    "Thành",
    "Hưng",
    "Yên",
    "Lộc",
    "Hiệp",
    "Trung",
    "Khánh",
    "Mỹ",
    "Điền",
    "Cường",
    "Quang",
]


def names(count: int) -> list[str]:
    out = []
    for i in range(count):
        province = PROVINCES[i % len(PROVINCES)]
        j = i // len(PROVINCES)
        first, second = FIRST[j % len(FIRST)], SECOND[(j // len(FIRST)) % len(SECOND)]
        kind = "phường" if j % 9 == 0 else "xã"
        out.append(f"UBND {kind} {first} {second}, tỉnh {province}")
    return out


def variants() -> list[SampleReport]:
    out = []
    acts = ["Tập huấn", "Tọa đàm", "Nói chuyện chuyên đề", "Diễn đàn", "Giao lưu văn nghệ"]
    for k in range(8):
        report = SampleReport(
            report_date=dt.date(2026, 12, 10 + k), budget_state=(k + 1) * 1_000_000
        )
        report.tables["activities"] = [
            SampleRow(acts[(k + n) % len(acts)], 1 + n, 20 + 7 * k, 30 + 5 * n, "Xã")
            for n in range(3 + k % 3)
        ]
        report.tables["media"] = [
            SampleRow("Hệ thống loa truyền thanh cơ sở", 10 + k, 500, 600, "Xã")
        ]
        report.tables["products"] = [
            SampleRow("Băng rôn", 2 + k, 0, 0, "Xã"),
            SampleRow("Tờ rơi", 100, None, None, "Xã"),
        ]
        out.append(report)
    return out


def main(province_toml: Path, out: Path, count: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    entries = [
        f'{{ code = "X{i:05d}", name = "{name}", group = "commune" }}'
        for i, name in enumerate(names(count))
    ]
    text = province_toml.read_text(encoding="utf-8")
    (out / "thd.toml").write_text(config_with_roster(entries, text), encoding="utf-8")
    campaign = config.load(out / "thd.toml")
    inbox = out / "inbox"
    inbox.mkdir()
    template = build_workbook_bytes(campaign)
    good = [FormStamper(campaign, fill_bytes(template, r)) for r in variants()]
    late_report = variants()[1]
    late_report.report_date = dt.date(2026, 12, 24)
    late = FormStamper(campaign, fill_bytes(template, late_report))
    broken = []
    for cells in (
        {("1. Hoạt động", "D7"): -45},
        {("1. Hoạt động", "C7"): "khoảng 50"},
        {("1. Hoạt động", "F7"): None},
    ):
        report = variants()[0]
        report.cells = cells
        broken.append(FormStamper(campaign, fill_bytes(template, report)))
    for i, agency in enumerate(campaign.agencies):
        if i % 110 == 7:
            continue  # not answering
        if i % 100 == 3:
            stamper = broken[i % 3]
        elif i % 16 == 5:
            stamper = late
        else:
            stamper = good[i % len(good)]
        (inbox / file_name(campaign, agency)).write_bytes(stamper.stamp(agency))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 3300)
