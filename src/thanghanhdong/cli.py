"""The `thd` command line: parse options, call one core function, render its result with rich.

This module never imports openpyxl, docxtpl or calamine: the core modules do, and only when a
command needs them, so `thd --help` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from thanghanhdong import __version__, config

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
    typer.Option("--config", help="Tệp cấu hình thd.toml (mặc định: ./thd.toml, nếu không có thì cấu hình Bắc Kạn 2021).", dir_okay=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")]


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]Lỗi:[/] {escape(message)}")
    raise typer.Exit(code)


def load_campaign(path: Path | None, *, quiet: bool = False) -> config.Campaign:
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
        bool, typer.Option("--version", help="In phiên bản rồi thoát.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Biểu mẫu, kiểm tra và tổng hợp báo cáo Tháng hành động vì bình đẳng giới."""


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Thư mục làm việc (mặc định: thư mục hiện tại).")] = Path("."),
    force: ForceOption = False,
) -> None:
    """Tạo tệp cấu hình thd.toml (có chú thích) và thư mục inbox/ để nhận báo cáo."""
    target = directory / config.CONFIG_FILENAME
    if target.exists() and not force:
        fail(f"Đã có {target}. Dùng --force nếu muốn ghi đè (cấu hình cũ sẽ mất).")
    from thanghanhdong.template import atomic_write

    try:
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write(target, config.default_config_text().encode("utf-8"))
        (directory / "inbox").mkdir(exist_ok=True)
    except OSError as exc:
        fail(f"Không ghi được vào {directory}: {exc.strerror}.")
    out.print(f"Đã tạo {escape(str(target))} và thư mục {escape(str(directory / 'inbox'))}.")
    out.print("Mở thd.toml để sửa năm, hạn báo cáo, danh sách đơn vị; sau đó chạy: thd generate-templates")


@app.command("generate-templates")
def generate_templates(
    config_path: ConfigOption = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Thư mục ghi các mẫu.", file_okay=False)] = Path("mau-bao-cao"),
    agency_codes: Annotated[
        list[str] | None, typer.Option("--agency", help="Chỉ tạo mẫu cho đơn vị có mã này (dùng nhiều lần được).")
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
        agencies = [a for a in campaign.agencies if a.code.upper() in {c.upper() for c in agency_codes}]

    written = []
    try:
        with Progress(console=err, transient=True, disable=len(agencies) < 10) as progress:
            task = progress.add_task("Đang tạo mẫu", total=len(agencies))
            for item in write_forms(campaign, agencies, out_dir, force=force):
                written.append(item)
                progress.advance(task)
    except FileExistsError as exc:
        paths = exc.args[0]
        fail(f"Đã có {len(paths)} tệp trong {out_dir} (ví dụ {paths[0].name}). Dùng --force để ghi đè.")
    except OSError as exc:
        fail(f"Không ghi được vào {out_dir}: {exc.strerror}.")

    table = Table(title=f"Đã tạo {len(written)} mẫu trong {escape(str(out_dir))}")
    table.add_column("Mã")
    table.add_column("Đơn vị")
    table.add_column("Tệp")
    for item in written:
        table.add_row(escape(item.agency.code), escape(item.agency.name), escape(item.path.name))
    out.print(table)


def main() -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows consoles default to a code page
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure:
                reconfigure(encoding="utf-8")
    app()
