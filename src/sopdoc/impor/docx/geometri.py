"""Flowchart symbols told apart by geometry: presets, custom paths, VML paths, connectors.

A preset name is trusted only for what its geometry is (a ``roundRect`` is a
capsule-like box whatever the author called it); a custom path is flattened
to points and judged by its outline: four corners make a rectangle, four
edge midpoints a diamond, a box with one pointed side an off-page connector,
a curved outline filling most of its box a terminator, a round one a
connector circle.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..bahan import JenisSimbol, Titik

J = JenisSimbol

PRESET: dict[str, tuple[JenisSimbol, float]] = {
    "flowChartTerminator": (J.TERMINATOR, 1.0),
    "flowChartAlternateProcess": (J.TERMINATOR, 0.9),
    "roundRect": (J.TERMINATOR, 0.9),
    "round2SameRect": (J.TERMINATOR, 0.6),
    "rect": (J.PROSES, 1.0),
    "flowChartProcess": (J.PROSES, 1.0),
    "flowChartPredefinedProcess": (J.PROSES, 0.7),
    "flowChartDocument": (J.PROSES, 0.6),
    "flowChartMultidocument": (J.PROSES, 0.5),
    "flowChartInputOutput": (J.PROSES, 0.5),
    "flowChartManualOperation": (J.PROSES, 0.5),
    "flowChartPreparation": (J.PROSES, 0.4),
    "snip1Rect": (J.PROSES, 0.6),
    "flowChartDecision": (J.KEPUTUSAN, 1.0),
    "diamond": (J.KEPUTUSAN, 1.0),
    "flowChartOffpageConnector": (J.PENGHUBUNG, 1.0),
    "homePlate": (J.PENGHUBUNG, 0.9),
    "pentagon": (J.PENGHUBUNG, 0.8),
    "flowChartConnector": (J.PENGHUBUNG, 0.9),
    "ellipse": (J.PENGHUBUNG, 0.7),
}
"""What each DrawingML preset draws (and how sure that is as a flowchart symbol)."""

GARIS = {
    "line",
    "straightConnector1",
    "bentConnector2",
    "bentConnector3",
    "bentConnector4",
    "bentConnector5",
    "curvedConnector2",
    "curvedConnector3",
    "curvedConnector4",
    "curvedConnector5",
}
"""Presets that are lines (connectors), not symbols."""

VML_SPT: dict[int, str] = {
    1: "rect",
    2: "roundRect",
    3: "ellipse",
    4: "diamond",
    15: "homePlate",
    20: "line",
    32: "straightConnector1",
    33: "bentConnector2",
    34: "bentConnector3",
    35: "bentConnector4",
    36: "bentConnector5",
    37: "curvedConnector2",
    38: "curvedConnector3",
    109: "flowChartProcess",
    110: "flowChartDecision",
    111: "flowChartInputOutput",
    112: "flowChartPredefinedProcess",
    114: "flowChartDocument",
    115: "flowChartMultidocument",
    116: "flowChartTerminator",
    117: "flowChartPreparation",
    119: "flowChartManualOperation",
    120: "flowChartConnector",
    176: "flowChartAlternateProcess",
    177: "flowChartOffpageConnector",
    202: "rect",  # the text box shape type
}
"""The VML shape types (``o:spt``, ``#_x0000_tNNN``) as the DrawingML preset they equal."""


@dataclass(frozen=True)
class Hasil:
    """A classification: the kind, how sure, and what was seen (for the report)."""

    jenis: JenisSimbol
    yakin: float
    bentuk: str


def jenis_preset(prst: str, lebar: float, tinggi: float, adj: float | None = None) -> Hasil:
    """The symbol a preset draws in a box of this size (``adj``: its first adjust value)."""
    jenis, yakin = PRESET.get(prst, (J.TIDAK_DIKENAL, 0.3))
    aspek = lebar / tinggi if tinggi > 0 else 1.0
    if prst in ("ellipse", "flowChartConnector") and (aspek > 1.4 or aspek < 1 / 1.4):
        # an elongated oval is how many authors draw start and end
        jenis, yakin = J.TERMINATOR, 0.6
    if prst == "roundRect" and adj is not None and adj < 5000:
        jenis, yakin = J.PROSES, 0.6  # corners barely rounded: a process box
    return Hasil(jenis, yakin, f"prstGeom:{prst}")


def luas(titik: Sequence[Titik]) -> float:
    """Area of a closed polygon (shoelace)."""
    total = 0.0
    for (x0, y0), (x1, y1) in zip(titik, [*titik[1:], titik[0]], strict=True):
        total += x0 * y1 - x1 * y0
    return abs(total) / 2


def _sederhana(titik: Sequence[Titik], tol: float) -> list[Titik]:
    pts: list[Titik] = []
    for p in titik:
        if not pts or math.dist(p, pts[-1]) > tol:
            pts.append(p)
    if len(pts) > 1 and math.dist(pts[0], pts[-1]) <= tol:
        pts.pop()
    changed = True
    while changed and len(pts) > 3:
        changed = False
        for i in range(len(pts)):
            a, b, c = pts[i - 1], pts[i], pts[(i + 1) % len(pts)]
            cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
            if abs(cross) <= tol * max(math.dist(a, c), 1e-9):
                pts.pop(i)
                changed = True
                break
    return pts


def golongkan(titik: Sequence[Titik], lengkung: bool, asal: str) -> Hasil:
    """Classify a closed outline (points in any unit, y down) by its geometry."""
    if len(titik) < 3:
        return Hasil(J.TIDAK_DIKENAL, 0.2, asal)
    xs = [p[0] for p in titik]
    ys = [p[1] for p in titik]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = x1 - x0, y1 - y0
    if w <= 0 or h <= 0:
        return Hasil(J.TIDAK_DIKENAL, 0.2, asal)
    unit = [((x - x0) / w, (y - y0) / h) for x, y in titik]
    rasio = luas(unit)
    aspek = w / h
    if lengkung:
        if rasio > 0.82:
            return Hasil(J.TERMINATOR, 0.85, f"{asal}:rounded")
        if rasio > 0.72:
            if aspek > 1.4 or aspek < 1 / 1.4:
                return Hasil(J.TERMINATOR, 0.6, f"{asal}:oval")
            return Hasil(J.PENGHUBUNG, 0.8, f"{asal}:circle")
    pts = _sederhana(unit, 0.02)
    n = len(pts)

    def sudut(p: Titik) -> bool:
        return min(p[0], 1 - p[0]) < 0.06 and min(p[1], 1 - p[1]) < 0.06

    def tengah_sisi(p: Titik) -> bool:
        on_x = min(p[0], 1 - p[0]) < 0.06 and abs(p[1] - 0.5) < 0.15
        on_y = min(p[1], 1 - p[1]) < 0.06 and abs(p[0] - 0.5) < 0.15
        return on_x or on_y

    corners = sum(1 for p in pts if sudut(p))
    mids = sum(1 for p in pts if tengah_sisi(p))
    if n == 4 and corners == 4:
        return Hasil(J.PROSES, 0.95, f"{asal}:rectangle")
    if n == 4 and mids == 4:
        return Hasil(J.KEPUTUSAN, 0.95, f"{asal}:diamond")
    if n == 5 and mids == 1 and corners >= 2 and 0.6 < rasio < 0.95:
        return Hasil(J.PENGHUBUNG, 0.85, f"{asal}:pentagon")
    if n == 4 and 0.45 < rasio < 0.55:
        return Hasil(J.KEPUTUSAN, 0.6, f"{asal}:rhombus")
    if n == 4 and rasio > 0.6:
        return Hasil(J.PROSES, 0.5, f"{asal}:quadrilateral")
    if n >= 8 and rasio > 0.85 and not lengkung:
        return Hasil(J.TERMINATOR, 0.5, f"{asal}:polygon-{n}")
    return Hasil(J.TIDAK_DIKENAL, 0.3, f"{asal}:polygon-{n}")


def titik_konektor(prst: str, w: float, h: float, adj: Sequence[float]) -> list[Titik]:
    """The polyline of a line/connector preset in its own box (0,0)-(w,h), before flips."""

    def a(i: int, default: float = 50000) -> float:
        return (adj[i] if i < len(adj) else default) / 100000

    if prst in ("bentConnector2", "curvedConnector2"):
        return [(0, 0), (w, 0), (w, h)]
    if prst in ("bentConnector3", "curvedConnector3"):
        x1 = w * a(0)
        return [(0, 0), (x1, 0), (x1, h), (w, h)]
    if prst in ("bentConnector4", "curvedConnector4"):
        x1, y2 = w * a(0), h * a(1)
        return [(0, 0), (x1, 0), (x1, y2), (w, y2), (w, h)]
    if prst in ("bentConnector5", "curvedConnector5"):
        x1, y2, x3 = w * a(0), h * a(1), w * a(2)
        return [(0, 0), (x1, 0), (x1, y2), (x3, y2), (x3, h), (w, h)]
    return [(0, 0), (w, h)]


def ubah_titik(
    titik: Sequence[Titik],
    x: float,
    y: float,
    w: float,
    h: float,
    rot: float = 0.0,
    flip_h: bool = False,
    flip_v: bool = False,
) -> list[Titik]:
    """Local points of a shape in the box (x, y, w, h) to page points: flip, then rotate."""
    cx, cy = x + w / 2, y + h / 2
    rad = math.radians(rot)
    cos, sin = math.cos(rad), math.sin(rad)
    out: list[Titik] = []
    for px, py in titik:
        if flip_h:
            px = w - px
        if flip_v:
            py = h - py
        dx, dy = x + px - cx, y + py - cy
        out.append((cx + dx * cos - dy * sin, cy + dx * sin + dy * cos))
    return out


def elips(
    cx: float, cy: float, rx: float, ry: float, mulai: float, sapuan: float, n: int = 8
) -> list[Titik]:
    """Points along an elliptic arc (angles in degrees, clockwise with y down)."""
    sapuan = max(-360.0, min(360.0, sapuan))  # more than a turn draws nothing new
    steps = max(2, int(abs(sapuan) / 90 * n))
    return [
        (
            cx + rx * math.cos(math.radians(mulai + sapuan * i / steps)),
            cy + ry * math.sin(math.radians(mulai + sapuan * i / steps)),
        )
        for i in range(1, steps + 1)
    ]


def bezier(p0: Titik, *kontrol: Titik, n: int = 8) -> list[Titik]:
    """Points along a quadratic or cubic Bézier curve from ``p0`` (``p0`` excluded)."""
    pts = [p0, *kontrol]
    out: list[Titik] = []
    for i in range(1, n + 1):
        t = i / n
        level = pts
        while len(level) > 1:
            level = [
                (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                for a, b in itertools.pairwise(level)
            ]
        out.append(level[0])
    return out
