"""Comparing two revisions of an SOP: ``diff(old, new) -> Perbandingan``."""

from __future__ import annotations

from typing import Any

from ..errors import display_path
from ..model import Sop
from .align import Alignment, align, text_similarity
from .model import (
    BAGIAN,
    KOLOM,
    NILAI,
    ButirDihapus,
    ButirDipindah,
    ButirDitambah,
    ButirDiubah,
    Dampak,
    Dokumen,
    KolomDiubah,
    LangkahDihapus,
    LangkahDipindah,
    LangkahDisisipkan,
    LangkahDiubah,
    NilaiDiubah,
    PelaksanaDihapus,
    PelaksanaDipindah,
    PelaksanaDitambah,
    PelaksanaDiubah,
    Penomoran,
    Perbandingan,
    Perubahan,
)

# Document order: presentation, identity table, sections (peringatan between
# peralatan and pencatatan, as printed), lanes, steps, revision history.
_HEAD: list[tuple[str, ...]] = [("kop",), ("logo",), ("kertas",)]
_IDENTITY = [p for p in NILAI if p not in {("peringatan",), ("logo",), ("kertas",)}]
_SECTIONS: list[tuple[str, ...]] = [
    ("dasar_hukum",),
    ("kualifikasi_pelaksana",),
    ("keterkaitan",),
    ("peralatan_perlengkapan",),
    ("peringatan",),
    ("pencatatan_pendataan",),
]


def spec_data(sop: Sop) -> dict[str, Any]:
    """The SOP as JSON data, every field present: the form changes are computed on."""
    return sop.model_dump(mode="json")


def step_data(step: dict[str, Any]) -> dict[str, Any]:
    """A step as written: its columns in table order, empty ones left out."""
    return {k: step[k] for k in KOLOM if step.get(k) is not None}


def item_text(value: Any) -> str:
    """The text an item is matched on (a riwayat revisi entry joins its fields)."""
    if isinstance(value, dict):
        return " ".join(str(value[k]) for k in ("tanggal", "nomor", "catatan") if value.get(k))
    return "" if value is None else str(value)


def step_text(step: dict[str, Any]) -> str:
    """The text a step is matched on: what it does, with what, producing what."""
    return " ".join(str(step.get(k) or "") for k in ("aktivitas", "kelengkapan", "output"))


def diff(
    old: Sop, new: Sop, *, sumber: tuple[str | None, str | None] | None = None
) -> Perbandingan:
    """The changes that turn ``old`` into ``new``, in document order, and their effect.

    Steps are matched by ``id``, then by the best order-keeping alignment of
    their content (aktivitas, kelengkapan, output); list items and lanes
    likewise. Renumbering alone is no change: a numeric ``jika_tidak`` that
    still points at the same (matched) step is unchanged. ``sumber`` labels
    the two sides (default: the files they were loaded from).
    """
    a, b = spec_data(old), spec_data(new)
    changes: list[Perubahan] = []
    for path in _HEAD:
        changes.extend(_section_or_value(a, b, path))
    for path in _IDENTITY:
        changes.extend(_value(a, b, path))
    for path in _SECTIONS:
        changes.extend(_section_or_value(a, b, path))
    lane_changes, lane_map = _lanes(a["pelaksana"], b["pelaksana"])
    changes.extend(lane_changes)
    steps_changes, steps = _steps(old, new, a["kegiatan"], b["kegiatan"], lane_map)
    changes.extend(steps_changes)
    changes.extend(_items("riwayat_revisi", a["riwayat_revisi"], b["riwayat_revisi"]))
    changes.extend(_items("menggantikan", a["menggantikan"], b["menggantikan"]))
    dampak = Dampak(
        jumlah_langkah_lama=len(old.kegiatan),
        jumlah_langkah_baru=len(new.kegiatan),
        total_menit_lama=old.total_menit,
        total_menit_baru=new.total_menit,
        penomoran=[Penomoran(lama=o + 1, baru=n + 1) for o, n in steps.pairs if o != n],
    )
    label_old, label_new = sumber or (_sumber(old), _sumber(new))
    return Perbandingan(
        lama=Dokumen(nomor=old.nomor, nama=old.nama, sumber=label_old, pelaksana=old.pelaksana),
        baru=Dokumen(nomor=new.nomor, nama=new.nama, sumber=label_new, pelaksana=new.pelaksana),
        perubahan=changes,
        dampak=dampak,
    )


def _sumber(sop: Sop) -> str | None:
    return display_path(sop.sumber) if sop.sumber else None


def _get(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _value(a: dict[str, Any], b: dict[str, Any], path: tuple[str, ...]) -> list[Perubahan]:
    old, new = _get(a, path), _get(b, path)
    return [] if old == new else [NilaiDiubah(path=path, lama=old, baru=new)]


def _section_or_value(
    a: dict[str, Any], b: dict[str, Any], path: tuple[str, ...]
) -> list[Perubahan]:
    if path[0] in BAGIAN:
        return _items(path[0], a.get(path[0]) or [], b.get(path[0]) or [])
    return _value(a, b, path)


def _ordered(
    changes: list[tuple[float, int, Perubahan]],
) -> list[Perubahan]:
    return [c for _pos, _rank, c in sorted(changes, key=lambda t: (t[0], t[1]))]


def _anchor(al: Alignment[Any], old_index: int) -> float:
    """Where a deleted old item sits among the new ones: just after its kept predecessor."""
    before = [n for o, n in al.pairs if o < old_index and (o, n) not in al.moved]
    return (max(before) if before else -1) + 0.5


def _items(bagian: str, old: list[Any], new: list[Any]) -> list[Perubahan]:
    if old == new:
        return []
    al = align(
        old, new, lambda x, y: text_similarity(item_text(x), item_text(y)), content=item_text
    )
    out: list[tuple[float, int, Perubahan]] = []
    for i in al.deleted:
        out.append((_anchor(al, i), 0, ButirDihapus(bagian=bagian, nomor_lama=i + 1, nilai=old[i])))
    for j in al.inserted:
        out.append((j, 1, ButirDitambah(bagian=bagian, nomor_baru=j + 1, nilai=new[j])))
    for i, j in al.pairs:
        if (i, j) in al.moved:
            out.append(
                (
                    j,
                    2,
                    ButirDipindah(bagian=bagian, nomor_lama=i + 1, nomor_baru=j + 1, nilai=old[i]),
                )
            )
        if old[i] != new[j]:
            out.append(
                (
                    j,
                    3,
                    ButirDiubah(
                        bagian=bagian, nomor_lama=i + 1, nomor_baru=j + 1, lama=old[i], baru=new[j]
                    ),
                )
            )
    return _ordered(out)


def _lanes(old: dict[str, str], new: dict[str, str]) -> tuple[list[Perubahan], dict[str, str]]:
    """Lane changes and the map old lane id -> new lane id of the kept lanes."""
    a, b = list(old.items()), list(new.items())

    def similarity(x: tuple[str, str], y: tuple[str, str]) -> float:
        return max(
            text_similarity(x[1], y[1]),
            text_similarity(x[0].replace("_", " "), y[0].replace("_", " ")),
        )

    al = align(a, b, similarity, key=lambda lane: lane[0])
    out: list[tuple[float, int, Perubahan]] = []
    for i in al.deleted:
        out.append(
            (_anchor(al, i), 0, PelaksanaDihapus(id=a[i][0], label=a[i][1], kolom_lama=i + 1))
        )
    for j in al.inserted:
        out.append((j, 1, PelaksanaDitambah(id=b[j][0], label=b[j][1], kolom_baru=j + 1)))
    for i, j in al.pairs:
        if (i, j) in al.moved:
            lane = PelaksanaDipindah(id=b[j][0], label=b[j][1], kolom_lama=i + 1, kolom_baru=j + 1)
            out.append((j, 2, lane))
        if a[i] != b[j]:
            renamed = PelaksanaDiubah(
                id_lama=a[i][0], id_baru=b[j][0], label_lama=a[i][1], label_baru=b[j][1]
            )
            out.append((j, 3, renamed))
    return _ordered(out), {a[i][0]: b[j][0] for i, j in al.pairs}


def map_pelaksana(value: Any, lane_map: dict[str, str]) -> Any:
    """A step's pelaksana with renamed lane ids replaced, keeping its written form."""
    if isinstance(value, str):
        return lane_map.get(value, value)
    if isinstance(value, list):
        return [lane_map.get(v, v) for v in value]
    return value


def expected_ref(ref: Any, n_old: int, new_of: dict[int, int]) -> tuple[Any, bool]:
    """What an unchanged ``jika_tidak`` reads after renumbering, and whether its target is kept.

    A step number follows its (matched) step to its new number; an id, or a
    number pointing at no step, stays as written.
    """
    if isinstance(ref, int) and 1 <= ref <= n_old:
        target = new_of.get(ref - 1)
        return (ref, False) if target is None else (target + 1, True)
    return ref, True


def _target_text(sop: Sop, ref: Any) -> str | None:
    if ref is None:
        return None
    index = sop.langkah(ref)
    return sop.kegiatan[index].aktivitas if index is not None else None


def _steps(
    old_sop: Sop,
    new_sop: Sop,
    old: list[dict[str, Any]],
    new: list[dict[str, Any]],
    lane_map: dict[str, str],
) -> tuple[list[Perubahan], Alignment[Any]]:
    a = [(step_text(s), s) for s in old]
    b = [(step_text(s), s) for s in new]

    def similarity(x: tuple[str, dict[str, Any]], y: tuple[str, dict[str, Any]]) -> float:
        if x[1].get("id") and y[1].get("id"):  # two different ids: two different steps
            return 0.0
        return text_similarity(x[0], y[0])

    al = align(a, b, similarity, key=lambda t: t[1].get("id"), content=lambda t: t[0])
    new_of = al.new_of
    out: list[tuple[float, int, Perubahan]] = []
    for i in al.deleted:
        deleted = LangkahDihapus(nomor_lama=i + 1, kegiatan=step_data(old[i]))
        out.append((_anchor(al, i), 0, deleted))
    for j in al.inserted:
        out.append((j, 1, LangkahDisisipkan(nomor_baru=j + 1, kegiatan=step_data(new[j]))))
    for i, j in al.pairs:
        if (i, j) in al.moved:
            moved = LangkahDipindah(
                nomor_lama=i + 1, nomor_baru=j + 1, aktivitas=new[j]["aktivitas"]
            )
            out.append((j, 2, moved))
        columns: list[KolomDiubah] = []
        for kolom in KOLOM:
            before, after = old[i].get(kolom), new[j].get(kolom)
            if kolom == "pelaksana":
                if map_pelaksana(before, lane_map) == after:
                    continue
            elif kolom == "jika_tidak":
                expected, kept = expected_ref(before, len(old), new_of)
                if kept and expected == after:
                    continue
            elif before == after:
                continue
            columns.append(KolomDiubah(kolom=kolom, lama=before, baru=after))
        if columns:
            target = next((c for c in columns if c.kolom == "jika_tidak"), None)
            changed = LangkahDiubah(
                nomor_lama=i + 1,
                nomor_baru=j + 1,
                kolom=columns,
                aktivitas=new[j]["aktivitas"],
                tujuan_lama=_target_text(old_sop, target.lama) if target else None,
                tujuan_baru=_target_text(new_sop, target.baru) if target else None,
            )
            out.append((j, 3, changed))
    return _ordered(out), al
