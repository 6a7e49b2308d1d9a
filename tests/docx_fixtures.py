"""Word SOP documents made the way people make them: python-docx plus raw OOXML, never sopdoc.

Each builder writes one authoring style of the same small SOP (4 steps in 3
lanes: a start terminator, a process, a decision whose "Tidak" goes back to
the process, an end terminator) and returns what a reader must find: every
symbol's kind, page box and cell, every arrow's ends, every label.

The procedure page is landscape (Letter or Legal) with a centred table whose
grid and exact row heights are given here, so the expected boxes are simple
arithmetic; cell-anchored and inline shapes are placed by Word's rules from
the cell they sit in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.shared import Pt

NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
EMU = 12700

# The procedure table: column widths (points) and the x of each column on a landscape
# Letter page (792 wide, 36 pt margins, table centred: left edge at 66).
KOLOM = [30.0, 150.0, 70.0, 70.0, 70.0, 80.0, 50.0, 80.0, 60.0]
LANE = ["Pemohon", "Petugas Pelayanan", "Kepala Seksi"]
HEADER_H = 16.0
STEP_H = 50.0
TITLE_H = 21.0  # the title paragraph: 15 pt exact line + 6 pt after
MARGIN = 36.0


@dataclass
class Harapan:
    """What the reader must find in one fixture."""

    simbol: list[tuple[str, tuple[float, float, float, float], int, Any]] = field(
        default_factory=list
    )  # (kind, (x0, y0, x1, y1), page, cell (table, row, cell) or None)
    panah: list[tuple[tuple[float, float], tuple[float, float], str, int]] = field(
        default_factory=list
    )  # (tail, head, kepala, page)
    label: list[tuple[str, int]] = field(default_factory=list)  # (text, page)
    tol: float = 0.05  # box tolerance in points


STEPS = [
    ("Mulai: pemohon menyerahkan berkas", 0, "Berkas permohonan", "5 menit", "Berkas"),
    ("Memeriksa kelengkapan berkas", 1, "Berkas", "15 menit", "Berkas diperiksa"),
    ("Berkas lengkap?", 2, "Berkas diperiksa", "10 menit", "Keputusan"),
    ("Selesai: pemohon menerima surat", 0, "Surat", "5 menit", "Surat"),
]


def table_left(page_w: float) -> float:
    return (page_w - sum(KOLOM)) / 2


def col_x(page_w: float) -> list[float]:
    xs = [table_left(page_w)]
    for w in KOLOM:
        xs.append(xs[-1] + w)
    return xs


# ---------------------------------------------------------------- documents


def new_document() -> Any:
    """A portrait A4 identity page, as a secretariat would type it."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Pt(595.3), Pt(841.9)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Pt(56.7))
    t = doc.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(3, 0))
    t.cell(0, 0).text = "PEMERINTAH KABUPATEN CONTOH\nKECAMATAN CONTOH"
    for i, (k, v) in enumerate(
        [
            ("No. SOP", "800/12/2024"),
            ("Tgl. Pembuatan", "2 Juni 2025"),
            (
                "Disahkan Oleh",
                "CAMAT CONTOH\n\n\nBUDI SANTOSO, S.Sos\nPembina\nNIP. 19700101 199003 1 001",
            ),
            ("Nama SOP", "PELAYANAN SURAT KETERANGAN"),
        ]
    ):
        t.cell(i, 1).text = k
        t.cell(i, 2).text = v
    return doc


def procedure_section(doc: Any, legal: bool = False) -> float:
    """A new landscape Letter (or Legal) section for the procedure; returns the page width."""
    from docx.enum.section import WD_SECTION

    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width = Pt(1008 if legal else 792)
    sec.page_height = Pt(612)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Pt(MARGIN))
    return 1008.0 if legal else 792.0


def title(doc: Any, text: str) -> Any:
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(6)
    pf.line_spacing = Pt(15)
    from docx.enum.text import WD_LINE_SPACING

    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(12)
    return p


def procedure_table(
    doc: Any,
    steps: list[tuple[str, int, str, str, str]],
    exact: bool = True,
    step_h: float = STEP_H,
    repeat_header: bool = True,
) -> Any:
    """The procedure table as people build it: two header rows, merged cells, one row a step."""
    t = doc.add_table(rows=2 + len(steps), cols=len(KOLOM))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    tbl = t._tbl
    grid = tbl.tblGrid
    for gc, w in zip(grid.findall(f"{{{_W}}}gridCol"), KOLOM, strict=True):
        gc.set(f"{{{_W}}}w", str(round(w * 20)))
    tblpr = tbl.tblPr
    tblpr.append(parse_xml(f'<w:tblLayout {NSDECL} w:type="fixed"/>'))
    tblpr.append(
        parse_xml(
            f"<w:tblCellMar {NSDECL}>"
            '<w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        )
    )
    for row in t.rows:
        for cell, w in zip(row.cells, KOLOM, strict=True):
            cell.width = Pt(w)
    head = ["No", "Kegiatan", "Pelaksana", "", "", "Mutu Baku", "", "", "Ket"]
    for i, text in enumerate(head):
        if text:
            t.cell(0, i).text = text
    for i, text in enumerate([*LANE, "Kelengkapan", "Waktu", "Output"]):
        t.cell(1, 2 + i).text = text
    t.cell(0, 2).merge(t.cell(0, 4))
    t.cell(0, 5).merge(t.cell(0, 7))
    for c in (0, 1, 8):
        t.cell(0, c).merge(t.cell(1, c))
    for r in range(2):
        t.rows[r].height = Pt(HEADER_H)
        t.rows[r].height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        if repeat_header:
            t.rows[r]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {NSDECL}/>"))
    for i, (keg, _lane, kel, waktu, output) in enumerate(steps):
        row = t.rows[2 + i]
        row.height = Pt(step_h)
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST
        cells = row.cells
        cells[0].text = str(i + 1)
        cells[1].text = keg
        cells[5].text = kel
        cells[6].text = waktu
        cells[7].text = output
    return t


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ---------------------------------------------------------------- DrawingML pieces


def _pos(rel: str, offset: float | None, align: str | None = None) -> str:
    if align:
        return f'relativeFrom="{rel}"><wp:align>{align}</wp:align>'
    return f'relativeFrom="{rel}"><wp:posOffset>{round((offset or 0) * EMU)}</wp:posOffset>'


_ids = iter(range(100, 100000))


def anchor(
    graphic: str,
    uri: str,
    w: float,
    h: float,
    x: float | None = None,
    y: float | None = None,
    rel_h: str = "page",
    rel_v: str = "page",
    in_cell: bool = False,
    align_h: str | None = None,
) -> str:
    """A floating drawing (``wp:anchor``) in a run."""
    i = next(_ids)
    return (
        f"<w:r {NSDECL}><w:drawing>"
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251659264 + i}" behindDoc="0" locked="0" '
        f'layoutInCell="{1 if in_cell else 0}" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f"<wp:positionH {_pos(rel_h, x, align_h)}</wp:positionH>"
        f"<wp:positionV {_pos(rel_v, y)}</wp:positionV>"
        f'<wp:extent cx="{round(w * EMU)}" cy="{round(h * EMU)}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{i}" name="Shape {i}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{uri}">{graphic}</a:graphicData></a:graphic>'
        "</wp:anchor></w:drawing></w:r>"
    )


def inline(graphic: str, uri: str, w: float, h: float) -> str:
    """A drawing in the line of text (``wp:inline``)."""
    i = next(_ids)
    return (
        f"<w:r {NSDECL}><w:drawing>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{round(w * EMU)}" cy="{round(h * EMU)}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{i}" name="Shape {i}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{uri}">{graphic}</a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


URI_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
URI_WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
URI_WPC = "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"


def _txbx(text: str) -> str:
    if not text:
        return ""
    return (
        '<wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:rPr><w:sz w:val="14"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
        "</w:p></w:txbxContent></wps:txbx>"
    )


def wsp(
    geom: str,
    w: float,
    h: float,
    text: str = "",
    off: tuple[float, float] = (0, 0),
    scale: float = 1.0,
    line: bool = True,
    fill: str | None = "FFFFFF",
    rot: int = 0,
    flip_h: bool = False,
    flip_v: bool = False,
    connector: bool = False,
    head: bool = False,
    theme_style: bool = False,
) -> str:
    """A shape: ``geom`` is a preset name or a whole ``<a:custGeom>``; sizes in points.

    ``off``/``scale``: its place in a group's child coordinates (EMU times ``scale``).
    """
    x, y = round(off[0] * EMU * scale), round(off[1] * EMU * scale)
    cx, cy = round(w * EMU * scale), round(h * EMU * scale)
    attrs = (f' rot="{rot * 60000}"' if rot else "") + (' flipH="1"' if flip_h else "")
    attrs += ' flipV="1"' if flip_v else ""
    geometry = (
        geom if geom.startswith("<") else f'<a:prstGeom prst="{geom}"><a:avLst/></a:prstGeom>'
    )
    fill_xml = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else "<a:noFill/>"
    tail = '<a:tailEnd type="triangle"/>' if head else ""
    if theme_style:
        ln = f"<a:ln>{tail}</a:ln>" if tail else ""
        style = (
            '<wps:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
            '<a:fillRef idx="0"><a:schemeClr val="accent1"/></a:fillRef>'
            '<a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef>'
            '<a:fontRef idx="minor"><a:schemeClr val="tx1"/></a:fontRef></wps:style>'
        )
        fill_xml = ""
    else:
        ln = (
            f'<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>{tail}</a:ln>'
            if line
            else "<a:ln><a:noFill/></a:ln>"
        )
        style = ""
    nv = (
        "<wps:cNvCnPr/>"
        if connector
        else ('<wps:cNvSpPr txBox="1"/>' if text else "<wps:cNvSpPr/>")
    )
    return (
        f'<wps:wsp>{nv}<wps:spPr><a:xfrm{attrs}><a:off x="{x}" y="{y}"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm>{geometry}{fill_xml}{ln}</wps:spPr>'
        f"{style}{_txbx(text)}"
        '<wps:bodyPr rot="0" vert="horz" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr">'
        "<a:noAutofit/></wps:bodyPr></wps:wsp>"
    )


def cust_path(points: list[tuple[float, float]], w: float, h: float, closed: bool) -> str:
    """A custom geometry through ``points`` (points in the shape's box, in points)."""
    emu = [(round(x * EMU), round(y * EMU)) for x, y in points]
    body = f'<a:moveTo><a:pt x="{emu[0][0]}" y="{emu[0][1]}"/></a:moveTo>' + "".join(
        f'<a:lnTo><a:pt x="{x}" y="{y}"/></a:lnTo>' for x, y in emu[1:]
    )
    if closed:
        body += "<a:close/>"
    fill = "" if closed else ' fill="none"'
    return (
        '<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/>'
        f'<a:pathLst><a:path w="{round(w * EMU)}" h="{round(h * EMU)}"{fill}>{body}</a:path>'
        "</a:pathLst></a:custGeom>"
    )


def add_runs(paragraph: Any, xml: str) -> None:
    for run in [xml] if isinstance(xml, str) else xml:
        paragraph._p.append(parse_xml(run))


def save(doc: Any, path: Path) -> Path:
    doc.save(str(path))
    return path


def page_break(doc: Any) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# ---------------------------------------------------------------- the SOP's flowchart


def flow_boxes(page_w: float, top: float) -> dict[str, tuple[float, float, float, float]]:
    """Page boxes (x0, y0, x1, y1) of the four symbols, centred in their lane and row."""
    xs = col_x(page_w)
    body = top + 2 * HEADER_H
    out = {}
    for i, (_keg, lane, *_rest) in enumerate(STEPS):
        cx = (xs[2 + lane] + xs[3 + lane]) / 2
        cy = body + STEP_H * i + STEP_H / 2
        h = 34.0 if i == 2 else 24.0
        out[f"S{i + 1}"] = (cx - 25, cy - h / 2, cx + 25, cy + h / 2)
    return out


KINDS = ["terminator", "proses", "keputusan", "terminator"]
PRESETS = ["flowChartTerminator", "flowChartProcess", "flowChartDecision", "roundRect"]


def flow_arrows(b: dict[str, tuple[float, float, float, float]]) -> list[list[tuple[float, float]]]:
    """The four arrows as polylines tail to head: 1->2, 2->3, 3-Tidak->2, 3-Ya->4."""
    s1, s2, s3, s4 = b["S1"], b["S2"], b["S3"], b["S4"]
    mid = lambda k: ((k[0] + k[2]) / 2, (k[1] + k[3]) / 2)  # noqa: E731
    c1, c2, c3, c4 = mid(s1), mid(s2), mid(s3), mid(s4)
    return [
        [(s1[2], c1[1]), (c2[0], c1[1]), (c2[0], s2[1])],
        [(s2[2], c2[1]), (c3[0], c2[1]), (c3[0], s3[1])],
        [(s3[0], c3[1]), (c2[0], c3[1]), (c2[0], s2[3])],
        [(c3[0], s3[3]), (c3[0], c4[1]), (s4[2], c4[1])],
    ]


def label_boxes(b: dict[str, tuple[float, float, float, float]]) -> dict[str, tuple[float, ...]]:
    s3 = b["S3"]
    cy = (s3[1] + s3[3]) / 2
    cx = (s3[0] + s3[2]) / 2
    return {
        "Tidak": (s3[0] - 32, cy - 12, s3[0] - 4, cy - 2),
        "Ya": (cx + 3, s3[3] + 4, cx + 19, s3[3] + 14),
    }


def _bent2(
    points: list[tuple[float, float]],
) -> tuple[tuple[float, float, float, float], bool, bool]:
    """The box and flips of a bentConnector2 drawing this 3-point elbow (horizontal first)."""
    (x0, y0), (_xm, _ym), (x1, y1) = points
    box = (min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
    return box, x1 < x0, y1 < y0


def _expect_flow(h: Harapan, b: dict[str, tuple[float, ...]], page: int, cells: Any = None) -> None:
    for i, kind in enumerate(KINDS):
        h.simbol.append((kind, b[f"S{i + 1}"], page, cells[i] if cells else None))  # type: ignore[arg-type]
    for pts in flow_arrows(b):  # type: ignore[arg-type]
        h.panah.append((pts[0], pts[-1], "akhir", page))
    h.label += [("Tidak", page), ("Ya", page)]


def shapes_page_anchored(
    b: dict[str, tuple[float, ...]], origin: tuple[float, float] = (0, 0)
) -> list[str]:
    """The flowchart as DrawingML shapes anchored to the page (offsets from ``origin``)."""
    runs = []
    for i, prst in enumerate(PRESETS):
        x0, y0, x1, y1 = b[f"S{i + 1}"]
        shape = wsp(prst, x1 - x0, y1 - y0, theme_style=(i == 1))
        runs.append(anchor(shape, URI_WPS, x1 - x0, y1 - y0, x0 - origin[0], y0 - origin[1]))
    arrows = flow_arrows(b)  # type: ignore[arg-type]
    for pts in arrows[:3]:
        (x, y, w, hh), fh, fv = _bent2(pts)
        shape = wsp(
            "bentConnector2", w, hh, flip_h=fh, flip_v=fv, connector=True, head=True, fill=None
        )
        runs.append(anchor(shape, URI_WPS, w, hh, x - origin[0], y - origin[1]))
    pts = arrows[3]
    x, y = min(p[0] for p in pts), min(p[1] for p in pts)
    w, hh = max(p[0] for p in pts) - x, max(p[1] for p in pts) - y
    geom = cust_path([(px - x, py - y) for px, py in pts], w, hh, closed=False)
    runs.append(
        anchor(wsp(geom, w, hh, head=True, fill=None), URI_WPS, w, hh, x - origin[0], y - origin[1])
    )
    for text, (x0, y0, x1, y1) in label_boxes(b).items():  # type: ignore[arg-type]
        shape = wsp("rect", x1 - x0, y1 - y0, text=text, line=False)
        runs.append(anchor(shape, URI_WPS, x1 - x0, y1 - y0, x0 - origin[0], y0 - origin[1]))
    return runs


def _base_doc(legal: bool = False) -> tuple[Any, float, float]:
    doc = new_document()
    page_w = procedure_section(doc, legal)
    return doc, page_w, MARGIN + TITLE_H


def style_anchored_page(path: Path) -> Harapan:
    """(1) DrawingML shapes anchored to the page over the table, in the title paragraph."""
    doc, page_w, top = _base_doc()
    p = title(doc, "SOP PELAYANAN SURAT KETERANGAN")
    b = flow_boxes(page_w, top)
    for run in shapes_page_anchored(b):
        add_runs(p, run)
    procedure_table(doc, STEPS)
    save(doc, path)
    h = Harapan()
    _expect_flow(h, b, 1)
    return h


def style_group(path: Path) -> Harapan:
    """(3) One grouped drawing holding every shape, child coordinates at twice the scale.

    As Word writes a group: its box is the bounding box of its members, and the
    child extent (chOff/chExt) is that same box in the members' coordinates.
    """
    doc, page_w, top = _base_doc()
    p = title(doc, "SOP PELAYANAN SURAT KETERANGAN")
    b = flow_boxes(page_w, top)
    gx0, gy0, gx1, gy1 = _bbox(b)
    gw, gh = gx1 - gx0, gy1 - gy0
    children = _children(b, (gx0, gy0), scale=2.0)
    group = (
        "<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm>"
        f'<a:off x="0" y="0"/><a:ext cx="{round(gw * EMU)}" cy="{round(gh * EMU)}"/>'
        f'<a:chOff x="0" y="0"/><a:chExt cx="{round(gw * EMU * 2)}" cy="{round(gh * EMU * 2)}"/>'
        f"</a:xfrm></wpg:grpSpPr>{''.join(children)}</wpg:wgp>"
    )
    add_runs(p, anchor(group, URI_WPG, gw, gh, gx0, gy0))
    procedure_table(doc, STEPS)
    save(doc, path)
    h = Harapan()
    _expect_flow(h, b, 1)
    return h


def _bbox(b: dict[str, tuple[float, ...]]) -> tuple[float, float, float, float]:
    """The bounding box of every symbol, arrow and label of the flowchart."""
    xs: list[float] = []
    ys: list[float] = []
    for x0, y0, x1, y1 in [*b.values(), *label_boxes(b).values()]:  # type: ignore[arg-type]
        xs += [x0, x1]
        ys += [y0, y1]
    for pts in flow_arrows(b):  # type: ignore[arg-type]
        xs += [p[0] for p in pts]
        ys += [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _children(
    b: dict[str, tuple[float, ...]], origin: tuple[float, float], scale: float
) -> list[str]:
    """The shapes as members of a group or canvas, offsets from ``origin``."""
    out = []
    for i, prst in enumerate(PRESETS):
        x0, y0, x1, y1 = b[f"S{i + 1}"]
        out.append(wsp(prst, x1 - x0, y1 - y0, off=(x0 - origin[0], y0 - origin[1]), scale=scale))
    for pts in flow_arrows(b):  # type: ignore[arg-type]
        if pts[0][0] == pts[1][0]:  # vertical first: a bentConnector2 turned by 90 degrees
            (x, y, w, hh), fh, fv, rot = _bent2_rot(pts)
        else:
            ((x, y, w, hh), fh, fv), rot = _bent2(pts), 0
        out.append(
            wsp(
                "bentConnector2",
                w,
                hh,
                off=(x - origin[0], y - origin[1]),
                scale=scale,
                flip_h=fh,
                flip_v=fv,
                rot=rot,
                connector=True,
                head=True,
                fill=None,
            )
        )
    for text, (x0, y0, x1, y1) in label_boxes(b).items():  # type: ignore[arg-type]
        out.append(
            wsp(
                "rect",
                x1 - x0,
                y1 - y0,
                text=text,
                line=False,
                off=(x0 - origin[0], y0 - origin[1]),
                scale=scale,
            )
        )
    return out


def _bent2_rot(
    pts: list[tuple[float, float]],
) -> tuple[tuple[float, float, float, float], bool, bool, int]:
    """A vertical-first elbow as Word writes it: a bentConnector2 rotated 90 degrees.

    Rotating (0,0)->(w,0)->(w,h) by 90 degrees about the centre of a box whose
    width and height are swapped gives a path going down first, then sideways.
    """
    (x0, y0), _m, (x1, y1) = pts
    dx, dy = abs(x1 - x0), abs(y1 - y0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = dy, dx  # the unrotated box is turned: its width runs down the page
    box = (cx - w / 2, cy - h / 2, w, h)
    # rot 90 (clockwise): local +x points down, local +y points left.
    # down first then left (x1 < x0): local path right-then-down = page down-then-left.
    flip_v = x1 > x0  # going right instead: mirror the local y
    flip_h = y1 < y0  # going up first: mirror the local x
    return box, flip_h, flip_v, 90


def style_canvas(path: Path, fallback_only: bool = False) -> Harapan:
    """(4) A drawing canvas as Word saves it: the DrawingML canvas as the choice of an
    mc:AlternateContent, a VML group of the same shapes as its fallback (read once).

    ``fallback_only``: the file as an older program leaves it, only the VML group.
    """
    doc, page_w, top = _base_doc()
    p = title(doc, "SOP PELAYANAN SURAT KETERANGAN")
    b = flow_boxes(page_w, top)
    xs = col_x(page_w)
    gx, gy = xs[2], top + 2 * HEADER_H
    gw, gh = xs[5] - xs[2], 4 * STEP_H
    canvas = (
        "<wpc:wpc><wpc:bg/><wpc:whole><a:ln><a:noFill/></a:ln></wpc:whole>"
        + "".join(_children(b, (gx, gy), scale=1.0))
        + "</wpc:wpc>"
    )
    run = anchor(canvas, URI_WPC, gw, gh, gx, gy)
    drawing = run[run.index("<w:drawing>") : run.rindex("</w:r>")]
    group = _vml_group(b, (gx, gy, gw, gh))
    if fallback_only:
        add_runs(p, f"<w:r {NSDECL}>{group}</w:r>")
    else:
        add_runs(
            p,
            f'<w:r {NSDECL}><mc:AlternateContent><mc:Choice Requires="wpc">{drawing}</mc:Choice>'
            f"<mc:Fallback>{group}</mc:Fallback></mc:AlternateContent></w:r>",
        )
    procedure_table(doc, STEPS)
    save(doc, path)
    h = Harapan(tol=0.05)
    _expect_flow(h, b, 1)
    return h


def _vml_group(b: dict[str, tuple[float, ...]], box: tuple[float, float, float, float]) -> str:
    """The flowchart as a VML group in points of its own (coordsize = the box in points)."""
    gx, gy, gw, gh = box
    parts = []

    def st(x0: float, y0: float, x1: float, y1: float) -> str:
        return (
            f"position:absolute;left:{x0 - gx:g};top:{y0 - gy:g};"
            f"width:{x1 - x0:g};height:{y1 - y0:g}"
        )

    tags = ['v:roundrect arcsize="0.5"', "v:rect", 'v:shape type="#_x0000_t110"', "v:roundrect"]
    for i, tag in enumerate(tags):
        x0, y0, x1, y1 = b[f"S{i + 1}"]
        name = tag.split()[0]
        parts.append(f'<{tag} style="{st(x0, y0, x1, y1)}"></{name}>')
    for pts in flow_arrows(b):  # type: ignore[arg-type]
        # a freeform as Word writes it: a shape with a path in its own coordinates (1/100 pt)
        x0, y0 = min(p[0] for p in pts), min(p[1] for p in pts)
        x1, y1 = max(p[0] for p in pts), max(p[1] for p in pts)
        path = ",".join(f"{round((x - x0) * 100)},{round((y - y0) * 100)}" for x, y in pts)
        size = f"{max(round((x1 - x0) * 100), 1)},{max(round((y1 - y0) * 100), 1)}"
        parts.append(
            f'<v:shape style="{st(x0, y0, x1, y1)}" coordsize="{size}" filled="f" '
            f'path="m{path.replace(",", "l", 2).replace("l", ",", 1)}e">'
            '<v:stroke endarrow="block"/></v:shape>'
        )
    for text, (x0, y0, x1, y1) in label_boxes(b).items():  # type: ignore[arg-type]
        parts.append(
            f'<v:shape type="#_x0000_t202" style="{st(x0, y0, x1, y1)}" filled="f" stroked="f">'
            f'<v:textbox inset="0,0,0,0"><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:txbxContent></v:textbox></v:shape>"
        )
    return (
        "<w:pict>"
        + _vml_shapetype(110)
        + _vml_shapetype(202)
        + f'<v:group style="position:absolute;margin-left:{gx:g}pt;margin-top:{gy:g}pt;'
        f"width:{gw:g}pt;height:{gh:g}pt;z-index:1;mso-position-horizontal-relative:page;"
        f'mso-position-vertical-relative:page" coordorigin="0,0" coordsize="{gw:g},{gh:g}">'
        + "".join(parts)
        + "</v:group></w:pict>"
    )


def _cell_paragraph(table: Any, row: int, col: int) -> Any:
    return table.cell(row, col).paragraphs[0]


def style_in_cells(path: Path) -> Harapan:
    """(2) Shapes in the lane cells: inline in a centred paragraph, or anchored in the cell.

    Rows are "at least" 50 pt (their content is smaller). Word measures a cell
    anchor from the cell's text area (its left edge plus the cell margin) and
    from the top of the anchoring paragraph.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc, page_w, top = _base_doc()
    title(doc, "SOP PELAYANAN SURAT KETERANGAN")
    t = procedure_table(doc, STEPS, exact=False)
    xs = col_x(page_w)
    pad = 57 / 20
    body = top + 2 * HEADER_H
    b = {}
    cells = []
    # step 1 and 4: inline terminators in the Pemohon lane, centred
    for i in (0, 3):
        p = _cell_paragraph(t, 2 + i, 2)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = wsp(PRESETS[i], 50, 24)
        add_runs(p, inline(shape, URI_WPS, 50, 24))
        x0 = xs[2] + pad + (KOLOM[2] - 2 * pad - 50) / 2
        y0 = body + STEP_H * i
        b[f"S{i + 1}"] = (x0, y0, x0 + 50, y0 + 24)
    # step 2: anchored in the cell, offsets from the column and the paragraph
    p = _cell_paragraph(t, 3, 3)
    add_runs(
        p,
        anchor(
            wsp(PRESETS[1], 50, 24), URI_WPS, 50, 24, 10, 13, "column", "paragraph", in_cell=True
        ),
    )
    x0, y0 = xs[3] + pad + 10, body + STEP_H + 13
    b["S2"] = (x0, y0, x0 + 50, y0 + 24)
    # step 3: anchored in the cell, centred on the column
    p = _cell_paragraph(t, 4, 4)
    shape = wsp(PRESETS[2], 50, 34)
    add_runs(p, anchor(shape, URI_WPS, 50, 34, None, 8, "column", "paragraph", True, "center"))
    x0 = (xs[4] + xs[5]) / 2 - 25
    y0 = body + 2 * STEP_H + 8
    b["S3"] = (x0, y0, x0 + 50, y0 + 34)
    cells = [(1, 2, 2), (1, 3, 3), (1, 4, 4), (1, 5, 2)]
    # arrows anchored in the cell they start from, offsets from that cell
    arrows = flow_arrows(b)  # type: ignore[arg-type]
    starts = [(2, 2), (3, 3), (4, 4), (4, 4)]
    arrow_cells = []
    for pts, (r, c) in zip(arrows, starts, strict=True):
        if pts[0][0] == pts[1][0]:
            (x, y, w, hh), fh, fv, rot = _bent2_rot(pts)
        else:
            ((x, y, w, hh), fh, fv), rot = _bent2(pts), 0
        shape = wsp(
            "bentConnector2",
            w,
            hh,
            flip_h=fh,
            flip_v=fv,
            rot=rot,
            connector=True,
            head=True,
            fill=None,
        )
        cell_x = xs[c] + pad
        cell_y = body + STEP_H * (r - 2)
        p = _cell_paragraph(t, r, c)
        add_runs(
            p, anchor(shape, URI_WPS, w, hh, x - cell_x, y - cell_y, "column", "paragraph", True)
        )
        arrow_cells.append((1, r, c))
    # the labels: text boxes anchored in the decision's row, Tidak in the Petugas cell
    for text, (x0, y0, x1, y1) in label_boxes(b).items():  # type: ignore[arg-type]
        c = 3 if text == "Tidak" else 4
        cell_x, cell_y = xs[c] + pad, body + 2 * STEP_H
        shape = wsp("rect", x1 - x0, y1 - y0, text=text, line=False)
        add_runs(
            _cell_paragraph(t, 4, c),
            anchor(
                shape,
                URI_WPS,
                x1 - x0,
                y1 - y0,
                x0 - cell_x,
                y0 - cell_y,
                "column",
                "paragraph",
                True,
            ),
        )
    save(doc, path)
    h = Harapan(tol=0.5)
    _expect_flow(h, b, 1, cells)
    h.panah_sel = arrow_cells  # type: ignore[attr-defined]
    return h


# ---------------------------------------------------------------- VML (Word 2003/2007)

SHAPETYPES = {
    116: 'path="m3475,qx,10800,3475,21600l18125,21600qx21600,10800,18125,xe"',
    109: 'path="m,l,21600r21600,l21600,xe"',
    110: 'path="m10800,l,10800,10800,21600,21600,10800xe"',
    202: 'path="m,l,21600r21600,l21600,xe"',
    34: 'o:oned="t" adj="10800" path="m,l@0,0@0,21600,21600,21600e" filled="f"',
}


def _vml_style(x: float, y: float, w: float, h: float, rel: str = "page") -> str:
    return (
        f"position:absolute;margin-left:{x:g}pt;margin-top:{y:g}pt;width:{w:g}pt;height:{h:g}pt;"
        f"z-index:1;mso-position-horizontal-relative:{rel};mso-position-vertical-relative:{rel}"
    )


PAGE_ABS = (
    "position:absolute;z-index:2;mso-position-horizontal-relative:page;"
    "mso-position-vertical-relative:page"
)


def _vml_shapetype(spt: int) -> str:
    return (
        f'<v:shapetype id="_x0000_t{spt}" coordsize="21600,21600" o:spt="{spt}" {SHAPETYPES[spt]}>'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>'
        "</v:shapetype>"
    )


def _pict(inner: str) -> str:
    return f"<w:r {NSDECL}><w:pict>{inner}</w:pict></w:r>"


def style_vml(path: Path) -> Harapan:
    """(5) Word 2003 style: VML shapes with shapetypes, lines with arrowheads, text boxes.

    Positions are absolute, from the page for most and from the margins for the
    decision; one shape is given as mc:AlternateContent (DrawingML choice, VML
    fallback) and must be read once.
    """
    doc, page_w, top = _base_doc()
    p = title(doc, "SOP PELAYANAN SURAT KETERANGAN")
    b = flow_boxes(page_w, top)
    runs = []
    x0, y0, x1, y1 = b["S1"]
    runs.append(
        _pict(
            f'<v:roundrect id="s1" style="{_vml_style(x0, y0, x1 - x0, y1 - y0)}" arcsize="0.5" '
            'strokeweight=".5pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>Mulai</w:t></w:r></w:p>'
            "</w:txbxContent></v:textbox></v:roundrect>"
        )
    )
    x0, y0, x1, y1 = b["S2"]
    runs.append(
        _pict(
            _vml_shapetype(109) + f'<v:shape id="s2" type="#_x0000_t109" '
            f'style="{_vml_style(x0, y0, x1 - x0, y1 - y0)}"/>'
        )
    )
    # the decision: AlternateContent, the VML fallback placed from the margins
    x0, y0, x1, y1 = b["S3"]
    choice = anchor(wsp("flowChartDecision", x1 - x0, y1 - y0), URI_WPS, x1 - x0, y1 - y0, x0, y0)
    choice_drawing = choice[choice.index("<w:drawing>") : choice.index("</w:r>")]
    fallback = (
        "<w:pict>" + _vml_shapetype(110) + f'<v:shape id="s3" type="#_x0000_t110" '
        f'style="{_vml_style(x0 - MARGIN, y0 - MARGIN, x1 - x0, y1 - y0, "margin")}"/></w:pict>'
    )
    runs.append(
        f'<w:r {NSDECL}><mc:AlternateContent><mc:Choice Requires="wps">{choice_drawing}'
        f"</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )
    x0, y0, x1, y1 = b["S4"]
    runs.append(
        _pict(
            _vml_shapetype(116) + f'<v:shape id="s4" type="#_x0000_t116" '
            f'style="{_vml_style(x0, y0, x1 - x0, y1 - y0)}">'
            "<v:textbox><w:txbxContent><w:p><w:r><w:t>Selesai</w:t></w:r></w:p></w:txbxContent>"
            "</v:textbox></v:shape>"
        )
    )
    arrows = flow_arrows(b)  # type: ignore[arg-type]
    # 1->2 and 3->4: polylines; 2->3: two lines, the second with the head; 3 Tidak: elbow
    for pts in (arrows[0], arrows[3]):
        points = ",".join(f"{x:g}pt,{y:g}pt" for x, y in pts)
        runs.append(
            _pict(
                f'<v:polyline style="{PAGE_ABS}" points="{points}" filled="f">'
                '<v:stroke endarrow="block"/></v:polyline>'
            )
        )
    a2 = arrows[1]
    for (fx, fy), (tx, ty), head in ((a2[0], a2[1], False), (a2[1], a2[2], True)):
        stroke = '<v:stroke endarrow="classic"/>' if head else ""
        runs.append(
            _pict(
                f'<v:line style="{PAGE_ABS}" from="{fx:g}pt,{fy:g}pt" to="{tx:g}pt,{ty:g}pt">'
                f"{stroke}</v:line>"
            )
        )
    # Tidak: an elbow connector (shapetype 34, formulas) from the decision's left corner
    # to the bottom of the process box, flipped both ways
    a3 = arrows[2]
    (ex, ey), (hx, hy) = a3[0], a3[-1]
    bx, by, bw, bh = min(ex, hx), min(ey, hy), abs(ex - hx), abs(ey - hy)
    runs.append(
        _pict(
            _vml_shapetype(34)
            + f'<v:shape id="c3" type="#_x0000_t34" o:connectortype="elbow" adj="10800" '
            f'style="{_vml_style(bx, by, bw, bh)};flip:x y" filled="f">'
            '<v:stroke endarrow="block"/></v:shape>'
        )
    )
    for text, (x0, y0, x1, y1) in label_boxes(b).items():  # type: ignore[arg-type]
        runs.append(
            _pict(
                (_vml_shapetype(202) if text == "Tidak" else "")
                + f'<v:shape type="#_x0000_t202" style="{_vml_style(x0, y0, x1 - x0, y1 - y0)}" '
                f'filled="f" stroked="f"><v:textbox inset="0,0,0,0"><w:txbxContent><w:p><w:r>'
                f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
            )
        )
    for run in runs:
        add_runs(p, run)
    procedure_table(doc, STEPS)
    save(doc, path)
    h = Harapan()
    _expect_flow(h, b, 1)
    # the elbow: tail at the decision's left corner, head at the process box's bottom
    h.panah[2] = (a3[0], a3[-1], "akhir", 1)
    # 2->3 is drawn as two lines: the first without a head
    h.panah[1] = (a2[1], a2[2], "akhir", 1)
    h.panah.append((a2[0], a2[1], "tidak_ada", 1))
    h.teks = {"S1": "Mulai", "S4": "Selesai"}  # type: ignore[attr-defined]
    return h


# ---------------------------------------------------------------- typed text, many pages

LONG_STEPS = [
    (
        f"Langkah {i + 1}" + ("\n1. Menerima berkas\n2. Mencatat di register" if i == 4 else ""),
        i % 3,
        "Berkas",
        "10 menit",
        "Berkas",
    )
    for i in range(14)
]
LONG_H = 40.0


def _typed_paragraph(cell: Any, lines: list[str]) -> None:
    """One paragraph, items typed with their numbers and separated by line breaks."""
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        run = p.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def style_typed_text(path: Path) -> Harapan:
    """(6) Sections typed by hand (numbers, line breaks), Word numbering and bullets, a nested
    table, and a procedure of 14 steps on landscape Legal that runs onto a second page with
    its header rows repeated; symbols anchored in the lane cells on both pages."""
    doc = new_document()
    s = doc.add_table(rows=2, cols=3)
    s.style = "Table Grid"
    s.cell(0, 0).text = "Dasar Hukum:"
    s.cell(0, 1).text = "Kualifikasi Pelaksana:"
    s.cell(0, 2).text = "Peralatan/Perlengkapan:"
    _typed_paragraph(
        s.cell(1, 0),
        [
            "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
            "2. Peraturan Menteri PAN RB Nomor 35 Tahun 2012;",
            "3. Peraturan Bupati Nomor 12 Tahun 2020.",
        ],
    )
    k = s.cell(1, 1)
    k.paragraphs[0].text = "Memahami tugas pokok dan fungsi"
    k.paragraphs[0].style = doc.styles["List Number"]
    k.add_paragraph("Menguasai komputer", style="List Number")
    q = s.cell(1, 2)
    q.paragraphs[0].text = "Komputer"
    q.paragraphs[0].style = doc.styles["List Bullet"]
    q.add_paragraph("Printer", style="List Bullet")
    doc.add_paragraph("Peringatan:")
    doc.add_paragraph("Pelayanan terhambat", style="List Number")
    doc.add_paragraph("Keluhan masyarakat", style="List Number")
    page_w = procedure_section(doc, legal=True)
    title(doc, "SOP PELAYANAN SURAT KETERANGAN")
    t = procedure_table(doc, LONG_STEPS, step_h=LONG_H)
    nested = t.cell(3, 8).add_table(rows=2, cols=2)
    nested.cell(0, 0).text = "Ya"
    nested.cell(0, 1).text = "ke 3"
    nested.cell(1, 0).text = "Tidak"
    nested.cell(1, 1).text = "ke 1"
    xs = col_x(page_w)
    pad = 57 / 20
    h = Harapan(tol=0.5)
    top = MARGIN + TITLE_H + 2 * HEADER_H
    per_page = int((612 - MARGIN - (MARGIN + TITLE_H + 2 * HEADER_H)) // LONG_H)
    for i, (_keg, lane, *_r) in enumerate(LONG_STEPS):
        kind = "terminator" if i in (0, len(LONG_STEPS) - 1) else "proses"
        prst = "flowChartTerminator" if kind == "terminator" else "rect"
        p = t.cell(2 + i, 2 + lane).paragraphs[0]
        off_x = (KOLOM[2 + lane] - 2 * pad - 50) / 2
        add_runs(
            p, anchor(wsp(prst, 50, 24), URI_WPS, 50, 24, off_x, 8, "column", "paragraph", True)
        )
        if i < per_page:
            page, table, row, y = 2, 2, 2 + i, top + LONG_H * i
        else:
            j = i - per_page
            page, table, row, y = 3, 3, 2 + j, MARGIN + 2 * HEADER_H + LONG_H * j
        x0 = xs[2 + lane] + pad + off_x
        h.simbol.append((kind, (x0, y + 8, x0 + 50, y + 32), page - 1, (table, row, 2 + lane)))
    save(doc, path)
    h.per_page = per_page  # type: ignore[attr-defined]
    return h


STYLES = {
    "anchored_page": style_anchored_page,
    "in_cells": style_in_cells,
    "group": style_group,
    "canvas": style_canvas,
    "canvas_vml_fallback": lambda path: style_canvas(path, fallback_only=True),
    "vml": style_vml,
    "typed_text": style_typed_text,
}
"""Every authoring style, by name."""


AUTO_TEXTS = [
    "Mulai",
    "Memeriksa kelengkapan berkas permohonan dan lampirannya sesuai dengan persyaratan "
    "yang berlaku di kecamatan",
    "Berkas lengkap?",
    "Menyusun konsep surat keterangan dan menyampaikan kepada kepala seksi untuk diparaf "
    "terlebih dahulu sebelum ditandatangani camat",
    "Menandatangani",
    "Selesai",
]


def style_auto_rows(path: Path, font: str, size: float) -> None:
    """Rows of automatic height (nothing but text decides them) in ``font`` at ``size`` pt."""
    doc, _page_w, _top = _base_doc()
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    title(doc, "SOP PELAYANAN")
    steps = [
        (
            text,
            i % 3,
            "Berkas permohonan lengkap dengan fotokopi KTP dan KK",
            "15 menit",
            "Surat keterangan yang sudah ditandatangani",
        )
        for i, text in enumerate(AUTO_TEXTS)
    ]
    t = procedure_table(doc, steps, exact=False, step_h=0)
    for row in t.rows[2:]:
        row.height = None
        row.height_rule = None
    save(doc, path)
