#!/bin/sh
# The whole trial-6 inbox (20 files, 25 agencies). Usage: THD_VENV=/path/to/.venv sh run_all.sh /tmp/t6run
set -e
OUT=${1:-/tmp/t6run}; V=${THD_VENV:?set THD_VENV to the venv of thd}; HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT" && cd "$OUT" && cp "$HERE/roster.csv" .
"$V/bin/thd" init dot --roster roster.csv
"$V/bin/python" - dot/thd.toml <<'PY'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
for a, b in [("bac-kan-2021", "thai-nguyen-2026"), ("year = 2021", "year = 2026"), ("622/KH-UBND", "185/KH-UBND"),
             ("2021-10-18", "2026-10-20"), ("2021-11-15", "2026-11-15"), ("2021-12-15", "2026-12-15"),
             ("2021-12-20", "2026-12-20"), ("UBND TỈNH BẮC KẠN", "UBND TỈNH THÁI NGUYÊN"), ('place = "Bắc Kạn"', 'place = "Thái Nguyên"'),
             ("tỉnh Bắc Kạn", "tỉnh Thái Nguyên"), ("backan.gov.vn", "thainguyen.gov.vn"), ("population = 324353", "population = 1350000")]:
    s = s.replace(a, b)
open(p, "w", encoding="utf-8").write(s)
PY
cd dot && "$V/bin/thd" generate-templates >/dev/null && "$V/bin/python" "$HERE/build_inbox.py" "$PWD"
COLUMNS=100 "$V/bin/thd" validate inbox --verbose || true
COLUMNS=100 "$V/bin/thd" consolidate inbox --out baocao.docx --xlsx tonghop.xlsx --date 22/12/2026 --skip-invalid
COLUMNS=100 "$V/bin/thd" remind inbox --out nhac.docx --date 18/12/2026
