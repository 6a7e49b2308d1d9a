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
best of ``--repeat`` rounds (default 5); a round measures every size, the
four measurements back to back, so a baseline and its ratio see the same load.
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
from sopdoc.pemeriksaan.config import LintConfig
from sopdoc.pemeriksaan.ejaan import ejaan
from sopdoc.pemeriksaan.peran import Peran
from sopdoc.pemeriksaan.rules.form import _stem
from sopdoc.pemeriksaan.rules.nama_asing import frasa_wilayah
from sopdoc.pemeriksaan.runner import check_loaded
from sopdoc.pemeriksaan.text import clear_caches
from sopdoc.peraturan import registri_bawaan
from sopdoc.spec import load_paths
from sopdoc.wilayah import data_wilayah

SIZES = (250, 500, 1000, 2000)
OUT = Path(__file__).parent / "out" / "lint.json"


def cold() -> None:
    """Forget the checker's caches, so each run pays its own normalisation and opens the
    reference data (regions, spelling list, regulation registry) again."""
    clear_caches()
    _stem.cache_clear()
    Peran.label.cache_clear()
    data_wilayah.cache_clear()
    ejaan.cache_clear()
    registri_bawaan.cache_clear()
    frasa_wilayah.cache_clear()


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


def measure_round(folder: Path, paths: list[Path], config: LintConfig) -> dict[str, float]:
    """One round of the four measurements on one catalog, back to back."""
    loaded = load_paths([folder])
    rnd = {
        "yaml": timed(lambda: yaml_parse(paths)),
        "load": timed(lambda: load_paths([folder])),
        "lint": timed(lambda: check_loaded(loaded, config)),
        "both": timed(lambda: check_loaded(load_paths([folder]), config)),
    }
    return rnd


def measure(root: Path, sizes: list[int], repeat: int) -> list[dict[str, float]]:
    """Best of ``repeat`` rounds; each round measures every size (sizes interleaved)."""
    config = LintConfig()
    catalogs = {}
    findings = {}
    for n in sizes:
        folder = root / f"k{n}"
        paths = generate_catalog(folder, n)
        loaded = load_paths([folder])
        assert not loaded.errors, loaded.errors[:3]
        findings[n] = len(check_loaded(loaded, config).findings)
        catalogs[n] = (folder, paths)
        del loaded
    best = {n: dict.fromkeys(("yaml", "load", "lint", "both"), float("inf")) for n in sizes}
    for _ in range(repeat):
        for n in sizes:
            rnd = measure_round(*catalogs[n], config)
            best[n] = {k: min(best[n][k], rnd[k]) for k in best[n]}
    return [
        {
            "n": n,
            "findings": findings[n],
            "yaml_s": best[n]["yaml"],
            "load_s": best[n]["load"],
            "lint_s": best[n]["lint"],
            "load_lint_s": best[n]["both"],
            "lint_per_yaml": best[n]["lint"] / best[n]["yaml"],
            "load_lint_per_yaml": best[n]["both"] / best[n]["yaml"],
        }
        for n in sizes
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench lint", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sopdoc-bench-lint-") as tmp:
        rows = measure(Path(tmp), args.sizes, args.repeat)
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
        yaml_growth = by_n[2000]["yaml_s"] / by_n[1000]["yaml_s"]
        summary["lint_growth_2000_1000"] = growth
        summary["yaml_growth_2000_1000"] = yaml_growth
        print(
            f"lint growth t(2000)/t(1000) = {growth:.2f} (target ≤ 2.2); "
            f"the bare YAML parse grows {yaml_growth:.2f} on this machine"
        )
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
