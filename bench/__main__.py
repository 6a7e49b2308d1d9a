"""Run the benchmarks: ``python -m bench`` (all), ``python -m bench lint build``, or one
with its options: ``python -m bench fuzz --cases 20000``."""

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
    """``python -m bench [TOPIC ...] [--option ...]``: options go to every topic run."""
    split = next((i for i, a in enumerate(argv) if a.startswith("-")), len(argv))
    argv, options = argv[:split], argv[split:]
    wanted = argv or topics()
    unknown = [t for t in wanted if t not in topics()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(topics())}")
        return 2
    status = 0
    for topic in wanted:
        print(f"== bench {topic} ==", flush=True)
        module = importlib.import_module(f"bench.bench_{topic}")
        status = max(status, int(module.main(options) or 0))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
