"""The typed changes between two revisions of an SOP.

Each change is one pydantic model with a ``jenis`` tag, so a change list
round-trips through JSON (``Perbandingan.model_dump_json()``). Step and item
positions are 1-based, the way the document numbers them. Values are the
spec's values as written (JSON types), so that applying the changes to the
old SOP rebuilds the new one exactly (see ``sopdoc.perbandingan.apply``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

_FROZEN = ConfigDict(frozen=True, extra="forbid")

Nilai = Any
"""A value as written in the spec, in its JSON form (text, number, list, mapping or null)."""

BAGIAN = {
    "kop": "Kop",
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
    "riwayat_revisi": "Riwayat Revisi",
    "menggantikan": "Menggantikan",
}
"""The list sections compared item by item, in document order, with their printed labels."""

NILAI = {
    ("nomor",): "Nomor SOP",
    ("nama",): "Nama SOP",
    ("instansi",): "Instansi",
    ("unit",): "Unit",
    ("tanggal", "pembuatan"): "Tanggal Pembuatan",
    ("tanggal", "revisi"): "Tanggal Revisi",
    ("tanggal", "efektif"): "Tanggal Efektif",
    ("disahkan_oleh", "jabatan"): "Disahkan oleh: jabatan",
    ("disahkan_oleh", "nama"): "Disahkan oleh: nama",
    ("disahkan_oleh", "pangkat"): "Disahkan oleh: pangkat",
    ("disahkan_oleh", "nip"): "Disahkan oleh: NIP",
    ("peringatan",): "Peringatan",
    ("status",): "Status",
    ("penetapan",): "Penetapan",
    ("diganti_oleh",): "Diganti oleh",
    ("logo",): "Logo",
    ("kertas",): "Kertas",
}
"""The single values compared one by one (identity table, peringatan, presentation)."""

KOLOM = {
    "id": "id",
    "aktivitas": "Aktivitas",
    "pelaksana": "Pelaksana",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
    "jika_tidak": "Jika tidak",
}
"""The columns of a step, in table order, with their printed labels."""


class NilaiDiubah(BaseModel):
    """A single value changed: an identity field, a date, the signatory, the peringatan."""

    model_config = _FROZEN
    jenis: Literal["nilai_diubah"] = "nilai_diubah"
    path: tuple[str, ...]
    lama: Nilai
    baru: Nilai

    @property
    def label(self) -> str:
        return NILAI.get(self.path, ".".join(self.path))


class ButirDitambah(BaseModel):
    """An item added to a list section (dasar hukum, keterkaitan, ...)."""

    model_config = _FROZEN
    jenis: Literal["butir_ditambah"] = "butir_ditambah"
    bagian: str
    nomor_baru: int
    nilai: Nilai


class ButirDihapus(BaseModel):
    """An item removed from a list section."""

    model_config = _FROZEN
    jenis: Literal["butir_dihapus"] = "butir_dihapus"
    bagian: str
    nomor_lama: int
    nilai: Nilai


class ButirDiubah(BaseModel):
    """An item of a list section reworded (matched by content, not by position alone)."""

    model_config = _FROZEN
    jenis: Literal["butir_diubah"] = "butir_diubah"
    bagian: str
    nomor_lama: int
    nomor_baru: int
    lama: Nilai
    baru: Nilai


class ButirDipindah(BaseModel):
    """An item of a list section moved to another place in the list."""

    model_config = _FROZEN
    jenis: Literal["butir_dipindah"] = "butir_dipindah"
    bagian: str
    nomor_lama: int
    nomor_baru: int
    nilai: Nilai


class PelaksanaDitambah(BaseModel):
    """A lane (pelaksana column) added."""

    model_config = _FROZEN
    jenis: Literal["pelaksana_ditambah"] = "pelaksana_ditambah"
    id: str
    label: str
    kolom_baru: int


class PelaksanaDihapus(BaseModel):
    """A lane removed."""

    model_config = _FROZEN
    jenis: Literal["pelaksana_dihapus"] = "pelaksana_dihapus"
    id: str
    label: str
    kolom_lama: int


class PelaksanaDiubah(BaseModel):
    """A lane renamed: its printed label, its id, or both (matched by id, else by label)."""

    model_config = _FROZEN
    jenis: Literal["pelaksana_diubah"] = "pelaksana_diubah"
    id_lama: str
    id_baru: str
    label_lama: str
    label_baru: str


class PelaksanaDipindah(BaseModel):
    """A lane moved to another column (the lanes were reordered)."""

    model_config = _FROZEN
    jenis: Literal["pelaksana_dipindah"] = "pelaksana_dipindah"
    id: str
    label: str
    kolom_lama: int
    kolom_baru: int


class LangkahDisisipkan(BaseModel):
    """A step inserted; ``kegiatan`` is the whole step as written."""

    model_config = _FROZEN
    jenis: Literal["langkah_disisipkan"] = "langkah_disisipkan"
    nomor_baru: int
    kegiatan: dict[str, Nilai]


class LangkahDihapus(BaseModel):
    """A step deleted; ``kegiatan`` is the whole old step as written."""

    model_config = _FROZEN
    jenis: Literal["langkah_dihapus"] = "langkah_dihapus"
    nomor_lama: int
    kegiatan: dict[str, Nilai]


class LangkahDipindah(BaseModel):
    """A step moved: it now stands at another place in the order of steps."""

    model_config = _FROZEN
    jenis: Literal["langkah_dipindah"] = "langkah_dipindah"
    nomor_lama: int
    nomor_baru: int
    aktivitas: str


class KolomDiubah(BaseModel):
    """One column of a matched step that changed."""

    model_config = _FROZEN
    kolom: str
    lama: Nilai
    baru: Nilai

    @property
    def label(self) -> str:
        return KOLOM.get(self.kolom, self.kolom)


class LangkahDiubah(BaseModel):
    """A step kept (matched by id or content) whose columns changed."""

    model_config = _FROZEN
    jenis: Literal["langkah_diubah"] = "langkah_diubah"
    nomor_lama: int
    nomor_baru: int
    kolom: list[KolomDiubah]
    aktivitas: str = Field("", description="The step's aktivitas in the new revision, for readers")
    tujuan_lama: str | None = Field(
        None, description="jika_tidak: the aktivitas of the old target step, for readers"
    )
    tujuan_baru: str | None = Field(
        None, description="jika_tidak: the aktivitas of the new target step, for readers"
    )

    def get(self, kolom: str) -> KolomDiubah | None:
        return next((k for k in self.kolom if k.kolom == kolom), None)


Perubahan = Annotated[
    NilaiDiubah
    | ButirDitambah
    | ButirDihapus
    | ButirDiubah
    | ButirDipindah
    | PelaksanaDitambah
    | PelaksanaDihapus
    | PelaksanaDiubah
    | PelaksanaDipindah
    | LangkahDisisipkan
    | LangkahDihapus
    | LangkahDipindah
    | LangkahDiubah,
    Field(discriminator="jenis"),
]
"""One change; ``jenis`` names its kind."""


class Penomoran(BaseModel):
    """A kept step printed under another number."""

    model_config = _FROZEN
    lama: int
    baru: int


class Dampak(BaseModel):
    """The effect of the changes on the whole procedure."""

    model_config = _FROZEN
    jumlah_langkah_lama: int
    jumlah_langkah_baru: int
    total_menit_lama: float
    total_menit_baru: float
    penomoran: list[Penomoran] = Field(
        default_factory=list, description="Kept steps whose number changed"
    )


class Dokumen(BaseModel):
    """Which revision a side of the comparison is, with its lane labels for readers."""

    model_config = _FROZEN
    nomor: str
    nama: str
    sumber: str | None = None
    pelaksana: dict[str, str] = Field(default_factory=dict)


class Perbandingan(BaseModel):
    """The changes from one revision of an SOP to the next, and their effect."""

    model_config = ConfigDict(extra="forbid")
    lama: Dokumen
    baru: Dokumen
    perubahan: list[Perubahan] = Field(default_factory=list)
    dampak: Dampak

    def __iter__(self) -> Iterator[Perubahan]:  # type: ignore[override]
        return iter(self.perubahan)

    def __len__(self) -> int:
        return len(self.perubahan)

    @property
    def kosong(self) -> bool:
        """True when the two revisions say the same thing."""
        return not self.perubahan

    def of(self, *jenis: str) -> list[Perubahan]:
        """The changes of the given kinds, in report order."""
        return [p for p in self.perubahan if p.jenis in jenis]


class SopBerubah(BaseModel):
    """One SOP of a catalog compared across revisions."""

    model_config = ConfigDict(extra="forbid")
    status: Literal["ditambah", "dihapus", "diubah", "sama"]
    nomor: str
    nama: str
    sumber_lama: str | None = None
    sumber_baru: str | None = None
    perbandingan: Perbandingan | None = None


class PerbandinganKatalog(BaseModel):
    """A catalog at a git revision compared with the working tree."""

    model_config = ConfigDict(extra="forbid")
    revisi: str
    folder: str
    sop: list[SopBerubah] = Field(default_factory=list)

    @property
    def kosong(self) -> bool:
        return all(s.status == "sama" for s in self.sop)
