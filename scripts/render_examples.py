#!/usr/bin/env python3
"""Render the README's example pages: build the DOCX, convert with LibreOffice, PNG per page.

Run from the repository root: python scripts/render_examples.py [OUT]
Writes docs/img/*.png (80 dpi) from the Kebasen specs, the 25-step test SOP and a
nine-lane SOP of the generated corpus, and the redline pages of the Kebasen revision
example (examples/revisi-pengumpulan/redline-prosedur*.png).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import sopdoc  # noqa: E402
from sopdoc.build import build_all  # noqa: E402
from sopdoc.perbandingan.redline import write_redline  # noqa: E402
from sopgen import corpus_sop, long_sop  # noqa: E402

REVISI = ROOT / "examples" / "revisi-pengumpulan"

PICK = {  # output name: (document stem, page number)
    "kebasen-010-identitas": ("PK-KEC-KBS-010-I-2024", 1),
    "kebasen-010-prosedur": ("PK-KEC-KBS-010-I-2024", 2),
    "kebasen-010-pengesahan": ("PK-KEC-KBS-010-I-2024", 3),
    "kebasen-011-identitas": ("PK-KEC-KBS-011-I-2024", 1),
    "kebasen-011-prosedur": ("PK-KEC-KBS-011-I-2024", 2),
    "contoh-25-langkah-hal1": ("PK-KEC-KBS-099-II-2025", 2),
    "contoh-25-langkah-hal3": ("PK-KEC-KBS-099-II-2025", 4),
    "contoh-25-langkah-hal5": ("PK-KEC-KBS-099-II-2025", 6),
    "korpus-9-lajur": ("PK-KEC-GEN-007-I-2025", 2),
    "redline-prosedur-baru": ("redline", 4),
    "redline-prosedur-lama": ("redline", 5),
}
IN_EXAMPLE = {"redline-prosedur-baru", "redline-prosedur-lama"}  # beside the example


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sops = [*sopdoc.load_catalog(ROOT / "specs").sops, long_sop(), corpus_sop(7, lanes=9)]
        results = build_all(sops, work)
        old = sopdoc.load(
            ROOT / "specs" / "kecamatan-kebasen" / "011-pengumpulan-data-kinerja.yaml"
        )
        new = sopdoc.load(REVISI / "011-pengumpulan-data-kinerja.yaml")
        redline = write_redline(old, new, None, work / "redline.docx")
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{work}/lo",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                *[str(r.path) for r in results],
                str(redline),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for name, (stem, page) in PICK.items():
            prefix = work / f"{name}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "80",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(work / f"{stem}.pdf"),
                    str(prefix),
                ],
                check=True,
            )
            target = (REVISI if name in IN_EXAMPLE else out) / f"{name}.png"
            shutil.copy(f"{prefix}.png", target)
            print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
