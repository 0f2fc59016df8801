"""Seeded fuzzing of returned forms: whatever an agency (or a broken mail client) sends back,
`validate_file` returns a FileResult, never an exception; and a file that passes adds up to
exactly what was typed into it, through validation and through consolidation.

Two families, each case reproducible from its seed: random values of every type typed into the
input cells of a generated form, and random damage to the bytes of filled forms.
"""

from __future__ import annotations

import io
import math
import random
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from cases import filled

from thanghanhdong import form
from thanghanhdong.config import Campaign
from thanghanhdong.model import FileResult, Row
from thanghanhdong.sample import SampleReport, fill_bytes
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file
from thanghanhdong.xlsxutil import set_value

VALUE_SEEDS = range(150)
BYTE_SEEDS = range(300)
NUMBER_KINDS = ("count", "male", "female")


@dataclass(frozen=True)
class Formula:
    """Typed with a leading "=" in Excel: stored as a formula, with no cached result."""

    text: str


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# Anything a person, a copy-paste or another program may leave in a cell.
ODD_VALUES: tuple[Any, ...] = (
    None,
    0,
    7,
    1234,
    -5,
    10**12,
    10**12 + 1,
    10**30,
    2**63,
    12.0,
    12.5,
    -3.0,
    -0.0,
    1e15,
    1e300,
    5e-324,
    math.nan,
    math.inf,
    -math.inf,
    "",
    "   ",
    "\t\n",
    "7",
    " 7 ",
    "007",
    "1.234",
    "1.234.567",
    "12,5",
    "1,234",
    "7\u00a0000",
    "−5",
    "+5",
    "-",
    "١٢",
    "９",
    "½",
    "15 người",
    "9" * 5_000,
    "1" + ".000" * 1_500,
    "=1+1",
    "+SUM(A1:A3)",
    "@A1",
    "-2+3",
    "Tỉnh",
    "cấp xã",
    "HUYỆN",
    "Thôn",
    "Cộng",
    "Tổng cộng",
    "Tập huấn",
    nfd("Hội thảo"),
    nfd("Huyện"),
    "a_x0001_b",
    "_x001B_[2J",
    "Tập_x0007_ huấn",
    "x" * 40_000,
    "Héi th¶o",  # TCVN3
    date(2021, 12, 17),
    date(1900, 1, 1),
    datetime(9999, 12, 31, 23, 59, 59),
    datetime(2021, 12, 20, 8, 30),
    time(12, 30),
    timedelta(days=3, hours=2),
    True,
    False,
    Formula("=1+1"),
    Formula("=1/0"),
    Formula('=HYPERLINK("http://example.com","x")'),
)
CLEAN_ITEMS = (
    "Tập huấn",
    "Hội thảo",
    "Nói chuyện chuyên đề",
    "Phát thanh",
    "Băng rôn",
    "Khác (ghi rõ): giao lưu văn nghệ",
    "  Tọa   đàm  ",
    nfd("Đối thoại chính sách"),
    "=1+1 (gõ dạng chữ)",
    "Hoạt động " + "rất dài " * 500,
)
CLEAN_LEVELS = ("Tỉnh", "Huyện", "Xã", "cấp xã", "HUYỆN", nfd("Tỉnh"))


def clean_number(rng: random.Random) -> int | None:
    return rng.choice((None, 0, rng.randint(0, 50), rng.randint(0, 5_000)))


def is_clean_number(value: Any) -> bool:
    return value is None or (type(value) is int and 0 <= value <= 5_000)


@dataclass
class Typed:
    """What one fuzz case typed, and what a passing file must then contain."""

    cells: dict[tuple[str, str], Any] = field(default_factory=dict)
    # table key -> the rows typed into (excel row numbers)
    rows: dict[str, set[int]] = field(default_factory=dict)
    # table key -> excel row -> (count, male, female), for rows whose number cells are all clean
    numbers: dict[str, dict[int, tuple[int, int, int]]] = field(default_factory=dict)
    # table key -> the rows typed entirely as an agency would: they must be accepted
    clean: dict[str, set[int]] = field(default_factory=dict)


def random_case(rng: random.Random) -> Typed:
    """A third of the cases are typed cleanly; the others get odd values here and there."""
    odd = 0.0 if rng.random() < 0.35 else rng.choice((0.2, 0.5, 1.0))
    typed = Typed()
    for key in ("report_number", "report_date", "signer_name", "budget_state", "direction"):
        if rng.random() < odd:
            typed.cells[(form.SHEET_INFO, f"B{form.info_row(key)}")] = rng.choice(ODD_VALUES)
    for spec in form.TABLES:
        typed.rows[spec.key], typed.numbers[spec.key], typed.clean[spec.key] = set(), {}, set()
        for offset in range(rng.randint(0, 6)):
            excel_row = form.TABLE_FIRST_DATA_ROW + offset
            values = random_row(rng, odd=rng.random() < odd)
            for kind, value in values.items():
                letter = spec.letter(kind)
                typed.cells[(spec.sheet, f"{letter}{excel_row}")] = value
            typed.rows[spec.key].add(excel_row)
            numbers = [values[k] for k in NUMBER_KINDS]
            if all(is_clean_number(n) for n in numbers):
                typed.numbers[spec.key][excel_row] = (
                    numbers[0] or 0,
                    numbers[1] or 0,
                    numbers[2] or 0,
                )
                named = values["item"] in CLEAN_ITEMS and values["level"] in CLEAN_LEVELS
                if named and any(n is not None for n in numbers):
                    typed.clean[spec.key].add(excel_row)
    return typed


def random_row(rng: random.Random, *, odd: bool) -> dict[str, Any]:
    """A row as an agency types it; if `odd`, with odd values in some of its cells."""
    row = {
        "item": rng.choice(CLEAN_ITEMS),
        "count": rng.randint(1, 50),
        "male": clean_number(rng),
        "female": clean_number(rng),
        "level": rng.choice(CLEAN_LEVELS),
    }
    if odd:
        for kind in rng.sample(list(row), rng.randint(1, len(row))):
            row[kind] = rng.choice(ODD_VALUES)
    return row


def type_into(workbook: Any, cells: dict[tuple[str, str], Any]) -> None:
    for (sheet, address), value in cells.items():
        cell = workbook[sheet][address]
        if isinstance(value, Formula):
            cell.value = value.text
        else:
            set_value(cell, value)


def check_result(result: FileResult, path: Path) -> None:
    assert isinstance(result, FileResult)
    assert result.path == path
    for issue in result.issues:
        assert issue.message and "{" not in issue.message, issue
    if result.unreadable:
        assert result.submission is None and len(result.issues) == 1


def check_conservation(result: FileResult, campaign: Campaign) -> None:
    """The consolidated totals are the sums of the accepted rows (once consolidate exists)."""
    from helpers import consolidate

    assert result.submission is not None
    consolidated = consolidate(campaign, [result.submission], report_date=date(2021, 12, 20))
    totals = consolidated.to_json()["totals"]
    for key, rows in result.submission.tables.items():
        assert totals[key] == {
            "count": sum(r.count for r in rows),
            "male": sum(r.male for r in rows),
            "female": sum(r.female for r in rows),
        }


@pytest.fixture(scope="module")
def blanks(campaign: Campaign) -> dict[str, bytes]:
    stamper = FormStamper(campaign)
    return {a.code: stamper.stamp(a) for a in campaign.agencies}


def sums(rows: list[Row]) -> tuple[int, int, int]:
    return sum(r.count for r in rows), sum(r.male for r in rows), sum(r.female for r in rows)


def check_passing(result: FileResult, typed: Typed) -> bool:
    """For a file without errors: every clean row accepted with its figures, and each table's
    total equal to the figures typed (when every accepted row was typed as clean numbers).
    Returns whether some table's total was compared."""
    assert result.submission is not None
    compared = False
    for key, rows in result.submission.tables.items():
        accepted = {r.location.row + 1: r for r in rows}
        known = typed.numbers[key]
        assert set(accepted) <= typed.rows[key], key
        assert typed.clean[key] <= set(accepted), key
        for excel_row, row in accepted.items():
            if excel_row in known:
                assert (row.count, row.male, row.female) == known[excel_row], (key, excel_row)
        if rows and set(accepted) <= set(known):
            expected = tuple(sum(known[r][i] for r in accepted) for i in range(3))
            assert sums(rows) == expected, key
            compared = True
    return compared


BATCHES = 10


def value_case(seed: int, directory: Path, campaign: Campaign, blanks: dict[str, bytes]) -> str:
    rng = random.Random(seed)
    code = rng.choice(sorted(blanks))
    typed = random_case(rng)
    report = SampleReport()
    report.tables = {}
    path = directory / f"fuzz-{seed}.xlsx"
    path.write_bytes(fill_bytes(blanks[code], report, edit=lambda wb: type_into(wb, typed.cells)))

    result = validate_file(path, campaign)

    check_result(result, path)
    assert result.agency_code == code
    if not result.ok:
        return "refused"
    compared = check_passing(result, typed)
    check_conservation(result, campaign)
    return "passed, totals compared" if compared else "passed"


@pytest.mark.parametrize("batch", range(BATCHES))
def test_random_values_in_the_input_cells(
    batch: int, tmp_path: Path, campaign: Campaign, blanks: dict[str, bytes]
) -> None:
    outcomes = {"refused": 0, "passed": 0, "passed, totals compared": 0}
    for seed in VALUE_SEEDS[batch::BATCHES]:
        try:
            outcomes[value_case(seed, tmp_path, campaign, blanks)] += 1
        except Exception as exc:  # name the seed that reproduces it
            raise AssertionError(f"value fuzz seed {seed}") from exc
    # Neither side is vacuous: some files are refused, some pass and add up.
    assert outcomes["refused"] and outcomes["passed, totals compared"], outcomes


# ------------------------------------------------------------------------------ bytes

DEFAULT_TOTALS = {"activities": (2, 40, 65), "media": (30, 1200, 1350), "products": (12, 0, 0)}


@pytest.fixture(scope="module")
def base_files(campaign: Campaign) -> list[bytes]:
    """Filled forms to damage; each holds SampleReport's figures (DEFAULT_TOTALS)."""
    stamper = FormStamper(campaign)
    return [filled(campaign, stamper, code=code) for code in ("BABE", "SYT", "MTTQ")]


def damage_bytes(data: bytes, rng: random.Random) -> bytes:
    """Damage as in transit or on a failing disk: the zip's checksums catch it, or it is
    harmless (a date, a comment): the figures read can never change."""
    buffer = bytearray(data)
    how = rng.randrange(5)
    if how == 0:  # bit rot anywhere
        for _ in range(rng.randint(1, 16)):
            buffer[rng.randrange(len(buffer))] ^= 1 << rng.randrange(8)
    elif how == 1:  # a download cut short
        del buffer[rng.randrange(len(buffer)) :]
    elif how == 2:  # damage to the zip's directory at the end
        start = max(0, len(buffer) - 1_500)
        for _ in range(rng.randint(1, 4)):
            buffer[rng.randrange(start, len(buffer))] = rng.randrange(256)
    elif how == 3:  # a block overwritten with zeros
        start = rng.randrange(len(buffer))
        buffer[start : start + rng.randint(1, 4096)] = bytes(min(4096, len(buffer) - start))
    else:  # a block repeated (a resumed download)
        start = rng.randrange(len(buffer))
        buffer[start:start] = buffer[start : start + rng.randint(1, 2048)]
    return bytes(buffer)


def damage_parts(data: bytes, rng: random.Random) -> bytes:
    """Damage inside the parts, zipped again with good checksums (a buggy program saved it):
    broken or odd XML, a part missing, two parts swapped."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    names = sorted(parts)
    victim = rng.choice([n for n in names if n.startswith("xl/")] * 3 + names)
    how = rng.randrange(4)
    if how == 0:  # bytes of the XML changed
        xml = bytearray(parts[victim])
        for _ in range(rng.randint(1, 8)):
            xml[rng.randrange(len(xml))] = rng.choice(b"<>&\"'/=x0 \xff\xc3")
        parts[victim] = bytes(xml)
    elif how == 1:  # XML cut short
        parts[victim] = parts[victim][: rng.randrange(len(parts[victim]))]
    elif how == 2:
        del parts[victim]
    else:
        other = rng.choice(names)
        parts[victim], parts[other] = parts[other], parts[victim]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize("seed", BYTE_SEEDS)
def test_damaged_files(
    seed: int, tmp_path: Path, campaign: Campaign, base_files: list[bytes]
) -> None:
    rng = random.Random(10_000 + seed)
    data = rng.choice(base_files)
    in_parts = rng.random() < 0.5
    damaged = damage_parts(data, rng) if in_parts else damage_bytes(data, rng)
    suffix = rng.choice((".xlsx",) * 7 + (".xlsm", ".ods", ".xls"))
    path = tmp_path / f"bao cao{suffix}"
    path.write_bytes(damaged)

    try:
        result = validate_file(path, campaign)
    except Exception as exc:  # name the seed that reproduces it
        raise AssertionError(f"damage fuzz seed {seed}") from exc

    check_result(result, path)
    if result.ok:
        assert result.submission is not None
        if not in_parts:
            for key, expected in DEFAULT_TOTALS.items():
                assert sums(result.submission.tables[key]) == expected, (seed, key)
        check_conservation(result, campaign)


# ------------------------------------------------------------ figures meant (issue 9)

MEANT_SEEDS = range(60)
MEANT_ITEMS = ("Tập huấn", "Hội thảo", "Tọa đàm", "Phát thanh", "Nói chuyện chuyên đề")


@dataclass
class Meant:
    """A table filled with formulas, subtotals, parent rows and merges, and what it means."""

    cells: dict[tuple[str, str], Any] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    totals: tuple[int, int, int] = (0, 0, 0)
    must_refuse: bool = False  # a merged Nam/Nữ or an error value: never read as figures


def _as_formula(rng: random.Random, value: int) -> Any:
    """The value itself, or a formula (no cached result) that computes it."""
    if rng.random() < 0.7:
        return value
    part = rng.randint(0, value)
    return Formula(rng.choice((f"={part}+{value - part}", f"=SUM({part},{value - part})")))


def meant_case(rng: random.Random) -> Meant:
    spec = form.table("activities")
    meant, row = Meant(), form.TABLE_FIRST_DATA_ROW
    total = [0, 0, 0]

    def put(stt: Any, item: str, figures: list[int], level: str | None) -> None:
        nonlocal row
        values = {"stt": stt, "item": item, "level": level}
        values |= {k: _as_formula(rng, v) for k, v in zip(NUMBER_KINDS, figures, strict=True)}
        for key, value in values.items():
            meant.cells[(spec.sheet, f"{spec.letter(key)}{row}")] = value
        row += 1

    for group in range(rng.randint(1, 3)):
        leaves = [[rng.randint(1, 9), rng.randint(0, 300), rng.randint(0, 300)] for _ in range(
            rng.randint(1, 3))]  # fmt: skip
        level = rng.choice(("Tỉnh", "Huyện", "Xã"))
        sums = [sum(leaf[i] for leaf in leaves) for i in range(3)]
        parent = len(leaves) > 1 and rng.random() < 0.4
        if parent:
            put(str(group + 1), rng.choice(MEANT_ITEMS), sums, level)
        for number, leaf in enumerate(leaves, 1):
            stt = f"{group + 1}.{number}" if parent else row - form.TABLE_FIRST_DATA_ROW + 1
            put(stt, rng.choice(MEANT_ITEMS), leaf, level)
        if not parent and len(leaves) > 1 and rng.random() < 0.4:
            put("", rng.choice(("Cộng", f"Cộng cấp {level.lower()}")), sums, None)
        total = [t + s for t, s in zip(total, sums, strict=True)]
    meant.totals = (total[0], total[1], total[2])
    if rng.random() < 0.15:  # a total typed over Nam and Nữ merged
        target = rng.randrange(form.TABLE_FIRST_DATA_ROW, row)
        meant.merges.append(f"{spec.letter('male')}{target}:{spec.letter('female')}{target}")
        meant.must_refuse = True
    elif rng.random() < 0.1:
        target = rng.randrange(form.TABLE_FIRST_DATA_ROW, row)
        meant.cells[(spec.sheet, f"{spec.letter('female')}{target}")] = Formula("=1/0")
        meant.must_refuse = True
    return meant


def meant_file(seed: int, directory: Path, blank: bytes) -> tuple[Path, Meant]:
    rng = random.Random(50_000 + seed)
    meant = meant_case(rng)
    report = SampleReport()
    report.tables = {}

    def edit(workbook: Any) -> None:
        type_into(workbook, meant.cells)
        for merged in meant.merges:
            workbook[form.table("activities").sheet].merge_cells(merged)

    path = directory / f"meant-{seed}.xlsx"
    path.write_bytes(fill_bytes(blank, report, edit=edit))
    return path, meant


def check_meant(path: Path, meant: Meant, campaign: Campaign) -> None:
    from helpers import consolidate

    result = validate_file(path, campaign)
    check_result(result, path)
    if meant.must_refuse:
        assert not result.ok, (path.name, result.issues)
        return
    # The error-value formula "=1/0" aside, every case here is readable and must pass.
    assert result.ok, (path.name, result.errors)
    assert result.submission is not None
    figures = consolidate(campaign, [result.submission], report_date=date(2021, 12, 20))
    got = figures.to_json()["totals"]["activities"]
    assert (got["count"], got["male"], got["female"]) == meant.totals, path.name


def test_every_passing_file_has_the_figures_meant(
    tmp_path: Path, campaign: Campaign, blanks: dict[str, bytes]
) -> None:
    for seed in MEANT_SEEDS:
        path, meant = meant_file(seed, tmp_path, blanks["BABE"])
        try:
            check_meant(path, meant, campaign)
        except Exception as exc:
            raise AssertionError(f"meant-figures seed {seed}") from exc


@pytest.mark.soffice
def test_figures_meant_after_libreoffice_computes_and_saves(
    tmp_path: Path, campaign: Campaign, blanks: dict[str, bytes]
) -> None:
    from conftest import SOFFICE, soffice_convert

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    cases = [meant_file(seed, tmp_path, blanks["BABE"]) for seed in MEANT_SEEDS[:12]]
    saved = soffice_convert([p for p, _ in cases], "xlsx", tmp_path / "lo", tmp_path / "profile")
    for path, (_, meant) in zip(saved, cases, strict=True):
        check_meant(path, meant, campaign)
