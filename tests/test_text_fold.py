"""text.fold, the loose key under every name match: the fast way (one regex over the combining
diacritical marks) gives exactly what asking each character's combining class gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from thanghanhdong.text import fold


def _by_each_character(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


# Vietnamese letters precomposed and decomposed, the whole combining block (U+034F, the grapheme
# joiner, has combining class 0 and stays), other scripts' marks, odd spaces and punctuation.
_CHARACTERS = st.sampled_from(
    [chr(c) for c in range(0x300, 0x370)]
    + list("ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
    + list("Ủy ban nhân dân UBND xã-Phường, LĐ-TB&XH “Sở” – ")
    + ["\u00a0", "\u3000", "\u1dc0", "\u20d0", "\u0483", "\u05b0", "\u093c", "ﬁ", "ß", "İ"]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_CHARACTERS, max_size=16).map("".join))
def test_fold_is_the_per_character_definition(text: str) -> None:
    assert fold(text) == _by_each_character(text)


def test_fold_of_names() -> None:
    assert fold("Ủy ban nhân dân xã Thượng Ân") == "uy ban nhan dan xa thuong an"
    assert fold("SỞ LĐ-TB&XH\u00a0TỈNH") == "so ld-tb&xh tinh"
    assert fold("a\u034fb") == "a\u034fb"  # the grapheme joiner is no diacritic
