"""F6: Liên đoàn Lao động forwards the officer's own request mail (message/rfc822, from the
issuer's address, 22/11, with the blank forms of LĐLĐ and Sở Nội vụ attached) together with its
filled form. thd takes the officer's blank templates as reports: consolidate refuses (rc 1), and
with --skip-invalid the signed Phụ lục II says Sở Nội vụ "Đã gửi, chưa hợp lệ: Mẫu chưa điền gì"
— Sở Nội vụ sent nothing — plus a sender_other_agency warning blaming LĐLĐ."""

import io
import json
import subprocess
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from email.message import EmailMessage

import openpyxl
from _common import THD, campaign, validate

root = campaign()
inbox = root / "inbox"
inbox.mkdir(exist_ok=True)
subprocess.run([THD, "generate-templates"], cwd=root, capture_output=True, check=True)
forms = root / "mau-bao-cao"
blank_ld = next(forms.glob("2021_ldld_*.xlsx"))
blank_snv = next(forms.glob("2021_snv_*.xlsx"))
wb = openpyxl.load_workbook(blank_ld)
s = wb["1. Hoạt động"]
s["B7"], s["C7"], s["D7"], s["E7"], s["F7"] = "Tập huấn", 2, 50, 90, "Tỉnh"
wb["Thông tin chung"]["B6"] = "16/12/2021"
filled = io.BytesIO()
wb.save(filled)
SUB = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
orig = EmailMessage()
orig["From"] = "binhdanggioi@backan.gov.vn"
orig["To"] = "ldld@backan.gov.vn, snv@backan.gov.vn"
orig["Subject"] = "Đề nghị báo cáo Tháng hành động"
orig["Date"] = "Mon, 22 Nov 2021 08:00:00 +0700"
orig.set_content("Sở gửi mẫu báo cáo, đề nghị các đơn vị điền và gửi lại.")
orig.add_attachment(
    blank_ld.read_bytes(), maintype="application", subtype=SUB, filename=blank_ld.name
)
orig.add_attachment(
    blank_snv.read_bytes(), maintype="application", subtype=SUB, filename=blank_snv.name
)
m = EmailMessage()
m["From"] = "ldld@backan.gov.vn"
m["To"] = "binhdanggioi@backan.gov.vn"
m["Subject"] = "Fwd: Đề nghị báo cáo Tháng hành động"
m["Date"] = "Thu, 16 Dec 2021 09:00:00 +0700"
m.set_content("LĐLĐ gửi báo cáo đã điền, kèm thư của Sở.")
m.add_attachment(filled.getvalue(), maintype="application", subtype=SUB, filename="BC LDLD.xlsx")
m.add_attachment(orig)
(inbox / "Fwd De nghi bao cao.eml").write_bytes(m.as_bytes())
result, screen = validate(root)
print(
    "\n".join(
        l
        for l in screen.splitlines()
        if "Fwd" in l or "Lỗi" in l or "Thư gửi từ" in l or "Đã nhận" in l
    )
)
p = subprocess.run(
    [THD, "consolidate", "inbox", "--out", "b.docx", "--date", "22/12/2021"],
    cwd=root,
    capture_output=True,
    text=True,
)
print("consolidate without --skip-invalid: exit", p.returncode)
subprocess.run(
    [
        THD,
        "consolidate",
        "inbox",
        "--out",
        "b.docx",
        "--date",
        "22/12/2021",
        "--skip-invalid",
        "--force",
    ],
    cwd=root,
    capture_output=True,
)
for a in json.load(open(root / "b.json"))["status"]["agencies"]:
    if a["code"] in ("LDLD", "SNV"):
        print("Phụ lục II:", a["code"], a["state"], a["reason"])
