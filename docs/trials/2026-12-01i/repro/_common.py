"""Shared helpers: a small 2026 province consolidated by thd, and a ministry roster of provinces."""

import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl

THD = str(Path(sys.executable).with_name("thd"))


def run(args, cwd):
    return subprocess.run([THD, *args], cwd=cwd, capture_output=True, text=True)


def config(d, roster, levels, parent, name, place, csvname="roster.csv"):
    d.mkdir(parents=True, exist_ok=True)
    (d.parent / csvname).write_text(
        "Mã,Tên đơn vị,Nhóm\n" + "".join(f"{c},{n},{g}\n" for c, n, g in roster), encoding="utf-8"
    )
    run(["init", str(d), "--roster", str(d.parent / csvname), "--force"], d.parent)
    t = (d / "thd.toml").read_text(encoding="utf-8")
    for k, v in {
        "id": f'"{d.name}"',
        "year": "2026",
        "plan_date": "2026-10-20",
        "period_start": "2026-11-15",
        "period_end": "2026-12-15",
        "deadline": "2026-12-25",
        "parent": f'"{parent}"',
        "place": f'"{place}"',
        "levels": json.dumps(levels, ensure_ascii=False),
    }.items():
        t = re.sub(rf"(?m)^{k} = .*$", f"{k} = {v}", t, count=1)
    t = t.replace('name = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"', f'name = "{name}"')
    (d / "thd.toml").write_text(t, encoding="utf-8")


def province(
    root, slug, pname, levels=("Tỉnh", "Xã"), rows=None, commune=("MYLAM", "UBND xã Mỹ Lâm")
):
    d = root / slug
    roster = [("SYT", "Sở Y tế", "province"), (*commune, "commune")]
    names = dict(r[:2] for r in roster)
    config(d, roster, list(levels), f"UBND TỈNH {pname.upper()}", "SỞ NỘI VỤ", pname, f"{slug}.csv")
    run(["generate-templates"], d)
    for form in (d / "mau-bao-cao").glob("*.xlsx"):
        wb = openpyxl.load_workbook(form)
        code = wb["_thd"]["B4"].value
        wb["Thông tin chung"]["B6"] = "10/12/2026"
        wb["Thông tin chung"]["B13"] = 5000000
        wb["Thông tin chung"]["B14"] = 0
        wb["Thông tin chung"]["B16"] = (
            f"Các hoạt động của {names[code]} được triển khai đúng kế hoạch."
        )
        s = wb["1. Hoạt động"]
        for i, (item, n, m, f, lv) in enumerate(
            (rows or {}).get(code, [("Tập huấn", 2, 30, 40, "Tỉnh" if code == "SYT" else "Xã")])
        ):
            for col, v in zip("BCDEF", (item, n, m, f, lv)):
                s[f"{col}{7 + i}"] = v
        wb.save(d / "inbox" / form.name)
    p = run(["consolidate", "inbox", "--out", "baocao.docx", "--date", "18/12/2026", "--force"], d)
    assert (d / "baocao.json").exists(), p.stdout + p.stderr
    return d


def ministry(root, provinces):
    d = root / "bo"
    config(
        d,
        [(s.replace("-", "").upper(), f"UBND tỉnh {n}", "province") for s, n in provinces],
        ["Tỉnh", "Xã"],
        "BỘ NỘI VỤ",
        "VỤ BÌNH ĐẲNG GIỚI",
        "Hà Nội",
        "bo.csv",
    )
    return d


def states(bo):
    p = run(["validate", "inbox", "--json"], bo)
    j = json.loads(p.stdout)
    return j
