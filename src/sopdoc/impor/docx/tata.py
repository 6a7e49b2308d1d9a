"""The flow: paragraphs and tables placed on pages, as Word would place them, estimated.

One walk over the body in reading order. Each section brings its paper,
margins and orientation; a page ends at a page break, a section that starts a
new page, where Word last rendered a page break (``w:lastRenderedPageBreak``,
when the file has them), or, in files without them, where the estimated
content overflows the page. Row heights are taken from ``w:trHeight`` where it
is exact and estimated from the text otherwise (lines × line height, wrapped
with Liberation Sans metrics at the cell's width). A table that runs onto
another page is given as one :class:`Tabel` per page, its header rows
repeated as Word prints them. Drawings are handed, with the place of their
anchor paragraph, to the shape readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from ...layout.metrics import wrap
from ..bahan import AcuanSel, Bahan, Kotak, Paragraf, Sel, Tabel
from .gaya import Gaya, SifatParagraf, faktor_huruf
from .ooxml import Elemen, anak, nilai, q, twip
from .penomoran import Penomoran
from .tabel import BarisGrid, GridTabel, grid_tabel
from .teks import IsiParagraf, isi_paragraf

_P, _TBL, _SDT, _CUSTOM, _SECT = (
    q(t) for t in ("w:p", "w:tbl", "w:sdt", "w:customXml", "w:sectPr")
)
_DRAWING, _PICT, _PPR = q("w:drawing"), q("w:pict"), q("w:pPr")
_BAGIAN_MIN = 14.0  # Word splits a row over the page bottom only if a line fits before it
_PERLU_SIFAT = {q("w:pStyle"), q("w:numPr")}  # what numbering depends on
_WRAP_SLACK = 0.0  # taken off every text width (the reader estimates; it needs no bound)


@dataclass(frozen=True)
class Bagian:
    """A section's page: paper and margins in points."""

    lebar: float = 612.0
    tinggi: float = 792.0
    kiri: float = 72.0
    atas: float = 72.0
    kanan: float = 72.0
    bawah: float = 72.0
    mulai: str = "nextPage"  # how the section starts

    @property
    def kolom(self) -> tuple[float, float]:
        return self.kiri, self.lebar - self.kanan


def baca_bagian(sect: Elemen | None) -> Bagian:
    """Paper, margins and start type of a ``w:sectPr`` (Word's defaults: Letter, 1 inch)."""
    b = Bagian()
    if sect is None:
        return b
    pg, mar = anak(sect, "w:pgSz"), anak(sect, "w:pgMar")
    lebar = twip(pg.get(q("w:w")), b.lebar) if pg is not None else b.lebar
    tinggi = twip(pg.get(q("w:h")), b.tinggi) if pg is not None else b.tinggi
    if pg is not None and pg.get(q("w:orient")) == "landscape" and lebar < tinggi:
        lebar, tinggi = tinggi, lebar  # a landscape page is never tall
    ubah: dict[str, float] = {"lebar": lebar, "tinggi": tinggi}
    if mar is not None:
        for attr, key in (
            ("top", "atas"),
            ("bottom", "bawah"),
            ("left", "kiri"),
            ("right", "kanan"),
        ):
            if mar.get(q(f"w:{attr}")) is not None:
                ubah[key] = abs(twip(mar.get(q(f"w:{attr}"))))
    return replace(b, mulai=nilai(sect, "w:type") or "nextPage", **ubah)


@dataclass
class Jangkar:
    """Where a drawing's anchor paragraph is: what its position is measured from."""

    halaman: int
    bagian: Bagian
    kolom: tuple[float, float]  # the text column: page margins, or the cell's text area
    paragraf: Kotak  # the paragraph's text area, top at the paragraph's top
    sel: AcuanSel | None = None
    sel_kotak: Kotak | None = None
    x_sebaris: float = 0.0  # where the next inline drawing of the paragraph goes
    y_sebaris: float = 0.0  # the top of the paragraph's first line (after its space before)


class Penggambar(Protocol):
    """The shape readers, as the flow sees them."""

    def tinggi_sebaris(self, el: Elemen) -> tuple[float, float] | None:
        """(width, height) of an inline drawing (it sits in a line of text), else None."""

    def baca(self, el: Elemen, jangkar: Jangkar) -> None:
        """Read the drawing ``el`` anchored at ``jangkar`` into the Bahan."""


@dataclass
class _Par:
    """A measured paragraph."""

    p: Elemen
    sifat: SifatParagraf
    isi: IsiParagraf
    tinggi: float
    penanda: str | None


@dataclass
class _IsiSel:
    """The measured content of a cell: paragraphs and nested tables in order."""

    isi: list[_Par | _TabelUkur] = field(default_factory=list)
    tinggi: float = 0.0  # content height, margins included


@dataclass
class _TabelUkur:
    """A measured table: its grid, the content of each cell, the height of each row."""

    grid: GridTabel
    sel: list[list[_IsiSel]]
    tinggi: list[float]

    @property
    def total(self) -> float:
        return sum(self.tinggi)


class Tata:
    """Places one document's body on pages, filling ``bahan``."""

    def __init__(self, bahan: Bahan, gaya: Gaya, nomor: Penomoran, gambar: Penggambar):
        self.bahan = bahan
        self.gaya = gaya
        self.nomor = nomor
        self.gambar = gambar
        self.halaman = -1
        self.y = 0.0
        self.kosong = True  # nothing placed on the current page yet
        self.bagian = Bagian()
        self.render = False  # the file has Word's rendered page breaks: trust them
        self.urutan = 0
        self.kompat = 15  # Word's compatibility mode of the file (from the settings part)

    # pages ---------------------------------------------------------------

    def halaman_baru(self) -> None:
        self.halaman += 1
        self.y = self.bagian.atas
        self.kosong = True
        self.bahan.ukuran_halaman.append((self.bagian.lebar, self.bagian.tinggi))

    @property
    def dasar(self) -> float:
        return self.bagian.tinggi - self.bagian.bawah

    def _muat(self, tinggi: float) -> bool:
        """Whether ``tinggi`` more fits on this page (always, when Word's breaks are trusted)."""
        return self.render or self.kosong or self.y + tinggi <= self.dasar + 0.5

    # body ----------------------------------------------------------------

    def body(self, body: Elemen) -> None:
        self.render = next(body.iter(q("w:lastRenderedPageBreak")), None) is not None
        items = list(_isi_body(body))
        groups: list[tuple[list[Elemen], Elemen | None]] = []
        current: list[Elemen] = []
        for el in items:
            if el.tag == _SECT:
                groups.append((current, el))
                current = []
                continue
            current.append(el)
            if el.tag == _P:
                sect = anak(anak(el, "w:pPr"), "w:sectPr")
                if sect is not None:
                    groups.append((current, sect))
                    current = []
        if current:
            groups.append((current, None))
        for i, (els, sect) in enumerate(groups):
            before = self.bagian
            self.bagian = baca_bagian(sect)
            other_paper = (before.lebar, before.tinggi) != (self.bagian.lebar, self.bagian.tinggi)
            # a continuous section on other paper (or turned) still starts a page in Word
            if i == 0 or other_paper or self.bagian.mulai not in ("continuous", "nextColumn"):
                self.halaman_baru()
            for el in els:
                if el.tag == _P:
                    self.paragraf_body(el)
                elif el.tag == _TBL:
                    self.tabel_body(el)

    def paragraf_body(self, p: Elemen) -> None:
        x0, x1 = self.bagian.kolom
        par = self._ukur_paragraf(p, x1 - x0)
        putus = par.sifat.putus_halaman or par.isi.putus_awal
        if (putus or (self.render and par.isi.render_awal)) and not self.kosong:
            self.halaman_baru()
        if not self._muat(par.tinggi):
            self.halaman_baru()
        kotak = Kotak(
            x0 + par.sifat.kiri, self.y, x1 - par.sifat.kanan, self.y + par.tinggi, self.halaman
        )
        if par.isi.teks.strip() or par.penanda:
            self.bahan.paragraf.append(
                Paragraf(teks=par.isi.teks, kotak=kotak, penomoran=par.penanda, urutan=self.urutan)
            )
            self.urutan += 1
        self._gambar(par, kotak, (x0, x1), None, None)
        self.y += par.tinggi
        self.kosong = False
        if par.isi.putus_akhir or (self.render and par.isi.render_tengah):
            self.halaman_baru()
            if par.isi.render_tengah:  # the paragraph's last lines are on the new page
                self.y += par.sifat.tinggi_baris(par.isi.ukuran or par.sifat.ukuran)

    def _gambar(
        self,
        par: _Par,
        kotak: Kotak,
        kolom: tuple[float, float],
        sel: AcuanSel | None,
        sel_kotak: Kotak | None,
    ) -> None:
        if not par.isi.gambar:
            return
        jangkar = Jangkar(
            halaman=kotak.halaman,
            bagian=self.bagian,
            kolom=kolom,
            paragraf=kotak,
            sel=sel,
            sel_kotak=sel_kotak,
            x_sebaris=kotak.x0,
            y_sebaris=kotak.y0 + par.sifat.sebelum,
        )
        sebaris = [self.gambar.tinggi_sebaris(el) for el in par.isi.gambar]
        widths = sum(s[0] for s in sebaris if s)
        if par.sifat.jc == "center":
            jangkar.x_sebaris = kotak.x0 + max(0.0, (kotak.lebar - widths) / 2)
        elif par.sifat.jc == "right":
            jangkar.x_sebaris = kotak.x1 - widths
        for el, size in zip(par.isi.gambar, sebaris, strict=True):
            self.gambar.baca(el, jangkar)
            if size:
                jangkar.x_sebaris += size[0]

    # measuring -----------------------------------------------------------

    def _ukur_paragraf(
        self, p: Elemen, lebar: float, ukur: bool = True, tabel: str | None = None
    ) -> _Par:
        """Walk and measure a paragraph (``ukur=False``: its lines are not wrapped).

        ``tabel``: the style of the table the paragraph is in."""
        ppr = p[0] if len(p) and p[0].tag == _PPR else None  # pPr comes first when present
        if ukur or (ppr is not None and _PERLU_SIFAT.intersection(c.tag for c in ppr)):
            sifat = self.gaya.paragraf(ppr, tabel)
        else:  # nothing to place or number: the style's properties do
            sifat = self.gaya.paragraf(None, tabel)
        isi = isi_paragraf(p, self.gaya)
        penanda = self.nomor.penanda(sifat.num_id, sifat.ilvl)
        size = isi.ukuran or sifat.ukuran
        huruf = (self.gaya.huruf(isi.rfonts) if isi.rfonts is not None else None) or sifat.huruf
        line = sifat.tinggi_baris(size, huruf)
        avail = max(lebar - sifat.kiri - sifat.kanan - _WRAP_SLACK, 10.0)
        teks = isi.teks.replace("\t", "    ")
        if penanda:
            teks = penanda + "  " + teks
        if not teks.strip():
            n = 1
        elif ukur:
            n = max(1, len(wrap(teks, avail / faktor_huruf(huruf)[1], size)))
        else:
            n = teks.count("\n") + 1
        extra = 0.0
        if isi.gambar and sifat.aturan != "exact":
            for el in isi.gambar:
                size_inline = self.gambar.tinggi_sebaris(el)
                if size_inline:
                    extra = max(extra, size_inline[1] - line)
        tinggi = sifat.sebelum + n * line + extra + sifat.sesudah
        return _Par(p=p, sifat=sifat, isi=isi, tinggi=tinggi, penanda=penanda)

    def _ukur_sel(
        self,
        tc: Elemen,
        lebar: float,
        margin: tuple[float, ...],
        ukur: bool = True,
        tabel: str | None = None,
    ) -> _IsiSel:
        """Walk and measure a cell; in an exact row only a cell holding drawings is wrapped."""
        out = _IsiSel()
        ukur = ukur or next(tc.iter(_DRAWING, _PICT), None) is not None
        inner = lebar - margin[1] - margin[3]
        total = margin[0] + margin[2]
        for el in _isi_body(tc):
            if el.tag == _P:
                par = self._ukur_paragraf(el, inner, ukur, tabel)
                out.isi.append(par)
                total += par.tinggi
            elif el.tag == _TBL:
                nested = self._ukur_tabel(el, 0.0, inner)
                out.isi.append(nested)
                total += nested.total
        out.tinggi = total
        return out

    def _ukur_tabel(self, tbl: Elemen, x0: float, x1: float) -> _TabelUkur:
        grid = grid_tabel(tbl, x0, x1, self.gaya, geser=self.kompat < 15)
        gaya_tabel = self.gaya.gaya_tabel(nilai(anak(tbl, "w:tblPr"), "w:tblStyle"))
        isi: list[list[_IsiSel]] = []
        tinggi: list[float] = []
        for row in grid.baris:
            cells = []
            h = 0.0
            for c in row.sel:
                w = grid.x[min(c.kolom + c.span, len(grid.x) - 1)] - grid.x[c.kolom]
                ukur = self._ukur_sel(c.tc, w, c.margin, row.aturan != "exact", gaya_tabel)
                cells.append(ukur)
                if c.vmerge is None:
                    h = max(h, ukur.tinggi)
            isi.append(cells)
            tinggi.append(_tinggi_baris(row, h + grid.garis))
        # a vertically merged cell grows the last row it covers when its content needs it
        for ri, row in enumerate(grid.baris):
            for ci, c in enumerate(row.sel):
                if c.vmerge != "restart":
                    continue
                last = ri
                while last + 1 < len(grid.baris) and _lanjut(grid.baris[last + 1], c.kolom):
                    last += 1
                need = isi[ri][ci].tinggi - sum(tinggi[ri : last + 1])
                if need > 0 and grid.baris[last].aturan != "exact":
                    tinggi[last] += need
        return _TabelUkur(grid=grid, sel=isi, tinggi=tinggi)

    # placing tables --------------------------------------------------------

    def tabel_body(self, tbl: Elemen) -> None:
        x0, x1 = self.bagian.kolom
        ukur = self._ukur_tabel(tbl, x0, x1)
        grid = ukur.grid
        self._mengapung(anak(anak(tbl, "w:tblPr"), "w:tblpPr"), grid)
        judul = []
        for ri, row in enumerate(grid.baris):
            if not row.judul:
                break
            judul.append(ri)
        out: Tabel | None = None
        for ri in range(len(grid.baris)):
            h = ukur.tinggi[ri]
            rendered = self.render and any(
                isinstance(first := next(iter(s.isi), None), _Par) and first.isi.render_awal
                for s in ukur.sel[ri]
            )
            tengah = self.render and _patah_tengah(ukur.sel[ri])
            sisa = 0.0  # what of a row split over the page bottom goes on the next page
            if out is not None and not rendered and not self._muat(h):
                free = self.dasar - self.y
                baris = grid.baris[ri]
                pecah = not baris.utuh and baris.aturan != "exact" and ri not in judul
                if pecah and free >= _BAGIAN_MIN:
                    sisa = h - free
                    self._tempatkan_baris(ukur, ri, out, salinan=False, tinggi=free)
            if out is not None and (rendered or not self._muat(h)):
                self._tutup(out)
                self.halaman_baru()
                out = None
                if ri not in judul:
                    out = self._tabel_baru()
                    for hj in judul:
                        self._tempatkan_baris(ukur, hj, out, salinan=True)
                if sisa > 0 and out is not None:
                    self._sambungan(ukur, ri, out, sisa)
                    continue
            elif out is None and not self.kosong and not self._muat(h):
                self.halaman_baru()
            if out is None:
                out = self._tabel_baru()
            if tengah:  # Word broke this row over a page: its rest heads the next page
                bagian1 = min(h, max(self.dasar - self.y, _BAGIAN_MIN))
                self._tempatkan_baris(ukur, ri, out, salinan=False, tinggi=bagian1)
                self._tutup(out)
                self.halaman_baru()
                out = self._tabel_baru()
                for hj in judul:
                    self._tempatkan_baris(ukur, hj, out, salinan=True)
                self._sambungan(ukur, ri, out, max(h - bagian1, _BAGIAN_MIN))
                continue
            self._tempatkan_baris(ukur, ri, out, salinan=False)
        if out is not None:
            self._tutup(out)

    def _mengapung(self, tblp: Elemen | None, grid: GridTabel) -> None:
        """A floating table (``w:tblpPr``): moved to where its position says, on this page."""
        if tblp is None:
            return
        b = self.bagian
        frames_h = {"page": (0.0, b.lebar), "margin": b.kolom}
        fx0, fx1 = frames_h.get(tblp.get(q("w:horzAnchor")) or "text", b.kolom)
        spec = tblp.get(q("w:tblpXSpec"))
        lebar = grid.lebar
        if spec == "center":
            left = (fx0 + fx1 - lebar) / 2
        elif spec in ("right", "outside"):
            left = fx1 - lebar
        elif spec in ("left", "inside"):
            left = fx0
        else:
            left = fx0 + twip(tblp.get(q("w:tblpX")))
        shift = left - grid.x[0]
        grid.x = [x + shift for x in grid.x]
        vert = tblp.get(q("w:vertAnchor")) or "margin"
        if vert in ("page", "margin") and tblp.get(q("w:tblpYSpec")) is None:
            top = (0.0 if vert == "page" else b.atas) + twip(tblp.get(q("w:tblpY")))
            if top >= self.y - 0.5:  # never back over what is already on the page
                self.y = top
        elif vert == "text":
            self.y += twip(tblp.get(q("w:tblpY")))

    def _tabel_baru(self) -> Tabel:
        tabel = Tabel(baris=[], urutan=self.urutan)
        self.urutan += 1
        self.bahan.tabel.append(tabel)
        return tabel

    def _tutup(self, tabel: Tabel) -> None:
        boxes = [c.kotak for row in tabel.baris for c in row if c.kotak is not None]
        if boxes:
            tabel.kotak = Kotak(
                min(b.x0 for b in boxes),
                min(b.y0 for b in boxes),
                max(b.x1 for b in boxes),
                max(b.y1 for b in boxes),
                boxes[0].halaman,
            )

    def _sambungan(self, ukur: _TabelUkur, ri: int, out: Tabel, tinggi: float) -> None:
        """The rest of row ``ri``, split over the page bottom (Word breaks such rows):
        cells that continue the row above, their text given there."""
        xs = ukur.grid.x
        y0 = self.y
        row = [
            Sel(
                paragraf=[],
                kotak=Kotak(
                    xs[c.kolom],
                    y0,
                    xs[min(c.kolom + c.span, len(xs) - 1)],
                    y0 + tinggi,
                    self.halaman,
                ),
                span=c.span,
                lanjutan=True,
            )
            for c in ukur.grid.baris[ri].sel
        ]
        out.baris.append(row)
        self.y = y0 + tinggi
        self.kosong = False

    def _tempatkan_baris(
        self, ukur: _TabelUkur, ri: int, out: Tabel, salinan: bool, tinggi: float | None = None
    ) -> None:
        """Place row ``ri`` at the cursor as the next row of ``out`` (a repeated header: a copy;
        ``tinggi``: only this much of it, the rest going on the next page)."""
        row = ukur.grid.baris[ri]
        h = ukur.tinggi[ri] if tinggi is None else tinggi
        y0 = self.y
        ti = self.bahan.tabel.index(out)
        cells: list[Sel] = []
        for ci, (c, isi) in enumerate(zip(row.sel, ukur.sel[ri], strict=True)):
            xs = ukur.grid.x
            kotak = Kotak(
                xs[c.kolom], y0, xs[min(c.kolom + c.span, len(xs) - 1)], y0 + h, self.halaman
            )
            sel = Sel(paragraf=[], kotak=kotak, span=c.span, lanjutan=c.vmerge == "continue")
            tinggi_isi = h
            if c.vmerge == "restart":
                last = ri
                while last + 1 < len(ukur.grid.baris) and _lanjut(
                    ukur.grid.baris[last + 1], c.kolom
                ):
                    last += 1
                tinggi_isi = sum(ukur.tinggi[ri : last + 1])
            geser = 0.0
            if c.valign in ("center", "bottom"):
                free = max(0.0, tinggi_isi - isi.tinggi)
                geser = free / 2 if c.valign == "center" else free
            acuan = None if salinan else (ti, len(out.baris), ci)
            self._isi_sel(isi, sel, kotak, c.margin, y0 + geser, acuan, salinan)
            cells.append(sel)
        out.baris.append(cells)
        self.y = y0 + h
        self.kosong = False

    def _isi_sel(
        self,
        isi: _IsiSel,
        sel: Sel,
        kotak: Kotak,
        margin: tuple[float, ...],
        top: float,
        acuan: AcuanSel | None,
        salinan: bool,
    ) -> None:
        """Fill ``sel`` with its content placed from ``top``; read the drawings anchored in it."""
        x0, x1 = kotak.x0 + margin[1], kotak.x1 - margin[3]
        y = top + margin[0]
        for item in isi.isi:
            if isinstance(item, _Par):
                box = Kotak(
                    x0 + item.sifat.kiri, y, x1 - item.sifat.kanan, y + item.tinggi, kotak.halaman
                )
                if item.isi.teks.strip() or item.penanda:
                    sel.paragraf.append(item.isi.teks)
                    sel.penomoran.append(item.penanda)
                if not salinan:
                    self._gambar(item, box, (x0, x1), acuan, kotak)
                y += item.tinggi
            else:
                nested = self._tabel_dalam(item, x0, y, kotak.halaman, acuan, salinan)
                sel.tabel.append(nested)
                y += item.total

    def _tabel_dalam(
        self,
        ukur: _TabelUkur,
        x0: float,
        y: float,
        halaman: int,
        acuan: AcuanSel | None,
        salinan: bool,
    ) -> Tabel:
        """A table nested in a cell, measured at x 0: shifted to ``x0`` and placed from ``y``."""
        xs = [x0 + x for x in ukur.grid.x]
        out = Tabel(baris=[])
        for ri, row in enumerate(ukur.grid.baris):
            h = ukur.tinggi[ri]
            cells = []
            for c, isi in zip(row.sel, ukur.sel[ri], strict=True):
                kotak = Kotak(
                    xs[c.kolom], y, xs[min(c.kolom + c.span, len(xs) - 1)], y + h, halaman
                )
                sel = Sel(paragraf=[], kotak=kotak, span=c.span, lanjutan=c.vmerge == "continue")
                self._isi_sel(isi, sel, kotak, c.margin, y, acuan, salinan)
                cells.append(sel)
            out.baris.append(cells)
            y += h
        self._tutup(out)
        return out

    # headers and footers ---------------------------------------------------

    def kepala_kaki(self, root: Elemen) -> None:
        """The text of a header or footer part, for ``Bahan.kepala_kaki`` (no place)."""
        for p in root.iter(_P):
            teks = isi_paragraf(p, self.gaya).teks
            if teks.strip():
                self.bahan.kepala_kaki.append(Paragraf(teks=teks))


def _patah_tengah(cells: list[_IsiSel]) -> bool:
    """Whether Word's last rendering broke a page inside this row (not before it)."""
    for cell in cells:
        for i, item in enumerate(cell.isi):
            if isinstance(item, _Par) and (
                item.isi.render_tengah or (i > 0 and item.isi.render_awal)
            ):
                return True
    return False


def _lanjut(row: BarisGrid, kolom: int) -> bool:
    return any(c.kolom == kolom and c.vmerge == "continue" for c in row.sel)


def _tinggi_baris(row: BarisGrid, isi: float) -> float:
    if row.aturan == "exact":
        return row.tinggi
    if row.aturan == "atLeast":
        return max(row.tinggi, isi)
    return max(isi, 1.0)


def _isi_body(el: Elemen) -> list[Elemen]:
    """Block-level content in order: paragraphs, tables (and the body's sectPr), unwrapped."""
    out: list[Elemen] = []
    for child in el:
        tag = child.tag
        if tag in (_P, _TBL, _SECT):
            out.append(child)
        elif tag == _SDT:
            content = anak(child, "w:sdtContent")
            if content is not None:
                out.extend(_isi_body(content))
        elif tag == _CUSTOM:
            out.extend(_isi_body(child))
    return out
