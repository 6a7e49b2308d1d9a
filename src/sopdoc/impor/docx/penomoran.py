"""Word numbering (``numbering.xml``): the marker text Word would generate, best effort.

Counters run in reading order per abstract list, as Word continues a list
across paragraphs that share it; a list instance with a ``startOverride``
restarts it; using a level resets the deeper levels.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...teks import romawi
from .ooxml import WV, Elemen, anak, angka, nilai, q


@dataclass(frozen=True)
class Tingkat:
    format: str  # numFmt: decimal, lowerLetter, bullet, ...
    teks: str  # lvlText: "%1.", "%1.%2", a bullet character
    mulai: int


# Private-use characters of the Symbol/Wingdings fonts Word writes for bullets.
_PELURU = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf02d": "-"}


def _huruf(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_angka(n: int, fmt: str) -> str:
    """One counter as Word prints it in format ``fmt``."""
    if fmt in ("lowerLetter",):
        return _huruf(n)
    if fmt == "upperLetter":
        return _huruf(n).upper()
    if fmt == "lowerRoman":
        return romawi(n)
    if fmt == "upperRoman":
        return romawi(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Penomoran:
    """The lists of one document and their running counters."""

    def __init__(self, numbering: Elemen | None):
        self._abstrak: dict[str, dict[int, Tingkat]] = {}
        self._num: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, overrides)
        self._hitung: dict[str, dict[int, int]] = {}
        self._dipakai: set[str] = set()
        if numbering is None:
            return
        for ab in numbering.iterfind(q("w:abstractNum")):
            self._abstrak[ab.get(q("w:abstractNumId"), "")] = _tingkat(ab)
        for num in numbering.iterfind(q("w:num")):
            ref = anak(num, "w:abstractNumId")
            if ref is None:
                continue
            override: dict[int, int] = {}
            for ov in num.iterfind(q("w:lvlOverride")):
                start = anak(ov, "w:startOverride")
                if start is not None:
                    override[int(angka(ov.get(q("w:ilvl"))))] = int(angka(start.get(WV), 1))
            self._num[num.get(q("w:numId"), "")] = (ref.get(WV) or "", override)

    def penanda(self, num_id: str | None, ilvl: int) -> str | None:
        """The marker of the next paragraph of list ``num_id`` at level ``ilvl``, counting it."""
        if not num_id or num_id == "0" or num_id not in self._num:
            return None
        abstrak, override = self._num[num_id]
        levels = self._abstrak.get(abstrak)
        if not levels or ilvl not in levels:
            return None
        hitung = self._hitung.setdefault(abstrak, {})
        if num_id not in self._dipakai:
            self._dipakai.add(num_id)
            for lvl, start in override.items():
                hitung[lvl] = start - 1
        level = levels[ilvl]
        hitung[ilvl] = hitung.get(ilvl, level.mulai - 1) + 1
        for deeper in [k for k in hitung if k > ilvl]:
            del hitung[deeper]
        if level.format == "bullet":
            return "".join(_PELURU.get(c, c) for c in level.teks) or "•"
        teks = level.teks
        for lvl in range(ilvl, -1, -1):
            if f"%{lvl + 1}" in teks:
                info = levels.get(lvl, level)
                n = hitung.get(lvl, info.mulai)
                teks = teks.replace(f"%{lvl + 1}", format_angka(n, info.format))
        return teks


def _tingkat(ab: Elemen) -> dict[int, Tingkat]:
    out: dict[int, Tingkat] = {}
    for lvl in ab.iterfind(q("w:lvl")):
        out[int(angka(lvl.get(q("w:ilvl"))))] = Tingkat(
            format=nilai(lvl, "w:numFmt") or "decimal",
            teks=nilai(lvl, "w:lvlText") or "",
            mulai=int(angka(nilai(lvl, "w:start"), 1)),
        )
    return out
