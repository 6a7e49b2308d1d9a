"""Effective paragraph properties: document defaults, then the style chain, then direct ones.

Only what placing text on a page needs: spacing, line height rule, alignment,
indents, numbering, page breaks and the font size. Styles are resolved once
each and cached.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from .ooxml import WV, Elemen, anak, angka, benar, q, twip

UKURAN_BAKU = 10.0  # OOXML's font size when nothing says otherwise


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

    def tinggi_baris(self, ukuran: float) -> float:
        """The height of one line of text set at ``ukuran`` points."""
        alami = ukuran * 1.15  # Arial/Liberation Sans single spacing
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
    rpr = anak(ppr, "w:rPr")
    if rpr is not None:
        sz = anak(rpr, "w:sz")
        if sz is not None:
            ubah["ukuran"] = angka(sz.get(WV), UKURAN_BAKU * 2) / 2
    return replace(s, **ubah) if ubah else s  # type: ignore[arg-type]


def ukuran_run(rpr: Elemen | None) -> float | None:
    """The font size a run's own properties give, if any."""
    sz = anak(rpr, "w:sz")
    return None if sz is None else angka(sz.get(WV), UKURAN_BAKU * 2) / 2


class Gaya:
    """The styles part of one document, resolved on demand."""

    def __init__(self, styles: Elemen | None):
        self._gaya: dict[str, Elemen] = {}
        self._cache: dict[str, SifatParagraf] = {}
        self._langsung: dict[bytes, SifatParagraf] = {}
        self._default_para: str | None = None
        self._default_tabel: str | None = None
        base = SifatParagraf()
        if styles is not None:
            defaults = anak(styles, "w:docDefaults")
            ppr_def = anak(anak(defaults, "w:pPrDefault"), "w:pPr")
            rpr_def = anak(anak(defaults, "w:rPrDefault"), "w:rPr")
            if rpr_def is not None:
                size = ukuran_run(rpr_def)
                if size is not None:
                    base = replace(base, ukuran=size)
            base = _ppr(base, ppr_def)
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

    def _gaya_paragraf(self, sid: str | None, depth: int = 0) -> SifatParagraf:
        if sid is None or sid not in self._gaya or depth > 20:
            return self.dasar
        cached = self._cache.get(sid)
        if cached is not None:
            return cached
        st = self._gaya[sid]
        parent = anak(st, "w:basedOn")
        s = self._gaya_paragraf(parent.get(WV) if parent is not None else None, depth + 1)
        rpr = anak(st, "w:rPr")
        size = ukuran_run(rpr)
        if size is not None:
            s = replace(s, ukuran=size)
        s = _ppr(s, anak(st, "w:pPr"))
        self._cache[sid] = s
        return s

    def paragraf(self, ppr: Elemen | None) -> SifatParagraf:
        """The effective properties of a paragraph with these direct properties.

        Memoised on the properties' XML: a document repeats a few dozen of them.
        """
        key = b"" if ppr is None else etree.tostring(ppr)
        found = self._langsung.get(key)
        if found is None:
            sid = anak(ppr, "w:pStyle")
            s = self._gaya_paragraf(sid.get(WV) if sid is not None else self._default_para)
            found = self._langsung[key] = _ppr(s, ppr)
        return found

    def ukuran_gaya_run(self, sid: str | None) -> float | None:
        """The font size a character style sets, if any."""
        st = self._gaya.get(sid or "")
        while st is not None:
            size = ukuran_run(anak(st, "w:rPr"))
            if size is not None:
                return size
            parent = anak(st, "w:basedOn")
            st = self._gaya.get(parent.get(WV) or "") if parent is not None else None
        return None

    def tabel(self, sid: str | None) -> Elemen | None:
        """The tblPr of a table style (or of the default table style)."""
        st = self._gaya.get(sid or self._default_tabel or "")
        return anak(st, "w:tblPr")
