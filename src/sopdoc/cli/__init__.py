"""The ``sopdoc`` command line: one subcommand per job, each in its own module.

A command module defines ``HELP`` (one line) and ``DESCRIPTION`` (its
``--help`` text), both marked with ``N_`` and shown translated,
``add_arguments(parser)`` and ``run(args) -> int``. The CLI stays thin:
parse, call the library, print. The language is chosen before the parser is
built (``--lang`` is looked for first), so every help text is in it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from ..errors import SopdocError, SpecError, SpecLoadError
from ..i18n import LANGUAGES, N_, _, ngettext, set_language
from . import argparse_i18n

COMMANDS = {
    "validate": N_("load specs and report schema errors with file:line:column"),
    "lint": N_(
        "check specs: findings with rule code, severity, file:line:col (exit 1 on findings)"
    ),
    "schema": N_("print the JSON Schema of a spec (for editor completion)"),
    "build": N_("write the DOCX of each SOP (identity page, procedure table, flowchart)"),
    "book": N_("bind a catalog into one PDF book with cover, contents and bookmarks"),
    "diff": N_(
        "show what changed between two revisions of an SOP (text, markdown, json, redline DOCX)"
    ),
    "revise": N_(
        "record a revision in a spec (tanggal revisi, riwayat revisi), keeping its comments"
    ),
    "status": N_("status of each SOP: in force, last monitoring and evaluation, what is due"),
    "formulir": N_("monitoring/evaluation forms, Daftar SOP and penetapan lampiran as DOCX/PDF"),
    "import": N_("import existing SOP documents (DOCX, PDF, e-SOP pages) as YAML specs"),
    "site": N_("build the static web site of a catalog: index, search, one page per SOP"),
}
"""Subcommands in the order ``--help`` lists them, with their one-line help; each is
``sopdoc.cli.<name>``, imported only when it is the command run (a fast ``--help``)."""

MODULES = {"import": "impor"}
"""Commands whose module has another name (``import`` is a Python keyword)."""


DESCRIPTION = N_(
    "SOP Administrasi Pemerintahan (Permenpan RB 35/2012) from YAML specs: "
    "generate the documents, check the specs, compare revisions."
)


def _add_lang(parser: argparse.ArgumentParser, **kwargs: object) -> None:
    """``--lang``, on the main parser and (so it may come anywhere) on every subcommand."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("language of messages: id or en (default: SOPDOC_LANG, else id)"),
        **kwargs,  # type: ignore[arg-type]
    )


def _description(module: object) -> str:
    """A command's ``--help`` text: its ``DESCRIPTION`` (its docstring until it has one)."""
    text = getattr(module, "DESCRIPTION", None) or getattr(module, "DESKRIPSI", None)
    return str(text or getattr(module, "__doc__", None) or "-")


def build_parser(command: str | None = "") -> argparse.ArgumentParser:
    """The parser, its texts in the current language (see :func:`sopdoc.i18n.set_language`).

    With ``command`` (the one being run, or None for none) only that command's
    module is imported; the others are listed with their help line. The
    default, "", builds every command.
    """
    argparse_i18n.install()
    parser = argparse.ArgumentParser(prog="sopdoc", description=_(DESCRIPTION))
    parser.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        help=_("show program's version number and exit"),
    )
    _add_lang(parser)
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for name, help_text in COMMANDS.items():
        if command != "" and name != command:
            sub.add_parser(name, help=_(help_text))  # listed; its options are not needed
            continue
        module = importlib.import_module(f"{__name__}.{MODULES.get(name, name.replace('-', '_'))}")
        cmd = sub.add_parser(
            name,
            help=_(help_text),
            description=_(_description(module)),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _add_lang(cmd, default=argparse.SUPPRESS)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from .. import __version__

        print(f"sopdoc {__version__}")
        parser.exit()


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word that is not an option), if any."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def print_load_errors(exc: SpecLoadError) -> None:
    """Print every load error as ``file:line:col: error: message (path)`` on stderr."""
    for err in exc.errors:
        print(format_error(err), file=sys.stderr)
    files = len({e.location.file for e in exc.errors})
    n = len(exc.errors)
    print(
        "sopdoc: "
        + ngettext(
            "{n} error in {files} file(s); nothing was written",
            "{n} errors in {files} file(s); nothing was written",
            n,
        ).format(n=n, files=files),
        file=sys.stderr,
    )


def format_error(err: SpecError) -> str:
    """``file:line:col: error: message (path)`` and, when known, the line with a caret."""
    where = f" ({err.path})" if err.path else ""
    excerpt = err.excerpt()
    return f"{err.location}: error: {err.message}{where}" + (f"\n{excerpt}" if excerpt else "")


def _language_in(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` (read before parsing: the help is built in it)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language_in(argv)
    set_language(lang if lang in LANGUAGES else None)
    parser = build_parser(_command_in(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args))
    except SpecLoadError as exc:
        print_load_errors(exc)
        return 2
    except SopdocError as exc:
        print(f"sopdoc: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sopdoc: " + _("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so plainly, the traceback on request
        if os.environ.get("SOPDOC_DEBUG"):
            traceback.print_exc()
        print(
            "sopdoc: "
            + _(
                "internal error: {kind}: {error}\n"
                "Please report it; set SOPDOC_DEBUG=1 to see the traceback."
            ).format(kind=type(exc).__name__, error=exc),
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
