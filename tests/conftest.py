"""Shared fixtures: the default campaign and freshly generated forms."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from thanghanhdong import config
from thanghanhdong.config import Campaign
from thanghanhdong.template import FormStamper, file_name

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SOFFICE_FILTERS = {
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "ods": "ods",
    "xls": "xls:MS Excel 97",
    "pdf": "pdf",
    "docx": "docx:MS Word 2007 XML",
    "doc": "doc:MS Word 97",
}
SOFFICE_SECONDS = 300


# A program's own file, which Linux refuses to open for writing while the program runs: the
# stand-in for a report open in Word or a workbook in Excel on Windows (nothing else makes a
# file that root cannot write without a mock).
HOLDER = Path("/bin/sleep")


@contextmanager
def held_open(path: Path) -> Iterator[None]:
    """`path` is a running program's file for the time of the block (its content the
    program's)."""
    shutil.copy(HOLDER, path)
    running = subprocess.Popen([str(path), "60"])
    try:
        yield
    finally:
        running.kill()
        running.wait()


def soffice_convert(
    sources: list[Path], target_format: str, out_dir: Path, profile: Path
) -> list[Path]:
    """Convert every source in ONE soffice run (start-up is the cost) with a private profile;
    returns the converted paths in the order of `sources`."""
    assert SOFFICE is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            SOFFICE_FILTERS[target_format],
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ],
        capture_output=True,
        timeout=SOFFICE_SECONDS,
        check=False,
    )
    # soffice exits 0 even when a file fails to convert: check every output.
    converted = [out_dir / f"{source.stem}.{target_format}" for source in sources]
    missing = [path.name for path in converted if not path.is_file()]
    assert not missing, (missing, completed.stderr.decode(errors="replace"))
    return converted


@pytest.fixture(autouse=True)
def _run_in_a_fresh_directory(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Every test runs in an empty working directory of its own: a baocao.docx or thd.toml left
    in the repository by the README's main job (or by another test) never changes an outcome."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    # A reader's failure is raised, not turned into the file's `file_not_read` (test_not_read.py
    # turns it off): a bug must fail its test with its traceback.
    monkeypatch.setenv("THD_DEBUG", "1")


@pytest.fixture(scope="session")
def campaign() -> Campaign:
    return config.load(None)


@pytest.fixture(scope="session")
def stamper(campaign: Campaign) -> FormStamper:
    return FormStamper(campaign)


@pytest.fixture
def blank_form(tmp_path: Path, campaign: Campaign, stamper: FormStamper):
    """Factory: write the blank form of agency CODE into tmp_path and return its path."""

    def make(code: str = "BABE", directory: Path | None = None) -> Path:
        agency = campaign.agency(code)
        assert agency is not None
        target = (directory or tmp_path) / file_name(campaign, agency)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(stamper.stamp(agency))
        return target

    return make
