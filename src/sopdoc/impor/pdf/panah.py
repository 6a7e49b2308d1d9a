"""Arrows: stroked lines joined into polylines, oriented by their arrowheads.

Producers draw an elbow arrow as one polyline (LibreOffice, Word) or as several
separate segments, and its head as a separate small filled triangle or as an open
"V". Pieces whose ends meet are joined; a piece touching an arrowhead ends there,
its last point moved to the head's tip.
"""

from __future__ import annotations

import math
from typing import Literal

from ..bahan import Panah, Titik
from .simbol import Kepala

SAMBUNG = 1.6
"""Two line ends this close (pt) are one point of a polyline."""


def _dekat(p: Titik, q: Titik, tol: float = SAMBUNG) -> bool:
    return abs(p[0] - q[0]) <= tol and abs(p[1] - q[1]) <= tol


def _arah(a: Titik, b: Titik) -> Titik:
    d = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    return ((b[0] - a[0]) / d, (b[1] - a[1]) / d)


def kepala_di(pts: list[Titik], kepala: list[Kepala]) -> tuple[Kepala, Titik] | None:
    """The arrowhead the polyline ``pts`` ends in (at its last point) and its tip, if any."""
    if len(pts) < 2:
        return None
    end, arah = pts[-1], _arah(pts[-2], pts[-1])
    best, score = None, math.inf
    for k in kepala:
        fit = k.cocok(end, arah)
        if fit is not None and fit[0] < score:
            best, score = (k, fit[1]), fit[0]
    return best


def sambung(potongan: list[list[Titik]]) -> list[list[Titik]]:
    """Join polylines whose ends meet (end to start, in either direction)."""
    lines = [list(p) for p in potongan if len(p) >= 2]
    changed = True
    while changed:
        changed = False
        for i in range(len(lines)):
            a = lines[i]
            for k in range(i + 1, len(lines)):
                b = lines[k]
                if _dekat(a[-1], b[0]):
                    joined = a + b[1:]
                elif _dekat(a[-1], b[-1]):
                    joined = a + b[-2::-1]
                elif _dekat(a[0], b[-1]):
                    joined = b + a[1:]
                elif _dekat(a[0], b[0]):
                    joined = b[::-1] + a[1:]
                else:
                    continue
                lines[i] = joined
                del lines[k]
                changed = True
                break
            if changed:
                break
    return lines


def _lurus(pts: list[Titik]) -> list[Titik]:
    """Drop repeated points and middle points of straight runs."""
    out: list[Titik] = []
    for p in pts:
        if out and _dekat(p, out[-1], 0.3):
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            cross = (b[0] - a[0]) * (p[1] - b[1]) - (b[1] - a[1]) * (p[0] - b[0])
            if abs(cross) < 0.5 * math.hypot(p[0] - a[0], p[1] - a[1]) * 0.02 + 0.05:
                dot = (b[0] - a[0]) * (p[0] - b[0]) + (b[1] - a[1]) * (p[1] - b[1])
                if dot >= 0:
                    out[-1] = p
                    continue
        out.append(p)
    return out


def panah_dari(potongan: list[list[Titik]], kepala: list[Kepala], halaman: int) -> list[Panah]:
    """Arrows from line pieces and arrowheads: tail first, each head end moved to its tip."""
    out = []
    for pts in sambung(potongan):
        pts = _lurus(pts)
        if len(pts) < 2:
            continue
        k_end = kepala_di(pts, kepala)
        k_start = kepala_di(pts[::-1], kepala)
        if k_start is not None and k_end is not None and k_start[0] is k_end[0]:
            k_start = None  # a tiny piece inside one head
        if k_start is not None and k_end is None:
            pts = pts[::-1]
            k_end, k_start = k_start, None
        if k_end is not None:
            pts[-1] = k_end[1]
        if k_start is not None:
            pts[0] = k_start[1]
        heads: Literal["akhir", "awal", "keduanya", "tidak_ada"] = (
            "keduanya"
            if k_end is not None and k_start is not None
            else "akhir"
            if k_end is not None
            else "tidak_ada"
        )
        out.append(Panah(titik=[(round(x, 2), round(y, 2)) for x, y in pts], halaman=halaman,
                         kepala=heads))  # fmt: skip
    return out
