"""Lane titles in the table header: wrapped only where a word processor may break a line.

A lane title ("KASI KESEJAHTERAAN SOSIAL", "PEMERINTAHAN/TRANTIB") breaks at
spaces and after a slash or a hyphen, never inside a word. When a piece does
not fit its lane at the header size, the title is set smaller, down to
:data:`FLOOR` points; the column widths already widen the lanes as far as the
text columns allow (see ``prosedur._columns``). When it still does not fit, the
usual abbreviations of Indonesian local government (:data:`SINGKATAN`) are
applied one by one, in the table's order, until it does. A word that still does
not fit at the floor (a lane of ten or more, narrower than "PENGELOLA" at 6.5 pt)
is set smaller, down to :data:`LAST_RESORT`; only a word wider than the lane even
then is cut between letters.
"""

from __future__ import annotations

import re

from .metrics import text_width, wrap

FLOOR = 6.5
"""The smallest type size of a lane title, in points (bold capitals; the body is 8.5 pt)."""

LAST_RESORT = 4.5
"""Below the floor only where a lane is narrower than a word at the floor size."""

MAX_LINES = 4
"""A lane title takes at most this many lines before it is abbreviated."""

SINGKATAN: tuple[tuple[str, str], ...] = (
    ("SEKRETARIS CAMAT", "SEKCAM"),
    ("SEKRETARIS DESA", "SEKDES"),
    ("SEKRETARIS KELURAHAN", "SEKLUR"),
    ("KEPALA SUB BAGIAN", "KASUBAG"),
    ("KEPALA SUBBAGIAN", "KASUBAG"),
    ("KEPALA SEKSI", "KASI"),
    ("KEPALA DESA", "KADES"),
    ("KESEJAHTERAAN SOSIAL", "KESOS"),
    ("KETENTERAMAN DAN KETERTIBAN UMUM", "TRANTIBUM"),
    ("KETENTRAMAN DAN KETERTIBAN UMUM", "TRANTIBUM"),
    ("KETENTERAMAN DAN KETERTIBAN", "TRANTIB"),
    ("KETENTRAMAN DAN KETERTIBAN", "TRANTIB"),
    ("PEMBERDAYAAN MASYARAKAT DAN DESA", "PMD"),
    ("PEMBERDAYAAN MASYARAKAT DESA", "PMD"),
    ("EKONOMI DAN PEMBANGUNAN", "EKBANG"),
    ("UMUM DAN KEPEGAWAIAN", "UMPEG"),
    ("PERENCANAAN DAN KEUANGAN", "RENKEU"),
    ("PROGRAM DAN KEUANGAN", "PROKEU"),
    ("PEMERINTAHAN", "PEM"),
    ("PEMBANGUNAN", "BANG"),
    ("KESEJAHTERAAN", "KESRA"),
    ("PERENCANAAN", "REN"),
    ("KEPEGAWAIAN", "PEG"),
    ("KEUANGAN", "KEU"),
    ("PELAYANAN", "YAN"),
)
"""Abbreviations of a lane title (in capitals), tried in this order: whole phrases first."""

_PIECE = re.compile(r"[^\s/\-]*[/\-]|[^\s/\-]+")


def pieces(text: str) -> list[tuple[str, bool]]:
    """The unbreakable pieces of ``text`` and whether a space comes before each.

    A slash or a hyphen stays with the piece it ends: "PEMERINTAHAN/TRANTIB"
    gives "PEMERINTAHAN/" and "TRANTIB".
    """
    out: list[tuple[str, bool]] = []
    for w, word in enumerate(text.split()):
        for k, m in enumerate(_PIECE.finditer(word)):
            out.append((m.group(), w > 0 and k == 0))
    return out


def widest_piece(text: str, size: float, bold: bool = True) -> float:
    """Width of the widest unbreakable piece of ``text`` at ``size``."""
    return max((text_width(p, size, bold) for p, _ in pieces(text)), default=0.0)


def wrap_at_breaks(text: str, width: float, size: float, bold: bool = True) -> list[str] | None:
    """``text`` in lines no wider than ``width``, broken only at spaces, slashes and hyphens;
    None when a piece is wider than the line."""
    lines: list[str] = []
    current = ""
    for piece, spaced in pieces(text):
        if text_width(piece, size, bold) > width:
            return None
        joined = current + (" " if spaced and current else "") + piece
        if current and text_width(joined, size, bold) > width:
            lines.append(current)
            current = piece
        else:
            current = joined
    if current:
        lines.append(current)
    return lines


def abbreviations(title: str) -> list[str]:
    """``title`` and its successive abbreviations, each one rule further (no repeats)."""
    out = [title]
    current = title
    for long, short in SINGKATAN:
        shorter = re.sub(rf"(?<![A-Z]){re.escape(long)}(?![A-Z])", short, current)
        if shorter != current:
            current = shorter
            out.append(current)
    return out


def fit_title(
    title: str, width: float, size: float, floor: float = FLOOR
) -> tuple[list[str], float]:
    """The lines and type size of a lane title in a text width of ``width`` points.

    Tries the title as written from ``size`` down to ``floor`` in half points,
    then each abbreviation likewise; a word is cut only when nothing fits.
    """
    for text in abbreviations(title):
        s = size
        while s >= floor - 1e-9:
            lines = wrap_at_breaks(text, width, s)
            if lines is not None and len(lines) <= MAX_LINES:
                return lines, s
            s -= 0.5
    # a lane too narrow for a word even at the floor (ten lanes and more): smaller still,
    # down to LAST_RESORT, rather than a cut word
    shortest = abbreviations(title)[-1]
    s = floor - 0.5
    while s >= LAST_RESORT - 1e-9:
        lines = wrap_at_breaks(shortest, width, s)
        if lines is not None:
            return lines, s
        s -= 0.5
    return wrap(shortest, width, LAST_RESORT, True), LAST_RESORT
