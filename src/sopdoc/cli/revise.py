"""The ``sopdoc revise`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse

from ..errors import SopdocError
from ..i18n import N_, _, ngettext
from ..revise import revise
from .tanggal import tanggal_iso

DESCRIPTION = N_(
    "Record a revision in a spec: set tanggal.revisi and append to riwayat_revisi.\n"
    "\n"
    "The file is edited in place; its comments and layout are kept. The generated\n"
    "document shows the riwayat revisi. Example:\n"
    "\n"
    '    sopdoc revise specs/x.yaml --note "Langkah 5 (verifikasi data) disisipkan"\n'
    ""
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", metavar="SPEC", help=_("the spec file to revise, in place"))
    parser.add_argument("--note", required=True, help=_("what changed and why (catatan)"))
    parser.add_argument(
        "--tanggal",
        type=tanggal_iso,
        metavar="YYYY-MM-DD",
        help=_("date of the revision (default: today)"),
    )
    parser.add_argument("--nomor", help=_("revision number or label, if the office uses one"))


def run(args: argparse.Namespace) -> int:
    sop = revise(args.spec, args.note, tanggal=args.tanggal, nomor=args.nomor)
    if sop.tanggal.revisi is None:  # pragma: no cover - revise always sets it
        raise SopdocError(_("tanggal revisi was not set"))
    n = len(sop.riwayat_revisi)
    print(
        ngettext(
            "{spec}: tanggal revisi {tanggal}; riwayat revisi has {n} entry",
            "{spec}: tanggal revisi {tanggal}; riwayat revisi has {n} entries",
            n,
        ).format(spec=args.spec, tanggal=sop.tanggal.revisi.isoformat(), n=n)
    )
    return 0
