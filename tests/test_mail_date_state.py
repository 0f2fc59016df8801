"""A form with no report date, brought by an e-mail dated before the deadline (trial 8, finding
7): the mail's Date is the receipt date the deadline is about, so the commune answered on time.
Phụ lục II had said "Không rõ ngày" and part I "không ghi rõ ngày báo cáo"."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import docx
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes

XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def test_an_undated_form_mailed_before_the_deadline_is_on_time(
    tmp_path: Path, campaign, stamper
) -> None:  # type: ignore[no-untyped-def]
    report = SampleReport(report_date=None)
    report.tables = {"activities": [SampleRow("Tập huấn", 1, 40, 55, "Xã")]}
    form = fill_bytes(stamper.stamp(campaign.agency("BABE")), report)
    mail = EmailMessage()
    mail["From"] = "vanthu@babe.backan.gov.vn"
    mail["Subject"] = "Báo cáo Tháng hành động"
    mail["Date"] = "Fri, 10 Dec 2021 09:15:00 +0700"
    mail.set_content("Kính gửi Sở.")
    mail.add_attachment(form, maintype=XLSX[0], subtype=XLSX[1], filename="BC Ba Be.xlsx")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "Bao cao Ba Be.eml").write_bytes(bytes(mail))
    out = tmp_path / "baocao.docx"
    made = CliRunner().invoke(
        app, ["consolidate", str(inbox), "--out", str(out), "--date", "2021-12-22"]
    )
    assert made.exit_code == 0, made.output
    document = docx.Document(str(out))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    [status] = [r for r in rows if r[1] == "UBND huyện Ba Bể" and len(r) == 5]
    assert status[3] == "Đúng hạn"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "không ghi rõ ngày báo cáo" not in text
