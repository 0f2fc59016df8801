#!/bin/sh
# The whole trial, from an empty /tmp/t5: last year, this year, two more districts, the province.
set -e
R=$(dirname "$(readlink -f "$0")"); T=/work/wt/T5/.venv/bin/thd; P=/work/wt/T5/.venv/bin/python
mkdir -p /tmp/t5 && cd /tmp/t5
cp "$R/roster.csv" .
$T init babe-2023 --roster roster.csv
python3 "$R/setcfg.py" babe-2023/thd.toml "Ba Bể" ba-be 2023
(cd babe-2023 && $T generate-templates)
$P "$R/make.py" babe-2023 data2023
(cd babe-2023 && $T validate inbox; $T consolidate inbox --out baocao.docx --xlsx tonghop.xlsx --date 15/12/2023 --pdf)
$T init babe-2024 --from babe-2023/thd.toml --year 2024
python3 "$R/confirm2024.py" babe-2024/thd.toml
(cd babe-2024 && $T generate-templates)
$P "$R/make.py" babe-2024 data2024
cp "babe-2023/inbox/Nam Mau bao cao.xlsx" babe-2024/inbox/   # last year's form, by mistake
touch -d '2024-12-08 10:00' "babe-2024/inbox/Khang Ninh (gui lai).xlsx"
cd babe-2024
$T validate inbox --compare ../babe-2023/baocao.json || true
$T consolidate inbox --out baocao.docx --xlsx tonghop.xlsx --latest --skip-invalid \
  --compare ../babe-2023/baocao.json --date 12/12/2024 --pdf
$T remind inbox --out nhac.docx --date 11/12/2024
cd ..
sh "$R/other_districts.sh"
sh "$R/province.sh"
for d in babe-2023 babe-2024 tinh-2024; do (cd $d && pdftoppm -png -r 60 baocao.pdf pg); done
