"""Human output of the commands (rich), laid out for an 80-column console.

The JSON output is built from the same objects (`ValidationReport.to_json()`...). Order: the
problems first, then what was written, then one summary line saying what to do next. Text wraps
between words with a hanging indent; file names are never cut. User text is escaped: rich would
eat `[...]`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from thanghanhdong import messages
from thanghanhdong.answers import kind_label
from thanghanhdong.inbox import SCANNED_UNKNOWN, ValidationReport
from thanghanhdong.model import FileResult, FileStatus, Issue, Severity

SPREADSHEETS = ".xlsx, .xlsm, .xls, .ods"
PROGRESS_DELAY = 1.0  # seconds of work before a progress bar is worth showing
MIN_NAME_WIDTH = 14
TABLE_GAPS = 6  # three columns, no outer edge: two gaps of padding and a rule


def display_path(path: Path, inbox: Path) -> str:
    try:
        return str(path.relative_to(inbox))
    except ValueError:
        return str(path)


def shell_path(path: Path | str) -> str:
    """A path as the officer would type it again (quoted when it holds spaces)."""
    text = str(path)
    return f'"{text}"' if any(c in text for c in " ()[]&;'") else text


def rerun_command(report: ValidationReport, strict: bool = False) -> str:
    return (
        f"thd validate {shell_path(report.inbox)}"
        + (" --latest" if report.latest else "")
        + (" --strict" if strict else "")
    )


def _bad_files(report: ValidationReport) -> list[Any]:
    """The answers in error (a scan or a file that is no report is not one)."""
    return [f for f in report.files if not f.ok and not f.scanned and not f.not_a_report]


def _copies(report: ValidationReport, bad: Sequence[Any]) -> list[Any]:
    """The files in error that are an agency's undecided copies: --latest takes the newest
    (skipping them would leave the agency out, corrected report and all)."""
    from thanghanhdong.answers import undecided_copy

    return [] if report.latest else [f for f in bad if undecided_copy(f)]


# --------------------------------------------------------------------------- printing blocks


def print_block(console: Console, renderable: RenderableType | str) -> None:
    """Print wrapped at the console's width, whatever the console's soft_wrap setting."""
    console.print(renderable, soft_wrap=False)


class Hanging:
    """`marker` then `text`, the text's wrapped lines aligned under its first word (no trailing
    padding: the lines read the same copied from a terminal or saved to a file)."""

    def __init__(self, marker: str, text: str | Text, indent: int = 0) -> None:
        lead = " " * indent + marker + (" " if marker else "")
        self.prefix = Text.from_markup(lead, emoji=False)
        self.text = Text.from_markup(text, emoji=False) if isinstance(text, str) else text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.prefix.cell_len, 10)
        blank = Text(" " * self.prefix.cell_len)
        for number, line in enumerate(self.text.wrap(console, width, overflow="fold")):
            line.rstrip()
            yield Text.assemble(self.prefix if number == 0 else blank, line)


def hanging(marker: str, text: str | Text, indent: int = 0) -> Hanging:
    return Hanging(marker, text, indent)


def sentence(console: Console, markup: str) -> None:
    print_block(console, Hanging("", markup))


# --------------------------------------------------------------------------- validate


def render_validation(
    report: ValidationReport,
    console: Console,
    *,
    verbose: bool = False,
    strict: bool = False,
    annotated: tuple[Path, Sequence[Any]] | None = None,
    step: tuple[str, str] | None = None,
) -> None:
    """`thd validate`: files, their problems, who has not sent, what was written, what next.

    `annotated` is (folder, the copies `annotate.write_annotated` returned), when --annotate;
    `step` replaces the advice of the last line (another command's next step)."""
    if not report.files:
        render_empty_inbox(report, console)
        return
    sentence(console, _checked(report))
    if len(report.files) > LISTED_ONE_BY_ONE:
        _render_many(report, console, verbose)
    else:
        print_block(console, files_table(report, console.width))
        for result in report.files:
            if result.issues:
                _print_issues(result, report.inbox, console, verbose)
    _print_side_files(report, console)
    _print_covered(report, console)
    _print_missing(report, console)
    if annotated is not None:
        console.print()
        render_annotations(report, annotated[0], annotated[1], console)
    console.print()
    sentence(console, validation_summary(report))
    print_step(console, *(step or next_step(report, strict)))


# Above this many answers (a ministry's thousands of communes) the screen lists the answers to
# correct, each with its problems, and says each warning once for the answers that have it:
# 3,270 forms printed 29,019 lines (a Windows console keeps about 9,000) and the errors
# scrolled away among 3,237 times the same warning (trial 2026-12-02f). `--json` lists all.
LISTED_ONE_BY_ONE = 100
FILES_NAMED = 5  # of the answers sharing a warning, named on the screen


def _render_many(report: ValidationReport, console: Console, verbose: bool) -> None:
    to_fix = [r for r in report.files if r.errors or r.status is FileStatus.UNREADABLE]
    if to_fix:
        print_block(console, files_table(report, console.width, to_fix))
    rest = len(report.files) - len(to_fix)
    sentence(
        console,
        f"[dim]{rest} tệp không có lỗi không liệt kê ở đây (bảng đủ các tệp: thd validate "
        f"{escape(shell_path(report.inbox))} --json).[/]",
    )
    for result in to_fix:
        if result.issues:
            _print_issues(result, report.inbox, console, verbose)
    warned: dict[str, list[tuple[FileResult, Issue]]] = {}
    for result in report.files:
        if not result.errors:
            for issue in result.warnings:
                warned.setdefault(issue.code, []).append((result, issue))
    for code, found in warned.items():
        files = list(dict.fromkeys(result.path for result, _ in found))
        named = "; ".join(display_path(p, report.inbox) for p in files[:FILES_NAMED])
        more = f" và {len(files) - FILES_NAMED} tệp khác" if len(files) > FILES_NAMED else ""
        first_result, first = found[0]
        example = f"{display_path(first_result.path, report.inbox)}: {issue_text(first).plain}"
        text = Text.from_markup(
            f"Cảnh báo ở {len(files)} tệp không có lỗi: {escape(messages.CATALOGUE[code].meaning)}"
            f" Các tệp: {escape(named)}{more}. Ví dụ {escape(example)}"
            + (f" [dim]({escape(code)})[/]" if verbose else ""),
            emoji=False,
        )
        console.print()
        print_block(console, hanging("[yellow]⚠[/]", text))


def _checked(report: ValidationReport) -> str:
    """The inbox's files, and the answers used when not as many (a zip or an e-mail holds two,
    --latest sets an older copy aside): "Kiểm tra 2 tệp trong inbox: dùng 1 báo cáo"."""
    files, answers = len(report.listed) or len(report.files), len(report.files)
    head = f"Kiểm tra {files} tệp trong {escape(str(report.inbox))}"
    return head + (f": dùng {answers} báo cáo" if answers != files else "")


def count_files(paths: Sequence[str | Path]) -> str:
    """ "7 tệp", or "8 báo cáo trong 7 tệp" when an e-mail or zip holds several answers."""
    from thanghanhdong.readers.archive import SEPARATOR

    files = len({str(p).split(SEPARATOR)[0] for p in paths})
    return f"{len(paths)} báo cáo trong {files} tệp" if files != len(paths) else f"{files} tệp"


def render_empty_inbox(report: ValidationReport, console: Console) -> None:
    inbox = escape(shell_path(report.inbox))
    if report.unattributed_scans:
        sentence(console, _checked(report))
        _print_side_files(report, console)
        console.print()
        print_step(console, *next_step(report))
        return
    sentence(
        console,
        f"Thư mục {inbox} chưa có báo cáo nào để kiểm tra. Chép vào thư mục này các tệp "
        f"Excel ({SPREADSHEETS}), báo cáo Word, bản PDF, thư điện tử đã lưu (.eml, .msg của Outlook) hoặc tệp nén "
        f".zip các đơn vị gửi về (tên tệp thế nào cũng được, có thể để trong thư mục con), rồi "
        f"chạy lại: thd validate {inbox}",
    )
    _print_side_files(report, console)


def files_table(
    report: ValidationReport, width: int, results: Sequence[FileResult] | None = None
) -> FilesTable:
    """One line per file (of `results`, default every answer) when it fits: the name whole,
    the agency wrapped between words. A name too long for its column is printed whole on a
    line of its own, its row under it."""
    results = report.files if results is None else results
    names = [display_path(r.path, report.inbox) for r in results]
    agencies = [r.agency_name or "—" for r in results]
    labels = [status_label(r) for r in results]
    kinds = [kind_label(r) for r in results]
    kind_width = max(map(len, [*kinds, "Loại"]))
    status_width = max(
        Text.from_markup(label, emoji=False).cell_len for label in [*labels, "Tình trạng"]
    )
    room = width - TABLE_GAPS - kind_width - 3  # the kind column and its gap
    fitting = [n for n in map(len, names) if n + MIN_NAME_WIDTH <= room - status_width]
    widths = column_widths(
        room, [max([*fitting, len("Tệp")]), max(map(len, [*agencies, "Đơn vị"]))], status_width
    )
    rows = list(zip(names, agencies, kinds, labels, strict=True))
    return FilesTable(rows, [*widths, kind_width, status_width])


class FilesTable:
    """The files table as rich tables of the same column widths, a long name between them."""

    def __init__(self, rows: list[tuple[str, str, str, str]], widths: list[int]) -> None:
        self.rows = rows
        self.widths = widths

    def _table(self, header: bool) -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, show_header=header)
        for title, column_width in zip(
            ("Tệp", "Đơn vị", "Loại", "Tình trạng"), self.widths, strict=True
        ):
            table.add_column(title, width=column_width, overflow="fold")
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self._table(header=True)
        for name, agency, kind, label in self.rows:
            if len(name) > self.widths[0]:
                if table.row_count or table.show_header:
                    yield table
                yield Text(name, overflow="fold")
                table = self._table(header=False)
                name = ""
            table.add_row(escape(name), escape(agency), kind, label)
        if table.row_count:
            yield table


def column_widths(room: int, wanted: list[int], fixed: int) -> list[int]:
    """Widths for a name column and a wrapping column beside a fixed one: the name keeps its
    full width while the wrapping column keeps MIN_NAME_WIDTH; only then is the name folded."""
    name, other = wanted
    free = room - fixed
    if name + other <= free:
        return [name, other]
    other = max(free - name, MIN_NAME_WIDTH)
    return [max(free - other, 10), other]


def status_label(result: FileResult) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    if result.status is FileStatus.UNREADABLE:
        return "[red]✖ không đọc được[/]"
    if result.status is FileStatus.NOT_A_REPORT:
        return "— không phải báo cáo"
    if result.status is FileStatus.ERRORS:
        extra = f", {warnings} cảnh báo" if warnings else ""
        return f"[red]✖ {errors} lỗi{extra}[/]"
    if result.scanned and not result.errors:
        return "[yellow]⚠ cần nhập số liệu[/]"
    if result.status is FileStatus.WARNINGS:
        return f"[yellow]⚠ {warnings} cảnh báo[/]"
    return "[green]✔ hợp lệ[/]"


def _print_issues(result: FileResult, inbox: Path, console: Console, verbose: bool) -> None:
    console.print()
    name = f" — {escape(result.agency_name)}" if result.agency_name else ""
    sentence(console, f"[bold]{escape(display_path(result.path, inbox))}[/]{name}")
    for run in messages.runs(result.issues):
        text = issue_text(run.issue, verbose, where=run.where())
        print_block(console, hanging(issue_mark(run.issue), text, indent=2))


def issue_mark(issue: Issue) -> str:
    return "[red]✖[/]" if issue.severity is Severity.ERROR else "[yellow]⚠[/]"


def issue_text(issue: Issue, verbose: bool = False, where: str | None = None) -> Text:
    """'Lỗi ở 1. Hoạt động!D8: <message>' (the code only when asked for: it is for the JSON);
    `where` names the cells of a problem said once for many (messages.runs)."""
    kind = "Lỗi" if issue.severity is Severity.ERROR else "Cảnh báo"
    place = issue.where if where is None else where
    shown = f" ở [cyan]{escape(place)}[/]" if place else ""
    code = f" [dim]({escape(issue.code)})[/]" if verbose else ""
    return Text.from_markup(f"{kind}{shown}: {escape(issue.message)}{code}", emoji=False)


def _print_side_files(report: ValidationReport, console: Console) -> None:
    if report.ignored or report.attachments or report.others:
        console.print()
    if report.ignored:
        sentence(
            console, f"[dim]Bỏ qua {len(report.ignored)} tệp hệ thống (tệp khóa, Thumbs.db...).[/]"
        )
    if report.attachments:
        names = "; ".join(
            f"{display_path(p, report.inbox)} ({report.notes.get(p, 'tệp kèm theo')})"
            for p in report.attachments
        )
        sentence(console, f"{len(report.attachments)} tệp kèm theo: {escape(names)}.")
    scans = report.unattributed_scans
    if others := [f for f in report.others if f not in scans]:
        names = "; ".join(display_path(f.path, report.inbox) for f in others)
        sentence(console, f"{len(others)} tệp không phải báo cáo (không tính): {escape(names)}.")
        for other in others:
            for issue in other.issues:
                print_block(console, hanging(issue_mark(issue), issue_text(issue), indent=2))
    if scans:
        print_block(console, hanging("[red]✖[/]", scans_line(report)))
        for scan in scans:  # what else is said of one (its name lost its extension)
            for issue in scan.issues:
                if issue.code != SCANNED_UNKNOWN:
                    print_block(console, hanging(issue_mark(issue), issue_text(issue), indent=2))


def scans_line(report: ValidationReport) -> str:
    """Scans of no agency thd can name: maybe a real agency's signed report, never left
    among the files that are not reports."""
    scans = report.unattributed_scans
    names = escape("; ".join(display_path(f.path, report.inbox) for f in scans))
    return (
        f"{len(scans)} bản quét/ảnh chưa nhận ra đơn vị: {names} — đổi tên tệp theo tên đơn "
        "vị (ví dụ “So Y te.pdf”) rồi chạy lại, hoặc nhập số liệu vào mẫu Excel của đơn vị "
        "(thd generate-templates --agency MÃ-ĐƠN-VỊ)."
    )


def _print_covered(report: ValidationReport, console: Console) -> None:
    """Agencies answered through a roll-up: not missing, their figures counted there once."""
    covered = report.completeness.covered
    if not covered:
        return
    console.print()
    sentence(console, f"[bold]Báo cáo qua báo cáo tổng hợp của đơn vị khác ({len(covered)}):[/]")
    for entry in covered:
        line = f"{escape(entry.name)} [dim]({escape(entry.code)})[/]: qua {escape(entry.through)}"
        print_block(console, hanging("-", line, 2))


def _print_missing(report: ValidationReport, console: Console) -> None:
    missing = report.missing
    if not missing:
        return
    console.print()
    sentence(console, f"[bold]Chưa gửi báo cáo ({len(missing)}):[/]")
    shown = missing if len(missing) <= LISTED_ONE_BY_ONE else missing[:MISSING_NAMED]
    for agency in shown:
        print_block(
            console, hanging("-", f"{escape(agency.name)} [dim]({escape(agency.code)})[/]", 2)
        )
    if len(shown) < len(missing):
        others = f"và {len(missing) - len(shown)} đơn vị khác (danh sách đủ: thd validate "
        others += f"{escape(shell_path(report.inbox))} --json; thư nhắc các đơn vị: thd remind)."
        print_block(console, hanging("-", others, 2))


MISSING_NAMED = 20  # of more than LISTED_ONE_BY_ONE agencies that have not answered


def render_annotations(
    report: ValidationReport, directory: Path, copies: Sequence[Any], console: Console
) -> None:
    """What --annotate wrote, and which files with problems got no copy and why."""
    filled = [c for c in copies if c.filled]
    if filled:
        sentence(
            console,
            f"[green]Đã ghi[/] {len(filled)} bản có đánh dấu chỗ cần sửa vào thư mục "
            f"{escape(str(directory))}, mỗi bản kèm một công văn đề nghị sửa (.docx, cùng tên) "
            "để ký và gửi lại cho đơn vị.",
        )
    if documents := [c for c in filled if c.from_document]:
        sentence(
            console,
            f"Với {len(documents)} báo cáo Word/PDF ({_names(report, documents)}), bản đánh dấu "
            "là mẫu Excel của đơn vị đã điền sẵn số liệu thd đọc được (thd không ghi vào tệp "
            "của đơn vị); công văn nêu vị trí trong báo cáo của đơn vị"
            + _first_place(report, documents)
            + ".",
        )
    if letters := [c for c in copies if not c.filled]:
        sentence(
            console,
            f"[yellow]Chỉ ghi công văn đề nghị sửa[/] (không có bản đánh dấu: tệp không đọc lại "
            f"được) cho {len(letters)} tệp: {_names(report, letters)}.",
        )
    _render_not_annotated(report, copies, console)


def _first_place(report: ValidationReport, copies: Sequence[Any]) -> str:
    """An example of the places the letters name: the first error's own (else the first
    warning's), never a made-up one."""
    sources = {c.source for c in copies}
    issues = [i for f in report.files if f.path in sources for i in f.issues if i.where]
    issues.sort(key=lambda i: i.severity is not Severity.ERROR)
    first = issues[0].where if issues else ""
    return f" (ví dụ “{escape(first)}”)" if first else ""


def _names(report: ValidationReport, copies: Sequence[Any]) -> str:
    return escape("; ".join(display_path(c.source, report.inbox) for c in copies))


def _render_not_annotated(
    report: ValidationReport, copies: Sequence[Any], console: Console
) -> None:
    from thanghanhdong.annotate import information_only
    from thanghanhdong.answers import undecided_copy

    copied = {c.source for c in copies}
    facts = {f.path for f in information_only(report.files)}
    undecided = [f for f in report.files if undecided_copy(f) and f.path not in copied]
    skipped = [
        f
        for f in report.files
        if f.issues and f.path not in copied | facts and not undecided_copy(f)
    ]
    scanned = [f for f in skipped if f.scanned]
    others = [f for f in skipped if not f.scanned]
    if not copies:
        sentence(console, "Không có bản đánh dấu nào được ghi.")
    if facts:
        names = "; ".join(
            display_path(f.path, report.inbox) for f in report.files if f.path in facts
        )
        sentence(
            console,
            f"Không lập công văn cho {len(facts)} tệp chỉ có cảnh báo không cần gửi lại (nộp "
            f"muộn, gửi lại, mục Kiến nghị, đề xuất để trống, để trống số người bên cạnh số "
            f"liệu, số gõ kèm đơn vị hoặc dạng chữ đã đọc được): {escape(names)}.",
        )
    if undecided:
        names = "; ".join(display_path(f.path, report.inbox) for f in undecided)
        sentence(
            console,
            f"Không lập công văn cho {len(undecided)} tệp là các bản báo cáo khác nhau của cùng "
            "đơn vị (giữ một bản, hoặc chạy lại với --latest để dùng bản mới nhất, rồi lập công "
            f"văn cho bản đó nếu còn lỗi): {escape(names)}.",
        )
    if scanned:
        names = "; ".join(display_path(f.path, report.inbox) for f in scanned)
        sentence(
            console,
            f"Không lập bản đánh dấu cho {len(scanned)} bản PDF quét/ảnh chụp (không có số liệu "
            f"để đánh dấu; nhập số liệu vào mẫu Excel trống của đơn vị): {escape(names)}.",
        )
    if others:
        names = "; ".join(display_path(f.path, report.inbox) for f in others)
        sentence(
            console,
            f"Không lập bản đánh dấu cho {len(others)} tệp không đọc được hoặc không nhận ra "
            f"đơn vị (xem lỗi ở trên): {escape(names)}.",
        )


def validation_summary(report: ValidationReport) -> str:
    from thanghanhdong.report.numbers import integer  # 3.270/3.300, as the report writes them

    s = report.summary()
    return (
        f"Đã nhận báo cáo của {integer(s['received_agencies'])}/"
        f"{integer(s['expected_agencies'])} đơn vị; {integer(s['late'])} báo cáo nộp muộn; "
        f"{integer(s['issues_error'])} lỗi, {integer(s['issues_warning'])} cảnh báo"
        + (
            f"; {scans} bản quét chưa nhận ra đơn vị."
            if (scans := s["scans_unattributed"])
            else "."
        )
    )


ONLY_SCANS = (
    "[red]Chưa có báo cáo nào đọc được số liệu[/] (chỉ có bản quét/ảnh chụp, thd không đọc "
    "chữ trong ảnh): đề nghị đơn vị gửi lại mẫu Excel đã điền (hoặc nhập số liệu vào mẫu Excel "
    "của đơn vị: thd generate-templates --agency MÃ-ĐƠN-VỊ), chép vào thư mục nhận rồi chạy lại:"
)


def next_step(report: ValidationReport, strict: bool = False) -> tuple[str, str]:
    """What to do next (markup) and the command that does it."""
    bad = _bad_files(report)
    scans = len(report.unattributed_scans)
    if not bad and report.only_scans:
        return ONLY_SCANS, rerun_command(report, strict)
    copies = _copies(report, bad)
    if copies and not scans:
        # The other files are the agencies' to correct; the copies need the officer's choice.
        what = f"{len(copies)} tệp là các bản báo cáo khác nhau của cùng đơn vị"
        others = len(bad) - len(copies)
        advice = (
            f"[red]Sửa {others} tệp[/] (đề nghị đơn vị sửa); {what}: giữ một bản, hoặc chạy lại "
            "với --latest:"
            if others
            else f"[red]{what}.[/] Giữ một bản (chuyển các bản kia ra khỏi thư mục), hoặc dùng "
            "bản mới nhất:"
        )
        return advice, f"thd validate {shell_path(report.inbox)} --latest" + (
            " --strict" if strict else ""
        )
    if bad or scans:
        todo = [f"sửa {len(bad)} tệp"] if bad else []
        todo += [f"đổi tên {scans} bản quét theo tên đơn vị"] if scans else []
        advice = " và ".join(todo)
        return f"[red]{advice[:1].upper()}{advice[1:]}[/] rồi chạy lại:", rerun_command(
            report, strict
        )
    warned = [f for f in report.files if f.warnings]
    if strict and warned:
        advice = f"[yellow]Xem lại {len(warned)} tệp có cảnh báo[/] (--strict) rồi chạy lại:"
        return advice, rerun_command(report, strict)
    latest = " --latest" if report.latest else ""
    command = f"thd consolidate {shell_path(report.inbox)}{latest} --out baocao.docx"
    return "[green]Các tệp đều dùng được.[/] Lập báo cáo:", command


def print_step(console: Console, advice: str, command: str) -> None:
    """The advice and its command on one line when they fit, else the command on a line of its
    own, never broken by a line feed, even when wider than the window: the officer copies it,
    and a terminal copies the line it wrapped itself as one line (trial 2026-12-01d)."""
    if Text.from_markup(advice, emoji=False).cell_len + 1 + len(command) <= console.width:
        sentence(console, f"{advice} {escape(command)}")
    else:
        sentence(console, advice)
        console.print(Text("  " + command), soft_wrap=True)


def render_refusal(
    report: ValidationReport,
    console: Console,
    *,
    verbose: bool = False,
    options: Sequence[str | Path] = (),
) -> None:
    """`thd consolidate` refusing because files have errors: the problems, then the way out:
    the officer's own command (`options`, after the inbox) with --skip-invalid."""
    bad_files = _bad_files(report)
    bad = len(bad_files)
    typed = "".join(f" {shell_path(o)}" for o in options)
    copies = _copies(report, bad_files)
    if copies:
        # --skip-invalid alone would leave out every report of an agency that sent a correction.
        typed += " --latest"
    only_copies = bool(copies) and len(copies) == bad
    if only_copies:
        advice = (
            f"[red]Không tổng hợp vì có {bad} tệp là các bản báo cáo khác nhau của cùng đơn "
            "vị.[/] Giữ một bản (chuyển các bản kia ra khỏi thư mục), hoặc dùng bản mới nhất:"
        )
    elif copies:
        advice = (
            f"[red]Không tổng hợp vì có {bad} tệp bị lỗi[/], trong đó có các bản báo cáo khác "
            "nhau của cùng đơn vị. Sửa các tệp trên rồi chạy lại, hoặc dùng bản mới nhất của mỗi "
            "đơn vị (--latest) và bỏ qua các tệp lỗi còn lại (báo cáo sẽ nêu tên):"
        )
    else:
        advice = (
            f"[red]Không tổng hợp vì có {bad} tệp bị lỗi.[/] Sửa các tệp trên rồi chạy lại, hoặc "
            "bỏ qua các tệp đó (báo cáo sẽ nêu tên):"
        )
    skip = "" if only_copies else " --skip-invalid"
    command = f"thd consolidate {shell_path(report.inbox)}{typed}{skip}"
    render_validation(report, console, verbose=verbose, step=(advice, command))


# --------------------------------------------------------------------------- generate-templates


def render_written_forms(written: Sequence[Any], out_dir: Path, console: Console) -> None:
    """The forms `generate-templates` wrote: code, agency and file, the file name never cut.

    When the agency's name cannot keep 20 columns beside the file name, it is left out: the
    file name spells it (without diacritics) and the code identifies it."""
    sentence(console, f"Đã tạo {len(written)} mẫu trong {escape(str(out_dir))}")
    code_width = max((len(w.agency.code) for w in written), default=2)
    file_width = max((len(w.path.name) for w in written), default=3)
    with_names = console.width >= code_width + file_width + 20 + TABLE_GAPS
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Mã", no_wrap=True)
    if with_names:
        table.add_column("Đơn vị", overflow="fold")
    table.add_column("Tệp", min_width=min(file_width, console.width - code_width - 3))
    for item in written:
        name = [escape(item.agency.name)] if with_names else []
        table.add_row(escape(item.agency.code), *name, escape(item.path.name))
    print_block(console, table)
    sentence(
        console,
        "Gửi mỗi đơn vị đúng tệp của mình; khi nhận lại, chép các tệp vào một thư mục (ví dụ "
        "inbox) rồi chạy: thd validate inbox",
    )


# --------------------------------------------------------------------------- consolidate


def render_consolidation(
    consolidation: Any,
    outputs: list[Path],
    console: Console,
    report: ValidationReport | None = None,
) -> None:
    """After `thd consolidate`: files left out first, then the totals, what was written, next.
    `report`: the inbox checked, for the scans of no agency the report could not count."""
    data = consolidation.to_json()
    if data["excluded"]:
        sentence(console, f"[yellow]Bỏ qua {len(data['excluded'])} tệp có lỗi:[/]")
        for path in data["excluded"]:
            print_block(console, hanging("-", escape(str(path)), 2))
        console.print()
    sentence(console, "Tổng hợp số liệu")
    print_block(console, _totals_table(data, consolidation))
    sentence(console, _budget_line(data))
    console.print()
    for path in outputs:
        sentence(console, f"[green]Đã ghi[/] {escape(str(path))}")
    _dates_after_report(consolidation, console)
    _officer_notes(consolidation, outputs, console)
    if report is not None and report.unattributed_scans:
        print_block(console, hanging("[yellow]⚠[/]", scans_line(report)))
        console.print()
    sentence(
        console,
        f"Đã tổng hợp {count_files(data['included'])}; bỏ qua {count_files(data['excluded'])} "
        "có lỗi. "
        "Mở báo cáo Word để đọc lại, ghi số văn bản rồi trình ký.",
    )


def _dates_after_report(consolidation: Any, console: Console) -> None:
    later = consolidation.dated_after_report()
    if not later:
        return
    named = "; ".join(f"{a.name}: {a.report_date:%d/%m/%Y}" for a in later[:5])
    more = f" và {len(later) - 5} đơn vị khác" if len(later) > 5 else ""
    render_warning(
        console,
        f"Báo cáo tổng hợp ghi ngày {consolidation.report_date:%d/%m/%Y} nhưng {len(later)} báo "
        f"cáo đưa vào tổng hợp ghi ngày sau đó ({named}{more}): kiểm tra lại ngày ký (tùy chọn "
        "--date hoặc khóa report_date trong thd.toml).",
    )


# How many of the set-aside points the console shows before pointing to the workbook.
SET_ASIDE_SHOWN = 5


def _officer_notes(consolidation: Any, outputs: list[Path], console: Console) -> None:
    """What the report leaves to the officer: points kept out, names that may be the same."""
    from thanghanhdong.report import officer

    workbook = any(p.suffix.lower() == ".xlsx" for p in outputs)
    aside = officer.set_aside(consolidation)
    if aside:
        where = (
            f"trang “{officer.SHEET_SET_ASIDE}” của bảng Excel"
            if workbook
            else "bảng Excel (thêm tùy chọn --xlsx TỆP.xlsx)"
        )
        sentence(
            console,
            f"[yellow]{len(aside)} ý kiến của các đơn vị không đưa vào báo cáo[/] (đề nghị gửi "
            "chính cơ quan tổng hợp, gửi các sở, ngành, địa phương, doanh nghiệp khác, việc nội "
            f"bộ, lý do gửi muộn), để xử lý riêng; đủ tại {where}:",
        )
        for point in aside[:SET_ASIDE_SHOWN]:
            text = f"{point.text} ({', '.join(point.agencies)})"
            print_block(console, hanging("-", escape(text), 2))
        console.print()
    _blank_notes(officer.blank_rows(consolidation), workbook, console)
    _absent_notes(officer.absent_rows(consolidation), console)
    names = officer.name_suggestions(consolidation)
    if names:
        sentence(
            console,
            "[yellow]Tên gần giống nhau, có thể là cùng một nội dung[/] (báo cáo vẫn để riêng). "
            "Muốn gộp, thêm dòng ghi bên dưới vào mục "
            + escape("[catalogues.aliases]")
            + " của thd.toml:",
        )
        for found in names:
            text = f"{found.table}: “{found.name}” / “{found.like}”: {found.alias_line}"
            print_block(console, hanging("-", escape(text), 2))
        console.print()


def _blank_notes(lines: list[str], workbook: bool, console: Console) -> None:
    """Totals that are lower bounds: the officer asks the agencies before signing."""
    if not lines:
        return
    from thanghanhdong.report import officer

    where = f"; đủ tại trang “{officer.SHEET_BLANKS}” của bảng Excel" if workbook else ""
    sentence(
        console,
        f"[yellow]{len(lines)} bảng có dòng để trống ô số, ô trống không được cộng[/] (tổng "
        f"chưa đủ, có thể thấp hơn thực tế; báo cáo đánh dấu “*”, số không đơn vị nào ghi thì để “—”): đề nghị đơn vị bổ sung "
        f"trước khi ký{where}:",
    )
    for line in lines[:SET_ASIDE_SHOWN]:
        print_block(console, hanging("-", escape(line), 2))
    if len(lines) > SET_ASIDE_SHOWN:
        print_block(console, hanging("-", f"và {len(lines) - SET_ASIDE_SHOWN} bảng khác", 2))
    console.print()


def _absent_notes(lines: list[str], console: Console) -> None:
    """Tables an included answer did not have: counted as nothing, which the agency confirms."""
    if not lines:
        return
    sentence(
        console,
        f"[yellow]{len(lines)} bảng số liệu không có trong báo cáo của đơn vị[/], thd coi như "
        "đơn vị không có số liệu của bảng đó: nếu có, đề nghị đơn vị bổ sung trước khi ký:",
    )
    for line in lines[:SET_ASIDE_SHOWN]:
        print_block(console, hanging("-", escape(line), 2))
    if len(lines) > SET_ASIDE_SHOWN:
        print_block(console, hanging("-", f"và {len(lines) - SET_ASIDE_SHOWN} bảng khác", 2))
    console.print()


def _totals_table(data: dict[str, Any], consolidation: Any) -> Table:
    """The totals as the report prints them: "—" for a figure no agency wrote (not 0), "1.234*"
    for one some agencies left blank."""
    from thanghanhdong import form
    from thanghanhdong.report.labels import figure

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Bảng", overflow="fold")
    for label in ("Số cuộc / số lượng", "Nam", "Nữ"):
        table.add_column(label, justify="right", no_wrap=True)
    for spec in form.TABLES:
        totals = data["totals"][spec.key]
        gaps = consolidation.tables[spec.key].gaps
        counts = (escape(figure(totals[key], gaps, key)) for key in ("count", "male", "female"))
        table.add_row(escape(spec.sheet), *counts)
    return table


def _budget_line(data: dict[str, Any]) -> str:
    from thanghanhdong.report.numbers import integer as format_int

    budget = data["budget"]
    line = (
        f"Kinh phí: ngân sách nhà nước {format_int(budget['state'])} đồng; "
        f"vận động {format_int(budget['mobilized'])} đồng"
    )
    if budget.get("unsplit"):
        line += f"; báo cáo tổng số, không tách nguồn {format_int(budget['unsplit'])} đồng"
    return line + "."


# ------------------------------------------------------------------ years and levels


def render_changes(changes: Sequence[Any], year: int, console: Console) -> None:
    """validate --compare: what differs much from last year, agency by agency."""
    console.print()
    if not changes:
        sentence(console, f"So với năm {year}: không có số liệu nào thay đổi bất thường.")
        return
    sentence(console, f"[yellow]So với năm {year}, {len(changes)} điểm cần xem lại:[/]")
    for change in changes:
        print_block(console, hanging("⚠", escape(change.message(year)), 2))


def render_remind(outcome: Any, console: Console) -> None:
    if outcome.after:
        names = ", ".join(escape(p.name) for p in outcome.after)
        print_block(
            console,
            hanging(
                "⚠",
                f"{len(outcome.after)} báo cáo nhận hoặc ghi ngày sau ngày của công văn "
                f"({outcome.dated:%d/%m/%Y}), coi là chưa nhận tại ngày đó: {names}.",
                2,
            ),
        )
    if outcome.written is None:
        sentence(console, "Mọi đơn vị đã gửi báo cáo dùng được: không cần công văn đôn đốc.")
        return
    sentence(
        console,
        f"[green]Đã ghi[/] {escape(str(outcome.written))}: công văn đôn đốc "
        f"{len(outcome.addressed)} cơ quan, đơn vị:",
    )
    for entry in outcome.addressed:
        print_block(console, hanging("-", escape(entry.name), 2))
    sentence(console, "Mở công văn để đọc lại, ghi số văn bản rồi trình ký.")


def render_input_check(check: Any, data: Path, console: Console) -> None:
    """check-inputs: the files a report was made from, against the inbox now."""
    if check.same:
        sentence(
            console,
            f"[green]✔[/] {len(check.unchanged)} tệp trong thư mục đúng là các tệp đã dùng để "
            f"lập báo cáo ({escape(str(data))}).",
        )
        return
    sentence(console, "[yellow]Các tệp đã thay đổi kể từ khi lập báo cáo:[/]")
    for entry in check.changed:
        print_block(console, hanging("✖", f"{escape(entry.path.name)}: nội dung đã khác", 2))
    for entry in check.gone:
        print_block(console, hanging("✖", f"{escape(entry.path.name)}: không còn trong thư mục", 2))
    for path in check.added:
        print_block(
            console, hanging("✖", f"{escape(path.name)}: tệp mới, chưa có khi lập báo cáo", 2)
        )
    sentence(console, "Chạy lại thd consolidate để lập báo cáo theo các tệp hiện có.")


# --------------------------------------------------------------------------- progress


def _no_progress(done: int, total: int) -> None:
    return None


def wants_progress(console: Console, *, as_json: bool = False) -> bool:
    """A bar only for a person watching: never with --json, never when output goes to a pipe or
    a file (it would be noise in a log)."""
    return not as_json and console.is_terminal and sys.stdout.isatty()


@contextmanager
def progress(
    console: Console, label: str, *, enabled: bool = True
) -> Iterator[Callable[[int, int], None]]:
    """Yields `advance(done, total)`. The bar (on `console`, normally stderr) appears only once
    the work has taken more than a second, and disappears when it is done."""
    if not enabled or not wants_progress(console):
        yield _no_progress
        return
    from rich.progress import Progress

    start = time.monotonic()
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(label, total=None, visible=False)

        def advance(done: int, total: int) -> None:
            late = time.monotonic() - start > PROGRESS_DELAY
            bar.update(task, completed=done, total=total, visible=late and done < total)

        yield advance


# --------------------------------------------------------------------------- init, roster


def render_warning(console: Console, text: str) -> None:
    """One warning, wrapped between words under its first word (config warnings on stderr)."""
    print_block(console, hanging("[yellow]Cảnh báo:[/]", escape(text)))


def render_init(outcome: Any, console: Console) -> None:
    """What `thd init` wrote, and for a new year, what the officer must still check."""
    from thanghanhdong.campaigns import describe_keys

    if outcome.year is not None and outcome.from_sample:
        sentence(
            console,
            f"Đã tạo {escape(str(outcome.config))} cho năm {outcome.year} từ cấu hình mẫu "
            f"(Bắc Kạn {outcome.previous_year}, {outcome.agencies} đơn vị) và thư mục "
            f"{escape(str(outcome.inbox))}.",
        )
        if not outcome.roster_groups:
            sentence(
                console,
                "Danh sách đơn vị là của tỉnh mẫu: thay bằng danh sách của tỉnh mình (thd "
                "roster import TỆP, tệp Excel có cột Tên đơn vị).",
            )
    elif outcome.year is not None:
        kept = (
            f"giữ {outcome.agencies} đơn vị, danh mục và người ký"
            if outcome.agencies_from_previous is None
            else f"giữ danh mục và người ký; {outcome.agencies} đơn vị theo danh sách mới, "
            f"{outcome.agencies_from_previous} đơn vị có từ năm trước"
        )
        sentence(
            console,
            f"Đã tạo {escape(str(outcome.config))} cho năm {outcome.year} từ cấu hình năm "
            f"{outcome.previous_year} ({kept}) và thư mục {escape(str(outcome.inbox))}.",
        )
    else:
        sentence(
            console,
            f"Đã tạo {escape(str(outcome.config))} ({outcome.agencies} đơn vị) và thư mục "
            f"{escape(str(outcome.inbox))}.",
        )
    if outcome.roster_groups:
        sentence(console, escape(outcome.roster_groups))
    for note in outcome.roster_notes:
        print_block(console, hanging("[yellow]⚠[/]", escape(note), 2))
    if outcome.to_confirm:
        sentence(
            console,
            "Cần kiểm tra trong thd.toml (các dòng ghi “CẦN XÁC NHẬN”); sửa xong thì xóa tên "
            "khóa khỏi danh sách campaign.to_confirm:",
        )
        for line in describe_keys(outcome.to_confirm):
            print_block(console, hanging("-", escape(line), 2))
    folder = outcome.config.parent if outcome.config is not None else Path(".")
    here = _same_folder(folder, Path.cwd())
    print_step(
        console,
        "Mở thd.toml để sửa năm, hạn báo cáo, danh sách đơn vị; sau đó chạy:"
        if here
        else "Mở thd.toml để sửa năm, hạn báo cáo, danh sách đơn vị; sau đó chuyển vào thư mục "
        "đó rồi chạy lệnh tạo mẫu (các lệnh thd dùng thd.toml của thư mục đang đứng):",
        "thd generate-templates" if here else f"cd {shell_path(folder)}",
    )
    if not here:
        console.print(Text("  thd generate-templates"), soft_wrap=True)


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def render_roster(outcome: Any, console: Console) -> None:
    sentence(
        console,
        f"Đã thay danh sách đơn vị trong {escape(str(outcome.config))}: {outcome.agencies} đơn vị.",
    )
    if outcome.groups:
        sentence(console, escape(outcome.groups))
    for note in outcome.notes:
        print_block(console, hanging("[yellow]⚠[/]", escape(note), 2))
