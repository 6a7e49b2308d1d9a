"""Run the benchmarks: ``python -m bench`` (all) or ``python -m bench lint build``."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def topics() -> list[str]:
    here = Path(__file__).parent
    return sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules([str(here)])
        if m.name.startswith("bench_")
    )


def main(argv: list[str]) -> int:
    wanted = argv or topics()
    unknown = [t for t in wanted if t not in topics()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(topics())}")
        return 2
    status = 0
    for topic in wanted:
        print(f"== bench {topic} ==", flush=True)
        module = importlib.import_module(f"bench.bench_{topic}")
        status = max(status, int(module.main([]) or 0))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
