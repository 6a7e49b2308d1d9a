"""The six sections (Dasar Hukum ... Pencatatan dan Pendataan), however they are typed.

Headings are found by meaning at the start of a paragraph or a cell; what
follows them (in the same cell, in the cell below in the same column, or in
the paragraphs after) is their content. Items are split by Word numbering, by
typed numbers and bullets, by line breaks, and by numbers run together in a
text dump ('1. A2. B'). The unlabelled "Jika SOP tidak dilaksanakan ..."
paragraph is the Peringatan wherever it is printed.
"""

from __future__ import annotations

import re

from ..i18n import _
from .bahan import Paragraf, Sel, Tabel
from .identitas import baris_identitas
from .konteks import Konteks
from .normal import TAG, bersihkan, kosong, lepas_penanda, pecah_item

DAFTAR = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "pencatatan_pendataan",
)
JUDUL = {
    "dasar_hukum": r"dasar\s+hukum",
    "kualifikasi_pelaksana": r"kualifikasi\s+pelaksana(?:an)?",
    "keterkaitan": r"keterkaitan(?:\s+dengan\s+(?:sop|pos)(?:\s+lain)?)?",
    "peralatan_perlengkapan": r"peralatan\s*(?:/|dan|&)?\s*(?:perlengkapan|kelengkapan)?|"
    r"perlengkapan",
    "peringatan": r"peringatan",
    "pencatatan_pendataan": r"pencatatan\s*(?:/|dan|&)?\s*pendataan|pencatatan|pendataan",
}
_JUDUL = re.compile(
    r"^(?P<lead>(?:\s*<[^<>]*>)*)\s*(?:[A-Za-z0-9]{1,2}[.)]\s+)?(?P<judul>"
    + "|".join(f"(?P<{k}>{v})" for k, v in JUDUL.items())
    + r")\s*(?::|$|\n)",
    re.I,
)
_PERINGATAN = re.compile(r"^\s*(?:<[^<>]*>\s*)*(jika|apabila|bila)\s+(sop|pos)\b.*\btidak\b", re.I)


def judul_bagian(teks: str) -> tuple[str, str] | None:
    """(section key, the text after the heading) when ``teks`` opens with a heading."""
    m = _JUDUL.match(teks)
    if not m:
        return None
    key = next(k for k in JUDUL if m.group(k))
    return key, (m.group("lead") + teks[m.end() :]).strip()


def baca_bagian(kt: Konteks, lewati: set[int]) -> None:
    """Fill the six sections of ``kt.data`` from the blocks (tables in ``lewati`` skipped)."""
    isi: dict[str, list[str]] = {}
    current: str | None = None

    def add(key: str | None, text: str) -> None:
        if not text.strip() or kosong(text):
            return
        if _PERINGATAN.match(text) and key != "peringatan":
            key = "peringatan"
        if key is None:
            return
        isi.setdefault(key, []).append(text)

    for n, blok in enumerate(kt.blok):
        if n in lewati:
            continue
        if isinstance(blok, Paragraf):
            text = (blok.penomoran + " " if blok.penomoran else "") + blok.teks
            hit = judul_bagian(blok.teks)
            if hit:
                current = hit[0]
                add(current, hit[1])
            else:
                add(current, text)
            continue
        current = _tabel(blok, add, current)
    for key in DAFTAR:
        items: list[str] = []
        for chunk in isi.get(key, []):
            items.extend(pecah_item(chunk))
        items = [i for i in items if not kosong(i)]
        if items:
            kt.data[key] = [kt.teks(item, (key, k)) for k, item in enumerate(items)]
            kt.dibaca("bagian", len(items))
    peringatan = " ".join(" ".join(x.split()) for x in isi.get("peringatan", []))
    if peringatan:
        text, _m = lepas_penanda(peringatan)
        kt.data["peringatan"] = kt.teks(text, ("peringatan",))
        kt.dibaca("bagian")
    missing = [k for k in (*DAFTAR, "peringatan") if k not in isi]
    if len(missing) == 6:
        kt.gagal(("dasar_hukum",), _("none of the six sections was found"))


def _tabel(tabel: Tabel, add: object, current: str | None) -> str | None:
    """Read a sections table: heading rows name the columns, the rows below fill them."""
    assert callable(add)
    columns: dict[int, str] = {}
    for row in tabel.baris:
        if any(True for _x in baris_identitas(row)):
            continue
        col = 0
        cells = []
        for cell in row:
            cells.append((col, cell))
            col += max(1, cell.span)
        headed = [judul_bagian(c.teks) for _c, c in cells]
        if any(headed):
            for (c, cell), hit in zip(cells, headed, strict=True):
                if cell.lanjutan:
                    continue
                if hit:
                    columns[c] = hit[0]
                    current = hit[0]
                    add(hit[0], hit[1])
                else:
                    add(columns.get(c, current), _sel_teks(cell))
            continue
        for c, cell in cells:
            if cell.lanjutan:
                continue
            key = columns.get(c)
            if key is None and len(cells) == 1:
                key = current
            add(key, _sel_teks(cell))
    return current


def _sel_teks(cell: Sel) -> str:
    """A cell's text with its generated list markers written in, one item per paragraph;
    a table nested in the cell (items in columns) is read column by column."""
    if len(cell.penomoran) != len(cell.paragraf):
        text = cell.teks
    else:
        text = "\n".join(
            f"{m} {p}" if m and not TAG.match(p) else p
            for p, m in zip(cell.paragraf, cell.penomoran, strict=True)
        )
    for inner in cell.tabel:
        width = max((len(r) for r in inner.baris), default=0)
        for c in range(width):
            for row in inner.baris:
                if c < len(row) and not row[c].lanjutan:
                    text += "\n" + _sel_teks(row[c])
    return text.strip("\n")


__all__ = ["DAFTAR", "baca_bagian", "bersihkan", "judul_bagian"]
