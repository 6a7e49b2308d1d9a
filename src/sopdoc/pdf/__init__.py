"""PDF output: DOCX -> PDF through LibreOffice, and the bound SOP book."""

from __future__ import annotations

from .convert import LibreOfficeMissing, PdfJob, PdfResult, convert, find_soffice
from .meta import PdfMeta, meta_for

__all__ = [
    "LibreOfficeMissing",
    "PdfJob",
    "PdfMeta",
    "PdfResult",
    "convert",
    "find_soffice",
    "meta_for",
]
