"""Record a revision in a spec: set tanggal.revisi and append to riwayat_revisi.

The file is edited in place; its comments and layout are kept. The generated
document shows the riwayat revisi. Example:

    sopdoc revise specs/x.yaml --note "Langkah 5 (verifikasi data) disisipkan"
"""

from __future__ import annotations

import argparse
from datetime import date

from ..errors import SopdocError
from ..revise import revise

HELP = "record a revision in a spec (tanggal revisi, riwayat revisi), keeping its comments"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2024-06-03"
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", metavar="SPEC", help="the spec file to revise, in place")
    parser.add_argument("--note", required=True, help="what changed and why (catatan)")
    parser.add_argument(
        "--tanggal", type=_date, metavar="YYYY-MM-DD", help="date of the revision (default: today)"
    )
    parser.add_argument("--nomor", help="revision number or label, if the office uses one")


def run(args: argparse.Namespace) -> int:
    sop = revise(args.spec, args.note, tanggal=args.tanggal, nomor=args.nomor)
    if sop.tanggal.revisi is None:  # pragma: no cover - revise always sets it
        raise SopdocError("tanggal revisi was not set")
    n = len(sop.riwayat_revisi)
    print(
        f"{args.spec}: tanggal revisi {sop.tanggal.revisi.isoformat()}; "
        f"riwayat revisi has {n} entr{'y' if n == 1 else 'ies'}"
    )
    return 0
