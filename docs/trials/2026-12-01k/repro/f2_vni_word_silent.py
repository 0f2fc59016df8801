"""F2: a Word report typed in VNI-Times is silently "tệp không phải báo cáo", agency "Chưa gửi",
no legacy_encoding warning (README: VNI is warned so the agency retypes it)."""

import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from _common import campaign, missing, validate
from _word import report, to_legacy

# VNI: base letter + tone/mark byte
V = {
    "ộ": "oä",
    "ô": "oâ",
    "ả": "aû",
    "á": "aù",
    "à": "aø",
    "ạ": "aï",
    "ậ": "aä",
    "ấ": "aá",
    "ầ": "aà",
    "â": "aâ",
    "ệ": "eä",
    "ê": "eâ",
    "ế": "eá",
    "ề": "eà",
    "é": "eù",
    "đ": "ñ",
    "ư": "ö",
    "ơ": "ô",
    "ớ": "ôù",
    "ờ": "ôø",
    "ợ": "ôï",
    "ở": "ôû",
    "ọ": "oï",
    "ó": "où",
    "ò": "oø",
    "ố": "oá",
    "ồ": "oà",
    "ú": "uù",
    "ù": "uø",
    "ụ": "uï",
    "ị": "ò",
    "ă": "aê",
    "ý": "yù",
    "ữ": "öõ",
    "ã": "aõ",
    "ĩ": "ó",
}


def vni(s):
    return "".join(V[c] if c in V else V[c.lower()].upper() if c.lower() in V else c for c in s)


root = campaign()
d = report("HỘI NÔNG DÂN TỈNH")
to_legacy(d, vni, "VNI-Times")
(root / "inbox").mkdir(exist_ok=True)
d.save(root / "inbox" / "Hoi Nong dan - BC.docx")
result, screen = validate(root)
print("others:", [(o["path"], o["code"]) for o in result["others"]])
print("HND missing:", "HND" in missing(result))
print("legacy_encoding mentioned:", "bảng mã cũ" in screen)
