"""Checker configuration: which rules run, at which severity, with which options.

Sources, later ones winning: ``pyproject.toml`` (``[tool.sopdoc.lint]``, or the
same keys directly under ``[tool.sopdoc]``), the ``lint:`` key of each
catalog's ``sopdoc.yaml``, then the command line. Keys::

    select = ["A", "N101"]        # codes or prefixes; default: every rule
    ignore = ["W102"]             # codes or prefixes; the longest match wins
    fail-level = "warning"        # exit 1 on findings at or above this severity
    [tool.sopdoc.lint.severity]   # per-rule severity
    A102 = "warning"
    [tool.sopdoc.lint.options.W102]   # per-rule options (see --explain CODE)
    max_hari = 30
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SopdocError
from ..i18n import _
from .core import Rule, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_KEYS = {"select", "ignore", "severity", "fail-level", "fail_level", "options"}


class ConfigError(SopdocError):
    """The checker configuration is invalid (named with the file it came from)."""


@dataclass
class LintConfig:
    """Selection, severities, fail level and options of one run."""

    select: list[str] | None = None  # None: every rule
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_level: Severity = Severity.WARNING
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def enabled(self, rule: Rule) -> bool:
        """Whether ``rule`` runs: the longest selector matching its code decides."""
        selects = ["ALL"] if self.select is None else self.select
        best_sel = _longest_match(rule.code, selects)
        best_ign = _longest_match(rule.code, self.ignore)
        if best_sel < 0:
            return False
        return best_sel > best_ign

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.code, rule.severity)

    def merged(self, other: LintConfig, *, explicit: Iterable[str] = ()) -> LintConfig:
        """This config overlaid by ``other`` (``explicit``: the keys ``other`` really set)."""
        keys = set(explicit)
        return LintConfig(
            select=other.select if "select" in keys else self.select,
            ignore=[*self.ignore, *other.ignore],
            severity={**self.severity, **other.severity},
            fail_level=other.fail_level if "fail_level" in keys else self.fail_level,
            options={
                **self.options,
                **{k: {**self.options.get(k, {}), **v} for k, v in other.options.items()},
            },
        )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], origin: str) -> tuple[LintConfig, set[str]]:
        """Read a config mapping; returns it and the keys it set. ConfigError names ``origin``."""
        if not isinstance(data, Mapping):
            raise ConfigError(
                _("{origin}: lint configuration must be a mapping").format(origin=origin)
            )
        unknown = sorted(set(data) - _KEYS)
        if unknown:
            raise ConfigError(
                _(
                    "{origin}: unknown lint key(s) {keys}; allowed: select, ignore, severity, "
                    "fail-level, options"
                ).format(origin=origin, keys=", ".join(unknown))
            )
        cfg = cls()
        explicit: set[str] = set()
        if "select" in data:
            cfg.select = _codes(data["select"], origin, "select")
            explicit.add("select")
        if "ignore" in data:
            cfg.ignore = _codes(data["ignore"], origin, "ignore")
        sev = data.get("severity", {})
        if not isinstance(sev, Mapping):
            raise ConfigError(
                _("{origin}: 'severity' must map rule codes to error/warning/info").format(
                    origin=origin
                )
            )
        for code, level in sev.items():
            try:
                cfg.severity[str(code).upper()] = Severity.parse(level)
            except ValueError as exc:
                raise ConfigError(
                    _("{origin}: severity of {code}: {error}").format(
                        origin=origin, code=code, error=exc
                    )
                ) from None
        level = data.get("fail-level", data.get("fail_level"))
        if level is not None:
            try:
                cfg.fail_level = Severity.parse(level)
            except ValueError as exc:
                raise ConfigError(
                    _("{origin}: fail-level: {error}").format(origin=origin, error=exc)
                ) from None
            explicit.add("fail_level")
        opts = data.get("options", {})
        if not isinstance(opts, Mapping) or not all(isinstance(v, Mapping) for v in opts.values()):
            raise ConfigError(
                _("{origin}: 'options' must map rule codes to option tables").format(origin=origin)
            )
        cfg.options = {str(k).upper(): dict(v) for k, v in opts.items()}
        return cfg, explicit

    def check_codes(self, known: Mapping[str, Rule], origin: str = "configuration") -> None:
        """Refuse selectors and codes that match no rule (a typo would silently do nothing)."""
        for sel in [*(self.select or []), *self.ignore]:
            if sel != "ALL" and not any(code.startswith(sel) for code in known):
                raise ConfigError(
                    _("{origin}: '{code}' matches no rule (see --list-rules)").format(
                        origin=origin, code=sel
                    )
                )
        for code in [*self.severity, *self.options]:
            if code not in known:
                raise ConfigError(
                    _("{origin}: no rule {code} (see --list-rules)").format(
                        origin=origin, code=code
                    )
                )
        for code, opts in self.options.items():
            allowed = known[code].options
            for name in opts:
                if name not in allowed:
                    choices = ", ".join(sorted(allowed)) or "none"
                    raise ConfigError(
                        _(
                            "{origin}: rule {code} has no option '{name}' (options: {choices})"
                        ).format(origin=origin, code=code, name=name, choices=choices)
                    )


def _longest_match(code: str, selectors: Iterable[str]) -> int:
    best = -1
    for sel in selectors:
        if sel == "ALL":
            best = max(best, 0)
        elif code.startswith(sel):
            best = max(best, len(sel))
    return best


def _codes(value: Any, origin: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            _("{origin}: '{key}' must be a list of rule codes or prefixes").format(
                origin=origin, key=key
            )
        )
    return [v.strip().upper() for v in value if v.strip()]


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` that has a ``[tool.sopdoc]`` table."""
    from ..spec import folders_up

    folder = start.resolve()
    for current in folders_up(folder.parent if folder.is_file() else folder):
        candidate = current / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(
                    _("{path}: cannot read: {error}").format(path=candidate, error=exc)
                ) from None
            if "sopdoc" in data.get("tool", {}):
                return candidate
    return None


def from_pyproject(path: Path) -> tuple[LintConfig, set[str]]:
    """The lint configuration of a ``pyproject.toml``'s ``[tool.sopdoc]`` table."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(_("{path}: cannot read: {error}").format(path=path, error=exc)) from None
    table = data.get("tool", {}).get("sopdoc", {})
    if "lint" in table:
        return LintConfig.from_mapping(table["lint"], f"{path} [tool.sopdoc.lint]")
    own = {k: v for k, v in table.items() if k in _KEYS}
    return LintConfig.from_mapping(own, f"{path} [tool.sopdoc]")
