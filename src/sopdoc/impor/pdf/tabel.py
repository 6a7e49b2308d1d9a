"""A table's grid from its ruling lines: rows, columns and merged cells.

The distinct x of the vertical rulings and y of the horizontal ones cut the table
into grid units; two neighbouring units belong to one cell when no ruling
separates them (a merge). Units that open to the outside of the table (a table
whose rows are of different widths) are no cell at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..bahan import Kotak
from .garis import TOL, Ruas

LEBAR_MIN = 3.0
"""Grid lines closer than this (pt) are one line (double borders, rounding)."""


@dataclass
class Petak:
    """A cell of the grid: the units it covers and its box."""

    baris: tuple[int, int]  # first and last grid row
    kolom: tuple[int, int]  # first and last grid column
    kotak: Kotak
    unit: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class Kisi:
    """A table's grid: row and column edges, and its cells."""

    ys: list[float]
    xs: list[float]
    petak: list[Petak]
    halaman: int

    @property
    def kotak(self) -> Kotak:
        return Kotak(self.xs[0], self.ys[0], self.xs[-1], self.ys[-1], self.halaman)

    def baris(self) -> list[tuple[int, list[tuple[Petak, int, bool]]]]:
        """Grid rows with their cells left to right: (cell, span here, continues from above)."""
        rows: list[tuple[int, list[tuple[Petak, int, bool]]]] = []
        for i in range(len(self.ys) - 1):
            row = []
            for p in self.petak:
                cols = sorted(j for (r, j) in p.unit if r == i)
                if cols:
                    row.append((p, len(cols), p.baris[0] < i, cols[0]))
            row.sort(key=lambda t: t[3])
            if row:
                rows.append((i, [(p, span, cont) for p, span, cont, _ in row]))
        return rows


def _posisi(values: list[float]) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= LEBAR_MIN:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _tutup(segs: list[Ruas], pos: float, a: float, b: float) -> bool:
    """Does a segment at ``pos`` cover the middle of the band a..b?"""
    mid = (a + b) / 2
    return any(
        abs(s.pos - pos) <= LEBAR_MIN / 2 + 0.5 and s.a - TOL <= mid <= s.b + TOL for s in segs
    )


def kisi_tabel(ruas: list[Ruas], halaman: int) -> Kisi | None:
    """The grid of one group of rulings, or ``None`` when it encloses no cell."""
    h = [r for r in ruas if r.datar]
    v = [r for r in ruas if not r.datar]
    ys = _posisi([r.pos for r in h])
    xs = _posisi([r.pos for r in v])
    if len(ys) < 2 or len(xs) < 2:
        return None
    nr, nc = len(ys) - 1, len(xs) - 1
    # border[i][j]: a vertical border at xs[j] in row i; hborder[i][j]: at ys[i] in column j
    vb = [[_tutup(v, xs[j], ys[i], ys[i + 1]) for j in range(nc + 1)] for i in range(nr)]
    hb = [[_tutup(h, ys[i], xs[j], xs[j + 1]) for j in range(nc)] for i in range(nr + 1)]

    parent = {(i, j): (i, j) for i in range(nr) for j in range(nc)}

    def find(u: tuple[int, int]) -> tuple[int, int]:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    outside: set[tuple[int, int]] = set()
    todo = [(i, j) for i in range(nr) for j in range(nc)]
    todo = [
        (i, j)
        for i, j in todo
        if (j == 0 and not vb[i][0])
        or (j == nc - 1 and not vb[i][nc])
        or (i == 0 and not hb[0][j])
        or (i == nr - 1 and not hb[nr][j])
    ]
    while todo:
        u = todo.pop()
        if u in outside:
            continue
        outside.add(u)
        i, j = u
        if j > 0 and not vb[i][j]:
            todo.append((i, j - 1))
        if j < nc - 1 and not vb[i][j + 1]:
            todo.append((i, j + 1))
        if i > 0 and not hb[i][j]:
            todo.append((i - 1, j))
        if i < nr - 1 and not hb[i + 1][j]:
            todo.append((i + 1, j))

    for i in range(nr):
        for j in range(nc):
            if (i, j) in outside:
                continue
            if j < nc - 1 and not vb[i][j + 1] and (i, j + 1) not in outside:
                parent[find((i, j))] = find((i, j + 1))
            if i < nr - 1 and not hb[i + 1][j] and (i + 1, j) not in outside:
                parent[find((i, j))] = find((i + 1, j))
    groups: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for u in parent:
        if u not in outside:
            groups.setdefault(find(u), set()).add(u)
    petak = []
    for units in groups.values():
        r0, r1 = min(u[0] for u in units), max(u[0] for u in units)
        c0, c1 = min(u[1] for u in units), max(u[1] for u in units)
        box = Kotak(xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1], halaman)
        petak.append(Petak((r0, r1), (c0, c1), box, units))
    if not petak:
        return None
    petak.sort(key=lambda p: (p.baris[0], p.kolom[0]))
    return Kisi(ys, xs, petak, halaman)
