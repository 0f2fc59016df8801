"""Writing outputs safely: all or nothing, with the permissions a normal file would get."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write(path: Path, data: bytes | bytearray) -> None:
    """Write to a temporary file beside `path`, then rename over it: never a half-written file."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".thd-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp creates 0600; outputs are ordinary files
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class OutputHeld(Exception):
    """An existing output that cannot be replaced (`held`); nothing was written."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


class OutputExists(Exception):
    """Outputs that already exist and may not be overwritten (no --force); nothing was written."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(", ".join(str(p) for p in paths))
        self.paths = paths


# ------------------------------------------------------------------ the output policy
# One place says what may be written where: never inside the inbox, never over an existing file
# without --force (the officer may have edited last run's report by hand), always atomically.

_OS_REASONS = {
    errno.EEXIST: "đã có một tệp hoặc liên kết trùng tên",
    # Windows says EACCES for a file Word or Excel holds open (last run's report, being read).
    errno.EACCES: "không có quyền ghi, hoặc tệp đang mở trong chương trình khác (Word, Excel): "
    "đóng tệp rồi chạy lại",
    errno.EPERM: "không có quyền ghi",
    errno.ETXTBSY: "tệp đang được chương trình khác dùng: đóng chương trình đó rồi chạy lại",
    errno.EBUSY: "tệp đang được chương trình khác dùng: đóng chương trình đó rồi chạy lại",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENOENT: "không có thư mục này",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.EISDIR: "đây là thư mục, không phải tệp",
}
_READ_REASONS = {
    **_OS_REASONS,
    # Windows says EACCES too for a file another program holds open without sharing it.
    errno.EACCES: "không có quyền đọc, hoặc tệp đang mở trong chương trình khác",
    errno.EPERM: "không có quyền đọc",
    errno.ENOENT: "không có tệp này (có thể vừa bị xóa hoặc chuyển đi)",
    errno.EIO: "lỗi đọc ổ đĩa",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
}


def os_reason(exc: OSError, *, reading: bool = False) -> str:
    """What the operating system said, in Vietnamese where we know the case."""
    known = (_READ_REASONS if reading else _OS_REASONS).get(exc.errno or 0)
    return known or f"hệ điều hành báo lỗi “{exc.strerror or type(exc).__name__}”"


def folder_reason(exc: OSError) -> str:
    """Why a folder cannot be listed, in Vietnamese."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "không có quyền đọc"
    return os_reason(exc, reading=True)


def inside(path: Path, directory: Path) -> bool:
    return path.resolve().is_relative_to(directory.resolve())


def output_problem(path: Path, *, suffix: str, inbox: Path | None, force: bool) -> str | None:
    """Why `path` may not be written, in Vietnamese; None when it may. Said before any work."""
    if path.suffix.lower() != suffix:
        return f"Tên tệp {path} phải có đuôi {suffix}."
    if inbox is not None and inside(path, inbox):
        return f"Không ghi kết quả vào trong thư mục báo cáo {inbox}: chọn nơi khác cho {path}."
    if not path.parent.is_dir():
        return f"Không có thư mục {path.parent}: tạo thư mục trước, hoặc chọn nơi khác cho {path}."
    if path.is_dir():
        return f"{path} là một thư mục: chọn tên tệp."
    if path.exists() and (lock := open_lock(path)) is not None:
        # Even with --force: the officer's unsaved edits in the open copy would be lost.
        return (
            f"{path} đang mở trong {lock} (có tệp khóa bên cạnh): đóng tệp trước, rồi chạy lại; "
            "hoặc chọn tên khác."
        )
    if path.exists() and not force:
        return f"Đã có {path} (có thể đã được sửa tay). Dùng --force để ghi đè, hoặc chọn tên khác."
    return None


def open_lock(path: Path) -> str | None:
    """The program that has `path` open, told by the lock file it keeps beside it: LibreOffice
    ".~lock.NAME#", Word and Excel "~$NAME" (its first two letters replaced when the name is
    long); None when there is none. A lock left by a crash looks the same: closing the file
    (or deleting the lock) is the officer's call."""
    folder, name = path.parent, path.name
    if (folder / f".~lock.{name}#").exists():
        return "LibreOffice"
    for candidate in (f"~${name}", f"~${name[2:]}" if len(name) > 2 else None):
        if candidate and (folder / candidate).exists():
            return "Word/Excel"
    return None


def directory_problem(directory: Path, *, inbox: Path | None = None) -> str | None:
    """Why files may not be written into `directory`; None when they may."""
    if inbox is not None and inside(directory, inbox):
        return f"Không ghi vào trong thư mục báo cáo {inbox}: chọn thư mục khác cho {directory}."
    if directory.exists() and not directory.is_dir():
        return f"{directory} là một tệp, không phải thư mục: chọn tên khác."
    return None


def existing_problem(paths: list[Path], where: Path, what: str) -> str:
    return (
        f"Đã có {len(paths)} {what} trong {where} (ví dụ {paths[0].name}). Dùng --force để ghi đè."
    )


def write_all(outputs: dict[Path, bytes | bytearray]) -> str | None:
    """Write every output atomically; the Vietnamese reason of the first failure, else None.

    An existing output another program holds open (on Windows, last run's report open in Word,
    the workbook in Excel) is found before anything is written: a new report beside last
    run's data file would be sent as one. Should a write still fail, the message says which
    outputs were written."""
    for path in outputs:
        if reason := held(path):
            return f"Không ghi được {path}: {reason}. Chưa ghi tệp nào."
    written: list[str] = []
    for path, data in outputs.items():
        try:
            atomic_write(path, data)
        except OSError as exc:
            done = f"Đã ghi {', '.join(written)}; " if written else ""
            return f"Không ghi được {path}: {os_reason(exc)}. {done}Chưa ghi các tệp còn lại."
        written.append(str(path))
    return None


def held(path: Path) -> str | None:
    """Why an existing file cannot be replaced, found by opening it for writing (nothing is
    written); None when it can, or when it does not exist."""
    try:
        with path.open("r+b"):
            return None
    except FileNotFoundError:
        return None
    except OSError as exc:
        return os_reason(exc)
