"""The registry of regulations SOP documents cite: official titles, status, sources.

The bundled registry (``data/peraturan.yaml``) holds the regulations SOP AP
documents of local governments cite most often, each with its official title,
whether it was amended or repealed (and by what), and where that was checked.
A catalog adds its own regulations (Perda, Perbup, ...) under the key
``peraturan:`` of its ``sopdoc.yaml``; those entries are validated by the same
model, :class:`Peraturan`, when the settings are loaded, so a mistake there is
reported with its file, line and column like any other spec error.

An entry with ``terverifikasi: false`` is known by key only: its title could
not be checked against the official text, so no rule calls a citation of it
wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .hukum import Kunci, KutipanError, buat_kunci, normalisasi_nomor, parse_jenis, parse_rujukan

Status = Literal["berlaku", "diubah", "dicabut", "tidak_diketahui"]


class Peraturan(BaseModel):
    """One regulation of the registry (bundled or added by a catalog)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    jenis: str = Field(
        description="Jenis as usually written: 'UU', 'Permendagri', 'Peraturan Bupati Banyumas'",
        min_length=1,
    )
    nomor: str = Field(description="Nomor, as in the regulation: '23', '050-3708'", min_length=1)
    tahun: int = Field(description="Tahun (year of enactment)", ge=1945, le=2100)
    tentang: str = Field(description="The official title (after 'tentang'), exactly", min_length=1)
    status: Status = Field(
        "berlaku",
        description="berlaku (in force), diubah (amended), dicabut (repealed) or tidak_diketahui "
        "(not known whether amended or repealed: no rule judges the status)",
    )
    diubah_oleh: list[str] = Field(
        default_factory=list,
        description="The amending regulations, oldest first, short form: 'UU 9/2015'",
    )
    dicabut_oleh: str | None = Field(
        None, description="The repealing regulation, short form: 'UU 23/2014'"
    )
    sumber: str | None = Field(
        None, description="Where the title and status were checked (URL of the text, JDIH)"
    )
    terverifikasi: bool = Field(
        True,
        description="False: the title could not be checked; no rule judges citations of it",
    )
    catatan: str | None = Field(None, description="A note for maintainers")

    @field_validator("nomor", mode="before")
    @classmethod
    def _nomor_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @field_validator("jenis")
    @classmethod
    def _jenis_known(cls, value: str) -> str:
        if parse_jenis(value) is None:
            raise ValueError(
                f"unknown jenis '{value}'; write e.g. 'UU', 'PP', 'Perpres', 'Permendagri', "
                "'Perda Kabupaten Banyumas', 'Peraturan Bupati Banyumas'"
            )
        return value

    @field_validator("diubah_oleh")
    @classmethod
    def _refs(cls, value: list[str]) -> list[str]:
        for ref in value:
            _check_ref(ref)
        return value

    @field_validator("dicabut_oleh")
    @classmethod
    def _ref(cls, value: str | None) -> str | None:
        if value is not None:
            _check_ref(value)
        return value

    @model_validator(mode="after")
    def _status_consistent(self) -> Peraturan:
        if self.status == "dicabut" and not self.dicabut_oleh:
            raise ValueError("status 'dicabut' needs 'dicabut_oleh' (the repealing regulation)")
        if self.status == "diubah" and not self.diubah_oleh:
            raise ValueError("status 'diubah' needs 'diubah_oleh' (the amending regulations)")
        if self.status == "berlaku" and self.dicabut_oleh:
            raise ValueError("'dicabut_oleh' is set but status is not 'dicabut'")
        return self

    @property
    def kunci(self) -> Kunci:
        found = parse_jenis(self.jenis)
        assert found is not None  # checked by the validator
        j, daerah = found
        return buat_kunci(j, daerah, normalisasi_nomor(self.nomor), self.tahun)

    @property
    def kunci_pencabut(self) -> Kunci | None:
        return parse_rujukan(self.dicabut_oleh) if self.dicabut_oleh else None

    @property
    def kunci_pengubah(self) -> list[Kunci]:
        return [parse_rujukan(r) for r in self.diubah_oleh]

    @property
    def sebutan(self) -> str:
        """'Permendagri Nomor 90 Tahun 2019 tentang ...' for messages."""
        return f"{self.jenis} Nomor {self.nomor} Tahun {self.tahun} tentang {self.tentang}"


def _check_ref(ref: str) -> None:
    try:
        parse_rujukan(ref)
    except KutipanError:
        raise ValueError(
            f"'{ref}' names no regulation; write e.g. 'UU 9/2015' or 'PP 17/2018'"
        ) from None


class Registri:
    """Regulations by canonical key; later entries (a catalog's) override earlier ones."""

    def __init__(self, entri: Iterable[Peraturan] = ()):
        self._by_kunci: dict[Kunci, Peraturan] = {}
        for p in entri:
            self._by_kunci[p.kunci] = p

    def __len__(self) -> int:
        return len(self._by_kunci)

    def __iter__(self) -> Iterator[Peraturan]:
        return iter(self._by_kunci.values())

    def __contains__(self, kunci: object) -> bool:
        return kunci in self._by_kunci

    def cari(self, kunci: Kunci | None) -> Peraturan | None:
        """The entry for ``kunci``; a regional jenis written without its region
        ('Peraturan Bupati Nomor 5 Tahun 2020') matches the one entry of that
        jenis, nomor and tahun, if there is exactly one."""
        if kunci is None:
            return None
        found = self._by_kunci.get(kunci)
        if found is not None or " | " in kunci.jenis:
            return found
        same = [
            p
            for k, p in self._by_kunci.items()
            if k.jenis.split(" | ")[0] == kunci.jenis
            and k.nomor == kunci.nomor
            and k.tahun == kunci.tahun
        ]
        return same[0] if len(same) == 1 else None

    def dengan(self, tambahan: Iterable[Peraturan]) -> Registri:
        """A new registry: this one plus ``tambahan`` (which wins on equal keys)."""
        return Registri([*self, *tambahan])


@cache
def registri_bawaan() -> Registri:
    """The bundled registry (``data/peraturan.yaml``), read and validated once."""
    text = resources.files("sopdoc").joinpath("data/peraturan.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return Registri(Peraturan.model_validate(row) for row in data["peraturan"])
