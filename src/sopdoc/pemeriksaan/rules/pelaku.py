"""A: who does what — the actor a text names, signing authority, a hand-over to one actor.

Roles are matched through the aliases of ``data/peran.yaml`` (Sekcam = Sekretaris
Camat, Lurah = Kepala Kelurahan, Kadis = Kepala Dinas, ...); a lane whose label
names no known role is never judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...i18n import L_, _
from ...model import Sop
from ..core import LintContext, Problem, Severity, rule
from ..peran import PeranRef, tokens
from ..text import quote, words


def _peran_lajur(sop: Sop, ctx: LintContext, i: int) -> list[PeranRef]:
    return [
        r
        for lane in sop.kegiatan[i].pelaksana_ids
        if lane in sop.pelaksana
        for r in ctx.peran.label(sop.pelaksana[lane])
    ]


def _label_lajur(sop: Sop, i: int) -> str:
    return " / ".join(
        quote(sop.pelaksana[lane])
        for lane in sop.kegiatan[i].pelaksana_ids
        if lane in sop.pelaksana
    )


def _semua_peran(sop: Sop, ctx: LintContext) -> list[PeranRef]:
    return [r for label in sop.pelaksana.values() for r in ctx.peran.label(label)]


def _pelaku(text: str, ctx: LintContext) -> list[tuple[PeranRef, str]]:
    """The roles a text names as doing the act: its subject ('Camat menandatangani') or 'oleh X'."""
    toks = tokens(text)
    out = []
    hit = ctx.peran.match_at(toks, 0)
    if hit is not None and hit[1] < len(toks) and toks[hit[1]].startswith("me"):
        out.append((hit[0], "subjek"))
    for j, t in enumerate(toks):
        if t == "oleh":
            out.extend((r, "oleh") for r in ctx.peran.parse_list(toks, j + 1))
    return out


@rule("A109", "pelaku-bukan-lajur", Severity.WARNING)
def pelaku_bukan_lajur(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The activity names who does it, and that is not the lane the step is drawn in.

    "Camat menandatangani surat" or "surat diparaf oleh Sekcam" in a step whose
    symbol sits in the lane of the Petugas: the text and the flowchart say
    different people do the work. Judged only when both the named role and
    the step's lane are roles sopdoc knows, and the named role has a lane of
    its own in this SOP.

    PASS:

        kegiatan:
          - aktivitas: Mengajukan permohonan ke Petugas PATEN
            pelaksana: pemohon
            output: Berkas permohonan
          - aktivitas: Berkas diperiksa oleh Petugas PATEN dan diteruskan ke Camat
            pelaksana: petugas
            kelengkapan: Berkas permohonan
            output: Berkas terverifikasi
          - aktivitas: Camat menandatangani surat keterangan
            pelaksana: camat
            kelengkapan: Berkas terverifikasi
            output: Surat keterangan

    FAIL:

        kegiatan:
          - aktivitas: Mengajukan permohonan ke Petugas PATEN
            pelaksana: pemohon
            output: Berkas permohonan
          - aktivitas: Berkas diperiksa oleh Petugas PATEN dan diteruskan ke Camat
            pelaksana: petugas
            kelengkapan: Berkas permohonan
            output: Berkas terverifikasi
          - aktivitas: Camat menandatangani surat keterangan
            pelaksana: petugas
            kelengkapan: Berkas terverifikasi
            output: Surat keterangan
    """
    semua = _semua_peran(sop, ctx)
    for i, step in enumerate(sop.kegiatan):
        if ctx.peran.first_words.isdisjoint(words(step.aktivitas)):
            continue
        mine = _peran_lajur(sop, ctx, i)
        if not mine:
            continue
        for ref, _how in _pelaku(step.aktivitas, ctx):
            if any(r.covers(ref) or ref.covers(r) for r in mine):
                continue
            if not any(r.peran == ref.peran for r in semua):
                continue  # no lane of that role: not judged
            nama = ctx.peran.written(step.aktivitas, ref)
            yield Problem(
                ("kegiatan", i, "aktivitas"),
                L_(
                    "Step {n}: the activity says {actor} does it, but the step is drawn in the "
                    "lane {lane}",
                    n=i + 1,
                    actor=quote(nama),
                    lane=_label_lajur(sop, i),
                ),
            )
            break


_TANDA_TANGAN = re.compile(
    r"\b(?:menandatangani|ditandatangani|mengesahkan|disahkan|menetapkan|ditetapkan"
    r"|menyetujui|disetujui)\b",
    re.IGNORECASE,
)
_PELAKSANA_STAF = frozenset({"pengelola", "petugas_paten", "petugas_pendaftaran"})
_PEMOHON = frozenset({"pemohon"})


def _lajur_penandatangan(sop: Sop, ctx: LintContext) -> list[str]:
    """The lanes of the SOP's signatory (their label names the role of 'Disahkan oleh')."""
    jabatan = sop.disahkan_oleh.jabatan or ""
    roles = ctx.peran.label(jabatan)
    out = []
    for lane, label in sop.pelaksana.items():
        lane_roles = ctx.peran.label(label)
        if any(r.peran == j.peran for r in lane_roles for j in roles):
            out.append(lane)
    return out


@rule("A110", "tanda-tangan-tanpa-wewenang", Severity.WARNING)
def tanda_tangan_tanpa_wewenang(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A signing or approving act sits in a staff lane while the signatory has a lane.

    Menandatangani, mengesahkan, menetapkan and menyetujui are acts of an
    official with authority; a step doing them in the lane of a Pengelola,
    Petugas or other staff, in an SOP where the signatory of the SOP (the
    'Disahkan oleh', e.g. the Camat) has a lane, was placed in the wrong lane.
    The applicant signing a form is not judged, nor lanes whose role is not
    known.

    PASS:

        kegiatan:
          - aktivitas: Mengisi dan menandatangani formulir permohonan
            pelaksana: pemohon
            output: Berkas permohonan
          - aktivitas: Memeriksa berkas dan meneruskan ke Camat
            pelaksana: petugas
            kelengkapan: Berkas permohonan
            output: Berkas terverifikasi
          - aktivitas: Menandatangani surat keterangan
            pelaksana: camat
            kelengkapan: Berkas terverifikasi
            output: Surat keterangan

    FAIL:

        kegiatan:
          - aktivitas: Mengisi formulir permohonan
            pelaksana: pemohon
            output: Berkas permohonan
          - aktivitas: Memeriksa berkas dan menandatangani surat keterangan
            pelaksana: petugas
            kelengkapan: Berkas permohonan
            output: Surat keterangan
          - aktivitas: Mengarsipkan surat keterangan
            pelaksana: camat
            kelengkapan: Surat keterangan
            output: Arsip
    """
    berwenang = _lajur_penandatangan(sop, ctx)
    if not berwenang:
        return
    for i, step in enumerate(sop.kegiatan):
        m = _TANDA_TANGAN.search(step.aktivitas)
        if m is None or "paraf" in step.aktivitas.lower():
            continue
        if any(lane in berwenang for lane in step.pelaksana_ids):
            continue
        mine = _peran_lajur(sop, ctx, i)
        if not mine or not all(r.peran in _PELAKSANA_STAF for r in mine):
            continue
        if any(r.peran in _PEMOHON for r in mine):
            continue
        yield Problem(
            ("kegiatan", i, "aktivitas"),
            L_(
                "Step {n} {act} in the lane {lane}, which has no authority for it; the "
                "signatory's lane is {signer}",
                n=i + 1,
                act=quote(m[0]),
                lane=_label_lajur(sop, i),
                signer=" / ".join(quote(sop.pelaksana[x]) for x in berwenang),
            ),
        )


_KE = frozenset({"ke", "kepada"})


@rule("A111", "serah-ke-dua-pelaksana", Severity.INFO)
def serah_ke_dua_pelaksana(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The activity hands the work to two actors at once ('kepada A/B', 'A atau B').

    A hand-over goes to one person: the next step is drawn in one lane. "Meneruskan
    konsep ke Kasubag Perencanaan/Sekcam" when the next step is the Sekcam's
    leaves the reader to guess whether the Kasubag sees the konsep. Name the
    one who receives it (or give each a step). Not judged when the next step
    is itself done by both.

    PASS:

        kegiatan:
          - aktivitas: Mengajukan permohonan ke Petugas PATEN
            pelaksana: pemohon
            output: Berkas permohonan
          - aktivitas: Memeriksa berkas dan meneruskan ke Camat
            pelaksana: petugas
            kelengkapan: Berkas permohonan
            output: Berkas terverifikasi
          - aktivitas: Menandatangani surat keterangan
            pelaksana: camat
            kelengkapan: Berkas terverifikasi
            output: Surat keterangan

    FAIL:

        kegiatan:
          - aktivitas: Mengajukan permohonan ke Petugas PATEN
            pelaksana: pemohon
            output: Berkas permohonan
          - aktivitas: Memeriksa berkas dan meneruskan ke Sekcam/Camat
            pelaksana: petugas
            kelengkapan: Berkas permohonan
            output: Berkas terverifikasi
          - aktivitas: Menandatangani surat keterangan
            pelaksana: camat
            kelengkapan: Berkas terverifikasi
            output: Surat keterangan
        pelaksana:
          pemohon: Pemohon
          petugas: Petugas PATEN
          sekcam: Sekcam
          camat: Camat
    """
    alur = ctx.alur(sop)
    for i, step in enumerate(sop.kegiatan):
        w = words(step.aktivitas)
        if _KE.isdisjoint(w) or not alur.succ[i]:
            continue
        toks = tokens(step.aktivitas)
        for j, t in enumerate(toks):
            if t not in _KE:
                continue
            named = ctx.peran.parse_list(toks, j + 1)
            if len({(r.peran, r.bagian) for r in named}) < 2:
                continue
            nxt = [r for o in alur.succ[i][:1] for r in _peran_lajur(sop, ctx, o)]
            if sum(1 for r in named if any(x.covers(r) or r.covers(x) for x in nxt)) >= 2:
                continue
            nama = [ctx.peran.written(step.aktivitas, r) for r in named]
            yield Problem(
                ("kegiatan", i, "aktivitas"),
                L_(
                    "Step {n} hands over to {names} at once, but the next step ({next}) is done "
                    "by {lane} alone; name the one who receives it",
                    n=i + 1,
                    names=_(" and ").join(quote(x) for x in nama),
                    next=alur.succ[i][0] + 1,
                    lane=_label_lajur(sop, alur.succ[i][0]),
                ),
            )
            break
