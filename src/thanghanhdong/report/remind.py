"""The reminder (công văn đôn đốc): to the agencies that have not answered or whose answer
cannot be used, from the one completeness computation, rendered into templates/nhac.docx
(built by scripts/build_remind_template.py; an officer may edit a copy like the report's).
The covering note sent with an annotated copy uses the same template.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from thanghanhdong import messages
from thanghanhdong.completeness import AgencyStatus, Completeness, State, issuer_agency
from thanghanhdong.config import Agency, AgencyGroup, Campaign
from thanghanhdong.model import Issue, Severity
from thanghanhdong.report import numbers
from thanghanhdong.report.stamp import with_core_dates
from thanghanhdong.resources import template_path
from thanghanhdong.text import printable

TEMPLATE_NAME = "nhac.docx"


def to_remind(status: Completeness) -> list[AgencyStatus]:
    """Who the letter is addressed to: not answered, or nothing usable received (roster order)."""
    return status.with_state(State.MISSING, State.UNUSABLE)


def _clean(text: str) -> str:
    return " ".join(printable(text).split())


def _body_name(campaign: Campaign) -> str:
    agency = issuer_agency(campaign)
    if agency is not None:
        return _clean(agency.name)
    from thanghanhdong.report.labels import in_sentence

    return in_sentence(_clean(campaign.issuer.name))


def _addressees(entries: Sequence[AgencyStatus]) -> dict[str, Any]:
    names = [_clean(e.name) for e in entries]
    if len(names) == 1:
        return {"first": f"{names[0]}.", "rest": []}
    lines = [f"- {name};" for name in names]
    lines[-1] = lines[-1][:-1] + "."
    return {"first": lines[0], "rest": lines[1:]}


def _what_to_send(campaign: Campaign, entry: AgencyStatus, rollup_groups: set[AgencyGroup]) -> str:
    from thanghanhdong.template import file_name

    if entry.state is State.UNUSABLE:
        # After the dash the problem goes on the sentence: its first letter in lower case.
        return f"{_clean(entry.name)}: gửi lại báo cáo đã sửa — {messages.lowered(_to_correct(entry))}."
    template = file_name(campaign, entry.agency)
    form = f"báo cáo theo mẫu Excel đã được gửi kèm (tệp {template})"
    data_file = (
        "tệp số liệu tổng hợp (baocao.json) do thd ghi cạnh báo cáo tổng hợp của đơn vị, "
        "kèm báo cáo đã ký"
    )
    if _PROVINCE_BODY.match(_clean(entry.name)):
        return f"{_clean(entry.name)}: gửi {data_file}."
    if entry.agency.group in rollup_groups:
        return (
            f"{_clean(entry.name)}: gửi {data_file} (hoặc báo cáo theo mẫu Excel đã được gửi "
            f"kèm, tệp {template})."
        )
    return f"{_clean(entry.name)}: gửi {form}."


# A province's people's committee answers a ministry with its own consolidation, never with a
# form the ministry made for it.
_PROVINCE_BODY = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+tỉnh\s", re.IGNORECASE)


def _rollup_groups(status: Completeness) -> set[AgencyGroup]:
    """The groups some of whose agencies answered with a data file: a lower level that
    consolidates (the districts of a province whose districts run thd)."""
    return {
        e.agency.group
        for e in status.entries
        if any(path.suffix.lower() == ".json" for path in e.files)
    }


def _to_correct(entry: AgencyStatus) -> str:
    """Its first problems, each at its place in its own report ("bảng 1. Hoạt động, dòng 8,
    cột Nam: “12 người” không phải là số"), then how many more; the short reason when the
    problems are not known (an unreadable file)."""
    if not entry.problems:
        return messages.lowered(_clean(entry.reason).rstrip("."))
    more = f" và {entry.more_problems} lỗi khác" if entry.more_problems else ""
    # Each problem after the first goes on the sentence after "; ": lowered like after the dash.
    first, *rest = (_clean(p) for p in entry.problems)
    return "; ".join([first, *(messages.lowered(p) for p in rest)]) + more


def _paragraphs(campaign: Campaign, status: Completeness, today: date) -> list[str]:
    info, body = campaign.campaign, _body_name(campaign)
    deadline = numbers.short_date(info.deadline)
    missing, unusable = len(status.missing), len(status.unusable)
    covered = len(status.covered)
    through = f" (kể cả {covered} đơn vị có trong báo cáo tổng hợp của cấp trên)" if covered else ""
    first = (
        f"Thực hiện Kế hoạch số {_clean(info.plan_number)} ngày "
        f"{numbers.short_date(info.plan_date)} của {_clean(info.plan_issuer)} về tổ chức "
        f"{_clean(info.name)} năm {info.year}, {body} đề nghị các cơ quan, đơn vị gửi báo cáo "
        f"kết quả thực hiện trước ngày {deadline}."
    )
    second = (
        f"Đến ngày {numbers.short_date(today)}, {body} đã nhận được báo cáo dùng được của "
        f"{len(status.usable) + covered}/{status.expected} cơ quan, đơn vị{through}; còn "
        + " và ".join(
            text
            for count, text in (
                (missing, f"{missing} cơ quan, đơn vị chưa gửi báo cáo"),
                (unusable, f"{unusable} cơ quan, đơn vị gửi báo cáo chưa tổng hợp được"),
            )
            if count
        )
        + "."
    )
    when = (
        f"trước ngày {deadline}"
        if today <= info.deadline
        else f"ngay trong thời gian sớm nhất (hạn gửi ngày {deadline} đã qua)"
    )
    to = _clean(campaign.issuer.recipients[0]).rstrip(";.")
    third = (
        f"Để kịp thời tổng hợp báo cáo {to}, {body} đề nghị "
        f"các cơ quan, đơn vị có tên trên gửi báo cáo {when}, cụ thể:"
    )
    return [first, second, third]


def _closing(campaign: Campaign, addressee: str = "các cơ quan, đơn vị") -> str:
    """The last paragraph; `addressee`: who is asked (a covering letter names its agency)."""
    issuer = campaign.issuer
    where = _clean(issuer.contact) or _body_name(campaign)
    email = f", thư điện tử {_clean(issuer.email)}" if issuer.email else ""
    return f"Báo cáo gửi về {where}{email}. Trân trọng đề nghị {addressee} quan tâm phối hợp./."


def build_context(campaign: Campaign, status: Completeness, today: date) -> dict[str, Any]:
    entries = to_remind(status)
    return {
        **_frame(campaign),
        "about": f"V/v đôn đốc gửi báo cáo kết quả thực hiện Tháng hành động năm "
        f"{campaign.campaign.year}",
        "date_line": numbers.date_line(_clean(campaign.issuer.place), today),
        "addressees": _addressees(entries),
        "paragraphs": _paragraphs(campaign, status, today),
        "to_send": [_what_to_send(campaign, e, _rollup_groups(status)) for e in entries],
    }


def _frame(campaign: Campaign) -> dict[str, Any]:
    """What every letter of the issuing body carries: header, number, closing, distribution."""
    from thanghanhdong.report.docx import HEADER_LEFT_TWIPS, rule_indent

    issuer = campaign.issuer
    return {
        "issuer": {
            "parent": _clean(issuer.parent).upper(),
            "name": _clean(issuer.name).upper(),
            # ND30: the rule under the issuing body, 1/3 to 1/2 of its name, as in the report.
            "rule_indent": rule_indent(_clean(issuer.name).upper(), HEADER_LEFT_TWIPS, 13),
            "signer_authority": _clean(issuer.signer_authority).upper(),
            "signer_title": _clean(issuer.signer_title).upper(),
            "signer_name": _clean(issuer.signer_name),
        },
        "number": f"Số:      /{_clean(issuer.abbreviation)}",
        "closing": _closing(campaign),
        "distribution": ["- Như trên;", f"- {_clean(issuer.archive).rstrip(';.')}."],
    }


def render_remind(campaign: Campaign, status: Completeness, today: date) -> bytes:
    return _render(build_context(campaign, status, today), today)


def _render(context: dict[str, Any], today: date | None) -> bytes:
    from jinja2 import Environment, StrictUndefined

    from thanghanhdong.report.fastdocx import FastTemplate

    document = FastTemplate(str(template_path(TEMPLATE_NAME)))
    environment = Environment(autoescape=True, undefined=StrictUndefined)
    document.render(context, jinja_env=environment, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return with_core_dates(buffer.getvalue(), today) if today else buffer.getvalue()


# ------------------------------------------------------------------------ covering notes


def covering_context(
    campaign: Campaign,
    agency: Agency,
    issues: Sequence[Issue],
    copy: str | None,
    today: date | None,
    *,
    from_document: bool = False,
    information: Sequence[str] = (),
    clock: date | None = None,
) -> dict[str, Any]:
    """The letter that goes with one agency's annotated copy: what to correct, one line each
    (to the agency itself, so places in its own file are named). `copy`: the marked form sent
    with it (None: the letter alone); `from_document`: the agency answered in Word or PDF;
    `information`: facts it cannot change (lateness), said once, not as points to fix;
    `clock`: the real date, so that a deadline already passed is not asked for (a blank
    `today` still carries the year)."""
    info, body, place = campaign.campaign, _body_name(campaign), _clean(campaign.issuer.place)
    points = messages.runs(list(issues))  # a problem in many cells of a column: one point
    errors = sum(p.issue.severity is Severity.ERROR for p in points)
    context = _frame(campaign)
    context["about"] = f"V/v sửa báo cáo kết quả thực hiện Tháng hành động năm {info.year}"
    context["date_line"] = (
        numbers.date_line(place, today)
        if today
        else f"{place}, ngày ...... tháng ...... năm {info.deadline.year}"
    )
    context["addressees"] = _addressees([AgencyStatus(agency, State.UNUSABLE)])
    context["paragraphs"] = [
        f"{body} đã nhận được báo cáo kết quả thực hiện {_clean(info.name)} năm {info.year} "
        f"của {_clean(agency.name)}. Khi kiểm tra, báo cáo còn {len(points)} điểm cần xem lại"
        + (f" (trong đó {errors} lỗi phải sửa thì mới tổng hợp được)" if errors else "")
        + _attachment_sentence(copy, from_document),
        *([f"Để đơn vị biết (không phải sửa): {' '.join(information)}"] if information else []),
        f"Đề nghị {_clean(agency.name)} sửa và gửi lại báo cáo {_by_when(info.deadline, clock)}, "
        "cụ thể:",
    ]
    context["to_send"] = [
        _issue_line(point.issue, point.where("{cells}, {count} ô")) for point in points
    ]
    context["closing"] = _closing(campaign, _clean(agency.name))
    return context


def _by_when(deadline: date, clock: date | None) -> str:
    """ "trước ngày 20/12/2021" while that date is ahead; once passed (or the date unknown), as
    soon as possible, saying the deadline has passed as the reminder letter does."""
    shown = numbers.short_date(deadline)
    if clock is None:
        return "trong thời gian sớm nhất"
    if clock <= deadline:
        return f"trước ngày {shown}"
    return f"trong thời gian sớm nhất (hạn gửi ngày {shown} đã qua)"


def _attachment_sentence(copy: str | None, from_document: bool) -> str:
    """What comes with the letter. For a Word or PDF answer the places listed are in the
    agency's own report, and the copy is its Excel form filled with what was read."""
    if copy is None:
        return "; các vị trí nêu dưới đây là vị trí trong báo cáo đơn vị đã gửi."
    if from_document:
        return (
            "; các vị trí nêu dưới đây là vị trí trong báo cáo đơn vị đã gửi. Số liệu đã đọc "
            f"được chép sẵn vào mẫu Excel của đơn vị gửi kèm ({copy}), các ô cần sửa được tô "
            "màu: đơn vị có thể sửa ngay trong mẫu này và gửi lại tệp Excel."
        )
    return f"; các ô cần sửa được tô màu trong tệp gửi kèm ({copy})."


def _issue_line(issue: Issue, place: str) -> str:
    kind = "Lỗi" if issue.severity is Severity.ERROR else "Cần xem lại"
    where = f" ({_clean(place)})" if place else ""
    return f"{kind}{where}: {_clean(messages.in_letter(issue))}"


def render_covering_note(
    campaign: Campaign,
    agency: Agency,
    issues: Sequence[Issue],
    copy: str | None,
    today: date | None,
    **options: Any,
) -> bytes:
    """The covering letter's bytes; `options` as `covering_context` takes them."""
    return _render(covering_context(campaign, agency, issues, copy, today, **options), today)
