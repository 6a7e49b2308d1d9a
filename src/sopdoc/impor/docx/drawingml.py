"""DrawingML in Word: anchored and inline drawings, shapes, groups, canvases and connectors.

A drawing's box on the page comes from its anchor (``wp:anchor`` positioned
from the page, the margins, the column, the paragraph, the character or the
line, by offset or alignment) or from its place in the line (``wp:inline``).
Inside it, a shape (``wps:wsp``) fills the box; a group (``wpg:wgp``) and a
canvas (``wpc:wpc``) hold shapes in their own coordinates, mapped onto the
box. Connectors and open paths become polylines with their arrowheads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...i18n import _
from ..bahan import Kotak, Titik
from .geometri import (
    GARIS,
    Hasil,
    bezier,
    elips,
    golongkan,
    jenis_preset,
    titik_konektor,
    ubah_titik,
)
from .keluaran import Bentuk, Keluaran
from .ooxml import EMU_PER_PT, Elemen, anak, anak_semua, angka, emu, q
from .tata import Jangkar

_ANCHOR, _INLINE = q("wp:anchor"), q("wp:inline")
_WSP, _WGP, _WPC, _PIC = q("wps:wsp"), q("wpg:wgp"), q("wpc:wpc"), q("pic:pic")
_GRPSP = q("wpg:grpSp")


@dataclass(frozen=True)
class Ubah:
    """An affine map from a drawing's coordinates (EMU) to page points."""

    ax: float
    bx: float
    ay: float
    by: float
    halaman: int

    def kotak(self, x: float, y: float, cx: float, cy: float) -> Kotak:
        return Kotak(
            self.ax + self.bx * x,
            self.ay + self.by * y,
            self.ax + self.bx * (x + cx),
            self.ay + self.by * (y + cy),
            self.halaman,
        )


def _rentang_h(rel: str, j: Jangkar) -> tuple[float, float]:
    b = j.bagian
    if rel == "page":
        return 0.0, b.lebar
    if rel == "margin":
        return b.kiri, b.lebar - b.kanan
    if rel in ("leftMargin", "insideMargin"):
        return 0.0, b.kiri
    if rel in ("rightMargin", "outsideMargin"):
        return b.lebar - b.kanan, b.lebar
    if rel == "character":
        return j.paragraf.x0, j.paragraf.x1
    return j.kolom  # column


def _rentang_v(rel: str, j: Jangkar) -> tuple[float, float]:
    b = j.bagian
    if rel == "page":
        return 0.0, b.tinggi
    if rel == "margin":
        return b.atas, b.tinggi - b.bawah
    if rel in ("topMargin", "insideMargin"):
        return 0.0, b.atas
    if rel in ("bottomMargin", "outsideMargin"):
        return b.tinggi - b.bawah, b.tinggi
    if rel == "line":
        return j.y_sebaris, j.paragraf.y1
    return j.paragraf.y0, j.paragraf.y1  # paragraph


def _posisi(pos: Elemen | None, rentang: tuple[float, float], ukuran: float) -> float:
    if pos is None:
        return rentang[0]
    offset = anak(pos, "wp:posOffset")
    if offset is not None:
        return rentang[0] + emu(offset.text)
    pct = pos.find(
        "{http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing}pctPosHOffset"
    )
    if pct is None:
        pct = pos.find(
            "{http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing}pctPosVOffset"
        )
    if pct is not None:
        return rentang[0] + (rentang[1] - rentang[0]) * angka(pct.text) / 100000
    align_el = anak(pos, "wp:align")
    align = (align_el.text or "") if align_el is not None else ""
    if align == "center":
        return (rentang[0] + rentang[1] - ukuran) / 2
    if align in ("right", "bottom", "outside"):
        return rentang[1] - ukuran
    return rentang[0]


def kotak_jangkar(anchor: Elemen, j: Jangkar) -> Kotak:
    """The page box of a ``wp:anchor`` (its extent placed as its position says)."""
    ext = anak(anchor, "wp:extent")
    w = emu(ext.get("cx")) if ext is not None else 0.0
    h = emu(ext.get("cy")) if ext is not None else 0.0
    if anchor.get("simplePos") in ("1", "true"):
        sp = anak(anchor, "wp:simplePos")
        x = emu(sp.get("x")) if sp is not None else 0.0
        y = emu(sp.get("y")) if sp is not None else 0.0
        return Kotak(x, y, x + w, y + h, j.halaman)
    ph, pv = anak(anchor, "wp:positionH"), anak(anchor, "wp:positionV")
    rel_h = ph.get("relativeFrom", "column") if ph is not None else "column"
    rel_v = pv.get("relativeFrom", "paragraph") if pv is not None else "paragraph"
    # in a cell, "column" is the cell whatever layoutInCell says (it only decides whether
    # the table makes room for the drawing)
    x = _posisi(ph, _rentang_h(rel_h, j), w)
    y = _posisi(pv, _rentang_v(rel_v, j), h)
    return Kotak(x, y, x + w, y + h, j.halaman)


def ukuran_sebaris(drawing: Elemen) -> tuple[float, float] | None:
    """(width, height) of an inline drawing, ``None`` when it floats."""
    inline = drawing.find(_INLINE)
    if inline is None:
        return None
    ext = anak(inline, "wp:extent")
    if ext is None:
        return None
    return emu(ext.get("cx")), emu(ext.get("cy"))


def baca_drawing(drawing: Elemen, j: Jangkar, out: Keluaran) -> None:
    """Every shape of one ``w:drawing``."""
    for wadah in drawing:
        if wadah.tag == _INLINE:
            ext = anak(wadah, "wp:extent")
            w = emu(ext.get("cx")) if ext is not None else 0.0
            h = emu(ext.get("cy")) if ext is not None else 0.0
            kotak = Kotak(j.x_sebaris, j.y_sebaris, j.x_sebaris + w, j.y_sebaris + h, j.halaman)
        elif wadah.tag == _ANCHOR:
            kotak = kotak_jangkar(wadah, j)
        else:
            continue
        data = wadah.find(f"{q('a:graphic')}/{q('a:graphicData')}")
        if data is None or not len(data):
            continue
        isi = data[0]
        pr = anak(wadah, "wp:docPr")
        nama = (pr.get("descr") or pr.get("name") or "") if pr is not None else ""
        if isi.tag == _WSP:
            _wsp(isi, kotak, out, j, puncak=True)
        elif isi.tag == _WGP:
            _grup(isi, kotak, out, j)
        elif isi.tag == _WPC:
            ubah = Ubah(kotak.x0, 1 / EMU_PER_PT, kotak.y0, 1 / EMU_PER_PT, kotak.halaman)
            _anak(isi, ubah, out, j)
        elif isi.tag == _PIC:
            out.gambar(kotak, nama, j.sel)
        else:
            jenis = isi.tag.rsplit("}", 1)[-1]
            out.catat(
                _(
                    "page {page}: a drawing of kind '{kind}'{where} cannot be read "
                    "(a chart or SmartArt); redraw it with shapes"
                ).format(page=j.halaman + 1, kind=jenis, where=out.di_mana(j.sel)),
                j.halaman,
            )


def _xfrm(el: Elemen | None) -> tuple[float, bool, bool]:
    if el is None:
        return 0.0, False, False
    return (
        angka(el.get("rot")) / 60000,
        el.get("flipH") in ("1", "true"),
        el.get("flipV") in ("1", "true"),
    )


def _grup_ubah(xfrm: Elemen | None, kotak: Kotak) -> Ubah:
    """The map of a group's child coordinates onto its page box."""
    ch_off = anak(xfrm, "a:chOff")
    ch_ext = anak(xfrm, "a:chExt")
    cx0 = angka(ch_off.get("x")) if ch_off is not None else 0.0
    cy0 = angka(ch_off.get("y")) if ch_off is not None else 0.0
    cw = angka(ch_ext.get("cx")) if ch_ext is not None else 0.0
    chh = angka(ch_ext.get("cy")) if ch_ext is not None else 0.0
    bx = kotak.lebar / cw if cw > 0 else 1 / EMU_PER_PT
    by = kotak.tinggi / chh if chh > 0 else 1 / EMU_PER_PT
    return Ubah(kotak.x0 - cx0 * bx, bx, kotak.y0 - cy0 * by, by, kotak.halaman)


def _grup(el: Elemen, kotak: Kotak, out: Keluaran, j: Jangkar) -> None:
    xfrm = anak(anak(el, "wpg:grpSpPr"), "a:xfrm")
    _anak(el, _grup_ubah(xfrm, kotak), out, j)


def _kotak_xfrm(xfrm: Elemen | None, ubah: Ubah) -> Kotak | None:
    off, ext = anak(xfrm, "a:off"), anak(xfrm, "a:ext")
    if off is None or ext is None:
        return None
    return ubah.kotak(
        angka(off.get("x")), angka(off.get("y")), angka(ext.get("cx")), angka(ext.get("cy"))
    )


def _anak(el: Elemen, ubah: Ubah, out: Keluaran, j: Jangkar) -> None:
    """The members of a group or canvas, in their coordinates mapped by ``ubah``."""
    for child in el:
        if child.tag == _WSP:
            kotak = _kotak_xfrm(anak(anak(child, "wps:spPr"), "a:xfrm"), ubah)
            if kotak is not None:
                _wsp(child, kotak, out, j, puncak=False)
        elif child.tag == _GRPSP:
            xfrm = anak(anak(child, "wpg:grpSpPr"), "a:xfrm")
            kotak = _kotak_xfrm(xfrm, ubah)
            if kotak is not None:
                _anak(child, _grup_ubah(xfrm, kotak), out, j)
        elif child.tag == _PIC:
            kotak = _kotak_xfrm(anak(anak(child, "pic:spPr"), "a:xfrm"), ubah)
            pr = anak(anak(child, "pic:nvPicPr"), "pic:cNvPr")
            out.gambar(
                kotak, (pr.get("descr") or pr.get("name") or "") if pr is not None else "", j.sel
            )


_LN, _NOFILL, _SOLID, _GRAD, _PATT = (
    q(t) for t in ("a:ln", "a:noFill", "a:solidFill", "a:gradFill", "a:pattFill")
)
_HEAD, _TAIL, _STYLE = q("a:headEnd"), q("a:tailEnd"), q("wps:style")


def _garis(sp: dict[str, Elemen], sppr: dict[str, Elemen]) -> tuple[bool, str]:
    """Whether an outline is drawn, and at which ends of the path it has arrowheads."""
    ln_el = sppr.get(_LN)
    ln = anak_semua(ln_el)
    if _NOFILL in ln:
        return False, "tidak_ada"
    drawn = _SOLID in ln or _GRAD in ln or _PATT in ln
    if not drawn:
        ref = anak(sp.get(_STYLE), "a:lnRef")
        drawn = ref is not None and angka(ref.get("idx")) > 0
        if ln_el is not None and ref is None:
            drawn = True  # a line element without fill: the default black outline
    head, tail = ln.get(_HEAD), ln.get(_TAIL)
    awal = head is not None and head.get("type", "none") != "none"
    akhir = tail is not None and tail.get("type", "none") != "none"
    kepala = {
        (True, True): "keduanya",
        (True, False): "awal",
        (False, True): "akhir",
        (False, False): "tidak_ada",
    }[(awal, akhir)]
    return drawn, kepala


_PUTIH = {"FFFFFF", "FFFFFE"}


def _warna(sp: dict[str, Elemen], sppr: dict[str, Elemen]) -> bool:
    """Whether the shape is filled with something other than white."""
    if _NOFILL in sppr:
        return False
    solid = sppr.get(_SOLID)
    if solid is not None:
        rgb = anak(solid, "a:srgbClr")
        if rgb is not None:
            return (rgb.get("val") or "").upper() not in _PUTIH
        scheme = anak(solid, "a:schemeClr")
        return scheme is None or scheme.get("val") not in ("bg1", "lt1")
    if _GRAD in sppr or _PATT in sppr:
        return True
    ref = anak(sp.get(_STYLE), "a:fillRef")
    if ref is None or angka(ref.get("idx")) <= 0:
        return False
    scheme = anak(ref, "a:schemeClr")
    return scheme is None or scheme.get("val") not in ("bg1", "lt1")


def _adj(geom: Elemen) -> list[float]:
    out = []
    for gd in geom.iterfind(f"{q('a:avLst')}/{q('a:gd')}"):
        fmla = (gd.get("fmla") or "").split()
        out.append(angka(fmla[1]) if len(fmla) == 2 and fmla[0] == "val" else 50000.0)
    return out


def _wsp(sp: Elemen, kotak: Kotak, out: Keluaran, j: Jangkar, puncak: bool) -> None:
    anak_sp = anak_semua(sp)
    sppr = anak_semua(anak_sp.get(q("wps:spPr")))
    rot, flip_h, flip_v = _xfrm(sppr.get(q("a:xfrm")))
    garis, kepala = _garis(anak_sp, sppr)
    teks = out.teks(anak(anak_sp.get(q("wps:txbx")), "w:txbxContent"))
    prst_el = sppr.get(q("a:prstGeom"))
    cust = sppr.get(q("a:custGeom"))
    w, h = kotak.lebar, kotak.tinggi
    konektor = q("wps:cNvCnPr") in anak_sp
    if prst_el is not None:
        prst = prst_el.get("prst", "rect")
        if konektor or prst in GARIS:
            lokal = titik_konektor(prst, w, h, _adj(prst_el))
            titik = ubah_titik(lokal, kotak.x0, kotak.y0, w, h, rot, flip_h, flip_v)
            out.tambah(Bentuk(kotak=kotak, titik=titik, kepala=kepala, garis=garis, sel=j.sel))
            return
        adj = _adj(prst_el)
        hasil = jenis_preset(prst, w, h, adj[0] if adj else None)
        kotak, hasil = _putar(kotak, hasil, rot, prst)
    elif cust is not None:
        jalur = _jalur(cust, w, h)
        if jalur is None:
            hasil = Hasil(jenis_preset("?", w, h).jenis, 0.2, "custGeom:unreadable")
        else:
            terbuka = [p for p, tutup, _ in jalur if not tutup]
            if konektor or (jalur and len(terbuka) == len(jalur)):
                for i, lokal in enumerate(terbuka):
                    titik = ubah_titik(lokal, kotak.x0, kotak.y0, w, h, rot, flip_h, flip_v)
                    ujung = _ujung(kepala, i, len(terbuka))
                    out.tambah(Bentuk(kotak=kotak, titik=titik, kepala=ujung, sel=j.sel))
                return
            utama = max((p for p, tutup, _ in jalur if tutup), key=lambda p: len(p))
            lengkung = any(c for p, tutup, c in jalur if tutup)
            pts = ubah_titik(utama, kotak.x0, kotak.y0, w, h, rot, flip_h, flip_v)
            hasil = golongkan(pts, lengkung, "custGeom")
            if rot % 180:
                xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                kotak = Kotak(min(xs), min(ys), max(xs), max(ys), kotak.halaman)
    else:
        hasil = jenis_preset("rect", w, h)
    out.tambah(
        Bentuk(
            kotak=kotak,
            hasil=hasil,
            teks=teks,
            garis=garis,
            warna=_warna(anak_sp, sppr),
            sel=j.sel,
        )
    )


def _ujung(kepala: str, i: int, n: int) -> str:
    """The heads of the ``i``-th of ``n`` subpaths: the tail's head on the first, the end's last."""
    awal = kepala in ("awal", "keduanya") and i == 0
    akhir = kepala in ("akhir", "keduanya") and i == n - 1
    return "keduanya" if awal and akhir else "awal" if awal else "akhir" if akhir else "tidak_ada"


def _putar(kotak: Kotak, hasil: Hasil, rot: float, prst: str) -> tuple[Kotak, Hasil]:
    """A rotated symbol: its page box, and a square turned by 45 degrees drawn as a diamond."""
    r = rot % 180
    if r < 1 or r > 179:
        return kotak, hasil
    lokal = [(0.0, 0.0), (kotak.lebar, 0.0), (kotak.lebar, kotak.tinggi), (0.0, kotak.tinggi)]
    pts = ubah_titik(lokal, kotak.x0, kotak.y0, kotak.lebar, kotak.tinggi, rot)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    baru = Kotak(min(xs), min(ys), max(xs), max(ys), kotak.halaman)
    if prst in ("rect", "flowChartProcess") and abs(r % 90 - 45) < 5:
        return baru, Hasil(golongkan(pts, False, "prstGeom").jenis, 0.8, f"prstGeom:{prst}:rot45")
    return baru, hasil


_BAWAAN = ("l", "t", "r", "b", "w", "h", "hc", "vc", "wd2", "hd2", "wd4", "hd4", "ss", "ls")


def _tebak(nama: str | None, gd: dict[str, float]) -> float | None:
    if nama is None:
        return 0.0
    try:
        return float(nama)
    except ValueError:
        return gd.get(nama)


def _panduan(cust: Elemen, w: float, h: float) -> dict[str, float]:
    gd: dict[str, float] = dict(
        zip(
            _BAWAAN,
            (0, 0, w, h, w, h, w / 2, h / 2, w / 2, h / 2, w / 4, h / 4, min(w, h), max(w, h)),
            strict=True,
        )
    )
    for lst in ("a:avLst", "a:gdLst"):
        for g in cust.iterfind(f"{q(lst)}/{q('a:gd')}"):
            parts = (g.get("fmla") or "").split()
            args = [_tebak(a, gd) for a in parts[1:]]
            if not parts or any(a is None for a in args):
                continue
            v = [a or 0.0 for a in args]
            op = parts[0]
            value = {
                "val": lambda v: v[0],
                "*/": lambda v: v[0] * v[1] / v[2] if v[2] else 0.0,
                "+-": lambda v: v[0] + v[1] - v[2],
                "+/": lambda v: (v[0] + v[1]) / v[2] if v[2] else 0.0,
            }.get(op)
            if value is not None and len(v) >= {"val": 1}.get(op, 3):
                gd[g.get("name", "")] = value(v)
    return gd


class _Panduan(dict[str, float]):
    """A custom geometry's guides, worked out only when a path names one."""

    def __init__(self, cust: Elemen, w: float, h: float):
        super().__init__()
        self._sumber: tuple[Elemen, float, float] | None = (cust, w, h)

    def get(self, key: str, default: float | None = None) -> float | None:  # type: ignore[override]
        if self._sumber is not None:
            cust, w, h = self._sumber
            self._sumber = None
            self.update(_panduan(cust, w, h))
        return super().get(key, default)


def _jalur(cust: Elemen, w: float, h: float) -> list[tuple[list[Titik], bool, bool]] | None:
    """The subpaths of a custom geometry in the shape's box: (points, closed, curved)."""
    out: list[tuple[list[Titik], bool, bool]] = []
    for path in cust.iterfind(f"{q('a:pathLst')}/{q('a:path')}"):
        pw = angka(path.get("w")) / EMU_PER_PT or w
        ph = angka(path.get("h")) / EMU_PER_PT or h
        gd = _Panduan(cust, pw * EMU_PER_PT, ph * EMU_PER_PT)
        sx = w / pw if pw else 1.0
        sy = h / ph if ph else 1.0
        current: list[Titik] = []
        lengkung = False

        def titik(
            pt: Elemen, gd: dict[str, float] = gd, sx: float = sx, sy: float = sy
        ) -> Titik | None:
            x, y = _tebak(pt.get("x"), gd), _tebak(pt.get("y"), gd)
            if x is None or y is None:
                return None
            return (x / EMU_PER_PT * sx, y / EMU_PER_PT * sy)

        for cmd in path:
            tag = cmd.tag.rsplit("}", 1)[-1]
            pts = [titik(p) for p in cmd.iterfind(q("a:pt"))]
            if any(p is None for p in pts):
                return None
            ok = [p for p in pts if p is not None]
            if tag == "moveTo" and ok:
                if len(current) > 1:
                    out.append((current, False, lengkung))
                current, lengkung = [ok[0]], False
            elif tag == "lnTo" and ok:
                current.append(ok[0])
            elif tag in ("cubicBezTo", "quadBezTo") and ok and current:
                current.extend(bezier(current[-1], *ok))
                lengkung = True
            elif tag == "arcTo" and current:
                wr = (_tebak(cmd.get("wR"), gd) or 0) / EMU_PER_PT * sx
                hr = (_tebak(cmd.get("hR"), gd) or 0) / EMU_PER_PT * sy
                st = (_tebak(cmd.get("stAng"), gd) or 0) / 60000
                sw = (_tebak(cmd.get("swAng"), gd) or 0) / 60000
                px, py = current[-1]
                cx = px - wr * math.cos(math.radians(st))
                cy = py - hr * math.sin(math.radians(st))
                current.extend(elips(cx, cy, wr, hr, st, sw))
                lengkung = True
            elif tag == "close":
                if len(current) > 2:
                    out.append((current, True, lengkung))
                current = []
        if len(current) > 1:
            out.append((current, False, lengkung))
    return [(p, tutup or _tertutup(p), c) for p, tutup, c in out]


def _tertutup(titik: list[Titik]) -> bool:
    """An open path whose end meets its start outlines a shape all the same."""
    xs, ys = [p[0] for p in titik], [p[1] for p in titik]
    size = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    return len(titik) > 3 and math.dist(titik[0], titik[-1]) <= 0.02 * size
