"""Pangkat and golongan of a PNS: the bundled table and a parser for pangkat as printed.

The signatory block prints the pangkat in many ways: "Pembina Tk. I",
"Pembina Tingkat I", "Pembina Tk.I (IV/b)", "Penata Muda Tk. I, III/b",
"Pembina/IV a". :func:`parse_pangkat` reads them all into the canonical rank,
the golongan written (if any) and the spelling of "Tingkat I" used, so that the
checker can tell an unknown rank, a rank whose golongan does not match, and a
catalog that spells the same rank two ways. PPPK employees have a golongan but
no pangkat; their entry is recognised, never judged as a wrong pangkat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .teks import bersihkan_markup


@dataclass(frozen=True)
class Golongan:
    """One rank of the PNS table: golongan/ruang ("IV/b") and its pangkat name."""

    golongan: str
    nama: str

    @property
    def urutan(self) -> int:
        """Position in the table, 0 = I/a (lowest)."""
        return [g.golongan for g in tabel_pangkat()].index(self.golongan)


@cache
def tabel_pangkat() -> tuple[Golongan, ...]:
    """The 17 ranks I/a .. IV/e from ``data/pangkat.yaml``, lowest first (read once)."""
    text = resources.files("sopdoc").joinpath("data/pangkat.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return tuple(Golongan(str(row["golongan"]), str(row["nama"])) for row in data["pangkat"])


@cache
def _by_nama() -> dict[str, Golongan]:
    return {_kunci_nama(g.nama): g for g in tabel_pangkat()}


@cache
def _by_golongan() -> dict[str, Golongan]:
    return {g.golongan: g for g in tabel_pangkat()}


@dataclass(frozen=True)
class Pangkat:
    """A pangkat as printed, read.

    ``nama`` is the canonical rank ("Pembina Tingkat I") or None when the name is
    not a PNS rank; ``golongan_tertulis`` is the golongan printed beside it
    ("IV/b") or None; ``ejaan_tingkat`` is how "Tingkat I" was spelled
    ("Tk. I", "Tingkat I", ...), None when the rank has no "Tingkat I".
    """

    teks: str
    nama_tertulis: str
    nama: str | None
    golongan_tertulis: str | None
    ejaan_tingkat: str | None
    pppk: bool = False

    @property
    def dikenal(self) -> bool:
        """The name is a PNS rank (or the entry is a PPPK golongan)."""
        return self.pppk or self.nama is not None

    @property
    def golongan(self) -> str | None:
        """The golongan of the rank named (from the table), e.g. 'IV/b'."""
        if self.nama is None:
            return None
        return _by_nama()[_kunci_nama(self.nama)].golongan

    @property
    def golongan_cocok(self) -> bool:
        """False only when a golongan is printed and it is not the rank's golongan."""
        if self.golongan_tertulis is None or self.nama is None:
            return True
        return self.golongan_tertulis == self.golongan

    @property
    def nama_golongan_tertulis(self) -> str | None:
        """The rank name of the golongan printed ('IV/b' -> 'Pembina Tingkat I')."""
        if self.golongan_tertulis is None:
            return None
        g = _by_golongan().get(self.golongan_tertulis)
        return g.nama if g else None


_GOLONGAN = re.compile(r"(?<![A-Za-z])(IV|III|II|I)\s*[/\-.]?\s*([a-eA-E])(?![A-Za-z])")
"""A golongan/ruang as printed: 'IV/b', 'IV / b', 'IV-b', 'IV.b', 'IV b'."""

_TINGKAT = re.compile(
    r"(?P<ejaan>\b(?:tingkat|tkt\.?|tk\.?)\s*(?:I|1)(?![A-Za-z0-9]))", re.IGNORECASE
)
"""'Tingkat I' and its short spellings ('Tk. I', 'Tk.I', 'Tkt. I', 'Tingkat 1')."""

_PPPK = re.compile(
    r"\b(PPPK|P3K)\b|pegawai\s+pemerintah\s+dengan\s+perjanjian\s+kerja", re.IGNORECASE
)


def _kunci_nama(nama: str) -> str:
    return " ".join(nama.casefold().split())


def parse_pangkat(teks: str) -> Pangkat:
    """Read a printed pangkat; never raises (an unknown name gives ``nama=None``).

    >>> p = parse_pangkat("Pembina Tk.I (IV/b)")
    >>> (p.nama, p.golongan_tertulis, p.ejaan_tingkat, p.golongan_cocok)
    ('Pembina Tingkat I', 'IV/b', 'Tk.I', True)
    """
    bersih = bersihkan_markup(teks)
    if _PPPK.search(bersih):
        return Pangkat(teks, bersih, None, None, None, pppk=True)
    golongan: str | None = None
    m = _GOLONGAN.search(bersih)
    sisa = bersih
    if m:
        golongan = f"{m.group(1)}/{m.group(2).lower()}"
        sisa = bersih[: m.start()] + " " + bersih[m.end() :]
    sisa = re.sub(r"\b(golongan|gol\.?|ruang)\b", " ", sisa, flags=re.IGNORECASE)
    ejaan: str | None = None
    t = _TINGKAT.search(sisa)
    if t:
        ejaan = " ".join(t.group("ejaan").split())
        sisa = sisa[: t.start()] + " Tingkat I " + sisa[t.end() :]
    nama_tertulis = " ".join(re.sub(r"[()\[\],;/:]", " ", sisa).split()).strip(" .-")
    found = _by_nama().get(_kunci_nama(nama_tertulis))
    return Pangkat(
        teks=teks,
        nama_tertulis=nama_tertulis,
        nama=found.nama if found else None,
        golongan_tertulis=golongan,
        ejaan_tingkat=ejaan,
    )


def saran_pangkat(nama_tertulis: str) -> str | None:
    """The closest PNS rank name to an unknown one ('Pembina Utama Mudah' -> ...)."""
    import difflib

    names = [g.nama for g in tabel_pangkat()]
    close = difflib.get_close_matches(nama_tertulis.title(), names, n=1, cutoff=0.75)
    return close[0] if close else None
