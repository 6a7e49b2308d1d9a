"""sopdoc import: documents per second for DOCX and PDF against a bare parse of the same files.

A generated catalog is built once (DOCX with ``sopdoc.build_docx``, a smaller set
converted to PDF in one LibreOffice run); then, in the same run, each file is
(a) only opened by the library the reader builds on (python-docx ``Document()``,
pdfminer.six ``extract_text`` of every page) and (b) imported whole
(``sopdoc.import_file``: reading, assembling, validating). The figure that
matters is the ratio (b) / (a); the aim is at most 5x.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import sopdoc
from sopdoc.impor import baca_bahan, import_bahan
from sopdoc.pdf import find_soffice

from .catalog import generate_catalog

OUT = Path(__file__).parent / "out"
T = TypeVar("T")


def _docx_floor(path: Path) -> None:
    import docx

    docx.Document(str(path))


def _pdf_floor(path: Path) -> None:
    from pdfminer.high_level import extract_text

    extract_text(str(path))


def _time(files: Sequence[T], fn: Callable[[T], object], rounds: int) -> float:
    """Best of ``rounds`` passes over the files, seconds per file."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for f in files:
            fn(f)
        best = min(best, time.perf_counter() - started)
    return best / max(1, len(files))


def _available(name: str) -> bool:
    import importlib

    try:
        module = importlib.import_module(f"sopdoc.impor.{name}")
    except ImportError:
        return False
    return hasattr(module, f"baca_{name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench import", description=__doc__)
    parser.add_argument("-n", type=int, default=40, help="DOCX documents (default 40)")
    parser.add_argument("--pdf", type=int, default=10, help="PDF documents (default 10)")
    parser.add_argument("--rounds", type=int, default=2, help="timed passes, best kept")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rows: list[tuple[str, str]] = []
    result: dict[str, object] = {"n_docx": args.n, "n_pdf": args.pdf}
    status = 0
    with tempfile.TemporaryDirectory(prefix="sopdoc-bench-import-") as tmp:
        root = Path(tmp)
        generate_catalog(root / "specs", max(args.n, args.pdf), seed=args.seed)
        sops = sorted(sopdoc.load_catalog(root / "specs").sops, key=lambda s: s.nomor)
        docx_files = []
        for i, sop in enumerate(sops[: args.n]):
            docx_files.append(sopdoc.build_docx(sop, root / "docx" / f"sop-{i:04d}.docx"))
        formats: list[tuple[str, list[Path], Callable[[Path], object], str]] = []
        if _available("docx"):
            formats.append(("DOCX", docx_files, _docx_floor, "python-docx Document()"))
        else:
            rows.append(("DOCX", "reader not available"))
        if args.pdf and _available("pdf") and find_soffice():
            built = sopdoc.build_pdf(sops[: args.pdf], root / "pdf")
            pdf_files = [Path(r.job.pdf) for r in built if r.ok]
            formats.append(("PDF", pdf_files, _pdf_floor, "pdfminer.six extract_text()"))
        else:
            rows.append(("PDF", "reader or LibreOffice not available"))
        for label, files, floor, floor_name in formats:
            failed = 0
            for f in files[:2]:  # warm-up: imports, caches
                floor(f)
                sopdoc.import_file(f)

            def full(path: Path) -> object:
                nonlocal failed
                try:
                    return sopdoc.import_file(path)
                except sopdoc.SopdocError:
                    failed += 1
                    return None

            bare = _time(files, floor, args.rounds)
            whole = _time(files, full, args.rounds)
            read = _time(files, baca_bahan, args.rounds)  # the reader alone
            read_once = [baca_bahan(f) for f in files]
            assemble = _time(read_once, import_bahan, args.rounds)
            ratio = whole / bare
            rows += [
                (f"{label} documents", str(len(files))),
                (f"{label} bare parse ({floor_name})", f"{bare * 1000:.0f} ms/doc"),
                (f"{label} sopdoc import", f"{whole * 1000:.0f} ms/doc, {1 / whole:.1f} docs/s"),
                (f"{label} ratio import / bare parse", f"{ratio:.1f}x (aim <= 5x)"),
                (
                    f"{label} of which reading / assembling",
                    f"{read * 1000:.0f} / {assemble * 1000:.0f} ms/doc",
                ),
            ]
            result[label.lower()] = {
                "documents": len(files),
                "bare_ms": round(bare * 1000, 1),
                "import_ms": round(whole * 1000, 1),
                "docs_per_s": round(1 / whole, 2),
                "ratio": round(ratio, 2),
                "read_ms": round(read * 1000, 1),
                "assemble_ms": round(assemble * 1000, 1),
                "failed": failed // max(1, args.rounds),
            }
            if failed:
                status = 1
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows.append(("machine", f"{platform.machine()}, {os.cpu_count()} CPUs, load {load:.1f}"))
    width = max(len(k) for k, _v in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    OUT.mkdir(exist_ok=True)
    (OUT / "import.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
