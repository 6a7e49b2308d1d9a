"""Lay out the procedure pages of one SOP: columns, rows, pages and the swimlane flowchart.

``layout_prosedur(sop)`` measures every cell's text with real font metrics,
sets the column widths and row heights, breaks the rows into pages (a row is
never split; each page repeats the header rows) and places every symbol,
arrow, label and off-page connector. The result is plain geometry that the
DOCX painter (and any other) draws as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..bangun import jika_tidak_errors, lane_errors
from ..errors import Location, SpecError, SpecLoadError, format_path
from ..i18n import _
from ..model import Kertas, Sop
from . import lajur
from .geometry import Arrow, ArrowKind, Box, Column, Page, Row, Symbol, SymbolKind, q
from .judul import judul_prosedur
from .lajur import abbreviations, fit_title, widest_piece
from .metrics import text_width, wrap
from .routing import Router
from .style import Style, paper_landscape

TEXT_KEYS = ("aktivitas", "kelengkapan", "waktu", "output", "keterangan")
_WEIGHTS = {"aktivitas": 3.4, "kelengkapan": 1.9, "output": 1.9, "keterangan": 1.5}
HEADER_TITLES = {
    "no": "NO",
    "aktivitas": "AKTIVITAS",
    "kelengkapan": "KELENGKAPAN",
    "waktu": "WAKTU",
    "output": "OUTPUT",
    "keterangan": "KETERANGAN",
}


@dataclass
class ProcedureLayout:
    """The procedure pages of one SOP, ready to paint."""

    kertas: Kertas
    page_width: float
    page_height: float
    style: Style
    columns: list[Column]
    lane_ids: list[str]
    lane_titles: list[list[str]]  # each lane's header, wrapped
    lane_title_sizes: list[float]  # ... and its type size (smaller where a word is long)
    title: str
    pages: list[Page] = field(default_factory=list)
    symbol_width: float = 0.0
    connectors: int = 0  # how many off-page connector pairs
    closing_height: float = 0.0  # the signature block under the last row (see closing_height)
    closing_new_page: bool = False  # it does not fit under the last row: it starts a page
    labels: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    """Decision step -> its 'Ya' and 'Tidak' labels (None: not printed)."""

    @property
    def lane_columns(self) -> list[Column]:
        return [c for c in self.columns if c.key == "lane"]

    @property
    def table_width(self) -> float:
        return sum(c.width for c in self.columns)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def header_heights(self) -> tuple[float, float, float]:
        return self.pages[0].header_heights


def _sop_error(sop: Sop, path: tuple[str | int, ...], message: str) -> SpecLoadError:
    where = sop.posisi(*path) or Location(str(sop.sumber or "<spec>"))
    return SpecLoadError([SpecError(where, message, format_path(path))])


def step_lanes(sop: Sop) -> list[list[int]]:
    """Each step's lane indexes (sorted); unknown lane ids are spec errors (all raised)."""
    errors = lane_errors(sop)
    if errors:
        raise SpecLoadError(errors)
    index = {lane_id: i for i, lane_id in enumerate(sop.pelaksana)}
    return [sorted({index[lane] for lane in step.pelaksana_ids}) for step in sop.kegiatan]


def tidak_targets(sop: Sop) -> dict[int, int]:
    """Decision step -> the step its 'Tidak' branch goes to (0-based); bad targets raise."""
    errors = jika_tidak_errors(sop)
    if errors:
        raise SpecLoadError(errors)
    targets = {}
    for i, step in enumerate(sop.kegiatan):
        target = sop.langkah(step.jika_tidak) if step.jika_tidak is not None else None
        if target is not None:
            targets[i] = target
    return targets


_BENTUK = {
    "terminator": SymbolKind.TERMINATOR,
    "proses": SymbolKind.PROCESS,
    "keputusan": SymbolKind.DECISION,
}


def symbol_kind(sop: Sop, i: int) -> SymbolKind:
    """Decision for a step with jika_tidak; terminator for the first and last; else process.

    A step's ``bentuk`` (one kind for all its lanes) overrides the rule.
    """
    bentuk = sop.kegiatan[i].bentuk
    if isinstance(bentuk, str):
        return _BENTUK[bentuk]
    if sop.kegiatan[i].jika_tidak is not None:
        return SymbolKind.DECISION
    if i in (0, len(sop.kegiatan) - 1):
        return SymbolKind.TERMINATOR
    return SymbolKind.PROCESS


def symbol_kinds(sop: Sop, i: int) -> dict[str, SymbolKind]:
    """The kind of the symbol in each lane of step ``i`` (``bentuk`` per lane, else the rule)."""
    step = sop.kegiatan[i]
    if isinstance(step.bentuk, list):
        return {lane: _BENTUK[b] for lane, b in zip(step.pelaksana_ids, step.bentuk, strict=True)}
    kind = symbol_kind(sop, i)
    return dict.fromkeys(step.pelaksana_ids, kind)


def branch_labels(sop: Sop, i: int) -> tuple[str | None, str | None]:
    """The 'Ya' and 'Tidak' labels of step ``i`` (None where the document prints none)."""
    step = sop.kegiatan[i]
    ya = "Ya" if step.label_ya is None else step.label_ya
    tidak = "Tidak" if step.label_tidak is None else step.label_tidak
    return (ya or None, tidak or None)


def _columns(sop: Sop, style: Style, usable: float) -> list[Column]:
    n = len(sop.pelaksana)
    # a single lane is wider: its off-page connectors sit beside the symbols, in the lane
    lane_max = style.lane_max if n > 1 else style.lane_max * 1.6
    lane_w = min(lane_max, max(style.lane_min, (usable - style.no_width - 430) / n))
    # wide enough for the widest unbreakable piece of any lane title (see lajur): at the
    # header size as far as lane_max and text_keep allow, else at the floor size as far as
    # text_keep allows, else for the title's abbreviated form at the floor size as far as
    # text_min allows (wider lanes cost the text columns lines, and pages)
    titles = [lbl.upper() for lbl in sop.pelaksana.values()]
    pad = 2 * style.lane_title_pad_x + style.lane_title_slack + 1
    room = (usable - style.no_width - style.text_keep) / n
    at_size = max(widest_piece(t, style.header_size) for t in titles) + pad
    at_floor = max(widest_piece(t, lajur.FLOOR) for t in titles) + pad
    abbreviated = max(widest_piece(abbreviations(t)[-1], lajur.FLOOR) for t in titles) + pad
    lane_w = max(lane_w, min(at_size, lane_max, room), min(at_floor, room))
    room_min = (usable - style.no_width - style.text_min) / n
    lane_w = max(lane_w, min(abbreviated, room_min))
    if style.no_width + n * lane_w + style.text_min > usable:
        lane_w = max(16.0, room_min)
    lane_w = q(lane_w)
    rest = usable - style.no_width - n * lane_w
    waktu = max(style.waktu_min, rest / (sum(_WEIGHTS.values()) + 1))
    unit = (rest - waktu) / sum(_WEIGHTS.values())
    widths: list[tuple[str, str, float, int | None]] = [("no", "NO", style.no_width, None)]
    widths.append(("aktivitas", "AKTIVITAS", q(unit * _WEIGHTS["aktivitas"]), None))
    for i, label in enumerate(sop.pelaksana.values()):
        widths.append(("lane", label.upper(), lane_w, i))
    widths.append(("kelengkapan", "KELENGKAPAN", q(unit * _WEIGHTS["kelengkapan"]), None))
    widths.append(("waktu", "WAKTU", q(waktu), None))
    widths.append(("output", "OUTPUT", q(unit * _WEIGHTS["output"]), None))
    used = sum(w for _, _, w, _ in widths)
    widths.append(("keterangan", "KETERANGAN", q(usable - used), None))
    # every header word whole at the header size: widen, taking the width from AKTIVITAS
    for k, (key, title, width, lane) in enumerate(widths):
        if key in ("no", "aktivitas", "lane"):
            continue
        need = q(
            max(text_width(w, style.header_size, True) for w in title.split())
            + 2 * style.cell_pad_x
            + 2
        )
        if width < need:
            widths[k] = (key, title, need, lane)
            key1, title1, width1, lane1 = widths[1]
            widths[1] = (key1, title1, q(width1 - (need - width)), lane1)
    columns = []
    x = style.margin_left
    for key, title, width, lane in widths:
        columns.append(Column(key, title, q(x), width, lane))
        x += width
    return columns


def lane_title_width(column: Column, style: Style) -> float:
    """The width a lane's title is set in: its cell has narrower margins than the body's
    (``Style.lane_title_pad_x``), and bold capitals measure the same in Word and
    LibreOffice, so a smaller slack than the body text's is enough."""
    return max(4.0, column.width - 2 * style.lane_title_pad_x - style.lane_title_slack)


def _text_width(column: Column, style: Style) -> float:
    return max(4.0, column.width - 2 * style.cell_pad_x - style.wrap_slack)


def closing_height(sop: Sop, style: Style, usable: float) -> float:
    """Height of what the template puts under the last procedure table, in points.

    The template (``scripts/make_template.py``) sets every height exactly: a
    spacing paragraph, a borderless table whose right cell (a share of the
    width) holds the jabatan, the blank lines to sign on, the nama, pangkat and
    NIP, one exact line each, and the tiny paragraph that ends the body.
    """
    ttd = sop.disahkan_oleh
    width = usable * style.signature_share - 2 * style.signature_pad_x - style.wrap_slack
    size = style.signature_size
    lines = len(wrap(ttd.jabatan.upper(), width, size, True)) + style.signature_blank_lines
    lines += len(wrap(ttd.nama, width, size, True))
    lines += sum(
        len(wrap(t, width, size)) for t in (ttd.pangkat, ttd.nip and f"NIP. {ttd.nip}") if t
    )
    table = lines * style.signature_line + 2 * style.signature_pad_y
    return q(style.signature_gap + table + style.end_paragraph)


def _lines_height(n_lines: int, line: float, style: Style) -> float:
    return q(max(1, n_lines) * line + 2 * style.cell_pad_y)


@dataclass
class _StepPlan:
    texts: dict[str, str]
    cells: dict[str, list[str]]
    text_h: float
    kinds: dict[int, SymbolKind]  # lane -> the kind of its symbol
    sym_h: float
    lanes: list[int]

    def height(self, style: Style, extra_top: float, extra_bottom: float) -> float:
        zone = style.symbol_pad * 2 + self.sym_h
        if SymbolKind.DECISION in self.kinds.values():
            zone += 8  # room under the diamond for a 'Ya' arrow leaving downwards
        return q(max(self.text_h, zone + extra_top + extra_bottom))


def _symbol_heights(width: float) -> dict[SymbolKind, float]:
    return {
        SymbolKind.TERMINATOR: q(min(18.0, max(11.0, 0.42 * width))),
        SymbolKind.PROCESS: q(min(21.0, max(13.0, 0.5 * width))),
        SymbolKind.DECISION: q(min(30.0, max(18.0, 0.68 * width))),
    }


def layout_prosedur(sop: Sop, style: Style | None = None, *, paged: bool = True) -> ProcedureLayout:
    """Lay out the procedure pages (table and flowchart) of ``sop``.

    ``paged=False`` puts every step on one endless page (no page breaks, no off-page
    connectors, no room kept for the signature block): the continuous procedure a
    screen shows. Columns, rows and symbols are sized exactly as on paper.
    """
    style = style or Style()
    lanes_of = step_lanes(sop)
    targets = tidak_targets(sop)
    page_w, page_h = paper_landscape(sop.kertas)
    usable = q(page_w - style.margin_left - style.margin_right)
    columns = _columns(sop, style, usable)
    by_key = {c.key: c for c in columns}
    lane_cols = [c for c in columns if c.key == "lane"]

    # header rows
    def hlines(text: str, width: float) -> int:
        return len(wrap(text, max(4.0, width - 2 * style.cell_pad_x - 1), style.header_size, True))

    fitted = [fit_title(c.title, lane_title_width(c, style), style.header_size) for c in lane_cols]
    lane_titles = [lines for lines, _ in fitted]
    lane_sizes = [size for _, size in fitted]
    pelaksana_w = sum(c.width for c in lane_cols)
    mutu_w = sum(by_key[k].width for k in ("kelengkapan", "waktu", "output"))
    row1_lines = max(hlines("PELAKSANA", pelaksana_w), hlines("MUTU BAKU", mutu_w))
    h1 = _lines_height(row1_lines, style.header_line, style)
    row2_lines = max(
        [len(t) for t in lane_titles]
        + [hlines(HEADER_TITLES[k], by_key[k].width) for k in ("kelengkapan", "waktu", "output")]
    )
    h2 = _lines_height(row2_lines, style.header_line, style)
    merged = max(hlines(HEADER_TITLES[k], by_key[k].width) for k in ("no", "aktivitas"))
    merged = max(merged, hlines("KETERANGAN", by_key["keterangan"].width))
    need = _lines_height(merged, style.header_line, style)
    if h1 + h2 < need:
        h2 = q(need - h1)
    h3 = _lines_height(1, style.header_line, style)
    headers = (h1, h2, h3)

    title = judul_prosedur(sop)
    title_lines = wrap(title, usable - style.wrap_slack, style.title_size, True)
    title_h = q(len(title_lines) * style.title_line + style.title_after)
    table_top = q(style.margin_top + title_h)
    body_top = q(table_top + sum(headers))
    avail = page_h - style.margin_bottom - style.page_slack - body_top if paged else float("inf")

    # steps: text and symbol sizes
    symbol_w = q(min(style.symbol_max_width, lane_cols[0].width - 2 * style.gutter_min))
    sym_heights = _symbol_heights(symbol_w)
    plans: list[_StepPlan] = []
    for i, step in enumerate(sop.kegiatan):
        texts = {
            "no": str(i + 1),
            "aktivitas": step.aktivitas,
            "kelengkapan": step.kelengkapan or "",
            "waktu": step.waktu.teks if step.waktu is not None else "",
            "output": step.output or "",
            "keterangan": step.keterangan or "",
        }
        cells = {
            key: wrap(text, _text_width(by_key[key], style), style.body_size)
            for key, text in texts.items()
        }
        text_h = _lines_height(max(len(v) for v in cells.values()), style.body_line, style)
        index = {lane_id: k for k, lane_id in enumerate(sop.pelaksana)}
        kinds = {index[lane]: kind for lane, kind in symbol_kinds(sop, i).items()}
        sym_h = max(sym_heights[k] for k in kinds.values())
        plans.append(_StepPlan(texts, cells, text_h, kinds, sym_h, lanes_of[i]))

    # pagination: rows never split; connectors need room where the flow breaks
    conn_extra = q(4 + style.connector_height + style.connector_gap)
    for i, plan in enumerate(plans):
        if plan.height(style, conn_extra, conn_extra) > avail:
            key = max(TEXT_KEYS, key=lambda k: len(plan.cells[k]))
            raise _sop_error(
                sop,
                ("kegiatan", i, key),
                _(
                    "the {key} of step {n} is too long to fit on one page ({lines} lines); a "
                    "row is never split, so shorten it"
                ).format(key=key, n=i + 1, lines=len(plan.cells[key])),
            )
    closing = closing_height(sop, style, usable)
    page_steps = _paginate(plans, style, avail, conn_extra)
    last_used = sum(
        plans[i].height(style, conn_extra if (j == 0 and len(page_steps) > 1) else 0.0, 0.0)
        for j, i in enumerate(page_steps[-1])
    )
    layout = ProcedureLayout(
        kertas=sop.kertas,
        page_width=page_w,
        page_height=page_h,
        style=style,
        columns=columns,
        lane_ids=list(sop.pelaksana),
        lane_titles=lane_titles,
        lane_title_sizes=lane_sizes,
        title=title,
        symbol_width=symbol_w,
        closing_height=closing,
        closing_new_page=last_used + closing > avail,
    )
    page_of: dict[int, int] = {}
    for p, steps in enumerate(page_steps):
        page = Page(p, title_lines, style.margin_top, table_top, headers)
        y = body_top
        for j, i in enumerate(steps):
            top_extra = conn_extra if (j == 0 and p > 0) else 0.0
            bottom_extra = conn_extra if (j == len(steps) - 1 and p < len(page_steps) - 1) else 0.0
            h = plans[i].height(style, top_extra, bottom_extra)
            natural = plans[i].height(style, 0.0, 0.0)
            page.rows.append(Row(i, q(y), h, plans[i].cells, plans[i].texts, natural))
            zone_top = y + top_extra
            zone_bottom = y + h - bottom_extra
            cy = (zone_top + zone_bottom) / 2
            for lane in plans[i].lanes:
                kind = plans[i].kinds[lane]
                sh = sym_heights[kind]
                col = lane_cols[lane]
                box = Box(q(col.x + (col.width - symbol_w) / 2), q(cy - sh / 2), symbol_w, sh)
                page.symbols.append(Symbol(kind, box, lane, i))
            page_of[i] = p
            y += h
        layout.pages.append(page)

    layout.labels = {i: branch_labels(sop, i) for i in targets}
    _route(layout, plans, targets, page_of, style)
    return layout


def _paginate(
    plans: Sequence[_StepPlan], style: Style, avail: float, conn_extra: float
) -> list[list[int]]:
    """Rows in pages, each page filled as far as its rows fit.

    A row is never split, and goes to the next page only when it does not fit
    on this one. A page that the flow leaves keeps room for the off-page
    connector under its last row, the next page for the one above its first;
    the signature block follows the last row, on a page of its own when it
    does not fit under it (``ProcedureLayout.closing_new_page``).
    """
    n = len(plans)
    pages: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    for i in range(n):
        top_extra = conn_extra if (not current and pages) else 0.0
        bottom_extra = conn_extra if i < n - 1 else 0.0
        if current and used + plans[i].height(style, 0, 0) + bottom_extra > avail:
            pages.append(current)
            current, used = [], 0.0
            top_extra = conn_extra
        current.append(i)
        used += plans[i].height(style, top_extra, 0)
    pages.append(current)
    return pages


def _route(
    layout: ProcedureLayout,
    plans: Sequence[_StepPlan],
    targets: dict[int, int],
    page_of: dict[int, int],
    style: Style,
) -> None:
    """Place the arrows, labels and connectors of every page."""
    routers = [Router(page, layout.lane_columns, style) for page in layout.pages]
    for router in routers:
        router.join_multi_lane()
    n = len(plans)
    connector = 0
    decisions = set(targets)
    # flow edges from each step to the next
    for i in range(n - 1):
        label = layout.labels[i][0] if i in decisions else None
        src_page, dst_page = page_of[i], page_of[i + 1]
        if src_page == dst_page:
            # a 'Tidak' to another page needs a free side for its connector
            across = i in targets and page_of[targets[i]] != src_page
            routers[src_page].route_next(i, i + 1, label, keep_side=across)
        else:
            connector += 1
            routers[src_page].next_to_connector(i, i + 1, str(connector), label, plans[i + 1].lanes)
            routers[dst_page].next_from_connector(i, i + 1, str(connector), plans[i].lanes)
    for router in routers:
        router.place_labels()
    # 'Tidak' branches, shortest first so that they get the nearest channels
    # a decision that is itself a target takes its exit first (its corners are exits)
    targeted = set(targets.values())
    incoming: dict[int, str] = {}  # target step -> the number of the connector beside it
    for d in sorted(targets, key=lambda k: (k not in targeted, abs(targets[k] - k), k)):
        t = targets[d]
        if page_of[d] == page_of[t]:
            routers[page_of[d]].route_tidak(d, t, layout.labels[d][1])
        elif t in incoming:  # a second branch into the same step: the same connector
            routers[page_of[d]].tidak_to_connector(d, t, incoming[t], layout.labels[d][1])
        else:
            connector += 1
            incoming[t] = str(connector)
            routers[page_of[d]].tidak_to_connector(d, t, str(connector), layout.labels[d][1])
            routers[page_of[t]].tidak_from_connector(d, t, str(connector))
    layout.connectors = connector


def geometry_problems(layout: ProcedureLayout) -> list[str]:
    """Every breach of the drawing rules: overlaps, shapes across columns, arrows over symbols.

    An empty list means the flowchart is clean. Used by the tests and by the
    painters' self-check.
    """
    problems: list[str] = []
    lanes = layout.lane_columns
    lanes_left, lanes_right = lanes[0].x, lanes[-1].right
    for page in layout.pages:
        tag = f"page {page.index + 1}"
        bottom = page.rows[-1].bottom if page.rows else page.body_top
        for s in page.symbols:
            col = lanes[s.lane]
            if not s.box.inside(col.x, col.right, page.body_top, bottom):
                problems.append(f"{tag}: {s.kind.value} of step {s.step + 1} leaves its column")
        for n, one in enumerate(page.symbols):
            for two in page.symbols[n + 1 :]:
                if one.box.overlaps(two.box):
                    problems.append(
                        f"{tag}: symbols of steps {one.step + 1} and {two.step + 1} overlap"
                    )
        labels = page.labels
        for i, lab in enumerate(labels):
            if not lab.box.inside(lanes_left, lanes_right, page.body_top, bottom):
                problems.append(f"{tag}: label '{lab.text}' leaves the lanes")
            for s in page.symbols:
                if lab.box.overlaps(s.box):
                    problems.append(f"{tag}: label '{lab.text}' overlaps step {s.step + 1}")
            for other in labels[i + 1 :]:
                if lab.box.overlaps(other.box):
                    problems.append(f"{tag}: labels '{lab.text}' and '{other.text}' overlap")
            for arrow in page.arrows:
                for a, b in arrow.segments():
                    if lab.box.hits_segment(a, b):
                        problems.append(f"{tag}: an arrow crosses label '{lab.text}'")
        for arrow in page.arrows:
            segs = arrow.segments()
            for k, (a, b) in enumerate(segs):
                if not (lanes_left <= min(a[0], b[0]) and max(a[0], b[0]) <= lanes_right):
                    problems.append(f"{tag}: arrow {arrow.source + 1}->{arrow.target + 1} leaves")
                for s in page.symbols:
                    touches_start = k == 0 and _on_boundary(s.box, a)
                    touches_end = k == len(segs) - 1 and _on_boundary(s.box, b)
                    if touches_start or touches_end:
                        continue
                    if s.box.hits_segment(a, b, shrink=0.2):
                        problems.append(
                            f"{tag}: arrow {arrow.source + 1}->{arrow.target + 1} "
                            f"crosses the symbol of step {s.step + 1}"
                        )
    problems.extend(_completeness(layout))
    return problems


def _completeness(layout: ProcedureLayout) -> list[str]:
    """Every decision has its 'Tidak' arrow and both labels; every step its flow in and out."""
    problems = []
    arrows = [a for p in layout.pages for a in p.arrows]
    # decisions with a 'Tidak' target (a diamond drawn without one has no branch to check)
    decisions = sorted(layout.labels)
    last = max((r.step for p in layout.pages for r in p.rows), default=0)
    for d in decisions:
        label_ya, label_tidak = layout.labels[d]
        tidak = [a for a in arrows if a.kind is ArrowKind.TIDAK and a.source == d]
        if not tidak:
            problems.append(f"step {d + 1}: the 'Tidak' arrow is missing")
        if [a.label.text for a in tidak if a.label] != ([label_tidak] if label_tidak else []):
            problems.append(f"step {d + 1}: the 'Tidak' label is missing")
        ya = [
            a.label.text for a in arrows if a.kind is ArrowKind.NEXT and a.source == d and a.label
        ]
        if d < last and ya != ([label_ya] if label_ya else []):
            problems.append(f"step {d + 1}: the 'Ya' label is missing")
    for i in range(last):
        if not any(a.kind is ArrowKind.NEXT and a.source == i for a in arrows):
            problems.append(f"step {i + 1}: no arrow to the next step")
    return problems


def _on_boundary(box: Box, p: tuple[float, float]) -> bool:
    e = 0.06
    return box.x - e <= p[0] <= box.right + e and box.y - e <= p[1] <= box.bottom + e


__all__ = [
    "Arrow",
    "ArrowKind",
    "ProcedureLayout",
    "branch_labels",
    "geometry_problems",
    "layout_prosedur",
    "step_lanes",
    "symbol_kind",
    "symbol_kinds",
    "tidak_targets",
]
