"""GitHub Actions workflow commands: one ``::error file=…,line=…::`` annotation per finding."""

from __future__ import annotations

from ..core import Severity
from ..runner import LintResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult) -> str:
    out = []
    for e in result.load_errors:
        loc = e.location
        out.append(
            f"::error file={_prop(loc.file)},line={loc.line},col={loc.column},"
            f"title=sopdoc::{_data(e.message)}"
        )
    for f in result.findings:
        loc = f.location
        where = f" [{f.path}]" if f.path else ""
        out.append(
            f"::{_LEVEL[f.severity]} file={_prop(loc.file)},line={loc.line},col={loc.column},"
            f"title={_prop(f.code)}::{_data(f.message + where)}"
        )
    return "".join(line + "\n" for line in out)
