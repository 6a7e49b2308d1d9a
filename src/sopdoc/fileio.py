"""Files in and out, safely: bounded reads of regular files, atomic writes, no leftovers.

* :func:`read_limited` reads at most a size limit, and only from a regular file: a
  FIFO, a device or a symlink to ``/dev/zero`` is refused before it is opened for
  reading, so it can neither hang a run nor fill the memory.
* :func:`write_atomic` writes through a ``.part`` file beside the target and renames
  it into place: a reader sees the old file or the whole new one. Its temporary
  files are named recognisably (``.NAME.sopdoc-PID-XXXX.part``) so that
  :func:`clean_stale_parts` can remove those a killed run left behind, and only
  those, never a file of a run still going.
* Faults of the environment (a read-only folder, a full disk, a vanished file) are
  raised as :class:`FileFault`, whose message names the path and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from .errors import SopdocError, display_path
from .i18n import _

PART_SUFFIX = ".part"
_PART = re.compile(r"^\..+\.sopdoc-(\d+)-[A-Za-z0-9_]+\.part$")
STALE_AFTER = 24 * 3600.0
"""A ``.part`` file of a live process older than this is left over too (a reused pid)."""


class FileFault(SopdocError, OSError):
    """A file could not be read or written because of the environment, not of sopdoc.

    Also an :class:`OSError`, so callers that handled the raw error still do.
    ``reason`` is the message without the path, for callers that name the file
    themselves (a spec's ``file:line:col: cannot read file: REASON``).
    """

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message

    def __str__(self) -> str:
        return str(self.args[0])


class FileTooBig(FileFault):
    """A file over its size limit; ``size`` is its size when known."""

    def __init__(self, message: str, reason: str | None = None, size: int | None = None) -> None:
        super().__init__(message, reason)
        self.size = size


def describe_os_error(exc: BaseException) -> str:
    """What went wrong, said for a user, with what to do about it."""
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("the disk is full; free some space and run again")
    if code == errno.EROFS:
        return _("the file system is read-only; choose another output folder")
    if code in (errno.EACCES, errno.EPERM):
        return _("permission denied; choose another folder or change its permissions")
    if code == errno.ENOENT:
        return _("{error}; was it moved or deleted?").format(
            error=getattr(exc, "strerror", None) or "No such file or directory"
        )
    if code == errno.ENAMETOOLONG:
        return _("the file name is too long")
    if isinstance(exc, ValueError):  # a NUL byte in the name
        return _("the file name contains a NUL character")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path``, refusing anything over ``limit`` bytes.

    Raises :class:`FileFault` naming the file when it is missing or unreadable, not
    a regular file (a folder, a FIFO, a device, a link to one), or too big.
    Never blocks on a FIFO and never reads more than ``limit + 1`` bytes.
    """
    name = shown(path)
    try:
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise _cannot_read(name, not_regular(before.st_mode))
        # O_NONBLOCK: should a FIFO be swapped in after the stat, opening it does not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileFault:
        raise
    except (OSError, ValueError) as exc:
        raise _cannot_read(name, describe_os_error(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _cannot_read(name, not_regular(info.st_mode))
        if info.st_size > limit:
            raise _too_big(name, limit, info.st_size)
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise _too_big(name, limit, None)
        return b"".join(chunks)
    except FileFault:
        raise
    except OSError as exc:
        raise _cannot_read(name, describe_os_error(exc)) from None
    finally:
        os.close(fd)


def shown(path: str | os.PathLike[str]) -> str:
    """A path as a message shows it: as the user typed it, control characters escaped."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", display_path(path))


def _cannot_read(name: str, reason: str) -> FileFault:
    return FileFault(_("cannot read {path}: {reason}").format(path=name, reason=reason), reason)


def _too_big(name: str, limit: int, size: int | None) -> FileTooBig:
    reason = _("it is larger than {limit} bytes; is it the right file?").format(limit=f"{limit:,}")
    return FileTooBig(
        _("cannot read {path}: {reason}").format(path=name, reason=reason), reason, size
    )


def not_regular(mode: int) -> str:
    """Why a path that is not a regular file is refused (``mode``: its ``st_mode``)."""
    if stat.S_ISDIR(mode):
        what = _("a folder")
    elif stat.S_ISFIFO(mode):
        what = _("a named pipe (FIFO)")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = _("a device")
    elif stat.S_ISSOCK(mode):
        what = _("a socket")
    else:
        what = _("a special file")
    return _("it is {what}, not a regular file; give a file").format(what=what)


def write_fault(path: str | os.PathLike[str], exc: BaseException) -> FileFault:
    """The :class:`FileFault` for a failed write of ``path``."""
    reason = describe_os_error(exc)
    return FileFault(
        _("cannot write {path}: {reason}").format(path=shown(path), reason=reason), reason
    )


def make_folder(folder: str | os.PathLike[str]) -> Path:
    """Create ``folder`` (and its parents); :class:`FileFault` when it cannot be."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise FileFault(
            _("{path} is not a folder; give a folder").format(path=shown(out))
        ) from None
    except (OSError, ValueError) as exc:
        reason = describe_os_error(exc)
        raise FileFault(
            _("cannot create {path}: {reason}").format(path=shown(out), reason=reason),
            reason,
        ) from None
    return out


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` (text is UTF-8) to ``path`` through a temporary file beside it.

    The temporary file is flushed to disk, given the permissions a plain write
    would give, then renamed into place; on any failure it is removed, so no
    half-written file is ever left at ``path`` or beside it. A failure of the
    environment (permissions, a full disk) is raised as :class:`FileFault`.
    """
    target = Path(path)
    make_folder(target.parent)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.sopdoc-{os.getpid()}-",
            suffix=PART_SUFFIX,
            dir=target.parent,
        )
    except OSError as exc:
        raise write_fault(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, FileFault):
            raise write_fault(target, exc) from None
        raise
    return target


def clean_stale_parts(folder: str | os.PathLike[str], now: float | None = None) -> list[Path]:
    """Remove the ``.part`` files a killed sopdoc run left in ``folder``; return them.

    Only files named by :func:`write_atomic` are touched, and only those of a
    process that is gone (or older than :data:`STALE_AFTER`): a build running
    beside this one keeps its own.
    """
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _PART.match(entry.name)
        if not m:
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            if old or not pid_alive(int(m.group(1))):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (on this machine)."""
    if pid <= 0:
        return False
    if pid == os.getpid() or os.name == "nt":  # Windows' os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by another user (or cannot tell: keep its files)
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
