"""The PDF of one SOP as bytes, for a web request: ``render_pdf(sop)``.

The DOCX is rendered in memory (:func:`sopdoc.docx.render_docx`) and converted by
the same LibreOffice supervisor as ``sopdoc build --pdf`` (:func:`sopdoc.pdf.convert`).
Every call works in its own temporary folder, removed whatever happens, and
LibreOffice runs with a profile inside that folder: calls from several threads
(or processes) never share a file, a profile or a lock, and nothing is left on disk.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..docx import render_docx
from ..model import Sop
from .convert import DEFAULT_TIMEOUT, PdfFailed, PdfJob, convert, require_soffice
from .meta import meta_for


def render_pdf(
    sop: Sop,
    *,
    template: str | os.PathLike[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    soffice: str | None = None,
) -> bytes:
    """The official PDF of ``sop`` as bytes (LibreOffice converts its DOCX).

    Safe to call from several threads at once; leaves no file behind. Raises
    :class:`~sopdoc.pdf.LibreOfficeMissing` without LibreOffice and
    :class:`~sopdoc.pdf.PdfFailed` when the conversion fails or times out.
    """
    exe = require_soffice(soffice)
    data = render_docx(sop, template)
    with tempfile.TemporaryDirectory(prefix="sopdoc-render-") as tmp:
        docx = Path(tmp) / "sop.docx"
        pdf = Path(tmp) / "sop.pdf"
        docx.write_bytes(data)
        (result,) = convert([PdfJob(docx, pdf, meta_for(sop))], timeout=timeout, soffice=exe)
        if not result.ok:
            raise PdfFailed(f"{sop.nomor}: no PDF: {result.error}")
        return pdf.read_bytes()


__all__ = ["render_pdf"]
