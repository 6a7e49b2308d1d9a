"""DOCX -> PDF: one LibreOffice process for the batch vs one ``soffice`` per file.

Both convert the same generated SOP documents (``sopdoc.build_docx``) in the same run,
with a warm LibreOffice profile, after an untimed warm-up conversion (so neither pays
for a cold disk cache or for creating the profile). The figure that matters is the
ratio. A third timing shares the batch between two processes (``--jobs 2``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sopdoc
from sopdoc.pdf import PdfJob, convert, find_soffice, meta_for
from sopdoc.pdf.meta import pdf_whole

from .catalog import generate_catalog

OUT = Path(__file__).parent / "out"


def per_file(soffice: str, profile: Path, docx: Path, outdir: Path) -> float:
    """One ``soffice --convert-to pdf`` for one file, as a user would run it."""
    start = time.perf_counter()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        timeout=300,
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench pdf", description=__doc__)
    parser.add_argument("-n", type=int, default=100, help="number of SOPs (default 100)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice (soffice) is not installed; run `make system`")
        return 1
    name, build = "sopdoc.build_docx", sopdoc.build_docx
    with tempfile.TemporaryDirectory(prefix="sopdoc-bench-pdf-") as tmp:
        root = Path(tmp)
        generate_catalog(root / "specs", args.n, seed=args.seed)
        sops = sorted(sopdoc.load_catalog(root / "specs").sops, key=lambda s: s.nomor)
        started = time.perf_counter()
        docx_files = []
        for i, sop in enumerate(sops):
            path = root / "docx" / f"sop-{i:04d}.docx"
            path.parent.mkdir(exist_ok=True)
            build(sop, path)
            docx_files.append(path)
        docx_seconds = time.perf_counter() - started

        profile = root / "profile"
        for _ in range(2):  # warm-up: creates the profile (first start exits 81), fills caches
            subprocess.run(
                [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                 "--convert-to", "pdf", "--outdir", str(root / "warm"), str(docx_files[0])],
                capture_output=True, check=False, timeout=300,
            )  # fmt: skip

        jobs = [
            PdfJob(d, root / "batch" / d.with_suffix(".pdf").name, meta_for(s))
            for d, s in zip(docx_files, sops, strict=True)
        ]
        started = time.perf_counter()
        results = convert(jobs)
        batch_seconds = time.perf_counter() - started
        failed = [r for r in results if not r.ok]
        pages = sum(r.pages for r in results)

        started = time.perf_counter()
        for docx in docx_files:
            per_file(soffice, profile, docx, root / "single")
        single_seconds = time.perf_counter() - started
        single_ok = sum(
            pdf_whole(root / "single" / d.with_suffix(".pdf").name) > 0 for d in docx_files
        )

        # the same batch shared by two processes side by side (`--jobs 2`), one per core here
        jobs2 = [PdfJob(j.docx, root / "batch2" / j.pdf.name, j.meta) for j in jobs]
        started = time.perf_counter()
        results2 = convert(jobs2, workers=2)
        batch2_seconds = time.perf_counter() - started
        failed += [r for r in results2 if not r.ok]

    ratio = single_seconds / batch_seconds
    ratio2 = single_seconds / batch2_seconds
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = [
        ("documents", f"{len(sops)} ({pages} PDF pages)"),
        ("DOCX from", name),
        ("DOCX build (not compared)", f"{docx_seconds:.1f} s"),
        ("one process for the batch", f"{batch_seconds:.1f} s ({len(failed)} failed)"),
        ("one soffice per file", f"{single_seconds:.1f} s ({len(sops) - single_ok} failed)"),
        ("per document, batch", f"{batch_seconds / len(sops) * 1000:.0f} ms"),
        ("per document, per file", f"{single_seconds / len(sops) * 1000:.0f} ms"),
        ("speed-up (per file / batch)", f"{ratio:.1f}x"),
        ("two processes side by side", f"{batch2_seconds:.1f} s, {ratio2:.1f}x"),
        ("load average at the end", f"{load:.1f} ({os.cpu_count()} CPUs)"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    OUT.mkdir(exist_ok=True)
    (OUT / "pdf.json").write_text(
        json.dumps(
            {
                "documents": len(sops),
                "pages": pages,
                "docx_builder": name,
                "batch_seconds": round(batch_seconds, 2),
                "per_file_seconds": round(single_seconds, 2),
                "ratio": round(ratio, 2),
                "two_processes_seconds": round(batch2_seconds, 2),
                "two_processes_ratio": round(ratio2, 2),
                "load_average": round(load, 2),
                "failed_batch": len(failed),
                "failed_per_file": len(sops) - single_ok,
                "machine": f"{platform.machine()} {platform.system()}",
            },
            indent=2,
        )
        + "\n"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
