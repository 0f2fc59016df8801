import json
import shutil

from build import W, make_config, run

fig = json.loads((W / "figures.json").read_text())
prov = [
    ("tuyen-quang", "Tuyên Quang"),
    ("lao-cai", "Lào Cai"),
    ("thai-nguyen", "Thái Nguyên"),
    ("phu-tho", "Phú Thọ"),
    ("bac-ninh", "Bắc Ninh"),
    ("cao-bang", "Cao Bằng"),
    ("lang-son", "Lạng Sơn"),
    ("quang-ninh", "Quảng Ninh"),
]
d = W / "bo-2026"
make_config(
    d,
    2026,
    "bo-2026",
    "X",
    [(s.replace("-", "").upper(), f"UBND tỉnh {n}", "province") for s, n in prov],
    ["Tỉnh", "Xã"],
    "2026-12-25",
)
t = (d / "thd.toml").read_text(encoding="utf-8")
t = t.replace('parent = "UBND TỈNH X"', 'parent = "BỘ NỘI VỤ"').replace(
    'name = "SỞ NỘI VỤ"', 'name = "VỤ BÌNH ĐẲNG GIỚI"'
)
t = t.replace('place = "X"', 'place = "Hà Nội"').replace(
    'plan_issuer = "UBND tỉnh"', 'plan_issuer = "Bộ Nội vụ"'
)
t = t.replace(
    'recipients = ["Ủy ban nhân dân tỉnh X", "Bộ Nội vụ"]', 'recipients = ["Bộ trưởng Bộ Nội vụ"]'
)
(d / "thd.toml").write_text(t, encoding="utf-8")
ib = d / "inbox"
for s in ("tuyen-quang", "lao-cai", "thai-nguyen", "cao-bang"):
    shutil.copy(W / f"{s}-2026" / "baocao.json", ib / f"{s}.json")
shutil.copy(W / "lang-son-2026-lan1.json", ib / "lang-son.json")
shutil.copy(W / "lang-son-2026" / "baocao.json", ib / "lang-son (gui lai).json")
shutil.copy(W / "quang-ninh-2025" / "baocao.json", ib / "quang-ninh.json")
shutil.copy(W / "bac-ninh-2026" / "baocao.docx", ib / "Bao cao UBND tinh Bac Ninh.docx")
run(
    [
        "soffice",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(W / "_pdf"),
        str(W / "phu-tho-2026" / "baocao.docx"),
    ],
    W,
)
shutil.copy(W / "_pdf" / "baocao.pdf", ib / "UBND tinh Phu Tho - BC THD 2026 (da ky).pdf")
