"""What the parts of the assembler share while they read one SOP: its blocks, values, report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import _
from .bahan import Bahan, Paragraf, Tabel
from .laporan import Jalur, Jenis, LaporanSop
from .normal import bersihkan, punya_markup

Blok = Tabel | Paragraf


@dataclass
class Konteks:
    """One SOP being assembled: the blocks of the document that are its, and what was read."""

    bahan: Bahan
    blok: list[Blok]
    keep_markup: bool = False
    data: dict[str, Any] = field(default_factory=dict)
    laporan: LaporanSop = field(default_factory=lambda: LaporanSop("", ""))

    def teks(self, value: str, jalur: Jalur) -> str:
        """A printed value as it goes into the spec: markup cleaned out (and reported) or kept."""
        if self.keep_markup or not punya_markup(value):
            return value.strip()
        clean = bersihkan(value)
        self.laporan.tambah(
            jalur,
            Jenis.DIBERSIHKAN,
            _("HTML residue removed: {before!r}").format(before=value.strip()[:80]),
        )
        return clean

    def tebak(self, jalur: Jalur, pesan: str, yakin: float = 0.5) -> None:
        self.laporan.tambah(jalur, Jenis.DITEBAK, pesan, yakin)

    def gagal(self, jalur: Jalur, pesan: str) -> None:
        self.laporan.tambah(jalur, Jenis.TIDAK_TERBACA, pesan, 0.0)

    def catat(self, jalur: Jalur, pesan: str) -> None:
        self.laporan.tambah(jalur, Jenis.CATATAN, pesan)

    def dibaca(self, part: str, n: int = 1) -> None:
        self.laporan.dibaca[part] = self.laporan.dibaca.get(part, 0) + n
