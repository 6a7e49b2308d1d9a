"""SOP documents written as Flat ODT by hand and printed to PDF by LibreOffice.

The way a secretariat makes them in Writer: bordered tables (merged cells, a two-level
header repeated on each page), flowchart shapes (``draw:custom-shape`` of the
flowchart types) and polylines with arrow markers placed on the page over the
table. Nothing here comes from sopdoc's writer.

The PDFs are committed under ``tests/data/impor_pdf/`` (LibreOffice is slow to
start; the suite reads them as they are). Regenerate them after changing this
file::

    .venv/bin/python tests/pdf_lo.py

The same geometry gives the tests their expectations (:func:`harapan`).
"""

# ruff: noqa: E501  (the Flat ODT template keeps one XML element per line)

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

DATA = Path(__file__).parent / "data" / "impor_pdf"

A4 = (841.89, 595.28)
LEGAL = (1008.0, 612.0)
MARGIN = 30.0

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)

Kotak4 = tuple[float, float, float, float]


@dataclass
class Harapan:
    """What the reader should find: symbols (kind, page, box), arrows (page, tail, head)."""

    simbol: list[tuple[str, int, Kotak4]] = field(default_factory=list)
    panah: list[tuple[int, tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    label: list[str] = field(default_factory=list)
    halaman: int = 1


@dataclass
class Dokumen:
    """A Flat ODT being written: tables and shapes, and what they should read as."""

    ukuran: tuple[float, float]
    body: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)
    harapan: Harapan = field(default_factory=Harapan)
    n_table: int = 0

    # -- tables ---------------------------------------------------------------
    def tabel(
        self,
        widths: list[float],
        rows: list[tuple[float, list[tuple[str, int, int]]]],
        header_rows: int = 0,
        page_break: bool = False,
    ) -> None:
        """A table: each row (height, cells (text, columns spanned, rows spanned));
        a cell covered by a merge is written as ``("", 0, 0)``."""
        self.n_table += 1
        t = self.n_table
        style = "TblBreak" if page_break else "Tbl"
        out = [f'<table:table table:name="T{t}" table:style-name="{style}">']
        for w in widths:
            out.append(f'<table:table-column table:style-name="W{round(w * 100)}"/>')
        for i, (h, cells) in enumerate(rows):
            if i == 0 and header_rows:
                out.append("<table:table-header-rows>")
            out.append(f'<table:table-row table:style-name="H{round(h * 100)}">')
            for text, cs, rs in cells:
                if cs == 0:
                    out.append("<table:covered-table-cell/>")
                    continue
                span = f' table:number-columns-spanned="{cs}"' if cs > 1 else ""
                span += f' table:number-rows-spanned="{rs}"' if rs > 1 else ""
                paras = "".join(
                    f'<text:p text:style-name="P">{escape(line)}</text:p>'
                    for line in text.split("\n")
                )
                out.append(
                    f'<table:table-cell table:style-name="Sel"{span}>{paras}</table:table-cell>'
                )
            out.append("</table:table-row>")
            if header_rows and i == header_rows - 1:
                out.append("</table:table-header-rows>")
        out.append("</table:table>")
        self.body.append("".join(out))

    def paragraf(self, text: str) -> None:
        self.body.append(f'<text:p text:style-name="P">{escape(text)}</text:p>')

    # -- shapes ---------------------------------------------------------------
    def simbol(self, jenis: str, page: int, box: Kotak4, text: str = "") -> None:
        kind = {
            "terminator": "flowchart-terminator",
            "proses": "flowchart-process",
            "keputusan": "flowchart-decision",
            "penghubung": "flowchart-off-page-connector",
        }[jenis]
        x0, y0, x1, y1 = box
        para = f'<text:p text:style-name="P">{escape(text)}</text:p>' if text else ""
        self.shapes.append(
            f'<draw:custom-shape text:anchor-type="page" text:anchor-page-number="{page + 1}" '
            f'draw:style-name="Bentuk" svg:x="{x0:.2f}pt" svg:y="{y0:.2f}pt" '
            f'svg:width="{x1 - x0:.2f}pt" svg:height="{y1 - y0:.2f}pt">{para}'
            f'<draw:enhanced-geometry draw:type="{kind}"/></draw:custom-shape>'
        )
        self.harapan.simbol.append((jenis, page, box))

    def panah(self, page: int, pts: list[tuple[float, float]]) -> None:
        """A polyline (a line when straight) with an arrow marker at its end."""
        self.harapan.panah.append((page, pts[0], pts[-1]))
        if len(pts) == 2:
            (x1, y1), (x2, y2) = pts
            self.shapes.append(
                f'<draw:line text:anchor-type="page" text:anchor-page-number="{page + 1}" '
                f'draw:style-name="Panah" svg:x1="{x1:.2f}pt" svg:y1="{y1:.2f}pt" '
                f'svg:x2="{x2:.2f}pt" svg:y2="{y2:.2f}pt"/>'
            )
            return
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, y0 = min(xs), min(ys)
        w, h = max(max(xs) - x0, 0.01), max(max(ys) - y0, 0.01)
        points = " ".join(f"{round((x - x0) * 100)},{round((y - y0) * 100)}" for x, y in pts)
        self.shapes.append(
            f'<draw:polyline text:anchor-type="page" text:anchor-page-number="{page + 1}" '
            f'draw:style-name="Panah" svg:x="{x0:.2f}pt" svg:y="{y0:.2f}pt" '
            f'svg:width="{w:.2f}pt" svg:height="{h:.2f}pt" '
            f'svg:viewBox="0 0 {round(w * 100)} {round(h * 100)}" draw:points="{points}"/>'
        )

    def label(self, page: int, x: float, y: float, text: str) -> None:
        """A small text box without border ("Ya", "T", "Belum valid")."""
        w = 10 + 5.5 * len(text)
        self.shapes.append(
            f'<draw:frame text:anchor-type="page" text:anchor-page-number="{page + 1}" '
            f'draw:style-name="Label" svg:x="{x:.2f}pt" svg:y="{y:.2f}pt" svg:width="{w:.2f}pt" '
            f'svg:height="10pt"><draw:text-box><text:p text:style-name="L">{escape(text)}'
            f"</text:p></draw:text-box></draw:frame>"
        )
        self.harapan.label.append(text)

    def fodt(self) -> str:
        w, h = self.ukuran
        widths = {
            s.split('"')[0]
            for b in self.body
            for s in b.split('table:style-name="W')[1:]
        }  # fmt: skip
        heights = {s.split('"')[0] for b in self.body for s in b.split('table:style-name="H')[1:]}
        col_styles = "".join(
            f'<style:style style:name="W{c}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{int(c) / 100:.2f}pt"/>'
            "</style:style>"
            for c in sorted(widths)
        )
        row_styles = "".join(
            f'<style:style style:name="H{r}" style:family="table-row">'
            f'<style:table-row-properties style:row-height="{int(r) / 100:.2f}pt" '
            'fo:keep-together="always"/></style:style>'
            for r in sorted(heights)
        )
        anchor = (
            'style:horizontal-pos="from-left" style:horizontal-rel="page" '
            'style:vertical-pos="from-top" style:vertical-rel="page" style:wrap="run-through" '
            'style:run-through="foreground"'
        )
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/></office:font-face-decls>
<office:styles>
<draw:marker draw:name="Panah" svg:viewBox="0 0 20 30" svg:d="M10 0l-10 30h20z"/>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt"/></style:style>
<style:style style:name="L" style:family="paragraph"><style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="7pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{w}pt" fo:page-height="{h}pt" style:print-orientation="landscape" fo:margin-top="{MARGIN}pt" fo:margin-bottom="{MARGIN}pt" fo:margin-left="{MARGIN}pt" fo:margin-right="{MARGIN}pt"/></style:page-layout>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="{w - 2 * MARGIN}pt" table:align="left" fo:margin-top="0pt" fo:margin-bottom="8pt"/></style:style>
<style:style style:name="TblBreak" style:family="table"><style:table-properties style:width="{w - 2 * MARGIN}pt" table:align="left" fo:break-before="page" fo:margin-top="0pt"/></style:style>
{col_styles}{row_styles}
<style:style style:name="Sel" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="2pt"/></style:style>
<style:style style:name="Bentuk" style:family="graphic"><style:graphic-properties svg:stroke-color="#000000" svg:stroke-width="0.75pt" draw:fill="solid" draw:fill-color="#ffffff" draw:auto-grow-height="false" draw:auto-grow-width="false" draw:textarea-horizontal-align="center" draw:textarea-vertical-align="middle" {anchor}/></style:style>
<style:style style:name="Panah" style:family="graphic"><style:graphic-properties svg:stroke-color="#000000" svg:stroke-width="0.75pt" draw:fill="none" draw:marker-end="Panah" draw:marker-end-width="6pt" {anchor}/></style:style>
<style:style style:name="Label" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none" fo:padding="0pt" {anchor}/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
{"".join(self.shapes)}
{"".join(self.body)}
</office:text></office:body></office:document>
"""


IDENTITAS = [
    ("No. SOP", "045.2 / 12 / 2025"),
    ("Tgl. Pembuatan", "14 Maret 2025"),
    ("Tgl. Revisi", "-"),
    ("Tgl. Efektif", "1 April 2025"),
    (
        "Disahkan Oleh",
        "SEKRETARIS DAERAH\nIr. SITI AMINAH, M.T.\nPembina Utama Muda\nNIP 19680512 199303 2 004",
    ),
    ("Nama SOP", "PENERBITAN REKOMENDASI IZIN KERAMAIAN"),
]


def _identitas(d: Dokumen, width: float) -> float:
    """The identity table; returns its height."""
    rows: list[tuple[float, list[tuple[str, int, int]]]] = []
    for i, (k, v) in enumerate(IDENTITAS):
        h = 52.0 if k == "Disahkan Oleh" else 14.0
        first = (
            ("PEMERINTAH KABUPATEN CONTOH\nBAGIAN ORGANISASI", 1, len(IDENTITAS))
            if i == 0
            else ("", 0, 0)
        )
        rows.append((h, [first, (k, 1, 1), (v, 1, 1)]))
    d.tabel([width * 0.4, width * 0.2, width * 0.4], rows)
    return sum(h for h, _ in rows)


def _kolom(width: float, lanes: int) -> list[float]:
    lane_w = 62.0
    rest = width - 22 - lanes * lane_w
    return [22, rest * 0.34] + [lane_w] * lanes + [rest * 0.2, rest * 0.12, rest * 0.2, rest * 0.14]


def _header(lanes: list[str]) -> list[tuple[float, list[tuple[str, int, int]]]]:
    n = len(lanes)
    top: list[tuple[str, int, int]] = [("No", 1, 2), ("Uraian Kegiatan", 1, 2), ("Pelaksana", n, 1)]
    top += [("", 0, 0)] * (n - 1) + [("Mutu Baku", 3, 1), ("", 0, 0), ("", 0, 0), ("Ket", 1, 2)]
    sub: list[tuple[str, int, int]] = [("", 0, 0), ("", 0, 0)] + [(lane, 1, 1) for lane in lanes]
    sub += [("Persyaratan", 1, 1), ("Waktu", 1, 1), ("Output", 1, 1), ("", 0, 0)]
    return [(14.0, top), (22.0, sub)]


def _langkah(no: int, text: str, lanes: int, mutu: tuple[str, str, str], h: float):
    cells: list[tuple[str, int, int]] = [(str(no), 1, 1), (text, 1, 1)]
    cells += [("", 1, 1)] * lanes + [(mutu[0], 1, 1), (mutu[1], 1, 1), (mutu[2], 1, 1), ("", 1, 1)]
    return (h, cells)


def dokumen_a4() -> Dokumen:
    """A4 landscape, identity and procedure on one page; two symbols in one row, a
    decision labelled Y/T whose "T" goes back up, a box spanning two lanes."""
    d = Dokumen(A4)
    width = A4[0] - 2 * MARGIN
    ident_h = _identitas(d, width)
    lanes = ["Pemohon", "Staf", "Sekcam", "Camat"]
    widths = _kolom(width, len(lanes))
    row_h = 56.0
    steps = [
        (
            "Menyerahkan berkas permohonan dan menerima tanda terima",
            ("Formulir", "10 menit", "Tanda terima"),
        ),
        ("Memverifikasi kelengkapan berkas", ("Berkas", "1 hari", "Berkas terverifikasi")),
        ("Memaraf dan meneruskan konsep rekomendasi", ("Konsep", "1 hari", "Konsep diparaf")),
        ("Menandatangani rekomendasi", ("Konsep diparaf", "1 hari", "Rekomendasi")),
    ]
    rows = _header(lanes) + [
        _langkah(i + 1, t, len(lanes), m, row_h) for i, (t, m) in enumerate(steps)
    ]
    d.tabel(widths, rows, header_rows=2)
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    top = MARGIN + ident_h + 8  # the identity table's bottom margin
    ys = [top + 14 + 22 + i * row_h for i in range(len(steps) + 1)]
    cx = [(xs[2 + i] + xs[3 + i]) / 2 for i in range(len(lanes))]

    def mid(r: int) -> float:
        return (ys[r] + ys[r + 1]) / 2

    term = (cx[0] - 22, mid(0) - 8, cx[0] + 22, mid(0) + 8)
    box1 = (cx[1] - 24, mid(0) - 10, cx[1] + 24, mid(0) + 10)
    dec = (cx[2] - 22, mid(1) - 14, cx[2] + 22, mid(1) + 14)
    wide = (cx[2] - 20, mid(2) - 10, cx[3] + 20, mid(2) + 10)  # spans Sekcam and Camat
    end = (cx[3] - 22, mid(3) - 8, cx[3] + 22, mid(3) + 8)
    d.simbol("terminator", 0, term)
    d.simbol("proses", 0, box1, "Terima")
    d.simbol("keputusan", 0, dec)
    d.simbol("proses", 0, wide)
    d.simbol("terminator", 0, end)
    d.panah(0, [(term[2], mid(0)), (box1[0], mid(0))])  # same row, left to right
    d.panah(0, [(box1[2], mid(0)), (cx[2], mid(0)), (cx[2], dec[1])])
    d.panah(0, [(cx[2], dec[3]), (cx[2], wide[1])])
    d.label(0, cx[2] + 3, dec[3] + 1, "Y")
    d.panah(0, [(dec[0], mid(1)), (cx[1], mid(1)), (cx[1], box1[3])])  # "T": back up
    d.label(0, dec[0] - 14, mid(1) - 11, "T")
    d.panah(0, [(cx[3], wide[3]), (cx[3], end[1])])
    return d


def dokumen_legal() -> Dokumen:
    """Legal landscape: identity and sections on page 1, the procedure over pages 2 and 3
    (header repeated by Writer), off-page connectors outside the table."""
    d = Dokumen(LEGAL)
    width = LEGAL[0] - 2 * MARGIN
    _identitas(d, width)
    sections = [
        (14.0, [("Dasar Hukum:", 1, 1), ("Kualifikasi Pelaksana:", 1, 1)]),
        (
            30.0,
            [
                (
                    "1. Peraturan Daerah Nomor 5 Tahun 2020\n2. Peraturan Bupati Nomor 12 Tahun 2021",
                    1,
                    1,
                ),
                ("1. Memahami peraturan perizinan", 1, 1),
            ],
        ),
    ]
    d.tabel([width / 2, width / 2], sections)
    lanes = ["Staf", "Kasubag", "Camat"]
    widths = _kolom(width, len(lanes))
    row_h = 120.0
    steps = [
        ("Menerima permohonan", ("Surat permohonan", "15 menit", "Berkas")),
        ("Mencatat dalam buku register", ("Berkas", "15 menit", "Register")),
        ("Memeriksa kelengkapan berkas", ("Register", "1 jam", "Berkas diperiksa")),
        ("Menyetujui rekomendasi", ("Berkas diperiksa", "1 hari", "Persetujuan")),
        ("Menyerahkan rekomendasi kepada pemohon", ("Persetujuan", "15 menit", "Rekomendasi")),
    ]
    rows = _header(lanes) + [
        _langkah(i + 1, t, len(lanes), m, row_h) for i, (t, m) in enumerate(steps)
    ]
    d.tabel(widths, rows, header_rows=2, page_break=True)
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    cx = [(xs[2 + i] + xs[3 + i]) / 2 for i in range(len(lanes))]
    head = MARGIN + 14 + 22
    # rows 1-4 on page 2 (index 1), row 5 on page 3 after the repeated header
    place = {i: (1, head + i * row_h) for i in range(4)}
    place[4] = (2, head)

    def mid(i: int) -> float:
        return place[i][1] + row_h / 2

    s0 = (cx[0] - 22, mid(0) - 8, cx[0] + 22, mid(0) + 8)
    s1 = (cx[0] - 24, mid(1) - 10, cx[0] + 24, mid(1) + 10)
    s2 = (cx[1] - 22, mid(2) - 14, cx[1] + 22, mid(2) + 14)
    s3 = (cx[2] - 24, mid(3) - 10, cx[2] + 24, mid(3) + 10)
    s4 = (cx[0] - 22, mid(4) - 8, cx[0] + 22, mid(4) + 8)
    for kind, page, box in [
        ("terminator", 1, s0),
        ("proses", 1, s1),
        ("keputusan", 1, s2),
        ("proses", 1, s3),
        ("terminator", 2, s4),
    ]:
        d.simbol(kind, page, box)
    d.panah(1, [(cx[0], s0[3]), (cx[0], s1[1])])
    d.panah(1, [(s1[2], mid(1)), (cx[1], mid(1)), (cx[1], s2[1])])
    d.panah(1, [(s2[2], mid(2)), (cx[2], mid(2)), (cx[2], s3[1])])
    d.label(1, s2[2] + 2, mid(2) - 11, "Ya")
    d.panah(1, [(cx[1], s2[3]), (cx[1], s2[3] + 14), (cx[0] + 12, s2[3] + 14), (cx[0] + 12, s1[3])])
    d.label(1, cx[1] + 3, s2[3] + 1, "Belum valid")
    # off-page connectors below the table on page 2 and above it on page 3
    bottom = head + 4 * row_h
    c_out = (cx[2] - 9, bottom + 6, cx[2] + 9, bottom + 22)
    c_in = (cx[0] - 9, MARGIN - 24, cx[0] + 9, MARGIN - 8)
    d.simbol("penghubung", 1, c_out, "A")
    d.simbol("penghubung", 2, c_in, "A")
    d.panah(1, [(cx[2], s3[3]), (cx[2], c_out[1])])
    d.panah(2, [(cx[0], c_in[3]), (cx[0], s4[1])])
    d.harapan.halaman = 3
    return d


DOKUMEN = {"lo-a4-satu": dokumen_a4, "lo-legal-tiga": dokumen_legal}


def harapan(name: str) -> Harapan:
    return DOKUMEN[name]().harapan


def buat(folder: Path) -> list[Path]:
    """Write every Flat ODT and convert them to PDF in one LibreOffice run."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sources = []
        for name, make in DOKUMEN.items():
            src = Path(tmp) / f"{name}.fodt"
            src.write_text(make().fodt(), encoding="utf-8")
            sources.append(str(src))
        profile = Path(tmp) / "profile"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", tmp, *sources],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        out = []
        for name in DOKUMEN:
            target = folder / f"{name}.pdf"
            shutil.copyfile(Path(tmp) / f"{name}.pdf", target)
            out.append(target)
    return out


if __name__ == "__main__":
    for path in buat(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA):
        print("wrote", path)
