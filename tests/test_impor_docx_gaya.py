"""The DOCX reader on Word documents as people make them (tests/docx_fixtures.py).

Every fixture was rendered with LibreOffice and looked at: the boxes expected
here are where the shapes are drawn (see the builders' docstrings).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from tests import docx_fixtures as fx
from tests.docx_fixtures import STYLES, Harapan

from sopdoc.impor.bahan import Bahan, Kotak
from sopdoc.impor.docx import baca_docx


@pytest.fixture(scope="module")
def dibaca(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Bahan, Harapan]]:
    folder = tmp_path_factory.mktemp("gaya")
    out = {}
    for name, build in STYLES.items():
        path = folder / f"{name}.docx"
        harapan = build(path)
        out[name] = (baca_docx(path), harapan)
    return out


def _kotak_dekat(k: Kotak, box: tuple[float, ...], tol: float) -> bool:
    return all(abs(a - b) <= tol for a, b in zip((k.x0, k.y0, k.x1, k.y1), box, strict=True))


def _sel_kotak(bahan: Bahan, sel: tuple[int, int, int]) -> Kotak:
    kotak = bahan.tabel[sel[0]].baris[sel[1]][sel[2]].kotak
    assert kotak is not None
    return kotak


@pytest.mark.parametrize("name", list(STYLES))
def test_symbols_kind_box_and_cell(dibaca: dict[str, tuple[Bahan, Harapan]], name: str) -> None:
    bahan, h = dibaca[name]
    assert len(bahan.simbol) == len(h.simbol), [(s.jenis, s.kotak) for s in bahan.simbol]
    for kind, box, page, sel in h.simbol:
        found = [
            s
            for s in bahan.simbol
            if s.jenis.value == kind
            and s.kotak.halaman == page
            and _kotak_dekat(s.kotak, box, h.tol)
        ]
        assert len(found) == 1, (kind, box, page, [(s.jenis, s.kotak) for s in bahan.simbol])
        s = found[0]
        assert s.sel == sel
        if sel is not None:  # the cell it is anchored in holds it
            cell = _sel_kotak(bahan, sel)
            cx, cy = s.kotak.tengah
            assert cell.halaman == page
            assert cell.x0 <= cx <= cell.x1 and cell.y0 <= cy <= cell.y1


@pytest.mark.parametrize("name", [n for n in STYLES if n != "typed_text"])
def test_symbols_fall_in_their_step_row_and_lane(
    dibaca: dict[str, tuple[Bahan, Harapan]], name: str
) -> None:
    """The procedure table as read places each symbol in its step's row and its lane."""
    bahan, _h = dibaca[name]
    proc = next(t for t in bahan.tabel if t.baris and t.baris[0][0].teks == "No")
    assert [c.teks for c in proc.baris[1][2:5]] == fx.LANE
    for i, (_keg, lane, *_rest) in enumerate(fx.STEPS):
        cell = proc.baris[2 + i][2 + lane].kotak
        assert cell is not None
        inside = [
            s
            for s in bahan.simbol
            if cell.x0 <= s.kotak.tengah[0] <= cell.x1 and cell.y0 <= s.kotak.tengah[1] <= cell.y1
        ]
        assert [s.jenis.value for s in inside] == [fx.KINDS[i]]


@pytest.mark.parametrize("name", [n for n in STYLES if n != "typed_text"])
def test_arrows_and_labels(dibaca: dict[str, tuple[Bahan, Harapan]], name: str) -> None:
    bahan, h = dibaca[name]
    assert len(bahan.panah) == len(h.panah), [(a.titik, a.kepala) for a in bahan.panah]
    for tail, head, kepala, page in h.panah:
        found = [
            a
            for a in bahan.panah
            if a.halaman == page
            and math.dist(a.titik[0], tail) <= h.tol * 2
            and math.dist(a.titik[-1], head) <= h.tol * 2
        ]
        assert len(found) == 1, (tail, head, [(a.titik, a.kepala) for a in bahan.panah])
        assert found[0].kepala == kepala
        # connectors are drawn at right angles: every segment horizontal or vertical
        for (x0, y0), (x1, y1) in zip(found[0].titik, found[0].titik[1:], strict=False):
            assert abs(x0 - x1) < 0.01 or abs(y0 - y1) < 0.01
    assert sorted((lab.teks, lab.kotak.halaman) for lab in bahan.label) == sorted(h.label)
    boxes = fx.label_boxes(fx.flow_boxes(792.0, fx.MARGIN + fx.TITLE_H))
    for lab in bahan.label:
        assert _kotak_dekat(lab.kotak, boxes[lab.teks], h.tol)
    panah_sel = getattr(h, "panah_sel", None)
    if panah_sel:
        assert sorted(a.sel for a in bahan.panah) == sorted(panah_sel)
    assert bahan.catatan == []


def test_vml_text_and_no_double_counting(dibaca: dict[str, tuple[Bahan, Harapan]]) -> None:
    bahan, _h = dibaca["vml"]
    by_text = {s.teks: s for s in bahan.simbol if s.teks}
    assert set(by_text) == {"Mulai", "Selesai"}
    assert by_text["Mulai"].bentuk == "vml:roundRect"
    assert by_text["Selesai"].bentuk.startswith("vml:path")  # shapetype 116, read from its path
    # the decision was given twice (DrawingML choice, VML fallback): read once, from the choice
    assert [s.bentuk for s in bahan.simbol if s.jenis.value == "keputusan"] == [
        "prstGeom:flowChartDecision"
    ]


def test_canvas_choice_and_fallback_agree(dibaca: dict[str, tuple[Bahan, Harapan]]) -> None:
    choice, _ = dibaca["canvas"]
    fallback, _ = dibaca["canvas_vml_fallback"]

    def key(b: Bahan) -> list[tuple[str, float, float, float, float]]:
        return sorted(
            (s.jenis.value, s.kotak.x0, s.kotak.y0, s.kotak.x1, s.kotak.y1) for s in b.simbol
        )

    assert key(choice) == key(fallback)
    assert all(s.bentuk.startswith("vml") for s in fallback.simbol)


def test_typed_text_sections(dibaca: dict[str, tuple[Bahan, Harapan]]) -> None:
    bahan, _h = dibaca["typed_text"]
    sections = bahan.tabel[1]
    dasar = sections.baris[1][0]
    # typed numbers stay in the text; line breaks inside one paragraph are newlines
    assert dasar.paragraf == [
        "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n"
        "2. Peraturan Menteri PAN RB Nomor 35 Tahun 2012;\n"
        "3. Peraturan Bupati Nomor 12 Tahun 2020."
    ]
    assert dasar.penomoran == [None]
    # Word numbering: the markers Word generates, given apart from the text
    kual = sections.baris[1][1]
    assert kual.paragraf == ["Memahami tugas pokok dan fungsi", "Menguasai komputer"]
    assert kual.penomoran == ["1.", "2."]
    alat = sections.baris[1][2]
    assert alat.paragraf == ["Komputer", "Printer"]
    assert alat.penomoran == ["•", "•"]
    # the same list continues in the body, as Word prints it
    numbered = [(p.teks, p.penomoran) for p in bahan.paragraf if p.penomoran]
    assert numbered == [("Pelayanan terhambat", "3."), ("Keluhan masyarakat", "4.")]
    # the identity table: merged letterhead cell, label variants as typed
    ident = bahan.tabel[0]
    assert ident.baris[0][0].teks == "PEMERINTAH KABUPATEN CONTOH\nKECAMATAN CONTOH"
    assert [r[0].lanjutan for r in ident.baris] == [False, True, True, True]
    assert [r[1].teks for r in ident.baris] == [
        "No. SOP",
        "Tgl. Pembuatan",
        "Disahkan Oleh",
        "Nama SOP",
    ]


def test_typed_text_pages_and_repeated_headers(dibaca: dict[str, tuple[Bahan, Harapan]]) -> None:
    bahan, h = dibaca["typed_text"]
    per_page = h.per_page  # type: ignore[attr-defined]
    assert per_page == 12
    # portrait A4 identity page, then two landscape Legal pages
    assert bahan.ukuran_halaman == [(595.3, 841.9), (1008.0, 612.0), (1008.0, 612.0)]
    first, second = bahan.tabel[2], bahan.tabel[3]
    assert first.kotak is not None and second.kotak is not None
    assert (first.kotak.halaman, second.kotak.halaman) == (1, 2)
    assert len(first.baris) == 2 + per_page
    assert len(second.baris) == 2 + 14 - per_page
    # the header rows Word repeats on the new page, read as printed there
    for a, b in zip(first.baris[:2], second.baris[:2], strict=True):
        assert [c.teks for c in a] == [c.teks for c in b]
    assert second.baris[0][0].kotak is not None
    assert second.baris[0][0].kotak.y0 == pytest.approx(fx.MARGIN)
    assert [r[0].teks for r in second.baris[2:]] == ["13", "14"]
    # the table is centred on the Legal page
    assert first.kotak.x0 == pytest.approx(fx.table_left(1008.0))
    # a step with sub-items typed on separate lines
    assert first.baris[6][1].teks == "Langkah 5\n1. Menerima berkas\n2. Mencatat di register"
    # a table nested in a cell
    nested = first.baris[3][8].tabel
    assert len(nested) == 1
    assert [[c.teks for c in r] for r in nested[0].baris] == [["Ya", "ke 3"], ["Tidak", "ke 1"]]
    # reading order: tables and paragraphs numbered once each
    order = sorted([*bahan.tabel, *bahan.paragraf], key=lambda x: x.urutan or 0)
    assert [x.urutan for x in order] == list(range(len(order)))


def test_fixtures_are_not_made_by_sopdoc(tmp_path: Path) -> None:
    """The fixtures come from python-docx and raw XML: no sopdoc shape names in them."""
    import zipfile

    path = tmp_path / "x.docx"
    STYLES["anchored_page"](path)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("word/document.xml").decode()
    assert "langkah-" not in xml and "Penghubung" not in xml
