"""Printed text back into lines and paragraphs.

Characters are grouped into lines by their baseline, words by the gaps between
characters (PDFs made by LibreOffice and Word often print no space character).
A paragraph's lines keep their printed line ends as ``\\n`` (a PDF does not say
which line end was a wrap); a new paragraph starts where the text says so
geometrically: a vertical gap larger than the line spacing, a list marker at the
start of a line, or a line that ends although the next line's first word would
have fitted after it (a typed line break or a paragraph end).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..bahan import Kotak
from .halaman import Huruf

PENANDA = re.compile(r"^(\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[•·▪●○■□◦‣∙\-–—*>])(\s|$)")
"""A list marker at the start of a line: "1.", "2)", "a.", "(b)", "•", "-"."""


@dataclass
class Baris:
    """One printed line: its text and box, and where its words start and end."""

    teks: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    kata: list[tuple[float, float]]  # (x0, x1) of each word

    def kotak(self, halaman: int) -> Kotak:
        return Kotak(self.x0, self.top, self.x1, self.bottom, halaman)


def _baris_dari(chars: list[Huruf]) -> list[Baris]:
    """One baseline's characters (any order) as one or more lines (split at wide gaps)."""
    chars = sorted(chars, key=lambda c: c.x0)
    out: list[Baris] = []
    words: list[list[Huruf]] = []
    size = max(c.size for c in chars)

    def flush() -> None:
        if not words:
            return
        text = " ".join("".join(c.teks for c in w) for w in words)
        out.append(
            Baris(
                teks=text,
                x0=words[0][0].x0,
                top=min(c.top for w in words for c in w),
                x1=words[-1][-1].x1,
                bottom=max(c.bottom for w in words for c in w),
                size=max(c.size for w in words for c in w),
                kata=[(w[0].x0, w[-1].x1) for w in words],
            )
        )

    prev: Huruf | None = None
    for c in chars:
        if prev is not None and c.x0 < prev.x1 - 0.6 * c.size and c.teks == prev.teks:
            continue  # a character printed twice at the same place (fake bold)
        gap = c.x0 - prev.x1 if prev is not None else 0.0
        if prev is None:
            words = [[c]]
        elif gap > 2.5 * size:
            flush()
            words = [[c]]
        elif gap > 0.18 * min(c.size, prev.size):
            words.append([c])
        else:
            words[-1].append(c)
        prev = c
    flush()
    return out


def baris_teks(chars: Iterable[Huruf]) -> list[Baris]:
    """Characters grouped into lines, top to bottom, left to right."""
    upright = sorted((c for c in chars if c.tegak), key=lambda c: c.bottom)
    groups: list[list[Huruf]] = []
    base = 0.0
    for c in upright:
        if groups and abs(c.bottom - base) <= 0.35 * c.size:
            groups[-1].append(c)
        else:
            groups.append([c])
            base = c.bottom
    lines = [b for g in groups for b in _baris_dari(g)]
    lines.sort(key=lambda b: (round(b.top, 0), b.x0))
    return lines


def _tegakkan(c: Huruf) -> Huruf:
    """A character of text turned a quarter, as it stands when the page is turned to read it
    (its box in that turned frame: only its place relative to its neighbours matters)."""
    if c.arah == 1:  # reads upwards: turn clockwise
        return Huruf(c.teks, -c.bottom, c.x0, -c.top, c.x1, c.x1 - c.x0, 0)
    return Huruf(c.teks, c.top, -c.x1, c.bottom, -c.x0, c.x1 - c.x0, 0)


def baris_diputar(chars: Iterable[Huruf]) -> list[Baris]:
    """Lines of text turned a quarter (a narrow lane's header written upwards or downwards),
    first line first; their boxes are in the turned frame."""
    out: list[Baris] = []
    for arah in (1, 3):
        out.extend(baris_teks(_tegakkan(c) for c in chars if c.arah == arah))
    return out


def _lebar_spasi(b: Baris) -> float:
    return 0.28 * b.size


def _tengah(lines: list[Baris]) -> bool:
    """Are the lines centred (left edges differ, centres agree)?"""
    if len(lines) < 2:
        return False
    x0s = [b.x0 for b in lines]
    mids = [(b.x0 + b.x1) / 2 for b in lines]
    return max(x0s) - min(x0s) > 3 and max(mids) - min(mids) < 3


def paragraf(lines: list[Baris], batas_kanan: float | None = None) -> list[list[Baris]]:
    """Lines (of one cell or one column of text) grouped into paragraphs.

    ``batas_kanan`` is the right edge text may reach (a cell's inner edge); with it,
    a line that ends early although the next line's first word would fit after it
    closes its paragraph.
    """
    out: list[list[Baris]] = []
    left = min((b.x0 for b in lines), default=0.0)
    if _tengah(lines):
        batas_kanan = None  # centred text: where a line ends says nothing
    for b in lines:
        if not out:
            out.append([b])
            continue
        prev = out[-1][-1]
        new = False
        gap = b.top - prev.bottom
        if gap > 0.55 * max(b.size, prev.size) or PENANDA.match(b.teks):
            new = True
        elif batas_kanan is not None and b.kata and prev.x0 - left < 25:
            first_word = b.kata[0][1] - b.kata[0][0]
            if prev.x1 + _lebar_spasi(prev) + first_word <= batas_kanan:
                new = True
        if new:
            out.append([b])
        else:
            out[-1].append(b)
    return out


def teks_paragraf(lines: list[Baris]) -> str:
    return "\n".join(b.teks for b in lines)
