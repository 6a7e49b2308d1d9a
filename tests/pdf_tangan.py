"""PDFs written by hand, content stream by content stream, the way other producers draw.

Imitates Word's "Save as PDF": table borders as thin filled rectangles (``re f``),
shapes as paths (``m l c h``) filled white then stroked, connector lines as
separate stroked segments, arrowheads as separate small filled triangles, text in
Helvetica, a QR code as an image. Nothing here comes from sopdoc's writer.

Coordinates given to :class:`Kanvas` are top-left based (y downward) like the
reader's; the builder flips them into PDF space (and rotates for ``/Rotate``).
"""

from __future__ import annotations

import itertools
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from pdfminer.fontmetrics import FONT_METRICS

A4 = (595.28, 841.89)
F4 = (609.45, 935.43)  # 215 x 330 mm
LETTER = (612.0, 792.0)
LEGAL = (612.0, 1008.0)


def landscape(size: tuple[float, float]) -> tuple[float, float]:
    return (max(size), min(size))


def lebar_teks(teks: str, size: float, bold: bool = False) -> float:
    widths = FONT_METRICS["Helvetica-Bold" if bold else "Helvetica"][1]
    return sum(widths.get(ch, 556) for ch in teks) * size / 1000


def bungkus(teks: str, lebar: float, size: float, bold: bool = False) -> list[str]:
    """Wrap a text to lines no wider than ``lebar``, like a word processor."""
    lines: list[str] = []
    for par in teks.split("\n"):
        cur = ""
        for word in par.split():
            cand = f"{cur} {word}" if cur else word
            if cur and lebar_teks(cand, size, bold) > lebar:
                lines.append(cur)
                cur = word
            else:
                cur = cand
        lines.append(cur)
    return lines


def _esc(teks: str) -> str:
    return teks.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


@dataclass
class Kanvas:
    """One page being drawn."""

    lebar: float
    tinggi: float
    rotate: int = 0  # 0 or 90: a landscape page stored portrait with /Rotate 90
    ops: list[str] = field(default_factory=list)
    images: list[tuple[int, int, bytes]] = field(default_factory=list)

    def _y(self, y: float) -> float:
        return self.tinggi - y

    def teks(self, x: float, top: float, teks: str, size: float = 9, bold: bool = False) -> None:
        """A line of text whose box's top is at ``top``."""
        base = self._y(top + size * 0.93)
        font = "F2" if bold else "F1"
        self.ops.append(f"BT /{font} {size:g} Tf {x:.2f} {base:.2f} Td ({_esc(teks)}) Tj ET")

    def teks_mentah(self, op: str) -> None:
        """A raw text object (e.g. rotated text, or text in the CID font F3 without Unicode)."""
        self.ops.append(op)

    def paragraf(
        self, x: float, top: float, lebar: float, teks: str, size: float = 9, bold: bool = False
    ) -> float:
        """Wrapped text; returns the top of the next line."""
        for line in bungkus(teks, lebar, size, bold):
            self.teks(x, top, line, size, bold)
            top += size * 1.2
        return top

    def garis(self, x0: float, y0: float, x1: float, y1: float, tebal: float = 0.5) -> None:
        """A border as Word prints it: a thin filled rectangle."""
        if y0 == y1:
            self.ops.append(
                f"{x0:.2f} {self._y(y0) - tebal / 2:.2f} {x1 - x0:.2f} {tebal:.2f} re f"
            )
        else:
            self.ops.append(
                f"{x0 - tebal / 2:.2f} {self._y(y1):.2f} {tebal:.2f} {y1 - y0:.2f} re f"
            )

    def ruas(self, *pts: tuple[float, float], tebal: float = 0.75) -> None:
        """A stroked open polyline."""
        path = " ".join(
            f"{x:.2f} {self._y(y):.2f} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(pts)
        )
        self.ops.append(f"{tebal:g} w 0 0 0 RG {path} S")

    def kepala(self, tip: tuple[float, float], arah: str, size: float = 6.0) -> None:
        """A filled triangle arrowhead pointing ``arah`` (down/up/left/right) at ``tip``."""
        x, y = tip
        half = size / 2
        base = {
            "down": [(x - half, y - size), (x + half, y - size)],
            "up": [(x - half, y + size), (x + half, y + size)],
            "right": [(x - size, y - half), (x - size, y + half)],
            "left": [(x + size, y - half), (x + size, y + half)],
        }[arah]
        pts = [tip, *base]
        path = " ".join(
            f"{px:.2f} {self._y(py):.2f} {'m' if i == 0 else 'l'}" for i, (px, py) in enumerate(pts)
        )
        self.ops.append(f"0 0 0 rg {path} h f")

    def bentuk(self, path: str, isi_putih: bool = True) -> None:
        """A shape: filled white, then stroked (two paint operations, as Word does)."""
        if isi_putih:
            self.ops.append(f"1 1 1 rg {path} f")
        self.ops.append(f"0.75 w 0 0 0 RG {path} S")

    def _p(self, x: float, y: float, op: str) -> str:
        return f"{x:.2f} {self._y(y):.2f} {op}"

    def proses(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.bentuk(f"{x0:.2f} {self._y(y1):.2f} {x1 - x0:.2f} {y1 - y0:.2f} re")

    def keputusan(self, x0: float, y0: float, x1: float, y1: float) -> None:
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        pts = [(mx, y0), (x1, my), (mx, y1), (x0, my)]
        path = " ".join(self._p(x, y, "m" if i == 0 else "l") for i, (x, y) in enumerate(pts))
        self.bentuk(path + " h")

    def terminator(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A capsule: straight top and bottom, half circles (two Beziers each) at the ends."""
        r = (y1 - y0) / 2
        k = 0.5523 * r
        my = (y0 + y1) / 2
        p = self._p
        path = " ".join(
            [
                p(x0 + r, y0, "m"),
                p(x1 - r, y0, "l"),
                f"{x1 - r + k:.2f} {self._y(y0):.2f} {x1:.2f} {self._y(my - k):.2f} "
                f"{x1:.2f} {self._y(my):.2f} c",
                f"{x1:.2f} {self._y(my + k):.2f} {x1 - r + k:.2f} {self._y(y1):.2f} "
                f"{x1 - r:.2f} {self._y(y1):.2f} c",
                p(x0 + r, y1, "l"),
                f"{x0 + r - k:.2f} {self._y(y1):.2f} {x0:.2f} {self._y(my + k):.2f} "
                f"{x0:.2f} {self._y(my):.2f} c",
                f"{x0:.2f} {self._y(my - k):.2f} {x0 + r - k:.2f} {self._y(y0):.2f} "
                f"{x0 + r:.2f} {self._y(y0):.2f} c",
                "h",
            ]
        )
        self.bentuk(path)

    def penghubung(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """An off-page connector: a home plate pointing down."""
        cut = y1 - (y1 - y0) * 0.3
        pts = [(x0, y0), (x1, y0), (x1, cut), ((x0 + x1) / 2, y1), (x0, cut)]
        path = " ".join(self._p(x, y, "m" if i == 0 else "l") for i, (x, y) in enumerate(pts))
        self.bentuk(path + " h")

    def lingkaran(self, cx: float, cy: float, r: float) -> None:
        k = 0.5523 * r
        y = self._y
        path = (
            f"{cx + r:.2f} {y(cy):.2f} m "  # four quarter circles
            f"{cx + r:.2f} {y(cy + k):.2f} {cx + k:.2f} {y(cy + r):.2f} {cx:.2f} {y(cy + r):.2f} c "
            f"{cx - k:.2f} {y(cy + r):.2f} {cx - r:.2f} {y(cy + k):.2f} {cx - r:.2f} {y(cy):.2f} c "
            f"{cx - r:.2f} {y(cy - k):.2f} {cx - k:.2f} {y(cy - r):.2f} {cx:.2f} {y(cy - r):.2f} c "
            f"{cx + k:.2f} {y(cy - r):.2f} {cx + r:.2f} {y(cy - k):.2f} "
            f"{cx + r:.2f} {y(cy):.2f} c h"
        )
        self.bentuk(path)

    def kode_qr(self, x0: float, y0: float, size: float, seed: int = 7) -> None:
        """A QR-like picture: a 25x25 grey image of random modules."""
        rnd = random.Random(seed)
        n = 25
        data = bytes(0 if rnd.random() < 0.5 else 255 for _ in range(n * n))
        self.images.append((n, n, data))
        name = f"Im{len(self.images)}"
        self.ops.append(
            f"q {size:.2f} 0 0 {size:.2f} {x0:.2f} {self._y(y0 + size):.2f} cm /{name} Do Q"
        )

    def gambar_penuh(self) -> None:
        """A scanned page: one picture over the whole page, no text."""
        n = 40
        data = bytes(200 if (i // n + i % n) % 7 else 30 for i in range(n * n))
        self.images.append((n, n, data))
        name = f"Im{len(self.images)}"
        self.ops.append(f"q {self.lebar:.2f} 0 0 {self.tinggi:.2f} 0 0 cm /{name} Do Q")

    def stream(self) -> bytes:
        body = "\n".join(self.ops)
        if self.rotate == 90:
            # drawn in landscape display space, stored on a portrait page turned by /Rotate
            body = f"q 0 1 -1 0 {self.tinggi:.2f} 0 cm\n{body}\nQ"
        return body.encode("latin-1")


def tulis_pdf(
    path: Path, pages: list[Kanvas], tandai_putar: bool = True, padat: bool = True
) -> Path:
    """Write the pages as a PDF 1.4 file with Helvetica fonts and image XObjects.

    ``tandai_putar=False`` leaves out ``/Rotate`` of turned pages: their content is
    then drawn turned on a portrait page, as some print-to-PDF drivers do.
    ``padat=False`` leaves the content streams uncompressed (to damage them in tests).
    """
    objs: list[bytes] = []

    def add(data: bytes) -> int:
        objs.append(data)
        return len(objs)

    catalog = add(b"")
    pages_id = add(b"")
    f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    f3 = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Tanpa /Encoding /Identity-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Tanpa "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>] >>"
    )
    kids = []
    for kv in pages:
        xobjs = []
        for i, (w, h, data) in enumerate(kv.images, 1):
            comp = zlib.compress(data)
            im = add(
                f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} "
                f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                f"/Length {len(comp)} >>\nstream\n".encode()
                + comp
                + b"\nendstream"
            )
            xobjs.append(f"/Im{i} {im} 0 R")
        raw = zlib.compress(kv.stream()) if padat else kv.stream()
        filt = " /Filter /FlateDecode" if padat else ""
        content = add(f"<< /Length {len(raw)}{filt} >>\nstream\n".encode() + raw + b"\nendstream")
        w, h = (kv.tinggi, kv.lebar) if kv.rotate == 90 else (kv.lebar, kv.tinggi)
        rot = f" /Rotate {kv.rotate}" if kv.rotate and tandai_putar else ""
        fonts = f"/F1 {f1} 0 R /F2 {f2} 0 R /F3 {f3} 0 R"
        res = f"<< /Font << {fonts} >> /XObject << {' '.join(xobjs)} >> >>"
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {w:.2f} {h:.2f}]{rot} "
                f"/Resources {res} /Contents {content} 0 R >>".encode()
            )
        )
    objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objs[pages_id - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, data in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + data + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


# ---------------------------------------------------------------------------
# An SOP AP document drawn by hand


def tabel(
    kv: Kanvas,
    x0: float,
    top: float,
    widths: list[float],
    heights: list[float],
    isi: dict[tuple[int, int], str],
    gabung: list[tuple[int, int, int, int]] = (),  # type: ignore[assignment]
    size: float = 8,
    bold: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
    tengah: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
) -> list[float]:
    """A bordered table; ``gabung`` lists merged cells (r0, c0, r1, c1); returns row tops."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top]
    for h in heights:
        ys.append(ys[-1] + h)
    covered = {}
    for r0, c0, r1, c1 in gabung:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                covered[(r, c)] = (r0, c0, r1, c1)
    done = set()
    for r in range(len(heights)):
        for c in range(len(widths)):
            r0, c0, r1, c1 = covered.get((r, c), (r, c, r, c))
            if (r0, c0) in done:
                continue
            done.add((r0, c0))
            bx0, bx1, by0, by1 = xs[c0], xs[c1 + 1], ys[r0], ys[r1 + 1]
            kv.garis(bx0, by0, bx1, by0)
            kv.garis(bx0, by1, bx1, by1)
            kv.garis(bx0, by0, bx0, by1)
            kv.garis(bx1, by0, bx1, by1)
            text = isi.get((r0, c0))
            if text:
                b = (r0, c0) in bold
                lines = bungkus(text, bx1 - bx0 - 8, size, b)
                if (r0, c0) in tengah:
                    t = (by0 + by1) / 2 - len(lines) * size * 0.6
                    for line in lines:
                        w = lebar_teks(line, size, b)
                        kv.teks((bx0 + bx1 - w) / 2, t, line, size, b)
                        t += size * 1.2
                else:
                    t = by0 + 3
                    for line in lines:
                        kv.teks(bx0 + 4, t, line, size, b)
                        t += size * 1.2
    return ys


IDENTITAS = [
    ("Nomor SOP", "800 / 017 / 2025"),
    ("Tanggal Pembuatan", "2 Juni 2025"),
    ("Tanggal Revisi", "-"),
    ("Tanggal Pengesahan", "02-06-2025"),
    (
        "Disahkan Oleh",
        "CAMAT SUMBANG\n\nDrs. BUDI SANTOSO, M.Si\nPembina Tingkat I\nNIP. 19700101 199003 1 002",
    ),
    ("Nama SOP", "PELAYANAN SURAT KETERANGAN DOMISILI"),
]

BAGIAN = [
    (
        "Dasar Hukum:",
        [
            "1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "2. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
        ],
        "Kualifikasi Pelaksana:",
        ["1. Memahami tugas pokok dan fungsi", "2. Mampu mengoperasikan komputer"],
    ),
    (
        "Keterkaitan:",
        ["1. SOP Pelayanan Administrasi Kependudukan"],
        "Peralatan/Perlengkapan:",
        ["1. Komputer dan printer", "2. ATK"],
    ),
    (
        "Peringatan:",
        ["Jika SOP tidak dilaksanakan, pelayanan kepada masyarakat terhambat"],
        "Pencatatan dan Pendataan:",
        ["1. Buku register surat keterangan"],
    ),
]

LANES = ["Pemohon", "Petugas Pelayanan", "Camat"]

LANGKAH = [
    ("Mengajukan permohonan surat keterangan domisili", 0, "Formulir, KTP", "5 menit", "Berkas"),
    ("Memeriksa kelengkapan berkas permohonan", 1, "Berkas", "10 menit", "Berkas diperiksa"),
    ("Berkas lengkap?", 1, "Berkas diperiksa", "5 menit", "Berkas lengkap"),
    ("Menandatangani surat keterangan domisili", 2, "Konsep surat", "1 hari", "Surat keterangan"),
]
"""(kegiatan, lane, kelengkapan, waktu, output)."""


@dataclass
class Harapan:
    """What a test expects the reader to find in a hand-drawn SOP."""

    halaman: int
    simbol: list[tuple[str, int, tuple[float, float, float, float]]]  # kind, page, box
    panah: list[tuple[int, tuple[float, float], tuple[float, float]]]  # page, tail, head
    label: list[str]


def _identitas(kv: Kanvas, x0: float, top: float, width: float, compact: bool = False) -> float:
    rows = [(k, v) for k, v in IDENTITAS]
    heights = [14.0] * len(rows)
    heights[4] = 56.0
    isi: dict[tuple[int, int], str] = {(0, 0): "PEMERINTAH KABUPATEN BANYUMAS\nKECAMATAN SUMBANG"}
    for i, (k, v) in enumerate(rows):
        isi[(i, 1)] = k
        isi[(i, 2)] = v
    widths = [width * 0.4, width * 0.2, width * 0.4]
    ys = tabel(
        kv, x0, top, widths, heights, isi, gabung=[(0, 0, len(rows) - 1, 0)],
        bold={(0, 0)}, tengah={(0, 0)},
    )  # fmt: skip
    return ys[-1]


def _bagian(kv: Kanvas, x0: float, top: float, width: float, tinggi: float = 34.0) -> float:
    isi: dict[tuple[int, int], str] = {}
    heights = []
    for r, (h1, items1, h2, items2) in enumerate(BAGIAN):
        isi[(2 * r, 0)] = h1
        isi[(2 * r, 1)] = h2
        isi[(2 * r + 1, 0)] = "\n".join(items1)
        isi[(2 * r + 1, 1)] = "\n".join(items2)
        heights += [14.0, tinggi]
    ys = tabel(kv, x0, top, [width / 2, width / 2], heights, isi,
               bold={k for k in isi if k[0] % 2 == 0})  # fmt: skip
    return ys[-1]


def _prosedur(
    kv: Kanvas,
    x0: float,
    top: float,
    width: float,
    steps: list[int],
    page: int,
    h: Harapan,
    row_h: float = 46.0,
) -> float:
    """The procedure table with the given steps (indexes into LANGKAH) and their flowchart.

    Where the next step is on another page, the flow leaves through an off-page
    connector below the table and comes back through one above the next page's table.
    """
    lane_w = 70.0
    rest = width - 25 - 3 * lane_w
    widths = [25, rest * 0.34, lane_w, lane_w, lane_w, rest * 0.2, rest * 0.13, rest * 0.18,
              rest * 0.15]  # fmt: skip
    isi = {
        (0, 0): "No", (0, 1): "Kegiatan", (0, 2): "Pelaksana", (0, 5): "Mutu Baku",
        (0, 8): "Keterangan", (1, 2): LANES[0], (1, 3): LANES[1], (1, 4): LANES[2],
        (1, 5): "Kelengkapan", (1, 6): "Waktu", (1, 7): "Output",
    }  # fmt: skip
    for r, s in enumerate(steps, start=2):
        text, _lane, kel, waktu, out = LANGKAH[s]
        isi[(r, 0)] = str(s + 1)
        isi[(r, 1)] = text
        isi[(r, 5)] = kel
        isi[(r, 6)] = waktu
        isi[(r, 7)] = out
    heights = [14.0, 24.0] + [row_h] * len(steps)
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4), (0, 5, 0, 7), (0, 8, 1, 8)]
    ys = tabel(kv, x0, top, widths, heights, isi, gabung=merges,
               bold={(0, c) for c in range(9)} | {(1, c) for c in range(9)},
               tengah={(0, c) for c in range(9)} | {(1, c) for c in range(9)})  # fmt: skip
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    centre = {lane: (xs[2 + lane] + xs[3 + lane]) / 2 for lane in range(3)}
    boxes: dict[int, tuple[float, float, float, float]] = {}
    for r, s in enumerate(steps, start=2):
        lane = LANGKAH[s][1]
        cx, cy = centre[lane], (ys[r] + ys[r + 1]) / 2
        if s in (0, 3):
            b = (cx - 24, cy - 9, cx + 24, cy + 9)
            kv.terminator(*b)
            kind = "terminator"
        elif s == 2:
            b = (cx - 22, cy - 15, cx + 22, cy + 15)
            kv.keputusan(*b)
            kv.teks(cx - 14, cy - 3.5, "Lengkap?", 6)
            kind = "keputusan"
        else:
            b = (cx - 26, cy - 11, cx + 26, cy + 11)
            kv.proses(*b)
            kind = "proses"
        boxes[s] = b
        h.simbol.append((kind, page, b))

    def arrow(pts: list[tuple[float, float]], arah: str) -> None:
        # Word's way: each leg a separate stroked segment, the head a separate triangle
        for a, b in itertools.pairwise(pts):
            kv.ruas(a, b)
        kv.kepala(pts[-1], arah)
        h.panah.append((page, pts[0], pts[-1]))

    def connector(cx: float, y0: float) -> tuple[float, float, float, float]:
        c = (cx - 9, y0, cx + 9, y0 + 16)
        kv.penghubung(*c)
        kv.teks(cx - 2.5, y0 + 3, "A", 7)
        h.simbol.append(("penghubung", page, c))
        return c

    if steps[0] == 3 and len(steps) == 1:  # a continuation page: in through a connector
        b = boxes[3]
        cx = (b[0] + b[2]) / 2
        c = connector(cx, top - 24)
        arrow([(cx, c[3]), (cx, b[1])], "down")
    for s in steps:
        b = boxes[s]
        nxt = s + 1
        if s == 2 and nxt not in boxes:  # "Ya" leaves the page: out through a connector
            start = (b[2], (b[1] + b[3]) / 2)
            cx = centre[LANGKAH[3][1]]
            c = connector(cx, ys[-1] + 6)
            arrow([start, (cx, start[1]), (cx, c[1])], "down")
            kv.teks(b[2] + 3, start[1] - 10, "Ya", 7)
            h.label.append("Ya")
        if nxt in boxes:
            nb = boxes[nxt]
            if s == 0:  # elbow: right, then down into the process box
                start = (b[2], (b[1] + b[3]) / 2)
                corner = ((nb[0] + nb[2]) / 2, start[1])
                arrow([start, corner, (corner[0], nb[1])], "down")
            elif s == 2:  # "Ya": right to the Camat lane, then down
                start = (b[2], (b[1] + b[3]) / 2)
                corner = ((nb[0] + nb[2]) / 2, start[1])
                arrow([start, corner, (corner[0], nb[1])], "down")
                kv.teks(b[2] + 3, start[1] - 10, "Ya", 7)
                h.label.append("Ya")
            else:  # straight down
                cx = (b[0] + b[2]) / 2
                arrow([(cx, b[3]), (cx, nb[1])], "down")
        if s == 2 and 0 in boxes:  # "Tidak": back up into the start terminator
            t = boxes[0]
            start = ((b[0] + b[2]) / 2, b[3])
            x_back = (t[0] + t[2]) / 2
            pts = [start, (start[0], b[3] + 6), (x_back, b[3] + 6), (x_back, t[3])]
            arrow(pts, "up")
            kv.teks(start[0] + 3, b[3] + 0.5, "Tidak", 7)
            h.label.append("Tidak")
    return ys[-1]


def _kaki(kv: Kanvas, nomor: int, jumlah: int) -> None:
    """The footer of a signed PDF: the BSrE stamp text, a QR code, the page number."""
    y = kv.tinggi - 46
    kv.kode_qr(40, y - 4, 36)
    kv.teks(82, y, "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat", 6)
    kv.teks(
        82, y + 7.5, "elektronik yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN", 6
    )
    halaman = f"Halaman {nomor} dari {jumlah}"
    kv.teks(kv.lebar - 40 - lebar_teks(halaman, 7), kv.tinggi - 24, halaman, 7)


def dokumen_sop(
    path: Path,
    ukuran: tuple[float, float],
    tata: str,
    tandai_putar: bool = True,
    padat: bool = True,
) -> Harapan:
    """Draw the SOP on ``ukuran`` (landscape) pages in one of three layouts.

    ``dua``: identity and sections on page 1, the procedure on page 2;
    ``satu``: identity, sections and procedure on one page (stored portrait, /Rotate 90);
    ``tiga``: identity on page 1, the procedure over pages 2 and 3 (header repeated,
    off-page connectors).
    """
    w, hgt = landscape(ukuran)
    m = 36.0
    width = w - 2 * m
    pages: list[Kanvas] = []
    h = Harapan(halaman=0, simbol=[], panah=[], label=[])
    if tata == "satu":
        kv = Kanvas(w, hgt, rotate=90)
        bottom = _identitas(kv, m, m, width)
        bottom = _bagian(kv, m, bottom + 8, width, tinggi=24.0)
        _prosedur(kv, m, bottom + 8, width, [0, 1, 2, 3], 0, h, row_h=40.0)
        pages.append(kv)
    elif tata == "dua":
        kv = Kanvas(w, hgt)
        bottom = _identitas(kv, m, m, width)
        _bagian(kv, m, bottom + 12, width)
        pages.append(kv)
        kv = Kanvas(w, hgt)
        title = "SOP PELAYANAN SURAT KETERANGAN DOMISILI"
        kv.teks((w - lebar_teks(title, 11, True)) / 2, m, title, 11, True)
        bottom = _prosedur(kv, m, m + 22, width, [0, 1, 2, 3], 1, h)
        kv.teks(w - 220, bottom + 20, "CAMAT SUMBANG", 9, True)
        kv.teks(w - 220, bottom + 60, "Drs. BUDI SANTOSO, M.Si", 9, True)
        pages.append(kv)
    else:
        kv = Kanvas(w, hgt)
        bottom = _identitas(kv, m, m, width)
        _bagian(kv, m, bottom + 12, width)
        pages.append(kv)
        kv = Kanvas(w, hgt)
        _prosedur(kv, m, m, width, [0, 1, 2], 1, h)
        pages.append(kv)
        kv = Kanvas(w, hgt)
        _prosedur(kv, m, m + 26, width, [3], 2, h)
        pages.append(kv)
    for i, kv in enumerate(pages, 1):
        _kaki(kv, i, len(pages))
    h.halaman = len(pages)
    tulis_pdf(path, pages, tandai_putar, padat)
    return h
