"""The officer's edits to thd.toml after `thd init --year 2026` and `thd roster import`:
the province's own issuer, levels ["Tỉnh", "Xã"], to_confirm emptied."""

import re
import sys
from pathlib import Path

EDITS = {
    "id": '"thai-nguyen-2026"',
    "population": "1799489",
    "theme": '"Chung tay vì bình đẳng giới, xóa bỏ bạo lực trên cơ sở giới"',
    "plan_number": '"215/KH-UBND"',
    "plan_date": "2026-10-20",
    "parent": '"UBND TỈNH THÁI NGUYÊN"',
    "name": None,  # several keys called name: handled below
    "abbreviation": '"SNV"',
    "place": '"Thái Nguyên"',
    "contact": '"Phòng Bình đẳng giới, Sở Nội vụ tỉnh Thái Nguyên"',
    "email": '"binhdanggioi@thainguyen.gov.vn"',
    "signer_authority": '"KT. GIÁM ĐỐC"',
    "signer_title": '"PHÓ GIÁM ĐỐC"',
    "signer_name": '"Trần Văn Minh"',
    "recipients": '["Ủy ban nhân dân tỉnh Thái Nguyên", "Bộ Nội vụ"]',
    "distribution": '["Như trên", "Các Sở, ban, ngành, đoàn thể tỉnh", "UBND các xã, phường"]',
    "archive": '"Lưu: VT, BĐG"',
    "levels": '["Tỉnh", "Xã"]',
    "to_confirm": "[]",
}

path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
for key, value in EDITS.items():
    if value is None:
        continue
    text, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", text, count=1)
    assert n == 1, key
text = re.sub(r'(?m)^name = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI".*$', 'name = "SỞ NỘI VỤ"', text)
path.write_text(text, encoding="utf-8")
