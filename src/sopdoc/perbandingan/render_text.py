"""The change list as text for a terminal, colored when asked (red removed, green added)."""

from __future__ import annotations

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

_RESET = "\033[0m"
_STYLE = {
    "+": "\033[32m",  # green
    "-": "\033[31m",  # red
    "~": "\033[33m",  # yellow
    ">": "\033[36m",  # cyan
    "bold": "\033[1m",
    "dim": "\033[2m",
    "del": "\033[31;9m",  # red, struck through
    "ins": "\033[32;4m",  # green, underlined
}
_SIGN = {"+": "+", "-": "-", "~": "~", ">": "↕"}


class _Paint:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, style: str, text: str) -> str:
        return f"{_STYLE[style]}{text}{_RESET}" if self.color and text else text


def _ganti(g: Ganti, paint: _Paint) -> str:
    label = f"{g.label}: " if g.label else ""
    if paint.color and similar(g.lama, g.baru):
        old = "".join(
            paint("del", t) if k == "-" else t for k, t in word_diff(g.lama, g.baru) if k != "+"
        )
        new = "".join(
            paint("ins", t) if k == "+" else t for k, t in word_diff(g.lama, g.baru) if k != "-"
        )
        return f"{label}{old} → {new}"
    return f"{label}{paint('-', g.lama)} → {paint('+', g.baru)}"


def render_text(p: Perbandingan, *, color: bool = False) -> str:
    """The comparison as lines for a terminal."""
    paint = _Paint(color)
    lines = [paint("bold", judul(p)), paint("dim", sumber(p)), ringkasan(p)]
    if p.lama.nomor != p.baru.nomor or p.lama.nama != p.baru.nama:
        lines.append(f"(dulu: SOP {p.lama.nomor} — {p.lama.nama})")
    for bagian in describe(p):
        lines.append("")
        lines.append(paint("bold", bagian.judul))
        for b in bagian.baris:
            head = f"  {paint(b.tanda, _SIGN[b.tanda])} {paint(b.tanda, b.judul)}"
            one = inline(b)
            if one is not None:
                lines.append(f"{head}: {_ganti(one, paint)}")
                continue
            if b.teks:
                head += f": {b.teks}"
            lines.append(head)
            for r in b.rincian:
                text = r if isinstance(r, str) else _ganti(r, paint)
                lines.append(f"      {text}")
    lines.append("")
    lines.append(paint("bold", "Dampak"))
    lines.extend(f"  {line}" for line in dampak_lines(p.dampak))
    return "\n".join(lines) + "\n"


def render_catalog_text(k: PerbandinganKatalog, *, color: bool = False) -> str:
    """Every SOP of a catalog compared with a revision."""
    paint = _Paint(color)
    out = [paint("bold", f"Katalog {k.folder}: revisi {k.revisi} → berkas kerja"), ""]
    same = 0
    for s in k.sop:
        if s.status == "sama":
            same += 1
        elif s.status == "ditambah":
            out.append(f"{paint('+', '+ SOP baru')}: {s.nomor} — {s.nama} ({s.sumber_baru})\n")
        elif s.status == "dihapus":
            out.append(f"{paint('-', '- SOP dihapus')}: {s.nomor} — {s.nama} ({s.sumber_lama})\n")
        elif s.perbandingan is not None:
            out.append(render_text(s.perbandingan, color=color))
    if same:
        out.append(f"{same} SOP tidak berubah.")
    return "\n".join(out).rstrip("\n") + "\n"
