"""The fuzzer of sopdoc: mutated specs through load -> lint -> dump -> layout/render.

A *case* is a list of mutations, each a JSON-able list ``[op, *arguments]``,
applied to a small valid catalog (:data:`BASE_SPEC` and :data:`BASE_SETTINGS`)::

    ["set", ["kegiatan", 0, "waktu"], "1e309 menit"]   # a value (any YAML value)
    ["drop", ["nama"]]                                 # a key or a list item removed
    ["settings", ["lint", "options"], {"W102": 5}]     # a value of sopdoc.yaml
    ["file", "logo.png", "empty"]                      # a side file: see FILE_KINDS
    ["text", "insert", 0.5, "\\u0000"]                  # the spec's YAML text edited

Mutations are explicit values, not seeds, so a case file (JSON) replays the same
way forever: the regression corpus is ``tests/data/fuzz-corpus/*.json``. A case
runs in-process (no LibreOffice: the DOCX is rendered in memory) and ends as

* ``ok``: every stage passed, or ``error``: a clear error (SpecLoadError or
  another SopdocError): both are what sopdoc promises;
* ``crash``: any other exception (exit 3 in the CLI), or ``slow``: over the CPU-time
  time limit (checked after the case; a hang is stopped by SIGALRM).

:func:`random_case` draws cases for ``python -m bench fuzz``; ``tests/test_fuzz.py``
draws them with Hypothesis.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
import signal
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

BASE_SPEC = """\
nomor: PK / 001 / I / 2024
nama: Pelayanan Surat Keterangan
tanggal:
  pembuatan: 2024-01-09
  revisi: 2024-02-01
dasar_hukum:
  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
kualifikasi_pelaksana:
  - Memahami tugas pokok dan fungsi
keterkaitan:
  - SOP Pengarsipan
peralatan_perlengkapan:
  - Komputer
peringatan: Jika SOP tidak dilaksanakan, pelayanan terhambat
pencatatan_pendataan:
  - Buku agenda
pelaksana:
  camat: Camat
  sekcam: Sekcam
  staf: Staf
kegiatan:
  - aktivitas: Menerima permohonan dan memeriksa kelengkapan
    pelaksana: staf
    kelengkapan: Formulir permohonan
    waktu: 10 menit
    output: Berkas permohonan
  - aktivitas: Memeriksa berkas
    pelaksana: sekcam
    kelengkapan: Berkas permohonan
    waktu: 1 jam
    output: Berkas diperiksa
    jika_tidak: 1
  - aktivitas: Menandatangani surat keterangan
    pelaksana: camat
    kelengkapan: Berkas diperiksa
    waktu: 1-2 hari
    output: Surat keterangan
riwayat_revisi:
  - tanggal: 2024-02-01
    catatan: Penyesuaian waktu
"""
"""A valid spec: the starting point of every case (kept here, not read from specs/,
so that corpus files replay the same whatever happens to the example specs)."""

BASE_SETTINGS = """\
instansi: Pemerintah Kabupaten Contoh
unit: Kecamatan Contoh
kop:
  - PEMERINTAH KABUPATEN CONTOH
  - KECAMATAN CONTOH
kertas: A4
disahkan_oleh:
  jabatan: Camat Contoh
  nama: BUDI SANTOSO, S.STP.
  pangkat: Pembina
  nip: 19780220 199612 1 001
lint:
  ignore: [K101]
"""

SPEC_NAME = "spec.yaml"
SETTINGS_NAME = "sopdoc.yaml"

FILE_KINDS = (
    "png",  # a real 1x1 PNG
    "not-image",  # text
    "empty",  # 0 bytes
    "truncated-png",  # a PNG header only
    "huge",  # larger than the logo limit
    "folder",  # a folder where a file is expected
    "fifo",  # a named pipe (would hang a reader)
    "dev-zero",  # a symlink to /dev/zero (endless)
    "dangling",  # a symlink to nothing
    "missing",  # nothing at all
)
"""What a side file (a logo, a spec, the settings file) can be."""

_PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201e5b0a3c30000000049454e44ae426082"
)

Op = list[Any]
Path_ = list[str | int]


# -- outcomes ----------------------------------------------------------------------


@dataclass
class Outcome:
    """How one case ended: ``kind`` is ok, error, crash or slow."""

    kind: str
    seconds: float
    stage: str = ""
    detail: str = ""
    where: str = ""  # for a crash: the innermost sopdoc frame, to group crashes

    @property
    def bad(self) -> bool:
        return self.kind in ("crash", "slow")


class _Timeout(Exception):
    pass


WALL_LIMIT = 60.0
"""Seconds of wall time after which a case is stopped whatever its CPU time (a hang in I/O)."""


@contextlib.contextmanager
def _alarm(cpu_seconds: float) -> Iterator[None]:
    """Stop a case past ``cpu_seconds`` of CPU time, or :data:`WALL_LIMIT` of wall time.

    CPU time, not wall time, measures a case: on a machine shared with other jobs
    the wall clock measures the neighbours. Main thread, Unix only; elsewhere no limit.
    """
    if not hasattr(signal, "SIGPROF") or cpu_seconds <= 0:
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise _Timeout

    old = {s: signal.signal(s, ring) for s in (signal.SIGPROF, signal.SIGALRM)}
    signal.setitimer(signal.ITIMER_PROF, cpu_seconds)
    signal.setitimer(signal.ITIMER_REAL, max(WALL_LIMIT, cpu_seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        for s, handler in old.items():
            signal.signal(s, handler)


# -- applying a case ---------------------------------------------------------------


def _parse(text: str) -> Any:
    return yaml.load(text, Loader=yaml.BaseLoader)  # every scalar as text, like sopdoc


def _navigate(data: Any, path: Path_) -> tuple[Any, str | int] | None:
    """The container holding ``path``'s last step and that step, if the path exists."""
    current = data
    for step in path[:-1]:
        if (isinstance(current, dict) and step in current) or (
            isinstance(current, list)
            and isinstance(step, int)
            and -len(current) <= step < len(current)
        ):
            current = current[step]
        else:
            return None
    if not path:
        return None
    return current, path[-1]


def _set(data: Any, path: Path_, value: Any) -> Any:
    if not path:
        return copy.deepcopy(value)
    found = _navigate(data, path)
    if found is None:
        return data
    parent, last = found
    if (isinstance(parent, dict) and isinstance(last, str)) or (
        isinstance(parent, list) and isinstance(last, int) and -len(parent) <= last < len(parent)
    ):
        parent[last] = copy.deepcopy(value)
    return data


def _drop(data: Any, path: Path_) -> Any:
    found = _navigate(data, path)
    if found is None:
        return data
    parent, last = found
    if isinstance(parent, dict):
        parent.pop(last, None)  # type: ignore[call-overload]
    elif isinstance(parent, list) and isinstance(last, int) and -len(parent) <= last < len(parent):
        del parent[last]
    return data


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)


def _edit_text(text: str, how: str, at: float, arg: Any) -> str:
    """A text-level edit at relative position ``at`` (0..1) of the YAML text."""
    pos = max(0, min(len(text), int(at * len(text))))
    line_start = text.rfind("\n", 0, pos) + 1
    if how == "insert":
        return text[:pos] + str(arg) + text[pos:]
    if how == "delete":
        return text[:pos] + text[pos + int(arg) :]
    if how == "truncate":
        return text[:pos]
    if how == "indent":  # put ``arg`` (spaces, a tab) before a line
        return text[:line_start] + str(arg) + text[line_start:]
    if how == "dup-line":
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        return text[:end] + text[line_start:end] * int(arg) + text[end:]
    if how == "prefix":  # a BOM, a document marker, a comment
        return str(arg) + text
    if how == "append":
        return text + str(arg)
    return text


@dataclass
class Catalog:
    """The files of one case, as text (or a file kind for side files)."""

    spec: str
    settings: str | None
    files: dict[str, str] = field(default_factory=dict)  # name -> FILE_KINDS entry
    bytes_spec: bytes | None = None  # the spec as raw bytes (an encoding mutation)


def unpack(value: Any) -> Any:
    """A value of a case with its shorthands written out: ``{"$text": [s, n]}`` is ``s``
    n times, ``{"$repeat": [v, n]}`` a list of n ``v`` (they keep corpus files small)."""
    if isinstance(value, dict):
        if len(value) == 1 and "$text" in value:
            text, n = value["$text"]
            return str(text) * int(n)
        if len(value) == 1 and "$repeat" in value:
            item, n = value["$repeat"]
            return [unpack(item)] * int(n)
        return {k: unpack(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unpack(v) for v in value]
    return value


def pack(value: Any) -> Any:
    """The inverse of :func:`unpack` for long runs of one character and long lists of one item."""
    if isinstance(value, str) and len(value) > 100 and len(set(value)) == 1:
        return {"$text": [value[0], len(value)]}
    if isinstance(value, list):
        if len(value) > 20 and all(v == value[0] for v in value):
            return {"$repeat": [pack(value[0]), len(value)]}
        return [pack(v) for v in value]
    if isinstance(value, dict):
        return {k: pack(v) for k, v in value.items()}
    return value


def apply(case: list[Op]) -> Catalog:
    """The files a case describes: the base catalog with every mutation applied in order."""
    spec = _parse(BASE_SPEC)
    settings: Any = _parse(BASE_SETTINGS)
    files: dict[str, str] = {}
    text_edits: list[Op] = []
    raw: bytes | None = None
    has_settings = True
    for op in case:
        op = [op[0], *(unpack(arg) for arg in op[1:])]
        name = op[0]
        if name == "set":
            spec = _set(spec, list(op[1]), op[2])
        elif name == "drop":
            spec = _drop(spec, list(op[1]))
        elif name == "settings":
            settings = _set(settings, list(op[1]), op[2])
        elif name == "settings-drop":
            settings = _drop(settings, list(op[1]))
        elif name == "no-settings":
            has_settings = False
        elif name == "file":
            files[str(op[1])] = str(op[2])
        elif name == "text":
            text_edits.append(op)
        elif name == "bytes":  # the spec's bytes: an encoding
            raw = bytes.fromhex(str(op[1]))
    text = _dump(spec)
    for op in text_edits:
        text = _edit_text(text, str(op[1]), float(op[2]), op[3] if len(op) > 3 else "")
    return Catalog(text, _dump(settings) if has_settings else None, files, raw)


def write(catalog: Catalog, folder: Path) -> Path:
    """Write a case's catalog into ``folder`` (a ``.git`` marker stops the settings walk)."""
    (folder / ".git").mkdir(parents=True, exist_ok=True)
    if catalog.bytes_spec is not None:
        (folder / SPEC_NAME).write_bytes(catalog.bytes_spec)
    else:
        (folder / SPEC_NAME).write_text(catalog.spec, encoding="utf-8", errors="surrogatepass")
    if catalog.settings is not None:
        (folder / SETTINGS_NAME).write_text(
            catalog.settings, encoding="utf-8", errors="surrogatepass"
        )
    for name, kind in catalog.files.items():
        _side_file(folder, name, kind)
    return folder


def _side_file(folder: Path, name: str, kind: str) -> None:
    try:
        target = folder / name
        if target.is_symlink() or target.is_file():
            target.unlink()
        if kind == "png":
            target.write_bytes(_PNG_1X1)
        elif kind == "not-image":
            target.write_text("this is not an image\n")
        elif kind == "empty":
            target.write_bytes(b"")
        elif kind == "truncated-png":
            target.write_bytes(_PNG_1X1[:20])
        elif kind == "huge":
            with target.open("wb") as fh:  # sparse: big without filling the disk
                fh.truncate(60_000_000)
        elif kind == "folder":
            target.mkdir(exist_ok=True)
        elif kind == "fifo" and hasattr(os, "mkfifo"):
            os.mkfifo(target)
        elif kind == "dev-zero" and Path("/dev/zero").exists():
            target.symlink_to("/dev/zero")
        elif kind == "dangling":
            target.symlink_to(folder / "nothing-here")
    except (OSError, ValueError):  # a name the file system refuses is part of the case
        pass


# -- running a case ----------------------------------------------------------------


def run(case: list[Op], *, limit: float = 10.0, workdir: Path | None = None) -> Outcome:
    """Run one case through load -> lint -> dump -> layout/render; see :class:`Outcome`."""
    if workdir is not None:
        return run_folder(write(apply(case), workdir / "katalog"), limit=limit)
    with tempfile.TemporaryDirectory(prefix="sopdoc-fuzz-") as tmp:
        return run_folder(write(apply(case), Path(tmp) / "katalog"), limit=limit)


def run_folder(folder: Path, *, limit: float = 10.0) -> Outcome:
    """Run the stages on a catalog folder already written; ``limit``: CPU seconds."""
    import sopdoc.docx  # imported before the clock starts: the first case is no slower
    import sopdoc.layout
    from sopdoc.errors import SopdocError

    del sopdoc

    start = time.process_time()
    stage = "load"
    outcome: Outcome | None = None
    try:
        with _alarm(limit * 3):
            for stage in _stages(folder):  # noqa: B007 - the stage reached is the result
                pass
    except _Timeout:
        outcome = Outcome("slow", time.process_time() - start, stage, "stopped by the time limit")
    except SopdocError as exc:
        outcome = Outcome("error", time.process_time() - start, stage, str(exc)[:300])
    except Exception as exc:  # RecursionError, KeyError, ...: a crash
        outcome = _crash(exc, stage, start)
    seconds = time.process_time() - start
    if outcome is None:
        outcome = Outcome("ok", seconds, "done")
    if outcome.kind in ("ok", "error") and seconds > limit:
        outcome = Outcome("slow", seconds, outcome.stage, f"took {seconds:.1f} s")
    return outcome


def _crash(exc: BaseException, stage: str, start: float) -> Outcome:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "sopdoc" in f.filename and "bench" not in f.filename]
    last = (ours or frames)[-1] if frames else None
    where = f"{Path(last.filename).name}:{last.lineno}" if last else "?"
    detail = f"{type(exc).__name__}: {str(exc)[:200]}"
    return Outcome("crash", time.process_time() - start, stage, detail, where)


def _stages(folder: Path) -> Iterator[str]:
    """The pipeline, a stage at a time (the name of the stage about to run is yielded)."""
    import sopdoc
    from sopdoc.build import output_name
    from sopdoc.docx import render_docx
    from sopdoc.errors import SpecLoadError
    from sopdoc.layout import layout_prosedur
    from sopdoc.pemeriksaan.runner import check_loaded, resolve_config
    from sopdoc.spec import load_paths, load_text

    yield "load"
    loaded = load_paths([folder])
    yield "lint"  # as sopdoc.lint(folder), without loading the catalog a second time
    check_loaded(loaded, resolve_config(folder, loaded.pengaturan))
    problems: list[tuple[str, SpecLoadError]] = []
    for sop in loaded.sops:
        yield "dump"
        text = sopdoc.dumps(sop)
        try:  # what was loaded and dumped loads again
            load_text(text, "dumped.yaml", folder / "dumped.yaml")
        except SpecLoadError as exc:
            raise DumpNotLoadable(f"the dumped spec does not load again: {exc}") from None
        yield "name"
        _check_name(output_name(sop.nomor))
        yield "layout"
        try:
            layout_prosedur(sop)
        except SpecLoadError as exc:
            problems.append(("layout", exc))
        yield "render"
        try:
            render_docx(sop)
        except SpecLoadError as exc:
            problems.append(("render", exc))
    if loaded.errors:  # load errors were collected while the rest went on
        yield "load"
        loaded.raise_errors()
    if problems:  # the first problem, reported from its own stage
        yield problems[0][0]
        raise problems[0][1]


class DumpNotLoadable(AssertionError):
    """A spec that loaded, dumped by sopdoc, does not load again (a round-trip bug)."""


class UnsafeName(AssertionError):
    """An output name that Windows, macOS or Linux would refuse."""


def _check_name(name: str) -> None:
    stem = name.rsplit(".", 1)[0]
    bad = (
        len(name) > 130
        or not stem
        or stem[-1] in ". "
        or any(c in '<>:"/\\|?*' or ord(c) < 32 for c in name)
        or stem.split(".")[0].upper()
        in {
            "CON",
            "PRN",
            "AUX",
            "NUL",
            *(f"COM{i}" for i in range(10)),
            *(f"LPT{i}" for i in range(10)),
        }
    )
    if bad:
        raise UnsafeName(f"unsafe output name {name!r}")


# -- random cases --------------------------------------------------------------------

_PATHS: list[Path_] = [
    ["nomor"],
    ["nama"],
    ["instansi"],
    ["unit"],
    ["tanggal"],
    ["tanggal", "pembuatan"],
    ["tanggal", "revisi"],
    ["dasar_hukum"],
    ["dasar_hukum", 0],
    ["kualifikasi_pelaksana"],
    ["keterkaitan"],
    ["keterkaitan", 0],
    ["peralatan_perlengkapan"],
    ["peringatan"],
    ["pencatatan_pendataan"],
    ["pelaksana"],
    ["pelaksana", "camat"],
    ["kegiatan"],
    ["kegiatan", 0],
    ["kegiatan", 1],
    ["kegiatan", 0, "aktivitas"],
    ["kegiatan", 0, "pelaksana"],
    ["kegiatan", 1, "pelaksana"],
    ["kegiatan", 0, "waktu"],
    ["kegiatan", 2, "waktu"],
    ["kegiatan", 0, "kelengkapan"],
    ["kegiatan", 0, "output"],
    ["kegiatan", 1, "jika_tidak"],
    ["kegiatan", 1, "id"],
    ["kegiatan", 2, "keterangan"],
    ["riwayat_revisi"],
    ["riwayat_revisi", 0, "tanggal"],
    ["riwayat_revisi", 0, "catatan"],
    ["disahkan_oleh"],
    ["disahkan_oleh", "nama"],
    ["disahkan_oleh", "nip"],
    ["disahkan_oleh", "pangkat"],
    ["kop"],
    ["kertas"],
    ["logo"],
]
"""Places of a spec worth mutating (keys the model knows, and a few it does not)."""

_SETTINGS_PATHS: list[Path_] = [
    ["instansi"],
    ["unit"],
    ["kop"],
    ["logo"],
    ["kertas"],
    ["disahkan_oleh"],
    ["disahkan_oleh", "jabatan"],
    ["disahkan_oleh", "nip"],
    ["lint"],
    ["lint", "select"],
    ["lint", "ignore"],
    ["lint", "severity"],
    ["lint", "fail-level"],
    ["lint", "options"],
    ["lint", "options", "W102"],
    ["lint", "options", "W102", "maks_menit"],
    ["lint", "options", "A101", "kemiripan"],
    ["lint", "options", "F101", "wajib"],
    ["peraturan"],
]

_ODD_TEXT = [
    "",
    " ",
    "-",
    "~",
    "null",
    "0",
    "-1",
    "1e309",
    "NaN",
    "inf",
    "9" * 400,
    "0 x 1e309",
    "1e309 menit",
    "0 x " + "9" * 400 + " menit",
    "9" * 400 + " menit",
    "1-0 hari",
    "5 lustrum",
    "CON",
    "nul",
    "COM1",
    "LPT9",
    "aux.txt",
    "trailing dot.",
    "trailing space ",
    'a/b\\c:d*e?f"g<h>i|j',
    "../../etc/passwd",
    "\u202eRTL",
    "emoji 🙂👍🏽",
    "zero\u200bwidth",
    "combining e\u0301\u0301\u0301",
    "\u0000",
    "tab\there",
    "line\nbreak",
    "\x7f",
    "\x85",
    "\u2028",
    "\ufeffbom",
    "\ufffe",
    "日本語の文字列",
    "ʻokina",
    "x" * 256,
    "x " * 300,
    "2024-13-45",
    "2024-02-30",
    "yes",
    "no",
    "on",
    "&anchor",
    "*alias",
    "!!python/object",
    "{a: b}",
    "[1, 2]",
    "@",
    "`",
    "%",
    "#comment",
    "'quote",
    '"dq',
]


def _odd_string(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(_ODD_TEXT)
    if roll < 0.7:  # a long unbroken word (the layout's worst case)
        return rng.choice("AWiM") * rng.choice([100, 1000, 5000, 20000, 40000, 80000])
    if roll < 0.85:  # many words
        return " ".join(
            rng.choice(["kata", "Panjang", "x", "SOP"]) for _ in range(rng.randint(50, 3000))
        )
    # random code points, control and unusual ones included
    pool = [*range(0, 0x80), 0x85, 0xA0, 0xAD, 0x200B, 0x202E, 0x2028, 0xFEFF, 0xFFFD, 0x1F600]
    return "".join(chr(rng.choice(pool)) for _ in range(rng.randint(1, 60)))


def _odd_value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if roll < 0.45 or depth > 2:
        return _odd_string(rng)
    if roll < 0.55:
        return None
    if roll < 0.65:
        return [_odd_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if roll < 0.72:
        return {rng.choice(["a", "nama", "x", "aktivitas"]): _odd_value(rng, depth + 1)}
    if roll < 0.8:  # deep nesting
        value: Any = "dalam"
        for _ in range(rng.randint(10, 70)):
            value = [value] if rng.random() < 0.5 else {"k": value}
        return value
    if roll < 0.88:  # a long list
        return ["item"] * rng.choice([10, 500, 5000, 30000])
    if roll < 0.94:
        return rng.choice(["1 jam", "5 menit", "2 HK", "1 x 24 jam", "3 minggu", "1,5 bulan"])
    return rng.choice([True, False, 0, -7, 10**30, 1.5])


def random_op(rng: random.Random) -> Op:
    """One mutation, drawn at random."""
    roll = rng.random()
    if roll < 0.3:
        return ["set", rng.choice(_PATHS), _odd_value(rng)]
    if roll < 0.42:
        return ["drop", rng.choice(_PATHS)]
    if roll < 0.5:
        return ["settings", rng.choice(_SETTINGS_PATHS), _odd_value(rng)]
    if roll < 0.54:
        return ["settings-drop", rng.choice(_SETTINGS_PATHS)]
    if roll < 0.62:
        name = rng.choice(["logo.png", "a\u0000b.png", "x" * 256 + ".png", "logo dir/l.png"])
        where = rng.choice(["spec", "settings"])
        op_set: Op = ["set", ["logo"], name] if where == "spec" else ["settings", ["logo"], name]
        return ["multi", op_set, ["file", name, rng.choice(FILE_KINDS)]]
    if roll < 0.66:
        step = ["kegiatan", rng.randint(0, 3)]
        return [
            "set",
            [*step, rng.choice(["jika_tidak", "pelaksana", "waktu", "id"])],
            rng.choice([0, -1, 99, "2", "x", "id-lain", ["camat", "nope"], "1" * 30]),
        ]
    if roll < 0.74:
        how = rng.choice(["insert", "insert", "delete", "truncate", "indent", "dup-line"])
        arg: Any = ""
        if how == "insert":
            arg = rng.choice(
                [
                    "\t",
                    "\x00",
                    "\x01",
                    "\x1b",
                    "\x7f",
                    "\ufffe",
                    ": ",
                    "- ",
                    "&a ",
                    "*a",
                    "---\n",
                    "\n  ",
                    "'",
                    '"',
                    "{",
                    "[",
                    "#",
                    "!!binary ",
                    "\u2028",
                    "\r",
                ]
            )
        elif how == "delete":
            arg = rng.randint(1, 40)
        elif how == "indent":
            arg = rng.choice(["\t", " ", "   "])
        elif how == "dup-line":
            arg = rng.choice([1, 2, 50])
        return ["text", how, round(rng.random(), 4), arg]
    if roll < 0.77:
        return ["text", "prefix", 0, rng.choice(["\ufeff", "---\n", "%YAML 1.1\n---\n", "# c\n"])]
    if roll < 0.8:
        bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
            f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n"
            for p, c in zip("abcdef", "bcdefg", strict=True)
        )
        return ["text", "append", 0, "\n" + bomb]
    if roll < 0.82:
        return [
            "bytes",
            rng.choice(
                ["fffe6e006f006d006f007200", "6e6f6d6f723a20ff0a", "efbbbf6e6f6d6f723a20410a", ""]
            ),
        ]
    if roll < 0.85:
        return ["no-settings"]
    if roll < 0.9:  # many steps
        n = rng.choice([20, 100, 400])
        step = {"aktivitas": "Langkah", "pelaksana": "staf", "waktu": "1 menit"}
        return ["set", ["kegiatan"], [step] * n]
    if roll < 0.95:  # many lanes
        n = rng.choice([8, 30, 200])
        return ["set", ["pelaksana"], {f"p{i}": f"Pelaksana {i}" for i in range(n)}]
    return ["set", rng.choice(_PATHS), _odd_string(rng)]


def expand(case: list[Op]) -> list[Op]:
    """``multi`` mutations flattened (they keep a logo name and its file together)."""
    out: list[Op] = []
    for op in case:
        if op and op[0] == "multi":
            out.extend(expand(list(op[1:])))
        else:
            out.append(op)
    return out


def random_case(rng: random.Random, max_ops: int = 4) -> list[Op]:
    """A case of one to ``max_ops`` random mutations."""
    return expand([random_op(rng) for _ in range(rng.randint(1, max_ops))])


# -- corpus --------------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "fuzz-corpus"


def save_case(case: list[Op], name: str, folder: Path = CORPUS) -> Path:
    """Store a case as ``folder/name.json`` (replayed by tests/test_fuzz.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(pack(case), ensure_ascii=True, indent=1) + "\n", encoding="utf-8")
    return path


def load_case(path: Path) -> list[Op]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: a case is a list of mutations")
    return expand(data)
