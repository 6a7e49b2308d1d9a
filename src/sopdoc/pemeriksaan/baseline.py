"""Baseline files: adopt the checker on a catalog with old findings, fail only on new ones.

``--write-baseline FILE`` records every current finding; ``--baseline FILE``
then hides the findings recorded there. A finding is keyed by its file, rule
code, spec path and a fingerprint of its message, not by its line: edits
elsewhere in the file that shift lines do not bring old findings back. The
fingerprint is of the Indonesian message whatever the language of the run
(``--lang en`` does not bring them back either). Each recorded entry hides one
finding (two identical findings need two entries).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePath

from ..errors import SopdocError
from ..fileio import write_atomic
from ..i18n import _
from .core import Finding

VERSION = 1

Key = tuple[str, str, str, str]


def fingerprint(message: str) -> str:
    return hashlib.sha256(" ".join(message.split()).encode("utf-8")).hexdigest()[:16]


def key(f: Finding) -> Key:
    text = f.baseline_text or f.message
    return (PurePath(f.location.file).as_posix(), f.code, f.path, fingerprint(text))


def write_baseline(findings: Iterable[Finding], target: Path) -> int:
    """Write the baseline of ``findings`` to ``target`` (atomically); returns the count."""
    entries = sorted(key(f) for f in findings)
    data = {
        "version": VERSION,
        "tool": "sopdoc lint",
        "findings": [
            {"file": k[0], "code": k[1], "path": k[2], "fingerprint": k[3]} for k in entries
        ],
    }
    write_atomic(target, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return len(entries)


def read_baseline(path: Path) -> Counter[Key]:
    """The entries of a baseline file; SopdocError when it is missing or not a baseline."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter(
            (str(e["file"]), str(e["code"]), str(e["path"]), str(e["fingerprint"])) for e in entries
        )
    except OSError as exc:
        raise SopdocError(
            _("{path}: cannot read baseline: {reason}").format(path=path, reason=exc.strerror)
        ) from None
    except (ValueError, KeyError, TypeError):
        raise SopdocError(
            _("{path}: not a sopdoc baseline file (write one with --write-baseline)").format(
                path=path
            )
        ) from None


def apply_baseline(findings: list[Finding], baseline: Counter[Key]) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many the baseline hid."""
    left = Counter(baseline)
    kept: list[Finding] = []
    hidden = 0
    for f in findings:
        k = key(f)
        if left[k] > 0:
            left[k] -= 1
            hidden += 1
        else:
            kept.append(f)
    return kept, hidden
