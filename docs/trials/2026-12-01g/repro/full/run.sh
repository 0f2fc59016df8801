#!/bin/sh
# Rebuild the trial-7 inbox and run thd on it. Needs thd's venv python (python-docx) and soffice.
# Usage: sh run.sh /path/to/thd/.venv /path/to/dot-2026   (dot-2026 holds the thd.toml of README)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
VENV=$1; DOT=$2
"$VENV/bin/python" "$HERE/specs.py"
cd "$DOT"
"$VENV/bin/python" "$HERE/make_inbox.py" "$DOT/inbox" "$HERE/specs.json"
"$VENV/bin/thd" validate inbox || true
mkdir -p out
"$VENV/bin/thd" consolidate inbox --out out/baocao.docx --xlsx out/tonghop.xlsx --date 21/12/2026 --skip-invalid
"$VENV/bin/python" "$HERE/check_totals.py" "$HERE/specs.json" out/baocao.json
