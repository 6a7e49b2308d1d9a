"""Bind a catalog into one PDF book: cover, Daftar Isi with page numbers, every SOP in
nomor order, bookmarks per SOP and per page, page labels and numbers, metadata.

PATH is a catalog folder or spec files. Needs LibreOffice (the SOPs go DOCX -> PDF
through it, in one running process). Exit codes: 0 the book is written, 2 a spec has
errors, 4 LibreOffice is missing or an SOP failed to convert (nothing is written).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import SopdocError
from ..pdf.book import build_book
from ..pdf.convert import DEFAULT_TIMEOUT, LibreOfficeMissing, PdfFailed
from .paths import load_all

HELP = "bind a catalog into one PDF book with cover, contents and bookmarks"

EXIT_PDF = 4
"""Exit code when PDF output could not be made (LibreOffice missing or failing)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="catalog folders or spec files")
    parser.add_argument(
        "-o",
        "--output",
        default="buku-sop.pdf",
        metavar="FILE",
        help="the book to write (default: buku-sop.pdf)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="convert with N LibreOffice processes side by side (0: one per CPU)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"give up a document LibreOffice takes longer on (default: {DEFAULT_TIMEOUT:g})",
    )


def run(args: argparse.Namespace) -> int:
    if args.jobs < 0:
        raise SopdocError("--jobs must be 0 or more")
    sops = load_all(args.paths)
    dest = Path(args.output)
    workers = args.jobs or (os.cpu_count() or 1)
    try:
        book = build_book(sops, dest, timeout=args.timeout, workers=workers)
    except (LibreOfficeMissing, PdfFailed) as exc:
        print(f"sopdoc: error: {exc}", file=sys.stderr)
        return EXIT_PDF
    print(
        f"{dest}: {book.pages} pages ({book.front_pages} cover and contents), "
        f"{len(book.parts)} SOP(s)"
    )
    return 0
