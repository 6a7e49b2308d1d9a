"""Private temporary folders that never outlive the run that made them.

``sopdoc-pdf-PID-XXXX``, ``sopdoc-book-PID-XXXX`` and ``sopdoc-render-PID-XXXX``
are made in the system's temporary folder and removed on every way out of the
``with`` block (an error, Ctrl-C, SIGTERM: the CLI turns it into an exit that
runs this cleanup). A run killed outright (SIGKILL, a power cut) cannot clean up
after itself, so every new one first removes the folders of runs that are gone:
the process id in the name tells whose a folder is.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .fileio import STALE_AFTER, pid_alive

_OURS = re.compile(r"^sopdoc-(?:pdf|book|render)-(?:(\d+)-)?[A-Za-z0-9_]+$")


@contextmanager
def private_folder(kind: str) -> Iterator[Path]:
    """A fresh folder ``sopdoc-KIND-PID-XXXX`` in the temporary folder, removed after use."""
    clean_stale()
    path = Path(tempfile.mkdtemp(prefix=f"sopdoc-{kind}-{os.getpid()}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def clean_stale(root: str | os.PathLike[str] | None = None) -> list[Path]:
    """Remove the temporary folders of sopdoc runs that are gone; return them.

    A folder is stale when the process named in it no longer runs, or (an old
    name without a process id, or a reused id) when it is older than a day.
    """
    folder = Path(root) if root is not None else Path(tempfile.gettempdir())
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _OURS.match(entry.name)
        if not m:
            continue
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            gone = m.group(1) is not None and not pid_alive(int(m.group(1)))
        except OSError:
            continue
        if old or gone:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed
