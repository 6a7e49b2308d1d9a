"""Recording a revision in a spec: set ``tanggal.revisi`` and append to ``riwayat_revisi``.

The file is edited as text, guided by the positions of the loaded spec, so
that every comment and the formatting of the rest of the file survive (the
Kebasen specs carry the transcriber's reasoning in comments). The edited text
is loaded again and compared with the original: unless the only changes are
the two intended ones, nothing is written.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

from .errors import Location, SopdocError, SpecError, SpecLoadError, display_path
from .fileio import write_atomic
from .i18n import _
from .model import Revisi, Sop
from .siklus.jadwal import status_of
from .siklus.laporan import tanggal_id
from .siklus.model import StatusSop
from .source import read_text
from .spec import load_text

_COMMENT = re.compile(r"(\s+#.*)$")


class ReviseError(SopdocError):
    """The spec cannot be edited safely as text (e.g. written in flow style)."""


def _quote(text: str) -> str:
    """A YAML scalar for any text: a JSON string is a valid double-quoted YAML scalar."""
    return json.dumps(text, ensure_ascii=False)


class _Text:
    """The spec's lines, edited in place, with the positions of the original."""

    def __init__(self, text: str, sop: Sop, display: str):
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.lines = text.splitlines()
        self.final_newline = text.endswith(("\n", "\r"))
        self.sop = sop
        self.display = display

    def key(self, *path: str | int) -> Location | None:
        loc = self.sop.source_map.keys.get(tuple(path))
        return loc if loc is not None and loc.file == self.display else None

    def value(self, *path: str | int) -> Location | None:
        loc = self.sop.source_map.values.get(tuple(path))
        return loc if loc is not None and loc.file == self.display else None

    def under(self, *path: str | int) -> list[Location]:
        """Positions of every key and value below ``path`` written in this file."""
        n = len(path)
        src = self.sop.source_map
        found = [
            loc
            for table in (src.values, src.keys)
            for p, loc in table.items()
            if p[:n] == path and len(p) > n and loc.file == self.display
        ]
        return found

    def rest_of_line(self, loc: Location) -> tuple[str, str, str]:
        """A key's line split into (up to and including ':', value text, comment)."""
        line = self.lines[loc.line - 1]
        colon = line.index(":", loc.column - 1)
        head, rest = line[: colon + 1], line[colon + 1 :]
        m = _COMMENT.search(rest) if "#" in rest else None
        comment = m.group(1) if m else ""
        value = rest[: m.start()] if m else rest
        return head, value.strip(), comment

    def end_of_block(self, key: Location) -> int:
        """Index of the last content line of the block that ``key`` opens."""
        last = key.line - 1
        for i in range(key.line, len(self.lines)):
            stripped = self.lines[i].strip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(self.lines[i]) - len(self.lines[i].lstrip(" "))
            if indent <= key.column - 1 and not stripped.startswith("- "):
                break
            if indent < key.column - 1:
                break
            last = i
        return last

    def text(self) -> str:
        out = self.newline.join(self.lines)
        return out + self.newline if self.final_newline or out else out


Edit = tuple[int, int, list[str]]
"""Replace lines[start:stop] (0-based) by the given lines."""


def _set_revisi(t: _Text, tanggal: date) -> Edit:
    value = tanggal.isoformat()
    key = t.key("tanggal", "revisi")
    if key is not None:
        head, old, comment = t.rest_of_line(key)
        if old.startswith(("|", ">", "{", "[", "&", "*", "!")):
            raise ReviseError(f"{key}: write tanggal.revisi as a plain date to let sopdoc set it")
        body = f"{head} {value}"
        if comment:  # keep the comment in its column when there is room
            column = len(t.lines[key.line - 1]) - len(comment.lstrip())
            body += " " * max(1, column - len(body)) + comment.lstrip()
        return (key.line - 1, key.line, [body])
    parent = t.key("tanggal")
    if parent is None:
        raise ReviseError(f"{t.display}: the spec has no 'tanggal:' mapping")
    _head, inline, _comment = t.rest_of_line(parent)
    if inline:
        raise ReviseError(
            f"{parent}: write 'tanggal:' as a block mapping (one key a line) to let sopdoc set it"
        )
    children = t.under("tanggal")
    indent = min(loc.column for loc in children) - 1 if children else parent.column + 1
    at = t.end_of_block(parent) + 1
    return (at, at, [" " * indent + f"revisi: {value}"])


def _entry(dash: int, revisi: Revisi) -> list[str]:
    pad = " " * dash
    lines = [f"{pad}- tanggal: {revisi.tanggal.isoformat()}"]
    if revisi.nomor is not None:
        lines.append(f"{pad}  nomor: {_quote(revisi.nomor)}")
    lines.append(f"{pad}  catatan: {_quote(revisi.catatan)}")
    return lines


def _append_riwayat(t: _Text, revisi: Revisi) -> Edit:
    key = t.key("riwayat_revisi")
    if key is None:
        end = len(t.lines)
        while end and not t.lines[end - 1].strip():
            end -= 1
        return (end, len(t.lines), ["riwayat_revisi:", *_entry(2, revisi)])
    head, inline, comment = t.rest_of_line(key)
    if inline and inline != "[]":
        raise ReviseError(
            f"{key}: write 'riwayat_revisi:' as a block list (lines starting with '- ') "
            "to let sopdoc append to it"
        )
    if inline == "[]" or not t.sop.riwayat_revisi:
        return (key.line - 1, key.line, [head + comment, *_entry(key.column + 1, revisi)])
    first = t.value("riwayat_revisi", 0)
    assert first is not None
    line = t.lines[first.line - 1]
    dash = line.rfind("-", 0, first.column - 1)
    if dash < 0:
        raise ReviseError(f"{first}: cannot find the '- ' of the riwayat_revisi list")
    end = t.end_of_block(key) + 1
    return (end, end, _entry(dash, revisi))


def _yang_diganti(sop: Sop) -> str:
    """What a revision of an SOP in force replaces, for its riwayat revisi entry.

    Written in the document's language (it is printed in the riwayat revisi):
    the version in force since its Tanggal Efektif, under its penetapan.
    """
    if status_of(sop) is not StatusSop.BERLAKU:
        return ""
    parts = []
    if sop.tanggal.efektif:
        parts.append(f"berlaku sejak {tanggal_id(sop.tanggal.efektif)}")
    if sop.penetapan:
        parts.append(f"penetapan {sop.penetapan.nomor} tanggal {tanggal_id(sop.penetapan.tanggal)}")
    return f" (menggantikan versi {', '.join(parts)})" if parts else ""


def revise(
    path: str | os.PathLike[str],
    catatan: str,
    *,
    tanggal: date | None = None,
    nomor: str | None = None,
) -> Sop:
    """Record a revision in the spec at ``path``, in place; returns the revised SOP.

    Sets ``tanggal.revisi`` to ``tanggal`` (default: today) and appends
    ``{tanggal, nomor, catatan}`` to ``riwayat_revisi``; for an SOP in force the
    catatan also records the version it replaces (efektif date, penetapan). Comments and the
    layout of everything else are kept. The file is replaced atomically, and
    only when the edited text loads and differs from the old in exactly
    those two places.
    """
    p = Path(path)
    display = display_path(p)
    if not catatan.strip():
        raise SpecLoadError([SpecError(Location(display), _("the revision note is empty"))])
    text = read_text(p, display)
    old = load_text(text, display, p)
    catatan = catatan.strip() + _yang_diganti(old)
    revisi = Revisi(tanggal=tanggal or date.today(), catatan=catatan, nomor=nomor)
    edit = _Text(text, old, display)
    # from the bottom up, so that earlier positions stay valid; at the same line the
    # riwayat (appended at the end of the file) goes first, the revisi line before it
    edits = [_append_riwayat(edit, revisi), _set_revisi(edit, revisi.tanggal)]
    for start, stop, lines in sorted(edits, key=lambda e: e[0], reverse=True):
        edit.lines[start:stop] = lines
    new_text = edit.text()
    try:
        new = load_text(new_text, display, p)
    except SpecLoadError as exc:  # a bug in the editing above: never write it
        raise ReviseError(f"could not edit {display} safely; nothing was written ({exc})") from None
    wanted = old.model_dump(mode="json")
    wanted["tanggal"]["revisi"] = revisi.tanggal.isoformat()
    wanted["riwayat_revisi"].append(revisi.model_dump(mode="json"))
    if new.model_dump(mode="json") != wanted:
        raise ReviseError(f"could not edit {display} safely; nothing was written")
    write_atomic(p, new_text)
    return new
