"""Diff speed and accuracy on generated revisions of a catalog.

Each generated SOP (``bench.catalog``) gets a revision as a secretariat would
make it: one step inserted (decisions renumbered to follow), one deleted, one
reworded, one waktu changed. Baseline, in the same run on the same pairs: a
line diff (``difflib.unified_diff``) of the two specs as YAML text, what a
plain ``git diff`` does. Figures:

- ``line_s``: the line diff of every pair; ``diff_s``: ``sopdoc.diff`` of every
  pair (loaded SOPs); ``text_s``: the diff plus its text rendering;
- ``exact``: share of pairs whose step changes are exactly the four made
  (1 inserted, 1 deleted, 2 changed; nothing else);
- long SOPs: one SOP of 25, 100 and 400 steps with one step inserted, diff
  time against the line diff of the same pair (the alignment is quadratic in
  the steps left after the trivial matches; this shows where that begins).

Each figure is the best of ``--repeat`` runs (default 3).
"""

from __future__ import annotations

import argparse
import copy
import difflib
import gc
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sopdoc
from bench.catalog import generate_catalog
from sopdoc.perbandingan import diff
from sopdoc.perbandingan.align import _words
from sopdoc.perbandingan.render_text import render_text
from sopdoc.yamlout import dumps

OUT = Path(__file__).parent / "out" / "diff.json"


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        _words.cache_clear()  # each run pays its own tokenising
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def revise(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The four edits (never deleting a decision's target), decisions renumbered to follow."""
    new = copy.deepcopy(data)
    steps = [(i, s) for i, s in enumerate(new["kegiatan"])]
    targets = {s["jika_tidak"] - 1 for _i, s in steps if isinstance(s.get("jika_tidak"), int)}
    gone = rng.choice([k for k in range(1, len(steps) - 1) if k not in targets])
    steps.pop(gone)
    at = rng.randrange(1, len(steps))
    steps.insert(at, (None, {"aktivitas": "Memverifikasi kelengkapan berkas permohonan "
                             "beserta lampiran", "pelaksana": next(iter(new["pelaksana"])),
                             "waktu": "1 jam", "output": "Berkas terverifikasi"}))  # fmt: skip
    kept = [k for k, (o, _s) in enumerate(steps) if o is not None]
    a, b = rng.sample(kept, 2)
    steps[a] = (steps[a][0], {**steps[a][1], "aktivitas": steps[a][1]["aktivitas"] + " segera"})
    steps[b] = (steps[b][0], {**steps[b][1], "waktu": "9 hari"})
    where = {o: j for j, (o, _s) in enumerate(steps) if o is not None}
    out = []
    for _o, s in steps:
        s = dict(s)
        ref = s.get("jika_tidak")
        if isinstance(ref, int):
            s["jika_tidak"] = where[ref - 1] + 1
        out.append(s)
    new["kegiatan"] = out
    return new


def exact(d: Any) -> bool:
    kinds = sorted(c.jenis for c in d.perubahan if c.jenis.startswith("langkah"))
    if kinds == ["langkah_dihapus", "langkah_disisipkan", "langkah_diubah"]:
        # the two edits fell on one step, or the reworded step was also re-targeted
        return len(d.of("langkah_diubah")[0].kolom) >= 1
    return kinds == ["langkah_dihapus", "langkah_disisipkan", "langkah_diubah", "langkah_diubah"]


def line_diff(pairs: list[tuple[str, str]]) -> None:
    for a, b in pairs:
        list(difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm=""))


def long_sop(template: dict[str, Any], n: int, rng: random.Random) -> tuple[Any, Any]:
    data = copy.deepcopy(template)
    base = data["kegiatan"]
    steps = []
    for k in range(n):
        s = dict(base[k % len(base)])
        s["aktivitas"] = f"{s['aktivitas']} bagian {k + 1}"
        s.pop("jika_tidak", None)
        steps.append(s)
    data["kegiatan"] = steps
    new = copy.deepcopy(data)
    new["kegiatan"].insert(rng.randrange(1, n), {"aktivitas": "Langkah sisipan baru",
                                                  "pelaksana": steps[0]["pelaksana"]})  # fmt: skip
    return sopdoc.Sop.model_validate(data), sopdoc.Sop.model_validate(new)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench diff", description=__doc__)
    parser.add_argument("-n", type=int, default=300, help="SOPs in the catalog (default 300)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate_catalog(Path(tmp), args.n)
        olds = sopdoc.load_catalog(tmp).sops
    datas = [s.model_dump(mode="json", exclude_none=True) for s in olds]
    news = [sopdoc.Sop.model_validate(revise(d, rng)) for d in datas]
    pairs = list(zip(olds, news, strict=True))
    texts = [(dumps(a), dumps(b)) for a, b in pairs]
    t_line = best_of(args.repeat, lambda: line_diff(texts))
    t_diff = best_of(args.repeat, lambda: [diff(a, b) for a, b in pairs])
    t_text = best_of(args.repeat, lambda: [render_text(diff(a, b)) for a, b in pairs])
    ok = sum(exact(diff(a, b)) for a, b in pairs)
    result: dict[str, Any] = {
        "n": len(paths),
        "line_s": t_line,
        "diff_s": t_diff,
        "text_s": t_text,
        "diff_per_line": t_diff / t_line,
        "exact": ok / len(pairs),
        "long": [],
    }
    print(f"{len(pairs)} revisions: line diff {t_line * 1000:.0f} ms, sopdoc.diff "
          f"{t_diff * 1000:.0f} ms ({t_diff / t_line:.1f}x), with text {t_text * 1000:.0f} ms; "
          f"exact change list for {ok}/{len(pairs)} ({ok / len(pairs):.1%})")  # fmt: skip
    print(f"{'steps':>6} {'line ms':>9} {'diff ms':>9} {'ratio':>7}")
    for n in (25, 100, 400):
        a, b = long_sop(datas[0], n, rng)
        pair = [(dumps(a), dumps(b))]
        tl = best_of(args.repeat, lambda pair=pair: line_diff(pair))  # type: ignore[misc]
        td = best_of(args.repeat, lambda a=a, b=b: diff(a, b))  # type: ignore[misc]
        d = diff(a, b)
        assert [c.jenis for c in d.perubahan] == ["langkah_disisipkan"], d.perubahan[:3]
        result["long"].append({"steps": n, "line_s": tl, "diff_s": td, "ratio": td / tl})
        print(f"{n:>6} {tl * 1000:>9.2f} {td * 1000:>9.2f} {td / tl:>7.1f}")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    return 0
