"""DrawingML for the flowchart: the one place that knows how Word spells a shape.

Every shape is a floating ``wp:anchor`` positioned from the top left corner of
the page (``relativeFrom="page"``) at the exact place the layout computed:
symbols as preset geometries, arrows as one ``a:custGeom`` path each (turning
at right angles, with a triangle head), labels and connector numbers as text
boxes without border.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..layout import Arrow, Box, Label, Symbol, SymbolKind
from ..layout.metrics import FONT_FAMILY

EMU_PER_PT = 12700

PRESET = {
    SymbolKind.TERMINATOR: "flowChartTerminator",
    SymbolKind.PROCESS: "flowChartProcess",
    SymbolKind.DECISION: "flowChartDecision",
    SymbolKind.CONNECTOR: "flowChartOffpageConnector",
}
"""The DrawingML preset of each flowchart symbol."""

SHAPE_NAMES = {
    SymbolKind.TERMINATOR: "Terminator",
    SymbolKind.PROCESS: "Proses",
    SymbolKind.DECISION: "Keputusan",
    SymbolKind.CONNECTOR: "Penghubung",
}
"""docPr names: the kind of each shape, readable back from the file."""


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


class ShapeWriter:
    """Writes anchored shapes; keeps the document-wide ids unique and the z-order."""

    def __init__(self, first_id: int = 1000, line_width: float = 0.75):
        self._next_id = first_id
        self.line = emu(line_width)

    def _id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _anchor(self, box: Box, name: str, graphic: str, z: int) -> str:
        i = self._id()
        return (
            '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="{z}" behindDoc="0" locked="1" layoutInCell="0" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="page"><wp:posOffset>{emu(box.x)}</wp:posOffset>'
            "</wp:positionH>"
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{emu(box.y)}</wp:posOffset>'
            "</wp:positionV>"
            f'<wp:extent cx="{emu(box.w)}" cy="{emu(box.h)}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{i}" name="{name} {i}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f"{graphic}</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
        )

    def _xfrm(self, box: Box) -> str:
        return f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(box.w)}" cy="{emu(box.h)}"/></a:xfrm>'

    def _line(self, head: bool = False) -> str:
        tail = '<a:tailEnd type="triangle" w="med" len="med"/>' if head else ""
        return (
            f'<a:ln w="{self.line}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
            f'<a:miter lim="800000"/>{tail}</a:ln>'
        )

    @staticmethod
    def _text(text: str, size: float) -> str:
        half = round(size * 2)
        return (
            "<wps:txbx><w:txbxContent><w:p><w:pPr>"
            '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            '<w:jc w:val="center"/></w:pPr><w:r><w:rPr>'
            f'<w:rFonts w:ascii="{FONT_FAMILY}" w:hAnsi="{FONT_FAMILY}" w:cs="{FONT_FAMILY}"/>'
            f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
        )

    def symbol(self, sym: Symbol, text_size: float = 7.0) -> str:
        """A flowchart symbol (capsule, rectangle, diamond, off-page connector)."""
        box = sym.box
        if sym.text:
            body = (
                '<wps:cNvSpPr txBox="1"/>'
                f"<wps:spPr>{self._xfrm(box)}"
                f'<a:prstGeom prst="{PRESET[sym.kind]}"><a:avLst/></a:prstGeom>'
                f'<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>{self._line()}</wps:spPr>'
                f"{self._text(sym.text, text_size)}"
                '<wps:bodyPr rot="0" vert="horz" wrap="none" lIns="0" tIns="0" rIns="0" '
                'bIns="12700" anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
            )
        else:
            body = (
                "<wps:cNvSpPr/>"
                f"<wps:spPr>{self._xfrm(box)}"
                f'<a:prstGeom prst="{PRESET[sym.kind]}"><a:avLst/></a:prstGeom>'
                f'<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>{self._line()}</wps:spPr>'
                '<wps:bodyPr rot="0" vert="horz" anchor="ctr"><a:noAutofit/></wps:bodyPr>'
            )
        name = f"{SHAPE_NAMES[sym.kind]} langkah-{sym.step + 1}"
        return self._anchor(box, name, f"<wps:wsp>{body}</wps:wsp>", 251660000 + 2 * sym.step + 1)

    def arrow(self, arrow: Arrow) -> str:
        """An arrow as one path of right-angled segments, never a zero-sized shape."""
        pad = 1.0
        b = arrow.box
        box = Box(b.x - pad, b.y - pad, b.w + 2 * pad, b.h + 2 * pad)
        w, h = emu(box.w), emu(box.h)
        pts = [(emu(x - box.x), emu(y - box.y)) for x, y in arrow.points]
        path = f'<a:moveTo><a:pt x="{pts[0][0]}" y="{pts[0][1]}"/></a:moveTo>' + "".join(
            f'<a:lnTo><a:pt x="{x}" y="{y}"/></a:lnTo>' for x, y in pts[1:]
        )
        geom = (
            "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>"
            '<a:rect l="0" t="0" r="r" b="b"/>'
            f'<a:pathLst><a:path w="{w}" h="{h}" fill="none">{path}</a:path></a:pathLst>'
            "</a:custGeom>"
        )
        body = (
            f"<wps:cNvSpPr/><wps:spPr>{self._xfrm(box)}{geom}<a:noFill/>"
            f"{self._line(arrow.head)}</wps:spPr>"
            '<wps:bodyPr rot="0" vert="horz"><a:noAutofit/></wps:bodyPr>'
        )
        kind = {"next": "Panah", "tidak": "Panah Tidak", "join": "Garis Bersama"}[arrow.kind.value]
        name = f"{kind} {arrow.source + 1}-{arrow.target + 1}"
        return self._anchor(box, name, f"<wps:wsp>{body}</wps:wsp>", 251650000 + self._next_id)

    def label(self, label: Label, size: float) -> str:
        """A 'Ya'/'Tidak' label: a white text box without border."""
        body = (
            '<wps:cNvSpPr txBox="1"/>'
            f'<wps:spPr>{self._xfrm(label.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
            "<a:ln><a:noFill/></a:ln></wps:spPr>"
            f"{self._text(label.text, size)}"
            '<wps:bodyPr rot="0" vert="horz" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" '
            'anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
        )
        return self._anchor(
            label.box,
            f"Label {label.text}",
            f"<wps:wsp>{body}</wps:wsp>",
            251670000 + self._next_id,
        )
