"""S: siklus — the life cycle: status, penetapan, replacement, monitoring and evaluation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ...errors import Location
from ...i18n import L_
from ...model import Sop
from ...siklus.model import StatusSop
from ...siklus.rekaman import RekamanKatalog, load_rekaman_folders
from ..core import LintContext, Problem, Severity, rule
from ..text import quote


def _rekaman(ctx: LintContext) -> RekamanKatalog:
    """The records beside the SOPs of the run (loaded once; unreadable ones are validate's)."""

    def load() -> RekamanKatalog:
        folders = {s.sumber.parent for s in ctx.sops if s.sumber is not None}
        return load_rekaman_folders(sorted(folders, key=Path))

    return ctx.memo("siklus.rekaman", load)


@rule("S101", "berlaku-tanpa-efektif", Severity.ERROR)
def berlaku_tanpa_efektif(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """An SOP in force has no Tanggal Efektif.

    ``status: berlaku`` says the SOP binds its unit; from which day is what the
    Tanggal Efektif of the identity table tells. Without it the monitoring and
    evaluation schedule has no start either.

    PASS:

        status: berlaku
        penetapan:
          nomor: 100.3.3.2/12/2024
          tanggal: 2024-01-30

    FAIL:

        status: berlaku
        penetapan:
          nomor: 100.3.3.2/12/2024
          tanggal: 2024-01-30
        tanggal:
          pembuatan: 2024-01-09
          efektif:
    """
    if sop.status is StatusSop.BERLAKU and sop.tanggal.efektif is None:
        yield Problem(
            ("tanggal", "efektif"),
            L_("The SOP is in force (status: berlaku) but has no Tanggal Efektif"),
            key=True,
        )


@rule("S102", "berlaku-tanpa-penetapan", Severity.WARNING)
def berlaku_tanpa_penetapan(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """An SOP in force does not name the decree that legalised it.

    An SOP takes force through a Keputusan of the head of the agency
    (penetapan); the register of SOPs in force cites its nomor and tanggal.

    PASS:

        status: berlaku
        penetapan:
          nomor: 100.3.3.2/12/2024
          tanggal: 2024-01-30

    FAIL:

        status: berlaku
    """
    if sop.status is StatusSop.BERLAKU and sop.penetapan is None:
        yield Problem(
            ("status",),
            L_(
                "The SOP is in force (status: berlaku) but names no penetapan (nomor and tanggal "
                "of the Keputusan)"
            ),
        )


@rule("S103", "diganti-tanpa-pengganti", Severity.WARNING, scope="katalog")
def diganti_tanpa_pengganti(ctx: LintContext) -> Iterator[Problem]:
    """A replaced SOP does not name its successor, or names one the catalog lacks.

    ``status: diganti`` needs ``diganti_oleh`` with the nomor of the new SOP,
    so a reader of the old one finds the procedure in force. In a whole catalog
    the successor must be one of its SOPs.

    PASS:

        nomor: PK. KEC. KBS / 020 / I / 2024
        status: diganti
        diganti_oleh: PK. KEC. KBS / 021 / I / 2025
        ---
        nomor: PK. KEC. KBS / 021 / I / 2025
        menggantikan:
          - PK. KEC. KBS / 020 / I / 2024

    FAIL:

        status: diganti
    """
    nomors = {"".join(s.nomor.split()).upper() for s in ctx.sops}
    for sop in ctx.sops:
        if sop.status is not StatusSop.DIGANTI:
            continue
        if not sop.diganti_oleh:
            yield Problem(
                ("status",),
                L_(
                    "The SOP is replaced (status: diganti) but diganti_oleh does not name the "
                    "nomor of the SOP that replaces it"
                ),
                sop=sop,
            )
        elif ctx.katalog_lengkap and "".join(sop.diganti_oleh.split()).upper() not in nomors:
            yield Problem(
                ("diganti_oleh",),
                L_(
                    "No SOP of the catalog has the nomor {nomor} named in diganti_oleh",
                    nomor=quote(sop.diganti_oleh),
                ),
                sop=sop,
            )


@rule("S104", "evaluasi-tanpa-revisi", Severity.WARNING)
def evaluasi_tanpa_revisi(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The last evaluation concluded perlu_revisi, and no revision followed.

    An evaluation record (``*.evaluasi.yaml`` beside the spec) that concludes
    ``perlu_revisi`` asks for a revision: a Tanggal Revisi, or an entry of the
    riwayat revisi, dated on or after the evaluation. The finding names the
    record.

    PASS:

        tanggal:
          pembuatan: 2024-01-09
          revisi:
          efektif: 2024-02-01

    FAIL:

        # rekaman: 001-contoh.2025-12.evaluasi.yaml
        sop: PK. KEC. KBS / 020 / I / 2024
        tanggal: 2025-12-10
        penilai: Sekretaris Kecamatan
        kriteria:
          mendorong_kinerja: ya
          mudah_dipahami: ya
          mudah_dilaksanakan: tidak
          peran_jelas: ya
          mengatasi_masalah: ya
          menjawab_kebutuhan: ya
          sinergi: ya
        kesimpulan: perlu_revisi
    """
    evaluasi = _rekaman(ctx).evaluasi(sop.nomor)
    if not evaluasi or evaluasi[-1].kesimpulan.value != "perlu_revisi":
        return
    ev = evaluasi[-1]
    revisi = [d for d in [sop.tanggal.revisi, *(r.tanggal for r in sop.riwayat_revisi)] if d]
    if any(d >= ev.tanggal for d in revisi):
        return
    yield Problem(
        ("tanggal", "revisi"),
        L_(
            "The evaluation of {date} ({record}) concluded perlu_revisi, but the SOP has not been "
            "revised since",
            date=ev.tanggal.isoformat(),
            record=ev.posisi("kesimpulan") or ev.sumber,
        ),
        key=True,
    )


@rule("S105", "monitoring-langkah-asing", Severity.WARNING)
def monitoring_langkah_asing(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A monitoring record judges a step the SOP does not have.

    Each row of a monitoring record (``*.monitoring.yaml``) names a step of its
    SOP by number (from 1) or id; a step number past the last step, or an
    unknown id, is a row copied from another SOP or a step since removed.

    PASS:

        # rekaman: 001-contoh.2025-06.monitoring.yaml
        sop: PK. KEC. KBS / 020 / I / 2024
        tanggal: 2025-06-30
        penilai: Sekretaris Kecamatan
        langkah:
          - langkah: 4
            berjalan_baik: ya

    FAIL:

        # rekaman: 001-contoh.2025-06.monitoring.yaml
        sop: PK. KEC. KBS / 020 / I / 2024
        tanggal: 2025-06-30
        penilai: Sekretaris Kecamatan
        langkah:
          - langkah: 7
            berjalan_baik: tidak
            catatan: Surat belum diarsipkan
    """
    for mon in _rekaman(ctx).monitoring(sop.nomor):
        for i, row in enumerate(mon.langkah):
            if sop.langkah(row.langkah) is not None:
                continue
            where = mon.posisi("langkah", i, "langkah") or Location(str(mon.sumber))
            yield Problem(
                ("langkah", i, "langkah"),
                L_(
                    "The monitoring judges step {step}, which SOP {nomor} does not have (it has "
                    "{n} steps)",
                    step=row.langkah,
                    nomor=sop.nomor,
                    n=len(sop.kegiatan),
                ),
                lokasi=where,
            )
