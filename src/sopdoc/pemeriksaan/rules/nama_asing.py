"""N: foreign names — another SOP's subject, or another unit or region, in this SOP's text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...i18n import L_, Message, _
from ...model import Sop
from ...wilayah import DataWilayah, Tingkat, Wilayah, data_wilayah, kunci_nama
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


_FRASA = re.compile(
    r"\b(?P<jenis>Provinsi|Propinsi|Kabupaten|Kotamadya|Kota|Kecamatan|Kelurahan|Desa|Bupati"
    r"|Wali\s?[Kk]ota|Gubernur|Camat|Lurah|Kepala\s+Desa|Kades|Kepala\s+Kelurahan)"
    r"\s+(?P<nama>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,5})"
)
_TINGKAT: dict[str, tuple[Tingkat, ...]] = {
    "provinsi": ("provinsi",),
    "propinsi": ("provinsi",),
    "gubernur": ("provinsi",),
    "kabupaten": ("kabupaten",),
    "bupati": ("kabupaten",),
    "kota": ("kota",),
    "kotamadya": ("kota",),
    "walikota": ("kota",),
    "wali kota": ("kota",),
    "kecamatan": ("kecamatan",),
    "camat": ("kecamatan",),
    "desa": ("desa", "kelurahan"),
    "kepala desa": ("desa", "kelurahan"),
    "kades": ("desa", "kelurahan"),
    "kelurahan": ("kelurahan", "desa"),
    "lurah": ("kelurahan", "desa"),
    "kepala kelurahan": ("kelurahan", "desa"),
}
_KATA_WILAYAH = frozenset(
    {"provinsi", "propinsi", "gubernur", "kabupaten", "bupati", "kota", "kotamadya", "walikota",
     "wali", "kecamatan", "camat", "desa", "kades", "kelurahan", "lurah"}
)  # fmt: skip
_BUKAN_NAMA = frozenset(
    """dan atau dengan untuk yang di ke dari kepada selaku tahun nomor tentang sebagai melalui
    beserta serta se setempat terkait sekcam camat kasi kasubag lurah desa kelurahan kecamatan
    kabupaten kota provinsi bupati""".split()  # noqa: SIM905
)
# Words that name a kind or status of village, not a village ('Desa Siaga', 'Desa Maju').
_SEBUTAN_DESA = frozenset(
    """baru maju siaga mandiri tengah berkembang tertinggal sangat wisata sehat adat persiapan
    induk binaan lama kota digital cerdas inovasi""".split()  # noqa: SIM905
)

# The level groups compared with each other (a kabupaten and a kota are one level).
_LAPIS = {"provinsi": 0, "kabupaten": 1, "kota": 1, "kecamatan": 2, "desa": 3, "kelurahan": 3}


@dataclass(frozen=True)
class Frasa:
    """One region named by a phrase: its levels, the name words, as written, and the regions."""

    tingkat: tuple[Tingkat, ...]
    nama: str
    tertulis: str
    wilayah: tuple[Wilayah, ...]  # the regions of those levels that bear the name (maybe none)

    @property
    def lapis(self) -> int:
        return _LAPIS[self.tingkat[0]]


@lru_cache(maxsize=8192)
def frasa_wilayah(text: str) -> tuple[Frasa, ...]:
    """The regions named in ``text`` by a phrase ('Kecamatan Kebasen', 'Lurah Sukamaju').

    The name is the run of capitalised words after the word of the phrase, cut at
    a function word; the longest run that is a region's name of that level wins.
    """
    out: list[Frasa] = []
    if _KATA_WILAYAH.isdisjoint(words(text)):
        return ()
    data = data_wilayah()
    for m in _FRASA.finditer(text):
        jenis = re.sub(r"\s+", " ", m["jenis"].lower())
        tingkat = _TINGKAT[jenis]
        names = m["nama"].split()
        cut = next(
            (i for i, w in enumerate(names) if norm(w) in _BUKAN_NAMA or not norm(w)), len(names)
        )
        names = names[:cut]
        if not names:
            continue
        if tingkat[0] in ("desa", "kelurahan") and norm(names[0]) in _SEBUTAN_DESA:
            continue
        found: tuple[Wilayah, ...] = ()
        best = names
        for k in range(len(names), 0, -1):
            cand = " ".join(names[:k])
            hits = tuple(w for t in tingkat for w in data.cari(t, cand))
            if hits:
                found, best = hits, names[:k]
                break
        if not found:
            best = names[:1] if len(names) > 1 else names
        shown = f"{m['jenis']} {' '.join(best)}"
        out.append(Frasa(tingkat, " ".join(best), shown, found))
    return tuple(out)


@dataclass
class Milik:
    """The regions an SOP belongs to, read from unit, instansi and kop."""

    kode: dict[int, set[str]]  # level group -> codes of the own regions of that level
    nama: dict[int, set[str]]  # level group -> name keys written for the own regions
    sebutan: str  # how the SOP names its own place ('Kecamatan Kebasen, Kabupaten Banyumas')
    frasa: list[tuple[SpecPath, Frasa]]  # the phrases read, with where they were written


def _milik(sop: Sop, ctx: LintContext) -> Milik:
    def build(s: Sop) -> Milik:
        sources: list[tuple[SpecPath, str]] = [(("unit",), s.unit), (("instansi",), s.instansi)]
        sources += [(("kop", i), line) for i, line in enumerate(s.kop)]
        kode: dict[int, set[str]] = defaultdict(set)
        nama: dict[int, set[str]] = defaultdict(set)
        read: list[tuple[SpecPath, Frasa]] = []
        for path, text in sources:
            for f in frasa_wilayah(_title(text or "")):
                read.append((path, f))
                nama[f.lapis].add(kunci_nama(f.nama))
        # top-down: a kecamatan is one of the own kabupaten's, a desa one of the own kecamatan's
        for lapis in range(4):
            deepest = max((i for i in range(lapis) if kode[i]), default=None)
            for _path, f in read:
                if f.lapis != lapis:
                    continue
                codes = {w.kode for w in f.wilayah}
                if deepest is not None:
                    inside = {c for c in codes if any(c.startswith(p + ".") for p in kode[deepest])}
                    codes = inside
                kode[lapis] |= codes
        for c in list(kode[1]):  # the provinsi of the own kabupaten/kota
            kode[0].add(c.split(".")[0])
        milik = ", ".join(x for x in (s.unit, s.instansi) if x)
        return Milik(dict(kode), dict(nama), milik, read)

    return ctx.per_sop("nama_asing.milik", sop, build)


def _dekat(nama: str, names: set[str]) -> str | None:
    """An own name ``nama`` looks like a typo of (ratio ≥ 0.8), if any."""
    import difflib

    close = difflib.get_close_matches(kunci_nama(nama), list(names), n=1, cutoff=0.8)
    return close[0] if close else None


@rule("N102", "wilayah-lain", Severity.WARNING)
def wilayah_lain(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A text names a region that is not the SOP's own: another desa, kecamatan, kabupaten...

    An SOP copied from another region keeps its place names ("Renja Kota
    Mataram" in an SOP of Kecamatan Galang, Kota Batam; "Lurah Sukamaju" in
    the SOP of Kelurahan Sukajadi). The SOP's own regions are read from unit,
    instansi and kop; every other text (the signatory's jabatan included) is
    judged by its phrases: "Desa X", "Kelurahan X", "Kecamatan X",
    "Kabupaten X", "Kota X", "Provinsi X" and the posts "Kepala Desa X",
    "Lurah X", "Camat X", "Bupati X", "Wali Kota X", "Gubernur X". A name is
    judged against the official list of regions (Kemendagri, bundled): a
    region of that level that does not lie in the SOP's own (a desa outside
    the own kecamatan, a kecamatan outside the own kabupaten, another
    kabupaten/kota or provinsi) is reported with where it lies; a name no
    region bears is reported only when it looks like a typo of the own name.
    Bare words are never judged ("kota", "desa" in running text), nor words
    naming a kind of village ("Desa Siaga", "Desa Maju"), nor the dasar
    hukum and keterkaitan.

    PASS:

        unit: Kecamatan Kebasen
        instansi: Pemerintah Kabupaten Banyumas
        pencatatan_pendataan:
          - Laporan disampaikan kepada Bupati Banyumas melalui Kecamatan Kebasen
          - Rekapitulasi data Desa Adisana dan Desa Gambarsari

    FAIL:

        unit: Kecamatan Kebasen
        instansi: Pemerintah Kabupaten Banyumas
        pencatatan_pendataan:
          - Laporan disampaikan kepada Wali Kota Mataram
          - Rekapitulasi data Desa Karangrau
    """
    milik = _milik(sop, ctx)
    if not milik.kode and not milik.nama:
        return
    data = data_wilayah()
    for path, text in ctx.teks(sop):
        if path[0] in _SKIP_WILAYAH or _KATA_WILAYAH.isdisjoint(words(text)):
            continue
        for f in frasa_wilayah(text):
            msg = _asing(f, milik, data)
            if msg is not None:
                yield Problem(
                    path,
                    L_(
                        "{where} names {phrase}, but this SOP belongs to {own}{why}",
                        where=uraian(path),
                        phrase=quote(f.tertulis),
                        own=milik.sebutan,
                        why=msg,
                    ),
                )
                break


_SKIP_WILAYAH = frozenset(
    {"nomor", "nama", "instansi", "unit", "kop", "dasar_hukum", "keterkaitan", "riwayat_revisi"}
)


def _asing(f: Frasa, milik: Milik, data: DataWilayah) -> str | None:
    """Why the region of ``f`` is not the SOP's own ('' or a reason), None when it is."""
    lapis = f.lapis
    own_names = milik.nama.get(lapis, set())
    if kunci_nama(f.nama) in own_names:
        return None
    own_codes = milik.kode.get(lapis, set())
    if f.wilayah:
        if own_names or own_codes:
            if any(w.kode in own_codes for w in f.wilayah):
                return None
            return "; " + _letak_alasan(f, milik, data)
        # the own region of this level is unknown: the region must lie in the deepest own one
        deepest = max((i for i in range(lapis) if milik.kode.get(i)), default=None)
        if deepest is None:
            return None
        parents = milik.kode[deepest]
        if any(w.kode.startswith(p + ".") for w in f.wilayah for p in parents):
            return None
        return "; " + _letak_alasan(f, milik, data)
    if own_names and lapis in (1, 2):
        close = _dekat(f.nama, own_names)
        if close is not None:
            return "; " + _("is it a typo of {own}?").format(own=quote(close.title()))
    return None


def _letak_alasan(f: Frasa, milik: Milik, data: DataWilayah) -> str:
    """'Kecamatan Cimanggu is in Kabupaten Cilacap, ...' or, for a provinsi, the own one."""
    if f.lapis == 0:
        prov = [w for c in sorted(milik.kode.get(0, ())) if (w := data.wilayah(c)) is not None]
        if prov:
            return _("this SOP's provinsi is {own}").format(own=prov[0].sebutan)
    own = [c for codes in milik.kode.values() for c in codes]
    return _("{region} is {where}").format(region=f.tertulis, where=_letak(f, data, own))


def _shared(kode: str, own: list[str]) -> int:
    """How many leading groups of ``kode`` an own region shares (nearest first in messages)."""
    parts = kode.split(".")
    best = 0
    for o in own:
        n = 0
        for a, b in zip(parts, o.split("."), strict=False):
            if a != b:
                break
            n += 1
        best = max(best, n)
    return best


def _letak(f: Frasa, data: DataWilayah, own: list[str] | None = None) -> str:
    """Where the regions of a phrase lie: 'in Kecamatan Kebasen, Kabupaten Banyumas' (max 2)."""
    places = []
    regions = sorted(f.wilayah, key=lambda w: -_shared(w.kode, own or []))
    for w in regions[:2]:
        induk = data.induk(w)
        places.append(data.jalur(induk) if induk is not None and w.tingkat != "provinsi" else "")
    places = [p for p in places if p]
    if not places:
        return _("another region")
    more = len(f.wilayah) - 2
    text = _(" or ").join(_("in {place}").format(place=p) for p in places)
    if more > 0:
        text += _(" (and {count} more)").format(count=more)
    return text


def _mirip(f: Frasa, milik: Milik, data: DataWilayah) -> str:
    """'; is it Kecamatan Kebasen?' for a name close to a real one where it would lie."""
    import difflib

    parents: list[str | None] = [None]
    if f.lapis == 2 and milik.kode.get(1):
        parents = [*sorted(milik.kode[1])]
    candidates = [w for p in parents for t in f.tingkat for w in data.anak(p, t)]
    names = {kunci_nama(w.nama): w for w in candidates}
    close = difflib.get_close_matches(kunci_nama(f.nama), list(names), n=1, cutoff=0.8)
    if not close:
        return ""
    return "; " + _("is it {region}?").format(region=quote(names[close[0]].sebutan))


@rule("N103", "unit-di-luar-instansi", Severity.WARNING, scope="katalog")
def unit_di_luar_instansi(ctx: LintContext) -> Iterator[Problem]:
    """The SOP's own unit does not lie in its instansi, or names a region that does not exist.

    Unit, instansi and kop name the SOP's place: "Kecamatan Kebasen" of
    "Pemerintah Kabupaten Banyumas". Checked against the official list of
    regions (Kemendagri, bundled): a kecamatan that is not one of the
    kabupaten's, a desa or kelurahan that is not one of the kecamatan's, or a
    kabupaten, kota or kecamatan whose name no region bears (a typo:
    "Kabupaten Banyumaas"). Each written value is reported once, where it is
    written (usually the catalog's ``sopdoc.yaml``).

    PASS:

        unit: Kecamatan Kebasen
        instansi: Pemerintah Kabupaten Banyumas

    FAIL:

        unit: Kecamatan Kebasen
        instansi: Pemerintah Kabupaten Cilacap
    """
    data = data_wilayah()
    seen: set[tuple[object, str]] = set()
    for sop in ctx.sops:
        milik = _milik(sop, ctx)
        by_lapis: dict[int, list[tuple[SpecPath, Frasa]]] = defaultdict(list)
        for path, f in milik.frasa:
            by_lapis[f.lapis].append((path, f))
        for path, f in milik.frasa:
            loc = ctx.lokasi(sop, path)
            if (loc, f.tertulis) in seen:
                continue
            seen.add((loc, f.tertulis))
            msg: Message | str | None = None
            # the kop prints the unit's place: unit and instansi must name the same one
            kop = next((pf for pp, pf in by_lapis[f.lapis] if pp[0] == "kop"), None)
            if (
                kop is not None
                and path[0] != "kop"
                and f.lapis in (0, 1, 2)
                and kunci_nama(f.nama) != kunci_nama(kop.nama)
            ):
                msg = L_(
                    "{region} differs from {kop} printed in the kop",
                    region=quote(f.tertulis),
                    kop=quote(kop.tertulis),
                )
            elif not f.wilayah and f.lapis in (0, 1, 2):
                msg = L_(
                    "{region} is not in the Kemendagri list of regions{hint}",
                    region=quote(f.tertulis),
                    hint=_mirip(f, milik, data),
                )
            elif f.wilayah and f.lapis >= 2:
                levels = [i for i in range(f.lapis) if milik.kode.get(i) and by_lapis.get(i)]
                if levels:
                    deepest = max(levels)
                    parents = milik.kode[deepest]
                    inside = any(w.kode.startswith(p + ".") for w in f.wilayah for p in parents)
                    if not inside:
                        msg = L_(
                            "{region} does not lie in {parent}; {region} is {where}",
                            region=quote(f.tertulis),
                            parent=quote(by_lapis[deepest][0][1].tertulis),
                            where=_letak(f, data),
                        )
            if msg is not None:
                yield Problem(path, msg, sop)


def _title(text: str) -> str:
    """All-capital kop lines ('KECAMATAN KEBASEN') in the case the pattern expects."""
    return text.title() if text.isupper() else text


__all__ = ["SpecPath"]
