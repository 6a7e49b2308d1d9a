"""Legacy VML shapes (Word 2003/2007 documents, and the Fallback of newer ones).

A VML shape is placed by its CSS style (``position:absolute; margin-left;
margin-top; width; height`` measured from what ``mso-position-*-relative``
names), or sits in the line when it is not absolute. Groups map their
children's ``left/top/width/height`` through ``coordsize``/``coordorigin``.
The symbol is judged from its path (its own, or its ``v:shapetype``'s) where
the path can be read without formulas, else from the shape type number.
"""

from __future__ import annotations

import math
import re

from ..bahan import Kotak, Titik
from .geometri import GARIS, VML_SPT, Hasil, elips, golongkan, jenis_preset, titik_konektor
from .keluaran import Bentuk, Keluaran
from .ooxml import Elemen, angka, gaya_css, panjang_vml, q
from .tata import Jangkar

_V = "{urn:schemas-microsoft-com:vml}"
_O = "{urn:schemas-microsoft-com:office:office}"
_BENTUK = {f"{_V}{t}" for t in ("shape", "rect", "roundrect", "oval", "line", "polyline", "arc")}
_GROUP, _SHAPETYPE = f"{_V}group", f"{_V}shapetype"
_TXBX = q("w:txbxContent")

Peta = tuple[float, float, float, float]  # (ax, bx, ay, by): page = a + b * coordinate


def kumpulkan_shapetype(root: Elemen) -> dict[str, Elemen]:
    """Every ``v:shapetype`` of a part by id (Word defines each once, at its first use)."""
    return {st.get("id", ""): st for st in root.iter(_SHAPETYPE)}


def _css_box(css: dict[str, str], j: Jangkar) -> tuple[Kotak, Peta]:
    """The page box of a top-level shape, and the map of lengths in points for its lines."""
    w = panjang_vml(css.get("width")) or 0.0
    h = panjang_vml(css.get("height")) or 0.0
    if css.get("position") != "absolute":
        x, y = j.x_sebaris, j.y_sebaris
        return Kotak(x, y, x + w, y + h, j.halaman), (x, 1.0, y, 1.0)
    b = j.bagian
    hrel = css.get("mso-position-horizontal-relative", "text")
    vrel = css.get("mso-position-vertical-relative", "text")
    fh = {
        "page": (0.0, b.lebar),
        "margin": (b.kiri, b.lebar - b.kanan),
        "left-margin-area": (0.0, b.kiri),
        "inner-margin-area": (0.0, b.kiri),
        "right-margin-area": (b.lebar - b.kanan, b.lebar),
        "outer-margin-area": (b.lebar - b.kanan, b.lebar),
        "char": (j.paragraf.x0, j.paragraf.x1),
    }.get(hrel, j.kolom)
    fv = {
        "page": (0.0, b.tinggi),
        "margin": (b.atas, b.tinggi - b.bawah),
        "top-margin-area": (0.0, b.atas),
        "inner-margin-area": (0.0, b.atas),
        "bottom-margin-area": (b.tinggi - b.bawah, b.tinggi),
        "outer-margin-area": (b.tinggi - b.bawah, b.tinggi),
        "line": (j.y_sebaris, j.paragraf.y1),
    }.get(vrel, (j.paragraf.y0, j.paragraf.y1))
    left = panjang_vml(css.get("margin-left")) or panjang_vml(css.get("left")) or 0.0
    top = panjang_vml(css.get("margin-top")) or panjang_vml(css.get("top")) or 0.0
    x = _rata(css.get("mso-position-horizontal"), fh, w, fh[0] + left)
    y = _rata(css.get("mso-position-vertical"), fv, h, fv[0] + top)
    return Kotak(x, y, x + w, y + h, j.halaman), (fh[0], 1.0, fv[0], 1.0)


def _rata(align: str | None, frame: tuple[float, float], size: float, default: float) -> float:
    if align == "center":
        return (frame[0] + frame[1] - size) / 2
    if align in ("right", "bottom", "outside"):
        return frame[1] - size
    if align in ("left", "top", "inside"):
        return frame[0]
    return default


def _pasangan(text: str | None) -> tuple[float, float] | None:
    if not text:
        return None
    parts = text.split(",")
    return angka(parts[0]), angka(parts[1] if len(parts) > 1 else "0")


def baca_pict(pict: Elemen, j: Jangkar, out: Keluaran, tipe: dict[str, Elemen]) -> None:
    """Every shape of one ``w:pict`` (or ``w:object``)."""
    for el in pict:
        if el.tag in _BENTUK or el.tag == _GROUP:
            css = gaya_css(el.get("style"))
            kotak, peta = _css_box(css, j)
            _bentuk(el, kotak, (peta[0], 0.75, peta[2], 0.75), out, j, tipe, puncak=True)


def _peta_grup(el: Elemen, kotak: Kotak) -> Peta:
    size = _pasangan(el.get("coordsize")) or (1000.0, 1000.0)
    origin = _pasangan(el.get("coordorigin")) or (0.0, 0.0)
    bx = kotak.lebar / size[0] if size[0] else 1.0
    by = kotak.tinggi / size[1] if size[1] else 1.0
    return (kotak.x0 - origin[0] * bx, bx, kotak.y0 - origin[1] * by, by)


def _kotak_anak(el: Elemen, peta: Peta, halaman: int) -> Kotak:
    css = gaya_css(el.get("style"))
    ax, bx, ay, by = peta

    def num(key: str, alt: str = "") -> float:
        raw = css.get(key) or css.get(alt)
        return angka(raw) if raw else 0.0

    x, y = num("left", "margin-left"), num("top", "margin-top")
    return Kotak(
        ax + bx * x,
        ay + by * y,
        ax + bx * (x + num("width")),
        ay + by * (y + num("height")),
        halaman,
    )


def _ujung(el: Elemen) -> str:
    stroke = el.find(f"{_V}stroke")
    if stroke is None:
        return "tidak_ada"
    awal = stroke.get("startarrow", "none") != "none"
    akhir = stroke.get("endarrow", "none") != "none"
    return "keduanya" if awal and akhir else "awal" if awal else "akhir" if akhir else "tidak_ada"


def _mati(value: str | None) -> bool:
    return (value or "").lower() in ("f", "false", "0", "off")


def _bentuk(
    el: Elemen,
    kotak: Kotak,
    peta: Peta,
    out: Keluaran,
    j: Jangkar,
    tipe: dict[str, Elemen],
    puncak: bool,
) -> None:
    tag = el.tag[len(_V) :]
    if tag == "group":
        inner = _peta_grup(el, kotak)
        for child in el:
            if child.tag in _BENTUK or child.tag == _GROUP:
                _bentuk(child, _kotak_anak(child, inner, kotak.halaman), inner, out, j, tipe, False)
        return
    if tag in ("line", "polyline"):
        titik = _titik_garis(el, peta, puncak)
        if titik:
            out.tambah(Bentuk(kotak=kotak, titik=titik, kepala=_ujung(el), sel=j.sel))
        return
    image = el.find(f"{_V}imagedata")
    if image is not None:
        nama = image.get(f"{_O}title") or el.get(f"{_O}title") or el.get("alt") or ""
        out.gambar(kotak, nama, j.sel)
        return
    css = gaya_css(el.get("style"))
    ref = (el.get("type") or "").lstrip("#")
    shapetype = tipe.get(ref)
    spt = _spt(el, shapetype, ref)
    stroke = el.find(f"{_V}stroke")
    fill = el.find(f"{_V}fill")
    garis = not _mati(el.get("stroked")) and not (stroke is not None and _mati(stroke.get("on")))
    if shapetype is not None and el.get("stroked") is None and _mati(shapetype.get("stroked")):
        garis = False
    isi = not _mati(el.get("filled")) and not (fill is not None and _mati(fill.get("on")))
    warna = isi and _bukan_putih(el.get("fillcolor"))
    box = el.find(f"{_V}textbox")
    teks = out.teks(box.find(f".//{_TXBX}") if box is not None else None)
    rot = angka(css.get("rotation"))
    flip = css.get("flip", "")
    w, h = kotak.lebar, kotak.tinggi
    prst = {"rect": "rect", "roundrect": "roundRect", "oval": "ellipse", "arc": "arc"}.get(tag)
    prst = prst or VML_SPT.get(spt or -1)
    konektor = el.get(f"{_O}connectortype") not in (None, "none") or prst in GARIS
    path = el.get("path") or (shapetype.get("path") if shapetype is not None else None)
    coord = el.get("coordsize") or (
        (shapetype.get("coordsize") or "21600,21600") if shapetype is not None else "1000,1000"
    )
    jalur = (
        _jalur_vml(path, coord, el.get("coordorigin"), kotak) if path and tag == "shape" else None
    )
    if konektor or (jalur and all(not tutup for _, tutup, _ in jalur)):
        if jalur and not konektor:
            for i, (pts, _, _) in enumerate(jalur):
                out.tambah(
                    Bentuk(
                        kotak=kotak,
                        titik=_balik(pts, kotak, flip),
                        kepala=_ujung_ke(el, i, len(jalur)),
                        sel=j.sel,
                    )
                )
            return
        adj = [angka(a) / 21600 * 100000 for a in (el.get("adj") or "").split(",") if a.strip()]
        lokal = titik_konektor(prst or "line", w, h, adj)
        pts = [(kotak.x0 + x, kotak.y0 + y) for x, y in lokal]
        out.tambah(
            Bentuk(kotak=kotak, titik=_balik(pts, kotak, flip), kepala=_ujung(el), sel=j.sel)
        )
        return
    hasil: Hasil
    tutup = [(p, c) for p, t, c in (jalur or []) if t]
    if tutup:
        utama, _lk = max(tutup, key=lambda pc: len(pc[0]))
        hasil = golongkan(utama, any(c for _, c in tutup), "vml:path")
    elif prst:
        adj_rr = _arcsize(el.get("arcsize")) if tag == "roundrect" else None
        hasil = jenis_preset(prst, w, h, adj_rr)
        hasil = Hasil(hasil.jenis, hasil.yakin, "vml:" + hasil.bentuk.split(":", 1)[1])
    else:
        hasil = Hasil(jenis_preset("?", w, h).jenis, 0.2, f"vml:{tag}")
    if rot % 180 and prst in ("rect", "flowChartProcess") and abs(rot % 90 - 45) < 5:
        c = kotak.tengah
        d = (w + h) / 2 * 0.7071
        kotak = Kotak(c[0] - d, c[1] - d, c[0] + d, c[1] + d, kotak.halaman)
        hasil = Hasil(
            golongkan([(0.5, 0), (1, 0.5), (0.5, 1), (0, 0.5)], False, "vml").jenis,
            0.8,
            "vml:rect:rot45",
        )
    elif 45 < rot % 180 < 135:
        c = kotak.tengah
        kotak = Kotak(c[0] - h / 2, c[1] - w / 2, c[0] + h / 2, c[1] + w / 2, kotak.halaman)
    out.tambah(Bentuk(kotak=kotak, hasil=hasil, teks=teks, garis=garis, warna=warna, sel=j.sel))


def _ujung_ke(el: Elemen, i: int, n: int) -> str:
    kepala = _ujung(el)
    awal = kepala in ("awal", "keduanya") and i == 0
    akhir = kepala in ("akhir", "keduanya") and i == n - 1
    return "keduanya" if awal and akhir else "awal" if awal else "akhir" if akhir else "tidak_ada"


def _balik(pts: list[Titik], kotak: Kotak, flip: str) -> list[Titik]:
    if "x" in flip:
        pts = [(kotak.x0 + kotak.x1 - x, y) for x, y in pts]
    if "y" in flip:
        pts = [(x, kotak.y0 + kotak.y1 - y) for x, y in pts]
    return pts


def _bukan_putih(color: str | None) -> bool:
    c = (color or "white").strip().lower().split()[0]
    return c not in ("white", "#fff", "#ffffff", "window", "#fffffe")


def _arcsize(text: str | None) -> float | None:
    if not text:
        return None
    value = angka(text.rstrip("f")) / (65536 if text.endswith("f") else 1)
    return value * 100000  # fraction of the shorter side -> DrawingML's roundRect adjust


def _spt(el: Elemen, shapetype: Elemen | None, ref: str) -> int | None:
    for source in (el, shapetype):
        if source is not None and source.get(f"{_O}spt"):
            return int(angka(source.get(f"{_O}spt")))
    m = re.search(r"_x0000_t(\d+)$", ref)
    return int(m.group(1)) if m else None


def _titik_garis(el: Elemen, peta: Peta, puncak: bool) -> list[Titik]:
    ax, bx, ay, by = peta
    skala = 0.75 if puncak else 1.0  # a number without unit: CSS pixels at the top level

    def titik(text: str | None) -> Titik | None:
        if not text:
            return None
        parts = text.split(",")
        if len(parts) < 2:
            return None
        x = panjang_vml(parts[0], skala) or 0.0
        y = panjang_vml(parts[1], skala) or 0.0
        if puncak:
            return (ax + x, ay + y)
        return (ax + bx * x, ay + by * y)

    if el.tag == f"{_V}line":
        a, b = titik(el.get("from") or "0,0"), titik(el.get("to") or "0,0")
        return [a, b] if a and b else []
    raw = [p for p in re.split(r"[,\s]+", (el.get("points") or "").strip()) if p]
    return [p for p in (titik(f"{x},{y}") for x, y in zip(raw[::2], raw[1::2], strict=False)) if p]


_CMD = re.compile(r"(nf|ns|ae|al|at|ar|wa|wr|qx|qy|qb|h[a-i]|[mlcxetrv])([^a-z]*)")


def _jalur_vml(
    path: str, coordsize: str | None, origin: str | None, kotak: Kotak
) -> list[tuple[list[Titik], bool, bool]] | None:
    """A VML path (``m l c x e qx qy ar at wa wr`` ...) in page points; None with formulas."""
    if "@" in path or "#" in path:
        return None
    size = _pasangan(coordsize) or (21600.0, 21600.0)
    org = _pasangan(origin) or (0.0, 0.0)
    sx = kotak.lebar / size[0] if size[0] else 1.0
    sy = kotak.tinggi / size[1] if size[1] else 1.0

    def pt(x: float, y: float) -> Titik:
        return (kotak.x0 + (x - org[0]) * sx, kotak.y0 + (y - org[1]) * sy)

    out: list[tuple[list[Titik], bool, bool]] = []
    cur: list[Titik] = []
    raw_cur = (0.0, 0.0)
    curved = False
    for cmd, args in _CMD.findall(path.lower()):
        nums = (
            [angka(a) if a.strip() else 0.0 for a in re.split(r",|\s+(?=[-\d])", args.strip())]
            if args.strip()
            else []
        )
        if cmd in ("m", "t"):
            if len(cur) > 1:
                out.append((cur, False, curved))
            x, y = [*nums, 0.0, 0.0][:2]
            if cmd == "t":
                x, y = raw_cur[0] + x, raw_cur[1] + y
            raw_cur, cur, curved = (x, y), [pt(x, y)], False
        elif cmd in ("l", "r"):
            for i in range(0, len(nums) - 1, 2):
                x, y = nums[i], nums[i + 1]
                if cmd == "r":
                    x, y = raw_cur[0] + x, raw_cur[1] + y
                raw_cur = (x, y)
                cur.append(pt(x, y))
        elif cmd in ("c", "v"):
            for i in range(0, len(nums) - 5, 6):
                c = nums[i : i + 6]
                if cmd == "v":
                    c = [c[k] + raw_cur[k % 2] for k in range(6)]
                cur.extend(pt(c[k], c[k + 1]) for k in (0, 2, 4))
                raw_cur = (c[4], c[5])
                curved = True
        elif cmd in ("qx", "qy"):
            for i in range(0, len(nums) - 1, 2):
                x, y = nums[i], nums[i + 1]
                x0, y0 = raw_cur
                if cmd == "qx":
                    cx, cy, start = x0, y, (-90.0 if y > y0 else 90.0)
                else:
                    cx, cy, start = x, y0, (180.0 if x > x0 else 0.0)
                rx, ry = abs(x - x0) or 1e-9, abs(y - y0) or 1e-9
                sweep = 90.0 if ((x > x0) == (y > y0)) == (cmd == "qx") else -90.0
                for ex, ey in elips(cx, cy, rx, ry, start, sweep, 4):
                    cur.append(pt(ex, ey))
                raw_cur = (x, y)
                curved = True
        elif cmd in ("ar", "at", "wa", "wr"):
            for i in range(0, len(nums) - 7, 8):
                kiri, t, r, b, x1, y1, x2, y2 = nums[i : i + 8]
                cx, cy = (kiri + r) / 2, (t + b) / 2
                rx, ry = abs(r - kiri) / 2, abs(b - t) / 2
                a1 = math.degrees(math.atan2((y1 - cy) / (ry or 1), (x1 - cx) / (rx or 1)))
                a2 = math.degrees(math.atan2((y2 - cy) / (ry or 1), (x2 - cx) / (rx or 1)))
                sweep = (a2 - a1) % 360 if cmd in ("wa", "wr") else -((a1 - a2) % 360)
                arc = [pt(ex, ey) for ex, ey in elips(cx, cy, rx, ry, a1, sweep or 360, 8)]
                if cmd in ("ar", "wr") and len(cur) > 1:
                    out.append((cur, False, curved))
                    cur = []
                cur.extend(arc)
                raw_cur = (x2, y2)
                curved = True
        elif cmd == "x":
            if len(cur) > 2:
                out.append((cur, True, curved))
            cur = []
        elif cmd == "e":
            if len(cur) > 1:
                out.append((cur, False, curved))
            cur = []
    if len(cur) > 1:
        out.append((cur, False, curved))
    return out
