"""Effective paragraph properties: document defaults, then the style chain, then direct ones.

Only what placing text on a page needs: spacing, line height rule, alignment,
indents, numbering, page breaks, the font size and the font family (whose line
height and average width scale the Liberation Sans measurements). In a table
the table style's paragraph and run properties come between the document
defaults and the paragraph style, as Word applies them. Styles are resolved
once each and cached.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from lxml import etree

from .ooxml import WV, Elemen, anak, angka, benar, q, twip

UKURAN_BAKU = 10.0  # OOXML's font size when nothing says otherwise

HURUF: dict[str, tuple[float, float]] = {
    "arial": (1.15, 1.0),
    "liberation sans": (1.15, 1.0),
    "helvetica": (1.15, 1.0),
    "calibri": (1.22, 0.9),
    "carlito": (1.22, 0.9),
    "cambria": (1.17, 0.93),
    "caladea": (1.17, 0.93),
    "times new roman": (1.15, 0.88),
    "liberation serif": (1.15, 0.88),
    "bookman old style": (1.17, 1.08),
    "tahoma": (1.21, 0.97),
    "verdana": (1.22, 1.13),
    "century gothic": (1.23, 1.08),
    "georgia": (1.14, 1.02),
    "garamond": (1.12, 0.87),
    "segoe ui": (1.33, 0.98),
    "trebuchet ms": (1.16, 0.97),
}
"""Per font family: single line height over the font size, and average width against Arial."""


@lru_cache(maxsize=256)
def faktor_huruf(nama: str) -> tuple[float, float]:
    """(line height factor, width factor) of a font family; Arial's when unknown."""
    return HURUF.get(nama.strip().lower(), (1.15, 1.0))


@dataclass(frozen=True)
class SifatParagraf:
    """What decides where a paragraph's lines go (lengths in points)."""

    sebelum: float = 0.0  # space before
    sesudah: float = 0.0  # space after
    baris: float = 240.0  # w:line: 240ths of a line (auto) or twips (exact/atLeast)
    aturan: str = "auto"  # lineRule: auto, exact, atLeast
    jc: str = "left"
    kiri: float = 0.0
    kanan: float = 0.0
    pertama: float = 0.0  # first-line indent (negative: hanging)
    num_id: str | None = None
    ilvl: int = 0
    putus_halaman: bool = False  # pageBreakBefore
    ukuran: float = UKURAN_BAKU  # font size of the paragraph mark / runs without their own
    huruf: str = ""  # font family of runs without their own

    def tinggi_baris(self, ukuran: float, huruf: str | None = None) -> float:
        """The height of one line of text set at ``ukuran`` points (in ``huruf``)."""
        alami = ukuran * faktor_huruf(huruf or self.huruf)[0]
        if self.aturan == "exact":
            return self.baris / 20
        if self.aturan == "atLeast":
            return max(self.baris / 20, alami)
        return alami * self.baris / 240


def _ppr(s: SifatParagraf, ppr: Elemen | None) -> SifatParagraf:
    if ppr is None:
        return s
    ubah: dict[str, object] = {}
    sp = anak(ppr, "w:spacing")
    if sp is not None:
        before, after = sp.get(q("w:before")), sp.get(q("w:after"))
        if before is not None:
            ubah["sebelum"] = twip(before)
        elif sp.get(q("w:beforeLines")) is not None:
            ubah["sebelum"] = angka(sp.get(q("w:beforeLines"))) / 100 * s.ukuran * 1.15
        if sp.get(q("w:beforeAutospacing")) in ("1", "true"):
            ubah["sebelum"] = 14.0
        if after is not None:
            ubah["sesudah"] = twip(after)
        elif sp.get(q("w:afterLines")) is not None:
            ubah["sesudah"] = angka(sp.get(q("w:afterLines"))) / 100 * s.ukuran * 1.15
        if sp.get(q("w:afterAutospacing")) in ("1", "true"):
            ubah["sesudah"] = 14.0
        if sp.get(q("w:line")) is not None:
            ubah["baris"] = angka(sp.get(q("w:line")), 240)
            ubah["aturan"] = sp.get(q("w:lineRule")) or "auto"
    jc = anak(ppr, "w:jc")
    if jc is not None:
        ubah["jc"] = {"start": "left", "end": "right", "both": "left", "distribute": "left"}.get(
            jc.get(WV) or "left", jc.get(WV) or "left"
        )
    ind = anak(ppr, "w:ind")
    if ind is not None:
        for attr, key in (("w:left", "kiri"), ("w:start", "kiri"), ("w:right", "kanan")):
            if ind.get(q(attr)) is not None:
                ubah[key] = twip(ind.get(q(attr)))
        if ind.get(q("w:end")) is not None:
            ubah["kanan"] = twip(ind.get(q("w:end")))
        if ind.get(q("w:hanging")) is not None:
            ubah["pertama"] = -twip(ind.get(q("w:hanging")))
        elif ind.get(q("w:firstLine")) is not None:
            ubah["pertama"] = twip(ind.get(q("w:firstLine")))
    num = anak(ppr, "w:numPr")
    if num is not None:
        num_id = anak(num, "w:numId")
        if num_id is not None:
            ubah["num_id"] = num_id.get(WV)
        ilvl = anak(num, "w:ilvl")
        if ilvl is not None:
            ubah["ilvl"] = int(angka(ilvl.get(WV)))
    pb = anak(ppr, "w:pageBreakBefore")
    if pb is not None:
        ubah["putus_halaman"] = benar(pb)
    s = replace(s, **ubah) if ubah else s  # type: ignore[arg-type]
    return s


def _rpr(s: SifatParagraf, rpr: Elemen | None, tema: dict[str, str]) -> SifatParagraf:
    """Run properties of a style (or the defaults): the size and family of its text."""
    if rpr is None:
        return s
    size = ukuran_run(rpr)
    if size is not None:
        s = replace(s, ukuran=size)
    family = huruf_run(rpr, tema)
    if family:
        s = replace(s, huruf=family)
    return s


def huruf_run(rpr: Elemen | None, tema: dict[str, str]) -> str | None:
    """The font family ``w:rFonts`` names (a theme font looked up in the theme)."""
    fonts = anak(rpr, "w:rFonts")
    if fonts is None:
        return None
    name = fonts.get(q("w:ascii")) or fonts.get(q("w:hAnsi"))
    if name:
        return name
    theme = fonts.get(q("w:asciiTheme")) or fonts.get(q("w:hAnsiTheme"))
    return tema.get("major" if theme and theme.startswith("major") else "minor") if theme else None


def ukuran_run(rpr: Elemen | None) -> float | None:
    """The font size a run's own properties give, if any."""
    sz = anak(rpr, "w:sz")
    return None if sz is None else angka(sz.get(WV), UKURAN_BAKU * 2) / 2


class Gaya:
    """The styles part of one document, resolved on demand."""

    def __init__(self, styles: Elemen | None, tema: dict[str, str] | None = None):
        self.tema = tema or {}
        self._gaya: dict[str, Elemen] = {}
        self._cache: dict[tuple[str | None, str | None], SifatParagraf] = {}
        self._langsung: dict[tuple[str | None, bytes], SifatParagraf] = {}
        self._huruf: dict[tuple[str, ...], str | None] = {}
        self._default_para: str | None = None
        self._default_tabel: str | None = None
        base = SifatParagraf(huruf=self.tema.get("minor", ""))
        if styles is not None:
            defaults = anak(styles, "w:docDefaults")
            base = _rpr(base, anak(anak(defaults, "w:rPrDefault"), "w:rPr"), self.tema)
            base = _ppr(base, anak(anak(defaults, "w:pPrDefault"), "w:pPr"))
            for st in styles.iterfind(q("w:style")):
                sid = st.get(q("w:styleId"))
                if sid is None:
                    continue
                self._gaya[sid] = st
                if st.get(q("w:default")) in ("1", "true"):
                    if st.get(q("w:type")) == "paragraph":
                        self._default_para = sid
                    elif st.get(q("w:type")) == "table":
                        self._default_tabel = sid
        self.dasar = base

    def _rantai(self, sid: str | None) -> list[Elemen]:
        """A style and its ancestors (basedOn), the root first."""
        out: list[Elemen] = []
        while sid and sid in self._gaya and len(out) < 20:
            st = self._gaya[sid]
            out.append(st)
            parent = anak(st, "w:basedOn")
            sid = parent.get(WV) if parent is not None else None
        return out[::-1]

    def _gaya_paragraf(self, sid: str | None, tabel: str | None) -> SifatParagraf:
        key = (sid, tabel)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        s = self.dasar
        if tabel is not None:
            # the table style's paragraph and run properties, under the paragraph style
            for st in self._rantai(tabel):
                s = _rpr(s, anak(st, "w:rPr"), self.tema)
                s = _ppr(s, anak(st, "w:pPr"))
        for st in self._rantai(sid):  # what a style sets itself wins over the table style
            s = _rpr(s, anak(st, "w:rPr"), self.tema)
            s = _ppr(s, anak(st, "w:pPr"))
        self._cache[key] = s
        return s

    def paragraf(self, ppr: Elemen | None, tabel: str | None = None) -> SifatParagraf:
        """The effective properties of a paragraph with these direct properties.

        ``tabel``: the style of the table the paragraph is in. Memoised on the
        properties' XML: a document repeats a few dozen of them.
        """
        key = (tabel, b"" if ppr is None else etree.tostring(ppr))
        found = self._langsung.get(key)
        if found is None:
            sid = anak(ppr, "w:pStyle")
            s = self._gaya_paragraf(sid.get(WV) if sid is not None else self._default_para, tabel)
            s = _ppr(s, ppr)
            rpr = anak(ppr, "w:rPr")  # the paragraph mark's run properties
            if rpr is not None:
                size = ukuran_run(rpr)
                if size is not None:
                    s = replace(s, ukuran=size)
            found = self._langsung[key] = s
        return found

    def huruf(self, rfonts: Elemen) -> str | None:
        """The family a run's ``w:rFonts`` names (memoised on its attributes)."""
        key = tuple(rfonts.attrib.values())
        if key not in self._huruf:
            fonts = rfonts.getparent()
            self._huruf[key] = huruf_run(fonts, self.tema) if fonts is not None else None
        return self._huruf[key]

    def ukuran_gaya_run(self, sid: str | None) -> float | None:
        """The font size a character style sets, if any."""
        for st in reversed(self._rantai(sid)):
            size = ukuran_run(anak(st, "w:rPr"))
            if size is not None:
                return size
        return None

    def gaya_tabel(self, sid: str | None) -> str | None:
        """The style a table uses: its own, else the document's default table style."""
        return sid if sid in self._gaya else self._default_tabel

    def tabel(self, sid: str | None) -> Elemen | None:
        """The tblPr of a table style (or of the default table style)."""
        st = self._gaya.get(self.gaya_tabel(sid) or "")
        return anak(st, "w:tblPr")


def baca_tema(theme: Elemen | None) -> dict[str, str]:
    """The theme's body (minor) and heading (major) Latin fonts."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for key, tag in (("minor", "a:minorFont"), ("major", "a:majorFont")):
        font = next(theme.iter(q(tag)), None)
        latin = anak(font, "a:latin")
        if latin is not None and latin.get("typeface"):
            out[key] = latin.get("typeface", "")
    return out
