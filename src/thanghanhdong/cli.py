"""The `thd` command line: parse options, call one core function, render its result with rich.

This module never imports openpyxl, docxtpl or calamine: the core modules do, and only when a
command needs them, so `thd --help` starts fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

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

out = Console(highlight=False, soft_wrap=True, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

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


def fail(message: str, code: int = 2) -> NoReturn:
    # On a terminal, wrapped between words at its width (the terminal would cut a word in
    # two); to a pipe or a file, one line per message.
    err.print(f"[bold red]Lỗi:[/] {escape(message)}", soft_wrap=not err.is_terminal)
    raise typer.Exit(code)


def load_campaign(path: Path | None, *, quiet: bool = False) -> config.Campaign:
    from thanghanhdong import config
    from thanghanhdong.pipeline import config_warnings

    chosen = config.discover(path)
    try:
        campaign = config.load(chosen)
    except config.ConfigError as exc:
        fail(str(exc))
    if not quiet:
        err.print(f"[dim]{escape(config.describe_source(chosen))}[/]")
        from thanghanhdong.reporter import render_warning

        for warning in config_warnings(campaign):
            render_warning(err, warning)
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
    previous: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="TỆP",
            help="Lập cấu hình năm mới từ thd.toml của năm trước (giữ danh sách đơn vị, danh mục).",
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="NĂM", help="Năm của đợt mới (mặc định: năm trước cộng 1)."),
    ] = None,
    roster: Annotated[
        Path | None,
        typer.Option(
            "--roster", metavar="TỆP", help="Lấy danh sách đơn vị từ tệp Excel (tên, mã, nhóm)."
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Tạo tệp cấu hình thd.toml (có chú thích) và thư mục inbox/ để nhận báo cáo."""
    from thanghanhdong import pipeline
    from thanghanhdong.reporter import render_init

    outcome = pipeline.init(pipeline.InitRequest(directory, force, previous, year, roster))
    if outcome.error:
        fail(outcome.error, outcome.exit_code)
    render_init(outcome, out)


roster_app = typer.Typer(
    name="roster", help="Danh sách đơn vị báo cáo.", cls=VietnameseGroup, no_args_is_help=True
)
app.add_typer(roster_app)


@roster_app.command("import")
def roster_import(
    roster: Annotated[
        Path,
        typer.Argument(metavar="TỆP", help="Tệp Excel (hoặc .csv) danh sách đơn vị."),
    ],
    config_path: ConfigOption = None,
) -> None:
    """Thay danh sách đơn vị trong thd.toml bằng danh sách trong tệp Excel."""
    from thanghanhdong import pipeline
    from thanghanhdong.reporter import render_roster

    outcome = pipeline.import_roster(config_path, roster)
    if outcome.error:
        for note in outcome.notes:
            err.print(f"[yellow]Cảnh báo:[/] {escape(note)}", soft_wrap=not err.is_terminal)
        fail(outcome.error, outcome.exit_code)
    render_roster(outcome, out)


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
    from thanghanhdong import pipeline, reporter

    campaign = load_campaign(config_path)
    with reporter.progress(err, "Đang tạo mẫu") as advance:
        outcome = pipeline.generate(
            campaign, out_dir, agency_codes or (), force=force, progress=advance
        )
    if outcome.error:
        fail(outcome.error, outcome.exit_code)
    reporter.render_written_forms(outcome.written, out_dir, out)


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
CompareOption = Annotated[
    Path | None,
    typer.Option(
        "--compare",
        metavar="TỆP.json",
        help="So sánh với số liệu năm trước (tệp .json ghi cạnh báo cáo năm trước).",
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="NGÀY/THÁNG/NĂM",
        show_default=False,
        help="Ngày ghi trên văn bản, dạng ngày/tháng/năm (mặc định: hôm nay).",
    ),
]


def progress(label: str, *, enabled: bool = True) -> Any:
    """advance(done, total) for a progress bar on stderr, shown only after a second of work."""
    from thanghanhdong.reporter import progress as bar

    return bar(err, label, enabled=enabled)


def print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


LatestOption = Annotated[
    bool,
    typer.Option(
        "--latest", help="Đơn vị gửi lại báo cáo: dùng bản mới nhất (nêu tên bản để riêng)."
    ),
]


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
    compare: CompareOption = None,
    factor: Annotated[
        float,
        typer.Option(
            "--factor", min=1.0, help="Với --compare: nhắc khi số liệu tăng, giảm quá số lần này."
        ),
    ] = 3.0,
    latest: LatestOption = False,
) -> None:
    """Kiểm tra các báo cáo nhận về: lỗi ở tệp, trang, ô nào; đơn vị nào chưa gửi."""
    from thanghanhdong import pipeline
    from thanghanhdong.reporter import render_annotations, render_validation

    campaign = load_campaign(config_path)
    with progress("Đang kiểm tra", enabled=not as_json) as advance:
        outcome = pipeline.validate(
            inbox,
            campaign,
            annotate_dir=annotate_dir,
            strict=strict,
            force=force,
            progress=advance,
            compare=compare,
            factor=factor,
            latest=latest,
        )
    if outcome.report is None or outcome.error:
        fail(outcome.error or "", outcome.exit_code)
    annotated = (annotate_dir, outcome.annotated) if annotate_dir is not None else None
    if as_json:
        print_json({**outcome.report.to_json(), **changes_json(outcome)})
        if annotated is not None:
            render_annotations(outcome.report, *annotated, err)
    else:
        render_validation(outcome.report, out, verbose=verbose, strict=strict, annotated=annotated)
        render_changes(outcome, out)
    raise typer.Exit(outcome.exit_code)


def changes_json(outcome: Any) -> dict[str, Any]:
    if outcome.previous_year is None:
        return {}
    return {
        "compare": {
            "year": outcome.previous_year,
            "changes": [c.to_json(outcome.previous_year) for c in outcome.changes],
        }
    }


def render_changes(outcome: Any, console: Console) -> None:
    from thanghanhdong.reporter import render_changes as render

    if outcome.previous_year is not None:
        render(outcome.changes, outcome.previous_year, console)


@app.command()
def consolidate(
    inbox: InboxArgument = Path("inbox"),
    out_path: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="TỆP.docx",
            show_default=False,
            help="Tệp báo cáo Word sẽ ghi (mặc định: baocao.docx); đuôi .pdf: chỉ ghi bản PDF.",
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
    pdf: Annotated[
        bool,
        typer.Option("--pdf", help="Ghi thêm bản PDF cạnh tệp Word (cần LibreOffice)."),
    ] = False,
    report_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="NGÀY/THÁNG/NĂM",
            show_default=False,
            help=(
                "Ngày ký báo cáo, dạng ngày/tháng/năm (mặc định: report_date trong thd.toml, "
                "hoặc hôm nay nếu đang trong thời gian tổng hợp)."
            ),
        ),
    ] = None,
    data_path: Annotated[
        Path | None,
        typer.Option(
            "--data",
            metavar="TỆP.json",
            show_default=False,
            help="Tệp số liệu tổng hợp (mặc định: cạnh --out, cùng tên, đuôi .json).",
        ),
    ] = None,
    compare: CompareOption = None,
    latest: LatestOption = False,
) -> None:
    """Tổng hợp các báo cáo hợp lệ thành báo cáo Word của tỉnh (và bảng Excel nếu cần)."""
    from thanghanhdong import pipeline
    from thanghanhdong.reporter import render_consolidation, render_refusal

    dated = option_date(report_date)
    campaign = load_campaign(config_path)
    request = pipeline.ConsolidateRequest(
        inbox,
        out_path,
        xlsx_path,
        template,
        skip_invalid,
        force,
        dated,
        data_path,
        compare,
        latest,
        pdf,
    )
    with progress("Đang kiểm tra", enabled=not as_json) as advance:
        outcome = pipeline.consolidate(request, campaign, progress=advance)
    if outcome.refused and outcome.report is not None:
        if as_json:
            print_json(outcome.report.to_json())
        render_refusal(
            outcome.report, err, options=_typed_options(request, config_path, report_date)
        )
        raise typer.Exit(outcome.exit_code)
    if outcome.error or outcome.consolidation is None:
        fail(outcome.error or "", outcome.exit_code)
    if as_json:
        print_json(outcome.consolidation.to_json())
        return
    render_consolidation(outcome.consolidation, outcome.written, out, outcome.report)


def _typed_options(request: Any, config: Path | None, dated: str | None) -> list[str | Path]:
    """The options of a refused `thd consolidate`, to suggest it again with --skip-invalid."""
    valued = [
        ("--out", request.out if request.out != Path("baocao.docx") else None),
        ("--xlsx", request.xlsx),
        ("--template", request.template),
        ("--config", config),
        ("--date", dated),
        ("--data", request.data),
        ("--compare", request.compare),
    ]
    flags = [("--force", request.force), ("--latest", request.latest), ("--pdf", request.pdf)]
    options: list[str | Path] = [x for name, v in valued if v is not None for x in (name, v)]
    return options + [name for name, on in flags if on]


def option_date(text: str | None) -> Any:
    from thanghanhdong.parse import parse_date

    dated = parse_date(text) if text else None
    if text and dated is None:
        fail(f"Ngày “{text}” không đọc được: gõ dạng ngày/tháng/năm, ví dụ 05/01/2022.")
    return dated


@app.command()
def remind(
    inbox: InboxArgument = Path("inbox"),
    out_path: Annotated[
        Path,
        typer.Option(
            "--out", metavar="TỆP.docx", help="Công văn đôn đốc sẽ ghi (mặc định: nhac.docx)."
        ),
    ] = Path("nhac.docx"),
    report_date: DateOption = None,
    config_path: ConfigOption = None,
    force: ForceOption = False,
    latest: LatestOption = False,
) -> None:
    """Viết công văn đôn đốc các đơn vị chưa gửi báo cáo hoặc gửi báo cáo chưa dùng được."""
    from thanghanhdong import pipeline
    from thanghanhdong.reporter import render_remind

    dated = option_date(report_date)
    campaign = load_campaign(config_path)
    request = pipeline.RemindRequest(inbox, out_path, force, dated, latest)
    with progress("Đang kiểm tra") as advance:
        outcome = pipeline.remind(request, campaign, progress=advance)
    if outcome.error:
        fail(outcome.error, outcome.exit_code)
    render_remind(outcome, out)


@app.command("check-inputs")
def check_inputs(
    data: Annotated[
        Path,
        typer.Argument(metavar="TỆP.json", help="Tệp số liệu ghi cạnh báo cáo (baocao.json)."),
    ],
    inbox: InboxArgument = Path("inbox"),
) -> None:
    """Kiểm tra các tệp trong thư mục có còn đúng là các tệp đã dùng để lập báo cáo không."""
    from thanghanhdong import pipeline
    from thanghanhdong.reporter import render_input_check

    outcome = pipeline.check_inputs(data, inbox)
    if outcome.error or outcome.check is None:
        fail(outcome.error or "", outcome.exit_code)
    render_input_check(outcome.check, data, out)
    raise typer.Exit(outcome.exit_code)


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
    # thd uses no pydantic plugin; looking for them reads the metadata of every installed
    # package when the first model is built (~15 ms here, more in a large Python install).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    debug = "--debug" in sys.argv
    if debug:  # answers.DEBUG_ENV: a file's reader failing raises too, in the workers as well
        os.environ["THD_DEBUG"] = "1"
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


def entry() -> NoReturn:
    """The `thd` command (and `python -m thanghanhdong`): main(), then the process ends without
    the interpreter's teardown, which frees every object left one by one (lxml trees, answers,
    modules): 20 ms after `thd --help`, 40 ms after `thd validate examples/inbox`, 100 ms after
    `thd consolidate examples/inbox` on a two-core machine, with nothing left to do: outputs are
    written, closed and renamed and the worker pool shut down before main() returns. The exit
    functions registered with atexit still run. A bug or Ctrl+C leaves as Python leaves."""
    try:
        main()
        code = 0
    except SystemExit as stop:
        code = _exit_status(stop.code)
    import atexit
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        # A closed pipe (`thd validate | head`): nothing more can be said there.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    atexit._run_exitfuncs()
    os._exit(code)


def _exit_status(code: object) -> int:
    """As Python turns the argument of sys.exit into the process's status."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
