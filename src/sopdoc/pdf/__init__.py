"""PDF output: DOCX -> PDF through LibreOffice, and the bound SOP book."""

from __future__ import annotations

from .book import Book, BookPart, build_book
from .build import build_pdf, convert_built, pdf_for
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
    "build_pdf",
    "convert",
    "convert_built",
    "find_soffice",
    "meta_for",
    "pdf_for",
]
