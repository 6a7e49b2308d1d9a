"""The assembler: a reader's :class:`~sopdoc.impor.bahan.Bahan` -> SOPs and their reports.

One document may hold several SOPs: each identity table (a "Nomor SOP" label)
opens one, and the letterhead just above it goes with it. For each SOP the
parts are read in turn: identity (``identitas``), the six sections
(``bagian``), the procedure table (``prosedur``), and the flowchart
(``alur``, from the symbols and arrows) or, where the document lost its
drawing, the guesses of ``tebak``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..errors import SopdocError, format_path
from ..i18n import _
from ..model import Sop
from ..waktu import parse_waktu
from .alur import baca_alur
from .bagian import baca_bagian
from .bahan import Bahan, Paragraf, Tabel
from .identitas import LABEL, adalah_identitas, baca_identitas
from .konteks import Blok, Konteks
from .laporan import LaporanSop
from .normal import bersihkan, id_lajur, kosong
from .prosedur import TEKS_LANGKAH, Prosedur, baca_prosedur
from .tebak import tebak_lajur, tebak_panah_balik


class BukanSop(SopdocError):
    """The document is not an SOP AP document (or nothing of one could be read)."""


@dataclass
class SopImpor:
    """One SOP taken out of a document, and its report."""

    sop: Sop
    laporan: LaporanSop


def urutkan(bahan: Bahan) -> list[Blok]:
    """Tables and paragraphs in reading order (``urutan``, else page and top)."""
    blok: list[Blok] = [*bahan.tabel, *bahan.paragraf]

    def key(b: Blok) -> tuple[float, ...]:
        if b.urutan is not None:
            return (0, b.urutan, 0, 0)
        box = b.kotak
        if box is None:
            return (1, 0, 0, 0)
        return (1, box.halaman, box.y0, box.x0)

    return sorted(blok, key=key)


def _pembuka(b: Blok) -> bool:
    """Whether a block opens an SOP (its identity table or a 'Nomor SOP:' paragraph)."""
    if isinstance(b, Tabel):
        return adalah_identitas(b)
    head, sep, _t = bersihkan(b.teks).partition(":")
    return bool(sep) and bool(LABEL["nomor"].match(head.strip()))


def _kop_atas(b: Blok) -> bool:
    """A letterhead or title paragraph that belongs to the SOP below it."""
    if not isinstance(b, Paragraf):
        return False
    text = bersihkan(b.teks)
    return bool(text) and text.upper() == text and len(text) < 120


def pisah(blok: list[Blok]) -> list[list[Blok]]:
    """The blocks of each SOP of the document (the letterhead goes with the SOP below)."""
    starts = [i for i, b in enumerate(blok) if _pembuka(b)]
    if not starts:
        return [blok]
    # a 'Nomor SOP:' paragraph run (label lines one under another) opens once
    opens = [
        s for k, s in enumerate(starts) if k == 0 or not _sama_identitas(blok, starts[k - 1], s)
    ]
    cuts = []
    for k, s in enumerate(opens):
        at = s
        low = 0 if k == 0 else opens[k - 1] + 1
        while at > low and _kop_atas(blok[at - 1]):
            at -= 1
        cuts.append(at if k else 0)
    cuts.append(len(blok))
    return [blok[cuts[k] : cuts[k + 1]] for k in range(len(opens))]


def _sama_identitas(blok: list[Blok], a: int, b: int) -> bool:
    """Two openers belong to one identity block when only identity paragraphs lie between."""
    if isinstance(blok[a], Tabel) or isinstance(blok[b], Tabel):
        return False
    return all(isinstance(x, Paragraf) and _pembuka_atau_label(x) for x in blok[a : b + 1])


def _pembuka_atau_label(p: Paragraf) -> bool:
    head, sep, _t = bersihkan(p.teks).partition(":")
    return bool(sep) and any(pat.match(head.strip()) for pat in LABEL.values())


def rakit(bahan: Bahan, keep_markup: bool = False) -> list[SopImpor]:
    """Every SOP of the document; :class:`BukanSop` when there is none."""
    blok = urutkan(bahan)
    nomor_tabel = {id(t): k for k, t in enumerate(bahan.tabel)}
    hasil = []
    for segment in pisah(blok):
        kt = Konteks(bahan, segment, keep_markup=keep_markup)
        tables = [(n, b) for n, b in enumerate(segment) if isinstance(b, Tabel)]
        prosedur = baca_prosedur(
            tables, spans_known=bahan.format != "teks", nomor_tabel=nomor_tabel
        )
        has_identity = any(_pembuka(b) for b in segment)
        if prosedur is None and not has_identity:
            continue
        if prosedur is None:
            raise BukanSop(
                _(
                    "{source}: an identity table but no procedure table (NO, KEGIATAN, "
                    "PELAKSANA ...) was found"
                ).format(source=bahan.sumber)
            )
        baca_identitas(kt)
        # the sections come before the procedure table; what follows it (the signature
        # block) and its title are not theirs
        first = min(prosedur.tabel)
        skip = {n for n, t in tables if adalah_identitas(t) and _hanya(t)}
        skip |= set(range(first, len(segment)))
        skip |= {n for n, b in enumerate(segment[:first]) if _judul_prosedur(b)}
        baca_bagian(kt, skip)
        _kegiatan(kt, prosedur)
        kt.laporan.nomor = str(kt.data.get("nomor", ""))
        kt.laporan.nama = str(kt.data.get("nama", ""))
        hasil.append(SopImpor(_sop(kt), kt.laporan))
    if not hasil:
        raise BukanSop(
            _(
                "{source}: not an SOP AP document: no identity table (Nomor SOP) and no "
                "procedure table (NO, KEGIATAN, PELAKSANA ...) was found"
            ).format(source=bahan.sumber)
        )
    return hasil


def _judul_prosedur(b: Blok) -> bool:
    """The title over the procedure table ('SOP PELAKSANAAN ...'), in capitals."""
    if not isinstance(b, Paragraf):
        return False
    text = bersihkan(b.teks)
    return text.upper() == text and bool(
        re.match(r"^(SOP|POS|STANDAR OPERASIONAL PROSEDUR|PROSEDUR)\b", text)
    )


def _hanya(tabel: Tabel) -> bool:
    """An identity table that holds nothing else (its rows need no section reading)."""
    from .identitas import baris_identitas

    return all(any(True for _x in baris_identitas(r)) or not r for r in tabel.baris)


def _kegiatan(kt: Konteks, prosedur: Prosedur) -> None:
    taken: set[str] = set()
    lane_ids = [id_lajur(lane.label, taken) for lane in prosedur.lajur]
    kt.data["pelaksana"] = {
        lid: kt.teks(lane.label, ("pelaksana", lid)) or lid
        for lid, lane in zip(lane_ids, prosedur.lajur, strict=True)
    }
    kt.dibaca("pelaksana", len(lane_ids))
    steps: list[dict[str, Any]] = []
    nomor_prev = 0
    for i, langkah in enumerate(prosedur.langkah):
        step: dict[str, Any] = {}
        aktivitas = langkah.isi("aktivitas")
        if kosong(aktivitas):
            kt.gagal(("kegiatan", i, "aktivitas"), _("the activity of this step is empty"))
            aktivitas = "-"
        step["aktivitas"] = kt.teks(aktivitas, ("kegiatan", i, "aktivitas"))
        step["pelaksana"] = lane_ids[0] if lane_ids else "-"
        for key in ("kelengkapan", "output", "keterangan"):
            text = langkah.isi(key)
            if not kosong(text):
                step[key] = kt.teks(text, ("kegiatan", i, key))
        waktu = " ".join(langkah.isi("waktu").split())
        if not kosong(waktu):
            try:
                parse_waktu(bersihkan(waktu) if not kt.keep_markup else waktu)
                step["waktu"] = kt.teks(waktu, ("kegiatan", i, "waktu"))
            except ValueError:
                kt.gagal(
                    ("kegiatan", i, "waktu"),
                    _("Waktu {text!r} is not a number and a unit; left empty").format(text=waktu),
                )
        steps.append(step)
        kt.dibaca("kegiatan", 1 + sum(1 for k in TEKS_LANGKAH if langkah.isi(k)))
        if langkah.nomor.isdigit():
            n = int(langkah.nomor)
            if nomor_prev and n != nomor_prev + 1:
                kt.catat(
                    ("kegiatan", i),
                    _("printed as No. {n} after No. {prev}; steps are numbered in order").format(
                        n=n, prev=nomor_prev
                    ),
                )
            nomor_prev = n
        if langkah.sub_baris:
            kt.catat(
                ("kegiatan", i),
                _("step printed over {n} rows; their texts are joined").format(
                    n=langkah.sub_baris + 1
                ),
            )
    kt.data["kegiatan"] = steps
    _kertas(kt)
    if kt.bahan.simbol and baca_alur(kt, prosedur, lane_ids):
        return
    _tebak(kt, prosedur, lane_ids)


def _gambar_prosedur(kt: Konteks, prosedur: Prosedur) -> list[int]:
    """Pages where a picture lies over the procedure rows (a flowchart pasted as an image)."""
    pages: set[int] = set()
    rows = {(t, r) for step in prosedur.langkah for t, r in step.sel}
    boxes = [b for step in prosedur.langkah for b in step.kotak]
    for pic in kt.bahan.gambar:
        if pic.sel is not None and (pic.sel[0], pic.sel[1]) in rows:
            box = next((b for s in prosedur.langkah if (pic.sel[0], pic.sel[1]) in s.sel
                        for b in s.kotak), None)  # fmt: skip
            pages.add(box.halaman if box else 0)
        elif pic.kotak is not None and any(
            b.halaman == pic.kotak.halaman and b.y0 <= pic.kotak.tengah[1] <= b.y1 for b in boxes
        ):
            pages.add(pic.kotak.halaman)
    return sorted(pages)


def _kertas(kt: Konteks) -> None:
    """F4 where a page is 330 mm long (A4, the default, otherwise; other sizes noted)."""
    sizes = {(round(max(w, h)), round(min(w, h))) for w, h in kt.bahan.ukuran_halaman}
    if any(abs(long - 935) <= 8 for long, _short in sizes):
        kt.data["kertas"] = "F4"
    others = sorted(s for s in sizes if abs(s[0] - 935) > 8 and abs(s[0] - 842) > 8)
    if others:
        kt.catat(
            ("kertas",),
            _("paper of {w} x {h} mm is neither A4 nor F4; the spec keeps A4").format(
                w=round(others[0][1] / 72 * 25.4), h=round(others[0][0] / 72 * 25.4)
            ),
        )


def _tebak(kt: Konteks, prosedur: Prosedur, lane_ids: list[str]) -> None:
    """No drawing: lanes from the marks in lane cells, else guessed from the texts."""
    steps = kt.data["kegiatan"]
    texts = [{k: bersihkan(s.get(k, "")) for k in ("aktivitas", "output")} for s in steps]
    guesses = tebak_lajur(texts, [lbl for lbl in kt.data["pelaksana"].values()])
    pictures = _gambar_prosedur(kt, prosedur)
    if pictures:
        kt.gagal(
            (),
            _(
                "page {pages}: the flowchart is a picture and cannot be read; the table is read "
                "and the lanes are guessed from the texts"
            ).format(pages=", ".join(str(p + 1) for p in pictures)),
        )
    elif lane_ids:
        kt.catat((), _("the document has no flowchart drawing; lanes are read from the texts"))
    for i, (langkah, guess) in enumerate(zip(prosedur.langkah, guesses, strict=True)):
        if langkah.tanda:
            lanes = [lane_ids[k] for k in sorted(langkah.tanda)]
            steps[i]["pelaksana"] = lanes[0] if len(lanes) == 1 else lanes
            kt.dibaca("diagram")
            continue
        if not lane_ids:
            continue
        steps[i]["pelaksana"] = lane_ids[guess.lajur]
        kt.tebak(
            ("kegiatan", i, "pelaksana"),
            _("lane guessed: {reason}").format(reason=guess.alasan),
            guess.yakin,
        )
    balik = tebak_panah_balik([bersihkan(s.get("keterangan", "")) for s in steps])
    for i, target in balik.items():
        steps[i]["jika_tidak"] = target + 1
        kt.tebak(
            ("kegiatan", i, "jika_tidak"),
            _(
                "decision read from the keterangan ('panah balik'); it returns to step {n}, "
                "the step before the review"
            ).format(n=target + 1),
            0.5,
        )


def _sop(kt: Konteks) -> Sop:
    order = [
        "kop", "nomor", "nama", "instansi", "unit", "tanggal", "disahkan_oleh", "dasar_hukum",
        "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan",
        "pencatatan_pendataan", "pelaksana", "kegiatan", "kertas",
    ]  # fmt: skip
    data = {k: kt.data[k] for k in order if k in kt.data}
    try:
        return Sop.model_validate(data)
    except ValidationError as exc:  # a value the checks above let through: say which
        first = exc.errors()[0]
        where = format_path(tuple(first["loc"]))
        raise SopdocError(
            _("{source}: the imported SOP is not valid at {path}: {message}").format(
                source=kt.bahan.sumber, path=where, message=first["msg"]
            )
        ) from None
