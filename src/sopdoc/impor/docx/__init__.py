"""The DOCX reader: one Word document as a :class:`~sopdoc.impor.bahan.Bahan`.

Reads the package with lxml directly (no python-docx object model: one pass,
only the parts needed). ``tata`` places paragraphs and tables on pages;
``drawingml`` and ``vml`` read the shapes anchored in them; ``geometri``
classifies symbols by their outline; ``keluaran`` turns shapes into symbols,
labels and arrows.
"""

from __future__ import annotations

import os
from pathlib import Path

from ...i18n import _
from ..bahan import Bahan, BahanTidakTerbaca
from .drawingml import baca_drawing, ukuran_sebaris
from .gaya import Gaya, baca_tema
from .keluaran import Keluaran
from .ooxml import Elemen, gaya_css, panjang_vml, q
from .paket import buka
from .penomoran import Penomoran
from .tata import Jangkar, Tata
from .vml import baca_pict, kumpulkan_shapetype

_DRAWING, _PICT, _OBJECT = q("w:drawing"), q("w:pict"), q("w:object")
_V = "{urn:schemas-microsoft-com:vml}"


class _Penggambar:
    """Hands each drawing to the reader of its kind."""

    def __init__(self, out: Keluaran, shapetype: dict[str, Elemen]):
        self.out = out
        self.shapetype = shapetype

    def tinggi_sebaris(self, el: Elemen) -> tuple[float, float] | None:
        if el.tag == _DRAWING:
            return ukuran_sebaris(el)
        for child in el:
            if child.tag.startswith(_V) and child.tag != f"{_V}shapetype":
                css = gaya_css(child.get("style"))
                if css.get("position") == "absolute":
                    return None
                w = panjang_vml(css.get("width")) or 0.0
                h = panjang_vml(css.get("height")) or 0.0
                return (w, h)
        return None

    def baca(self, el: Elemen, jangkar: Jangkar) -> None:
        if el.tag == _DRAWING:
            baca_drawing(el, jangkar, self.out)
            return
        if el.tag == _OBJECT:
            self.out.catat(
                _(
                    "page {page}: an embedded object{where} (e.g. a Visio drawing) cannot be "
                    "read; only its preview picture is there"
                ).format(page=jangkar.halaman + 1, where=self.out.di_mana(jangkar.sel)),
                jangkar.halaman,
            )
            self.out.objek = True
            try:
                baca_pict(el, jangkar, self.out, self.shapetype)
            finally:
                self.out.objek = False
            return
        baca_pict(el, jangkar, self.out, self.shapetype)


def baca_docx(path: str | os.PathLike[str], nama: str | None = None) -> Bahan:
    """Read the Word document at ``path`` (``nama``: the file as the user named it).

    Raises :class:`~sopdoc.impor.bahan.BahanTidakTerbaca` when the file is not
    a readable Word document (encrypted, a legacy .doc, damaged).
    """
    nama = nama or str(path)
    paket = buka(Path(path), nama)
    with paket.zip:
        root = paket.xml(paket.dokumen_path)
        assert root is not None  # buka() checked the part exists
        bahan = Bahan(sumber=nama, format="docx")
        gaya = Gaya(_part(paket, "styles"), baca_tema(_part(paket, "theme")))
        nomor = Penomoran(_part(paket, "numbering"))
        out = Keluaran(bahan, gaya)
        tata = Tata(bahan, gaya, nomor, _Penggambar(out, kumpulkan_shapetype(root)))
        tata.kompat = _mode_kompatibilitas(_part(paket, "settings"))
        body = root.find(q("w:body"))
        if body is None:
            raise BahanTidakTerbaca(
                _(
                    "{file}: a Word document in a form sopdoc cannot read (Strict Open XML?); "
                    "save it in Word as Word Document (.docx)"
                ).format(file=nama)
            )
        tata.body(body)
        for tipe in ("header", "footer"):
            for part in paket.bagian(tipe):
                head = paket.xml(part)
                if head is not None:
                    tata.kepala_kaki(head)
        out.rapikan()
    return bahan


def _mode_kompatibilitas(settings: Elemen | None) -> int:
    """Word's compatibility mode of the file (15: Word 2013 and later; older files less)."""
    if settings is not None:
        for cs in settings.iter(q("w:compatSetting")):
            if cs.get(q("w:name")) == "compatibilityMode":
                try:
                    return int(cs.get(q("w:val")) or "0")
                except ValueError:
                    return 0
    return 12


def _part(paket: object, tipe: str) -> Elemen | None:
    from .paket import Paket

    assert isinstance(paket, Paket)
    parts = paket.bagian(tipe)
    return paket.xml(parts[0]) if parts else None


__all__ = ["baca_docx"]
