"""Loading speed: ``sopdoc.load_catalog`` against plain YAML parsing of the same files.

Baseline, in the same run: ``yaml.load`` with libyaml's ``CSafeLoader`` on every
file (what any tool reading the specs pays at least). Reported: CPU seconds of
this process (best of ``--repeat``; loading is single-threaded, and CPU time is
steadier than wall time on a busy machine) and the ratio load_catalog /
baseline, which is what to compare between machines.
``python -m bench load``, or ``python -m bench.bench_load --n 2000``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

import sopdoc
from sopdoc.source import read_yaml

from .catalog import generate_catalog

OUT = Path(__file__).parent / "out"


def _best(job: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        job()
        times.append(time.process_time() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench load")
    parser.add_argument("--n", type=int, default=500, help="specs in the generated catalog")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "katalog"
        paths = generate_catalog(folder, args.n)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        steps = sum(len(sopdoc.load(p).kegiatan) for p in paths)

        def baseline() -> None:
            for p in paths:
                yaml.load(p.read_text(encoding="utf-8"), Loader=loader)  # a safe loader

        def positioned() -> None:
            for p in paths:
                read_yaml(p)

        def catalog() -> None:
            sopdoc.load_catalog(folder)

        rows = {
            "yaml.load (CSafeLoader), baseline": _best(baseline, args.repeat),
            "read_yaml (positions, no model)": _best(positioned, args.repeat),
            "sopdoc.load_catalog": _best(catalog, args.repeat),
        }
    base = rows["yaml.load (CSafeLoader), baseline"]
    print(f"{args.n} specs, {steps} steps; best of {args.repeat}")
    print(f"{'':38} {'CPU s':>8} {'ms/spec':>8} {'ratio':>6}")
    for name, seconds in rows.items():
        print(f"{name:38} {seconds:8.3f} {seconds * 1000 / args.n:8.2f} {seconds / base:6.2f}")
    OUT.mkdir(exist_ok=True)
    result = {
        "specs": args.n,
        "steps": steps,
        "seconds": rows,
        "ratio_load_catalog_to_yaml": rows["sopdoc.load_catalog"] / base,
    }
    (OUT / "load.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
