"""The ``sopdoc schema`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse
import json
import sys

from ..fileio import write_atomic
from ..i18n import N_, _
from ..schema import json_schema, rekaman_json_schema, settings_json_schema

DESCRIPTION = N_(
    "Print the JSON Schema of a spec (or of the catalog settings file).\n"
    "\n"
    "Point your editor at it for completion and checking while typing: with the\n"
    "YAML extension (yaml-language-server), the first line of a spec\n"
    "\n"
    "    # yaml-language-server: $schema=../../docs/sopdoc.schema.json\n"
    "\n"
    "binds the file to the schema written by ``sopdoc schema -o docs/sopdoc.schema.json``."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--settings",
        action="store_true",
        help=_("the schema of the catalog settings (sopdoc.yaml)"),
    )
    parser.add_argument(
        "--rekaman",
        choices=["monitoring", "evaluasi"],
        help=_("the schema of a monitoring or evaluation record"),
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE instead of stdout"))


def run(args: argparse.Namespace) -> int:
    if args.rekaman:
        schema = rekaman_json_schema(args.rekaman)
    else:
        schema = settings_json_schema() if args.settings else json_schema()
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
