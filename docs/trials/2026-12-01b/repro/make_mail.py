"""Tỉnh đoàn's e-mail with its form attached (Python's email package).
Usage: make_mail.py XLSX OUT.eml [DATE-HEADER]"""

import sys
from email.message import EmailMessage
from pathlib import Path

m = EmailMessage()
m["From"] = "Tỉnh đoàn Bắc Kạn <tinhdoan@backan.gov.vn>"
m["To"] = "sldtbxh@backan.gov.vn"
m["Subject"] = "Báo cáo Tháng hành động vì bình đẳng giới năm 2021"
m["Date"] = sys.argv[3] if len(sys.argv) > 3 else "Sun, 19 Dec 2021 09:12:00 +0700"
m.set_content("Kính gửi Sở Lao động - TB&XH,\nTỉnh đoàn gửi báo cáo kèm theo.\nTrân trọng.")
m.add_attachment(
    Path(sys.argv[1]).read_bytes(),
    maintype="application",
    subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename="Báo cáo Tỉnh đoàn.xlsx",
)
Path(sys.argv[2]).write_bytes(bytes(m))
