"""The ``sopdoc book`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import SopdocError
from ..i18n import N_, _
from ..pdf.book import build_book
from ..pdf.convert import DEFAULT_TIMEOUT, LibreOfficeMissing, PdfFailed
from .paths import load_all

DESCRIPTION = N_(
    "Bind a catalog into one PDF book: cover, Daftar Isi with page numbers, every SOP in\n"
    "nomor order, bookmarks per SOP and per page, page labels and numbers, metadata.\n"
    "\n"
    "PATH is a catalog folder or spec files. Needs LibreOffice (the SOPs go DOCX -> PDF\n"
    "through it, in one running process). Exit codes: 0 the book is written, 2 a spec has\n"
    "errors, 4 LibreOffice is missing or an SOP failed to convert (nothing is written)."
)

EXIT_PDF = 4
"""Exit code when PDF output could not be made (LibreOffice missing or failing)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("catalog folders or spec files"))
    parser.add_argument(
        "-o",
        "--output",
        default="buku-sop.pdf",
        metavar="FILE",
        help=_("the book to write (default: buku-sop.pdf)"),
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=_("convert with N LibreOffice processes side by side (0: one per CPU)"),
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=_("give up a document LibreOffice takes longer on (default: {timeout:g})").format(
            timeout=DEFAULT_TIMEOUT
        ),
    )


def run(args: argparse.Namespace) -> int:
    if args.jobs < 0:
        raise SopdocError(_("--jobs must be 0 or more"))
    sops = load_all(args.paths)
    dest = Path(args.output)
    workers = args.jobs or (os.cpu_count() or 1)
    try:
        book = build_book(sops, dest, timeout=args.timeout, workers=workers)
    except (LibreOfficeMissing, PdfFailed) as exc:
        print(f"sopdoc: error: {exc}", file=sys.stderr)
        return EXIT_PDF
    print(
        _("{dest}: {pages} pages ({front} cover and contents), {n} SOP(s)").format(
            dest=dest, pages=book.pages, front=book.front_pages, n=len(book.parts)
        )
    )
    return 0
