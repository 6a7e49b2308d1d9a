"""NIP (Nomor Induk Pegawai) as printed: digits, birth date, TMT, gender, serial, pattern.

A PNS NIP has 18 digits, printed "19780220 199612 1 001" (Peraturan Kepala BKN
Nomor 22 Tahun 2007 tentang Nomor Identitas Pegawai Negeri Sipil):

- digits 1–8: date of birth, YYYYMMDD;
- digits 9–14: year and month of appointment as CPNS (TMT CPNS), YYYYMM;
- digit 15: gender, 1 = male, 2 = female;
- digits 16–18: serial number.

A PPPK's number (NI PPPK) also has 18 digits and starts with the date of birth
and ends with gender and serial, but digits 9–14 hold the year of first
appointment as PPPK and the count of work agreements, not a month (BKN, as
reported e.g. by foppsirokanhulu.blogspot.com/2024/03/apa-perbedaan-nip-pns-dan-ni-pppk.html
and rbtv.disway.id/amp/72478). A "month" outside 01–12 after a year from 2019
on is therefore read as a possible NI PPPK and not judged as a TMT.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .teks import bersihkan_markup

PANJANG = 18
TAHUN_PPPK_PERTAMA = 2019
"""The first PPPK were appointed under PP 49/2018 from 2019; a NI PPPK cannot be older."""

_AWALAN = re.compile(r"^\s*(?:NIP|NI\s*PPPK|NIPPPK)\s*[.:]*\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Nip:
    """A NIP as written; the derived fields are None when the digits do not hold them."""

    teks: str
    tercetak: str
    """As printed, without markup and without a 'NIP.' prefix: '19780220 199612 1 001'."""
    angka: str
    """The digits only."""

    @property
    def karakter_asing(self) -> str:
        """Characters other than digits, spaces, dots and hyphens ('' when none)."""
        return "".join(sorted({c for c in self.tercetak if not (c.isdigit() or c in " .-")}))

    @property
    def lengkap(self) -> bool:
        """Exactly 18 digits and nothing but digits and separators."""
        return len(self.angka) == PANJANG and not self.karakter_asing

    @property
    def pola(self) -> str:
        """The grouping of digits as printed: '8 6 1 3' or '18'."""
        return " ".join(str(len(g)) for g in re.split(r"[\s.\-]+", self.tercetak.strip()) if g)

    @property
    def tanggal_lahir(self) -> date | None:
        """Digits 1–8 as a date, None when they are not a real date."""
        if len(self.angka) < 8:
            return None
        try:
            return date(int(self.angka[0:4]), int(self.angka[4:6]), int(self.angka[6:8]))
        except ValueError:
            return None

    @property
    def tmt_tahun(self) -> int | None:
        """Digits 9–12: year of appointment (CPNS or PPPK)."""
        return int(self.angka[8:12]) if len(self.angka) >= 12 else None

    @property
    def tmt_bulan(self) -> int | None:
        """Digits 13–14 read as a month (only meaningful for a PNS NIP)."""
        return int(self.angka[12:14]) if len(self.angka) >= 14 else None

    @property
    def mungkin_pppk(self) -> bool:
        """Digits 13–14 are no month and the year allows a NI PPPK: do not judge the TMT."""
        bulan, tahun = self.tmt_bulan, self.tmt_tahun
        if bulan is None or tahun is None:
            return False
        return not 1 <= bulan <= 12 and tahun >= TAHUN_PPPK_PERTAMA

    @property
    def tmt(self) -> tuple[int, int] | None:
        """(year, month) of the TMT CPNS, None when digits 9–14 are no year-month."""
        tahun, bulan = self.tmt_tahun, self.tmt_bulan
        if tahun is None or bulan is None or not 1 <= bulan <= 12:
            return None
        return tahun, bulan

    @property
    def jenis_kelamin(self) -> str | None:
        """Digit 15: '1' (laki-laki) or '2' (perempuan) as written; None when missing."""
        return self.angka[14] if len(self.angka) >= 15 else None

    @property
    def nomor_urut(self) -> str | None:
        """Digits 16–18."""
        return self.angka[15:18] if len(self.angka) >= PANJANG else None

    @property
    def baku(self) -> str:
        """The usual printed form: '19780220 199612 1 001' (or the digits when incomplete)."""
        a = self.angka
        if len(a) != PANJANG:
            return a
        return f"{a[:8]} {a[8:14]} {a[14]} {a[15:]}"


def parse_nip(teks: str) -> Nip:
    """Read a NIP as printed ('NIP. 19780220 199612 1 001', '197802201996121001'); never raises.

    >>> n = parse_nip("NIP. 19780220 199612 1 001")
    >>> (n.angka, n.tanggal_lahir, n.tmt, n.jenis_kelamin, n.nomor_urut, n.pola)
    ('197802201996121001', datetime.date(1978, 2, 20), (1996, 12), '1', '001', '8 6 1 3')
    """
    bersih = _AWALAN.sub("", bersihkan_markup(teks))
    return Nip(teks=teks, tercetak=bersih, angka=re.sub(r"\D", "", bersih))


def umur_saat(lahir: date, tahun: int, bulan: int) -> float:
    """Age in years (fractional, by months) on the first day of ``tahun``-``bulan``."""
    months = (tahun - lahir.year) * 12 + (bulan - lahir.month) - (1 if lahir.day > 1 else 0)
    return months / 12
