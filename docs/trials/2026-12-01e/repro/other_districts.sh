#!/bin/sh
# Two more districts' 2024 data files, made the same way. Run from /tmp/t5.
set -e
R=$(dirname "$(readlink -f "$0")"); T=/work/wt/T5/.venv/bin/thd; P=/work/wt/T5/.venv/bin/python
printf 'Tên đơn vị,Mã\nUBND xã Kim Lư,KIMLU\nUBND thị trấn Yến Lạc,YENLAC\n' > nari.csv
printf 'Tên đơn vị,Mã\nUBND thị trấn Bằng Lũng,BANGLUNG\nUBND xã Ngọc Phái,NGOCPHAI\n' > chodon.csv
for d in "nari:Na Rì:na-ri:data_nari" "chodon:Chợ Đồn:cho-don:data_chodon"; do
  dir=$(echo "$d" | cut -d: -f1); name=$(echo "$d" | cut -d: -f2); code=$(echo "$d" | cut -d: -f3); spec=$(echo "$d" | cut -d: -f4)
  $T init "$dir-2024" --roster "$dir.csv" >/dev/null
  python3 "$R/setcfg.py" "$dir-2024/thd.toml" "$name" "$code" 2024
  (cd "$dir-2024" && $T generate-templates >/dev/null 2>&1)
  $P "$R/make.py" "$dir-2024" "$spec"
  (cd "$dir-2024" && $T consolidate inbox --out baocao.docx --date 12/12/2024 2>&1 | tail -1)
done
