"""Flowchart quality over the generated corpus: crossings, clearances, pages.

The corpus is ``tests/sopgen.corpus`` (1-12 lanes, long and slashed lane labels,
4-24 steps of varied length, decisions with back arrows near and far, steps
shared by two lanes) plus the Kebasen specs. Figures, per run:

- ``crossings``: arrow segments crossing another arrow, in total and per SOP, and
  the SOPs with any (a back arrow often must cross the flow it returns over);
- ``clearance``: the least distance from an arrow to a symbol it does not touch and
  to another arrow's label, their minimum, and the SOPs keeping the full clearance
  (``routing.CLEARANCE`` / ``LABEL_CLEARANCE``); ``label/lane``: the least distance
  from a 'Ya'/'Tidak' label to a lane border;
- ``pages``: procedure pages against the fewest the rows allow (their heights in
  order, without the room kept for off-page connectors), and the SOPs whose
  signature block takes a page of its own;
- ``layout ms``: layout time per SOP, against measuring and wrapping the same cell
  texts (the baseline: what any layout must do).

Each time is the best of ``--repeat`` runs (default 3).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sopdoc import load_catalog
from sopdoc.layout import geometry_problems, layout_prosedur, wrap
from sopdoc.layout.metrik import ukur
from sopdoc.layout.routing import CLEARANCE, LABEL_CLEARANCE

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).parent / "out" / "layout.json"
sys.path.insert(0, str(ROOT / "tests"))

from sopgen import corpus  # noqa: E402


def best_of(repeat: int, fn: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench layout", description=__doc__)
    parser.add_argument("-n", type=int, default=240, help="generated SOPs (240)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sops = [*load_catalog(ROOT / "specs").sops, *corpus(args.n)]
    layouts = [layout_prosedur(s) for s in sops]
    measures = [ukur(layout) for layout in layouts]
    problems = sum(bool(geometry_problems(layout)) for layout in layouts)

    def baseline() -> None:
        for sop in sops:
            for step in sop.kegiatan:
                for text in (step.aktivitas, step.kelengkapan or "", step.output or ""):
                    wrap(text, 100.0, 8.5)

    t_base = best_of(args.repeat, baseline) / len(sops)
    t_layout = best_of(args.repeat, lambda: [layout_prosedur(s) for s in sops]) / len(sops)
    n = len(sops)
    crossings = sum(m.crossings for m in measures)
    full = sum(
        m.clearance >= CLEARANCE - 1e-6 and m.label_gap >= LABEL_CLEARANCE - 1e-6 for m in measures
    )
    rows = {
        "sops": n,
        "lanes": sorted({len(s.pelaksana) for s in sops}),
        "decisions": sum(k.jika_tidak is not None for s in sops for k in s.kegiatan),
        "crossings": crossings,
        "crossings_per_sop": crossings / n,
        "sops_with_crossings": sum(m.crossings > 0 for m in measures),
        "min_clearance_pt": min(m.clearance for m in measures),
        "min_arrow_to_label_pt": min(m.label_gap for m in measures),
        "sops_full_clearance": full,
        "min_label_to_lane_border_pt": min(m.label_clearance for m in measures),
        "pages": sum(m.pages for m in measures),
        "min_pages": sum(m.min_pages for m in measures),
        "sops_above_min_pages": sum(m.pages > m.min_pages for m in measures),
        "signature_pages": sum(m.closing_page for m in measures),
        "geometry_problems": problems,
        "layout_ms_per_sop": t_layout * 1000,
        "baseline_wrap_ms_per_sop": t_base * 1000,
        "layout_per_baseline": t_layout / t_base,
    }
    print(f"{n} SOPs, lanes {rows['lanes'][0]}-{rows['lanes'][-1]}, {rows['decisions']} decisions")
    print(
        f"crossings {crossings} ({crossings / n:.2f} per SOP, "
        f"{rows['sops_with_crossings']} SOPs with any)"
    )
    print(
        f"clearance: arrow to symbol min {rows['min_clearance_pt']:.2f} pt, arrow to label "
        f"min {rows['min_arrow_to_label_pt']:.2f} pt; {full}/{n} SOPs keep "
        f"{CLEARANCE} pt from symbols and {LABEL_CLEARANCE} pt from labels; "
        f"label to lane border min {rows['min_label_to_lane_border_pt']:.2f} pt"
    )
    print(
        f"pages {rows['pages']} against {rows['min_pages']} the rows allow "
        f"({rows['sops_above_min_pages']} SOPs above; connector room); "
        f"{rows['signature_pages']} signature blocks on a page of their own"
    )
    print(
        f"layout {t_layout * 1000:.1f} ms/SOP = {t_layout / t_base:.1f} x wrapping its texts "
        f"({t_base * 1000:.2f} ms); geometry problems: {problems}"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return int(problems > 0)


if __name__ == "__main__":
    sys.exit(main())
