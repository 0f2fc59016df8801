"""The signed report's sentences as a Vietnamese reader checks them (review 2026-12-02d):
catalogue items inside a sentence are common nouns ("nhiều nhất là tập huấn"), an agency's own
wording keeps its capitals, and the points of one theme in Phần II are sentences of their own
("… (Sở Y tế). Người có uy tín … (Sở Dân tộc)."), never run on with "; " before a capital.
Forms generated and filled as agencies would (openpyxl), consolidated by the command, the Word
report read back with python-docx."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
from typer.testing import CliRunner

from thanghanhdong.cli import app
from thanghanhdong.config import Campaign
from thanghanhdong.sample import SampleReport, SampleRow, fill
from thanghanhdong.template import file_name

runner = CliRunner()


def _report(rows: list[SampleRow], results: str, difficulties: str) -> SampleReport:
    report = SampleReport(report_date=date(2021, 12, 17))
    report.tables = {"activities": rows, "media": [], "products": []}
    report.narratives = {**report.narratives, "results": results, "difficulties": difficulties}
    return report


def _paragraphs(campaign: Campaign, tmp_path: Path, reports: dict[str, SampleReport]) -> list[str]:
    forms, inbox = tmp_path / "forms", tmp_path / "inbox"
    args = ["generate-templates", "--out", str(forms)]
    for code in reports:
        args += ["--agency", code]
    assert runner.invoke(app, args).exit_code == 0
    inbox.mkdir()
    for code, report in reports.items():
        agency = campaign.agency(code)
        assert agency is not None
        fill(forms / file_name(campaign, agency), inbox / file_name(campaign, agency), report)
    out = tmp_path / "baocao.docx"
    result = runner.invoke(
        app, ["consolidate", str(inbox), "--out", str(out), "--date", "2021-12-22"]
    )
    assert result.exit_code == 0, result.output
    return [p.text for p in docx.Document(str(out)).paragraphs]


def test_items_are_common_nouns_and_points_are_sentences(
    tmp_path: Path, campaign: Campaign
) -> None:
    paragraphs = _paragraphs(
        campaign,
        tmp_path,
        {
            "SYT": _report(
                [
                    SampleRow("Nói chuyện chuyên đề", 14, 380, 920, "Tỉnh"),
                    SampleRow("Ngày hội Gia đình Việt Nam", 9, 100, 120, "Tỉnh"),
                ],
                "Nhận thức của nhân viên y tế về bình đẳng giới được nâng lên.",
                "Kinh phí còn hạn hẹp.",
            ),
            "BDT": _report(
                [SampleRow("Tập huấn", 5, 180, 265, "Xã")],
                "Người có uy tín tích cực tham gia vận động xóa bỏ hủ tục, nâng cao nhận thức.",
                "Nguồn kinh phí bố trí cho tuyên truyền còn ít.",
            ),
        },
    )
    (activities,) = [p for p in paragraphs if "Nhiều nhất là" in p]
    assert (
        "Nhiều nhất là nói chuyện chuyên đề (14 cuộc, 1.300 lượt người tham gia); Ngày hội Gia "
        "đình Việt Nam (9 cuộc, 220 lượt người tham gia); tập huấn (5 cuộc, 445 lượt người tham "
        "gia)." in activities
    )
    (results,) = [p for p in paragraphs if p.startswith("- Nhận thức, tập quán:")]
    assert results == (
        "- Nhận thức, tập quán: Nhận thức của nhân viên y tế về bình đẳng giới được nâng lên "
        "(Sở Y tế). Người có uy tín tích cực tham gia vận động xóa bỏ hủ tục, nâng cao nhận "
        "thức (Ban Dân tộc)."
    )
    assessment = paragraphs[
        paragraphs.index("II. ĐÁNH GIÁ CHUNG") : paragraphs.index("III. TỔNG HỢP SỐ LIỆU")
    ]
    for paragraph in assessment:
        assert not re.search(r"\); [A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]", paragraph), paragraph


def test_the_issuers_own_answer_is_not_one_sent_to_itself(tmp_path: Path) -> None:
    """The example inbox holds the Sở's own form: "Có 24/28 ... gửi báo cáo ... về Sở Lao động
    - Thương binh và Xã hội" counted it as sent to itself, and I.1's "14/23" (the Sở's own form
    apart) could not be placed beside it (review 2026-12-02d, finding 10)."""
    import docx as python_docx
    from typer.testing import CliRunner

    from thanghanhdong.cli import app

    out = tmp_path / "baocao.docx"
    inbox = Path(__file__).parents[1] / "examples" / "inbox"
    done = CliRunner().invoke(app, ["consolidate", str(inbox), "--out", str(out)])
    assert done.exit_code == 0, done.output
    text = "\n".join(p.text for p in python_docx.Document(str(out)).paragraphs)
    assert (
        "Có 24/28 cơ quan, đơn vị, địa phương (kể cả Sở Lao động - Thương binh và Xã hội) đã "
        "báo cáo kết quả thực hiện, trong đó 1 đơn vị gửi muộn (UBND huyện Ngân Sơn)."
    ) in text
    assert "gửi báo cáo kết quả thực hiện về Sở Lao động" not in text
    assert (
        "Có 14/23 cơ quan, đơn vị, địa phương (không kể Sở Lao động - Thương binh và Xã hội) đã "
        "báo cáo ban hành 14 kế hoạch"
    ) in text
    # Phụ lục II counts as the sentence does.
    assert "phải báo cáo: 28; đã gửi: 24" in text
