"""W: the Waktu column (each step's time; the SOP's total is shown beside the findings).

A waktu that cannot be read ("lima menit", "5 mnt-an") is refused when the spec
is loaded, with its file:line:column (exit code 2); these rules judge the values
that load.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import L_
from ...model import Sop
from ...waktu import SatuanWaktu
from ..core import LintContext, Problem, Severity, rule
from ..durasi import format_durasi

_BATAS = {
    SatuanWaktu.MENIT: 480,
    SatuanWaktu.JAM: 40,
    SatuanWaktu.HARI: 60,
    SatuanWaktu.HARI_KERJA: 60,
    SatuanWaktu.MINGGU: 26,
    SatuanWaktu.BULAN: 12,
}


@rule("W101", "waktu-nol", Severity.ERROR)
def waktu_nol(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A step's waktu is zero.

    Every activity takes time; "0 menit" is a placeholder left in, and it
    makes the SOP's total time wrong.

    PASS:

        kegiatan:
          - aktivitas: Menerima berkas
            pelaksana: petugas
            waktu: 1 menit
            output: Berkas
          - aktivitas: Menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas
            waktu: 10 menit
            output: Surat
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat

    FAIL:

        kegiatan:
          - aktivitas: Menerima berkas
            pelaksana: petugas
            waktu: 0 menit
            output: Berkas
          - aktivitas: Menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas
            waktu: 10 menit
            output: Surat
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    for i, step in enumerate(sop.kegiatan):
        if step.waktu is not None and step.waktu.nilai <= 0:
            yield Problem(
                ("kegiatan", i, "waktu"),
                L_(
                    "Waktu of step {n} '{waktu}' is zero; write the real time",
                    n=i + 1,
                    waktu=step.waktu.teks,
                ),
            )


@rule(
    "W102",
    "waktu-tidak-wajar",
    Severity.WARNING,
    options={f"maks_{s.value.replace(' ', '_')}": v for s, v in _BATAS.items()},
)
def waktu_tidak_wajar(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A step's waktu is implausibly large for its unit.

    "600 menit" (better "10 jam" or "1 hari 3 jam"), "90 hari" for one activity,
    or "36 bulan" are usually a wrong unit or a typo. The limits per unit are
    options: ``maks_menit`` 480 (a working day), ``maks_jam`` 40, ``maks_hari``
    and ``maks_hari_kerja`` 60, ``maks_minggu`` 26, ``maks_bulan`` 12. A range
    ("1-2 hari") is judged by its upper end.

    PASS:

        kegiatan:
          - aktivitas: Menerima berkas
            pelaksana: petugas
            waktu: 2 jam
            output: Berkas
          - aktivitas: Menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas
            waktu: 1-3 hari
            output: Surat
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat

    FAIL:

        kegiatan:
          - aktivitas: Menerima berkas
            pelaksana: petugas
            waktu: 600 menit
            output: Berkas
          - aktivitas: Menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas
            waktu: 1 hari
            output: Surat
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    for i, step in enumerate(sop.kegiatan):
        w = step.waktu
        if w is None:
            continue
        batas = float(ctx.opt(f"maks_{w.satuan.value.replace(' ', '_')}"))
        nilai = w.nilai_maks or w.nilai
        if nilai > batas:
            yield Problem(
                ("kegiatan", i, "waktu"),
                L_(
                    "Waktu of step {n} '{waktu}' is implausible (more than {batas:g} {satuan}, "
                    "= {durasi} of work); check the number and its unit",
                    n=i + 1,
                    waktu=w.teks,
                    batas=batas,
                    satuan=w.satuan.value,
                    durasi=format_durasi(w.menit),
                ),
            )


@rule("W103", "waktu-kosong", Severity.WARNING)
def waktu_kosong(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A step has no waktu.

    Waktu is part of the mutu baku of every step; without it the SOP's total
    time, which the reader uses to promise a service time, is incomplete.

    PASS:

        kegiatan:
          - aktivitas: Menerima berkas
            pelaksana: petugas
            waktu: 5 menit
            output: Berkas
          - aktivitas: Menandatangani surat
            pelaksana: camat
            kelengkapan: Berkas
            waktu: 10 menit
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
            waktu: 10 menit
            output: Surat
        pelaksana:
          petugas: Petugas PATEN
          camat: Camat
    """
    for i, step in enumerate(sop.kegiatan):
        if step.waktu is None:
            yield Problem(
                ("kegiatan", i),
                L_("Step {n} gives no waktu; the SOP's total waktu is incomplete", n=i + 1),
            )
