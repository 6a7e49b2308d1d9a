"""The typed SOP: one pydantic model per part of the Permenpan RB 35/2012 form.

Models hold what the document says, as written: no field is corrected on load.
Finding mistakes is the checker's job (``sopdoc.lint``).
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic._internal._model_construction import ModelMetaclass

from .errors import Location, SpecLoadError
from .i18n import _
from .peraturan import Peraturan
from .siklus.model import Kaitan, Penetapan, PeriodeTinjauan, StatusSop
from .source import SourceMap
from .waktu import MENIT_PER_SATUAN, UNITS_HELP, WAKTU_JSON_PATTERN, SatuanWaktu, parse_waktu

_STRICT = ConfigDict(extra="forbid", str_strip_whitespace=False, validate_default=False)


class _ModelMeta(ModelMetaclass):
    """pydantic's metaclass, with ``Model(...)`` raising sopdoc's error for a bad value.

    Construction is caught here rather than in ``__init__``: pydantic runs an
    overridden ``__init__`` for every validation, loading a spec included,
    which would lose the file positions and cost time.
    """

    if not TYPE_CHECKING:  # type checkers keep the fields' signature (dataclass_transform)

        def __call__(cls, *args, **kwargs):
            try:
                return super().__call__(*args, **kwargs)
            except ValidationError as exc:
                raise _model_error(exc, cls, kwargs, None) from None


class SopdocModel(BaseModel, metaclass=_ModelMeta):
    """A sopdoc model: checked when built and when a field is assigned, errors sopdoc's.

    ``Sop(...)`` with a bad value, or ``sop.kegiatan[0].waktu = "lima menit"``,
    raises :class:`~sopdoc.SpecLoadError` (a :class:`~sopdoc.SopdocError`)
    whose ``errors`` say what is wrong in the words the loader uses, with the
    spec path 1-based (``kegiatan[1].waktu``) and as a tuple (``parts``,
    0-based, for programs). A model loaded from a file names the file, line
    and column of the value it replaces.
    """

    model_config = ConfigDict(validate_assignment=True)

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:
            source = self.__pydantic_private__.get("_source") if self.__pydantic_private__ else None
            raise _model_error(exc, type(self), {name: value}, source) from None


def _model_error(
    exc: ValidationError, model: type[BaseModel], data: dict[str, Any], source: SourceMap | None
) -> SpecLoadError:
    from .spec import translate_errors  # the loader's words for pydantic's errors

    return SpecLoadError(
        translate_errors(exc, model, source or SourceMap(), f"<{model.__name__}>", data)
    )


Teks = Annotated[str, Field(min_length=1)]
"""A non-empty text field."""


class Waktu(SopdocModel):
    """A Waktu (time) value: the text as written plus its parsed value and unit."""

    model_config = ConfigDict(frozen=True)

    teks: str
    nilai: float
    nilai_maks: float | None = None
    satuan: SatuanWaktu

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # gets the message of a number without a unit
        if isinstance(value, str):
            nilai, maks, satuan = parse_waktu(value)
            return {"teks": value, "nilai": nilai, "nilai_maks": maks, "satuan": satuan}
        return value

    @model_serializer
    def _to_text(self) -> str:
        return self.teks

    @property
    def menit(self) -> float:
        """Working minutes, taking the upper end of a range (see ``waktu.MENIT_PER_SATUAN``)."""
        return (self.nilai_maks or self.nilai) * MENIT_PER_SATUAN[self.satuan]

    def __str__(self) -> str:
        return self.teks


WaktuField = Annotated[
    Waktu,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": WAKTU_JSON_PATTERN,
            "description": f"A number and a unit: {UNITS_HELP}. Ranges: '1-2 hari'.",
            "examples": ["5 menit", "3 hari", "1 HK"],
        }
    ),
]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    """Dates are written YYYY-MM-DD, nothing else (no time, no other order)."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value.strip()):
        raise ValueError(
            _("'{input}' is not a date; write YYYY-MM-DD, e.g. 2024-01-09").format(input=value)
        )
    return value


Tanggalan = Annotated[date, BeforeValidator(_iso_date)]
"""A calendar date written ``YYYY-MM-DD`` (a real day: 2024-02-30 is refused)."""


class Tanggal(SopdocModel):
    """The three dates of the identity table (ISO ``YYYY-MM-DD``)."""

    model_config = _STRICT

    pembuatan: Tanggalan | None = Field(
        default=None, description="Tanggal Pembuatan (date of signing)"
    )
    revisi: Tanggalan | None = Field(
        default=None, description="Tanggal Revisi; empty: never revised"
    )
    efektif: Tanggalan | None = Field(
        default=None, description="Tanggal Efektif; empty: not yet in force"
    )


class Penandatangan(SopdocModel):
    """The official in 'Disahkan oleh': jabatan, nama, pangkat, NIP, as printed."""

    model_config = _STRICT

    jabatan: Teks = Field(description="Jabatan, e.g. 'Camat Kebasen'")
    nama: Teks = Field(description="Nama with academic titles, as printed")
    pangkat: str | None = Field(
        default=None, description="Pangkat, e.g. 'Pembina Tk. I' (golongan optional)"
    )
    nip: str | None = Field(
        default=None, description="NIP as printed, e.g. '19780220 199612 1 001'"
    )


class Revisi(SopdocModel):
    """One entry of the riwayat revisi (revision history)."""

    model_config = _STRICT

    tanggal: Tanggalan = Field(description="Date of the revision")
    catatan: Teks = Field(description="What changed and why")
    nomor: str | None = Field(
        default=None, description="Revision number or label, if the office uses one"
    )


ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
"""What a step id looks like: letters, digits, '-', '_', '.'; no spaces."""

StepRef = Annotated[
    int | str,
    WithJsonSchema(
        {
            "anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": ID_PATTERN}],
            "description": "A step number (1-based) or a step id",
        }
    ),
]


LaneRef = Annotated[
    str | list[Teks],
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
            ]
        }
    ),
]
"""One lane id, or a list of lane ids acting together."""


BentukSimbol = Literal["terminator", "proses", "keputusan"]
"""A flowchart symbol a step may draw: capsule, rectangle or diamond."""


class Kegiatan(SopdocModel):
    """One step (row) of the procedure table."""

    model_config = _STRICT

    id: str | None = Field(
        default=None,
        description="Optional stable id; lets diffs and references survive renumbering",
        pattern=ID_PATTERN,
    )
    aktivitas: Teks = Field(description="The activity text (kolom Aktivitas)")
    pelaksana: LaneRef = Field(
        description="The lane id doing this step, or a list of ids acting together"
    )
    kelengkapan: str | None = Field(default=None, description="Mutu baku: Kelengkapan/Persyaratan")
    waktu: WaktuField | None = Field(default=None, description="Mutu baku: Waktu")
    output: str | None = Field(default=None, description="Mutu baku: Output")
    keterangan: str | None = Field(default=None, description="Keterangan")
    jika_tidak: StepRef | None = Field(
        default=None,
        description="Makes this step a decision: 'Ya' goes on, 'Tidak' returns to this "
        "step (number or id) — the 'panah balik'",
    )
    bentuk: BentukSimbol | list[BentukSimbol] | None = Field(
        default=None,
        description="The symbol drawn where it is not the rule's (first and last step: "
        "terminator, jika_tidak: keputusan, else proses); a list gives one symbol per lane "
        "of pelaksana, in the same order (e.g. [terminator, proses])",
    )
    label_ya: str | None = Field(
        default=None,
        description="The label of a decision's 'Ya' branch where it is not 'Ya' ('' none)",
    )
    label_tidak: str | None = Field(
        default=None,
        description="The label of a decision's 'Tidak' branch where it is not 'Tidak' ('' none)",
    )

    @model_validator(mode="after")
    def _bentuk_per_lane(self) -> Kegiatan:
        if isinstance(self.bentuk, list) and len(self.bentuk) != len(self.pelaksana_ids):
            raise ValueError(
                f"bentuk lists {len(self.bentuk)} symbol(s) for {len(self.pelaksana_ids)} "
                "lane(s) of pelaksana; give one per lane, in the same order, or one for all"
            )
        return self

    @field_validator("pelaksana", mode="before")
    @classmethod
    def _pelaksana_shape(cls, value: Any) -> Any:
        if value is None:
            raise ValueError(_("pelaksana is empty; name the lane id of who does this step"))
        if isinstance(value, dict):
            raise ValueError(
                _(
                    "pelaksana must be one lane id (pelaksana: camat) or a list of lane ids "
                    "(pelaksana: [camat, sekcam]), found a mapping"
                )
            )
        return value

    @field_validator("pelaksana")
    @classmethod
    def _pelaksana_not_empty(cls, value: str | list[str]) -> str | list[str]:
        if isinstance(value, list) and not value:
            raise ValueError(_("pelaksana lists no lane; name at least one lane id"))
        if isinstance(value, str) and not value.strip():
            raise ValueError(_("pelaksana is empty; name the lane id of who does this step"))
        if isinstance(value, list) and not all(item.strip() for item in value):
            raise ValueError(_("pelaksana lists a blank lane id; name each lane id"))
        return value

    @field_validator("waktu", mode="before")
    @classmethod
    def _waktu_is_text(cls, value: Any) -> Any:
        if isinstance(value, (dict, list)):
            kind = _("a mapping") if isinstance(value, dict) else _("a list")
            raise ValueError(
                _(
                    "waktu must be text like '5 menit' or '1-2 hari', found {kind} (units: {units})"
                ).format(kind=kind, units=UNITS_HELP)
            )
        return value

    @field_validator("jika_tidak", mode="before")
    @classmethod
    def _step_ref(cls, value: Any) -> Any:
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        if not isinstance(value, str):
            kind = _("a list") if isinstance(value, list) else _("a mapping")
            raise ValueError(
                _(
                    "jika_tidak must be one step number (e.g. jika_tidak: 5) or one step id, "
                    "found {kind}"
                ).format(kind=kind)
            )
        text = value.strip()
        if re.fullmatch(r"[-+]?\d+", text):
            return int(text)
        if not re.fullmatch(ID_PATTERN, text):
            raise ValueError(
                _(
                    "jika_tidak '{value}' is neither a step number nor a step id "
                    "(ids use letters, digits, '-', '_', '.')"
                ).format(value=value)
            )
        return value

    @field_validator("jika_tidak")
    @classmethod
    def _positive(cls, value: int | str | None) -> int | str | None:
        if isinstance(value, int) and value < 1:
            raise ValueError(_("jika_tidak must name a step number from 1, or a step id"))
        return value

    @property
    def pelaksana_ids(self) -> list[str]:
        """The lane ids of this step, always as a list."""
        return [self.pelaksana] if isinstance(self.pelaksana, str) else list(self.pelaksana)

    @property
    def is_keputusan(self) -> bool:
        """A decision (diamond): the step has a 'tidak' branch."""
        return self.jika_tidak is not None


class Kertas(str, Enum):
    """Paper sizes in use in Indonesian offices."""

    A4 = "A4"
    F4 = "F4"

    @property
    def mm(self) -> tuple[float, float]:
        """Portrait (width, height) in millimetres."""
        return {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}[self.value]


class Tampilan(SopdocModel):
    """Presentation values usually shared by a whole catalog (letterhead, logo, paper)."""

    model_config = _STRICT

    kop: list[str] = Field(
        default_factory=list,
        description="Letterhead lines (kop), top to bottom, e.g. "
        "['PEMERINTAH KABUPATEN BANYUMAS', 'KECAMATAN KEBASEN']",
    )
    logo: str | None = Field(
        default=None, description="Logo image (PNG/JPEG), relative to the file"
    )
    kertas: Kertas = Field(default=Kertas.A4, description="Paper size: A4 or F4 (215 × 330 mm)")
    judul_prosedur: str | None = Field(
        default=None,
        description="Title line of the procedure pages, a template with {nama}, e.g. "
        "'SOP PELAKSANAAN {nama}' (set in capitals); default: 'SOP PELAKSANAAN {nama}', "
        "or 'SOP {nama}' when the nama begins with Pelayanan, Penyusunan, ...",
    )

    @field_validator("judul_prosedur")
    @classmethod
    def _judul_template(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            value.format(nama="")
        except (KeyError, IndexError, ValueError):
            raise ValueError(
                "judul_prosedur may only use the placeholder {nama} (write {{ and }} for braces)"
            ) from None
        if not value.strip():
            raise ValueError("judul_prosedur is empty; leave it out for the default title")
        return value


class Sop(Tampilan):
    """One SOP AP document: identity, the six sections, the lanes and the steps."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"title": "SOP Administrasi Pemerintahan (sopdoc spec)"},
    )

    nomor: Teks = Field(description="Nomor SOP as printed, e.g. 'PK. KEC. KBS / 010 / I / 2024'")
    nama: Teks = Field(description="Nama SOP (judul)")
    instansi: Teks = Field(description="Instansi, e.g. 'Pemerintah Kabupaten Banyumas'")
    unit: Teks = Field(description="Unit kerja, e.g. 'Kecamatan Kebasen'")
    tanggal: Tanggal = Field(description="Tanggal pembuatan/revisi/efektif")
    status: StatusSop | None = Field(
        default=None,
        description="Life-cycle status: draf, diajukan, dievaluasi, berlaku, diganti, dicabut "
        "(empty: not tracked)",
    )
    penetapan: Penetapan | None = Field(
        default=None,
        description="The Keputusan that legalised the SOP: nomor, tanggal, tentang, oleh",
    )
    disahkan_oleh: Penandatangan = Field(description="Disahkan oleh (may come from the catalog)")
    dasar_hukum: list[str] = Field(default_factory=list, description="Dasar Hukum, in order")
    kualifikasi_pelaksana: list[str] = Field(
        default_factory=list, description="Kualifikasi Pelaksana"
    )
    keterkaitan: list[Kaitan] = Field(
        default_factory=list,
        description="Keterkaitan: related SOPs, each a nama/nomor or {sop, jenis}",
    )
    peralatan_perlengkapan: list[str] = Field(
        default_factory=list, description="Peralatan/Perlengkapan"
    )
    peringatan: str | None = Field(
        default=None, description="Peringatan ('Jika SOP tidak dilaksanakan …')"
    )
    pencatatan_pendataan: list[str] = Field(
        default_factory=list, description="Pencatatan dan Pendataan"
    )
    pelaksana: dict[str, Teks] = Field(
        min_length=1,
        description="The swimlane columns, in order: lane id -> column label",
    )
    kegiatan: list[Kegiatan] = Field(min_length=1, description="The steps, numbered 1.. in order")
    riwayat_revisi: list[Revisi] = Field(
        default_factory=list, description="Riwayat revisi: the revision history, oldest first"
    )
    menggantikan: list[str] = Field(
        default_factory=list, description="Nomor of each SOP this one replaces"
    )
    diganti_oleh: str | None = Field(
        default=None, description="Nomor of the SOP that replaced this one"
    )

    @field_validator("pelaksana")
    @classmethod
    def _lane_ids_not_blank(cls, value: dict[str, str]) -> dict[str, str]:
        if any(not lane.strip() for lane in value):
            raise ValueError(_("a lane id in pelaksana is blank; give each lane an id"))
        return value

    _source: SourceMap = PrivateAttr(default_factory=SourceMap)
    _path: Path | None = PrivateAttr(default=None)

    @property
    def sumber(self) -> Path | None:
        """The spec file this SOP was loaded from, if any."""
        return self._path

    @property
    def source_map(self) -> SourceMap:
        """Positions of every value as written (empty for an SOP built in code)."""
        return self._source

    def posisi(self, *path: str | int) -> Location | None:
        """Where the value at ``path`` was written, e.g. ``sop.posisi('kegiatan', 3, 'output')``.

        Indexes are 0-based here, as in Python; falls back to the closest written ancestor.
        """
        return self._source.locate(tuple(path))

    def langkah(self, ref: int | str) -> int | None:
        """The 0-based index of the step a reference (1-based number or id) names."""
        if isinstance(ref, int):
            return ref - 1 if 1 <= ref <= len(self.kegiatan) else None
        for i, step in enumerate(self.kegiatan):
            if step.id == ref:
                return i
        return None

    @property
    def total_menit(self) -> float:
        """Sum of the steps' Waktu in working minutes (steps without waktu count 0)."""
        return sum(k.waktu.menit for k in self.kegiatan if k.waktu is not None)


class PengaturanKatalog(Tampilan):
    """Catalog settings (``sopdoc.yaml`` at the catalog root), merged under every spec."""

    model_config = _STRICT

    instansi: str | None = Field(default=None, description="Default instansi")
    unit: str | None = Field(default=None, description="Default unit")
    disahkan_oleh: Penandatangan | None = Field(default=None, description="Default signatory")
    root: bool = Field(
        default=False,
        description="true: this folder is the catalog's top; settings files above it do not apply",
    )
    tinjauan: PeriodeTinjauan = Field(
        default_factory=PeriodeTinjauan,
        description="Review periods of SOPs in force: monitoring_bulan (6), evaluasi_bulan (12)",
    )
    lint: dict[str, Any] = Field(
        default_factory=dict, description="Checker configuration (select, ignore, severity, ...)"
    )
    peraturan: list[Peraturan] = Field(
        default_factory=list,
        description="Local regulations to add to the bundled registry (Perda, Perbup, ...): "
        "jenis, nomor, tahun, tentang (official title), status, sumber",
    )


SettingsKey = Literal[
    "instansi", "unit", "disahkan_oleh", "kop", "logo", "kertas", "judul_prosedur"
]
INHERITED_KEYS: tuple[SettingsKey, ...] = (
    "instansi",
    "unit",
    "disahkan_oleh",
    "kop",
    "logo",
    "kertas",
    "judul_prosedur",
)
"""Keys a spec inherits from the catalog settings when it does not set them itself."""
