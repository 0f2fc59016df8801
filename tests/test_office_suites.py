"""The same valid form re-saved by LibreOffice as .xlsx, .ods and .xls still validates to the
same agency and the same figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SOFFICE, soffice_convert

from thanghanhdong.config import Campaign
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper
from thanghanhdong.validate import validate_file

pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed"),
]


def figures(path: Path, campaign: Campaign) -> dict[str, tuple[int, int, int]]:
    result = validate_file(path, campaign)
    assert result.errors == [], result.errors
    assert result.agency_code == "NARI"
    assert result.submission is not None
    return {
        key: (sum(r.count for r in rows), sum(r.male for r in rows), sum(r.female for r in rows))
        for key, rows in result.submission.tables.items()
    } | {"budget": (result.submission.budget_state, result.submission.budget_mobilized, 0)}


@pytest.fixture(scope="module")
def original(
    tmp_path_factory: pytest.TempPathFactory, campaign: Campaign, stamper: FormStamper
) -> Path:
    report = SampleReport()
    report.tables["activities"] = [
        SampleRow("Tập huấn", 4, 80, 130, "Xã"),
        SampleRow("Tọa đàm", 1, 20, 35, "Huyện"),
    ]
    agency = campaign.agency("NARI")
    assert agency is not None
    path = tmp_path_factory.mktemp("orig") / "nari.xlsx"
    path.write_bytes(fill_bytes(stamper.stamp(agency), report))
    return path


@pytest.mark.parametrize("target_format", ["xlsx", "ods", "xls"])
def test_resaved_by_libreoffice(
    original: Path, target_format: str, tmp_path: Path, campaign: Campaign
) -> None:
    (converted,) = soffice_convert(
        [original], target_format, tmp_path / "out", tmp_path / "profile"
    )
    assert figures(converted, campaign) == figures(original, campaign)
