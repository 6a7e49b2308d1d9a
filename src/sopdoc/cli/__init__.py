"""The ``sopdoc`` command line: one subcommand per job, each in its own module.

A command module defines ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int``. The CLI stays thin: parse, call the library, print.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from .. import __version__
from ..errors import SopdocError, SpecLoadError
from ..i18n import LANGUAGES, _, set_language

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
]
"""Subcommands in the order ``--help`` lists them; each is ``sopdoc.cli.<name>``."""

MODULES = {"import": "impor"}
"""Commands whose module has another name (``import`` is a Python keyword)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sopdoc",
        description="SOP Administrasi Pemerintahan (Permenpan RB 35/2012) from YAML specs: "
        "generate the documents, check the specs, compare revisions.",
    )
    parser.add_argument("--version", action="version", version=f"sopdoc {__version__}")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of messages (default: SOPDOC_LANG, else id)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{MODULES.get(name, name.replace('-', '_'))}")
        cmd = sub.add_parser(name, help=_(module.HELP), description=module.__doc__)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def print_load_errors(exc: SpecLoadError) -> None:
    """Print every load error as ``file:line:col: error: message (path)`` on stderr."""
    for err in exc.errors:
        where = f" ({err.path})" if err.path else ""
        print(f"{err.location}: error: {err.message}{where}", file=sys.stderr)
    files = {e.location.file for e in exc.errors}
    print(
        f"sopdoc: {len(exc.errors)} error(s) in {len(files)} file(s); nothing was written",
        file=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
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
        print("sopdoc: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so plainly, the traceback on request
        if os.environ.get("SOPDOC_DEBUG"):
            traceback.print_exc()
        print(
            f"sopdoc: internal error: {type(exc).__name__}: {exc}\n"
            "Please report it; set SOPDOC_DEBUG=1 to see the traceback.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
