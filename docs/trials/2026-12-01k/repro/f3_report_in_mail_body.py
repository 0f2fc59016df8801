"""F3: an agency pastes its report into the mail body (plain text, or an HTML table), no
attachment, from its roster address: thd lists the agency "Chưa gửi"; the screen's two
"Thư điện tử không kèm tệp báo cáo nào" lines do not say which mail or which agency."""

import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from email.message import EmailMessage

from _common import campaign, missing, validate

root = campaign()
(root / "inbox").mkdir(exist_ok=True)
m = EmailMessage()
m["From"] = "Văn phòng Sở VHTTDL <svhttdl@backan.gov.vn>"
m["To"] = "binhdanggioi@backan.gov.vn"
m["Subject"] = "Báo cáo Tháng hành động 2021"
m["Date"] = "Tue, 14 Dec 2021 08:30:00 +0700"
m.set_content("Sở VHTTDL báo cáo: Hội thảo: 1 cuộc, 30 nam, 35 nữ, cấp Tỉnh.\n")
(root / "inbox" / "Bao cao SVHTTDL.eml").write_bytes(m.as_bytes())
m = EmailMessage()
m["From"] = "stttt@backan.gov.vn"
m["To"] = "binhdanggioi@backan.gov.vn"
m["Subject"] = "=?utf-8?B?QsOhbyBjw6FvIFRIxJAgMjAyMQ==?="
m["Date"] = "Wed, 15 Dec 2021 14:00:00 +0700"
m.set_content("Sở TTTT báo cáo (xem bảng).")
m.add_alternative(
    "<table border=1><tr><th>Nội dung</th><th>Số lượng</th><th>Nam</th><th>Nữ</th><th>Cấp triển khai</th></tr>"
    "<tr><td>Trang thông tin điện tử</td><td>25</td><td>1.000</td><td>1.200</td><td>Tỉnh</td></tr></table>",
    subtype="html",
)
(root / "inbox" / "STTTT.eml").write_bytes(m.as_bytes())
result, screen = validate(root)
print("missing (Chưa gửi):", missing(result))
print("screen lines about the mails:")
for line in screen.splitlines():
    if (
        "Thư điện tử" in line
        or "không phải báo cáo" in line
        or "SVHTTDL" in line
        or "STTTT" in line
    ):
        print("  ", line)
