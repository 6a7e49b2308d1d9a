"""Flowchart symbols and arrowheads told apart by the geometry of their paths.

A PDF keeps no shape names, only paths: a rectangle is a process, a rectangle
with curved corners (a capsule) a terminator, four points at the middles of the
box's sides a decision, five points (a home plate) an off-page connector, a
closed curve as wide as high a connector. A small filled triangle is an
arrowhead, as is a small open "V" stroked at a line's end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..bahan import JenisSimbol, Kotak, Simbol, Titik
from .halaman import Jalur

KEPALA_MAKS = 16.0
"""An arrowhead is at most this big (pt) each way."""

SIMBOL_MIN = 6.0
"""A symbol is at least this big (pt) each way."""


@dataclass
class Kepala:
    """An arrowhead: its vertices and box (the tip is found from the line it ends)."""

    titik: list[Titik]
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def besar(self) -> float:
        return max(self.x1 - self.x0, self.bottom - self.top)

    def ujung(self, dari: Titik, arah: Titik) -> Titik:
        """The tip: the vertex opposite a clearly shortest side (the base of a slim head),
        else the vertex farthest along the line's direction ``arah`` from ``dari``."""
        pts = self.titik
        if len(pts) == 3:
            sides = sorted((math.dist(pts[(i + 1) % 3], pts[(i + 2) % 3]), i) for i in range(3))
            if sides[0][0] < 0.85 * sides[1][0]:
                return pts[sides[0][1]]
        return max(pts, key=lambda v: (v[0] - dari[0]) * arah[0] + (v[1] - dari[1]) * arah[1])

    def cocok(self, ujung: Titik, arah: Titik) -> tuple[float, Titik] | None:
        """Does a line ending at ``ujung`` in direction ``arah`` end in this head?

        ``None`` when not; else (a distance, smaller fits better; the arrow's end
        point: the tip when the head points along the line, else the line's end).
        """
        tol = 1.0
        x, y = ujung
        if not (self.x0 - tol <= x <= self.x1 + tol and self.top - tol <= y <= self.bottom + tol):
            return None
        tip = self.ujung(ujung, arah)
        dx, dy = tip[0] - x, tip[1] - y
        along = dx * arah[0] + dy * arah[1]
        across = abs(dx * arah[1] - dy * arah[0])
        if along < -1.0 or across > max(1.5, 0.35 * self.besar):
            return 10.0, ujung  # a head drawn askew at the line's end
        return across + abs(along) * 0.1, tip


def _unik(pts: list[Titik], tol: float = 0.5) -> list[Titik]:
    out: list[Titik] = []
    for p in pts:
        if not out or abs(p[0] - out[-1][0]) > tol or abs(p[1] - out[-1][1]) > tol:
            out.append(p)
    if len(out) > 2 and abs(out[0][0] - out[-1][0]) <= tol and abs(out[0][1] - out[-1][1]) <= tol:
        out.pop()
    return out


def _luas(pts: list[Titik]) -> float:
    return abs(
        sum(
            pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1]
            for i in range(len(pts))
        )
        / 2
    )


def _cekung(pts: list[Titik]) -> bool:
    """Is a polygon concave (a notched "stealth" arrowhead)?"""
    signs = set()
    n = len(pts)
    for i in range(n):
        (ax, ay), (bx, by), (cx, cy) = pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx)
        if abs(cross) > 1e-6:
            signs.add(cross > 0)
    return len(signs) > 1


def kepala_panah(j: Jalur) -> Kepala | None:
    """An arrowhead: a small triangle (filled or outlined), a small filled notched head, or
    a stroked open V; else ``None``. A small box or diamond is a symbol, never a head."""
    if j.lengkung or max(j.lebar, j.tinggi) > KEPALA_MAKS or max(j.lebar, j.tinggi) < 1.5:
        return None
    pts = _unik(j.titik)
    closed = j.isi or (j.garis and j.tertutup)
    if closed and len(pts) == 3 and _luas(pts) > 0.8:
        return Kepala(pts, j.x0, j.top, j.x1, j.bottom)
    if j.isi and len(pts) == 4 and _cekung(pts) and _luas(pts) > 0.8:
        return Kepala(pts, j.x0, j.top, j.x1, j.bottom)
    if j.garis and not j.tertutup and len(pts) == 3:
        # an open V: two short strokes meeting at the tip at an acute angle
        (ax, ay), (bx, by), (cx, cy) = pts
        u, w = (ax - bx, ay - by), (cx - bx, cy - by)
        nu, nw = math.hypot(*u), math.hypot(*w)
        if nu > 1 and nw > 1 and nu < KEPALA_MAKS and nw < KEPALA_MAKS:
            cos = (u[0] * w[0] + u[1] * w[1]) / (nu * nw)
            if cos > -0.2:  # sharper than ~100 degrees
                # the tip counts as the vertex farthest along the shaft: put it last
                return Kepala([pts[0], pts[2], pts[1]], j.x0, j.top, j.x1, j.bottom)
    return None


def _di_sisi(x: float, y: float, j: Jalur, tol: float) -> tuple[bool, bool, bool, bool]:
    """Is (x, y) on the left, top, right or bottom side of the box?"""
    return (
        abs(x - j.x0) <= tol,
        abs(y - j.top) <= tol,
        abs(x - j.x1) <= tol,
        abs(y - j.bottom) <= tol,
    )


def jenis_bentuk(j: Jalur) -> tuple[JenisSimbol, str, float]:
    """The kind of a closed path: (kind, what was seen, confidence)."""
    w, h = j.lebar, j.tinggi
    tol = max(1.0, 0.06 * min(w, h))
    if j.lengkung:
        straight = len(j.titik) - 1 - j.lengkung if not j.tertutup else len(j.titik) - j.lengkung
        if straight <= 1 and 0.8 <= w / h <= 1.25:
            return JenisSimbol.PENGHUBUNG, "pdf:circle", 0.9
        if straight <= 1:
            return JenisSimbol.TERMINATOR, "pdf:ellipse", 0.7
        return JenisSimbol.TERMINATOR, "pdf:rounded-rectangle", 0.95
    pts = _unik(j.titik)
    n = len(pts)
    corners = sum(1 for x, y in pts if sum(_di_sisi(x, y, j, tol)) >= 2)
    if n == 4 and corners == 4:
        return JenisSimbol.PROSES, "pdf:rectangle", 1.0
    if n == 4:
        mids = 0
        for x, y in pts:
            left, top, right, bottom = _di_sisi(x, y, j, tol)
            on_mid_x = abs(x - (j.x0 + j.x1) / 2) <= tol
            on_mid_y = abs(y - (j.top + j.bottom) / 2) <= tol
            if ((top or bottom) and on_mid_x) or ((left or right) and on_mid_y):
                mids += 1
        if mids == 4:
            return JenisSimbol.KEPUTUSAN, "pdf:path-4-points", 1.0
        return JenisSimbol.TIDAK_DIKENAL, "pdf:path-4-points", 0.3
    if n == 5 and corners >= 2:
        # a home plate: a rectangle with one side drawn out to a point
        tips = 0
        for x, y in pts:
            left, top, right, bottom = _di_sisi(x, y, j, tol)
            on_mid_x = abs(x - (j.x0 + j.x1) / 2) <= tol
            on_mid_y = abs(y - (j.top + j.bottom) / 2) <= tol
            if ((top or bottom) and on_mid_x) or ((left or right) and on_mid_y):
                tips += 1
        if tips == 1:
            return JenisSimbol.PENGHUBUNG, "pdf:pentagon", 0.95
    if n >= 8 and corners == 0:
        # straight corners cut off: a rounded rectangle flattened into lines
        return JenisSimbol.TERMINATOR, f"pdf:path-{n}-points", 0.6
    return JenisSimbol.TIDAK_DIKENAL, f"pdf:path-{n}-points", 0.3


def simbol_dari(j: Jalur, halaman: int) -> Simbol | None:
    """A symbol of a closed, visible, big enough path, else ``None``."""
    if not (j.garis or j.isi) or min(j.lebar, j.tinggi) < SIMBOL_MIN:
        return None
    if not j.tertutup or len(j.titik) < 3:
        return None
    jenis, bentuk, yakin = jenis_bentuk(j)
    return Simbol(
        jenis=jenis,
        kotak=Kotak(j.x0, j.top, j.x1, j.bottom, halaman),
        bentuk=bentuk,
        yakin=yakin,
    )


def sama(a: Kotak, b: Kotak, tol: float = 1.5) -> bool:
    return (
        abs(a.x0 - b.x0) <= tol
        and abs(a.y0 - b.y0) <= tol
        and abs(a.x1 - b.x1) <= tol
        and abs(a.y1 - b.y1) <= tol
    )


def di_dalam_poligon(p: Titik, poli: list[Titik]) -> bool:
    """Is a point inside a polygon (even-odd ray casting)?"""
    x, y = p
    inside = False
    n = len(poli)
    for i in range(n):
        (x1, y1), (x2, y2) = poli[i], poli[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
