"""File names as officers get them, which say who sent an answer thd cannot read (a scan).
A zip's Vietnamese member names as the sender wrote them: Info-ZIP's `zip` (Linux, and the zip
of many Windows tools) writes UTF-8 names without the zip's UTF-8 flag; Windows' "Compressed
folder" writes the system code page, cp1258 on a Vietnamese Windows. zipfile reads both as
cp437 ("B├ío c├ío Sß╗ƒ Y tß║┐.xlsx"): the officer saw that, and an answer known only by its name
went to nobody. A city named as its province is not the province."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from thanghanhdong import config
from thanghanhdong.inbox import validate_inbox

ROOT = Path(__file__).parents[1]
FORM = ROOT / "examples" / "inbox" / "2021_syt_so-y-te.xlsx"


def _scan_pdf() -> bytes:
    page = Image.new("RGB", (620, 877), "white")
    out = io.BytesIO()
    page.save(out, "PDF", resolution=75)
    return out.getvalue()


@pytest.mark.skipif(shutil.which("zip") is None, reason="Info-ZIP zip not installed")
def test_info_zip_utf8_names_are_read_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "gui"
    folder.mkdir()
    shutil.copy(FORM, folder / "Báo cáo Sở Y tế.xlsx")
    (folder / "Công văn Sở Tư pháp.pdf").write_bytes(_scan_pdf())
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = ["Báo cáo Sở Y tế.xlsx", "Công văn Sở Tư pháp.pdf"]
    subprocess.run(["zip", "-q", str(inbox / "Nop bao cao.zip"), *names], cwd=folder, check=True)
    with zipfile.ZipFile(inbox / "Nop bao cao.zip") as archive:  # the trap is there
        assert all(not info.flag_bits & 0x800 for info in archive.infolist())

    report = validate_inbox(inbox, config.load(None))
    shown = {result.path.name.removeprefix("Nop bao cao.zip › "): result for result in report.files}
    assert set(shown) == set(names)
    assert shown["Báo cáo Sở Y tế.xlsx"].agency_code == "SYT"
    # The scan is credited by its name: Sở Tư pháp sent something, not nothing.
    assert shown["Công văn Sở Tư pháp.pdf"].agency_name == "Sở Tư pháp"
    assert "Sở Tư pháp" not in [a.name for a in report.completeness.missing]


def _windows_cp1258(name: str) -> bytes:
    """As Windows writes a name in code page 1258: a letter it has whole, else the letter
    without its tone followed by the combining tone."""
    out = b""
    for letter in unicodedata.normalize("NFC", name):
        try:
            out += letter.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", letter)
            out += unicodedata.normalize("NFC", parts[:-1]).encode("cp1258")
            out += parts[-1].encode("cp1258")
    return out


def test_windows_code_page_names_are_read_as_written(tmp_path: Path) -> None:
    name = "Báo cáo Sở Y tế.xlsx"
    raw = _windows_cp1258(name)
    placeholder = b"x" * len(raw)
    built = io.BytesIO()
    with zipfile.ZipFile(built, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(placeholder.decode(), FORM.read_bytes())
    data = built.getvalue()
    assert data.count(placeholder) == 2  # the local header and the central directory
    (tmp_path / "nop.zip").write_bytes(data.replace(placeholder, raw))

    [result] = validate_inbox(tmp_path, config.load(None)).files
    assert result.path.name == f"nop.zip › {name}" and result.agency_code == "SYT"


@pytest.mark.parametrize(
    "name",
    [
        "Báo cáo Sở Tư pháp.pdf",
        "BÁO CÁO SỞ TƯ PHÁP.pdf",
        unicodedata.normalize("NFD", "Công văn Sở Tư pháp (bản ký).pdf"),  # as a Mac names it
        "BC_SoTuPhap.pdf",
    ],
)
def test_a_scan_is_credited_by_its_vietnamese_name(tmp_path: Path, name: str) -> None:
    # "Báo" had been split as "Bá o": a regex range À-Ỹ holds small letters too.
    (tmp_path / name).write_bytes(_scan_pdf())
    report = validate_inbox(tmp_path, config.load(None))
    assert "Sở Tư pháp" not in [a.name for a in report.completeness.missing]
    assert report.unattributed_scans == []


@pytest.mark.parametrize(
    ("name", "credited"),
    [
        ("Báo cáo tỉnh Bắc Kạn.pdf", None),  # the province, not the city of the same name
        ("BC THD Bac Kan 2021.pdf", None),
        ("BC TP Bac Kan.pdf", "UBND thành phố Bắc Kạn"),
        ("UBND thành phố Bắc Kạn - báo cáo.pdf", "UBND thành phố Bắc Kạn"),
        ("Bao Bac Kan bao cao.pdf", "Báo Bắc Kạn"),
        # A district's People's Committee is matched by its place alone; another body of that
        # place is not it (review of 2026-12-01).
        ("BC Trung tam Y te huyen Ba Be.pdf", None),
        ("Hoi LHPN huyen Ba Be.pdf", None),
        ("Vuon quoc gia Ba Be.pdf", None),
        ("BC Dai Truyen thanh huyen Ba Be.pdf", None),
        ("Thu vien huyen Ba Be.pdf", None),
        ("Nha van hoa huyen Ba Be - bao cao.pdf", None),
        ("Phong LDTBXH huyen Ba Be.pdf", "UBND huyện Ba Bể"),  # its office writes its report
        ("scan Ba Be.pdf", "UBND huyện Ba Bể"),
        # The issuing body named beside another is the addressee, not the sender.
        (
            "Kinh gui So Lao dong - Thuong binh va Xa hoi - BC Hoi Nong dan tinh.pdf",
            "Hội Nông dân tỉnh",
        ),
    ],
)
def test_a_place_name_is_its_peoples_committee_only_when_nothing_else_is_named(
    tmp_path: Path, name: str, credited: str | None
) -> None:
    (tmp_path / name).write_bytes(_scan_pdf())
    report = validate_inbox(tmp_path, config.load(None))
    missing = {a.name for a in report.completeness.missing}
    if credited is None:
        assert {"UBND thành phố Bắc Kạn", "UBND huyện Ba Bể"} <= missing
        assert len(report.unattributed_scans) == 1
    else:
        assert credited not in missing and report.unattributed_scans == []


@pytest.mark.parametrize(
    ("name", "credited"),
    [
        ("Yen Son.jpg", "UBND xã Yên Sơn"),  # trial 8, finding 6: a commune by its place alone
        ("Yen Son bao cao.jpg", "UBND xã Yên Sơn"),
        ("Hoi Nong dan xa Yen Son.jpg", None),  # another body of that commune
    ],
)
def test_a_commune_is_named_by_its_place(tmp_path: Path, name: str, credited: str | None) -> None:
    text = config.default_config_text() + (
        '\n[[agencies]]\ncode = "YSON"\nname = "UBND xã Yên Sơn"\ngroup = "commune"\n'
    )
    campaign = config.parse(text, "thd.toml")
    page = io.BytesIO()
    Image.new("RGB", (620, 877), "white").save(page, "JPEG")
    (tmp_path / name).write_bytes(page.getvalue())
    report = validate_inbox(tmp_path, campaign)
    missing = {a.name for a in report.completeness.missing}
    assert ("UBND xã Yên Sơn" not in missing) == (credited is not None)


# A provincial body's name as clerks shorten it (trial 10, finding 1): without "tỉnh", or its
# head word and initials. The roster's own names: the default one, plus two of trial 10's.
SHORT_NAMES = (
    '\n[[agencies]]\ncode = "BDTT"\nname = "Ban Dân tộc tỉnh"\ngroup = "province"\n'
    '\n[[agencies]]\ncode = "SKHCN"\nname = "Sở Khoa học và Công nghệ"\ngroup = "province"\n'
)


@pytest.mark.parametrize(
    ("name", "credited"),
    [
        ("Hoi Nong dan.png", "Hội Nông dân tỉnh"),
        ("Ban Dan toc tinh - hoat dong.pdf", "Ban Dân tộc tỉnh"),
        ("So KHCN.pdf", "Sở Khoa học và Công nghệ"),
        ("Hoi LHPN bao cao.pdf", "Hội Liên hiệp Phụ nữ tỉnh"),
        ("BC So LD-TB&XH.pdf", "Sở Lao động - Thương binh và Xã hội"),
        ("So GD DT.jpg", "Sở Giáo dục và Đào tạo"),
        ("Cong an.pdf", "Công an tỉnh"),
        # A district's body of the same kind is not the province's.
        ("Hoi Nong dan huyen Ba Be.pdf", None),
        ("BC Hoi LHPN huyen Ba Be.pdf", None),
        # "so" is also "số": a number is no abbreviation.
        ("bao cao so lieu thang 12.pdf", None),
    ],
)
def test_a_provincial_body_is_named_as_clerks_shorten_it(
    tmp_path: Path, name: str, credited: str | None
) -> None:
    campaign = config.parse(config.default_config_text() + SHORT_NAMES, "thd.toml")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_bytes(_scan_pdf())
    report = validate_inbox(inbox, campaign)
    if credited is None:
        assert len(report.unattributed_scans) == 1
    else:
        assert credited not in {a.name for a in report.completeness.missing}
        assert report.unattributed_scans == []


def test_a_report_of_a_unit_not_listed_is_still_the_agency_its_file_names(tmp_path: Path) -> None:
    """Trial 9, finding 1 (the safety net): a Word report whose header names a unit the roster
    does not list, in a file named for a roster agency, leaves that agency "đã gửi, chưa hợp
    lệ" with the unit named in the error, never "Chưa gửi"."""
    import docx

    from thanghanhdong import completeness
    from thanghanhdong.completeness import State

    document = docx.Document()
    for line in ("UBND TỈNH BẮC KẠN", "TRUNG TÂM CÔNG TÁC XÃ HỘI", "Số: 12/BC-TTCTXH"):
        document.add_paragraph(line)
    for line in (
        "BÁO CÁO",
        "Kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2021",
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Công tác chỉ đạo, ban hành kế hoạch triển khai",
        "Ban hành kế hoạch triển khai Tháng hành động.",
        "III. TỔNG HỢP SỐ LIỆU",
        "1. Tổ chức các hoạt động hưởng ứng Tháng hành động",
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=6)
    labels = ("STT", "Hoạt động", "Số cuộc", "Số người tham gia (Nam)", "Số người tham gia (Nữ)")
    for cell, text in zip(table.rows[0].cells, (*labels, "Cấp triển khai"), strict=True):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells, ("1", "Tập huấn", "2", "10", "20", "Tỉnh"), strict=True
    ):
        cell.text = text
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    document.save(inbox / "BC So Y te.docx")
    campaign = config.load(None)
    report = validate_inbox(inbox, campaign)
    [answer] = report.files
    assert {"unknown_agency", "unknown_agency_close"} & {i.code for i in answer.issues}
    states = {e.code: e.state for e in completeness.compute(campaign, report.files).entries}
    assert states["SYT"] is State.UNUSABLE
