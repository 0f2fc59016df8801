#!/bin/sh
# Rebuild the review's province and big roster and render both reports (THD: path to thd).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
THD=${THD:-thd}
PY=$(dirname "$(command -v "$THD")")/python
W=${1:-/tmp/rr}
rm -rf "$W/dot" "$W/big" && mkdir -p "$W" && cd "$W"
"$THD" init dot --roster "$HERE/roster.csv"
"$PY" "$HERE/edit_config.py" dot/thd.toml
(cd dot && "$THD" generate-templates)
"$PY" "$HERE/build_inbox.py" dot
"$PY" "$HERE/hand_sums.py"
(cd dot && mkdir -p out && "$THD" consolidate inbox --out out/baocao.docx --xlsx out/tonghop.xlsx --skip-invalid --force)
"$PY" "$HERE/build_big.py" dot big "$THD"
(cd big && mkdir -p out && "$THD" consolidate inbox --out out/baocao.docx --skip-invalid --force)
for d in dot big; do
  soffice -env:UserInstallation=file:///tmp/lo-review-report --headless --convert-to pdf "$d/out/baocao.docx" --outdir "$d/out"
  pdftoppm -png -r 70 "$d/out/baocao.pdf" "$d/out/p"
done
