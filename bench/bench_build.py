"""DOCX build speed on a generated catalog of 250 SOPs.

Baseline, measured in the same run on the same SOPs: a bare docxtpl render of
the template (``templates/sop-ap.docx``) with the same identity fields, saved to
a file: what any docxtpl user pays for the identity page alone. Figures:

- ``docxtpl``: the baseline, per SOP;
- ``build``: sopdoc's full build per SOP (``build_all(force=True)``: layout,
  procedure pages and flowchart, reproducible zip, atomic write, cache);
- ``build/docxtpl``: the ratio (target ≤ 3);
- ``rebuild``: ``sopdoc build`` again (``build_paths``) after one spec changed:
  only that spec is loaded and written; as a share of a full ``sopdoc build
  --force`` of the catalog, load included (target ≤ 5 %).

Each figure is the best of ``--repeat`` runs (default 3).
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.catalog import generate_catalog
from sopdoc import load_catalog
from sopdoc.build import build_all, build_paths
from sopdoc.docx import PROSEDUR_MARKER, _context, default_template

OUT = Path(__file__).parent / "out" / "build.json"


def best_of(
    repeat: int, fn: Callable[[], object], before: Callable[[], object] | None = None
) -> float:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def docxtpl_baseline(sops: list, out: Path) -> None:
    from docxtpl import DocxTemplate

    out.mkdir(parents=True, exist_ok=True)
    template = str(default_template())
    for i, sop in enumerate(sops):
        tpl = DocxTemplate(template)
        context = _context(sop, tpl)
        context["prosedur"] = PROSEDUR_MARKER.strip("\u2063")
        tpl.render(context, autoescape=True)
        tpl.save(str(out / f"{i}.docx"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench build", description=__doc__)
    parser.add_argument("-n", type=int, default=250, help="SOPs in the catalog (250)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sopdoc-bench-build-") as tmp:
        folder = Path(tmp) / "katalog"
        paths = generate_catalog(folder, args.n)
        sops = load_catalog(folder).sops
        n = len(sops)
        base_dir, out = Path(tmp) / "base", Path(tmp) / "out"
        t_base = best_of(args.repeat, lambda: docxtpl_baseline(sops, base_dir))
        t_build = best_of(args.repeat, lambda: build_all(sops, out, force=True))
        t_full = best_of(args.repeat, lambda: build_paths([folder], out, force=True))

        changed = paths[n // 2]
        original = changed.read_text(encoding="utf-8")
        counter = iter(range(10_000))

        def change_one() -> None:
            text = original.replace("aktivitas: ", f"aktivitas: (rev {next(counter)}) ", 1)
            changed.write_text(text, encoding="utf-8")

        def rebuild() -> None:
            results = build_paths([folder], out)
            built = sum(r.built for r in results)
            assert built == 1, f"{built} SOPs rebuilt, expected 1"

        t_rebuild = best_of(args.repeat, rebuild, before=change_one)
        changed.write_text(original, encoding="utf-8")
        size = sum(p.stat().st_size for p in out.glob("*.docx")) / n
        shutil.rmtree(out, ignore_errors=True)

    per_base = t_base / n
    per_build = t_build / n
    ratio = per_build / per_base
    full = t_full
    share = t_rebuild / full
    rows = {
        "n": n,
        "docxtpl_per_sop_s": per_base,
        "build_per_sop_s": per_build,
        "build_per_docxtpl": ratio,
        "build_all_s": t_build,
        "full_build_s": full,
        "rebuild_one_changed_s": t_rebuild,
        "rebuild_share_of_full": share,
        "docx_kib_per_sop": size / 1024,
    }
    print(f"{'SOPs':>6} {'docxtpl ms':>10} {'build ms':>9} {'build/docxtpl':>13} {'KiB/SOP':>8}")
    print(
        f"{n:>6} {per_base * 1000:>10.1f} {per_build * 1000:>9.1f} {ratio:>13.2f} "
        f"{size / 1024:>8.1f}"
    )
    print(
        f"full build (load + build, as `sopdoc build --force`) {full:.2f} s; "
        f"rebuild after one spec changed {t_rebuild:.3f} s = {share * 100:.1f} % of it"
    )
    print(
        f"targets: build/docxtpl ≤ 3 ({'ok' if ratio <= 3 else 'MISSED'}), "
        f"rebuild ≤ 5 % ({'ok' if share <= 0.05 else 'MISSED'})"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return int(ratio > 3 or share > 0.05)


if __name__ == "__main__":
    sys.exit(main())
