"""Hostile and messy returned files: each is refused with a clear file-level error, or read
safely; memory stays bounded; and the valid form lying beside it in the inbox still validates.

The runs that could exhaust memory happen in a child process under an address-space limit
(RLIMIT_AS): without the protection under test the child dies, and the test fails.
"""

from __future__ import annotations

import base64
import io
import json
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cases import DEFAULT_TOTALS, blank, filled
from typer.testing import CliRunner

from thanghanhdong import form
from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper
from thanghanhdong.xlsxutil import set_value

limited = pytest.mark.skipif(sys.platform != "linux", reason="needs RLIMIT_AS (Linux)")
MEMORY_LIMIT = 1536 * 1024 * 1024
ACT_SHEET = "xl/worksheets/sheet3.xml"  # "1. Hoạt động" in a generated form
ACT, INFO = form.table("activities").sheet, form.SHEET_INFO
runner = CliRunner()

# Validates INBOX (argv[1]) in a fresh interpreter whose address space is capped (argv[2] bytes)
# before anything is imported, and prints one JSON document describing every file.
CHILD = """
import json, resource, sys
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from pathlib import Path
from thanghanhdong import config
from thanghanhdong.inbox import validate_inbox

report = validate_inbox(Path(sys.argv[1]), config.load(None))
files = {}
for f in report.files:
    tables = f.submission.tables if f.submission else {}
    files[f.path.name] = {
        "ok": f.ok,
        "agency": f.agency_code,
        "unreadable": f.unreadable,
        "issues": [[i.code, i.severity.value, i.message] for i in f.issues],
        "rows": {k: len(rows) for k, rows in tables.items()},
        "totals": {
            k: [sum(r.count for r in rows), sum(r.male for r in rows), sum(r.female for r in rows)]
            for k, rows in tables.items()
        },
    }
# VmHWM is this program's own peak; ru_maxrss would carry the size of the process that started
# it (pytest, grown large by the tests before) across fork and exec.
with open("/proc/self/status") as status:
    peak_mb = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
print(json.dumps({"files": files, "peak_mb": peak_mb}))
"""


def validate_limited(inbox: Path) -> dict:
    """Validate in a child process under MEMORY_LIMIT; the child must exit normally."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(inbox), str(MEMORY_LIMIT)],
        capture_output=True,
        text=True,
        timeout=600,  # a guard against a hang, not a speed requirement
    )
    assert done.returncode == 0, (
        f"validation died (exit {done.returncode}) under a {MEMORY_LIMIT >> 20} MB limit:\n"
        + done.stderr[-3000:]
    )
    return json.loads(done.stdout)


def inbox_with_good_form(tmp_path: Path, campaign: Campaign, stamper: FormStamper) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.xlsx").write_bytes(filled(campaign, stamper, code="NARI"))
    return inbox


def assert_good_form_ok(files: dict) -> None:
    good = files["good.xlsx"]
    assert good["ok"] and good["agency"] == "NARI", good["issues"]
    assert good["totals"] == {k: list(v) for k, v in DEFAULT_TOTALS.items()}


def only_issue(entry: dict, code: str) -> str:
    """The single file-level issue of a refused file; returns its message."""
    assert entry["unreadable"] and not entry["ok"]
    assert [i[0] for i in entry["issues"]] == [code], entry["issues"]
    message = entry["issues"][0][2]
    assert "đề nghị đơn vị" in message  # says what the agency must do
    return message


def rezip(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info)))
    return out.getvalue()


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


# ---------------------------------------------------------------------------- 1. zip bombs


def write_huge_sheet(data: bytes, target: Path, megabytes: int) -> None:
    """`data` with the activities sheet replaced by `megabytes` MB of numbers, streamed.

    1,000 cells of 15 bytes a row deflate about 480 to 1: 400 MB fits in 0.9 MB. Unpacked,
    calamine would make a grid of 27 million cells of them: well beyond the memory limit.
    """
    row = b"<row>" + b"<c><v>1</v></c>" * 1000 + b"</row>"
    block = row * (1024 * 1024 // len(row))
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename != ACT_SHEET:
                dst.writestr(info.filename, src.read(info))
                continue
            head = src.read(info).split(b"<sheetData>")[0] + b"<sheetData>"
            with dst.open(ACT_SHEET, "w") as part:
                part.write(head)
                for _ in range(megabytes):
                    part.write(block)
                part.write(b"</sheetData></worksheet>")


def declare_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size a zip declares for `name`, in both of its headers.

    zipfile always writes the true size; a hostile tool need not.
    """
    patched = bytearray(data)
    encoded = name.encode()
    position = 0
    while (position := patched.find(b"PK\x01\x02", position)) != -1:
        name_length = struct.unpack_from("<H", patched, position + 28)[0]
        if bytes(patched[position + 46 : position + 46 + name_length]) == encoded:
            struct.pack_into("<I", patched, position + 24, size)  # central directory
            local = struct.unpack_from("<I", patched, position + 42)[0]
            struct.pack_into("<I", patched, local + 22, size)  # local file header
            return bytes(patched)
        position += 4
    raise AssertionError(f"{name} not in the zip")


@pytest.fixture(scope="module")
def bomb_dir(tmp_path_factory: pytest.TempPathFactory, campaign: Campaign) -> Path:
    """Built once: a 400 MB bomb, a 100 MB one, and the 400 MB one declaring a small size."""
    directory = tmp_path_factory.mktemp("bombs")
    data = filled(campaign, FormStamper(campaign))
    write_huge_sheet(data, directory / "bomb-400.xlsx", 400)
    write_huge_sheet(data, directory / "bomb-100.xlsx", 100)
    (directory / "bomb-lies.xlsx").write_bytes(
        declare_size((directory / "bomb-400.xlsx").read_bytes(), ACT_SHEET, 9_764)
    )
    return directory


@limited
def test_zip_bombs_are_refused_before_unpacking(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper, bomb_dir: Path
) -> None:
    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    for bomb in bomb_dir.iterdir():
        (inbox / bomb.name).write_bytes(bomb.read_bytes())
        with zipfile.ZipFile(bomb) as archive:
            info = archive.getinfo(ACT_SHEET)
        assert bomb.stat().st_size < 1024 * 1024  # each one fits in an e-mail
        if bomb.name != "bomb-lies.xlsx":
            assert info.file_size > 100 * 1000 * 1000

    result = validate_limited(inbox)

    files = result["files"]
    assert result["peak_mb"] < 512  # nothing was unpacked
    assert_good_form_ok(files)
    # Over the total bound (200 MB), and under it but over the ratio bound (200:1).
    assert "395 MB" in only_issue(files["bomb-400.xlsx"], "file_too_large")
    assert "98 MB" in only_issue(files["bomb-100.xlsx"], "file_too_large")
    # Declaring 9.5 KB for 400 MB: zipfile and calamine both stop at the declared size.
    only_issue(files["bomb-lies.xlsx"], "file_corrupt")


def far_value(sheet_xml: bytes, row: str) -> bytes:
    """Add one more row holding a value, right before the end of the sheet's data."""
    return sheet_xml.replace(b"</sheetData>", row.encode() + b"</sheetData>", 1)


def ods_repeated_values(rows: int, columns: int) -> bytes:
    """A tiny .ods whose one cell is repeated over rows x columns (ODF's number-*-repeated)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="1. Hoạt động">'
        f'<table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" '
        'office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
        "</table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST, zipfile.ZIP_DEFLATED)
    return out.getvalue()


ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


# An .xls (BIFF8) holding 1 in A1 and 2 in IV65536, its last cell: LibreOffice 7.4 converted it
# from an openpyxl workbook (soffice --convert-to xls). zlib, then base64.
FAR_XLS = (
    "eNrtV01sVFUUPvfNdPpmKO1roYotrSOJUtqBQEi0/mAHCgKJpgbrT0wTGcZXOjJ0JsOYwEJ5iGwMJBoWuiAxJF2YmIiG"
    "RBea2O5YaHTDQqNJYaXBxdNoDAv6/M5595XXsZPMDKhR50zOPW/O/Tn3nr977tdfdc6f/6jnClXAwxShBS9OsRBPAc3g"
    "j0VkaN6C53kB22vCvwpuaMo2jMJ+LUC2eau2a1zTJvw3YR8V8CtTknbRNGiJjlE9cAc8JrxeLXMWahxXKzTlNy6f8zfn"
    "8QiwMv4513P8J4ArgG3AlcB2YId/BVAnsAu4Crga2C0+QXQncI2W1aMpYx+++4F3a949oOuaOeYfg7gJK8Za6NOVX7DJ"
    "xfZX4BEfRufEL64CJ6jIvjGayWeTfxfskD1kFO9hFk66DV+KzoHbTheE+5m028T7AGlKDmuPfs5Iy97PSLtO2nbi+Z/I"
    "nG+FswV++J14+ZsSBIpa1ShlKE85OoA8mMOIHrrE8XVcRnB0qO3Sw6Nupbc/2kYzHGO77Wm7lMnPS+zM0G9eMhSns0nm"
    "83Th/1ob36iTT/87/gx0t5yeh/zxbiV/QxV+qgp/sAo//if+WQNx5ZDH1HIiQjudmNAuJyp0ldMqdLXT4u0X/z2FLDwe"
    "FZ+ip6Zsu3wa4anwm1MmkGj8jKJr9DwnaXefiIq5nIw5ioOiPYxbaYXLYfQ5gsGkEwpJ35xVabRp6v/Z8tO+ifRvIq2b"
    "vyPzZ81uypo3VditqcF3hZ9TrCU5pQ2CX8SGOAo7ZRMWRG0cXXvt6v09Iy8I37n5uqB7WTOUUifQMxcdlBlD0r4mY4O7"
    "5qTwXpf2vsX5P4ysD30PLH67IxtC3+eRG+LYFYnyDEhLqTVtsZNz++dHAqroafSY9IrcfqTeMDv0SdtDNyg3pmHp/yk/"
    "4lUHvSr64NuSdcAj5OpVS0cwr0Nu2Z/oSdaRu8fXj2sG60d5jYi7WdaKugPCj7vWMre7QQmZx3P4Nn/U6KKPY36KJHpE"
    "zkvUx+uFDgA4COseNMMLqaCiSFStJRRu7kjCr0Es0/D92u96rBfNE7lsqXCkMFlO7jqatfPJBx/YOJ45YOfztqhkR25y"
    "cvhWah/le3TDsMDmWGYJVsr8qXd/uT42Zb3/lklD6y9+w9p/R9dGSuuTvXSPrpMmtKamdL1U1jWTo+um07rW+vGGXwPx"
    "nELRni4eO5onXRdx/2a9dgCV386Fct9Dx79X4e/bfX7mGJe/vHxuU6919m2cP3X9g52ccSp4E7rOC1KJFTrj47quZEjq"
    "/mHdnw7Vnqyr7cXiM3bpSK4wvVRHrN+tm7ZQE/4auJ3vP7F/RQ5Ybg77xKxONM9CeokOoeLifRyqe/9d8BZD+4lXx7tq"
    "MBbE+SjkHkaFO4Y9vNSQ/EjoDVbLnLuAexfzzBjqQbth+yUgv973X69+q+kKgl7G+Q+jLmXb74UXTIpNmFNGvVoApzoM"
    "aPktdeh/LfDSovydkJCVPdjigfXtZ7iB83Mueq/5/hf4AwemEzc="
)


@limited
def test_one_far_value_does_not_allocate_the_whole_sheet(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """calamine makes one dense grid from the first value to the last: a value in XFD1048576
    asks for 17 billion cells, and a failed allocation aborts the process, not just the file."""
    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    data = filled(campaign, stamper)
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    (inbox / "o-xa.xlsx").write_bytes(
        rezip(data, lambda n, d: far_value(d, far) if n == ACT_SHEET else d)
    )
    # The same with cells written without their address (each follows the previous one).
    unaddressed = '<row r="1048576">' + "<c><v>1</v></c>" * 2_000 + "</row>"
    (inbox / "o-xa-2.xlsx").write_bytes(
        rezip(data, lambda n, d: far_value(d, unaddressed) if n == ACT_SHEET else d)
    )
    (inbox / "lap-lai.ods").write_bytes(ods_repeated_values(1_000_000, 99))
    # An .xls is at most 65,536 x 256: calamine builds its grid (about 1 GB, for a moment),
    # thd refuses it before Python copies it.
    (inbox / "o-xa.xls").write_bytes(zlib.decompress(base64.b64decode(FAR_XLS)))
    # A stray value in the last row of a six-column sheet is an accident, not an attack: it reads.
    stray = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    (inbox / "go-nham.xlsx").write_bytes(
        rezip(
            filled(campaign, stamper, code="CHODON"),
            lambda n, d: far_value(d, stray) if n == "xl/worksheets/sheet4.xml" else d,
        )
    )

    files = validate_limited(inbox)["files"]

    assert_good_form_ok(files)
    assert "XFD1048576" in only_issue(files["o-xa.xlsx"], "file_too_large")
    assert "BXX1048576" in only_issue(files["o-xa-2.xlsx"], "file_too_large")
    assert "CU1000000" in only_issue(files["lap-lai.ods"], "file_too_large")
    assert "IV65536" in only_issue(files["o-xa.xls"], "file_too_large")
    stray_file = files["go-nham.xlsx"]
    assert stray_file["ok"] and stray_file["agency"] == "CHODON", stray_file["issues"]
    assert stray_file["totals"] == {k: list(v) for k, v in DEFAULT_TOTALS.items()}


# --------------------------------------------------------------- 2. XML entity expansion

LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)  # &lol9; is 10^9 "lol": 3 GB


def with_laughs(xml: bytes, old: bytes, new: bytes) -> bytes:
    """The DTD before the root element, and `old` replaced by `new` (which uses &lol9;)."""
    assert old in xml
    body = xml.replace(old, new, 1)
    if body.startswith(b"<?xml"):
        declaration, rest = body.split(b"?>", 1)
        return declaration + b"?>" + LAUGHS + rest
    return LAUGHS + body


def laughs_in_shared_strings(data: bytes) -> bytes:
    """The item name of row 7 moved to a new sharedStrings.xml that expands &lol9;."""
    strings = (
        b'<?xml version="1.0" encoding="UTF-8"?>' + LAUGHS + b'<sst xmlns="http://schemas.'
        b'openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;'
        b"</t></si></sst>"
    )
    relationship = (
        b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
    )
    content_type = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    row7 = re.compile(rb'<c r="B7" s="(\d+)" t="inlineStr"><is><t>[^<]*</t></is></c>')

    def change(name: str, part: bytes) -> bytes:
        if name == ACT_SHEET:
            assert row7.search(part)
            return row7.sub(rb'<c r="B7" s="\1" t="s"><v>0</v></c>', part, count=1)
        if name == "xl/_rels/workbook.xml.rels":
            return part.replace(b"</Relationships>", relationship)
        if name == "[Content_Types].xml":
            return part.replace(b"</Types>", content_type)
        return part

    return with_part(rezip(data, change), "xl/sharedStrings.xml", strings)


@limited
def test_entity_bombs_are_refused_by_calamine(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """calamine refuses entity declarations it would have to expand ("unrecognized entity");
    thd turns that into `file_corrupt` for the file, whichever part holds the bomb."""
    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    data = filled(campaign, stamper)

    def in_sheet(name: str, part: bytes) -> bytes:  # the item "Tập huấn" becomes &lol9;
        item = b"<t>T&#7853;p hu&#7845;n</t>"
        return with_laughs(part, item, b"<t>&lol9;</t>") if name == ACT_SHEET else part

    (inbox / "lol-sheet.xlsx").write_bytes(rezip(data, in_sheet))
    (inbox / "lol-strings.xlsx").write_bytes(laughs_in_shared_strings(data))

    # Declared but never used: nothing to expand, the file reads as it is.
    def declared_only(name: str, part: bytes) -> bytes:
        return with_laughs(part, b"<sheetData>", b"<sheetData>") if name == ACT_SHEET else part

    (inbox / "dtd.xlsx").write_bytes(rezip(filled(campaign, stamper, code="CHODON"), declared_only))

    files = validate_limited(inbox)["files"]

    assert_good_form_ok(files)
    assert "1. Hoạt động" in only_issue(files["lol-sheet.xlsx"], "file_corrupt")
    only_issue(files["lol-strings.xlsx"], "file_corrupt")
    assert files["dtd.xlsx"]["ok"] and files["dtd.xlsx"]["agency"] == "CHODON"
    assert files["dtd.xlsx"]["totals"] == {k: list(v) for k, v in DEFAULT_TOTALS.items()}


def test_openpyxl_never_parses_an_agency_file(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """An entity bomb where calamine never looks (docProps/core.xml) but openpyxl would: the
    annotated copy is still written, because it is a fresh form filled from calamine's values."""
    import openpyxl.xml
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    assert openpyxl.xml.DEFUSEDXML is True  # openpyxl's own guard, should it ever be used
    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    data = filled(campaign, stamper, SampleReport(signer_name=None))  # a warning: annotated
    creator = b'<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">thd</dc:creator>'
    bomb = b'<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">&lol9;</dc:creator>'
    hostile = inbox / "lol-core.xlsx"
    hostile.write_bytes(
        rezip(data, lambda n, d: with_laughs(d, creator, bomb) if n == "docProps/core.xml" else d)
    )
    refusals: list[type[Exception]] = [DefusedXmlException]
    if openpyxl.xml.LXML:  # libxml2 has its own guard against entity amplification
        from lxml.etree import XMLSyntaxError

        refusals.append(XMLSyntaxError)
    with pytest.raises(tuple(refusals)):
        load_workbook(hostile)  # what would happen if annotate.py opened it with openpyxl

    out = tmp_path / "out"
    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out), "--json"])

    assert result.exit_code == 0, result.output
    assert [p.name for p in out.glob("*.xlsx")] == ["lol-core_can-sua.xlsx"]
    report = json.loads(result.stdout)
    issues = {Path(f["path"]).name: [i["code"] for i in f["issues"]] for f in report["files"]}
    assert issues == {"good.xlsx": [], "lol-core.xlsx": ["missing_signer"]}


# -------------------------------------------------------------- 3. big and odd values


def many_rows(count: int) -> tuple[bytes, tuple[int, int, int]]:
    """Rows 7.. of the activities sheet: `count` distinct activities; and their sums."""
    rows, sums = [], [0, 0, 0]
    for i in range(count):
        r = 7 + i
        figures = (i % 9 + 1, i % 97, i % 89)
        sums = [s + f for s, f in zip(sums, figures, strict=True)]
        rows.append(
            f'<row r="{r}"><c r="A{r}"><v>{i + 1}</v></c>'
            f'<c r="B{r}" t="inlineStr"><is><t>Hoạt động số {i + 1}</t></is></c>'
            f'<c r="C{r}"><v>{figures[0]}</v></c><c r="D{r}"><v>{figures[1]}</v></c>'
            f'<c r="E{r}"><v>{figures[2]}</v></c>'
            f'<c r="F{r}" t="inlineStr"><is><t>{("Tỉnh", "Huyện", "Xã")[i % 3]}</t></is></c></row>'
        )
    return "".join(rows).encode(), (sums[0], sums[1], sums[2])


@limited
def test_a_hundred_thousand_rows_are_read_within_the_memory_limit(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    xml, sums = many_rows(100_000)

    def change(name: str, data: bytes) -> bytes:
        if name != ACT_SHEET:
            return data
        head, rest = data.split(b'<row r="7">', 1)
        return head + xml + rest[rest.index(b"</sheetData>") :]

    (inbox / "nhieu-dong.xlsx").write_bytes(rezip(filled(campaign, stamper), change))

    files = validate_limited(inbox)["files"]

    assert_good_form_ok(files)
    big = files["nhieu-dong.xlsx"]
    assert big["ok"] and big["issues"] == [], big["issues"][:5]
    assert big["rows"]["activities"] == 100_000
    assert big["totals"]["activities"] == list(sums)


def test_big_and_odd_values(tmp_path: Path, campaign: Campaign, stamper: FormStamper) -> None:
    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    # 1 MB in one cell: more than Excel (and openpyxl) put in a cell, so written into the XML.
    narrative = "Tổ chức tuyên truyền về bình đẳng giới tại các thôn, bản. " * 18_000
    marked = SampleReport(narratives={**SampleReport().narratives, "direction": "@@LONG@@"})
    (inbox / "van-ban-dai.xlsx").write_bytes(
        rezip(
            filled(campaign, stamper, marked, code="CHODON"),
            lambda n, d: d.replace(b"@@LONG@@", narrative.encode()) if "sheet2" in n else d,
        )
    )
    huge = SampleReport(budget_state=10**30)
    huge.tables["activities"] = [SampleRow("Tập huấn", 1e30, "1" + "0" * 30, "9" * 5_000, "Xã")]
    (inbox / "so-lon.xlsx").write_bytes(filled(campaign, stamper, huge))
    far_future = SampleReport(report_date=date(9999, 12, 31))
    (inbox / "nam-9999.xlsx").write_bytes(filled(campaign, stamper, far_future, code="PACNAM"))

    report = validate_inbox(inbox, campaign)

    by_name = {f.path.name: f for f in report.files}
    assert by_name["good.xlsx"].ok
    text = by_name["van-ban-dai.xlsx"]
    assert text.ok and text.submission is not None
    assert text.submission.narratives["direction"] == narrative.strip()
    assert len(text.submission.narratives["direction"]) > 1_000_000
    found = [(i.code, i.sheet, i.cell) for i in by_name["so-lon.xlsx"].issues]
    assert found == [
        ("number_too_large", INFO, f"B{form.info_row('budget_state')}"),
        ("number_too_large", ACT, "C7"),
        ("number_too_large", ACT, "D7"),
        ("number_too_large", ACT, "E7"),  # 5,000 digits: more than int() accepts from text
    ]
    late = by_name["nam-9999.xlsx"]
    assert late.ok and late.submission is not None
    assert late.submission.report_date == date(9999, 12, 31)
    assert [i.code for i in late.issues] == ["late_report"]


def test_every_bad_row_is_reported_in_linear_time(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """20,000 rows each with an error. Counting the errors anew for each row made this 50 s
    (quadratic); it now takes about as long as 20,000 good rows."""
    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    xml, _ = many_rows(20_000)
    as_text = rb'<c r="\1" t="inlineStr"><is><t>kho&#7843;ng \2</t></is></c>'  # "khoảng 2"
    xml = re.sub(rb'<c r="(C\d+)"><v>(\d)</v></c>', as_text, xml)

    def change(name: str, data: bytes) -> bytes:
        if name != ACT_SHEET:
            return data
        head, rest = data.split(b'<row r="7">', 1)
        return head + xml + rest[rest.index(b"</sheetData>") :]

    (inbox / "nhieu-loi.xlsx").write_bytes(rezip(filled(campaign, stamper), change))

    report = validate_inbox(inbox, campaign)

    bad = next(f for f in report.files if f.path.name == "nhieu-loi.xlsx")
    assert len(bad.errors) == 20_000
    assert {i.code for i in bad.issues} == {"not_a_number"}
    assert next(f for f in report.files if f.path.name == "good.xlsx").ok


# ----------------------------------------------- 4. formula injection, names of files written

INJECTED = ("=1+1", "+SUM(A1:A9)", "-2+3", "@A1", '=HYPERLINK("http://example.com","bấm")')


def as_text(cells: dict[tuple[str, str], str]) -> Callable[[Any], None]:
    """An edit typing each value as text, as Excel stores '=1+1 (never as a formula)."""

    def edit(workbook: Any) -> None:
        for (sheet, address), value in cells.items():
            set_value(workbook[sheet][address], value)

    return edit


def test_agency_text_stays_text_in_annotated_copies(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    from openpyxl import load_workbook

    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    planted = {(INFO, f"B{form.info_row('report_number')}"): "=1+2"}
    planted[(INFO, f"B{form.info_row('signer_name')}")] = "@Nguyễn Văn A"
    planted[(INFO, f"B{form.info_row('direction')}")] = INJECTED[4]
    planted[(INFO, f"B{form.info_row('results')}")] = "-Nhận thức được nâng lên"
    report = SampleReport(budget_state="nhiều triệu")  # an error, so a copy is written
    report.tables["activities"] = []
    for offset, text in enumerate(INJECTED[:4]):
        row = 7 + offset
        report.tables["activities"].append(SampleRow(None, 1, 10, 10, "Xã"))
        planted[(ACT, f"B{row}")] = text
    (inbox / "cong-thuc.xlsx").write_bytes(
        fill_bytes(blank(campaign, stamper), report, edit=as_text(planted))
    )
    out = tmp_path / "out"

    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)])

    assert result.exit_code == 1, result.output
    copy = out / "cong-thuc_can-sua.xlsx"
    workbook = load_workbook(copy)
    for (sheet, address), text in planted.items():
        cell = workbook[sheet][address]
        assert (cell.value, cell.data_type) == (text, "s"), (sheet, address)
    # The only formulas are the form's own (its header and signature blocks), unchanged.
    form_book = load_workbook(io.BytesIO(blank(campaign, stamper)))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert (sheet.title, cell.coordinate) not in planted
                    assert cell.value == form_book[sheet.title][cell.coordinate].value


def meta_deleted(data: bytes, typed_name: str) -> bytes:
    """The form with its metadata sheet deleted and the agency name retyped (control
    characters arrive as Excel stores them: _x0001_)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    del workbook[form.SHEET_META]
    workbook[INFO][f"B{form.info_row('agency_name')}"] = typed_name
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_files_written_are_named_after_the_source_file_only(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    warned = SampleReport(signer_name=None)
    odd_names = {
        "[Báo cáo] Ba Bể (bản cuối) .xlsx": "BABE",
        "-n --force Chợ Đồn.xlsx": "CHODON",
        "Báo cáo   Pác Nặm; $HOME `x`.xlsx": "PACNAM",
    }
    for name, code in odd_names.items():
        (inbox / name).write_bytes(filled(campaign, stamper, warned, code=code))
    # Typed names: one that must not be matched (nor become a path), one that still matches
    # once its control characters are dropped.
    escape = "../../thoat-ra/..\\..\\C:\\Windows:_x0001__x0007_/UBND huyện Ngân Sơn"
    (inbox / "go-lai-1.xlsx").write_bytes(
        meta_deleted(filled(campaign, stamper, warned, code="NGANSON"), escape)
    )
    (inbox / "go-lai-2.xlsx").write_bytes(
        meta_deleted(
            filled(campaign, stamper, warned, code="CHOMOI"), "UBND huyện_x0007_ Chợ Mới_x0001_"
        )
    )
    before = {p for p in tmp_path.rglob("*")}
    out = tmp_path / "out" / "ban-danh-dau"

    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out), "--json"])

    assert result.exit_code == 1, result.output  # go-lai-1: unknown agency
    report = json.loads(result.stdout)
    codes = {Path(f["path"]).name: [i["code"] for i in f["issues"]] for f in report["files"]}
    assert codes["go-lai-1.xlsx"] == ["unknown_agency"]
    assert codes["go-lai-2.xlsx"] == ["form_retyped", "missing_signer"]
    new = {p for p in tmp_path.rglob("*")} - before
    assert {p for p in new if p.is_file()} == {
        out / f"{Path(name).stem}_can-sua{suffix}"
        for name in [*odd_names, "go-lai-2.xlsx"]
        for suffix in (".xlsx", ".docx")  # the marked copy and its covering letter
    }
    assert all(p == out or p == out.parent or p.parent == out for p in new)


def test_control_characters_are_dropped_when_read(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    """A cell can hold control characters (stored as _x001B_). Printed in a message, ESC and
    CSI would drive the officer's terminal; openpyxl and python-docx refuse them outright."""
    from openpyxl import load_workbook

    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    report = SampleReport(contact="Lan_x0001_, 0209_x001F_ 3870 123")
    report.tables["activities"] = [
        SampleRow("Tập_x0007_ huấn", 2, 40, 65, "Huyện"),
        SampleRow("Hội_x001B_[2J_x009B_0m thảo", 1, 10, 10, None),  # missing_level quotes it
    ]
    (inbox / "ky-tu-dieu-khien.xlsx").write_bytes(filled(campaign, stamper, report))
    out = tmp_path / "out"

    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)])

    assert result.exit_code == 1, result.output
    assert "Hội[2J0m thảo" in result.stdout
    for control in ("\x1b[2J", "\x9b", "\x07", "\x01", "\x1f"):  # (rich may colour: ESC[...m)
        assert control not in result.output
    workbook = load_workbook(out / "ky-tu-dieu-khien_can-sua.xlsx")
    assert [workbook[ACT]["B7"].value, workbook[ACT]["B8"].value] == ["Tập huấn", "Hội[2J0m thảo"]
    assert workbook[INFO][f"B{form.info_row('contact')}"].value == "Lan, 0209 3870 123"


# ----------------------------------------------------------------------------- 5. macros


def with_macros(data: bytes) -> bytes:
    """The form as Excel saves an .xlsm: a VBA project, its relationship and content types."""
    relationship = (
        b'<Relationship Id="rIdVba" Target="vbaProject.bin" Type="http://schemas.microsoft.com/'
        b'office/2006/relationships/vbaProject"/></Relationships>'
    )
    vba_type = (
        b'<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.'
        b'vbaProject"/></Types>'
    )
    sheet_type = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    macro_type = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"

    def change(name: str, part: bytes) -> bytes:
        if name == "xl/_rels/workbook.xml.rels":
            return part.replace(b"</Relationships>", relationship)
        if name == "[Content_Types].xml":
            assert sheet_type in part
            return part.replace(sheet_type, macro_type).replace(b"</Types>", vba_type)
        return part

    vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088)  # an empty OLE container
    return with_part(rezip(data, change), "xl/vbaProject.bin", vba)


def test_xlsm_reads_as_data_and_its_copy_has_no_macros(
    tmp_path: Path, campaign: Campaign, stamper: FormStamper
) -> None:
    inbox = inbox_with_good_form(tmp_path, campaign, stamper)
    (inbox / "bao cao.xlsm").write_bytes(
        with_macros(filled(campaign, stamper, SampleReport(signer_name=None)))
    )
    out = tmp_path / "out"

    result = runner.invoke(app, ["validate", str(inbox), "--annotate", str(out)])
    report = validate_inbox(inbox, campaign)

    assert result.exit_code == 0, result.output
    macro = next(f for f in report.files if f.path.suffix == ".xlsm")
    assert macro.agency_code == "BABE" and macro.ok and macro.submission is not None
    assert [i.code for i in macro.issues] == ["missing_signer"]
    assert macro.submission.tables["activities"][0].female == 65
    assert next(f for f in report.files if f.path.name == "good.xlsx").ok
    assert [p.name for p in out.glob("*.xlsx")] == ["bao cao_can-sua.xlsx"]
    with zipfile.ZipFile(out / "bao cao_can-sua.xlsx") as archive:
        assert not [n for n in archive.namelist() if "vba" in n.lower()]
        assert b"macroEnabled" not in archive.read("[Content_Types].xml")
