"""The inbox: every file listed once, each answer checked (in worker processes for large
inboxes), one answer per agency, and the `ValidationReport` every command reads.

The checks of one answer are in validate.py; who has answered is completeness.py's.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from thanghanhdong import answers, completeness, container, messages
from thanghanhdong.completeness import Completeness
from thanghanhdong.config import Agency, Campaign
from thanghanhdong.model import FileResult, Issue
from thanghanhdong.readers import rollup

SYSTEM_FILE_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db"})
PARALLEL_THRESHOLD = 64
SCANNED_UNKNOWN = "scanned_unknown"  # the issue of a scan no agency's name is found for


def is_system_file(path: Path) -> bool:
    """Lock files of Excel/LibreOffice and files the OS leaves behind: ignored silently."""
    name = path.name
    return (
        name.lower() in SYSTEM_FILE_NAMES
        or name.startswith(("~$", ".~lock.", "._", "."))
        or name.endswith("~")  # LibreOffice / editor backups
        or path.suffix.lower() in {".bak", ".tmp"}
        # Windows' "downloaded from the Internet" mark, a file of its own once copied by WSL
        # or some unzip tools: "BC.xlsx:Zone.Identifier".
        or name.endswith((":Zone.Identifier", ":$DATA"))
        or any(part.startswith(".") or part == "__MACOSX" for part in path.parent.parts)
    )


@dataclass
class ValidationReport:
    """The result of checking an inbox: one FileResult per file, plus who has not reported."""

    inbox: Path
    campaign: Campaign
    files: list[FileResult]
    ignored: list[Path]  # lock and system files
    attachments: list[Path] = field(default_factory=list)  # other versions of an answer
    notes: dict[Path, str] = field(default_factory=dict)  # why each attachment is set aside
    others: list[FileResult] = field(default_factory=list)  # files that are not reports
    # Every file the listing found (answers, e-mails and zips as themselves, and notes), as the
    # data file's audit trail accounts for them: the inbox is listed once.
    listed: list[Path] = field(default_factory=list)
    latest: bool = False  # an agency's resubmissions resolved to the newest (--latest)
    # With `as_of`: answers received or dated after it, not yet there on that day.
    later: list[FileResult] = field(default_factory=list)

    @cached_property
    def completeness(self) -> Completeness:
        return completeness.compute(self.campaign, self.files)

    @property
    def missing(self) -> list[Agency]:
        return [e.agency for e in self.completeness.missing]

    @property
    def late(self) -> list[FileResult]:
        return [f for f in self.files if f.submission and f.submission.late]

    @property
    def unattributed_scans(self) -> list[FileResult]:
        """Scans and pictures of no agency thd can name (among `others`): maybe a real
        agency's signed report, to be renamed after it or typed into its form."""
        return [f for f in self.others if any(i.code == SCANNED_UNKNOWN for i in f.issues)]

    @property
    def has_errors(self) -> bool:
        return any(not f.ok and not f.scanned and not f.not_a_report for f in self.files)

    @property
    def has_warnings(self) -> bool:
        return any(f.warnings for f in self.files)

    @property
    def only_scans(self) -> bool:
        """No answer with figures, and scans or pictures among the files: consolidate refuses
        the inbox, so validate does not report success either."""
        if any(r.ok and r.submission is not None for r in self.files):
            return False
        return any(r.scanned for r in self.files) or bool(self.unattributed_scans)

    def exit_code(self, strict: bool = False) -> int:
        failed = self.has_errors or self.only_scans
        return 1 if failed or (strict and self.has_warnings) else 0

    def summary(self) -> dict[str, int]:
        statuses = [f.status.value for f in self.files]
        return {
            "inbox_files": len(self.listed),  # as the screen counts them ("Kiểm tra 6 tệp")
            "files": len(self.files),  # the answers read: an e-mail's attachments are each one
            "ok": statuses.count("ok"),
            "warnings": statuses.count("warnings"),
            "errors": statuses.count("errors"),
            "unreadable": statuses.count("unreadable"),
            "not_a_report": statuses.count("not_a_report"),
            "ignored": len(self.ignored),
            "attachments": len(self.attachments),
            "others": len(self.others),
            "scans_unattributed": len(self.unattributed_scans),
            "expected_agencies": self.completeness.expected,
            "received_agencies": len(self.completeness.answered),
            "usable_agencies": len(self.completeness.usable),
            "missing_agencies": len(self.missing),
            "covered_agencies": len(self.completeness.covered),
            "late": len(self.late),
            "issues_error": sum(len(f.errors) for f in self.files),
            "issues_warning": sum(len(f.warnings) for f in self.files),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "inbox": str(self.inbox),
            "files": [
                {
                    "path": str(f.path),
                    "agency_code": f.agency_code,
                    "agency_name": f.agency_name,
                    "status": f.status.value,
                    "ok": f.ok,
                    "late": bool(f.submission and f.submission.late),
                    "kind": f.kind,
                    "mail": f.mail,
                    "received": (
                        f.submission.received.isoformat()
                        if f.submission and f.submission.received
                        else None
                    ),
                    "issues": [i.to_json() for i in f.issues],
                }
                for f in self.files
            ],
            "missing_agencies": [a.code for a in self.missing],
            "completeness": self.completeness.to_json(),
            "ignored": [str(p) for p in self.ignored],
            "attachments": [
                {"path": str(p), "note": self.notes.get(p, "")} for p in self.attachments
            ],
            "others": [_other_to_json(f) for f in self.others],
            "scans_unattributed": [str(f.path) for f in self.unattributed_scans],
            "summary": self.summary(),
        }


def _other_to_json(other: FileResult) -> dict[str, Any]:
    """A file not counted: `code` and `note` say why (none for a note or a file holding no
    form); `issues`, everything the screen says of it, a misnamed file's warning included."""
    why = next((i for i in other.issues if i.code != "file_misnamed"), None)
    return {
        "path": str(other.path),
        "code": why.code if why else None,
        "note": why.message if why else "",
        "issues": [i.to_json() for i in other.issues],
    }


@dataclass
class InboxListing:
    files: list[Path] = field(default_factory=list)  # to check
    ignored: list[Path] = field(default_factory=list)  # system and lock files
    others: list[Path] = field(default_factory=list)  # notes, lists: not reports


def list_inbox(inbox: Path) -> InboxListing:
    """Every file: an answer to read (a form, a Word or PDF report, a picture of one, an e-mail
    or zip holding them, or a file that claims to be one), a note, or a system file."""
    listing = InboxListing()
    for path in sorted(inbox.rglob("*")):
        if not path.is_file():
            if path.is_dir() and not _can_list(path):
                listing.files.append(path)  # rglob skips it silently: its files would be lost
            continue
        if is_system_file(path.relative_to(inbox)):
            listing.ignored.append(path)
        elif path.suffix.lower() in answers.OTHER_SUFFIXES and not (
            (path.suffix.lower() == ".xml" and container.spreadsheet_file(path))
            or container.mail_file(path)  # "baocao.eml.txt": a mail a webmail saved as text
        ):
            listing.others.append(path)
        else:
            listing.files.append(path)
    return listing


def _can_list(folder: Path) -> bool:
    try:
        with os.scandir(folder):
            return True
    except OSError:
        return False


def _name_unreadable_by_file_name(results: list[FileResult], campaign: Campaign) -> None:
    """A file that cannot be opened, or whose report names no agency (or a unit the roster does
    not list), still says by its name who sent it ("BC_SoTuPhap.xlsx"): that agency answered,
    unusably; it is not "chưa gửi"."""
    for result in results:
        codes = {issue.code for issue in result.issues}
        if result.agency_code is not None:
            continue
        if (result.unreadable or "agency_not_named" in codes) and not result.agency_name:
            agency = completeness.agency_from_file_name(campaign, result.path.name)
            result.agency_name = agency.name if agency else None
        elif codes & _UNKNOWN and (
            agency := completeness.agency_from_file_name(campaign, result.path.name)
        ):
            result.agency_name = agency.name  # the unknown unit stays named in its issue


_UNKNOWN = frozenset({"unknown_agency", "unknown_agency_close"})


def _name_other_agency_of_duplicates(results: list[FileResult], campaign: Campaign) -> None:
    """One of an agency's several answers whose file name is another agency's ("BC BCHQS.xlsx"
    holding Hội LHPN's form): the other may have filled the wrong form. Said where the officer
    decides which file to keep; looked for only there (the name is matched against the roster)."""
    for result in results:
        if not any(issue.code == "duplicate_agency" for issue in result.issues):
            continue
        other = completeness.agency_from_file_name(campaign, result.path.name)
        if other is not None and other.code != result.agency_code:
            severity, message = messages.render(
                "file_name_other_agency", other=other.name, agency=result.agency_name
            )
            result.issues.append(Issue("file_name_other_agency", severity, message))


_UNUSABLE_BY_SENDER = frozenset({"agency_not_named", "mail_tnef", "mail_encrypted"})


def _attribute_by_sender(results: list[FileResult], campaign: Campaign) -> None:
    """An e-mail's answer its file's name does not attribute is its sender's: the agency whose
    roster e-mail the mail's From (Sender, Reply-To) is answered, unusably, not "chưa gửi". A
    form naming its agency wins over the sender (a secretary may forward another's): warned."""
    for result in results:
        if result.senders and (sender := completeness.agency_by_address(campaign, result.senders)):
            _attribute(result, campaign, *sender)


def _attribute(result: FileResult, campaign: Campaign, address: str, sender: Agency) -> None:
    named = completeness.resolve_agency(campaign, result.agency_code, result.agency_name)
    if named is not None:
        if named.code != sender.code and not result.unreadable:
            _warn_other_sender(result, named, sender, address)
    elif any(i.code == SCANNED_UNKNOWN for i in result.issues):
        _scan_of(result, sender)
    elif result.unreadable or any(i.code in _UNUSABLE_BY_SENDER for i in result.issues):
        result.agency_name = sender.name


def _warn_other_sender(result: FileResult, named: Agency, sender: Agency, address: str) -> None:
    values = {"sender_agency": sender.name, "agency": named.name, "address": address}
    severity, message = messages.render("sender_other_agency", **values)
    result.issues.append(Issue("sender_other_agency", severity, message))


def _scan_of(result: FileResult, sender: Agency) -> None:
    """A scan whose file name names no agency, sent from an agency's address: its answer."""
    pdf = result.path.suffix.lower() == ".pdf"
    kind = "PDF" if pdf else "ảnh"
    severity, message = messages.render("scanned_answer", kind=kind, agency_code=sender.code)
    result.issues = [Issue("scanned_answer", severity, message)]
    result.agency_code, result.agency_name = sender.code, sender.name
    result.kind, result.scanned = ("pdf" if pdf else "picture"), True


def validate_inbox(
    inbox: Path,
    campaign: Campaign,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    latest: bool = False,
    as_of: date | None = None,
) -> ValidationReport:
    """`latest`: of two answers of one kind from one agency, use the newest (else an error).
    `as_of` (a reminder's date): the inbox as it stood that day; an answer received or dated
    after it is left out before an agency's copies are compared (`ValidationReport.later`)."""
    listing = list_inbox(inbox)
    results = [
        r for found in _validate_all(listing.files, campaign, progress, workers) for r in found
    ]
    _name_unreadable_by_file_name(results, campaign)
    _attribute_by_sender(results, campaign)
    later = [r for r in results if as_of is not None and _after(r, as_of)]
    if later:
        aside = {id(r) for r in later}  # `r not in later` compared every field: quadratic
        results = [r for r in results if id(r) not in aside]
    resolved = answers.one_answer_per_agency(results, latest)
    _name_other_agency_of_duplicates(resolved.files, campaign)
    rollup.check_overlaps(resolved.files)
    others = [FileResult(p, None, kind="other") for p in listing.others] + resolved.others
    return ValidationReport(
        inbox,
        campaign,
        resolved.files,
        listing.ignored,
        attachments=list(resolved.linked),
        notes=resolved.linked,
        others=sorted(others, key=lambda f: str(f.path)),
        listed=sorted(listing.files + listing.others),
        latest=latest,
        later=later,
    )


def _after(result: FileResult, as_of: date) -> bool:
    day = completeness.answer_date(result)
    return not result.not_a_report and day is not None and day > as_of


def _validate_all(
    files: list[Path],
    campaign: Campaign,
    progress: Callable[[int, int], None] | None,
    workers: int | None,
) -> Iterable[list[FileResult]]:
    total = len(files)
    workers = workers if workers is not None else usable_cpus()
    with _fewer_collections():
        if total < PARALLEL_THRESHOLD or workers <= 1:
            for done, path in enumerate(files, start=1):
                yield answers.validate_path(path, campaign)
                if progress:
                    progress(done, total)
            return
        from concurrent.futures import ProcessPoolExecutor  # a province's inbox never needs it

        chunk = max(1, total // (workers * 8))
        # The campaign (its roster: 300 KB at 3,000 agencies) goes to each worker once, not with
        # every chunk of paths.
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(campaign,)) as pool:
            for done, result in enumerate(pool.map(_validate_in_worker, files, chunksize=chunk), 1):
                yield result
                if progress:
                    progress(done, total)


# Reading a form allocates thousands of short-lived objects; at the interpreter's default (a
# young collection every 700) the collector ran ~300 times per 1,000 forms, and each full
# collection walked every module and result held (5 % of validation time).
_YOUNG_COLLECTION_EVERY = 10_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Cycles are still collected, less often; what thd holds before the batch (modules, the
    campaign) is frozen out of the collector's walks. Frozen objects also keep forked workers
    sharing thd's memory: the collector would write to every object's header."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(_YOUNG_COLLECTION_EVERY, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the
    machine has), at most 8."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # Windows and macOS have no affinity call
        count = os.cpu_count() or 1
    return max(1, min(count, 8))


_worker_campaign: Campaign | None = None


def _start_worker(campaign: Campaign) -> None:
    global _worker_campaign
    _worker_campaign = campaign
    gc.set_threshold(_YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])


def _validate_in_worker(path: Path) -> list[FileResult]:
    assert _worker_campaign is not None
    return answers.validate_path(path, _worker_campaign)
