"""Edit thd.toml as the district officer would in Notepad: one district, its communes.

python setcfg.py THD_TOML DISTRICT CODE YEAR
"""

import re
import sys
from pathlib import Path

KEYS = {
    "plan_number": '"85/KH-UBND"',
    "plan_issuer": '"UBND huyện"',
    "population": "17500",
    "abbreviation": '"VHXH"',
    "email": '"vhxh@backan.gov.vn"',
    "signer_authority": '""',
    "signer_title": '"TRƯỞNG PHÒNG"',
    "signer_name": '"Hoàng Văn Thắng"',
    "distribution": '["Như trên", "UBND các xã, thị trấn"]',
    "archive": '"Lưu: VT, VHXH"',
    "levels": '["Huyện", "Xã"]',
}


def sub(text: str, key: str, value: str) -> str:
    text, n = re.subn(rf"^{key} = .*$", f"{key} = {value}", text, count=1, flags=re.M)
    assert n, key
    return text


def main(path: str, district: str, code: str, year: int) -> None:
    config = Path(path)
    recipients = (
        f'["Ủy ban nhân dân huyện {district}", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Kạn"]'
    )
    keys = {
        **KEYS,
        "id": f'"{code}-{year}"',
        "year": str(year),
        "plan_date": f"{year}-10-25",
        "period_start": f"{year}-11-15",
        "period_end": f"{year}-12-15",
        "deadline": f"{year}-12-10",
        "parent": f'"UBND HUYỆN {district.upper()}"',
        "place": f'"{district}"',
        "contact": f'"Phòng Văn hóa - Xã hội huyện {district}"',
        "recipients": recipients,
    }
    text = config.read_text(encoding="utf-8")
    for key, value in keys.items():
        text = sub(text, key, value)
    head, tail = text.split("[issuer]", 1)  # the issuer's name, not the campaign's
    tail = sub(tail, "name", '"PHÒNG VĂN HÓA - XÃ HỘI"')
    config.write_text(head + "[issuer]" + tail, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
