"""DOCX -> PDF through one running LibreOffice for a whole batch.

LibreOffice's own batch mode (``soffice --headless --convert-to pdf a.docx b.docx ...``)
converts every file of the list in one process, one after the other, and prints
``convert IN -> OUT`` after it has loaded each file and ``Error: source file could not
be loaded`` for a file it cannot open. Reading that output line by line tells which
file LibreOffice is on, which gives per-file results and a per-file timeout without
the UNO bridge (whose Python module cannot be imported from a virtualenv):

* a file that makes no progress for ``timeout`` seconds is reported as timed out, the
  process is killed and a fresh one goes on with the rest of the batch;
* a file LibreOffice cannot open, or that crashes it, is reported and the rest go on;
* when LibreOffice is stopped from outside (SIGKILL, SIGTERM, ...), the files already
  converted are kept and the rest are reported, not retried.

LibreOffice writes into a private temporary folder (with its own profile, so parallel
runs never share one); each PDF is checked whole (``%%EOF`` trailer, pypdf opens it in
strict mode, at least one page) before :func:`sopdoc.pdf.meta.finalize_pdf` moves it
into place, so the output folder never holds a half-written PDF.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..children import die_with_parent
from ..errors import SopdocError
from ..scratch import private_folder
from .meta import PdfMeta, finalize_pdf, pdf_whole

INSTALL_HINT = (
    "install it with: sudo apt-get install libreoffice-writer-nogui fonts-liberation "
    "(or run `make system` in the sopdoc source folder); on other systems install "
    "LibreOffice and put `soffice` on PATH, or set SOPDOC_SOFFICE to its path"
)

DEFAULT_TIMEOUT = 120.0
"""Seconds a single file may take (load + export) before it is given up."""

STARTUP_TIMEOUT = 90.0
"""Extra seconds LibreOffice may take to start (profile creation on the first run)."""

CHUNK = 200
"""Files per LibreOffice process: bounds the command line and the process's memory."""

_RESTART_EXIT = 81  # soffice.bin asks to be restarted after creating a fresh profile
_STOP_SIGNALS = {signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGHUP}
_CONVERT_LINE = re.compile(r"^convert .*?(\d{5})\.docx -> ")
_LOAD_ERROR = "Error: source file could not be loaded"


class LibreOfficeMissing(SopdocError):
    """No LibreOffice to convert with; the DOCX files are still written."""

    def __init__(self, detail: str = "LibreOffice (soffice) was not found") -> None:
        super().__init__(f"{detail}; PDFs need LibreOffice — {INSTALL_HINT}")


class PdfFailed(SopdocError):
    """A PDF could not be made (a conversion failed or timed out)."""


@dataclass(frozen=True)
class PdfJob:
    """One conversion: a DOCX in, a PDF out, the metadata to set on it."""

    docx: Path
    pdf: Path
    meta: PdfMeta | None = None


@dataclass
class PdfResult:
    """What became of one job: ``ok`` with its page count, or the ``error`` why not."""

    job: PdfJob
    ok: bool = False
    pages: int = 0
    error: str | None = None


@dataclass
class _Run:
    """One LibreOffice process over part of the batch (indexes into the job list)."""

    order: list[int]
    on_progress: Callable[[int], None] | None = None
    last_converted: int = -1  # position in ``order`` of the last 'convert' line
    load_failed: set[int] = field(default_factory=set)  # positions it could not open
    output: list[str] = field(default_factory=list)

    def on_line(self, line: str) -> None:
        self.output.append(line)
        match = _CONVERT_LINE.match(line)
        if match:
            index = int(match.group(1))
            if index in self.order:
                self.last_converted = self.order.index(index)
                if self.on_progress is not None:
                    self.on_progress(index)
        elif line.startswith(_LOAD_ERROR):
            after = max([self.last_converted, *self.load_failed])
            if after + 1 < len(self.order):
                self.load_failed.add(after + 1)


def find_soffice() -> str | None:
    """The LibreOffice program: ``$SOPDOC_SOFFICE``, else ``soffice`` on PATH, else the
    usual install places on macOS and Windows."""
    env = os.environ.get("SOPDOC_SOFFICE")
    if env:
        return env if Path(env).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = [
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
    ]
    return next((c for c in candidates if Path(c).is_file()), None)


def require_soffice(soffice: str | None = None) -> str:
    """``soffice`` if it exists, else :func:`find_soffice`; raises :class:`LibreOfficeMissing`."""
    exe = soffice or find_soffice()
    if exe is not None and Path(exe).is_file():
        return exe
    env = os.environ.get("SOPDOC_SOFFICE")
    if soffice:
        raise LibreOfficeMissing(f"LibreOffice was not found at {soffice}")
    if env:
        raise LibreOfficeMissing(f"SOPDOC_SOFFICE={env} is not a file")
    raise LibreOfficeMissing()


def office_binary(soffice: str) -> str:
    """The real office process behind a launcher script.

    On Linux ``soffice`` is a shell script that starts ``oosplash``, which starts
    ``soffice.bin``; running ``soffice.bin`` directly makes the process we start the
    one that converts, so its pid, exit status and timeout kill are exact.
    """
    real = Path(soffice).resolve()
    binary = real.with_name("soffice.bin")
    return str(binary) if binary.is_file() else soffice


def convert(
    jobs: Sequence[PdfJob],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    soffice: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[PdfResult], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    export_options: dict[str, bool | int | str] | None = None,
    workers: int = 1,
) -> list[PdfResult]:
    """Convert every job's DOCX to PDF through one LibreOffice process.

    Returns one result per job, in job order. ``on_start(pid)`` is called each time a
    LibreOffice process starts; ``on_result`` as each file is settled;
    ``on_progress(i)`` when LibreOffice has loaded job ``i`` and starts writing it.
    ``export_options`` are options of LibreOffice's PDF export filter, e.g.
    ``{"ExportBookmarksToPDFDestination": True}``. ``workers`` > 1 shares the batch
    among that many LibreOffice processes running side by side (each with its own
    profile), for machines with more than one core. Raises
    :class:`LibreOfficeMissing` when there is no LibreOffice at all.
    """
    exe = require_soffice(soffice)
    if not jobs:
        return []
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        return _convert(jobs, exe, timeout, on_start, on_result, on_progress, export_options)
    groups = [list(range(w, len(jobs), workers)) for w in range(workers)]

    def work(group: list[int]) -> list[PdfResult]:
        def progress(k: int) -> None:
            if on_progress is not None:
                on_progress(group[k])

        part = [jobs[i] for i in group]
        return _convert(part, exe, timeout, on_start, on_result, progress, export_options)

    merged: dict[int, PdfResult] = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        try:
            for group, part_results in zip(groups, pool.map(work, groups), strict=True):
                merged.update(zip(group, part_results, strict=True))
        except BaseException:  # stopped: the threads' LibreOffice processes stop too
            stop_all()
            raise
    return [merged[i] for i in range(len(jobs))]


def _convert(
    jobs: Sequence[PdfJob],
    exe: str,
    timeout: float,
    on_start: Callable[[int], None] | None,
    on_result: Callable[[PdfResult], None] | None,
    on_progress: Callable[[int], None] | None,
    export_options: dict[str, bool | int | str] | None,
) -> list[PdfResult]:
    """The batch through one LibreOffice process (restarted after a hang or a crash)."""
    results = {i: PdfResult(job) for i, job in enumerate(jobs)}
    with private_folder("pdf") as tmp:
        root = Path(tmp)
        indir, outdir = root / "in", root / "out"
        indir.mkdir()
        outdir.mkdir()
        pending: list[int] = []
        for i, job in enumerate(jobs):
            try:
                shutil.copyfile(job.docx, indir / f"{i:05d}.docx")
                pending.append(i)
            except OSError as exc:
                _settle(results[i], f"cannot read the DOCX: {exc.strerror or exc}", on_result)
        restarts = 0
        while pending:
            run = _Run(order=pending[:CHUNK], on_progress=on_progress)
            later = pending[CHUNK:]
            command = [
                office_binary(exe),
                f"-env:UserInstallation={(root / 'profile').as_uri()}",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                "--nolockcheck",
                "--convert-to",
                _filter(export_options),
                "--outdir",
                str(outdir),
                *[str(indir / f"{i:05d}.docx") for i in run.order],
            ]
            status, timed_out = _execute(command, run, timeout, on_start, root / "tmp")
            if status == _RESTART_EXIT and run.last_converted < 0 and restarts < 3:
                restarts += 1
                continue
            rest, stopped = _collect(
                run, jobs, results, outdir, status, timed_out, timeout, on_result
            )
            if stopped:
                for i in later:
                    _settle(results[i], f"not converted: {stopped} before reaching it", on_result)
                break
            pending = rest + later
    return [results[i] for i in range(len(jobs))]


def _filter(options: dict[str, bool | int | str] | None) -> str:
    """The ``--convert-to`` argument, with export options in LibreOffice's JSON form."""
    if not options:
        return "pdf:writer_pdf_Export"
    types = {bool: "boolean", int: "long", str: "string"}
    data = {
        key: {
            "type": types[type(value)],
            "value": str(value).lower() if isinstance(value, bool) else str(value),
        }
        for key, value in options.items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(data, separators=(",", ":"))


_live: set[subprocess.Popen[str]] = set()
_live_lock = threading.Lock()


def _execute(
    command: list[str],
    run: _Run,
    timeout: float,
    on_start: Callable[[int], None] | None,
    tmpdir: Path | None = None,
) -> tuple[int, bool]:
    """Run LibreOffice, feeding its output to ``run``; kill it when a file hangs.

    Returns the exit status (negative: the signal) and whether we killed it.
    """
    env = dict(os.environ)
    env.pop("SAL_USE_VCLPLUGIN", None)
    if tmpdir is not None:  # LibreOffice's own lu*.tmp files go with our private folder
        tmpdir.mkdir(exist_ok=True)
        env.update(TMPDIR=str(tmpdir), TMP=str(tmpdir), TEMP=str(tmpdir))
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        start_new_session=True,
        env=env,
        preexec_fn=die_with_parent if sys.platform.startswith("linux") else None,
    )
    with _live_lock:
        _live.add(proc)
    try:
        return _watch(proc, run, timeout, on_start)
    except BaseException:  # stopped (Ctrl-C, SIGTERM): LibreOffice stops too
        _kill(proc)
        proc.wait()
        raise
    finally:
        with _live_lock:
            _live.discard(proc)


def stop_all() -> None:
    """Kill every LibreOffice this process runs (the run is being stopped)."""
    with _live_lock:
        procs = list(_live)
    for proc in procs:
        _kill(proc)


def _watch(
    proc: subprocess.Popen[str],
    run: _Run,
    timeout: float,
    on_start: Callable[[int], None] | None,
) -> tuple[int, bool]:
    if on_start is not None:
        on_start(proc.pid)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout + STARTUP_TIMEOUT
    timed_out = False
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            timed_out = True
            _kill(proc)
            break
        if line is None:
            break
        run.on_line(line)
        deadline = time.monotonic() + timeout
    status = proc.wait()
    reader.join(timeout=5)
    return status, timed_out


def _kill(proc: subprocess.Popen[str]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()


def _collect(
    run: _Run,
    jobs: Sequence[PdfJob],
    results: dict[int, PdfResult],
    outdir: Path,
    status: int,
    timed_out: bool,
    timeout: float,
    on_result: Callable[[PdfResult], None] | None,
) -> tuple[list[int], str | None]:
    """Settle the files of one run; return the job indexes a new process should do, and
    why the whole batch must stop (LibreOffice stopped from outside), if it must."""
    whole: dict[int, int] = {}
    for pos, i in enumerate(run.order):
        pages = pdf_whole(outdir / f"{i:05d}.pdf")
        if pages and pos not in run.load_failed:
            whole[pos] = pages
    for pos, pages in whole.items():
        i = run.order[pos]
        try:
            finalize_pdf(outdir / f"{i:05d}.pdf", jobs[i].pdf, jobs[i].meta)
        except OSError as exc:
            _settle(results[i], f"cannot write the PDF: {exc.strerror or exc}", on_result)
            continue
        results[i].ok, results[i].pages = True, pages
        if on_result is not None:
            on_result(results[i])
    # The file LibreOffice was on when it stopped: the first one, from the last it
    # announced, that has no whole PDF.
    start = max(run.last_converted, 0)
    in_flight = next(
        (p for p in range(start, len(run.order)) if p not in whole and p not in run.load_failed),
        None,
    )
    detail = _last_error(run.output)
    for pos in sorted(run.load_failed):
        _settle(results[run.order[pos]], "LibreOffice could not open it", on_result)
    for pos in range(start):  # announced and passed, yet no whole PDF: the export failed
        if pos not in whole:
            _settle(results[run.order[pos]], f"LibreOffice made no PDF{detail}", on_result)
    if in_flight is None:
        return [], None
    rest = [run.order[p] for p in range(in_flight + 1, len(run.order)) if p not in whole]
    rest = [i for i in rest if not results[i].error]
    flight = results[run.order[in_flight]]
    if timed_out:
        _settle(flight, f"timed out after {timeout:g} s; LibreOffice was stopped", on_result)
        return rest, None
    if status == 0:
        # LibreOffice finished but left files without a PDF: each failed on its own.
        for pos in range(in_flight, len(run.order)):
            if pos not in whole:
                _settle(results[run.order[pos]], f"LibreOffice made no PDF{detail}", on_result)
        return [], None
    if status < 0 and -status in _STOP_SIGNALS:
        why = f"LibreOffice was stopped ({signal.Signals(-status).name})"
        _settle(flight, f"{why} while converting it", on_result)
        for i in rest:
            _settle(results[i], f"not converted: {why} before reaching it", on_result)
        return [], why
    how = f"signal {signal.Signals(-status).name}" if status < 0 else f"exit code {status}"
    _settle(flight, f"LibreOffice crashed ({how}) while converting it{detail}", on_result)
    return rest, None


def _last_error(output: list[str]) -> str:
    noise = ("convert ", "Warning: failed to launch javaldx", _LOAD_ERROR)
    useful = [line for line in output if line.strip() and not line.startswith(noise)]
    return f": {useful[-1].strip()}" if useful else ""


def _settle(result: PdfResult, error: str, on_result: Callable[[PdfResult], None] | None) -> None:
    if result.ok or result.error:
        return
    result.error = error
    if on_result is not None:
        on_result(result)


def summary(results: Sequence[PdfResult]) -> str:
    """One line: how many PDFs were made and how many failed."""
    ok = sum(r.ok for r in results)
    failed = len(results) - ok
    return f"{ok} PDF(s) written" + (f", {failed} failed" if failed else "")


if __name__ == "__main__":  # pragma: no cover - manual use: python -m sopdoc.pdf.convert
    done = convert([PdfJob(Path(a), Path(a).with_suffix(".pdf")) for a in sys.argv[1:]])
    for r in done:
        print(r.job.docx, "ok" if r.ok else r.error)
