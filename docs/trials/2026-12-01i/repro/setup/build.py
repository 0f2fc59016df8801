"""Build provinces' consolidations with thd; record hand sums in figures.json."""

import csv
import datetime
import glob
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

W = Path("/tmp/t9/work")
THD = "/tmp/t9/thd/.venv/bin/thd"


def run(args, cwd, ok=(0,)):
    p = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if p.returncode not in ok:
        print("FAIL", args, p.returncode, p.stdout[-3000:], p.stderr[-3000:])
        sys.exit(1)
    return p


def make_config(d, year, pid, pname, roster, levels, deadline):
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    with open(W / f"{d.name}_roster.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Mã", "Tên đơn vị", "Nhóm"])
        for c, n, g in roster:
            w.writerow([c, n, g])
    run([THD, "init", str(d), "--roster", str(W / f"{d.name}_roster.csv"), "--force"], W)
    t = (d / "thd.toml").read_text(encoding="utf-8")

    def sub(key, val):
        nonlocal t
        t, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {val}", t, count=1)
        assert n, key

    sub("id", f'"{pid}"')
    sub("year", str(year))
    sub("plan_number", '"150/KH-UBND"')
    sub("plan_date", f"{year}-10-20")
    sub("period_start", f"{year}-11-15")
    sub("period_end", f"{year}-12-15")
    sub("deadline", deadline)
    sub("parent", f'"UBND TỈNH {pname.upper()}"')
    t = t.replace('name = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"', 'name = "SỞ NỘI VỤ"')
    sub("abbreviation", '"SNV"')
    sub("place", f'"{pname}"')
    sub("contact", f'"Phòng Bình đẳng giới, Sở Nội vụ tỉnh {pname}"')
    sub("recipients", f'["Ủy ban nhân dân tỉnh {pname}", "Bộ Nội vụ"]')
    sub("levels", json.dumps(levels, ensure_ascii=False))
    sub("population", "1000000")
    (d / "thd.toml").write_text(t, encoding="utf-8")


def fill(path, out, code, name, data, date):
    wb = openpyxl.load_workbook(path)
    ws = wb["Thông tin chung"]
    ws["B5"] = f"{random.randint(10, 99)}/BC-{code}"
    ws["B6"] = date
    ws["B7"] = "GIÁM ĐỐC" if not name.startswith("UBND") else "CHỦ TỊCH"
    ws["B8"] = "Nguyễn Văn " + code.title()
    ws["B11"] = (
        f"{name} ban hành Kế hoạch số {random.randint(10, 99)}/KH triển khai Tháng hành động."
    )
    ws["B12"] = f"{name} tổ chức tuyên truyền về bình đẳng giới tại địa bàn."
    ws["B13"] = data["nsnn"]
    ws["B14"] = data["vd"]
    ws["B16"] = f"Các hoạt động của {name} được triển khai đúng kế hoạch."
    ws["B17"] = "Kinh phí còn hạn hẹp."
    ws["B18"] = data.get("kn", "")
    for sheet, key in (
        ("1. Hoạt động", "act"),
        ("2. Truyền thông", "med"),
        ("3. Sản phẩm", "prod"),
    ):
        s = wb[sheet]
        for i, (item, n, m, f, lv) in enumerate(data[key]):
            r = 7 + i
            s[f"B{r}"] = item
            s[f"C{r}"] = n
            s[f"D{r}"] = m
            s[f"E{r}"] = f
            s[f"F{r}"] = lv
    tmp = out.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    # re-save with LibreOffice as a clerk would
    od = out.parent / "_lo"
    od.mkdir(exist_ok=True)
    run(
        [
            "soffice",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(od),
            str(tmp),
        ],
        W,
    )
    shutil.move(od / tmp.name, out)
    tmp.unlink()
    od.rmdir()


ACTS = ["Tập huấn", "Tọa đàm", "Hội thảo", "Nói chuyện chuyên đề", "Diễn đàn"]
MEDS = ["Phát thanh", "Trang thông tin điện tử", "Mạng xã hội"]
PRODS = ["Băng rôn", "Tờ rơi", "Pano"]


def agency_data(rng, levels, own_level):
    act = [
        (rng.choice(ACTS), rng.randint(1, 5), rng.randint(10, 200), rng.randint(10, 200), own_level)
    ]
    act.append(
        (
            ACTS[rng.randint(0, 4)],
            rng.randint(1, 3),
            rng.randint(5, 80),
            rng.randint(5, 80),
            own_level,
        )
    )
    if act[0][0] == act[1][0]:
        act = act[:1]
    med = [
        (
            rng.choice(MEDS),
            rng.randint(1, 20),
            rng.randint(100, 900),
            rng.randint(100, 900),
            own_level,
        )
    ]
    prod = [(rng.choice(PRODS), rng.randint(5, 60), None, None, own_level)]
    return {
        "act": act,
        "med": med,
        "prod": prod,
        "nsnn": rng.randint(1, 30) * 1_000_000,
        "vd": rng.randint(0, 5) * 500_000,
    }


def sums(datas):
    tot = {}
    for key in ("act", "med", "prod"):
        t = {"n": 0, "m": 0, "f": 0, "by_item": {}}
        for d in datas:
            for item, n, m, f, _lv in d[key]:
                t["n"] += n
                t["m"] += m or 0
                t["f"] += f or 0
                bi = t["by_item"].setdefault(item, [0, 0, 0])
                bi[0] += n
                bi[1] += m or 0
                bi[2] += f or 0
        tot[key] = t
    tot["nsnn"] = sum(d["nsnn"] for d in datas)
    tot["vd"] = sum(d["vd"] for d in datas)
    return tot


def province(slug, pname, year, roster, levels, seed, date, deadline=None, edit=None):
    rng = random.Random(seed)
    random.seed(seed)
    d = W / f"{slug}-{year}"
    make_config(d, year, f"{slug}-{year}", pname, roster, levels, deadline or f"{year}-12-20")
    run([THD, "generate-templates"], d)
    datas = {}
    for c, n, g in roster:
        lv = {"province": "Tỉnh", "district": "Huyện", "commune": "Xã"}[g]
        datas[c] = agency_data(rng, levels, lv)
        if edit:
            edit(c, datas[c])
        form = glob.glob(str(d / "mau-bao-cao" / f"{year}_{c.lower()}_*.xlsx"))
        assert form, (c, list((d / "mau-bao-cao").iterdir()))
        fill(form[0], d / "inbox" / f"BC {n}.xlsx", c, n, datas[c], datetime.datetime(year, 12, 10))
    p = run(
        [
            THD,
            "consolidate",
            "inbox",
            "--out",
            "baocao.docx",
            "--xlsx",
            "tonghop.xlsx",
            "--date",
            date,
            "--force",
        ],
        d,
        ok=(0, 1),
    )
    (d / "consolidate.out").write_text(p.stdout + p.stderr)
    return {
        "name": pname,
        "dir": str(d),
        "agencies": datas,
        "sums": sums(list(datas.values())),
        "rc": p.returncode,
    }


if __name__ == "__main__":
    fig = {}
    TL = [("SYT", "Sở Y tế", "province"), ("SGDDT", "Sở Giáo dục và Đào tạo", "province")]
    P = {
        "tuyen-quang": (
            "Tuyên Quang",
            [
                ("MYLAM", "UBND xã Mỹ Lâm", "commune"),
                ("MINHXUAN", "UBND phường Minh Xuân", "commune"),
            ],
        ),
        "lao-cai": (
            "Lào Cai",
            [("SAPA", "UBND phường Sa Pa", "commune"), ("BATXAT", "UBND xã Bát Xát", "commune")],
        ),
        "thai-nguyen": (
            "Thái Nguyên",
            [
                ("DAITU", "UBND xã Đại Từ", "commune"),
                ("PHANDINHPHUNG", "UBND phường Phan Đình Phùng", "commune"),
            ],
        ),
        "phu-tho": (
            "Phú Thọ",
            [
                ("VIETTRI", "UBND phường Việt Trì", "commune"),
                ("THANHSON", "UBND xã Thanh Sơn", "commune"),
            ],
        ),
        "bac-ninh": (
            "Bắc Ninh",
            [
                ("KINHBAC", "UBND phường Kinh Bắc", "commune"),
                ("TIENDU", "UBND xã Tiên Du", "commune"),
            ],
        ),
        "cao-bang": (
            "Cao Bằng",
            [
                ("THUCPHAN", "UBND phường Thục Phán", "commune"),
                ("HOAAN", "UBND xã Hòa An", "commune"),
            ],
        ),
        "lang-son": (
            "Lạng Sơn",
            [
                ("DONGKINH", "UBND phường Đông Kinh", "commune"),
                ("CAOLOC", "UBND xã Cao Lộc", "commune"),
            ],
        ),
    }
    for i, (slug, (pname, comm)) in enumerate(P.items()):
        levels = ["Tỉnh", "Xã"]
        roster = TL + comm
        if slug == "cao-bang":  # consolidated with the old three levels and a district
            levels = ["Tỉnh", "Huyện", "Xã"]
            roster = TL + [
                ("HOAAN", "UBND huyện Hòa An", "district"),
                ("THUCPHAN", "UBND phường Thục Phán", "commune"),
            ]
        fig[slug] = province(slug, pname, 2026, roster, levels, 100 + i, "18/12/2026")
        print(slug, fig[slug]["rc"], fig[slug]["sums"]["act"]["n"])
    (W / "figures.json").write_text(json.dumps(fig, ensure_ascii=False, indent=1))
