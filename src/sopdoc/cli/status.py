"""The ``sopdoc status`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse
import sys

from ..fileio import write_atomic
from ..i18n import N_, _
from ..siklus.jadwal import status
from ..siklus.laporan import FORMATS
from .tanggal import tanggal_iso

DESCRIPTION = N_(
    "Tell per SOP its status, tanggal efektif, last monitoring and evaluation, and what is due.\n"
    "\n"
    "PATH is a spec file or a catalog folder; monitoring and evaluation records\n"
    "(*.monitoring.yaml, *.evaluasi.yaml) are read from the same folders. An SOP in\n"
    "force is monitored every 6 and evaluated every 12 months unless the catalog's\n"
    "sopdoc.yaml sets tinjauan: {monitoring_bulan, evaluasi_bulan}. Exit codes: 0,\n"
    "1 with --fail-on overdue when a review is overdue, 2 when a spec or record does\n"
    "not load."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("spec files or catalog folders"))
    parser.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help=_("report format (default text)")
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write the report to FILE"))
    parser.add_argument(
        "--tanggal",
        type=tanggal_iso,
        metavar="YYYY-MM-DD",
        help=_("judge what is due on this day instead of today"),
    )
    parser.add_argument(
        "--fail-on",
        choices=["overdue"],
        help=_("exit 1 when a monitoring or evaluation is overdue (for a scheduled CI job)"),
    )


def run(args: argparse.Namespace) -> int:
    hasil = status(args.paths, hari=args.tanggal)
    for err in hasil.errors:
        where = f" ({err.path})" if err.path else ""
        print(
            _("{location}: error: {message}{where}").format(
                location=err.location, message=err.message, where=where
            ),
            file=sys.stderr,
        )
    text = FORMATS[args.format](hasil)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    if hasil.errors:
        return 2
    return 1 if args.fail_on == "overdue" and hasil.terlambat else 0
