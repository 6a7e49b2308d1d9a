"""A Bahan made straight from sopdoc's own layout: what a perfect reader would take out of the
DOCX or PDF sopdoc builds (tables with their boxes, every symbol, arrow, label and connector).

It tests the assembler alone, apart from the readers: whatever the readers lose is theirs.
"""

from __future__ import annotations

from sopdoc import Sop
from sopdoc.docx import tanggal_indonesia
from sopdoc.impor.bahan import (
    Bahan,
    JenisSimbol,
    Kotak,
    Label,
    Panah,
    Paragraf,
    Sel,
    Simbol,
    Tabel,
)
from sopdoc.layout import ArrowKind, SymbolKind, layout_prosedur

JENIS = {
    SymbolKind.TERMINATOR: JenisSimbol.TERMINATOR,
    SymbolKind.PROCESS: JenisSimbol.PROSES,
    SymbolKind.DECISION: JenisSimbol.KEPUTUSAN,
    SymbolKind.CONNECTOR: JenisSimbol.PENGHUBUNG,
}


def _list(items: list[str], bullet: bool = False) -> list[str]:
    if not items:
        return ["-"]
    return [("•\t" if bullet else f"{i + 1}.\t") + item for i, item in enumerate(items)]


def bahan_dari_layout(sop: Sop, sumber: str = "layout.docx") -> Bahan:
    """The Bahan of the document sopdoc builds for ``sop`` (identity, sections, procedure)."""
    ttd = sop.disahkan_oleh
    kop = "\n".join(sop.kop or [sop.instansi.upper(), sop.unit.upper()])
    ident = [
        ("Nomor SOP", sop.nomor),
        ("Tanggal Pembuatan", tanggal_indonesia(sop.tanggal.pembuatan)),
        ("Tanggal Revisi", tanggal_indonesia(sop.tanggal.revisi)),
        ("Tanggal Efektif", tanggal_indonesia(sop.tanggal.efektif)),
        (
            "Disahkan oleh",
            "\n".join(
                [ttd.jabatan.upper(), "", "", ttd.nama, ttd.pangkat or "", f"NIP. {ttd.nip}"]
            ),
        ),
        ("Nama SOP", sop.nama.upper()),
    ]
    rows = [
        [Sel([kop], lanjutan=k > 0) if k == 0 else Sel([], lanjutan=True), Sel([a]), Sel([b])]
        for k, (a, b) in enumerate(ident)
    ]
    bahan = Bahan(sumber=sumber, format="docx")
    bahan.tabel.append(Tabel(rows, urutan=0))
    sections = Tabel(
        [
            [Sel(["Dasar Hukum:"]), Sel(["Kualifikasi Pelaksana:"])],
            [Sel(_list(sop.dasar_hukum)), Sel(_list(sop.kualifikasi_pelaksana))],
            [Sel(["Keterkaitan:"]), Sel(["Peralatan/Perlengkapan:"])],
            [Sel(_list(sop.keterkaitan)), Sel(_list(sop.peralatan_perlengkapan))],
            [Sel(["Peringatan:"]), Sel(["Pencatatan dan Pendataan:"])],
            [Sel([sop.peringatan or "-"]), Sel(_list(sop.pencatatan_pendataan, bullet=True))],
        ],
        urutan=1,
    )
    bahan.tabel.append(sections)
    layout = layout_prosedur(sop)
    order = 2
    for page in layout.pages:
        p = page.index
        bahan.paragraf.append(Paragraf(layout.title, Kotak(40, 20, 500, 30, p), urutan=order))
        order += 1
        cols = layout.columns
        n_lanes = len(layout.lane_columns)
        h1, h2, h3 = page.header_heights
        y0 = page.table_top

        def box(x0: float, x1: float, top: float, bottom: float, page: int = p) -> Kotak:
            return Kotak(x0, top, x1, bottom, page)

        first = cols[0]
        aktiv = cols[1]
        lanes = layout.lane_columns
        mutu = [c for c in cols if c.key in ("kelengkapan", "waktu", "output")]
        ket = cols[-1]
        r1 = [
            Sel(["NO"], box(first.x, first.right, y0, y0 + h1 + h2)),
            Sel(["AKTIVITAS"], box(aktiv.x, aktiv.right, y0, y0 + h1 + h2)),
            Sel(["PELAKSANA"], box(lanes[0].x, lanes[-1].right, y0, y0 + h1), span=n_lanes),
            Sel(["MUTU BAKU"], box(mutu[0].x, mutu[-1].right, y0, y0 + h1), span=3),
            Sel(["KETERANGAN"], box(ket.x, ket.right, y0, y0 + h1 + h2)),
        ]
        r2 = [
            Sel([], box(first.x, first.right, y0 + h1, y0 + h1 + h2), lanjutan=True),
            Sel([], box(aktiv.x, aktiv.right, y0 + h1, y0 + h1 + h2), lanjutan=True),
            *[
                Sel(["\n".join(layout.lane_titles[k])], box(c.x, c.right, y0 + h1, y0 + h1 + h2))
                for k, c in enumerate(lanes)
            ],
            *[Sel([c.title], box(c.x, c.right, y0 + h1, y0 + h1 + h2)) for c in mutu],
            Sel([], box(ket.x, ket.right, y0 + h1, y0 + h1 + h2), lanjutan=True),
        ]
        top3 = y0 + h1 + h2
        r3 = [Sel([str(k + 1)], box(c.x, c.right, top3, top3 + h3)) for k, c in enumerate(cols)]
        body = []
        for row in page.rows:
            cells = []
            for c in cols:
                key = c.key
                text = "" if key == "lane" else row.texts.get(key, "")
                cells.append(Sel([text] if text else [], box(c.x, c.right, row.y, row.bottom)))
            body.append(cells)
        bahan.tabel.append(
            Tabel([r1, r2, r3, *body], box(first.x, ket.right, y0, page.rows[-1].bottom), order)
        )
        order += 1
        for s in page.symbols:
            bahan.simbol.append(
                Simbol(
                    JENIS[s.kind],
                    box(s.box.x, s.box.right, s.box.y, s.box.bottom),
                    teks=s.text,
                )
            )
        for a in page.arrows:
            head = "tidak_ada" if a.kind is ArrowKind.JOIN else "akhir"
            bahan.panah.append(Panah(list(a.points), p, head))  # type: ignore[arg-type]
            if a.label is not None:
                b = a.label.box
                bahan.label.append(Label(a.label.text, box(b.x, b.right, b.y, b.bottom)))
    bahan.ukuran_halaman = [(layout.page_width, layout.page_height)] * len(layout.pages)
    return bahan
