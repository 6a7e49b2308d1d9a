"""Ruling lines: the horizontal and vertical strokes a table's borders are drawn with.

Producers draw borders in several ways: stroked lines (LibreOffice), thin filled
rectangles (Word's "Save as PDF"), or a stroked rectangle per cell. Each becomes
a :class:`Ruas`; collinear pieces are merged; then only segments whose two ends
meet a perpendicular segment are kept (:func:`kisi`), which drops text underlines,
lone connector lines and arrow shafts that happen to be straight.
"""

from __future__ import annotations

from dataclasses import dataclass

from .halaman import Jalur

TIPIS = 2.5
"""A filled or stroked box at most this thick (pt) is a line, not a shape."""

TOL = 2.0
"""How far (pt) two line ends may miss each other and still meet."""


@dataclass
class Ruas:
    """An axis-aligned segment: ``datar`` (horizontal, at y=pos from a to b) or vertical."""

    datar: bool
    pos: float
    a: float
    b: float

    @property
    def panjang(self) -> float:
        return self.b - self.a


def ruas_tipis(j: Jalur) -> Ruas | None:
    """A thin box (filled rule or zero-height rectangle) as a segment, else ``None``."""
    if j.lengkung or len(j.titik) < 2:
        return None
    w, h = j.lebar, j.tinggi
    if len(j.titik) == 2 or (j.tertutup and min(w, h) <= TIPIS):
        if h <= TIPIS and w >= 2 * h and w > TIPIS:
            return Ruas(True, (j.top + j.bottom) / 2, j.x0, j.x1)
        if w <= TIPIS and h >= 2 * w and h > TIPIS:
            return Ruas(False, (j.x0 + j.x1) / 2, j.top, j.bottom)
    return None


def sisi_kotak(j: Jalur) -> list[Ruas]:
    """The four edges of an axis-aligned rectangle."""
    return [
        Ruas(True, j.top, j.x0, j.x1),
        Ruas(True, j.bottom, j.x0, j.x1),
        Ruas(False, j.x0, j.top, j.bottom),
        Ruas(False, j.x1, j.top, j.bottom),
    ]


def siku(j: Jalur) -> bool:
    """Is the subpath an axis-aligned rectangle (4 corners at the box's corners)?"""
    if j.lengkung or len(j.titik) != 4:
        return False
    return all(
        (abs(x - j.x0) < 1 or abs(x - j.x1) < 1) and (abs(y - j.top) < 1 or abs(y - j.bottom) < 1)
        for x, y in j.titik
    )


def gabung(ruas: list[Ruas]) -> list[Ruas]:
    """Merge collinear segments that overlap or nearly touch."""
    out: list[Ruas] = []
    for datar in (True, False):
        group = sorted((r for r in ruas if r.datar == datar), key=lambda r: (r.pos, r.a))
        # cluster positions within TOL/2, then merge extents along each position
        lines: list[list[Ruas]] = []
        for r in group:
            if lines and abs(r.pos - lines[-1][-1].pos) <= TOL / 2:
                lines[-1].append(r)
            else:
                lines.append([r])
        for line in lines:
            pos = sum(r.pos for r in line) / len(line)
            for r in sorted(line, key=lambda r: r.a):
                last = out[-1] if out and out[-1].datar == datar else None
                if last is not None and abs(last.pos - pos) < 0.01 and r.a <= last.b + TOL:
                    last.b = max(last.b, r.b)
                else:
                    out.append(Ruas(datar, pos, r.a, r.b))
    return out


def _temu(ujung: tuple[float, float], r: Ruas) -> bool:
    """Does a point (along, across) lie on the perpendicular segment ``r``?"""
    along, across = ujung
    return abs(r.pos - along) <= TOL and r.a - TOL <= across <= r.b + TOL


def kisi(ruas: list[Ruas]) -> tuple[list[Ruas], list[Ruas]]:
    """Split segments into table rulings and the rest.

    A ruling meets a perpendicular ruling at each of its two ends (a table border
    always ends at another border); repeated until nothing changes.
    """
    kept = list(ruas)
    while True:
        h = [r for r in kept if r.datar]
        v = [r for r in kept if not r.datar]
        nxt = []
        for r in kept:
            others = v if r.datar else h
            ends = ((r.a, r.pos), (r.b, r.pos))
            if all(any(_temu(e, o) for o in others) for e in ends):
                nxt.append(r)
        if len(nxt) == len(kept):
            break
        kept = nxt
    ids = {id(r) for r in kept}
    return kept, [r for r in ruas if id(r) not in ids]


def kelompok(ruas: list[Ruas]) -> list[list[Ruas]]:
    """Rulings grouped into tables: connected components of crossing segments."""
    n = len(ruas)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        ri = ruas[i]
        if not ri.datar:
            continue
        for k in range(n):
            rk = ruas[k]
            if rk.datar:
                continue
            if ri.a - TOL <= rk.pos <= ri.b + TOL and rk.a - TOL <= ri.pos <= rk.b + TOL:
                parent[find(i)] = find(k)
    groups: dict[int, list[Ruas]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(ruas[i])
    return list(groups.values())
