"""SVG painter of the procedure: the same layout the DOCX painter draws, as vector markup.

``render_svg(sop)`` draws one continuous procedure for a screen (every step on one
endless page, no off-page connectors): the NO column and the Pelaksana lanes with
their symbols, arrows and 'Ya'/'Tidak' labels, to sit beside an HTML table of the
steps. ``render_svg(sop, paged=True)`` draws the official procedure pages as on
paper (title, the whole table with its text, the flowchart, off-page connectors),
one ``<svg>`` page after the other, for print.

Text is real text (selectable, searchable); the figure is ``role="img"`` labelled
by its ``<title>`` and a ``<desc>`` that tells the flow in words; every symbol has
its own ``<title>`` naming the step. Lengths are the layout's points in the
``viewBox``, so the drawing scales to its container and stays crisp at any zoom.
Elements carry ``data-*`` attributes (step, lane, kind, source, target) that tests
and scripts can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..i18n import _
from ..layout import (
    HEADER_TITLES,
    Arrow,
    Column,
    Page,
    ProcedureLayout,
    Symbol,
    SymbolKind,
    layout_prosedur,
)
from ..model import Sop

FONT = "'Liberation Sans', Arial, Helvetica, sans-serif"
HEADER_FILL = "#d9d9d9"  # the DOCX's header shading
NUMBER_FILL = "#f2f2f2"
HEAD_LENGTH = 5.0  # arrowhead, points
HEAD_HALF = 2.2

_KIND_NAMES = {
    SymbolKind.TERMINATOR: "terminator",
    SymbolKind.PROCESS: "proses",
    SymbolKind.DECISION: "keputusan",
    SymbolKind.CONNECTOR: "penghubung",
}


def n(value: float) -> str:
    """A coordinate, short: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def n1(value: float) -> str:
    """A text position: one decimal (a tenth of a point) is exact enough for a baseline."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def attr(text: str) -> str:
    return escape(text, quote=True)


@dataclass(frozen=True)
class _View:
    """What one ``<svg>`` shows: which columns, which vertical span, whether text is drawn."""

    columns: list[Column]  # drawn left to right at these x positions
    offsets: dict[str, float]  # column key (or 'lane') -> shift of x, for the lanes-only view
    x: float
    y: float
    width: float
    height: float
    full: bool  # the whole table with its text and the title (paper); else NO + lanes


def _step_names(sop: Sop) -> list[str]:
    return [f"{i + 1}. {step.aktivitas}" for i, step in enumerate(sop.kegiatan)]


def describe_flow(sop: Sop) -> str:
    """The flow in words, for a screen reader: who does each step and where it goes next."""
    lanes = sop.pelaksana
    parts = []
    last = len(sop.kegiatan) - 1
    for i, step in enumerate(sop.kegiatan):
        who = ", ".join(lanes.get(lane, lane) for lane in step.pelaksana_ids)
        text = _("Step {no} ({who}): {aktivitas}.").format(
            no=i + 1, who=who, aktivitas=step.aktivitas.rstrip(".")
        )
        if step.jika_tidak is not None:
            target = sop.langkah(step.jika_tidak)
            tno = target + 1 if target is not None else "?"
            if i < last:
                text += " " + _("If yes, go on to step {yes}; if not, to step {no}.").format(
                    yes=i + 2, no=tno
                )
            else:
                text += " " + _("If not, back to step {no}.").format(no=tno)
        parts.append(text)
    return " ".join(parts)


class _Painter:
    """Writes the SVG elements of one page of a layout into a list of strings."""

    def __init__(
        self, layout: ProcedureLayout, sop: Sop, view: _View, ident: str, accessible: bool
    ):
        self.accessible = accessible
        self.font_size = layout.style.body_size  # what the enclosing group sets already
        self.bold = False
        self.anchor = "start"
        self.group_x: float | None = None
        self.layout = layout
        self.sop = sop
        self.view = view
        self.ident = ident
        self.out: list[str] = []
        self.st = layout.style
        self.step_names = _step_names(sop)

    # -- helpers -------------------------------------------------------------------

    def dx(self, col: Column) -> float:
        return col.x + self.view.offsets.get(col.key, 0.0)

    def lane_shift(self) -> float:
        return self.view.offsets.get("lane", 0.0)

    def text(
        self,
        x: float,
        y: float,
        value: str,
        size: float,
        *,
        anchor: str = "start",
        bold: bool = False,
    ) -> None:
        weight = ' font-weight="bold"' if bold and not self.bold else ""
        middle = f' text-anchor="{anchor}"' if anchor != self.anchor else ""
        sized = f' font-size="{n(size)}"' if size != self.font_size else ""
        at = "" if x == self.group_x else f' x="{n1(x)}"'
        self.out.append(f'<text{at} y="{n1(y)}"{sized}{weight}{middle}>{escape(value)}</text>')

    def lines(
        self,
        col_x: float,
        width: float,
        top: float,
        height: float,
        lines: list[str],
        size: float,
        line: float,
        *,
        center: bool = False,
        bold: bool = False,
    ) -> None:
        """Lines of a cell, the block centred vertically as Word's vAlign=center does."""
        if not lines:
            return
        start = top + (height - len(lines) * line) / 2
        for k, value in enumerate(lines):
            base = start + k * line + line / 2 + size * 0.35
            if center:
                self.text(col_x + width / 2, base, value, size, anchor="middle", bold=bold)
            else:
                self.text(col_x + self.st.cell_pad_x, base, value, size, bold=bold)

    def cell(self, x: float, y: float, w: float, h: float, fill: str = "none") -> None:
        self.out.append(
            f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}" fill="{fill}"/>'
        )

    # -- the table -----------------------------------------------------------------

    def title(self, page: Page) -> None:
        st = self.st
        cx = self.layout.columns[0].x + self.layout.table_width / 2
        for k, line in enumerate(page.title_lines):
            base = page.title_y + k * st.title_line + st.title_line * 0.75
            self.text(cx, base, line, st.title_size, anchor="middle", bold=True)

    def header(self, page: Page) -> None:
        st = self.st
        h1, h2, h3 = page.header_heights
        top = page.table_top
        cols = self.view.columns
        lanes = [c for c in cols if c.key == "lane"]
        mutu = [c for c in cols if c.key in ("kelengkapan", "waktu", "output")]
        hs, hl = st.header_size, st.header_line
        self.out.append('<g class="kepala" stroke="#000" stroke-width="0.75">')
        for col in cols:
            if col.key in ("no", "aktivitas", "keterangan"):  # merged over rows 1 and 2
                x = self.dx(col)
                self.cell(x, top, col.width, h1 + h2, HEADER_FILL)
        for group in (lanes, mutu):
            if group:
                x = self.dx(group[0])
                w = sum(c.width for c in group)
                self.cell(x, top, w, h1, HEADER_FILL)
        for col in lanes + mutu:
            self.cell(self.dx(col), top + h1, col.width, h2, HEADER_FILL)
        for col in cols:
            self.cell(self.dx(col), top + h1 + h2, col.width, h3, NUMBER_FILL)
        self.out.append(
            f'</g><g class="kepala-teks" fill="#000" font-size="{n(hs)}" font-weight="bold">'
        )
        self.font_size, self.bold = hs, True
        for col in cols:
            if col.key in ("no", "aktivitas", "keterangan"):
                x = self.dx(col)
                self.lines(
                    x,
                    col.width,
                    top,
                    h1 + h2,
                    [HEADER_TITLES[col.key]],
                    hs,
                    hl,
                    center=True,
                    bold=True,
                )
        for group, label in ((lanes, "PELAKSANA"), (mutu, "MUTU BAKU")):
            if group:
                x = self.dx(group[0])
                w = sum(c.width for c in group)
                self.lines(x, w, top, h1, [label], hs, hl, center=True, bold=True)
        for col in lanes:
            assert col.lane is not None
            size = self.layout.lane_title_sizes[col.lane]
            titles = self.layout.lane_titles[col.lane]
            self.lines(
                self.dx(col), col.width, top + h1, h2, titles, size, hl, center=True, bold=True
            )
        for col in mutu:
            self.lines(
                self.dx(col),
                col.width,
                top + h1,
                h2,
                [HEADER_TITLES[col.key]],
                hs,
                hl,
                center=True,
                bold=True,
            )
        for col in cols:
            number = self.layout.columns.index(col) + 1
            self.lines(
                self.dx(col),
                col.width,
                top + h1 + h2,
                h3,
                [str(number)],
                hs,
                hl,
                center=True,
                bold=True,
            )
        self.out.append("</g>")
        self.font_size, self.bold = st.body_size, False

    def body(self, page: Page) -> None:
        st = self.st
        cols = self.view.columns
        left = self.dx(cols[0])
        right = self.dx(cols[-1]) + cols[-1].width
        top = page.body_top
        bottom = page.rows[-1].bottom if page.rows else top
        self.out.append('<g class="badan" fill="none" stroke="#000" stroke-width="0.75">')
        if not self.accessible:  # the print copy: the same grid as one path, lighter
            grid = [f"M{n(left)} {n(top)}H{n(right)}"]
            grid += [f"M{n(left)} {n(r.bottom)}H{n(right)}" for r in page.rows]
            grid += [f"M{n(self.dx(c))} {n(top)}V{n(bottom)}" for c in cols]
            grid.append(f"M{n(right)} {n(top)}V{n(bottom)}")
            self.out.append(f'<path d="{"".join(grid)}"/>')
        for col in cols if self.accessible else []:
            data = f' data-lane="{col.lane}"' if col.key == "lane" else ""
            cls = "lajur" if col.key == "lane" else f"kolom kolom-{col.key}"
            self.out.append(
                f'<rect class="{cls}"{data} x="{n(self.dx(col))}" y="{n(top)}" '
                f'width="{n(col.width)}" height="{n(bottom - top)}"/>'
            )
        for row in page.rows if self.accessible else []:
            self.out.append(
                f'<rect class="baris" data-step="{row.step + 1}" x="{n(left)}" y="{n(row.y)}" '
                f'width="{n(right - left)}" height="{n(row.height)}"/>'
            )
        self.out.append('</g><g class="badan-teks" fill="#000">')
        for col in cols:  # column by column: a group holds the x and the anchor of its text
            if col.key == "lane" or (col.key != "no" and not self.view.full):
                continue
            center = col.key in ("no", "waktu")
            self.anchor = "middle" if center else "start"
            gx = self.dx(col) + (col.width / 2 if center else st.cell_pad_x)
            self.group_x = gx
            middle = ' text-anchor="middle"' if center else ""
            self.out.append(f'<g transform="translate({n1(gx)} 0)"{middle}>')
            self.group_x = 0.0
            for row in page.rows:
                lines = [str(row.step + 1)] if col.key == "no" else row.cells.get(col.key, [])
                self.lines(
                    -(col.width / 2 if center else st.cell_pad_x),
                    col.width,
                    row.y,
                    row.height,
                    lines,
                    st.body_size,
                    st.body_line,
                    center=center,
                )
            self.out.append("</g>")
        self.group_x, self.anchor = None, "start"
        self.out.append("</g>")

    # -- the flowchart -------------------------------------------------------------

    def symbol(self, sym: Symbol) -> None:
        b = sym.box
        x, y, w, h = b.x + self.lane_shift(), b.y, b.w, b.h
        kind = _KIND_NAMES[sym.kind]
        if sym.kind is SymbolKind.CONNECTOR:
            name = _("Off-page connector {no} (step {step})").format(no=sym.text, step=sym.step + 1)
        else:
            name = _("Step {name}").format(name=self.step_names[sym.step])
        if self.accessible:
            self.out.append(
                f'<g class="simbol" data-kind="{kind}" data-step="{sym.step + 1}" '
                f'data-lane="{sym.lane}"><title>{escape(name)}</title>'
            )
        if sym.kind is SymbolKind.TERMINATOR:
            self.out.append(
                f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}" rx="{n(h / 2)}"/>'
            )
        elif sym.kind is SymbolKind.PROCESS:
            self.out.append(f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}"/>')
        elif sym.kind is SymbolKind.DECISION:
            pts = [(x + w / 2, y), (x + w, y + h / 2), (x + w / 2, y + h), (x, y + h / 2)]
            self.out.append(f'<polygon points="{_points(pts)}"/>')
        else:  # off-page connector: a pentagon pointing down, its number inside
            pts = [(x, y), (x + w, y), (x + w, y + h * 0.8), (x + w / 2, y + h), (x, y + h * 0.8)]
            self.out.append(f'<polygon points="{_points(pts)}"/>')
            self.out.append(
                f'<text x="{n(x + w / 2)}" y="{n(y + h * 0.4 + self.st.connector_size * 0.35)}" '
                f'font-size="{n(self.st.connector_size)}" text-anchor="middle" fill="#000" '
                f'stroke="none">{escape(sym.text)}</text>'
            )
        if self.accessible:
            self.out.append("</g>")

    def arrow(self, arrow: Arrow) -> None:
        shift = self.lane_shift()
        pts = [(px + shift, py) for px, py in arrow.points]
        kind = arrow.kind.value
        attrs = (
            f'class="panah" data-kind="{kind}" data-source="{arrow.source + 1}" '
            f'data-target="{arrow.target + 1}"'
        )
        if not arrow.head:
            path = f'<path d="{_path(pts)}"/>'
            self.out.append(f"<g {attrs}>{path}</g>" if self.accessible else path)
            return
        (ax, ay), (bx, by) = pts[-2], pts[-1]
        length = max(abs(bx - ax), abs(by - ay)) or 1.0
        ux, uy = (bx - ax) / length, (by - ay) / length
        # the line stops inside the head, so its square end never pokes past the tip
        stop = min(HEAD_LENGTH * 0.6, length)
        line = [*pts[:-1], (bx - ux * stop, by - uy * stop)]
        base_x, base_y = bx - ux * HEAD_LENGTH, by - uy * HEAD_LENGTH
        head = [
            (bx, by),
            (base_x - uy * HEAD_HALF, base_y + ux * HEAD_HALF),
            (base_x + uy * HEAD_HALF, base_y - ux * HEAD_HALF),
        ]
        drawn = f'<path d="{_path(line)}"/><polygon points="{_points(head)}" fill="#000"/>'
        if self.accessible:
            drawn = f'<g {attrs} data-end="{n(bx)},{n(by)}">{drawn}</g>'
        self.out.append(drawn)

    def label(self, arrow: Arrow) -> None:
        lab = arrow.label
        if lab is None:
            return
        b = lab.box
        x = b.x + self.lane_shift()
        size = self.st.label_size
        self.out.append(
            f'<g class="label" data-source="{arrow.source + 1}">'
            f'<rect x="{n(x)}" y="{n(b.y)}" width="{n(b.w)}" height="{n(b.h)}" fill="#fff"/>'
            f'<text x="{n(x + b.w / 2)}" y="{n(b.y + b.h / 2 + size * 0.35)}" '
            f'font-size="{n(size)}" text-anchor="middle">{escape(lab.text)}</text></g>'
        )

    def flowchart(self, page: Page) -> None:
        self.out.append(
            '<g class="alur" fill="none" stroke="#000" stroke-width="0.75" stroke-linejoin="miter">'
        )
        for arrow in page.arrows:
            self.arrow(arrow)
        self.out.append(
            '</g><g class="simbol-simbol" fill="#fff" stroke="#000" stroke-width="0.75">'
        )
        for sym in page.symbols:
            self.symbol(sym)
        self.out.append('</g><g class="label-label" fill="#000">')
        for arrow in page.arrows:
            self.label(arrow)
        self.out.append("</g>")

    # -- the whole -----------------------------------------------------------------

    def page(self, page: Page, title: str, desc: str, units: str, at: float | None) -> str:
        v = self.view
        t_id, d_id = f"{self.ident}-judul", f"{self.ident}-uraian"
        place = "" if at is None else f' x="0" y="{n(at)}"'
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="sopdoc-alur"{place} '
            f'viewBox="{n(v.x)} {n(v.y)} {n(v.width)} {n(v.height)}" '
            f'width="{n(v.width)}{units}" height="{n(v.height)}{units}" '
            f'font-family="{FONT}" font-size="{n(self.st.body_size)}" '
            f'data-pelaksana="{len(self.layout.lane_ids)}"'
        )
        if self.accessible:
            head += (
                f' role="img" aria-labelledby="{t_id} {d_id}"><title id="{t_id}">'
                f'{escape(title)}</title><desc id="{d_id}">{escape(desc)}</desc>'
            )
        else:  # a copy for print, beside the accessible figure: hidden from screen readers
            head += ' aria-hidden="true">'
        self.out = [head]
        if v.full:
            self.title(page)
        self.header(page)
        self.body(page)
        self.flowchart(page)
        self.out.append("</svg>")
        return "".join(self.out)


def _points(pts: list[tuple[float, float]]) -> str:
    return " ".join(f"{n(x)},{n(y)}" for x, y in pts)


def _path(pts: list[tuple[float, float]]) -> str:
    first, *rest = pts
    return f"M{n(first[0])} {n(first[1])}" + "".join(f"L{n(x)} {n(y)}" for x, y in rest)


def _lanes_view(layout: ProcedureLayout, page: Page) -> _View:
    """NO column then the lanes, side by side (AKTIVITAS left out), title left out."""
    no = layout.column("no")
    lanes = layout.lane_columns
    no_x = lanes[0].x - no.width
    bottom = page.rows[-1].bottom if page.rows else page.body_top
    pad = 0.5  # half a line width: the outer lines are drawn whole
    return _View(
        columns=[no, *lanes],
        offsets={"no": no_x - no.x},
        x=no_x - pad,
        y=page.table_top - pad,
        width=lanes[-1].right - no_x + 2 * pad,
        height=bottom - page.table_top + 2 * pad,
        full=False,
    )


def _full_view(layout: ProcedureLayout, page: Page, paged: bool) -> _View:
    bottom = page.rows[-1].bottom if page.rows else page.body_top
    height = layout.page_height if paged else bottom + layout.style.margin_bottom
    return _View(
        columns=list(layout.columns),
        offsets={},
        x=0.0,
        y=0.0,
        width=layout.page_width,
        height=height,
        full=True,
    )


def svg_pages(
    sop: Sop,
    *,
    paged: bool = True,
    full: bool = True,
    ident: str = "sop",
    layout: ProcedureLayout | None = None,
    units: str = "pt",
    gap: float | None = None,
    accessible: bool = True,
    desc: str | None = None,
) -> list[str]:
    """One ``<svg>`` element per procedure page (one in all when not ``paged``).

    ``full``: the whole table with its text and title, as on paper; else the NO column
    and the lanes only. ``ident`` prefixes the element ids (unique in an HTML page).
    ``units`` of the width and height (``pt``: the paper's size; ``""``: user units).
    ``gap``: stack the pages as nested ``<svg>`` this far apart (for one SVG document).
    ``accessible=False`` leaves out the titles and the description (a hidden print copy).
    ``desc``: the figure's description (default: the flow in words, :func:`describe_flow`).
    """
    layout = layout or layout_prosedur(sop, paged=paged)
    title = _("Flowchart of SOP {nama}").format(nama=sop.nama)
    desc = desc if desc is not None else describe_flow(sop)
    out = []
    at = None if gap is None else 0.0
    for page in layout.pages:
        view = _full_view(layout, page, paged) if full else _lanes_view(layout, page)
        pid = ident if len(layout.pages) == 1 else f"{ident}-{page.index + 1}"
        page_title = title
        if len(layout.pages) > 1:
            page_title += " " + _("(page {no} of {total})").format(
                no=page.index + 1, total=len(layout.pages)
            )
        painter = _Painter(layout, sop, view, pid, accessible)
        out.append(painter.page(page, page_title, desc, units, at))
        if at is not None:
            at += view.height + (gap or 0.0)
    return out


def render_svg(sop: Sop, paged: bool = False, *, full: bool | None = None) -> str:
    """The procedure of ``sop`` as an SVG document (text).

    ``paged=False`` (screens): one continuous flowchart, every step on one page and no
    off-page connectors. ``paged=True`` (print): the official procedure pages, each an
    ``<svg>`` of the paper's size, stacked in one SVG document. ``full`` draws the whole
    table with its text and title as on paper (default: as ``paged``); else only the
    NO column and the Pelaksana lanes, to sit beside an HTML table of the steps.
    Thread-safe and free of files: a pure function of the spec.
    """
    whole = paged if full is None else full
    layout = layout_prosedur(sop, paged=paged)
    if len(layout.pages) == 1:
        page = svg_pages(sop, paged=paged, full=whole, layout=layout)[0]
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + page + "\n"
    gap = 12.0
    pages = svg_pages(sop, paged=paged, full=whole, layout=layout, units="", gap=gap)
    width = layout.page_width if whole else _lanes_view(layout, layout.pages[0]).width
    heights = [
        (layout.page_height if whole else _lanes_view(layout, p).height) for p in layout.pages
    ]
    total = sum(heights) + gap * (len(pages) - 1)
    title = escape(_("Flowchart of SOP {nama}").format(nama=sop.nama))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n(width)} {n(total)}" '
        f'width="{n(width)}pt" height="{n(total)}pt" role="group" '
        f'aria-label="{attr(title)}">' + "".join(pages) + "</svg>\n"
    )


__all__ = ["describe_flow", "render_svg", "svg_pages"]
