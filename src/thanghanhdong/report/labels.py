"""The Vietnamese words every renderer shares: labels, the subject line, status sentences.

Written once here, so the Word report, the summary workbook and the console say the same thing
in the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from thanghanhdong import form
from thanghanhdong.completeness import AgencyStatus, Completeness, State
from thanghanhdong.config import Campaign
from thanghanhdong.consolidate import MISSING, PARTIAL, Gaps
from thanghanhdong.digest import render_agencies
from thanghanhdong.report import numbers

TOTAL_LABEL = "Tổng cộng"
AGENCY_LABEL = "Cơ quan, đơn vị, địa phương"
STATE_LABELS = {
    State.ON_TIME: "Đúng hạn",
    State.LATE: "Gửi muộn",
    State.UNDATED: "Không rõ ngày",
    State.UNUSABLE: "Đã gửi, chưa hợp lệ",
    State.MISSING: "Chưa gửi",
    State.AUTHOR: "Cơ quan tổng hợp",
    State.SCANNED: "Đã gửi bản PDF/ảnh, cần nhập số liệu",
    State.COVERED: "Báo cáo qua đơn vị tổng hợp",
}


def subject(campaign: Campaign) -> str:
    """The trích yếu: "Kết quả thực hiện Tháng hành động ... năm 2021"."""
    info = campaign.campaign
    return f"Kết quả thực hiện {info.name} năm {info.year}"


def budget_label(key: str) -> str:
    """'3. Kinh phí tổ chức: a) Ngân sách nhà nước (đồng)' -> 'a) Ngân sách nhà nước'."""
    label = form.info_field(key).label
    return label.split(":", 1)[-1].replace("(đồng)", "").strip()


def names(entries: Iterable[AgencyStatus], max_named: int | None = None) -> str:
    """Every agency named; with `max_named` (a roster above the size a person reads) the first
    ones, then how many others ("… và 192 đơn vị khác"), as `digest.render_agencies`."""
    return render_agencies([e.name for e in entries], max_named)


# Above the roster size a person reads (report.docx.PER_AGENCY_APPENDICES_UP_TO), a list of
# agencies in the report names this many, then counts the others: a ministry's report named
# every one of 3,300 communes for each point of part II, 163 of its 170 pages (trial
# 2026-12-02f). The summary workbook names them all (SHEET_STATUS, SHEET_POINTS).
NAMED_IN_A_LARGE_REPORT = 10


def status_counts(status: Completeness) -> str:
    """One line that adds up to the roster: 'Phải báo cáo: 27; đã gửi: 24 (đúng hạn: 20, ...)'."""
    answered = [
        f"{STATE_LABELS[state].lower()}: {numbers.integer(len(status.with_state(state)))}"
        for state in (State.ON_TIME, State.LATE, State.UNDATED, State.UNUSABLE, State.COVERED)
        if state in (State.ON_TIME, State.LATE) or status.with_state(state)
    ]
    return (
        f"Số cơ quan, đơn vị, địa phương phải báo cáo: {numbers.integer(status.expected)}; đã gửi: "
        f"{numbers.integer(len(status.answered))} ({'; '.join(answered)}); chưa gửi: "
        f"{numbers.integer(len(status.missing))}."
    )


def covered_groups(status: Completeness) -> list[tuple[list[AgencyStatus], str]]:
    """The covered agencies by the roll-up that contains them, in words of the report."""
    groups: dict[str, list[AgencyStatus]] = {}
    for entry in status.covered:
        groups.setdefault(entry.through, []).append(entry)
    return [
        (entries, f"báo cáo qua báo cáo tổng hợp của {name}") for name, entries in groups.items()
    ]


def status_sentence(
    status: Completeness,
    body_name: str,
    issuer_code: str | None = None,
    max_named: int | None = None,
) -> str:
    """The report's sentence on who answered, by name, in official words. The issuing body's
    own answer (`issuer_code`, on its own roster) is not one "sent to" itself: counted as
    Phụ lục II counts it, and said so. `max_named`: as `names`."""
    own = next((e for e in status.answered if e.code == issuer_code), None)
    answered, expected = numbers.integer(len(status.answered)), numbers.integer(status.expected)
    sentence = (
        f"Có {answered}/{expected} cơ quan, đơn vị, địa phương gửi báo cáo kết quả "
        f"thực hiện về {body_name}"
        if own is None
        else f"Có {answered}/{expected} cơ quan, đơn vị, địa phương (kể cả {body_name}) "
        "đã báo cáo kết quả thực hiện"
    )

    def others(entries: list[AgencyStatus]) -> list[AgencyStatus]:
        return [e for e in entries if e is not own]

    exceptions = [
        f"{numbers.integer(len(entries))} đơn vị {what} ({names(entries, max_named)})"
        for entries, what in (
            (others(status.with_state(State.LATE)), "gửi muộn"),
            (others(status.with_state(State.UNDATED)), "không ghi rõ ngày báo cáo"),
            # The issuer's own form too: its figures are not in the report either.
            (status.unusable, "gửi báo cáo chưa hợp lệ nên chưa tổng hợp"),
            *covered_groups(status),
        )
        if entries
    ]
    if exceptions:
        sentence += ", trong đó " + " và ".join(exceptions)
    elif answered and (own is None or own.state is State.ON_TIME):  # not when it was late
        sentence += ", đều đúng hạn"
    sentence += "."
    if status.missing:
        sentence += (
            f" Còn {numbers.integer(len(status.missing))} đơn vị chưa gửi báo cáo"
            f" ({names(status.missing, max_named)})."
        )
    return sentence


# The summary workbook's sheets, which the Word report also cites.
SHEET_SUMMARY = "Tổng hợp"
SHEET_AGENCIES = "Theo đơn vị"
SHEET_STATUS = "Tình hình gửi báo cáo"
SHEET_CHARTS = "Biểu đồ"
SHEET_TEXTS = "Nội dung báo cáo"
SHEET_DOCUMENTS = "Văn bản chỉ đạo"  # Phụ lục IV's rows
SHEET_POINTS = "Ý kiến"  # every point of part II with every agency that raised it


# A figure no agency gave (every row summed into it left the cell blank) is a dash, not 0: an
# empty cell would read as forgotten, and 0 states a figure the agency never wrote. A figure
# some rows left blank is the sum of what was given, marked as incomplete.
NOT_GIVEN = "—"
INCOMPLETE = "*"


def figure(value: int, gaps: Gaps, *keys: str) -> str:
    """The cell of the figure summing `keys`: "—", "1.234*" (incomplete) or "1.234"."""
    state = gaps.state(*keys)
    if state == MISSING:
        return NOT_GIVEN
    return numbers.integer(value) + (INCOMPLETE if state == PARTIAL else "")


def at_least(value: int, gaps: Gaps, *keys: str) -> str:
    """A figure in a sentence: "ít nhất 1.234" when some rows left it blank (the table's
    "1.234*"), else "1.234". A sentence has no footnote to explain a star."""
    shown = numbers.integer(value)
    return f"ít nhất {shown}" if gaps.state(*keys) == PARTIAL else shown


def gap_words(spec: form.TableSpec, keys: Iterable[str]) -> list[str]:
    """The columns in words for the footnote: "số cuộc", "số người" (Nam and Nữ together)."""
    words = [
        spec.label(k)[:1].lower() + spec.label(k)[1:] for k in keys if not spec.column(k).group
    ]
    people = any(spec.column(k).group for k in keys)
    return words + (["số người"] if people else [])


def gaps_footnote(partial: Iterable[str], missing: Iterable[str]) -> str:
    """The one line under a table with marked cells ("" when none): what "*" and "—" mean,
    with the columns concerned."""
    partial, missing = _unique(partial), _unique(missing)
    parts = []
    if partial:
        parts.append(f"{INCOMPLETE} Chưa đủ: có đơn vị để trống {' và '.join(partial)}")
    if missing:
        parts.append(f"{NOT_GIVEN} Không có số liệu: đơn vị để trống {' và '.join(missing)}")
    return "; ".join(parts)


def _unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))


# Where a body's name written in capitals starts a new field of its remit: "BỘ LAO ĐỘNG -
# THƯƠNG BINH VÀ XÃ HỘI" is "Bộ Lao động - Thương binh và Xã hội" in a sentence.
_REMIT_PARTS = re.compile(r"(\s+-\s+|,\s+|\s+và\s+)")
# A district's office ("Phòng Văn hóa và Thông tin"), a ministry's department ("Vụ Bình đẳng
# giới", "Cục Trẻ em") and a board ("Ban Dân tộc") are written like a provincial department.
_MINISTRY_OR_DEPARTMENT = re.compile(r"(bộ|sở|phòng|vụ|cục|chi cục|ban)\s+(.*)", re.S)
_PEOPLES_COMMITTEE = re.compile(
    r"(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|"
    r"thị trấn)\s+(.*)",
    re.S,
)


def in_sentence(name: str) -> str:
    """A body's name as written inside a sentence. A name in capitals is lowered, a ministry's
    or department's fields of remit keeping their capital ("Sở Giáo dục và Đào tạo"); any
    other name keeps only its first capital; a name not in capitals is left as it is."""
    if not name.isupper():
        return name
    lowered = name.lower()
    if committee := _PEOPLES_COMMITTEE.fullmatch(lowered):  # "UBND tỉnh Bắc Kạn"
        head = "UBND" if committee.group(1) == "ubnd" else "Ủy ban nhân dân"
        return f"{head} {committee.group(2)} {committee.group(3).title()}"
    found = _MINISTRY_OR_DEPARTMENT.fullmatch(lowered)
    if found is None:
        return name[:1] + lowered[1:]
    parts = _REMIT_PARTS.split(found.group(2))
    remit = "".join(p if _REMIT_PARTS.fullmatch(p) else p[:1].upper() + p[1:] for p in parts)
    return f"{found.group(1).capitalize()} {remit}"


def appendix_title(what: str) -> str:
    """A portrait appendix's title on two lines broken where the phrase breaks: at the width of
    the page it wrapped before its last word ("... ĐỊA / PHƯƠNG")."""
    return f"{what}\nCỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG"
