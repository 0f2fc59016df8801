""".msg -> Mail: an agency's message saved from Outlook (dragged out of it), read like an .eml.

An Outlook .msg is an OLE compound file laid out as MS-OXMSG says: each attachment is a storage
`__attach_version1.0_#XXXXXXXX` holding its bytes (`__substg1.0_37010102`) and its name (long
name 3707, else short name 3704; UTF-16 `001F` or 8-bit `001E` in the message's code page); an
attached mail (a forwarded message) is the storage `__substg1.0_3701000D`, a message of its own
whose attachments are read too, dated by that innermost mail and marked with its senders
(`Attachment.forwarded_from`) as readers/mail.py does for a forwarded .eml. Fixed-size properties (the submit time, the code page) are 16-byte entries of
`__properties_version1.0`. Everything the file declares is bounded with mail.py's limits; any
damage is a DocumentError, never an olefile exception.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from thanghanhdong import messages
from thanghanhdong.container import MSG_PROPERTIES as PROPERTIES
from thanghanhdong.readers.document import DocumentError
from thanghanhdong.readers.mail import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    MAX_EML_BYTES,
    MAX_PARTS,
    TEXT_CHARS,
    VIETNAM,
    Attachment,
    Mail,
    addresses,
    safe_name,
    sender_addresses,
)
from thanghanhdong.text import nfc

MAX_DEPTH = 8  # a mail forwarded inside a mail, inside...: what hides a bomb, not an answer
MAX_TEXT_BYTES = 64 * 1024  # a name, a subject, the first lines of the body
_ATTACH = "__attach_version1.0_#"
_EMBEDDED = "__substg1.0_3701000D"
_DATA = "__substg1.0_37010102"
_NAMES = ("3707", "3704", "3001")  # long file name, short (8.3) name, display name
_SUBMIT_TIME, _DELIVERY_TIME = 0x0039, 0x0E06
_FILETIME, _LONG = 0x0040, 0x0003
_CODEPAGE, _INTERNET_CPID = 0x3FFD, 0x3FDE
_ENTRY = struct.Struct("<IIQ")
Entry = tuple[str, ...]  # an entry of the compound file: its storages, then its name
# Outlook stores times in UTC: dated in Vietnamese time, as mail.py dates an .eml.
_EPOCH = datetime(1601, 1, 1, tzinfo=timezone.utc)
_NOT_MSG = messages.FILE_PROBLEMS["not_msg"][1]


def read_msg(data: bytes) -> Mail:
    """Read a saved Outlook message; raises DocumentError if the file is not one, is damaged or
    is too large."""
    import olefile  # only .msg files pay for the import

    from thanghanhdong.readers.xls import plausible_header

    if len(data) > MAX_EML_BYTES:
        raise DocumentError("msg_too_large", "Tệp thư Outlook quá lớn.")
    if not plausible_header(data):  # olefile would loop as long as the header's counts say
        raise DocumentError("msg_corrupt", _NOT_MSG)
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return _Reader(ole, len(data)).mail()
    except DocumentError:
        raise
    except Exception as exc:  # olefile raises OSError, ValueError, struct.error, IndexError...
        raise DocumentError("msg_corrupt", _NOT_MSG) from exc


# Sender's address (Exchange or SMTP), sender's SMTP address, and the same for the mailbox it
# was sent on behalf of: the .msg's From and Sender.
_SENDER_ADDRESSES = ("0C1F", "5D01", "0065", "5D02")
_TRANSPORT_HEADERS = "007D"  # the received mail's Internet headers (From, Sender, Reply-To)


@dataclass
class _Message:
    path: Entry  # the storage holding it (() for the file's own message)
    depth: int
    received: datetime | None
    # An attached (forwarded) mail's sender addresses; None for the file's own message.
    senders: tuple[str, ...] | None = None


class _Reader:
    def __init__(self, ole: Any, size: int) -> None:
        self.ole = ole
        self.size = size
        self.total = 0
        self.found: list[Attachment] = []
        self.entries = {tuple(e) for e in ole.listdir(streams=True, storages=True)}
        if (PROPERTIES,) not in self.entries:
            raise DocumentError("msg_corrupt", _NOT_MSG)
        # Each storage's children, once: a message's attachments are then a look-up, not a
        # pass over every entry of the file (a hostile one may declare hundreds of thousands).
        self.children: dict[Entry, list[str]] = {}
        for entry in sorted(self.entries):
            self.children.setdefault(entry[:-1], []).append(entry[-1])
        self.storages = 0  # attachment storages looked at, in every message together

    def mail(self) -> Mail:
        received = self._date((), 32)
        stack = [_Message((), 0, received)]
        while stack:  # a stack, not recursion: nesting is bounded, but explicitly
            message = stack.pop()
            stack.extend(reversed(self._attachments(message)))
        return Mail(
            received=received,
            sender=self._sender(()),
            senders=self._senders(()),
            subject=self._text((), "0037"),
            attachments=self.found,
            text=self._text((), "1000")[:TEXT_CHARS],
        )

    def _attachments(self, message: _Message) -> list[_Message]:
        """The files of one message, added to `found`; its attached mails, to read next."""
        inner: list[_Message] = []
        for storage in self._children(message.path, _ATTACH):
            self.storages += 1
            if len(self.found) >= MAX_ATTACHMENTS or self.storages > MAX_PARTS:
                raise DocumentError("msg_too_large", "Thư Outlook có quá nhiều tệp đính kèm.")
            embedded = (*storage, _EMBEDDED)
            if (*embedded, PROPERTIES) in self.entries:
                if message.depth >= MAX_DEPTH:
                    raise DocumentError("msg_too_large", "Thư Outlook lồng nhau quá nhiều lớp.")
                dated = self._date(embedded, 24) or message.received
                senders = self._senders(embedded)
                inner.append(_Message(embedded, message.depth + 1, dated, senders))
            elif (*storage, _DATA) in self.entries:
                self._attachment(storage, message.received, message.senders)
        return inner

    def _attachment(
        self, storage: Entry, received: datetime | None, origin: tuple[str, ...] | None
    ) -> None:
        data = self._stream((*storage, _DATA), MAX_ATTACHMENT_BYTES - self.total)
        if data is None:
            raise DocumentError("msg_too_large", "Tệp đính kèm của thư Outlook quá lớn.")
        self.total += len(data)
        number = len(self.found) + 1
        name = next((n for code in _NAMES if (n := self._text(storage, code))), "")
        name = safe_name(name) or f"tep-dinh-kem-{number}"
        self.found.append(Attachment(name, data, "application/octet-stream", received, origin))

    def _children(self, path: Entry, prefix: str) -> list[Entry]:
        """The entries right under `path` named `prefix`..., in their number's order."""
        return [(*path, n) for n in self.children.get(path, []) if n.startswith(prefix)]

    def _stream(self, path: Entry, limit: int, head: bool = False) -> bytes | None:
        """The stream's bytes (its first `limit` with `head`); None when it declares more
        than `limit` or than the file holds (olefile would read round a looping chain as far
        as the size says)."""
        name = "/".join(path)
        size = self.ole.get_size(name)
        if size > self.size or (size > limit and not head):
            return None
        with self.ole.openstream(name) as stream:
            return bytes(stream.read(min(size, limit)))

    def _text(self, path: Entry, code: str) -> str:
        """A string property: UTF-16 (001F), else 8-bit (001E) in the message's code page."""
        message = path[:-1] if path and path[-1].startswith(_ATTACH) else path
        for kind, encoding in (("001F", "utf-16-le"), ("001E", self._codepage(message))):
            entry = (*path, f"__substg1.0_{code}{kind}")
            if entry in self.entries:
                raw = self._stream(entry, MAX_TEXT_BYTES, head=True) or b""
                return nfc(raw.decode(encoding, "replace").split("\x00")[0]).strip()
        return ""

    def _senders(self, path: Entry) -> tuple[str, ...]:
        """`Mail.senders` of the message at `path`: its sender's address properties and its
        saved Internet headers."""
        values = [self._text(path, code) for code in _SENDER_ADDRESSES]
        headers = self._text(path, _TRANSPORT_HEADERS).encode("utf-8", "replace")
        return tuple(dict.fromkeys(addresses(values) + sender_addresses(headers)))

    def _sender(self, path: Entry) -> str:
        name, address = self._text(path, "0C1A"), self._text(path, "0C1F")
        if name and address and "@" in address:
            return f"{name} <{address}>"
        return name or address

    def _properties(self, path: Entry, header: int) -> dict[int, tuple[int, int]]:
        """Fixed-size properties: property id -> (type, 8-byte value)."""
        raw = self._stream((*path, PROPERTIES), 1024 * 1024) or b""
        header = _header_size(header, raw)
        found: dict[int, tuple[int, int]] = {}
        for offset in range(header, len(raw) - _ENTRY.size + 1, _ENTRY.size):
            tag, _flags, value = _ENTRY.unpack_from(raw, offset)
            found.setdefault(tag >> 16, (tag & 0xFFFF, value))
        return found

    def _date(self, path: Entry, header: int) -> datetime | None:
        properties = self._properties(path, header)
        for prop in (_SUBMIT_TIME, _DELIVERY_TIME):
            kind, value = properties.get(prop, (0, 0))
            if kind == _FILETIME and (when := filetime(value)):
                return when
        return None

    def _codepage(self, path: Entry) -> str:
        """The 8-bit strings' code page of the message at `path` (1258 for Vietnamese
        Windows); cp1252 when unknown."""
        properties = self._properties(path, 24 if path else 32)
        for prop in (_CODEPAGE, _INTERNET_CPID):
            kind, value = properties.get(prop, (0, 0))
            if kind == _LONG and _known_codec(f"cp{value & 0xFFFFFFFF}"):
                return f"cp{value & 0xFFFFFFFF}"
        return "cp1252"


# The property types of MS-OXCDATA 2.11.1 (single-valued; a multi-valued one adds 0x1000).
_TYPES = frozenset(
    {0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x000A, 0x000B, 0x000D, 0x0014, 0x001E}
    | {0x001F, 0x0040, 0x0048, 0x00FB, 0x00FD, 0x00FE, 0x0102}
)


def _header_size(header: int, raw: bytes) -> int:
    """A message's properties header: 32 bytes for the file's own message and 24 for an
    attached one (MS-OXMSG 2.4.1), but some writers (aspose-email-foss) give an attached mail
    the 32 too. Read at the wrong offset, the entries' types are halves of values: the header
    is the one whose entries all have a property type (the spec's when both have)."""
    if header not in (24, 32):
        return header
    for size in (header, 56 - header):
        entries = range(size, len(raw) - _ENTRY.size + 1, _ENTRY.size)
        kinds = [_ENTRY.unpack_from(raw, offset)[0] & 0xEFFF for offset in entries]
        if kinds and all(kind in _TYPES for kind in kinds):
            return size
    return header


def filetime(value: int) -> datetime | None:
    """A Windows FILETIME (100 ns since 1601, UTC) in Vietnamese time; None for 0 or nonsense."""
    if value <= 0:
        return None
    try:
        when = _EPOCH + timedelta(microseconds=value // 10)
    except OverflowError:
        return None
    return when.astimezone(VIETNAM) if 1990 <= when.year <= 2200 else None


def _known_codec(name: str) -> bool:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True
