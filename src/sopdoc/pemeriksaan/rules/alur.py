"""A: the flow — the chain of documents from step to step, and the flow graph."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ...i18n import L_
from ...model import Sop
from ..core import LintContext, Problem, Severity, rule
from ..peran import PeranRef, tokens
from ..text import contains_phrase, quote, words


def _kemiripan(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _rantai(sop: Sop, ctx: LintContext) -> list[tuple[int, int | None, float]]:
    """Steps whose kelengkapan is no predecessor's output: (step, closest pred, similarity)."""

    def build(sop: Sop) -> list[tuple[int, int | None, float]]:
        alur = ctx.alur(sop)
        out: list[tuple[int, int | None, float]] = []
        for i, step in enumerate(sop.kegiatan):
            if i == 0 or not step.kelengkapan:
                continue
            k = words(step.kelengkapan)
            if not k:
                continue
            best: tuple[int | None, float] = (None, 0.0)
            matched = False
            for p in alur.pred[i]:
                output = sop.kegiatan[p].output
                o = words(output) if output else ()
                if not o:
                    matched = True  # nothing to compare with: no judgement
                    break
                if k == o or contains_phrase(k, o) >= 0 or contains_phrase(o, k) >= 0:
                    matched = True
                    break
                score = _kemiripan(k, o)
                if score > best[1]:
                    best = (p, score)
            if not matched:
                out.append((i, best[0], best[1]))
        return out

    return ctx.per_sop("alur.rantai", sop, build)


@rule("A101", "rantai-kelengkapan", Severity.WARNING, options={"kemiripan": 0.6})
def rantai_kelengkapan(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A step's kelengkapan nearly, but not exactly, repeats the previous step's output.

    In the procedure table the output of one step is what the next step works
    with (its Kelengkapan), in flow order: the step before it, and any
    decision whose "tidak" arrow returns to it. When the kelengkapan is almost
    the previous output ("Bahan Penyusunan ..." after "Bahan Pelaksanaan ..."),
    the chain of documents breaks, usually by copy-paste from another SOP or
    another row. A kelengkapan that contains the previous output ("Disposisi
    Camat dan Surat Bupati") is fine.

    Option ``kemiripan`` (default 0.6): the word similarity (0–1) from which
    two texts count as a near-miss; below it see A102.

    PASS:

        kegiatan:
          - aktivitas: Menyiapkan bahan
            pelaksana: petugas
            output: Bahan Pelaksanaan Pengukuran Data Kinerja
          - aktivitas: Memeriksa bahan dan Surat Bupati
            pelaksana: camat
            kelengkapan: Bahan Pelaksanaan Pengukuran Data Kinerja dan Surat Bupati
            output: Dokumen final
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat

    FAIL:

        kegiatan:
          - aktivitas: Menyiapkan bahan
            pelaksana: petugas
            output: Bahan Pelaksanaan Pengukuran Data Kinerja
          - aktivitas: Memeriksa bahan
            pelaksana: camat
            kelengkapan: Bahan Penyusunan Pengukuran Data Kinerja
            output: Dokumen final
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    batas = float(ctx.opt("kemiripan"))
    for i, p, score in _rantai(sop, ctx):
        if p is not None and score >= batas:
            step = sop.kegiatan[i]
            yield Problem(
                ("kegiatan", i, "kelengkapan"),
                L_(
                    "Kelengkapan of step {n} {kelengkapan} is not the output of step {p} "
                    "{output}; the chain of documents is broken (copied wrongly?)",
                    n=i + 1,
                    kelengkapan=quote(step.kelengkapan or ""),
                    p=p + 1,
                    output=quote(sop.kegiatan[p].output or ""),
                ),
            )


@rule("A102", "kelengkapan-lepas", Severity.INFO, options={"kemiripan": 0.6})
def kelengkapan_lepas(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A step's kelengkapan has nothing to do with the previous step's output.

    Where A101 catches near-misses, this rule notes a kelengkapan that neither
    contains nor resembles the output of any step leading to it. That is often
    right (a step may need a document from outside the flow: a form, a
    regulation) and so only informative; read it as a question: is the output
    of the previous step used?

    Option ``kemiripan``: as for A101 (keep both equal).

    PASS:

        kegiatan:
          - aktivitas: Menyiapkan disposisi
            pelaksana: camat
            output: Disposisi Camat
          - aktivitas: Menelaah disposisi
            pelaksana: petugas
            kelengkapan: Disposisi Camat, Surat Bupati
            output: Konsep jawaban
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat

    FAIL:

        kegiatan:
          - aktivitas: Menyiapkan disposisi
            pelaksana: camat
            output: Disposisi Camat
          - aktivitas: Menyusun jawaban
            pelaksana: petugas
            kelengkapan: Formulir isian
            output: Konsep jawaban
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    batas = float(ctx.opt("kemiripan"))
    for i, p, score in _rantai(sop, ctx):
        if p is None or score < batas:
            step = sop.kegiatan[i]
            prev = sop.kegiatan[i - 1]
            yield Problem(
                ("kegiatan", i, "kelengkapan"),
                L_(
                    "Kelengkapan of step {n} {kelengkapan} does not contain the output of step "
                    "{p} {output}; check whether that output is used",
                    n=i + 1,
                    kelengkapan=quote(step.kelengkapan or ""),
                    p=i,
                    output=quote(prev.output or ""),
                ),
            )


@rule("A103", "jika-tidak-tujuan", Severity.ERROR)
def jika_tidak_tujuan(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A decision's "tidak" target is missing, the decision itself, or a later step.

    ``jika_tidak`` draws the "panah balik": when the answer is "tidak" the work
    returns to an earlier step (for repair). The target must name an existing
    step (number or id), earlier than the decision. Every step is reachable by
    construction (each step flows to the next, a "tidak" arrow only adds a way
    back), so a broken target is the one way to break the flow graph; with
    A104 (no decision in the last row) the graph has one start and one end.

    PASS:

        kegiatan:
          - aktivitas: Menyusun konsep
            pelaksana: petugas
            output: Konsep
          - aktivitas: Memeriksa konsep
            pelaksana: camat
            kelengkapan: Konsep
            output: Konsep disetujui
            jika_tidak: 1
          - aktivitas: Mengarsipkan
            pelaksana: petugas
            kelengkapan: Konsep disetujui
            output: Arsip
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
            jika_tidak: 2
          - aktivitas: Mengarsipkan
            pelaksana: petugas
            kelengkapan: Konsep disetujui
            output: Arsip
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    for i, target in ctx.alur(sop).tidak.items():
        ref = sop.kegiatan[i].jika_tidak
        path = ("kegiatan", i, "jika_tidak")
        if target is None:
            what = (
                L_("step {ref}", ref=ref)
                if isinstance(ref, int)
                else L_("the step with id '{ref}'", ref=ref)
            )
            yield Problem(
                path,
                L_(
                    "Decision of step {n}: if not, back to {what}, which does not exist",
                    n=i + 1,
                    what=what,
                ),
            )
        elif target == i:
            yield Problem(path, L_("Decision of step {n}: if not, back to itself", n=i + 1))
        elif target > i:
            yield Problem(
                path,
                L_(
                    "Decision of step {n}: if not, goes to step {target}, which comes after it; "
                    "the back arrow must return to an earlier step",
                    n=i + 1,
                    target=target + 1,
                ),
            )


@rule("A104", "keputusan-terakhir", Severity.ERROR)
def keputusan_terakhir(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The last step is a decision.

    The first and the last step are drawn as terminators (start and end). A
    decision in the last row has no step for its "ya" branch: the process
    would end in a diamond. Add the step that follows the approval (e.g. filing).

    PASS:

        kegiatan:
          - aktivitas: Menyusun konsep
            pelaksana: petugas
            output: Konsep
          - aktivitas: Memeriksa konsep
            pelaksana: camat
            kelengkapan: Konsep
            output: Konsep disetujui
            jika_tidak: 1
          - aktivitas: Mengarsipkan
            pelaksana: petugas
            kelengkapan: Konsep disetujui
            output: Arsip
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
            jika_tidak: 1
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    n = len(sop.kegiatan)
    if n > 1 and sop.kegiatan[-1].is_keputusan:
        yield Problem(
            ("kegiatan", n - 1, "jika_tidak"),
            L_(
                "The last step ({n}) is a decision; its 'yes' branch leads to no step. Add a "
                "closing step",
                n=n,
            ),
        )


@rule("A105", "pelaksana-tidak-dikenal", Severity.ERROR)
def pelaksana_tidak_dikenal(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A step names a pelaksana that is not one of the declared lanes.

    Each step is drawn in the lane (column) of its pelaksana; the lanes are the
    keys of ``pelaksana:``. An unknown id leaves the step without a column.

    PASS:

        pelaksana:
          pemohon: Pemohon
          petugas: Petugas PATEN
          camat: Camat

    FAIL:

        pelaksana:
          pemohon: Pemohon
          loket: Petugas PATEN
          camat: Camat
    """
    lanes = sop.pelaksana
    for i, step in enumerate(sop.kegiatan):
        for j, lane in enumerate(step.pelaksana_ids):
            if lane in lanes:
                continue
            path: tuple[str | int, ...] = ("kegiatan", i, "pelaksana")
            if isinstance(step.pelaksana, list):
                path = (*path, j)
            close = difflib.get_close_matches(lane, list(lanes), n=1, cutoff=0.6)
            hint = (
                L_("; did you mean '{lane}'?", lane=close[0])
                if close
                else L_(" (lanes: {lanes})", lanes=", ".join(lanes))
            )
            yield Problem(
                path,
                L_(
                    "Pelaksana of step {n} '{lane}' is not a declared lane{hint}",
                    n=i + 1,
                    lane=lane,
                    hint=hint,
                ),
            )


@rule("A106", "lajur-tidak-dipakai", Severity.WARNING)
def lajur_tidak_dipakai(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A lane (column of the procedure table) has no step.

    An empty column is printed for nothing and suggests a step was given the
    wrong pelaksana, or a lane was left over from the SOP this one was copied
    from.

    PASS:

        pelaksana:
          pemohon: Pemohon
          petugas: Petugas PATEN
          camat: Camat

    FAIL:

        pelaksana:
          pemohon: Pemohon
          petugas: Petugas PATEN
          sekcam: Sekcam
          camat: Camat
    """
    used = {lane for step in sop.kegiatan for lane in step.pelaksana_ids}
    for lane, label in sop.pelaksana.items():
        if lane not in used:
            yield Problem(
                ("pelaksana", lane),
                L_("Lane {label} is used by no step", label=quote(label)),
            )


_KE = frozenset({"ke", "kepada", "melalui"})  # "ke Camat melalui Sekcam": either may follow
_DARI = frozenset({"dari"})


def _sebutan(sop: Sop, ctx: LintContext, i: int, kata: frozenset[str]) -> list[PeranRef]:
    """Roles named after 'ke'/'kepada' (or 'dari') in step ``i``'s activity text."""
    text = sop.kegiatan[i].aktivitas
    if kata.isdisjoint(words(text)):  # words() is shared with other rules (cached)
        return []
    toks = tokens(text)
    found: list[PeranRef] = []
    for j, t in enumerate(toks):
        if t in kata:
            found.extend(ctx.peran.parse_list(toks, j + 1))
    return found


def _lajur(sop: Sop, ctx: LintContext, i: int) -> list[tuple[str, tuple[PeranRef, ...]]]:
    return [
        (sop.pelaksana[lane], ctx.peran.label(sop.pelaksana[lane]))
        for lane in sop.kegiatan[i].pelaksana_ids
        if lane in sop.pelaksana
    ]


def _serah_terima(sop: Sop, ctx: LintContext) -> list[tuple[int, str, PeranRef, list[int], str]]:
    """Handovers the next step does not match: (step, 'ke'|'dari', role, others, how)."""

    def build(sop: Sop) -> list[tuple[int, str, PeranRef, list[int], str]]:
        alur = ctx.alur(sop)
        lane_roles = [r for label in sop.pelaksana.values() for r in ctx.peran.label(label)]
        out: list[tuple[int, str, PeranRef, list[int], str]] = []
        for i in range(len(sop.kegiatan)):
            # "ke X": X does the next step (in flow order); "dari X": X did some earlier step
            # (the document may come from further back than the step before).
            earlier = list(range(i))
            for arah, kata, others in (("ke", _KE, alur.succ[i]), ("dari", _DARI, earlier)):
                if not others:
                    continue
                named = [
                    m
                    for m in _sebutan(sop, ctx, i, kata)
                    if any(r.peran == m.peran for r in lane_roles)
                ]
                if not named:
                    continue  # nobody named, or only people outside the lanes
                roles = [r for o in others for _, rs in _lajur(sop, ctx, o) for r in rs]
                if not roles:
                    continue  # the next lanes are labelled with roles we do not know
                if any(r.covers_exactly(m) for m in named for r in roles):
                    continue
                covered = [m for m in named if any(r.covers(m) for r in roles)]
                if covered:
                    if arah == "ke":
                        out.append((i, arah, covered[0], others, "umum"))
                else:
                    out.append((i, arah, named[0], others, "lain"))
        return out

    return ctx.per_sop("alur.serah", sop, build)


def _nama_peran(sop: Sop, ctx: LintContext, i: int, ref: PeranRef) -> str:
    """How step ``i``'s text writes the role ``ref``."""
    return ctx.peran.written(sop.kegiatan[i].aktivitas, ref)


def _labels(sop: Sop, ctx: LintContext, steps: list[int]) -> str:
    seen: list[str] = []
    for o in steps:
        for label, _ in _lajur(sop, ctx, o):
            if label not in seen:
                seen.append(label)
    return " / ".join(f"'{s}'" for s in seen)


@rule("A107", "serah-terima", Severity.WARNING)
def serah_terima(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The activity hands the work "ke X" (or takes it "dari X"), but X does not do the next step.

    "Meneruskan konsep ke Sekcam" means the next step (in flow order: the next
    row, or the "tidak" target of a decision) is the Sekcam's ("ke Camat
    melalui Sekcam": the Camat's or the Sekcam's); "menelaah disposisi dari
    Camat" means the Camat did an earlier step. Lane labels
    are matched through role aliases (Sekcam = Sekretaris Camat, Kasubag =
    Kasubbag = Kepala Sub Bagian, Kasi = Kepala Seksi ...), a label
    "Kasi/Kasubag" covers both, and one named person out of several
    ("ke Kasubag Perencanaan/Sekcam") is enough. People whose role has no
    lane in this SOP (a Bupati, a Pemohon without a column) are not judged.

    PASS:

        kegiatan:
          - aktivitas: Mengajukan permohonan ke Petugas PATEN
            pelaksana: pemohon
            output: Berkas permohonan
          - aktivitas: Memeriksa berkas dan meneruskan ke Sekretaris Camat
            pelaksana: petugas
            kelengkapan: Berkas permohonan
            output: Berkas terverifikasi
          - aktivitas: Memaraf dan meneruskan berkas
            pelaksana: sekcam
            kelengkapan: Berkas terverifikasi
            output: Berkas diparaf
        pelaksana:
          pemohon: Pemohon
          petugas: Petugas PATEN
          sekcam: Sekcam

    FAIL:

        kegiatan:
          - aktivitas: Mengajukan permohonan ke Petugas PATEN
            pelaksana: pemohon
            output: Berkas permohonan
          - aktivitas: Memeriksa berkas dan meneruskan ke Sekcam
            pelaksana: petugas
            kelengkapan: Berkas permohonan
            output: Berkas terverifikasi
          - aktivitas: Menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas terverifikasi
            output: Surat
          - aktivitas: Memaraf surat
            pelaksana: sekcam
            kelengkapan: Surat
            output: Surat diparaf
        pelaksana:
          pemohon: Pemohon
          petugas: Petugas PATEN
          sekcam: Sekcam
          camat: Camat
    """
    for i, arah, ref, others, how in _serah_terima(sop, ctx):
        if how != "lain":
            continue
        nama = _nama_peran(sop, ctx, i, ref)
        nomor = ", ".join(str(o + 1) for o in others)
        if arah == "ke":
            msg = L_(
                "Step {n} hands over to {nama}, but the next step ({nomor}) is done by {lanes}",
                n=i + 1,
                nama=nama,
                nomor=nomor,
                lanes=_labels(sop, ctx, others),
            )
        else:
            msg = L_(
                "Step {n} receives from {nama}, but no earlier step is done by {nama} "
                "(earlier lanes: {lanes})",
                n=i + 1,
                nama=nama,
                lanes=_labels(sop, ctx, others),
            )
        yield Problem(("kegiatan", i, "aktivitas"), msg)


@rule("A108", "lajur-kurang-spesifik", Severity.INFO)
def lajur_kurang_spesifik(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The text names a specific person ("Kasubag Perencanaan"); the lane label is generic.

    The hand-over agrees in role (A107 is satisfied) but the label of the lane
    that receives the work says less than the text: "kepada Kasubag
    Perencanaan" goes to a lane labelled "Kasi/Kasubag". A reader of the
    flowchart cannot tell which Kasubag acts. Name the lane as the text does,
    or the text as the lane does.

    PASS:

        kegiatan:
          - aktivitas: Mendisposisi kepada Kasubag Perencanaan
            pelaksana: sekcam
            output: Disposisi Sekcam
          - aktivitas: Menyusun konsep
            pelaksana: kasubag
            kelengkapan: Disposisi Sekcam
            output: Konsep
        pelaksana:
          sekcam: Sekcam
          kasubag: Kepala Sub Bagian Perencanaan

    FAIL:

        kegiatan:
          - aktivitas: Mendisposisi kepada Kasubag Perencanaan
            pelaksana: sekcam
            output: Disposisi Sekcam
          - aktivitas: Menyusun konsep
            pelaksana: kasubag
            kelengkapan: Disposisi Sekcam
            output: Konsep
        pelaksana:
          sekcam: Sekcam
          kasubag: Kasi/Kasubag
    """
    for i, arah, ref, others, how in _serah_terima(sop, ctx):
        if how != "umum":
            continue
        nama = _nama_peran(sop, ctx, i, ref)
        nomor = ", ".join(str(o + 1) for o in others)
        template = (
            L_(
                "Step {n} names {nama}, but the lane of the next step ({nomor}) is only "
                "labelled {lanes}; make the lane label match the text",
                n=i + 1,
                nama=nama,
                nomor=nomor,
                lanes=_labels(sop, ctx, others),
            )
            if arah == "ke"
            else L_(
                "Step {n} names {nama}, but the lane of the earlier step ({nomor}) is only "
                "labelled {lanes}; make the lane label match the text",
                n=i + 1,
                nama=nama,
                nomor=nomor,
                lanes=_labels(sop, ctx, others),
            )
        )
        yield Problem(("kegiatan", i, "aktivitas"), template)
