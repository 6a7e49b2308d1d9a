"""The DOCX reader on sopdoc's own documents: every box it reads is where the layout put it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from tests.sopgen import base, long_sop

from sopdoc import Sop
from sopdoc.docx import build_docx
from sopdoc.impor.bahan import BahanTidakTerbaca, JenisSimbol, Kotak
from sopdoc.impor.docx import baca_docx
from sopdoc.layout import SymbolKind, layout_prosedur

JENIS = {
    SymbolKind.TERMINATOR: JenisSimbol.TERMINATOR,
    SymbolKind.PROCESS: JenisSimbol.PROSES,
    SymbolKind.DECISION: JenisSimbol.KEPUTUSAN,
    SymbolKind.CONNECTOR: JenisSimbol.PENGHUBUNG,
}


def _dekat(a: Kotak, x: float, y: float, w: float, h: float, tol: float = 0.06) -> bool:
    return (
        abs(a.x0 - x) <= tol
        and abs(a.y0 - y) <= tol
        and abs(a.x1 - (x + w)) <= tol
        and abs(a.y1 - (y + h)) <= tol
    )


@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_sopdoc_docx_read_exactly(tmp_path: Path, kertas: str) -> None:
    sop = long_sop(kertas)
    layout = layout_prosedur(sop)
    path = build_docx(sop, tmp_path / "sop.docx")
    bahan = baca_docx(path)

    # one page size per page, the procedure pages landscape at the layout's paper
    assert (layout.page_width, layout.page_height) in [
        (round(w, 2), round(h, 2)) for w, h in bahan.ukuran_halaman
    ]
    first = min(s.kotak.halaman for s in bahan.simbol)
    assert len(bahan.simbol) == sum(len(p.symbols) for p in layout.pages)
    for page in layout.pages:
        hal = first + page.index
        assert bahan.ukuran_halaman[hal] == pytest.approx((layout.page_width, layout.page_height))
        got = [s for s in bahan.simbol if s.kotak.halaman == hal]
        assert len(got) == len(page.symbols)
        for sym in page.symbols:
            match = [
                s
                for s in got
                if s.jenis is JENIS[sym.kind]
                and _dekat(s.kotak, sym.box.x, sym.box.y, sym.box.w, sym.box.h)
            ]
            assert len(match) == 1, (page.index, sym)
            assert match[0].teks == sym.text
            assert match[0].yakin == 1.0
        # the procedure table of this page: three header rows, then one row per step
        tables = [t for t in bahan.tabel if t.kotak and t.kotak.halaman == hal]
        proc = [t for t in tables if len(t.baris) == 3 + len(page.rows)]
        assert len(proc) == 1
        rows = proc[0].baris
        assert rows[0][2].teks == "PELAKSANA" and rows[0][2].span == len(layout.lane_columns)
        assert [c.teks for c in rows[1][2 : 2 + len(layout.lane_columns)]] == [
            "\n".join(t) for t in layout.lane_titles
        ]
        for row, cells in zip(page.rows, rows[3:], strict=True):
            assert cells[0].teks == str(row.step + 1)
            assert cells[1].teks == row.texts["aktivitas"]
            assert cells[0].kotak is not None
            assert cells[0].kotak.y0 == pytest.approx(row.y, abs=0.06)
            assert cells[0].kotak.y1 == pytest.approx(row.bottom, abs=0.06)
        # every symbol lies in the row of its step: the assembler can place it
        for sym in page.symbols:
            if sym.kind is SymbolKind.CONNECTOR:
                continue
            row = next(r for r in page.rows if r.step == sym.step)
            s = next(s for s in got if _dekat(s.kotak, sym.box.x, sym.box.y, sym.box.w, sym.box.h))
            assert row.y <= s.kotak.tengah[1] <= row.bottom
        # arrows: the same polylines, heads at the end (joins have none)
        panah = [a for a in bahan.panah if a.halaman == hal]
        assert len(panah) == len(page.arrows)
        for arrow in page.arrows:
            pts = [(round(x, 2), round(y, 2)) for x, y in arrow.points]
            found = [
                a
                for a in panah
                if len(a.titik) == len(pts)
                and all(
                    abs(p[0] - q[0]) < 0.06 and abs(p[1] - q[1]) < 0.06
                    for p, q in zip(a.titik, pts, strict=True)
                )
            ]
            assert len(found) == 1, arrow
            assert found[0].kepala == ("akhir" if arrow.head else "tidak_ada")
        labels = [lab for lab in bahan.label if lab.kotak.halaman == hal]
        assert sorted(lab.teks for lab in labels) == sorted(lab.text for lab in page.labels)
        for lab in page.labels:
            assert any(
                x.teks == lab.text and _dekat(x.kotak, lab.box.x, lab.box.y, lab.box.w, lab.box.h)
                for x in labels
            )
    assert bahan.catatan == []


def test_identity_page_of_sopdoc_docx(tmp_path: Path) -> None:
    sop = Sop.model_validate(base())
    bahan = baca_docx(build_docx(sop, tmp_path / "sop.docx"))
    ident = bahan.tabel[0]
    texts = [[c.teks for c in row] for row in ident.baris]
    assert texts[0][1:] == ["Nomor SOP", "PK. KEC. KBS / 099 / II / 2025"]
    assert texts[0][0] == "PEMERINTAH KABUPATEN BANYUMAS\nKECAMATAN KEBASEN"
    assert all(row[0].lanjutan for row in ident.baris[1:])  # the letterhead cell, merged down
    disahkan = next(row for row in texts if row[1] == "Disahkan oleh")[2].split("\n")
    assert disahkan == [
        "CAMAT KEBASEN",
        "WAHYU ADHI FIBRIANTO, S.STP., M.A.P",
        "Pembina Tk. I",
        "NIP. 19780220 199612 1 001",
    ]
    # tables and paragraphs in reading order
    order = sorted([*bahan.tabel, *bahan.paragraf], key=lambda x: x.urutan or 0)
    assert [x.urutan for x in order] == list(range(len(order)))
    # the identity table fills the text width of its page
    assert ident.kotak is not None and ident.kotak.halaman == 0
    w, _h = bahan.ukuran_halaman[0]
    assert ident.kotak.x0 == pytest.approx(42.5, abs=0.5)
    assert ident.kotak.x1 == pytest.approx(w - 42.5, abs=0.5)


def test_unreadable_files_are_named(tmp_path: Path) -> None:
    ole = tmp_path / "terkunci.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(BahanTidakTerbaca, match=r"terkunci\.docx"):
        baca_docx(ole)
    junk = tmp_path / "rusak.docx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(BahanTidakTerbaca, match=r"rusak\.docx"):
        baca_docx(junk)

    empty = tmp_path / "kosong.docx"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(BahanTidakTerbaca, match=r"kosong\.docx"):
        baca_docx(empty)
    bad_xml = tmp_path / "xml.docx"
    with zipfile.ZipFile(bad_xml, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(BahanTidakTerbaca, match=r"xml\.docx"):
        baca_docx(bad_xml)
