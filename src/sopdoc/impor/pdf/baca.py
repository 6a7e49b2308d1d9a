"""A PDF's pages into one :class:`~sopdoc.impor.bahan.Bahan`.

Per page: paths are sorted into arrowheads, line pieces, ruling candidates and
closed shapes; the rulings give the tables (:mod:`.garis`, :mod:`.tabel`), the
closed shapes the symbols (:mod:`.simbol`), the pieces and heads the arrows
(:mod:`.panah`); then each character goes to the symbol, else the table cell,
it is printed in, and what is left is free text: labels near the flowchart,
paragraphs, and the page's footer and e-signature stamp (:mod:`.kaki`).
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from dataclasses import dataclass, field

from ...i18n import _
from ..bahan import (
    Bahan,
    Catatan,
    Gambar,
    JenisSimbol,
    Kotak,
    Label,
    Paragraf,
    Sel,
    Simbol,
    Tabel,
    Titik,
)
from . import kaki
from .garis import Ruas, gabung, kelompok, kisi, ruas_tipis, siku, sisi_kotak
from .halaman import Halaman, Huruf, Jalur
from .panah import SAMBUNG, kepala_di, panah_dari
from .simbol import Kepala, di_dalam_poligon, kepala_panah, sama, simbol_dari
from .tabel import Kisi, kisi_tabel
from .teks import Baris, baris_diputar, baris_teks, paragraf, teks_paragraf

LABEL_MAKS = 24
"""A label is a short text: at most this many characters."""

LABEL_JARAK = 18.0
"""Free text this close (pt) to a symbol or an arrow may be its label."""


@dataclass
class _Bagian:
    """A page's drawings sorted by role."""

    kepala: list[Kepala] = field(default_factory=list)
    potongan: list[list[Titik]] = field(default_factory=list)  # line pieces of arrows
    calon: list[tuple[Ruas, Jalur]] = field(default_factory=list)  # ruling candidates
    bentuk: list[Jalur] = field(default_factory=list)  # closed shapes


def _pilah(h: Halaman) -> _Bagian:
    """Sort a page's subpaths into heads, arrow pieces, ruling candidates and shapes."""
    b = _Bagian()
    for j in h.jalur:
        k = kepala_panah(j)
        if k is not None:
            b.kepala.append(k)
            continue
        r = ruas_tipis(j)
        if r is not None:
            b.calon.append((r, j))
        elif j.tertutup and len(j.titik) >= 3:
            b.bentuk.append(j)
        elif j.garis:
            b.potongan.append(list(j.titik))
    # a straight line touching an arrowhead is an arrow, and so is each line whose
    # end meets the free end of an arrow
    ends = [p for pts in b.potongan for p in (pts[0], pts[-1])]
    changed = True
    while changed:
        changed = False
        keep = []
        for r, j in b.calon:
            open_line = len(j.titik) == 2 and not j.tertutup and j.garis
            if open_line and (
                kepala_di(j.titik, b.kepala) is not None
                or kepala_di(j.titik[::-1], b.kepala) is not None
                or any(_dekat(p, e) for p in j.titik for e in ends)
            ):
                b.potongan.append(list(j.titik))
                ends.extend(j.titik)
                changed = True
            else:
                keep.append((r, j))
        b.calon = keep
    return b


def _dekat(p: Titik, q: Titik) -> bool:
    return abs(p[0] - q[0]) <= SAMBUNG and abs(p[1] - q[1]) <= SAMBUNG


def _berbagi_sisi(a: Jalur, b: Jalur) -> bool:
    """Do two rectangles share (part of) an edge, as neighbouring cells do?"""
    tol = 1.5

    def overlap(p0: float, p1: float, q0: float, q1: float) -> bool:
        return min(p1, q1) - max(p0, q0) > 0.5 * min(p1 - p0, q1 - q0)

    vertical = (abs(a.x1 - b.x0) <= tol or abs(b.x1 - a.x0) <= tol) and overlap(
        a.top, a.bottom, b.top, b.bottom
    )
    horizontal = (abs(a.bottom - b.top) <= tol or abs(b.bottom - a.top) <= tol) and overlap(
        a.x0, a.x1, b.x0, b.x1
    )
    return vertical or horizontal


def _sel_kotak(bentuk: list[Jalur]) -> list[Jalur]:
    """Rectangles drawn as table cells: those sharing an edge with another rectangle."""
    rects = [j for j in bentuk if siku(j) and (j.garis or j.isi)]
    rects.sort(key=lambda j: j.x0)
    out = []
    for i, a in enumerate(rects):
        for k, b in enumerate(rects):
            if i != k and b.x0 <= a.x1 + 2 and a.x0 <= b.x1 + 2 and _berbagi_sisi(a, b):
                out.append(a)
                break
    return out


class _Tempat:
    """Finds the table cell a point is in."""

    def __init__(self, grids: list[Kisi]):
        self.grids = grids
        self.unit = [{u: pi for pi, p in enumerate(g.petak) for u in p.unit} for g in grids]

    def cari(self, x: float, y: float) -> tuple[int, int] | None:
        """(grid index, cell index in the grid's ``petak``) of a point, else ``None``."""
        for gi, g in enumerate(self.grids):
            if not (g.xs[0] <= x <= g.xs[-1] and g.ys[0] <= y <= g.ys[-1]):
                continue
            i = min(bisect.bisect_right(g.ys, y) - 1, len(g.ys) - 2)
            j = min(bisect.bisect_right(g.xs, x) - 1, len(g.xs) - 2)
            pi = self.unit[gi].get((i, j))
            if pi is not None:
                return gi, pi
        return None


def _di_dalam(x: float, y: float, k: Kotak, tol: float = 0.5) -> bool:
    return k.x0 - tol <= x <= k.x1 + tol and k.y0 - tol <= y <= k.y1 + tol


def _jarak_kotak(a: Kotak, b: Kotak) -> float:
    dx = max(0.0, a.x0 - b.x1, b.x0 - a.x1)
    dy = max(0.0, a.y0 - b.y1, b.y0 - a.y1)
    return max(dx, dy)


def _dekat_gambar(
    k: Kotak, simbol: list[Simbol], garis: list[list[Titik]], dalam: Kotak | None = None
) -> bool:
    """Is a text box near a symbol, or near an arrow's end or corner (where branch labels go;
    not merely along a line that passes by, as lines crossing a header do)?

    For text in a table, only drawings in that table (``dalam``) count: an off-page
    connector just above the table labels nothing in its header.
    """

    def here(x: float, y: float) -> bool:
        return dalam is None or _di_dalam(x, y, dalam, 0.0)

    if any(_jarak_kotak(k, s.kotak) <= LABEL_JARAK and here(*s.kotak.tengah) for s in simbol):
        return True
    return any(
        _jarak_kotak(k, Kotak(x, y, x, y)) <= LABEL_JARAK and here(x, y)
        for pts in garis
        for x, y in pts
    )


def _kotak_ruas(a: Titik, b: Titik) -> Kotak:
    return Kotak(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


def gabung_label(labels: list[Label]) -> list[Label]:
    """Labels split by a lane border or wrapped in their text box, joined again.

    Pieces on one baseline with (almost) no gap are one word or phrase cut by the
    cell grid; pieces stacked right below each other, aligned left or centred, are
    the lines of one wrapped label ("Belum" over "valid").
    """
    out: list[Label] = []
    for lb in sorted(labels, key=lambda lb: (lb.kotak.halaman, lb.kotak.y0, lb.kotak.x0)):
        k = lb.kotak
        h = k.tinggi or 1.0
        for prev in reversed(out):
            pk = prev.kotak
            if pk.halaman != k.halaman:
                break
            same_line = abs(pk.y1 - k.y1) < 0.3 * h
            gap = k.x0 - pk.x1
            if same_line and -0.3 * h <= gap <= 0.6 * h:
                prev.teks += ("" if gap < 0.2 * h else " ") + lb.teks
            elif 0 <= k.y0 - pk.y1 <= 0.5 * h and (
                abs(k.x0 - pk.x0) < 2 or abs(k.tengah[0] - pk.tengah[0]) < 2
            ):
                prev.teks += "\n" + lb.teks
            else:
                continue
            prev.kotak = Kotak(
                min(pk.x0, k.x0), min(pk.y0, k.y0), max(pk.x1, k.x1), max(pk.y1, k.y1), pk.halaman
            )
            break
        else:
            out.append(Label(teks=lb.teks, kotak=k))
    return out


def _pendek(teks: str) -> bool:
    return len(teks) <= LABEL_MAKS and len(teks.split()) <= 3


def _blok(lines: list[Baris]) -> list[list[Baris]]:
    """Free lines grouped into blocks: lines close below each other, overlapping sideways."""
    blocks: list[list[Baris]] = []
    for b in sorted(lines, key=lambda b: (b.top, b.x0)):
        for blk in reversed(blocks):
            last = blk[-1]
            gap = b.top - last.bottom
            if -0.3 * b.size <= gap <= 0.9 * b.size and b.x0 < last.x1 and last.x0 < b.x1:
                blk.append(b)
                break
        else:
            blocks.append([b])
    return blocks


def _garis_bawah(r: Ruas, huruf: list[Huruf]) -> bool:
    """Is a horizontal segment the underline of printed text?"""
    if not r.datar:
        return False
    covered = 0.0
    for c in huruf:
        mid = (c.x0 + c.x1) / 2
        if r.a - 1 <= mid <= r.b + 1 and c.bottom - 2 <= r.pos <= c.bottom + 4:
            covered += c.x1 - c.x0
    return covered >= 0.5 * r.panjang


def _sel_teks(lines: list[Baris], box: Kotak) -> list[str]:
    if not lines:
        return []
    pad = min(max(min(b.x0 for b in lines) - box.x0, 1.0), 10.0)
    return [teks_paragraf(p) for p in paragraf(lines, batas_kanan=box.x1 - pad + 0.5)]


def baca_satu_halaman(h: Halaman, bahan: Bahan) -> None:
    """Add what one page prints to ``bahan``."""
    n = h.nomor
    bagian = _pilah(h)

    # tables from the rulings (and from rectangles drawn as cells)
    sel_rects = _sel_kotak(bagian.bentuk)
    sel_ids = {id(j) for j in sel_rects}
    segs = [r for r, _j in bagian.calon] + [e for j in sel_rects for e in sisi_kotak(j)]
    rulings, lepas = kisi(gabung(segs))
    grids = [g for grp in kelompok(rulings) if (g := kisi_tabel(grp, n)) is not None]
    cells = [p.kotak for g in grids for p in g.petak]

    # symbols: visible closed shapes that are no table cell (nor its shading) nor a page frame
    simbol: list[Simbol] = []
    poligon: dict[int, list[Titik]] = {}  # id(symbol) -> outline, for a diamond's text
    latar: list[Kotak] = []  # white text-box backgrounds
    for j in bagian.bentuk:
        if id(j) in sel_ids:
            continue
        if not (j.garis or j.isi):
            if j.isi_putih:
                latar.append(Kotak(j.x0, j.top, j.x1, j.bottom, n))
            continue
        if j.lebar > 0.6 * h.lebar and j.tinggi > 0.4 * h.tinggi:
            continue
        s = simbol_dari(j, n)
        if s is None or any(sama(s.kotak, c, 2.5) for c in cells):
            continue
        twin = next((t for t in simbol if sama(t.kotak, s.kotak)), None)
        if twin is None:
            simbol.append(s)
        elif s.yakin > twin.yakin:
            simbol[simbol.index(twin)] = s
        else:
            continue
        if s.jenis is JenisSimbol.KEPUTUSAN:
            poligon[id(s)] = j.titik

    # characters: in a symbol, else in a table cell, else free
    tempat = _Tempat(grids)
    in_simbol: list[list[Huruf]] = [[] for _ in simbol]
    in_sel: dict[tuple[int, int], list[Huruf]] = {}
    bebas: list[Huruf] = []
    for c in h.huruf:
        x, y = c.tengah
        for si, s in enumerate(simbol):
            if _di_dalam(x, y, s.kotak, 0.0) and (
                id(s) not in poligon or di_dalam_poligon((x, y), poligon[id(s)])
            ):
                in_simbol[si].append(c)
                break
        else:
            where = tempat.cari(x, y)
            if where is None:
                bebas.append(c)
            else:
                in_sel.setdefault(where, []).append(c)
    for s, chars in zip(simbol, in_simbol, strict=False):
        s.teks = "\n".join(b.teks for b in baris_teks(chars))

    free_lines = baris_teks(bebas)
    pieces = bagian.potongan + [
        [(r.a, r.pos), (r.b, r.pos)] if r.datar else [(r.pos, r.a), (r.pos, r.b)]
        for r in lepas
        if not _garis_bawah(r, h.huruf)
    ]
    panah = panah_dari(pieces, bagian.kepala, n)
    garis = [p.titik for p in panah]

    def label_di(lines: list[Baris], dalam: Kotak | None = None) -> tuple[list[Baris], list[Label]]:
        """Split lines into text and labels (short text on a text box or near drawings)."""
        rest: list[Baris] = []
        labels: dict[int, Label] = {}
        for b in lines:
            k = b.kotak(n)
            mid = k.tengah
            box = next((i for i, lb in enumerate(latar) if _di_dalam(*mid, lb, 1.0)), None)
            if _pendek(b.teks) and (box is not None or _dekat_gambar(k, simbol, garis, dalam)):
                key = box if box is not None else -1 - len(labels)
                if key in labels:
                    old = labels[key]
                    old.teks += "\n" + b.teks
                    ok = old.kotak
                    old.kotak = Kotak(
                        min(ok.x0, k.x0), min(ok.y0, k.y0), max(ok.x1, k.x1), max(ok.y1, k.y1), n
                    )
                else:
                    labels[key] = Label(teks=b.teks, kotak=k)
            else:
                rest.append(b)
        return rest, list(labels.values())

    # tables: cells in drawing-free cells are text; in cells with drawings, short lines are labels
    page_labels: list[Label] = []
    read_turned = 0  # characters of turned text read in table cells
    for gi, g in enumerate(grids):
        texts: dict[int, list[str]] = {}
        for pi, p in enumerate(g.petak):
            lines = baris_teks(in_sel.get((gi, pi), []))
            has_drawing = any(_jarak_kotak(p.kotak, s.kotak) <= 0 for s in simbol) or any(
                _jarak_kotak(p.kotak, _kotak_ruas(a, b)) < 0.5
                for pts in garis
                for a, b in itertools.pairwise(pts)
            )
            if has_drawing or latar:
                lines, labels = (
                    label_di(lines, g.kotak) if has_drawing else _label_latar(lines, latar, n)
                )
                page_labels.extend(labels)
            chars = in_sel.get((gi, pi), [])
            turned = baris_diputar(chars)
            read_turned += sum(1 for c in chars if c.arah in (1, 3))
            texts[pi] = _sel_teks(lines, p.kotak) + [teks_paragraf(x) for x in paragraf(turned)]
        rows = []
        for i, row in g.baris():
            cells_out = []
            for p, span, cont in row:
                if cont:  # the row's slice of a cell merged from above
                    box = Kotak(p.kotak.x0, g.ys[i], p.kotak.x1, g.ys[i + 1], n)
                    cells_out.append(Sel(paragraf=[], kotak=box, span=span, lanjutan=True))
                else:
                    paras = texts[g.petak.index(p)]
                    cells_out.append(Sel(paragraf=paras, kotak=p.kotak, span=span))
            rows.append(cells_out)
        bahan.tabel.append(Tabel(baris=rows, kotak=g.kotak))

    # free text: labels near the flowchart, the footer and stamp, paragraphs
    rest, labels = label_di(free_lines)
    bahan.label.extend(gabung_label(page_labels + labels))
    for blk in _blok(rest):
        text = " ".join(b.teks for b in blk)
        box = Kotak(
            min(b.x0 for b in blk),
            min(b.top for b in blk),
            max(b.x1 for b in blk),
            max(b.bottom for b in blk),
            n,
        )
        margin = box.y0 > h.tinggi * (1 - kaki.KAKI) or box.y1 < h.tinggi * kaki.KAKI
        if kaki.tte(text):
            bahan.kepala_kaki.append(Paragraf(teks="\n".join(b.teks for b in blk), kotak=box))
            bahan.catatan.append(
                Catatan(
                    _("an e-signature stamp was ignored: {text}").format(text=_ringkas(text)), n
                )
            )
        elif margin and kaki.nomor_halaman(text):
            bahan.kepala_kaki.append(Paragraf(teks=text, kotak=box))
        else:
            for par in paragraf(blk):
                pbox = Kotak(
                    min(b.x0 for b in par),
                    min(b.top for b in par),
                    max(b.x1 for b in par),
                    max(b.bottom for b in par),
                    n,
                )
                bahan.paragraf.append(Paragraf(teks=teks_paragraf(par), kotak=pbox))
    bahan.simbol.extend(simbol)
    bahan.panah.extend(panah)
    _citra(h, grids, bahan)
    if h.tanpa_unicode:
        bahan.catatan.append(
            Catatan(
                _(
                    "{count} characters are printed in a font that does not say which letters "
                    "they are; that text could not be read"
                ).format(count=h.tanpa_unicode),
                n,
            )
        )
    miring = sum(1 for c in h.huruf if not c.tegak) - read_turned
    if miring:
        bahan.catatan.append(
            Catatan(
                _("{count} characters of rotated text were not read").format(count=miring),
                n,
            )
        )


def _label_latar(lines: list[Baris], latar: list[Kotak], n: int) -> tuple[list[Baris], list[Label]]:
    rest, labels = [], []
    for b in lines:
        mid = b.kotak(n).tengah
        if _pendek(b.teks) and any(_di_dalam(*mid, lb, 1.0) for lb in latar):
            labels.append(Label(teks=b.teks, kotak=b.kotak(n)))
        else:
            rest.append(b)
    return rest, labels


def _ringkas(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _citra(h: Halaman, grids: list[Kisi], bahan: Bahan) -> None:
    """Pictures: a scanned page, a flowchart pasted as a picture, a QR code, a logo."""
    n = h.nomor
    area = h.lebar * h.tinggi
    for k in h.citra:
        bahan.gambar.append(Gambar(kotak=k))
        size = k.lebar * k.tinggi
        if size >= 0.5 * area:
            if not h.huruf:
                bahan.catatan.append(
                    Catatan(
                        _(
                            "the page is a scanned picture without text: "
                            "nothing on it could be read"
                        ),
                        n,
                    )
                )
            continue
        on_table = [
            g
            for g in grids
            if _jarak_kotak(k, g.kotak) <= 0 and _luas_irisan(k, g.kotak) > 0.3 * size
        ]
        if on_table and size > 4000:
            bahan.catatan.append(
                Catatan(
                    _(
                        "a picture covers part of the table (a flowchart pasted as an image?); "
                        "its symbols and arrows cannot be read, only the table's text"
                    ),
                    n,
                )
            )
        elif 0.85 <= k.lebar / k.tinggi <= 1.18 and k.lebar <= 150 and k.y0 > 0.5 * h.tinggi:
            bahan.catatan.append(Catatan(_("a QR code was ignored"), n))


def _luas_irisan(a: Kotak, b: Kotak) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    hh = min(a.y1, b.y1) - max(a.y0, b.y0)
    return max(0.0, w) * max(0.0, hh)


def _kaki_berulang(bahan: Bahan) -> None:
    """Footer text repeated on several pages (a running footer) is no SOP text."""
    if len(bahan.ukuran_halaman) < 2:
        return
    groups: dict[str, list[Paragraf]] = {}
    for p in bahan.paragraf:
        k = p.kotak
        if k is None or k.halaman >= len(bahan.ukuran_halaman):
            continue
        if k.y0 > bahan.ukuran_halaman[k.halaman][1] * (1 - kaki.KAKI):
            key = re.sub(r"\d+", "#", " ".join(p.teks.split()))
            groups.setdefault(key, []).append(p)
    repeated = [
        p for ps in groups.values() if len({p.kotak.halaman for p in ps if p.kotak}) > 1 for p in ps
    ]
    if repeated:
        ids = {id(p) for p in repeated}
        bahan.paragraf = [p for p in bahan.paragraf if id(p) not in ids]
        bahan.kepala_kaki.extend(repeated)


def _urutan(bahan: Bahan) -> None:
    """Number tables and paragraphs in reading order: page, then top, then left."""
    items: list[Tabel | Paragraf] = [*bahan.tabel, *bahan.paragraf]

    def key(it: Tabel | Paragraf) -> tuple[int, float, float]:
        k = it.kotak
        return (k.halaman, k.y0, k.x0) if k is not None else (0, 0.0, 0.0)

    for i, it in enumerate(sorted(items, key=key)):
        it.urutan = i
    bahan.tabel.sort(key=key)
    bahan.paragraf.sort(key=key)


def baca_pdf(path: str | os.PathLike[str]) -> Bahan:
    """Read a text PDF into a :class:`Bahan`.

    Raises :class:`BahanTidakTerbaca` when the file cannot be opened (missing,
    not a PDF, broken, encrypted) or no page has any text (a scanned document).
    """
    from .dokumen import halaman_pdf

    sumber = os.fspath(path)
    bahan = Bahan(sumber=sumber, format="pdf")
    for item in halaman_pdf(sumber, bahan):
        baca_satu_halaman(item, bahan)
    _kaki_berulang(bahan)
    _urutan(bahan)
    return bahan
