"""Row heights the reader estimates from text, against where LibreOffice drew the rows.

The figures below were measured on the PDF LibreOffice made of each fixture
(horizontal rules of the table, from ``pdftocairo -svg``), with the fonts
installed here: Liberation Sans for Arial, Liberation Serif for Times New
Roman (the same widths). Word lays the text out the same way with those fonts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests import docx_fixtures as fx

from sopdoc.impor.docx import baca_docx

# top of each body row, then the bottom of the last, as LibreOffice drew them (points)
DRAWN = {
    ("Arial", 10.0): [89.2, 147.2, 205.2, 263.2, 321.2, 379.2, 437.2],
    ("Arial", 8.0): [89.2, 117.4, 154.6, 182.8, 220.1, 248.1, 276.2],
}


@pytest.mark.parametrize(("font", "size"), list(DRAWN))
def test_auto_row_heights_close_to_the_drawing(tmp_path: Path, font: str, size: float) -> None:
    path = tmp_path / "auto.docx"
    fx.style_auto_rows(path, font, size)
    bahan = baca_docx(path)
    table = bahan.tabel[1]
    rows = table.baris[2:]
    tops = [r[0].kotak.y0 for r in rows if r[0].kotak] + [rows[-1][0].kotak.y1]  # type: ignore[union-attr]
    drawn = DRAWN[(font, size)]
    assert len(tops) == len(drawn)
    for got, want in zip(tops, drawn, strict=True):
        assert got == pytest.approx(want, abs=1.0)


def test_row_split_over_the_page_bottom(tmp_path: Path) -> None:
    """Times New Roman 12: the sixth row does not fit; Word and LibreOffice break it, the rest
    printed on the next page under the repeated header rows."""
    path = tmp_path / "split.docx"
    fx.style_auto_rows(path, "Times New Roman", 12)
    bahan = baca_docx(path)
    first, second = bahan.tabel[1], bahan.tabel[2]
    assert first.kotak is not None and second.kotak is not None
    assert (first.kotak.halaman, second.kotak.halaman) == (1, 2)
    # LibreOffice: rows start at 89.2, 172.6, 255.9, 339.1, 422.4, 505.8 and the page ends
    for got, want in zip(
        [r[0].kotak.y0 for r in first.baris[2:]],  # type: ignore[union-attr]
        [89.2, 172.6, 255.9, 339.1, 422.4, 505.8],
        strict=True,
    ):
        assert got == pytest.approx(want, abs=1.0)
    last = first.baris[-1]
    assert last[0].teks == "6" and last[0].kotak.y1 == pytest.approx(576.0)  # type: ignore[union-attr]
    # the next page: the two header rows again, then the rest of row 6 (cells continued)
    assert [c.teks for c in second.baris[0]] == [c.teks for c in first.baris[0]]
    rest = second.baris[2]
    assert len(second.baris) == 3
    assert all(c.lanjutan and not c.paragraf for c in rest)
