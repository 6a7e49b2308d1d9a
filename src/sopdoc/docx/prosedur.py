"""WordprocessingML of the procedure pages, painted from the layout as it is.

One table per page, each with the three header rows (also marked as repeating
header rows), rows of exact height that never split, a fixed grid of the
layout's column widths, and the page's flowchart anchored in the title
paragraph above the table.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..layout import HEADER_TITLES, Page, ProcedureLayout, Row
from ..layout.metrics import FONT_FAMILY
from .shapes import ShapeWriter


def tw(points: float) -> int:
    """Points to twips."""
    return round(points * 20)


def _run(text: str, size: float, bold: bool = False) -> str:
    half = round(size * 2)
    b = "<w:b/><w:bCs/>" if bold else ""
    parts = text.split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(t)}</w:t>' for t in parts)
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="{FONT_FAMILY}" w:hAnsi="{FONT_FAMILY}" '
        f'w:cs="{FONT_FAMILY}"/>{b}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
        f"{inner}</w:r>"
    )


def _para(text: str, size: float, line: float, align: str, bold: bool = False) -> str:
    return (
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{tw(line)}" '
        f'w:lineRule="exact"/><w:jc w:val="{align}"/></w:pPr>'
        f"{_run(text, size, bold) if text else ''}</w:p>"
    )


def _cell(
    width: float,
    content: str,
    span: int = 1,
    vmerge: str | None = None,
    shade: str | None = None,
    pad_x: float | None = None,
) -> str:
    pr = f'<w:tcW w:w="{tw(width)}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if pad_x is not None:
        pr += (
            f'<w:tcMar><w:left w:w="{tw(pad_x)}" w:type="dxa"/>'
            f'<w:right w:w="{tw(pad_x)}" w:type="dxa"/></w:tcMar>'
        )
    pr += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def _row(height: float, cells: str, header: bool = False) -> str:
    hdr = "<w:tblHeader/>" if header else ""
    return (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{tw(height)}" w:hRule="exact"/>'
        f"{hdr}</w:trPr>{cells}</w:tr>"
    )


HEADER_SHADE = "D9D9D9"
NUMBER_SHADE = "F2F2F2"


def _header(layout: ProcedureLayout, heights: tuple[float, float, float]) -> str:
    st = layout.style
    cols = layout.columns
    by = {c.key: c for c in cols}
    lanes = layout.lane_columns
    hs, hl = st.header_size, st.header_line

    def hp(text: str) -> str:
        return _para(text, hs, hl, "center", bold=True)

    mutu = [by["kelengkapan"], by["waktu"], by["output"]]
    row1 = (
        _cell(by["no"].width, hp(HEADER_TITLES["no"]), vmerge="restart", shade=HEADER_SHADE)
        + _cell(
            by["aktivitas"].width,
            hp(HEADER_TITLES["aktivitas"]),
            vmerge="restart",
            shade=HEADER_SHADE,
        )
        + _cell(sum(c.width for c in lanes), hp("PELAKSANA"), span=len(lanes), shade=HEADER_SHADE)
        + _cell(sum(c.width for c in mutu), hp("MUTU BAKU"), span=3, shade=HEADER_SHADE)
        + _cell(
            by["keterangan"].width,
            hp(HEADER_TITLES["keterangan"]),
            vmerge="restart",
            shade=HEADER_SHADE,
        )
    )
    row2 = (
        _cell(by["no"].width, hp(""), vmerge="continue", shade=HEADER_SHADE)
        + _cell(by["aktivitas"].width, hp(""), vmerge="continue", shade=HEADER_SHADE)
        + "".join(
            _cell(
                c.width,
                _para("\n".join(lines), size, hl, "center", True),
                shade=HEADER_SHADE,
                pad_x=st.lane_title_pad_x,
            )
            for c, lines, size in zip(
                lanes, layout.lane_titles, layout.lane_title_sizes, strict=True
            )
        )
        + "".join(_cell(c.width, hp(HEADER_TITLES[c.key]), shade=HEADER_SHADE) for c in mutu)
        + _cell(by["keterangan"].width, hp(""), vmerge="continue", shade=HEADER_SHADE)
    )
    row3 = "".join(_cell(c.width, hp(str(i + 1)), shade=NUMBER_SHADE) for i, c in enumerate(cols))
    return (
        _row(heights[0], row1, header=True)
        + _row(heights[1], row2, header=True)
        + _row(heights[2], row3, header=True)
    )


_ALIGN = {"no": "center", "waktu": "center"}


def _body_row(layout: ProcedureLayout, row: Row) -> str:
    st = layout.style
    cells = []
    for col in layout.columns:
        if col.key == "lane":
            cells.append(_cell(col.width, _para("", st.body_size, st.body_line, "center")))
            continue
        text = row.texts.get(col.key, "")
        align = _ALIGN.get(col.key, "left")
        cells.append(_cell(col.width, _para(text, st.body_size, st.body_line, align)))
    return _row(row.height, "".join(cells))


def _title(layout: ProcedureLayout, lines: list[str], drawings: str, page_break: bool) -> str:
    """The title paragraph of a page (it anchors the page's shapes)."""
    st = layout.style
    brk = "<w:pageBreakBefore/>" if page_break else ""
    runs = "".join(
        _run(line, st.title_size, bold=True) + ("<w:r><w:br/></w:r>" if i < len(lines) - 1 else "")
        for i, line in enumerate(lines)
    )
    return (
        f'<w:p><w:pPr><w:keepNext/>{brk}<w:spacing w:before="0" w:after="{tw(st.title_after)}" '
        f'w:line="{tw(st.title_line)}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>'
        f"{drawings}{runs}</w:p>"
    )


def page_xml(layout: ProcedureLayout, page: Page, shapes: ShapeWriter, first: bool) -> str:
    """One procedure page: the title paragraph (holding the page's shapes) and its table."""
    st = layout.style
    drawings = "".join(shapes.arrow(a) for a in page.arrows)
    drawings += "".join(shapes.symbol(s, st.connector_size) for s in page.symbols)
    drawings += "".join(shapes.label(lab, st.label_size) for lab in page.labels)
    title = _title(layout, page.title_lines, drawings, page_break=not first)
    grid = "".join(f'<w:gridCol w:w="{tw(c.width)}"/>' for c in layout.columns)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table = (
        f'<w:tbl><w:tblPr><w:tblW w:w="{tw(layout.table_width)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{tw(st.cell_pad_y)}" w:type="dxa"/>'
        f'<w:left w:w="{tw(st.cell_pad_x)}" w:type="dxa"/>'
        f'<w:bottom w:w="{tw(st.cell_pad_y)}" w:type="dxa"/>'
        f'<w:right w:w="{tw(st.cell_pad_x)}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
        + _header(layout, page.header_heights)
        + "".join(_body_row(layout, r) for r in page.rows)
        + "</w:tbl>"
    )
    return title + table


def section_properties(layout: ProcedureLayout) -> str:
    """The landscape section of the procedure pages (margins from the layout)."""
    st = layout.style
    return (
        f'<w:pgSz w:w="{tw(layout.page_width)}" w:h="{tw(layout.page_height)}" '
        'w:orient="landscape"/>'
        f'<w:pgMar w:top="{tw(st.margin_top)}" w:right="{tw(st.margin_right)}" '
        f'w:bottom="{tw(st.margin_bottom)}" w:left="{tw(st.margin_left)}" '
        'w:header="425" w:footer="425" w:gutter="0"/>'
    )


END_PARAGRAPH = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
)
"""A 1 pt paragraph: what follows a table that would otherwise end the body."""


def procedure_xml(layout: ProcedureLayout, shapes: ShapeWriter) -> str:
    """Every procedure page, in order; then, when the signature block does not fit under
    the last row, the title again on a new page, for the signature block to follow."""
    pages = "".join(page_xml(layout, p, shapes, first=(p.index == 0)) for p in layout.pages)
    if layout.closing_new_page:
        pages += _title(layout, layout.pages[-1].title_lines, "", page_break=True)
    return pages
