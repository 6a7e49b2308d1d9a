"""The shapes of a laid-out procedure: boxes, symbols, arrows, rows, pages.

Every length is in points (1/72 inch), every position measured from the top
left corner of the page. Values are multiples of a twip (1/20 point), so a
painter can write them to Word exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

Point = tuple[float, float]


def q(value: float) -> float:
    """Round to whole twips (1/20 pt), the unit of Word's table grid."""
    return round(value * 20) / 20


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: left ``x``, top ``y``, width ``w``, height ``h``."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        """Whether the two boxes share interior area (or come closer than ``gap``)."""
        return (
            self.x < other.right + gap
            and other.x < self.right + gap
            and self.y < other.bottom + gap
            and other.y < self.bottom + gap
        )

    def inside(self, left: float, right: float, top: float, bottom: float) -> bool:
        """Whether the box lies within the given bounds (a tolerance of 0.01 pt)."""
        e = 0.01
        return (
            self.x >= left - e
            and self.right <= right + e
            and self.y >= top - e
            and self.bottom <= bottom + e
        )

    def hits_segment(self, a: Point, b: Point, shrink: float = 0.0) -> bool:
        """Whether an axis-parallel segment passes through the box's interior."""
        x0, x1 = self.x + shrink, self.right - shrink
        y0, y1 = self.y + shrink, self.bottom - shrink
        if x0 >= x1 or y0 >= y1:
            return False
        if a[1] == b[1]:  # horizontal
            lo, hi = sorted((a[0], b[0]))
            return y0 < a[1] < y1 and lo < x1 and hi > x0
        lo, hi = sorted((a[1], b[1]))
        return x0 < a[0] < x1 and lo < y1 and hi > y0


class SymbolKind(str, Enum):
    """Flowchart symbols of Permenpan RB 35/2012."""

    TERMINATOR = "terminator"  # capsule: start and end
    PROCESS = "process"  # rectangle: an activity
    DECISION = "decision"  # diamond: a yes/no choice
    CONNECTOR = "connector"  # pentagon: the flow continues on another page


@dataclass(frozen=True)
class Symbol:
    """One symbol: its kind, box, lane (0-based column among the lanes) and step (0-based)."""

    kind: SymbolKind
    box: Box
    lane: int
    step: int
    text: str = ""  # an off-page connector's number


@dataclass(frozen=True)
class Label:
    """A short text beside an arrow ('Ya', 'Tidak')."""

    text: str
    box: Box


class ArrowKind(str, Enum):
    NEXT = "next"  # a step to the next one ("Ya" out of a decision)
    TIDAK = "tidak"  # a decision's "Tidak" branch back to its target
    JOIN = "join"  # a plain line joining the symbols of one step done by several lanes


@dataclass(frozen=True)
class Arrow:
    """A path of axis-parallel segments, ending in an arrowhead unless it is a join."""

    points: tuple[Point, ...]
    kind: ArrowKind
    source: int  # step index
    target: int  # step index
    label: Label | None = None

    @property
    def head(self) -> bool:
        return self.kind is not ArrowKind.JOIN

    def segments(self) -> list[tuple[Point, Point]]:
        return list(zip(self.points, self.points[1:], strict=False))

    @property
    def box(self) -> Box:
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


@dataclass(frozen=True)
class Column:
    """One column of the procedure table."""

    key: str  # 'no', 'aktivitas', 'lane', 'kelengkapan', 'waktu', 'output', 'keterangan'
    title: str
    x: float
    width: float
    lane: int | None = None  # index among the lanes, for lane columns

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass
class Row:
    """One step's row: its place on the page and its text, already wrapped."""

    step: int
    y: float
    height: float
    cells: dict[str, list[str]] = field(default_factory=dict)  # wrapped lines per column key
    texts: dict[str, str] = field(default_factory=dict)  # the same text as written
    natural_height: float = 0.0  # the height without room for off-page connectors

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass
class Page:
    """One procedure page: title, the table's header rows, step rows and the flowchart."""

    index: int  # 0-based among the procedure pages
    title_lines: list[str]
    title_y: float
    table_top: float
    header_heights: tuple[float, float, float]
    rows: list[Row] = field(default_factory=list)
    symbols: list[Symbol] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)

    @property
    def body_top(self) -> float:
        return self.table_top + sum(self.header_heights)

    @property
    def labels(self) -> list[Label]:
        return [a.label for a in self.arrows if a.label is not None]

    @property
    def steps(self) -> list[int]:
        return [r.step for r in self.rows]
