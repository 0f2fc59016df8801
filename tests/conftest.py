"""Shared fixtures: the default campaign and freshly generated forms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thanghanhdong import config
from thanghanhdong.config import Campaign
from thanghanhdong.template import FormStamper, file_name

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


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
