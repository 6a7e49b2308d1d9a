"""Inline suppression: ``# sopdoc: ignore[A101] reason`` on the line of the value.

The comment silences the named codes for findings on that line only. A
reason is required; a suppression without one (L001), or one that silences
nothing (L002), is itself reported, so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import Location
from ..fileio import read_limited
from ..source import MAX_FILE_BYTES

_COMMENT = re.compile(
    r"#\s*sopdoc\s*:\s*(?:ignore|abaikan)\s*\[(?P<codes>[^\]]*)\]\s*(?P<reason>.*?)\s*$",
    re.IGNORECASE,
)


@dataclass
class Suppression:
    """One suppression comment."""

    location: Location
    codes: frozenset[str]
    reason: str
    used: set[str] = field(default_factory=set)


def scan_text(text: str, file: str) -> list[Suppression]:
    """Every suppression comment of a file's text."""
    if "sopdoc" not in text:
        return []
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        if "#" not in line:
            continue
        m = _COMMENT.search(line)
        if m is None:
            continue
        codes = frozenset(c.strip().upper() for c in m["codes"].split(",") if c.strip())
        reason = m["reason"].lstrip("-–—:; ").strip()
        found.append(Suppression(Location(file, n, m.start() + 1), codes, reason))
    return found


def scan_files(files: Iterable[str]) -> dict[str, list[Suppression]]:
    """Suppressions by file (files that cannot be read have none)."""
    out: dict[str, list[Suppression]] = {}
    for file in files:
        try:
            text = read_limited(file, MAX_FILE_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError):  # FileFault (a FIFO, too big) is an OSError
            continue
        found = scan_text(text, file)
        if found:
            out[file] = found
    return out
