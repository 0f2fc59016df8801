"""F2: a province that consolidated with levels Tỉnh/Huyện/Xã sends its data file; the ministry
(levels Tỉnh/Xã) rejects it and asks the province to "chọn Tỉnh hoặc Xã" in a file no one can edit."""

import shutil
import tempfile
from pathlib import Path

from _common import ministry, province, run

root = Path(tempfile.mkdtemp())
cb = province(
    root,
    "cao-bang",
    "Cao Bằng",
    levels=("Tỉnh", "Huyện", "Xã"),
    rows={"MYLAM": [("Tập huấn", 3, 20, 30, "Huyện")]},
)
bo = ministry(root, [("cao-bang", "Cao Bằng")])
shutil.copy(cb / "baocao.json", bo / "inbox" / "cao-bang.json")
out = run(["validate", "inbox"], bo).stdout
print(out)
print(
    "WRONG: the province's data file is unusable because of a level"
    if "Huyện" in out and "✖" in out
    else "ok"
)
