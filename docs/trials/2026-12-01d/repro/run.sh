#!/bin/sh
# The whole trial: bash run.sh [THD] (THD defaults to thd on PATH). Writes /tmp/t4/dot.
set -e
THD=${1:-thd}
HERE=$(cd "$(dirname "$0")" && pwd)
PY=$(dirname "$(command -v "$THD")")/python
rm -rf /tmp/t4 && mkdir -p /tmp/t4 && cd /tmp/t4
"$THD" init dot && cd dot && "$THD" generate-templates >/dev/null
PYTHONPATH="$HERE" "$PY" "$HERE/make_forms.py"
PYTHONPATH="$HERE" "$PY" "$HERE/make_word_mail.py"
COLUMNS=80 "$THD" validate inbox > validate.txt 2>&1 || true
COLUMNS=80 "$THD" consolidate inbox --out baocao.docx --xlsx tonghop.xlsx --latest \
    --skip-invalid --date 22/12/2021 --pdf > consolidate.txt 2>&1
pdftotext -layout baocao.pdf baocao.txt && pdftoppm -png -r 60 baocao.pdf page
echo "see /tmp/t4/dot/validate.txt, consolidate.txt, baocao.txt, page-*.png"
