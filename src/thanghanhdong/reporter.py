"""Human output of `thd validate` (rich); the JSON output is `ValidationReport.to_json()`.

Both are built from the same report object. User text is escaped: rich would eat `[...]`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from thanghanhdong.model import FileResult, FileStatus, Severity
from thanghanhdong.validate import ValidationReport

STATUS_LABELS = {
    FileStatus.OK: "[green]✔ hợp lệ[/]",
    FileStatus.WARNINGS: "[yellow]⚠ có cảnh báo[/]",
    FileStatus.ERRORS: "[red]✖ có lỗi[/]",
    FileStatus.UNREADABLE: "[red]✖ không đọc được[/]",
}


def display_path(path: Path, inbox: Path) -> str:
    try:
        return str(path.relative_to(inbox))
    except ValueError:
        return str(path)


def render_validation(report: ValidationReport, console: Console) -> None:
    console.print(_files_table(report))
    for result in report.files:
        if result.issues:
            _print_issues(result, report.inbox, console)
    _print_completeness(report, console)


def _files_table(report: ValidationReport) -> Table:
    table = Table(
        title=f"Kiểm tra {len(report.files)} tệp trong {escape(str(report.inbox))}",
        title_justify="left",
    )
    # Sized for an 80-column console (and for output saved to a file, which rich lays out at 80).
    table.add_column("Tệp", overflow="fold", max_width=34)
    table.add_column("Đơn vị", min_width=12)
    table.add_column("Tình trạng", no_wrap=True)
    table.add_column("Lỗi", justify="right", no_wrap=True, min_width=3)
    table.add_column("Cảnh báo", justify="right", no_wrap=True, min_width=8)
    for result in report.files:
        table.add_row(
            escape(display_path(result.path, report.inbox)),
            escape(result.agency_name or "—"),
            STATUS_LABELS[result.status],
            str(len(result.errors)),
            str(len(result.warnings)),
        )
    return table


def _print_issues(result: FileResult, inbox: Path, console: Console) -> None:
    console.print()
    name = f" ({escape(result.agency_name)})" if result.agency_name else ""
    console.print(f"[bold]{escape(display_path(result.path, inbox))}[/]{name}")
    for issue in result.issues:
        mark = "[red]✖ Lỗi[/]" if issue.severity is Severity.ERROR else "[yellow]⚠ Cảnh báo[/]"
        where = f" [cyan]{escape(issue.where)}[/]" if issue.where else ""
        console.print(f"  {mark}{where}: {escape(issue.message)} [dim]({issue.code})[/]")


def _print_completeness(report: ValidationReport, console: Console) -> None:
    summary = report.summary()
    console.print()
    console.print(
        f"Đã nhận báo cáo của {summary['received_agencies']}/{summary['expected_agencies']} đơn vị; "
        f"{summary['late']} báo cáo nộp muộn; {summary['issues_error']} lỗi, "
        f"{summary['issues_warning']} cảnh báo."
    )
    if report.ignored:
        console.print(
            f"[dim]Bỏ qua {len(report.ignored)} tệp hệ thống (tệp khóa, Thumbs.db...).[/]"
        )
    if report.attachments:
        names = ", ".join(display_path(p, report.inbox) for p in report.attachments)
        console.print(
            f"Không đọc {len(report.attachments)} tệp kèm theo (PDF, Word, ảnh): {escape(names)}."
        )
    missing = report.missing
    if missing:
        console.print()
        console.print(f"[bold]Chưa gửi báo cáo ({len(missing)}):[/]")
        for agency in missing:
            console.print(f"  - {escape(agency.name)} [dim]({escape(agency.code)})[/]")
    if report.has_errors:
        console.print()
        console.print("[red]Có tệp bị lỗi: sửa (hoặc đề nghị đơn vị sửa) rồi kiểm tra lại.[/]")


def render_consolidation(consolidation: Any, outputs: list[Path], console: Console) -> None:
    """Short summary after `thd consolidate`: what went in, the totals, what was written."""
    from thanghanhdong import form
    from thanghanhdong.report.numbers import integer as format_int

    data = consolidation.to_json()
    table = Table(title="Tổng hợp số liệu", title_justify="left")
    table.add_column("Bảng")
    table.add_column("Số cuộc / số lượng", justify="right")
    table.add_column("Nam", justify="right")
    table.add_column("Nữ", justify="right")
    for spec in form.TABLES:
        totals = data["totals"][spec.key]
        table.add_row(
            escape(spec.sheet),
            format_int(totals["count"]),
            format_int(totals["male"]),
            format_int(totals["female"]),
        )
    console.print(table)
    budget = data["budget"]
    console.print(
        f"Kinh phí: ngân sách nhà nước {format_int(budget['state'])} đồng; "
        f"vận động {format_int(budget['mobilized'])} đồng."
    )
    console.print(
        f"Đã tổng hợp {len(data['included'])} tệp; bỏ qua {len(data['excluded'])} tệp có lỗi."
    )
    for path in data["excluded"]:
        console.print(f"  [yellow]- bỏ qua:[/] {escape(str(path))}")
    for path in outputs:
        console.print(f"[green]Đã ghi[/] {escape(str(path))}")


def render_annotations(outcome: Any, console: Console) -> None:
    """After the problems: which annotated copies were written, and which files got none."""
    if outcome.annotate_dir is None:
        return
    console.print(
        f"Đã ghi {len(outcome.annotated)} bản có đánh dấu chỗ cần sửa vào "
        f"{escape(str(outcome.annotate_dir))}."
    )
    if outcome.not_annotated:
        names = ", ".join(p.name for p in outcome.not_annotated)
        console.print(
            f"Không lập bản đánh dấu cho {len(outcome.not_annotated)} tệp không đọc được hoặc "
            f"không nhận ra đơn vị (xem lỗi ở trên): {escape(names)}."
        )


def render_refusal(report: ValidationReport, console: Console) -> None:
    """consolidate refused: the problems, and what to do."""
    render_validation(report, console)
    console.print(
        "[red]Không tổng hợp vì có tệp bị lỗi.[/] Sửa các tệp trên, hoặc chạy lại với "
        "--skip-invalid để bỏ qua chúng (báo cáo sẽ nêu tên)."
    )
