"""The administrative regions of Indonesia: provinsi, kabupaten/kota, kecamatan, desa/kelurahan.

The bundled ``data/wilayah.sqlite`` (built by ``scripts/wilayah.py``) holds the
code and name of every region of Kepmendagri Nomor 300.2.2-2138 Tahun 2025
(about 38 provinsi, 514 kabupaten/kota, 7,285 kecamatan and 83,762
desa/kelurahan; its table ``sumber`` and ``data/README.md`` name the source and
its licence). It is opened on first use (:func:`data_wilayah`) and queried by
name through its index: a run costs a millisecond plus the names it asks about.

A region's parent is its code without the last group: desa ``33.02.05.2009``
(Kebasen) lies in kecamatan ``33.02.05`` (Kebasen), in kabupaten ``33.02``
(Banyumas), in provinsi ``33`` (Jawa Tengah). Names are looked up by their
normalised words (:func:`kunci_nama`): 'Wali Kota', capitals and punctuation do
not matter.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

Tingkat = Literal["provinsi", "kabupaten", "kota", "kecamatan", "desa", "kelurahan"]

TINGKAT_KODE: dict[int, tuple[Tingkat, ...]] = {
    2: ("provinsi",),
    5: ("kabupaten", "kota"),
    8: ("kecamatan",),
    13: ("desa", "kelurahan"),
}
"""Code length -> the levels of that length."""

_NON_WORD = re.compile(r"[^0-9a-z]+")


def kunci_nama(nama: str) -> str:
    """The lookup key of a name: lower case, punctuation and spaces folded ('Adm.' = 'adm')."""
    return _NON_WORD.sub(" ", nama.lower()).strip()


@dataclass(frozen=True)
class Wilayah:
    """One region: its code, level and name as the Kepmendagri writes it."""

    kode: str
    tingkat: Tingkat
    nama: str
    """'Kebasen'; for a kabupaten/kota without its 'Kabupaten'/'Kota'."""

    @property
    def induk(self) -> str | None:
        """The parent's code (None for a provinsi)."""
        return self.kode.rsplit(".", 1)[0] if "." in self.kode else None

    @property
    def sebutan(self) -> str:
        """'Kecamatan Kebasen', 'Kabupaten Banyumas', 'Desa Adisana' as written in documents."""
        return f"{self.tingkat.capitalize()} {self.nama}"

    def di_dalam(self, kode: str) -> bool:
        """Whether this region lies in (or is) the region ``kode``."""
        return self.kode == kode or self.kode.startswith(kode + ".")


class DataWilayah:
    """Lookups in the bundled database: regions by level and name, names of parents by code.

    The database is opened read-only on first use and answers from its
    indexes, so a run pays for the names it asks about, not for the 91,000
    rows (each answer is cached for the life of the process).
    """

    def __init__(self, path: str | os.PathLike[str]):
        uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._cari: dict[tuple[Tingkat, str], list[Wilayah]] = {}
        self._nama: dict[str, str | None] = {}

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM wilayah").fetchone()[0])

    @property
    def sumber(self) -> str:
        """Where the data comes from (the database's own note)."""
        return str(self._db.execute("SELECT teks FROM sumber").fetchone()[0])

    def cari(self, tingkat: Tingkat, nama: str) -> list[Wilayah]:
        """The regions of ``tingkat`` named ``nama`` (several: names repeat across Indonesia)."""
        key = (tingkat, kunci_nama(nama))
        found = self._cari.get(key)
        if found is None:
            n = _PANJANG[tingkat]
            rows = self._db.execute(
                "SELECT kode, nama FROM wilayah WHERE kunci = ? AND length(kode) = ?", (key[1], n)
            ).fetchall()
            found = []
            for kode, teks in rows:
                w = _wilayah(kode, teks)
                if w.tingkat == tingkat:
                    found.append(w)
            self._cari[key] = found
        return found

    def dikenal(self, nama: str) -> bool:
        """Whether any region of any level bears the name."""
        return any(self.cari(t, nama) for t in _PANJANG)

    def wilayah(self, kode: str) -> Wilayah | None:
        """The provinsi, kabupaten/kota or kecamatan of code ``kode``."""
        if kode not in self._nama:
            row = self._db.execute("SELECT nama FROM induk WHERE kode = ?", (kode,)).fetchone()
            self._nama[kode] = row[0] if row else None
        teks = self._nama[kode]
        return _wilayah(kode, teks) if teks is not None else None

    def anak(self, kode: str | None, tingkat: Tingkat) -> list[Wilayah]:
        """The provinsi, kabupaten/kota or kecamatan of ``tingkat`` in ``kode`` (None: all)."""
        n = _PANJANG[tingkat]
        if n == 13:
            raise ValueError("desa/kelurahan are not listed by parent")
        rows = self._db.execute(
            "SELECT kode, nama FROM induk WHERE length(kode) = ? AND kode LIKE ?",
            (n, f"{kode}.%" if kode else "%"),
        ).fetchall()
        return [w for k, t in rows if (w := _wilayah(k, t)).tingkat == tingkat]

    def induk(self, w: Wilayah) -> Wilayah | None:
        return self.wilayah(w.induk) if w.induk else None

    def jalur(self, w: Wilayah) -> str:
        """'Desa Adisana, Kecamatan Kebasen, Kabupaten Banyumas' (up to the kabupaten/kota)."""
        parts = [w.sebutan]
        cur = self.induk(w)
        while cur is not None and cur.tingkat != "provinsi":
            parts.append(cur.sebutan)
            cur = self.induk(cur)
        if cur is not None and len(parts) == 1:
            parts.append(cur.sebutan)
        return ", ".join(parts)


_PANJANG: dict[Tingkat, int] = {t: n for n, ts in TINGKAT_KODE.items() for t in ts}


def _wilayah(kode: str, nama: str) -> Wilayah:
    n = len(kode)
    tingkat: Tingkat
    if n == 5:
        if nama.startswith("Kota "):
            tingkat, nama = "kota", nama[5:]
        else:
            tingkat, nama = "kabupaten", nama.removeprefix("Kabupaten ")
    elif n == 13:
        tingkat = "kelurahan" if kode[9] == "1" else "desa"
    elif n == 8:
        tingkat = "kecamatan"
    else:
        tingkat = "provinsi"
    return Wilayah(kode, tingkat, nama)


_stack = ExitStack()


@cache
def data_wilayah() -> DataWilayah:
    """The bundled regions (opened on first use)."""
    path = _stack.enter_context(
        resources.as_file(resources.files("sopdoc").joinpath("data/wilayah.sqlite"))
    )
    return DataWilayah(path)
