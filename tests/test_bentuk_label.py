"""The spec extension for what real documents draw: bentuk per lane, branch labels, any target."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from sopdoc import Sop, build_docx
from sopdoc.layout import ArrowKind, SymbolKind, geometry_problems, layout_prosedur
from sopgen import base


def _sop(**steps: Any) -> Sop:
    kegiatan = [
        {
            "aktivitas": "Mengajukan permohonan",
            "pelaksana": ["pemohon", "petugas"],
            "bentuk": ["terminator", "proses"],
        },
        {"aktivitas": "Memeriksa berkas", "pelaksana": "petugas"},
        {
            "aktivitas": "Memverifikasi",
            "pelaksana": "sekcam",
            "jika_tidak": 1,
            "label_ya": "Y",
            "label_tidak": "Belum valid",
        },
        {"aktivitas": "Menilai", "pelaksana": "camat", "jika_tidak": 6, "label_ya": ""},
        {"aktivitas": "Memaraf", "pelaksana": "sekcam", "bentuk": "proses"},
        {"aktivitas": "Menandatangani", "pelaksana": "camat"},
    ]
    data = base(
        pelaksana={
            "pemohon": "Pemohon",
            "petugas": "Petugas",
            "sekcam": "Sekcam",
            "camat": "Camat",
        },
        kegiatan=kegiatan,
        **steps,
    )
    return Sop.model_validate(data)


def test_layout_draws_each_lane_its_kind_and_the_printed_labels() -> None:
    layout = layout_prosedur(_sop())
    assert geometry_problems(layout) == []
    syms = [s for p in layout.pages for s in p.symbols if s.kind is not SymbolKind.CONNECTOR]
    first = sorted((s.lane, s.kind) for s in syms if s.step == 0)
    assert first == [(0, SymbolKind.TERMINATOR), (1, SymbolKind.PROCESS)]
    assert [s.kind for s in syms if s.step == 4] == [SymbolKind.PROCESS]
    arrows = [a for p in layout.pages for a in p.arrows]
    labels = {(a.kind, a.source): a.label.text if a.label else None for a in arrows}
    assert labels[(ArrowKind.TIDAK, 2)] == "Belum valid"
    assert labels[(ArrowKind.NEXT, 2)] == "Y"
    assert labels[(ArrowKind.NEXT, 3)] is None  # printed without a label
    assert labels[(ArrowKind.TIDAK, 3)] == "Tidak"
    # a 'Tidak' into the start terminator and one jumping forward
    targets = {a.source: a.target for a in arrows if a.kind is ArrowKind.TIDAK}
    assert targets == {2: 0, 3: 5}


def test_docx_shows_the_labels(tmp_path: Path) -> None:
    path = build_docx(_sop(), tmp_path / "x.docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "Belum valid" in xml
    assert ">Y<" in xml


def test_bentuk_list_needs_one_kind_per_lane() -> None:
    data = base()
    data["kegiatan"][0]["bentuk"] = ["terminator", "proses"]
    with pytest.raises(ValidationError, match="one per lane"):
        Sop.model_validate(data)


def test_old_specs_draw_as_before() -> None:
    sop = Sop.model_validate(base())
    layout = layout_prosedur(sop)
    kinds = [s.kind for s in layout.pages[0].symbols if s.kind is not SymbolKind.CONNECTOR]
    assert kinds == [SymbolKind.TERMINATOR, SymbolKind.PROCESS, SymbolKind.TERMINATOR]
