"""Word documents re-saved by LibreOffice (as many offices do) read the same.

One LibreOffice run converts four authoring styles DOCX -> DOCX; LibreOffice
rewrites every shape (its own DrawingML, VML fallbacks, other anchors and
group structure). The reader must find the same symbols at the same places,
the same arrows and labels. (The VML roundrect of the VML style and canvas
fallback are not among them: LibreOffice loses their rounding on import and
saves them as rectangles, which the reader then rightly reads as rectangles.)
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tests import docx_fixtures as fx

from sopdoc.impor.bahan import Bahan
from sopdoc.impor.docx import baca_docx
from sopdoc.pdf.convert import find_soffice, office_binary

SOFFICE = find_soffice()
NAMES = ["anchored_page", "in_cells", "group", "typed_text"]


def _ringkas(b: Bahan) -> tuple[list[tuple[str, float, float, int]], list[str], int]:
    simbol = sorted(
        (s.jenis.value, round(s.kotak.x0), round(s.kotak.y0), s.kotak.halaman) for s in b.simbol
    )
    return simbol, sorted(lab.teks for lab in b.label), len(b.panah)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_resaved_by_libreoffice(tmp_path: Path) -> None:
    assert SOFFICE is not None
    src = [tmp_path / f"{n}.docx" for n in NAMES]
    for name, path in zip(NAMES, src, strict=True):
        fx.STYLES[name](path)
    out = tmp_path / "lo"
    for _ in range(2):  # a fresh profile makes the first start ask for a restart (81)
        done = subprocess.run(
            [
                office_binary(SOFFICE),
                f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(out),
                *map(str, src),
            ],
            capture_output=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 81:
            break
    assert done.returncode == 0, done.stdout + done.stderr
    for path in src:
        again = out / path.name
        assert again.is_file()
        assert _ringkas(baca_docx(again)) == _ringkas(baca_docx(path)), path.name
