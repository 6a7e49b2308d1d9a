"""What changed in each git revision of a spec, for the SOP pages of the site.

One ``git log --raw`` over the catalog folders lists every commit that touched each
spec (newest first). For a page, each such commit is compared with its parent
through the same machinery as ``sopdoc diff --git`` (:func:`sopdoc.perbandingan.gitrev.load_at`
and :func:`sopdoc.diff`) and written as HTML. A catalog outside git has no history:
the pages then show the riwayat revisi of the spec alone.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..errors import SopdocError
from ..i18n import _
from ..perbandingan import diff
from ..perbandingan.describe import Ganti, describe, inline, ringkasan, similar, word_diff
from ..perbandingan.gitrev import load_at
from ..perbandingan.model import Perbandingan
from .halaman import Perubahan

MAX_REVISIONS = 10
"""Revisions shown per SOP (the newest)."""


@dataclass(frozen=True)
class Commit:
    """One commit that touched a spec file."""

    sha: str
    tanggal: str  # ISO date of the commit
    judul: str  # the first line of its message
    added: bool  # the file was created by this commit


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, errors="replace", check=False
    )


def history(folders: list[Path]) -> dict[Path, list[Commit]]:
    """Resolved spec path -> the commits that touched it, newest first ({} outside git)."""
    out: dict[Path, list[Commit]] = {}
    for folder in folders:
        cwd = folder if folder.is_dir() else folder.parent
        try:
            top = _git(["rev-parse", "--show-toplevel"], cwd)
        except FileNotFoundError:  # no git installed: no history
            return {}
        if top.returncode != 0:
            continue
        root = Path(top.stdout.strip())
        done = _git(
            [
                "log",
                "--raw",
                "--no-renames",
                "--no-abbrev",
                "--format=%x00%H%x09%cs%x09%s",
                "--",
                str(folder.resolve()),
            ],
            root,
        )
        if done.returncode != 0:
            continue
        for block in done.stdout.split("\0")[1:]:
            head, _sep, raw = block.partition("\n")
            sha, day, subject = [*head.split("\t", 2), "", ""][:3]
            for line in raw.splitlines():
                if not line.startswith(":"):
                    continue
                meta, _tab, name = line.partition("\t")
                status = meta.split()[-1]
                path = (root / name).resolve()
                if status == "D":
                    continue
                out.setdefault(path, []).append(Commit(sha, day, subject, status == "A"))
    return out


def signature(commits: list[Commit]) -> list[str]:
    """What a page's history section depends on: the shown commits' ids."""
    return [c.sha for c in commits[:MAX_REVISIONS]]


def _ganti(g: Ganti) -> str:
    label = f"<strong>{escape(g.label)}</strong>: " if g.label else ""
    if similar(g.lama, g.baru):
        parts = []
        for kind, text in word_diff(g.lama, g.baru):
            if kind == "-":
                parts.append(f"<del>{escape(text)}</del>")
            elif kind == "+":
                parts.append(f"<ins>{escape(text)}</ins>")
            else:
                parts.append(escape(text))
        return label + "".join(parts)
    return f"{label}<del>{escape(g.lama)}</del> → <ins>{escape(g.baru)}</ins>"


def perbandingan_html(p: Perbandingan) -> str:
    """A comparison as HTML: the summary, then each part's changes (words marked)."""
    out = [f"<p>{escape(ringkasan(p))}</p>"]
    for bagian in describe(p):
        out.append(f"<h4>{escape(bagian.judul)}</h4><ul>")
        for b in bagian.baris:
            head = f'<span class="tanda">{escape(b.tanda)}</span><strong>{escape(b.judul)}</strong>'
            one = inline(b)
            if one is not None:
                out.append(f"<li>{head}: {_ganti(one)}</li>")
                continue
            if b.teks:
                head += f": {escape(b.teks)}"
            details = "".join(
                f"<li>{escape(r) if isinstance(r, str) else _ganti(r)}</li>" for r in b.rincian
            )
            out.append(f"<li>{head}" + (f"<ul>{details}</ul>" if details else "") + "</li>")
        out.append("</ul>")
    return "".join(out)


def perubahan(path: Path, commits: list[Commit]) -> list[Perubahan]:
    """The shown revisions of one spec, each compared with the one before it."""
    out = []
    for c in commits[:MAX_REVISIONS]:
        if c.added:
            body = "<p>" + escape(_("The SOP was added to the catalog.")) + "</p>"
        else:
            try:
                body = perbandingan_html(diff(load_at(f"{c.sha}^", path), load_at(c.sha, path)))
            except SopdocError as exc:  # a revision that did not load: say so, go on
                body = "<p>" + escape(_("Not compared: {reason}").format(reason=exc)) + "</p>"
        out.append(Perubahan(c.tanggal, c.sha, c.judul, body))
    return out


__all__ = ["MAX_REVISIONS", "Commit", "history", "perbandingan_html", "perubahan", "signature"]
