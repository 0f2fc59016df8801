"""One core function per command: inputs -> a typed outcome that carries its exit status.

The command line only parses options, calls one of these, renders the outcome and exits with
`outcome.exit_code`. Nothing here prints. Exit statuses (design.md): 0 done, 1 refused or invalid
files, 2 usage or configuration error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from thanghanhdong import completeness, files
from thanghanhdong.config import Agency, AgencyGroup, Campaign
from thanghanhdong.files import OutputExists
from thanghanhdong.inbox import ValidationReport
from thanghanhdong.model import DataFileError
from thanghanhdong.text import fold

if TYPE_CHECKING:
    from thanghanhdong.annotate import AnnotatedCopy
    from thanghanhdong.compare import AgencyChange
    from thanghanhdong.completeness import AgencyStatus
    from thanghanhdong.consolidate import Consolidation
    from thanghanhdong.datafile import InputCheck
    from thanghanhdong.report import RenderOptions
    from thanghanhdong.template import WrittenForm

OK, INVALID, USAGE = 0, 1, 2
Progress = Callable[[int, int], None]


@dataclass
class Outcome:
    exit_code: int = OK
    error: str | None = None  # one Vietnamese sentence for the officer, when it failed


# ---------------------------------------------------------------------------- init


@dataclass
class InitOutcome(Outcome):
    config: Path | None = None
    inbox: Path | None = None
    year: int | None = None
    previous_year: int | None = None
    to_confirm: list[str] = field(default_factory=list)  # keys the officer must check
    agencies: int = 0
    from_sample: bool = False  # --year without --from: the sample rolled to that year
    # With --from and --roster: how many of the list's agencies were on last year's roster.
    agencies_from_previous: int | None = None
    roster_notes: list[str] = field(default_factory=list)  # warnings about the roster list
    roster_groups: str = ""  # how the imported list was sorted into groups, in words


@dataclass(frozen=True)
class InitRequest:
    directory: Path
    force: bool = False
    previous: Path | None = None  # last year's thd.toml (--from)
    year: int | None = None
    roster: Path | None = None  # the officer's list of agencies (--roster)


def init(request: InitRequest) -> InitOutcome:
    from thanghanhdong import config

    directory = request.directory
    target, inbox = directory / config.CONFIG_FILENAME, directory / "inbox"
    if target.exists() and not request.force:
        return InitOutcome(
            USAGE, f"Đã có {target}. Dùng --force nếu muốn ghi đè (cấu hình cũ sẽ mất)."
        )
    for path in (directory, inbox):
        if path.exists() and not path.is_dir():
            return InitOutcome(USAGE, f"{path} là một tệp, không phải thư mục: chọn tên khác.")
    outcome = InitOutcome(config=target, inbox=inbox)
    try:
        text = _init_text(request, outcome)
    except config.ConfigError as exc:
        return InitOutcome(USAGE, str(exc))
    if text is None:
        return outcome
    try:
        directory.mkdir(parents=True, exist_ok=True)
        files.atomic_write(target, text.encode("utf-8"))
        inbox.mkdir(exist_ok=True)
    except OSError as exc:
        return InitOutcome(USAGE, f"Không ghi được vào {directory}: {files.os_reason(exc)}.")
    return outcome


def _init_text(request: InitRequest, outcome: InitOutcome) -> str | None:
    """The new thd.toml: the default, or last year's rolled to `year`, with the roster list."""
    from thanghanhdong import campaigns, config

    text = config.default_config_text()
    sample_year = config.parse(text, "cấu hình mẫu").campaign.year
    if request.year is not None and request.previous is None and request.year < sample_year:
        raise config.ConfigError(
            f"Năm {request.year} trước năm của cấu hình mẫu ({sample_year}): chọn năm từ "
            f"{sample_year} trở đi, hoặc lập từ cấu hình năm trước bằng --from."
        )
    if request.year is not None and request.previous is None and request.year > sample_year:
        # A province starting afresh in `year`: the sample rolled forward, every value of the
        # sample province marked to confirm.
        rolled = campaigns.roll_forward(text, request.year, sample=True)
        text, outcome.to_confirm = rolled.text, rolled.to_confirm
        outcome.previous_year, outcome.year, outcome.from_sample = (
            rolled.previous_year,
            request.year,
            True,
        )
    if request.previous is not None:
        old = config.load(request.previous)
        rolled = campaigns.roll_forward(
            config.read_text(request.previous), request.year or old.campaign.year + 1
        )
        text, outcome.to_confirm = rolled.text, rolled.to_confirm
        outcome.previous_year, outcome.year = (
            rolled.previous_year,
            request.year or old.campaign.year + 1,
        )
    if request.roster is not None:
        text = _with_roster(text, request.roster, outcome)
        if outcome.error:
            return None
    text = campaigns.leave_report_date_open(text)
    agencies = config.parse(text, "thd.toml").agencies
    outcome.agencies = len(agencies)
    if request.previous is not None and request.roster is not None:
        old_codes = {a.code for a in old.agencies}
        outcome.agencies_from_previous = sum(
            a.code in old_codes or bool(set(a.previous) & old_codes) for a in agencies
        )
    return text


def last_years_roster(campaign: Campaign) -> list[Agency]:
    """The roster a new list is matched against to keep each agency's code: the thd.toml's, but
    none when it is still thd's sample (Bắc Kạn 2021, what `thd init` without --from writes):
    a province's communes are not the sample's districts, and "mã BABE đã dùng trong danh sách
    năm trước" would be said of a list the province never had (trial 2026-12-02f)."""
    from thanghanhdong import config

    sample = {(a.code, a.name) for a in config.load(None).agencies}
    return [] if {(a.code, a.name) for a in campaign.agencies} == sample else campaign.agencies


def _with_roster(text: str, roster: Path, outcome: InitOutcome) -> str:
    from thanghanhdong import config
    from thanghanhdong.roster import dropped_keys, groups_line, read_roster, replace_roster

    campaign = config.parse(text, "thd.toml")
    known = last_years_roster(campaign)
    result = read_roster(roster, known=known)
    outcome.roster_notes = list(result.warnings)
    if not result.ok:
        outcome.exit_code, outcome.error = USAGE, "\n".join(result.errors)
        return text
    outcome.roster_notes += dropped_keys(known, result.agencies)
    outcome.roster_notes += _district_level_note(campaign, result.agencies)
    outcome.roster_groups = groups_line(result.agencies)
    return replace_roster(text, result.agencies)


def _district_level_note(campaign: Campaign, agencies: Sequence[Agency]) -> list[str]:
    """A list without a district among communes, in a campaign whose levels still hold one: the
    province has no district level (since 1 July 2025), and the form would still offer it."""
    levels = campaign.catalogues.levels
    district = next((level for level in levels if fold(level) == "huyen"), None)
    groups = {a.group for a in agencies}
    if district is None or AgencyGroup.DISTRICT in groups or AgencyGroup.COMMUNE not in groups:
        return []
    kept = ", ".join(f'"{level}"' for level in levels if level != district)
    return [
        f"Danh sách có cấp xã mà không có đơn vị cấp huyện nào, nhưng levels trong thd.toml vẫn "
        f"có cấp “{district}”: nếu tỉnh không còn cấp huyện (từ ngày 1/7/2025), sửa thành "
        f"levels = [{kept}] để mẫu Excel không còn cho chọn cấp huyện."
    ]


def config_warnings(campaign: Campaign) -> list[str]:
    """What in the configuration still looks like last year's, for generate and validate."""
    from thanghanhdong import campaigns, config

    return config.year_warnings(campaign) + campaigns.confirm_warnings(campaign)


@dataclass
class RosterOutcome(Outcome):
    config: Path | None = None
    agencies: int = 0
    notes: list[str] = field(default_factory=list)
    groups: str = ""  # how the list was sorted into groups, in words


def import_roster(config_path: Path | None, roster: Path) -> RosterOutcome:
    """Replace the roster of an existing thd.toml by the officer's list, in place."""
    from thanghanhdong import config
    from thanghanhdong.roster import dropped_keys, groups_line, read_roster, replace_roster

    chosen = config.discover(config_path)
    if chosen is None:
        return RosterOutcome(
            USAGE, f"Chưa có thd.toml ở thư mục này: chạy thd init --roster {roster} trước."
        )
    try:
        text = config.read_text(chosen)
        campaign = config.parse(text, str(chosen))
    except config.ConfigError as exc:
        return RosterOutcome(USAGE, str(exc))
    result = read_roster(roster, known=last_years_roster(campaign))
    if not result.ok:
        return RosterOutcome(USAGE, "\n".join(result.errors), notes=list(result.warnings))
    try:
        edited = replace_roster(text, result.agencies)
        if b"\r\n" in chosen.read_bytes():  # the officer's file keeps its Windows line ends
            edited = edited.replace("\r\n", "\n").replace("\n", "\r\n")
        files.atomic_write(chosen, edited.encode("utf-8"))
    except OSError as exc:
        return RosterOutcome(USAGE, f"Không ghi được {chosen}: {files.os_reason(exc)}.")
    return RosterOutcome(
        config=chosen,
        agencies=len(result.agencies),
        notes=[
            *result.warnings,
            *dropped_keys(campaign.agencies, result.agencies),
            *_district_level_note(campaign, result.agencies),
        ],
        groups=groups_line(result.agencies),
    )


# ---------------------------------------------------------------- generate-templates


@dataclass
class GenerateOutcome(Outcome):
    out_dir: Path | None = None
    written: list[WrittenForm] = field(default_factory=list)


def generate(
    campaign: Campaign,
    out_dir: Path,
    codes: Sequence[str] = (),
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> GenerateOutcome:
    from thanghanhdong.template import write_forms

    unknown = [code for code in codes if campaign.agency(code) is None]
    if unknown:
        known = ", ".join(a.code for a in campaign.agencies)
        return GenerateOutcome(
            USAGE,
            f"Không có đơn vị mã {', '.join(unknown)} trong cấu hình. Các mã hợp lệ: {known}.",
        )
    wanted = {c.upper() for c in codes}
    agencies = [a for a in campaign.agencies if not wanted or a.code.upper() in wanted]
    if problem := files.directory_problem(out_dir):
        return GenerateOutcome(USAGE, problem.replace("chọn tên khác", "chọn tên khác cho --out"))
    outcome = GenerateOutcome(out_dir=out_dir)
    try:
        for done, item in enumerate(write_forms(campaign, agencies, out_dir, force=force), 1):
            outcome.written.append(item)
            if progress:
                progress(done, len(agencies))
    except OutputExists as exc:
        return GenerateOutcome(USAGE, files.existing_problem(exc.paths, out_dir, "tệp"))
    except files.OutputHeld as exc:
        return GenerateOutcome(USAGE, f"Không ghi được {exc.path}: {exc.reason}. Chưa ghi tệp nào.")
    except OSError as exc:
        written = f" Đã ghi {len(outcome.written)} tệp." if outcome.written else ""
        return GenerateOutcome(
            USAGE, f"Không ghi được vào {out_dir}: {files.os_reason(exc)}.{written}"
        )
    return outcome


# ------------------------------------------------------------------------- validate


def inbox_problem(inbox: Path) -> str | None:
    try:
        if not inbox.is_dir():
            return (
                f"Không có thư mục {inbox}. Chép các tệp báo cáo nhận được vào một thư mục rồi "
                "chỉ ra thư mục đó."
            )
        with os.scandir(inbox):
            return None
    except OSError as exc:  # a shared folder this user may not open
        return f"Không mở được thư mục {inbox}: {files.folder_reason(exc)}."


@dataclass
class ValidateOutcome(Outcome):
    report: ValidationReport | None = None
    annotated: list[AnnotatedCopy] = field(default_factory=list)
    changes: list[AgencyChange] = field(default_factory=list)  # --compare: worth a look
    previous_year: int | None = None


def validate(
    inbox: Path,
    campaign: Campaign,
    *,
    annotate_dir: Path | None = None,
    strict: bool = False,
    force: bool = False,
    progress: Progress | None = None,
    compare: Path | None = None,
    factor: float | None = None,
    latest: bool = False,
) -> ValidateOutcome:
    from thanghanhdong.inbox import validate_inbox

    if problem := inbox_problem(inbox):
        return ValidateOutcome(USAGE, problem)
    try:
        previous = _load_data_file(compare, campaign) if compare is not None else None
    except DataFileError as exc:
        return ValidateOutcome(USAGE, str(exc))
    if annotate_dir is not None and (problem := files.directory_problem(annotate_dir, inbox=inbox)):
        return ValidateOutcome(USAGE, problem)
    report = validate_inbox(
        inbox, campaign, progress=progress, latest=takes_latest(campaign, latest)
    )
    outcome = ValidateOutcome(report.exit_code(strict), report=report)
    if previous is not None:
        outcome.changes = changes_since(report, previous, factor)
        outcome.previous_year = previous.campaign.campaign.year
    if annotate_dir is not None:
        _annotate(outcome, report, campaign, annotate_dir, force)
    return outcome


def _load_data_file(path: Path, campaign: Campaign) -> Consolidation:
    """Last year's data file for --compare (imported here: `validate` without --compare never
    reads one); DataFileError when it is not last year's report of this body."""
    from thanghanhdong import compare, datafile

    previous = datafile.load(path)
    if problem := compare.previous_problem(campaign, previous, path):
        raise DataFileError(problem)
    return previous


def changes_since(
    report: ValidationReport, previous: Consolidation, factor: float | None = None
) -> list[AgencyChange]:
    """Agency-level differences from last year's data file (validate --compare)."""
    from thanghanhdong import compare, form
    from thanghanhdong.consolidate import Figures

    now: dict[str, dict[str, Figures]] = {}
    names: dict[str, str] = {}
    for result in report.files:
        if result.ok and result.submission is not None:
            s = result.submission
            now[s.agency_code.upper()] = {
                spec.key: Figures.of(spec, s.tables.get(spec.key, [])) for spec in form.TABLES
            }
    for entry in report.completeness.entries:
        names[entry.code.upper()] = entry.name
    answered = {e.code.upper() for e in report.completeness.answered}
    return compare.agency_changes(
        now, names, previous, report.campaign, factor or compare.DEFAULT_FACTOR, answered=answered
    )


def _annotate(
    outcome: ValidateOutcome,
    report: ValidationReport,
    campaign: Campaign,
    directory: Path,
    force: bool,
) -> None:
    from thanghanhdong.annotate import write_annotated

    clock = date.today()
    dated = letter_date(None, campaign, clock)
    today = dated if isinstance(dated, date) else None  # outside the campaign: left blank
    try:
        written = write_annotated(
            report.files, campaign, directory, force=force, today=today, clock=clock
        )
    except OutputExists as exc:
        outcome.exit_code = USAGE
        outcome.error = files.existing_problem(exc.paths, directory, "bản đánh dấu")
        return
    except files.OutputHeld as exc:
        outcome.exit_code = USAGE
        outcome.error = f"Không ghi được {exc.path}: {exc.reason}. Chưa ghi tệp nào."
        return
    except OSError as exc:
        outcome.exit_code = USAGE
        outcome.error = f"Không ghi được vào {directory}: {files.os_reason(exc)}."
        return
    outcome.annotated = written


# ---------------------------------------------------------------------- consolidate


@dataclass
class ConsolidateOutcome(Outcome):
    report: ValidationReport | None = None
    consolidation: Consolidation | None = None
    written: list[Path] = field(default_factory=list)
    refused: bool = False  # invalid files and no --skip-invalid: nothing was written


# Without --date or report_date, today is taken only from the end of the period until this many
# days after the deadline: a report run later (or long before) would carry a date nobody signed.
REPORT_WINDOW_AFTER_DEADLINE = timedelta(days=120)


def report_date(requested: date | None, campaign: Campaign, today: date) -> date | str:
    """The date of the report: --date, else the configured report_date, else today within the
    reporting window; outside it, the Vietnamese sentence asking for --date."""
    chosen = requested or campaign.report_date
    if chosen is not None:
        return chosen
    info = campaign.campaign
    if info.period_end <= today <= info.deadline + REPORT_WINDOW_AFTER_DEADLINE:
        return today
    return (
        f"Hôm nay ({today:%d/%m/%Y}) không nằm trong thời gian tổng hợp báo cáo của đợt "
        f"{info.year} (từ {info.period_end:%d/%m/%Y} đến "
        f"{info.deadline + REPORT_WINDOW_AFTER_DEADLINE:%d/%m/%Y}): ghi ngày ký báo cáo bằng "
        f"tùy chọn --date, ví dụ --date {info.deadline:%d/%m/%Y}, hoặc khóa report_date trong "
        "thd.toml."
    )


@dataclass(frozen=True)
class ConsolidateRequest:
    inbox: Path
    out: Path
    xlsx: Path | None = None
    template: Path | None = None
    skip_invalid: bool = False
    force: bool = False
    report_date: date | None = None
    data: Path | None = None  # the data file (--data); default: beside --out, same stem
    compare: Path | None = None  # last year's data file (--compare)
    latest: bool = False  # of an agency's resubmissions, use the newest
    pdf: bool = False  # also the PDF, beside the .docx (--pdf); `out` ending .pdf: the PDF only

    @property
    def data_path(self) -> Path:
        from thanghanhdong.datafile import default_path

        return self.data or default_path(self.out)

    @property
    def docx_out(self) -> Path | None:
        return None if self.out.suffix.lower() == ".pdf" else self.out

    @property
    def pdf_out(self) -> Path | None:
        if self.out.suffix.lower() == ".pdf":
            return self.out
        return self.out.with_suffix(".pdf") if self.pdf else None


def takes_latest(campaign: Campaign, latest: bool) -> bool:
    """`--latest`, or `resubmissions = "latest"` in thd.toml."""
    return latest or campaign.campaign.resubmissions == "latest"


def consolidate(
    request: ConsolidateRequest, campaign: Campaign, *, progress: Progress | None = None
) -> ConsolidateOutcome:
    from thanghanhdong.inbox import validate_inbox

    if problem := _consolidate_problem(request, campaign):
        return ConsolidateOutcome(USAGE, problem)
    dated = report_date(request.report_date, campaign, date.today())
    if isinstance(dated, str):
        return ConsolidateOutcome(USAGE, dated)
    request = replace(request, report_date=dated)
    latest = takes_latest(campaign, request.latest)
    report = validate_inbox(request.inbox, campaign, progress=progress, latest=latest)
    if report.has_errors and not request.skip_invalid:
        return ConsolidateOutcome(INVALID, report=report, refused=True)
    built = build_reports(report, request)
    if built.error:
        return ConsolidateOutcome(built.exit_code, built.error, report=report)
    if error := files.write_all(built.outputs):
        return ConsolidateOutcome(USAGE, error, report=report)
    return ConsolidateOutcome(
        report=report, consolidation=built.consolidation, written=list(built.outputs)
    )


def planned_outputs(request: ConsolidateRequest, campaign: Campaign) -> dict[str, Path]:
    """Each output by kind. Above the roster size a person reads, the Word report leaves the
    per-agency appendices to the summary workbook, so the workbook is always written then
    (beside the report when --xlsx is not given)."""
    from thanghanhdong.report.docx import wants_per_agency_appendices

    outputs = {".docx": request.docx_out} if request.docx_out is not None else {}
    if request.pdf_out is not None:
        outputs[".pdf"] = request.pdf_out
    if request.xlsx is not None:
        outputs[".xlsx"] = request.xlsx
    elif not wants_per_agency_appendices(campaign):
        outputs[".xlsx"] = request.out.with_suffix(".xlsx")
    outputs[".json"] = request.data_path  # the data file: always, beside the report
    return outputs


def _consolidate_problem(request: ConsolidateRequest, campaign: Campaign) -> str | None:
    if request.template is not None and not request.template.is_file():
        return f"Không có tệp mẫu Word {request.template}."
    if problem := inbox_problem(request.inbox):
        return problem
    if request.compare is not None and not request.compare.is_file():
        return f"Không có tệp số liệu năm trước {request.compare}."
    if request.pdf_out is not None and (problem := _pdf_problem()):
        return problem
    for suffix, path in planned_outputs(request, campaign).items():
        if problem := files.output_problem(
            path, suffix=suffix, inbox=request.inbox, force=request.force
        ):
            return problem
    return None


@dataclass
class BuiltReports(Outcome):
    consolidation: Consolidation | None = None
    outputs: dict[Path, bytes | bytearray] = field(default_factory=dict)


def build_reports(report: ValidationReport, request: ConsolidateRequest) -> BuiltReports:
    """Consolidate the usable submissions and render every requested output (not written)."""
    from thanghanhdong.consolidate import consolidate
    from thanghanhdong.report import RenderOptions
    from thanghanhdong.report.docx import TemplateError, wants_per_agency_appendices
    from thanghanhdong.report.pdf import PdfError

    submissions = [r.submission for r in report.files if r.ok and r.submission is not None]
    if not submissions:
        return BuiltReports(
            INVALID,
            "Chưa có báo cáo hợp lệ nào để tổng hợp: kiểm tra thư mục bằng “thd validate”.",
        )
    consolidation = consolidate(
        report.campaign,
        submissions,
        report.completeness,
        report_date=request.report_date or report.campaign.report_date or date.today(),
    )
    if problem := _enrich(consolidation, report, request):
        return BuiltReports(USAGE, problem)
    options = RenderOptions(
        request.template, per_agency_appendices=wants_per_agency_appendices(report.campaign)
    )
    try:
        outputs = _render_all(planned_outputs(request, report.campaign), consolidation, options)
    except (TemplateError, PdfError) as exc:
        return BuiltReports(USAGE, str(exc))
    return BuiltReports(consolidation=consolidation, outputs=outputs)


def _render_all(
    planned: dict[str, Path], consolidation: Consolidation, options: RenderOptions
) -> dict[Path, bytes | bytearray]:
    """Each output's bytes; the PDF is the Word report converted (rendered once for both)."""
    from thanghanhdong.report import render
    from thanghanhdong.report.pdf import docx_to_pdf

    rendered = {kind: render(kind, consolidation, options) for kind in planned if kind != ".pdf"}
    if ".pdf" in planned:
        docx = rendered.get(".docx") or render(".docx", consolidation, options)
        rendered[".pdf"] = docx_to_pdf(docx)
    return {planned[kind]: data for kind, data in rendered.items()}


def _pdf_problem() -> str | None:
    from thanghanhdong.report.pdf import MISSING, office_program

    return MISSING if office_program() is None else None


def _enrich(
    consolidation: Consolidation, report: ValidationReport, request: ConsolidateRequest
) -> str | None:
    """The audit trail, the roll-ups' notes and last year's figures; a problem, else None."""
    from thanghanhdong import datafile
    from thanghanhdong.consolidate import absent_tables
    from thanghanhdong.readers import rollup

    consolidation.inputs = datafile.audit(report)
    consolidation.notes = rollup.notes(report)
    consolidation.absent = absent_tables(report.campaign, report.files)
    if request.compare is not None:
        try:
            consolidation.previous = _load_data_file(request.compare, report.campaign)
        except DataFileError as exc:
            return str(exc)
    return None


# --------------------------------------------------------------------------- remind


@dataclass
class RemindOutcome(Outcome):
    report: ValidationReport | None = None
    addressed: list[AgencyStatus] = field(default_factory=list)  # who the letter is to
    written: Path | None = None  # None when nobody needs reminding
    after: list[Path] = field(default_factory=list)  # answers dated after the letter
    dated: date | None = None  # the letter's date


def letter_date(requested: date | None, campaign: Campaign, today: date) -> date | str:
    """The reminder's date: --date, else today while the campaign runs (from its start to the
    end of the reporting window); outside it, the sentence asking for --date."""
    if requested is not None:
        return requested
    info = campaign.campaign
    end = info.deadline + REPORT_WINDOW_AFTER_DEADLINE
    if info.period_start <= today <= end:
        return today
    return (
        f"Hôm nay ({today:%d/%m/%Y}) không nằm trong thời gian của đợt {info.year} (từ "
        f"{info.period_start:%d/%m/%Y} đến {end:%d/%m/%Y}): ghi ngày của công văn bằng tùy "
        f"chọn --date, ví dụ --date {info.deadline:%d/%m/%Y}."
    )


@dataclass(frozen=True)
class RemindRequest:
    inbox: Path
    out: Path
    force: bool = False
    today: date | None = None
    latest: bool = False  # of an agency's resubmissions, the newest is its answer (--latest)


def remind(
    request: RemindRequest, campaign: Campaign, *, progress: Progress | None = None
) -> RemindOutcome:
    """The công văn đôn đốc to the agencies that have not answered or sent nothing usable."""
    from thanghanhdong.inbox import validate_inbox
    from thanghanhdong.report.remind import render_remind, to_remind

    if problem := inbox_problem(request.inbox) or files.output_problem(
        request.out, suffix=".docx", inbox=request.inbox, force=request.force
    ):
        return RemindOutcome(USAGE, problem)
    dated = letter_date(request.today, campaign, date.today())
    if isinstance(dated, str):
        return RemindOutcome(USAGE, dated)
    # The letter states who had answered at ITS date: a later answer is not yet received, nor
    # is it one of an agency's copies to choose from (the correction of the day after).
    report = validate_inbox(
        request.inbox,
        campaign,
        progress=progress,
        latest=takes_latest(campaign, request.latest),
        as_of=dated,
    )
    status = completeness.compute(campaign, [*report.files, *report.later], as_of=dated)
    addressed = to_remind(status)
    outcome = RemindOutcome(report=report, addressed=addressed, after=status.after, dated=dated)
    if not addressed:
        return outcome
    data = render_remind(campaign, status, dated)
    if error := files.write_all({request.out: data}):
        return RemindOutcome(USAGE, error, report=report, addressed=addressed)
    outcome.written = request.out
    return outcome


# ---------------------------------------------------------------------- check-inputs


@dataclass
class CheckInputsOutcome(Outcome):
    data: Path | None = None
    check: InputCheck | None = None


def check_inputs(data: Path, inbox: Path) -> CheckInputsOutcome:
    """Whether the files a report was made from are still those in `inbox`: exit 0 when
    they are, 1 when any changed, disappeared or was added."""
    if problem := inbox_problem(inbox):
        return CheckInputsOutcome(USAGE, problem)
    from thanghanhdong import datafile

    try:
        consolidation = datafile.load(data)
    except DataFileError as exc:
        return CheckInputsOutcome(USAGE, str(exc))

    check = datafile.check_inputs(consolidation, inbox)
    return CheckInputsOutcome(OK if check.same else INVALID, data=data, check=check)
