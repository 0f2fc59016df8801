"""Text typed with the legacy Vietnamese encodings TCVN3 (.VnTime fonts) and VNI.

Such text reaches us as Latin-1 look-alikes ("Héi Liªn hiÖp Phô n÷" for "Hội Liên hiệp Phụ nữ").
TCVN3 maps one byte to one letter, so its conversion is unambiguous; VNI composes letters from
two bytes and, in text alone, is only detected, never guessed at. A Word run says its font: text
in a .VnTime font is TCVN3 and text in a VNI-Times font is VNI, so both are converted there
(`font_encoding`, `convert`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

# TCVN3 (TCVN 5712:1993, VN3) code point -> Unicode letter. Upper-case tones share the lower-case
# codes (the .VnTimeH font draws them large); only the base capitals below are distinct.
_TCVN3 = {
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
}  # fmt: skip


# Characters TCVN3 text is full of (ê ơ ư đ â ă and the tones of a) that VNI never produces.
_TCVN3_SIGNS = frozenset("ª¬\xad®¸µ¶·¹©¨»¼½¾¡¢£¤¥¦§")
# Latin-1 letters that Unicode Vietnamese uses; every other character from U+00A0 to U+00FF in
# a Vietnamese text betrays a legacy encoding.
_VIETNAMESE_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_VOWELS = frozenset("aeiouyAEIOUY")
_VNI_HORNED = frozenset("ôöÔÖ")
_VNI_TONES = frozenset("ùøûõïÙØÛÕÏ")

Encoding = Literal["TCVN3", "VNI"]


def detect(text: str) -> Encoding | None:
    """The legacy encoding `text` was typed in, or None for ordinary (Unicode) text."""
    if not text or text.isascii() or any(ord(ch) > 0xFF for ch in text):
        return None
    if not any(ord(ch) >= 0xA0 and ch not in _VIETNAMESE_LATIN1 for ch in text):
        return None
    # TCVN3 replaces the whole vowel (so the odd character mostly follows a consonant); VNI
    # appends a tone byte to a plain vowel.
    tcvn3 = vni = 0
    for previous, ch in zip(" " + text, text, strict=False):
        if ord(ch) < 0xA0:
            continue
        if ch in _TCVN3_SIGNS or (ch.isupper() and previous.islower()):
            # TCVN3's lower-case ệ ậ ấ... are Latin-1 capitals (Ö Ë Ê): "hiÖp", "tËp".
            tcvn3 += 2
        elif previous in _VNI_HORNED and ch in _VNI_TONES:
            vni += 2  # VNI's ơ ư (ô ö) and a tone byte: "chöùc", "lôùp"; TCVN3 never has two
        elif previous in _VOWELS:
            vni += 1
        else:
            tcvn3 += 1
    return "TCVN3" if tcvn3 >= vni else "VNI"


def convert_tcvn3(text: str) -> str:
    return text.translate(_TCVN3)


def to_unicode(text: str) -> tuple[str, Encoding | None]:
    """(text in Unicode where the conversion is unambiguous, the encoding detected)."""
    encoding = detect(text)
    if encoding == "TCVN3":
        return convert_tcvn3(text), encoding
    return text, encoding


# VNI (VNI Windows): a vowel, then a byte for its mark and tone; ơ ư đ and the i's are one byte.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_VNI_MARKS = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRCUMFLEX, "á": _CIRCUMFLEX + _ACUTE, "à": _CIRCUMFLEX + _GRAVE,
    "å": _CIRCUMFLEX + _HOOK, "ã": _CIRCUMFLEX + _TILDE, "ä": _CIRCUMFLEX + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE,
    "ú": _BREVE + _HOOK, "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}  # fmt: skip
_VNI_MARKS.update({byte.upper(): mark for byte, mark in _VNI_MARKS.items()})
_VNI_LETTERS = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip
_VNI_LETTERS.update({byte.upper(): letter.upper() for byte, letter in _VNI_LETTERS.items()})
_VNI_BASES = frozenset("aeiouyơư")


def convert_vni(text: str) -> str:
    """VNI text (known to be VNI: its font says so) in Unicode."""
    out: list[str] = []
    for ch in text:
        mark = _VNI_MARKS.get(ch)
        base = out[-1] if out else ""
        if mark and base.lower() in _VNI_BASES and _takes(base.lower(), mark):
            out[-1] = unicodedata.normalize("NFC", base + mark)
        else:
            out.append(_VNI_LETTERS.get(ch, ch))
    return "".join(out)


def _takes(base: str, mark: str) -> bool:
    """A circumflex sits on a, e, o only and a breve on a only; a tone on any plain vowel."""
    if mark[0] == _CIRCUMFLEX:
        return base in "aeo"
    if mark[0] == _BREVE:
        return base == "a"
    return True


def convert(text: str, encoding: Encoding) -> str:
    return convert_tcvn3(text) if encoding == "TCVN3" else convert_vni(text)


_TCVN3_FONT = re.compile(r"^(?:[A-Z]+\+)?\.Vn", re.IGNORECASE)
_VNI_FONT = re.compile(r"^(?:[A-Z]+\+)?VNI[- ]", re.IGNORECASE)


def font_encoding(font: str | None) -> Encoding | None:
    """The encoding text in `font` is typed in: TCVN3 for .VnTime, .VnArial...; VNI for
    VNI-Times, VNI-Helve...; None for a Unicode font."""
    if not font:
        return None
    if _TCVN3_FONT.match(font):
        return "TCVN3"
    return "VNI" if _VNI_FONT.match(font) else None
