"""The officer confirms the new year's plan and theme in thd.toml (as in Notepad)."""
import re, sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read()
t = re.sub(r'^theme = .*$', 'theme = "Thúc đẩy bình đẳng giới trong công tác phòng ngừa, ứng phó với bạo lực trên cơ sở giới"', t, flags=re.M)
t = re.sub(r'^plan_number = .*$', 'plan_number = "97/KH-UBND"', t, flags=re.M)
t = re.sub(r'^plan_date = .*$', 'plan_date = 2024-10-28', t, flags=re.M)
t = re.sub(r'^to_confirm = .*$', 'to_confirm = []', t, flags=re.M)
open(p, "w", encoding="utf-8").write(t)
