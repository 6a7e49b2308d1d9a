#!/usr/bin/env python3
"""Render the README's example pages: build the DOCX, convert with LibreOffice, PNG per page.

Run from the repository root: python scripts/render_examples.py [OUT]
Writes docs/img/*.png (80 dpi) from the Kebasen specs and the 25-step test SOP.
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
from sopgen import long_sop  # noqa: E402

PICK = {  # output name: (document stem, page number)
    "kebasen-010-identitas": ("PK-KEC-KBS-010-I-2024", 1),
    "kebasen-010-prosedur": ("PK-KEC-KBS-010-I-2024", 2),
    "kebasen-010-prosedur-2": ("PK-KEC-KBS-010-I-2024", 3),
    "kebasen-011-identitas": ("PK-KEC-KBS-011-I-2024", 1),
    "kebasen-011-prosedur": ("PK-KEC-KBS-011-I-2024", 2),
    "contoh-25-langkah-hal1": ("PK-KEC-KBS-099-II-2025", 2),
    "contoh-25-langkah-hal3": ("PK-KEC-KBS-099-II-2025", 4),
    "contoh-25-langkah-hal5": ("PK-KEC-KBS-099-II-2025", 6),
}


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sops = [*sopdoc.load_catalog(ROOT / "specs").sops, long_sop()]
        results = build_all(sops, work)
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
            shutil.copy(f"{prefix}.png", out / f"{name}.png")
            print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
