"""Turning command-line PATH arguments into loaded SOPs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import Location, SpecError, SpecLoadError, display_path
from ..model import Sop
from ..spec import load, load_catalog


def load_paths(paths: Sequence[str]) -> list[Sop]:
    """Load every spec file and catalog folder named; all errors raised together."""
    sops: list[Sop] = []
    errors: list[SpecError] = []
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                sops.extend(load_catalog(path).sops)
            elif path.exists():
                sops.append(load(path))
            else:
                errors.append(SpecError(Location(display_path(path)), "no such file or folder"))
        except SpecLoadError as exc:
            errors.extend(exc.errors)
    if errors:
        raise SpecLoadError(errors)
    return sops
