"""Error values and hidden rows in legacy .xls (BIFF8) workbooks (issue 9): calamine gives "" for
an error cell, so readers/xls.py reads the BIFF records. The files are saved as .xls by
LibreOffice; the parser is also fed truncated and damaged files."""

from __future__ import annotations

import base64
import random
import zlib
from pathlib import Path

import openpyxl
import pytest
from conftest import SOFFICE, soffice_convert
from test_hostile import FAR_XLS

from thanghanhdong import container, form
from thanghanhdong.config import Campaign
from thanghanhdong.readers import xls
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

ACT = form.table("activities").sheet
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


@pytest.fixture(scope="module")
def converted(
    tmp_path_factory: pytest.TempPathFactory, campaign: Campaign, stamper: FormStamper
) -> dict[str, Path]:
    """The filled form as .xls, clean and with errors (one soffice run for both)."""
    tmp = tmp_path_factory.mktemp("xls")
    report = SampleReport()
    report.tables["activities"] = [
        SampleRow("Tập huấn", 1, 1, 1, "Tỉnh"),  # row 7: #REF! typed in Nam
        SampleRow("Hội thảo", 2, 10, 10, "Huyện"),  # row 8: Nữ = 1/0
        SampleRow("Văn nghệ", 1, 20, 30, "Xã"),  # row 9: hidden
    ]
    agency = campaign.agency("BABE")
    assert agency is not None
    clean = tmp / "sach.xlsx"
    clean.write_bytes(fill_bytes(stamper.stamp(agency), report))
    book = openpyxl.load_workbook(clean)
    sheet = book[ACT]
    sheet["D7"] = "#REF!"  # openpyxl writes it as an error cell (t="e"), as if typed
    sheet["E8"] = "=1/0"  # no cached value: LibreOffice computes it, the .xls caches #DIV/0!
    sheet.row_dimensions[9].hidden = True
    book.save(tmp / "loi.xlsx")
    paths = soffice_convert([clean, tmp / "loi.xlsx"], "xls", tmp / "out", tmp / "profile")
    return dict(zip(("clean", "errors"), paths, strict=True))


@pytest.mark.soffice
@needs_soffice
def test_error_values_in_an_xls_are_errors_at_their_cells(
    converted: dict[str, Path], campaign: Campaign
) -> None:
    path = converted["errors"]
    assert container.check(path.name, path.read_bytes()) is container.Format.XLS
    result = validate_file(path, campaign)
    assert [(i.code, i.sheet, i.cell) for i in result.issues] == [
        ("error_value", ACT, "D7"),
        ("error_value", ACT, "E8"),
        ("hidden_rows", ACT, "A9"),
    ]
    assert "#REF!" in result.issues[0].message
    assert "#DIV/0!" in result.issues[1].message
    # The rows holding an error value are not counted; the hidden row is.
    assert result.submission is not None
    read = {r.item: (r.count, r.male, r.female) for r in result.submission.tables["activities"]}
    assert read == {"Văn nghệ": (1, 20, 30)}


@pytest.mark.soffice
@needs_soffice
def test_a_clean_xls_has_no_error(converted: dict[str, Path], campaign: Campaign) -> None:
    result = validate_file(converted["clean"], campaign)
    assert result.issues == []
    assert result.submission is not None
    assert len(result.submission.tables["activities"]) == 3
    notes = xls.scan(converted["clean"].read_bytes())
    assert ACT in notes
    assert not any(found.errors or found.hidden_rows for found in notes.values())


def far_xls() -> bytes:
    return zlib.decompress(base64.b64decode(FAR_XLS))


def test_the_parser_reads_a_real_xls() -> None:
    """A BIFF8 file LibreOffice wrote (1 in A1, 2 in IV65536): one sheet, nothing to note."""
    notes = xls.scan(far_xls())
    assert len(notes) == 1
    (found,) = notes.values()
    assert found.errors == {} and found.hidden_rows == set()


def test_damaged_xls_files_give_no_notes_and_never_raise() -> None:
    data = far_xls()
    rng = random.Random(9)
    damaged = [data[:cut] for cut in (0, 7, 8, 512, len(data) // 2, len(data) - 1)]
    damaged.append(container.OLE_MAGIC + rng.randbytes(4096))
    damaged.append(container.OLE_MAGIC + bytes(600))
    for _ in range(200):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        damaged.append(bytes(mutated))
    for sample in damaged:
        notes = xls.scan(sample)
        assert isinstance(notes, dict)
        assert all(len(found.errors) <= xls.MAX_NOTED for found in notes.values())
    assert xls.scan(data[: len(data) // 2]) == {}
    assert xls.scan(b"PK\x03\x04 not an xls") == {}


def test_sizes_a_hostile_xls_declares_are_not_believed() -> None:
    """Counts and sizes past the file's end (olefile would loop and allocate by them)."""
    data = far_xls()
    fat_count = data[:44] + (0x0FFF_FFFF).to_bytes(4, "little") + data[48:]
    entry = data.find("Workbook".encode("utf-16-le"))
    assert entry > 0
    huge = data[: entry + 120] + (0x7FFF_FFFF).to_bytes(4, "little") + data[entry + 124 :]
    assert xls.scan(fat_count) == {}
    assert xls.scan(huge) == {}


def test_a_damaged_xls_still_validates_without_a_traceback(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "hong.xls"
    path.write_bytes(far_xls()[:4000])
    result = validate_file(path, campaign)
    assert result.errors  # a file problem, told to the officer
