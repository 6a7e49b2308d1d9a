"""The content of one paragraph in one walk: its text, its drawings, its page breaks.

Text inside drawings (text boxes) is not the paragraph's: the walk does not
descend into ``w:drawing``/``w:pict``; it hands those elements to the shape
readers. Deleted revisions and hidden runs are skipped. Of an
``mc:AlternateContent`` only one branch is read: the Choice (DrawingML), else
the Fallback (VML), so a shape is never counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gaya import Gaya
from .ooxml import WV, Elemen, anak, benar, q

_WADAH = {
    q(t)
    for t in (
        "w:hyperlink",
        "w:ins",
        "w:smartTag",
        "w:fldSimple",
        "w:customXml",
        "w:moveTo",
        "w:dir",
        "w:bdo",
        "w:sdtContent",
    )
}
_R, _T, _TAB, _BR, _CR, _SYM = (q(t) for t in ("w:r", "w:t", "w:tab", "w:br", "w:cr", "w:sym"))
_DRAWING, _PICT, _OBJECT = q("w:drawing"), q("w:pict"), q("w:object")
_AC, _CHOICE, _FALLBACK = q("mc:AlternateContent"), q("mc:Choice"), q("mc:Fallback")
_RPR, _SDT = q("w:rPr"), q("w:sdt")
_VANISH, _SZ, _RSTYLE, _RFONTS = q("w:vanish"), q("w:sz"), q("w:rStyle"), q("w:rFonts")
_RENDER, _PTAB, _NBH = q("w:lastRenderedPageBreak"), q("w:ptab"), q("w:noBreakHyphen")


@dataclass
class IsiParagraf:
    """What one paragraph holds, in order."""

    teks: str = ""
    gambar: list[Elemen] = field(default_factory=list)  # w:drawing, w:pict, w:object
    putus_awal: bool = False  # a page break before any text (Word starts a new page)
    putus_akhir: bool = False  # a page break after some text (the next content starts a page)
    render_awal: bool = False  # Word last rendered a page break before this paragraph
    render_tengah: bool = False  # ... or inside it, after some of its text
    ukuran: float | None = None  # the largest font size of its runs
    rfonts: Elemen | None = None  # the w:rFonts of its first run that names a font


def pilih_alternatif(ac: Elemen) -> Elemen | None:
    """The branch of an ``mc:AlternateContent`` to read: the first Choice, else the Fallback."""
    for branch in ac:
        if branch.tag == _CHOICE and len(branch):
            return branch
    for branch in ac:
        if branch.tag == _FALLBACK:
            return branch
    return None


def isi_paragraf(p: Elemen, gaya: Gaya) -> IsiParagraf:
    """Walk the paragraph ``p`` once."""
    isi = IsiParagraf()
    bagian: list[str] = []
    _jalan(p, isi, bagian, gaya)
    isi.teks = "".join(bagian)
    return isi


def _jalan(el: Elemen, isi: IsiParagraf, bagian: list[str], gaya: Gaya) -> None:
    for child in el:
        tag = child.tag
        if tag == _R:
            _run(child, isi, bagian, gaya)
        elif tag in _WADAH:
            _jalan(child, isi, bagian, gaya)
        elif tag == _SDT:
            content = anak(child, "w:sdtContent")
            if content is not None:
                _jalan(content, isi, bagian, gaya)
        elif tag == _AC:
            branch = pilih_alternatif(child)
            if branch is not None:
                _jalan(branch, isi, bagian, gaya)


def _run(r: Elemen, isi: IsiParagraf, bagian: list[str], gaya: Gaya) -> None:
    hidden = False
    if len(r) and r[0].tag == _RPR:  # run properties come first when present
        props = {c.tag: c for c in r[0]}
        hidden = benar(props.get(_VANISH))
        sz = props.get(_SZ)
        size = None
        if sz is not None:
            try:
                size = float(sz.get(WV) or "") / 2
            except ValueError:
                size = None
        elif _RSTYLE in props:
            size = gaya.ukuran_gaya_run(props[_RSTYLE].get(WV))
        if isi.rfonts is None:
            isi.rfonts = props.get(_RFONTS)
        if size is not None and not hidden:
            isi.ukuran = size if isi.ukuran is None else max(isi.ukuran, size)
    for child in r:
        tag = child.tag
        if tag == _T:
            if not hidden:
                bagian.append(child.text or "")
        elif tag in (_TAB, _PTAB):
            if not hidden:
                bagian.append("\t")
        elif tag == _BR:
            kind = child.get(q("w:type"))
            if kind == "page":
                if "".join(bagian).strip() or isi.gambar:
                    isi.putus_akhir = True
                else:
                    isi.putus_awal = True
            elif kind != "column" and not hidden:
                bagian.append("\n")
        elif tag == _CR:
            if not hidden:
                bagian.append("\n")
        elif tag == _SYM:
            code = child.get(q("w:char")) or ""
            try:
                ch = chr(int(code, 16))
            except ValueError:
                ch = ""
            if 0xF000 <= ord(ch or " ") <= 0xF0FF:
                ch = chr(ord(ch) - 0xF000) if 0x20 <= ord(ch) - 0xF000 < 0x7F else "•"
            bagian.append(ch)
        elif tag == _NBH:
            bagian.append("-")
        elif tag in (_DRAWING, _PICT, _OBJECT):
            isi.gambar.append(child)
        elif tag == _AC:
            branch = pilih_alternatif(child)
            if branch is not None:
                for inner in branch:
                    if inner.tag in (_DRAWING, _PICT, _OBJECT):
                        isi.gambar.append(inner)
        elif tag == _RENDER:
            if "".join(bagian).strip() or isi.gambar:
                isi.render_tengah = True
            else:
                isi.render_awal = True
