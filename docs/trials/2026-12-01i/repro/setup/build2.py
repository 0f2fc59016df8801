import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, "/tmp/t9/work")
from build import W, province

fig = json.loads((W / "figures.json").read_text())
# 2025 Tuyên Quang: old communes (merged into 2026's Mỹ Lâm and Minh Xuân), with a district
old = [
    ("SYT", "Sở Y tế", "province"),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "province"),
    ("MYBANG", "UBND xã Mỹ Bằng", "commune"),
    ("KIMPHU", "UBND xã Kim Phú", "commune"),
    ("TANQUANG", "UBND phường Tân Quang", "commune"),
    ("YENSON", "UBND huyện Yên Sơn", "district"),
]
fig["tuyen-quang-2025"] = province(
    "tuyen-quang", "Tuyên Quang", 2025, old, ["Tỉnh", "Huyện", "Xã"], 7, "18/12/2025"
)
fig["quang-ninh-2025"] = province(
    "quang-ninh",
    "Quảng Ninh",
    2025,
    [("SYT", "Sở Y tế", "province"), ("HALONG", "UBND phường Hạ Long", "commune")],
    ["Tỉnh", "Xã"],
    8,
    "18/12/2025",
)
# Lạng Sơn's corrected consolidation: Sở Y tế corrected its Tập huấn figures, the province re-consolidated on 23/12
ls = Path(fig["lang-son"]["dir"])
shutil.copy(ls / "baocao.json", W / "lang-son-2026-lan1.json")
shutil.copy(ls / "baocao.docx", W / "lang-son-2026-lan1.docx")
fig["lang-son-first"] = json.loads(json.dumps(fig["lang-son"]))


def edit(c, d):
    if c == "SYT":
        d["act"][0] = (
            d["act"][0][0],
            d["act"][0][1] + 10,
            d["act"][0][2] + 1000,
            d["act"][0][3] + 2000,
            "Tỉnh",
        )


fig["lang-son"] = province(
    "lang-son",
    "Lạng Sơn",
    2026,
    [
        ("SYT", "Sở Y tế", "province"),
        ("SGDDT", "Sở Giáo dục và Đào tạo", "province"),
        ("DONGKINH", "UBND phường Đông Kinh", "commune"),
        ("CAOLOC", "UBND xã Cao Lộc", "commune"),
    ],
    ["Tỉnh", "Xã"],
    106,
    "23/12/2026",
    edit=edit,
)
(W / "figures.json").write_text(json.dumps(fig, ensure_ascii=False, indent=1))
for k in ("tuyen-quang-2025", "quang-ninh-2025", "lang-son"):
    print(k, fig[k]["rc"], fig[k]["sums"]["act"])
