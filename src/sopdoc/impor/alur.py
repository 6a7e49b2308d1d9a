"""The flowchart: each symbol into its step (by its row) and lane(s) (by its columns), and
each decision's branches (by the arrows, helped by the Ya/Tidak labels).

Symbols are placed by geometry only: a symbol's centre gives its row, the lane
columns its box overlaps give its lanes (a box over two lanes is a step of two
lanes). A row may hold several symbols (a start terminator beside the first
process, a process beside a decision): the step then lists every lane, and its
``bentuk`` the kind drawn in each where they differ from the format's rule.

Arrows are followed from a decision's outline through any chain of line pieces
to their head; the symbol nearest the head is the target (an arrow may stop at
the lane border beside it), an off-page connector leads on to the connector of
the same number on another page. The branch labelled like "Tidak" (or
"Belum ...", "T", ...) is the 'Tidak' branch; without labels, the branch that
does not go to the next step is.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..i18n import _
from .bahan import JenisSimbol, Kotak, Label, Panah, Simbol, Titik
from .konteks import Konteks
from .prosedur import Prosedur

_TOL = 3.0  # points: an arrow's end this close to an outline touches it
_TANPA_PASANGAN = -1  # an arrow into an off-page connector with no partner of its number
_TIDAK = re.compile(r"^\s*(tidak|t|no|n|belum|ditolak|tolak|kurang|salah|gagal|invalid)\b", re.I)
_YA = re.compile(r"^\s*(ya|y|yes|benar|sesuai|valid|lengkap|setuju|disetujui|ok|diterima)\b", re.I)
_KIND = {
    JenisSimbol.TERMINATOR: "terminator",
    JenisSimbol.PROSES: "proses",
    JenisSimbol.KEPUTUSAN: "keputusan",
    JenisSimbol.TIDAK_DIKENAL: "proses",
}


@dataclass
class _Tempat:
    """Where a symbol was placed: its step, its lanes, how sure."""

    simbol: Simbol
    langkah: int
    lajur: list[int]
    yakin: float = 1.0


@dataclass
class _Langkah:
    simbol: list[_Tempat] = field(default_factory=list)


def _jarak(p: Titik, box: Kotak) -> float:
    """Distance from a point to a box (0 inside)."""
    dx = max(box.x0 - p[0], 0.0, p[0] - box.x1)
    dy = max(box.y0 - p[1], 0.0, p[1] - box.y1)
    return math.hypot(dx, dy)


def _baris(prosedur: Prosedur) -> dict[int, list[tuple[float, float, int]]]:
    """page -> the rows (top, bottom, step index) on it."""
    rows: dict[int, list[tuple[float, float, int]]] = {}
    for i, step in enumerate(prosedur.langkah):
        for box in step.kotak:
            rows.setdefault(box.halaman, []).append((box.y0, box.y1, i))
    return rows


def _lajur_halaman(prosedur: Prosedur, page: int) -> list[tuple[float, float]]:
    if page in prosedur.kolom_lajur:
        return prosedur.kolom_lajur[page]
    known = sorted(prosedur.kolom_lajur)
    before = [p for p in known if p < page]
    return (
        prosedur.kolom_lajur[before[-1]]
        if before
        else (prosedur.kolom_lajur[known[0]] if known else [])
    )


def tempatkan(
    simbol: Simbol, prosedur: Prosedur, rows: dict[int, list[tuple[float, float, int]]]
) -> _Tempat | None:
    """The step and lanes of one symbol; None when it lies outside the procedure rows."""
    box = simbol.kotak
    cx, cy = box.tengah
    page_rows = rows.get(box.halaman, [])
    inside = [r for r in page_rows if r[0] - 0.5 <= cy <= r[1] + 0.5]
    yakin = 1.0
    anchored = _baris_jangkar(simbol, prosedur)
    if anchored is not None:  # a shape anchored in a cell of a step's row (DOCX)
        step = anchored
    elif inside:
        step = inside[0][2]
    else:
        near = [(min(abs(cy - r[0]), abs(cy - r[1])), r[2]) for r in page_rows]
        if not near or min(near)[0] > 12:
            return None
        step = min(near)[1]
        yakin = 0.6
    lanes = _lajur_halaman(prosedur, box.halaman)
    if not lanes:
        return None
    left, right = lanes[0][0], lanes[-1][1]
    if cx < left - 2 or cx > right + 2:
        return None  # beside the lanes: a connector or a note, not a step's symbol
    chosen = []
    for k, (x0, x1) in enumerate(lanes):
        overlap = min(box.x1, x1) - max(box.x0, x0)
        if overlap <= 0:
            continue
        if x0 <= cx <= x1 or overlap >= 0.3 * min(x1 - x0, box.lebar):
            chosen.append(k)
    if not chosen:
        chosen = [min(range(len(lanes)), key=lambda k: abs((lanes[k][0] + lanes[k][1]) / 2 - cx))]
        yakin = min(yakin, 0.6)
    return _Tempat(simbol, step, chosen, yakin)


def _baris_jangkar(simbol: Simbol, prosedur: Prosedur) -> int | None:
    """The step whose row holds the cell the symbol is anchored in, if it is so anchored."""
    if simbol.sel is None:
        return None
    table, row, _cell = simbol.sel
    for i, step in enumerate(prosedur.langkah):
        if (table, row) in step.sel:
            return i
    return None


def baca_alur(kt: Konteks, prosedur: Prosedur, lane_ids: list[str]) -> bool:
    """Lanes, symbols and branches of every step from the drawing; False if it shows none."""
    bahan = kt.bahan
    pages = {box.halaman for step in prosedur.langkah for box in step.kotak}
    rows = _baris(prosedur)
    per_step: dict[int, _Langkah] = {}
    for sym in bahan.simbol:
        if sym.kotak.halaman not in pages or sym.jenis is JenisSimbol.PENGHUBUNG:
            continue
        place = tempatkan(sym, prosedur, rows)
        if place is not None:
            per_step.setdefault(place.langkah, _Langkah()).simbol.append(place)
    if not per_step or not lane_ids:
        return False
    steps: list[dict[str, Any]] = kt.data["kegiatan"]
    tidak = _cabang(kt, prosedur, per_step, pages)
    missing = []
    for i, step in enumerate(steps):
        found = per_step.get(i)
        if found is None:
            missing.append(i)
            continue
        _langkah(kt, i, step, found, lane_ids, tidak.get(i), len(steps))
    if missing:
        _lengkapi(kt, missing, lane_ids)
    return True


def _langkah(
    kt: Konteks,
    i: int,
    step: dict[str, Any],
    found: _Langkah,
    lane_ids: list[str],
    cabang: _Cabang | None,
    n: int,
) -> None:
    by_lane: dict[int, str] = {}
    for place in sorted(found.simbol, key=lambda p: p.simbol.kotak.x0):
        kind = _KIND[place.simbol.jenis]
        for lane in place.lajur:
            old = by_lane.get(lane)
            if old is not None and old != kind:
                kt.catat(
                    ("kegiatan", i, "bentuk"),
                    _("a {a} and a {b} in one lane of this row; the {kept} is kept").format(
                        a=old, b=kind, kept="keputusan" if "keputusan" in (old, kind) else kind
                    ),
                )
                kind = "keputusan" if "keputusan" in (old, kind) else kind
            by_lane[lane] = kind
        if place.yakin < 1.0:
            kt.tebak(
                ("kegiatan", i, "pelaksana"),
                _("the symbol lies outside its row or lane; placed in the nearest"),
                place.yakin,
            )
        if place.simbol.jenis is JenisSimbol.TIDAK_DIKENAL:
            kt.tebak(
                ("kegiatan", i, "bentuk"),
                _("a shape not recognised ({shape}) is read as a process").format(
                    shape=place.simbol.bentuk or "?"
                ),
                0.5,
            )
    lanes = sorted(by_lane)
    ids = [lane_ids[k] for k in lanes if k < len(lane_ids)]
    step["pelaksana"] = ids[0] if len(ids) == 1 else ids
    kt.dibaca("diagram", len(found.simbol))
    if cabang is not None and cabang.target is not None:
        step["jika_tidak"] = cabang.target + 1
        if cabang.label_ya is not None:
            step["label_ya"] = cabang.label_ya
        if cabang.label_tidak is not None:
            step["label_tidak"] = cabang.label_tidak
        if cabang.pesan:
            kt.tebak(("kegiatan", i, "jika_tidak"), cabang.pesan, cabang.yakin)
    elif cabang is not None and cabang.pesan:
        kt.gagal(("kegiatan", i, "jika_tidak"), cabang.pesan)
    kinds = [by_lane[k] for k in lanes]
    rule = "keputusan" if "jika_tidak" in step else ("terminator" if i in (0, n - 1) else "proses")
    if len(set(kinds)) == 1:
        if kinds[0] != rule:
            step["bentuk"] = kinds[0]
    else:
        step["bentuk"] = kinds
    if "keputusan" in kinds and "jika_tidak" not in step:
        kt.catat(
            ("kegiatan", i),
            _("a decision without a 'Tidak' branch that could be followed"),
        )


def _lengkapi(kt: Konteks, missing: list[int], lane_ids: list[str]) -> None:
    """Steps whose row holds no symbol: the lane of the step before, flagged."""
    steps = kt.data["kegiatan"]
    for i in missing:
        lane = steps[i - 1]["pelaksana"] if i > 0 else lane_ids[0]
        steps[i]["pelaksana"] = lane
        kt.tebak(
            ("kegiatan", i, "pelaksana"),
            _("no symbol found in this row; the lane of the step before"),
            0.3,
        )


# -- branches -----------------------------------------------------------------------------


@dataclass
class _Cabang:
    """A decision's 'Tidak' target and labels, and the doubt about them."""

    target: int | None
    label_ya: str | None = None  # None: the default 'Ya'
    label_tidak: str | None = None
    pesan: str = ""
    yakin: float = 1.0


def _potongan(bahan_panah: list[Panah], page: int) -> list[list[Titik]]:
    """The line pieces of a page as point lists, tail first (a head at the start reversed)."""
    return [p for p, _head in _potongan_kepala(bahan_panah, page)]


def _potongan_kepala(bahan_panah: list[Panah], page: int) -> list[tuple[list[Titik], bool]]:
    """The line pieces of a page, tail first, and whether only their last point is a head."""
    out = []
    for p in bahan_panah:
        if p.halaman != page or len(p.titik) < 2:
            continue
        pts = list(p.titik)
        if p.kepala == "awal":
            pts.reverse()
        out.append((pts, p.kepala in ("akhir", "awal")))
    return out


def _ikuti(
    start: Titik, pieces: list[list[Titik]], used: set[int], heads: list[bool] | None = None
) -> list[Titik]:
    """Follow connected line pieces from ``start`` to where the line ends.

    A piece with an arrowhead is followed only from its tail and ends the path at its
    head: two arrows meeting at one symbol are not one line.
    """
    path = [start]
    here = start
    while True:
        nxt = None
        for k, pts in enumerate(pieces):
            if k in used:
                continue
            one_way = heads[k] if heads is not None else False
            if math.dist(pts[0], here) <= _TOL:
                nxt = (k, pts, one_way)
                break
            if not one_way and math.dist(pts[-1], here) <= _TOL:
                nxt = (k, list(reversed(pts)), False)
                break
        if nxt is None:
            return path
        used.add(nxt[0])
        path.extend(nxt[1][1:])
        here = path[-1]
        if nxt[2]:
            return path


def _cabang(
    kt: Konteks, prosedur: Prosedur, per_step: dict[int, _Langkah], pages: set[int]
) -> dict[int, _Cabang]:
    bahan = kt.bahan
    placed = [(p.langkah, p.simbol) for s in per_step.values() for p in s.simbol]
    connectors = [s for s in bahan.simbol if s.jenis is JenisSimbol.PENGHUBUNG]
    result: dict[int, _Cabang] = {}
    for step, found in per_step.items():
        decisions = [p.simbol for p in found.simbol if p.simbol.jenis is JenisSimbol.KEPUTUSAN]
        if not decisions:
            continue
        d = decisions[0]
        page = d.kotak.halaman
        headed = _potongan_kepala(bahan.panah, page)
        pieces = [p for p, _h in headed]
        branches: list[tuple[int, list[Titik]]] = []
        lost = False
        for k, (pts, one_way) in enumerate(headed):
            for end in (0, -1):
                if _jarak(pts[end], d.kotak) > _TOL or (one_way and end == -1):
                    continue  # not touching, or an arrow coming in
                oriented = pts if end == 0 else list(reversed(pts))
                used = {k}
                heads = [h for _p, h in headed]
                path = [oriented[-1]] if one_way else _ikuti(oriented[-1], pieces, used, heads)
                full = _lewat_penghubung(oriented[:-1] + path, connectors, page)
                target = _sasaran(full[-1], page, d, placed, connectors, bahan.panah, pieces)
                if target == _TANPA_PASANGAN:
                    lost = True
                elif target is not None and target != step:
                    branches.append((target, full))
                break
        chosen = _pilih(step, branches, bahan.label, page, bool(bahan.label))
        if chosen.target is None and lost:
            chosen.pesan = _(
                "the 'Tidak' branch leads to an off-page connector whose partner was not found"
            )
        result[step] = chosen
    return result


def _lewat_penghubung(path: list[Titik], connectors: list[Simbol], page: int) -> list[Titik]:
    """A path that ends at an off-page connector, drawn on through it (its label may sit
    beside the connector rather than beside the short arrow)."""
    end = path[-1]
    for c in connectors:
        if c.kotak.halaman != page or _jarak(end, c.kotak) > _TOL * 2:
            continue
        (x0, y0), (x1, y1) = path[-2], end
        box = c.kotak
        if abs(x1 - x0) < abs(y1 - y0):
            far = (x1, box.y1 if y1 > y0 else box.y0)
        else:
            far = (box.x1 if x1 > x0 else box.x0, y1)
        return [*path, far]
    return path


def _sasaran(
    end: Titik,
    page: int,
    source: Simbol,
    placed: list[tuple[int, Simbol]],
    connectors: list[Simbol],
    panah: list[Panah],
    pieces: list[list[Titik]],
) -> int | None:
    """The step whose symbol an arrow ending at ``end`` points to (through a connector too)."""
    best: tuple[float, int] | None = None
    for step, sym in placed:
        if sym is source or sym.kotak.halaman != page:
            continue
        dist = _jarak(end, sym.kotak)
        if best is None or dist < best[0]:
            best = (dist, step)
    conn = [c for c in connectors if c.kotak.halaman == page and _jarak(end, c.kotak) <= _TOL * 2]
    if conn and (best is None or best[0] > _TOL):
        number = conn[0].teks.strip()
        for other in connectors:
            if other is conn[0] or other.teks.strip() != number or not number:
                continue
            other_headed = _potongan_kepala(panah, other.kotak.halaman)
            other_pieces = [p for p, _h in other_headed]
            heads = [h for _p, h in other_headed]
            for k, pts in enumerate(other_pieces):
                if _jarak(pts[0], other.kotak) <= _TOL:
                    path = [pts[-1]] if heads[k] else _ikuti(pts[-1], other_pieces, {k}, heads)
                    hit = _sasaran(
                        path[-1], other.kotak.halaman, other, placed, [], panah, other_pieces
                    )
                    if hit is not None:
                        return hit
        return _TANPA_PASANGAN
    if best is None or best[0] > 40:
        return None
    return best[1]


def _jarak_label(path: list[Titik], lab: Label) -> float:
    """How far a label stands from the start of a path (its first three pieces)."""
    half = max(lab.kotak.lebar, lab.kotak.tinggi) / 2
    best = math.inf
    for k, (a, b) in enumerate(itertools.pairwise(path)):
        if k > 2:
            break
        best = min(best, max(0.0, _jarak_segmen(lab.kotak.tengah, a, b) - half) + 4 * k)
    return best


def _label_cabang(paths: list[list[Titik]], labels: list[Label], page: int) -> list[Label | None]:
    """The label of each branch: every label near a branch goes to the nearest one."""
    out: list[tuple[float, Label] | None] = [None] * len(paths)
    for lab in labels:
        if lab.kotak.halaman != page:
            continue
        dists = [_jarak_label(p, lab) for p in paths]
        k = min(range(len(paths)), key=dists.__getitem__) if paths else -1
        if k < 0 or dists[k] > 12:
            continue
        have = out[k]
        if have is None or dists[k] < have[0]:
            out[k] = (dists[k], lab)
    return [x[1] if x else None for x in out]


def _jarak_segmen(p: Titik, a: Titik, b: Titik) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.dist(p, a)
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def _pilih(
    step: int,
    branches: list[tuple[int, list[Titik]]],
    labels: list[Label],
    page: int,
    has_labels: bool,
) -> _Cabang:
    """Which branch is 'Tidak', and the labels printed on both."""
    if not branches:
        return _Cabang(None)
    found = _label_cabang([path for _t, path in branches], labels, page)
    named = [(t, path, lab) for (t, path), lab in zip(branches, found, strict=True)]
    tidak = [b for b in named if b[2] is not None and _TIDAK.match(b[2].teks)]
    ya = [b for b in named if b[2] is not None and _YA.match(b[2].teks) and b not in tidak]
    pesan = ""
    yakin = 1.0
    if tidak:
        chosen = tidak[0]
    else:
        others = [b for b in named if b[0] != step + 1 and b not in ya]
        if not others:
            return _Cabang(None)
        chosen = others[0]
        if has_labels:
            pesan = _(
                "no 'Tidak' label found; the branch that does not go on to the next "
                "step is taken as 'Tidak'"
            )
            yakin = 0.7
    ya_branch = next((b for b in named if b is not chosen and b[0] == step + 1), None)
    if ya_branch is None and ya:
        ya_branch = ya[0]
    out = _Cabang(chosen[0], pesan=pesan, yakin=yakin)
    if has_labels:
        t_label = chosen[2].teks.strip() if chosen[2] is not None else ""
        out.label_tidak = None if t_label == "Tidak" else t_label
        y_label = ya_branch[2].teks.strip() if ya_branch and ya_branch[2] is not None else ""
        out.label_ya = None if y_label == "Ya" else y_label
    return out
