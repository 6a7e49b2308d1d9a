"""`import sopdoc` exposes the models and loaders, each with a docstring."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import sopdoc

ROOT = Path(__file__).resolve().parents[1]

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


def test_load_paths_keeps_what_loads_and_reports_the_rest(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # stop the settings lookup here
    kebasen = ROOT / "specs" / "kecamatan-kebasen"
    good = kebasen / "010-pengukuran-data-kinerja.yaml"
    katalog = tmp_path / "katalog"
    katalog.mkdir()
    (katalog / "sopdoc.yaml").write_bytes((kebasen / "sopdoc.yaml").read_bytes())
    (katalog / "baik.yaml").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    (katalog / "rusak.yaml").write_text("nomor: [\n", encoding="utf-8")
    loaded = sopdoc.load_paths([katalog, katalog / "baik.yaml"])
    assert [s.sumber.name for s in loaded.sops if s.sumber] == ["baik.yaml"]  # loaded once
    assert [e.location.file.endswith("rusak.yaml") for e in loaded.errors] == [True]
    assert not loaded.katalog_lengkap
    with pytest.raises(sopdoc.SpecLoadError):
        loaded.raise_errors()


def test_import_sopdoc_loads_no_heavy_library() -> None:
    """python-docx, pypdf, fontTools, pydantic and the checker load when first needed."""
    code = (
        "import sys, sopdoc\n"
        "heavy = ('docx', 'pypdf', 'fontTools', 'pydantic', 'yaml', 'sopdoc.pemeriksaan')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
        "sopdoc.Sop\n"
        "print('pydantic' in sys.modules, 'docx' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["", "True False"]


def test_help_imports_no_command_module() -> None:
    code = (
        "import sys\n"
        "from sopdoc.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('sopdoc.cli.')))\n"
        "print('pydantic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-2:] == ["['sopdoc.cli.argparse_i18n']", "False"]
