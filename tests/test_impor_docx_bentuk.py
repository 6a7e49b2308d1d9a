"""The DOCX reader, piece by piece: shapes told apart by geometry, pictures, notes, pages."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Pt
from lxml import etree
from tests import docx_fixtures as fx

from sopdoc.impor.bahan import Bahan, JenisSimbol
from sopdoc.impor.docx import baca_docx
from sopdoc.impor.docx.penomoran import Penomoran

J = JenisSimbol


def _doc_with_runs(tmp_path: Path, runs: list[str], name: str = "x.docx") -> Bahan:
    doc = Document()
    p = doc.add_paragraph()
    for run in runs:
        fx.add_runs(p, run)
    path = tmp_path / name
    doc.save(str(path))
    return baca_docx(path)


def _page_shape(geom: str, w: float, h: float, x: float = 100, y: float = 200, **kw: Any) -> str:
    return fx.anchor(fx.wsp(geom, w, h, **kw), fx.URI_WPS, w, h, x, y)


def _poly(points: list[tuple[float, float]], w: float, h: float) -> str:
    return fx.cust_path([(x * w, y * h) for x, y in points], w, h, closed=True)


def test_custom_geometry_classified_by_outline(tmp_path: Path) -> None:
    capsule = (
        '<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/>'
        '<a:pathLst><a:path w="762000" h="254000">'
        '<a:moveTo><a:pt x="127000" y="0"/></a:moveTo><a:lnTo><a:pt x="635000" y="0"/></a:lnTo>'
        '<a:arcTo wR="127000" hR="127000" stAng="16200000" swAng="10800000"/>'
        '<a:lnTo><a:pt x="127000" y="254000"/></a:lnTo>'
        '<a:arcTo wR="127000" hR="127000" stAng="5400000" swAng="10800000"/>'
        "<a:close/></a:path></a:pathLst></a:custGeom>"
    )
    runs = [
        _page_shape(_poly([(0.5, 0), (1, 0.5), (0.5, 1), (0, 0.5)], 60, 40), 60, 40, 100, 100),
        _page_shape(
            _poly([(0, 0), (1, 0), (1, 0.7), (0.5, 1), (0, 0.7)], 20, 18), 20, 18, 200, 100
        ),
        _page_shape(capsule, 60, 20, 300, 100),
        _page_shape(_poly([(0, 0), (1, 0), (1, 1), (0, 1)], 60, 30), 60, 30, 400, 100),
        # a square turned by 45 degrees is how many authors draw a decision
        _page_shape("rect", 30, 30, 100, 300, rot=45),
        _page_shape("ellipse", 60, 24, 200, 300),  # an elongated oval: a terminator
        _page_shape("ellipse", 20, 20, 300, 300),  # a circle: an on-page connector
        _page_shape("homePlate", 24, 16, 400, 300),
    ]
    bahan = _doc_with_runs(tmp_path, runs)
    got = sorted(bahan.simbol, key=lambda s: (s.kotak.y0, s.kotak.x0))
    assert [(s.jenis, s.bentuk) for s in got] == [
        (J.KEPUTUSAN, "custGeom:diamond"),
        (J.PENGHUBUNG, "custGeom:pentagon"),
        (J.TERMINATOR, "custGeom:rounded"),
        (J.PROSES, "custGeom:rectangle"),
        (J.KEPUTUSAN, "prstGeom:rect:rot45"),
        (J.TERMINATOR, "prstGeom:ellipse"),
        (J.PENGHUBUNG, "prstGeom:ellipse"),
        (J.PENGHUBUNG, "prstGeom:homePlate"),
    ]
    diamond = got[4]
    half = 30 * 2**0.5 / 2
    assert diamond.kotak.tengah == pytest.approx((115, 315))
    assert diamond.kotak.lebar == pytest.approx(2 * half, abs=0.01)
    assert got[5].yakin < 1.0  # an oval as terminator is a guess, said so


def test_vml_shapes_by_path_and_type(tmp_path: Path) -> None:
    st = fx._vml_style
    runs = [
        fx._pict(f'<v:oval style="{st(100, 100, 20, 20)}"/>'),
        fx._pict(
            f'<v:shape style="{st(200, 100, 60, 40)}" coordsize="100,100" '
            'path="m50,l100,50,50,100,,50xe"/>'
        ),
        # a shape type Word knows (177: off-page connector) whose path needs formulas
        fx._pict(
            '<v:shapetype id="_x0000_t177" coordsize="21600,21600" o:spt="177" '
            'path="m,l21600,r,@0l10800,21600,,@0xe"/>'
            f'<v:shape type="#_x0000_t177" style="{st(300, 100, 20, 18)}"/>'
        ),
        fx._pict(f'<v:rect style="{st(400, 100, 30, 30)};rotation:45"/>'),
        # a text box without border is a label; with a fill colour it is a symbol
        fx._pict(
            f'<v:shape type="#_x0000_t202" style="{st(100, 200, 30, 12)}" stroked="f" filled="f">'
            "<v:textbox><w:txbxContent><w:p><w:r><w:t>Y</w:t></w:r></w:p></w:txbxContent>"
            "</v:textbox></v:shape>"
        ),
        fx._pict(
            f'<v:rect style="{st(200, 200, 60, 30)}" stroked="f" fillcolor="#9cf">'
            "<v:textbox><w:txbxContent><w:p><w:r><w:t>Mencatat</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:rect>"
        ),
    ]
    bahan = _doc_with_runs(tmp_path, runs)
    got = sorted(bahan.simbol, key=lambda s: (s.kotak.y0 > 150, s.kotak.x0))
    assert [(s.jenis, s.bentuk) for s in got] == [
        (J.PENGHUBUNG, "vml:ellipse"),
        (J.KEPUTUSAN, "vml:path:diamond"),
        (J.PENGHUBUNG, "vml:flowChartOffpageConnector"),
        (J.KEPUTUSAN, "vml:rect:rot45"),
        (J.PROSES, "vml:rect"),
    ]
    assert got[-1].teks == "Mencatat"
    assert [(lab.teks, lab.kotak.x0, lab.kotak.y0) for lab in bahan.label] == [("Y", 100, 200)]


def test_text_box_over_an_empty_shape_gives_it_its_text(tmp_path: Path) -> None:
    runs = [
        _page_shape("flowChartProcess", 80, 40, 100, 100),
        _page_shape("rect", 70, 20, 105, 110, text="Memeriksa berkas", line=False),
        _page_shape("rect", 20, 10, 190, 100, text="Ya", line=False),
    ]
    bahan = _doc_with_runs(tmp_path, runs)
    assert [(s.jenis, s.teks) for s in bahan.simbol] == [(J.PROSES, "Memeriksa berkas")]
    assert [lab.teks for lab in bahan.label] == ["Ya"]


def _png(w: int, h: int) -> bytes:
    raw = b"".join(b"\0" + b"\xff\xff\xff" * w for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_pictures_logo_and_pasted_flowchart(tmp_path: Path) -> None:
    img = tmp_path / "logo.png"
    img.write_bytes(_png(4, 4))
    doc = fx.new_document()
    logo_cell = doc.tables[0].cell(0, 0)
    logo_cell.paragraphs[0].add_run().add_picture(str(img), width=Pt(50), height=Pt(50))
    fx.procedure_section(doc)
    t = fx.procedure_table(doc, fx.STEPS)
    # the flowchart pasted as one picture into the first lane cell of step 1
    t.cell(2, 2).paragraphs[0].add_run().add_picture(str(img), width=Pt(210), height=Pt(200))
    path = tmp_path / "gambar.docx"
    doc.save(str(path))
    bahan = baca_docx(path)
    assert len(bahan.gambar) == 2
    logo, chart = bahan.gambar
    assert logo.sel == (0, 0, 0) and logo.kotak is not None
    assert logo.kotak.lebar == pytest.approx(50) and logo.kotak.halaman == 0
    assert chart.sel == (1, 2, 2)
    # only the large picture is reported, with its page and place
    assert len(bahan.catatan) == 1
    note = bahan.catatan[0]
    assert note.halaman == 1
    assert "2" in note.pesan and "1" in note.pesan
    assert bahan.simbol == []


def test_smartart_and_chart_are_reported(tmp_path: Path) -> None:
    dgm = (
        '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'r:dm="rId90" r:lo="rId91" r:qs="rId92" r:cs="rId93"/>'
    )
    uri = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    bahan = _doc_with_runs(tmp_path, [fx.inline(dgm, uri, 300, 200)])
    assert len(bahan.catatan) == 1
    assert bahan.catatan[0].halaman == 0
    assert "relIds" in bahan.catatan[0].pesan


def test_header_and_footer_text_kept_apart(tmp_path: Path) -> None:
    doc = Document()
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "PEMERINTAH KABUPATEN CONTOH"
    sec.footer.paragraphs[0].text = "Dokumen ini ditandatangani secara elektronik"
    doc.add_paragraph("Isi")
    path = tmp_path / "kop.docx"
    doc.save(str(path))
    bahan = baca_docx(path)
    assert [p.teks for p in bahan.paragraf] == ["Isi"]
    assert sorted(p.teks for p in bahan.kepala_kaki) == [
        "Dokumen ini ditandatangani secara elektronik",
        "PEMERINTAH KABUPATEN CONTOH",
    ]


def test_pages_from_breaks_overflow_and_rendered_breaks(tmp_path: Path) -> None:
    # without Word's rendered breaks: 60 paragraphs of 12 pt overflow a Letter page
    doc = Document()
    for i in range(60):
        p = doc.add_paragraph(f"Baris {i + 1}")
        p.paragraph_format.space_after = Pt(0)
    doc.paragraphs[10].add_run().add_break(fx.WD_BREAK.PAGE)
    path = tmp_path / "a.docx"
    doc.save(str(path))
    bahan = baca_docx(path)
    pages = [p.kotak.halaman for p in bahan.paragraf if p.kotak]
    assert pages[:11] == [0] * 11  # the break comes after the text of paragraph 11
    assert pages[11] == 1
    assert pages == sorted(pages) and pages[-1] == 2  # the rest overflows once more
    # with them (a file Word saved): Word's breaks are trusted, no estimate adds any
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    doc = Document()
    for i in range(60):
        p = doc.add_paragraph()
        if i in (20, 45):
            p._p.append(etree.fromstring(f'<w:r xmlns:w="{w}"><w:lastRenderedPageBreak/></w:r>'))
        p.add_run(f"Baris {i + 1}")
    path = tmp_path / "b.docx"
    doc.save(str(path))
    bahan = baca_docx(path)
    pages = [p.kotak.halaman for p in bahan.paragraf if p.kotak]
    assert pages == [0] * 20 + [1] * 25 + [2] * 15


def test_numbering_formats_and_levels() -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = f"""<w:numbering xmlns:w="{w}">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
          <w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
          <w:lvlText w:val="%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
          <w:lvlText w:val="%1.%3"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"""
    n = Penomoran(etree.fromstring(xml.encode()))
    seq = [("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1), ("1", 2), ("2", 0), ("3", 0), ("9", 0)]
    assert [n.penanda(i, lvl) for i, lvl in seq] == [
        "I.",
        "a)",
        "b)",
        "II.",
        "a)",
        "II.1",
        "•",
        "I.",  # a new list instance restarting the same list
        None,  # a list the file does not define
    ]


def test_rendered_breaks_inside_a_table(tmp_path: Path) -> None:
    """A file Word saved: a row Word broke over a page, a row Word put on a new page."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    brk = f'<w:r xmlns:w="{w}"><w:lastRenderedPageBreak/></w:r>'
    doc = fx.new_document()
    fx.procedure_section(doc)
    t = fx.procedure_table(doc, fx.STEPS + fx.STEPS[:2], exact=False)
    cell = t.cell(4, 1)  # step 3: its second paragraph was printed on the next page
    p = cell.add_paragraph()
    p._p.append(etree.fromstring(brk))
    p.add_run("lanjutan teks")
    first = t.cell(6, 0).paragraphs[0]  # step 5 starts a page
    first._p.insert(0, etree.fromstring(brk))
    path = tmp_path / "render.docx"
    doc.save(str(path))
    bahan = baca_docx(path)
    parts = bahan.tabel[1:]
    assert [t.kotak.halaman for t in parts if t.kotak] == [1, 2, 3]
    assert [r[0].teks for r in parts[0].baris[2:]] == ["1", "2", "3"]
    # page 2: the header again, the rest of step 3 (continued cells), step 4
    assert [r[0].teks for r in parts[1].baris[:1]] == ["No"]
    assert all(c.lanjutan for c in parts[1].baris[2])
    assert [r[0].teks for r in parts[1].baris[3:]] == ["4"]
    assert [r[0].teks for r in parts[2].baris[2:]] == ["5", "6"]
    assert parts[0].baris[4][1].paragraf == ["Berkas lengkap?", "lanjutan teks"]


def test_embedded_object_reported_once(tmp_path: Path) -> None:
    ole = (
        f"<w:r {fx.NSDECL} "
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:object w:dxaOrig="6000" w:dyaOrig="4000">'
        '<v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:300pt;height:200pt" o:ole="">'
        '<v:imagedata r:id="rId99" o:title="Bagan alir"/></v:shape>'
        '<o:OLEObject Type="Embed" ProgID="Visio.Drawing.15" ShapeID="_x0000_i1025" '
        'DrawAspect="Content" ObjectID="_1" r:id="rId98"/></w:object></w:r>'
    )
    bahan = _doc_with_runs(tmp_path, [ole])
    assert len(bahan.catatan) == 1 and "Visio" in bahan.catatan[0].pesan
    assert [(g.nama, g.kotak.lebar if g.kotak else None) for g in bahan.gambar] == [
        ("Bagan alir", 300.0)
    ]


def test_strict_open_xml_is_refused_clearly(tmp_path: Path) -> None:
    import zipfile

    from sopdoc.impor.bahan import BahanTidakTerbaca

    path = tmp_path / "strict.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">'
            "<w:body><w:p/></w:body></w:document>",
        )
    with pytest.raises(BahanTidakTerbaca, match=r"strict\.docx"):
        baca_docx(path)


def test_continuous_section_on_other_paper_starts_a_page(tmp_path: Path) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    doc = Document()
    doc.add_paragraph("Identitas")
    sec = doc.add_section(WD_SECTION.CONTINUOUS)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Pt(842), Pt(595)
    doc.add_paragraph("Prosedur")
    sec = doc.add_section(WD_SECTION.CONTINUOUS)  # same paper: stays on the page
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Pt(842), Pt(595)
    doc.add_paragraph("Lanjutan")
    path = tmp_path / "bagian.docx"
    doc.save(str(path))
    bahan = baca_docx(path)
    assert [(p.teks, p.kotak.halaman) for p in bahan.paragraf if p.kotak] == [
        ("Identitas", 0),
        ("Prosedur", 1),
        ("Lanjutan", 1),
    ]
    assert bahan.ukuran_halaman == [(612.0, 792.0), (842.0, 595.0)]


def test_connector_presets_adjust_values_flips_and_rotation() -> None:
    from sopdoc.impor.docx.geometri import titik_konektor, ubah_titik

    assert titik_konektor("bentConnector3", 100, 40, [25000]) == [
        (0, 0),
        (25.0, 0),
        (25.0, 40),
        (100, 40),
    ]
    assert titik_konektor("bentConnector4", 100, 40, [50000, 150000]) == [
        (0, 0),
        (50.0, 0),
        (50.0, 60.0),
        (100, 60.0),
        (100, 40),
    ]
    five = titik_konektor("bentConnector5", 100, 40, [])
    assert five[0] == (0, 0) and five[-1] == (100, 40) and len(five) == 6
    line = titik_konektor("straightConnector1", 30, 0, [])
    # flipped both ways: from the bottom right to the top left of the box at (10, 20)
    pts = ubah_titik(titik_konektor("line", 30, 40, []), 10, 20, 30, 40, 0, True, True)
    assert pts == [(40, 60), (10, 20)]
    # turned a quarter clockwise about its centre: a horizontal line becomes vertical
    pts = ubah_titik(line, 0, 0, 30, 0, 90)
    assert [(round(x, 6), round(y, 6)) for x, y in pts] == [(15, -15), (15, 15)]


def test_branch_labels_in_a_decisions_box_stay_labels(tmp_path: Path) -> None:
    runs = [
        _page_shape("flowChartDecision", 60, 40, 100, 100),
        # "Ya" in the empty top-left corner of the decision's box, a phrase over the diamond
        _page_shape("rect", 14, 8, 101, 101, text="Ya", line=False),
        _page_shape("flowChartDecision", 60, 40, 300, 100),
        _page_shape("rect", 40, 10, 310, 115, text="Sah?", line=False),
    ]
    bahan = _doc_with_runs(tmp_path, runs)
    assert sorted(s.teks for s in bahan.simbol) == ["", "Sah?"]
    assert [lab.teks for lab in bahan.label] == ["Ya"]
