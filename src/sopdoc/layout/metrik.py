"""Measures of a laid-out flowchart: crossings, clearances, pages against the least possible.

Used by the tests and by ``python -m bench layout`` over the generated corpus.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .geometry import Arrow, Box, Page, Point
from .prosedur import ProcedureLayout


@dataclass(frozen=True)
class Ukuran:
    """The measures of one SOP's flowchart."""

    crossings: int  # arrow segments crossing another arrow's (joins at a shared end excluded)
    clearance: float  # least distance from an arrow to a symbol it does not touch (pt)
    label_gap: float  # least distance from an arrow to another arrow's label (pt)
    label_clearance: float  # least distance from a label to a lane border (pt)
    pages: int  # procedure pages (the signature block's own page not counted)
    min_pages: int  # the fewest pages the rows allow, in order, without connector room
    closing_page: bool  # the signature block has a page of its own


def _segment_box_distance(a: Point, b: Point, box: Box) -> float:
    """Distance between an axis-parallel segment and a box (0 when they touch or cross)."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    dx = max(box.x - x1, x0 - box.right, 0.0)
    dy = max(box.y - y1, y0 - box.bottom, 0.0)
    return float((dx * dx + dy * dy) ** 0.5)


def _touches(box: Box, p: Point, e: float = 0.06) -> bool:
    return box.x - e <= p[0] <= box.right + e and box.y - e <= p[1] <= box.bottom + e


def _crossings(arrows: list[Arrow]) -> int:
    count = 0
    for one, two in itertools.combinations(arrows, 2):
        for a, b in one.segments():
            for c, d in two.segments():
                if a[1] == b[1] and c[0] == d[0]:
                    h, v = (a, b), (c, d)
                elif a[0] == b[0] and c[1] == d[1]:
                    h, v = (c, d), (a, b)
                else:
                    continue
                x, y = v[0][0], h[0][1]
                hx0, hx1 = sorted((h[0][0], h[1][0]))
                vy0, vy1 = sorted((v[0][1], v[1][1]))
                if hx0 < x < hx1 and vy0 < y < vy1:
                    count += 1
    return count


def _clearance(page: Page) -> tuple[float, float]:
    """(least arrow-to-symbol distance, least arrow-to-other-label distance) on ``page``."""
    to_symbol = to_label = float("inf")
    boxes = [s.box for s in page.symbols]
    for arrow in page.arrows:
        segs = arrow.segments()
        for k, (a, b) in enumerate(segs):
            for box in boxes:
                if (k == 0 and _touches(box, a)) or (k == len(segs) - 1 and _touches(box, b)):
                    continue
                to_symbol = min(to_symbol, _segment_box_distance(a, b, box))
            for other in page.arrows:
                if other.label is not None and other is not arrow:
                    to_label = min(to_label, _segment_box_distance(a, b, other.label.box))
    return to_symbol, to_label


def _label_clearance(page: Page, layout: ProcedureLayout) -> float:
    lines = [c.x for c in layout.lane_columns] + [layout.lane_columns[-1].right]
    least = float("inf")
    for label in page.labels:
        for x in lines:
            if label.box.x <= x <= label.box.right:
                return 0.0
            least = min(least, abs(label.box.x - x), abs(label.box.right - x))
    return least


def min_pages(layout: ProcedureLayout) -> int:
    """The fewest procedure pages the rows allow: their heights without connector room,
    in order, filled greedily (which no other order-keeping break beats)."""
    st = layout.style
    first = layout.pages[0]
    avail = layout.page_height - st.margin_bottom - st.page_slack - first.body_top
    pages, used = 1, 0.0
    for row in (r for p in layout.pages for r in p.rows):
        if used and used + row.natural_height > avail:
            pages, used = pages + 1, 0.0
        used += row.natural_height
    return pages


def ukur(layout: ProcedureLayout) -> Ukuran:
    """The measures of ``layout``."""
    arrows_per_page = [p.arrows for p in layout.pages]
    clear = [_clearance(p) for p in layout.pages]
    return Ukuran(
        crossings=sum(_crossings(a) for a in arrows_per_page),
        clearance=min((c[0] for c in clear), default=float("inf")),
        label_gap=min((c[1] for c in clear), default=float("inf")),
        label_clearance=min((_label_clearance(p, layout) for p in layout.pages), default=0.0),
        pages=len(layout.pages),
        min_pages=min_pages(layout),
        closing_page=layout.closing_new_page,
    )
