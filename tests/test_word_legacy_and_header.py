"""Trial 2026-12-01k F2/F3/F6: Word reports as old offices still send them.

A report typed in TCVN3 (.VnTime) or VNI (VNI-Times) was "tệp không phải báo cáo" and the agency
"Chưa gửi": its headings, header and table labels read as other letters ("B¸o c¸o"). A report
whose ND30 header is in the page header, or in a text box (VML or DrawingML), was "Chưa ghi tên
đơn vị". The runs' fonts say the encoding; the page header and text boxes feed the header rule.
"""

from __future__ import annotations

import unicodedata
from io import BytesIO
from pathlib import Path

import docx
import pytest
from conftest import SOFFICE, soffice_convert
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from word_reports import ACTIVITIES, data_table, header_table, signature_table

from thanghanhdong import form
from thanghanhdong.config import Campaign
from thanghanhdong.legacy import convert_vni, detect, font_encoding
from thanghanhdong.model import FileResult
from thanghanhdong.readers.word import read_docx
from thanghanhdong.validate import validate_file

# -- the two legacy encodings, written out as the keyboards typed them ----------------------

_TCVN3_LOWER = dict(
    zip(
        "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ",
        "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\xadõö÷øùúûüýþ",
        strict=True,
    )
)
_TCVN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}


def tcvn3(text: str) -> str:
    """TCVN3 (ABC): capitals with a tone share the lower-case code (.VnTimeH draws them large)."""
    return "".join(_TCVN3_CAPITALS.get(c) or _TCVN3_LOWER.get(c.lower(), c) for c in text)


# VNI Windows: the plain vowel, then one byte for its mark and tone.
_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï", "": ""}
_VNI_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã"}
_VNI_CIRCUMFLEX["\u0323"] = "ä"
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def _vni_letter(letter: str) -> str:
    lower = letter.lower()
    if lower == "đ":
        out = "ñ"
    else:
        base, *marks = unicodedata.normalize("NFD", lower)
        shape = next((m for m in marks if m in "\u0302\u0306\u031b"), "")
        tone = next((m for m in marks if m not in "\u0302\u0306\u031b"), "")
        if base == "i":
            out = _VNI_I[tone]
        elif base == "y" and tone == "\u0323":
            out = "î"
        elif shape == "\u031b":  # the horn: ơ ư are one byte each
            out = ("ô" if base == "o" else "ö") + _VNI_TONE[tone]
        elif shape == "\u0302":
            out = base + _VNI_CIRCUMFLEX[tone]
        elif shape == "\u0306":
            out = base + _VNI_BREVE[tone]
        else:
            out = base + _VNI_TONE[tone]
    return out.upper() if letter.isupper() else out


def vni(text: str) -> str:
    return "".join(_vni_letter(c) if c.isalpha() and not c.isascii() else c for c in text)


def test_the_encoders_write_what_the_trial_saw() -> None:
    assert tcvn3("LIÊN ĐOÀN LAO ĐỘNG TỈNH") == "LI£N §OµN LAO §éNG TØNH"
    assert vni("Hội Liên hiệp Phụ nữ") == "Hoäi Lieân hieäp Phuï nöõ"


# -- the reports --------------------------------------------------------------------------


def _report(left: list[str] | None, narrative: str = "Ban hành kế hoạch triển khai.") -> docx:
    document = docx.Document()
    if left is not None:
        header_table(document, [(t, True) for t in left], "Bắc Kạn, ngày 16 tháng 12 năm 2021")
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2021")
    document.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    document.add_paragraph(narrative)
    document.add_paragraph("2. Nội dung hoạt động đã triển khai")
    data_table(document, form.TABLES[0], ACTIVITIES)
    document.add_paragraph("II. ĐÁNH GIÁ CHUNG")
    document.add_paragraph("1. Kết quả đạt được")
    document.add_paragraph("Các hoạt động đúng kế hoạch, có hiệu quả.")
    signature_table(document, ["CHỦ TỊCH", "(Đã ký)", "Hoàng Thị Lụa"])
    return document


def _in_legacy_font(document, encode, font: str) -> None:
    """Every run re-typed in the legacy encoding, in its font (as the old keyboards did)."""
    for run in document.element.body.iter(qn("w:r")):
        for text in run.iter(qn("w:t")):
            text.text = encode(text.text)
        properties = run.find(qn("w:rPr"))
        if properties is None:
            properties = OxmlElement("w:rPr")
            run.insert(0, properties)
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:ascii"), font)
        fonts.set(qn("w:hAnsi"), font)
        properties.insert(0, fonts)


def _activities(result: FileResult) -> list[tuple[str, str, dict[str, int]]]:
    assert result.submission is not None
    return [
        (row.item, row.level, dict(row.figures)) for row in result.submission.tables["activities"]
    ]


def _legacy(result: FileResult) -> list[str]:
    return [i.message for i in result.issues if i.code == "legacy_encoding"]


LDLD = ["UBND TỈNH BẮC KẠN", "LIÊN ĐOÀN LAO ĐỘNG TỈNH", "Số: 30/BC-LĐLĐ"]
HND = ["UBND TỈNH BẮC KẠN", "HỘI NÔNG DÂN TỈNH", "Số: 12/BC-HND"]


def _unicode_result(tmp_path: Path, campaign: Campaign) -> FileResult:
    path = tmp_path / "unicode.docx"
    _report(LDLD).save(path)
    return validate_file(path, campaign)


def test_a_tcvn3_report_is_the_agencys_and_warned(tmp_path: Path, campaign: Campaign) -> None:
    document = _report(LDLD, "Tổ chức 2 lớp tập huấn cho nữ công nhân.")
    _in_legacy_font(document, tcvn3, ".VnTime")
    path = tmp_path / "BC LDLD.docx"
    document.save(path)
    result = validate_file(path, campaign)
    assert result.kind == "word"
    assert result.agency_code == "LDLD"
    assert _activities(result) == _activities(_unicode_result(tmp_path, campaign))
    assert result.submission is not None
    assert result.submission.narratives["direction"] == "Tổ chức 2 lớp tập huấn cho nữ công nhân."
    warned = _legacy(result)
    assert warned and "TCVN3" in warned[0] and "đã tự chuyển sang Unicode" in warned[0]


def test_a_vni_report_is_the_agencys_and_warned(tmp_path: Path, campaign: Campaign) -> None:
    document = _report(HND, "Tổ chức 2 lớp tập huấn cho hội viên nông dân.")
    _in_legacy_font(document, vni, "VNI-Times")
    path = tmp_path / "Hoi Nong dan - BC.docx"
    document.save(path)
    result = validate_file(path, campaign)
    assert result.kind == "word"
    assert result.agency_code == "HND"
    assert _activities(result) == _activities(_unicode_result(tmp_path, campaign))
    warned = _legacy(result)
    assert warned and "VNI" in warned[0]


def test_the_font_may_be_the_styles(tmp_path: Path, campaign: Campaign) -> None:
    """An old template: .VnTime is the Normal style's font, the runs name none."""
    document = _report(LDLD)
    for text in document.element.body.iter(qn("w:t")):
        text.text = tcvn3(text.text)
    document.styles["Normal"].font.name = ".VnTime"
    path = tmp_path / "BC LDLD.docx"
    document.save(path)
    result = validate_file(path, campaign)
    assert result.agency_code == "LDLD"
    assert _activities(result) == _activities(_unicode_result(tmp_path, campaign))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_a_tcvn3_doc_saved_by_libreoffice(tmp_path: Path, campaign: Campaign) -> None:
    document = _report(LDLD)
    _in_legacy_font(document, tcvn3, ".VnTime")
    source = tmp_path / "BC LDLD.docx"
    document.save(source)
    (doc,) = soffice_convert([source], "doc", tmp_path / "doc", tmp_path / "profile")
    result = validate_file(doc, campaign)
    assert result.agency_code == "LDLD"
    assert _activities(result) == _activities(_unicode_result(tmp_path, campaign))
    assert _legacy(result)


def test_unicode_text_in_a_unicode_report_is_left_alone(tmp_path: Path, campaign: Campaign) -> None:
    result = _unicode_result(tmp_path, campaign)
    assert result.agency_code == "LDLD"
    assert not _legacy(result)


# -- the header outside the body ----------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BOX_LINES = (
    "<w:p><w:r><w:t>UBND TỈNH BẮC KẠN</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr>"
    "<w:t>SỞ NỘI VỤ</w:t></w:r></w:p><w:p><w:r><w:t>Số: 40/BC-SNV</w:t></w:r></w:p>"
)
_VML_BOX = (
    f'<w:p xmlns:w="{_W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
    '<v:shape id="tb1" style="width:200pt;height:60pt" type="#_x0000_t202"><v:textbox>'
    f"<w:txbxContent>{_BOX_LINES}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
)
# Word writes a DrawingML text box twice: wps in mc:Choice, the same box as VML in mc:Fallback.
_WPS_BOX = (
    f'<w:p xmlns:w="{_W}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
    'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="2540000" cy="762000"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
    'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>'
    f"<wps:txbx><w:txbxContent>{_BOX_LINES}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
    "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
    '<v:shape id="tb1" style="width:200pt;height:60pt" type="#_x0000_t202"><v:textbox>'
    f"<w:txbxContent>{_BOX_LINES}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r></w:p>"
)


def _snv(path: Path, campaign: Campaign) -> FileResult:
    result = validate_file(path, campaign)
    assert "agency_not_named" not in [i.code for i in result.issues]
    assert result.agency_code == "SNV"
    return result


def test_the_header_in_the_page_header(tmp_path: Path, campaign: Campaign) -> None:
    document = _report(None)
    header = document.sections[0].header
    header.paragraphs[0].text = "UBND TỈNH BẮC KẠN"
    header.add_paragraph().add_run("SỞ NỘI VỤ").bold = True
    header.add_paragraph("Số: 40/BC-SNV")
    path = tmp_path / "Báo cáo.docx"
    document.save(path)
    _snv(path, campaign)


def test_the_header_as_a_table_in_the_page_header(tmp_path: Path, campaign: Campaign) -> None:
    document = _report(None)
    header = document.sections[0].header
    table = header.add_table(rows=1, cols=2, width=document.sections[0].page_width)
    table.cell(0, 0).text = "UBND TỈNH BẮC KẠN"
    table.cell(0, 0).add_paragraph("SỞ NỘI VỤ")
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(0, 1).add_paragraph("Bắc Kạn, ngày 13 tháng 12 năm 2021")
    path = tmp_path / "Báo cáo.docx"
    document.save(path)
    result = _snv(path, campaign)
    assert result.submission is not None and result.submission.report_date is not None


@pytest.mark.parametrize("box", [_VML_BOX, _WPS_BOX], ids=["vml", "drawingml"])
def test_the_header_in_a_text_box(tmp_path: Path, campaign: Campaign, box: str) -> None:
    document = _report(None)
    document.element.body.insert(0, parse_xml(box))
    path = tmp_path / "Báo cáo.docx"
    document.save(path)
    _snv(path, campaign)
    # Read once, not again from its VML copy: first_text has the header's lines, then the lines.
    first = read_docx(path.read_bytes()).first_text.splitlines()
    assert first.count("SỞ NỘI VỤ") == 2 and first[:3] == first[3:6]


def test_a_body_header_wins_over_the_page_header(tmp_path: Path, campaign: Campaign) -> None:
    """A running page header ("Sở Nội vụ" on every page) never displaces the body's header."""
    document = _report(["UBND TỈNH BẮC KẠN", "SỞ TƯ PHÁP", "Số: 9/BC-STP"])
    document.sections[0].header.paragraphs[0].text = "SỞ NỘI VỤ"
    out = BytesIO()
    document.save(out)
    path = tmp_path / "BC.docx"
    path.write_bytes(out.getvalue())
    assert validate_file(path, campaign).agency_code == "STP"


def test_vni_converts_by_font_and_is_told_in_text() -> None:
    typed = vni("Tổ chức lớp tập huấn cho người dân, Ủy ban, được, giới, tỉnh, ỵ")
    assert convert_vni(typed) == "Tổ chức lớp tập huấn cho người dân, Ủy ban, được, giới, tỉnh, ỵ"
    assert detect(vni("Tổ chức 2 lớp tập huấn cho nữ công nhân.")) == "VNI"  # ơ ư, then a tone
    assert font_encoding(".VnTimeH") == "TCVN3"
    assert font_encoding("VNI-Times") == "VNI"
    assert font_encoding("Times New Roman") is None
