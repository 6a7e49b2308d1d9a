"""`import sopdoc` exposes the models and loaders, each with a docstring."""

from __future__ import annotations

import inspect

import pytest

import sopdoc

MINE = [
    "Katalog", "Kegiatan", "Kertas", "Location", "Penandatangan", "PengaturanKatalog",
    "Revisi", "SatuanWaktu", "Sop", "SopdocError", "SpecError", "SpecLoadError", "Tanggal",
    "Waktu", "dump", "dumps", "json_schema", "load", "load_catalog", "settings_json_schema",
]  # fmt: skip


@pytest.mark.parametrize("name", MINE)
def test_exported_with_a_docstring(name: str) -> None:
    assert name in sopdoc.__all__
    doc = inspect.getdoc(getattr(sopdoc, name))
    assert doc and len(doc) > 20, name


def test_every_exported_name_exists() -> None:
    for name in sopdoc.__all__:
        assert hasattr(sopdoc, name), name


def test_loaders_document_their_errors() -> None:
    for loader in (sopdoc.load, sopdoc.load_catalog):
        assert "SpecLoadError" in (loader.__doc__ or "")
