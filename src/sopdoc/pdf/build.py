"""PDFs of a build: each DOCX that ``sopdoc build`` writes, converted beside it.

``build_pdf`` is the library call behind ``sopdoc build --pdf``: the DOCX are written
first (:func:`sopdoc.build.build_all`), then every one that is new or whose PDF is
missing, broken or older goes through one LibreOffice batch (:mod:`sopdoc.pdf.convert`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import SopdocError
from ..model import Sop
from ..spec import load
from .convert import DEFAULT_TIMEOUT, PdfJob, PdfResult, convert, require_soffice
from .meta import meta_for, pdf_whole

if TYPE_CHECKING:  # sopdoc.build imports the package root; import it only when used
    from ..build import BuildResult


def pdf_for(docx: Path) -> Path:
    """Where the PDF of a DOCX goes: beside it, same name."""
    return docx.with_suffix(".pdf")


def _fresh(docx: Path, pdf: Path) -> bool:
    try:
        newer = pdf.stat().st_mtime >= docx.stat().st_mtime
    except OSError:
        return False
    return newer and pdf_whole(pdf) > 0


def _sop_of(result: BuildResult) -> Sop:
    """The SOP of a build result; a spec the build skipped unloaded is loaded now."""
    if result.sop is not None:
        return result.sop
    if result.source is None:
        raise SopdocError(f"{result.path}: no spec is known for this DOCX")
    return load(result.source)


def convert_built(
    built: Sequence[BuildResult],
    *,
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    soffice: str | None = None,
    on_result: Callable[[PdfResult], None] | None = None,
    workers: int = 1,
) -> list[PdfResult]:
    """Convert the DOCX of a build to PDF beside them, in one LibreOffice batch.

    Converted are the DOCX written this time and those whose PDF is missing, broken or
    older (all with ``force``). When a conversion fails, an old PDF of that DOCX is
    removed, so the folder never pairs a DOCX with a PDF of another version.
    ``workers``: LibreOffice processes side by side (see :func:`~sopdoc.pdf.convert`).
    Raises :class:`~sopdoc.pdf.LibreOfficeMissing` when there is no LibreOffice.
    """
    todo = [r for r in built if force or r.built or not _fresh(r.path, pdf_for(r.path))]
    if not todo:
        return []
    exe = require_soffice(soffice)
    jobs = [PdfJob(r.path, pdf_for(r.path), meta_for(_sop_of(r))) for r in todo]
    results = convert(jobs, timeout=timeout, soffice=exe, on_result=on_result, workers=workers)
    for result in results:
        if not result.ok:
            with contextlib.suppress(FileNotFoundError):
                result.job.pdf.unlink()
    return results


def build_pdf(
    sops: Sequence[Sop],
    out: str | os.PathLike[str],
    *,
    jobs: int = 1,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    soffice: str | None = None,
    progress: TextIO | None = None,
) -> list[PdfResult]:
    """Write the DOCX and the PDF of every SOP into ``out``; returns the PDF results.

    ``jobs`` processes build the DOCX, and as many LibreOffice processes convert them.

    The DOCX are written even when LibreOffice is missing (then
    :class:`~sopdoc.pdf.LibreOfficeMissing` is raised after them).
    """
    from ..build import build_all

    built = build_all(sops, out, jobs=jobs, template=template, force=force, progress=progress)
    return convert_built(built, force=force, timeout=timeout, soffice=soffice, workers=jobs)


__all__ = ["build_pdf", "convert_built", "pdf_for"]
