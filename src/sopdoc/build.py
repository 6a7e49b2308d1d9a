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
from typing import Any, TextIO

from . import __version__
from .docx import build_docx, default_template
from .errors import Location, SopdocError, SpecError, SpecLoadError, display_path
from .fileio import write_atomic
from .i18n import _
from .model import Sop
from .spec import load, settings_files, spec_files

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


def file_digest(path: str | os.PathLike[str] | None) -> str:
    if not path or not Path(path).is_file():
        return ""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def content_hash(sop: Sop, template_digest: str) -> str:
    """What the DOCX of ``sop`` depends on: spec and settings values, logo, template, sopdoc."""
    data = sop.model_dump(mode="json")
    parts = {
        "spec": data,
        "logo": file_digest(sop.logo),
        "template": template_digest,
        "sopdoc": __version__,
        "layout": LAYOUT_VERSION,
        "epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
    }
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BuildResult:
    """One SOP of a batch: where its DOCX is and whether it was written this time.

    ``sop`` is None for a spec that :func:`build_paths` skipped without loading it
    (its bytes, settings and template were those of the last build).
    """

    sop: Sop | None
    path: Path
    built: bool
    source: Path | None = None


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


Cache = dict[str, dict[str, Any]]


def _read_cache(out: Path) -> Cache:
    """``outputs``: file name -> content hash; ``inputs``: spec file -> its input key."""
    try:
        data = json.loads((out / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    return {
        key: dict(data[key]) if isinstance(data.get(key), dict) else {}
        for key in ("outputs", "inputs")
    }


def _write_cache(out: Path, cache: Cache) -> None:
    payload = json.dumps(cache, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomic(out / CACHE_FILE, payload.encode("utf-8"))


def _build(
    sops: Sequence[Sop],
    out_dir: Path,
    cache: Cache,
    *,
    jobs: int,
    template: str | None,
    force: bool,
    progress: TextIO | None,
    reserved: Iterable[str] = (),
    skipped: int = 0,
) -> list[BuildResult]:
    tpl_digest = file_digest(template or default_template())
    outputs = cache["outputs"]
    taken = {name.lower() for name in reserved}
    plan: list[tuple[Sop, Path, str, bool]] = []
    for sop in sops:
        path = out_dir / output_name(sop.nomor, taken)
        digest = content_hash(sop, tpl_digest)
        fresh = not force and outputs.get(path.name) == digest and path.is_file()
        plan.append((sop, path, digest, not fresh))
    total = len(plan) + skipped
    bar = Progress(total, progress) if progress is not None and total else None
    errors: list[SpecError] = []

    def done(path: Path, digest: str, problems: list[SpecError]) -> None:
        if problems:
            errors.extend(problems)
            outputs.pop(path.name, None)
        else:
            outputs[path.name] = digest
        if bar:
            bar.step(path.name)

    if bar:
        for _i in range(skipped):
            bar.step("")
    todo = [(sop, path, digest) for sop, path, digest, needed in plan if needed]
    for _sop, path, _digest, needed in plan:
        if not needed and bar:
            bar.step(path.name)
    try:
        if jobs > 1 and len(todo) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = {
                    pool.submit(_build_one, sop, path, template): (path, digest)
                    for sop, path, digest in todo
                }
                for fut in as_completed(futures):
                    path, digest = futures[fut]
                    done(path, digest, fut.result())
        else:
            for sop, path, digest in todo:
                done(path, digest, _build_one(sop, path, template))
    finally:
        _write_cache(out_dir, cache)
    if errors:
        raise SpecLoadError(errors)
    return [BuildResult(sop, path, needed, sop.sumber) for sop, path, _d, needed in plan]


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
    _make_folder(out_dir)
    cache = _read_cache(out_dir)
    results = _build(
        sops,
        out_dir,
        cache,
        jobs=jobs,
        template=str(template) if template else None,
        force=force,
        progress=progress,
    )
    if post is not None:
        post(results)
    return results


def _make_folder(out: Path) -> None:
    """Create the output folder; a clear error when a file is in the way."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise SopdocError(
            _("{path} is not a folder; give -o a folder").format(path=display_path(out))
        ) from None
    except PermissionError as exc:
        raise SopdocError(
            _("cannot create {path}: {reason}").format(path=display_path(out), reason=exc.strerror)
        ) from None


def input_key(spec: Path, template_digest: str) -> str:
    """A hash of everything a spec's DOCX is read from, before parsing anything:
    the spec's bytes, its settings files, the template, sopdoc's version."""
    h = hashlib.sha256()
    for part in (__version__, LAYOUT_VERSION, os.environ.get("SOURCE_DATE_EPOCH", "")):
        h.update(part.encode() + b"\0")
    h.update(template_digest.encode())
    for f in [*reversed(settings_files(spec.parent)), spec]:
        h.update(str(f.resolve()).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def expand_paths(
    paths: Sequence[str | os.PathLike[str]],
) -> tuple[list[Path], list[SpecError]]:
    """The spec files named by ``paths`` (files, and the specs under folders), and an
    error for each path that does not exist."""
    files: list[Path] = []
    errors: list[SpecError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(spec_files(path))
        elif path.exists():
            files.append(path)
        else:
            errors.append(SpecError(Location(display_path(path)), _("no such file or folder")))
    return files, errors


def build_paths(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    jobs: int = 1,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
    progress: TextIO | None = None,
    post: Callable[[list[BuildResult]], None] | None = None,
) -> list[BuildResult]:
    """Build spec files and catalog folders into ``out``, as ``sopdoc build`` does.

    A spec whose bytes, settings files, logo and template are those of the last
    build into ``out`` (and whose DOCX is still there) is not even loaded: a
    rebuild after one change reads one spec. Every other spec is loaded and
    built as :func:`build_all` does; load errors of all files are raised together.
    """
    out_dir = Path(out)
    files, errors = expand_paths(paths)
    tpl = str(template) if template else None
    tpl_digest = file_digest(tpl or default_template())
    _make_folder(out_dir)
    cache = _read_cache(out_dir)
    inputs = cache["inputs"]
    skipped: list[BuildResult] = []
    to_load: list[tuple[Path, str]] = []
    for f in files:
        key = input_key(f, tpl_digest)
        entry = inputs.get(str(f.resolve()))
        fresh = (
            not force
            and isinstance(entry, dict)
            and entry.get("key") == key
            and (out_dir / str(entry.get("output", ""))).is_file()
            and file_digest(entry.get("logo")) == entry.get("logo_digest", "")
        )
        if fresh:
            assert isinstance(entry, dict)
            skipped.append(BuildResult(None, out_dir / str(entry["output"]), False, f))
        else:
            to_load.append((f, key))
    sops: list[Sop] = []
    keys: list[str] = []
    for f, key in to_load:
        try:
            sops.append(load(f))
            keys.append(key)
        except SpecLoadError as exc:
            errors.extend(exc.errors)
    if errors:
        raise SpecLoadError(errors)
    built = _build(
        sops,
        out_dir,
        cache,
        jobs=jobs,
        template=tpl,
        force=force,
        progress=progress,
        reserved=[r.path.name for r in skipped],
        skipped=len(skipped),
    )
    for result, key in zip(built, keys, strict=True):
        assert result.source is not None and result.sop is not None
        inputs[str(result.source.resolve())] = {
            "key": key,
            "output": result.path.name,
            "logo": result.sop.logo or "",
            "logo_digest": file_digest(result.sop.logo),
        }
    _write_cache(out_dir, cache)
    results = sorted([*skipped, *built], key=lambda r: str(r.source))
    if post is not None:
        post(results)
    return results


def progress_stream(flag: bool | None, stream: TextIO = sys.stderr) -> TextIO | None:
    """The stream for a progress bar: forced on/off by ``flag``, else only on a terminal."""
    if flag is None:
        return stream if stream.isatty() else None
    return stream if flag else None
