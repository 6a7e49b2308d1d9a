"""The SVG painter and the render API: the SVG drawn from the same layout as the DOCX.

The DOCX is read back from its XML (tests/docx_reader.py, independent of the layout
code) and the SVG with lxml; both must show the same lanes, the same symbols of the
same kinds in the same order, and the same arrows.
"""

from __future__ import annotations

import ast
import io
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

import sopdoc
from docx_reader import read
from sopdoc import Sop
from sopdoc.layout import layout_prosedur
from sopgen import long_sop

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs" / "kecamatan-kebasen"
SVG = "{http://www.w3.org/2000/svg}"
KIND_OF_SHAPE = {
    "Terminator": "terminator",
    "Proses": "proses",
    "Keputusan": "keputusan",
    "Penghubung": "penghubung",
}
ARROW_OF_SHAPE = {"Panah": "next", "Panah Tidak": "tidak", "Garis Bersama": "join"}

SOPS = {
    "010": sopdoc.load(SPECS / "010-pengukuran-data-kinerja.yaml"),
    "011": sopdoc.load(SPECS / "011-pengumpulan-data-kinerja.yaml"),
    "long": long_sop(),
    "long-F4": long_sop("F4"),
}


def _parse(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


def _pages(svg_text: str) -> list[etree._Element]:
    root = _parse(svg_text)
    return [root] if root.get("class") == "sopdoc-alur" else root.findall(f"{SVG}svg")


def _symbols(page: etree._Element) -> list[tuple[str, int, tuple[float, ...]]]:
    out = []
    for g in page.iter(f"{SVG}g"):
        if "simbol" not in (g.get("class") or "").split():
            continue
        shape = g[1]
        if shape.tag == f"{SVG}rect":
            box = tuple(float(shape.get(k)) for k in ("x", "y", "width", "height"))
        else:
            pts = [tuple(map(float, p.split(","))) for p in shape.get("points").split()]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            box = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        out.append((g.get("data-kind"), int(g.get("data-step")), box))
    return out


def _arrows(page: etree._Element) -> list[tuple[str, int, int, list[tuple[float, float]]]]:
    out = []
    for g in page.iter(f"{SVG}g"):
        if "panah" not in (g.get("class") or "").split():
            continue
        d = g.find(f"{SVG}path").get("d")
        pts = [tuple(map(float, part.split())) for part in d[1:].split("L")]
        end = g.get("data-end")
        if end:  # the line stops under the arrowhead; the tip is the arrow's end
            pts[-1] = tuple(map(float, end.split(",")))
        out.append((g.get("data-kind"), int(g.get("data-source")), int(g.get("data-target")), pts))
    return out


def _docx_symbols(page) -> list[tuple[str, int, object]]:  # type: ignore[no-untyped-def]
    """(kind, step, shape) of the symbols of a DOCX page ('Proses langkah-3 1012')."""
    out = []
    for s in page.shapes:
        first = s.name.split()[0]
        if s.preset and first in KIND_OF_SHAPE:
            out.append((KIND_OF_SHAPE[first], int(s.name.split("langkah-")[1].split()[0]), s))
    return out


def _docx_arrows(page) -> list[tuple[str, int, int, list[tuple[float, float]]]]:  # type: ignore[no-untyped-def]
    """(kind, source, target, points) of the arrows of a DOCX page ('Panah Tidak 6-5 1020')."""
    out = []
    for s in page.shapes:
        if s.preset is None:
            kind_name, numbers = s.name.rsplit(" ", 2)[:2]
            src, dst = (int(v) for v in numbers.split("-"))
            out.append((ARROW_OF_SHAPE[kind_name], src, dst, s.points))
    return out


def _docx_pages(sop: Sop, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "sop.docx"
    sopdoc.build_docx(sop, path)
    return read(path)[1]


@pytest.mark.parametrize("key", list(SOPS))
def test_paged_svg_is_the_docx_drawing(key: str, tmp_path: Path) -> None:
    """Page by page: the same symbols at the same places, the same arrows on the same paths."""
    sop = SOPS[key]
    docx_pages = _docx_pages(sop, tmp_path)
    svg_pages = _pages(sopdoc.render_svg(sop, paged=True))
    assert len(svg_pages) == len(docx_pages)
    for dp, sp in zip(docx_pages, svg_pages, strict=True):
        want = _docx_symbols(dp)
        got = _symbols(sp)
        assert [(k, step) for k, step, _ in got] == [(k, step) for k, step, _ in want]
        for (_, _, box), (_, _, shape) in zip(got, want, strict=True):
            assert box == pytest.approx((shape.x, shape.y, shape.w, shape.h), abs=0.06)
        docx_arrows = _docx_arrows(dp)
        svg_arrows = _arrows(sp)
        assert Counter(a[:3] for a in svg_arrows) == Counter(a[:3] for a in docx_arrows)
        for mine, theirs in zip(sorted(svg_arrows), sorted(docx_arrows), strict=True):
            flat = [v for point in mine[3] for v in point]
            assert flat == pytest.approx([v for point in theirs[3] for v in point], abs=0.06)
        # the lanes: same columns as the DOCX grid (lane i is grid column 2 + i)
        lanes = [r for r in sp.iter(f"{SVG}rect") if r.get("class") == "lajur"]
        assert len(lanes) == len(sop.pelaksana)
        for i, rect in enumerate(lanes):
            assert float(rect.get("x")) == pytest.approx(dp.col_x[2 + i], abs=0.06)
            assert float(rect.get("width")) == pytest.approx(
                dp.col_x[3 + i] - dp.col_x[2 + i], abs=0.06
            )
        texts = "".join(sp.itertext())
        for lane in sop.pelaksana.values():  # the lane titles, as real text
            assert lane.upper().split()[0] in texts


@pytest.mark.parametrize("key", list(SOPS))
def test_continuous_svg_has_the_docx_flow(key: str, tmp_path: Path) -> None:
    """One page, no off-page connectors; same lanes, symbol kinds in order, same arrows."""
    sop = SOPS[key]
    docx_pages = _docx_pages(sop, tmp_path)
    (page,) = _pages(sopdoc.render_svg(sop))
    docx_symbols = [
        (kind, step)
        for p in docx_pages
        for kind, step, _ in _docx_symbols(p)
        if kind != "penghubung"
    ]
    got = [(k, step) for k, step, _ in _symbols(page)]
    assert got == docx_symbols
    assert "penghubung" not in {k for k, _ in got}
    docx_flow = {(k, f"{a}-{b}") for p in docx_pages for k, a, b, _ in _docx_arrows(p)}
    svg_flow = {(k, f"{a}-{b}") for k, a, b, _ in _arrows(page)}
    assert svg_flow == docx_flow
    lanes = [r.get("data-lane") for r in page.iter(f"{SVG}rect") if r.get("class") == "lajur"]
    assert lanes == [str(i) for i in range(len(sop.pelaksana))]
    rows = [int(r.get("data-step")) for r in page.iter(f"{SVG}rect") if r.get("class") == "baris"]
    assert rows == list(range(1, len(sop.kegiatan) + 1))


def test_svg_is_accessible_and_scales() -> None:
    sop = SOPS["010"]
    root = _parse(sopdoc.render_svg(sop))
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    found = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert found[ids[0]].tag == f"{SVG}title" and "Pengukuran Data Kinerja" in found[ids[0]].text
    desc = found[ids[1]].text
    assert "Camat" in desc and "Menelaah Surat Bupati" in desc
    # the decision of step 7 is told in words: back to step 5 when not approved
    assert "7" in desc and "5" in desc
    _, _, w, h = (float(v) for v in root.get("viewBox").split())
    assert w > 0 and h > 0
    for g in root.iter(f"{SVG}g"):
        if "simbol" in (g.get("class") or "").split():
            title = g.find(f"{SVG}title").text
            step = int(g.get("data-step"))
            assert title.endswith(sop.kegiatan[step - 1].aktivitas)


def test_continuous_layout_keeps_paper_geometry() -> None:
    """paged=False: the same columns and row heights, only without page breaks."""
    sop = SOPS["long"]
    paged = layout_prosedur(sop)
    flat = layout_prosedur(sop, paged=False)
    assert len(paged.pages) > 1 and len(flat.pages) == 1
    assert flat.columns == paged.columns
    assert flat.connectors == 0
    flat_rows = {r.step: r.height for r in flat.pages[0].rows}
    for page in paged.pages:
        for r in page.rows[1:-1]:  # rows beside a page break keep room for a connector
            assert flat_rows[r.step] == r.height


def test_render_html_is_a_whole_page() -> None:
    sop = SOPS["011"]
    page = sopdoc.render_html(sop)
    doc = etree.HTML(page)
    assert doc.find(".//h1").text == sop.nama
    headings = [h.text for h in doc.iter("h3")]
    for section in (
        "Dasar Hukum",
        "Kualifikasi Pelaksana",
        "Keterkaitan",
        "Peralatan/Perlengkapan",
        "Peringatan",
        "Pencatatan dan Pendataan",
    ):
        assert section in headings
    rows = doc.findall(".//table[@class='langkah kartu']/tbody/tr")
    assert len(rows) == len(sop.kegiatan)
    assert rows[0].find("th").get("scope") == "row"
    assert doc.find(".//figure[@class='alur']") is not None
    printed = doc.findall(".//section[@class='cetak']/*")
    assert len([el for el in printed if el.tag == "svg"]) == len(layout_prosedur(sop).pages)
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def test_render_docx_is_the_built_file(tmp_path: Path) -> None:
    from docx import Document

    sop = SOPS["010"]
    data = sopdoc.render_docx(sop)
    sopdoc.build_docx(sop, tmp_path / "a.docx")
    assert data == (tmp_path / "a.docx").read_bytes()
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any(sop.nomor in text for text in cells)


def test_examples_are_three_line_views() -> None:
    for name in ("django_views.py", "fastapi_app.py"):
        tree = ast.parse((ROOT / "examples" / "web" / name).read_text(encoding="utf-8"))
        views = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
        assert views
        for fn in views:
            assert len(fn.body) <= 3, fn.name
            assert "render_" in ast.unparse(fn)


def test_render_pdf_from_threads_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two requests at once: two whole PDFs, and the temporary folder is empty after."""
    import tempfile
    from concurrent.futures import ThreadPoolExecutor

    from pypdf import PdfReader

    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    sops = [SOPS["010"], SOPS["011"]]
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(sopdoc.render_pdf, sops))
    for sop, data in zip(sops, pdfs, strict=True):
        assert data.startswith(b"%PDF")
        reader = PdfReader(io.BytesIO(data), strict=True)
        assert len(reader.pages) >= 2
        assert sop.nomor.split("/")[1].strip() in "".join(p.extract_text() for p in reader.pages)
    assert list(private.iterdir()) == []
