"""Build trial 2026-12-02b's inbox: mails as they arrive at the Department (Gmail, Outlook,
Thunderbird, mail.gov.vn), written as raw MIME where the encoding matters, Outlook .msg by
aspose-email-foss; and figures.json (hand sums).

    python build.py DOT WINMAIL_DAT     (DOT: `thd init DOT`, `thd generate-templates` done)
"""

import base64
import io
import json
import quopri
import sys
import unicodedata
import urllib.parse
import zipfile
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

import openpyxl
from aspose.email_foss import msg

DOT = Path(sys.argv[1])
WINMAIL = Path(sys.argv[2]).read_bytes()  # a real TNEF (tnefparse's tests/examples/one-file.tnef)
INBOX = DOT / "inbox"
INBOX.mkdir(exist_ok=True)
FORMS = DOT / "mau-bao-cao"
ISSUER = "binhdanggioi@backan.gov.vn"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIGURES = {}


def form_path(code):
    return next(FORMS.glob(f"2021_{code.lower()}_*.xlsx"))


def filled(code, n, date="15/12/2021"):
    """The agency's form: one activity (n cuộc, 10n nam, 20n nữ), state budget n million."""
    book = openpyxl.load_workbook(form_path(code))
    info = book["Thông tin chung"]
    info["B5"], info["B6"] = f"{n}/BC", date
    info["B7"], info["B8"] = "GIÁM ĐỐC", "Nguyễn Văn An"
    info["B13"], info["B14"] = n * 1_000_000, 0
    sheet = book["1. Hoạt động"]
    for column, value in zip("BCDEF", ("Tập huấn", n, 10 * n, 20 * n, "Tỉnh")):
        sheet[f"{column}7"] = value
    FIGURES[code] = {"count": n, "male": 10 * n, "female": 20 * n, "state": n * 1_000_000}
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def b64(data):
    return base64.encodebytes(data).decode()


def qp(text, charset="utf-8"):
    return quopri.encodestring(text.encode(charset)).decode()


def rfc2047(text, charset="UTF-8"):
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


def head(sender, subject, date, extra=""):
    return (
        f"From: {sender}\r\nTo: Phòng Bình đẳng giới <{ISSUER}>\r\nSubject: {subject}\r\n"
        f"Date: {date}\r\nMIME-Version: 1.0\r\n{extra}"
    )


def write(name, data):
    path = INBOX / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


# A. Gmail: QP utf-8 alternative, attachment name RFC 2047 inside quotes (as Gmail writes it).
name = "Báo cáo THĐ Sở Y tế 2021.xlsx"
write(
    "Gmail - Bao cao SYT.eml",
    head(
        f"{rfc2047('Văn thư Sở Y tế')} <vanthu.syt@gmail.com>",
        rfc2047("Báo cáo Tháng hành động 2021"),
        "Wed, 15 Dec 2021 10:12:03 +0700",
    )
    + 'Content-Type: multipart/mixed; boundary="000000000000a1"\r\n\r\n'
    + '--000000000000a1\r\nContent-Type: multipart/alternative; boundary="000000000000a2"\r\n\r\n'
    + '--000000000000a2\r\nContent-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
    + qp("Kính gửi Sở LĐ-TB&XH,\nSở Y tế gửi báo cáo kết quả Tháng hành động năm 2021.\n")
    + '\r\n--000000000000a2\r\nContent-Type: text/html; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
    + qp('<div dir="ltr">Kính gửi Sở LĐ-TB&amp;XH,<br>Sở Y tế gửi báo cáo.</div>')
    + "\r\n--000000000000a2--\r\n"
    + f'--000000000000a1\r\nContent-Type: {XLSX}; name="{rfc2047(name)}"\r\n'
    + f'Content-Disposition: attachment; filename="{rfc2047(name)}"\r\nContent-Transfer-Encoding: base64\r\n'
    + "X-Attachment-Id: f_kx1\r\nContent-ID: <f_kx1>\r\n\r\n"
    + b64(filled("SYT", 1))
    + "--000000000000a1--\r\n",
)

# B. Outlook (.eml saved): base64 body in windows-1258 (tones as combining marks, as Vietnamese
# Windows writes them), subject Q-encoded windows-1258, attachment name RFC 2231.
body = "Sở Tư pháp gửi báo cáo Tháng hành động.\r\nTrân trọng."
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to1258(text):
    """cp1258 as Vietnamese Windows writes it: base letters (ơ, ư, â...) precomposed, the five
    tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def q1258(text):
    return (
        "=?windows-1258?Q?"
        + "".join(f"={b:02X}" if b > 127 or chr(b) in "?=_ " else chr(b) for b in to1258(text))
        + "?="
    )


subject = q1258("Báo cáo THĐ - Sở Tư pháp")
name = "Báo cáo Sở Tư pháp.xlsx"
write(
    "Outlook - So Tu phap.eml",
    head(
        f"{q1258('Sở Tư pháp')} <stp@backan.gov.vn>",
        subject,
        "Thu, 16 Dec 2021 08:30:00 +0700",
        "X-Mailer: Microsoft Outlook 16.0\r\n",
    )
    + 'Content-Type: multipart/mixed; boundary="----=_NextPart_000_0001"\r\n\r\n'
    + '------=_NextPart_000_0001\r\nContent-Type: text/plain; charset="windows-1258"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
    + b64(to1258(body))
    + f"\r\n------=_NextPart_000_0001\r\nContent-Type: {XLSX}\r\n"
    + f"Content-Disposition: attachment; filename*=utf-8''{urllib.parse.quote(name)}\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    + b64(filled("STP", 2))
    + "------=_NextPart_000_0001--\r\n",
)

# C. Thunderbird: format=flowed, a long name in RFC 2231 continuations.
name = "Báo cáo kết quả thực hiện Tháng hành động vì bình đẳng giới năm 2021 - Sở GDĐT.xlsx"
quoted = urllib.parse.quote(name)
pieces, piece = [], ""
for token in __import__("re").findall(r"%[0-9A-F]{2}|.", quoted):  # never split an escape
    if len(piece) + len(token) > 60:
        pieces.append(piece)
        piece = ""
    piece += token
pieces.append(piece)
params = "".join(
    f";\r\n filename*{i}*={'utf-8' + chr(39) * 2 if i == 0 else ''}{p}"
    for i, p in enumerate(pieces)
)
write(
    "Thunderbird - SGDDT.eml",
    head(
        "Phòng CTTT Sở GDĐT <sgddt@backan.gov.vn>".encode().decode(),
        rfc2047("Re: Đề nghị báo cáo Tháng hành động"),
        "Fri, 17 Dec 2021 16:40:11 +0700",
        "User-Agent: Mozilla/5.0 Thunderbird/91.4.0\r\n",
    )
    + 'Content-Type: multipart/mixed; boundary="------------tb01"\r\nContent-Language: vi\r\n\r\n'
    + "This is a multi-part message in MIME format.\r\n--------------tb01\r\n"
    + "Content-Type: text/plain; charset=UTF-8; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    + "Sở GDĐT gửi báo cáo. \r\n\r\nOn 22/11/2021 08:00, Phòng BĐG wrote:\r\n> Đề nghị các Sở Y tế, Sở Nội vụ gửi báo cáo\r\n"
    + f"--------------tb01\r\nContent-Type: {XLSX};\r\n name*0*=utf-8''{pieces[0]}\r\n"
    + f"Content-Disposition: attachment{params}\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    + b64(filled("SGDDT", 3))
    + "--------------tb01--\r\n",
)

# D. mail.gov.vn (Zimbra webmail): the form as nameless application/octet-stream.
write(
    "mail.gov.vn - Cong an tinh.eml",
    head(
        "cat@backan.gov.vn",
        rfc2047("BC THĐ 2021"),
        "Sat, 18 Dec 2021 07:05:00 +0700",
        "X-Mailer: Zimbra 8.8.15_GA\r\n",
    )
    + 'Content-Type: multipart/mixed; boundary="=_z1"\r\n\r\n'
    + "--=_z1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
    + qp("<html><body><div>Công an tỉnh gửi báo cáo</div></body></html>")
    + "\r\n--=_z1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    + b64(filled("CAT", 4))
    + "--=_z1--\r\n",
)

# E. Outlook rich text: the form packed in winmail.dat, from the roster address.
write(
    "Outlook RTF - Hoi Nong dan.eml",
    head(
        "Hội Nông dân tỉnh <hnd@backan.gov.vn>",
        rfc2047("Báo cáo THĐ"),
        "Sat, 18 Dec 2021 09:00:00 +0700",
    )
    + 'Content-Type: multipart/mixed; boundary="b_e"\r\n\r\n'
    + "--b_e\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHội Nông dân gửi báo cáo.\r\n"
    + '--b_e\r\nContent-Type: application/ms-tnef; name="winmail.dat"\r\nContent-Disposition: attachment; filename="winmail.dat"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
    + b64(WINMAIL)
    + "--b_e--\r\n",
)


def mail(sender, subject, date, text, files, html=None, related=()):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"], message["Date"] = (
        sender,
        ISSUER,
        subject,
        date,
    )
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
        for cid, image in related:
            message.get_payload()[1].add_related(
                image,
                "image",
                "png",
                cid=f"<{cid}>",
                filename=cid.split("@")[0],
                disposition="inline",
            )
    for filename, data, kind in files:
        maintype, subtype = kind.split("/")
        message.add_attachment(data, maintype, subtype, filename=filename)
    return message


# F. The form attached twice (Outlook: dragged twice, "(1)" added).
bdt = filled("BDT", 5)
write(
    "Ban Dan toc.eml",
    mail(
        "bdt@backan.gov.vn",
        "Báo cáo THĐ Ban Dân tộc",
        "Thu, 16 Dec 2021 14:00:00 +0700",
        "Gửi báo cáo.",
        [("BC Ban Dan toc.xlsx", bdt, XLSX), ("BC Ban Dan toc (1).xlsx", bdt, XLSX)],
    ).as_bytes(),
)

# G. A signature with an inline logo (multipart/related, image001.png by Content-ID).
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
write(
    "MTTQ - bao cao.eml",
    mail(
        "mttq@backan.gov.vn",
        "Báo cáo THĐ",
        "Fri, 17 Dec 2021 10:00:00 +0700",
        "Gửi báo cáo.\n-- \nBan Thường trực",
        [("BC MTTQ.xlsx", filled("MTTQ", 6), XLSX)],
        html='<p>Gửi báo cáo.</p><p><img src="cid:image001.png@01D7F"></p>',
        related=[("image001.png@01D7F", PNG)],
    ).as_bytes(),
)

# H. A district's zip of its forms (the form and a copy of the blank one it did not need).
zipped = io.BytesIO()
with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
    archive.writestr("Báo cáo THĐ huyện Ba Bể/BC Ba Be.xlsx", filled("BABE", 7))
write(
    "UBND huyen Ba Be.eml",
    mail(
        "ubndbabe@backan.gov.vn",
        "Báo cáo",
        "Fri, 17 Dec 2021 11:00:00 +0700",
        "Gửi file nén.",
        [("Bao cao Ba Be.zip", zipped.getvalue(), "application/x-zip-compressed")],
    ).as_bytes(),
)

# I. A reply chain: "RE: Fw:" with the first form, then "RE: RE: Fw:" with the corrected one.
quote = "\n\n-----Original Message-----\nFrom: Phòng BĐG <binhdanggioi@backan.gov.vn>\nSent: Monday, November 22, 2021 8:00 AM\nSubject: Đề nghị báo cáo\n\nĐề nghị Sở Y tế, Sở Nội vụ báo cáo."
write(
    "RE Fw De nghi bao cao.eml",
    mail(
        "Tỉnh đoàn <tinhdoan@backan.gov.vn>",
        "RE: Fw: Đề nghị báo cáo Tháng hành động",
        "Tue, 14 Dec 2021 09:00:00 +0700",
        "Gửi báo cáo." + quote,
        [("BC Tinh doan.xlsx", filled("TDOAN", 80), XLSX)],
    ).as_bytes(),
)
write(
    "RE RE Fw De nghi bao cao.eml",
    mail(
        "Tỉnh đoàn <tinhdoan@backan.gov.vn>",
        "RE: RE: Fw: Đề nghị báo cáo Tháng hành động",
        "Fri, 17 Dec 2021 15:00:00 +0700",
        "Gửi lại báo cáo đã sửa theo góp ý." + quote,
        [("BC Tinh doan (sua).xlsx", filled("TDOAN", 8), XLSX)],
    ).as_bytes(),
)

# J. Outlook's inline "Fw:" of the officer's request: the request's blank forms come along as
# the mail's own attachments, beside LĐLĐ's filled form.
request_files = [(form_path(c).name, form_path(c).read_bytes(), XLSX) for c in ("LDLD", "SNV")]
write(
    "Fw De nghi bao cao - LDLD.eml",
    mail(
        "ldld@backan.gov.vn",
        "Fw: Đề nghị báo cáo Tháng hành động",
        "Thu, 16 Dec 2021 09:00:00 +0700",
        "Gửi báo cáo đã điền." + quote,
        [("BC LDLD da dien.xlsx", filled("LDLD", 9), XLSX), *request_files],
    ).as_bytes(),
)


def outlook(message):
    return bytes(msg.MapiMessage.from_email_message(message).to_bytes())


# K. A mail dragged out of Outlook (.msg).
write(
    "Bao cao HLHPN.msg",
    outlook(
        mail(
            "Hội LHPN tỉnh <hlhpn@backan.gov.vn>",
            "Báo cáo THĐ",
            "Wed, 15 Dec 2021 16:00:00 +0700",
            "Gửi báo cáo.",
            [("Báo cáo Hội LHPN.xlsx", filled("HLHPN", 10), XLSX)],
        )
    ),
)

# L. The officer's request forwarded as an attachment inside an Outlook .msg.
request = mail(
    f"Phòng BĐG <{ISSUER}>",
    "Đề nghị báo cáo Tháng hành động",
    "Mon, 22 Nov 2021 08:00:00 +0700",
    "Đề nghị gửi báo cáo.",
    [(form_path(c).name, form_path(c).read_bytes(), XLSX) for c in ("SVHTTDL", "STC")],
)
svh = mail(
    "svhttdl@backan.gov.vn",
    "Fw: Đề nghị báo cáo Tháng hành động",
    "Sat, 18 Dec 2021 10:00:00 +0700",
    "Gửi báo cáo, kèm thư của Sở.",
    [("BC SVHTTDL.xlsx", filled("SVHTTDL", 11), XLSX)],
)
svh.add_attachment(request)
write("Fw De nghi bao cao - SVHTTDL.msg", outlook(svh))

# M. A colleague forwards DPTTH's own mail as an attachment (message/rfc822), on 21/12.
own = mail(
    "dpth@backan.gov.vn",
    "Báo cáo THĐ",
    "Sun, 19 Dec 2021 20:00:00 +0700",
    "Gửi báo cáo.",
    [("BC Dai PTTH.xlsx", filled("DPTTH", 12), XLSX)],
)
fwd = mail(
    "nguyenvana.btxh@gmail.com",
    "Fwd: Báo cáo THĐ",
    "Tue, 21 Dec 2021 08:00:00 +0700",
    "Chuyển tiếp thư của Đài.",
    [],
)
fwd.add_attachment(own)
write("Fwd Dai PTTH.eml", fwd.as_bytes())

(DOT / "figures.json").write_text(
    json.dumps(FIGURES, indent=1, ensure_ascii=False), encoding="utf-8"
)
print(formatdate(), len(list(INBOX.iterdir())), "files")
