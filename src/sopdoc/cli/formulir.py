"""The ``sopdoc formulir`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import SopdocError
from ..i18n import N_, _
from ..model import Sop
from ..siklus import formulir
from ..siklus.rekaman import Evaluasi, Monitoring, load_rekaman
from .paths import load_all

DESCRIPTION = N_(
    "Write the documents of an SOP's life: monitoring and evaluation forms, Daftar SOP, lampiran.\n"
    "\n"
    "KIND is one of:\n"
    "  monitoring SPEC   the Formulir Monitoring, one row per step (blank, or --rekaman FILE)\n"
    "  evaluasi SPEC     the Formulir Evaluasi, the seven criteria of Permenpan RB 35/2012\n"
    "  daftar PATH...    the Daftar SOP of the specs and catalog folders named\n"
    "  lampiran PATH...  the lampiran of the Keputusan --penetapan NOMOR: the SOPs it legalises\n"
    "The output is a DOCX (-o FILE.docx); --pdf writes its PDF beside it (LibreOffice).\n"
    "Exit codes: 0 written, 2 bad input."
)
KINDS = ("monitoring", "evaluasi", "daftar", "lampiran")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("spec files or catalog folders"))
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=_("the DOCX to write")
    )
    parser.add_argument(
        "--rekaman",
        metavar="FILE",
        help=_("fill the form from this monitoring or evaluation record"),
    )
    parser.add_argument("--penetapan", metavar="NOMOR", help=_("lampiran: nomor of the Keputusan"))
    parser.add_argument("--pdf", action="store_true", help=_("also write the PDF beside it"))


def _satu(paths: list[str], kind: str) -> Sop:
    sops = load_all(paths)
    if len(sops) != 1:
        raise SopdocError(
            _("the {kind} form is for one SOP; {n} were named").format(kind=kind, n=len(sops))
        )
    return sops[0]


def _rekaman(path: str | None, sop: Sop, jenis: type[Monitoring] | type[Evaluasi]):
    if path is None:
        return None
    rekaman = load_rekaman(path)
    if not isinstance(rekaman, jenis):
        raise SopdocError(
            _("{file} is not a {kind} record (its name must end in .{kind}.yaml)").format(
                file=path, kind=jenis.model_fields["jenis"].default
            )
        )
    if "".join(rekaman.sop.split()).upper() != "".join(sop.nomor.split()).upper():
        raise SopdocError(
            _("{file} is a record of SOP {other}, not of {nomor}").format(
                file=path, other=rekaman.sop, nomor=sop.nomor
            )
        )
    return rekaman


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.suffix.lower() != ".docx":
        raise SopdocError(_("-o must name a .docx file (the PDF is written beside it)"))
    if args.kind == "monitoring":
        sop = _satu(args.paths, args.kind)
        formulir.formulir_monitoring(sop, out, _rekaman(args.rekaman, sop, Monitoring))
    elif args.kind == "evaluasi":
        sop = _satu(args.paths, args.kind)
        formulir.formulir_evaluasi(sop, out, _rekaman(args.rekaman, sop, Evaluasi))
    elif args.kind == "daftar":
        formulir.daftar_sop(load_all(args.paths), out)
    else:
        if not args.penetapan:
            raise SopdocError(_("lampiran needs --penetapan NOMOR (the nomor of the Keputusan)"))
        key = "".join(args.penetapan.split()).upper()
        sops = [
            s for s in load_all(args.paths)
            if s.penetapan and "".join(s.penetapan.nomor.split()).upper() == key
        ]  # fmt: skip
        if not sops:
            raise SopdocError(_("no SOP names the penetapan {nomor}").format(nomor=args.penetapan))
        formulir.lampiran_penetapan(sops, sops[0].penetapan, out, sops[0].disahkan_oleh)  # type: ignore[arg-type]
    print(_("written: {file}").format(file=out))
    if args.pdf:
        print(_("written: {file}").format(file=formulir.ke_pdf(out)))
    return 0
