"""The PDF reader of ``sopdoc import``: a text PDF into a :class:`~sopdoc.impor.bahan.Bahan`.

Built on pdfplumber (pdfminer.six): characters with their boxes and every painted
path. Modules, one job each:

- :mod:`.dokumen`  opening the file, its pages, errors for unreadable files
- :mod:`.halaman`  one page's characters, subpaths and pictures as typed records
- :mod:`.garis`    ruling lines (lines, thin boxes, cell rectangles) and the lattice
- :mod:`.tabel`    a table's grid, merged cells
- :mod:`.teks`     characters into words, lines and paragraphs
- :mod:`.simbol`   flowchart symbols and arrowheads from path geometry
- :mod:`.panah`    line pieces joined into arrows, tail to head
- :mod:`.kaki`     footers, page numbers, e-signature stamps
- :mod:`.baca`     one page put together; :func:`baca_pdf`
"""

from __future__ import annotations

from .baca import baca_pdf

__all__ = ["baca_pdf"]
