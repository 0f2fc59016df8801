"""The shipped report template is compiled once and kept in Jinja's bytecode cache between runs:
the report is the same from a cold cache, a warm one, a damaged one and none at all."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic
from test_report_docx import sample

from thanghanhdong import config
from thanghanhdong.report import fastdocx
from thanghanhdong.report.docx import render_docx


def _body(report: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(report)) as archive:
        return archive.read("word/document.xml")


@pytest.fixture(scope="module")
def consolidation():
    return sample(config.load(None))


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    directory = tmp_path / "cache"
    directory.mkdir()
    return directory


def _rendered_with(directory: Path, consolidation, monkeypatch) -> bytes:
    monkeypatch.setattr(fastdocx, "CACHE_DIRECTORY", str(directory))
    return _body(render_docx(consolidation))


def test_the_compiled_template_is_kept_and_gives_the_same_report(
    cache: Path, consolidation, monkeypatch
) -> None:
    cold = _rendered_with(cache, consolidation, monkeypatch)
    kept = sorted(cache.iterdir())
    assert kept, "the compiled parts are kept"
    assert max(path.stat().st_size for path in kept) > 10_000  # the body's compiled code
    warm = _rendered_with(cache, consolidation, monkeypatch)
    assert warm == cold
    assert sorted(cache.iterdir()) == kept  # nothing compiled again
    assert "Tập huấn".encode() in cold


def test_a_damaged_cache_is_compiled_again(cache: Path, consolidation, monkeypatch) -> None:
    first = _rendered_with(cache, consolidation, monkeypatch)
    whole = {path: path.read_bytes() for path in cache.iterdir()}
    for number, (path, data) in enumerate(whole.items()):
        # Cut short in the compiled code, or garbage where the checksum is pickled.
        path.write_bytes(data[: len(data) // 2] if number % 2 else bc_magic + b"\x80\xff garbage")
    assert _rendered_with(cache, consolidation, monkeypatch) == first
    for path, data in whole.items():  # each damaged file was written whole again
        assert path.read_bytes() == data


def test_without_a_usable_cache_the_report_is_rendered_all_the_same(
    tmp_path: Path, cache: Path, consolidation, monkeypatch
) -> None:
    expected = _rendered_with(cache, consolidation, monkeypatch)
    not_a_directory = tmp_path / "a-file"
    not_a_directory.write_text("x")
    assert _rendered_with(not_a_directory, consolidation, monkeypatch) == expected
    assert _rendered_with(tmp_path / "missing", consolidation, monkeypatch) == expected
    assert not (tmp_path / "missing").exists()


def test_the_key_follows_the_options_that_change_the_compiled_code(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(fastdocx, "CACHE_DIRECTORY", str(tmp_path))
    for _ in range(2):  # compiled, then loaded
        escaped = fastdocx.KeptEnvironment(autoescape=True).from_string("{{ text }}")
        plain = fastdocx.KeptEnvironment(autoescape=False).from_string("{{ text }}")
        assert escaped.render(text="A & B") == "A &amp; B"
        assert plain.render(text="A & B") == "A & B"
    assert len(list(tmp_path.iterdir())) == 2
