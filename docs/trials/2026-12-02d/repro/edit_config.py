"""Turn the `thd init` config into Tuyên Quang 2026 (post-2025: Sở Nội vụ, levels Tỉnh/Xã)."""

import re
import sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
subs = {
    r"^id = .*$": 'id = "tuyen-quang-2026"',
    r"^year = .*$": "year = 2026",
    r"^theme = .*$": 'theme = "Chung tay xóa bỏ bạo lực trên cơ sở giới, thúc đẩy bình đẳng giới trong kỷ nguyên số"',
    r"^plan_number = .*$": 'plan_number = "185/KH-UBND"',
    r"^plan_date = .*$": "plan_date = 2026-10-20",
    r"^period_start = .*$": "period_start = 2026-11-15",
    r"^period_end = .*$": "period_end = 2026-12-15",
    r"^deadline = .*$": "deadline = 2026-12-20",
    r"^#? ?report_date = .*$": "report_date = 2026-12-23",
    r"^population = .*$": "population = 1865270",
    r"^parent = .*$": 'parent = "UBND TỈNH TUYÊN QUANG"',
    r'^name = "SỞ LAO ĐỘNG.*$': 'name = "SỞ NỘI VỤ"',
    r"^abbreviation = .*$": 'abbreviation = "SNV"',
    r"^place = .*$": 'place = "Tuyên Quang"',
    r"^contact = .*$": 'contact = "Phòng Lao động - Bình đẳng giới, Sở Nội vụ tỉnh Tuyên Quang"',
    r'^email = "binhdanggioi.*$': 'email = "binhdanggioi@tuyenquang.gov.vn"',
    r"^signer_name = .*$": 'signer_name = "Hoàng Thị Minh Thu"',
    r"^recipients = .*$": 'recipients = ["Ủy ban nhân dân tỉnh Tuyên Quang", "Bộ Nội vụ"]',
    r"^distribution = .*$": 'distribution = ["Như trên", "Giám đốc Sở", "Các sở, ban, ngành, đoàn thể tỉnh", "UBND các xã, phường"]',
    r"^archive = .*$": 'archive = "Lưu: VT, LĐ-BĐG"',
    r"^levels = .*$": 'levels = ["Tỉnh", "Xã"]',
    r"^# guidance = .*$": 'guidance = ["Sở Nội vụ ban hành Công văn số 2145/SNV-LĐBĐG ngày 28/10/2026 hướng dẫn các cơ quan, đơn vị, địa phương triển khai Tháng hành động"]',
}
for pattern, repl in subs.items():
    text, n = re.subn(pattern, repl, text, count=1, flags=re.M)
    if not n:
        print("not found:", pattern)
path.write_text(text, encoding="utf-8")
