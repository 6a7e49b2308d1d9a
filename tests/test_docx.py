"""The generated DOCX, read back from its XML: fields in their cells, the flowchart's shapes."""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from docx import Document

import sopdoc
from docx_reader import ProcPage, Shape, hits, read, segments
from sopdoc import Sop, SpecLoadError, build_docx
from sopdoc.docx import tanggal_indonesia
from sopdoc.layout import layout_prosedur
from sopdoc.layout.judul import judul_prosedur
from sopgen import base, long_sop

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs" / "kecamatan-kebasen"
SEEDS = ["010-pengukuran-data-kinerja.yaml", "011-pengumpulan-data-kinerja.yaml"]

KIND = {
    "terminator": "flowChartTerminator",
    "process": "flowChartProcess",
    "decision": "flowChartDecision",
}


def expected_kind(sop: Sop, i: int) -> str:
    if sop.kegiatan[i].jika_tidak is not None:
        return "decision"
    return "terminator" if i in (0, len(sop.kegiatan) - 1) else "process"


def _step(shape: Shape) -> int:
    return int(shape.name.split("langkah-")[1].split()[0])


def _column(page: ProcPage, shape: Shape) -> int | None:
    """The grid column the shape lies in, or None when it crosses a column line."""
    for c in range(len(page.col_x) - 1):
        if page.col_x[c] - 0.01 <= shape.x and shape.right <= page.col_x[c + 1] + 0.01:
            return c
    return None


def check_document(sop: Sop, path: Path) -> list[ProcPage]:
    """Every assertion the issue asks of a procedure: cells, symbols, arrows, pages."""
    _, pages = read(path)
    n_lanes = len(sop.pelaksana)
    lane_ids = list(sop.pelaksana)
    seen: list[int] = []
    lanes_drawn: dict[int, list[int]] = defaultdict(list)
    arrows: dict[str, list[int]] = defaultdict(list)
    connectors: dict[str, list[int]] = defaultdict(list)
    for p, page in enumerate(pages):
        # the three header rows on every page
        assert page.header_rows == 3
        head = [c.replace("\n", " ") for c in page.cells[0]]
        assert head == ["NO", "AKTIVITAS", "PELAKSANA", "MUTU BAKU", "KETERANGAN"]
        labels = [c.replace("\n", " ") for c in page.cells[1][2 : 2 + n_lanes]]
        assert labels == [v.upper() for v in sop.pelaksana.values()]
        assert page.cells[1][2 + n_lanes : 5 + n_lanes] == ["KELENGKAPAN", "WAKTU", "OUTPUT"]
        assert page.cells[2] == [str(i) for i in range(1, n_lanes + 7)]
        assert page.title == " ".join(judul_prosedur(sop).split())
        rows: dict[int, tuple[float, float]] = {}
        for r, cells in enumerate(page.cells[3:]):
            number = int(cells[0])
            k = sop.kegiatan[number - 1]
            assert cells[1] == k.aktivitas
            assert all(c == "" for c in cells[2 : 2 + n_lanes])
            assert cells[2 + n_lanes] == (k.kelengkapan or "")
            assert cells[3 + n_lanes] == (k.waktu.teks if k.waktu else "")
            assert cells[4 + n_lanes] == (k.output or "")
            assert cells[5 + n_lanes] == (k.keterangan or "")
            rows[number] = (page.row_y[3 + r], page.row_y[4 + r])
            seen.append(number)
        body_top, body_bottom = page.row_y[3], page.row_y[-1]
        boxes = [s for s in page.shapes if s.preset and s.preset != "rect"]
        symbols = [s for s in boxes if s.preset != "flowChartOffpageConnector"]
        for s in symbols:
            step = _step(s)
            assert s.preset == KIND[expected_kind(sop, step - 1)], s.name
            top, bottom = rows[step]
            assert top <= s.y and s.bottom <= bottom, f"{s.name} leaves its row"
            col = _column(page, s)
            assert col is not None, f"{s.name} crosses a column line"
            lane = col - 2
            assert 0 <= lane < n_lanes
            assert lane_ids[lane] in sop.kegiatan[step - 1].pelaksana_ids
            assert abs(s.cx - (page.col_x[col] + page.col_x[col + 1]) / 2) < 0.1, "centred"
            lanes_drawn[step].append(lane)
        for s in boxes:
            if s.preset == "flowChartOffpageConnector":
                connectors[s.text].append(p)
                col = _column(page, s)
                assert col is not None and 2 <= col < 2 + n_lanes, "a connector stays in a lane"
            assert body_top <= s.y and s.bottom <= body_bottom
        # nothing overlaps: symbols, connectors, labels
        solids = boxes + [s for s in page.shapes if s.preset == "rect"]
        for i, a in enumerate(solids):
            for b in solids[i + 1 :]:
                assert not a.overlaps(b), f"{a.name} overlaps {b.name}"
        for s in page.shapes:
            if s.preset is not None:
                continue
            if s.head:
                arrows[s.name.rsplit(" ", 1)[0]].append(p)
            segs = segments(s)
            assert all(a[0] == b[0] or abs(a[1] - b[1]) < 0.01 for a, b in segs), "right angles"
            for k, (a, b) in enumerate(segs):
                for box in solids:
                    at_start = k == 0 and _touches(box, a)
                    at_end = k == len(segs) - 1 and _touches(box, b)
                    if not (at_start or at_end):
                        assert not hits(box, a, b), f"{s.name} crosses {box.name}"
    # every step once, in order; one symbol per step and lane
    assert seen == list(range(1, len(sop.kegiatan) + 1))
    for i, k in enumerate(sop.kegiatan):
        expected = sorted(lane_ids.index(x) for x in k.pelaksana_ids)
        assert sorted(lanes_drawn[i + 1]) == expected
    # one arrow per flow edge, or two through a numbered pair of connectors
    for i in range(1, len(sop.kegiatan)):
        on = arrows.pop(f"Panah {i}-{i + 1}")
        assert len(on) in (1, 2)
        if len(on) == 2:
            assert on[0] != on[1]
    for i, k in enumerate(sop.kegiatan):
        if k.jika_tidak is not None:
            t = sop.langkah(k.jika_tidak)
            assert t is not None
            on = arrows.pop(f"Panah Tidak {i + 1}-{t + 1}")
            assert len(on) in (1, 2)
    assert not arrows, f"arrows of no flow edge: {sorted(arrows)}"
    for number, on_pages in connectors.items():
        assert len(on_pages) == 2 and on_pages[0] != on_pages[1], f"connector {number}"
    return pages


def _touches(box: Shape, p: tuple[float, float]) -> bool:
    e = 0.1
    return box.x - e <= p[0] <= box.right + e and box.y - e <= p[1] <= box.bottom + e


@pytest.mark.parametrize("name", SEEDS)
def test_kebasen_procedure_and_flowchart(tmp_path: Path, name: str) -> None:
    sop = sopdoc.load(SPECS / name)
    out = build_docx(sop, tmp_path / "sop.docx")
    pages = check_document(sop, out)
    # both fit on one page: 011 with its signature block under the table; 010's nine rows
    # fill the page, and its signature block, which does not fit under them, takes the
    # next page (a step goes to a new page only when its own row does not fit)
    assert len(pages) == 1
    assert layout_prosedur(sop).closing_new_page == (name == SEEDS[0])
    labels = sorted(s.text for p in pages for s in p.shapes if s.preset == "rect")
    assert labels == ["Tidak", "Tidak", "Ya", "Ya"]


def test_kebasen_identity_page(tmp_path: Path) -> None:
    sop = sopdoc.load(SPECS / SEEDS[0])
    doc = Document(str(build_docx(sop, tmp_path / "sop.docx")))
    ident = doc.tables[0]
    values = {row.cells[1].text: row.cells[2].text for row in ident.rows}
    assert values["Nomor SOP"] == "PK. KEC. KBS / 010 / I / 2024"
    assert values["Tanggal Pembuatan"] == "9 Januari 2024"
    assert values["Tanggal Revisi"] == "-"
    assert values["Tanggal Efektif"] == "-"
    assert values["Nama SOP"] == "PENGUKURAN DATA KINERJA"
    signed = [line for line in values["Disahkan oleh"].split("\n") if line]
    assert signed == [
        "CAMAT KEBASEN",
        "WAHYU ADHI FIBRIANTO, S.STP., M.A.P",
        "Pembina Tk. I",
        "NIP. 19780220 199612 1 001",
    ]
    kop = [line for line in ident.rows[0].cells[0].text.split("\n") if line]
    assert kop == ["PEMERINTAH KABUPATEN BANYUMAS", "KECAMATAN KEBASEN"]
    sections = doc.tables[1]
    heads = [c.text for row in sections.rows[::2] for c in row.cells]
    assert heads == [
        "Dasar Hukum:",
        "Kualifikasi Pelaksana:",
        "Keterkaitan:",
        "Peralatan/Perlengkapan:",
        "Peringatan:",
        "Pencatatan dan Pendataan:",
    ]

    def items(cell: object) -> list[str]:
        return [p.text for p in cell.paragraphs if p.text]  # type: ignore[attr-defined]

    body = sections.rows
    assert items(body[1].cells[0]) == [f"{i}.\t{t}" for i, t in enumerate(sop.dasar_hukum, 1)]
    assert items(body[1].cells[1]) == [
        f"{i}.\t{t}" for i, t in enumerate(sop.kualifikasi_pelaksana, 1)
    ]
    assert items(body[3].cells[0]) == [f"{i}.\t{t}" for i, t in enumerate(sop.keterkaitan, 1)]
    assert items(body[3].cells[1]) == [
        f"{i}.\t{t}" for i, t in enumerate(sop.peralatan_perlengkapan, 1)
    ]
    assert items(body[5].cells[0]) == [sop.peringatan]
    assert items(body[5].cells[1]) == [f"•\t{t}" for t in sop.pencatatan_pendataan]
    # the signature block under the procedure
    closing = [line for line in doc.tables[-1].rows[0].cells[1].text.split("\n") if line]
    assert closing == signed


def test_long_sop_paginates_with_connectors(tmp_path: Path) -> None:
    sop = long_sop()
    out = build_docx(sop, tmp_path / "long.docx")
    pages = check_document(sop, out)
    assert len(pages) >= 3
    layout = layout_prosedur(sop)
    assert len(pages) == len(layout.pages)
    # every page's rows end above the bottom margin: no row can be pushed to the next page
    bottom = layout.page_height - layout.style.margin_bottom
    assert all(page.row_y[-1] <= bottom for page in pages)
    numbers = sorted(
        {s.text for page in pages for s in page.shapes if s.preset == "flowChartOffpageConnector"},
        key=int,
    )
    assert numbers == [str(i) for i in range(1, len(numbers) + 1)]
    # the flow breaks once per page boundary; a 'Tidak' to another page needs its own pair
    page_of = {int(cells[0]): p for p, page in enumerate(pages) for cells in page.cells[3:]}
    decisions = {10: 7, 21: 4}
    across = sum(1 for d, t in decisions.items() if page_of[d] != page_of[t])
    assert across >= 1
    assert len(numbers) == (len(pages) - 1) + across


def test_multi_lane_step_gets_a_symbol_in_each_lane(tmp_path: Path) -> None:
    data = base()
    data["kegiatan"][1]["pelaksana"] = ["camat", "pengelola"]
    sop = Sop.model_validate(data)
    pages = check_document(sop, build_docx(sop, tmp_path / "m.docx"))
    joins = [s for s in pages[0].shapes if s.name.startswith("Garis Bersama")]
    assert len(joins) == 1 and not joins[0].head


def test_text_is_text(tmp_path: Path) -> None:
    tricky = 'A & B <c> "d" {{ nomor }} {% if x %} 中文 ä ✓'
    data = base(
        dasar_hukum=[tricky],
        peringatan=tricky,
        unit=tricky,
        nomor="X / 1 / " + tricky,
    )
    data["kegiatan"][1]["aktivitas"] = tricky
    data["kegiatan"][1]["keterangan"] = tricky
    data["pelaksana"]["sekcam"] = "Sekcam & <Staf>"
    sop = Sop.model_validate(data)
    out = build_docx(sop, tmp_path / "t.docx")
    doc = Document(str(out))
    texts = [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    assert f"1.\t{tricky}" in texts
    assert tricky in texts
    assert "X / 1 / " + tricky in texts
    assert "SEKCAM & <STAF>" in [t.replace("\n", " ") for t in texts]
    check_document(sop, out)


def test_control_characters_are_refused(tmp_path: Path) -> None:
    data = base()
    data["kegiatan"][2]["output"] = "Arsip\x07"
    sop = Sop.model_validate(data)
    with pytest.raises(SpecLoadError) as exc:
        build_docx(sop, tmp_path / "bad.docx")
    assert "U+0007" in str(exc.value)
    assert "kegiatan[3].output" in str(exc.value)
    assert list(tmp_path.iterdir()) == []


def test_bad_flow_references_name_their_place(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    (tmp_path / "sopdoc.yaml").write_bytes((SPECS / "sopdoc.yaml").read_bytes())
    path.write_text(
        (SPECS / SEEDS[0])
        .read_text(encoding="utf-8")
        .replace("jika_tidak: 5", "jika_tidak: 50", 1),
        encoding="utf-8",
    )
    sop = sopdoc.load(path)
    with pytest.raises(SpecLoadError) as exc:
        build_docx(sop, tmp_path / "x.docx")
    err = exc.value.errors[0]
    assert err.path == "kegiatan[6].jika_tidak"
    assert err.location.line > 1
    assert not list(tmp_path.glob("*.docx"))


def test_reproducible_bytes_and_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sop = sopdoc.load(SPECS / SEEDS[1])
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a = build_docx(sop, tmp_path / "a.docx").read_bytes()
    b = build_docx(sop, tmp_path / "b.docx").read_bytes()
    assert a == b
    with zipfile.ZipFile(tmp_path / "a.docx") as z:
        core = z.read("docProps/core.xml").decode()
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())
    assert "2024-01-09T00:00:00Z" in core
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    c = build_docx(sop, tmp_path / "c.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "c.docx") as z:
        assert "2023-11-14T22:13:20Z" in z.read("docProps/core.xml").decode()
    assert c != a


@pytest.mark.parametrize(("kertas", "size"), [("A4", (16838, 11906)), ("F4", (18709, 12189))])
def test_paper_sizes(tmp_path: Path, kertas: str, size: tuple[int, int]) -> None:
    sop = Sop.model_validate(base(kertas=kertas))
    out = build_docx(sop, tmp_path / "p.docx")
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    found = re.findall(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"( w:orient="landscape")?', xml)
    assert [(int(a), int(b)) for a, b, _ in found] == [size, size]
    assert all(orient for *_, orient in found)


def test_indonesian_dates() -> None:
    from datetime import date

    assert tanggal_indonesia(date(2024, 1, 9)) == "9 Januari 2024"
    assert tanggal_indonesia(date(2023, 12, 31)) == "31 Desember 2023"
    assert tanggal_indonesia(None) == "-"


def test_template_is_reproducible(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "sop-ap.docx"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_template.py"), str(out)], check=True
    )
    assert out.read_bytes() == (ROOT / "templates" / "sop-ap.docx").read_bytes()


def _png(path: Path, size: int = 16) -> Path:
    """A small real PNG (a grey square), written without an imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80" * size for _ in range(size))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    path.write_bytes(png)
    return path


def test_logo_in_the_letterhead(tmp_path: Path) -> None:
    logo = _png(tmp_path / "logo.png")
    sop = Sop.model_validate(base(logo=str(logo)))
    out = build_docx(sop, tmp_path / "logo.docx")
    with zipfile.ZipFile(out) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(media) == 1 and z.read(media[0]) == logo.read_bytes()
    doc = Document(str(out))
    kop_cell = doc.tables[0].rows[0].cells[0]
    assert kop_cell._tc.xpath(".//pic:pic")  # the picture sits in the letterhead cell
    missing = Sop.model_validate(base(logo=str(tmp_path / "nope.png")))
    with pytest.raises(SpecLoadError, match="berkas logo tidak ditemukan"):
        build_docx(missing, tmp_path / "x.docx")
