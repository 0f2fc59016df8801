"""Validation cases: one per situation, named after it, with the exact issues it must produce.

Each builder writes the files an officer would find in the inbox (made from a generated form,
filled the way an agency fills it) and the case lists (code, sheet, cell) of every issue expected.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from thanghanhdong import form
from thanghanhdong.config import Campaign
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper

ACT, MEDIA, INFO = "1. Hoạt động", "2. Truyền thông", form.SHEET_INFO
Expected = tuple[str, str | None, str | None]  # (code, sheet, cell)


@dataclass
class Case:
    name: str
    build: Callable[[Path, Campaign, FormStamper], None]
    expected: list[Expected]
    # Figures the accepted rows must add up to: table key -> (count, male, female).
    totals: dict[str, tuple[int, int, int]] = field(default_factory=dict)


def blank(campaign: Campaign, stamper: FormStamper, code: str = "BABE") -> bytes:
    agency = campaign.agency(code)
    assert agency is not None
    return stamper.stamp(agency)


def filled(
    campaign: Campaign, stamper: FormStamper, report: SampleReport | None = None, code: str = "BABE"
) -> bytes:
    return fill_bytes(blank(campaign, stamper, code), report or SampleReport())


def with_activities(*rows: SampleRow, **changes: object) -> SampleReport:
    report = SampleReport(**changes)  # type: ignore[arg-type]
    report.tables["activities"] = list(rows)
    return report


def one_file(report: SampleReport, name: str = "baocao.xlsx", code: str = "BABE"):
    def build(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
        (inbox / name).write_bytes(filled(campaign, stamper, report, code))

    return build


def _rewrite_zip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """Copy a zip, passing each part through `change` (None drops the part)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            new = change(info.filename, src.read(info))
            if new is not None:
                dst.writestr(info.filename, new)
    return out.getvalue()


def _openpyxl_edit(data: bytes, edit: Callable[[object], None]) -> bytes:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    edit(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# ----------------------------------------------------------------------------- builders


def build_two_files(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
    data = filled(campaign, stamper)
    (inbox / "BC Ba Be.xlsx").write_bytes(data)
    (inbox / "BC Ba Be (1).xlsx").write_bytes(data)


def build_resubmitted(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
    (inbox / "BC Ba Be.xlsx").write_bytes(filled(campaign, stamper))
    corrected = with_activities(SampleRow("Tập huấn", 3, 10, 10, "Xã"))
    (inbox / "BC Ba Be (gui lai).xlsx").write_bytes(filled(campaign, stamper, corrected))


def build_unknown_agency(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
    data = filled(campaign, stamper)
    (inbox / "la.xlsx").write_bytes(
        _openpyxl_edit(data, lambda wb: wb[form.SHEET_META].__setitem__("B4", "XYZ"))
    )


def build_other_year(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
    info = campaign.campaign.model_copy(update={"year": 2020, "id": "bac-kan-2020"})
    old = campaign.model_copy(update={"campaign": info})
    (inbox / "nam-truoc.xlsx").write_bytes(filled(old, FormStamper(old)))


def build_meta_deleted(name: str | None):
    def build(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
        def edit(wb) -> None:  # type: ignore[no-untyped-def]
            del wb[form.SHEET_META]
            if name is not None:
                wb[INFO][f"B{form.info_row('agency_name')}"] = name

        (inbox / "go-lai.xlsx").write_bytes(_openpyxl_edit(filled(campaign, stamper), edit))

    return build


def build_rows_inserted(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
    report = with_activities(
        SampleRow("Tập huấn", 2, 40, 65, "Huyện"), SampleRow("Hội thảo", -1, 10, 10, "Huyện")
    )

    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        wb[ACT].insert_rows(3, 2)  # two rows above the header: everything moves down by two
        wb[INFO].insert_rows(5, 1)

    (inbox / "chen-dong.xlsx").write_bytes(_openpyxl_edit(filled(campaign, stamper, report), edit))


def build_nfd(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    report = with_activities(SampleRow(nfd("Tập huấn"), 1, 10, 20, nfd("Huyện")))
    report.narratives = {k: nfd(v) for k, v in report.narratives.items()}
    (inbox / "macos.xlsx").write_bytes(filled(campaign, stamper, report))


def build_file(name: str, data: bytes | Callable[[Campaign, FormStamper], bytes]):
    def build(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
        (inbox / name).write_bytes(data if isinstance(data, bytes) else data(campaign, stamper))

    return build


def renamed_word(campaign: Campaign, stamper: FormStamper) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def renamed_powerpoint(campaign: Campaign, stamper: FormStamper) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    return out.getvalue()


def password_protected(campaign: Campaign, stamper: FormStamper) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(filled(campaign, stamper))).encrypt("matkhau", out)
    return out.getvalue()


def truncated(campaign: Campaign, stamper: FormStamper) -> bytes:
    return filled(campaign, stamper)[:3000]


def build_copied_sheet(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
    """More rows than the form has: the agency copied the sheet and went on there."""
    report = with_activities(SampleRow("Tập huấn", 2, 40, 65, "Huyện"))

    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        copy = wb.copy_worksheet(wb[ACT])
        copy.title = "1. Hoạt động (2)"
        copy["B7"], copy["C7"], copy["D7"], copy["E7"], copy["F7"] = "Hội thảo", 8, 50, 60, "Xã"

    (inbox / "them-trang.xlsx").write_bytes(_openpyxl_edit(filled(campaign, stamper, report), edit))


def _picture_pdf() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (200, 280), "white").save(out, "PDF")
    return out.getvalue()


def _cover_letter() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Kính gửi: Sở Lao động - Thương binh và Xã hội")
    document.add_paragraph("Đơn vị gửi kèm báo cáo kết quả Tháng hành động.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_attachments(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
    (inbox / "BC ky so.pdf").write_bytes(_picture_pdf())  # a scan: no agency in its name
    (inbox / "Cong van.docx").write_bytes(_cover_letter())
    (inbox / "anh hoat dong.jpg").write_bytes(b"\xff\xd8\xff")
    (inbox / "baocao.xlsx~").write_bytes(b"backup")
    (inbox / "baocao.xlsx").write_bytes(filled(campaign, stamper))


def build_lock_file(inbox: Path, campaign: Campaign, stamper: FormStamper) -> None:
    (inbox / "~$baocao.xlsx").write_bytes(b"\x00" * 165)
    (inbox / "Thumbs.db").write_bytes(b"\x00")
    (inbox / "baocao.xlsx").write_bytes(filled(campaign, stamper))


DEFAULT_TOTALS = {"activities": (2, 40, 65), "media": (30, 1200, 1350), "products": (12, 0, 0)}

CASES = [
    Case("valid_form", one_file(SampleReport()), [], DEFAULT_TOTALS),
    Case(
        "negative_number",
        one_file(with_activities(SampleRow("Tập huấn", -5, 10, 10, "Xã"))),
        [("negative_number", ACT, "C7")],
        {"activities": (0, 0, 0)},
    ),
    Case(
        "decimal_number",
        one_file(with_activities(SampleRow("Tập huấn", 12.5, 10, 10, "Xã"))),
        [("decimal_number", ACT, "C7")],
    ),
    Case(
        "decimal_comma_text",
        one_file(with_activities(SampleRow("Tập huấn", "12,5", 10, 10, "Xã"))),
        [("decimal_number", ACT, "C7")],
    ),
    Case(
        "text_number_thousands",
        one_file(with_activities(SampleRow("Tập huấn", 3, "1.234", 2000, "Xã"))),
        [("text_number", ACT, "D7")],
        {"activities": (3, 1234, 2000)},
    ),
    Case(
        "number_with_unit",
        one_file(with_activities(SampleRow("Tập huấn", 3, "15 người", 20, "Xã"))),
        [("unit_number", ACT, "D7")],
        {"activities": (3, 15, 20)},
    ),
    Case(
        "level_not_in_list",
        one_file(with_activities(SampleRow("Tập huấn", 1, 10, 10, "Thôn"))),
        [("invalid_level", ACT, "F7")],
    ),
    Case(
        "level_loose_spelling",
        one_file(with_activities(SampleRow("Tập huấn", 1, 10, 10, "cấp xã"))),
        [],
        {"activities": (1, 10, 10)},
    ),
    Case(
        "name_without_numbers",
        one_file(with_activities(SampleRow("Hội thảo", None, None, None, "Tỉnh"))),
        [("missing_numbers", ACT, "C7")],
    ),
    Case(
        "numbers_without_name",
        one_file(with_activities(SampleRow(None, 2, 10, 10, "Xã"))),
        [("missing_item", ACT, "B7")],
    ),
    Case(
        "missing_level",
        one_file(with_activities(SampleRow("Tập huấn", 2, 10, 10, None))),
        [("missing_level", ACT, "F7")],
    ),
    Case(
        "totals_row_equal",
        one_file(
            with_activities(
                SampleRow("Tập huấn", 2, 40, 65, "Huyện"),
                SampleRow("Hội thảo", 1, 10, 5, "Tỉnh"),
                SampleRow("Tổng cộng", 3, 50, 70, None),
            )
        ),
        [("totals_row", ACT, "B9")],
        {"activities": (3, 50, 70)},
    ),
    Case(
        "totals_row_unequal",
        one_file(
            with_activities(
                SampleRow("Tập huấn", 2, 40, 65, "Huyện"), SampleRow("Cộng", 2, 40, 99, None)
            )
        ),
        [("totals_mismatch", ACT, "E8")],
        {"activities": (2, 40, 65)},
    ),
    Case(
        "duplicate_item",
        one_file(
            with_activities(
                SampleRow("Tập huấn", 2, 40, 65, "Huyện"), SampleRow("tập  huấn", 1, 5, 5, "Huyện")
            )
        ),
        [("duplicate_row", ACT, "B8")],
        {"activities": (3, 45, 70)},
    ),
    Case(
        "implausible_participants",
        one_file(with_activities(SampleRow("Diễn đàn", 1, 3000, 2500, "Tỉnh"))),
        [("implausible_participants", ACT, "D7")],
        {"activities": (1, 3000, 2500)},
    ),
    Case(
        "late_report",
        one_file(SampleReport(report_date=date(2021, 12, 28))),
        [("late_report", INFO, "B6")],
        DEFAULT_TOTALS,
    ),
    Case("date_as_text", one_file(SampleReport(report_date="18/12/2021")), [], DEFAULT_TOTALS),
    Case(
        "missing_date_and_signer",
        one_file(SampleReport(report_date=None, signer_name=None)),
        [("missing_report_date", INFO, "B6"), ("missing_signer", INFO, "B8")],
    ),
    Case(
        "empty_narrative",
        one_file(
            SampleReport(
                narratives={
                    "direction": "Có",
                    "activities_text": "Có",
                    "results": "Có",
                    "difficulties": "",
                    "proposals": "Có",
                }
            )
        ),
        [("empty_narrative", INFO, "B17")],
    ),
    Case(
        "budget_with_unit",  # understood as 15.000.000 đồng, said (newcomer's finding 6)
        one_file(SampleReport(budget_state="15 triệu")),
        [("budget_text", INFO, "B13")],
    ),
    Case("two_identical_files_one_agency", build_two_files, [], DEFAULT_TOTALS),
    Case(
        "resubmitted_with_other_figures", build_resubmitted, [("duplicate_agency", None, None)] * 2
    ),
    Case("unknown_agency", build_unknown_agency, [("unknown_agency", None, None)]),
    Case("form_of_another_year", build_other_year, [("wrong_campaign", None, None)]),
    Case(
        "metadata_sheet_deleted",
        build_meta_deleted(None),
        [("form_retyped", INFO, "B4")],
        DEFAULT_TOTALS,
    ),
    Case(
        "metadata_deleted_name_loose",
        build_meta_deleted("uỷ ban nhân dân HUYỆN BA BỂ"),
        [("form_retyped", INFO, "B4")],
        DEFAULT_TOTALS,
    ),
    Case(
        "metadata_deleted_unknown_name",
        build_meta_deleted("Phòng Văn hóa"),
        # The closest roster name ("Sở Văn hóa, Thể thao và Du lịch") is offered.
        [("unknown_agency_close", INFO, "B4")],
    ),
    Case(
        "rows_inserted_by_agency",
        build_rows_inserted,
        [("negative_number", ACT, "C10")],
        {"activities": (2, 40, 65)},
    ),
    Case("nfd_text", build_nfd, [], {"activities": (1, 10, 20)}),
    Case("zero_byte_file", build_file("rong.xlsx", b""), [("file_empty", None, None)]),
    Case(
        "random_bytes",
        build_file("hong.xlsx", bytes(range(256)) * 8),
        [("file_corrupt", None, None)],
    ),
    Case("truncated_download", build_file("cut.xlsx", truncated), [("file_corrupt", None, None)]),
    Case(
        # A Word file named .xlsx is read as the Word report it is (this one is damaged).
        "word_renamed_xlsx",
        build_file("word.xlsx", renamed_word),
        [("file_corrupt", None, None)],  # damaged: its error alone
    ),
    Case(
        "powerpoint_renamed_xlsx",
        build_file("slides.xlsx", renamed_powerpoint),
        [("file_not_spreadsheet", None, None)],
    ),
    Case(
        "password_protected",
        build_file("matkhau.xlsx", password_protected),
        [("file_password", None, None)],
    ),
    Case(
        "csv_file",
        build_file("baocao.csv", b"STT,Hoat dong\n1,Tap huan\n"),
        [("file_unsupported", None, None)],
    ),
    Case("lock_and_system_files", build_lock_file, [], DEFAULT_TOTALS),
    Case(
        "table_continued_on_a_copied_sheet",
        build_copied_sheet,
        [("extra_table_sheet", "1. Hoạt động (2)", "A5")],
        {"activities": (2, 40, 65)},
    ),
    Case("blank_form_sent_back", build_file("trong.xlsx", blank), [("empty_form", None, None)]),
    Case("signed_scan_and_cover_letter_beside", build_attachments, [], DEFAULT_TOTALS),
    Case(
        "report_dated_before_the_campaign",
        one_file(SampleReport(report_date=date(2019, 12, 17))),
        [("early_report", INFO, "B6")],
        DEFAULT_TOTALS,
    ),
    Case(
        "date_with_time", one_file(SampleReport(report_date="18/12/2021 10:30")), [], DEFAULT_TOTALS
    ),
    Case(
        "legacy_tcvn3_text",
        one_file(
            with_activities(
                SampleRow("TËp huÊn", 2, 40, 65, "HuyÖn"),
                narratives={
                    "direction": "Ban hµnh kÕ ho¹ch",
                    "activities_text": "Cã",
                    "results": "Cã",
                    "difficulties": "Cã",
                    "proposals": "Cã",
                },
            )
        ),
        # "Cã" (Có) uses only letters Unicode Vietnamese has too: it cannot be told apart.
        [
            ("legacy_encoding", ACT, "B7"),
            ("legacy_encoding", ACT, "F7"),
            ("legacy_encoding", INFO, "B11"),
        ],
        {"activities": (2, 40, 65)},
    ),
    Case(
        "legacy_vni_text",
        one_file(with_activities(SampleRow("Taäp huaán", 2, 40, 65, "Huyện"))),
        [("legacy_encoding", ACT, "B7")],
        {"activities": (2, 40, 65)},
    ),
    # ---- subtotals and hierarchies (issue 9): every figure counted once
    Case(
        "subtotal_rows_by_label",
        one_file(
            with_activities(
                SampleRow("Tập huấn", 2, 40, 65, "Huyện"),
                SampleRow("Hội thảo", 1, 10, 5, "Huyện"),
                SampleRow("Cộng cấp huyện", 3, 50, 70, None),
                SampleRow("Tọa đàm", 1, 5, 5, "Xã"),
                SampleRow("Tổng số cấp xã", 1, 5, 5, "Xã"),
                SampleRow("Tổng cộng", 4, 55, 75, None),
            )
        ),
        [("subtotal_row", ACT, "B9"), ("subtotal_row", ACT, "B11"), ("totals_row", ACT, "B12")],
        {"activities": (4, 55, 75)},
    ),
    Case(
        "subtotal_of_numbered_parts",
        one_file(
            with_activities(
                SampleRow("Tập huấn", 1, 2, 3, "Tỉnh"),
                SampleRow("Hội thảo", 1, 1, 1, "Xã"),
                SampleRow("Cộng (1)+(2)", 2, 3, 4, None),
            )
        ),
        [("subtotal_row", ACT, "B9")],
        {"activities": (2, 3, 4)},
    ),
    Case(
        "subtotal_by_arithmetic",
        one_file(
            with_activities(
                SampleRow("Tập huấn tại xã Nam Mẫu", 1, 10, 10, "Xã"),
                SampleRow("Tập huấn tại xã Khang Ninh", 2, 5, 5, "Xã"),
                SampleRow("Tập huấn các xã", 3, 15, 15, None),
            )
        ),
        [("subtotal_row", ACT, "B9")],
        {"activities": (3, 15, 15)},
    ),
    Case(
        "activity_named_tong_ket_is_counted",
        one_file(with_activities(SampleRow("Tổng kết Tháng hành động", 1, 30, 40, "Huyện"))),
        [],
        {"activities": (1, 30, 40)},
    ),
    Case(
        "parent_and_child_rows",
        one_file(
            with_activities(
                SampleRow("Tập huấn", 3, 30, 40, "Huyện"),
                SampleRow("Tập huấn tại xã Nam Mẫu", 1, 10, 20, "Xã"),
                SampleRow("Tập huấn tại xã Khang Ninh", 2, 20, 20, "Xã"),
                SampleRow("Hội thảo", None, None, None, None),
                SampleRow("Hội thảo cấp tỉnh", 1, 5, 5, "Tỉnh"),
                SampleRow("Hội thảo cấp xã", 1, 6, 4, "Xã"),
                SampleRow("Tọa đàm", 1, 2, 2, "Tỉnh"),
                cells={
                    (ACT, f"A{7 + offset}"): stt
                    for offset, stt in enumerate(("1", "1.1", "1.2", "2", "a", "b", "3"))
                },
            )
        ),
        # Row 10 is a heading (no figures over its a / b rows): nothing to say.
        [("parent_row", ACT, "B7")],
        {"activities": (6, 43, 51)},
    ),
    Case(
        "parent_row_differs_from_its_children",
        one_file(
            with_activities(
                SampleRow("Tập huấn", 3, 30, 41, "Huyện"),
                SampleRow("Tại xã Nam Mẫu", 1, 10, 20, "Xã"),
                SampleRow("Tại xã Khang Ninh", 2, 20, 20, "Xã"),
                cells={(ACT, "A7"): "1", (ACT, "A8"): "-", (ACT, "A9"): "-"},
            )
        ),
        [("totals_mismatch", ACT, "E7")],
        {"activities": (3, 30, 40)},
    ),
    Case(
        "one_event_per_row",
        one_file(
            with_activities(
                SampleRow("Tập huấn", 1, 10, 12, "Xã"),
                SampleRow("Tập huấn", 1, 8, 9, "Xã"),
                SampleRow("Tập huấn", 1, 7, 7, "Xã"),
                SampleRow("Hội thảo", 1, 5, 5, "Tỉnh"),
                SampleRow("Hội thảo", 1, 4, 4, "Tỉnh"),
            )
        ),
        [("duplicate_row", ACT, "B8")],  # one warning for the table, naming rows 8, 9 and 11
        {"activities": (5, 34, 37)},
    ),
]
