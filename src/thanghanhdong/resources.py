"""Locate files shipped under `templates/` (inside the wheel, or in the source tree)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def template_path(name: str) -> Path:
    packaged = Path(str(resources.files("thanghanhdong"))) / "templates" / name
    if packaged.exists():
        return packaged
    # Source checkout (editable install): templates/ sits at the repository root.
    return Path(__file__).resolve().parents[2] / "templates" / name
