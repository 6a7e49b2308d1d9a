"""Comparing an imported SOP with the spec it was built from, field by field.

Lane ids and step ids are not printed in a document, so lanes are matched by
their label and position, steps by their number; everything printed must
come back equal.
"""

from __future__ import annotations

from typing import Any

from sopdoc import Sop
from sopdoc.layout import branch_labels, symbol_kinds


def _step_ref(sop: Sop, ref: int | str | None) -> int | None:
    if ref is None:
        return None
    index = sop.langkah(ref)
    return None if index is None else index + 1


def ringkas(sop: Sop) -> dict[str, Any]:
    """The printed content of an SOP, with lanes by position and references by number."""
    lane_pos = {lane: k for k, lane in enumerate(sop.pelaksana)}
    steps = []
    for i, step in enumerate(sop.kegiatan):
        kinds = symbol_kinds(sop, i)
        labels = branch_labels(sop, i) if step.jika_tidak is not None else (None, None)
        steps.append(
            {
                "aktivitas": step.aktivitas,
                "lanes": sorted(lane_pos[x] for x in step.pelaksana_ids),
                "kinds": [kinds[x].value for x in sorted(step.pelaksana_ids, key=lane_pos.get)],
                "kelengkapan": step.kelengkapan,
                "waktu": step.waktu.teks if step.waktu else None,
                "output": step.output,
                "keterangan": step.keterangan,
                "jika_tidak": _step_ref(sop, step.jika_tidak),
                "labels": labels,
            }
        )
    data = sop.model_dump(mode="json")
    for key in ("pelaksana", "kegiatan", "logo", "riwayat_revisi"):
        data.pop(key, None)
    data["lanes"] = list(sop.pelaksana.values())
    data["steps"] = steps
    return data


def beda(got: Sop, want: Sop) -> list[str]:
    """Every printed field where ``got`` differs from ``want`` (empty: equal)."""
    a, b = ringkas(got), ringkas(want)
    out = []
    for key in b:
        if key == "steps":
            continue
        if a.get(key) != b[key]:
            out.append(f"{key}: {a.get(key)!r} != {b[key]!r}")
    if len(a["steps"]) != len(b["steps"]):
        out.append(f"steps: {len(a['steps'])} != {len(b['steps'])}")
        return out
    for i, (x, y) in enumerate(zip(a["steps"], b["steps"], strict=True)):
        for key in y:
            if x[key] != y[key]:
                out.append(f"step {i + 1} {key}: {x[key]!r} != {y[key]!r}")
    return out
