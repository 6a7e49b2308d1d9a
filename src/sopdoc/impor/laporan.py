"""The import report: what was read, guessed, cleaned or could not be read, per SOP.

Every value the assembler did not read plainly gets a :class:`Butir` naming
its place in the spec (``jalur``, as ``sopdoc.format_path`` writes it), so the
YAML writer can put a ``# sopdoc import:`` comment beside it and the report can
list it. Confidence is given per part of the document (identitas, bagian,
pelaksana, kegiatan, diagram).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..errors import format_path
from ..i18n import N_, _

Jalur = tuple[str | int, ...]


class Jenis(str, Enum):
    """How a value came into the spec."""

    DITEBAK = "ditebak"  # inferred: review it
    DIBERSIHKAN = "dibersihkan"  # HTML residue removed
    TIDAK_TERBACA = "tidak_terbaca"  # printed but could not be read; left out or empty
    CATATAN = "catatan"  # read as printed; something worth knowing


BAGIAN = ("identitas", "bagian", "pelaksana", "kegiatan", "diagram")
"""The parts of an SOP the report gives a confidence for."""

NAMA_BAGIAN = {
    "identitas": N_("identity"),
    "bagian": N_("sections"),
    "pelaksana": N_("lanes"),
    "kegiatan": N_("procedure table"),
    "diagram": N_("flowchart"),
}

NAMA_JENIS = {
    Jenis.DITEBAK: N_("guessed"),
    Jenis.DIBERSIHKAN: N_("cleaned"),
    Jenis.TIDAK_TERBACA: N_("unreadable"),
    Jenis.CATATAN: N_("note"),
}


def bagian_dari(jalur: Jalur) -> str:
    """The report part a spec path belongs to."""
    key = str(jalur[0]) if jalur else ""
    if key == "pelaksana":
        return "pelaksana"
    if key == "kegiatan":
        if len(jalur) > 2 and jalur[2] in (
            "pelaksana",
            "jika_tidak",
            "simbol",
            "label_ya",
            "label_tidak",
        ):
            return "diagram"
        return "kegiatan"
    if key in (
        "dasar_hukum",
        "kualifikasi_pelaksana",
        "keterkaitan",
        "peralatan_perlengkapan",
        "peringatan",
        "pencatatan_pendataan",
    ):
        return "bagian"
    return "identitas"


@dataclass
class Butir:
    """One value that was not read plainly: where it goes in the spec, how, and why."""

    jalur: Jalur
    jenis: Jenis
    pesan: str  # translated, for the user
    yakin: float = 1.0  # confidence in the value written, 0..1

    @property
    def bagian(self) -> str:
        return bagian_dari(self.jalur)

    def to_dict(self) -> dict[str, Any]:
        return {
            "jalur": format_path(self.jalur),
            "jenis": self.jenis.value,
            "pesan": self.pesan,
            "yakin": round(self.yakin, 2),
        }


@dataclass
class LaporanSop:
    """The report of one SOP of a document."""

    nomor: str
    nama: str
    butir: list[Butir] = field(default_factory=list)
    dibaca: dict[str, int] = field(default_factory=dict)  # part -> values read
    keluaran: str | None = None  # the spec file written, if any

    def tambah(self, jalur: Jalur, jenis: Jenis, pesan: str, yakin: float = 1.0) -> None:
        self.butir.append(Butir(jalur, jenis, pesan, yakin))

    def yakin(self) -> dict[str, float]:
        """Confidence per part: 1.0 where everything was read, lower per guess."""
        out = {}
        for part in BAGIAN:
            flagged = [b for b in self.butir if b.bagian == part and b.jenis is not Jenis.CATATAN]
            values = max(1, self.dibaca.get(part, 0) + len(flagged))
            penalty = sum(
                (1.0 - b.yakin) if b.jenis is Jenis.DITEBAK else 1.0
                for b in self.butir
                if b.bagian == part and b.jenis in (Jenis.DITEBAK, Jenis.TIDAK_TERBACA)
            )
            out[part] = round(max(0.0, 1.0 - penalty / values), 2)
        return out

    @property
    def perlu_ditinjau(self) -> bool:
        """Whether a value was guessed or could not be read (exit code 1)."""
        return any(b.jenis in (Jenis.DITEBAK, Jenis.TIDAK_TERBACA) for b in self.butir)

    def to_dict(self) -> dict[str, Any]:
        return {
            "nomor": self.nomor,
            "nama": self.nama,
            "keluaran": self.keluaran,
            "yakin": self.yakin(),
            "dibaca": dict(self.dibaca),
            "butir": [b.to_dict() for b in self.butir],
        }


@dataclass
class Laporan:
    """The report of one input document (which may hold several SOPs)."""

    sumber: str
    format: str
    sop: list[LaporanSop] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)  # about the document as a whole
    galat: str | None = None  # why nothing could be imported (exit code 2)

    @property
    def kode_keluar(self) -> int:
        if self.galat is not None:
            return 2
        return 1 if any(s.perlu_ditinjau for s in self.sop) else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sumber": self.sumber,
            "format": self.format,
            "kode_keluar": self.kode_keluar,
            "galat": self.galat,
            "catatan": list(self.catatan),
            "sop": [s.to_dict() for s in self.sop],
        }

    def teks(self) -> str:
        """The report as text for the terminal, in the user's language."""
        lines = [f"{self.sumber} ({self.format})"]
        if self.galat:
            lines.append("  " + _("error: {message}").format(message=self.galat))
        for note in self.catatan:
            lines.append(f"  - {note}")
        for s in self.sop:
            lines.append("  " + _("SOP {nomor}: {nama}").format(nomor=s.nomor, nama=s.nama))
            if s.keluaran:
                lines.append("    " + _("written to {path}").format(path=s.keluaran))
            parts = ", ".join(
                f"{_(NAMA_BAGIAN[k])} {round(v * 100)}%" for k, v in s.yakin().items()
            )
            lines.append("    " + _("confidence: {parts}").format(parts=parts))
            for b in s.butir:
                where = format_path(b.jalur) or _("document")
                lines.append(f"    {_(NAMA_JENIS[b.jenis])}: {where}: {b.pesan}")
        return "\n".join(lines)
