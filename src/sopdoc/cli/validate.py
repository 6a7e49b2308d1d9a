"""The ``sopdoc validate`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse

from ..errors import SpecLoadError
from ..i18n import N_, _, ngettext

DESCRIPTION = N_(
    "Load specs and report every schema error (file:line:column); exit 0 when all load.\n"
    "\n"
    "PATH is a spec file or a catalog folder (every *.yaml below it, with the\n"
    "catalog settings of sopdoc.yaml merged in); monitoring and evaluation records\n"
    "(*.monitoring.yaml, *.evaluasi.yaml) named or found are checked too. Exit codes:\n"
    "0 all specs load, 2 a spec has errors. A spec loads when build can make its\n"
    "documents: lanes, jika_tidak targets and rows that fit a page are checked too."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("spec files or catalog folders"))
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print nothing when all load"))


def run(args: argparse.Namespace) -> int:
    from ..bangun import build_problems
    from ..siklus.rekaman import load_rekaman_paths
    from ..spec import load_paths

    loaded = load_paths(args.paths)
    rekaman = load_rekaman_paths(args.paths)  # monitoring and evaluation records
    # what build would refuse is an error here too (validate = build)
    unbuildable = [e for sop in loaded.sops for e in build_problems(sop)]
    if loaded.errors or rekaman.errors or unbuildable:
        raise SpecLoadError([*loaded.errors, *rekaman.errors, *unbuildable])
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
