"""The citation parser on real citation strings (as written in SOPs and regulations)."""

from __future__ import annotations

import pytest

from sopdoc.hukum import KutipanError, beda_judul, parse_jenis, parse_kutipan

# (citation as written, short name of the key, title read, mentions amendments)
REAL = [
    (
        "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional",
        "UU 25/2004",
        "Sistem Perencanaan Pembangunan Nasional",
        False,
    ),
    (
        "Undang-Undang Nomor 23 Tahun 2014 Tentang Pemerintahan Daerah",
        "UU 23/2014",
        "Pemerintahan Daerah",
        False,
    ),
    (
        '<ol style="list-style-type: none">Undang-Undang Nomor 25 Tahun 2004 tentang Sistem '
        "Perencanaan Pembangunan Nasional",
        "UU 25/2004",
        "Sistem Perencanaan Pembangunan Nasional",
        False,
    ),
    (
        "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodifikasi dan "
        "Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah",
        "Permendagri 90/2019",
        "Klasifikasi, Kodifikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah",
        False,
    ),
    (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
        "Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) "
        "sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 6 Tahun 2023 "
        "tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang "
        "Cipta Kerja menjadi Undang-Undang (Lembaran Negara Republik Indonesia 2023 Nomor 41, "
        "Tambahan Lembaran Negara Republik Indonesia Nomor 6856);",
        "UU 23/2014",
        "Pemerintahan Daerah",
        True,
    ),
    (
        "Undang-Undang Republik Indonesia Nomor 23 Tahun 2014 tentang Pemerintahan Daerah "
        "sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023.",
        "UU 23/2014",
        "Pemerintahan Daerah",
        True,
    ),
    (
        "Peraturan Menteri PAN-RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar "
        "Operasional Prosedur Administrasi Pemerintahan (SOP AP)",
        "Permenpan RB 35/2012",
        "Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan (SOP AP)",
        False,
    ),
    (
        "Peraturan Menteri PAN & RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP "
        "Administrasi Pemerintahan.",
        "Permenpan RB 35/2012",
        "Pedoman Penyusunan SOP Administrasi Pemerintahan",
        False,
    ),
    (
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun "
        "2014 tentang Petunjuk Teknis Perjanjian Kinerja",
        "Permenpan RB 53/2014",
        "Petunjuk Teknis Perjanjian Kinerja",
        False,
    ),
    (
        "UU No. 30 Tahun 2014 tentang Administrasi Pemerintahan",
        "UU 30/2014",
        "Administrasi Pemerintahan",
        False,
    ),
    ("PP Nomor 17 Tahun 2018 tentang Kecamatan", "PP 17/2018", "Kecamatan", False),
    (
        "Perpres Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
        "Perpres 29/2014",
        "Sistem Akuntabilitas Kinerja Instansi Pemerintah",
        False,
    ),
    (
        "Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja",
        "Perppu 2/2022",
        "Cipta Kerja",
        False,
    ),
    (
        "Peraturan Daerah Kabupaten Banyumas Nomor 16 Tahun 2016 tentang Pembentukan dan Susunan "
        "Perangkat Daerah",
        "Perda Kabupaten Banyumas 16/2016",
        "Pembentukan dan Susunan Perangkat Daerah",
        False,
    ),
    (
        "Peraturan Wali Kota Tarakan Nomor 50 Tahun 2021 tentang Kedudukan, Susunan Organisasi",
        "Perwal Tarakan 50/2021",
        "Kedudukan, Susunan Organisasi",
        False,
    ),
    (
        "Keputusan Menteri Dalam Negeri Nomor 050-3708 Tahun 2020 tentang Hasil Verifikasi",
        "Kepmendagri 050-3708/2020",
        "Hasil Verifikasi",
        False,
    ),
    (
        "1. Peraturan Bupati Banyumas Nomor 05 Tahun 2020 tentang X",
        "Perbup Banyumas 5/2020",
        "X",
        False,
    ),
]


@pytest.mark.parametrize(("teks", "nama", "judul", "ubah"), REAL, ids=[r[1] for r in REAL])
def test_real_citations(teks: str, nama: str, judul: str, ubah: bool) -> None:
    k = parse_kutipan(teks)
    assert k.nama_pendek == nama
    assert k.judul == judul
    assert k.menyebut_perubahan is ubah


def test_amendment_is_read() -> None:
    k = parse_kutipan(REAL[4][0])
    assert [p.nama_pendek for p in k.perubahan] == ["UU 6/2023"]
    assert k.perubahan[0].judul is not None and k.perubahan[0].judul.startswith("Penetapan")


def test_spellings_give_one_key() -> None:
    keys = {
        parse_kutipan(t).kunci
        for t in (
            "Permendagri Nomor 4 Tahun 2010 tentang PATEN",
            "Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2010 tentang PATEN",
            "Peraturan Menteri Dalam Negeri Republik Indonesia Nomor 04 Tahun 2010 Tentang PATEN",
            "PMDN No. 4 Tahun 2010 tentang PATEN",
            "Permendagri 4/2010",
        )
    }
    assert len(keys) == 1


def test_uud_needs_no_nomor() -> None:
    for t in (
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
        "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
        "UUD 1945",
    ):
        k = parse_kutipan(t)
        assert k.nama_pendek == "UUD 1945" and k.tingkat == 10
    assert parse_kutipan(
        "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
    ).pasal == ("Pasal 18 ayat (6)")


def test_number_carrying_its_year() -> None:
    k = parse_kutipan(
        "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/15/M.PAN/7/2008 "
        "tentang Pedoman Umum Reformasi Birokrasi"
    )
    assert (k.nomor, k.tahun, k.nama_pendek) == (
        "PER/15/M.PAN/7/2008",
        2008,
        "Permenpan RB PER/15/M.PAN/7/2008",
    )


@pytest.mark.parametrize(
    "teks",
    [
        "Memahami Struktur Organisasi",
        "Undang-Undang Pelayanan Publik",
        "Peraturan Nomor 5 tentang X",
        "",
    ],
)
def test_not_a_citation(teks: str) -> None:
    with pytest.raises(KutipanError):
        parse_kutipan(teks)


def test_hierarchy_ranks_follow_uu_12_2011() -> None:
    order = [
        "UUD 1945",
        "Ketetapan MPR Nomor 1 Tahun 2003 tentang X",
        "Undang-Undang Nomor 1 Tahun 2020 tentang X",
        "Peraturan Pemerintah Nomor 1 Tahun 2020 tentang X",
        "Peraturan Presiden Nomor 1 Tahun 2020 tentang X",
        "Peraturan Menteri Dalam Negeri Nomor 1 Tahun 2020 tentang X",
        "Peraturan Daerah Provinsi Jawa Tengah Nomor 1 Tahun 2020 tentang X",
        "Peraturan Gubernur Jawa Tengah Nomor 1 Tahun 2020 tentang X",
        "Peraturan Daerah Kabupaten Banyumas Nomor 1 Tahun 2020 tentang X",
        "Peraturan Bupati Banyumas Nomor 1 Tahun 2020 tentang X",
        "Keputusan Bupati Banyumas Nomor 1 Tahun 2020 tentang X",
    ]
    ranks = [parse_kutipan(t).tingkat for t in order]
    assert all(r is not None for r in ranks)
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert parse_kutipan("Perppu Nomor 1 Tahun 2020 tentang X").tingkat == ranks[2]
    # An unqualified Perda cannot be placed (provinsi or kabupaten?)
    assert parse_kutipan("Peraturan Daerah Nomor 1 Tahun 2020 tentang X").tingkat is None


def test_jenis_spellings() -> None:
    cases = {
        "Permenpan RB": "PERMENPANRB",
        "Peraturan Menteri PANRB": "PERMENPANRB",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi": "PERMENPANRB",
        "Kepmendagri": "KEPMENDAGRI",
        "Keputusan Bupati Banyumas": "KEPBUP",
        "Surat Edaran Menteri Dalam Negeri": "SE MENTERI",
        "Instruksi Presiden": "INPRES",
        "Perwali": "PERWAL",
        "Peraturan Menteri Keuangan": "PERMENKEU",
        "Peraturan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi": "PERMEN",
    }
    for teks, kode in cases.items():
        found = parse_jenis(teks)
        assert found is not None, teks
        assert found[0].kode == kode, teks
    assert parse_jenis("Peraturan Kepala Kepolisian") is None


def test_title_difference_ignores_case_and_punctuation() -> None:
    assert (
        beda_judul(
            "Klasifikasi, Kodefikasi dan Nomenklatur", "Klasifikasi, Kodefikasi, dan Nomenklatur"
        )
        == []
    )
    assert beda_judul("Pemerintahan daerah", "Pemerintahan Daerah") == []
    assert beda_judul(
        "Klasifikasi, Kodifikasi dan Nomenklatur", "Klasifikasi, Kodefikasi, dan Nomenklatur"
    ) == [("Kodifikasi", "Kodefikasi")]
    assert beda_judul("Pemerintah Daerah", "Pemerintahan Daerah") == [
        ("Pemerintah", "Pemerintahan")
    ]
    assert beda_judul("A B D", "A B C D") == [("", "C")]


def test_juncto_and_list_connectors() -> None:
    jo = parse_kutipan(
        "Undang-Undang Nomor 31 Tahun 1999 jo. Undang-Undang Nomor 20 Tahun 2001 tentang "
        "Pemberantasan Tindak Pidana Korupsi"
    )
    assert jo.juncto and jo.menyebut_perubahan and jo.judul is None
    assert [p.nama_pendek for p in jo.perubahan] == ["UU 20/2001"]
    # The "; dan" that joins the last two items of a list is no part of the title.
    assert parse_kutipan(
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik; dan"
    ).judul == ("Pelayanan Publik")
    assert parse_kutipan("PP Nomor 17 Tahun 2018 tentang Kecamatan, serta").judul == "Kecamatan"


def test_docstring_examples_hold() -> None:
    """The >>> examples in the domain modules' docstrings are true."""
    import doctest

    import sopdoc.hukum
    import sopdoc.nip
    import sopdoc.pangkat
    import sopdoc.teks

    for module in (sopdoc.hukum, sopdoc.nip, sopdoc.pangkat, sopdoc.teks):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
