"""PDF output: DOCX -> PDF through LibreOffice, and the bound SOP book."""

from __future__ import annotations

from .book import Book, BookPart, build_book
from .convert import LibreOfficeMissing, PdfFailed, PdfJob, PdfResult, convert, find_soffice
from .meta import PdfMeta, meta_for

__all__ = [
    "Book",
    "BookPart",
    "LibreOfficeMissing",
    "PdfFailed",
    "PdfJob",
    "PdfMeta",
    "PdfResult",
    "build_book",
    "convert",
    "find_soffice",
    "meta_for",
]
