"""Text measurement with real font metrics: Liberation Sans, metric-compatible with Arial.

The bundled TrueType files (SIL Open Font License, ``data/fonts/``) are read once
with fontTools; widths come from their ``hmtx`` table, so a line measured here
is as long as the same line set in Arial by Word or in Liberation Sans by
LibreOffice. Wrapping is greedy at spaces, like both word processors, and
conservative: it never finds fewer lines than they do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

FONT_FAMILY = "Arial"
"""The font named in the documents; LibreOffice substitutes Liberation Sans (same widths)."""

_FONT_FILES = {False: "LiberationSans-Regular.ttf", True: "LiberationSans-Bold.ttf"}


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths of one face, in font units."""

    units_per_em: int
    widths: dict[int, int]
    fallback: int  # width used for characters the face lacks (one em: errs on the wide side)
    ascent: int
    descent: int

    def width(self, text: str, size: float) -> float:
        """Width of ``text`` set at ``size`` points, in points (no kerning)."""
        w = self.widths
        fb = self.fallback
        return sum(w.get(ord(c), fb) for c in text) * size / self.units_per_em


@lru_cache(maxsize=2)
def font(bold: bool = False) -> FontMetrics:
    """The metrics of Liberation Sans (regular or bold), loaded once per process."""
    from fontTools.ttLib import TTFont

    ref = resources.files("sopdoc") / "data" / "fonts" / _FONT_FILES[bold]
    with resources.as_file(ref) as path:
        tt = TTFont(str(path), lazy=True)
        cmap = tt.getBestCmap()
        hmtx = tt["hmtx"].metrics
        upem = int(tt["head"].unitsPerEm)
        os2 = tt["OS/2"]
        widths = {code: int(hmtx[glyph][0]) for code, glyph in cmap.items()}
        metrics = FontMetrics(
            units_per_em=upem,
            widths=widths,
            fallback=upem,
            ascent=int(os2.usWinAscent),
            descent=int(os2.usWinDescent),
        )
        tt.close()
    return metrics


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of one line of ``text`` at ``size`` points."""
    return font(bold).width(text, size)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points, greedily at spaces.

    Hard line breaks (newlines) are kept; a word wider than the line is cut
    between characters, as word processors do. An empty text gives no lines.
    """
    if not text:
        return []
    metrics = font(bold)
    space = metrics.width(" ", size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        current_w = 0.0
        started = False
        for word in paragraph.split(" "):
            word_w = metrics.width(word, size)
            if started and current_w + space + word_w <= width:
                current += " " + word
                current_w += space + word_w
                continue
            if started:
                lines.append(current)
            if word_w > width and len(word) > 1:
                *pieces, word = _cut(word, width, size, metrics)
                lines.extend(pieces)
                word_w = metrics.width(word, size)
            current, current_w, started = word, word_w, True
        lines.append(current)
    return lines


def _cut(word: str, width: float, size: float, metrics: FontMetrics) -> list[str]:
    """``word`` cut between characters into pieces no wider than ``width`` (each at least
    one character), in one pass: linear in the length of the word."""
    scale = size / metrics.units_per_em
    widths, fallback = metrics.widths, metrics.fallback
    pieces: list[str] = []
    start = 0
    total = 0.0
    for i, ch in enumerate(word):
        w = widths.get(ord(ch), fallback) * scale
        if total + w > width and i > start:
            pieces.append(word[start:i])
            start, total = i, 0.0
        total += w
    pieces.append(word[start:])
    return pieces
