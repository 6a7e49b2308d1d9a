"""Life-cycle values of a spec: status, penetapan, replacement, typed keterkaitan.

The status follows the course Permenpan RB 35/2012 describes: an SOP is drafted
(``draf``), submitted to the Bagian Organisasi (``diajukan``), evaluated
(``dievaluasi``), legalised by a decree and in force (``berlaku``), and in the
end replaced by a newer SOP (``diganti``) or revoked (``dicabut``).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
)


class StatusSop(str, Enum):
    """Where an SOP stands in its life."""

    DRAF = "draf"
    DIAJUKAN = "diajukan"
    DIEVALUASI = "dievaluasi"
    BERLAKU = "berlaku"
    DIGANTI = "diganti"
    DICABUT = "dicabut"

    @property
    def aktif(self) -> bool:
        """In force: monitoring and evaluation are due only for these."""
        return self is StatusSop.BERLAKU

    @property
    def akhir(self) -> bool:
        """A final state: nothing follows ``diganti`` or ``dicabut``."""
        return self in (StatusSop.DIGANTI, StatusSop.DICABUT)


TRANSISI: dict[StatusSop, frozenset[StatusSop]] = {
    StatusSop.DRAF: frozenset({StatusSop.DIAJUKAN, StatusSop.DICABUT}),
    StatusSop.DIAJUKAN: frozenset({StatusSop.DRAF, StatusSop.DIEVALUASI, StatusSop.DICABUT}),
    StatusSop.DIEVALUASI: frozenset({StatusSop.DRAF, StatusSop.BERLAKU, StatusSop.DICABUT}),
    StatusSop.BERLAKU: frozenset({StatusSop.DIAJUKAN, StatusSop.DIGANTI, StatusSop.DICABUT}),
    StatusSop.DIGANTI: frozenset(),
    StatusSop.DICABUT: frozenset(),
}
"""The valid moves between two revisions of a spec.

A draft is submitted (or dropped); a submitted draft goes back for repair or
on to evaluation; an evaluated SOP is legalised (``berlaku``) or sent back; an
SOP in force is revised (its revision is submitted again), replaced or revoked.
Staying in the same status is always valid.
"""


def transisi_sah(lama: StatusSop | None, baru: StatusSop | None) -> bool:
    """Whether a spec may move from ``lama`` to ``baru`` in one revision."""
    if lama is None or baru is None or lama is baru:
        return True
    return baru in TRANSISI[lama]


class Penetapan(BaseModel):
    """The decree (Keputusan) that legalised the SOP."""

    model_config = ConfigDict(extra="forbid")

    nomor: str = Field(min_length=1, description="Nomor of the Keputusan, as printed")
    tanggal: date = Field(description="Date of the Keputusan (YYYY-MM-DD)")
    tentang: str | None = Field(
        default=None, description="Its title ('Penetapan Standar Operasional ...')"
    )
    oleh: str | None = Field(default=None, description="Who signed it, e.g. 'Bupati Banyumas'")


class JenisKaitan(str, Enum):
    """How a related SOP relates to this one."""

    PRASYARAT = "prasyarat"  # must be done before this one
    LANJUTAN = "lanjutan"  # follows this one
    BAGIAN_DARI = "bagian_dari"  # this SOP is part of that one
    TERKAIT = "terkait"  # related, no order


class KaitanSop(str):
    """A keterkaitan item: the related SOP as written, with how it relates (if given).

    A plain ``str`` to every reader that only wants the reference, so a spec
    that writes ``- SOP Pengumpulan Data Kinerja`` and one that writes
    ``- {sop: SOP Pengumpulan Data Kinerja, jenis: prasyarat}`` look alike to
    them; ``jenis`` is ``None`` for the plain form.
    """

    jenis: JenisKaitan | None

    def __new__(cls, sop: str, jenis: JenisKaitan | None = None) -> KaitanSop:
        obj = super().__new__(cls, sop)
        obj.jenis = jenis
        return obj

    def __repr__(self) -> str:
        return f"KaitanSop({str(self)!r}, {self.jenis and self.jenis.value!r})"


class _KaitanBentuk(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sop: str = Field(min_length=1, description="The related SOP: its nama or nomor")
    jenis: JenisKaitan = Field(description="prasyarat, lanjutan, bagian_dari or terkait")


def _kaitan(value: Any, handler: ValidatorFunctionWrapHandler) -> KaitanSop:
    if isinstance(value, KaitanSop):
        return value
    if isinstance(value, dict):
        bentuk = _KaitanBentuk.model_validate(value)
        return KaitanSop(bentuk.sop, bentuk.jenis)
    return KaitanSop(handler(value))


def _kaitan_data(value: str) -> Any:
    jenis = getattr(value, "jenis", None)
    return {"sop": str(value), "jenis": jenis.value} if jenis else str(value)


Kaitan = Annotated[
    str,
    WrapValidator(_kaitan),
    PlainSerializer(_kaitan_data),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "properties": {
                        "sop": {"type": "string", "minLength": 1},
                        "jenis": {"enum": [j.value for j in JenisKaitan]},
                    },
                    "required": ["sop", "jenis"],
                    "additionalProperties": False,
                },
            ],
            "description": "A related SOP (nama or nomor), or {sop, jenis} with jenis one of "
            "prasyarat, lanjutan, bagian_dari, terkait",
        }
    ),
]
"""One keterkaitan item: a plain reference, or ``{sop: ..., jenis: ...}``."""


class PeriodeTinjauan(BaseModel):
    """How often an SOP in force is monitored and evaluated (catalog settings)."""

    model_config = ConfigDict(extra="forbid")

    monitoring_bulan: int = Field(
        default=6, ge=1, le=60, description="Months between two monitorings (default 6)"
    )
    evaluasi_bulan: int = Field(
        default=12, ge=1, le=120, description="Months between two evaluations (default 12)"
    )
