"""Applying a change list to the old revision: ``apply(old, diff(old, new))`` equals ``new``.

This is the proof that a change list says everything: the property tests
check it on generated revisions. Positions in the changes are those of the
new revision; kept items that did not move fill the remaining places in
their old order.
"""

from __future__ import annotations

import copy
from typing import Any

from ..errors import SopdocError
from ..model import Sop
from .engine import expected_ref, map_pelaksana, spec_data
from .model import (
    ButirDihapus,
    ButirDipindah,
    ButirDitambah,
    ButirDiubah,
    LangkahDihapus,
    LangkahDipindah,
    LangkahDisisipkan,
    LangkahDiubah,
    NilaiDiubah,
    PelaksanaDihapus,
    PelaksanaDipindah,
    PelaksanaDitambah,
    PelaksanaDiubah,
    Perbandingan,
)


class ApplyError(SopdocError):
    """The change list does not fit the SOP it is applied to."""


def _rebuild(
    old: list[Any],
    deleted: set[int],
    placed: dict[int, tuple[int | None, Any]],
) -> tuple[list[Any], dict[int, int]]:
    """The new list and the map old index -> new index.

    ``placed`` maps a new index to (old index or None for an insertion, value);
    the other kept old items fill the free places in their old order.
    """
    size = len(old) - len(deleted) + sum(1 for o, _ in placed.values() if o is None)
    slots: list[Any] = [None] * size
    filled = [False] * size
    new_of: dict[int, int] = {}
    moved = {o for o, _ in placed.values() if o is not None}
    for j, (o, value) in placed.items():
        if not 0 <= j < size or filled[j]:
            raise ApplyError(f"position {j + 1} is out of range or given twice")
        slots[j], filled[j] = value, True
        if o is not None:
            new_of[o] = j
    free = (j for j in range(size) if not filled[j])
    for i, value in enumerate(old):
        if i in deleted or i in moved:
            continue
        place = next(free, None)
        if place is None:
            raise ApplyError("more kept items than places in the new list")
        slots[place] = value
        new_of[i] = place
    if next(free, None) is not None:
        raise ApplyError("fewer items than places in the new list")
    return slots, new_of


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    target = data
    for part in path[:-1]:
        if target.get(part) is None:
            target[part] = {}
        target = target[part]
    target[path[-1]] = value


def apply(old: Sop, perbandingan: Perbandingan) -> Sop:
    """The SOP that results from applying the changes to ``old``."""
    data = copy.deepcopy(spec_data(old))
    changes = perbandingan.perubahan
    for c in changes:
        if isinstance(c, NilaiDiubah):
            _set(data, c.path, copy.deepcopy(c.baru))
    for bagian in {c.bagian for c in changes if hasattr(c, "bagian")}:
        data[bagian] = _apply_items(bagian, data.get(bagian) or [], changes)
    lane_map = _apply_lanes(data, changes)
    _apply_steps(data, changes, lane_map)
    return Sop.model_validate(data)


def _apply_items(bagian: str, items: list[Any], changes: list[Any]) -> list[Any]:
    mine = [c for c in changes if getattr(c, "bagian", None) == bagian]
    deleted = {c.nomor_lama - 1 for c in mine if isinstance(c, ButirDihapus)}
    placed: dict[int, tuple[int | None, Any]] = {}
    for c in mine:
        if isinstance(c, ButirDitambah):
            placed[c.nomor_baru - 1] = (None, copy.deepcopy(c.nilai))
        elif isinstance(c, ButirDipindah):
            placed[c.nomor_baru - 1] = (c.nomor_lama - 1, items[c.nomor_lama - 1])
    out, _ = _rebuild(items, deleted, placed)
    for c in mine:
        if isinstance(c, ButirDiubah):
            out[c.nomor_baru - 1] = copy.deepcopy(c.baru)
    return out


def _apply_lanes(data: dict[str, Any], changes: list[Any]) -> dict[str, str]:
    lanes = list(data["pelaksana"].items())
    index = {lane_id: i for i, (lane_id, _) in enumerate(lanes)}
    deleted = {index[c.id] for c in changes if isinstance(c, PelaksanaDihapus)}
    renamed = {c.id_lama: c for c in changes if isinstance(c, PelaksanaDiubah)}
    placed: dict[int, tuple[int | None, Any]] = {}
    for c in changes:
        if isinstance(c, PelaksanaDitambah):
            placed[c.kolom_baru - 1] = (None, (c.id, c.label))
        elif isinstance(c, PelaksanaDipindah):
            placed[c.kolom_baru - 1] = (c.kolom_lama - 1, lanes[c.kolom_lama - 1])
    out, _ = _rebuild(lanes, deleted, placed)
    lane_map: dict[str, str] = {}
    for k, (lane_id, label) in enumerate(out):
        r = renamed.get(lane_id)
        if r is not None and label == r.label_lama and (lane_id, label) in lanes:
            out[k] = (r.id_baru, r.label_baru)
            lane_map[lane_id] = r.id_baru
    data["pelaksana"] = dict(out)
    return lane_map


def _apply_steps(data: dict[str, Any], changes: list[Any], lane_map: dict[str, str]) -> None:
    steps: list[dict[str, Any]] = data["kegiatan"]
    deleted = {c.nomor_lama - 1 for c in changes if isinstance(c, LangkahDihapus)}
    placed: dict[int, tuple[int | None, Any]] = {}
    for c in changes:
        if isinstance(c, LangkahDisisipkan):
            placed[c.nomor_baru - 1] = (None, copy.deepcopy(c.kegiatan))
        elif isinstance(c, LangkahDipindah):
            placed[c.nomor_baru - 1] = (c.nomor_lama - 1, steps[c.nomor_lama - 1])
    out, new_of = _rebuild(steps, deleted, placed)
    changed = {c.nomor_lama - 1: c for c in changes if isinstance(c, LangkahDiubah)}
    for i, j in new_of.items():
        step = dict(out[j])
        change = changed.get(i)
        columns = {k.kolom: k for k in change.kolom} if change else {}
        for kolom, k in columns.items():
            step[kolom] = copy.deepcopy(k.baru)
        if "pelaksana" not in columns:
            step["pelaksana"] = map_pelaksana(step["pelaksana"], lane_map)
        if "jika_tidak" not in columns and step.get("jika_tidak") is not None:
            step["jika_tidak"], _kept = expected_ref(step["jika_tidak"], len(steps), new_of)
        out[j] = step
    data["kegiatan"] = [{k: v for k, v in s.items() if v is not None} for s in out]
