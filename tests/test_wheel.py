"""The wheel, installed in a clean virtual environment, works outside the repository.

An editable install reads templates/ from the source tree and would hide a wheel that lacks
them; this builds the real wheel, installs it (dependencies from PyPI) and runs `thd`.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from thanghanhdong import campaigns

REPO = Path(__file__).resolve().parents[1]
BIN = "Scripts" if os.name == "nt" else "bin"
TIMEOUT = 900

pytestmark = pytest.mark.slow


def clean_env() -> dict[str, str]:
    """The environment without anything pointing back at the development venv or repository."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
    assert completed.returncode == 0, f"{args}\n{completed.stdout}\n{completed.stderr}"
    return completed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    command: list[str | Path] = [sys.executable, "-m", "build", "--wheel", "--outdir", dist]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")  # the backend is already here; no download needed
    run([*command, REPO], cwd=REPO)
    (built,) = dist.glob("thanghanhdong-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the wheel and its dependencies; returns its bin/."""
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", venv], cwd=venv)
    python = venv / BIN / "python"
    run([python, "-m", "pip", "install", "--quiet", wheel], cwd=venv)
    return venv / BIN


@pytest.fixture
def empty_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("outside-repo")
    assert REPO not in work.parents
    assert list(work.iterdir()) == []
    return work


def test_wheel_ships_the_templates(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "thanghanhdong/templates/thd.toml" in names
        assert "thanghanhdong/cli.py" in names
        shipped = archive.read("thanghanhdong/templates/thd.toml").decode("utf-8")
    assert shipped == (REPO / "templates" / "thd.toml").read_text(encoding="utf-8")


def test_installed_package_comes_from_the_wheel(installed: Path, empty_dir: Path) -> None:
    completed = run(
        [installed / "python", "-c", "import thanghanhdong; print(thanghanhdong.__file__)"],
        cwd=empty_dir,
    )
    location = Path(completed.stdout.strip())
    assert installed.parent in location.parents
    assert REPO not in location.parents


def test_installed_thd_version(installed: Path, empty_dir: Path) -> None:
    completed = run([installed / "thd", "--version"], cwd=empty_dir)
    assert completed.stdout.strip().startswith("thd ")


def test_installed_thd_generates_28_forms(installed: Path, empty_dir: Path) -> None:
    completed = run([installed / "thd", "generate-templates"], cwd=empty_dir)
    forms = sorted((empty_dir / "mau-bao-cao").iterdir())
    assert len(forms) == 28, completed.stdout
    assert all(p.name.startswith("2021_") and p.suffix == ".xlsx" for p in forms)
    assert "mặc định (Bắc Kạn 2021)" in completed.stderr


def test_installed_thd_init_writes_the_shipped_config(installed: Path, empty_dir: Path) -> None:
    run([installed / "thd", "init"], cwd=empty_dir)
    written = (empty_dir / "thd.toml").read_text(encoding="utf-8")
    shipped = (REPO / "templates" / "thd.toml").read_text(encoding="utf-8")
    # The shipped config, its sample report date left open (thd init; trial 2026-12-01c).
    assert written == campaigns.leave_report_date_open(shipped)
    assert (empty_dir / "inbox").is_dir()


def test_wheel_ships_the_report_template(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        assert (
            archive.read("thanghanhdong/templates/baocao.docx")
            == (REPO / "templates" / "baocao.docx").read_bytes()
        )


def test_installed_full_workflow_outside_the_repository(installed: Path, empty_dir: Path) -> None:
    """init -> generate-templates -> (agencies fill their forms) -> validate -> consolidate."""
    thd = installed / "thd"
    run([thd, "init", "dot-2021"], cwd=empty_dir)
    work = empty_dir / "dot-2021"
    run([thd, "generate-templates", "--agency", "BABE", "--agency", "NARI"], cwd=work)
    filler = (
        "import sys; from pathlib import Path; from thanghanhdong.sample import fill, SampleReport\n"
        "for p in Path('mau-bao-cao').iterdir(): fill(p, Path('inbox') / p.name, SampleReport())\n"
    )
    run([installed / "python", "-c", filler], cwd=work)
    validated = run([thd, "validate", "inbox", "--json"], cwd=work)
    assert '"missing_agencies"' in validated.stdout
    assert f"Dùng cấu hình {work / 'thd.toml'}" in validated.stderr
    # thd init leaves the report date open: a 2021 campaign run today is dated with --date.
    consolidate = [thd, "consolidate", "inbox", "--out", "baocao.docx", "--xlsx", "tonghop.xlsx"]
    run([*consolidate, "--date", "22/12/2021"], cwd=work)
    assert (work / "baocao.docx").read_bytes().startswith(b"PK")
    assert (work / "tonghop.xlsx").read_bytes().startswith(b"PK")


def test_sdist_builds_with_everything_needed(tmp_path: Path) -> None:
    command: list[str | Path] = [sys.executable, "-m", "build", "--sdist", "--outdir", tmp_path]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")
    run([*command, REPO], cwd=REPO)
    (sdist,) = tmp_path.glob("thanghanhdong-*.tar.gz")
    import tarfile

    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {
        "templates/thd.toml",
        "templates/baocao.docx",
        "src/thanghanhdong/cli.py",
        "README.md",
    } <= names
