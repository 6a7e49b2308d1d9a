"""The pure layout: font metrics, wrapping, columns, pagination and a clean flowchart."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import sopdoc
from sopdoc import Sop, SpecLoadError
from sopdoc.layout import (
    ArrowKind,
    SymbolKind,
    geometry_problems,
    layout_prosedur,
    text_width,
    wrap,
)
from sopgen import base, long_sop

SPECS = Path(__file__).resolve().parents[1] / "specs" / "kecamatan-kebasen"


def test_widths_are_arial_metrics() -> None:
    # Arial/Liberation Sans advance widths (units per em 2048): 'Y' 1366, 'a' 1139
    assert text_width("Ya", 10) == pytest.approx((1366 + 1139) / 2048 * 10)
    assert text_width("Tidak", 10, bold=True) > text_width("Tidak", 10)
    assert text_width("中", 10) == pytest.approx(10)  # missing glyph: one em, on the wide side


def test_wrap_is_greedy_at_spaces_and_cuts_long_words() -> None:
    text = "Menelaah Surat Bupati dan mendisposisikan penyiapan SKPD ke Sekcam"
    lines = wrap(text, 100, 9)
    assert " ".join(lines) == text
    assert all(text_width(line, 9) <= 100 for line in lines)
    for line, after in itertools.pairwise(lines):  # greedy: the next word did not fit
        assert text_width(line + " " + after.split()[0], 9) > 100
    assert wrap("x" * 200, 50, 9)[0] == "x" * len(wrap("x" * 200, 50, 9)[0])
    assert all(text_width(part, 9) <= 50 for part in wrap("x" * 200, 50, 9))
    assert wrap("satu\ndua", 500, 9) == ["satu", "dua"]
    assert wrap("", 100, 9) == []


@pytest.mark.parametrize(
    "sop",
    [
        sopdoc.load(SPECS / "010-pengukuran-data-kinerja.yaml"),
        sopdoc.load(SPECS / "011-pengumpulan-data-kinerja.yaml"),
        long_sop(),
        long_sop("F4"),
    ],
    ids=["010", "011", "long-A4", "long-F4"],
)
def test_flowchart_is_clean(sop: Sop) -> None:
    layout = layout_prosedur(sop)
    assert geometry_problems(layout) == []
    assert layout.table_width == pytest.approx(
        layout.page_width - layout.style.margin_left - layout.style.margin_right
    )
    for page in layout.pages:
        assert page.rows[-1].bottom <= layout.page_height - layout.style.margin_bottom
        for row in page.rows:
            assert row.height >= 2  # exact heights hold the measured text
            lines = max(len(v) for v in row.cells.values())
            assert row.height >= lines * layout.style.body_line
    steps = [r.step for p in layout.pages for r in p.rows]
    assert steps == list(range(len(sop.kegiatan)))
    kinds = {
        s.step: s.kind
        for p in layout.pages
        for s in p.symbols
        if s.kind is not SymbolKind.CONNECTOR
    }
    assert kinds[0] in (SymbolKind.TERMINATOR, SymbolKind.DECISION)
    tidak = [a for p in layout.pages for a in p.arrows if a.kind is ArrowKind.TIDAK]
    assert {(a.source, a.target) for a in tidak} == {
        (i, sop.langkah(k.jika_tidak))  # type: ignore[arg-type]
        for i, k in enumerate(sop.kegiatan)
        if k.jika_tidak is not None
    }
    labels = [lab.text for p in layout.pages for lab in p.labels]
    decisions = [i for i, k in enumerate(sop.kegiatan) if k.jika_tidak is not None]
    assert labels.count("Tidak") == len(decisions)
    assert labels.count("Ya") == len([d for d in decisions if d < len(sop.kegiatan) - 1])


def test_f4_is_wider_and_longer() -> None:
    a4, f4 = layout_prosedur(long_sop("A4")), layout_prosedur(long_sop("F4"))
    assert (a4.page_width, a4.page_height) == pytest.approx((841.9, 595.3), abs=0.05)
    assert (f4.page_width, f4.page_height) == pytest.approx((935.45, 609.45), abs=0.05)
    assert len(f4.pages) <= len(a4.pages)


def test_unknown_lane_is_a_spec_error() -> None:
    data = base()
    data["kegiatan"][1]["pelaksana"] = "lurah"
    with pytest.raises(SpecLoadError) as exc:
        layout_prosedur(Sop.model_validate(data))
    assert exc.value.errors[0].path == "kegiatan[2].pelaksana"
    assert "lurah" in exc.value.errors[0].message


def test_one_step_and_self_reference() -> None:
    one = base()
    one["kegiatan"] = one["kegiatan"][:1]
    layout = layout_prosedur(Sop.model_validate(one))
    assert [s.kind for s in layout.pages[0].symbols] == [SymbolKind.TERMINATOR]
    assert layout.pages[0].arrows == []
    loop = base()
    loop["kegiatan"][1]["jika_tidak"] = 2
    with pytest.raises(SpecLoadError):
        layout_prosedur(Sop.model_validate(loop))


def test_generated_catalog_draws_clean(tmp_path: Path) -> None:
    """120 generated SOPs (3-6 lanes, 5-25 steps, decisions, long texts): no overlap,
    no arrow over a symbol or a label, every decision with its arrows and labels."""
    from bench.catalog import generate_catalog

    generate_catalog(tmp_path, 120, seed=0)
    dirty = {}
    for sop in sopdoc.load_catalog(tmp_path).sops:
        problems = geometry_problems(layout_prosedur(sop))
        if problems:
            dirty[sop.nomor] = problems
    assert dirty == {}


def test_a_row_taller_than_a_page_is_refused() -> None:
    data = base()
    data["kegiatan"][1]["keterangan"] = "kata " * 2000
    with pytest.raises(SpecLoadError) as exc:
        layout_prosedur(Sop.model_validate(data))
    assert exc.value.errors[0].path == "kegiatan[2].keterangan"
    assert "terlalu panjang untuk satu halaman" in exc.value.errors[0].message


@pytest.mark.parametrize("lanes", [1, 2, 8, 12])
def test_few_and_many_lanes(lanes: int) -> None:
    """One lane (connectors beside the symbols in the lane) up to twelve narrow ones."""
    steps = []
    for i in range(12):
        steps.append(
            {
                # long enough for two pages, now that pages are filled to the last row
                "aktivitas": f"Langkah {i + 1} " + "teks yang panjang " * (i % 4 + 2),
                "pelaksana": f"l{(i * 5) % lanes}",
                "waktu": "1 jam",
            }
        )
    steps[6]["jika_tidak"] = 3
    steps[10]["jika_tidak"] = 2
    steps[4]["pelaksana"] = ["l0", f"l{lanes - 1}"]
    data = base(pelaksana={f"l{i}": f"Pelaksana Nomor {i}" for i in range(lanes)}, kegiatan=steps)
    layout = layout_prosedur(Sop.model_validate(data))
    assert len(layout.pages) >= 2
    assert geometry_problems(layout) == []
