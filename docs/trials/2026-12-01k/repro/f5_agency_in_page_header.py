"""F5: a Word report whose ND30 header (agency, number, date) is in the page header, or in a text
box (VML textbox of old templates): ✖ "Chưa ghi tên đơn vị" and the agency "Chưa gửi" — though the
name is printed on the page."""

import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from _common import campaign, missing, validate
from _word import report
from docx.oxml import parse_xml

for variant in ("page header", "text box"):
    root = campaign()
    (root / "inbox").mkdir(exist_ok=True)
    d = report("", header_in_body=False)
    if variant == "page header":
        h = d.sections[0].header
        h.paragraphs[0].text = "UBND TỈNH BẮC KẠN"
        h.add_paragraph().add_run("SỞ NỘI VỤ").bold = True
        h.add_paragraph("Số: 40/BC-SNV        Bắc Kạn, ngày 13 tháng 12 năm 2021")
    else:
        d.element.body.insert(
            0,
            parse_xml(
                '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict><v:shape id="tb1" '
                'style="width:200pt;height:60pt" type="#_x0000_t202"><v:textbox><w:txbxContent>'
                "<w:p><w:r><w:t>UBND TỈNH BẮC KẠN</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr>"
                "<w:t>SỞ NỘI VỤ</w:t></w:r></w:p><w:p><w:r><w:t>Số: 40/BC-SNV</w:t></w:r></w:p>"
                "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
            ),
        )
    d.save(root / "inbox" / "Báo cáo.docx")
    result, screen = validate(root)
    print(f"[{variant}] SNV missing:", "SNV" in missing(result))
    for f in result["files"]:
        for i in f.get("issues", []):
            print("  ", i.get("code"), "|", i.get("message"))
