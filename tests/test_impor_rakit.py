"""The assembler on documents people make: what a reader takes out of Word files and PDFs of
other templates (label variants, typed numbering, two-level lane headers, continuation pages,
split rows, sub-rows, skipped numbers, several symbols per row, arrows to a lane border,
off-page connectors, Y/T labels), built by hand as a Bahan."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from sopdoc.impor import ImporError, import_bahan
from sopdoc.impor.bahan import (
    Bahan,
    JenisSimbol,
    Kotak,
    Label,
    Panah,
    Paragraf,
    Sel,
    Simbol,
    Tabel,
)
from sopdoc.impor.identitas import pecah_penandatangan
from sopdoc.impor.laporan import Jenis
from sopdoc.impor.normal import baca_tanggal, judul


def _sel(*paras: str, **kw: object) -> Sel:
    return Sel(list(paras), **kw)  # type: ignore[arg-type]


def identitas(urutan: int = 1) -> Tabel:
    kop = _sel("PEMERINTAH KABUPATEN CONTOH", "KECAMATAN SUKAMAJU")
    cont = _sel(lanjutan=True)
    rows = [
        [kop, _sel("Nama SOP"), _sel(":"), _sel("PELAYANAN SURAT KETERANGAN USAHA")],
        [cont, _sel("Tgl. Pembuatan"), _sel(":"), _sel("02-06-2025")],
        [cont, _sel("No. SOP"), _sel(":"), _sel("400/012/VI/2025")],
        [cont, _sel("Tgl. Revisi"), _sel(":"), _sel("-")],
        [cont, _sel("Tanggal Pengesahan"), _sel(":"), _sel("2 Juni 2025")],
        [
            cont,
            _sel("Disahkan Oleh"),
            _sel(":"),
            _sel(
                "CAMAT SUKAMAJU BUDI SANTOSO, S.STP, M.Si Pembina Tk. I NIP. 19780220 199612 1 001"
            ),
        ],
    ]
    return Tabel(rows, urutan=urutan)


def bagian(urutan: int = 2) -> Tabel:
    nested = Tabel([[_sel("1. Komputer"), _sel("3. ATK")], [_sel("2. Printer"), _sel("4. Map")]])
    return Tabel(
        [
            [_sel("DASAR HUKUM :"), _sel("KUALIFIKASI PELAKSANA :")],
            [
                Sel(
                    [
                        "UU Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                        "PP Nomor 17 Tahun 2018",
                    ],
                    penomoran=["1.", "2."],
                ),
                _sel("- Memahami tugas pokok\n- Mampu mengoperasikan komputer"),
            ],
            [_sel("KETERKAITAN :"), _sel("PERALATAN / PERLENGKAPAN :")],
            [_sel("SOP Pelayanan Domisili"), Sel([], tabel=[nested])],
            [_sel("PERINGATAN :"), _sel("PENCATATAN DAN PENDATAAN :")],
            [
                _sel("Apabila SOP tidak dilaksanakan, pelayanan terhambat"),
                _sel("Buku register\nArsip digital"),
            ],
        ],
        urutan=urutan,
    )


@dataclass
class Kolom:
    x0: float
    x1: float


# NO | URAIAN KEGIATAN | Pemohon, (Kecamatan:) Petugas, Camat | PERSYARATAN WAKTU OUTPUT | KET.
XS = [30, 55, 200, 250, 300, 350, 420, 460, 520, 570]
COLS = [Kolom(a, b) for a, b in itertools.pairwise(XS)]
LANE = {0: COLS[2], 1: COLS[3], 2: COLS[4]}


def _row(page: int, y0: float, y1: float, texts: list[str], **kw: object) -> list[Sel]:
    cells = []
    for k, (col, text) in enumerate(zip(COLS, texts, strict=True)):
        extra = kw if k == 0 else {}
        box = Kotak(col.x0, y0, col.x1, y1, page)
        cells.append(Sel([text] if text else [], box, **extra))  # type: ignore[arg-type]
    return cells


def _header(page: int, y: float) -> list[list[Sel]]:
    def box(a: int, b: int, y0: float, y1: float) -> Kotak:
        return Kotak(COLS[a].x0, y0, COLS[b].x1, y1, page)

    return [
        [
            Sel(["NO"], box(0, 0, y, y + 36)),
            Sel(["URAIAN KEGIATAN"], box(1, 1, y, y + 36)),
            Sel(["PELAKSANA"], box(2, 4, y, y + 12), span=3),
            Sel(["MUTU BAKU"], box(5, 7, y, y + 12), span=3),
            Sel(["KET."], box(8, 8, y, y + 36)),
        ],
        [
            Sel([], box(0, 0, y + 12, y + 24), lanjutan=True),
            Sel([], box(1, 1, y + 12, y + 24), lanjutan=True),
            Sel([], box(2, 2, y + 12, y + 36)),
            Sel(["KECAMATAN"], box(3, 4, y + 12, y + 24), span=2),
            Sel(["PERSYARATAN"], box(5, 5, y + 12, y + 36)),
            Sel(["WAKTU"], box(6, 6, y + 12, y + 36)),
            Sel(["OUTPUT"], box(7, 7, y + 12, y + 36)),
            Sel([], box(8, 8, y + 12, y + 24), lanjutan=True),
        ],
        [
            Sel([], box(0, 0, y + 24, y + 36), lanjutan=True),
            Sel([], box(1, 1, y + 24, y + 36), lanjutan=True),
            Sel(["PEMOHON"], box(2, 2, y + 24, y + 36)),
            Sel(["PETUGAS"], box(3, 3, y + 24, y + 36)),
            Sel(["CAMAT"], box(4, 4, y + 24, y + 36)),
            Sel([], box(5, 5, y + 24, y + 36), lanjutan=True),
            Sel([], box(6, 6, y + 24, y + 36), lanjutan=True),
            Sel([], box(7, 7, y + 24, y + 36), lanjutan=True),
            Sel([], box(8, 8, y + 24, y + 36), lanjutan=True),
        ],
    ]


def _sym(kind: JenisSimbol, lane: int | tuple[int, int], cy: float, page: int, text: str = "",
         ) -> Simbol:  # fmt: skip
    a, b = (lane, lane) if isinstance(lane, int) else lane
    x0, x1 = LANE[a].x0 + 8, LANE[b].x1 - 8
    h = 14 if kind is not JenisSimbol.KEPUTUSAN else 20
    return Simbol(kind, Kotak(x0, cy - h / 2, x1, cy + h / 2, page), text)


def prosedur_bahan() -> Bahan:
    """Three procedure pages: header repeated on page 2, none on page 3 (continuation)."""
    bahan = Bahan(sumber="orang.pdf", format="pdf")
    bahan.paragraf.append(Paragraf("KECAMATAN SUKAMAJU", Kotak(30, 10, 300, 20, 0)))
    t1 = identitas()
    t1.kotak = Kotak(30, 30, 570, 120, 0)
    t2 = bagian()
    t2.kotak = Kotak(30, 130, 570, 300, 0)
    bahan.tabel += [t1, t2]
    t1.urutan = t2.urutan = None
    e = ""
    # page 1: steps 1-2 (step 1: terminator in Pemohon and process in Petugas; step 2 split)
    p1 = [
        *_header(1, 40),
        _row(
            1, 76, 110, ["1", "Mengajukan permohonan", e, e, e, "KTP, KK", "5 menit", "Berkas", e]
        ),
        _row(
            1, 110, 150, ["2", "Memeriksa kelengkapan", e, e, e, "Berkas", "10 menit", "Berkas", e]
        ),
    ]
    # page 2: the rest of step 2 (no number), step 4 (3 skipped) with a sub-row, step 5 decision
    p2 = [
        *_header(2, 40),
        _row(2, 76, 96, [e, "berkas permohonan", e, e, e, e, e, e, e]),
        _row(2, 96, 130, ["4", "Memverifikasi data", e, e, e, "Berkas", "1 jam", "Data", e]),
        _row(2, 130, 150, [e, "a. mencocokkan arsip", e, e, e, e, e, e, e], lanjutan=True),
        _row(
            2,
            150,
            190,
            [
                "5",
                "Menandatangani",
                e,
                e,
                e,
                "Konsep",
                "1 hari",
                "Surat",
                "Jika tidak sesuai kembali ke 1",
            ],
        ),
    ]
    # page 3: no header at all, one last step
    p3 = [_row(3, 40, 80, ["6", "Menyerahkan surat", e, e, e, "Surat", "5 menit", "Surat", e])]
    for k, rows in enumerate((p1, p2, p3)):
        bahan.tabel.append(Tabel(rows, Kotak(30, 40, 570, rows[-1][0].kotak.y1, k + 1)))  # type: ignore[union-attr]
    J = JenisSimbol
    bahan.simbol += [
        _sym(J.TERMINATOR, 0, 93, 1),
        _sym(J.PROSES, 1, 93, 1),
        _sym(J.PROSES, 1, 130, 1),
        _sym(J.PROSES, (1, 2), 113, 2),  # a box over two lanes
        _sym(J.KEPUTUSAN, 2, 170, 2),
        _sym(J.TERMINATOR, 0, 60, 3),
        # off-page connectors outside the table, numbered
        Simbol(J.PENGHUBUNG, Kotak(575, 160, 590, 175, 2), "A"),
        Simbol(J.PENGHUBUNG, Kotak(575, 86, 590, 101, 1), "A"),
    ]
    camat_left = LANE[2].x0
    bahan.panah += [
        # step 5's 'T' branch leaves the diamond's right corner to the connector
        Panah([(LANE[2].x1 - 8, 170), (575, 170)], 2, "akhir"),
        # on page 1 the connector's arrow ends at the lane border beside step 1's process
        Panah([(575, 93), (LANE[1].x1 + 1, 93)], 1, "akhir"),
        # the 'Y' branch down to step 6 on the next page goes through a plain line piece
        Panah([(camat_left + 25, 180), (camat_left + 25, 190)], 2, "tidak_ada"),
    ]
    bahan.label += [
        Label("T", Kotak(560, 160, 566, 168, 2)),
    ]
    bahan.ukuran_halaman = [(612, 1008)] * 4  # Legal
    return bahan


def test_identity_variants_in_any_order() -> None:
    bahan = Bahan(sumber="word.docx", format="docx", tabel=[identitas(0)])
    bahan.tabel[0].baris.append(
        [_sel(lanjutan=True), _sel("Kegiatan"), _sel(":"), _sel("x")]
    )  # not a label
    bahan.tabel.append(Tabel([*_header(0, 0), _row(0, 40, 60, ["1", "A", *[""] * 7])], urutan=1))
    sop = import_bahan(bahan).sop
    assert sop.nomor == "400/012/VI/2025"
    assert sop.nama == "Pelayanan Surat Keterangan Usaha"
    assert (sop.instansi, sop.unit) == ("Pemerintah Kabupaten Contoh", "Kecamatan Sukamaju")
    assert sop.kop == ["PEMERINTAH KABUPATEN CONTOH", "KECAMATAN SUKAMAJU"]
    assert str(sop.tanggal.pembuatan) == "2025-06-02" == str(sop.tanggal.efektif)
    assert sop.tanggal.revisi is None
    ttd = sop.disahkan_oleh
    assert (ttd.jabatan, ttd.nama, ttd.pangkat, ttd.nip) == (
        "Camat Sukamaju",
        "BUDI SANTOSO, S.STP, M.Si",
        "Pembina Tk. I",
        "19780220 199612 1 001",
    )


def test_sections_however_typed() -> None:
    bahan = Bahan(sumber="word.docx", format="docx", tabel=[identitas(0), bagian(1)])
    bahan.tabel.append(Tabel([*_header(0, 0), _row(0, 40, 60, ["1", "A", *[""] * 7])], urutan=2))
    sop = import_bahan(bahan).sop
    assert sop.dasar_hukum == [
        "UU Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "PP Nomor 17 Tahun 2018",
    ]
    assert sop.kualifikasi_pelaksana == ["Memahami tugas pokok", "Mampu mengoperasikan komputer"]
    assert sop.keterkaitan == ["SOP Pelayanan Domisili"]
    assert sop.peralatan_perlengkapan == ["Komputer", "Printer", "ATK", "Map"]
    assert sop.peringatan == "Apabila SOP tidak dilaksanakan, pelayanan terhambat"
    assert sop.pencatatan_pendataan == ["Buku register", "Arsip digital"]


def test_procedure_over_pages_and_the_flowchart_as_drawn() -> None:
    result = import_bahan(prosedur_bahan())
    sop = result.sop
    assert sop.pelaksana == {"pemohon": "Pemohon", "petugas": "Petugas", "camat": "Camat"}
    steps = sop.kegiatan
    assert [s.aktivitas for s in steps] == [
        "Mengajukan permohonan",
        "Memeriksa kelengkapan berkas permohonan",
        "Memverifikasi data\na. mencocokkan arsip",
        "Menandatangani",
        "Menyerahkan surat",
    ]
    assert [s.pelaksana for s in steps] == [
        ["pemohon", "petugas"],
        "petugas",
        ["petugas", "camat"],
        "camat",
        "pemohon",
    ]
    assert steps[0].bentuk == ["terminator", "proses"]
    assert steps[3].jika_tidak == 1  # through the connector 'A', back into step 1
    assert steps[3].label_tidak == "T"
    assert [s.kelengkapan for s in steps] == ["KTP, KK", "Berkas", "Berkas", "Konsep", "Surat"]
    assert steps[3].keterangan == "Jika tidak sesuai kembali ke 1"
    notes = {b.pesan for b in result.hasil[0].laporan.butir}
    assert any("No. 4" in n for n in notes)  # the skipped number is reported
    assert any("Legal" in n or "216" in n for n in notes)  # paper neither A4 nor F4


def test_signatory_split_on_one_line() -> None:
    parts, unsure = pecah_penandatangan(
        "KEPALA DINAS SOSIAL Dr. H. AHMAD, M.Si Pembina Utama Muda NIP 19650101 199003 1 002"
    )
    assert parts == {
        "jabatan": "KEPALA DINAS SOSIAL",
        "nama": "Dr. H. AHMAD, M.Si",
        "pangkat": "Pembina Utama Muda",
        "nip": "19650101 199003 1 002",
    }
    assert unsure == ["jabatan"]


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("2 Juni 2025", "2025-06-02"),
        ("02-06-2025", "2025-06-02"),
        ("2/6/2025", "2025-06-02"),
        ("9 Januari 2024", "2024-01-09"),
        ("9 Jan. 2024", "2024-01-09"),
        ("Tanggal: 17 Agustus 2023", "2023-08-17"),
        ("-", None),
        ("", None),
    ],
)
def test_dates(printed: str, iso: str | None) -> None:
    read = baca_tanggal(printed)
    assert read.terbaca
    assert (read.nilai.isoformat() if read.nilai else None) == iso


def test_unreadable_date_is_flagged_not_invented() -> None:
    assert not baca_tanggal("31 Februari 2024").terbaca
    assert not baca_tanggal("awal tahun").terbaca


def test_title_case_keeps_abbreviations_and_small_words() -> None:
    assert judul("KASUBAG UMUM DAN KEPEGAWAIAN") == "Kasubag Umum dan Kepegawaian"
    assert judul("PETUGAS PATEN") == "Petugas PATEN"
    assert judul("Kasi PMD") == "Kasi PMD"  # not all capitals: the author's
    assert judul("<p>CAMAT KEBASEN</p>") == "<p>Camat Kebasen</p>"


def test_no_sop_at_all_is_bad_input() -> None:
    bahan = Bahan(sumber="surat.docx", format="docx")
    bahan.paragraf.append(Paragraf("Dengan hormat, ..."))
    with pytest.raises(ImporError, match=r"surat\.docx"):
        import_bahan(bahan)


def test_unreadable_waktu_is_left_empty_and_reported() -> None:
    bahan = Bahan(sumber="x.docx", format="docx", tabel=[identitas(0)])
    rows = [*_header(0, 0), _row(0, 40, 60, ["1", "A", "", "", "", "", "sesuai kebutuhan", "", ""])]
    bahan.tabel.append(Tabel(rows, urutan=1))
    result = import_bahan(bahan)
    assert result.sop.kegiatan[0].waktu is None
    butir = result.hasil[0].laporan.butir
    assert any(
        b.jenis is Jenis.TIDAK_TERBACA and b.jalur == ("kegiatan", 0, "waktu") for b in butir
    )
    assert result.laporan.kode_keluar == 1


def _tanpa_ttd() -> Bahan:
    ident = identitas(0)
    ident.baris = [r for r in ident.baris if "Disahkan" not in r[1].teks]
    bahan = Bahan(sumber="x.docx", format="docx", tabel=[ident])
    rows = [*_header(0, 0), _row(0, 40, 60, ["1", "A", "", "", "", "", "5 menit", "", ""])]
    bahan.tabel.append(Tabel(rows, urutan=1))
    for k, line in enumerate(
        [
            "Sukamaju, 2 Juni 2025",
            "CAMAT SUKAMAJU",
            "BUDI SANTOSO, S.STP",
            "Pembina",
            "NIP. 19780220 199612 1 001",
        ]
    ):
        bahan.paragraf.append(Paragraf(line, urutan=2 + k))
    return bahan


def test_signatory_from_the_signature_block_is_flagged() -> None:
    result = import_bahan(_tanpa_ttd())
    ttd = result.sop.disahkan_oleh
    assert (ttd.jabatan, ttd.nama, ttd.pangkat, ttd.nip) == (
        "Camat Sukamaju",
        "BUDI SANTOSO, S.STP",
        "Pembina",
        "19780220 199612 1 001",
    )
    assert any(
        b.jalur == ("disahkan_oleh",) and b.jenis is Jenis.DITEBAK
        for b in result.hasil[0].laporan.butir
    )


def test_flowchart_pasted_as_a_picture_names_the_page() -> None:
    from sopdoc.impor.bahan import Gambar

    bahan = _tanpa_ttd()
    bahan.gambar.append(Gambar(None, "image1.png", sel=(1, 3, 2)))
    result = import_bahan(bahan)
    notes = [b for b in result.hasil[0].laporan.butir if b.jenis is Jenis.TIDAK_TERBACA]
    assert any("1" in b.pesan and "gambar" in b.pesan for b in notes)
    assert result.laporan.kode_keluar == 1


def test_header_name_variants_and_steps_that_look_like_headers() -> None:
    head = [
        [
            _sel("No."),
            _sel("Uraian Kegiatan"),
            _sel("Pelaksana", span=2),
            _sel("Mutu Baku", span=3),
            _sel("Keterangan"),
        ],
        [
            _sel(lanjutan=True),
            _sel(lanjutan=True),
            _sel("Kasi Pemerintahan"),
            _sel("Camat"),
            _sel("Kelengkapan/Persyaratan"),
            _sel("Waktu (menit)"),
            _sel("Output/Hasil"),
            _sel(lanjutan=True),
        ],
    ]
    body = [
        [_sel("1."), _sel("Memverifikasi"), _sel("✓"), _sel(), _sel("Dokumen usulan"),
         _sel("30 menit"), _sel("Hasil verifikasi"), _sel()],
        [_sel("2."), _sel("Menetapkan"), _sel(), _sel("√"), _sel("Hasil verifikasi"),
         _sel("1 hari"), _sel("Keputusan"), _sel("Ket")],
    ]  # fmt: skip
    bahan = Bahan(sumber="x.html", format="html", tabel=[identitas(0)])
    bahan.tabel.append(Tabel(head + body, urutan=1))
    sop = import_bahan(bahan).sop
    assert sop.pelaksana == {"kasi_pemerintahan": "Kasi Pemerintahan", "camat": "Camat"}
    assert [k.aktivitas for k in sop.kegiatan] == ["Memverifikasi", "Menetapkan"]
    assert [k.pelaksana for k in sop.kegiatan] == ["kasi_pemerintahan", "camat"]
    assert [k.kelengkapan for k in sop.kegiatan] == ["Dokumen usulan", "Hasil verifikasi"]
    assert [str(k.waktu) for k in sop.kegiatan] == ["30 menit", "1 hari"]
    assert [k.output for k in sop.kegiatan] == ["Hasil verifikasi", "Keputusan"]


def test_connector_without_partner_is_unreadable_not_guessed() -> None:
    bahan = prosedur_bahan()
    bahan.simbol = [s for s in bahan.simbol if not (s.teks == "A" and s.kotak.halaman == 1)]
    result = import_bahan(bahan)
    assert result.sop.kegiatan[3].jika_tidak is None
    assert any(
        b.jenis is Jenis.TIDAK_TERBACA and b.jalur == ("kegiatan", 3, "jika_tidak")
        for b in result.hasil[0].laporan.butir
    )


def test_letterhead_in_a_row_over_the_labels_or_in_the_page_header() -> None:
    ident = identitas(0)
    for row in ident.baris:
        row.pop(0)  # no letterhead beside the labels
    ident.baris.insert(0, [_sel("PEMERINTAH KOTA CONTOH\nDINAS SOSIAL\nJl. Merdeka No. 1")])
    bahan = Bahan(sumber="x.docx", format="docx", tabel=[ident])
    bahan.tabel.append(Tabel([*_header(0, 0), _row(0, 40, 60, ["1", "A", *[""] * 7])], urutan=1))
    sop = import_bahan(bahan).sop
    assert (sop.instansi, sop.unit) == ("Pemerintah Kota Contoh", "Dinas Sosial")
    assert sop.kop == ["PEMERINTAH KOTA CONTOH", "DINAS SOSIAL"]
    ident.baris.pop(0)
    bahan.kepala_kaki = [Paragraf("PEMERINTAH KABUPATEN CONTOH"), Paragraf("KECAMATAN BARU")]
    sop = import_bahan(bahan).sop
    assert (sop.instansi, sop.unit) == ("Pemerintah Kabupaten Contoh", "Kecamatan Baru")
