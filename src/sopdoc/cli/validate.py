"""The ``sopdoc validate`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse

from ..errors import SpecLoadError
from ..i18n import N_, _, ngettext
from ..siklus.rekaman import load_rekaman_paths
from ..spec import load_paths

HELP = N_("load specs and report schema errors with file:line:column")
DESCRIPTION = N_(
    "Load specs and report every schema error (file:line:column); exit 0 when all load.\n"
    "\n"
    "PATH is a spec file or a catalog folder (every *.yaml below it, with the\n"
    "catalog settings of sopdoc.yaml merged in); monitoring and evaluation records\n"
    "(*.monitoring.yaml, *.evaluasi.yaml) named or found are checked too. Exit codes:\n"
    "0 all specs load, 2 a spec has errors."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("spec files or catalog folders"))
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print nothing when all load"))


def run(args: argparse.Namespace) -> int:
    loaded = load_paths(args.paths)
    rekaman = load_rekaman_paths(args.paths)  # monitoring and evaluation records
    if loaded.errors or rekaman.errors:
        raise SpecLoadError([*loaded.errors, *rekaman.errors])
    sops = loaded.sops
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
        n = sum(len(r) for r in rekaman.per_sop.values())
        if n:
            print(
                ngettext(
                    "{n} monitoring or evaluation record loaded without errors",
                    "{n} monitoring and evaluation records loaded without errors",
                    n,
                ).format(n=n)
            )
    return 0
