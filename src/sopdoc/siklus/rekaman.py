"""Monitoring and evaluation records: YAML files kept beside the spec, one per period.

A record names its SOP by nomor and is recognised by its file name, so that a
catalog folder holds specs and records side by side and the spec loader skips
the records::

    010-pengukuran-data-kinerja.yaml                      the spec
    010-pengukuran-data-kinerja.2025-06.monitoring.yaml   monitoring of June 2025
    010-pengukuran-data-kinerja.2025-12.evaluasi.yaml     evaluation of December 2025

The forms follow Permenpan RB 35/2012: the monitoring judges each step
("berjalan dengan baik": ya/tidak, catatan hasil penilaian, tindakan yang harus
diambil); the evaluation answers the seven criteria of the regulation, each
ya/tidak with a catatan, and concludes ``tetap`` or ``perlu_revisi``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, WithJsonSchema

from ..errors import Location, SpecError, SpecLoadError, display_path
from ..i18n import N_, _
from ..source import SourceMap, read_yaml

JENIS_REKAMAN = ("monitoring", "evaluasi")
RECORD_SUFFIXES = tuple(f".{j}{ext}" for j in JENIS_REKAMAN for ext in (".yaml", ".yml"))
"""File name endings that mark a record rather than a spec."""


def is_rekaman(path: str | os.PathLike[str]) -> bool:
    """Whether the file is a monitoring or evaluation record (by its name)."""
    return os.fspath(path).lower().endswith(RECORD_SUFFIXES)


def _ya_tidak(value: Any) -> Any:
    """'ya'/'tidak' as written in the form; YAML's yes/no/true/false are accepted too."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("ya", "y", "yes", "true"):
            return True
        if word in ("tidak", "t", "no", "false"):
            return False
    raise ValueError(_("write ya or tidak"))


_YA_TIDAK_SCHEMA = {"anyOf": [{"enum": ["ya", "tidak"]}, {"type": "boolean"}]}
YaTidak = Annotated[bool, BeforeValidator(_ya_tidak), WithJsonSchema(_YA_TIDAK_SCHEMA)]


class Penilai(BaseModel):
    """Who judged: the official filling in the form."""

    model_config = ConfigDict(extra="forbid")

    nama: str = Field(min_length=1)
    jabatan: str | None = None
    nip: str | None = None


def _penilai(value: Any) -> Any:
    return {"nama": value} if isinstance(value, str) else value


def _nomor_langkah(value: Any) -> Any:
    """'4' written as text is step 4, as in ``jika_tidak``."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value


class PenilaianLangkah(BaseModel):
    """One row of the Formulir Monitoring: how one step went."""

    model_config = ConfigDict(extra="forbid")

    langkah: Annotated[int | str, BeforeValidator(_nomor_langkah)] = Field(
        description="The step: its number (from 1) or its id"
    )
    berjalan_baik: YaTidak = Field(description="Berjalan dengan baik: ya / tidak")
    catatan: str | None = Field(default=None, description="Catatan hasil penilaian")
    tindakan: str | None = Field(default=None, description="Tindakan yang harus diambil")


class _Rekaman(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sop: str = Field(min_length=1, description="Nomor of the SOP, as in its spec")
    tanggal: date = Field(description="Date of the monitoring or evaluation (YYYY-MM-DD)")
    penilai: Annotated[
        Penilai,
        BeforeValidator(_penilai),
        WithJsonSchema(
            {"anyOf": [{"type": "string", "minLength": 1}, Penilai.model_json_schema()]}
        ),
    ] = Field(description="Who judged: nama, jabatan, nip (or just the nama)")
    yang_dinilai: str | None = Field(
        default=None, description="Unit or official whose work was judged"
    )

    _path: Path | None = PrivateAttr(default=None)
    _source: SourceMap = PrivateAttr(default_factory=SourceMap)

    @property
    def sumber(self) -> Path | None:
        return self._path

    def posisi(self, *path: str | int) -> Location | None:
        """Where the value at ``path`` was written (0-based indexes)."""
        return self._source.locate(tuple(path))


class Monitoring(_Rekaman):
    """A Formulir Monitoring filled in: one judgement per step."""

    jenis: Literal["monitoring"] = "monitoring"
    langkah: list[PenilaianLangkah] = Field(min_length=1, description="One row per step judged")


class Kriteria(str, Enum):
    """The seven evaluation criteria of Permenpan RB 35/2012."""

    MENDORONG_KINERJA = "mendorong_kinerja"
    MUDAH_DIPAHAMI = "mudah_dipahami"
    MUDAH_DILAKSANAKAN = "mudah_dilaksanakan"
    PERAN_JELAS = "peran_jelas"
    MENGATASI_MASALAH = "mengatasi_masalah"
    MENJAWAB_KEBUTUHAN = "menjawab_kebutuhan"
    SINERGI = "sinergi"

    @property
    def uraian(self) -> str:
        """The criterion as the regulation words it (Indonesian, a term of the format)."""
        return URAIAN_KRITERIA[self]


URAIAN_KRITERIA = {
    Kriteria.MENDORONG_KINERJA: "Mampu mendorong peningkatan kinerja",
    Kriteria.MUDAH_DIPAHAMI: "Mudah dipahami",
    Kriteria.MUDAH_DILAKSANAKAN: "Mudah dilaksanakan",
    Kriteria.PERAN_JELAS: "Semua orang dapat menjalankan perannya masing-masing",
    Kriteria.MENGATASI_MASALAH: "Mampu mengatasi permasalahan yang berkaitan dengan proses",
    Kriteria.MENJAWAB_KEBUTUHAN: "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
    Kriteria.SINERGI: "Sinergi satu dengan lainnya",
}


class PenilaianKriteria(BaseModel):
    """One criterion judged: ya/tidak and why."""

    model_config = ConfigDict(extra="forbid")

    nilai: YaTidak = Field(description="ya / tidak")
    catatan: str | None = None


def _kriteria(value: Any) -> Any:
    return {"nilai": value} if isinstance(value, (str, bool)) else value


class Kesimpulan(str, Enum):
    TETAP = "tetap"
    PERLU_REVISI = "perlu_revisi"


class Evaluasi(_Rekaman):
    """A Formulir Evaluasi filled in: the seven criteria and the conclusion."""

    jenis: Literal["evaluasi"] = "evaluasi"
    kriteria: dict[
        Kriteria,
        Annotated[
            PenilaianKriteria,
            BeforeValidator(_kriteria),
            WithJsonSchema({"anyOf": [_YA_TIDAK_SCHEMA, PenilaianKriteria.model_json_schema()]}),
        ],
    ] = Field(description="Each of the seven criteria: ya/tidak, or {nilai, catatan}")
    kesimpulan: Kesimpulan = Field(description="tetap / perlu_revisi")
    catatan: str | None = Field(default=None, description="Further notes of the evaluator")


Rekaman = Monitoring | Evaluasi

_SINGLE = N_("a {jenis} record must be a mapping of keys (sop:, tanggal:, penilai:, ...)")


def load_rekaman(path: str | os.PathLike[str]) -> Rekaman:
    """Read one record; :class:`SpecLoadError` with file:line:col for every problem."""
    from ..spec import validate_document  # the spec loader's error translation

    p = Path(path)
    jenis = "evaluasi" if ".evaluasi." in p.name.lower() else "monitoring"
    model: type[Monitoring] | type[Evaluasi] = Evaluasi if jenis == "evaluasi" else Monitoring
    doc = read_yaml(p, display_path(p))
    if not isinstance(doc.data, dict):
        where = doc.source.locate(()) or Location(doc.file)
        raise SpecLoadError([SpecError(where, _(_SINGLE).format(jenis=jenis))])
    doc.data.setdefault("jenis", jenis)
    rekaman: Rekaman = validate_document(model, doc)
    rekaman._path = p
    rekaman._source = doc.source
    if model is Evaluasi:
        _check_lengkap(rekaman, doc.file)  # type: ignore[arg-type]
    return rekaman


def _check_lengkap(ev: Evaluasi, file: str) -> None:
    missing = [k.value for k in Kriteria if k not in ev.kriteria]
    if missing:
        where = ev.posisi("kriteria") or Location(file)
        raise SpecLoadError(
            [
                SpecError(
                    where,
                    _("the evaluation does not judge: {criteria}; judge all seven criteria").format(
                        criteria=", ".join(missing)
                    ),
                    "kriteria",
                )
            ]
        )


def record_files(folder: Path) -> list[Path]:
    """Every record under ``folder``, sorted, hidden folders skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(dirpath) / n for n in sorted(filenames) if is_rekaman(n)]
    return found


@dataclass
class RekamanKatalog:
    """The records found for a set of SOPs, by nomor, and the problems of the rest."""

    per_sop: dict[str, list[Rekaman]] = field(default_factory=dict)
    errors: list[SpecError] = field(default_factory=list)

    def semua(self, nomor: str) -> list[Rekaman]:
        """The records of the SOP with ``nomor`` (spacing and case ignored), oldest first."""
        return self.per_sop.get(_kunci(nomor), [])

    def monitoring(self, nomor: str) -> list[Monitoring]:
        """The SOP's monitorings, oldest first."""
        return [r for r in self.semua(nomor) if isinstance(r, Monitoring)]

    def evaluasi(self, nomor: str) -> list[Evaluasi]:
        """The SOP's evaluations, oldest first."""
        return [r for r in self.semua(nomor) if isinstance(r, Evaluasi)]


def load_rekaman_paths(paths: Iterable[str | os.PathLike[str]]) -> RekamanKatalog:
    """Load the records named and every record in the folders named (each once).

    Files that are not records (specs) are passed over; the problems of
    records that do not load are kept in ``errors``.
    """
    out = RekamanKatalog()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        files = record_files(path) if path.is_dir() else [path] if is_rekaman(path) else []
        for file in files:
            if file.resolve() in seen:
                continue
            seen.add(file.resolve())
            try:
                rekaman = load_rekaman(file)
            except SpecLoadError as exc:
                out.errors.extend(exc.errors)
                continue
            out.per_sop.setdefault(_kunci(rekaman.sop), []).append(rekaman)
    for records in out.per_sop.values():
        records.sort(key=lambda r: r.tanggal)
    return out


def load_rekaman_folders(folders: Iterable[Path]) -> RekamanKatalog:
    """Every record in ``folders`` (the records beside a set of specs)."""
    return load_rekaman_paths(folders)


def _kunci(nomor: str) -> str:
    """Nomors compared without spaces and case, as the checker does."""
    return "".join(nomor.split()).upper()
