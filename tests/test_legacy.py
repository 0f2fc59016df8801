"""Legacy Vietnamese encodings: TCVN3 converts to Unicode, VNI is detected, Unicode is left alone."""

from __future__ import annotations

import pytest

from thanghanhdong.legacy import detect, to_unicode


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Héi Liªn hiÖp Phô n÷ tØnh", "Hội Liên hiệp Phụ nữ tỉnh"),
        ("Tæ chøc tËp huÊn", "Tổ chức tập huấn"),
        ("§µi Ph¸t thanh vµ TruyÒn h×nh", "Đài Phát thanh và Truyền hình"),
    ],
)
def test_tcvn3_converts(typed: str, expected: str) -> None:
    assert to_unicode(typed) == (expected, "TCVN3")


def test_vni_is_detected_not_guessed() -> None:
    assert to_unicode("Hoäi Lieân hieäp Phuï nöõ") == ("Hoäi Lieân hieäp Phuï nöõ", "VNI")


@pytest.mark.parametrize(
    "text", ["Tiêu chí báo cáo", "Hội Liên hiệp Phụ nữ", "Khó khăn", "abc 123", ""]
)
def test_unicode_vietnamese_is_not_flagged(text: str) -> None:
    assert detect(text) is None
