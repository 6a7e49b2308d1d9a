"""The ``sopdoc lint`` command (its user-facing text: ``HELP`` and ``DESCRIPTION``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import SopdocError
from ..fileio import write_atomic
from ..i18n import N_, _, ngettext
from ..pemeriksaan.baseline import read_baseline, write_baseline
from ..pemeriksaan.config import LintConfig
from ..pemeriksaan.core import FAMILIES, Severity, all_rules
from ..pemeriksaan.docs import explain, rule_summary
from ..pemeriksaan.report import FORMATS, render
from ..pemeriksaan.runner import check_loaded, resolve_config
from ..spec import load_paths
from . import format_error

DESCRIPTION = N_(
    "Check specs and catalogs: every finding with a rule code, severity, file:line:col and path.\n"
    "\n"
    "PATH is a spec file or a catalog folder. Configuration comes from\n"
    "pyproject.toml ([tool.sopdoc.lint]), the lint: key of the catalog's\n"
    "sopdoc.yaml, then these options. Silence one value with a comment on its line:\n"
    '"# sopdoc: ignore[CODE] reason". Exit codes: 0 no finding at or above the\n'
    "fail level, 1 such findings, 2 usage, configuration or load errors (the specs\n"
    "that load are still checked and reported)."
)


def _codes(values: list[str] | None) -> list[str]:
    return [c.strip().upper() for v in values or [] for c in v.split(",") if c.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help=_("spec files or catalog folders"))
    parser.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help=_("report format (default text)")
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write the report to FILE"))
    parser.add_argument(
        "--select", action="append", metavar="CODES", help=_("only these codes/prefixes (A,N101)")
    )
    parser.add_argument(
        "--ignore", action="append", metavar="CODES", help=_("skip these codes/prefixes")
    )
    parser.add_argument(
        "--fail-level",
        choices=[s.value for s in Severity],
        help=_("exit 1 on findings at or above this severity (default warning)"),
    )
    parser.add_argument("--baseline", metavar="FILE", help=_("hide the findings recorded in FILE"))
    parser.add_argument(
        "--write-baseline", metavar="FILE", help=_("record every current finding in FILE, exit 0")
    )
    parser.add_argument("--explain", metavar="CODE", help=_("print the documentation of a rule"))
    parser.add_argument("--list-rules", action="store_true", help=_("list every rule"))


def run(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.list_rules:
        family = ""
        for r in rules.values():
            if r.family != family:
                family = r.family
                print(f"{family}: {_(FAMILIES.get(family, family))}")
            print(f"  {r.code}  {r.severity.value:<7}  {r.name}: {rule_summary(r)}")
        return 0
    if args.explain:
        code = args.explain.strip().upper()
        if code not in rules:
            print(
                "sopdoc lint: " + _("no rule {code} (see --list-rules)").format(code=code),
                file=sys.stderr,
            )
            return 2
        sys.stdout.write(explain(rules[code]))
        return 0
    if not args.paths:
        print("sopdoc lint: " + _("name at least one spec file or catalog folder"), file=sys.stderr)
        return 2
    override = LintConfig(ignore=_codes(args.ignore))
    keys: set[str] = set()
    if args.select:
        override.select = _codes(args.select)
        keys.add("select")
    if args.fail_level:
        override.fail_level = Severity.parse(args.fail_level)
        keys.add("fail_level")
    baseline = read_baseline(Path(args.baseline)) if args.baseline else None
    loaded = load_paths(args.paths)
    config = resolve_config(Path(args.paths[0]), loaded.pengaturan, override, keys)
    result = check_loaded(loaded, config, baseline=baseline)
    for err in result.load_errors:
        print(format_error(err), file=sys.stderr)
    if args.write_baseline:
        n = write_baseline(result.findings, Path(args.write_baseline))
        print(
            ngettext(
                "{n} finding recorded in baseline {file}",
                "{n} findings recorded in baseline {file}",
                n,
            ).format(n=n, file=args.write_baseline),
            file=sys.stderr,
        )
        return 2 if result.load_errors else 0
    text = render(result, args.format)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return result.exit_code()


__all__ = ["SopdocError", "add_arguments", "run"]
