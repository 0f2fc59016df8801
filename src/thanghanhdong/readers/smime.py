"""The signed content of an opaque S/MIME mail (smime.p7m, signed-data): a few DER elements.

Outlook and Thunderbird can sign a mail "opaquely": the whole message, form included, becomes
one application/pkcs7-mime part. The signature is not checked (thd is no verifier: the officer
trusts the sender as for any mail); the MIME entity it wraps is read like the mail itself.
Definite lengths only (DER, what mail clients write); anything else is None, never an error.
"""

from __future__ import annotations

SIGNED_DATA = bytes.fromhex("2a864886f70d010702")  # 1.2.840.113549.1.7.2
ENVELOPED_DATA = bytes.fromhex("2a864886f70d010703")  # 1.2.840.113549.1.7.3
_SEQUENCE, _OID, _OCTETS, _OCTETS_CONSTRUCTED, _EXPLICIT_0 = 0x30, 0x06, 0x04, 0x24, 0xA0

Element = tuple[int, bytes]


def content_type(data: bytes) -> bytes | None:
    """The OID of a CMS ContentInfo (SIGNED_DATA, ENVELOPED_DATA...); None if it is not one."""
    info = _inside(data)
    return info[0][1] if info and info[0][0] == _OID else None


def signed_content(data: bytes) -> bytes | None:
    """The bytes a signed-data ContentInfo wraps (the signed MIME entity); None otherwise."""
    info = _inside(data)
    if len(info) < 2 or info[0] != (_OID, SIGNED_DATA) or info[1][0] != _EXPLICIT_0:
        return None
    signed = _inside(info[1][1])  # version, digestAlgorithms, encapContentInfo, ...
    if len(signed) < 3 or signed[2][0] != _SEQUENCE:
        return None
    encapsulated = _elements(signed[2][1])  # eContentType, [0] eContent
    if len(encapsulated) < 2 or encapsulated[1][0] != _EXPLICIT_0:
        return None
    return _octets(encapsulated[1][1])


def _octets(explicit: bytes) -> bytes | None:
    found = _elements(explicit)
    if len(found) != 1:
        return None
    tag, value = found[0]
    if tag == _OCTETS:
        return value
    chunks = _elements(value) if tag == _OCTETS_CONSTRUCTED else []  # chunked, large mails
    if chunks and all(t == _OCTETS for t, _ in chunks):
        return b"".join(v for _, v in chunks)
    return None


def _inside(data: bytes) -> list[Element]:
    """The elements of the SEQUENCE `data` is; [] if it is not exactly one."""
    found = _elements(data)
    return _elements(found[0][1]) if len(found) == 1 and found[0][0] == _SEQUENCE else []


def _elements(data: bytes) -> list[Element]:
    found: list[Element] = []
    position = 0
    while position < len(data):
        element = _element(data, position)
        if element is None:
            return []
        found.append(element[:2])
        position = element[2]
    return found


def _element(data: bytes, position: int) -> tuple[int, bytes, int] | None:
    """(tag, value, next position) of the element at `position`; None if not definite DER."""
    if position + 2 > len(data):
        return None
    tag, length = data[position], data[position + 1]
    start = position + 2
    if length & 0x80:
        size = length & 0x7F
        if not 1 <= size <= 4 or start + size > len(data):
            return None  # indefinite (0x80) or absurd
        length = int.from_bytes(data[start : start + size], "big")
        start += size
    end = start + length
    return (tag, data[start:end], end) if end <= len(data) else None
