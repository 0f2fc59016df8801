"""The officer confirms the new year's plan and theme in thd.toml (as in Notepad)."""

import re
import sys
from pathlib import Path

THEME = "Thúc đẩy bình đẳng giới trong công tác phòng ngừa, ứng phó với bạo lực trên cơ sở giới"
KEYS = {
    "theme": f'"{THEME}"',
    "plan_number": '"97/KH-UBND"',
    "plan_date": "2024-10-28",
    "to_confirm": "[]",
}

config = Path(sys.argv[1])
text = config.read_text(encoding="utf-8")
for key, value in KEYS.items():
    text = re.sub(rf"^{key} = .*$", f"{key} = {value}", text, flags=re.M)
config.write_text(text, encoding="utf-8")
