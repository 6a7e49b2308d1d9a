"""One PDF page as plain objects: characters, subpaths and pictures in page points.

pdfminer.six interprets the content stream into layout objects; this module turns
them into small typed records once, so the rest of the reader works on geometry
only. Coordinates are those of the displayed page: origin top left, y downward,
a ``/Rotate`` already applied by pdfminer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pdfminer.layout import LTChar, LTComponent, LTCurve, LTFigure, LTImage, LTPage

from ..bahan import Kotak, Titik


@dataclass(frozen=True)
class Huruf:
    """One printed character."""

    teks: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    tegak: bool  # upright (not rotated text)

    @property
    def tengah(self) -> Titik:
        return ((self.x0 + self.x1) / 2, (self.top + self.bottom) / 2)


@dataclass
class Jalur:
    """One subpath of a painted path (from one ``m`` to the next)."""

    titik: list[Titik]  # the vertices; a closing point equal to the first is dropped
    lengkung: int  # how many Bezier segments (``c``) it has
    tertutup: bool  # closed (``h``, or ends where it starts)
    garis: bool  # stroked
    isi: bool  # filled with a visible (non-white) colour
    isi_putih: bool  # filled white: a text box's background, invisible on paper
    tebal: float  # line width
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def lebar(self) -> float:
        return self.x1 - self.x0

    @property
    def tinggi(self) -> float:
        return self.bottom - self.top


@dataclass
class Halaman:
    """What one page prints."""

    nomor: int  # from 0
    lebar: float
    tinggi: float
    huruf: list[Huruf]
    jalur: list[Jalur]
    citra: list[Kotak]  # pictures, clipped to the page


def _putih(color: Any) -> bool:
    """Is a fill colour white (gray 1, RGB 1,1,1 or CMYK 0,0,0,0)?"""
    if isinstance(color, (int, float)):
        return float(color) >= 0.98
    if not isinstance(color, (tuple, list)) or not color:
        return False
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return False  # a pattern: visible
    if len(values) == 4:
        return all(v <= 0.02 for v in values)
    return all(v >= 0.98 for v in values)


def _subpaths(path: list[tuple[Any, ...]]) -> list[tuple[list[Titik], list[Titik], int, bool]]:
    """Split pdfplumber's ``path`` ops at each ``m``: (vertices, all points, curves, closed)."""
    out: list[tuple[list[Titik], list[Titik], int, bool]] = []
    verts: list[Titik] = []
    allp: list[Titik] = []
    curves = 0
    closed = False

    def flush() -> None:
        if len(verts) >= 2:
            out.append((verts, allp, curves, closed))

    for op in path:
        kind = op[0]
        if kind == "m":
            flush()
            p = (float(op[1][0]), float(op[1][1]))
            verts, allp, curves, closed = [p], [p], 0, False
        elif kind == "l" and verts:
            p = (float(op[1][0]), float(op[1][1]))
            verts.append(p)
            allp.append(p)
        elif kind in ("c", "v", "y") and verts:
            pts = [(float(x), float(y)) for x, y in op[1:]]
            verts.append(pts[-1])
            allp.extend(pts)
            curves += 1
        elif kind == "h":
            closed = True
    flush()
    return out


def jalur_dari(obj: LTCurve, tinggi: float) -> list[Jalur]:
    """The subpath of one pdfminer line/rect/curve (pdfminer splits paths at each ``m``)."""
    fill = bool(obj.fill)
    white = fill and _putih(obj.non_stroking_color)
    raw: list[tuple[Any, ...]] = list(obj.original_path or [])
    path = [(op[0], *[(float(x), tinggi - float(y)) for x, y in op[1:]]) for op in raw]
    if not path:
        pts = [(float(x), tinggi - float(y)) for x, y in obj.pts]
        path = [("m", pts[0]), *[("l", p) for p in pts[1:]]] if pts else []
    out = []
    for verts, allp, curves, closed in _subpaths(path):
        first, last = verts[0], verts[-1]
        if len(verts) > 2 and abs(first[0] - last[0]) < 0.01 and abs(first[1] - last[1]) < 0.01:
            verts = verts[:-1]
            closed = True
        xs = [p[0] for p in allp]
        ys = [p[1] for p in allp]
        out.append(
            Jalur(
                titik=verts,
                lengkung=curves,
                tertutup=closed or (fill and len(verts) > 2),
                garis=bool(obj.stroke),
                isi=fill and not white,
                isi_putih=white,
                tebal=float(obj.linewidth or 0.0),
                x0=min(xs),
                top=min(ys),
                x1=max(xs),
                bottom=max(ys),
            )
        )
    return out


def _benda(items: Iterable[LTComponent]) -> Iterator[LTComponent]:
    """Every object of a page, the contents of form XObjects (figures) included."""
    for item in items:
        if isinstance(item, LTFigure):
            yield from _benda(item)
        else:
            yield item


def baca_halaman(layout: LTPage, nomor: int) -> Halaman:
    """The objects of one interpreted page."""
    w, h = float(layout.width), float(layout.height)
    huruf: list[Huruf] = []
    jalur: list[Jalur] = []
    citra: list[Kotak] = []
    for obj in _benda(layout):
        if isinstance(obj, LTChar):
            text = obj.get_text()
            if text.strip():
                huruf.append(
                    Huruf(
                        teks=text,
                        x0=float(obj.x0),
                        top=h - float(obj.y1),
                        x1=float(obj.x1),
                        bottom=h - float(obj.y0),
                        size=float(obj.size or (obj.y1 - obj.y0) or 10.0),
                        tegak=bool(obj.upright),
                    )
                )
        elif isinstance(obj, LTCurve):  # lines and rectangles are curves too
            jalur.extend(jalur_dari(obj, h))
        elif isinstance(obj, LTImage):
            x0, x1 = max(0.0, float(obj.x0)), min(w, float(obj.x1))
            t, b = max(0.0, h - float(obj.y1)), min(h, h - float(obj.y0))
            if x1 - x0 > 1 and b - t > 1:
                citra.append(Kotak(x0, t, x1, b, nomor))
    return Halaman(nomor=nomor, lebar=w, tinggi=h, huruf=huruf, jalur=jalur, citra=citra)
