"""Shared set-up for trial 11's repros: a campaign folder from `thd init` with a small roster
(with e-mail addresses), and a runner for `thd validate --json` of the worktree's .venv."""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

THD = str(Path(sys.executable).with_name("thd"))
ROSTER = """Mã,Tên đơn vị,Nhóm,Email
SLDTBXH,Sở Lao động - Thương binh và Xã hội,Sở,binhdanggioi@backan.gov.vn
SVHTTDL,"Sở Văn hóa, Thể thao và Du lịch",Sở,svhttdl@backan.gov.vn
STTTT,Sở Thông tin và Truyền thông,Sở,stttt@backan.gov.vn
SNV,Sở Nội vụ,Sở,snv@backan.gov.vn
LDLD,Liên đoàn Lao động tỉnh,Đoàn thể,ldld@backan.gov.vn
HND,Hội Nông dân tỉnh,Đoàn thể,hoinongdan@backan.gov.vn
TPBK,UBND thành phố Bắc Kạn,Huyện,ubndtp@backan.gov.vn
PACNAM,UBND huyện Pác Nặm,Huyện,ubndpacnam@backan.gov.vn
"""


def campaign() -> Path:
    root = Path(tempfile.mkdtemp()) / "dot"
    subprocess.run([THD, "init", str(root)], check=True, capture_output=True)
    (root / "roster.csv").write_text(ROSTER, encoding="utf-8")
    subprocess.run(
        [THD, "roster", "import", "roster.csv"], cwd=root, check=True, capture_output=True
    )
    return root


def validate(root: Path) -> tuple[dict, str]:
    js = subprocess.run(
        [THD, "validate", "inbox", "--json"], cwd=root, capture_output=True, text=True
    )
    screen = subprocess.run([THD, "validate", "inbox"], cwd=root, capture_output=True, text=True)
    return json.loads(js.stdout), screen.stdout


def missing(result: dict) -> list:
    return result["missing_agencies"]


def _unused(result, code):
    for key in ("agencies", "status"):
        block = result.get(key)
        if isinstance(block, list):
            for a in block:
                if a.get("code") == code:
                    return a.get("state", "?")
    return json.dumps(result)[:0] + "?"
