"""F: language — non-standard spellings (KBBI), obsolete names, one word spelled two ways.

The word lists are data (``data/ejaan.yaml``, with their sources); see
:mod:`sopdoc.pemeriksaan.ejaan`. Dasar hukum is not judged here: a regulation's
title is cited as the regulation writes it (the H rules judge it), nor are the
nomor, the signatory's name and NIP.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...i18n import L_
from ...model import Sop
from ..core import LintContext, Problem, Severity, SpecPath, rule
from ..ejaan import Temuan, ejaan
from ..text import quote, uraian, words

_BUKAN_BAHASA = frozenset({"dasar_hukum", "nomor"})
_BUKAN_TTD = frozenset({"nama", "nip", "pangkat"})


def teks_bahasa(sop: Sop, ctx: LintContext) -> list[tuple[SpecPath, str]]:
    """The texts whose wording is judged: every text but dasar hukum, nomor, name and NIP."""

    def build(s: Sop) -> list[tuple[SpecPath, str]]:
        return [
            (path, text)
            for path, text in ctx.teks(s)
            if path[0] not in _BUKAN_BAHASA
            and not (path[0] == "disahkan_oleh" and path[1] in _BUKAN_TTD)
        ]

    return ctx.per_sop("bahasa.teks", sop, build)


def teks_berpemicu(sop: Sop, ctx: LintContext) -> list[tuple[SpecPath, str, tuple[str, ...]]]:
    """The texts of :func:`teks_bahasa` holding a word of the spelling list, with their words.

    One pass and one set test per text serve F109 and F110 (most texts hold
    none of the words).
    """
    cek = ejaan()
    pemicu = ctx.memo("bahasa.pemicu", lambda: cek.pemicu | cek.pemicu_usang)

    def build(s: Sop) -> list[tuple[SpecPath, str, tuple[str, ...]]]:
        out = []
        for path, text in teks_bahasa(s, ctx):
            w = words(text)
            if not pemicu.isdisjoint(w):
                out.append((path, text, w))
        return out

    return ctx.per_sop("bahasa.berpemicu", sop, build)


@rule("F109", "ejaan-tidak-baku", Severity.INFO)
def ejaan_tidak_baku(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A word is spelled in a non-standard form (KBBI): ijin, resiko, analisa, praktek, ...

    An official document uses the standard spelling of the Kamus Besar Bahasa
    Indonesia: izin, risiko, analisis, praktik, sistem, November, kuitansi,
    wali kota, draf. Each word is reported once per SOP, where it is first
    used, with the number of other places. The list (``data/ejaan.yaml``, with its source) also
    finds the forms with affixes: perijinan (perizinan), menganalisa
    (menganalisis), beresiko (berisiko), kementrian (kementerian). Titles of
    regulations in the dasar hukum are cited as written and not judged.

    PASS:

        peralatan_perlengkapan:
          - Formulir permohonan izin keramaian
          - Buku register perizinan

    FAIL:

        peralatan_perlengkapan:
          - Formulir permohonan ijin keramaian
          - Buku register perijinan
    """
    cek = ejaan()
    first: dict[str, tuple[SpecPath, Temuan]] = {}  # each word once per SOP, where first used
    more: dict[str, int] = {}
    for path, text, w in teks_berpemicu(sop, ctx):
        if cek.pemicu.isdisjoint(w):
            continue
        for t in cek.tidak_baku(text, w):
            key = t.tertulis.lower()
            if key in first:
                more[key] = more.get(key, 0) + 1
            else:
                first[key] = (path, t)
    for key, (path, t) in first.items():
        n = more.get(key, 0)
        lagi = L_("; also in {count} other places", count=n) if n else ""
        yield Problem(
            path,
            L_(
                "{where} uses a non-standard spelling (KBBI): {written}, standard {standard}{more}",
                where=uraian(path),
                written=quote(t.tertulis, 40),
                standard=quote(t.baku, 40),
                more=lagi,
            ),
        )


@rule("F110", "nomenklatur-usang", Severity.WARNING)
def nomenklatur_usang(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A text uses an obsolete name of an institution, post or document (SKPD, Muspika, DP3...).

    Names change with the regulations: SKPD became Perangkat Daerah (PP 18/2016
    tentang Perangkat Daerah), DP3 became SKP and penilaian kinerja, e-KTP is
    written KTP-el (UU 24/2013), Kotamadya became Kota. The message names the
    current term and the regulation behind it (``data/ejaan.yaml``).

    PASS:

        kegiatan:
          - aktivitas: Menelaah surat dan mendisposisikan penyiapan data Perangkat Daerah
            pelaksana: camat
            output: Disposisi
        pelaksana:
          camat: Camat

    FAIL:

        kegiatan:
          - aktivitas: Menelaah surat dan mendisposisikan penyiapan data SKPD
            pelaksana: camat
            output: Disposisi
        pelaksana:
          camat: Camat
    """
    cek = ejaan()
    for path, text, w in teks_berpemicu(sop, ctx):
        if cek.pemicu_usang.isdisjoint(w):
            continue
        for tertulis, u in cek.usang_dalam(text):
            yield Problem(
                path,
                L_(
                    "{where} uses the obsolete term {old}; write {new} ({basis})",
                    where=uraian(path),
                    old=quote(tertulis, 40),
                    new=quote(u.baku, 80),
                    basis=u.dasar,
                ),
            )
            break


_GANDA = re.compile(r"(.)\1")
_BEDA_SAH = frozenset({frozenset({"masa", "massa"}), frozenset({"keluar", "ke luar"})})
_MIN = 4  # shorter words are not judged


def _kunci(form: str) -> str:
    """A spelling's key: letters only, doubled letters single ('Sub Bagian' = 'subbagian')."""
    return _GANDA.sub(r"\1", form.replace(" ", ""))


def _ejaan_ganda(ctx: LintContext) -> dict[str, list[str]]:
    """Key -> the spellings of one word found in the run (only keys with two or more).

    Worked out on the vocabulary of the run, not on every token: doubled letters
    (kasubag / kasubbag) group words by key; a word that is two other words of
    the run run together (subbagian = sub + bagian) is a candidate, confirmed
    by :func:`istilah_dua_ejaan` where the two words stand side by side.
    """
    vocab: set[str] = set()
    for sop in ctx.sops:
        for _path, text in teks_bahasa(sop, ctx):
            vocab.update(words(text))
    groups: dict[str, list[str]] = {}
    for w in vocab:
        if len(w) >= _MIN and w.isalpha():
            groups.setdefault(_kunci(w), []).append(w)
    out = {k: sorted(v) for k, v in groups.items() if len(v) > 1}
    for w in vocab:
        if len(w) < 6 or not w.isalpha():
            continue
        for i in range(2, len(w) - 1):
            a, b = w[:i], w[i:]
            if a in vocab and b in vocab:
                out.setdefault(_kunci(w), [w]).append(f"{a} {b}")
    return out


@rule("F111", "istilah-dua-ejaan", Severity.INFO, scope="katalog")
def istilah_dua_ejaan(ctx: LintContext) -> Iterator[Problem]:
    """One word is spelled two ways in an SOP or across the catalog (Kasubag / Kasubbag).

    Spellings that differ only in a doubled letter, a hyphen or a space
    (Sub Bagian / Subbagian, e-KTP / eKTP, surat menyurat / surat-menyurat,
    di kirim / dikirim) are one word written two ways. The spelling used most
    often in the catalog (the first on a tie) is taken as the catalog's; each
    text using another is reported. Capitals are not judged.

    PASS:

        pelaksana:
          pemohon: Pemohon
          petugas: Petugas PATEN
          camat: Camat
        pencatatan_pendataan:
          - Surat masuk dicatat oleh Kasubbag Umum
          - Surat keluar diarsipkan oleh Kasubbag Umum

    FAIL:

        pelaksana:
          pemohon: Pemohon
          petugas: Petugas PATEN
          camat: Camat
        pencatatan_pendataan:
          - Surat masuk dicatat oleh Kasubbag Umum
          - Surat keluar diarsipkan oleh Kasubag Umum
    """
    ganda = _ejaan_ganda(ctx)
    if not ganda:
        return
    pemicu: dict[str, list[str]] = {}  # a word -> the keys whose spellings it may begin
    for key, forms in ganda.items():
        for form in forms:
            pemicu.setdefault(form.split(" ")[0], []).append(key)
    uses: dict[str, dict[str, list[tuple[Sop, SpecPath]]]] = {}
    for sop in ctx.sops:
        for path, text in teks_bahasa(sop, ctx):
            if path[0] == "disahkan_oleh":
                continue
            w = words(text)
            if pemicu.keys().isdisjoint(w):
                continue
            for i, tok in enumerate(w):
                for key in pemicu.get(tok, ()):
                    for form in ganda[key]:
                        parts = form.split(" ")
                        if tuple(w[i : i + len(parts)]) == tuple(parts):
                            places = uses.setdefault(key, {}).setdefault(form, [])
                            if not places or places[-1][0] is not sop or places[-1][1] != path:
                                places.append((sop, path))
    for by_form in uses.values():
        if len(by_form) < 2 or frozenset(by_form) in _BEDA_SAH:
            continue
        best = max(by_form, key=lambda f: len(by_form[f]))  # first on a tie (dict order)
        for form, places in by_form.items():
            if form == best:
                continue
            for sop, path in places:
                yield Problem(
                    path,
                    L_(
                        "{where} writes {form}, elsewhere {other} ({count}x in the catalog); "
                        "use one spelling",
                        where=uraian(path),
                        form=quote(form, 40),
                        other=quote(best, 40),
                        count=len(by_form[best]),
                    ),
                    sop,
                )
