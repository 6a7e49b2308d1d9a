"""The PDF reader on PDFs LibreOffice printed from hand-written Flat ODT (tests/pdf_lo.py).

The PDFs are committed (tests/data/impor_pdf); their expectations come from the
same geometry that placed the shapes.
"""

from __future__ import annotations

import pytest

import pdf_lo
from sopdoc.impor.bahan import Bahan, JenisSimbol
from sopdoc.impor.pdf import baca_pdf


@pytest.fixture(scope="module")
def dibaca() -> dict[str, Bahan]:
    return {name: baca_pdf(pdf_lo.DATA / f"{name}.pdf") for name in pdf_lo.DOKUMEN}


def _dekat(a: tuple[float, float], b: tuple[float, float], tol: float = 1.5) -> bool:
    return abs(a[0] - b[0]) <= tol and abs(a[1] - b[1]) <= tol


@pytest.mark.parametrize("name", list(pdf_lo.DOKUMEN))
def test_symbols_kinds_and_boxes(dibaca, name):
    bahan = dibaca[name]
    want = pdf_lo.harapan(name)
    got = sorted(
        (s.jenis.value, s.kotak.halaman, (s.kotak.x0, s.kotak.y0, s.kotak.x1, s.kotak.y1))
        for s in bahan.simbol
    )
    assert [(k, p) for k, p, _ in got] == sorted((k, p) for k, p, _ in want.simbol)
    for (_, _, g), (_, _, w) in zip(got, sorted(want.simbol), strict=True):
        assert g == pytest.approx(w, abs=1.0)


@pytest.mark.parametrize("name", list(pdf_lo.DOKUMEN))
def test_arrows_tail_to_head(dibaca, name):
    bahan = dibaca[name]
    want = pdf_lo.harapan(name)
    assert len(bahan.panah) == len(want.panah)
    for page, tail, head in want.panah:
        assert any(
            a.halaman == page
            and _dekat(a.titik[0], tail)
            and _dekat(a.titik[-1], head)
            and a.kepala == "akhir"
            for a in bahan.panah
        ), (page, tail, head)


@pytest.mark.parametrize("name", list(pdf_lo.DOKUMEN))
def test_labels_whole_even_across_a_lane_border(dibaca, name):
    # "Ya" straddles the Kasubag/Camat border and "Belum valid" the Kasubag/Camat one
    assert sorted(lb.teks for lb in dibaca[name].label) == sorted(pdf_lo.harapan(name).label)


def test_one_page_identity_and_procedure(dibaca):
    bahan = dibaca["lo-a4-satu"]
    assert bahan.ukuran_halaman == [pytest.approx((841.89, 595.3), abs=0.5)]
    ident, proc = bahan.tabel
    assert ident.baris[0][1].teks == "No. SOP"
    assert ident.baris[4][2].paragraf == [
        "SEKRETARIS DAERAH",
        "Ir. SITI AMINAH, M.T.",
        "Pembina Utama Muda",
        "NIP 19680512 199303 2 004",
    ]
    head = [c.teks for c in proc.baris[0]]
    assert head == ["No", "Uraian Kegiatan", "Pelaksana", "Mutu Baku", "Ket"]
    assert [c.teks for c in proc.baris[1] if not c.lanjutan] == [
        "Pemohon",
        "Staf",
        "Sekcam",
        "Camat",
        "Persyaratan",
        "Waktu",
        "Output",
    ]
    assert [row[1].teks.replace("\n", " ") for row in proc.baris[2:]] == [
        "Menyerahkan berkas permohonan dan menerima tanda terima",
        "Memverifikasi kelengkapan berkas",
        "Memaraf dan meneruskan konsep rekomendasi",
        "Menandatangani rekomendasi",
    ]
    # two symbols in the first row; the text typed in the process box is the symbol's
    first_row = [s for s in bahan.simbol if s.kotak.y0 < proc.baris[2][0].kotak.y1]  # type: ignore[union-attr]
    assert sorted(s.jenis for s in first_row) == [JenisSimbol.PROSES, JenisSimbol.TERMINATOR]
    assert [s.teks for s in first_row if s.jenis is JenisSimbol.PROSES] == ["Terima"]
    # the box spanning the Sekcam and Camat lanes keeps its full width
    wide = max(bahan.simbol, key=lambda s: s.kotak.lebar)
    lanes = proc.baris[1]
    assert wide.kotak.x0 < lanes[4].kotak.x1 < wide.kotak.x1  # type: ignore[union-attr]


def test_procedure_over_two_pages_with_repeated_header(dibaca):
    bahan = dibaca["lo-legal-tiga"]
    assert len(bahan.ukuran_halaman) == 3
    pages = [t.kotak.halaman for t in bahan.tabel if t.kotak]
    assert pages == [0, 0, 1, 2]
    sections = bahan.tabel[1]
    assert sections.baris[1][0].paragraf == [
        "1. Peraturan Daerah Nomor 5 Tahun 2020",
        "2. Peraturan Bupati Nomor 12 Tahun 2021",
    ]
    for t in bahan.tabel[2:]:
        assert [c.teks for c in t.baris[0]] == [
            "No",
            "Uraian Kegiatan",
            "Pelaksana",
            "Mutu Baku",
            "Ket",
        ]
    steps = [row[0].teks for t in bahan.tabel[2:] for row in t.baris[2:]]
    assert steps == ["1", "2", "3", "4", "5"]
    # the off-page connectors outside the table, with their letter
    connectors = [
        (s.kotak.halaman, s.teks) for s in bahan.simbol if s.jenis is JenisSimbol.PENGHUBUNG
    ]
    assert sorted(connectors) == [(1, "A"), (2, "A")]
