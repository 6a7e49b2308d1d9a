"""sopdoc: Standard Operating Procedures (SOP AP, Permenpan RB 35/2012) from YAML specs.

The public API::

    import sopdoc
    sop = sopdoc.load("specs/kecamatan-kebasen/010-pengukuran-data-kinerja.yaml")
    katalog = sopdoc.load_catalog("specs/")
    sopdoc.json_schema()          # the JSON Schema of a spec
    sopdoc.lint("specs/").findings  # the checker's findings
    sopdoc.diff(old, new)         # the typed changes between two revisions
    sopdoc.build_docx(sop, "out/010.docx")   # the official DOCX with its flowchart
    sopdoc.build_pdf(katalog.sops, "out/")    # DOCX + PDF of each SOP (LibreOffice)
    sopdoc.build_book(katalog.sops, "out/buku-sop.pdf")  # the bound SOP book
    sopdoc.render_svg(sop)        # the flowchart as SVG text (paged=True: the paper pages)
    sopdoc.render_html(sop)       # the SOP as one standalone HTML page
    sopdoc.render_docx(sop)       # the DOCX as bytes (a web view's response body)
    sopdoc.render_pdf(sop)        # the PDF as bytes (LibreOffice; no file left behind)
    sopdoc.import_file("arsip/sop-010.docx").sops  # existing SOPs (DOCX, PDF, e-SOP pages)

Every loader raises :class:`sopdoc.SpecLoadError` whose ``errors`` name the
file, line and column of each problem; so does a model built or changed in
code with a bad value (``Sop(...)``, ``sop.nama = ""``).

Names are imported when first used (PEP 562): ``import sopdoc`` loads neither
python-docx, pypdf, fontTools nor the checker's data until a function that
needs them is called, so the command line and a web application start fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import Location, SopdocError, SpecError, SpecLoadError

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from .docx import build_docx, render_docx
    from .impor import Impor, ImporError, import_file
    from .model import (
        Kegiatan,
        Kertas,
        Penandatangan,
        PengaturanKatalog,
        Revisi,
        SatuanWaktu,
        Sop,
        Tanggal,
        Waktu,
    )
    from .pdf import build_book, build_pdf
    from .pdf.render import render_pdf
    from .pemeriksaan import Finding, LintResult, Severity, lint
    from .perbandingan import Perbandingan, diff
    from .schema import json_schema, settings_json_schema
    from .spec import SETTINGS_FILE, Dimuat, Katalog, load, load_catalog, load_paths
    from .web import render_html, render_svg
    from .yamlout import dump, dumps

    __version__: str

_LAZY = {
    "build_docx": "docx",
    "render_docx": "docx",
    **dict.fromkeys(["Impor", "ImporError", "import_file"], "impor"),
    **dict.fromkeys(
        [
            "Kegiatan",
            "Kertas",
            "Penandatangan",
            "PengaturanKatalog",
            "Revisi",
            "SatuanWaktu",
            "Sop",
            "Tanggal",
            "Waktu",
        ],
        "model",
    ),
    "build_book": "pdf",
    "build_pdf": "pdf",
    "render_pdf": "pdf.render",
    **dict.fromkeys(["Finding", "LintResult", "Severity", "lint"], "pemeriksaan"),
    "Perbandingan": "perbandingan",
    "diff": "perbandingan",
    "json_schema": "schema",
    "settings_json_schema": "schema",
    **dict.fromkeys(
        ["SETTINGS_FILE", "Dimuat", "Katalog", "load", "load_catalog", "load_paths"], "spec"
    ),
    "render_html": "web",
    "render_svg": "web",
    "dump": "yamlout",
    "dumps": "yamlout",
}
"""Public name -> the module (under ``sopdoc``) that defines it, imported on first use."""


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value: Any = version("sopdoc")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0+unknown"
    elif name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    else:
        raise AttributeError(f"module 'sopdoc' has no attribute {name!r}")
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "SETTINGS_FILE",
    "Dimuat",
    "Finding",
    "Impor",
    "ImporError",
    "Katalog",
    "Kegiatan",
    "Kertas",
    "LintResult",
    "Location",
    "Penandatangan",
    "PengaturanKatalog",
    "Perbandingan",
    "Revisi",
    "SatuanWaktu",
    "Severity",
    "Sop",
    "SopdocError",
    "SpecError",
    "SpecLoadError",
    "Tanggal",
    "Waktu",
    "__version__",
    "build_book",
    "build_docx",
    "build_pdf",
    "diff",
    "dump",
    "dumps",
    "import_file",
    "json_schema",
    "lint",
    "load",
    "load_catalog",
    "load_paths",
    "render_docx",
    "render_html",
    "render_pdf",
    "render_svg",
    "settings_json_schema",
]
