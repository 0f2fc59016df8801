"""F1: a Word report typed in TCVN3 (.VnTime), as old offices still do, is listed as
"tệp không phải báo cáo" and the agency as "Chưa gửi" (README: TCVN3 is warned and converted)."""

import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from _common import campaign, missing, validate
from _word import report, to_legacy

# TCVN3 (ABC) code points: lower-case letters; capitals share them (.VnTimeH draws them large)
TC = dict(
    zip(
        "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ",
        "\xb5\xb6\xb7\xb8\xb9\xa8\xbb\xbc\xbd\xbe\xc6\xa9\xc7\xc8\xc9\xca\xcb\xae\xcc\xce\xcf\xd0\xd1"
        "\xaa\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xdc\xdd\xde\xdf\xe1\xe2\xe3\xe4\xab\xe5\xe6\xe7\xe8\xe9"
        "\xac\xea\xeb\xec\xed\xee\xef\xf1\xf2\xf3\xf4\xad\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe",
    )
)
TC.update(
    {"Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6", "Đ": "\xa7"}
)


def tcvn3(s):
    return "".join(TC.get(c) or TC.get(c.lower(), c) for c in s)


root = campaign()
d = report("LIÊN ĐOÀN LAO ĐỘNG TỈNH")
to_legacy(d, tcvn3, ".VnTime")
(root / "inbox").mkdir(exist_ok=True)
d.save(root / "inbox" / "BC LDLD.docx")
result, screen = validate(root)
print("header as stored:", tcvn3("LIÊN ĐOÀN LAO ĐỘNG TỈNH"))
print("others:", [(o["path"], o["code"]) for o in result["others"]])
print("files read:", [f.get("path") for f in result["files"]])
print("LDLD missing:", "LDLD" in missing(result))
print("legacy_encoding mentioned:", "bảng mã cũ" in screen)
