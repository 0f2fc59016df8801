"""The Vietnamese face of the command line: help, usage and usage errors, over Typer's Click.

Typer 0.29 vendors Click (`typer._click`) with its English strings as plain literals, so nothing
here patches them: the group and command classes below format usage and help themselves, and
`run_vietnamese` catches the usage-error classes and says what they mean in Vietnamese.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable, Sequence
from difflib import get_close_matches
from typing import Any, NoReturn

from typer import _click
from typer._click.exceptions import (
    BadArgumentUsage,
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperArgument, TyperCommand, TyperGroup
from typer.exceptions import Abort

USAGE_PREFIX = "Cách dùng: "
OPTIONS_METAVAR = "[TÙY_CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [ĐỐI_SỐ]..."
HELP_TEXT = "In hướng dẫn này rồi thoát."
SECTION_ARGUMENTS = "Đối số"
SECTION_OPTIONS = "Tùy chọn"
SECTION_COMMANDS = "Lệnh"
USAGE_EXIT = 2
# Click's own fixed sentences that can still reach us as a plain UsageError.
_KNOWN_MESSAGES = {"Missing command.": "Chưa gõ tên lệnh."}


class VietnameseUsageError(UsageError):
    """A usage error whose message is already Vietnamese."""


def _format_usage(command: _click.Command, ctx: _click.Context, formatter: Any) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)


def _metavar(param: _click.Parameter) -> str:
    if param.metavar:
        return param.metavar
    if isinstance(param, TyperArgument):
        return (param.name or "").upper()
    return "GIÁ_TRỊ"


def _help_record(command: _click.Command, ctx: _click.Context, param: Any) -> tuple[str, str]:
    help_option = command.get_help_option(ctx)
    if help_option is not None and param is help_option:
        return ", ".join(sorted(help_option.opts, key=len)), HELP_TEXT
    if isinstance(param, TyperArgument):
        return _metavar(param), param.help or ""
    names = ", ".join([*param.opts, *param.secondary_opts])
    if not (param.is_flag or param.count):
        names = f"{names} {_metavar(param)}"
    return names, param.help or ""


def _format_params(command: _click.Command, ctx: _click.Context, formatter: Any) -> None:
    visible = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    for title, kind in ((SECTION_ARGUMENTS, "argument"), (SECTION_OPTIONS, "option")):
        rows = [_help_record(command, ctx, p) for p in visible if p.param_type_name == kind]
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)


def _parse_without_extras(
    parse: Any, command: _click.Command, ctx: _click.Context, args: list[str]
) -> list[str]:
    """Parse, then refuse left-over words in Vietnamese (Click would say it in English)."""
    allowed = ctx.allow_extra_args
    ctx.allow_extra_args = True
    try:
        rest: list[str] = parse(ctx, args)
    except UsageError as exc:
        _attach(exc, ctx)
        raise
    finally:
        ctx.allow_extra_args = allowed
    if rest and not allowed and not ctx.resilient_parsing:
        words = " ".join(rest)
        raise VietnameseUsageError(f"Thừa đối số: {words} (lệnh {ctx.command_path}).", ctx)
    return rest


def _attach(exc: UsageError, ctx: _click.Context) -> None:
    """Click's parser raises some errors without their context: the message needs it."""
    if exc.ctx is None:
        exc.ctx, exc.cmd = ctx, ctx.command


class VietnameseCommand(TyperCommand):
    """A Typer command whose usage and help are Vietnamese (pass as `cls=`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("options_metavar", "[OPTIONS]") == "[OPTIONS]":
            kwargs["options_metavar"] = OPTIONS_METAVAR
        super().__init__(*args, **kwargs)

    def format_usage(self, ctx: _click.Context, formatter: Any) -> None:
        _format_usage(self, ctx, formatter)

    def format_options(self, ctx: _click.Context, formatter: Any) -> None:
        _format_params(self, ctx, formatter)

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        return _parse_without_extras(super().parse_args, self, ctx, args)


def as_vietnamese(command: _click.Command) -> _click.Command:
    """The same command, rebuilt as a VietnameseCommand (commands declared without `cls=`)."""
    if type(command) is not TyperCommand:
        return command
    return VietnameseCommand(
        name=command.name,
        context_settings=command.context_settings,
        callback=command.callback,
        params=command.params,
        help=command.help,
        epilog=command.epilog,
        short_help=command.short_help,
        options_metavar=command.options_metavar,
        add_help_option=command.add_help_option,
        no_args_is_help=command.no_args_is_help,
        hidden=command.hidden,
        deprecated=command.deprecated,
        rich_markup_mode=command.rich_markup_mode,
        rich_help_panel=command.rich_help_panel,
    )


class VietnameseGroup(TyperGroup):
    """The `thd` group: Vietnamese help, usage and errors; `thd` alone prints help and exits 0."""

    def __init__(self, **kwargs: Any) -> None:
        if kwargs.get("options_metavar", "[OPTIONS]") == "[OPTIONS]":
            kwargs["options_metavar"] = OPTIONS_METAVAR
        kwargs["subcommand_metavar"] = kwargs.get("subcommand_metavar") or SUBCOMMAND_METAVAR
        super().__init__(**kwargs)
        self.commands = {name: as_vietnamese(cmd) for name, cmd in self.commands.items()}

    def add_command(self, cmd: _click.Command, name: str | None = None) -> None:
        super().add_command(as_vietnamese(cmd), name)

    def format_usage(self, ctx: _click.Context, formatter: Any) -> None:
        _format_usage(self, ctx, formatter)

    def format_options(self, ctx: _click.Context, formatter: Any) -> None:
        _format_params(self, ctx, formatter)
        rows = [
            (name, _first_sentence(cmd.short_help or cmd.help or ""))
            for name, cmd in self.commands.items()
            if not cmd.hidden
        ]
        if rows:
            with formatter.section(SECTION_COMMANDS):
                formatter.write_dl(rows)

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            _click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)  # asking for nothing is asking for help: not an error
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            _attach(exc, ctx)
            raise

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        name = args[0]
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            if name.startswith("-"):
                self.parse_args(ctx, args)  # an option out of place: let the parser name it
            raise VietnameseUsageError(unknown_command_message(name, list(self.commands)), ctx)
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def invoke(standalone: bool) -> Any:
            run = super(VietnameseGroup, self).main
            return run(args, prog_name, complete_var, standalone, windows_expand_args, **extra)

        if not standalone_mode:
            return invoke(False)
        run_vietnamese(invoke)


def _first_sentence(text: str) -> str:
    return " ".join(text.split("\n\n")[0].split())


def unknown_command_message(name: str, commands: Sequence[str]) -> str:
    message = f"Không có lệnh “{name}”."
    matches = get_close_matches(name, commands)
    if matches:
        return f"{message} Có phải ý bạn là {' hoặc '.join(matches)}?"
    return f"{message} Các lệnh: {', '.join(commands)}."


def run_vietnamese(invoke: Callable[[bool], Any]) -> NoReturn:
    """Run `invoke(standalone_mode)` (a Typer/Click main) in non-standalone mode and exit like
    Click would, with every usage error told in Vietnamese (exit 2) instead of Click's English."""
    try:
        result = invoke(False)
    except UsageError as exc:
        show_usage_error(exc)
        sys.exit(USAGE_EXIT)
    except Abort:
        _stderr().print("Đã dừng.")
        sys.exit(1)
    except ClickException as exc:  # FileError and the like: not raised by thd's own options
        _stderr().print(f"[bold red]Lỗi:[/] {_escape(exc.format_message())}")
        sys.exit(exc.exit_code)
    sys.exit(result if isinstance(result, int) else 0)


def show_usage_error(exc: UsageError) -> None:
    console = _stderr()
    console.print(f"[bold red]Lỗi:[/] {_escape(usage_error_message(exc))}")
    ctx = exc.ctx
    if ctx is not None:
        console.print(_escape(ctx.get_usage()), soft_wrap=False)
        console.print(f"Xem hướng dẫn: {_escape(ctx.command_path)} --help")


def usage_error_message(exc: UsageError) -> str:
    """What the officer typed wrong, in Vietnamese, with a suggestion where there is one."""
    if isinstance(exc, VietnameseUsageError):
        return exc.message
    if isinstance(exc, NoSuchOption):
        return _no_such_option(exc)
    if isinstance(exc, BadOptionUsage):
        return _bad_option_usage(exc)
    if isinstance(exc, MissingParameter):
        return f"Thiếu {_param_label(exc)}."
    if isinstance(exc, BadParameter):
        return _bad_parameter(exc)
    if isinstance(exc, BadArgumentUsage):
        return "Số đối số không đúng."
    return _KNOWN_MESSAGES.get(exc.message, "Lệnh gõ chưa đúng.")


# Typer checks a path argument before thd sees it (readable by default) and says so in English.
_PATH_MESSAGE = re.compile(
    r"^\w+ (?P<quote>['\"])(?P<value>.*)(?P=quote) (?P<problem>does not exist|is a file|"
    r"is a directory|is not readable|is not writable)\.$"
)
_PATH_PROBLEMS = {
    "does not exist": "không có tệp hoặc thư mục này",
    "is a file": "đây là một tệp, cần chỉ ra một thư mục",
    "is a directory": "đây là một thư mục, cần chỉ ra một tệp",
    "is not readable": "không có quyền đọc",
    "is not writable": "không có quyền ghi",
}


def _bad_parameter(exc: BadParameter) -> str:
    label = _param_label(exc)
    if match := _PATH_MESSAGE.match(exc.message):
        path = _unquoted(match["quote"] + match["value"] + match["quote"])
        return f"{label[0].upper()}{label[1:]} {path}: {_PATH_PROBLEMS[match['problem']]}."
    return f"Giá trị của {label} không dùng được."


def _unquoted(shown: str) -> str:
    """The path as typed: Typer shows it as Python's repr, its backslashes doubled on Windows."""
    try:
        value = ast.literal_eval(shown)
    except (ValueError, SyntaxError):
        return shown[1:-1]
    return value if isinstance(value, str) else shown[1:-1]


def _no_such_option(exc: NoSuchOption) -> str:
    message = f"Không có tùy chọn {exc.option_name}."
    possibilities = list(exc.possibilities or ())
    if not possibilities and exc.ctx is not None:
        possibilities = get_close_matches(exc.option_name, _option_names(exc.ctx))
    if possibilities:
        return f"{message} Có phải ý bạn là {' hoặc '.join(sorted(possibilities))}?"
    return message


def _option_names(ctx: _click.Context) -> list[str]:
    return [o for p in ctx.command.get_params(ctx) for o in (*p.opts, *p.secondary_opts)]


def _bad_option_usage(exc: BadOptionUsage) -> str:
    param = _find_option(exc.ctx, exc.option_name)
    if param is not None and not (param.is_flag or param.count):  # type: ignore[attr-defined]
        example = f"{exc.option_name} {_metavar(param)}"
        return f"Tùy chọn {exc.option_name} cần một giá trị, ví dụ: {example}."
    return f"Tùy chọn {exc.option_name} không nhận giá trị: chỉ gõ {exc.option_name}."


def _find_option(ctx: _click.Context | None, name: str) -> _click.Parameter | None:
    if ctx is None:
        return None
    return next((p for p in ctx.command.get_params(ctx) if name in p.opts), None)


def _param_label(exc: BadParameter) -> str:
    param = exc.param
    if param is None:
        return "một tham số"
    if isinstance(param, TyperArgument):
        return f"đối số {_metavar(param)}"
    return f"tùy chọn {', '.join(param.opts)}"


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, emoji=False)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
