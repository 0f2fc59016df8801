#!/bin/sh
# The province: a roster of three districts; each district's data file copied into the inbox.
set -e
T=/work/wt/T5/.venv/bin/thd
printf 'Tên đơn vị,Mã\nUBND huyện Ba Bể,BABE\nUBND huyện Na Rì,NARI\nUBND huyện Chợ Đồn,CHODON\n' > tinh.csv
$T init tinh-2024 --roster tinh.csv >/dev/null
sed -i -e 's/^id = .*/id = "bac-kan-2024"/' -e 's/^year = .*/year = 2024/' \
  -e 's/^plan_date = .*/plan_date = 2024-10-18/' -e 's/^period_start = .*/period_start = 2024-11-15/' \
  -e 's/^period_end = .*/period_end = 2024-12-15/' -e 's/^deadline = .*/deadline = 2024-12-20/' \
  -e 's/^plan_number = .*/plan_number = "712\/KH-UBND"/' tinh-2024/thd.toml
cp babe-2024/baocao.json tinh-2024/inbox/babe.json
cp nari-2024/baocao.json tinh-2024/inbox/nari.json
cp chodon-2024/baocao.json tinh-2024/inbox/chodon.json
cd tinh-2024 && $T validate inbox && $T consolidate inbox --out baocao.docx --date 22/12/2024 --pdf
