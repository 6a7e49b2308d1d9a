"""Positions in a spec file and the errors that point at them."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple


class Location(NamedTuple):
    """A place in a source file; ``line`` and ``column`` count from 1.

    Immutable, hashable and ordered by file, line, column. A named tuple rather
    than a dataclass: a spec records one per value, and a tuple is built several
    times faster (loading a catalog makes hundreds of thousands).
    """

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class SpecError:
    """One problem in one spec file, at one place."""

    location: Location
    message: str
    path: str = ""  # spec path of the value, e.g. ``kegiatan[3].waktu``

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.location}: {self.message}{where}"


class SopdocError(Exception):
    """Base class of every error sopdoc raises on purpose."""


class SpecLoadError(SopdocError):
    """A spec (or a catalog) could not be loaded; ``errors`` lists every problem found."""

    def __init__(self, errors: Iterable[SpecError]):
        # duplicates dropped, then a stable sort: same place keeps the order found
        self.errors: list[SpecError] = sorted(
            dict.fromkeys(errors),
            key=lambda e: (e.location.file, e.location.line, e.location.column),
        )
        super().__init__("\n".join(str(e) for e in self.errors))


def format_path(path: tuple[str | int, ...]) -> str:
    """Render a 0-based path tuple as ``kegiatan[4].output``.

    List indexes are shown 1-based, the way the document numbers its steps and
    its dasar hukum, so ``kegiatan[4]`` is the step printed as No. 4.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name as users typed it: relative to the working directory when possible."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(_resolved_cwd(os.getcwd())))
    except (ValueError, OSError):  # elsewhere, or a name the system refuses (a NUL byte)
        return str(p)


@functools.lru_cache(maxsize=8)
def _resolved_cwd(cwd: str) -> Path:
    return Path(cwd).resolve()
