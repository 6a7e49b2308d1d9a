"""The ``sopdoc site`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse
import os

from ..build import progress_stream
from ..errors import SopdocError
from ..i18n import N_, _, ngettext
from ..pdf.convert import LibreOfficeMissing
from ..web.situs import build_site
from .book import EXIT_PDF

DESCRIPTION = N_(
    "Build a static web site of the SOP catalog that any web server, or a browser "
    "opening the folder from disk, shows without a backend and without the internet: "
    "an index of every SOP with a search over names, activities, outputs and dasar "
    "hukum, filters by unit and status, and one page per SOP (identity, the six "
    "sections, the procedure as a table with its flowchart, keterkaitan as links, "
    "downloads, riwayat revisi and, in a git repository, what changed in each "
    "revision). Only what changed since the last build into the folder is written. "
    "Exit codes: 0 done, 2 bad input, 4 a PDF failed (with --pdf)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("spec files or catalog folders"))
    parser.add_argument(
        "-o", "--out", required=True, metavar="DIR", help=_("output folder of the site")
    )
    parser.add_argument(
        "--internal",
        action="store_true",
        help=_("internal edition: show the checker's findings of each SOP"),
    )
    parser.add_argument(
        "--no-docx",
        dest="docx",
        action="store_false",
        help=_("do not build the DOCX downloads"),
    )
    parser.add_argument(
        "--pdf",
        action="store_true",
        help=_("also offer the PDF of each SOP (LibreOffice; slower)"),
    )
    parser.add_argument("--title", metavar="TEXT", help=_("title of the site"))
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=_("build the downloads in N processes (0: one per CPU)"),
    )
    parser.add_argument(
        "--force", action="store_true", help=_("rewrite every page, even unchanged ones")
    )
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print only errors"))


def run(args: argparse.Namespace) -> int:
    if args.jobs < 0:
        raise SopdocError(_("--jobs must be 0 or more"))
    if args.pdf and not args.docx:
        raise SopdocError(_("--pdf needs the DOCX downloads; leave out --no-docx"))
    jobs = args.jobs or (os.cpu_count() or 1)
    try:
        result = build_site(
            args.paths,
            args.out,
            internal=args.internal,
            docx=args.docx,
            pdf=args.pdf,
            jobs=jobs,
            force=args.force,
            title=args.title,
            progress=None if args.quiet else progress_stream(None),
        )
    except LibreOfficeMissing as exc:
        print(_("sopdoc: error: {message}").format(message=exc))
        return EXIT_PDF
    failed = [r for r in result.pdf if not r.ok]
    for r in failed:
        print(_("{file}: error: no PDF: {reason}").format(file=r.job.docx, reason=r.error))
    if not args.quiet:
        pages = ngettext("{n} page written", "{n} pages written", len(result.written)).format(
            n=len(result.written)
        )
        print(
            _("{total} SOPs: {pages}, {unchanged} unchanged, in {out}").format(
                total=result.total, pages=pages, unchanged=result.unchanged, out=result.out
            )
        )
        print(_("Open {index} in a browser.").format(index=result.out / "index.html"))
    return EXIT_PDF if failed else 0
