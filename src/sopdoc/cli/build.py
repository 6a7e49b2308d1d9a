"""Write the official DOCX of each SOP (identity page, procedure table, swimlane flowchart).

Files are named from the nomor, written atomically and byte-for-byte
reproducibly; SOPs whose spec, settings and template did not change since the
last build into the same folder are skipped (see OUT/.sopdoc-cache.json).
"""

from __future__ import annotations

import argparse
import os

from ..build import build_paths, progress_stream
from ..errors import SopdocError

HELP = "write the DOCX of each SOP (identity page, procedure table, flowchart)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="spec files or catalog folders")
    parser.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder")
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="build in N processes (0: one per CPU)",
    )
    parser.add_argument("--template", metavar="FILE", help="a restyled copy of sop-ap.docx")
    parser.add_argument("--force", action="store_true", help="rebuild even unchanged SOPs")
    bar = parser.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar (default: on a terminal)",
    )
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")


def run(args: argparse.Namespace) -> int:
    if args.jobs < 0:
        raise SopdocError("--jobs must be 0 or more")
    jobs = args.jobs or (os.cpu_count() or 1)
    results = build_paths(
        args.paths,
        args.out,
        jobs=jobs,
        template=args.template,
        force=args.force,
        progress=progress_stream(args.progress),
    )
    built = sum(1 for r in results if r.built)
    if not args.quiet:
        for r in results:
            if r.built:
                print(f"wrote {r.path}")
        print(f"{built} built, {len(results) - built} unchanged, in {args.out}")
    return 0
