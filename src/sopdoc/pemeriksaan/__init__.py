"""The checker: ``sopdoc.lint(paths_or_sops)`` -> findings with code, severity and place.

Rules live one family per module under ``sopdoc.pemeriksaan.rules`` and register
themselves with :func:`rule`; see :mod:`sopdoc.pemeriksaan.core` for how to write one.
"""

from __future__ import annotations

from .config import ConfigError, LintConfig
from .core import (
    REGISTRY,
    Alur,
    Finding,
    LintContext,
    Problem,
    Rule,
    Severity,
    all_rules,
    rule,
)
from .runner import LintResult, RingkasanSop, lint

__all__ = [
    "REGISTRY",
    "Alur",
    "ConfigError",
    "Finding",
    "LintConfig",
    "LintContext",
    "LintResult",
    "Problem",
    "RingkasanSop",
    "Rule",
    "Severity",
    "all_rules",
    "lint",
    "rule",
]
