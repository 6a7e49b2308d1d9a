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

from .. import __version__
from ..errors import SopdocError, SpecError, SpecLoadError
from ..i18n import LANGUAGES, N_, _, ngettext, set_language
from . import argparse_i18n

COMMANDS = [
    "validate",
    "lint",
    "schema",
    "build",
    "book",
    "diff",
    "revise",
    "status",
    "formulir",
    "import",
    "site",
]
"""Subcommands in the order ``--help`` lists them; each is ``sopdoc.cli.<name>``."""

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
    return str(getattr(module, "DESCRIPTION", None) or getattr(module, "__doc__", None) or "-")


def build_parser() -> argparse.ArgumentParser:
    """The parser, its texts in the current language (see :func:`sopdoc.i18n.set_language`)."""
    argparse_i18n.install()
    parser = argparse.ArgumentParser(prog="sopdoc", description=_(DESCRIPTION))
    parser.add_argument(
        "--version",
        action="version",
        version=f"sopdoc {__version__}",
        help=_("show program's version number and exit"),
    )
    _add_lang(parser)
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{MODULES.get(name, name.replace('-', '_'))}")
        cmd = sub.add_parser(
            name,
            help=_(module.HELP),
            description=_(_description(module)),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _add_lang(cmd, default=argparse.SUPPRESS)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


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
    return f"{err.location}: error: {err.message}{where}"


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
    parser = build_parser()
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
