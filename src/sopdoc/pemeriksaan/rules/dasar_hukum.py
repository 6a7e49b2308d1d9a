"""H: Dasar hukum — each citation read, checked against the registry, order and catalog.

Every citation is parsed once per run (:func:`kutipan_sop`) and looked up in
the registry: the bundled ``data/peraturan.yaml`` plus the ``peraturan:`` of
the catalog's ``sopdoc.yaml`` (:func:`registri`).

Title differences are judged on the words: capitals ("Tentang"), commas,
full stops, hyphens and spacing are ignored, as are an abbreviation in
parentheses after the title ("(SOP AP)") and a "Republik Indonesia" after a
jenis named inside the title; markup residue is the Form rules'
finding and is stripped before reading.

H102 and H107 divide the work so that one wrong title is reported once: a
regulation whose official title the registry knows (and has verified) is
checked against that title in every SOP (H102), which also settles any
disagreement between SOPs; H107 compares the SOPs with each other only for
the regulations the registry cannot judge.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...errors import Location
from ...hukum import Kunci, Kutipan, KutipanError, beda_judul, jenis, parse_kutipan
from ...i18n import L_, Message, _
from ...model import Sop
from ...peraturan import Peraturan, Registri, registri_bawaan
from ...teks import kunci_teks
from ..core import LintContext, Problem, Severity, rule
from ..text import quote


@dataclass(frozen=True)
class Butir:
    """One dasar hukum item of an SOP: its index and the citation read (or the error)."""

    indeks: int
    teks: str
    kutipan: Kutipan | None
    galat: Message | None


def kutipan_sop(sop: Sop, ctx: LintContext) -> list[Butir]:
    """The dasar hukum of ``sop``, parsed (once per run)."""

    def build(s: Sop) -> list[Butir]:
        out = []
        for i, teks in enumerate(s.dasar_hukum):
            try:
                out.append(Butir(i, teks, parse_kutipan(teks), None))
            except KutipanError as exc:
                out.append(Butir(i, teks, None, exc.message))
        return out

    return ctx.per_sop("dasar_hukum", sop, build)


def registri(ctx: LintContext) -> Registri:
    """The bundled registry plus every loaded catalog's own ``peraturan:`` (once per run)."""
    return ctx.memo(
        "registri_peraturan",
        lambda: registri_bawaan().dengan(p for pg in ctx.pengaturan for p in pg.peraturan),
    )


_SINGKATAN_AKHIR = re.compile(r"\s*\(\s*[A-Z][A-Za-z0-9 .&/-]{0,20}\)\s*$")


_RI = re.compile(r"\b(?:republik indonesia|ri)\b")


@lru_cache(maxsize=4096)
def judul_kunci(judul: str) -> str:
    """The comparison key of a title (see the module docstring).

    A 'Republik Indonesia' added after a jenis inside the title ('Pelaksanaan
    Undang-Undang Republik Indonesia Nomor 25 Tahun 2009 ...') is no difference.
    """
    return " ".join(_RI.sub(" ", kunci_teks(_SINGKATAN_AKHIR.sub("", judul))).split())


def _tahun_sop(sop: Sop) -> int | None:
    dates = [d for d in (sop.tanggal.pembuatan, sop.tanggal.revisi) if d is not None]
    return max(dates).year if dates else None


def _sebut(p: Peraturan | None, k: Kunci) -> str:
    return f"{k} tentang {p.tentang}" if p is not None else str(k)  # as the regulation is cited


def _sebut_lengkap(p: Peraturan | None, k: Kunci) -> str:
    """'Undang-Undang Nomor 6 Tahun 2023 tentang ...' as a citation is written."""
    kode = k.jenis.split(" | ")[0]
    nama = jenis(kode).nama if kode in _NAMA_BAKU else (p.jenis if p else kode)
    teks = f"{nama} Nomor {k.nomor} Tahun {k.tahun}"
    return f"{teks} tentang {p.tentang}" if p is not None else teks


_NAMA_BAKU = {"UU", "PERPPU", "PP", "PERPRES", "PERMENDAGRI", "PERMENPANRB", "PERMENKEU"}


def _semua(parts: list[Message]) -> Message | str:
    """At most three differences joined with '; ' ('; ...' when there are more)."""
    out: Message | str = ""
    for part in parts[:3]:
        out = part if not out else L_("{a}; {b}", a=out, b=part)
    return L_("{a}; ...", a=out) if len(parts) > 3 else out


def _beda(tertulis: str, resmi: str) -> Message | str:
    parts = []
    for a, b in beda_judul(tertulis, resmi):
        if a and b:
            parts.append(L_("{a} should be {b}", a=quote(a, 50), b=quote(b, 50)))
        elif b:
            parts.append(L_("missing {b}", b=quote(b, 140)))
        else:
            parts.append(L_("extra {a}", a=quote(a, 50)))
    return _semua(parts)


def _beda_katalog(di_sini: str, di_sana: str) -> Message | str:
    parts = []
    for a, b in beda_judul(di_sini, di_sana):
        if a and b:
            parts.append(L_("here {a}, there {b}", a=quote(a, 50), b=quote(b, 50)))
        elif b:
            parts.append(L_("here without {b}", b=quote(b, 60)))
        else:
            parts.append(L_("there without {a}", a=quote(a, 60)))
    return _semua(parts)


def _per_judul(ctx: LintContext) -> dict[str, list[Peraturan]]:
    """The verified regulations of the registry by the key of their title (once per run)."""

    def build() -> dict[str, list[Peraturan]]:
        out: dict[str, list[Peraturan]] = {}
        for p in registri(ctx):
            if p.terverifikasi:
                out.setdefault(judul_kunci(p.tentang), []).append(p)
        return out

    return ctx.memo("dasar_hukum.per_judul", build)


def pemilik_judul(ctx: LintContext, k: Kutipan) -> list[Peraturan]:
    """Other regulations whose official title is the one written in citation ``k``.

    Empty when the citation's own key has that title (nothing is wrong) or
    when no verified regulation bears it.
    """
    if k.judul is None or k.kunci is None:
        return []
    mine = registri(ctx).cari(k.kunci)
    tulis = judul_kunci(k.judul)
    if mine is not None and judul_kunci(mine.tentang) == tulis:
        return []
    return [p for p in _per_judul(ctx).get(tulis, []) if p.kunci != k.kunci]


def _ditulis_benar(ctx: LintContext) -> dict[Kunci, Location]:
    """Per regulation, the first place in the run where its official title is written."""

    def build() -> dict[Kunci, Location]:
        reg = registri(ctx)
        out: dict[Kunci, Location] = {}
        for sop in ctx.sops:
            for b in kutipan_sop(sop, ctx):
                k = b.kutipan
                p = reg.cari(k.kunci) if k is not None else None
                if k is None or k.judul is None or p is None or p.kunci in out:
                    continue
                if judul_kunci(k.judul) == judul_kunci(p.tentang):
                    out[p.kunci] = ctx.lokasi(sop, ("dasar_hukum", b.indeks))
        return out

    return ctx.memo("dasar_hukum_benar", build)


@rule("H101", "kutipan-tidak-terbaca", Severity.WARNING)
def kutipan_tidak_terbaca(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A dasar hukum item is not a citation '<Jenis> Nomor <n> Tahun <yyyy> tentang <Judul>'.

    Each item of the Dasar Hukum names one regulation: its jenis, nomor, tahun
    and, after 'tentang', its title. An item without 'Nomor ... Tahun ...' or
    without its title cannot be found by a reader (nor checked by sopdoc).
    The UUD 1945 needs no nomor. Spellings of the jenis ('UU', 'Permendagri',
    'Peraturan Menteri Dalam Negeri', ...) and 'Tentang' in capitals are fine.

    PASS:

        dasar_hukum:
          - Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945
          - UU Nomor 25 Tahun 2009 Tentang Pelayanan Publik
          - Permendagri No. 4 Tahun 2010 tentang Pedoman Pelayanan Administrasi Terpadu Kecamatan

    FAIL:

        dasar_hukum:
          - Undang-Undang Pelayanan Publik
          - Peraturan Pemerintah Nomor 17 Tahun 2018
    """
    for b in kutipan_sop(sop, ctx):
        if b.galat is not None:
            yield Problem(
                ("dasar_hukum", b.indeks),
                L_("Dasar hukum {teks}: {galat}", teks=quote(b.teks), galat=b.galat),
            )
        elif (
            b.kutipan is not None
            and b.kutipan.judul is None
            and not b.kutipan.juncto
            and b.kutipan.tingkat != jenis("UUD").tingkat
        ):
            yield Problem(
                ("dasar_hukum", b.indeks),
                L_(
                    "Dasar hukum {teks} has no title: add 'tentang <title of the regulation>'",
                    teks=quote(b.teks),
                ),
            )


@rule("H102", "judul-tidak-resmi", Severity.WARNING)
def judul_tidak_resmi(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The title of a cited regulation differs from its official title in the registry.

    The title must be cited as the regulation itself states it. Only words
    count: 'Tentang' or 'tentang', a missing comma or a hyphen are no
    difference; a misspelt or missing word is ('Kodifikasi' for the official
    'Kodefikasi' of Permendagri 90/2019). Regulations the registry marks
    unverified are never judged, nor a title that is another regulation's
    official title (H109 reports the wrong jenis, nomor or tahun then).

    PASS:

        dasar_hukum:
          - >-
            Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 Tentang Klasifikasi,
            Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah

    FAIL:

        dasar_hukum:
          - >-
            Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi,
            Kodifikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah
    """
    reg = registri(ctx)
    for b in kutipan_sop(sop, ctx):
        k = b.kutipan
        if k is None or k.judul is None:
            continue
        p = reg.cari(k.kunci)
        if p is None or not p.terverifikasi:
            continue
        if judul_kunci(k.judul) != judul_kunci(p.tentang) and not pemilik_judul(ctx, k):
            benar = _ditulis_benar(ctx).get(p.kunci)
            lihat = L_(" (written right at {benar})", benar=benar) if benar is not None else ""
            yield Problem(
                ("dasar_hukum", b.indeks),
                L_(
                    "The title of {nama} differs from its official title: {beda}. Official "
                    "title: {resmi}{lihat}",
                    nama=k.nama_pendek,
                    beda=_beda(k.judul, p.tentang),
                    resmi=quote(p.tentang, 400),
                    lihat=lihat,
                ),
            )


@rule("H103", "peraturan-dicabut", Severity.WARNING)
def peraturan_dicabut(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A cited regulation has been repealed (dicabut); the message names its replacement.

    A repealed regulation is no legal basis. When it was repealed after the
    SOP was signed, the message says so: the dasar hukum is to be updated at
    the next revision.

    PASS:

        dasar_hukum:
          - >-
            Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana
            telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023
            tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun
            2022 tentang Cipta Kerja menjadi Undang-Undang

    FAIL:

        dasar_hukum:
          - Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah
    """
    reg = registri(ctx)
    tahun = _tahun_sop(sop)
    for b in kutipan_sop(sop, ctx):
        k = b.kutipan
        p = reg.cari(k.kunci) if k is not None else None
        if k is None or p is None or p.status != "dicabut" or p.kunci_pencabut is None:
            continue
        pengganti = p.kunci_pencabut
        if tahun is not None and pengganti.tahun > tahun:
            kapan = L_(" after this SOP was signed; update its dasar hukum in the next revision")
        else:
            kapan = L_("; replace it with the regulation in force")
        yield Problem(
            ("dasar_hukum", b.indeks),
            L_(
                "{nama} has been repealed by {pengganti}{kapan}",
                nama=k.nama_pendek,
                pengganti=_sebut(reg.cari(pengganti), pengganti),
                kapan=kapan,
            ),
        )


@rule("H104", "perubahan-tidak-disebut", Severity.INFO)
def perubahan_tidak_disebut(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A cited regulation has been amended, and the citation does not say so.

    The usual form is '... sebagaimana telah diubah dengan ...' or, after
    several amendments, '... sebagaimana telah beberapa kali diubah, terakhir
    dengan ...'. Only amendments made by the time the SOP was signed (or
    revised) count; an amendment cited as its own item of the Dasar Hukum is
    fine too.

    PASS:

        dasar_hukum:
          - >-
            Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana
            telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023
            tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun
            2022 tentang Cipta Kerja menjadi Undang-Undang

    FAIL:

        dasar_hukum:
          - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
    """
    reg = registri(ctx)
    tahun = _tahun_sop(sop)
    butir = kutipan_sop(sop, ctx)
    dikutip = {b.kutipan.kunci for b in butir if b.kutipan is not None}
    for b in butir:
        k = b.kutipan
        p = reg.cari(k.kunci) if k is not None else None
        if k is None or p is None or p.status != "diubah" or k.menyebut_perubahan:
            continue
        pengubah = [x for x in p.kunci_pengubah if tahun is None or x.tahun <= tahun]
        if not pengubah or dikutip.intersection(pengubah):
            continue
        akhir = pengubah[-1]
        sebut_akhir = _sebut_lengkap(reg.cari(akhir), akhir)
        bentuk = (
            f"sebagaimana telah beberapa kali diubah, terakhir dengan {sebut_akhir}"
            if len(pengubah) > 1
            else f"sebagaimana telah diubah dengan {sebut_akhir}"
        )
        yield Problem(
            ("dasar_hukum", b.indeks),
            L_(
                "{nama} has been amended ({pengubah}); name the amendment: '... {bentuk}'",
                nama=k.nama_pendek,
                pengubah=", ".join(str(x) for x in pengubah),
                bentuk=bentuk,
            ),
        )


@rule("H105", "kutipan-ganda", Severity.WARNING)
def kutipan_ganda(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The same regulation is cited twice in one SOP.

    Two items naming the same jenis, nomor and tahun (however they are
    spelled) are one regulation; keep one.

    PASS:

        dasar_hukum:
          - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
          - >-
            Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang
            Nomor 23 Tahun 2014 tentang Pemerintahan Daerah

    FAIL:

        dasar_hukum:
          - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
          - UU No. 25 Tahun 2009 tentang Pelayanan Publik
    """
    pertama: dict[Kunci, int] = {}
    for b in kutipan_sop(sop, ctx):
        k = b.kutipan.kunci if b.kutipan is not None else None
        if k is None:
            continue
        if k in pertama:
            yield Problem(
                ("dasar_hukum", b.indeks),
                L_(
                    "{kunci} is already cited in dasar hukum item {n}; remove one of them",
                    kunci=str(k),
                    n=pertama[k] + 1,
                ),
            )
        else:
            pertama[k] = b.indeks


def _lnds(keys: Sequence[tuple[int, ...]]) -> set[int]:
    """Indexes (into ``keys``) of one longest non-decreasing subsequence."""
    import bisect

    tails: list[tuple[int, ...]] = []
    tail_idx: list[int] = []
    prev: list[int] = [-1] * len(keys)
    for i, key in enumerate(keys):
        pos = bisect.bisect_right(tails, key)
        if pos == len(tails):
            tails.append(key)
            tail_idx.append(i)
        else:
            tails[pos] = key
            tail_idx[pos] = i
        prev[i] = tail_idx[pos - 1] if pos > 0 else -1
    keep: set[int] = set()
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        keep.add(i)
        i = prev[i]
    return keep


def _tingkat(b: Butir) -> int:
    return (b.kutipan.tingkat if b.kutipan is not None else None) or 0


def _nama(b: Butir) -> str:
    return b.kutipan.nama_pendek if b.kutipan is not None else b.teks


def _nomor_urut(nomor: str) -> int:
    m = re.match(r"\d+", nomor)
    return int(m.group()) if m else 0


@rule("H106", "urutan-hierarki", Severity.WARNING)
def urutan_hierarki(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The dasar hukum is not in the order of the hierarchy, then of year and number.

    UU 12/2011 Pasal 7 ayat (1) orders the regulations: UUD 1945, Ketetapan
    MPR, UU/Perppu, PP, Perpres, Perda Provinsi, Perda Kabupaten/Kota; the
    regulations of Pasal 8 follow the central ones of their issuer's level
    (Peraturan Menteri after the Perpres, Peraturan Bupati after the Perda
    Kabupaten). Regulations of the same jenis go by year, then number. Only
    the items out of place are reported (the fewest that need moving).

    PASS:

        dasar_hukum:
          - Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional
          - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
          - Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan
          - >-
            Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi,
            Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah

    FAIL:

        dasar_hukum:
          - >-
            Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2010 tentang Pedoman Pelayanan
            Administrasi Terpadu Kecamatan
          - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
          - Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan
    """
    items = [
        b for b in kutipan_sop(sop, ctx) if b.kutipan is not None and b.kutipan.tingkat is not None
    ]
    ranks = [(b.kutipan.tingkat or 0,) for b in items if b.kutipan is not None]
    keep = _lnds(ranks)
    misplaced = [b for i, b in enumerate(items) if i not in keep]
    kept = [b for i, b in enumerate(items) if i in keep]
    for b in misplaced:
        assert b.kutipan is not None
        t = b.kutipan.tingkat or 0
        sesudah = [o for o in kept if o.indeks > b.indeks and _tingkat(o) < t]
        sebelum = [o for o in kept if o.indeks < b.indeks and _tingkat(o) > t]
        if sesudah:
            arah = L_("after item {n} ({nama})", n=sesudah[-1].indeks + 1, nama=_nama(sesudah[-1]))
        else:
            arah = L_("before item {n} ({nama})", n=sebelum[0].indeks + 1, nama=_nama(sebelum[0]))
        yield Problem(
            ("dasar_hukum", b.indeks),
            L_(
                "The order of the dasar hukum does not follow the hierarchy of regulations: "
                "{nama} should be written {arah}",
                nama=b.kutipan.nama_pendek,
                arah=arah,
            ),
        )
    by_jenis: dict[str, list[Butir]] = defaultdict(list)
    for b in kept:
        if b.kutipan is not None and b.kutipan.kunci is not None:
            by_jenis[b.kutipan.kunci.jenis].append(b)
    for group in by_jenis.values():
        keys = [
            (b.kutipan.tahun, _nomor_urut(b.kutipan.nomor)) for b in group if b.kutipan is not None
        ]
        keep_g = _lnds(keys)
        for i, b in enumerate(group):
            if i in keep_g or b.kutipan is None:
                continue
            later = [o for j, o in enumerate(group) if j in keep_g and keys[j] < keys[i]]
            target = later[-1] if later else None
            arah = (
                L_("after item {n} ({nama})", n=target.indeks + 1, nama=target.kutipan.nama_pendek)
                if target is not None and target.kutipan is not None
                else L_("earlier")
            )
            yield Problem(
                ("dasar_hukum", b.indeks),
                L_(
                    "Regulations of one kind are ordered by year, then number: {nama} should "
                    "be written {arah}",
                    nama=b.kutipan.nama_pendek,
                    arah=arah,
                ),
            )


@rule("H107", "kutipan-beda-katalog", Severity.WARNING, scope="katalog")
def kutipan_beda_katalog(ctx: LintContext) -> Iterator[Problem]:
    """The same regulation is cited with different titles in different SOPs of the catalog.

    For a regulation the registry does not know (or has not verified), the
    SOPs of one catalog are the only reference: a title written two ways is
    wrong at least once. Each citation that differs from the most common
    form (the first in file order on a tie) is reported with where the other
    form is written. A regulation whose official title the registry knows is
    left to H102, which reports every citation that differs from the official
    title; reporting it here too would say the same thing twice. Add the
    catalog's own regulations under ``peraturan:`` in ``sopdoc.yaml`` to have
    them checked against their official titles.

    PASS:

        dasar_hukum:
          - >-
            Peraturan Bupati Banyumas Nomor 12 Tahun 2021 tentang Kedudukan, Susunan
            Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan
        ---
        dasar_hukum:
          - >-
            Peraturan Bupati Banyumas Nomor 12 Tahun 2021 Tentang Kedudukan, Susunan
            Organisasi, Tugas dan Fungsi, serta Tata Kerja Kecamatan

    FAIL:

        dasar_hukum:
          - >-
            Peraturan Bupati Banyumas Nomor 12 Tahun 2021 tentang Kedudukan, Susunan
            Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan
        ---
        dasar_hukum:
          - >-
            Peraturan Bupati Banyumas Nomor 12 Tahun 2021 tentang Kedudukan, Susunan
            Organisasi, Tugas Pokok dan Fungsi serta Tata Kerja Kecamatan
    """
    reg = registri(ctx)
    groups: dict[Kunci, list[tuple[Sop, Butir]]] = defaultdict(list)
    for sop in ctx.sops:
        for b in kutipan_sop(sop, ctx):
            k = b.kutipan
            if k is None or k.judul is None or k.kunci is None:
                continue
            p = reg.cari(k.kunci)
            if p is not None and p.terverifikasi:
                continue  # H102 judges it against the official title
            groups[k.kunci].append((sop, b))
    for kunci, cites in groups.items():
        forms = [judul_kunci(b.kutipan.judul or "") for _, b in cites if b.kutipan is not None]
        if len(set(forms)) < 2:
            continue
        counts = Counter(forms)
        first = {f: i for i, f in reversed(list(enumerate(forms)))}
        best = max(counts, key=lambda f: (counts[f], -first[f]))
        model_sop, model_b = cites[forms.index(best)]
        where = ctx.lokasi(model_sop, ("dasar_hukum", model_b.indeks))
        model_judul = model_b.kutipan.judul if model_b.kutipan else ""
        for (sop, b), form in zip(cites, forms, strict=True):
            if form == best or b.kutipan is None or b.kutipan.judul is None:
                continue
            yield Problem(
                ("dasar_hukum", b.indeks),
                L_(
                    "The title of {kunci} is written otherwise than at {where}: {beda}; write "
                    "it the same way, as the official title of the regulation",
                    kunci=str(kunci),
                    where=where,
                    beda=_beda_katalog(b.kutipan.judul, model_judul or ""),
                ),
                sop,
            )


_HURUF_KUTIPAN = (
    (re.compile(r"\bTentang\b"), "Tentang", "tentang"),
    (re.compile(r"\bTENTANG\b"), "TENTANG", "tentang"),
    (re.compile(r"\b[Uu]ndang-undang\b"), "Undang-undang", "Undang-Undang"),
    (re.compile(r"\bnomor(?=\s+\S*\d)"), "nomor", "Nomor"),
    (re.compile(r"\btahun(?=\s+\d{4})"), "tahun", "Tahun"),
)


@rule("H108", "huruf-kapital-kutipan", Severity.INFO)
def huruf_kapital_kutipan(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A citation is capitalised against the rules for citing regulations ('Tentang').

    UU 12/2011 (Lampiran II, teknik penyusunan) cites a regulation as
    'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik': 'Undang-Undang',
    'Nomor' and 'Tahun' with capitals, 'tentang' in small letters. Titles
    themselves are judged by H102.

    PASS:

        dasar_hukum:
          - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik

    FAIL:

        dasar_hukum:
          - Undang-undang Nomor 25 Tahun 2009 Tentang Pelayanan Publik
    """
    for b in kutipan_sop(sop, ctx):
        if b.kutipan is None:
            continue
        salah = []
        for pola, tertulis, baku in _HURUF_KUTIPAN:
            if pola.search(b.teks):
                salah.append(
                    _("{written} (write {standard})").format(
                        written=quote(tertulis), standard=quote(baku)
                    )
                )
        if salah:
            yield Problem(
                ("dasar_hukum", b.indeks),
                L_(
                    "Citation {name} is capitalised against the citation rules: {what}",
                    name=b.kutipan.nama_pendek,
                    what="; ".join(salah),
                ),
            )


def _ringkas(p: Peraturan) -> str:
    return f"{p.kunci}"


@rule("H109", "nomor-tahun-judul", Severity.WARNING)
def nomor_tahun_judul(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The title belongs to another regulation: the jenis, nomor or tahun is wrong.

    Checked from the title to the number: when the title written after
    'tentang' is the official title of a regulation of the registry but the
    jenis, nomor and tahun written name another (or none the registry knows),
    the citation mixes two regulations, usually a typo in the year or the
    nomor ('UU Nomor 25 Tahun 2004 tentang Pelayanan Publik'), or the wrong
    jenis ('Peraturan Presiden Nomor 96 Tahun 2012' for PP 96/2012). The
    message names the regulations that bear the title, the most likely first
    (same nomor or tahun, same jenis). Titles several regulations share
    ('Pemerintahan Daerah', 'Kecamatan') name them all.

    PASS:

        dasar_hukum:
          - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
          - Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan

    FAIL:

        dasar_hukum:
          - Undang-Undang Nomor 25 Tahun 2004 tentang Pelayanan Publik
          - Peraturan Presiden Nomor 17 Tahun 2018 tentang Kecamatan
    """
    for b in kutipan_sop(sop, ctx):
        k = b.kutipan
        if k is None or k.kunci is None:
            continue
        owners = pemilik_judul(ctx, k)
        if not owners:
            continue
        kode = k.kunci.jenis

        def dekat(p: Peraturan, k: Kutipan = k, kode: str = kode) -> tuple[int, int]:
            same = (p.kunci.nomor == k.kunci.nomor if k.kunci else False) + (p.tahun == k.tahun)
            return (-same, 0 if p.kunci.jenis == kode else 1)

        owners = sorted(owners, key=dekat)
        best = owners[0]
        if best.kunci.nomor == k.kunci.nomor and best.tahun == k.tahun:
            kode_benar = best.kunci.jenis.split(" | ")[0]
            nama = jenis(kode_benar).nama if kode_benar in _NAMA_BAKU else best.jenis
            what = _("the jenis is wrong: {name} is a {jenis}").format(
                name=_ringkas(best), jenis=nama
            )
        else:
            what = _("that title belongs to {names}; check the jenis, nomor and tahun").format(
                names=_(" or ").join(_ringkas(p) for p in owners[:3])
            )
        yield Problem(
            ("dasar_hukum", b.indeks),
            L_(
                "Citation {cited} with the title {title}: {what}",
                cited=k.nama_pendek,
                title=quote(k.judul or "", 60),
                what=what,
            ),
        )
