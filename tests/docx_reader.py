"""Read a generated SOP DOCX back from its XML: procedure tables, shapes and their places.

Independent of sopdoc's layout code: positions come from the file itself (page
size and margins from the section, column widths from the table grid, row
heights from ``w:trHeight``, shape boxes from ``wp:anchor``), so the tests
check what Word and LibreOffice will draw.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}
EMU = 12700.0


def w(tag: str) -> str:
    return f"{{{NS['w']}}}{tag}"


@dataclass
class Shape:
    name: str
    x: float
    y: float
    w: float
    h: float
    preset: str | None  # prstGeom, None for a custom path
    head: bool  # has an arrowhead
    text: str
    points: list[tuple[float, float]] = field(default_factory=list)  # arrows, page coords

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    def overlaps(self, other: Shape) -> bool:
        e = 0.01
        return (
            self.x < other.right - e
            and other.x < self.right - e
            and self.y < other.bottom - e
            and other.y < self.bottom - e
        )


@dataclass
class ProcPage:
    """One procedure page: its table geometry, header rows and the shapes anchored on it."""

    title: str
    table: etree._Element
    col_x: list[float]  # left edge of each grid column, then the table's right edge
    row_y: list[float]  # top of each row, then the table's bottom
    header_rows: int
    cells: list[list[str]]  # text per row, per cell
    shapes: list[Shape]


def _text(el: etree._Element) -> str:
    parts = []
    for node in el.iter(w("t"), w("br"), w("tab")):
        if node.tag == w("t"):
            parts.append(node.text or "")
        elif node.tag == w("br"):
            parts.append("\n")
        else:
            parts.append("\t")
    return "".join(parts)


def _shape(anchor: etree._Element) -> Shape:
    def off(axis: str) -> float:
        node = anchor.find(f"wp:position{axis}/wp:posOffset", NS)
        return float(node.text) / EMU

    ext = anchor.find("wp:extent", NS)
    x, y = off("H"), off("V")
    sw, sh = float(ext.get("cx")) / EMU, float(ext.get("cy")) / EMU
    prst = anchor.find(".//a:prstGeom", NS)
    path = anchor.find(".//a:path", NS)
    points = []
    if path is not None:
        pw, ph = float(path.get("w")), float(path.get("h"))
        for pt in path.iter(f"{{{NS['a']}}}pt"):
            px = x + float(pt.get("x")) / pw * sw if pw else x
            py = y + float(pt.get("y")) / ph * sh if ph else y
            points.append((round(px, 2), round(py, 2)))
    return Shape(
        name=anchor.find("wp:docPr", NS).get("name"),
        x=x,
        y=y,
        w=sw,
        h=sh,
        preset=prst.get("prst") if prst is not None else None,
        head=anchor.find(".//a:tailEnd", NS) is not None,
        text="".join(t.text or "" for t in anchor.iter(w("t"))),
        points=points,
    )


def read(path: Path) -> tuple[etree._Element, list[ProcPage]]:
    """The document body and its procedure pages, in order."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find("w:body", NS)
    sect = body.find("w:sectPr", NS)
    page_w = float(sect.find("w:pgSz", NS).get(w("w"))) / 20
    top = float(sect.find("w:pgMar", NS).get(w("top"))) / 20
    pages: list[ProcPage] = []
    children = list(body)
    for i, el in enumerate(children):
        anchors = el.findall(".//wp:anchor", NS) if el.tag == w("p") else []
        if not anchors:
            continue
        table = children[i + 1]
        assert table.tag == w("tbl"), "the procedure table follows its title paragraph"
        spacing = el.find("w:pPr/w:spacing", NS)
        assert spacing.get(w("lineRule")) == "exact"
        lines = len(el.findall("w:r/w:br", NS)) + 1
        title_h = lines * float(spacing.get(w("line"))) / 20 + float(spacing.get(w("after"))) / 20
        grid = [float(g.get(w("w"))) / 20 for g in table.findall("w:tblGrid/w:gridCol", NS)]
        assert table.find("w:tblPr/w:jc", NS).get(w("val")) == "center"
        x = (page_w - sum(grid)) / 2
        col_x = [x]
        for g in grid:
            col_x.append(col_x[-1] + g)
        y = top + title_h
        row_y = [y]
        header_rows = 0
        cells = []
        for tr in table.findall("w:tr", NS):
            h = tr.find("w:trPr/w:trHeight", NS)
            assert h.get(w("hRule")) == "exact"
            assert tr.find("w:trPr/w:cantSplit", NS) is not None
            if tr.find("w:trPr/w:tblHeader", NS) is not None:
                header_rows += 1
            row_y.append(row_y[-1] + float(h.get(w("val"))) / 20)
            cells.append([_text(tc) for tc in tr.findall("w:tc", NS)])
        pages.append(
            ProcPage(
                title="".join(t.text or "" for t in el.findall("w:r/w:t", NS)),
                table=table,
                col_x=col_x,
                row_y=row_y,
                header_rows=header_rows,
                cells=cells,
                shapes=[_shape(a) for a in anchors],
            )
        )
    return body, pages


def segments(shape: Shape) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    return list(zip(shape.points, shape.points[1:], strict=False))


def hits(box: Shape, a: tuple[float, float], b: tuple[float, float], inset: float = 0.3) -> bool:
    """Whether an axis-parallel segment runs through the interior of a shape's box."""
    x0, x1, y0, y1 = box.x + inset, box.right - inset, box.y + inset, box.bottom - inset
    if abs(a[1] - b[1]) < 0.01:
        lo, hi = sorted((a[0], b[0]))
        return y0 < a[1] < y1 and lo < x1 and hi > x0
    lo, hi = sorted((a[1], b[1]))
    return x0 < a[0] < x1 and lo < y1 and hi > y0
