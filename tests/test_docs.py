"""The README documents every command, option and issue code, each option under its command."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from thanghanhdong.cli import app
from thanghanhdong.messages import CATALOGUE

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def section(command: str) -> str:
    """The README section headed ### `thd COMMAND ...`."""
    match = re.search(
        rf"^### `thd {command}\b.*?$(.*?)(?=^##)", README, flags=re.MULTILINE | re.DOTALL
    )
    assert match, f"no README section for thd {command}"
    return match.group(1)


def test_every_issue_code_is_listed() -> None:
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", README, flags=re.MULTILINE))
    assert listed == set(CATALOGUE)


def test_every_command_and_option_is_documented_in_its_section() -> None:
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    for name, command in commands.items():
        text = section(name)
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in text, f"thd {name} {opt}"
    for opt in ("--version", "--debug"):
        assert f"thd {opt}" in README
