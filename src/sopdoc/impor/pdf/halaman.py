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
    arah: int | None = 0  # quarter turns of the text, counter-clockwise (0 upright); None: askew

    @property
    def tegak(self) -> bool:
        """Upright text (reads left to right)."""
        return self.arah == 0

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
    tanpa_unicode: int = 0  # characters whose font gives no Unicode text, left out


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


def _arah(m: tuple[float, float, float, float, float, float]) -> int | None:
    """Quarter turns (counter-clockwise) of a character's text matrix, or None when askew."""
    a, b = m[0], m[1]
    if abs(b) <= 1e-3 * abs(a):
        return 0 if a > 0 else 2
    if abs(a) <= 1e-3 * abs(b):
        return 1 if b > 0 else 3
    return None


def tegakkan(h: Halaman) -> Halaman:
    """The page turned so that most of its text is upright.

    A landscape page is sometimes stored portrait with its content drawn turned (no
    ``/Rotate``): then every position is turned back by the text's quarter turns.
    """
    counts = [0, 0, 0, 0]
    for c in h.huruf:
        if c.arah is not None:
            counts[c.arah] += 1
    turn = max(range(4), key=lambda q: counts[q])
    if turn == 0 or counts[turn] < 0.6 * len(h.huruf):
        return h
    w, t = h.lebar, h.tinggi

    def pt(x: float, y: float) -> Titik:
        if turn == 1:  # text reads upwards: turn the page clockwise
            return (t - y, x)
        if turn == 3:  # text reads downwards: turn it counter-clockwise
            return (y, w - x)
        return (w - x, t - y)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        a, b = pt(x0, y0), pt(x1, y1)
        return min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])

    huruf = []
    for c in h.huruf:
        x0, top, x1, bottom = box(c.x0, c.top, c.x1, c.bottom)
        arah = None if c.arah is None else (c.arah - turn) % 4
        # pdfminer gives a turned character's advance as its size: the em is the box height now
        huruf.append(Huruf(c.teks, x0, top, x1, bottom, bottom - top, arah))
    jalur = []
    for j in h.jalur:
        x0, top, x1, bottom = box(j.x0, j.top, j.x1, j.bottom)
        jalur.append(
            Jalur(
                titik=[pt(x, y) for x, y in j.titik],
                lengkung=j.lengkung,
                tertutup=j.tertutup,
                garis=j.garis,
                isi=j.isi,
                isi_putih=j.isi_putih,
                tebal=j.tebal,
                x0=x0,
                top=top,
                x1=x1,
                bottom=bottom,
            )
        )
    citra = [Kotak(*box(k.x0, k.y0, k.x1, k.y1), h.nomor) for k in h.citra]
    size = (t, w) if turn in (1, 3) else (w, t)
    return Halaman(h.nomor, size[0], size[1], huruf, jalur, citra, h.tanpa_unicode)


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
    unmapped = 0
    for obj in _benda(layout):
        if isinstance(obj, LTChar):
            text = obj.get_text()
            if text.startswith("(cid:"):
                unmapped += 1
            elif text.strip():
                huruf.append(
                    Huruf(
                        teks=text,
                        x0=float(obj.x0),
                        top=h - float(obj.y1),
                        x1=float(obj.x1),
                        bottom=h - float(obj.y0),
                        size=float(obj.size or (obj.y1 - obj.y0) or 10.0),
                        arah=_arah(obj.matrix),
                    )
                )
        elif isinstance(obj, LTCurve):  # lines and rectangles are curves too
            jalur.extend(jalur_dari(obj, h))
        elif isinstance(obj, LTImage):
            x0, x1 = max(0.0, float(obj.x0)), min(w, float(obj.x1))
            t, b = max(0.0, h - float(obj.y1)), min(h, h - float(obj.y0))
            if x1 - x0 > 1 and b - t > 1:
                citra.append(Kotak(x0, t, x1, b, nomor))
    return tegakkan(
        Halaman(
            nomor=nomor,
            lebar=w,
            tinggi=h,
            huruf=huruf,
            jalur=jalur,
            citra=citra,
            tanpa_unicode=unmapped,
        )
    )
