"""Lint speed on generated catalogs of 250, 500, 1,000 and 2,000 SOPs.

Baseline, measured in the same run on the same files: a bare
``yaml.load(CSafeLoader)`` of every spec (read + parse). Figures per size:

- ``yaml``: the bare parse;
- ``load``: sopdoc's loading (positions, settings, pydantic validation);
- ``lint``: the checker alone on the loaded SOPs (every rule, suppressions, sort);
- ``load+lint``: both, as ``sopdoc lint PATH`` does.

Targets: lint ≤ 2× yaml, and linear growth: lint(2000)/lint(1000) ≤ 2.2.
Times are CPU time of this process (``time.process_time``): on a machine
shared with other jobs, wall time measures the neighbours. Each figure is the
best of ``--repeat`` rounds (default 5); within a round the four
measurements run back to back, so a baseline and its ratio see the same load.
The checker's caches are cleared before each lint measurement.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from bench.catalog import generate_catalog
from sopdoc.lint.config import LintConfig
from sopdoc.lint.loader import load_for_lint
from sopdoc.lint.peran import Peran
from sopdoc.lint.rules.form import _stem
from sopdoc.lint.runner import check_loaded
from sopdoc.lint.text import clear_caches

SIZES = (250, 500, 1000, 2000)
OUT = Path(__file__).parent / "out" / "lint.json"


def cold() -> None:
    """Forget the checker's caches, so each run pays its own normalisation."""
    clear_caches()
    _stem.cache_clear()
    Peran.label.cache_clear()


def timed(fn: Callable[[], object]) -> float:
    """CPU seconds of one call of ``fn``, from cold checker caches."""
    cold()
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start


def yaml_parse(paths: list[Path]) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for p in paths:
        yaml.load(p.read_text(encoding="utf-8"), Loader=loader)


def measure(folder: Path, n: int, repeat: int) -> dict[str, float]:
    paths = generate_catalog(folder, n)
    config = LintConfig()
    loaded = load_for_lint([folder])
    assert not loaded.errors, loaded.errors[:3]
    findings = len(check_loaded(loaded, config).findings)
    best = {"yaml": float("inf"), "load": float("inf"), "lint": float("inf"), "both": float("inf")}
    for _ in range(repeat):
        rnd = {
            "yaml": timed(lambda: yaml_parse(paths)),
            "load": timed(lambda: load_for_lint([folder])),
            "lint": timed(lambda: check_loaded(loaded, config)),
            "both": timed(lambda: check_loaded(load_for_lint([folder]), config)),
        }
        best = {k: min(best[k], rnd[k]) for k in best}
    return {
        "n": n,
        "findings": findings,
        "yaml_s": best["yaml"],
        "load_s": best["load"],
        "lint_s": best["lint"],
        "load_lint_s": best["both"],
        "lint_per_yaml": best["lint"] / best["yaml"],
        "load_lint_per_yaml": best["both"] / best["yaml"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench lint", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="sopdoc-bench-lint-") as tmp:
        for n in args.sizes:
            rows.append(measure(Path(tmp) / f"k{n}", n, args.repeat))
    print(
        f"{'SOPs':>6} {'findings':>8} {'yaml s':>8} {'load s':>8} {'lint s':>8} "
        f"{'load+lint':>9} {'lint/yaml':>9} {'(load+lint)/yaml':>16}"
    )
    for r in rows:
        print(
            f"{r['n']:>6} {r['findings']:>8} {r['yaml_s']:>8.3f} {r['load_s']:>8.3f} "
            f"{r['lint_s']:>8.3f} {r['load_lint_s']:>9.3f} {r['lint_per_yaml']:>9.2f} "
            f"{r['load_lint_per_yaml']:>16.2f}"
        )
    by_n = {r["n"]: r for r in rows}
    summary: dict[str, object] = {"rows": rows}
    status = 0
    if 1000 in by_n and 2000 in by_n:
        growth = by_n[2000]["lint_s"] / by_n[1000]["lint_s"]
        summary["lint_growth_2000_1000"] = growth
        print(f"lint growth t(2000)/t(1000) = {growth:.2f} (target ≤ 2.2)")
        status = max(status, int(growth > 2.2))
    worst = max(r["lint_per_yaml"] for r in rows)
    summary["worst_lint_per_yaml"] = worst
    print(f"worst lint/yaml = {worst:.2f} (target ≤ 2.0)")
    status = max(status, int(worst > 2.0))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
