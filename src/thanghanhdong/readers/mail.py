""".eml -> Mail: an agency's message saved from the mail client, its attachments read in memory.

The `Date` header is the receipt date the plan's deadline speaks of. Attachment names are decoded
however the mail client encoded them (RFC 2231, RFC 2047, even inside quotes); attachments of a
forwarded message (message/rfc822, even base64-encoded) are included, and those inside an opaque
S/MIME signature. Standard library only (`email`, policy.default).
"""

from __future__ import annotations

import base64
import contextlib
import html
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import policy
from email.errors import MessageError
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses
from typing import Any

from thanghanhdong.readers import smime
from thanghanhdong.readers.document import DocumentError
from thanghanhdong.text import nfc

MAX_EML_BYTES = 80 * 1024 * 1024  # base64 makes 50 MB of attachments about 68 MB of mail
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024  # all attachments together, decoded
MAX_ATTACHMENTS = 100
MAX_PARTS = 1000
TEXT_CHARS = 4000

_ENCODED_WORD = re.compile(r"=\?[^?]+\?[bqBQ]\?[^?]*\?=")
# The email package parses headers lazily, and a damaged one can raise from deep inside it
# (seen: ValueError, IndexError, AttributeError): such a header is read as plain text or skipped.
_EMAIL_ERRORS = (ValueError, TypeError, IndexError, AttributeError, LookupError, MessageError)
_CLIENT_PARTS = frozenset(
    {
        "application/pkcs7-signature",
        "application/x-pkcs7-signature",
        "application/pgp-signature",
        "application/ics",
        "text/calendar",
        "text/vcard",
        "text/x-vcard",
    }
)
_TNEF_TYPES = frozenset({"application/ms-tnef", "application/vnd.ms-tnef"})
_SMIME_TYPES = frozenset({"application/pkcs7-mime", "application/x-pkcs7-mime"})
_TNEF_SIGNATURE = b"\x78\x9f\x3e\x22"
_CLIENT_SUFFIXES = frozenset({"p7s", "ics", "vcf"})
_TAG = re.compile(r"<[^>]*>")
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class Attachment:
    name: str  # decoded, NFC, safe as a file name (no folders)
    data: bytes
    content_type: str = "application/octet-stream"
    # The Date of the innermost mail holding it: a forwarded message's attachment keeps the
    # agency's date, not the forwarding's (the receipt date the deadline speaks of).
    received: datetime | None = None
    # Held by a mail forwarded inside this one (message/rfc822): that mail's sender addresses
    # (empty if it names none); None for the mail's own attachments. The officer's own request
    # forwarded back with its blank forms is no agency's answer (answers.py sets it aside).
    forwarded_from: tuple[str, ...] | None = None


@dataclass
class Mail:
    received: datetime | None  # the Date header, timezone-aware; None if absent or unreadable
    sender: str  # the From header, decoded ("Sở Y tế <syt@backan.gov.vn>")
    subject: str
    attachments: list[Attachment] = field(default_factory=list)
    text: str = ""  # the message's own text (first characters), to recognise the agency
    # The addresses of From, Sender and Reply-To (lower-case): who sent it, as the roster's
    # `email` of an agency may say (display names left out: anyone can type any name).
    senders: tuple[str, ...] = ()


def read_eml(data: bytes) -> Mail:
    """Read a saved e-mail; raises DocumentError if the file is not one or is too large."""
    if len(data) > MAX_EML_BYTES:
        raise DocumentError("eml_too_large", "Tệp thư điện tử quá lớn.")
    # A mail saved by a Windows editor starts with a BOM: without it, its first header is read.
    message = BytesParser(policy=policy.default).parsebytes(data.removeprefix(b"\xef\xbb\xbf"))
    if not message.keys() or not any(_header(message, h) for h in ("From", "Date", "Subject")):
        raise DocumentError(
            "eml_corrupt",
            "Tệp không phải thư điện tử (.eml): lưu lại thư từ chương trình thư điện tử.",
        )
    received = _date(message)
    return Mail(
        received=received,
        sender=_header(message, "From"),
        senders=_sender_addresses(message),
        subject=_header(message, "Subject"),
        attachments=_attachments(message, received),
        text=_text(message),
    )


SENDER_HEADERS = ("From", "Sender", "Reply-To")
_HEAD_BYTES = 256 * 1024  # a mail's headers come first; the rest is not read again


def sender_addresses(data: bytes) -> tuple[str, ...]:
    """`Mail.senders` of a mail's header bytes (an Outlook message's saved Internet headers)."""
    return _sender_addresses(
        BytesHeaderParser(policy=policy.compat32).parsebytes(data[:_HEAD_BYTES])
    )


def _sender_addresses(message: Message) -> tuple[str, ...]:
    """The addresses (lower-case, in order, once each) of From, Sender and Reply-To."""
    values: list[str] = []
    for name in SENDER_HEADERS:
        with contextlib.suppress(*_EMAIL_ERRORS):
            values += [str(v) for v in message.get_all(name, [])]
    return addresses(values)


def addresses(values: list[str]) -> tuple[str, ...]:
    """The e-mail addresses in header values ("Sở Y tế <SYT@backan.gov.vn>"), lower-case."""
    found: list[str] = []
    with contextlib.suppress(*_EMAIL_ERRORS):
        for _name, address in getaddresses(values):
            address = address.strip().lower()
            if "@" in address and address not in found:
                found.append(address)
    return tuple(found)


def _header(message: Message, name: str) -> str:
    """The decoded header; one too broken for the structured parser is decoded as plain text."""
    try:
        return nfc(str(message.get(name, "")))
    except _EMAIL_ERRORS:
        raw = next((v for k, v in message.raw_items() if k.lower() == name.lower()), "")
    try:
        return nfc(str(make_header(decode_header(str(raw)))))
    except _EMAIL_ERRORS:
        return nfc(str(raw))


# Vietnam keeps one time zone, the plan's deadline is a day there, and mail servers write the
# same instant in their own zone ("21 Dec 00:30 +0700" is "20 Dec 17:30 +0000"): a mail is
# dated in Vietnamese time, whatever zone its header was written in.
VIETNAM = timezone(timedelta(hours=7), "ICT")


def _date(message: Message) -> datetime | None:
    try:
        header: Any = message.get("Date")
        value = getattr(header, "datetime", None)
    except _EMAIL_ERRORS:
        return None
    if not isinstance(value, datetime):
        return None
    # "-0000" (read without a zone) is UTC whose sender's zone is unknown (RFC 5322).
    aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    return aware.astimezone(VIETNAM)


def _attachments(message: Message, received: datetime | None) -> list[Attachment]:
    found: list[Attachment] = []
    total = 0
    for count, (part, dated, origin) in enumerate(_walk(message, received)):
        if count > MAX_PARTS or len(found) > MAX_ATTACHMENTS:
            raise DocumentError("eml_too_large", "Thư điện tử có quá nhiều phần đính kèm.")
        attachment = _attachment(part, len(found) + 1, dated, origin)
        if attachment is None:
            continue
        total += len(attachment.data)
        if total > MAX_ATTACHMENT_BYTES:
            raise DocumentError("eml_too_large", "Tệp đính kèm của thư quá lớn.")
        found.append(attachment)
    return found


_Origin = tuple[str, ...] | None
_Walked = tuple[Message, datetime | None, _Origin]


def _walk(message: Message, received: datetime | None) -> Iterator[_Walked]:
    """Every part, as `Message.walk` orders them, with the Date of the innermost mail holding
    it (a message/rfc822 part's own Date, else its container's) and, inside a forwarded mail,
    that mail's senders (`Attachment.forwarded_from`). A stack, not recursion: a hostile mail
    may nest messages a thousand deep."""
    stack: list[_Walked] = [(message, received, None)]
    while stack:
        part, dated, origin = stack.pop()
        signed = _opaque_signed(part)
        if signed is not None:  # each level is smaller than the one holding it: it ends
            stack.append((signed, dated, origin))
            continue
        yield part, dated, origin
        if not part.is_multipart():
            continue
        inner = part.get_content_type() == "message/rfc822"
        children: list[_Walked] = [
            (child, _date(child) or dated, _sender_addresses(child))
            if inner
            else (child, dated, origin)
            for child in _children(part)
        ]
        stack.extend(reversed(children))


def _opaque_signed(part: Message) -> Message | None:
    """The mail inside an opaque S/MIME signature (smime.p7m, signed-data), as a part."""
    if part.is_multipart() or part.get_content_type() not in _SMIME_TYPES:
        return None
    try:
        payload = part.get_payload(decode=True)
    except _EMAIL_ERRORS:
        return None
    inner = smime.signed_content(payload) if isinstance(payload, bytes) else None
    return None if inner is None else BytesParser(policy=policy.default).parsebytes(inner)


def _children(part: Message) -> list[Message]:
    try:
        payload = part.get_payload()
    except _EMAIL_ERRORS:
        return []
    children = [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []
    if part.get_content_type() == "message/rfc822" and _encoding(part) == "base64":
        return [_decoded(child) for child in children]
    return children


def _encoding(part: Message) -> str:
    try:
        return str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    except _EMAIL_ERRORS:
        return ""


def _decoded(child: Message) -> Message:
    """A forwarded mail Exchange base64-encoded (RFC 2046 forbids it): the parser took the
    base64 text for a headerless message; decoded, it is the agency's mail with its Date.
    (Each level of such nesting is a quarter smaller, so a hostile chain stays bounded.)"""
    payload = child.get_payload()
    if not isinstance(payload, str):
        return child
    try:
        data = base64.b64decode(payload)
    except (ValueError, TypeError):
        return child
    return BytesParser(policy=policy.default).parsebytes(data)


def _attachment(
    part: Message, number: int, received: datetime | None, origin: _Origin = None
) -> Attachment | None:
    """A leaf part that is a file: it has a name, or it is not the message's own text."""
    if part.is_multipart():
        return None
    name = _file_name(part)
    if not _is_file(part, name) or _not_a_report(part, name):
        return None
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    content_type = part.get_content_type()
    if not name:
        name = f"tep-dinh-kem-{number}{_suffix(content_type, data)}"
    return Attachment(name, data, content_type, received, origin)


def _suffix(content_type: str, data: bytes) -> str:
    """An unnamed file's suffix, from its type, else from its first bytes: thd tells formats
    by name first, and webmails send the form as nameless application/octet-stream."""
    guessed = mimetypes.guess_extension(content_type) or ""
    if guessed not in ("", ".bin"):
        return guessed
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return ".docx" if b"word/" in data[:65536] else ".xlsx"
    return ".xls" if data.startswith(b"\xd0\xcf\x11\xe0") else guessed


def refusal(attachment: Attachment) -> str | None:
    """The issue code of an attachment that packs the agency's files where thd cannot read
    them: Outlook's winmail.dat (MS-OXTNEF, rich-text mail), an encrypted S/MIME mail."""
    if (
        attachment.content_type in _TNEF_TYPES
        or attachment.name.lower() == "winmail.dat"
        or attachment.data.startswith(_TNEF_SIGNATURE)
    ):
        return "mail_tnef"
    if attachment.content_type in _SMIME_TYPES or attachment.name.lower().endswith(".p7m"):
        return "mail_encrypted"
    return None


def _not_a_report(part: Message, name: str) -> bool:
    """A part the mail client adds beside the form: the S/MIME or PGP signature of a signed
    mail (smime.p7s), a meeting invitation, a contact card. Listing them as unreadable
    answers would be noise; the form they accompany is read."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return part.get_content_type() in _CLIENT_PARTS or suffix in _CLIENT_SUFFIXES


def _is_file(part: Message, name: str) -> bool:
    """Named, or attached, or an application/* part: webmails (Zimbra, of many *.gov.vn
    systems) send an unnamed form as bare application/octet-stream, without a disposition."""
    if name:
        return True
    if part.get_content_maintype() == "text":
        return False
    return part.get_content_disposition() == "attachment" or (
        part.get_content_maintype() == "application"
    )


def _file_name(part: Message) -> str:
    try:
        raw = part.get_filename() or ""
    except _EMAIL_ERRORS:
        return ""
    if _ENCODED_WORD.search(raw):  # RFC 2047 inside a quoted parameter (Outlook, Gmail)
        with contextlib.suppress(ValueError, LookupError, UnicodeDecodeError):
            raw = str(make_header(decode_header(raw)))
    return safe_name(raw)


def safe_name(raw: str) -> str:
    """An attachment's name as a file name: no folders, no character Windows refuses."""
    base = re.split(r"[\\/]", raw)[-1]
    return _UNSAFE_NAME.sub("_", nfc(base)).strip(" .")


# A report typed into the mail itself (plain text, or an HTML table whose tags `_text` drops):
# the form's words for its figures beside at least two numbers that are no date or phone.
_FIGURE_WORD = re.compile(
    r"(?<!\w)(?:nam|nữ|cuộc|lượt|người|số lượng|kinh phí|tham gia)(?!\w)", re.IGNORECASE
)
_NUMBER = re.compile(r"(?<![\w/.,-])\d{1,3}(?:[.,]\d{3})*(?![\w/.,-]?\d)")
# Where the sender's own words end and a quoted or forwarded mail begins.
_QUOTED = re.compile(
    r"^(?:-{2,}\s*(?:original message|forwarded message|thư gốc|thư chuyển tiếp)"
    r"|(?:on|vào)\b.{0,200}\b(?:wrote|đã viết):)",
    re.IGNORECASE | re.MULTILINE,
)


def report_in_text(text: str) -> bool:
    """Whether a mail's own text (quoted and forwarded mails left out) reads like a report
    written into it: figures with their words ("1 cuộc, 30 nam, 35 nữ"), not a covering
    note ("Sở sẽ gửi báo cáo ngày 20/12/2021")."""
    own = _QUOTED.split(text, maxsplit=1)[0]
    lines = "\n".join(line for line in own.splitlines() if not line.lstrip().startswith(">"))
    return bool(_FIGURE_WORD.search(lines)) and len(_NUMBER.findall(lines)) >= 2


def _text(message: Message) -> str:
    """The mail's own text: its plain body, then its HTML body's words (a table pasted into
    the mail is often in the HTML alternative only, the plain one saying "xem bảng")."""
    if not isinstance(message, EmailMessage):
        return ""
    texts = [_body_text(message, kind) for kind in ("plain", "html")]
    return nfc("\n".join(t for t in dict.fromkeys(texts) if t))[:TEXT_CHARS]


def _body_text(message: EmailMessage, subtype: str) -> str:
    try:
        body = message.get_body(preferencelist=(subtype,))
        content = body.get_content() if body is not None else ""
    except (KeyError, LookupError, ValueError, AssertionError):
        return ""
    if not isinstance(content, str):
        return ""
    if subtype == "html":
        content = html.unescape(_TAG.sub(" ", content))
    return content[:TEXT_CHARS]
