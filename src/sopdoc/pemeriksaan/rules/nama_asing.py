"""N: foreign names — another SOP's subject, or another unit or region, in this SOP's text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ...i18n import L_
from ...model import Sop
from ..core import LintContext, Problem, Severity, SpecPath, rule
from ..text import norm, quote, strip_sop, uraian, words

# Texts that may name other SOPs or regions by design.
_SKIP = frozenset(
    {"nomor", "nama", "instansi", "unit", "kop", "disahkan_oleh", "dasar_hukum", "keterkaitan",
     "riwayat_revisi", "pelaksana"}
)  # fmt: skip


@dataclass
class _Subjek:
    """Subjects of the SOPs known in a run (two words or more), and their lengths."""

    teks: dict[tuple[str, ...], str]  # subject words -> how it is written
    lengths: tuple[int, ...]  # the distinct lengths, in words
    first: frozenset[str]  # the first words


def _subjek(ctx: LintContext) -> _Subjek:
    def build() -> _Subjek:
        teks: dict[tuple[str, ...], str] = {}
        for sop in ctx.sops:
            teks.setdefault(words(sop.nama), sop.nama)
            for ref in sop.keterkaitan:
                w = tuple(strip_sop(ref).split())
                clean = re.sub(r"<[^<>]*>", "", ref).strip()
                clean = re.sub(r"(?i)^sop\s+", "", clean)
                teks.setdefault(w, clean)
        teks = {w: t for w, t in teks.items() if len(w) >= 2}
        return _Subjek(teks, tuple(sorted({len(w) for w in teks})), frozenset(w[0] for w in teks))

    return ctx.memo("nama_asing.subjek", build)


def _sibling(own: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Names of one family ('Pengukuran Data Kinerja' / 'Pengumpulan Data Kinerja')."""
    if own == other:
        return False
    a, b = set(own), set(other)
    if a <= b or b <= a:
        return False
    shared = len(a & b)
    return shared >= 1 and shared * 2 >= min(len(a), len(b))


def _mentions(text_words: tuple[str, ...], subj: _Subjek) -> Iterator[tuple[str, ...]]:
    """Every subject written in ``text_words`` (a dict probe per position and length)."""
    n = len(text_words)
    teks = subj.teks
    first = subj.first
    for i in range(n - 1):
        if text_words[i] not in first:
            continue
        for k in subj.lengths:
            if i + k > n:
                break
            cand = text_words[i : i + k]
            if cand in teks:
                yield cand


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    k = len(needle)
    return any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


@rule("N101", "nama-sop-lain", Severity.WARNING)
def nama_sop_lain(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A text names the subject of a sister SOP instead of this SOP's own.

    SOPs of one family ("Pengukuran Data Kinerja", "Pengumpulan Data Kinerja")
    are often made by copying one into the other; phrases of the original
    survive ("Draft Pengukuran Data Kinerja" as an output of the Pengumpulan
    SOP). The subjects are the names of the SOPs in the run and of the SOPs
    named in their keterkaitan; a sister subject shares at least half of its
    words with this SOP's name. Keterkaitan, dasar hukum and identity fields
    are not judged, nor a text that also names this SOP's own subject.

    PASS:

        nama: Pengumpulan Data Kinerja
        keterkaitan:
          - SOP Pengukuran Data Kinerja
        peralatan_perlengkapan:
          - Format Pengumpulan Data Kinerja

    FAIL:

        nama: Pengumpulan Data Kinerja
        keterkaitan:
          - SOP Pengukuran Data Kinerja
        peralatan_perlengkapan:
          - Format Pengukuran Data Kinerja
    """
    subj = _subjek(ctx)
    own = words(sop.nama)
    if not own:
        return
    own_set = frozenset(own)
    for path, text in ctx.teks(sop):
        if path[0] in _SKIP:
            continue
        tw = words(text)
        # a sister subject shares a word with this SOP's name; a text naming it is exempt
        if own_set.isdisjoint(tw) or _contains(tw, own):
            continue
        for cand in _mentions(tw, subj):
            if _sibling(own, cand):
                plain = len(text) <= 60 and "<" not in text
                shown = quote(text) if plain else quote(subj.teks[cand])
                yield Problem(
                    path,
                    L_(
                        "{where} names {shown}, but this SOP is about {nama}",
                        where=uraian(path),
                        shown=shown,
                        nama=sop.nama,
                    ),
                )
                break


_WILAYAH = re.compile(
    r"\b(?P<jenis>Kecamatan|Kabupaten|Kota|Kotamadya|Bupati|Wali\s?[Kk]ota|Walikota)"
    r"\s+(?P<nama>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})"
)
_JENIS = {
    "kecamatan": "kecamatan",
    "kabupaten": "daerah",
    "kota": "daerah",
    "kotamadya": "daerah",
    "bupati": "daerah",
    "walikota": "daerah",
    "wali kota": "daerah",
}
_KATA_WILAYAH = frozenset({"kecamatan", "kabupaten", "kota", "kotamadya", "bupati", "walikota"})
_BUKAN_NAMA = frozenset(
    """dan atau dengan untuk yang di ke dari kepada selaku tahun nomor tentang sebagai melalui
    beserta serta se setempat terkait sekcam camat kasi kasubag""".split()  # noqa: SIM905
)


def _wilayah(text: str) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """(kind, name words, as written) of each region named in ``text``."""
    if _KATA_WILAYAH.isdisjoint(words(text)):
        return
    for m in _WILAYAH.finditer(text):
        jenis = _JENIS[re.sub(r"\s+", " ", m["jenis"].lower())]
        name = tuple(norm(m["nama"]).split())
        cut = next((i for i, w in enumerate(name) if w in _BUKAN_NAMA), len(name))
        name = name[:cut]
        if name:
            shown = m["jenis"] + " " + " ".join(m["nama"].split()[: len(name)])
            yield jenis, name, shown


def _sama(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    k = min(len(a), len(b))
    return a[:k] == b[:k]


@rule("N102", "wilayah-lain", Severity.WARNING)
def wilayah_lain(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A text names another kecamatan, kabupaten or kota than the SOP's own.

    An SOP copied from another region keeps its place names ("Renja Kota
    Mataram" in an SOP of Kecamatan Galang, Kota Batam). The SOP's own region
    is read from unit, instansi, kop and the signatory's jabatan; a text naming
    a Kecamatan (when the unit is one), a Kabupaten/Kota or its Bupati/Wali
    Kota by another name is reported. Desa and kelurahan are not judged (a
    kecamatan's SOPs name its villages), nor the dasar hukum.

    PASS:

        unit: Kecamatan Kebasen
        instansi: Pemerintah Kabupaten Banyumas
        pencatatan_pendataan:
          - Laporan disampaikan kepada Bupati Banyumas melalui Kecamatan Kebasen

    FAIL:

        unit: Kecamatan Kebasen
        instansi: Pemerintah Kabupaten Banyumas
        pencatatan_pendataan:
          - Laporan disampaikan kepada Wali Kota Mataram
    """
    own: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    sources = [sop.unit, sop.instansi, *sop.kop, sop.disahkan_oleh.jabatan]
    for text in sources:
        for jenis, name, _ in _wilayah(_title(text)):
            own[jenis].append(name)
    m = re.match(r"(?i)\s*camat\s+(\S.*)$", norm(sop.disahkan_oleh.jabatan))
    if m:
        own["kecamatan"].append(tuple(m[1].split()))
    if not own:
        return
    milik = ", ".join(x for x in (sop.unit, sop.instansi) if x)
    for path, text in ctx.teks(sop):
        if path[0] in _SKIP:
            continue
        for jenis, name, shown in _wilayah(text):
            names = own.get(jenis)
            if names and not any(_sama(name, o) for o in names):
                yield Problem(
                    path,
                    L_(
                        "{where} names {shown}, but this SOP belongs to {milik}",
                        where=uraian(path),
                        shown=quote(shown),
                        milik=milik,
                    ),
                )
                break


def _title(text: str) -> str:
    """All-capital kop lines ('KECAMATAN KEBASEN') in the case the pattern expects."""
    return text.title() if text.isupper() else text


__all__ = ["SpecPath"]
