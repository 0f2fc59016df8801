"""What agencies actually send, made into answers: e-mails and zips opened, scans recognised,
receipt dates applied, and one answer per agency (a form, its Word and its signed PDF are one).

validate.py calls `validate_path` for every inbox file and `one_answer_per_agency` on all the
results; everything here is pure over bytes already bounded by `container`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from thanghanhdong import container, files, form, messages, readers
from thanghanhdong.completeness import (
    agency_by_address,
    agency_from_file_name,
    email_addresses,
    header_agency,
)
from thanghanhdong.config import Agency, Campaign
from thanghanhdong.container import Format
from thanghanhdong.model import FileError, FileResult, Issue, RawSubmission, Submission
from thanghanhdong.readers import archive
from thanghanhdong.readers.document import DocumentError
from thanghanhdong.text import loose_key

KIND_LABELS = {
    "excel": "Excel",
    "word": "Word",
    "pdf": "PDF",
    "picture": "ảnh",
    "rollup": "Số liệu tổng hợp",  # a lower level's data file (readers/rollup.py)
    "mail": "Thư điện tử",  # a report written in the mail's body, no file (mail_body_report)
}
# The structured answer is used, the others are its attachments: form > Word > PDF > picture.
_RANK = {"excel": 0, "word": 1, "pdf": 2, "picture": 3}
# Files that are notes, not reports: listed as other files, never counted.
# Notes sent along, never a report. (.json is not here: it is a lower level's data file, a roll-up.)
OTHER_SUFFIXES = frozenset({".md", ".txt", ".log", ".html", ".htm", ".xml", ".ini", ".url", ".lnk"})


_SUFFIX_KINDS = {
    **{suffix: "excel" for suffix in container.SPREADSHEET_SUFFIXES},
    **{suffix: "word" for suffix in container.WORD_SUFFIXES},
    **{suffix: "picture" for suffix in container.PICTURE_SUFFIXES},
    ".pdf": "pdf",
}


def kind_label(result: FileResult) -> str:
    """ "Excel", "Word", "PDF", "ảnh"; "(thư)" after an e-mail's attachment; for a file not
    read, what its name says it is."""
    kind = result.kind
    if result.unreadable:
        kind = _SUFFIX_KINDS.get(result.path.suffix.lower(), "—")
    label = KIND_LABELS.get(kind, kind)
    return f"{label} (thư)" if result.mail else label


# ------------------------------------------------------------------------------ one file


def validate_path(path: Path, campaign: Campaign) -> list[FileResult]:
    """The answers in one inbox file: one, or one per member of an e-mail or zip."""
    try:
        data = container.load(path)
        kind = container.check(path.name, data)
    except FileError as exc:
        return [FileResult(path, None, issues=[exc.issue], unreadable=True)]
    except OSError as exc:
        # A folder of the inbox this user may not open comes here too (see inbox.list_inbox).
        folder = path.is_dir()
        reason = files.folder_reason(exc) if folder else files.os_reason(exc, reading=True)
        problem = "folder_unreadable" if folder else "os_error"
        code, severity, message = messages.file_problem(problem, reason=reason)
        return [FileResult(path, None, issues=[Issue(code, severity, message)], unreadable=True)]
    if kind in readers.CONTAINERS:
        return _misnamed(_container(path, data, kind, campaign), path.name, kind)
    return _misnamed(validate_answers(path, data, kind, campaign), path.name, kind)


def validate_answers(
    path: Path, data: bytes, kind: Format, campaign: Campaign, received: date | None = None
) -> list[FileResult]:
    """The answers in one file that is no container: one; or, for a PDF joining several
    bodies' reports (pdfunite, a scanner's batch), one per report, each read from its own pages
    and named "tệp.pdf › trang 3", as a mail's attachments are."""
    result = validate_bytes(path, data, kind, campaign, received)
    joined = next((i for i in result.issues if i.code == "document_two_agencies"), None)
    if kind is Format.PDF and joined is not None:
        try:
            return _each_report(path, data, campaign, received, joined)
        except Exception:
            if os.environ.get(DEBUG_ENV):
                raise
    return [result]


def _each_report(
    path: Path, data: bytes, campaign: Campaign, received: date | None, joined: Issue
) -> list[FileResult]:
    from thanghanhdong.readers import pdf
    from thanghanhdong.readers.answer import to_raw

    results = []
    for report in pdf.read_reports(data):
        page = path.with_name(f"{path.name}{archive.SEPARATOR}trang {report.first_page}")
        result = _checked(to_raw(page, report.content), campaign, received)
        result.digest = f"{_digest(data)}:{report.first_page}"
        severity, message = messages.render("document_reports_read_apart", joined=joined.message)
        result.issues.insert(0, Issue("document_reports_read_apart", severity, message))
        results.append(result)
    return results


def _container(path: Path, data: bytes, kind: Format, campaign: Campaign) -> list[FileResult]:
    try:
        unpacked = archive.unpack(path, data, kind)
    except DocumentError as exc:
        from thanghanhdong.readers.answer import document_error

        return [FileResult(path, None, issues=[document_error(exc).issue], unreadable=True)]
    results = [_nested(p) for p in unpacked.nested]
    results += [_issue_result(p, code, unreadable=True) for p, code in unpacked.refused]
    results += [_broken(p, exc) for p, exc in unpacked.broken]
    for member in unpacked.members:
        name = PurePosixPath(member.path.name)
        if _is_system(member.path, path):
            continue
        if name.suffix.lower() in OTHER_SUFFIXES and not (
            container.spreadsheet_xml(member.data[:4096]) or container.is_eml(member.data)
        ):
            results.append(FileResult(member.path, None, kind="other"))
            continue
        mail = kind in container.MAIL_FORMATS or member.received is not None
        origin = member.forwarded_from
        for result in _member(member, campaign, mail):
            if origin is not None:
                result = _forwarded(result, origin, unpacked.senders, campaign) or result
            results.append(result)
    if kind in container.MAIL_FORMATS and (quoted := _quoted_issuer(unpacked.text, campaign)):
        results = _quoted_blanks(results, quoted, unpacked.senders, campaign)
    if kind in container.MAIL_FORMATS and not (
        unpacked.members or unpacked.nested or unpacked.refused or unpacked.broken
    ):
        results.append(_without_file(path, data, kind, unpacked.senders, campaign))
    for result in results:
        result.senders = unpacked.senders
    return results


def _quoted_issuer(text: str, campaign: Campaign) -> str | None:
    """The issuing body's address in a mail's text: an inline forward of its request ("Fw:",
    the quoted "From: ... <binhdanggioi@...>"), whose blank forms the mail client attached
    again as the mail's own files."""
    lowered = text.lower()
    return next((a for a in email_addresses(campaign.issuer.email) if a in lowered), None)


def _quoted_blanks(
    results: list[FileResult], issuer: str, senders: tuple[str, ...], campaign: Campaign
) -> list[FileResult]:
    """In a mail forwarding the issuer's request inline, a blank form is the request's, no
    answer: set aside when it is another agency's than the sender's, or when the same mail
    holds the agency's filled form. (A blank form alone, of the sender's own agency, stays
    its unusable answer.)"""
    found = agency_by_address(campaign, senders)
    own = found[1].code if found else None
    filled = {r.agency_code for r in results if r.agency_code and not _blank(r)}
    why = f"mẫu còn trống của thư cơ quan tổng hợp gửi đi ({issuer}), được chuyển tiếp trong thư"
    return [
        _issue_result(
            r.path, "mail_forwarded_original", result_kind="other", name=r.path.name, why=why
        )
        if _blank(r) and r.agency_code and (r.agency_code != own or r.agency_code in filled)
        else r
        for r in results
    ]


def _blank(result: FileResult) -> bool:
    return any(i.code == "empty_form" for i in result.issues)


def _forwarded(
    result: FileResult, origin: tuple[str, ...], senders: tuple[str, ...], campaign: Campaign
) -> FileResult | None:
    """A file of a mail the agency forwards with its answer (the officer's own request with
    the blank forms, quoted back): no agency's answer when that mail is from the issuing body's
    own address, or when it is a blank form in someone else's mail. Set aside, with a note."""
    issuer = email_addresses(campaign.issuer.email)
    from_issuer = next((a for a in origin if a in issuer), None)
    blank = _blank(result)
    if from_issuer is not None:
        why = f"thư của cơ quan tổng hợp gửi đi ({from_issuer}), được chuyển tiếp kèm theo"
    elif blank and not set(origin) & set(senders):
        who = f" của {origin[0]}" if origin else ""
        why = f"mẫu còn trống trong thư gốc{who} được chuyển tiếp kèm theo"
    else:
        return None
    return _issue_result(
        result.path, "mail_forwarded_original", result_kind="other", name=result.path.name, why=why
    )


def _without_file(
    path: Path, data: bytes, kind: Format, senders: tuple[str, ...], campaign: Campaign
) -> FileResult:
    """A mail with no file: a report typed into its body, from an agency's roster address, is
    that agency's answer, unusable (thd reads no figures from a mail's text: the form is asked
    for); otherwise a note naming the mail and its sender."""
    found = agency_by_address(campaign, senders)
    if found is not None and found[0] not in email_addresses(campaign.issuer.email):
        address, agency = found
        if _body_is_report(data, kind):
            severity, message = messages.render(
                "mail_body_report", address=address, agency=agency.name
            )
            issues = [Issue("mail_body_report", severity, message)]
            return FileResult(path, None, agency.name, issues, kind="mail")
    sender = f" (gửi từ {senders[0]})" if senders else ""
    return _issue_result(
        path, "mail_without_report", result_kind="other", name=path.name, sender=sender
    )


def _body_is_report(data: bytes, kind: Format) -> bool:
    from thanghanhdong.readers.mail import read_eml, report_in_text

    try:
        if kind is Format.MSG:
            from thanghanhdong.readers.msg import read_msg

            return report_in_text(read_msg(data).text)
        return report_in_text(read_eml(data).text)
    except DocumentError:
        return False


def _is_system(member: Path, outer: Path) -> bool:
    from thanghanhdong.inbox import is_system_file

    inner = str(member)[len(str(outer)) + len(archive.SEPARATOR) :]
    return is_system_file(Path(inner))


def _broken(path: Path, exc: DocumentError) -> FileResult:
    from thanghanhdong.readers.answer import document_error

    return FileResult(path, None, issues=[document_error(exc).issue], unreadable=True)


def _nested(path: Path) -> FileResult:
    return _issue_result(path, "nested_archive", name=path.name, unreadable=True)


def _issue_result(
    path: Path, code: str, *, result_kind: str = "excel", unreadable: bool = False, **values: str
) -> FileResult:
    severity, message = messages.render(code, **values)
    issues = [Issue(code, severity, message)]
    return FileResult(path, None, issues=issues, unreadable=unreadable, kind=result_kind)


def _member(member: archive.Member, campaign: Campaign, mail: bool) -> list[FileResult]:
    try:
        kind = container.check(member.path.name, member.data)
    except FileError as exc:
        return [FileResult(member.path, None, issues=[exc.issue], unreadable=True, mail=mail)]
    if kind in readers.CONTAINERS:
        return [_nested(member.path)]
    results = validate_answers(member.path, member.data, kind, campaign, member.received)
    for result in results:
        result.mail = mail
    return _misnamed(results, member.path.name, kind)


_CONTENTS = {
    Format.XLSX: "tệp Excel",
    Format.XLS: "tệp Excel",
    Format.ODS: "bảng tính ODF (.ods)",
    Format.DOCX: "văn bản Word",
    Format.CONVERTIBLE: "văn bản Word",
    Format.PDF: "tệp PDF",
    Format.MSG: "thư Outlook",
    Format.EML: "thư điện tử",
}


def _misnamed(results: list[FileResult], name: str, kind: Format) -> list[FileResult]:
    """A file read by its content whose name's extension is missing or another program's ("BC
    SYT" from a mail, a Word report named .xlsx): said once, first, on what was read from it,
    so the officer knows why a double click will not open it. A mail's files are named "thu ›
    bc.xlsx": the warning names the mail, on the first answer read from it (else the first
    file it held)."""
    suffix = container.misnamed(name, kind)
    if suffix is None or not results:
        return results
    own = PurePosixPath(name).suffix
    named = f"có đuôi “{own}”" if own else "không có đuôi"
    if kind in readers.CONTAINERS:
        named = f"“{name}” {named}"
        target = next((r for r in results if r.kind != "other" and not r.unreadable), None)
        # The mail itself refused (damaged): its own error says what to do.
        target = target or next(
            (r for r in results if not r.unreadable or r.path.name != name), None
        )
    else:
        target = None if results[0].unreadable else results[0]
    if target is None:
        return results  # a file that cannot be read at all: its own error says what to do
    severity, message = messages.render(
        "file_misnamed", named=named, content=_CONTENTS[kind], suffix=suffix
    )
    target.issues.insert(0, Issue("file_misnamed", severity, message))  # said once
    return results


# Set by `thd --debug` (and by the tests): a reader's failure is raised, with its traceback.
DEBUG_ENV = "THD_DEBUG"


def validate_bytes(
    path: Path, data: bytes, kind: Format, campaign: Campaign, received: date | None = None
) -> FileResult:
    """One answer read and checked. A failure no check foresaw (a damage never met, a bug of
    thd) is this file's problem, told as such, never the end of the run: one bad file never
    stops the others. (calamine's panics on damaged files are the Excel reader's file_corrupt.)"""
    try:
        return _validate_bytes(path, data, kind, campaign, received)
    except Exception:
        if os.environ.get(DEBUG_ENV):
            raise
    code, severity, message = messages.file_problem("not_read")
    issues = [Issue(code, severity, message)]
    return FileResult(path, None, issues=issues, unreadable=True, digest=_digest(data))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _validate_bytes(
    path: Path, data: bytes, kind: Format, campaign: Campaign, received: date | None
) -> FileResult:
    digest = _digest(data)
    try:
        raw = readers.read_format(path, data, kind)
    except FileError as exc:
        return FileResult(path, None, issues=[exc.issue], unreadable=True, digest=digest)
    result = _checked(raw, campaign, received)
    result.digest = digest
    return result


def _checked(raw: RawSubmission, campaign: Campaign, received: date | None) -> FileResult:
    from thanghanhdong.validate import check

    path = raw.path
    if raw.scanned:
        result = _scanned(raw, campaign)
    else:
        result = check(raw, campaign)
        if _not_a_report(result, raw):
            result = FileResult(path, None, kind="other")
        elif received and result.submission:
            apply_receipt(result, result.submission, received, campaign)
    result.kind = result.kind if result.kind == "other" else raw.kind
    return result


def _not_a_report(result: FileResult, raw: RawSubmission) -> bool:
    """A file with none of the form's tables, no form's identity and no roster agency: a
    letter, a class list, another office's workbook."""
    return (
        raw.meta is None
        and result.agency_code is None
        and not any(t.sheet for t in raw.tables.values())
    )


def _scanned(raw: RawSubmission, campaign: Campaign) -> FileResult:
    agency = agency_from_file_name(campaign, raw.path.name) or _agency_in_text(
        campaign, raw.first_text
    )
    label = "PDF" if raw.kind == "pdf" else "ảnh"
    if agency is None:
        return _issue_result(raw.path, "scanned_unknown", result_kind="other", kind=label)
    severity, message = messages.render("scanned_answer", kind=label, agency_code=agency.code)
    return FileResult(
        raw.path,
        agency.code,
        agency.name,
        [Issue("scanned_answer", severity, message)],
        scanned=True,
    )


def _agency_in_text(campaign: Campaign, text: str) -> Agency | None:
    """The sender named by a scan's header lines (completeness.header_agency); the OCR text
    keeps no blank line."""
    lines = [line for line in text.splitlines()[:12] if line.strip()]
    return header_agency(campaign, lines, blanks_read=False).agency


def apply_receipt(
    result: FileResult, submission: Submission, received: date, campaign: Campaign
) -> None:
    """The e-mail's Date is the receipt date the deadline speaks of: it decides lateness."""
    deadline = campaign.campaign.deadline
    submission.received = received
    result.issues = [i for i in result.issues if i.code != "late_report"]
    submission.late = received > deadline
    if submission.late:
        written = f"{submission.report_date:%d/%m/%Y}" if submission.report_date else "không rõ"
        severity, message = messages.render(
            "late_received",
            date=f"{received:%d/%m/%Y}",
            deadline=f"{deadline:%d/%m/%Y}",
            report_date=written,
        )
        result.issues.insert(0, Issue("late_received", severity, message))


# ------------------------------------------------------------------- one answer per agency


@dataclass
class Answers:
    files: list[FileResult]  # the answers (and files of no agency)
    linked: dict[Path, str] = field(default_factory=dict)  # set aside: why, in words
    others: list[FileResult] = field(default_factory=list)  # not reports


def one_answer_per_agency(results: Sequence[FileResult], latest: bool = False) -> Answers:
    answers = Answers([], others=[r for r in results if r.kind == "other"])
    # A copy is the same bytes from the same agency: two bodies' files are never one answer.
    first_copy: dict[tuple[str | None, str], FileResult] = {}
    for result in results:
        if result.kind == "other":
            continue
        key = (result.agency_code, result.digest)
        original = first_copy.get(key) if result.digest else None
        if original is not None:
            answers.linked[result.path] = f"bản sao giống hệt {original.path.name}"
            continue
        first_copy[key] = result
        answers.files.append(result)
    for group in _by_agency(answers.files).values():
        _resolve(group, answers, latest)
    _set_aside_other_campaigns(answers)
    answers.files = [r for r in answers.files if r.path not in answers.linked]
    return answers


_OTHER_CAMPAIGN = frozenset({"wrong_campaign", "rollup_other_year"})


def _set_aside_other_campaigns(answers: Answers) -> None:
    """A form of another campaign (last year's, sent again by mistake) beside the agency's
    answer of this one: set aside with a note, not an error that would refuse the whole
    consolidation (an agency with no answer of this campaign keeps the error)."""
    answered = {
        r.agency_code
        for r in answers.files
        if r.agency_code and r.submission is not None and r.path not in answers.linked
    }
    for result in answers.files:
        if (
            result.submission is None
            and result.agency_code in answered
            and {i.code for i in result.errors} <= _OTHER_CAMPAIGN
            and result.errors
        ):
            answers.linked[result.path] = "mẫu của đợt khác; đơn vị đã có báo cáo của đợt này"


def _by_agency(results: list[FileResult]) -> dict[str, list[FileResult]]:
    groups: dict[str, list[FileResult]] = {}
    for result in results:
        if result.agency_code and (result.submission is not None or result.scanned):
            groups.setdefault(result.agency_code, []).append(result)
    return {code: group for code, group in groups.items() if len(group) > 1}


def _resolve(group: list[FileResult], answers: Answers, latest: bool) -> None:
    """A roll-up and the same agency's own form are not two versions of one answer: each kind
    is resolved on its own, then the two are joined so that every figure counts once."""
    rollups = [r for r in group if r.kind == ROLLUP]
    forms = [r for r in group if r.kind != ROLLUP]
    if rollups and forms:
        rollup = _resolve_versions(rollups, answers, latest)
        _join(rollup, _resolve_versions(forms, answers, latest), answers)
    else:
        _resolve_versions(group, answers, latest)


def _resolve_versions(group: list[FileResult], answers: Answers, latest: bool) -> FileResult:
    best = min(_RANK.get(r.kind, 9) for r in group)
    primary = [r for r in group if _RANK.get(r.kind, 9) == best]
    versions = [r for r in group if r not in primary]
    primary = _drop_copies(primary, answers)
    if len(primary) > 1 and all(r.scanned for r in primary):
        primary = _pages_of_one_scan(primary, answers)
    if len(primary) > 1 and latest:
        primary = _keep_latest(primary, answers)
    elif len(primary) > 1:
        _mark_duplicates(primary)
    used = primary[0]
    for version in versions:
        answers.linked[version.path] = (
            f"bản {KIND_LABELS.get(version.kind, version.kind)} của báo cáo {used.path.name}"
        )
    _compare_versions(used, versions)
    return used


def _pages_of_one_scan(scans: list[FileResult], answers: Answers) -> list[FileResult]:
    """An agency's photos or scans without text ("SYT trang 1.jpg", "SYT trang 2.jpg", two
    photos in one mail) are the pages of one answer, whose figures the officer types in: not
    two reports of one agency (no figure is read from them to differ)."""
    first, *others = sorted(scans, key=lambda r: str(r.path))
    for other in others:
        answers.linked[other.path] = f"trang khác của bản quét/ảnh chụp {first.path.name}"
    return [first]


# ------------------------------------------------------- a roll-up beside the agency's form

ROLLUP = "rollup"  # FileResult.kind of a lower level's data file (readers/rollup.py KIND)


def _join(rollup: FileResult, own: FileResult, answers: Answers) -> None:
    """The roll-up is the whole answer when it holds the agency's own report (then the form is
    set aside); otherwise both are used, the form adding what the roll-up lacks."""
    document = _rollup_document(rollup)
    entry = _own_entry(document, rollup, own)
    if entry is None:
        rollup.issues.insert(0, _joined_issue(own, _BOTH_USED))
        return
    answers.linked[own.path] = f"mẫu của đơn vị, đã có trong tệp tổng hợp {rollup.path.name}"
    what = (
        f"tệp này đã có báo cáo của chính đơn vị (“{entry.get('name', '')}”) cùng các đơn vị cấp "
        f"dưới, nên dùng tệp này và để riêng {own.path.name} (không cộng hai lần)."
    )
    found = _own_differences(entry, own)
    if found:
        what += f" Số liệu trong {own.path.name} khác: {'; '.join(found)}; đề nghị đơn vị xác nhận."
    rollup.issues.insert(0, _joined_issue(own, what))


_BOTH_USED = (
    "tệp này chưa có báo cáo của chính đơn vị, nên dùng cả hai: số liệu của các đơn vị cấp dưới "
    "từ tệp tổng hợp, số liệu của chính đơn vị từ mẫu Excel (mỗi số liệu tính một lần)."
)


def _joined_issue(own: FileResult, what: str) -> Issue:
    severity, message = messages.render("rollup_with_own_form", form=own.path.name, what=what)
    return Issue("rollup_with_own_form", severity, message)


def _rollup_document(rollup: FileResult) -> dict[str, Any]:
    """The data file itself (its inputs and per-agency figures); {} for one inside an e-mail."""
    try:
        document = json.loads(container.load(rollup.path))
    except (OSError, FileError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def _own_entry(
    document: dict[str, Any], rollup: FileResult, own: FileResult
) -> dict[str, Any] | None:
    """The roll-up's entry holding the agency's own report: the very file among its inputs, or
    the issuing body itself ("Phòng Lao động - TBXH huyện Na Rì" under "PHÒNG LAO ĐỘNG -
    TBXH" of "UBND HUYỆN NA RÌ") among the agencies whose answers it used."""
    covers = rollup.submission.covers if rollup.submission else ()
    covered = {loose_key(name, agency=True) for name in covers}
    entries = _dicts(document.get("agencies")) or [{"name": name} for name in covers]
    mine = _is_own(document, own)
    used = (e for e in entries if loose_key(str(e.get("name", "")), agency=True) in covered)
    return next((e for e in used if mine(e)), None)


def _is_own(document: dict[str, Any], own: FileResult) -> Callable[[dict[str, Any]], bool]:
    issuer = _mapping(document.get("issuer"))
    names = (own.agency_name or "", str(issuer.get("parent") or ""))
    wanted = {loose_key(name, agency=True) for name in names if name}
    office = loose_key(str(issuer.get("name") or ""), agency=True)
    inputs = {str(i.get("sha256")): i.get("agency") for i in _dicts(document.get("inputs"))}

    def mine(entry: dict[str, Any]) -> bool:
        key = loose_key(str(entry.get("name", "")), agency=True)
        same_file = bool(own.digest) and inputs.get(own.digest or "") == entry.get("code")
        return key in wanted or bool(office and key.startswith(office)) or same_file

    return mine


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _own_differences(entry: dict[str, Any], own: FileResult) -> list[str]:
    """Table totals of the agency's form against its entry in the roll-up, in words."""
    tables = _mapping(entry.get("tables"))
    if own.submission is None or not tables:
        return []
    found = []
    for spec in form.TABLES:
        rows = own.submission.tables.get(spec.key, [])
        for figure, name in _FIGURE_NAMES.items():
            mine = sum(r.figures.get(figure, 0) for r in rows)
            theirs = _mapping(tables.get(spec.key)).get(figure, 0)
            if mine != theirs:
                found.append(f"bảng “{spec.title}”: {name} {mine} ≠ {theirs}")
    return found


def _drop_copies(group: list[FileResult], answers: Answers) -> list[FileResult]:
    """Two files of one kind with the same figures, date and number (an .odt and a .doc saved
    from one Word report) are one answer: the first is used, the others are its copies."""
    kept: list[FileResult] = []
    for result in group:
        original = next((k for k in kept if same_content(k.submission, result.submission)), None)
        if original is None:
            kept.append(result)
        else:
            answers.linked[result.path] = f"bản sao cùng nội dung với {original.path.name}"
    return kept


def same_content(a: Submission | None, b: Submission | None) -> bool:
    """The same report, whatever the file: equal figures, budgets, report date and number."""
    if a is None or b is None:
        return False
    if (a.report_date, a.report_number.strip()) != (b.report_date, b.report_number.strip()):
        return False
    return not differences(a, b, limit=1)


def _answer_date(result: FileResult) -> date:
    submission = result.submission
    if submission is None:
        return date.min
    return submission.received or submission.report_date or date.min


def _keep_latest(group: list[FileResult], answers: Answers) -> list[FileResult]:
    ordered = sorted(group, key=_newness, reverse=True)
    newest, older = ordered[0], ordered[1:]
    tied = [r for r in older if _answer_date(r) == _answer_date(newest)]
    for result in older:
        answers.linked[result.path] = (
            f"bản lưu trước, đã dùng bản lưu sau {newest.path.name} ({_saved_why(newest, result)}; "
            "cùng ngày, --latest)"
            if result in tied
            else f"bản cũ, đã dùng bản mới hơn {newest.path.name} (--latest)"
        )
    others = ", ".join(f"{r.path.name} ({_shown_date(r)})" for r in older)
    newest.set_aside_note = _set_aside_note(newest, older, tied)
    if tied:
        severity, message = messages.render(
            "resubmission_same_date",
            name=newest.agency_name,
            date=_shown_date(newest),
            why=_saved_why(newest, tied[0]),
            others=others,
        )
        newest.issues.insert(0, Issue("resubmission_same_date", severity, message))
    else:
        severity, message = messages.render(
            "resubmission_used", name=newest.agency_name, date=_shown_date(newest), others=others
        )
        newest.issues.insert(0, Issue("resubmission_used", severity, message))
    return [newest]


def _set_aside_note(newest: FileResult, older: list[FileResult], tied: list[FileResult]) -> str:
    """Phụ lục II's note of a resubmission: which version was used, which set aside, by date
    (the officer signing answers "which figures?"; file names stay out of a signed text)."""
    if tied:
        return (
            f"Gửi lại báo cáo cùng ngày ({_shown_date(newest)}): đã dùng bản lưu sau, "
            "không dùng bản lưu trước."
        )
    earlier = ", ".join(dict.fromkeys(f"bản {_shown_date(r)}" for r in older))
    return f"Gửi lại báo cáo: đã dùng bản {_shown_date(newest)}, không dùng {earlier}."


# A browser's second download of "So Y te.xlsx" is "So Y te (1).xlsx", the third "(2)".
_COPY_NUMBER = re.compile(r"\s\((\d{1,3})\)$")


def _newness(result: FileResult) -> tuple[date, float, int, str]:
    """Later answer date first; on equal dates (no e-mail to tell), the file saved later: its
    modification time, then its copy number."""
    return (_answer_date(result), _saved_at(result) or 0.0, _copy_number(result), str(result.path))


def _saved_at(result: FileResult) -> float | None:
    try:
        return result.path.stat().st_mtime
    except OSError:  # an e-mail's attachment has no file of its own
        return None


def _copy_number(result: FileResult) -> int:
    found = _COPY_NUMBER.search(result.path.stem)
    return int(found.group(1)) if found else 0


def _saved_why(newer: FileResult, older: FileResult) -> str:
    """What told the later of two equally dated versions, in words."""
    at, before = _saved_at(newer), _saved_at(older)
    if at is not None and before is not None and at > before:
        return f"tệp này được lưu lúc {datetime.fromtimestamp(at):%H:%M %d/%m/%Y}, sau tệp kia"
    if _copy_number(newer) > _copy_number(older):
        return f"tệp này là bản tải về lần sau (số ({_copy_number(newer)}) trong tên tệp)"
    return "không có gì cho biết bản nào sau hơn, đã lấy theo tên tệp"


def _shown_date(result: FileResult) -> str:
    submission = result.submission
    if submission and submission.received:
        return f"nhận ngày {submission.received:%d/%m/%Y}"
    if submission and submission.report_date:
        return f"báo cáo ngày {submission.report_date:%d/%m/%Y}"
    return "không rõ ngày"


def undecided_copy(result: FileResult) -> bool:
    """One of an agency's different reports, before the officer chose (`--latest`, or one kept
    in the inbox): `_mark_duplicates` said so on it."""
    return any(i.code == "duplicate_agency" for i in result.issues)


def _mark_duplicates(group: list[FileResult]) -> None:
    files = "; ".join(f"{r.path.name} ({_shown_date(r)})" for r in group)
    # A copy with errors lacks the rows it was refused on: compared, they would read 0 ("nam 0 ≠
    # 300") where the clerk typed 300. Such a copy is named, not compared.
    faulty = [r.path.name for r in group if r.errors]
    for result in group:
        others = [o for o in group if o is not result]
        found = differences(result.submission, others[0].submission)
        if faulty:
            text = f" Không so số liệu từng dòng vì {', '.join(faulty)} có lỗi."
        else:
            text = f" Khác nhau: {'; '.join(found)}." if found else " Số liệu như nhau."
        severity, message = messages.render(
            "duplicate_agency", name=result.agency_name, files=files, differences=text
        )
        result.issues.insert(0, Issue("duplicate_agency", severity, message))


# A copy none of whose tables was read (a signed PDF printed without the tables' rules beside
# the .docx it came from) has no figures to compare: compared, each would read 0 ("nam 60 ≠ 0").
_TABLES_UNREAD = {"table_unruled", "table_missing"}


def _compare_versions(used: FileResult, versions: list[FileResult]) -> None:
    versions = [v for v in versions if not any(i.code in _TABLES_UNREAD for i in v.errors)]
    differing = [v for v in versions if v.submission and differences(used.submission, v.submission)]
    if not differing or used.submission is None:
        return
    found = differences(used.submission, differing[0].submission)
    severity, message = messages.render(
        "versions_differ",
        others=", ".join(v.path.name for v in differing),
        differences="; ".join(found),
        kind=KIND_LABELS.get(used.kind, used.kind),
    )
    used.issues.append(Issue("versions_differ", severity, message))


_FIGURE_NAMES = {"count": "số", "male": "nam", "female": "nữ"}


def differences(a: Submission | None, b: Submission | None, limit: int = 5) -> list[str]:
    """What differs between two answers, in words: budgets, then figures by table, item and
    level, in the form's order (nam before nữ); past `limit`, one last "và N chỗ khác"."""
    if a is None or b is None:
        return []
    found = [
        f"kinh phí {label}: {x:,} ≠ {y:,}".replace(",", ".")
        for label, x, y in (
            ("ngân sách nhà nước", a.budget_state, b.budget_state),
            ("vận động", a.budget_mobilized, b.budget_mobilized),
            ("không tách nguồn", a.budget_unsplit, b.budget_unsplit),
        )
        if x != y
    ]
    for key in sorted(set(a.tables) | set(b.tables), key=_table_order):
        found += _figure_differences(_figures(a, key), _figures(b, key), _figure_order(key))
    if len(found) > limit:
        return [*found[:limit], f"và {len(found) - limit} chỗ khác"]
    return found


def _table_order(key: str) -> int:
    keys = [t.key for t in form.TABLES]
    return keys.index(key) if key in keys else len(keys)


def _figure_order(key: str) -> list[str]:
    known = {t.key for t in form.TABLES}
    return list(form.table(key).number_keys) if key in known else []


def _figure_differences(
    left: dict[tuple[str, str], dict[str, int]],
    right: dict[tuple[str, str], dict[str, int]],
    order: list[str],
) -> list[str]:
    found = []
    for line in sorted(set(left) | set(right)):
        x, y = left.get(line, {}), right.get(line, {})
        figures = sorted(set(x) | set(y), key=lambda f: (order.index(f) if f in order else 99, f))
        for figure in figures:
            if x.get(figure, 0) != y.get(figure, 0):
                name = _FIGURE_NAMES.get(figure, figure)
                found.append(
                    f"“{line[0]}” cấp {line[1]}: {name} {x.get(figure, 0)} ≠ {y.get(figure, 0)}"
                )
    return found


def _figures(submission: Submission, key: str) -> dict[tuple[str, str], dict[str, int]]:
    totals: dict[tuple[str, str], dict[str, int]] = {}
    for row in submission.tables.get(key, []):
        line = totals.setdefault((row.item, row.level), {})
        for figure, value in row.figures.items():
            line[figure] = line.get(figure, 0) + value
    return totals
