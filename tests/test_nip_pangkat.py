"""NIP and pangkat as printed in signature blocks."""

from __future__ import annotations

from datetime import date

import pytest

from sopdoc.nip import parse_nip, umur_saat
from sopdoc.pangkat import parse_pangkat, saran_pangkat, tabel_pangkat


@pytest.mark.parametrize(
    "teks",
    [
        "19780220 199612 1 001",
        "197802201996121001",
        "NIP. 19780220 199612 1 001",
        "NIP.197802201996121001",
        "NIP: 19780220 199612 1 001",
        "<p>NIP. 19780220 199612 1 001</p>",
    ],
)
def test_nip_spellings_read_the_same(teks: str) -> None:
    n = parse_nip(teks)
    assert n.lengkap
    assert n.angka == "197802201996121001"
    assert n.tanggal_lahir == date(1978, 2, 20)
    assert n.tmt == (1996, 12)
    assert n.jenis_kelamin == "1"
    assert n.nomor_urut == "001"
    assert n.baku == "19780220 199612 1 001"


def test_nip_pattern_as_printed() -> None:
    assert parse_nip("19780220 199612 1 001").pola == "8 6 1 3"
    assert parse_nip("NIP. 197802201996121001").pola == "18"
    assert parse_nip("19780220 199612 1 001").tercetak == "19780220 199612 1 001"


def test_nip_defects() -> None:
    short = parse_nip("19780220 199612 1 01")
    assert not short.lengkap and len(short.angka) == 17
    letters = parse_nip("19780220 l99612 1 001")
    assert letters.karakter_asing == "l" and not letters.lengkap
    assert parse_nip("19780230 199612 1 001").tanggal_lahir is None  # 30 February
    assert parse_nip("19780220 199613 1 001").tmt is None  # month 13
    assert parse_nip("19780220 199612 3 001").jenis_kelamin == "3"


def test_pppk_number_is_not_judged_as_a_tmt() -> None:
    # NI PPPK: digits 9-12 the year of first appointment, 13-14 no month.
    pppk = parse_nip("19850312 202121 2 005")
    assert pppk.mungkin_pppk and pppk.tmt is None
    assert pppk.tanggal_lahir == date(1985, 3, 12) and pppk.jenis_kelamin == "2"
    # The same impossible month in the 1990s is no PPPK (they started in 2019).
    assert not parse_nip("19700312 199521 2 005").mungkin_pppk


def test_age_at_appointment() -> None:
    assert umur_saat(date(1978, 2, 20), 1996, 12) == pytest.approx(18.75)
    assert umur_saat(date(1978, 2, 1), 1996, 2) == pytest.approx(18.0)
    assert umur_saat(date(1978, 2, 20), 1996, 2) < 18


def test_pangkat_table_is_complete() -> None:
    table = tabel_pangkat()
    assert len(table) == 17
    assert table[0].golongan == "I/a" and table[0].nama == "Juru Muda"
    assert table[-1].golongan == "IV/e" and table[-1].nama == "Pembina Utama"
    assert {g.golongan for g in table if g.nama == "Pembina Tingkat I"} == {"IV/b"}


@pytest.mark.parametrize(
    ("teks", "nama", "golongan", "ejaan"),
    [
        ("Pembina Tk. I", "Pembina Tingkat I", None, "Tk. I"),
        ("Pembina Tingkat I", "Pembina Tingkat I", None, "Tingkat I"),
        ("Pembina Tk.I (IV/b)", "Pembina Tingkat I", "IV/b", "Tk.I"),
        ("Penata Muda Tk. I, III/b", "Penata Muda Tingkat I", "III/b", "Tk. I"),
        ("Pembina/IV a", "Pembina", "IV/a", None),
        ("PEMBINA TK. I (IV/B)", "Pembina Tingkat I", "IV/b", "TK. I"),
        ("Pembina Utama Muda (IV/c)", "Pembina Utama Muda", "IV/c", None),
        ("Penata Tkt. I - III/d", "Penata Tingkat I", "III/d", "Tkt. I"),
        ("Juru Muda Tingkat 1 (I/b)", "Juru Muda Tingkat I", "I/b", "Tingkat 1"),
        ("Pengatur, Gol. II/c", "Pengatur", "II/c", None),
        ("<p>Pembina Tk. I</p>", "Pembina Tingkat I", None, "Tk. I"),
    ],
)
def test_pangkat_spellings(teks: str, nama: str, golongan: str | None, ejaan: str | None) -> None:
    p = parse_pangkat(teks)
    assert p.nama == nama
    assert p.golongan_tertulis == golongan
    assert p.ejaan_tingkat == ejaan
    assert p.golongan_cocok


def test_pangkat_golongan_mismatch() -> None:
    p = parse_pangkat("Pembina Tk. I (IV/a)")
    assert p.nama == "Pembina Tingkat I" and p.golongan == "IV/b"
    assert not p.golongan_cocok
    assert p.nama_golongan_tertulis == "Pembina"


def test_unknown_pangkat_and_pppk() -> None:
    p = parse_pangkat("Pembina Madya")
    assert not p.dikenal and p.nama is None
    assert saran_pangkat("Pembina Utama Mudah") == "Pembina Utama Muda"
    assert parse_pangkat("PPPK Golongan IX").pppk
    assert parse_pangkat("PPPK Golongan IX").dikenal
    assert not parse_pangkat("Kolonel").dikenal
