"""F1: a province's signed report (ND30 header "UBND TỈNH BẮC NINH / SỞ NỘI VỤ"), the file named after
the province, is not attributed to UBND tỉnh Bắc Ninh at the ministry: "Chưa gửi"."""

import shutil
import tempfile
from pathlib import Path

from _common import ministry, province, run

root = Path(tempfile.mkdtemp())
bn = province(root, "bac-ninh", "Bắc Ninh")
bo = ministry(root, [("bac-ninh", "Bắc Ninh"), ("phu-tho", "Phú Thọ")])
shutil.copy(bn / "baocao.docx", bo / "inbox" / "Bao cao UBND tinh Bac Ninh.docx")
out = run(["validate", "inbox"], bo).stdout
print(out)
print(
    "WRONG: UBND tỉnh Bắc Ninh sent its report but is listed as not sent"
    if "UBND tỉnh Bắc Ninh (BACNINH)" in out.split("Chưa gửi")[-1]
    else "ok"
)
