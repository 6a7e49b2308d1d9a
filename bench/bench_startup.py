"""Start-up time: ``import sopdoc`` and ``sopdoc --help`` against a bare Python start.

Each is a fresh interpreter (``python -c ...``), timed as wall time, best of
``--repeat``; the baseline in the same run is ``python -c pass``, so the
figure to compare between machines is the time above it. Also reported: the
heavy libraries ``import sopdoc`` loads (none, since they are imported when
first needed) and the slowest modules of ``python -X importtime -c "import
sopdoc"``. ``python -m bench startup``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).parent / "out"
HEAVY = ("docx", "docxtpl", "pypdf", "fontTools", "lxml", "pydantic", "yaml", "PIL")
"""Libraries ``import sopdoc`` should not load before they are needed."""


def _wall(args: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def _loaded() -> list[str]:
    code = f"import sys, sopdoc; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return out.stdout.split()


def _slowest(n: int = 8) -> list[tuple[str, float]]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import sopdoc"],
        check=True,
        capture_output=True,
        text=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s*(\d+) \|\s*(\d+) \| (\s*)(\S+)$", line)
        if m and len(m[3]) <= 2:  # the modules sopdoc imports itself, and their own
            rows.append((m[4], int(m[2]) / 1e6))
    return sorted(rows, key=lambda r: -r[1])[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench startup")
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (best)")
    args = parser.parse_args(argv)
    python = [sys.executable]
    bare = _wall([*python, "-c", "pass"], args.repeat)
    imported = _wall([*python, "-c", "import sopdoc"], args.repeat)
    helped = _wall([*python, "-m", "sopdoc.cli", "--help"], args.repeat)
    lint_help = _wall([*python, "-m", "sopdoc.cli", "lint", "--help"], args.repeat)
    loaded = _loaded()
    result = {
        "python_s": round(bare, 3),
        "import_sopdoc_s": round(imported, 3),
        "sopdoc_help_s": round(helped, 3),
        "sopdoc_lint_help_s": round(lint_help, 3),
        "import_above_python_s": round(imported - bare, 3),
        "help_above_python_s": round(helped - bare, 3),
        "heavy_libraries_loaded_by_import": loaded,
        "slowest_imports_s": _slowest(),
    }
    print(f"python -c pass         {bare:6.3f} s")
    print(f"import sopdoc          {imported:6.3f} s  (+{imported - bare:.3f} s)")
    print(f"sopdoc --help          {helped:6.3f} s  (+{helped - bare:.3f} s)")
    print(f"sopdoc lint --help     {lint_help:6.3f} s  (+{lint_help - bare:.3f} s)")
    print(f"heavy libraries loaded by 'import sopdoc': {', '.join(loaded) or 'none'}")
    for name, seconds in result["slowest_imports_s"]:  # type: ignore[union-attr]
        print(f"  {seconds:6.3f} s  {name}")
    OUT.mkdir(exist_ok=True)
    (OUT / "startup.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
