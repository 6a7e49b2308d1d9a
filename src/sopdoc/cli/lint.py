"""Check specs and catalogs: every finding with a rule code, severity, file:line:col and path.

PATH is a spec file or a catalog folder. Configuration comes from
pyproject.toml ([tool.sopdoc.lint]), the lint: key of the catalog's
sopdoc.yaml, then these options. Silence one value with a comment on its line:
"# sopdoc: ignore[CODE] reason". Exit codes: 0 no finding at or above the
fail level, 1 such findings, 2 usage, configuration or load errors (the specs
that load are still checked and reported).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import SopdocError
from ..fileio import write_atomic
from ..pemeriksaan.baseline import read_baseline, write_baseline
from ..pemeriksaan.config import LintConfig
from ..pemeriksaan.core import FAMILIES, Severity, all_rules
from ..pemeriksaan.docs import explain
from ..pemeriksaan.report import FORMATS, render
from ..pemeriksaan.runner import check_loaded, resolve_config
from ..spec import load_paths

HELP = "check specs: findings with rule code, severity, file:line:col (exit 1 on findings)"


def _codes(values: list[str] | None) -> list[str]:
    return [c.strip().upper() for v in values or [] for c in v.split(",") if c.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="spec files or catalog folders")
    parser.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="report format (default text)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    parser.add_argument(
        "--select", action="append", metavar="CODES", help="only these codes/prefixes (A,N101)"
    )
    parser.add_argument(
        "--ignore", action="append", metavar="CODES", help="skip these codes/prefixes"
    )
    parser.add_argument(
        "--fail-level",
        choices=[s.value for s in Severity],
        help="exit 1 on findings at or above this severity (default warning)",
    )
    parser.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE")
    parser.add_argument(
        "--write-baseline", metavar="FILE", help="record every current finding in FILE, exit 0"
    )
    parser.add_argument("--explain", metavar="CODE", help="print the documentation of a rule")
    parser.add_argument("--list-rules", action="store_true", help="list every rule")


def run(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.list_rules:
        family = ""
        for r in rules.values():
            if r.family != family:
                family = r.family
                print(f"{family}: {FAMILIES.get(family, family)}")
            print(f"  {r.code}  {r.severity.value:<7}  {r.name}: {r.summary}")
        return 0
    if args.explain:
        code = args.explain.strip().upper()
        if code not in rules:
            print(f"sopdoc lint: no rule {code} (see --list-rules)", file=sys.stderr)
            return 2
        sys.stdout.write(explain(rules[code]))
        return 0
    if not args.paths:
        print("sopdoc lint: name at least one spec file or catalog folder", file=sys.stderr)
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
        where = f" ({err.path})" if err.path else ""
        print(f"{err.location}: error: {err.message}{where}", file=sys.stderr)
    if args.write_baseline:
        n = write_baseline(result.findings, Path(args.write_baseline))
        print(f"{n} temuan dicatat di baseline {args.write_baseline}", file=sys.stderr)
        return 2 if result.load_errors else 0
    text = render(result, args.format)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return result.exit_code()


__all__ = ["HELP", "SopdocError", "add_arguments", "run"]
