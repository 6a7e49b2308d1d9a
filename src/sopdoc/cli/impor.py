"""Import existing SOP AP documents (Word .docx, PDF, e-SOP web pages and their text dumps)
as YAML specs: one spec per SOP, named from its nomor and nama, a "# sopdoc import:" comment
beside every value that was guessed or cleaned, and a report per document of what was read,
guessed and unreadable. The format is told by the file's content, not its name.

Exit codes: 0 everything read plainly, 1 imported with guesses to review (or, with --lint,
findings), 2 bad input (not an SOP AP document, unreadable, encrypted, scanned, or a spec
that already exists without --force), 3 internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..build import Progress, progress_stream
from ..errors import SopdocError
from ..fileio import write_atomic
from ..i18n import N_, _, ngettext
from ..impor import Impor, ImporError, import_file
from ..impor.laporan import Laporan
from ..impor.tulis import nama_berkas, yaml_spec

DESKRIPSI = N_(
    "Import existing SOP AP documents (Word .docx, PDF, e-SOP web pages and their text dumps) "
    "as YAML specs: one spec per SOP, named from its nomor and nama, with a '# sopdoc import:' "
    "comment beside every value that was guessed or cleaned, and a report per document of what "
    "was read, guessed and unreadable. The format is told by the file's content. Exit codes: 0 "
    "everything read plainly, 1 imported with guesses to review (or checker findings with "
    "--lint), 2 bad input (not an SOP AP document, unreadable, encrypted, scanned, or a spec "
    "that already exists without --force), 3 internal error."
)

EKSTENSI = {".docx", ".pdf", ".html", ".htm", ".xhtml", ".txt"}
"""File names picked up in a folder (a file named on the command line is read whatever its name)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = _(DESKRIPSI)
    parser.add_argument(
        "paths", nargs="+", metavar="FILE_OR_FOLDER", help=_("documents, or folders of them")
    )
    parser.add_argument("-o", "--out", required=True, metavar="OUT", help=_("folder for the specs"))
    parser.add_argument(
        "--force", action="store_true", help=_("overwrite specs that already exist")
    )
    parser.add_argument(
        "--keep-markup",
        action="store_true",
        help=_(
            "keep HTML residue (<p>, <ol ...>) in the values as printed; by default it is "
            "removed and each removal listed in the report"
        ),
    )
    parser.add_argument(
        "--lint", action="store_true", help=_("run the checker on the imported specs")
    )
    parser.add_argument(
        "--json", action="store_true", help=_("print the report as JSON instead of text")
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=_("read in N processes (0: one per CPU)"),
    )
    bar = parser.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help=_("show a progress bar (default: on a terminal, for folders)"),
    )
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print only problems"))


@dataclass
class _Hasil:
    """One file's outcome, as it comes back from a worker process."""

    path: str
    impor: Impor | None = None
    galat: str | None = None
    internal: bool = False


def _satu(path: str, keep_markup: bool, lang: str) -> _Hasil:
    from ..i18n import set_language

    set_language(lang)
    try:
        return _Hasil(path, import_file(path, keep_markup=keep_markup))
    except (ImporError, SopdocError) as exc:
        return _Hasil(path, galat=str(exc))
    except Exception as exc:  # a bug: reported per file, the batch goes on
        return _Hasil(path, galat=f"{type(exc).__name__}: {exc}", internal=True)


def kumpulkan(paths: list[str]) -> tuple[list[str], list[str]]:
    """The files to import (folders walked, sorted) and the paths that do not exist."""
    files: list[str] = []
    missing: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                hidden = any(part.startswith(".") for part in f.relative_to(p).parts)
                if f.is_file() and f.suffix.lower() in EKSTENSI and not hidden:
                    files.append(str(f))
        elif p.exists():
            files.append(raw)
        else:
            missing.append(raw)
    return files, missing


def run(args: argparse.Namespace) -> int:
    from ..i18n import current_language

    if args.jobs < 0:
        raise SopdocError(_("--jobs must be 0 or more"))
    files, missing = kumpulkan(args.paths)
    for m in missing:
        print(_("{path}: error: no such file or folder").format(path=m), file=sys.stderr)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise SopdocError(_("{path} is not a folder").format(path=args.out))
    jobs = args.jobs or (os.cpu_count() or 1)
    folders = any(Path(p).is_dir() for p in args.paths)
    stream = progress_stream(
        args.progress if args.progress is not None else (None if folders else False)
    )
    bar = Progress(len(files), stream) if stream is not None and files else None
    lang = current_language()
    results: list[_Hasil] = []
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            for r in pool.map(_satu, files, [args.keep_markup] * len(files), [lang] * len(files)):
                results.append(r)
                if bar:
                    bar.step(Path(r.path).name)
    else:
        for f in files:
            results.append(_satu(f, args.keep_markup, lang))
            if bar:
                bar.step(Path(f).name)
    code = 2 if missing else 0
    taken: set[str] = set()
    written: list[Path] = []
    reports: list[Laporan] = []
    for r in results:
        if r.impor is None:
            laporan = Laporan(r.path, "?", galat=r.galat)
            reports.append(laporan)
            code = max(code, 3 if r.internal else 2)
            continue
        laporan = r.impor.laporan
        reports.append(laporan)
        for item in r.impor.hasil:
            target = out / nama_berkas(item.sop, taken)
            if target.exists() and not args.force:
                laporan.galat = _(
                    "{path} already exists; nothing was written for this SOP (use --force "
                    "to overwrite)"
                ).format(path=target)
                continue
            write_atomic(target, yaml_spec(item.sop, item.laporan, r.path))
            item.laporan.keluaran = str(target)
            written.append(target)
        code = max(code, laporan.kode_keluar)
    _cetak(reports, args)
    if args.lint and written:
        code = max(code, _lint(written, args))
    if not args.quiet and not args.json:
        print(
            ngettext(
                "{n} SOP imported from {files} file(s) into {out}",
                "{n} SOPs imported from {files} file(s) into {out}",
                len(written),
            ).format(n=len(written), files=len(files), out=args.out)
        )
    return code


def _cetak(reports: list[Laporan], args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
        return
    for r in reports:
        if r.galat:
            print(r.teks(), file=sys.stderr)
        elif not args.quiet:
            print(r.teks())


def _lint(paths: list[Path], args: argparse.Namespace) -> int:
    from ..pemeriksaan.report import render
    from ..pemeriksaan.runner import lint

    result = lint([str(p) for p in paths])
    text = render(result, "text")
    if text.strip():
        print(text, file=sys.stderr if args.json else sys.stdout)
    return 1 if result.findings or result.load_errors else 0
