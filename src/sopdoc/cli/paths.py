"""Turning command-line PATH arguments into loaded SOPs."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Sop
from ..spec import load_paths


def load_all(paths: Sequence[str]) -> list[Sop]:
    """Load every spec file and catalog folder named; all errors raised together."""
    loaded = load_paths(paths)
    loaded.raise_errors()
    return loaded.sops
