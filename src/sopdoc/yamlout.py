"""Writing an SOP back as a YAML spec (the inverse of ``sopdoc.load``)."""

from __future__ import annotations

import os
from typing import Any

import yaml

from .fileio import write_atomic
from .model import Sop

try:
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    _Dumper = yaml.SafeDumper


def to_data(sop: Sop) -> dict[str, Any]:
    """The spec as plain data, in the field order of the format, empty optionals left out."""
    return sop.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


def dumps(sop: Sop) -> str:
    """The SOP as YAML text that ``sopdoc.load`` reads back into an equal SOP."""
    data = to_data(sop)
    # every value is dumped as a plain JSON type; sort_keys=False keeps the form's order
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def dump(sop: Sop, path: str | os.PathLike[str]) -> None:
    """Write the SOP as a YAML spec, atomically (a temporary file renamed into place)."""
    write_atomic(path, dumps(sop))
