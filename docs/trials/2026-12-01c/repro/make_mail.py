"""Wrap a file in an e-mail (Python email): make_mail.py ATTACHMENT OUT.eml "RFC 2822 DATE"."""

import sys
from email.message import EmailMessage
from pathlib import Path


def main(attachment, out, date):
    message = EmailMessage()
    message["From"] = "tinhdoan@backan.gov.vn"
    message["To"] = "binhdanggioi@backan.gov.vn"
    message["Subject"] = "Bao cao Thang hanh dong"
    message["Date"] = date
    message.set_content("Kính gửi Sở, Tỉnh đoàn gửi báo cáo.")
    data = Path(attachment).read_bytes()
    message.add_attachment(
        data, maintype="application", subtype="octet-stream", filename="Bao cao THD.xlsx"
    )
    Path(out).write_bytes(bytes(message))


if __name__ == "__main__":
    main(*sys.argv[1:4])
