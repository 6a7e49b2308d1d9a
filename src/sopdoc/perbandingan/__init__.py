"""Semantic diff of two SOP revisions, and applying a change list back.

perbandingan = sopdoc.diff(old, new)
for perubahan in perbandingan:
    ...
"""

from __future__ import annotations

from .apply import apply
from .engine import diff
from .model import Perbandingan, Perubahan

__all__ = ["Perbandingan", "Perubahan", "apply", "diff"]
