"""The ``sopdoc build`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from ..build import BuildResult, build_paths, progress_stream
from ..errors import SopdocError
from ..i18n import N_, _, ngettext
from ..pdf.build import convert_built
from ..pdf.convert import DEFAULT_TIMEOUT, LibreOfficeMissing
from .book import EXIT_PDF

if TYPE_CHECKING:
    from ..pemeriksaan import Finding

DESCRIPTION = N_(
    "Write the official DOCX of each SOP (identity page, procedure table, swimlane flowchart).\n"
    "\n"
    "Files are named from the nomor, written atomically and byte-for-byte\n"
    "reproducibly; SOPs whose spec, settings and template did not change since the\n"
    "last build into the same folder are skipped (see OUT/.sopdoc-cache.json).\n"
    "With --pdf each DOCX is also converted to PDF beside it by one LibreOffice process\n"
    "(exit code 4 when LibreOffice is missing or a file fails; the DOCX are still written)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("spec files or catalog folders"))
    parser.add_argument("-o", "--out", required=True, metavar="OUT", help=_("output folder"))
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=_("build in N processes (0: one per CPU)"),
    )
    parser.add_argument("--template", metavar="FILE", help=_("a restyled copy of sop-ap.docx"))
    parser.add_argument("--force", action="store_true", help=_("rebuild even unchanged SOPs"))
    bar = parser.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help=_("show a progress bar (default: on a terminal)"),
    )
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print only errors"))
    parser.add_argument(
        "--strict",
        action="store_true",
        help=_("build nothing when lint finds an error (without it: a warning)"),
    )
    parser.add_argument(
        "--pdf",
        action="store_true",
        help=_(
            "also convert each DOCX to PDF beside it, in one LibreOffice process "
            "(--jobs N: N of them side by side) "
            "(exit 4 when LibreOffice is missing or a file fails; the DOCX are still written)"
        ),
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=_("with --pdf: give up a file after this long (default {timeout:g})").format(
            timeout=DEFAULT_TIMEOUT
        ),
    )


def _lint_errors(args: argparse.Namespace) -> list[Finding]:
    """The lint findings of severity error (none when a spec does not load: build says so)."""
    from ..pemeriksaan import Severity, lint

    result = lint(args.paths)
    if result.load_errors:
        return []
    return [f for f in result.findings if f.severity is Severity.ERROR]


def _warn(errors: list[Finding], strict: bool) -> None:
    """Print the lint errors and what build does about them."""
    from ..pemeriksaan.report.text import line

    for f in errors:
        print(line(f), file=sys.stderr)
    if errors:
        text = (
            ngettext(
                "{n} lint error; nothing was built (--strict)",
                "{n} lint errors; nothing was built (--strict)",
                len(errors),
            )
            if strict
            else ngettext(
                "{n} lint error; the documents are built anyway (--strict refuses them)",
                "{n} lint errors; the documents are built anyway (--strict refuses them)",
                len(errors),
            )
        )
        print("sopdoc build: " + text.format(n=len(errors)), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.jobs < 0:
        raise SopdocError(_("--jobs must be 0 or more"))
    lint_errors = _lint_errors(args)
    if lint_errors and args.strict:
        _warn(lint_errors, strict=True)
        return 1
    jobs = args.jobs or (os.cpu_count() or 1)
    results = build_paths(
        args.paths,
        args.out,
        jobs=jobs,
        template=args.template,
        force=args.force,
        progress=progress_stream(args.progress),
    )
    _warn(lint_errors, strict=False)  # after the build: a spec that cannot build says only that
    built = sum(1 for r in results if r.built)
    if not args.quiet:
        for r in results:
            if r.built:
                print(_("wrote {path}").format(path=r.path))
        print(
            _("{built} built, {unchanged} unchanged, in {out}").format(
                built=built, unchanged=len(results) - built, out=args.out
            )
        )
    if args.pdf:
        return _pdf(results, args, jobs)
    return 0


def _pdf(results: list[BuildResult], args: argparse.Namespace, jobs: int) -> int:
    """Convert the DOCX of the build to PDF (``jobs`` LibreOffice processes); exit 4 if
    LibreOffice is missing or a file fails."""
    try:
        converted = convert_built(results, force=args.force, timeout=args.timeout, workers=jobs)
    except LibreOfficeMissing as exc:
        print(f"sopdoc: error: {exc}", file=sys.stderr)
        print(
            "sopdoc: "
            + _("the DOCX files were written to {out}; no PDF was made").format(out=args.out),
            file=sys.stderr,
        )
        return EXIT_PDF
    failed = [r for r in converted if not r.ok]
    for r in converted:
        if r.ok and not args.quiet:
            print(_("wrote {path} ({pages} pages)").format(path=r.job.pdf, pages=r.pages))
    for r in failed:
        print(
            f"{r.job.docx}: error: " + _("no PDF: {reason}").format(reason=r.error), file=sys.stderr
        )
    if not args.quiet:
        made, unchanged = len(converted) - len(failed), len(results) - len(converted)
        print(
            _("{made} PDF(s) written, {failed} failed, {unchanged} unchanged").format(
                made=made, failed=len(failed), unchanged=unchanged
            )
        )
    return EXIT_PDF if failed else 0
