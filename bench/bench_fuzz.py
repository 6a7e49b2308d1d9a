"""The fuzzer, run long: ``python -m bench fuzz [--cases N] [--seed S] [--limit SECONDS]``.

Draws ``--cases`` random cases (:func:`bench.fuzz.random_case`: structural YAML
mutations, wrong types, huge, unicode and control strings, huge numbers, deep
nesting, long words, bad side files, text-level edits) and runs each through
load -> lint -> dump -> layout/render in this process. Reports how many cases
ended ok, with a clear error, crashed (an exception other than sopdoc's own
errors: exit 3 in the CLI) or were slow (over ``--limit`` seconds of CPU time: on a
shared machine wall time measures the neighbours), the slowest case,
and every distinct crash with its case; ``--save DIR`` writes each crashing or
slow case as JSON for ``tests/data/fuzz-corpus``. Exit status 1 when any case
crashed or was slow. Ctrl-C (or SIGTERM) stops the run early and still reports.
Run it niced on a shared machine::

    nice python -m bench fuzz --cases 20000 --seed 7
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench import fuzz

OUT = Path(__file__).parent / "out" / "fuzz.json"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench fuzz", description=__doc__)
    parser.add_argument("--cases", type=int, default=1000, help="cases to run (default 1000)")
    parser.add_argument("--seed", type=int, default=20261202, help="random seed")
    parser.add_argument("--limit", type=float, default=5.0, help="CPU seconds a case may take")
    parser.add_argument(
        "--minutes", type=float, default=0, help="stop after this long (0: run every case)"
    )
    parser.add_argument("--save", type=Path, help="write crashing and slow cases here as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress line")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    kinds: Counter[str] = Counter()
    stages: Counter[str] = Counter()
    at_start: Counter[str] = Counter()  # clear errors placed at line 1, column 1, by message
    bad: dict[tuple[str, str, str], list[fuzz.Op]] = {}
    slowest: tuple[float, list[fuzz.Op]] = (0.0, [])
    total = 0.0
    started = time.perf_counter()
    done = 0
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # kill PID: stop and report
    with (
        contextlib.suppress(KeyboardInterrupt),
        tempfile.TemporaryDirectory(prefix="sopdoc-fuzz-") as tmp,
    ):
        for n in range(1, args.cases + 1):
            if args.minutes and time.perf_counter() - started > args.minutes * 60:
                break
            done = n
            case = fuzz.random_case(rng)
            work = Path(tmp) / f"case-{n}"
            outcome = fuzz.run(case, limit=args.limit, workdir=work)
            _remove(work)
            kinds[outcome.kind] += 1
            if outcome.kind == "error" and ":1:1: " in outcome.detail:
                at_start[outcome.detail.split(":1:1: ", 1)[1][:70]] += 1
            stages[outcome.stage] += 1
            total += outcome.seconds
            if outcome.seconds > slowest[0]:
                slowest = (outcome.seconds, case)
            if outcome.bad:
                key = (outcome.kind, outcome.where or outcome.stage, outcome.detail[:80])
                if key not in bad:
                    bad[key] = case
                    head = f"{outcome.kind} in {outcome.stage} at {outcome.where}"
                    print(f"\n{head}: {outcome.detail[:160]}\n  case: {_short(case)}", flush=True)
            if not args.quiet and (n % 100 == 0 or n == args.cases):
                rate = n / (time.perf_counter() - started)
                print(f"\r{n}/{args.cases} cases, {rate:.1f}/s, {dict(kinds)}", end="", flush=True)
    print()
    crashes = kinds["crash"] + kinds["slow"]
    report = {
        "cases": done,
        "seed": args.seed,
        "outcomes": dict(kinds),
        "stage_reached": dict(stages),
        "distinct_problems": len(bad),
        "errors_at_1_1": dict(at_start.most_common(20)),
        "mean_seconds": round(total / max(1, done), 4),
        "slowest_seconds": round(slowest[0], 3),
        "slowest_case": _short(slowest[1], 300),
        "wall_seconds": round(time.perf_counter() - started, 1),
    }
    print(
        f"{done} cases (seed {args.seed}): {kinds['ok']} ok, {kinds['error']} clear errors, "
        f"{kinds['crash']} crashes, {kinds['slow']} over {args.limit:g} s; "
        f"slowest {slowest[0]:.2f} s, mean {report['mean_seconds']} s"
    )
    print(f"slowest case: {_short(slowest[1], 300)}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if args.save:
        for i, case in enumerate(bad.values(), 1):
            fuzz.save_case(case, f"found-{args.seed}-{i}", args.save)
    return 1 if crashes else 0


def _short(case: list[fuzz.Op], limit: int = 200) -> str:
    text = json.dumps(case, ensure_ascii=True)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
