"""Where the shape readers put what they saw: one shape becomes a symbol, a label or an arrow.

DrawingML and VML readers both describe each shape as a :class:`Bentuk`;
this module alone decides what it is for the assembler: a line is an arrow
(with or without heads), text without outline or colour is a label, anything
else drawn is a symbol. Text boxes laid over an empty symbol give it their
text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...i18n import _
from ..bahan import (
    AcuanSel,
    Bahan,
    Catatan,
    Gambar,
    JenisSimbol,
    Kotak,
    Label,
    Panah,
    Simbol,
    Titik,
)
from .gaya import Gaya
from .geometri import Hasil
from .ooxml import Elemen, q
from .teks import isi_paragraf

_P = q("w:p")
_GAMBAR_BESAR = 150.0 * 100.0  # a picture this large (pt²) may be a pasted flowchart


@dataclass
class Bentuk:
    """One drawn shape, in page points."""

    kotak: Kotak
    hasil: Hasil | None = None  # the symbol it draws (None for a line)
    teks: str = ""
    garis: bool = True  # an outline is drawn
    warna: bool = False  # a fill other than white/none
    titik: list[Titik] | None = None  # a line's polyline, tail to head
    kepala: str = "tidak_ada"
    sel: AcuanSel | None = None


class Keluaran:
    """Collects shapes into a :class:`Bahan`."""

    def __init__(self, bahan: Bahan, gaya: Gaya):
        self.bahan = bahan
        self.gaya = gaya
        self.objek = False  # reading an embedded object's preview (already reported)

    def teks(self, txbx: Elemen | None) -> str:
        """The text of a text box (``w:txbxContent``), paragraphs joined by newlines."""
        if txbx is None:
            return ""
        parts = [isi_paragraf(p, self.gaya).teks.strip() for p in txbx.iter(_P)]
        return "\n".join(p for p in parts if p)

    def tambah(self, b: Bentuk) -> None:
        if b.titik is not None:
            if len(b.titik) >= 2:
                self.bahan.panah.append(
                    Panah(
                        titik=[(round(x, 2), round(y, 2)) for x, y in b.titik],
                        halaman=b.kotak.halaman,
                        kepala=b.kepala,  # type: ignore[arg-type]
                        sel=b.sel,
                    )
                )
            return
        if b.teks and not b.garis and not b.warna:
            self.bahan.label.append(Label(teks=b.teks, kotak=_bulat(b.kotak), sel=b.sel))
            return
        if not (b.garis or b.warna or b.teks) or b.hasil is None:
            return
        self.bahan.simbol.append(
            Simbol(
                jenis=b.hasil.jenis,
                kotak=_bulat(b.kotak),
                teks=b.teks,
                bentuk=b.hasil.bentuk,
                yakin=b.hasil.yakin,
                sel=b.sel,
            )
        )

    def gambar(self, kotak: Kotak | None, nama: str, sel: AcuanSel | None) -> None:
        """A picture: recorded; a large one is noted as a possible pasted flowchart."""
        self.bahan.gambar.append(Gambar(kotak=kotak, nama=nama, sel=sel))
        besar = kotak is not None and kotak.lebar * kotak.tinggi >= _GAMBAR_BESAR
        if besar and kotak is not None and not self.objek:
            self.catat(
                _(
                    "page {page}: a picture ({width} x {height} pt){where} cannot be read; "
                    "if it is the flowchart, it was pasted as an image"
                ).format(
                    page=kotak.halaman + 1,
                    width=round(kotak.lebar),
                    height=round(kotak.tinggi),
                    where=self.di_mana(sel),
                ),
                kotak.halaman,
            )

    def di_mana(self, sel: AcuanSel | None) -> str:
        if sel is None:
            return ""
        return _(" in table {table}, row {row}").format(table=sel[0] + 1, row=sel[1] + 1)

    def catat(self, pesan: str, halaman: int | None) -> None:
        self.bahan.catatan.append(Catatan(pesan=pesan, halaman=halaman))

    def rapikan(self) -> None:
        """Give an empty symbol the text of a label laid over it (a text box on a shape).

        A branch word ("Ya", "Tidak", "Y", "T") stays a label: it is written beside a
        decision, often inside the empty corners of its box."""
        sisa = []
        for lab in self.bahan.label:
            if lab.teks.strip().lower().rstrip(".") in _CABANG:
                sisa.append(lab)
                continue
            host = next(
                (
                    s
                    for s in self.bahan.simbol
                    if not s.teks and s.kotak.halaman == lab.kotak.halaman and _di_dalam(lab, s)
                ),
                None,
            )
            if host is None:
                sisa.append(lab)
            else:
                host.teks = lab.teks
        self.bahan.label = sisa


_CABANG = {"ya", "tidak", "y", "t", "tdk", "yes", "no", "ok"}


def _di_dalam(lab: Label, s: Simbol) -> bool:
    """Whether the label lies over the symbol (over the diamond itself, for a decision)."""
    a, b = lab.kotak, s.kotak
    if s.jenis is JenisSimbol.KEPUTUSAN:
        (cx, cy), (lx, ly) = b.tengah, a.tengah
        if abs(lx - cx) / max(b.lebar / 2, 1e-6) + abs(ly - cy) / max(b.tinggi / 2, 1e-6) > 1:
            return False
    ix = max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))
    iy = max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0))
    area = max(a.lebar * a.tinggi, 1e-6)
    return ix * iy / area >= 0.7 and b.lebar * b.tinggi >= area


def _bulat(k: Kotak) -> Kotak:
    return Kotak(round(k.x0, 2), round(k.y0, 2), round(k.x1, 2), round(k.y1, 2), k.halaman)
