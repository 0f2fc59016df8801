"""E-mails and zips -> the files they hold, in memory, each named "thu.eml › baocao.xlsx".

A zip is opened only after `container.check` bounded what it unpacks to; each member is bounded
again here. A zip inside a zip (or an e-mail inside anything) is refused, not opened: one level
is what agencies send, and depth is how archive bombs hide. A zip attached to an e-mail opens.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from thanghanhdong import container
from thanghanhdong.container import Format
from thanghanhdong.readers.document import DocumentError

if TYPE_CHECKING:
    from thanghanhdong.readers.mail import Mail

SEPARATOR = " › "
MAX_MEMBERS = 1000
_UTF8_FLAG = 0x800  # general purpose bit 11: the name is UTF-8


@dataclass(frozen=True)
class Member:
    path: Path  # "inbox/thu.eml › baocao.xlsx"
    data: bytes
    received: date | None = None  # the e-mail's Date
    # Held by a mail forwarded inside the agency's (message/rfc822, an Outlook attached mail,
    # a mail file attached): that mail's senders, as `mail.Attachment.forwarded_from`.
    forwarded_from: tuple[str, ...] | None = None


@dataclass
class Unpacked:
    members: list[Member] = field(default_factory=list)
    nested: list[Path] = field(default_factory=list)  # archives inside archives: refused
    # Attachments packing the files unreadably (winmail.dat, encrypted mail): (path, code).
    refused: list[tuple[Path, str]] = field(default_factory=list)
    broken: list[tuple[Path, DocumentError]] = field(default_factory=list)  # attached mails
    senders: tuple[str, ...] = ()  # a mail's: `Mail.senders` (its attached mails' are not used)
    text: str = ""  # a mail's own text (`Mail.text`: a forward's quoted header is in it)
    names: list[PurePosixPath] = field(default_factory=list)  # every member's own name


def member_path(outer: Path, name: str) -> Path:
    return Path(f"{outer}{SEPARATOR}{name}")


def unpack(path: Path, data: bytes, kind: Format, inside_mail: bool = False) -> Unpacked:
    """The members of an e-mail or zip. Raises DocumentError or FileError when it cannot be
    opened at all."""
    if kind in container.MAIL_FORMATS:
        return _mail(path, data, kind, inside_mail=inside_mail)
    return _zip(path, data, inside_mail=inside_mail)


def _read_mail(data: bytes, kind: Format) -> Mail:
    if kind is Format.MSG:
        from thanghanhdong.readers.msg import read_msg

        return read_msg(data)
    from thanghanhdong.readers.mail import read_eml

    return read_eml(data)


def _mail(path: Path, data: bytes, mail_format: Format, inside_mail: bool = False) -> Unpacked:
    """An .eml or Outlook .msg: each attachment dated by the mail that holds it. A mail file
    attached to it (an Outlook .msg dragged into a webmail forward) opens, one level deep."""
    from thanghanhdong.readers.mail import refusal

    mail = _read_mail(data, mail_format)
    unpacked = Unpacked(senders=mail.senders, text=mail.text)
    for attachment in mail.attachments:
        if code := refusal(attachment):
            unpacked.refused.append((member_path(path, attachment.name), code))
            continue
        # A forwarded message's attachment: the agency's mail's date, not the forwarding's.
        dated = attachment.received or mail.received
        received = dated.date() if dated else None
        origin = attachment.forwarded_from
        inner = member_path(path, attachment.name)
        unpacked.names.append(PurePosixPath(attachment.name))
        kind = _kind(attachment.name, attachment.data)
        if kind is Format.ZIP:
            opened = _zip(inner, attachment.data, inside_mail=True)
            unpacked.members += [Member(m.path, m.data, received, origin) for m in opened.members]
            unpacked.nested += opened.nested
            unpacked.names += opened.names
        elif kind in container.MAIL_FORMATS and not inside_mail:
            _attached_mail(unpacked, inner, attachment.data, kind)
        elif kind in container.MAIL_FORMATS:
            unpacked.nested.append(inner)
        else:
            unpacked.members.append(Member(inner, attachment.data, received, origin))
    return unpacked


def _attached_mail(unpacked: Unpacked, path: Path, data: bytes, kind: Format) -> None:
    """Its attachments, dated by the attached mail itself and, as a forwarded mail's, marked
    with its senders; one it cannot open is a file problem of its own (damaged, too large), as
    the same mail saved to the inbox would be."""
    try:
        opened = _mail(path, data, kind, inside_mail=True)
    except DocumentError as exc:
        unpacked.broken.append((path, exc))
        return
    unpacked.members += [
        m if m.forwarded_from is not None else replace(m, forwarded_from=opened.senders)
        for m in opened.members
    ]
    unpacked.nested += opened.nested
    unpacked.refused += opened.refused
    unpacked.names += opened.names


def _kind(name: str, data: bytes) -> Format | None:
    try:
        return container.check(name, data)
    except Exception:  # a bad member is reported when it is read as a file of its own
        return None


def _zip(path: Path, data: bytes, inside_mail: bool) -> Unpacked:
    unpacked = Unpacked()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()][:MAX_MEMBERS]
            for info in infos:
                _member(archive, info, path, unpacked)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError) as exc:
        raise DocumentError("zip_corrupt", "Tệp nén bị hỏng, không giải nén được.") from exc
    return unpacked


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its sender wrote it. Without the zip's UTF-8 flag zipfile decodes it
    as cp437, but Windows' own "Compressed folder" writes the system code page (cp1258 on a
    Vietnamese Windows, tones as combining marks) and several tools write UTF-8 unflagged."""
    if info.flag_bits & _UTF8_FLAG or info.orig_filename.isascii():
        return info.filename
    raw = info.orig_filename.encode("cp437")  # zipfile's cp437 decoding loses no byte
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))


def _member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, unpacked: Unpacked
) -> None:
    name = PurePosixPath(member_name(info))
    inner = member_path(path, str(name))
    unpacked.names.append(name)
    if name.suffix.lower() in {".zip", ".rar", ".7z", ".eml", ".msg"}:
        unpacked.nested.append(inner)
        return
    if info.file_size > container.MAX_FILE_BYTES:
        raise DocumentError("zip_too_large", "Tệp trong tệp nén quá lớn.")
    with archive.open(info) as part:
        unpacked.members.append(Member(inner, part.read(info.file_size)))
