"""One core function per command: inputs -> a typed outcome that carries its exit status.

The command line only parses options, calls one of these, renders the outcome and exits with
`outcome.exit_code`. Nothing here prints. Exit statuses (design.md): 0 done, 1 refused or invalid
files, 2 usage or configuration error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from thanghanhdong import files
from thanghanhdong.config import Campaign
from thanghanhdong.files import OutputExists
from thanghanhdong.validate import ValidationReport

if TYPE_CHECKING:
    from thanghanhdong.annotate import AnnotatedCopy
    from thanghanhdong.consolidate import Consolidation
    from thanghanhdong.template import WrittenForm

OK, INVALID, USAGE = 0, 1, 2
Progress = Callable[[int, int], None]

# Above this many agencies the Excel summary is written in a second process while the Word
# report is rendered: both are pure Python and take about a second each per 1,000 agencies.
PARALLEL_OUTPUTS_FROM = 200


@dataclass
class Outcome:
    exit_code: int = OK
    error: str | None = None  # one Vietnamese sentence for the officer, when it failed


def _failed(message: str, code: int = USAGE) -> Outcome:
    return Outcome(code, message)


# ---------------------------------------------------------------------------- init


@dataclass
class InitOutcome(Outcome):
    config: Path | None = None
    inbox: Path | None = None
    year: int | None = None
    previous_year: int | None = None
    to_confirm: list[str] = field(default_factory=list)  # keys the officer must check
    agencies: int = 0
    roster_notes: list[str] = field(default_factory=list)  # warnings about the roster list


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

    if request.year is not None and request.previous is None:
        raise config.ConfigError("Tùy chọn --year cần đi kèm --from TỆP_CẤU_HÌNH_NĂM_TRƯỚC.")
    text = config.default_config_text()
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
    outcome.agencies = len(config.parse(text, "thd.toml").agencies)
    return text


def _with_roster(text: str, roster: Path, outcome: InitOutcome) -> str:
    from thanghanhdong import config
    from thanghanhdong.roster import read_roster, replace_roster

    known = config.parse(text, "thd.toml").agencies
    result = read_roster(roster, known=known)
    outcome.roster_notes = list(result.warnings)
    if not result.ok:
        outcome.exit_code, outcome.error = USAGE, "\n".join(result.errors)
        return text
    return replace_roster(text, result.agencies)


def config_warnings(campaign: Campaign) -> list[str]:
    """What in the configuration still looks like last year's, for generate and validate."""
    from thanghanhdong import campaigns, config

    return config.year_warnings(campaign) + campaigns.confirm_warnings(campaign)


@dataclass
class RosterOutcome(Outcome):
    config: Path | None = None
    agencies: int = 0
    notes: list[str] = field(default_factory=list)


def import_roster(config_path: Path | None, roster: Path) -> RosterOutcome:
    """Replace the roster of an existing thd.toml by the officer's list, in place."""
    from thanghanhdong import config
    from thanghanhdong.roster import read_roster, replace_roster

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
    result = read_roster(roster, known=campaign.agencies)
    if not result.ok:
        return RosterOutcome(USAGE, "\n".join(result.errors), notes=list(result.warnings))
    try:
        files.atomic_write(chosen, replace_roster(text, result.agencies).encode("utf-8"))
    except OSError as exc:
        return RosterOutcome(USAGE, f"Không ghi được {chosen}: {files.os_reason(exc)}.")
    return RosterOutcome(config=chosen, agencies=len(result.agencies), notes=list(result.warnings))


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
    except OSError as exc:
        return GenerateOutcome(USAGE, f"Không ghi được vào {out_dir}: {files.os_reason(exc)}.")
    return outcome


# ------------------------------------------------------------------------- validate


def inbox_problem(inbox: Path) -> str | None:
    if not inbox.is_dir():
        return (
            f"Không có thư mục {inbox}. Chép các tệp báo cáo nhận được vào một thư mục rồi chỉ "
            "ra thư mục đó."
        )
    return None


@dataclass
class ValidateOutcome(Outcome):
    report: ValidationReport | None = None
    annotated: list[AnnotatedCopy] = field(default_factory=list)


def validate(
    inbox: Path,
    campaign: Campaign,
    *,
    annotate_dir: Path | None = None,
    strict: bool = False,
    force: bool = False,
    progress: Progress | None = None,
) -> ValidateOutcome:
    from thanghanhdong.validate import validate_inbox

    if problem := inbox_problem(inbox):
        return ValidateOutcome(USAGE, problem)
    if annotate_dir is not None and (problem := files.directory_problem(annotate_dir, inbox=inbox)):
        return ValidateOutcome(USAGE, problem)
    report = validate_inbox(inbox, campaign, progress=progress)
    outcome = ValidateOutcome(report.exit_code(strict), report=report)
    if annotate_dir is not None:
        _annotate(outcome, report, campaign, annotate_dir, force)
    return outcome


def _annotate(
    outcome: ValidateOutcome,
    report: ValidationReport,
    campaign: Campaign,
    directory: Path,
    force: bool,
) -> None:
    from thanghanhdong.annotate import write_annotated

    try:
        written = write_annotated(report.files, campaign, directory, force=force)
    except OutputExists as exc:
        outcome.exit_code = USAGE
        outcome.error = files.existing_problem(exc.paths, directory, "bản đánh dấu")
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
        "tùy chọn --date, ví dụ --date 22/12/2021, hoặc khóa report_date trong thd.toml."
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
    pdf: bool = False  # also the PDF, beside the .docx (--pdf); `out` ending .pdf: the PDF only

    @property
    def docx_out(self) -> Path | None:
        return None if self.out.suffix.lower() == ".pdf" else self.out

    @property
    def pdf_out(self) -> Path | None:
        if self.out.suffix.lower() == ".pdf":
            return self.out
        return self.out.with_suffix(".pdf") if self.pdf else None


def consolidate(
    request: ConsolidateRequest, campaign: Campaign, *, progress: Progress | None = None
) -> ConsolidateOutcome:
    from thanghanhdong.validate import validate_inbox

    if problem := _consolidate_problem(request):
        return ConsolidateOutcome(USAGE, problem)
    dated = report_date(request.report_date, campaign, date.today())
    if isinstance(dated, str):
        return ConsolidateOutcome(USAGE, dated)
    request = replace(request, report_date=dated)
    report = validate_inbox(request.inbox, campaign, progress=progress)
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


def _consolidate_problem(request: ConsolidateRequest) -> str | None:
    if request.template is not None and not request.template.is_file():
        return f"Không có tệp mẫu Word {request.template}."
    if problem := inbox_problem(request.inbox):
        return problem
    outputs = [(request.docx_out, ".docx"), (request.xlsx, ".xlsx"), (request.pdf_out, ".pdf")]
    if request.pdf_out is not None and (problem := _pdf_problem()):
        return problem
    for path, suffix in outputs:
        if path is not None and (
            problem := files.output_problem(
                path, suffix=suffix, inbox=request.inbox, force=request.force
            )
        ):
            return problem
    return None


@dataclass
class BuiltReports(Outcome):
    consolidation: Consolidation | None = None
    outputs: dict[Path, bytes] = field(default_factory=dict)


def build_reports(report: ValidationReport, request: ConsolidateRequest) -> BuiltReports:
    """Consolidate the usable submissions and render every requested output (not written)."""
    from thanghanhdong.consolidate import consolidate
    from thanghanhdong.report.docx import TemplateError, render_docx
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
    xlsx = _start_xlsx(consolidation) if request.xlsx is not None else None
    try:
        docx = render_docx(consolidation, request.template)
    except TemplateError as exc:
        return BuiltReports(USAGE, str(exc))
    outputs = {request.docx_out: docx} if request.docx_out is not None else {}
    if request.pdf_out is not None:
        try:
            outputs[request.pdf_out] = _pdf(docx)
        except PdfError as exc:
            return BuiltReports(USAGE, str(exc))
    if request.xlsx is not None and xlsx is not None:
        outputs[request.xlsx] = xlsx.result()
    return BuiltReports(consolidation=consolidation, outputs=outputs)


def _pdf_problem() -> str | None:
    from thanghanhdong.report.pdf import MISSING, office_program

    return MISSING if office_program() is None else None


def _pdf(docx: bytes) -> bytes:
    from thanghanhdong.report.pdf import docx_to_pdf

    return docx_to_pdf(docx)


def _start_xlsx(consolidation: Consolidation) -> Future[bytes]:
    from thanghanhdong.report.xlsx import render_xlsx

    if len(consolidation.campaign.agencies) < PARALLEL_OUTPUTS_FROM:
        done: Future[bytes] = Future()
        done.set_result(render_xlsx(consolidation))
        return done
    pool = ProcessPoolExecutor(max_workers=1)
    try:
        return pool.submit(render_xlsx, consolidation)
    finally:
        pool.shutdown(wait=False)
