"""`thd roster import` and `thd init --roster` on a thd.toml the officer has written by hand:
every key of an agency the list does not change (`previous`, `aliases`, an e-mail, a group the
officer corrected) and the officer's comments stay; only what the list changes is rewritten.

The thd.toml is made by `thd init` and edited as text as an officer would; the list is an .xlsx
written by openpyxl; the command runs as installed; the result is read back with config.load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from thanghanhdong import config

THD = str(Path(sys.executable).with_name("thd"))

# The officer's roster of 2026 (Thái Nguyên after the 2025 merger), written by hand.
OFFICER_ROSTER = """\
# I. Sở, ban, ngành, đoàn thể tỉnh
[[agencies]]
code = "SNV"   # từ 2025 Sở Nội vụ nhận nhiệm vụ của Sở LĐ-TB&XH
name = "Sở Nội vụ"
group = "province"
previous = ["SLDTBXH"]   # năm 2025: Sở Lao động - Thương binh và Xã hội

[[agencies]]
code = "HLHPN"
name = "Hội Liên hiệp Phụ nữ tỉnh"
# Hội hay ghi tên tắt trên báo cáo
aliases = ["Hội LHPN tỉnh", "Hội Phụ nữ tỉnh"]
email = "hoiphunu@thainguyen.gov.vn"

# Trung tâm báo cáo như một đơn vị cấp huyện (đã sửa nhóm)
[[agencies]]
code = "TTYTPL"
name = "Trung tâm Y tế Phú Lương"
group = "district"

# II. Các xã, phường
[[agencies]]
code = "DONGHY"
name = "UBND xã Đồng Hỷ"
group = "commune"

[[agencies]]
code = "MYLAM"
name = "UBND xã Mỹ Lâm"
group = "commune"
previous = [
    "MYBANG",   # xã Mỹ Bằng
    "KIMPHU",   # xã Kim Phú
]
"""

# The list the officer received: no codes, no groups, no e-mail; Đồng Hỷ left the list, a new
# ward came, the Women's Union is written by its short name (one of its aliases).
LIST = [
    ["Sở Nội vụ"],
    ["Hội LHPN tỉnh"],
    ["Trung tâm Y tế Phú Lương"],
    ["UBND xã Mỹ Lâm"],
    ["UBND phường Phan Đình Phùng"],
]


def thd(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([THD, *args], cwd=cwd, capture_output=True, text=True)


def officer_config(directory: Path) -> Path:
    done = thd("init", str(directory), cwd=directory.parent)
    assert done.returncode == 0, done.stderr
    path = directory / "thd.toml"
    text = path.read_text(encoding="utf-8")
    roster_start = text.index("\n[[agencies]]\n") + 1
    path.write_text(text[:roster_start] + OFFICER_ROSTER, encoding="utf-8")
    return path


def officer_list(path: Path, rows: list[list[str]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["DANH SÁCH ĐƠN VỊ BÁO CÁO NĂM 2026"])
    sheet.append(["STT", "Tên đơn vị"])
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    workbook.save(path)
    return path


def test_import_keeps_previous_aliases_and_comments_of_agencies_it_keeps(tmp_path: Path) -> None:
    path = officer_config(tmp_path / "dot-2026")
    before = config.load(path)
    listed = officer_list(tmp_path / "danh-sach.xlsx", LIST)
    done = thd("roster", "import", str(listed), cwd=path.parent)
    assert done.returncode == 0, done.stdout + done.stderr
    after = config.load(path)
    by_code = {a.code: a for a in after.agencies}
    assert list(by_code) == ["SNV", "HLHPN", "TTYTPL", "MYLAM", "PHANDINHPHUNG"]
    assert by_code["SNV"].previous == ["SLDTBXH"]
    assert by_code["MYLAM"].previous == ["MYBANG", "KIMPHU"]
    women = by_code["HLHPN"]
    # Known by its alias: the same agency, its name and its other keys unchanged.
    assert women == {a.code: a for a in before.agencies}["HLHPN"]
    assert by_code["TTYTPL"].group.value == "district"  # the officer's correction
    assert by_code["PHANDINHPHUNG"].group.value == "commune"
    old = {a.code: a for a in before.agencies}
    for code in ("SNV", "HLHPN", "TTYTPL", "MYLAM"):
        assert by_code[code] == old[code]
    text = path.read_text(encoding="utf-8")
    for comment in (
        'code = "SNV"   # từ 2025 Sở Nội vụ nhận nhiệm vụ của Sở LĐ-TB&XH',
        'previous = ["SLDTBXH"]   # năm 2025: Sở Lao động - Thương binh và Xã hội',
        "# Hội hay ghi tên tắt trên báo cáo",
        '# Trung tâm báo cáo như một đơn vị cấp huyện (đã sửa nhóm)\n[[agencies]]\ncode = "TTYTPL"',
        '    "MYBANG",   # xã Mỹ Bằng\n    "KIMPHU",   # xã Kim Phú\n]',
    ):
        assert comment in text
    # The heading of the communes stays above them, though Đồng Hỷ under it left.
    assert '# II. Các xã, phường\n[[agencies]]\ncode = "MYLAM"' in text
    assert "DONGHY" not in text
    assert text.index("[issuer]") < text.index("# I. Sở, ban, ngành")  # the rest in place
    assert after.model_copy(update={"agencies": before.agencies}) == before


def test_importing_the_same_list_again_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = officer_config(tmp_path / "dot-2026")
    listed = officer_list(tmp_path / "danh-sach.xlsx", LIST)
    assert thd("roster", "import", str(listed), cwd=path.parent).returncode == 0
    once = path.read_bytes()
    assert thd("roster", "import", str(listed), cwd=path.parent).returncode == 0
    assert path.read_bytes() == once
    # The list of the roster exactly as written changes nothing either.
    path = officer_config(tmp_path / "again")
    original = path.read_bytes()
    names = [[a.name] for a in config.load(path).agencies]
    same = officer_list(tmp_path / "same.xlsx", names)
    assert thd("roster", "import", str(same), cwd=path.parent).returncode == 0
    assert path.read_bytes() == original


def test_a_renamed_agency_keeps_its_block_and_a_leaving_one_says_what_it_takes(
    tmp_path: Path,
) -> None:
    path = officer_config(tmp_path / "dot-2026")
    workbook_rows = [
        ["SNV", "Sở Nội vụ tỉnh Thái Nguyên"],  # renamed, code typed
        ["HLHPN", "Hội Liên hiệp Phụ nữ tỉnh"],
        ["TTYTPL", "Trung tâm Y tế Phú Lương"],
        ["DONGHY", "UBND xã Đồng Hỷ"],
    ]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Mã", "Tên đơn vị"])
    for row in workbook_rows:
        sheet.append(row)
    workbook.save(tmp_path / "ds.xlsx")
    done = thd("roster", "import", str(tmp_path / "ds.xlsx"), cwd=path.parent)
    assert done.returncode == 0, done.stdout + done.stderr
    text = path.read_text(encoding="utf-8")
    assert (
        'code = "SNV"   # từ 2025 Sở Nội vụ nhận nhiệm vụ của Sở LĐ-TB&XH\n'
        'name = "Sở Nội vụ tỉnh Thái Nguyên"\ngroup = "province"\n'
        'previous = ["SLDTBXH"]   # năm 2025'
    ) in text
    # Mỹ Lâm left with its previous codes: the officer is told, in one sentence.
    said = " ".join((done.stdout + done.stderr).split())
    assert (
        "UBND xã Mỹ Lâm (mã MYLAM) không có trong danh sách mới nên đã bị bỏ, cùng khóa "
        "previous (MYBANG, KIMPHU) ghi cho đơn vị này."
    ) in said
    assert "MYBANG" not in text


def test_init_from_last_year_with_a_list_keeps_the_keys_too(tmp_path: Path) -> None:
    last = officer_config(tmp_path / "dot-2025")
    text = last.read_text(encoding="utf-8")
    last.write_text(text.replace("year = 2021", "year = 2025", 1), encoding="utf-8")
    listed = officer_list(tmp_path / "danh-sach.xlsx", LIST)
    done = thd("init", "dot-2026", "--from", str(last), "--roster", str(listed), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    rolled = config.load(tmp_path / "dot-2026" / "thd.toml")
    by_code = {a.code: a for a in rolled.agencies}
    assert by_code["MYLAM"].previous == ["MYBANG", "KIMPHU"]
    assert by_code["HLHPN"].aliases == ["Hội LHPN tỉnh", "Hội Phụ nữ tỉnh"]
    assert by_code["TTYTPL"].group.value == "district"


def test_a_thd_toml_saved_by_notepad_keeps_its_windows_line_ends(tmp_path: Path) -> None:
    """A roster import rewrote the officer's CRLF file with LF line ends (trial 2026-12-02a)."""
    path = officer_config(tmp_path / "dot-2026")
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    original = path.read_bytes()
    names = [[a.name] for a in config.load(path).agencies]
    same = officer_list(tmp_path / "same.xlsx", names)
    assert thd("roster", "import", str(same), cwd=path.parent).returncode == 0
    assert path.read_bytes() == original
    listed = officer_list(tmp_path / "danh-sach.xlsx", LIST)
    assert thd("roster", "import", str(listed), cwd=path.parent).returncode == 0
    written = path.read_bytes()
    assert written.count(b"\n") == written.count(b"\r\n") > 50
