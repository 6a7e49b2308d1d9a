"""F: the form — required sections, markup residue, stray whitespace, one spelling per phrase."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...i18n import L_, Message
from ...model import Sop
from ..core import LintContext, Problem, Severity, SpecPath, rule
from ..text import quote, uraian, words

WAJIB = [
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
]


@rule("F101", "bagian-wajib", Severity.WARNING, options={"wajib": WAJIB})
def bagian_wajib(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A required section is missing or empty, or one of its items is empty.

    The SOP AP form (Permenpan RB 35/2012) prints Dasar Hukum, Kualifikasi
    Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan and Pencatatan
    dan Pendataan. All but Keterkaitan (an SOP may stand alone) must say
    something; an item that is only "-" or blank prints as an empty bullet.

    Option ``wajib``: the sections required (default: the five above).

    PASS:

        peralatan_perlengkapan:
          - Komputer dan printer

    FAIL:

        peralatan_perlengkapan:
          - Komputer dan printer
          - "-"
    """
    for section in ctx.opt("wajib"):
        value = getattr(sop, section, None)
        label = uraian((section,))
        if value is None or (isinstance(value, (list, str)) and not str(value).strip("[]' ")):
            yield Problem(
                (section,),
                L_("{label} is empty; the SOP AP form requires this section", label=label),
                key=True,
            )
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if not item.strip(" -–—.\t"):
                    yield Problem(
                        (section, i),
                        L_("{label} item {n} is empty; remove or fill it", label=label, n=i + 1),
                    )
        elif isinstance(value, str) and not value.strip(" -–—.\t"):
            yield Problem(
                (section,), L_("{label} is empty; this section is required", label=label), key=True
            )


def _list(items: list[Message]) -> Message | str:
    """Messages joined with commas (a message per item, so each is translated)."""
    out: Message | str = ""
    for item in items:
        out = item if not out else L_("{a}, {b}", a=out, b=item)
    return out


_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:nbsp|amp|lt|gt|quot|#\d+);")


@rule("F102", "sisa-markup", Severity.WARNING)
def sisa_markup(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A text holds markup residue: HTML tags (``<p>``, ``<ol style=…>``) or entities (``&nbsp;``).

    Text copied from a web form or a word processor's HTML keeps its tags; the
    generated document would print them literally.

    PASS:

        peringatan: Jika SOP tidak dilaksanakan, maka pelayanan <1 hari tidak tercapai

    FAIL:

        dasar_hukum:
          - '<ol style="list-style-type: none">Undang-Undang Nomor 25 Tahun 2009'
    """
    for path, text in ctx.teks(sop):
        if "<" not in text and "&" not in text:
            continue
        found = _MARKUP.findall(text)
        if found:
            shown = ", ".join(dict.fromkeys(quote(f, 40) for f in found))
            yield Problem(
                path,
                L_(
                    "{where} contains leftover markup {shown}; remove it",
                    where=uraian(path),
                    shown=shown,
                ),
            )


_NOMOR_FIELDS = frozenset({"nomor"})
_SPASI_TANDA = re.compile(r"\w\s+[,.;:](?:\s|$)")


@rule("F103", "spasi-berlebih", Severity.INFO)
def spasi_berlebih(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A text has stray whitespace: at its start or end, doubled, a tab, a non-breaking space.

    Stray spaces come from copying out of Word or PDF; they show as uneven gaps
    and break searches and comparisons. Spaces before a comma or period are
    reported too (in the nomor, I102 judges spacing).

    PASS:

        peringatan: Jika SOP tidak dilaksanakan, maka pelayanan terhambat

    FAIL:

        peringatan: "Jika SOP tidak dilaksanakan ,  maka pelayanan terhambat"
    """
    for path, text in ctx.teks(sop):
        body = text.rstrip("\n")
        what: list[Message] = []
        if body != body.strip(" \t\u00a0"):
            what.append(L_("space at the start/end"))
        if "  " in body:
            what.append(L_("double space"))
        if "\t" in body:
            what.append(L_("tab character"))
        if "\u00a0" in body:
            what.append(L_("non-breaking space"))
        if (
            path[0] not in _NOMOR_FIELDS
            and (" ," in body or " ." in body or " ;" in body or " :" in body)
            and _SPASI_TANDA.search(body)
        ):
            what.append(L_("space before punctuation"))
        if what:
            yield Problem(path, L_("{where} contains {what}", where=uraian(path), what=_list(what)))


_SUFFIX = re.compile(r"(?:kan|an|i|nya)$")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem: the word without the endings -kan, -an, -i, -nya (words over 5 letters)."""
    if len(word) <= 5 or word.isdigit():
        return word
    return _SUFFIX.sub("", word)


_PHRASE_FIELDS = frozenset(
    {"kualifikasi_pelaksana", "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan"}
)
_STEP_FIELDS = frozenset({"keterangan", "output", "kelengkapan", "aktivitas"})
_MAKS_KATA = 12  # longer texts are not repeated phrases


def _phrase_paths(sop: Sop, ctx: LintContext) -> Iterator[tuple[SpecPath, str]]:
    for path, text in ctx.teks(sop):
        head = path[0]
        if head in _PHRASE_FIELDS or (head == "kegiatan" and path[-1] in _STEP_FIELDS):
            yield path, text


@rule("F104", "ejaan-frasa", Severity.WARNING, scope="katalog")
def ejaan_frasa(ctx: LintContext) -> Iterator[Problem]:
    """A phrase is written in two spellings across the catalog ("Panah balik" / "Panah balikkan").

    The same note, output or requirement written in several ways reads as
    carelessness and defeats searches. Texts that differ only in word endings
    (-kan, -an, -i, -nya) are grouped (phrases of 2 to 12 words: notes,
    outputs, requirements, short activities); the most common spelling (the first on
    a tie) is taken as the catalog's, the others are reported. Case, spaces
    and punctuation are not judged here (see F103); dasar hukum is judged by
    the H rules.

    PASS:

        kegiatan:
          - aktivitas: Menyusun konsep
            pelaksana: petugas
            output: Konsep
          - aktivitas: Memeriksa konsep
            pelaksana: camat
            kelengkapan: Konsep
            output: Konsep disetujui
            keterangan: Panah balik menandakan konsep perlu perbaikan
            jika_tidak: 1
          - aktivitas: Menandatangani konsep
            pelaksana: camat
            kelengkapan: Konsep disetujui
            output: Surat
            keterangan: Panah balik menandakan konsep perlu perbaikan
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat

    FAIL:

        kegiatan:
          - aktivitas: Menyusun konsep
            pelaksana: petugas
            output: Konsep
          - aktivitas: Memeriksa konsep
            pelaksana: camat
            kelengkapan: Konsep
            output: Konsep disetujui
            keterangan: Panah balik menandakan konsep perlu perbaikan
            jika_tidak: 1
          - aktivitas: Menandatangani konsep
            pelaksana: camat
            kelengkapan: Konsep disetujui
            output: Surat
            keterangan: Panah balikkan menandakan konsep perlu perbaikan
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    # Pass 1: the first spelling of each stem key; the keys seen spelled another way.
    first: dict[tuple[str, ...], tuple[str, ...]] = {}
    conflicts: set[tuple[str, ...]] = set()
    entries: list[tuple[tuple[str, ...], tuple[str, ...], Sop, SpecPath, str]] = []
    for sop in ctx.sops:
        for path, text in _phrase_paths(sop, ctx):
            w = words(text)
            if not 2 <= len(w) <= _MAKS_KATA:
                continue
            key = tuple(map(_stem, w))
            seen = first.get(key)
            if seen is None:
                first[key] = w
            elif seen != w:
                conflicts.add(key)
            entries.append((key, w, sop, path, text))
    if not conflicts:
        return
    # Pass 2: the uses of each spelling in conflict, in catalog order.
    groups: dict[tuple[str, ...], dict[tuple[str, ...], list[tuple[Sop, SpecPath, str]]]] = {}
    for key, w, sop, path, text in entries:
        if key in conflicts:
            groups.setdefault(key, {}).setdefault(w, []).append((sop, path, text))
    for variants in groups.values():
        if len(variants) < 2:
            continue
        best = max(variants, key=lambda v: len(variants[v]))  # first on a tie (dict order)
        canon = variants[best][0][2]
        for v, uses in variants.items():
            if v == best:
                continue
            for sop, path, text in uses:
                yield Problem(
                    path,
                    L_(
                        "{where} {text} is spelled differently from {canon} ({n}× in the "
                        "catalog); use one spelling",
                        where=uraian(path),
                        text=quote(text),
                        canon=quote(canon),
                        n=len(variants[best]),
                    ),
                    sop,
                )


@rule("F105", "output-kosong", Severity.WARNING)
def output_kosong(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A step has no output.

    Output is part of the mutu baku: what the step hands on. Without it the
    next step's kelengkapan cannot be checked against it, and the reader does
    not know what the step produces.

    PASS:

        kegiatan:
          - aktivitas: Menerima berkas
            pelaksana: petugas
            output: Berkas
          - aktivitas: Menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas
            output: Surat
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat

    FAIL:

        kegiatan:
          - aktivitas: Menerima berkas
            pelaksana: petugas
            output: Berkas
          - aktivitas: Menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    for i, step in enumerate(sop.kegiatan):
        if not (step.output or "").strip():
            yield Problem(("kegiatan", i), L_("Output of step {n} is empty", n=i + 1))


@rule("F106", "kelengkapan-kosong", Severity.INFO)
def kelengkapan_kosong(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A step after the first has no kelengkapan.

    Kelengkapan (what the step needs) is part of the mutu baku. After the
    first step it is normally the previous step's output; when empty, the
    chain of documents cannot be followed.

    PASS:

        kegiatan:
          - aktivitas: Menerima berkas
            pelaksana: petugas
            output: Berkas
          - aktivitas: Menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas
            output: Surat
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat

    FAIL:

        kegiatan:
          - aktivitas: Menerima berkas
            pelaksana: petugas
            output: Berkas
          - aktivitas: Menandatangani surat
            pelaksana: camat
            output: Surat
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    for i, step in enumerate(sop.kegiatan[1:], 1):
        if not (step.kelengkapan or "").strip():
            yield Problem(("kegiatan", i), L_("Kelengkapan of step {n} is empty", n=i + 1))
