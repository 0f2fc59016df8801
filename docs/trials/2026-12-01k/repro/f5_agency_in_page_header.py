"""F5: "Báo cáo.docx" whose ND30 header (agency, number, date) is in the Word page header:
✖ "Chưa ghi tên đơn vị" and the agency "Chưa gửi" — though the name is printed on the page."""
import sys; sys.path.insert(0, __import__("os").path.dirname(__file__))
from _common import campaign, validate, missing
from _word import report

root = campaign(); (root / "inbox").mkdir(exist_ok=True)
d = report("", header_in_body=False)
h = d.sections[0].header
h.paragraphs[0].text = "UBND TỈNH BẮC KẠN"; h.add_paragraph().add_run("SỞ NỘI VỤ").bold = True
h.add_paragraph("Số: 40/BC-SNV        Bắc Kạn, ngày 13 tháng 12 năm 2021")
d.save(root / "inbox" / "Báo cáo.docx")
result, screen = validate(root)
print("SNV missing:", "SNV" in missing(result))
for f in result["files"]:
    for i in f.get("issues", []):
        print("  ", i.get("code"), "|", i.get("message"))
