"""Child processes (build workers, LibreOffice) that do not outlive a killed sopdoc.

On Linux the kernel sends a signal to a process whose parent dies when the child
asks for it with ``prctl(PR_SET_PDEATHSIG)``; a killed ``sopdoc build --jobs 2``
then takes its workers and its LibreOffice with it instead of leaving them to
finish (and write) on their own. Elsewhere these functions do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def _load_prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl
    except (OSError, AttributeError):
        return None


_prctl = _load_prctl()  # resolved once, in the parent: the child only calls it


def die_with_parent(parent: int | None = None) -> None:
    """Ask to be killed when the parent process dies (Linux); exit now if it is gone.

    Called first thing in a child: as a ``ProcessPoolExecutor`` initializer (with the
    parent's pid) or as ``preexec_fn`` of a subprocess.
    """
    if _prctl is None:
        return
    _prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if parent is not None and os.getppid() != parent:  # died before we asked
        os._exit(1)
