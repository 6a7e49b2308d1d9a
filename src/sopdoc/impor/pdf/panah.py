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
    fits = _cocok(pts, kepala)
    if not fits:
        return None
    _score, head, tip = min(fits, key=lambda f: f[0])
    return head, tip


def _cocok(pts: list[Titik], kepala: list[Kepala]) -> list[tuple[float, Kepala, Titik]]:
    """Every head the polyline's last point may end in: (distance, head, tip)."""
    if len(pts) < 2:
        return []
    end, arah = pts[-1], _arah(pts[-2], pts[-1])
    out = []
    for k in kepala:
        fit = k.cocok(end, arah)
        if fit is not None:
            out.append((fit[0], k, fit[1]))
    return out


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
    """Arrows from line pieces and arrowheads: tail first, each head end moved to its tip.

    Each head goes to one line end only, the best fitting first (a head at the end of
    one arrow may also lie near the start of the next one).
    """
    lines = [p for p in (_lurus(p) for p in sambung(potongan)) if len(p) >= 2]
    candidates = []
    for i, pts in enumerate(lines):
        for end, seq in ((1, pts), (0, pts[::-1])):
            for score, head, tip in _cocok(seq, kepala):
                candidates.append((score, i, end, id(head), tip))
    candidates.sort(key=lambda c: c[0])
    taken_heads: set[int] = set()
    tips: dict[tuple[int, int], Titik] = {}
    for _score, i, end, head_id, tip in candidates:
        if head_id in taken_heads or (i, end) in tips:
            continue
        taken_heads.add(head_id)
        tips[(i, end)] = tip
    out = []
    for i, pts in enumerate(lines):
        tip_end, tip_start = tips.get((i, 1)), tips.get((i, 0))
        if tip_start is not None and tip_end is None:
            pts, tip_end, tip_start = pts[::-1], tip_start, None
        if tip_end is not None:
            pts[-1] = tip_end
        if tip_start is not None:
            pts[0] = tip_start
        heads: Literal["akhir", "awal", "keduanya", "tidak_ada"] = (
            "keduanya" if tip_end and tip_start else "akhir" if tip_end else "tidak_ada"
        )
        out.append(
            Panah(titik=[(round(x, 2), round(y, 2)) for x, y in pts], halaman=halaman, kepala=heads)
        )
    return out
