"""Batch builds: one DOCX per SOP into an output folder, skipping what has not changed.

Files are named from the nomor (never a path that leaves the folder), written
atomically, and rebuilt only when the content hash of the spec, its settings,
the template and sopdoc's version changes (kept in ``OUT/.sopdoc-cache.json``).
``post`` lets a later step (PDF conversion) work on the files written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import __version__
from .docx import build_docx, default_template, write_atomic
from .errors import SpecError, SpecLoadError
from .model import Sop

CACHE_FILE = ".sopdoc-cache.json"
LAYOUT_VERSION = "1"
"""Bump when the drawing changes in a way the package version does not show."""

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def output_name(nomor: str, taken: set[str] | None = None) -> str:
    """A safe file name (``.docx``) from a nomor: letters, digits, '-' and '_' only.

    'PK. KEC. KBS / 010 / I / 2024' -> 'PK-KEC-KBS-010-I-2024.docx'. A name in
    ``taken`` gets a '-2', '-3', ... suffix; ``taken`` is updated.
    """
    stem = _UNSAFE.sub("-", nomor).strip("-_")[:120].strip("-_") or "sop"
    name = f"{stem}.docx"
    if taken is not None:
        n = 2
        while name.lower() in taken:
            name = f"{stem}-{n}.docx"
            n += 1
        taken.add(name.lower())
    return name


def _file_digest(path: str | os.PathLike[str] | None) -> str:
    if not path or not Path(path).is_file():
        return ""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def content_hash(sop: Sop, template_digest: str) -> str:
    """What the DOCX of ``sop`` depends on: spec and settings values, logo, template, sopdoc."""
    data = sop.model_dump(mode="json")
    parts = {
        "spec": data,
        "logo": _file_digest(sop.logo),
        "template": template_digest,
        "sopdoc": __version__,
        "layout": LAYOUT_VERSION,
        "epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
    }
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BuildResult:
    """One SOP of a batch: where its DOCX is and whether it was written this time."""

    sop: Sop
    path: Path
    built: bool


class Progress:
    """A one-line progress bar on a terminal stream."""

    def __init__(self, total: int, stream: TextIO, width: int = 30):
        self.total, self.stream, self.width, self.done = total, stream, width, 0

    def step(self, name: str) -> None:
        self.done += 1
        filled = self.width * self.done // max(1, self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {name[:40]:<40}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def _build_one(sop: Sop, path: Path, template: str | None) -> list[SpecError]:
    """Build one file; spec errors come back as a value (they cross process boundaries)."""
    try:
        build_docx(sop, path, template=template)
    except SpecLoadError as exc:
        return exc.errors
    return []


def _read_cache(out: Path) -> dict[str, str]:
    try:
        data = json.loads((out / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def build_all(
    sops: Sequence[Sop],
    out: str | os.PathLike[str],
    *,
    jobs: int = 1,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
    progress: TextIO | None = None,
    post: Callable[[list[BuildResult]], None] | None = None,
) -> list[BuildResult]:
    """Write one DOCX per SOP into ``out``; unchanged SOPs are not rebuilt.

    Every SOP is tried; the spec errors of all that failed are raised together
    (as :class:`SpecLoadError`) after the others are written.

    ``jobs`` > 1 builds in that many processes. ``progress``: a stream for a
    progress bar. ``post`` is called with every result (built or not) once all
    are written, e.g. to convert them to PDF.
    """
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    tpl = str(template) if template else None
    tpl_digest = _file_digest(tpl or default_template())
    cache = {} if force else _read_cache(out_dir)
    taken: set[str] = set()
    plan: list[tuple[Sop, Path, str, bool]] = []
    for sop in sops:
        path = out_dir / output_name(sop.nomor, taken)
        digest = content_hash(sop, tpl_digest)
        fresh = cache.get(path.name) == digest and path.is_file()
        plan.append((sop, path, digest, not fresh))
    bar = Progress(len(plan), progress) if progress is not None and plan else None
    new_cache = dict(cache)
    errors: list[SpecError] = []
    failed: set[Path] = set()

    def done(path: Path, digest: str, problems: list[SpecError]) -> None:
        if problems:
            errors.extend(problems)
            failed.add(path)
            new_cache.pop(path.name, None)
        else:
            new_cache[path.name] = digest
        if bar:
            bar.step(path.name)

    todo = [(sop, path, digest) for sop, path, digest, needed in plan if needed]
    for _sop, path, _digest, needed in plan:
        if not needed and bar:
            bar.step(path.name)
    try:
        if jobs > 1 and len(todo) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = {
                    pool.submit(_build_one, sop, path, tpl): (path, digest)
                    for sop, path, digest in todo
                }
                for fut in as_completed(futures):
                    path, digest = futures[fut]
                    done(path, digest, fut.result())
        else:
            for sop, path, digest in todo:
                done(path, digest, _build_one(sop, path, tpl))
    finally:
        payload = json.dumps(new_cache, indent=1, sort_keys=True) + "\n"
        write_atomic(out_dir / CACHE_FILE, payload.encode("utf-8"))
    if errors:
        raise SpecLoadError(errors)
    results = [BuildResult(sop, path, needed) for sop, path, _d, needed in plan]
    if post is not None:
        post(results)
    return results


def progress_stream(flag: bool | None, stream: TextIO = sys.stderr) -> TextIO | None:
    """The stream for a progress bar: forced on/off by ``flag``, else only on a terminal."""
    if flag is None:
        return stream if stream.isatty() else None
    return stream if flag else None


def iter_built(results: Iterable[BuildResult]) -> Iterable[BuildResult]:
    return (r for r in results if r.built)
