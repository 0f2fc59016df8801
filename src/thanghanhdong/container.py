"""Bytes -> the file's real format, refused early if hostile or unusable.

Looks at bytes only (magic numbers, the zip's central directory, the sheet parts' cell extents)
so that nothing is ever asked to parse a zip bomb, an entity bomb, an encrypted package or a
grid of billions of cells. Every refusal is a `FileError` built from `messages.py`.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from enum import Enum
from pathlib import Path, PurePath
from typing import Any

from thanghanhdong import messages
from thanghanhdong.model import FileError, Issue, column_letter

# What a browser names a download until it is complete (Chrome and Edge, Firefox, old Edge,
# Safari, Opera): "BC So Y te.xlsx.crdownload" is part of a form, never a report.
INCOMPLETE_DOWNLOADS = frozenset({".crdownload", ".part", ".partial", ".download", ".opdownload"})
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".fods", ".gnumeric"})
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# A filled form unpacks to well under 1 MB; these bounds stop zip bombs before any XML is parsed.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
# calamine turns a sheet into one dense grid spanning its farthest values: a single value in
# XFD1048576 of a 20 KB file asks for 17 billion cells and aborts the process (no exception).
# All the sheets of a workbook together: 10 million cells is about 600 MB read into Python; a
# stray value in row 1048576 of a six-column table (6.3 million) still reads.
MAX_CELLS = 10_000_000


def file_error(variant: str, **values: Any) -> FileError:
    code, severity, message = messages.file_problem(variant, **values)
    return FileError(Issue(code, severity, message))


class Format(str, Enum):
    """A file's real format, from its bytes (the extension may lie)."""

    XLSX = "xlsx"  # also .xlsm: an OOXML workbook
    XLS = "xls"  # BIFF in an OLE container
    ODS = "ods"
    ROLLUP = "rollup"  # a lower level's data file (readers/rollup.py), by its .json name
    DOCX = "docx"  # a Word report (OOXML)
    CONVERTIBLE = "doc"  # .doc, .rtf, .odt: read after LibreOffice turns it into .docx
    PDF = "pdf"
    EML = "eml"  # an e-mail saved from the mail client: its attachments are the answers
    MSG = "msg"  # an e-mail saved from Outlook (an OLE file): read like an .eml
    ZIP = "zip"  # an archive of answers
    PICTURE = "picture"  # a photo or scan of the signed report: no text to read


WORD_SUFFIXES = frozenset({".docx", ".docm", ".doc", ".rtf", ".odt", ".dotx", ".dot", ".wps"})
PICTURE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".webp"}
)
DOCUMENT_SUFFIXES = WORD_SUFFIXES | PICTURE_SUFFIXES | {".pdf", ".eml", ".msg", ".zip"}
MAIL_FORMATS = frozenset({Format.EML, Format.MSG})
MSG_PROPERTIES = "__properties_version1.0"
_PDF_MAGIC = b"%PDF-"
_RTF_MAGIC = b"{\\rtf"
_FOREIGN_ARCHIVES = {b"Rar!\x1a\x07": ".rar", b"7z\xbc\xaf\x27\x1c": ".7z"}  # not opened
_PICTURE_MAGIC = (
    b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM", b"II*\x00", b"MM\x00*", b"RIFF",
)  # fmt: skip


def load(path: Path) -> bytes:
    """The file's bytes, refused before reading when empty or far too large for a form."""
    size = path.stat().st_size
    if size == 0:
        raise file_error("empty")
    if size > MAX_FILE_BYTES:
        raise file_error("too_large", megabytes=size // (1024 * 1024))
    return path.read_bytes()


def check(name: str, data: bytes) -> Format:
    """The real format of a spreadsheet, after rejecting by its bytes alone what calamine should
    never be asked to parse."""
    suffix = PurePath(name).suffix.lower()
    if archive := _foreign_archive(suffix, data):
        raise file_error("foreign_archive" if data else "empty", suffix=archive)
    if suffix == ".json" and data:
        return Format.ROLLUP
    if suffix in DOCUMENT_SUFFIXES:
        if not data:
            raise file_error("empty")
        return _document_format(suffix, data)
    if suffix == ".xml" and spreadsheet_xml(data[:_XML_HEAD]):
        suffix = ".fods"  # Excel's XML Spreadsheet 2003, or a flat .ods named .xml: told below
    if suffix not in SPREADSHEET_SUFFIXES:
        if suffix in INCOMPLETE_DOWNLOADS:
            raise file_error("download_incomplete", suffix=suffix)
        if suffix == ".xlsb":
            raise file_error("xlsb")
        if found := by_content(data):
            return found  # a name without its extension: the bytes say what the file is
        raise file_error("unsupported", suffix=suffix or name)
    if not data:
        raise file_error("empty")
    if data.startswith(OLE_MAGIC):
        if is_msg(data):  # an Outlook message named .xls: an OLE file too, told by content
            return Format.MSG
        if suffix != ".xls" and _is_encrypted(data[:_ENCRYPTION_PROBE]):
            raise file_error("password")
        if _WORD_STREAM in data and _ole_root(data) == "word":  # olefile only when it may be
            return check("answer.doc", data)  # a Word 97 report saved under a workbook's name
        return Format.XLS
    if not data.startswith(ZIP_MAGIC):
        if _PDF_MAGIC in data[:1024]:
            return Format.PDF  # a report exported to PDF under its workbook's name
        if data.startswith(_GZIP_MAGIC) and suffix == ".gnumeric":
            raise file_error("gnumeric")
        kind = spreadsheet_xml(data[:_XML_HEAD])
        if kind == "fods":
            return _check_zip(flat_ods(data))
        if kind == "excel_2003":
            raise file_error("excel_2003_xml")
        if is_eml(data):
            return Format.EML  # a saved mail under a workbook's name
        raise file_error("not_office")
    return _check_zip(data)


_GZIP_MAGIC = b"\x1f\x8b"
_XML_HEAD = 4096
_FODS_ROOT = re.compile(rb"<office:document(?=[\s>])")
_FODS_END = b"</office:document>"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
    b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    b'<manifest:file-entry manifest:full-path="/" manifest:media-type="' + _ODS_MIMETYPE + b'"/>'
    b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    b"</manifest:manifest>"
)


def spreadsheet_xml(head: bytes) -> str | None:
    """ "fods" for a flat OpenDocument spreadsheet (LibreOffice's .fods: one XML file),
    "excel_2003" for Excel's XML Spreadsheet 2003, by the first bytes; None otherwise."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return None
    if _FODS_ROOT.search(text) and _ODS_MIMETYPE in text:
        return "fods"
    if b"urn:schemas-microsoft-com:office:spreadsheet" in text or b"Excel.Sheet" in text:
        return "excel_2003"
    return None


def spreadsheet_file(path: Path) -> bool:
    """Whether a file named as a note (.xml) is a spreadsheet saved as XML (an answer)."""
    try:
        with path.open("rb") as handle:
            return spreadsheet_xml(handle.read(_XML_HEAD)) is not None
    except OSError:
        return False


def flat_ods(data: bytes) -> bytes:
    """A flat .fods as the .ods package LibreOffice would save: its document as content.xml
    (root renamed), beside the mimetype and a manifest. No entity is ever expanded: a document
    type declaration is refused."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise file_error("not_office")
    content = _FODS_ROOT.sub(b"<office:document-content", data, count=1)
    end = content.rfind(_FODS_END)
    if end != -1:
        content = content[:end] + b"</office:document-content>" + content[end + len(_FODS_END) :]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        package.writestr("mimetype", _ODS_MIMETYPE)
        package.writestr("META-INF/manifest.xml", _MANIFEST)
        package.writestr("content.xml", content)
    return out.getvalue()


def by_content(data: bytes) -> Format | None:
    """The format of an answer whose name does not tell it (no extension, "BC.xlsx.octet-stream",
    a name a mail program cut short), by its bytes alone; None when they are no answer thd reads.
    What is found goes through every check of its format."""
    if is_eml(data):
        return Format.EML  # a mail saved as "Bao cao SYT", "baocao.eml.txt"
    if _PDF_MAGIC in data[:1024]:
        return Format.PDF
    if data.startswith(OLE_MAGIC):
        if is_msg(data):
            return Format.MSG
        root = _ole_root(data)
        if root == "excel":
            return check("answer.xls", data)
        if root == "word":
            return check("answer.doc", data)
        return None
    if data.startswith(_RTF_MAGIC):
        return Format.CONVERTIBLE
    if not data.startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, RuntimeError, EOFError):
        return None
    if mimetype.startswith(_ODT_MIMETYPE):
        return check("answer.odt", data)
    if names & {"word/document.xml", "xl/workbook.xml", "xl/workbook.bin", "content.xml"}:
        return check("answer.xlsx", data)  # a Word report or a workbook: told apart there
    return None


# The format each content calls for, by the program that opens it: a workbook saved as .xls
# or .ods is still opened by Excel; a Word report named .xlsx is not.
_FAMILIES = {
    Format.XLSX: "excel",
    Format.XLS: "excel",
    Format.ODS: "excel",
    Format.DOCX: "word",
    Format.CONVERTIBLE: "word",
    Format.PDF: "pdf",
    Format.MSG: "msg",
    Format.EML: "eml",
}
_FAMILY_SUFFIXES = {
    "excel": SPREADSHEET_SUFFIXES,
    "word": WORD_SUFFIXES,
    "pdf": frozenset({".pdf"}),
    "msg": frozenset({".msg"}),
    "eml": frozenset({".eml"}),
}
_FAMILY_EXTENSIONS = {
    "excel": ".xlsx", "word": ".docx", "pdf": ".pdf", "msg": ".msg", "eml": ".eml",
}  # fmt: skip


def misnamed(name: str, kind: Format) -> str | None:
    """The extension `name` should have (".xlsx", ".docx", ".pdf", ".msg", ".eml") when its own is not
    one of the program that opens what it holds: the officer's double click would fail."""
    family = _FAMILIES.get(kind)
    if family is None or PurePath(name).suffix.lower() in _FAMILY_SUFFIXES[family]:
        return None
    if kind is Format.CONVERTIBLE:
        return ".doc"
    if kind is Format.ODS:
        return ".ods"
    if kind is Format.XLS:
        return ".xls"
    return _FAMILY_EXTENSIONS[family]


def _foreign_archive(suffix: str, data: bytes) -> str | None:
    """ ".rar" or ".7z" for an archive thd does not open, by its bytes (whatever its name) or name."""
    by_bytes = _FOREIGN_ARCHIVES.get(data[:6])
    return by_bytes or (suffix if suffix in _FOREIGN_ARCHIVES.values() else None)


def _document_format(suffix: str, data: bytes) -> Format:
    """The real format of a file sent as a document, by its first bytes: a PDF named .docx is a
    PDF; a workbook named .docx goes through every check of a workbook."""
    head = data[:1024]
    if _PDF_MAGIC in head:
        return Format.PDF
    if data.startswith(ZIP_MAGIC):
        return _document_zip(suffix, data)
    if data.startswith(OLE_MAGIC) and is_msg(data):
        return Format.MSG
    if suffix != ".eml" and is_eml(data):
        return Format.EML  # a mail's text saved as "thu.msg" (or as "thu.docx")
    if suffix == ".msg":
        if data.startswith(OLE_MAGIC) and _WORKBOOK_STREAM in data:
            return check("workbook.xls", data)  # a workbook renamed .msg
        raise file_error("not_msg")  # not an Outlook file: a note, a damaged copy
    if data.startswith(OLE_MAGIC) or data.startswith(_RTF_MAGIC):
        if data.startswith(OLE_MAGIC) and _is_encrypted(data[:_ENCRYPTION_PROBE]):
            raise file_error("password")
        return Format.CONVERTIBLE
    if suffix in (".doc", ".docx") and _is_html(head):
        # A web page saved with a Word name (an e-office system's "export to Word", "Save as Web
        # Page" renamed): LibreOffice reads it as Word does.
        return Format.CONVERTIBLE
    if suffix == ".eml":
        return Format.EML
    if data.startswith(_PICTURE_MAGIC) or suffix in PICTURE_SUFFIXES:
        return Format.PICTURE
    raise file_error("not_office")


_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)


def _is_html(head: bytes) -> bool:
    return bool(_HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")))


def _document_zip(suffix: str, data: bytes) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as exc:
        raise file_error("bad_zip") from exc
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        _check_unpacked(infos)
        return Format.DOCX
    if "content.xml" in names and suffix == ".odt":
        _check_unpacked(infos)
        return Format.CONVERTIBLE
    if "xl/workbook.xml" in names or "content.xml" in names:
        return _check_zip(data)  # a workbook sent under a document's name
    if suffix == ".zip":
        _check_unpacked(infos)
        return Format.ZIP
    raise file_error("not_office")


def _check_unpacked(infos: list[zipfile.ZipInfo]) -> None:
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > MAX_UNPACKED_BYTES or (
        unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO
    ):
        raise file_error("unpacks_too_large", megabytes=unpacked // (1024 * 1024))


_WORKBOOK_STREAM = "Workbook".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def _ole_root(data: bytes) -> str | None:
    """ "excel" for an OLE file holding a workbook stream at its root (Excel 97 and later:
    Workbook; Excel 95: Book), "word" for one holding a Word document and no workbook, None
    otherwise (a damaged file included). Stream names are looked up in the directory: the
    bytes of "Book" turn up in a Word file's own text tables."""
    if _WORD_STREAM not in data and _WORKBOOK_STREAM not in data and _BOOK not in data:
        return None
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("Workbook") or ole.exists("Book"):
                return "excel"
            return "word" if ole.exists("WordDocument") else None
    except Exception:  # damaged: read as what its name says, with that format's errors
        return None


_BOOK = "Book".encode("utf-16-le")
_MSG_NAMES = (MSG_PROPERTIES.encode("utf-16-le"), "__substg1.0_".encode("utf-16-le"))


def is_msg(data: bytes) -> bool:
    """An OLE file whose root holds a message's property streams (MS-OXMSG): a .xls or a .doc
    is an OLE file too, and holds none (a mail embedded in one is not at its root)."""
    if not data.startswith(OLE_MAGIC) or not all(n in data for n in _MSG_NAMES):
        return False
    import olefile  # only files that look like mails pay for the import

    from thanghanhdong.readers.xls import plausible_header

    if not plausible_header(data):
        return False
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return bool(ole.exists(MSG_PROPERTIES))
    except Exception:  # damaged: read as what its name says, with that format's errors
        return False


# A mail's header block: RFC 5322 fields (a name of printable ASCII but ":", then ":"), lines
# folded with a space or tab. Read within its first bytes only (a long Received chain included).
_MAIL_HEAD = 64 * 1024
_FIELD = re.compile(rb"([!-9;-~]{1,76})[ \t]*:")
_MBOX_LINE = b"From "
_MBOX_NEXT = re.compile(rb"\r?\n\r?\nFrom ")
# What a mail system writes and nobody types: a note starting "From: ... Sent: ... To: ...
# Subject:" (Outlook's "Save as text", a forward's header pasted in a memo) has none of them.
_TRANSPORT_FIELDS = frozenset({b"received", b"return-path", b"message-id", b"mime-version"})
MIN_MAIL_FIELDS = 3


def is_eml(data: bytes) -> bool:
    """A mail saved as RFC 822 text whatever its name ("Bao cao SYT", "baocao.eml.txt", "thu.msg"):
    before the first blank line, nothing but header fields (after an mbox "From " line or a
    BOM), at least three of them, a From, and one only mail systems write (Received,
    Return-Path, Message-ID, MIME-Version). A note (even one pasting a mail's From, Date, To and
    Subject), a .csv, a saved page are none; nor an mbox of several mails (not one mail)."""
    head = data[:_MAIL_HEAD].removeprefix(b"\xef\xbb\xbf")
    if not head[:1].isalpha():
        return False  # the quick way out for every other file
    if head.startswith(_MBOX_LINE):
        if _MBOX_NEXT.search(data):
            return False
        head = head.partition(b"\n")[2]
    names: set[bytes] = set()
    for line in head.split(b"\n")[:-1]:  # the last one is cut short, or after the last end
        line = line.removesuffix(b"\r")
        if not line:
            break  # the end of the headers
        if line[:1] in (b" ", b"\t"):
            if not names:
                return False
            continue
        field = _FIELD.match(line)
        if field is None:
            return False
        names.add(field[1].lower())
    else:
        return False  # no blank line: headers never end (or a file cut short)
    return len(names) >= MIN_MAIL_FIELDS and b"from" in names and bool(names & _TRANSPORT_FIELDS)


def mail_file(path: Path) -> bool:
    """Whether a file named as a note ("baocao.eml.txt", "thu.txt") is a saved mail: RFC 822
    text (`is_eml`) or an Outlook message (`is_msg`)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_MAIL_HEAD)
            if is_eml(head):
                return True
            if not head.startswith(OLE_MAGIC) or path.stat().st_size > MAX_FILE_BYTES:
                return False
            return is_msg(head + handle.read())
    except OSError:
        return False


def is_encrypted(data: bytes) -> bool:
    return _is_encrypted(data[:_ENCRYPTION_PROBE])


_ENCRYPTION_PROBE = 1024 * 1024
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# BIFF8 workbook globals: BOF (0x0809, 16 bytes, version 0x0600, type 0x0005); an encrypted .xls
# has FILEPASS (0x002F) as the very next record.
_BIFF8_BOF = b"\x09\x08\x10\x00\x00\x06\x05\x00"
_FILEPASS = b"\x2f\x00"


def _is_encrypted(head: bytes) -> bool:
    """An OLE file that is an encrypted OOXML package (it holds the stream "EncryptedPackage",
    UTF-16 name) or a password-protected .xls."""
    if not head.startswith(OLE_MAGIC):
        return False
    if _ENCRYPTED_PACKAGE in head:
        return True
    bof = head.find(_BIFF8_BOF)
    return bof != -1 and head[bof + 20 : bof + 22] == _FILEPASS


class Inflated:
    """The sheet parts `check` inflated from one workbook's bytes, kept for its reader."""

    def __init__(self, data: bytes, infos: list[zipfile.ZipInfo]) -> None:
        self.data = data
        self.infos = infos
        self.parts: dict[str, bytes] = {}  # part name -> its bytes, as far as MAX_KEPT allows
        self.kept = 0

    def keep(self, name: str, part: bytes) -> None:
        if self.kept + len(part) <= MAX_KEPT:
            self.parts[name] = part
            self.kept += len(part)


# A form's sheet parts unpack to well under 1 MB: past this, a reader inflates them itself
# rather than a process holding a large workbook's parts between two files.
MAX_KEPT = 16 * 1024 * 1024
_last: Inflated | None = None


def inflated(data: bytes) -> Inflated | None:
    """What the last `check` inflated, if it checked these very bytes (compared by identity),
    then forgotten; None otherwise, and the reader inflates the parts itself."""
    global _last
    last, _last = _last, None
    return last if last is not None and last.data is data else None


def _check_zip(data: bytes) -> Format:
    global _last
    _last = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found = Inflated(data, archive.infolist())
            kind = _check_parts(archive, found)
            _last = found
            return kind
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError) as exc:
        # RuntimeError: zip-level password; NotImplementedError (a RuntimeError): unknown method.
        raise file_error("bad_zip") from exc


def _check_parts(archive: zipfile.ZipFile, found: Inflated) -> Format:
    infos = found.infos
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        _check_unpacked(infos)
        return Format.DOCX  # a Word report under a workbook's name: read as the report it is
    if "ppt/presentation.xml" in names:
        raise file_error("word_or_powerpoint")
    if "xl/workbook.bin" in names and "xl/workbook.xml" not in names:
        raise file_error("xlsb")
    if (
        "xl/workbook.xml" not in names
        and "xl/workbook.bin" not in names
        and "content.xml" not in names
    ):
        raise file_error("not_workbook")
    _check_unpacked(infos)
    # calamine reads as a sheet any part the workbook names as one, whatever its name: scan
    # those (or every part, when the names cannot be resolved). Bounding the grids here keeps
    # calamine from allocating a huge one; _CellBudget bounds again what the loaded sheets hold.
    cells = 0
    for info in _sheet_parts(archive, infos, names):
        extent = _OdsExtent() if info.filename == "content.xml" else _XlsxExtent()
        whole = inflate(found.data, info) if info.file_size <= _CHUNK else None
        if whole is not None:
            extent.feed_part(whole)
            extent.end_sheet()
        else:  # a large part in chunks, or one zipfile must read (and tell what is wrong)
            with archive.open(info) as part:
                whole = _scan(part, info.file_size, extent)
        if whole is not None:
            found.keep(info.filename, whole)
        cells += extent.cells
        if cells > MAX_CELLS:
            raise too_many_cells(cells, f"có trang chứa dữ liệu trải tới ô {extent.far_cell}")
    return Format.ODS if "content.xml" in names else Format.XLSX


def inflate(data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """A part's bytes straight from the archive (zipfile's own reader costs more than the
    inflating): never more than its declared size, and only when they are whole and their
    checksum agrees; None otherwise (stored some other way, damaged, lying about its size),
    and zipfile reads the part, with its own errors."""
    offset = info.header_offset
    header = data[offset : offset + 30]
    if len(header) < 30 or not header.startswith(ZIP_MAGIC) or info.flag_bits & 0x1:
        return None
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = offset + 30 + name_length + extra_length
    raw = data[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        part = raw[: info.file_size]
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        try:
            part = zlib.decompressobj(-15).decompress(raw, info.file_size + 1)
        except zlib.error:
            return None
    else:
        return None
    if len(part) != info.file_size or zlib.crc32(part) != info.CRC:
        return None
    return part


_SHEET_REL = re.compile(rb"<Relationship\s[^>]*>")
_REL_TARGET = re.compile(rb"""Target\s*=\s*["']([^"']*)["']""")
_REL_TYPE = re.compile(
    rb"""Type\s*=\s*["'][^"']*/(worksheet|chartsheet|dialogsheet|macrosheet)["']"""
)


def _sheet_parts(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], names: set[str]
) -> list[zipfile.ZipInfo]:
    """The parts a reader may parse as sheets: content.xml of an .ods; for an .xlsx, the targets
    of the workbook's sheet relationships. Anything unexpected: every part."""
    if "content.xml" in names:
        return [info for info in infos if info.filename == "content.xml"]
    rels = "xl/_rels/workbook.xml.rels"
    if rels not in names or archive.getinfo(rels).file_size > 1024 * 1024:
        return infos
    targets = set()
    for relationship in _SHEET_REL.findall(archive.read(rels)):
        if _REL_TYPE.search(relationship):
            target = _REL_TARGET.search(relationship)
            if not target:
                return infos
            path = target[1].decode("utf-8", "replace")
            targets.add(
                path.lstrip("/") if path.startswith("/") else posixpath.normpath(f"xl/{path}")
            )
    if not targets or not targets <= names:
        return infos
    return [info for info in infos if info.filename in targets]


def too_many_cells(cells: int, where: str) -> FileError:
    millions = f"{cells // 1_000_000:,}".replace(",", ".")
    return file_error("too_many_cells", where=where, millions=millions)


class _Extent:
    """The grid calamine allocates for a sheet: from its first value to its last, both ways."""

    def __init__(self) -> None:
        self.cells = 0  # the grids of every sheet in the part, together
        self.far_cell = ""  # the bottom-right corner of the largest one
        self._largest = 0
        self._reset()

    def _reset(self) -> None:
        self.top = self.left = 1 << 62
        self.bottom = self.right = -1

    def value(self, row: int, col: int, rows: int = 1, cols: int = 1) -> None:
        """A value at 0-based (row, col), repeated over `rows` x `cols` (.ods)."""
        self.top, self.left = min(self.top, row), min(self.left, col)
        self.bottom = max(self.bottom, row + rows - 1)
        self.right = max(self.right, col + cols - 1)

    def end_sheet(self) -> None:
        if self.bottom >= 0:
            size = (self.bottom - self.top + 1) * (self.right - self.left + 1)
            self.cells += size
            if size > self._largest:
                far = f"{column_letter(min(self.right, 1 << 40))}{self.bottom + 1}"
                self._largest, self.far_cell = size, far[:24]
        self._reset()

    def feed(self, data: bytes) -> None:
        raise NotImplementedError

    def feed_part(self, data: bytes) -> None:
        """A whole part at once (it fits in one chunk)."""
        self.feed(data)


# Tags are matched by local name: a namespace prefix is the writer's choice.
_XLSX_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_XLSX_REF = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{0,7})(\d{1,15})["']""")
# The quick way, for parts written as every writer we know writes them: no namespace prefix and
# each cell's address first (<c r="B7" ...>). If every address lies within A1:ZZ9999 the box is
# small enough whatever it holds; otherwise it is the box of the cells holding something
# (<c ...>...</c>, not <c .../>). A few searches, about 0.15 ms for a form's six sheets.
_ODD_CELL = re.compile(rb"<c[>/\t\n\r]")
_PREFIXED_CELL = re.compile(rb":c[\s>/]")
_FAR_CELL = re.compile(rb'<c (?!r="[A-Z]{1,2}\d{1,4}")')
_ADDRESSED_CELL = re.compile(rb'<c r="([A-Z]{1,7})(\d{1,15})"[^>]*?(/?)>')
assert MAX_CELLS >= 702 * 9999  # the grid A1:ZZ9999 passes unmeasured


class _XlsxExtent(_Extent):
    """One worksheet part: cells and rows are placed by their `r`, or follow the previous one."""

    def __init__(self) -> None:
        super().__init__()
        self.row = self.col = -1

    def feed(self, data: bytes) -> None:
        for tag in _XLSX_TAG.finditer(data):
            name, attrs = tag.groups()
            ref = _XLSX_REF.search(attrs)
            if name == b"row":
                self.row, self.col = (int(ref[2]) - 1 if ref else self.row + 1), -1
                continue
            if ref and ref[1]:
                self.row, self.col = int(ref[2]) - 1, _column_index(ref[1])
            else:
                self.col += 1
            if not attrs.rstrip().endswith(b"/"):  # <c r="A1" s="3"/> holds no value
                self.value(self.row, self.col)

    def feed_part(self, data: bytes) -> None:
        if b"sheetData" not in data:
            return  # calamine reads cells only inside <sheetData>
        if _ODD_CELL.search(data) or _PREFIXED_CELL.search(data):
            self.feed(data)  # a cell written another way: follow every tag
            return
        if not _FAR_CELL.search(data):
            return
        cells = _ADDRESSED_CELL.findall(data)
        if len(cells) != data.count(b"<c "):
            self.feed(data)
            return
        rows = [int(row) for _, row, empty in cells if not empty]
        if rows:
            letters = {letters for letters, _, empty in cells if not empty}
            cols = [_column_index(x) for x in letters]
            self.value(min(rows) - 1, min(cols))
            self.value(max(rows) - 1, max(cols))


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + letter - 64
    return index - 1


_ODS_TAG = re.compile(
    rb"<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>"
)
_ODS_ROWS = re.compile(rb"""number-rows-repeated\s*=\s*["'](\d{1,18})""")
_ODS_COLS = re.compile(rb"""number-columns-repeated\s*=\s*["'](\d{1,18})""")


class _OdsExtent(_Extent):
    """content.xml of an .ods: every sheet, with rows and cells repeated by attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.row = self.col = 0
        self.rows = 1

    def feed(self, data: bytes) -> None:
        for tag in _ODS_TAG.finditer(data):
            closing, name, attrs = tag.groups()
            empty = attrs.rstrip().endswith(b"/")
            if name == b"table":
                self.end_sheet()
                self.row = 0
            elif name == b"table-row":
                if closing:
                    self.row += self.rows
                else:
                    self.rows, self.col = _repeat(_ODS_ROWS, attrs), 0
                    self.row += self.rows if empty else 0
            elif not closing:
                cols = _repeat(_ODS_COLS, attrs)
                if not empty or b"value-type" in attrs:
                    self.value(self.row, self.col, self.rows, cols)
                self.col += cols


def _repeat(pattern: re.Pattern[bytes], attrs: bytes) -> int:
    found = pattern.search(attrs)
    return max(int(found[1]), 1) if found else 1


_CHUNK = 32 * 1024 * 1024


def _scan(part: Any, size: int, extent: _Extent) -> bytes | None:
    """Feed a part to `extent`, whole or in chunks cut just before a '<' (no tag is split); the
    part's bytes when it was read whole.

    `size` is the declared size, which zipfile enforces while reading.
    """
    if size <= _CHUNK:
        whole: bytes = part.read(size)  # read() would unpack a lying part whole
        extent.feed_part(whole)
        extent.end_sheet()
        return whole
    carry = b""
    while chunk := part.read(_CHUNK):
        data = carry + chunk
        cut = data.rfind(b"<")
        if cut == -1:
            carry = b""  # text only
            continue
        extent.feed(data[:cut])
        carry = data[cut:]
    extent.feed(carry)
    extent.end_sheet()
    return None
