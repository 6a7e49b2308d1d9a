"""The ``sopdoc diff`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import Location, SopdocError, SpecError, SpecLoadError, display_path
from ..fileio import write_atomic
from ..i18n import N_, _
from ..model import Sop
from ..perbandingan.engine import diff
from ..perbandingan.gitrev import diff_catalog, is_revision, load_at
from ..perbandingan.model import Perbandingan, PerbandinganKatalog
from ..perbandingan.render_markdown import render_catalog_markdown, render_markdown
from ..perbandingan.render_text import render_catalog_text, render_text
from ..spec import load

DESCRIPTION = N_(
    "Show what changed between two revisions of an SOP: identity, sections, lanes, steps.\n"
    "\n"
    "OLD and NEW are spec files, or OLD is a git revision: `sopdoc diff HEAD~1\n"
    "specs/x.yaml` compares x.yaml at HEAD~1 with the file as it is now (and\n"
    "`REV:path` names a file at a revision explicitly). `sopdoc diff --git REV\n"
    "FOLDER...` compares every spec of the catalog folders at REV with the\n"
    "working tree: SOPs added, removed and changed. Steps are matched by id, then\n"
    "by content, so inserting one step reports one insertion.\n"
    "\n"
    "Formats: text (colored on a terminal), markdown (a pull-request comment),\n"
    "json (the typed change list). `--docx FILE` also writes the NEW document with\n"
    "the changes as Word tracked changes. Exit codes: 0 (1 with --exit-code when\n"
    "something changed), 2 bad input."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "specs",
        nargs="*",
        metavar="OLD NEW",
        help=_("two spec files, or a git revision and a spec file; with --git: catalog folders"),
    )
    parser.add_argument(
        "--git",
        metavar="REV",
        help=_("compare every spec of the catalog FOLDERs at REV with the working tree"),
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=["text", "markdown", "json"],
        default="text",
        help=_("output format"),
    )
    parser.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help=_("color the text output (auto: on a terminal, unless NO_COLOR is set)"),
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write the report to FILE"))
    parser.add_argument(
        "--docx",
        metavar="FILE",
        help=_("also write the NEW document with the changes as Word tracked changes"),
    )
    parser.add_argument(
        "--author",
        default="sopdoc",
        help=_("author of the tracked changes in the --docx redline (default: sopdoc)"),
    )
    parser.add_argument(
        "--exit-code", action="store_true", help=_("exit with 1 when something changed")
    )


def _side(arg: str, other: str | None) -> Sop:
    """A spec from a file, from REV:path, or (OLD only) ``other`` at revision ``arg``."""
    path = Path(arg)
    if path.is_file():
        return load(path)
    if ":" in arg and not path.exists():
        rev, _sep, file = arg.partition(":")
        if rev and file and is_revision(rev):
            return load_at(rev, file)
    if other is not None and not path.exists() and is_revision(arg):
        return load_at(arg, other)
    if path.is_dir():
        message = _("is a folder; compare a folder's specs with --git REV FOLDER")
    elif other is not None:
        message = _("no such file, and not a git revision")
    else:
        message = _("no such file")
    raise SpecLoadError([SpecError(Location(display_path(arg)), message)])


def _color(args: argparse.Namespace) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or args.output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _report(result: Perbandingan | PerbandinganKatalog, args: argparse.Namespace) -> str:
    if args.format == "json":
        return result.model_dump_json(indent=2) + "\n"
    if isinstance(result, PerbandinganKatalog):
        if args.format == "markdown":
            return render_catalog_markdown(result)
        return render_catalog_text(result, color=_color(args))
    if args.format == "markdown":
        return render_markdown(result)
    return render_text(result, color=_color(args))


def run(args: argparse.Namespace) -> int:
    result: Perbandingan | PerbandinganKatalog
    if args.git:
        if args.docx:
            raise SopdocError(_("--docx needs one OLD and one NEW spec, not --git"))
        if not args.specs:
            raise SopdocError(
                _("name the catalog folder(s) to compare, e.g. sopdoc diff --git main specs/")
            )
        folders = args.specs
        results = [diff_catalog(args.git, folder) for folder in folders]
        result = results[0]
        for extra in results[1:]:
            result.sop.extend(extra.sop)
        if len(folders) > 1:
            result.folder = ", ".join(r.folder for r in results)
    else:
        if len(args.specs) != 2:
            raise SopdocError(_("give OLD and NEW (two spec files, or a git revision and a spec)"))
        old_arg, new_arg = args.specs
        new = _side(new_arg, None)
        old = _side(old_arg, new_arg)
        sumber = (_label(old_arg, new_arg, old), display_path(new_arg))
        result = diff(old, new, sumber=sumber)
        if args.docx:
            from ..perbandingan.redline import write_redline

            write_redline(old, new, result, args.docx, author=args.author)
    text = _report(result, args)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    changed = not result.kosong
    return 1 if args.exit_code and changed else 0


def _label(old_arg: str, new_arg: str, old: Sop) -> str:
    if Path(old_arg).is_file():
        return display_path(old_arg)
    if ":" in old_arg and not Path(old_arg).exists():
        rev, _sep, file = old_arg.partition(":")
        return f"{rev}:{display_path(file)}"
    return f"{old_arg}:{display_path(new_arg)}"
