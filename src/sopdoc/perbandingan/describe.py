"""Changes put into words for a reviewer and the Camat: shared by the text and Markdown views.

The structure words are Indonesian, like the document: "Langkah 5
disisipkan", "Butir 2 dihapus", "Kolom pelaksana ... dipindah". A change in a
text is kept as its two sides, so each view can mark the words that changed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from ..i18n import _
from ..siklus.model import TRANSISI, StatusSop, transisi_sah
from .model import (
    BAGIAN,
    KOLOM,
    ButirDihapus,
    ButirDipindah,
    ButirDitambah,
    ButirDiubah,
    Dampak,
    KolomDiubah,
    LangkahDihapus,
    LangkahDipindah,
    LangkahDisisipkan,
    LangkahDiubah,
    NilaiDiubah,
    PelaksanaDihapus,
    PelaksanaDipindah,
    PelaksanaDitambah,
    PelaksanaDiubah,
    Perbandingan,
    Perubahan,
)

Tanda = Literal["+", "-", "~", ">"]
"""Kind of a line: added, removed, changed, moved."""

MENIT_PER_HARI = 450
"""A working day of 7.5 hours (see ``sopdoc.waktu.MENIT_PER_SATUAN``)."""


@dataclass
class Ganti:
    """One value before and after, to show with the changed words marked."""

    label: str
    lama: str
    baru: str


@dataclass
class Baris:
    """One reported change: a headline and its details."""

    tanda: Tanda
    judul: str
    teks: str = ""  # the text the headline is about (an aktivitas, an item)
    rincian: list[Ganti | str] = field(default_factory=list)


@dataclass
class Bagian:
    """A part of the SOP with its changes."""

    judul: str
    baris: list[Baris] = field(default_factory=list)


def kosong(value: Any) -> str:
    return "(kosong)" if value in (None, "", []) else _text(value)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict) and "sop" in value:  # a typed keterkaitan
        return f"{value['sop']} ({value.get('jenis', '')})"
    if isinstance(value, dict) and "catatan" not in value:  # a penetapan
        parts = [value.get("nomor"), value.get("tanggal"), value.get("tentang"), value.get("oleh")]
        return ", ".join(str(p) for p in parts if p)
    if isinstance(value, dict):  # a riwayat revisi entry
        nomor = f" (revisi {value['nomor']})" if value.get("nomor") else ""
        return f"{value.get('tanggal', '')}{nomor}: {value.get('catatan', '')}"
    return str(value)


def format_menit(menit: float) -> str:
    """Working minutes as days (of 7.5 hours), hours and minutes: '14 hari 10 menit'."""
    sign = "-" if menit < 0 else ""
    m = round(abs(menit))
    hari, rest = divmod(m, MENIT_PER_HARI)
    jam, mnt = divmod(rest, 60)
    parts = [
        f"{hari} hari" if hari else "",
        f"{jam} jam" if jam else "",
        f"{mnt} menit" if mnt else "",
    ]
    text = " ".join(p for p in parts if p) or "0 menit"
    return sign + text


def inline(b: Baris) -> Ganti | None:
    """The one unlabelled change a headline can carry on its own line, if that is all."""
    if not b.teks and len(b.rincian) == 1:
        only = b.rincian[0]
        if isinstance(only, Ganti) and not only.label:
            return only
    return None


def word_diff(lama: str, baru: str) -> list[tuple[str, str]]:
    """The two texts merged word by word: ('', same), ('-', removed), ('+', added)."""
    a = re.findall(r"\S+|\s+", lama)
    b = re.findall(r"\S+|\s+", baru)
    out: list[tuple[str, str]] = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(("", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def similar(lama: str, baru: str) -> bool:
    """Close enough to show as one text with the changed words marked."""
    a, b = lama.split(), baru.split()
    return bool(a and b) and difflib.SequenceMatcher(None, a, b).ratio() >= 0.5


class _Lanes:
    def __init__(self, p: Perbandingan):
        self.lama, self.baru = p.lama.pelaksana, p.baru.pelaksana

    def show(self, value: Any, labels: dict[str, str]) -> str:
        ids = value if isinstance(value, list) else [value]
        return " + ".join(labels.get(i, str(i)) for i in ids if i is not None) or "(kosong)"


def _step_details(step: dict[str, Any], labels: dict[str, str], lanes: _Lanes) -> list[Ganti | str]:
    parts = [f"Pelaksana: {lanes.show(step.get('pelaksana'), labels)}"]
    for kolom in ("kelengkapan", "waktu", "output", "keterangan"):
        if step.get(kolom) is not None:
            parts.append(f"{KOLOM[kolom]}: {step[kolom]}")
    if step.get("jika_tidak") is not None:
        parts.append(f"Jika tidak: kembali ke langkah {step['jika_tidak']}")
    return ["; ".join(parts)]


def _column(k: KolomDiubah, c: LangkahDiubah, lanes: _Lanes) -> Ganti:
    if k.kolom == "pelaksana":
        return Ganti(k.label, lanes.show(k.lama, lanes.lama), lanes.show(k.baru, lanes.baru))
    if k.kolom == "jika_tidak":

        def target(ref: Any, aktivitas: str | None) -> str:
            if ref is None:
                return "(bukan keputusan)"
            return f"langkah {ref}" + (f" ({aktivitas})" if aktivitas else " (tidak ada)")

        return Ganti(k.label, target(k.lama, c.tujuan_lama), target(k.baru, c.tujuan_baru))
    return Ganti(k.label, kosong(k.lama), kosong(k.baru))


def _nomor(lama: int, baru: int) -> str:
    return f"{baru}" if lama == baru else f"{baru} (dulu {lama})"


SIKLUS = {"status", "penetapan", "diganti_oleh"}
"""Life-cycle values, reported together after the identity table."""


def _transisi(c: NilaiDiubah) -> list[Ganti | str]:
    """A warning when a status moves where the life cycle does not allow (docs/spec.md)."""
    if c.path != ("status",):
        return []
    lama = StatusSop(c.lama) if c.lama else None
    baru = StatusSop(c.baru) if c.baru else None
    if lama is None or transisi_sah(lama, baru):
        return []
    sah = ", ".join(s.value for s in sorted(TRANSISI[lama], key=list(StatusSop).index)) or "-"
    return [
        _("status {old} cannot move to {new}; valid: {valid}").format(
            old=c.lama, new=c.baru, valid=sah
        )
    ]


def describe(p: Perbandingan) -> list[Bagian]:
    """The changes grouped by part of the SOP, in document order."""
    lanes = _Lanes(p)
    parts: dict[str, Bagian] = {}

    def add(judul: str, baris: Baris) -> None:
        parts.setdefault(judul, Bagian(judul)).baris.append(baris)

    for c in p.perubahan:
        _describe_one(c, lanes, add)
    return list(parts.values())


def _describe_one(c: Perubahan, lanes: _Lanes, add: Any) -> None:
    if isinstance(c, NilaiDiubah):
        judul = "Peringatan" if c.path == ("peringatan",) else "Identitas"
        nilai: list[Ganti | str] = [Ganti("", kosong(c.lama), kosong(c.baru))]
        if c.path[0] in SIKLUS:
            judul = "Status dan penetapan"
            nilai += _transisi(c)
        add(judul, Baris("~", c.label, rincian=nilai))
    elif isinstance(c, ButirDitambah):
        add(BAGIAN[c.bagian], Baris("+", f"Butir {c.nomor_baru} ditambah", _text(c.nilai)))
    elif isinstance(c, ButirDihapus):
        add(BAGIAN[c.bagian], Baris("-", f"Butir {c.nomor_lama} dihapus", _text(c.nilai)))
    elif isinstance(c, ButirDipindah):
        judul = f"Butir {c.nomor_lama} dipindah ke nomor {c.nomor_baru}"
        add(BAGIAN[c.bagian], Baris(">", judul, _text(c.nilai)))
    elif isinstance(c, ButirDiubah):
        judul = f"Butir {_nomor(c.nomor_lama, c.nomor_baru)} diubah"
        add(BAGIAN[c.bagian], Baris("~", judul, rincian=[Ganti("", _text(c.lama), _text(c.baru))]))
    elif isinstance(c, PelaksanaDitambah):
        add("Pelaksana", Baris("+", f"Kolom {c.kolom_baru} ditambah", f"{c.label} ({c.id})"))
    elif isinstance(c, PelaksanaDihapus):
        add("Pelaksana", Baris("-", f"Kolom {c.kolom_lama} dihapus", f"{c.label} ({c.id})"))
    elif isinstance(c, PelaksanaDipindah):
        judul = f"Kolom {c.kolom_lama} dipindah ke kolom {c.kolom_baru}"
        add("Pelaksana", Baris(">", judul, c.label))
    elif isinstance(c, PelaksanaDiubah):
        rincian: list[Ganti | str] = []
        if c.label_lama != c.label_baru:
            rincian.append(Ganti("Nama kolom", c.label_lama, c.label_baru))
        if c.id_lama != c.id_baru:
            rincian.append(Ganti("id", c.id_lama, c.id_baru))
        add("Pelaksana", Baris("~", "Kolom diganti", c.label_baru, rincian))
    elif isinstance(c, LangkahDisisipkan):
        baris = Baris(
            "+",
            f"Langkah {c.nomor_baru} disisipkan",
            str(c.kegiatan.get("aktivitas", "")),
            _step_details(c.kegiatan, lanes.baru, lanes),
        )
        add("Kegiatan", baris)
    elif isinstance(c, LangkahDihapus):
        baris = Baris(
            "-",
            f"Langkah {c.nomor_lama} dihapus",
            str(c.kegiatan.get("aktivitas", "")),
            _step_details(c.kegiatan, lanes.lama, lanes),
        )
        add("Kegiatan", baris)
    elif isinstance(c, LangkahDipindah):
        add(
            "Kegiatan",
            Baris(">", f"Langkah {c.nomor_lama} dipindah ke nomor {c.nomor_baru}", c.aktivitas),
        )
    elif isinstance(c, LangkahDiubah):
        judul = f"Langkah {_nomor(c.nomor_lama, c.nomor_baru)} diubah"
        rincian = [_column(k, c, lanes) for k in c.kolom]
        add("Kegiatan", Baris("~", judul, "" if c.get("aktivitas") else c.aktivitas, rincian))


def dampak_lines(d: Dampak) -> list[str]:
    """The effect on the whole procedure, one sentence a line."""
    out = []
    if d.jumlah_langkah_lama != d.jumlah_langkah_baru:
        out.append(f"Jumlah langkah: {d.jumlah_langkah_lama} → {d.jumlah_langkah_baru}")
    before, after = d.total_menit_lama, d.total_menit_baru
    if before != after:
        delta = after - before
        sign = "+" if delta > 0 else "-"
        out.append(
            f"Total waktu: {format_menit(before)} → {format_menit(after)} "
            f"({sign}{format_menit(abs(delta))})"
        )
    else:
        out.append(f"Total waktu tetap: {format_menit(before)}")
    if d.penomoran:
        out.append("Penomoran ulang: " + ", ".join(_runs([(n.lama, n.baru) for n in d.penomoran])))
    return out


def _runs(pairs: list[tuple[int, int]]) -> list[str]:
    """'5–8 → 6–9' for consecutive steps shifted alike, '3 → 1' otherwise."""
    out: list[str] = []
    i = 0
    while i < len(pairs):
        j = i
        while (
            j + 1 < len(pairs)
            and pairs[j + 1][0] == pairs[j][0] + 1
            and pairs[j + 1][1] == pairs[j][1] + 1
        ):
            j += 1
        (a, b), (c, d) = pairs[i], pairs[j]
        out.append(f"langkah {a} → {b}" if i == j else f"langkah {a}–{c} → {b}–{d}")
        i = j + 1
    return out


def judul(p: Perbandingan) -> str:
    """The headline: which SOP, and the two revisions compared."""
    name = f"SOP {p.baru.nomor} — {p.baru.nama}"
    return name


def sumber(p: Perbandingan) -> str:
    return (
        f"lama: {p.lama.sumber or '(tanpa berkas)'}  →  baru: {p.baru.sumber or '(tanpa berkas)'}"
    )


def ringkasan(p: Perbandingan) -> str:
    """One sentence: how many changes of which kind."""
    if p.kosong:
        return "Tidak ada perubahan isi."
    counts = {
        "langkah disisipkan": len(p.of("langkah_disisipkan")),
        "langkah dihapus": len(p.of("langkah_dihapus")),
        "langkah dipindah": len(p.of("langkah_dipindah")),
        "langkah diubah": len(p.of("langkah_diubah")),
    }
    other = len(p.perubahan) - sum(counts.values())
    parts = [f"{n} {label}" for label, n in counts.items() if n]
    if other:
        parts.append(f"{other} perubahan identitas/bagian lain")
    return f"{len(p.perubahan)} perubahan: " + ", ".join(parts) + "."
