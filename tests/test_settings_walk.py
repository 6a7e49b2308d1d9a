"""Which catalog settings files apply to a spec: the walk up stops at a sensible root."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

import sopdoc
from sopdoc.spec import settings_files
from test_bad_input import BASE

SETTINGS = "kertas: F4\n"


def test_walk_stops_at_a_root_marker(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sopdoc.yaml").write_text("kertas: F4\nkop: [ATAS]\n", encoding="utf-8")
    catalog = tmp_path / "katalog"
    (catalog / "bagian").mkdir(parents=True)
    (catalog / "sopdoc.yaml").write_text("root: true\n", encoding="utf-8")
    (catalog / "bagian" / "sopdoc.yaml").write_text("kertas: A4\n", encoding="utf-8")
    spec = catalog / "bagian" / "x.yaml"
    spec.write_text(BASE, encoding="utf-8")
    assert settings_files(spec.parent) == [
        (catalog / "bagian" / "sopdoc.yaml").resolve(),
        (catalog / "sopdoc.yaml").resolve(),
    ]
    assert sopdoc.load(spec).kop == []  # the file above the root marker does not apply


def test_walk_stops_at_a_repository_root(tmp_path: Path) -> None:
    (tmp_path / "sopdoc.yaml").write_text(SETTINGS, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert settings_files(repo) == []


def test_a_settings_file_in_the_temp_folder_changes_no_upload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A web app loads an upload from a temp folder: a stray sopdoc.yaml in the shared temp
    folder itself (anyone may write one there) is not a catalog's and is not read."""
    shared = tmp_path / "tmp"
    upload = shared / "upload-123"
    upload.mkdir(parents=True)
    (shared / "sopdoc.yaml").write_text("kertas: F4\n", encoding="utf-8")
    (upload / "sop.yaml").write_text(BASE, encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    from sopdoc import spec

    spec._temp_root.cache_clear()
    try:
        assert settings_files(upload) == []
        assert sopdoc.load(upload / "sop.yaml").kertas == sopdoc.Kertas.A4
    finally:
        spec._temp_root.cache_clear()


def test_settings_false_reads_no_settings_at_all(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sopdoc.yaml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "sop.yaml").write_text(BASE, encoding="utf-8")
    assert sopdoc.load(tmp_path / "sop.yaml").kertas == sopdoc.Kertas.F4
    assert sopdoc.load(tmp_path / "sop.yaml", settings=False).kertas == sopdoc.Kertas.A4
