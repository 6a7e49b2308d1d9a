"""Guessing what a page without its drawing lost: each step's lane, and the 'panah balik'.

An e-SOP page or a text dump keeps the procedure table but not the symbols.
The lane of each step is then inferred from the texts and the lane labels,
using the role aliases of the checker (``sopdoc.pemeriksaan.peran``), by these
clues, strongest first:

1. the output names its maker ("Disposisi Camat");
2. clerical work (upload, input, filing) falls to the staff lane (Pengelola),
   else to the Sub Bagian;
3. the step before handed the work on: the person it named with "ke",
   "kepada" or "bersama dengan" acts now (the last one named, if several);
4. otherwise the lane of the step before.

Every lane found so is flagged as a guess in the report and the spec. A
keterangan speaking of a "panah balik" makes the step a decision whose 'Tidak'
returns to the step before the run of such steps (also flagged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import _
from ..pemeriksaan.peran import PeranRef, load_peran, tokens

_KEPADA = frozenset({"ke", "kepada", "kpd"})
_BERSAMA = frozenset({"bersama", "dengan"})
_BUKAN_PELAKU = frozenset({"dari", "untuk", "bagi", "atas", "pada"})
_STAF = re.compile(
    r"\b(mengunggah|unggah|upload|menginput|menginputkan|input|mengentri|entri|entry|mengetik|"
    r"mengarsipkan|pengarsipan|mengagendakan|agenda|mencetak|menggandakan|memindai|scan|"
    r"mengolah\s+data|aplikasi)\b",
    re.I,
)
_PANAH_BALIK = re.compile(r"\bpanah\s+balik", re.I)


@dataclass(frozen=True)
class Sebutan:
    """A role named in a text, and how: 'pelaku' (acts), 'tujuan' (is handed to), 'rekan'
    (works with), 'nama' (named, e.g. as the maker of an output), 'lain'."""

    ref: PeranRef
    cara: str


def sebutan(teks: str) -> list[Sebutan]:
    """The roles a text names, in order, each with the part it plays."""
    peran = load_peran()
    toks = tokens(teks)
    out: list[Sebutan] = []
    i = 0
    while i < len(toks):
        hit = peran.match_at(toks, i)
        if hit is None:
            i += 1
            continue
        before = toks[i - 1] if i > 0 else ""
        before2 = toks[i - 2] if i > 1 else ""
        if before in _KEPADA or (before == "/" and out and out[-1].cara == "tujuan"):
            cara = "tujuan"
        elif before in _BERSAMA:
            cara = "rekan"  # works with the actor, and may take the work on next
        elif before == "oleh" or i == 0:
            cara = "pelaku"
        elif before in _BUKAN_PELAKU or before2 in _BUKAN_PELAKU:
            cara = "lain"
        else:
            cara = "nama"  # named without a preposition ("Disposisi Camat")
        out.append(Sebutan(hit[0], cara))
        i = hit[1]
    return out


def lajur_untuk(ref: PeranRef, lajur: list[tuple[PeranRef, ...]]) -> int | None:
    """The lane whose label covers the role named (the most exact one)."""
    best: int | None = None
    for k, refs in enumerate(lajur):
        if any(r.covers_exactly(ref) for r in refs):
            return k
        if best is None and any(r.covers(ref) or r.peran == ref.peran for r in refs):
            best = k
    return best


@dataclass
class Tebakan:
    """The lane guessed for a step, how sure, and why (translated)."""

    lajur: int
    yakin: float
    alasan: str


def tebak_lajur(langkah: list[dict[str, str]], labels: list[str]) -> list[Tebakan]:
    """A lane (index into ``labels``) for each step (texts: aktivitas, output, ...)."""
    peran = load_peran()
    lajur = [peran.label(lbl) for lbl in labels]
    staf = next(
        (k for k, refs in enumerate(lajur) if any(r.peran == "pengelola" for r in refs)), None
    )
    if staf is None:
        staf = next(
            (k for k, refs in enumerate(lajur) if any(r.peran == "kasubag" for r in refs)), None
        )
    out: list[Tebakan] = []
    handed: list[int] = []  # lanes the step before handed the work to
    for teks in langkah:
        aktivitas = teks.get("aktivitas", "")
        named = sebutan(aktivitas)
        excluded = {
            k
            for s in named
            if s.cara == "tujuan"
            for k in [lajur_untuk(s.ref, lajur)]
            if k is not None
        }
        choice: Tebakan | None = None
        for s in named:
            k = lajur_untuk(s.ref, lajur)
            if s.cara == "pelaku" and k is not None:
                choice = Tebakan(k, 0.8, _("the activity names who does it"))
                break
        if choice is None:
            for s in sebutan(teks.get("output", "")):
                k = lajur_untuk(s.ref, lajur)
                if s.cara in ("nama", "pelaku") and k is not None and k not in excluded:
                    choice = Tebakan(k, 0.8, _("the output names its maker"))
                    break
        if choice is None and staf is not None and staf not in excluded and _STAF.search(aktivitas):
            choice = Tebakan(
                staf, 0.6, _("clerical work (input, upload, filing) of the staff lane")
            )
        if choice is None:
            for k in reversed(handed):
                if k not in excluded:
                    choice = Tebakan(k, 0.6, _("the step before hands the work on to this lane"))
                    break
        if choice is None and out:
            choice = Tebakan(out[-1].lajur, 0.4, _("same lane as the step before"))
        if choice is None:
            choice = Tebakan(0, 0.2, _("no clue in the texts; the first lane"))
        out.append(choice)
        handed = []
        for s in named:
            k = lajur_untuk(s.ref, lajur)
            if s.cara in ("tujuan", "rekan") and k is not None and k != choice.lajur:
                if k in handed:
                    handed.remove(k)
                handed.append(k)
    return out


def tebak_panah_balik(keterangan: list[str]) -> dict[int, int]:
    """Step index -> the step (index) a 'panah balik' in its keterangan returns to."""
    out: dict[int, int] = {}
    run_start: int | None = None
    for i, text in enumerate(keterangan):
        if text and _PANAH_BALIK.search(text):
            if run_start is None:
                run_start = i
            if run_start > 0:
                out[i] = run_start - 1
        else:
            run_start = None
    return out
