"""Names and units of WordprocessingML, DrawingML and VML: the vocabulary of the DOCX reader."""

from __future__ import annotations

import re
from typing import TypeAlias

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
}
Elemen: TypeAlias = etree._Element

EMU_PER_PT = 12700.0


_Q: dict[str, str] = {}


def q(tag: str) -> str:
    """``"w:p"`` -> ``"{namespace}p"`` (memoised: the reader asks for the same few names)."""
    name = _Q.get(tag)
    if name is None:
        prefix, _, local = tag.partition(":")
        name = _Q[tag] = f"{{{NS[prefix]}}}{local}"
    return name


WV = q("w:val")


def anak(el: Elemen | None, tag: str) -> Elemen | None:
    """The first child ``tag`` of ``el`` (``None`` when ``el`` is ``None``)."""
    if el is None:
        return None
    for child in el.iterchildren(q(tag)):
        return child
    return None


def anak_semua(el: Elemen | None) -> dict[str, Elemen]:
    """The children of ``el`` by tag, in one pass (the first of each tag wins)."""
    out: dict[str, Elemen] = {}
    if el is not None:
        for child in el:
            out.setdefault(child.tag, child)
    return out


def nilai(el: Elemen | None, tag: str, attr: str = "w:val") -> str | None:
    """The attribute ``attr`` of the child ``tag`` of ``el``, if both exist."""
    child = anak(el, tag)
    return None if child is None else child.get(q(attr))


def angka(text: str | None, default: float = 0.0) -> float:
    """A number from an attribute; anything unreadable gives ``default``."""
    if text is None:
        return default
    try:
        return float(text)
    except ValueError:
        m = re.match(r"\s*(-?\d+(?:\.\d+)?)", text)
        return float(m.group(1)) if m else default


def benar(el: Elemen | None) -> bool:
    """An on/off property (``<w:b/>``, ``<w:b w:val="0"/>``): present and not switched off."""
    if el is None:
        return False
    return el.get(WV) not in ("0", "false", "off")


def twip(text: str | None, default: float = 0.0) -> float:
    """Twentieths of a point (``w:w``, ``w:val`` of most lengths) to points."""
    return angka(text, default * 20) / 20


def emu(text: str | None, default: float = 0.0) -> float:
    """English Metric Units to points."""
    return angka(text, default * EMU_PER_PT) / EMU_PER_PT


_SATUAN = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pc": 12.0, "px": 0.75}
_PANJANG = re.compile(r"\s*(-?\d*\.?\d+)\s*([a-z%]*)\s*$")


def panjang_vml(text: str | None, tanpa_satuan: float = 0.75) -> float | None:
    """A CSS/VML length (``12pt``, ``1.5in``, ``2cm``, ``-3.5pt``) in points.

    A number without unit is scaled by ``tanpa_satuan`` (CSS pixels by
    default; EMU or group units where the caller knows better).
    """
    if not text:
        return None
    m = _PANJANG.match(text.lower())
    if not m:
        return None
    value, unit = float(m.group(1)), m.group(2)
    if not unit:
        return value * tanpa_satuan
    if unit == "emu":
        return value / EMU_PER_PT
    factor = _SATUAN.get(unit)
    return None if factor is None else value * factor


def gaya_css(style: str | None) -> dict[str, str]:
    """``"position:absolute;margin-left:10pt"`` -> ``{"position": "absolute", ...}``."""
    out: dict[str, str] = {}
    for part in (style or "").split(";"):
        key, sep, value = part.partition(":")
        if sep:
            out[key.strip().lower()] = value.strip()
    return out
