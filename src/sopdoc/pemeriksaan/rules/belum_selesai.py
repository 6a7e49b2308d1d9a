"""F: unfinished text — placeholders and leftovers of a template, numbering typed by hand."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...i18n import L_, _
from ...model import Sop
from ..core import LintContext, Problem, Severity, SpecPath, rule
from ..text import quote, uraian, words

_PENANDA = re.compile(
    r"(?P<x>(?<![A-Za-z])[xX]{3,}(?![A-Za-z]))"
    r"|(?P<titik>\.{3,}|…)"
    r"|(?P<garis>_{3,})"
    r"|(?P<tbd>(?<![A-Za-z])(?:TBD|TBA|TODO|FIXME)(?![A-Za-z]))"
    r"|(?P<lorem>(?i:lorem ipsum))"
    r"|(?P<kurung>\[[^\[\]]{0,40}\])"
    r"|(?P<isi>(?i:(?:^|\()\s*isi(?:kan)?\s|\b(?:belum|akan|harap|mohon|wajib)\s+diisi\b))"
    r"|(?P<tanya>\?\?+)"
    r"|(?P<miring>(?<=/)\s*(?=/))"
)
_KOSONG = frozenset({"-", "–", "—", "?", "menyusul", "tba", "tbd", "n/a"})
_STRIP = frozenset({"-", "–", "—"})

# Values that may be '-' by usage: a lone keterkaitan or keterangan '-' means 'none';
# F101 reports '-' in the required sections; pangkat and NIP '-' of an elected official
# are judged by T109.
_BOLEH_STRIP = frozenset(
    {"keterkaitan", "dasar_hukum", "kualifikasi_pelaksana", "peralatan_perlengkapan",
     "peringatan", "pencatatan_pendataan"}
)  # fmt: skip


def _boleh_strip(path: SpecPath) -> bool:
    head = path[0]
    if head in _BOLEH_STRIP:
        return True
    if head == "disahkan_oleh":
        return path[1] in ("pangkat", "nip")
    if head == "kegiatan":
        return path[-1] == "keterangan" or (path[-1] == "kelengkapan" and path[1] == 0)
    return False


_PEMICU_KATA = frozenset({"xxx", "tbd", "tba", "todo", "fixme", "lorem", "isi", "isikan", "diisi"})


def _mungkin(text: str) -> bool:
    """Cheap test: whether ``text`` may hold a placeholder at all (substring tests first)."""
    return (
        "..." in text
        or "…" in text
        or "__" in text
        or "[" in text
        or "??" in text
        or "xxx" in text
        or "XXX" in text
        or ("/" in text and ("//" in text or "/ /" in text))
        or not _PEMICU_KATA.isdisjoint(words(text))
    )


def _apa(m: re.Match[str]) -> str:
    kind = m.lastgroup
    if kind == "miring":
        return _("an empty part between two slashes")
    if kind == "isi":
        return _("a fill-in instruction {text}").format(text=quote(m[0].strip(" ("), 30))
    return quote(m[0], 30)


@rule("F107", "teks-belum-selesai", Severity.WARNING)
def teks_belum_selesai(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A text still holds a placeholder or a template leftover: xxx, ..., TBD, [nama], '-'.

    Specs are often made from a template or a copied SOP whose blanks were to
    be filled in: 'PK. KEC. KBS / xxx / I / 2024', 'Surat ... ', '[nama pejabat]',
    'isi dengan ...', 'TBD', 'lorem ipsum', an empty part of the nomor
    ('PK / / 2024'), or a value that is only '-' or '?' where a value is
    expected (nomor, nama, unit, an activity, an output, a kelengkapan after the
    first step, the signatory's jabatan and name). A lone '-' is accepted where
    it customarily means 'none': keterkaitan, keterangan, the first step's
    kelengkapan, the pangkat and NIP of an elected official; in the required
    sections F101 reports it.

    PASS:

        nomor: PK. KEC. KBS / 020 / I / 2024
        kegiatan:
          - aktivitas: Mengajukan permohonan ke Petugas PATEN
            pelaksana: pemohon
            kelengkapan: "-"
            output: Berkas permohonan
            keterangan: "-"
          - aktivitas: Memeriksa berkas dan menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas permohonan
            output: Surat keterangan
        pelaksana:
          pemohon: Pemohon
          camat: Camat

    FAIL:

        nomor: PK. KEC. KBS / xxx / I / 2024
        kegiatan:
          - aktivitas: Mengajukan permohonan ke Petugas PATEN
            pelaksana: pemohon
            output: Berkas permohonan
          - aktivitas: Memeriksa berkas dan menandatangani surat ...
            pelaksana: camat
            kelengkapan: Berkas permohonan
            output: "-"
        pelaksana:
          pemohon: Pemohon
          camat: Camat
    """
    for path, text in ctx.teks(sop):
        if len(text) > 9 and not _mungkin(text):
            continue
        bare = text.strip()
        if bare.lower() in _KOSONG:
            if bare not in _STRIP or not _boleh_strip(path):
                yield Problem(
                    path,
                    L_(
                        "{where} is only {value}; fill in the value",
                        where=uraian(path),
                        value=quote(bare),
                    ),
                )
            continue
        found = [
            _apa(m)
            for m in _PENANDA.finditer(text)
            if m.lastgroup != "miring" or path == ("nomor",)
        ]
        if found:
            yield Problem(
                path,
                L_(
                    "{where} is unfinished: it still holds {what}",
                    where=uraian(path),
                    what=", ".join(dict.fromkeys(found)),
                ),
            )


_BERNOMOR = frozenset(
    {"dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan",
     "pencatatan_pendataan"}
)  # fmt: skip
_NOMOR_AWAL = re.compile(r"^\s*(?P<n>\d{1,2}|[a-zA-Z])\s*[.)]\s+(?:(?P=n)\s*[.)]\s+)?")
_NOMOR_GANDA = re.compile(r"^\s*(?P<n>\d{1,2}|[a-zA-Z])\s*[.)]\s*(?P=n)\s*[.)]\s")


@rule("F108", "nomor-urut-ganda", Severity.WARNING)
def nomor_urut_ganda(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """An item starts with its own list number ('2. Undang-Undang ...'): it prints '2. 2. ...'.

    The form numbers the items of Dasar Hukum, Kualifikasi Pelaksana,
    Keterkaitan, Peralatan/Perlengkapan and Pencatatan dan Pendataan itself (and
    the steps of the procedure); a number typed into the text is printed after
    the form's own. A text that already reads '2. 2.' is reported anywhere.

    PASS:

        kualifikasi_pelaksana:
          - Memahami tugas pokok dan fungsi pelayanan di kecamatan
          - Mampu mengoperasikan komputer

    FAIL:

        kualifikasi_pelaksana:
          - 1. Memahami tugas pokok dan fungsi pelayanan di kecamatan
          - 2. Mampu mengoperasikan komputer
    """
    for path, text in ctx.teks(sop):
        numbered = path[0] in _BERNOMOR or (path[0] == "kegiatan" and path[-1] == "aktivitas")
        if not numbered and not text[:1].isdigit():
            continue
        m = _NOMOR_GANDA.match(text) or (_NOMOR_AWAL.match(text) if numbered else None)
        if m is None:
            continue
        if not numbered and not _NOMOR_GANDA.match(text):
            continue
        # 'a. n. Camat' or an initial: only a letter list of several items counts
        if (
            m["n"].isalpha()
            and not _NOMOR_GANDA.match(text)
            and (path[0] not in _BERNOMOR or len(getattr(sop, str(path[0]))) < 2)
        ):
            continue
        yield Problem(
            path,
            L_(
                "{where} starts with a list number {number}; the form numbers it itself, "
                "remove the number",
                where=uraian(path),
                number=quote(m[0].strip(), 12),
            ),
        )
