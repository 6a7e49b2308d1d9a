"""What is due: per SOP its status, last monitoring and evaluation, and the next of each.

An SOP in force (``berlaku``) is monitored every ``monitoring_bulan`` and
evaluated every ``evaluasi_bulan`` months (catalog settings ``tinjauan``,
6 and 12 by default), counted from the last record, or from the tanggal
efektif when there is none yet. Other statuses owe nothing.
"""

from __future__ import annotations

import calendar
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from ..model import Sop
from .model import PeriodeTinjauan, StatusSop
from .rekaman import Evaluasi, Monitoring, RekamanKatalog, load_rekaman_folders

SEGERA_HARI = 30
"""A review due within this many days is reported as ``segera`` (soon)."""


def status_of(sop: Sop) -> StatusSop:
    """The SOP's status: as written, else ``berlaku`` once it has a tanggal efektif, else draf."""
    if sop.status is not None:
        return sop.status
    return StatusSop.BERLAKU if sop.tanggal.efektif else StatusSop.DRAF


def tambah_bulan(hari: date, bulan: int) -> date:
    """``hari`` plus ``bulan`` calendar months (the last day of a shorter month)."""
    index = hari.month - 1 + bulan
    tahun, bulan_ke = hari.year + index // 12, index % 12 + 1
    return date(tahun, bulan_ke, min(hari.day, calendar.monthrange(tahun, bulan_ke)[1]))


class Keadaan(str, Enum):
    """How a review stands on the reference day."""

    TERLAMBAT = "terlambat"  # overdue
    SEGERA = "segera"  # due within SEGERA_HARI days
    SESUAI = "sesuai"  # on schedule
    TIDAK_BERLAKU = "tidak_berlaku"  # not in force: nothing due


@dataclass(frozen=True)
class Tinjauan:
    """One kind of review (monitoring or evaluasi) of one SOP."""

    terakhir: date | None
    jatuh_tempo: date | None
    keadaan: Keadaan


@dataclass
class StatusSopLaporan:
    """The ``sopdoc status`` line of one SOP."""

    sop: Sop
    status: StatusSop
    monitoring: Tinjauan
    evaluasi: Tinjauan
    evaluasi_terakhir: Evaluasi | None = None
    monitoring_terakhir: Monitoring | None = None

    @property
    def terlambat(self) -> bool:
        return Keadaan.TERLAMBAT in (self.monitoring.keadaan, self.evaluasi.keadaan)

    def to_dict(self) -> dict[str, Any]:
        def tinjauan(t: Tinjauan) -> dict[str, Any]:
            return {
                "terakhir": t.terakhir and t.terakhir.isoformat(),
                "jatuh_tempo": t.jatuh_tempo and t.jatuh_tempo.isoformat(),
                "keadaan": t.keadaan.value,
            }

        return {
            "nomor": self.sop.nomor,
            "nama": self.sop.nama,
            "unit": self.sop.unit,
            "file": str(self.sop.sumber) if self.sop.sumber else None,
            "status": self.status.value,
            "tanggal_efektif": self.sop.tanggal.efektif and self.sop.tanggal.efektif.isoformat(),
            "penetapan": self.sop.penetapan and self.sop.penetapan.nomor,
            "monitoring": tinjauan(self.monitoring),
            "evaluasi": tinjauan(self.evaluasi),
            "kesimpulan_evaluasi": self.evaluasi_terakhir
            and self.evaluasi_terakhir.kesimpulan.value,
        }


def _tinjauan(
    aktif: bool, mulai: date | None, terakhir: date | None, bulan: int, hari: date
) -> Tinjauan:
    if not aktif:
        return Tinjauan(terakhir, None, Keadaan.TIDAK_BERLAKU)
    dasar = terakhir or mulai
    if dasar is None:  # in force without a tanggal efektif: the checker reports it (S101)
        return Tinjauan(terakhir, None, Keadaan.TERLAMBAT)
    tempo = tambah_bulan(dasar, bulan)
    if tempo < hari:
        keadaan = Keadaan.TERLAMBAT
    elif tempo <= hari + timedelta(days=SEGERA_HARI):
        keadaan = Keadaan.SEGERA
    else:
        keadaan = Keadaan.SESUAI
    return Tinjauan(terakhir, tempo, keadaan)


def laporan_status(
    sop: Sop, rekaman: RekamanKatalog, periode: PeriodeTinjauan, hari: date
) -> StatusSopLaporan:
    """The status line of ``sop`` on ``hari``."""
    status = status_of(sop)
    mon = rekaman.monitoring(sop.nomor)
    ev = rekaman.evaluasi(sop.nomor)
    mulai = sop.tanggal.efektif
    return StatusSopLaporan(
        sop=sop,
        status=status,
        monitoring=_tinjauan(
            status.aktif, mulai, mon[-1].tanggal if mon else None, periode.monitoring_bulan, hari
        ),
        evaluasi=_tinjauan(
            status.aktif, mulai, ev[-1].tanggal if ev else None, periode.evaluasi_bulan, hari
        ),
        evaluasi_terakhir=ev[-1] if ev else None,
        monitoring_terakhir=mon[-1] if mon else None,
    )


@dataclass
class RingkasanUnit:
    """Counts of one unit: SOPs per status, and how many reviews are overdue."""

    unit: str
    per_status: Counter[str] = field(default_factory=Counter)
    terlambat: int = 0
    segera: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "per_status": dict(sorted(self.per_status.items())),
            "terlambat": self.terlambat,
            "segera": self.segera,
        }


def ringkasan_unit(laporan: list[StatusSopLaporan]) -> list[RingkasanUnit]:
    """One summary per unit, units in alphabetical order."""
    units: dict[str, RingkasanUnit] = {}
    for item in laporan:
        r = units.setdefault(item.sop.unit, RingkasanUnit(item.sop.unit))
        r.per_status[item.status.value] += 1
        r.terlambat += item.terlambat
        r.segera += Keadaan.SEGERA in (item.monitoring.keadaan, item.evaluasi.keadaan)
    return [units[u] for u in sorted(units)]


@dataclass
class StatusKatalog:
    """``sopdoc status`` of a set of SOPs: a line per SOP, a summary per unit."""

    hari: date
    laporan: list[StatusSopLaporan]
    unit: list[RingkasanUnit]
    errors: list[Any] = field(default_factory=list)  # SpecError of specs and records

    @property
    def terlambat(self) -> list[StatusSopLaporan]:
        return [item for item in self.laporan if item.terlambat]

    def to_dict(self) -> dict[str, Any]:
        return {
            "tanggal": self.hari.isoformat(),
            "sop": [item.to_dict() for item in self.laporan],
            "unit": [u.to_dict() for u in self.unit],
        }


def status_katalog(
    sops: list[Sop], rekaman: RekamanKatalog, periode: PeriodeTinjauan, hari: date
) -> StatusKatalog:
    """The status of every SOP on ``hari``, sorted by unit then nomor."""
    laporan = [
        laporan_status(sop, rekaman, periode, hari)
        for sop in sorted(sops, key=lambda s: (s.unit, s.nomor))
    ]
    return StatusKatalog(hari, laporan, ringkasan_unit(laporan), list(rekaman.errors))


def status(paths: Iterable[str | os.PathLike[str]], *, hari: date | None = None) -> StatusKatalog:
    """Load the specs and records under ``paths`` and tell what is due on ``hari`` (today).

    Review periods come from the ``tinjauan`` of the first catalog settings met
    (``sopdoc.yaml``); specs and records that do not load are in ``errors``.
    """
    from ..spec import load_paths

    paths = list(paths)
    loaded = load_paths(paths)
    folders = {Path(p) if Path(p).is_dir() else Path(p).parent for p in paths}
    rekaman = load_rekaman_folders(sorted(folders))
    periode = loaded.pengaturan[0].tinjauan if loaded.pengaturan else PeriodeTinjauan()
    hasil = status_katalog(loaded.sops, rekaman, periode, hari or date.today())
    hasil.errors = [*loaded.errors, *rekaman.errors]
    return hasil
