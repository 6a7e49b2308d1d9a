"""The ``sopdoc validate`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse

from ..i18n import N_, _, ngettext
from .paths import load_all

HELP = N_("load specs and report schema errors with file:line:column")
DESCRIPTION = N_(
    "Load specs and report every schema error (file:line:column); exit 0 when all load.\n"
    "\n"
    "PATH is a spec file or a catalog folder (every *.yaml below it, with the\n"
    "catalog settings of sopdoc.yaml merged in). Exit codes: 0 all specs load,\n"
    "2 a spec has errors."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("spec files or catalog folders"))
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print nothing when all load"))


def run(args: argparse.Namespace) -> int:
    sops = load_all(args.paths)
    if not args.quiet:
        for sop in sops:
            print(
                _("{file}: ok: {nomor} — {nama} ({n} kegiatan)").format(
                    file=sop.sumber, nomor=sop.nomor, nama=sop.nama, n=len(sop.kegiatan)
                )
            )
        print(
            ngettext(
                "{n} spec loaded without errors", "{n} specs loaded without errors", len(sops)
            ).format(n=len(sops))
        )
    return 0
