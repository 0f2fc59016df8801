"""The `thd` command line: parse options, call one core function, render its result with rich.

This module never imports openpyxl, docxtpl or calamine: the core modules do, and only when a
command needs them, so `thd --help` starts fast.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from thanghanhdong import __version__
from thanghanhdong.clivi import VietnameseGroup

if TYPE_CHECKING:  # imported lazily: pydantic costs start-up time that --help does not need
    from thanghanhdong import config

app = typer.Typer(
    name="thd",
    cls=VietnameseGroup,
    context_settings={"help_option_names": ["--help", "-h"]},
    help="Biểu mẫu, kiểm tra và tổng hợp báo cáo Tháng hành động vì bình đẳng giới.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="TỆP",
        show_default=False,
        help="Tệp cấu hình thd.toml (mặc định: ./thd.toml, nếu không có thì cấu hình Bắc Kạn 2021).",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")]


_OS_REASONS = {
    errno.EEXIST: "đã có một tệp hoặc liên kết trùng tên",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENOENT: "không có thư mục này",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.EISDIR: "đây là thư mục, không phải tệp",
}


def os_reason(exc: OSError) -> str:
    """What the operating system said, in Vietnamese where we know the case."""
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]Lỗi:[/] {escape(message)}")
    raise typer.Exit(code)


def load_campaign(path: Path | None, *, quiet: bool = False) -> config.Campaign:
    from thanghanhdong import config

    chosen = config.discover(path)
    try:
        campaign = config.load(chosen)
    except config.ConfigError as exc:
        fail(str(exc))
    if not quiet:
        err.print(f"[dim]{escape(config.describe_source(chosen))}[/]")
    return campaign


def _version(value: bool) -> None:
    if value:
        out.print(f"thd {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", help="In phiên bản rồi thoát.", callback=_version, is_eager=True),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Khi thd gặp lỗi không mong muốn: in chi tiết kỹ thuật.")
    ] = False,
) -> None:
    """Biểu mẫu, kiểm tra và tổng hợp báo cáo Tháng hành động vì bình đẳng giới."""


@app.command()
def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="THƯ_MỤC",
            show_default=False,
            help="Thư mục làm việc (mặc định: thư mục hiện tại).",
        ),
    ] = Path("."),
    force: ForceOption = False,
) -> None:
    """Tạo tệp cấu hình thd.toml (có chú thích) và thư mục inbox/ để nhận báo cáo."""
    from thanghanhdong import config

    target = directory / config.CONFIG_FILENAME
    if target.exists() and not force:
        fail(f"Đã có {target}. Dùng --force nếu muốn ghi đè (cấu hình cũ sẽ mất).")
    for path in (directory, directory / "inbox"):
        if path.exists() and not path.is_dir():
            fail(f"{path} là một tệp, không phải thư mục: chọn tên khác.")
    from thanghanhdong.files import atomic_write

    try:
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write(target, config.default_config_text().encode("utf-8"))
        (directory / "inbox").mkdir(exist_ok=True)
    except OSError as exc:
        fail(f"Không ghi được vào {directory}: {os_reason(exc)}.")
    out.print(f"Đã tạo {escape(str(target))} và thư mục {escape(str(directory / 'inbox'))}.")
    out.print(
        "Mở thd.toml để sửa năm, hạn báo cáo, danh sách đơn vị; sau đó chạy: thd generate-templates"
    )


@app.command("generate-templates")
def generate_templates(
    config_path: ConfigOption = None,
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="THƯ_MỤC",
            show_default=False,
            help="Thư mục ghi các mẫu (mặc định: mau-bao-cao).",
        ),
    ] = Path("mau-bao-cao"),
    agency_codes: Annotated[
        list[str] | None,
        typer.Option(
            "--agency",
            metavar="MÃ",
            help="Chỉ tạo mẫu cho đơn vị có mã này (dùng nhiều lần được).",
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Tạo mỗi đơn vị một mẫu Excel để gửi đi."""
    from thanghanhdong import reporter
    from thanghanhdong.files import OutputExists
    from thanghanhdong.template import write_forms

    campaign = load_campaign(config_path)
    agencies = campaign.agencies
    if agency_codes:
        unknown = [code for code in agency_codes if campaign.agency(code) is None]
        if unknown:
            known = ", ".join(a.code for a in campaign.agencies)
            fail(f"Không có đơn vị mã {', '.join(unknown)} trong cấu hình. Các mã hợp lệ: {known}.")
        agencies = [
            a for a in campaign.agencies if a.code.upper() in {c.upper() for c in agency_codes}
        ]

    if out_dir.exists() and not out_dir.is_dir():
        fail(f"{out_dir} là một tệp, không phải thư mục: chọn tên khác cho --out.")
    written = []
    try:
        with reporter.progress(err, "Đang tạo mẫu") as advance:
            for item in write_forms(campaign, agencies, out_dir, force=force):
                written.append(item)
                advance(len(written), len(agencies))
    except OutputExists as exc:
        paths = exc.paths
        fail(
            f"Đã có {len(paths)} tệp trong {out_dir} (ví dụ {paths[0].name}). Dùng --force để ghi đè."
        )
    except OSError as exc:
        fail(f"Không ghi được vào {out_dir}: {os_reason(exc)}.")

    reporter.render_written_forms(written, out_dir, out)


InboxArgument = Annotated[
    Path,
    typer.Argument(
        metavar="THƯ_MỤC",
        show_default=False,
        help="Thư mục chứa các báo cáo nhận về (mặc định: inbox).",
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="In kết quả dạng JSON (chỉ JSON trên stdout).")
]


def _check_inbox(inbox: Path) -> None:
    if not inbox.is_dir():
        fail(
            f"Không có thư mục {inbox}. Chép các tệp báo cáo nhận được vào một thư mục rồi chỉ ra thư mục đó."
        )


def _check_output(path: Path, inbox: Path, force: bool, suffix: str) -> None:
    """Everything that can be said about an output before the work starts."""
    if path.suffix.lower() != suffix:
        fail(f"Tên tệp {path} phải có đuôi {suffix}.")
    if _inside(path, inbox):
        fail(f"Không ghi kết quả vào trong thư mục báo cáo {inbox}: chọn nơi khác cho {path}.")
    if not path.parent.is_dir():
        fail(f"Không có thư mục {path.parent}: tạo thư mục trước, hoặc chọn nơi khác cho {path}.")
    if path.is_dir():
        fail(f"{path} là một thư mục: chọn tên tệp.")
    if path.exists() and not force:
        fail(f"Đã có {path} (có thể đã được sửa tay). Dùng --force để ghi đè, hoặc chọn tên khác.")


def _check_output_dir(directory: Path, inbox: Path) -> None:
    if _inside(directory, inbox):
        fail(f"Không ghi vào trong thư mục báo cáo {inbox}: chọn thư mục khác cho {directory}.")
    if directory.exists() and not directory.is_dir():
        fail(f"{directory} là một tệp, không phải thư mục: chọn tên khác.")


def _inside(path: Path, directory: Path) -> bool:
    return path.resolve().is_relative_to(directory.resolve())


def run_validation(inbox: Path, campaign: config.Campaign, *, show_progress: bool = True):
    from thanghanhdong.reporter import progress
    from thanghanhdong.validate import validate_inbox

    with progress(err, "Đang kiểm tra", enabled=show_progress) as advance:
        return validate_inbox(inbox, campaign, progress=advance)


def print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@app.command()
def validate(
    inbox: InboxArgument = Path("inbox"),
    config_path: ConfigOption = None,
    as_json: JsonOption = False,
    annotate_dir: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            metavar="THƯ_MỤC",
            help="Ghi vào thư mục này bản sao có đánh dấu chỗ cần sửa của từng tệp có vấn đề.",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo như lỗi (mã thoát 1).")
    ] = False,
    force: ForceOption = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", help="Ghi kèm mã của từng lỗi, cảnh báo (như trong --json)."),
    ] = False,
) -> None:
    """Kiểm tra các báo cáo nhận về: lỗi ở tệp, trang, ô nào; đơn vị nào chưa gửi."""
    from thanghanhdong.reporter import render_annotations, render_validation

    campaign = load_campaign(config_path)
    _check_inbox(inbox)
    if annotate_dir is not None:
        _check_output_dir(annotate_dir, inbox)
    report = run_validation(inbox, campaign, show_progress=not as_json)
    annotated = None
    if annotate_dir is not None:  # before any output, so a refusal does not follow a report
        annotated = (annotate_dir, _write_annotations(report, campaign, annotate_dir, force))
    if as_json:
        print_json(report.to_json())
        if annotated is not None:
            render_annotations(report, *annotated, err)
    else:
        render_validation(report, out, verbose=verbose, strict=strict, annotated=annotated)
    raise typer.Exit(report.exit_code(strict))


def _write_annotations(report, campaign: config.Campaign, directory: Path, force: bool) -> list:
    from thanghanhdong.annotate import write_annotated
    from thanghanhdong.files import OutputExists

    try:
        written = write_annotated(report.files, campaign, directory, force=force)
    except OutputExists as exc:
        fail(f"Đã có {len(exc.paths)} bản đánh dấu trong {directory}. Dùng --force để ghi đè.")
    except OSError as exc:
        fail(f"Không ghi được vào {directory}: {os_reason(exc)}.")
    return written


@app.command()
def consolidate(
    inbox: InboxArgument = Path("inbox"),
    out_path: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="TỆP.docx",
            show_default=False,
            help="Tệp báo cáo Word sẽ ghi (mặc định: baocao.docx).",
        ),
    ] = Path("baocao.docx"),
    xlsx_path: Annotated[
        Path | None,
        typer.Option("--xlsx", metavar="TỆP.xlsx", help="Ghi thêm bảng tổng hợp Excel."),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template", metavar="TỆP.docx", help="Mẫu Word riêng (.docx, có thẻ Jinja)."
        ),
    ] = None,
    config_path: ConfigOption = None,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Bỏ qua các tệp có lỗi (được nêu tên trong báo cáo)."),
    ] = False,
    force: ForceOption = False,
    as_json: JsonOption = False,
    report_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="NGÀY/THÁNG/NĂM",
            show_default=False,
            help="Ngày ghi trên báo cáo, dạng ngày/tháng/năm (mặc định: hôm nay).",
        ),
    ] = None,
) -> None:
    """Tổng hợp các báo cáo hợp lệ thành báo cáo Word của tỉnh (và bảng Excel nếu cần)."""
    from thanghanhdong.parse import parse_date
    from thanghanhdong.report.docx import TemplateError
    from thanghanhdong.reporter import render_refusal
    from thanghanhdong.service import ReportError, build_reports

    if template is not None and not template.is_file():
        fail(f"Không có tệp mẫu Word {template}.")
    dated = parse_date(report_date) if report_date else None
    if report_date and dated is None:
        fail(f"Ngày “{report_date}” không đọc được: gõ dạng ngày/tháng/năm, ví dụ 05/01/2022.")
    campaign = load_campaign(config_path)
    _check_inbox(inbox)
    _check_output(out_path, inbox, force, ".docx")
    if xlsx_path is not None:
        _check_output(xlsx_path, inbox, force, ".xlsx")
    outputs = [p for p in (out_path, xlsx_path) if p is not None]
    report = run_validation(inbox, campaign, show_progress=not as_json)
    if report.has_errors and not skip_invalid:
        if as_json:
            print_json(report.to_json())
        render_refusal(report, err)
        raise typer.Exit(1)
    try:
        result = build_reports(
            report, template=template, want_xlsx=xlsx_path is not None, report_date=dated
        )
    except ReportError as exc:
        # A broken --template is a usage error; no valid report at all is a refusal.
        fail(str(exc), code=2 if isinstance(exc.__cause__, TemplateError) else 1)
    from thanghanhdong.files import atomic_write

    for path, data in ((out_path, result.docx), (xlsx_path, result.xlsx)):
        if path is None or data is None:
            continue
        try:
            atomic_write(path, data)
        except OSError as exc:
            fail(f"Không ghi được {path}: {os_reason(exc)}.")
    if as_json:
        print_json(result.consolidation.to_json())
        return
    from thanghanhdong.reporter import render_consolidation

    render_consolidation(result.consolidation, outputs, out)


CRASH_EXIT = 3


def use_utf8_output() -> None:
    """Vietnamese needs UTF-8: a Windows console or pipe defaults to a code page (1258, 437),
    a server may run with a C or Latin-1 locale. Printing must neither crash nor garble."""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure and codecs.lookup(encoding).name != "utf-8":
            reconfigure(encoding="utf-8", errors="replace")


def main() -> None:
    use_utf8_output()
    debug = "--debug" in sys.argv
    try:
        app()
    except Exception as exc:
        # A bug, never bad input (that is reported as issues): no traceback unless asked for,
        # since tracebacks can carry the content of the forms.
        if debug:
            raise
        err.print(
            f"[bold red]Lỗi không mong muốn của thd[/] ({escape(type(exc).__name__)}). Các tệp "
            "đầu vào không bị thay đổi. Chạy lại lệnh với --debug để xem chi tiết và gửi cho "
            "người phụ trách kỹ thuật."
        )
        sys.exit(CRASH_EXIT)
