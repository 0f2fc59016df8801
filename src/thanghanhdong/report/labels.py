"""Names the renderers share: the summary workbook's sheets, which the Word report also cites."""

from __future__ import annotations

SHEET_SUMMARY = "Tổng hợp"
SHEET_AGENCIES = "Theo đơn vị"
SHEET_STATUS = "Tình hình gửi báo cáo"
SHEET_CHARTS = "Biểu đồ"
SHEET_TEXTS = "Nội dung báo cáo"
