"""The README documents every command, option and issue code."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from thanghanhdong.cli import app
from thanghanhdong.messages import CATALOGUE

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_issue_code_is_listed() -> None:
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", README, flags=re.MULTILINE))
    assert listed == set(CATALOGUE)


def test_every_command_and_option_is_documented() -> None:
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    for name, command in commands.items():
        assert f"thd {name}" in README, name
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in README or f" {opt}" in README, f"{name} {opt}"
