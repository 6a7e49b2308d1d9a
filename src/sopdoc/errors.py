"""Positions in a spec file and the errors that point at them."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
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
        if self.line <= 0:  # no position: a model built in code ("<Sop>")
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class SpecError:
    """One problem in one spec file, at one place."""

    location: Location
    message: str
    path: str = ""  # spec path of the value, e.g. ``kegiatan[3].waktu`` (lists from 1)
    source_line: str | None = field(default=None, compare=False)
    """The text of the line the error points at, when it is worth showing (YAML mistakes)."""
    kind: str = field(default="", compare=False)
    """What went wrong, for programs: pydantic's error type (``missing``, ``value_error``...)."""
    parts: tuple[str | int, ...] = field(default=(), compare=False)
    """The spec path as a tuple for programs, lists from 0: ``("kegiatan", 2, "waktu")``."""

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.location}: {self.message}{where}"

    def excerpt(self) -> str:
        """The line of the error and a caret under its column (empty without ``source_line``).

        ::

              3 |      pelaksana: camat
                |      ^
        """
        if self.source_line is None:
            return ""
        number = str(self.location.line)
        line = self.source_line.rstrip("\r\n")
        lead = "".join("\t" if c == "\t" else " " for c in line[: self.location.column - 1])
        return f"  {number} | {line}\n  {' ' * len(number)} | {lead}^"


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


def display_path(path: Path | str) -> str:
    """A file name as users typed it: relative to the working directory when possible."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(_resolved_cwd(os.getcwd())))
    except ValueError:
        return str(p)


@functools.lru_cache(maxsize=8)
def _resolved_cwd(cwd: str) -> Path:
    return Path(cwd).resolve()
