"""Reading specs at a git revision, through the same positioned loader as files.

``git show REV:path`` gives the text; errors name ``REV:path:line:col``. The
catalog settings (``sopdoc.yaml``) are read at the same revision.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import Location, SopdocError, SpecError, SpecLoadError, display_path
from ..i18n import _
from ..model import Sop
from ..source import Document, decode_text, parse_yaml
from ..spec import SETTINGS_FILE, SPEC_SUFFIXES, SettingsReader, load, load_text, spec_files
from .engine import diff
from .model import PerbandinganKatalog, SopBerubah


class GitError(SopdocError):
    """git failed or is not available."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError(_("git is not installed (needed to read a revision)")) from None


def repo_root(path: Path) -> Path:
    """The top folder of the git work tree holding ``path``."""
    folder = path if path.is_dir() else path.parent
    folder = folder if folder.exists() else Path.cwd()
    done = _git(["rev-parse", "--show-toplevel"], folder.resolve())
    if done.returncode != 0:
        raise GitError(_("{path} is not inside a git repository").format(path=display_path(path)))
    return Path(done.stdout.decode().strip())


def is_revision(rev: str, cwd: Path | None = None) -> bool:
    """True when ``rev`` names a commit in the repository around ``cwd``."""
    if not rev or rev.startswith("-"):
        return False
    done = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd or Path.cwd())
    return done.returncode == 0


@dataclass(frozen=True)
class GitFile:
    """A file at a revision: ``rev``, the working-tree path it corresponds to, its display."""

    rev: str
    path: Path  # where the file stands (or stood) in the working tree
    root: Path

    @property
    def relative(self) -> str:
        return self.path.resolve().relative_to(self.root).as_posix()

    @property
    def display(self) -> str:
        return f"{self.rev}:{display_path(self.path)}"

    def read(self) -> bytes | None:
        """The file's bytes at the revision, None when it did not exist there."""
        done = _git(["show", f"{self.rev}:{self.relative}"], self.root)
        return done.stdout if done.returncode == 0 else None


def git_file(rev: str, path: str | Path) -> GitFile:
    p = Path(path).absolute()
    root = repo_root(p)
    if not is_revision(rev, root):
        raise GitError(_("'{rev}' is not a git revision").format(rev=rev))
    return GitFile(rev, p, root)


def _settings_reader(rev: str, root: Path) -> SettingsReader:
    def read(path: Path) -> Document | None:
        try:
            f = GitFile(rev, path, root)
            f.relative  # noqa: B018 - outside the repository: no settings there
        except ValueError:
            return None
        raw = f.read()
        return None if raw is None else parse_yaml(decode_text(raw, f.display), f.display)

    return read


def load_at(rev: str, path: str | Path) -> Sop:
    """The spec ``path`` as it was at revision ``rev`` (catalog settings of that revision)."""
    f = git_file(rev, path)
    raw = f.read()
    if raw is None:
        raise SpecLoadError(
            [SpecError(Location(f.display), _("no such file at revision {rev}").format(rev=rev))]
        )
    text = decode_text(raw, f.display)
    reader = _settings_reader(rev, f.root)
    return load_text(text, f.display, f.path, read_settings=reader)


def spec_paths_at(rev: str, folder: str | Path) -> list[Path]:
    """Working-tree paths of the spec files under ``folder`` at revision ``rev``."""
    p = Path(folder).absolute()
    root = repo_root(p)
    if not is_revision(rev, root):
        raise GitError(_("'{rev}' is not a git revision").format(rev=rev))
    rel = p.resolve().relative_to(root).as_posix() if p.resolve() != root else "."
    done = _git(["ls-tree", "-r", "--name-only", "-z", rev, "--", rel], root)
    if done.returncode != 0:
        raise GitError(done.stderr.decode(errors="replace").strip())
    out = []
    for name in done.stdout.decode().split("\0"):
        parts = name.split("/")
        if (
            name.endswith(SPEC_SUFFIXES)
            and parts[-1] != SETTINGS_FILE
            and not any(part.startswith(".") for part in parts)
        ):
            out.append(root / name)
    return sorted(out)


def diff_catalog(rev: str, folder: str | Path) -> PerbandinganKatalog:
    """Every spec under ``folder`` at ``rev`` against the working tree.

    Specs are paired by path, then the rest by nomor (a renamed file); the
    others were added or removed. Load errors of both sides are raised together.
    """
    old_paths = spec_paths_at(rev, folder)
    new_paths = spec_files(Path(folder)) if Path(folder).is_dir() else []
    errors: list[SpecError] = []
    old: dict[Path, Sop] = {}
    new: dict[Path, Sop] = {}
    for path in old_paths:
        try:
            old[path.resolve()] = load_at(rev, path)
        except SpecLoadError as exc:
            errors.extend(exc.errors)
    for path in new_paths:
        try:
            new[path.resolve()] = load(path)
        except SpecLoadError as exc:
            errors.extend(exc.errors)
    if errors:
        raise SpecLoadError(errors)
    pairs = [(p, p) for p in old if p in new]
    rest_old = [p for p in old if p not in new]
    rest_new = [p for p in new if p not in old]
    for p in list(rest_old):
        q = next((q for q in rest_new if new[q].nomor == old[p].nomor), None)
        if q is not None:
            pairs.append((p, q))
            rest_old.remove(p)
            rest_new.remove(q)
    root = repo_root(Path(folder).absolute())
    out: list[SopBerubah] = []
    for p, q in pairs:
        a, b = old[p], new[q]
        labels = (GitFile(rev, p, root).display, display_path(q))
        d = diff(a, b, sumber=labels)
        out.append(
            SopBerubah(
                status="sama" if d.kosong else "diubah",
                nomor=b.nomor,
                nama=b.nama,
                sumber_lama=labels[0],
                sumber_baru=labels[1],
                perbandingan=d,
            )
        )
    for p in rest_old:
        a = old[p]
        out.append(
            SopBerubah(
                status="dihapus",
                nomor=a.nomor,
                nama=a.nama,
                sumber_lama=GitFile(rev, p, root).display,
            )
        )
    for q in rest_new:
        b = new[q]
        out.append(
            SopBerubah(status="ditambah", nomor=b.nomor, nama=b.nama, sumber_baru=display_path(q))
        )
    out.sort(key=lambda s: s.sumber_baru or s.sumber_lama or "")
    return PerbandinganKatalog(revisi=rev, folder=display_path(Path(folder)), sop=out)
