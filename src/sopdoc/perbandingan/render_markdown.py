"""The change list as Markdown, for a pull-request comment."""

from __future__ import annotations

import re

from .describe import (
    Ganti,
    dampak_lines,
    describe,
    inline,
    judul,
    ringkasan,
    similar,
    sumber,
    word_diff,
)
from .model import Perbandingan, PerbandinganKatalog

_ICON = {"+": "➕", "-": "➖", "~": "✏️", ">": "↕️"}


def escape(text: str) -> str:
    """Text safe inside Markdown (no accidental emphasis, links, tables or HTML)."""
    return re.sub(r"([\\`*_\[\]<>|~])", r"\\\1", text)


def _ganti(g: Ganti) -> str:
    label = f"**{escape(g.label)}**: " if g.label else ""
    if similar(g.lama, g.baru):
        parts: list[str] = []
        previous = ""
        for kind, text in word_diff(g.lama, g.baru):
            stripped = text.strip()
            if kind == "+" and previous == "-" and not text[:1].isspace():
                parts.append(" ")  # '~~old~~ **new**', not '~~old~~**new**'
            previous = kind
            if not stripped:
                parts.append(text)
            elif kind == "-":
                parts.append(_wrap("~~", text))
            elif kind == "+":
                parts.append(_wrap("**", text))
            else:
                parts.append(escape(text))
        return label + "".join(parts)
    return f"{label}~~{escape(g.lama)}~~ → **{escape(g.baru)}**"


def _wrap(mark: str, text: str) -> str:
    """``mark`` around the words, keeping the spaces outside (Markdown needs that)."""
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{escape(text.strip())}{mark}{trail}"


def render_markdown(p: Perbandingan, *, level: int = 3) -> str:
    """The comparison as Markdown; ``level`` is the heading level of the title."""
    h = "#" * level
    lines = [f"{h} {escape(judul(p))}", "", f"_{escape(sumber(p))}_", "", ringkasan(p)]
    if p.lama.nomor != p.baru.nomor or p.lama.nama != p.baru.nama:
        lines += ["", f"(dulu: SOP {escape(p.lama.nomor)} — {escape(p.lama.nama)})"]
    for bagian in describe(p):
        lines += ["", f"{h}# {bagian.judul}", ""]
        for b in bagian.baris:
            head = f"- {_ICON[b.tanda]} **{b.judul}**"
            one = inline(b)
            if one is not None:
                lines.append(f"{head}: {_ganti(one)}")
                continue
            if b.teks:
                head += f": {escape(b.teks)}"
            lines.append(head)
            for r in b.rincian:
                lines.append(f"  - {escape(r) if isinstance(r, str) else _ganti(r)}")
    lines += ["", f"{h}# Dampak", ""]
    lines += [f"- {escape(line)}" for line in dampak_lines(p.dampak)]
    return "\n".join(lines) + "\n"


def render_catalog_markdown(k: PerbandinganKatalog) -> str:
    """Every SOP of a catalog compared with a revision, one section each."""
    lines = [f"## Perubahan SOP: `{k.folder}` sejak `{k.revisi}`", ""]
    same = [s for s in k.sop if s.status == "sama"]
    for s in k.sop:
        if s.status == "ditambah":
            lines.append(
                f"- ➕ **SOP baru**: {escape(s.nomor)} — {escape(s.nama)} (`{s.sumber_baru}`)"
            )
        elif s.status == "dihapus":
            lines.append(
                f"- ➖ **SOP dihapus**: {escape(s.nomor)} — {escape(s.nama)} (`{s.sumber_lama}`)"
            )
    for s in k.sop:
        if s.status == "diubah" and s.perbandingan is not None:
            lines += ["", render_markdown(s.perbandingan, level=3).rstrip("\n")]
    if same:
        lines += ["", f"{len(same)} SOP tidak berubah."]
    if all(s.status == "sama" for s in k.sop):
        lines += ["", "Tidak ada perubahan SOP."]
    text = "\n".join(lines).strip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)
