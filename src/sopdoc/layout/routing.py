"""Orthogonal arrow routing on one procedure page.

Arrows run horizontally and vertically only. A route is accepted when none of
its segments passes through (or grazes) a symbol, runs along a table line, or
lies on top of another arrow; among the acceptable routes of a 'Tidak' branch
the shortest with the fewest crossings and the least crowded symbol sides wins.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

from .geometry import Arrow, ArrowKind, Box, Column, Label, Page, Point, Symbol, SymbolKind, q
from .metrics import text_width
from .style import Style

CLEARANCE = 3.0  # minimal distance between an arrow and a symbol it does not touch
LABEL_CLEARANCE = 2.0  # ... and a label (not its own), and between a label and a lane border
_CLEARANCES = ((CLEARANCE, LABEL_CLEARANCE), (1.5, 0.5), (0.5, 0.0))  # narrower where need be
_GRID = 2.0  # minimal distance between an arrow and a parallel table line
_INTERIOR_FRACTIONS = (0.25, 0.33, 0.67, 0.75)  # across a lane, for rows it has no symbol in
_GUTTER_FRACTIONS = (0.5, 0.3, 0.7, 0.15, 0.85)  # across the free strip beside the symbols
_SIDE_PENALTY = 80.0


def side_point(sym: Symbol, side: str, offset: float = 0.0) -> Point:
    """Where an arrow meets ``sym`` on ``side``, ``offset`` points below its middle."""
    b = sym.box
    if side == "top":
        return (q(b.cx), b.y)
    if side == "bottom":
        return (q(b.cx), b.bottom)
    half_h = b.h / 2
    inset = 0.0
    if sym.kind is SymbolKind.DECISION:
        inset = b.w / 2 * min(1.0, abs(offset) / half_h)
    elif sym.kind is SymbolKind.TERMINATOR:
        r = half_h
        inset = r - math.sqrt(max(0.0, r * r - offset * offset))
    x = b.right - inset if side == "right" else b.x + inset
    return (q(x), q(b.cy + offset))


def _other(side: str) -> str:
    return "left" if side == "right" else "right"


def _parallel_overlap(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether two axis-parallel segments lie on (nearly) the same line and share length."""
    if a[1] == b[1] and c[1] == d[1]:
        if abs(a[1] - c[1]) >= _GRID:
            return False
        lo1, hi1 = sorted((a[0], b[0]))
        lo2, hi2 = sorted((c[0], d[0]))
    elif a[0] == b[0] and c[0] == d[0]:
        if abs(a[0] - c[0]) >= _GRID:
            return False
        lo1, hi1 = sorted((a[1], b[1]))
        lo2, hi2 = sorted((c[1], d[1]))
    else:
        return False
    return min(hi1, hi2) - max(lo1, lo2) > -_GRID


def _crosses(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether a horizontal and a vertical segment cross in their interiors."""
    if a[1] == b[1] and c[0] == d[0]:
        h, v = (a, b), (c, d)
    elif a[0] == b[0] and c[1] == d[1]:
        h, v = (c, d), (a, b)
    else:
        return False
    x = v[0][0]
    y = h[0][1]
    return min(h[0][0], h[1][0]) < x < max(h[0][0], h[1][0]) and min(v[0][1], v[1][1]) < y < max(
        v[0][1], v[1][1]
    )


class Router:
    """Places the arrows, connectors and labels of one page, avoiding what is already there."""

    def __init__(self, page: Page, lanes: list[Column], style: Style):
        self.page = page
        self.lanes = lanes
        self.style = style
        self.left = lanes[0].x
        self.right = lanes[-1].right
        self.top = page.body_top
        self.bottom = page.rows[-1].bottom if page.rows else page.body_top
        self.rows = {r.step: r for r in page.rows}
        self.v_lines = [c.x for c in lanes] + [lanes[-1].right]
        self.h_lines = [page.body_top] + [r.bottom for r in page.rows]
        self.use: dict[tuple[int, str], int] = {}
        widths = [s.box.w for s in page.symbols if s.kind is not SymbolKind.CONNECTOR]
        self.symbol_width = widths[0] if widths else lanes[0].width / 2
        self.placed: list[Label] = []  # labels already on the page: later arrows avoid them
        self.pending: list[tuple[int, str]] = []  # 'Ya' labels, placed once all 'Ya' arrows are

    # -- lookups -------------------------------------------------------------------

    def _symbols(self, step: int) -> list[tuple[int, Symbol]]:
        found = [
            (i, s)
            for i, s in enumerate(self.page.symbols)
            if s.step == step and s.kind is not SymbolKind.CONNECTOR
        ]
        return sorted(found, key=lambda item: item[1].lane)

    def _ports(self, src: int, dst: int) -> tuple[tuple[int, Symbol], tuple[int, Symbol]]:
        """The pair of symbols (one of each step) whose lanes are closest."""
        pairs = [(a, b) for a in self._symbols(src) for b in self._symbols(dst)]
        return min(pairs, key=lambda p: (abs(p[0][1].lane - p[1][1].lane), p[0][1].lane))

    def _port(self, step: int, toward: list[int]) -> tuple[int, Symbol]:
        syms = self._symbols(step)
        return min(syms, key=lambda s: (min(abs(s[1].lane - t) for t in toward), s[1].lane))

    def _lanes_of(self, step: int) -> list[int]:
        return [s.lane for _, s in self._symbols(step)]

    # -- checks --------------------------------------------------------------------

    def _ok(
        self,
        points: list[Point],
        first: set[int],
        last: set[int],
        clearance: tuple[float, float] = (CLEARANCE, LABEL_CLEARANCE),
    ) -> bool:
        """Whether a route keeps ``clearance`` (from symbols, from labels) and the rules."""
        clear, label_clear = clearance
        segs = list(itertools.pairwise(points))
        for k, (a, b) in enumerate(segs):
            if a == b:
                return False
            if min(a[0], b[0]) < self.left + 1 or max(a[0], b[0]) > self.right - 1:
                return False
            if min(a[1], b[1]) < self.top + 0.5 or max(a[1], b[1]) > self.bottom - 0.5:
                return False
            for j, s in enumerate(self.page.symbols):
                if (k == 0 and j in first) or (k == len(segs) - 1 and j in last):
                    continue
                if s.box.hits_segment(a, b, shrink=-clear):
                    return False
            if a[0] == b[0]:
                if any(abs(a[0] - g) < _GRID for g in self.v_lines):
                    return False
            elif any(abs(a[1] - g) < _GRID for g in self.h_lines):
                return False
            for arrow in self.page.arrows:
                for c, d in arrow.segments():
                    if _parallel_overlap(a, b, c, d):
                        return False
            if any(lab.box.hits_segment(a, b, shrink=-label_clear) for lab in self.placed):
                return False
        return True

    def _crossings(self, points: list[Point]) -> int:
        count = 0
        for a, b in itertools.pairwise(points):
            for arrow in self.page.arrows:
                for c, d in arrow.segments():
                    if _crosses(a, b, c, d):
                        count += 1
        return count

    def _add(
        self,
        points: list[Point],
        kind: ArrowKind,
        source: int,
        target: int,
        ends: tuple[tuple[int, str], ...] = (),
        label: str | None = None,
    ) -> None:
        self.page.arrows.append(Arrow(tuple(points), kind, source, target))
        for key in ends:
            self.use[key] = self.use.get(key, 0) + 1
        if label:
            if kind is ArrowKind.NEXT:
                self.pending.append((len(self.page.arrows) - 1, label))
            else:
                self._place_label(len(self.page.arrows) - 1, label)

    def _uses(self, sym: int, side: str) -> int:
        return self.use.get((sym, side), 0)

    # -- arrows --------------------------------------------------------------------

    def join_multi_lane(self) -> None:
        """Join the symbols of a step done by several lanes with a plain line."""
        for row in self.page.rows:
            syms = self._symbols(row.step)
            for (ia, a), (ib, b) in itertools.pairwise(syms):
                pa = side_point(a, "right")
                pb = side_point(b, "left")
                self._add(
                    [pa, pb], ArrowKind.JOIN, row.step, row.step, ((ia, "right"), (ib, "left"))
                )

    def route_next(self, src: int, dst: int, label: str | None, keep_side: bool = False) -> None:
        """The arrow from a step to the next one on the same page.

        ``keep_side``: leave a side of the source free for an off-page connector.
        """
        (ia, a), (ib, b) = self._ports(src, dst)
        candidates: list[tuple[list[Point], str]] = []
        if a.lane == b.lane:
            candidates.append(([(a.box.cx, a.box.bottom), (b.box.cx, b.box.y)], "bottom"))
        else:
            side = "right" if b.box.cx > a.box.cx else "left"
            p0 = side_point(a, side)
            candidates.append(([p0, (b.box.cx, p0[1]), (b.box.cx, b.box.y)], side))
            row = self.rows[src]
            for ym in ((a.box.bottom + row.bottom) / 2, (row.bottom + b.box.y) / 2):
                ym = q(ym)
                pts = [(a.box.cx, a.box.bottom), (a.box.cx, ym), (b.box.cx, ym)]
                candidates.append(([*pts, (b.box.cx, b.box.y)], "bottom"))
            if keep_side and not self._room_beside(a, _other(side)):
                # the 'Tidak' branch needs that side: the 'Ya' arrow leaves from below
                candidates.append(candidates.pop(0))
        # the first acceptable route with the fewest crossings
        acceptable: list[tuple[list[Point], str]] = []
        for clearance in _CLEARANCES:
            acceptable = [c for c in candidates if self._ok(c[0], {ia}, {ib}, clearance)]
            if acceptable:
                break
        chosen = (
            min(acceptable, key=lambda c: self._crossings(c[0])) if acceptable else candidates[0]
        )
        self._add(chosen[0], ArrowKind.NEXT, src, dst, ((ia, chosen[1]), (ib, "top")), label)

    def _room_beside(self, sym: Symbol, side: str) -> bool:
        """Whether an arrow and an off-page connector fit beside ``sym`` on ``side``."""
        if (side == "left" and sym.lane > 0) or (
            side == "right" and sym.lane < len(self.lanes) - 1
        ):
            return True
        col = self.lanes[sym.lane]
        gutter = col.right - sym.box.right if side == "right" else sym.box.x - col.x
        return gutter >= self.style.connector_width + self.style.connector_gap + 2

    def next_to_connector(
        self, src: int, dst: int, number: str, label: str | None, dst_lanes: list[int]
    ) -> None:
        """Last step of a page: an arrow down to an off-page connector."""
        ia, a = self._port(src, dst_lanes)
        st = self.style
        top = q(a.box.bottom + st.connector_gap)
        box = Box(
            q(a.box.cx - st.connector_width / 2), top, st.connector_width, st.connector_height
        )
        self.page.symbols.append(Symbol(SymbolKind.CONNECTOR, box, a.lane, src, number))
        self._add(
            [(a.box.cx, a.box.bottom), (a.box.cx, top)],
            ArrowKind.NEXT,
            src,
            dst,
            ((ia, "bottom"),),
            label,
        )

    def next_from_connector(self, src: int, dst: int, number: str, src_lanes: list[int]) -> None:
        """First step of a page: the flow comes in from an off-page connector above it."""
        ib, b = self._port(dst, src_lanes)
        st = self.style
        top = q(self.rows[dst].y + 4)
        box = Box(
            q(b.box.cx - st.connector_width / 2), top, st.connector_width, st.connector_height
        )
        self.page.symbols.append(Symbol(SymbolKind.CONNECTOR, box, b.lane, dst, number))
        self._add(
            [(b.box.cx, box.bottom), (b.box.cx, b.box.y)], ArrowKind.NEXT, src, dst, ((ib, "top"),)
        )

    def _channel_xs(self) -> list[float]:
        """Where a vertical 'Tidak' channel may run: in the strips beside the symbols of
        each lane (free in every row) and, where a lane is empty, across it."""
        xs: list[float] = []
        gutter = (self.lanes[0].width - self.symbol_width) / 2
        for c in self.lanes:
            for start in (c.x, c.right - gutter):
                xs.extend(q(start + f * gutter) for f in _GUTTER_FRACTIONS)
            xs.extend(q(c.x + f * c.width) for f in _INTERIOR_FRACTIONS)
        return xs

    def route_tidak(self, dec: int, tgt: int, label: str | None = "Tidak") -> None:
        """A decision's 'Tidak' arrow to its target on the same page, through a free channel."""
        label_room = text_width(label or "", self.style.label_size) + 6
        d_syms = self._symbols(dec)
        t_syms = self._symbols(tgt)
        candidates: list[tuple[float, list[Point], tuple[tuple[int, str], tuple[int, str]]]] = []
        for side in ("left", "right"):
            ie, e_sym = d_syms[0] if side == "left" else d_syms[-1]
            e = side_point(e_sym, side)
            exit_pen = _SIDE_PENALTY * self._uses(ie, side)
            for chx in self._channel_xs():
                if (side == "right" and chx < e[0] + 3) or (side == "left" and chx > e[0] - 3):
                    continue
                for it, t_sym in t_syms:
                    if chx > t_sym.box.right:
                        ent = "right"
                    elif chx < t_sym.box.x:
                        ent = "left"
                    else:
                        continue
                    entry_pen = _SIDE_PENALTY * self._uses(it, ent)
                    # a diamond's side corners are its exits: come in beside them
                    offs = (
                        (-0.25, 0.25) if t_sym.kind is SymbolKind.DECISION else (0.0, -0.25, 0.25)
                    )
                    for off in offs:
                        p = side_point(t_sym, ent, q(off * t_sym.box.h))
                        if abs(chx - p[0]) < 4:
                            continue
                        pts = [e, (chx, e[1]), (chx, p[1]), p]
                        length = abs(chx - e[0]) + abs(p[1] - e[1]) + abs(chx - p[0])
                        score = length + exit_pen + entry_pen + (12 if off else 0)
                        if abs(chx - e[0]) < label_room:
                            score += 25
                        candidates.append((score, pts, ((ie, side), (it, ent))))
        # the shortest acceptable route that crosses no arrow; where every route crosses,
        # the one with the fewest crossings (then the shortest)
        # (at the full clearance if any route keeps it, else at a narrower one)
        candidates.sort(key=lambda c: c[0])
        best: tuple[int, float, list[Point], tuple[tuple[int, str], tuple[int, str]]] | None
        best = None
        for clearance in _CLEARANCES:
            for score, pts, ends in candidates:
                if not self._ok(pts, {ends[0][0]}, {ends[1][0]}, clearance):
                    continue
                crossings = self._crossings(pts)
                if best is None or (crossings, score) < best[:2]:
                    best = (crossings, score, pts, ends)
                if crossings == 0:
                    break
            if best is not None:
                break
        if best is None and candidates:
            best = (0, *candidates[0])
        if best is not None:
            self._add(best[2], ArrowKind.TIDAK, dec, tgt, best[3], label)

    def _beside(
        self, sym_index: int, sym: Symbol, side: str, y: float
    ) -> list[tuple[float, Box, list[Point]]]:
        """Places for an off-page connector level with ``y`` beside a symbol on ``side``."""
        st = self.style
        cw, ch = st.connector_width, st.connector_height
        edge = side_point(sym, side, y - sym.box.cy)
        sign = 1 if side == "right" else -1
        centres: list[float] = []
        own = self.lanes[sym.lane]
        gutter = (own.right - sym.box.right) if side == "right" else (sym.box.x - own.x)
        if gutter >= cw + st.connector_gap + 2:
            centres.append(edge[0] + sign * (st.connector_gap + cw / 2))
        for col in self.lanes:
            if (col.x + col.width / 2 - edge[0]) * sign > 0 and col.lane != sym.lane:
                centres.append(col.x + col.width / 2)
        found = []
        for cx in centres:
            box = Box(q(cx - cw / 2), q(y - ch / 2), cw, ch)
            if not any(c.x <= box.x and box.right <= c.right for c in self.lanes):
                continue
            if any(box.overlaps(s.box, 2) for s in self.page.symbols):
                continue
            if any(box.overlaps(lab.box, 1) for lab in self.placed):
                continue
            if any(
                box.hits_segment(c, d, shrink=-2)
                for arrow in self.page.arrows
                for c, d in arrow.segments()
            ):
                continue
            near = box.x if side == "right" else box.right
            pts = [edge, (near, edge[1])]
            found.append((abs(near - edge[0]), box, pts))
        return sorted(found, key=lambda f: f[0])

    def _best_beside(
        self, syms: list[tuple[int, Symbol]], outgoing: bool
    ) -> tuple[float, int, Symbol, str, Box, list[Point]] | None:
        best = None
        for side in ("left", "right"):
            idx, sym = syms[0] if side == "left" else syms[-1]
            beside_corner = not outgoing and sym.kind is SymbolKind.DECISION
            for off in (-0.25, 0.25) if beside_corner else (0.0, -0.25, 0.25):
                y = q(sym.box.cy + off * sym.box.h)
                for dist, box, pts in self._beside(idx, sym, side, y):
                    path = pts if outgoing else list(reversed(pts))
                    first, last = ({idx}, set()) if outgoing else (set(), {idx})
                    if not self._ok(path, first, last):
                        continue
                    score = dist + _SIDE_PENALTY * self._uses(idx, side) + (12 if off else 0)
                    if outgoing and dist < text_width("Tidak", self.style.label_size) + 6:
                        score += 25
                    if best is None or score < best[0]:
                        best = (score, idx, sym, side, box, path)
        return best

    def tidak_to_connector(
        self, dec: int, tgt: int, number: str, label: str | None = "Tidak"
    ) -> None:
        """A 'Tidak' branch to a step on another page: out to a connector beside the diamond."""
        best = self._best_beside(self._symbols(dec), outgoing=True)
        if best is None:
            return
        _, idx, _sym, side, box, path = best
        self.page.symbols.append(Symbol(SymbolKind.CONNECTOR, box, self._lane_at(box), dec, number))
        self._add(path, ArrowKind.TIDAK, dec, tgt, ((idx, side),), label)

    def tidak_from_connector(self, dec: int, tgt: int, number: str) -> None:
        """The other end of a 'Tidak' branch across pages: a connector beside its target."""
        best = self._best_beside(self._symbols(tgt), outgoing=False)
        if best is None:
            return
        _, idx, _sym, side, box, path = best
        self.page.symbols.append(Symbol(SymbolKind.CONNECTOR, box, self._lane_at(box), tgt, number))
        self._add(path, ArrowKind.TIDAK, dec, tgt, ((idx, side),))

    def _lane_at(self, box: Box) -> int:
        for i, col in enumerate(self.lanes):
            if col.x <= box.cx <= col.right:
                return i
        return 0

    # -- labels --------------------------------------------------------------------

    def place_labels(self) -> None:
        """Place the labels of the flow arrows (before any 'Tidak' arrow is routed)."""
        for arrow_index, text in self.pending:
            self._place_label(arrow_index, text)
        self.pending.clear()

    def _place_label(self, arrow_index: int, text: str) -> None:
        """Put a label beside the start of its arrow, where nothing else is (placed as soon
        as the arrow is, so that the arrows routed later keep clear of it)."""
        st = self.style
        arrow = self.page.arrows[arrow_index]
        w = q(text_width(text, st.label_size) + 2)
        h = st.label_height
        best: tuple[float, Box] | None = None
        spots = [
            (box, pen + 40 * seg_no)
            for seg_no, (a, b) in enumerate(arrow.segments()[:3])
            for box, pen in self._label_spots(a, b, w, h)
        ]
        # if nothing is free: let the label touch a lane border, then let an arrow pass under it
        for strict, in_lane in ((True, True), (True, False), (False, True), (False, False)):
            for box, score in spots:
                if best is not None and score >= best[0]:
                    continue
                if self._label_ok(box, self.placed, strict, arrow_index, in_lane):
                    best = (score, box)
            if best is not None:
                break
        if best is None:
            return
        label = Label(text, best[1])
        self.placed.append(label)
        self.page.arrows[arrow_index] = replace(arrow, label=label)

    def _label_spots(self, a: Point, b: Point, w: float, h: float) -> list[tuple[Box, float]]:
        spots = []
        if a[1] == b[1]:
            sign = 1 if b[0] > a[0] else -1
            for k in range(16):
                x0 = a[0] + sign * (2 + 3 * k)
                # beside its segment, rather than past its end (where it reads as nobody's)
                past = 50.0 if (x0 - b[0]) * sign > 6 else 0.0
                x = x0 if sign > 0 else x0 - w
                for d in (0.0, 4.0, 8.0):  # a little further off the line if need be
                    for y, pen in ((a[1] - 1 - h - d, 0.0), (a[1] + 1 + d, 0.5)):
                        spots.append((Box(q(x), q(y), w, h), k + pen + d + past))
        else:
            sign = 1 if b[1] > a[1] else -1
            for k in range(40):
                y0 = a[1] + sign * (1.5 + 2 * k)
                y = y0 if sign > 0 else y0 - h
                for x, pen in ((a[0] + 1.5, 0.0), (a[0] - 1.5 - w, 0.5)):
                    spots.append((Box(q(x), q(y), w, h), k + pen))
        scored = []
        for box, pen in spots:
            if any(box.x < g < box.right for g in self.v_lines):
                pen += 20
            if any(box.y < g < box.bottom for g in self.h_lines):
                pen += 20
            scored.append((box, pen))
        return scored

    def _label_ok(
        self,
        box: Box,
        placed: list[Label],
        arrows: bool = True,
        own: int = -1,
        in_lane: bool = True,
    ) -> bool:
        if not box.inside(self.left + 0.5, self.right - 0.5, self.top + 0.5, self.bottom - 0.5):
            return False
        m = LABEL_CLEARANCE  # within one lane, clear of its borders
        if in_lane and any(box.x - m < g < box.right + m for g in self.v_lines):
            return False
        if any(box.overlaps(s.box, 0.8) for s in self.page.symbols):
            return False
        if any(box.overlaps(lab.box, 0.8) for lab in placed):
            return False
        if not arrows:
            return True
        for k, arrow in enumerate(self.page.arrows):
            # beside its own arrow; clear of the others
            gap = 0.4 if k == own else LABEL_CLEARANCE
            for c, d in arrow.segments():
                if box.hits_segment(c, d, shrink=-gap):
                    return False
        return True
