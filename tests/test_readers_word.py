"""The Word reader on reports built with python-docx in the layouts agencies use."""

from __future__ import annotations

import random
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
import word_reports as reports
from conftest import SOFFICE
from docx import Document

from thanghanhdong.readers.convert import to_docx
from thanghanhdong.readers.document import DocumentError, TextField
from thanghanhdong.readers.word import read_docx

HEADER = ["STT", "Hoạt động", "Số cuộc", "Số người tham gia", "", "Cấp triển khai"]
SUBHEADER = ["", "", "", "Nam", "Nữ", ""]
HEADER_MERGES = {"across": {(0, 4)}, "down": {(1, 0), (1, 1), (1, 2), (1, 5)}}


def values(fields: dict[str, TextField]) -> dict[str, str]:
    return {key: field.value for key, field in fields.items()}


def test_the_plans_form_filled_in() -> None:
    content = read_docx(reports.seed_form())
    assert content.kind == "word" and content.has_text
    assert values(content.fields) == {
        "agency_name": "UBND TỈNH BẮC KẠN\nSỞ Y TẾ",
        "report_number": "12/BC-SYT",
        "report_date": "Bắc Kạn, ngày 18 tháng 12 năm 2021",
        "direction": "Sở ban hành Kế hoạch số 210/KH-SYT ngày 01 tháng 11 năm 2021.\n"
        "Chỉ đạo các đơn vị trực thuộc triển khai.",
        "activities_text": "Tổ chức 3 lớp tập huấn và 2 diễn đàn.",
        "budget_text": "a) Ngân sách nhà nước: 25.000.000 đồng\nb) Ngân sách vận động: 15 triệu đồng"
        "\n(Bảng tổng hợp số liệu kèm theo)",
        "budget_state": "25.000.000 đồng",
        "budget_mobilized": "15 triệu đồng",
        "results": "Nhận thức về bình đẳng giới được nâng lên.",
        "difficulties": "Kinh phí còn hạn hẹp.",
        "proposals": "Đề nghị tỉnh bố trí thêm kinh phí.",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_authority": "KT. GIÁM ĐỐC",
        "signer_name": "Nguyễn Thị Hoa",
    }
    where = {key: field.where for key, field in content.fields.items()}
    assert where["agency_name"] == "phần đầu (góc trên bên trái)"
    assert where["report_date"] == "dòng ngày tháng"
    assert where["difficulties"] == "mục II.2"
    assert where["budget_state"] == "mục I.3"
    assert where["signer_name"] == "phần chữ ký"


def test_the_three_tables_with_merged_headers_and_a_totals_row() -> None:
    tables = read_docx(reports.seed_form()).tables
    assert [t.index for t in tables] == [1, 2, 3]
    # The third title is short enough to be its caption: the table is named by it.
    assert [t.shown for t in tables] == [
        "bảng thứ 1",
        "bảng thứ 2",
        "bảng “3. Phát hành các sản phẩm truyền thông”",
    ]
    first = tables[0]
    assert first.page is None
    assert first.rows == [
        HEADER,
        SUBHEADER,
        ["1", "Tập huấn", "3", "60", "90", "Huyện"],
        ["2", "Diễn đàn", "2", "45", "120", "Xã"],
        ["Tổng cộng", "", "5", "105", "210", ""],
    ]
    assert first.merged_across == HEADER_MERGES["across"] | {(4, 1)}
    assert first.merged_down == HEADER_MERGES["down"]
    assert tables[1].rows[0][1:4] == ["Nội dung", "Số lượng", "Số người tiếp cận"]
    assert tables[1].rows[2] == ["1", "Phát thanh", "12", "", "", "Tỉnh"]
    assert tables[2].rows[2] == ["1", "Tờ rơi", "2.000", "800", "1.200", "Tỉnh"]


def test_a_districts_own_layout() -> None:
    """Unnumbered headings with text after the colon, "a)" and "-" prose, the agency named on a
    label line, the signature as paragraphs."""
    content = read_docx(reports.district_report())
    assert values(content.fields) == {
        "agency_name": "UBND huyện Ba Bể",
        "report_number": "45/BC-UBND",
        "report_date": "Ba Bể, ngày 17 tháng 12 năm 2021",
        "direction": "UBND huyện ban hành Kế hoạch số 99/KH-UBND.",
        "activities_text": "a) Tổ chức tập huấn cho cán bộ xã;\n- Tổ chức diễn đàn tại 2 xã.",
        "budget_text": "- Kinh phí từ ngân sách nhà nước: 12.500.000 đồng\n"
        "- Ngân sách vận động, xã hội hóa: không",
        "budget_state": "12.500.000 đồng",
        "budget_mobilized": "không",
        "results": "- Người dân hưởng ứng tích cực.",
        "difficulties": "Địa bàn rộng, đi lại khó khăn.",
        "proposals": "Không.",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_authority": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH",
        "signer_name": "Hoàng Văn Bình",
    }
    assert content.fields["agency_name"].where == "dòng “Tên đơn vị báo cáo”"
    # Its headings have no numbers: a section is where the clerk wrote its heading, not the
    # form's "mục II.2", which this report has not.
    where = {key: field.where for key, field in content.fields.items()}
    assert where["difficulties"] == "mục “Khó khăn, vướng mắc”"
    assert where["results"] == "mục “Kết quả đạt được”"


def test_a_table_split_by_a_page_break_stays_two_tables() -> None:
    tables = read_docx(reports.district_report()).tables
    assert len(tables) == 4
    assert tables[0].rows == [HEADER, SUBHEADER, ["1", "Tập huấn", "3", "60", "90", "Huyện"]]
    assert tables[1].rows == [HEADER, SUBHEADER, ["2", "Diễn đàn", "2", "45", "120", "Xã"]]
    assert tables[3].rows[2] == ["1", "Tờ rơi", "2.000", "800", "1.200", "Tỉnh"]
    assert [(t.follows, t.repeated_header) for t in tables] == [
        (None, 0),
        (1, 2),
        (None, 0),
        (None, 0),
    ]


def test_a_table_continued_without_its_header() -> None:
    tables = read_docx(reports.continued_without_header()).tables
    assert [t.rows for t in tables] == [
        [HEADER, SUBHEADER, ["1", "Tập huấn", "3", "60", "90", "Huyện"]],
        [["2", "Diễn đàn", "2", "45", "120", "Xã"]],
    ]
    assert tables[1].merged_across == tables[1].merged_down == set()
    assert (tables[1].follows, tables[1].repeated_header) == (1, 0)


def test_a_long_table_with_repeated_header_rows_is_one_table_in_word() -> None:
    [table] = read_docx(reports.long_table_report()).tables
    assert len(table.rows) == 2 + 45
    assert table.rows[-1] == ["45", "Tập huấn tại xã số 45", "1", "10", "45", "Xã"]


def test_the_issuing_body_under_its_governing_body_and_a_name_over_two_lines() -> None:
    assert (
        read_docx(reports.seed_form()).fields["agency_name"].value == "UBND TỈNH BẮC KẠN\nSỞ Y TẾ"
    )
    document = Document()
    reports.header_table(
        document,
        [("ỦY BAN NHÂN DÂN", True), ("HUYỆN NA RÌ", True), ("Số: 7/BC-UBND", False)],
        "Na Rì, ngày 19 tháng 12 năm 2021",
    )
    out = BytesIO()
    document.save(out)
    fields = read_docx(out.getvalue()).fields
    assert fields["agency_name"].value == "ỦY BAN NHÂN DÂN\nHUYỆN NA RÌ"
    assert fields["report_number"].value == "7/BC-UBND"


def test_a_header_typed_as_paragraphs_heading_styles_and_a_nested_table() -> None:
    content = read_docx(reports.typed_header_report())
    assert values(content.fields) == {
        "agency_name": "HỘI LHPN TỈNH BẮC KẠN",
        "report_number": "30/BC-HLHPN",
        "report_date": "Bắc Kạn, ngày 20 tháng 12 năm 2021",
        "direction": "Ban Thường vụ Hội chỉ đạo các cấp Hội.",
        "activities_text": "Các cấp Hội tổ chức nói chuyện chuyên đề.\n"
        "Ngoài ra, Hội phối hợp với Đài PT-TH tỉnh.",
        "budget_text": "Tổng kinh phí 8.000.000 đồng, trong đó: a) ngân sách nhà nước: "
        "5.000.000 đồng; b) vận động: 3.000.000 đồng.",
        "budget_state": "5.000.000 đồng",
        "budget_mobilized": "3.000.000 đồng",
        "budget_total": "8.000.000 đồng",
        "results": "Hội viên nắm được quy định.",
        "difficulties": "Một số cơ sở chưa quan tâm.",
        "proposals": "Không có.",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Lý Thị Mai",
    }
    # The layout frame around the data table is not a table of its own.
    [table] = content.tables
    assert table.rows == [
        ["STT", "Hoạt động", "Số cuộc", "Nam", "Nữ"],
        ["1", "Nói chuyện chuyên đề", "4", "150", ""],
    ]
    # A total merged across Nam and Nữ: its text once, the covered column marked.
    assert table.merged_across == {(1, 4)} and table.merged_down == set()


def test_the_forms_labels_typed_in_word() -> None:
    """The Excel form's header fields retyped as "Label: value" lines; a budget given only as a
    total is read as such (the validator asks for the split), not as state funds."""
    document = Document()
    for text in (
        "Tên đơn vị báo cáo: Đài PT-TH Bắc Kạn",
        "Số báo cáo: 88/BC-PTTH",
        "Ngày báo cáo: 19/12/2021",
        "Chức vụ người ký: Giám đốc",
        "Họ và tên người ký: Triệu Văn Hùng",
        "I. TỔ CHỨC THỰC HIỆN",
        "3. Kinh phí tổ chức: tổng kinh phí 12 triệu đồng",
    ):
        document.add_paragraph(text)
    out = BytesIO()
    document.save(out)
    fields = read_docx(out.getvalue()).fields
    assert values(fields) == {
        "agency_name": "Đài PT-TH Bắc Kạn",
        "report_number": "88/BC-PTTH",
        "report_date": "19/12/2021",
        "signer_title": "Giám đốc",
        "signer_name": "Triệu Văn Hùng",
        "budget_text": "tổng kinh phí 12 triệu đồng",
        "budget_total": "12 triệu đồng",
    }
    assert fields["report_date"].where == "dòng “Ngày báo cáo”"


def test_first_text_recognises_the_agency_of_the_report() -> None:
    content = read_docx(reports.seed_form())
    assert content.first_text.startswith("UBND TỈNH BẮC KẠN\nSỞ Y TẾ\n")
    assert len(content.first_text) <= 2000


def test_nfd_text_is_read_as_nfc() -> None:
    document = Document()
    document.add_paragraph("Tên đơn vị báo cáo: Sở Y tế".replace("ở", "ơ\u0309"))
    out = BytesIO()
    document.save(out)
    assert read_docx(out.getvalue()).fields["agency_name"].value == "Sở Y tế"


@pytest.mark.parametrize(
    "data", [b"not a zip at all", b"PK\x03\x04broken", b""], ids=["text", "broken", "empty"]
)
def test_a_file_that_is_not_a_docx_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(DocumentError) as caught:
        read_docx(data)
    assert caught.value.code == "docx_corrupt"
    assert "Word" in caught.value.message


def test_a_zip_that_is_not_a_word_document() -> None:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("note.txt", "hello")
    with pytest.raises(DocumentError) as caught:
        read_docx(out.getvalue())
    assert caught.value.code == "docx_corrupt"


def test_a_zip_bomb_is_refused_before_parsing() -> None:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (31 * 1024 * 1024))
    with pytest.raises(DocumentError) as caught:
        read_docx(out.getvalue())
    assert caught.value.code == "docx_too_large"


# -- .doc, .rtf, .odt through LibreOffice ---------------------------------------------------


def _save_as(source: Path, target_filter: str, suffix: str, folder: Path) -> Path:
    """What the clerk's office suite wrote: the report saved as .doc, .rtf or .odt."""
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(folder / 'profile').resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_filter,
            "--outdir",
            str(folder / "out"),
            str(source),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    return folder / "out" / f"{source.stem}.{suffix}"


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize(
    ("target_filter", "suffix"),
    [("doc:MS Word 97", "doc"), ("odt", "odt"), ("rtf", "rtf")],
)
def test_old_formats_are_converted_and_read(
    tmp_path: Path, target_filter: str, suffix: str
) -> None:
    source = tmp_path / "Báo cáo Sở Y tế.docx"
    source.write_bytes(reports.seed_form())
    saved = _save_as(source, target_filter, suffix, tmp_path)
    converted = to_docx(saved)
    assert converted is not None
    original, read = values(read_docx(source.read_bytes()).fields), read_docx(converted)
    if suffix == "doc":
        # LibreOffice's .doc filter turns the borderless signature table back into paragraphs
        # and runs "- Lưu: VT." into "KT. GIÁM ĐỐC": the authority line is lost, not misread.
        del original["signer_authority"]
    assert values(read.fields) == original
    assert [t.rows for t in read.tables] == [t.rows for t in read_docx(source.read_bytes()).tables]


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_conversion_over_its_time_limit_is_stopped(tmp_path: Path) -> None:
    source = tmp_path / "bao-cao.rtf"
    source.write_text(r"{\rtf1\ansi Bao cao}", encoding="ascii")
    with pytest.raises(DocumentError) as caught:
        to_docx(source, timeout=0)
    assert caught.value.code == "convert_timeout"


def test_without_libreoffice_there_is_no_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    source = tmp_path / "bao-cao.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0")
    assert to_docx(source) is None


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_file_libreoffice_cannot_open_is_a_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "hong.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    with pytest.raises(DocumentError) as caught:
        to_docx(source)
    assert caught.value.code == "convert_failed"


def _rezipped(original: bytes, document_xml: bytes) -> bytes:
    source = zipfile.ZipFile(BytesIO(original))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            part = info.filename
            archive.writestr(
                part, document_xml if part == "word/document.xml" else source.read(part)
            )
    return out.getvalue()


def test_damaged_word_files_never_escape_as_a_crash() -> None:
    """Bytes of the package flipped (bad CRC, broken deflate: zlib.error, an unknown compression
    method: NotImplementedError) or of its document.xml (broken XML, odd attributes): read, or
    a DocumentError."""
    base = reports.seed_form()
    document_xml = zipfile.ZipFile(BytesIO(base)).read("word/document.xml")
    rng = random.Random(3)
    for attempt in range(120):
        if attempt % 2:
            data = bytearray(base)
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            xml = bytearray(document_xml)
            for _ in range(rng.randint(1, 10)):
                xml[rng.randrange(len(xml))] = rng.choice(b'<>/"= wpt0123456789:')
            data = bytearray(_rezipped(base, bytes(xml)))
        try:
            read_docx(bytes(data))
        except DocumentError as error:
            assert error.code in ("docx_corrupt", "docx_too_large")


def test_a_date_line_under_the_header_block_and_headings_named_phan_and_muc() -> None:
    document = Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "SỞ TƯ PHÁP"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    document.add_paragraph("Bắc Kạn, ngày 16 tháng 12 năm 2021")
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Phần I. Tổ chức thực hiện")
    document.add_paragraph("Mục 1. Công tác chỉ đạo")
    document.add_paragraph("Sở ban hành kế hoạch.")
    out = BytesIO()
    document.save(out)
    fields = read_docx(out.getvalue()).fields
    assert values(fields) == {
        "agency_name": "SỞ TƯ PHÁP",
        "report_date": "Bắc Kạn, ngày 16 tháng 12 năm 2021",
        "direction": "Sở ban hành kế hoạch.",
    }
    assert fields["report_date"].where == "dòng ngày tháng"


def test_a_report_typed_in_a_tcvn3_font_is_flagged() -> None:
    """Text in .VnTime reads as other letters ("B¸o c¸o"): the reader names the font so the
    officer can ask for a Unicode copy instead of seeing every field missing."""
    document = Document()
    run = document.add_paragraph().add_run("B¸o c¸o kÕt qu¶")
    run.font.name = ".VnTime"
    out = BytesIO()
    document.save(out)
    assert read_docx(out.getvalue()).legacy_font == ".VnTime"
    assert read_docx(reports.seed_form()).legacy_font is None


def test_a_title_on_one_line_with_its_subject() -> None:
    document = Document()
    document.add_paragraph("BAN DÂN TỘC\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("Số: 5/BC-BDT\t\tBắc Kạn, ngày 15 tháng 12 năm 2021")
    document.add_paragraph("BÁO CÁO KẾT QUẢ THÁNG HÀNH ĐỘNG NĂM 2021")
    document.add_paragraph("1. Công tác chỉ đạo, ban hành kế hoạch triển khai")
    document.add_paragraph("Ban ban hành công văn.")
    out = BytesIO()
    document.save(out)
    assert values(read_docx(out.getvalue()).fields) == {
        "agency_name": "BAN DÂN TỘC",
        "report_number": "5/BC-BDT",
        "report_date": "Bắc Kạn, ngày 15 tháng 12 năm 2021",
        "direction": "Ban ban hành công văn.",
    }


def test_the_signature_of_a_report_without_headings() -> None:
    document = Document()
    for text in (
        "ỦY BAN NHÂN DÂN",
        "HUYỆN PÁC NẶM",
        "Huyện đã tổ chức các hoạt động hưởng ứng Tháng hành động.",
        "Kết quả cụ thể như bảng kèm theo.",
        "KT.CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Long",
    ):
        document.add_paragraph(text)
    out = BytesIO()
    document.save(out)
    fields = values(read_docx(out.getvalue()).fields)
    assert fields == {
        "agency_name": "ỦY BAN NHÂN DÂN\nHUYỆN PÁC NẶM",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_authority": "KT.CHỦ TỊCH",
        "signer_name": "Nguyễn Văn Long",
    }


def test_a_header_whose_two_bodies_are_one_paragraph_with_a_line_break() -> None:
    """Word's Shift+Enter: "UBND TỈNH BẮC KẠN" and "SỞ Y TẾ" in one paragraph, split by a line
    break: the issuing body is still the second line (a newcomer's trial found this)."""
    import io

    from docx import Document

    document = Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "UBND TỈNH BẮC KẠN\nSỞ Y TẾ\nSố: 15/BC-SYT"
    header.cell(
        0, 1
    ).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBắc Kạn, ngày 17 tháng 12 năm 2021"
    document.add_paragraph("BÁO CÁO")
    buffer = io.BytesIO()
    document.save(buffer)
    fields = values(read_docx(buffer.getvalue()).fields)
    assert fields["agency_name"] == "UBND TỈNH BẮC KẠN\nSỞ Y TẾ"
    assert fields["report_number"] == "15/BC-SYT"
    assert fields["report_date"] == "Bắc Kạn, ngày 17 tháng 12 năm 2021"
