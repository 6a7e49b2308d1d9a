"""Reporters: a :class:`LintResult` rendered as text, json, sarif or github annotations."""

from __future__ import annotations

from collections.abc import Callable

from ..runner import LintResult
from . import github, json_report, sarif, text

FORMATS: dict[str, Callable[[LintResult], str]] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
}


def render(result: LintResult, fmt: str = "text") -> str:
    """The report of ``result`` in format ``fmt`` (one of :data:`FORMATS`)."""
    return FORMATS[fmt](result)


__all__ = ["FORMATS", "render"]
