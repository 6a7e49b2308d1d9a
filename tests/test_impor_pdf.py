"""The PDF reader of ``sopdoc import`` on PDFs drawn by hand (tests/pdf_tangan.py).

Each fixture imitates another producer (Word's "Save as PDF"): borders as thin
filled rectangles, shapes as paths, arrows as separate segments and triangles,
an e-signature stamp, a QR code and page numbers in the footer.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pypdf import PdfWriter

import pdf_tangan as pt
from sopdoc.impor.bahan import Bahan, BahanTidakTerbaca, JenisSimbol, Tabel
from sopdoc.impor.pdf import baca_pdf

LAYOUTS = {
    "dua": pt.F4,  # identity and sections on page 1, procedure on page 2
    "satu": pt.LETTER,  # identity and procedure on one page, stored with /Rotate 90
    "tiga": pt.LEGAL,  # procedure over two pages, header repeated
}


@pytest.fixture(scope="module")
def dokumen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Bahan, pt.Harapan]]:
    folder = tmp_path_factory.mktemp("pdf_tangan")
    out = {}
    for tata, ukuran in LAYOUTS.items():
        path = folder / f"{tata}.pdf"
        harapan = pt.dokumen_sop(path, ukuran, tata)
        out[tata] = (baca_pdf(path), harapan)
    return out


def _teks(tabel: Tabel) -> list[list[str]]:
    return [[("^" if c.lanjutan else "") + c.teks for c in row] for row in tabel.baris]


def _dekat(a: tuple[float, float], b: tuple[float, float], tol: float = 1.0) -> bool:
    return abs(a[0] - b[0]) <= tol and abs(a[1] - b[1]) <= tol


@pytest.mark.parametrize("tata", list(LAYOUTS))
def test_page_sizes_landscape(dokumen, tata):
    bahan, harapan = dokumen[tata]
    w, h = pt.landscape(LAYOUTS[tata])
    assert bahan.format == "pdf"
    assert len(bahan.ukuran_halaman) == harapan.halaman
    for size in bahan.ukuran_halaman:  # a /Rotate 90 page reads as displayed: landscape
        assert size == pytest.approx((w, h), abs=0.1)


@pytest.mark.parametrize("tata", list(LAYOUTS))
def test_identity_table_with_merged_letterhead(dokumen, tata):
    bahan, _ = dokumen[tata]
    ident = bahan.tabel[0]
    rows = _teks(ident)
    assert rows[0] == [
        "PEMERINTAH KABUPATEN BANYUMAS\nKECAMATAN SUMBANG",
        "Nomor SOP",
        "800 / 017 / 2025",
    ]
    assert [r[0] for r in rows[1:]] == ["^"] * 5  # the letterhead merges down all rows
    assert [r[1:] for r in rows[1:4]] == [
        ["Tanggal Pembuatan", "2 Juni 2025"],
        ["Tanggal Revisi", "-"],
        ["Tanggal Pengesahan", "02-06-2025"],
    ]
    signer = ident.baris[4][2]
    # a blank line separates the jabatan from the name; the rest are typed line breaks
    assert signer.paragraf == [
        "CAMAT SUMBANG",
        "Drs. BUDI SANTOSO, M.Si",
        "Pembina Tingkat I",
        "NIP. 19700101 199003 1 002",
    ]
    assert ident.baris[5][2].teks == "PELAYANAN SURAT KETERANGAN DOMISILI"
    assert ident.kotak is not None and ident.kotak.halaman == 0
    assert ident.urutan == 0


@pytest.mark.parametrize("tata", list(LAYOUTS))
def test_section_items_are_paragraphs(dokumen, tata):
    bahan, _ = dokumen[tata]
    sections = bahan.tabel[1]
    assert sections.baris[0][0].teks == "Dasar Hukum:"
    assert sections.baris[1][0].paragraf == [
        "1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "2. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
    ]
    assert sections.baris[3][1].paragraf == ["1. Komputer dan printer", "2. ATK"]
    assert sections.baris[4][1].teks == "Pencatatan dan Pendataan:"


def _prosedur(bahan: Bahan) -> list[Tabel]:
    return [t for t in bahan.tabel if t.baris and t.baris[0][0].teks == "No"]


@pytest.mark.parametrize("tata", list(LAYOUTS))
def test_procedure_table_two_level_header(dokumen, tata):
    bahan, _ = dokumen[tata]
    tables = _prosedur(bahan)
    assert len(tables) == (2 if tata == "tiga" else 1)
    for t in tables:
        head = t.baris[0]
        assert [c.teks for c in head] == ["No", "Kegiatan", "Pelaksana", "Mutu Baku", "Keterangan"]
        assert [c.span for c in head] == [1, 1, 3, 3, 1]
        sub = _teks(t)[1]
        assert sub == [
            "^",
            "^",
            "Pemohon",
            "Petugas\nPelayanan",
            "Camat",
            "Kelengkapan",
            "Waktu",
            "Output",
            "^",
        ]
    steps = [row for t in tables for row in _teks(t)[2:]]
    assert [r[0] for r in steps] == ["1", "2", "3", "4"]
    assert [r[5:8] for r in steps] == [
        ["Formulir, KTP", "5 menit", "Berkas"],
        ["Berkas", "10 menit", "Berkas diperiksa"],
        ["Berkas diperiksa", "5 menit", "Berkas lengkap"],
        ["Konsep surat", "1 hari", "Surat keterangan"],
    ]
    # lane cells keep no text: the labels and the decision's text went elsewhere
    assert all(r[2:5] == ["", "", ""] for r in steps)
    # the wrapped activity keeps its printed line ends (wrap depends on the column width)
    assert steps[0][1].replace("\n", " ") == "Mengajukan permohonan surat keterangan domisili"


@pytest.mark.parametrize("tata", list(LAYOUTS))
def test_symbols_by_geometry(dokumen, tata):
    bahan, harapan = dokumen[tata]
    got = sorted(
        (s.jenis.value, s.kotak.halaman, (s.kotak.x0, s.kotak.y0, s.kotak.x1, s.kotak.y1))
        for s in bahan.simbol
    )
    want = sorted(harapan.simbol)
    assert [(k, p) for k, p, _ in got] == [(k, p) for k, p, _ in want]
    for (_, _, g), (_, _, w) in zip(got, want, strict=False):
        assert g == pytest.approx(w, abs=1.0)
    decision = next(s for s in bahan.simbol if s.jenis is JenisSimbol.KEPUTUSAN)
    assert decision.teks == "Lengkap?"
    assert decision.bentuk == "pdf:path-4-points"


@pytest.mark.parametrize("tata", list(LAYOUTS))
def test_arrows_tail_to_head(dokumen, tata):
    bahan, harapan = dokumen[tata]
    got = [(a.halaman, a.titik[0], a.titik[-1], a.kepala) for a in bahan.panah]
    assert len(got) == len(harapan.panah)
    for page, tail, head in harapan.panah:
        assert any(
            p == page and _dekat(t, tail, 1.5) and _dekat(h, head, 1.5) and k == "akhir"
            for p, t, h, k in got
        ), (tail, head, got)
    # the "Tidak" arrow keeps its corners: down, left, up into the start terminator
    back = next(a for a in bahan.panah if len(a.titik) == 4)
    assert back.titik[-1][1] < back.titik[0][1]


@pytest.mark.parametrize("tata", list(LAYOUTS))
def test_labels_near_the_flowchart(dokumen, tata):
    bahan, harapan = dokumen[tata]
    assert sorted(lb.teks for lb in bahan.label) == sorted(harapan.label)


@pytest.mark.parametrize("tata", list(LAYOUTS))
def test_footer_stamp_and_qr_are_notes_not_text(dokumen, tata):
    bahan, harapan = dokumen[tata]
    body = " ".join(p.teks for p in bahan.paragraf)
    assert "ditandatangani" not in body and "Halaman" not in body
    footers = [p.teks for p in bahan.kepala_kaki]
    assert footers.count(f"Halaman 1 dari {harapan.halaman}") == 1
    assert sum("BSrE" in f for f in footers) == harapan.halaman
    notes = [c.pesan for c in bahan.catatan]
    assert sum("QR" in n for n in notes) == harapan.halaman
    assert len(bahan.gambar) == harapan.halaman


def test_free_paragraphs_title_and_signature(dokumen):
    bahan, _ = dokumen["dua"]
    texts = [(p.kotak.halaman, p.teks) for p in bahan.paragraf if p.kotak]
    assert texts == [
        (1, "SOP PELAYANAN SURAT KETERANGAN DOMISILI"),
        (1, "CAMAT SUMBANG"),
        (1, "Drs. BUDI SANTOSO, M.Si"),
    ]
    order = sorted([*bahan.tabel, *bahan.paragraf], key=lambda it: it.urutan or 0)
    assert [getattr(it, "teks", "tabel") for it in order][:4] == [
        "tabel",
        "tabel",
        "SOP PELAYANAN SURAT KETERANGAN DOMISILI",
        "tabel",
    ]


# --- details of one page -------------------------------------------------------


def test_label_in_a_diamonds_corner_is_no_text_of_the_diamond(tmp_path):
    kv = pt.Kanvas(*pt.landscape(pt.A4))
    kv.keputusan(100, 100, 180, 160)
    kv.teks(128, 125, "Cek?", 8)
    kv.teks(104, 102, "Ya", 7)  # inside the box, outside the diamond
    kv.ruas((180, 130), (240, 130))
    kv.kepala((240, 130), "right")
    bahan = baca_pdf(pt.tulis_pdf(tmp_path / "belah.pdf", [kv]))
    (decision,) = bahan.simbol
    assert decision.jenis is JenisSimbol.KEPUTUSAN and decision.teks == "Cek?"
    assert [lb.teks for lb in bahan.label] == ["Ya"]


def test_open_v_arrowhead_and_circle_connector(tmp_path):
    kv = pt.Kanvas(*pt.landscape(pt.A4))
    kv.lingkaran(100, 100, 10)
    kv.teks(97, 96, "1", 8)
    kv.ruas((100, 110), (100, 170))
    kv.ruas((96, 164), (100, 170), (104, 164))  # an open V drawn as its own stroke
    bahan = baca_pdf(pt.tulis_pdf(tmp_path / "v.pdf", [kv]))
    (circle,) = bahan.simbol
    assert (circle.jenis, circle.bentuk, circle.teks) == (JenisSimbol.PENGHUBUNG, "pdf:circle", "1")
    (arrow,) = bahan.panah
    assert arrow.kepala == "akhir"
    assert arrow.titik[0] == pytest.approx((100, 110)) and arrow.titik[-1] == pytest.approx(
        (100, 170)
    )


def test_lane_header_written_upwards_is_read(tmp_path):
    kv = pt.Kanvas(*pt.landscape(pt.A4))
    pt.tabel(kv, 40, 40, [60, 30, 30], [80, 30], {(0, 0): "Pelaksana", (1, 0): "1"})
    # two lines reading upwards in the narrow second column, one downwards in the third
    y = kv.tinggi - 115
    kv.teks_mentah(f"BT /F1 7 Tf 0 1 -1 0 111 {y:.2f} Tm (KASI) Tj ET")
    kv.teks_mentah(f"BT /F1 7 Tf 0 1 -1 0 119 {y:.2f} Tm (PEMERINTAHAN) Tj ET")
    kv.teks_mentah(f"BT /F1 7 Tf 0 -1 1 0 136 {kv.tinggi - 50:.2f} Tm (CAMAT) Tj ET")
    bahan = baca_pdf(pt.tulis_pdf(tmp_path / "tegak.pdf", [kv]))
    head = bahan.tabel[0].baris[0]
    assert [c.paragraf for c in head] == [["Pelaksana"], ["KASI\nPEMERINTAHAN"], ["CAMAT"]]
    assert bahan.catatan == []


def test_running_footer_is_no_body_text(tmp_path):
    pages = []
    for i in (1, 2):
        kv = pt.Kanvas(*pt.landscape(pt.A4))
        kv.teks(40, 40, f"Isi halaman {'satu' if i == 1 else 'dua'}")
        kv.teks(40, kv.tinggi - 30, f"Lampiran Peraturan Bupati Nomor 5 Tahun 2024, lembar {i}", 7)
        pages.append(kv)
    bahan = baca_pdf(pt.tulis_pdf(tmp_path / "kaki.pdf", pages))
    assert [p.teks for p in bahan.paragraf] == ["Isi halaman satu", "Isi halaman dua"]
    assert [p.kotak.halaman for p in bahan.kepala_kaki if p.kotak] == [0, 1]


def test_text_without_unicode_and_rotated_text_are_noted(tmp_path):
    kv = pt.Kanvas(*pt.A4)
    kv.teks(40, 40, "Terbaca")
    kv.teks_mentah("BT /F3 9 Tf 40 600 Td <00410042> Tj ET")
    kv.teks_mentah("BT /F1 9 Tf 0 1 -1 0 300 300 Tm (Miring) Tj ET")
    bahan = baca_pdf(pt.tulis_pdf(tmp_path / "aneh.pdf", [kv]))
    assert [p.teks for p in bahan.paragraf] == ["Terbaca"]
    notes = sorted(c.pesan for c in bahan.catatan)
    assert len(notes) == 2
    assert "2 karakter" in notes[0] and "Unicode" in notes[0]
    assert "6 karakter" in notes[1] and "diputar" in notes[1]


def test_landscape_drawn_turned_on_a_portrait_page_reads_upright(tmp_path):
    # no /Rotate: the producer turned the content itself (as "print to PDF" drivers do)
    path = tmp_path / "putar.pdf"
    harapan = pt.dokumen_sop(path, pt.A4, "satu", tandai_putar=False)
    bahan = baca_pdf(path)
    assert bahan.ukuran_halaman == [pytest.approx(pt.landscape(pt.A4), abs=0.1)]
    assert bahan.tabel[0].baris[0][1].teks == "Nomor SOP"
    kinds = sorted(s.jenis.value for s in bahan.simbol)
    assert kinds == sorted(k for k, _, _ in harapan.simbol)
    for (_, _, want), got in zip(sorted(harapan.simbol), sorted(
        (s.jenis.value, s.kotak.halaman, (s.kotak.x0, s.kotak.y0, s.kotak.x1, s.kotak.y1))
        for s in bahan.simbol
    ), strict=True):  # fmt: skip
        assert got[2] == pytest.approx(want, abs=1.0)
    assert sorted(lb.teks for lb in bahan.label) == ["Tidak", "Ya"]
    assert not [c for c in bahan.catatan if "diputar" in c.pesan]


# --- files that cannot be read -------------------------------------------------


def test_scanned_document_is_not_importable(tmp_path):
    kv = pt.Kanvas(*pt.landscape(pt.A4))
    kv.gambar_penuh()
    path = pt.tulis_pdf(tmp_path / "pindaian.pdf", [kv, kv])
    with pytest.raises(BahanTidakTerbaca, match=r"pindaian\.pdf") as info:
        baca_pdf(path)
    assert "1, 2" in str(info.value)


def test_scanned_page_among_text_pages_is_named(tmp_path):
    scan = pt.Kanvas(*pt.landscape(pt.A4))
    scan.gambar_penuh()
    text = pt.Kanvas(*pt.landscape(pt.A4))
    text.teks(40, 40, "SOP PELAYANAN")
    bahan = baca_pdf(pt.tulis_pdf(tmp_path / "campur.pdf", [text, scan]))
    assert [p.teks for p in bahan.paragraf] == ["SOP PELAYANAN"]
    assert [(c.halaman, "hasil pindai" in c.pesan) for c in bahan.catatan] == [(1, True)]


def test_flowchart_pasted_as_picture_is_reported(tmp_path):
    kv = pt.Kanvas(*pt.landscape(pt.A4))
    pt.tabel(kv, 40, 40, [100, 300], [20, 200], {(0, 0): "No", (0, 1): "Pelaksana"})
    kv.images.append((10, 10, bytes(100)))
    kv.ops.append(f"q 280 0 0 190 150 {kv.tinggi - 255:.2f} cm /Im1 Do Q")
    bahan = baca_pdf(pt.tulis_pdf(tmp_path / "gambar.pdf", [kv]))
    assert bahan.tabel[0].baris[0][1].teks == "Pelaksana"
    notes = [(c.halaman, c.pesan) for c in bahan.catatan]
    assert len(notes) == 1 and notes[0][0] == 0 and "bagan alir" in notes[0][1]


def test_encrypted_pdf_gets_a_clear_error(tmp_path):
    kv = pt.Kanvas(*pt.A4)
    kv.teks(40, 40, "Rahasia")
    plain = pt.tulis_pdf(tmp_path / "biasa.pdf", [kv])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt("sandi", algorithm="AES-128")
    locked = tmp_path / "terkunci.pdf"
    with locked.open("wb") as fp:
        writer.write(fp)
    with pytest.raises(BahanTidakTerbaca, match=r"terkunci\.pdf.*kata sandi"):
        baca_pdf(locked)
    # encrypted for permissions only (empty user password): opens like any PDF
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt("", owner_password="pemilik", algorithm="AES-128")
    owner = tmp_path / "izin.pdf"
    with owner.open("wb") as fp:
        writer.write(fp)
    assert [p.teks for p in baca_pdf(owner).paragraf] == ["Rahasia"]


@pytest.mark.parametrize(
    "isi", [b"", b"bukan pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", None], ids=str
)
def test_broken_files_raise_the_reader_error(tmp_path, isi):
    path = tmp_path / "rusak.pdf"
    if isi is None:  # a real PDF cut in half
        kv = pt.Kanvas(*pt.A4)
        kv.teks(40, 40, "Terpotong")
        data = pt.tulis_pdf(tmp_path / "utuh.pdf", [kv]).read_bytes()
        isi = data[: len(data) // 2]
    path.write_bytes(isi)
    with pytest.raises(BahanTidakTerbaca, match=r"rusak\.pdf"):
        baca_pdf(path)


@pytest.mark.parametrize("seed", range(12))
def test_damaged_content_streams_never_raise_anything_else(tmp_path, seed):
    """Bytes of the page descriptions overwritten at random: the reader returns what it
    could read, with notes, or raises its own error; never anything else."""
    path = tmp_path / "utuh.pdf"
    pt.dokumen_sop(path, pt.A4, "dua", padat=False)
    data = bytearray(path.read_bytes())
    rnd = random.Random(seed)
    start = data.index(b"stream\n")
    for _ in range(40):
        at = rnd.randrange(start, len(data) - 200)
        data[at] = rnd.choice(b"0123456789.-()[]<>/ mlcreSfBTjJ\n\x00\xff")
    path.write_bytes(bytes(data))
    try:
        bahan = baca_pdf(path)
    except BahanTidakTerbaca as exc:
        assert "utuh.pdf" in str(exc)
    else:
        assert bahan.format == "pdf" and bahan.ukuran_halaman


def test_missing_file(tmp_path):
    with pytest.raises(BahanTidakTerbaca, match=r"tidak-ada\.pdf"):
        baca_pdf(tmp_path / "tidak-ada.pdf")


def test_path_like_and_str(tmp_path):
    kv = pt.Kanvas(*pt.A4)
    kv.teks(40, 40, "Satu")
    path = pt.tulis_pdf(tmp_path / "satu.pdf", [kv])
    assert baca_pdf(str(path)).paragraf[0].teks == baca_pdf(Path(path)).paragraf[0].teks == "Satu"
