"""A table's grid as Word lays it out: column widths, cell spans and merges, row height rules.

Pure reading of ``w:tbl`` properties; the flow (``tata``) measures the cells'
content and places the rows on pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gaya import Gaya
from .ooxml import WV, Elemen, anak, anak_semua, angka, benar, nilai, q, twip

_TR, _TC, _SDT, _CUSTOM = q("w:tr"), q("w:tc"), q("w:sdt"), q("w:customXml")
_MAKS_KOLOM = 63  # Word's limit of table columns: a larger span is a damaged file
MARGIN_BAKU = (0.0, 5.4, 0.0, 5.4)  # Word's default cell margins: top, left, bottom, right


@dataclass
class SelGrid:
    """One ``w:tc``: where it sits in the grid and how it merges."""

    tc: Elemen
    kolom: int  # first grid column
    span: int
    vmerge: str | None  # "restart", "continue" or None
    margin: tuple[float, float, float, float]  # top, left, bottom, right
    valign: str  # top, center, bottom


@dataclass
class BarisGrid:
    """One ``w:tr`` with its height rule."""

    tr: Elemen
    sel: list[SelGrid]
    aturan: str | None  # "exact", "atLeast" or None (auto)
    tinggi: float  # trHeight value in points
    judul: bool  # tblHeader: repeated at the top of each page
    utuh: bool  # cantSplit


@dataclass
class GridTabel:
    """The columns of a table placed in a frame, and its rows."""

    x: list[float]  # grid column boundaries in page points (len = columns + 1)
    baris: list[BarisGrid] = field(default_factory=list)
    garis: float = 0.0  # width of the rules between rows (an automatic row grows by it)

    @property
    def lebar(self) -> float:
        return self.x[-1] - self.x[0]


_GRID_BEFORE, _GRID_SPAN, _VMERGE, _HMERGE, _TCW, _TCMAR, _VALIGN = (
    q(f"w:{t}") for t in ("gridBefore", "gridSpan", "vMerge", "hMerge", "tcW", "tcMar", "vAlign")
)
_TRHEIGHT, _HEADER, _CANTSPLIT = q("w:trHeight"), q("w:tblHeader"), q("w:cantSplit")


def _val(el: Elemen | None) -> str | None:
    return None if el is None else el.get(WV)


def _margin(el: Elemen | None, base: tuple[float, float, float, float]) -> tuple[float, ...]:
    if el is None:
        return base
    out = list(base)
    for i, sides in enumerate((("top",), ("left", "start"), ("bottom",), ("right", "end"))):
        for side in sides:
            m = anak(el, f"w:{side}")
            if m is not None and m.get(q("w:type")) in (None, "dxa"):
                out[i] = twip(m.get(q("w:w")))
    return tuple(out)


def _sel_sel(tr: Elemen) -> list[Elemen]:
    """The cells of a row, also those wrapped in content controls."""
    out: list[Elemen] = []
    for child in tr:
        if child.tag == _TC:
            out.append(child)
        elif child.tag == _SDT:
            content = anak(child, "w:sdtContent")
            if content is not None:
                out.extend(_sel_sel(content))
        elif child.tag == _CUSTOM:
            out.extend(_sel_sel(child))
    return out


def baris_tabel(tbl: Elemen) -> list[Elemen]:
    """The rows of a table, also those wrapped in content controls."""
    out: list[Elemen] = []
    for child in tbl:
        if child.tag == _TR:
            out.append(child)
        elif child.tag in (_SDT, _CUSTOM):
            inner = anak(child, "w:sdtContent") if child.tag == _SDT else child
            if inner is not None:
                out.extend(baris_tabel(inner))
    return out


def _lebar_pct(el: Elemen | None, frame: float) -> float | None:
    """A ``w:w``/``w:type`` width in points (``None`` when auto or absent)."""
    if el is None:
        return None
    kind = el.get(q("w:type")) or "dxa"
    raw = el.get(q("w:w")) or "0"
    if kind == "pct" or raw.endswith("%"):
        pct = angka(raw.rstrip("%")) / (100 if raw.endswith("%") else 5000)
        return frame * pct if pct > 0 else None
    if kind == "dxa":
        w = twip(raw)
        return w if w > 0 else None
    return None


def grid_tabel(tbl: Elemen, x0: float, x1: float, gaya: Gaya, geser: bool = False) -> GridTabel:
    """The grid of ``tbl`` placed in the frame ``x0..x1`` (a page's text column or a cell).

    ``geser``: the file is in a compatibility mode before Word 2013, where a
    left-aligned table stands out by its cell margin so that its text lines up
    with the margin.
    """
    tblpr = anak(tbl, "w:tblPr")
    style_pr = gaya.tabel(nilai(tblpr, "w:tblStyle"))
    margin = _margin(anak(style_pr, "w:tblCellMar"), MARGIN_BAKU)
    margin = _margin(anak(tblpr, "w:tblCellMar"), margin)  # type: ignore[arg-type]
    frame = x1 - x0
    cols = [twip(g.get(q("w:w"))) for g in tbl.iterfind(f"{q('w:tblGrid')}/{q('w:gridCol')}")]
    rows: list[BarisGrid] = []
    first_widths: list[tuple[int, float | None]] = []
    for ri, tr in enumerate(baris_tabel(tbl)):
        trpr = anak_semua(anak(tr, "w:trPr"))
        col = min(_MAKS_KOLOM, max(0, int(angka(_val(trpr.get(_GRID_BEFORE))))))
        cells: list[SelGrid] = []
        for tc in _sel_sel(tr):
            tcpr = anak_semua(anak(tc, "w:tcPr"))
            span = min(_MAKS_KOLOM, max(1, int(angka(_val(tcpr.get(_GRID_SPAN)), 1))))
            vm = tcpr.get(_VMERGE)
            vmerge = None if vm is None else ("restart" if vm.get(WV) == "restart" else "continue")
            hm = tcpr.get(_HMERGE)
            if hm is not None and hm.get(WV) != "restart" and cells:
                cells[-1].span += span  # legacy horizontal merge: continues the cell on the left
                col += span
                continue
            if ri == 0:
                first_widths.append((span, _lebar_pct(tcpr.get(_TCW), frame)))
            cells.append(
                SelGrid(
                    tc=tc,
                    kolom=col,
                    span=span,
                    vmerge=vmerge,
                    margin=_margin(tcpr.get(_TCMAR), margin),  # type: ignore[arg-type]
                    valign=_val(tcpr.get(_VALIGN)) or "top",
                )
            )
            col += span
        th = trpr.get(_TRHEIGHT)
        aturan = None
        if th is not None and twip(th.get(WV)) > 0:
            aturan = th.get(q("w:hRule")) or "atLeast"
            aturan = None if aturan == "auto" else aturan
        rows.append(
            BarisGrid(
                tr=tr,
                sel=cells,
                aturan=aturan,
                tinggi=twip(th.get(WV)) if th is not None else 0.0,
                judul=benar(trpr.get(_HEADER)),
                utuh=benar(trpr.get(_CANTSPLIT)),
            )
        )
    need = max((c.kolom + c.span for r in rows for c in r.sel), default=0)
    if sum(cols) <= 0 and first_widths and all(w for _, w in first_widths):
        cols = [w / s for s, w in first_widths for _ in range(s)]  # type: ignore[operator]
    if len(cols) < need:
        known = [c for c in cols if c > 0]
        fill = (sum(known) / len(known)) if known else frame / max(need, 1)
        cols += [fill] * (need - len(cols))
    cols = [c if c > 0 else 0.0 for c in cols] or [frame]
    target = _lebar_pct(anak(tblpr, "w:tblW"), frame)
    total = sum(cols)
    w_el = anak(tblpr, "w:tblW")
    pct = w_el is not None and (
        w_el.get(q("w:type")) == "pct" or (w_el.get(q("w:w")) or "").endswith("%")
    )
    if total <= 0:
        cols, total = [frame / len(cols)] * len(cols), frame
    if target and (pct or total <= 0) and abs(total - target) > 1:
        cols = [c * target / total for c in cols]
        total = target
    jc = nilai(tblpr, "w:jc")
    if jc == "center":
        left = x0 + (frame - total) / 2
    elif jc in ("right", "end"):
        left = x1 - total
    else:
        ind = anak(tblpr, "w:tblInd")
        left = x0 + (twip(ind.get(q("w:w"))) if ind is not None else 0.0)
        if geser:
            left -= margin[1]
    xs = [left]
    for c in cols:
        xs.append(xs[-1] + c)
    rule = anak(anak(tblpr, "w:tblBorders"), "w:insideH")
    if rule is None:
        rule = anak(anak(style_pr, "w:tblBorders"), "w:insideH")
    garis = 0.0
    if rule is not None and rule.get(WV) not in ("nil", "none"):
        garis = angka(rule.get(q("w:sz"))) / 8
    return GridTabel(x=xs, baris=rows, garis=garis)
