"""The PDF reader on PDFs LibreOffice exported from agencies' Word reports, and on a scan."""

from __future__ import annotations

import random
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
import word_reports as reports
from conftest import SOFFICE, soffice_convert
from PIL import Image, ImageDraw
from test_readers_word import HEADER, SUBHEADER, values

from thanghanhdong.readers.document import DocumentError
from thanghanhdong.readers.pdf import read_pdf
from thanghanhdong.readers.word import read_docx

BUILDERS = (reports.seed_form, reports.district_report, reports.typed_header_report)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each Word report and its PDF, exported in one LibreOffice run."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("pdf")
    sources = []
    for build in (*BUILDERS, reports.long_table_report):
        source = folder / f"{build.__name__}.docx"
        source.write_bytes(build())
        sources.append(source)
    pdfs = soffice_convert(sources, "pdf", folder / "out", folder / "profile")
    return {path.stem: path for path in pdfs}


@pytest.mark.soffice
@pytest.mark.parametrize("build", BUILDERS, ids=lambda b: b.__name__)
def test_the_pdf_reads_as_its_word_report(exported: dict[str, Path], build) -> None:
    """Every field and every table cell of the PDF equals the Word report's."""
    content = read_pdf(exported[build.__name__].read_bytes())
    word = read_docx(build())
    assert content.kind == "pdf" and content.has_text
    assert values(content.fields) == values(word.fields)
    assert [t.rows for t in content.tables] == [t.rows for t in word.tables]
    assert [t.merged_across for t in content.tables] == [t.merged_across for t in word.tables]
    assert [t.merged_down for t in content.tables] == [t.merged_down for t in word.tables]


@pytest.mark.soffice
def test_the_plans_form_as_pdf(exported: dict[str, Path]) -> None:
    content = read_pdf(exported["seed_form"].read_bytes())
    assert values(content.fields)["report_date"] == "Bắc Kạn, ngày 18 tháng 12 năm 2021"
    assert values(content.fields)["budget_state"] == "25.000.000 đồng"
    where = {key: field.where for key, field in content.fields.items()}
    assert where["agency_name"] == "trang 1, phần đầu (góc trên bên trái)"
    assert where["difficulties"] == "mục II.2 (trang 1)"
    assert where["signer_name"] == "phần chữ ký (trang 2)"
    first = content.tables[0]
    assert (first.page, first.on_page, first.shown) == (2, 1, "trang 2, bảng thứ 1")
    assert first.rows == [
        HEADER,
        SUBHEADER,
        ["1", "Tập huấn", "3", "60", "90", "Huyện"],
        ["2", "Diễn đàn", "2", "45", "120", "Xã"],
        ["Tổng cộng", "", "5", "105", "210", ""],
    ]
    assert first.merged_across == {(0, 4), (4, 1)}
    assert first.merged_down == {(1, 0), (1, 1), (1, 2), (1, 5)}
    # A cell's text wrapped over two printed lines is one text.
    assert content.tables[1].rows[2][1] == "Phát thanh"


@pytest.mark.soffice
def test_a_table_split_by_a_page_break_is_two_tables_on_two_pages(
    exported: dict[str, Path],
) -> None:
    tables = read_pdf(exported["district_report"].read_bytes()).tables
    assert [t.shown for t in tables] == [
        "trang 1, bảng thứ 1",
        "trang 2, bảng thứ 1",
        "trang 2, bảng thứ 2",
        "trang 2, “Bảng 3. Phát hành các sản phẩm truyền thông”",  # named by its caption
    ]
    assert [t.index for t in tables] == [1, 2, 3, 4]
    # The second part follows the first, its two header rows repeated; table 3 comes after text.
    assert [(t.follows, t.repeated_header) for t in tables] == [
        (None, 0),
        (1, 2),
        (None, 0),
        (None, 0),
    ]
    assert tables[1].rows == [HEADER, SUBHEADER, ["2", "Diễn đàn", "2", "45", "120", "Xã"]]


@pytest.mark.soffice
def test_a_long_table_is_a_table_per_page_with_its_header_repeated(
    exported: dict[str, Path],
) -> None:
    """Word repeats the two header rows on each page; the layout reader joins the parts."""
    tables = read_pdf(exported["long_table_report"].read_bytes()).tables
    assert len(tables) >= 2
    assert [t.page for t in tables] == list(range(1, len(tables) + 1))
    assert [t.rows[:2] for t in tables] == [[HEADER, SUBHEADER]] * len(tables)
    assert [(t.follows, t.repeated_header) for t in tables] == [(None, 0)] + [
        (t.index - 1, 2) for t in tables[1:]
    ]
    assert all(t.merged_down == {(1, 0), (1, 1), (1, 2), (1, 5)} for t in tables)
    # A row that Word let break across the page bottom comes as two fragments: the rest of its
    # wrapped item name opens the next page's part with an empty STT (the layout reader joins).
    data = [row for t in tables for row in t.rows[2:]]
    complete = [row for row in data if row[0]]
    fragments = [row for row in data if not row[0]]
    assert [row[0] for row in complete] == [str(n) for n in range(1, 46)]
    broken = [row for row in complete if row[1] != f"Tập huấn tại xã số {row[0]}"]
    assert len(broken) == len(fragments)
    assert all(
        f"{row[1]} {rest[1]}" == f"Tập huấn tại xã số {row[0]}"
        for row, rest in zip(broken, fragments, strict=True)
    )
    assert all(row[2:] == ["", "", "", ""] for row in fragments)


def _scan_of(pdf: Path, folder: Path) -> bytes:
    """A scanned-like PDF: the page as a picture, wrapped in a PDF by Pillow."""
    if shutil.which("pdftoppm"):
        prefix = folder / "scan"
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(prefix)],
            check=True,
            timeout=60,
        )
        image = Image.open(next(folder.glob("scan*.png"))).convert("RGB")
    else:
        image = Image.new("RGB", (500, 700), "white")
        ImageDraw.Draw(image).text((40, 40), "UBND HUYEN BA BE", fill="black")
    out = BytesIO()
    image.save(out, "PDF", resolution=60)
    return out.getvalue()


@pytest.mark.soffice
def test_a_scan_has_no_text_layer(exported: dict[str, Path], tmp_path: Path) -> None:
    content = read_pdf(_scan_of(exported["seed_form"], tmp_path))
    assert content.kind == "pdf"
    assert content.has_text is False
    assert (content.fields, content.tables, content.first_text) == ({}, [], "")
    assert content.scanned_pages == [1]


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file from its numbered objects (1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def test_a_scan_with_a_scanners_ocr_layer_is_still_a_scan() -> None:
    """A "searchable" scan: the page is a picture and the scanner's OCR put invisible text
    (render mode 3) over it. Its figures are not read; its text still names the agency."""
    content = (
        b"q 595 0 0 842 0 0 cm /Im1 Do Q "
        b"BT 3 Tr /F1 12 Tf 72 770 Td (UBND HUYEN BA BE) Tj 0 -20 Td (So: 45/BC-UBND) Tj "
        b"0 -40 Td (Tap huan 3 60 90 Huyen) Tj ET"
    )
    pdf = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(
                b"\x80",
                b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8",
            ),
        ]
    )
    read = read_pdf(pdf)
    assert read.has_text is False
    assert (read.fields, read.tables, read.scanned_pages) == ({}, [], [1])
    assert read.first_text == "UBND HUYEN BA BE\nSo: 45/BC-UBND\nTap huan 3 60 90 Huyen"


@pytest.mark.soffice
def test_first_text_of_a_pdf(exported: dict[str, Path]) -> None:
    content = read_pdf(exported["district_report"].read_bytes())
    assert content.first_text.startswith("ỦY BAN NHÂN DÂN\nHUYỆN BA BỂ\nSố: 45/BC-UBND\n")


@pytest.mark.soffice
def test_a_password_protected_pdf(exported: dict[str, Path], tmp_path: Path) -> None:
    assert SOFFICE is not None
    export = (
        'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
        '"DocumentOpenPassword":{"type":"string","value":"mk"}}'
    )
    source = tmp_path / "locked.docx"
    source.write_bytes(reports.typed_header_report())
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            export,
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    with pytest.raises(DocumentError) as caught:
        read_pdf((tmp_path / "locked.pdf").read_bytes())
    assert caught.value.code == "pdf_password"
    assert "mật khẩu" in caught.value.message


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4 garbage", b"not a pdf"])
def test_a_damaged_pdf_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(DocumentError) as caught:
        read_pdf(data)
    assert caught.value.code == "pdf_corrupt"


@pytest.mark.soffice
def test_damaged_bytes_never_escape_as_a_crash(exported: dict[str, Path]) -> None:
    """Random bytes flipped or the file cut short: read, or a DocumentError; nothing else."""
    base = exported["seed_form"].read_bytes()
    rng = random.Random(7)
    for _ in range(40):
        data = bytearray(base)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        try:
            read_pdf(bytes(data))
        except DocumentError as error:
            assert error.code == "pdf_corrupt"


def test_too_many_pages_is_refused(tmp_path: Path) -> None:
    pages = [Image.new("RGB", (20, 20), "white") for _ in range(41)]
    out = BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:])
    with pytest.raises(DocumentError) as caught:
        read_pdf(out.getvalue())
    assert caught.value.code == "pdf_too_large"


def test_a_pdf_typed_in_a_vni_font_is_flagged() -> None:
    pdf = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(b"BT /F1 12 Tf 72 770 Td (Ba\\371o ca\\371o) Tj ET"),
            b"<< /Type /Font /Subtype /TrueType /BaseFont /VNI-Times /FontDescriptor 6 0 R >>",
            b"<< /Type /FontDescriptor /FontName /VNI-Times /Flags 32 /FontBBox [0 0 1000 1000] "
            b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        ]
    )
    content = read_pdf(pdf)
    assert content.has_text is True
    assert content.legacy_font == "VNI-Times"


@pytest.mark.soffice
def test_a_sentence_wrapped_before_a_figure_stays_one_paragraph(tmp_path: Path) -> None:
    # Trial 7, finding 6: "... trực tuyến với" / "1.000 lượt người dự thi." printed on two lines
    # had become two paragraphs, and Phụ lục III quoted the agency's sentence cut in two.
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    sentence = (
        "Phối hợp tổ chức cuộc thi tìm hiểu pháp luật về bình đẳng giới trực tuyến với 1.000 "
        "lượt người dự thi."
    )
    leads = ["", "Sở ", "Sở đã ", "Năm nay Sở ", "Năm nay Sở đã ", "Trong tháng Sở đã "]
    prose = [lead + sentence for lead in leads]  # one of them wraps right before "1.000"
    source = tmp_path / "bc.docx"
    source.write_bytes(reports.seed_form(prose=prose))
    [pdf] = soffice_convert([source], "pdf", tmp_path / "pdf", tmp_path / "profile")
    import pdfplumber

    with pdfplumber.open(pdf) as printed:  # the trap is there: a printed line starts "1.000"
        lines = [line for page in printed.pages for line in page.extract_text().splitlines()]
    assert "1.000 lượt người dự thi." in lines
    content = read_pdf(pdf.read_bytes())
    proposals = values(content.fields)["proposals"].splitlines()
    assert proposals[1:] == prose
