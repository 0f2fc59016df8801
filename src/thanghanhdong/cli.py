"""The `thd` command line: parse options, call one core function, render its result with rich.

This module never imports openpyxl, docxtpl or calamine: the core modules do, and only when a
command needs them, so `thd --help` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from thanghanhdong import __version__

if TYPE_CHECKING:  # imported lazily: pydantic costs start-up time that --help does not need
    from thanghanhdong import config

app = typer.Typer(
    name="thd",
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
        help="Tệp cấu hình thd.toml (mặc định: ./thd.toml, nếu không có thì cấu hình Bắc Kạn 2021).",
        dir_okay=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")]


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
        err.print(f"[dim]{escape(config.ConfigSource(path=chosen).describe())}[/]")
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
) -> None:
    """Biểu mẫu, kiểm tra và tổng hợp báo cáo Tháng hành động vì bình đẳng giới."""


@app.command()
def init(
    directory: Annotated[
        Path, typer.Argument(help="Thư mục làm việc (mặc định: thư mục hiện tại).")
    ] = Path("."),
    force: ForceOption = False,
) -> None:
    """Tạo tệp cấu hình thd.toml (có chú thích) và thư mục inbox/ để nhận báo cáo."""
    from thanghanhdong import config

    target = directory / config.CONFIG_FILENAME
    if target.exists() and not force:
        fail(f"Đã có {target}. Dùng --force nếu muốn ghi đè (cấu hình cũ sẽ mất).")
    from thanghanhdong.files import atomic_write

    try:
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write(target, config.default_config_text().encode("utf-8"))
        (directory / "inbox").mkdir(exist_ok=True)
    except OSError as exc:
        fail(f"Không ghi được vào {directory}: {exc.strerror}.")
    out.print(f"Đã tạo {escape(str(target))} và thư mục {escape(str(directory / 'inbox'))}.")
    out.print(
        "Mở thd.toml để sửa năm, hạn báo cáo, danh sách đơn vị; sau đó chạy: thd generate-templates"
    )


@app.command("generate-templates")
def generate_templates(
    config_path: ConfigOption = None,
    out_dir: Annotated[
        Path, typer.Option("--out", help="Thư mục ghi các mẫu.", file_okay=False)
    ] = Path("mau-bao-cao"),
    agency_codes: Annotated[
        list[str] | None,
        typer.Option("--agency", help="Chỉ tạo mẫu cho đơn vị có mã này (dùng nhiều lần được)."),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Tạo mỗi đơn vị một mẫu Excel để gửi đi."""
    from rich.progress import Progress
    from rich.table import Table

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

    written = []
    try:
        with Progress(console=err, transient=True, disable=len(agencies) < 10) as progress:
            task = progress.add_task("Đang tạo mẫu", total=len(agencies))
            for item in write_forms(campaign, agencies, out_dir, force=force):
                written.append(item)
                progress.advance(task)
    except FileExistsError as exc:
        paths = exc.args[0]
        fail(
            f"Đã có {len(paths)} tệp trong {out_dir} (ví dụ {paths[0].name}). Dùng --force để ghi đè."
        )
    except OSError as exc:
        fail(f"Không ghi được vào {out_dir}: {exc.strerror}.")

    table = Table(title=f"Đã tạo {len(written)} mẫu trong {escape(str(out_dir))}")
    table.add_column("Mã", no_wrap=True)
    table.add_column("Đơn vị")
    # The file name must show whole, even in an 80-column console: let the name column wrap.
    table.add_column("Tệp", no_wrap=True)
    for item in written:
        table.add_row(escape(item.agency.code), escape(item.agency.name), escape(item.path.name))
    out.print(table)


InboxArgument = Annotated[
    Path,
    typer.Argument(help="Thư mục chứa các báo cáo nhận về (mặc định: inbox).", file_okay=False),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="In kết quả dạng JSON (chỉ JSON trên stdout).")
]


def _check_inbox(inbox: Path) -> None:
    if not inbox.is_dir():
        fail(
            f"Không có thư mục {inbox}. Chép các tệp báo cáo nhận được vào một thư mục rồi chỉ ra thư mục đó."
        )


def _check_output(path: Path, inbox: Path, force: bool) -> None:
    if _inside(path, inbox):
        fail(f"Không ghi kết quả vào trong thư mục báo cáo {inbox}: chọn nơi khác cho {path}.")
    if path.exists() and not force:
        fail(f"Đã có {path} (có thể đã được sửa tay). Dùng --force để ghi đè, hoặc chọn tên khác.")


def _inside(path: Path, directory: Path) -> bool:
    return path.resolve().is_relative_to(directory.resolve())


def run_validation(inbox: Path, campaign: config.Campaign):
    from rich.progress import Progress

    from thanghanhdong.validate import validate_inbox

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("Đang kiểm tra", total=None, visible=False)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, visible=total >= 20)

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
            help="Ghi vào thư mục này bản sao có đánh dấu chỗ cần sửa của từng tệp có vấn đề.",
            file_okay=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo như lỗi (mã thoát 1).")
    ] = False,
    force: ForceOption = False,
) -> None:
    """Kiểm tra các báo cáo nhận về: lỗi ở tệp, trang, ô nào; đơn vị nào chưa gửi."""
    from thanghanhdong.reporter import render_validation

    campaign = load_campaign(config_path)
    _check_inbox(inbox)
    if annotate_dir is not None and _inside(annotate_dir, inbox):
        fail(f"Không ghi bản đánh dấu vào trong thư mục báo cáo {inbox}: chọn thư mục khác.")
    report = run_validation(inbox, campaign)
    if as_json:
        print_json(report.to_json())
    else:
        render_validation(report, out)
    if annotate_dir is not None:
        _write_annotations(report, campaign, annotate_dir, force)
    raise typer.Exit(report.exit_code(strict))


def _write_annotations(report, campaign: config.Campaign, directory: Path, force: bool) -> None:
    from thanghanhdong.annotate import write_annotated

    try:
        written = write_annotated(report.files, campaign, directory, force=force)
    except FileExistsError as exc:
        fail(f"Đã có {len(exc.args[0])} bản đánh dấu trong {directory}. Dùng --force để ghi đè.")
    except OSError as exc:
        fail(f"Không ghi được vào {directory}: {exc.strerror}.")
    err.print(f"Đã ghi {len(written)} bản có đánh dấu chỗ cần sửa vào {escape(str(directory))}.")


@app.command()
def consolidate(
    inbox: InboxArgument = Path("inbox"),
    out_path: Annotated[
        Path, typer.Option("--out", help="Tệp báo cáo Word (.docx) sẽ ghi.", dir_okay=False)
    ] = Path("baocao.docx"),
    xlsx_path: Annotated[
        Path | None, typer.Option("--xlsx", help="Ghi thêm bảng tổng hợp Excel.", dir_okay=False)
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template", help="Mẫu Word riêng (.docx, có thẻ Jinja).", exists=True, dir_okay=False
        ),
    ] = None,
    config_path: ConfigOption = None,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Bỏ qua các tệp có lỗi (được nêu tên trong báo cáo)."),
    ] = False,
    force: ForceOption = False,
    as_json: JsonOption = False,
) -> None:
    """Tổng hợp các báo cáo hợp lệ thành báo cáo Word của tỉnh (và bảng Excel nếu cần)."""
    from thanghanhdong.reporter import render_validation
    from thanghanhdong.service import ReportError, build_reports

    campaign = load_campaign(config_path)
    _check_inbox(inbox)
    outputs = [p for p in (out_path, xlsx_path) if p is not None]
    for path in outputs:
        _check_output(path, inbox, force)
    report = run_validation(inbox, campaign)
    if report.has_errors and not skip_invalid:
        render_validation(report, err)
        err.print(
            "[red]Không tổng hợp vì có tệp bị lỗi.[/] Sửa các tệp trên, hoặc chạy lại với --skip-invalid để bỏ qua chúng (báo cáo sẽ nêu tên)."
        )
        raise typer.Exit(1)
    try:
        result = build_reports(report, template=template, want_xlsx=xlsx_path is not None)
    except ReportError as exc:
        fail(str(exc), code=1)
    from thanghanhdong.files import atomic_write

    try:
        atomic_write(out_path, result.docx)
        if xlsx_path is not None and result.xlsx is not None:
            atomic_write(xlsx_path, result.xlsx)
    except OSError as exc:
        fail(f"Không ghi được tệp kết quả: {exc.strerror} ({exc.filename}).")
    if as_json:
        print_json(result.consolidation.to_json())
        return
    from thanghanhdong.reporter import render_consolidation

    render_consolidation(result.consolidation, outputs, out)


def main() -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows consoles default to a code page
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure:
                reconfigure(encoding="utf-8")
    app()
