"""The data file written beside the report (`baocao.json`): its name, the audit trail of the
files the report was made from, loading it back, and telling which inputs changed since.

No printing; reading errors become Vietnamese sentences (DataFileError).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thanghanhdong import files
from thanghanhdong.consolidate import AgencyFigures, Consolidation, InputFile, InputMember
from thanghanhdong.model import DataFileError
from thanghanhdong.readers.archive import SEPARATOR

if TYPE_CHECKING:
    from thanghanhdong.inbox import ValidationReport

SUFFIX = ".json"
# A data file holds figures and status, never a form's cells: 34 provinces of 100 agencies
# make ~3 MB. Anything far larger is not one.
MAX_BYTES = 64 * 1024 * 1024
NOT_A_REPORT = "không phải báo cáo"


def default_path(report: Path) -> Path:
    """`baocao.docx` -> `baocao.json`: the data file sits beside its report, same stem."""
    return report.with_suffix(SUFFIX)


def sha256(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            size += len(chunk)
            digest.update(chunk)
    return size, digest.hexdigest()


def inbox_files(inbox: Path) -> list[Path]:
    """The files the trail accounts for, each once: answers, e-mails and zips (as themselves,
    not their members) and notes; never lock or system files."""
    from thanghanhdong.inbox import list_inbox

    listing = list_inbox(inbox)
    return sorted(listing.files + listing.others)


def audit(report: ValidationReport) -> list[InputFile]:
    """Every file of the inbox, as `check_inputs` lists it: size, hash of its own bytes, the
    agency it answered for, whether it was used; an e-mail's or zip's files as its members.
    The files are those the validation listed, hashed from the bytes it read where it read a
    file whole (what was consolidated, even if the file changed since)."""
    owner = {p: e.code for e in report.completeness.entries for p in e.files}
    used = {e.used for e in report.completeness.entries if e.used is not None}
    notes = {f.path: NOT_A_REPORT for f in report.others} | dict(report.notes)
    listed = report.listed or inbox_files(report.inbox)
    read = {f.path: f.digest for f in report.files + report.others if f.digest}
    inner = _by_container(
        listed, [f.path for f in report.files + report.others] + list(report.attachments)
    )
    trail = []
    for path in listed:
        members = tuple(
            InputMember(_inside(m, path), owner.get(m), m in used, notes.get(m, ""))
            for m in inner.get(path, [])
            if m != path
        )
        agencies = {m.agency for m in members if m.agency}
        agency = owner.get(path) or (agencies.pop() if len(agencies) == 1 else None)
        taken = path in used or any(m.used for m in members)
        size, digest = _hashed(path, read.get(path))
        trail.append(InputFile(path, size, digest, agency, taken, members, notes.get(path, "")))
    return trail


def _hashed(path: Path, digest: str | None) -> tuple[int, str]:
    try:
        return (path.stat().st_size, digest) if digest else sha256(path)
    except OSError:
        return 0, ""


def _by_container(listed: Sequence[Path], paths: Sequence[Path]) -> dict[Path, list[Path]]:
    """The checked paths under the inbox file each came from ("thu.eml › bc.xlsx" -> thu.eml)."""
    tops = {str(p): p for p in listed}
    grouped: dict[Path, list[Path]] = {}
    for path in paths:
        top = tops.get(str(path)) or tops.get(str(path).split(SEPARATOR, 1)[0])
        if top is not None:
            grouped.setdefault(top, []).append(path)
    return {top: sorted(found, key=str) for top, found in grouped.items()}


def _inside(member: Path, container: Path) -> str:
    return str(member)[len(str(container)) + len(SEPARATOR) :]


def encode(consolidation: Consolidation) -> bytearray:
    """The data file's bytes: the document of `Consolidation.to_json`, each key's value and each
    agency and input (one per line) encoded on its own, so that the whole document is never
    held as Python objects nor copied (10,000 agencies: ~60 MB less at the peak, and json's C
    encoder instead of the slower one `indent` needs)."""
    out = bytearray(b"{")
    for number, (key, value) in enumerate(consolidation.json_parts()):
        out += b", " if number else b""
        out += _json(key) + b": " + _json(value())
    lists: dict[str, Sequence[AgencyFigures | InputFile]] = {
        "agencies": consolidation.agencies,
        "inputs": consolidation.inputs,
    }
    for key, items in lists.items():
        out += b", " + _json(key) + b": ["
        for number, item in enumerate(items):
            out += b",\n" if number else b"\n"
            out += _json(item.to_json())
        out += b"\n]"
    out += b"}\n"
    return out


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def load(path: Path) -> Consolidation:
    """A data file back. Raises DataFileError (Vietnamese reason naming the file)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DataFileError(f"Tệp {path} quá lớn để là tệp số liệu tổng hợp.")
        data = json.loads(path.read_bytes())
        return Consolidation.from_json(data)
    except OSError as exc:
        raise DataFileError(
            f"Không đọc được {path}: {files.os_reason(exc, reading=True)}."
        ) from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(f"Tệp {path} không phải JSON hợp lệ (dòng {exc.lineno}).") from exc
    except (RecursionError, UnicodeDecodeError) as exc:
        raise DataFileError(f"Tệp {path} không phải JSON hợp lệ.") from exc
    except DataFileError as exc:
        if str(exc).startswith("Tệp ") or str(exc).startswith("Không "):
            raise
        raise DataFileError(f"Tệp {path}: {exc}.") from exc


@dataclass
class InputCheck:
    """What became of the files a report was made from."""

    unchanged: list[InputFile] = field(default_factory=list)
    changed: list[InputFile] = field(default_factory=list)  # other bytes than when reported
    gone: list[InputFile] = field(default_factory=list)
    added: list[Path] = field(default_factory=list)  # in the inbox now, not then

    @property
    def same(self) -> bool:
        return not (self.changed or self.gone or self.added)


def check_inputs(consolidation: Consolidation, inbox: Path) -> InputCheck:
    """Compare the audit trail with `inbox` now, file by file (by path relative to the inbox
    the report was made from, so a copied or moved inbox can still be checked)."""
    now = {_relative(p, inbox): p for p in inbox_files(inbox)}
    check = InputCheck()
    seen = set()
    for entry in consolidation.inputs:
        key = _match(entry.path, now)
        if key is None:
            check.gone.append(entry)
            continue
        seen.add(key)
        size, digest = sha256(now[key])
        (check.unchanged if (size, digest) == (entry.size, entry.sha256) else check.changed).append(
            entry
        )
    check.added = [p for k, p in sorted(now.items()) if k not in seen]
    return check


def _relative(path: Path, inbox: Path) -> str:
    return path.relative_to(inbox).as_posix()


def _match(recorded: Path, now: dict[str, Path]) -> str | None:
    """The current file the recorded path names: the longest common tail of path parts."""
    parts = recorded.parts
    for start in range(len(parts)):
        key = Path(*parts[start:]).as_posix()
        if key in now:
            return key
    return None
