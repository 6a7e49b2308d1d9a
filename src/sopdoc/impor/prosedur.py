"""The procedure table: header rows, column roles, lanes and the rows of each step.

The header rows ("NO", "KEGIATAN", "PELAKSANA" over the lanes, "MUTU BAKU" over
Kelengkapan/Waktu/Output, "KETERANGAN") give each grid column a role; lanes
are the columns under "Pelaksana" (on one or two levels). A step opens at a
row whose No. cell holds a number; a row without a number continues the step
above (a row split across pages, or a sub-row). A table without a header right
after a procedure table continues it (a continuation page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bahan import Kotak, Sel, Tabel
from .normal import bersihkan, gabung_kata, judul, rapikan

KOLOM = {
    "no": r"no\.?|nomor|no\.? urut|no\.? langkah",
    "aktivitas": r"(?:uraian\s+)?(?:aktivitas|aktifitas|kegiatan|prosedur|langkah)\b.*|uraian",
    "kelengkapan": r"(?:kelengkapan|persyaratan|syarat|sumber\s+data|input|bahan|dokumen)\b.*",
    "waktu": r"(?:waktu|durasi|jangka\s+waktu|lama)\b.*",
    "output": r"(?:output|out\s*put|keluaran|hasil|produk)\b.*",
    "keterangan": r"keterangan\b.*|ket\b\.?|catatan",
}
"""Column names by meaning, matched on the whole header text ('Kelengkapan/Persyaratan',
'Waktu (menit)', 'Output/Hasil', 'Ket.')."""
_KOLOM = {k: re.compile(rf"^(?:{v})$", re.I) for k, v in KOLOM.items()}
_KEPALA = re.compile(
    r"^(?:no\.?|nomor|(?:uraian\s+)?(?:aktivitas|aktifitas|kegiatan)|uraian|pelaksana|"
    r"mutu\s*baku|kelengkapan|persyaratan|sumber\s+data|waktu|output|out\s*put|keluaran|"
    r"hasil|keterangan|ket\.?)(?:\s*/\s*\w+)?(?:\s*\(.*\))?$",
    re.I,
)
"""The words a header row is made of (strict: a step's 'Dokumen ...' is not a header)."""
_PELAKSANA = re.compile(r"^pelaksana$", re.I)
_MUTU = re.compile(r"^mutu\s*baku$", re.I)
_NOMOR = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s*$")

TEKS_LANGKAH = ("aktivitas", "kelengkapan", "waktu", "output", "keterangan")


@dataclass
class Lajur:
    """A lane: its label as printed (a two-level header joins nothing: the lowest level)."""

    label: str
    grup: str = ""  # the upper header over it, other than "Pelaksana" (two-level headers)


@dataclass
class Langkah:
    """One step as printed in the table (possibly over several rows and pages)."""

    nomor: str
    teks: dict[str, list[str]] = field(default_factory=dict)
    kotak: list[Kotak] = field(default_factory=list)  # one per row piece
    tanda: list[int] = field(default_factory=list)  # lanes whose cell holds a mark or text
    sub_baris: int = 0
    sel: list[tuple[int, int]] = field(default_factory=list)  # its rows: (Bahan.tabel index, row)

    def isi(self, key: str) -> str:
        return "\n".join(x for x in self.teks.get(key, []) if x)


@dataclass
class Prosedur:
    """The procedure table of one SOP, as read."""

    lajur: list[Lajur]
    langkah: list[Langkah]
    tabel: list[int]  # indexes of the blocks read
    kolom_lajur: dict[int, list[tuple[float, float]]] = field(default_factory=dict)  # page ->
    tepi: dict[int, tuple[float, float]] = field(default_factory=dict)  # page -> table x0, x1
    catatan: list[str] = field(default_factory=list)


def _norm(teks: str) -> str:
    return " ".join(bersihkan(teks).replace("\n", " ").split()).strip(" :")


def _kepala(teks: str) -> str:
    """A header cell's text, words cut by a narrow column joined again."""
    return gabung_kata(_norm(teks))


def _grid(row: list[Sel]) -> list[tuple[Sel, bool]]:
    """The row as grid columns: (cell, True where a horizontal merge repeats it)."""
    out: list[tuple[Sel, bool]] = []
    for cell in row:
        for k in range(max(1, cell.span)):
            out.append((cell, k > 0))
    return out


def _kata_kepala(teks: str) -> bool:
    t = _norm(teks)
    return bool(t) and len(t) < 60 and bool(_KEPALA.match(t))


def adalah_kepala(row: list[Sel]) -> bool:
    """Whether a row is a header row of the procedure table."""
    first = next((c for c in row if not c.lanjutan), None)
    if first is not None and _NOMOR.match(first.teks):
        return False  # a step's row, or the row numbering the columns
    texts = [_norm(c.teks) for c in row if not c.lanjutan]
    hits = sum(1 for t in texts if _kata_kepala(t))
    return hits >= 2 or any(_PELAKSANA.match(t) or _MUTU.match(t) for t in texts)


def _baris_nomor_kolom(row: list[Sel]) -> bool:
    """The row '1 2 3 ... 10' numbering the columns."""
    if len(row) < 3 or row[0].teks.strip() != "1":
        return False
    nums = [t for t in (_norm(c.teks) for c in row) if t]
    return len(nums) >= 3 and all(n.isdigit() for n in nums) and nums[:3] == ["1", "2", "3"]


def adalah_prosedur(tabel: Tabel) -> bool:
    """Whether a table opens with the header of a procedure table."""
    for row in tabel.baris[:4]:
        if adalah_kepala(row):
            texts = {_norm(c.teks).lower() for c in row}
            if any(_PELAKSANA.match(t) for t in texts) or (
                any(_KOLOM["no"].match(t) for t in texts)
                and any(_KOLOM["aktivitas"].match(t) for t in texts)
            ):
                return True
    return False


def peran_kolom(header: list[list[Sel]], spans_known: bool) -> tuple[list[str | None], list[Lajur]]:
    """The role of each grid column ('no', 'aktivitas', 'lajur:<k>', ...) and the lanes."""
    grids = [[("" if c.lanjutan else _kepala(c.teks)) for c, _rep in _grid(r)] for r in header]
    width = max(len(g) for g in grids)
    for g in grids:
        g.extend([""] * (width - len(g)))
    if not spans_known:  # a text dump: a group header's empty neighbours belong to it
        for r, g in enumerate(grids[:-1]):
            for j in range(1, width):
                below = any(grids[k][j] for k in range(r + 1, len(grids)))
                if not g[j] and below and (_PELAKSANA.match(g[j - 1]) or _MUTU.match(g[j - 1])):
                    g[j] = g[j - 1]
    roles: list[str | None] = []
    lanes: list[Lajur] = []
    for j in range(width):
        texts = [g[j] for g in grids if g[j]]
        # a text repeated down a vertical span counts once
        texts = [t for k, t in enumerate(texts) if k == 0 or t != texts[k - 1]]
        leaf = texts[-1] if texts else ""
        under_pelaksana = any(_PELAKSANA.match(t) for t in texts)
        role = next((k for k, p in _KOLOM.items() if p.match(leaf)), None)
        if (under_pelaksana and not _PELAKSANA.match(leaf)) or (under_pelaksana and role is None):
            groups = [t for t in texts[:-1] if not _PELAKSANA.match(t)]
            lanes.append(Lajur(judul(leaf), judul(groups[-1]) if groups else ""))
            roles.append(f"lajur:{len(lanes) - 1}")
        elif under_pelaksana:
            lanes.append(Lajur("Pelaksana"))
            roles.append(f"lajur:{len(lanes) - 1}")
        else:
            roles.append(role)
    # lanes without a "Pelaksana" header: the unnamed columns between Aktivitas and Mutu Baku
    if not lanes and "aktivitas" in roles:
        start = roles.index("aktivitas") + 1
        for j in range(start, width):
            if roles[j] is not None:
                break
            leaf = next((g[j] for g in reversed(grids) if g[j]), "")
            if leaf:
                lanes.append(Lajur(judul(leaf)))
                roles[j] = f"lajur:{len(lanes) - 1}"
    return roles, lanes


def baca_prosedur(
    tabel: list[tuple[int, Tabel]], spans_known: bool, nomor_tabel: dict[int, int] | None = None
) -> Prosedur | None:
    """Read the procedure table(s) among ``tabel`` (block index, table); None if there is none.

    ``nomor_tabel`` maps ``id(table)`` to its index in ``Bahan.tabel``, so that each step
    knows its rows as (table, row) for drawings anchored in a cell.
    """
    roles: list[str | None] | None = None
    lanes: list[Lajur] = []
    steps: list[Langkah] = []
    used: list[int] = []
    result = Prosedur([], [], [])
    for n, tab in tabel:
        rows = tab.baris
        start = 0
        if adalah_prosedur(tab):
            k = next(i for i, r in enumerate(rows) if adalah_kepala(r))
            end = k
            while end < len(rows) and (adalah_kepala(rows[end]) or _kepala_lanjut(rows, end)):
                end += 1
            new_roles, new_lanes = peran_kolom(rows[k:end], spans_known)
            if roles is None:
                roles, lanes = new_roles, new_lanes
            elif [x.label for x in new_lanes] != [x.label for x in lanes] and steps:
                break  # another procedure's table: this one ends here
            roles = new_roles
            _kolom_lajur(result, rows[k:end], roles)
            start = end
        elif roles is None or not _lanjutan_cocok(rows, roles):
            if roles is not None and steps:
                break
            continue
        used.append(n)
        first_piece = True
        where = nomor_tabel.get(id(tab), -1) if nomor_tabel else -1
        for r, row in enumerate(rows[start:], start):
            if _baris_nomor_kolom(row) or adalah_kepala(row):
                continue
            _kolom_lajur(result, [row], roles, body=True)
            _baris(row, roles, steps, first_piece)
            if steps:
                steps[-1].sel.append((where, r))
            first_piece = False
    if roles is None or not steps:
        return None
    result.lajur, result.langkah, result.tabel = lanes, steps, used
    return result


def _kepala_lanjut(rows: list[list[Sel]], i: int) -> bool:
    """A lower header row holding only lane names (two-level lane headers): its No. and
    activity cells are empty or merged from above, and its texts are short names."""
    if i == 0 or i >= len(rows) or not rows[i] or _baris_nomor_kolom(rows[i]):
        return False
    grid = [c for c, _rep in _grid(rows[i])]
    if any(not c.lanjutan and _norm(c.teks) for c in grid[:2]):
        return False  # a No. or an activity: a step, not a header
    texts = [_norm(c.teks) for c in rows[i] if not c.lanjutan and _norm(c.teks)]
    return bool(texts) and all(len(t) <= 60 for t in texts)


def _lanjutan_cocok(rows: list[list[Sel]], roles: list[str | None]) -> bool:
    """A headerless table continues the procedure when its grid has the same width."""
    widths = {len(_grid(r)) for r in rows if r}
    return bool(widths) and max(widths) == len(roles)


def _kolom_lajur(
    result: Prosedur, rows: list[list[Sel]], roles: list[str | None], body: bool = False
) -> None:
    for row in rows:
        grid = _grid(row)
        spans: dict[int, tuple[float, float]] = {}
        page = None
        for j, (cell, _rep) in enumerate(grid):
            if j >= len(roles) or cell.kotak is None:
                continue
            page = cell.kotak.halaman
            x0, x1 = result.tepi.get(page, (cell.kotak.x0, cell.kotak.x1))
            result.tepi[page] = (min(x0, cell.kotak.x0), max(x1, cell.kotak.x1))
            role = roles[j]
            if role and role.startswith("lajur:") and cell.span == 1:
                spans[int(role[6:])] = (cell.kotak.x0, cell.kotak.x1)
        if page is None or not spans:
            continue
        if body and page in result.kolom_lajur:
            continue
        known = result.kolom_lajur.setdefault(page, [])
        n = 1 + max(int(r[6:]) for r in roles if r and r.startswith("lajur:"))
        if len(known) < n:
            known.extend([(0.0, 0.0)] * (n - len(known)))
        for k, xs in spans.items():
            known[k] = xs


def _baris(row: list[Sel], roles: list[str | None], steps: list[Langkah], first: bool) -> None:
    grid = _grid(row)
    values: dict[str, list[str]] = {}
    marks: list[int] = []
    nomor_cell: Sel | None = None
    for j, (cell, rep) in enumerate(grid):
        if rep or j >= len(roles) or roles[j] is None:
            continue
        role = roles[j]
        assert role is not None
        if role == "no":
            nomor_cell = cell
            continue
        if cell.lanjutan:
            continue
        text = rapikan(cell.teks)
        if role.startswith("lajur:"):
            if bersihkan(text):
                marks.append(int(role[6:]))
            continue
        values.setdefault(role, []).append(text)
    nomor = _norm(nomor_cell.teks) if nomor_cell is not None and not nomor_cell.lanjutan else ""
    m = _NOMOR.match(nomor)
    boxes = [c.kotak for c, _r in grid if c.kotak is not None]
    box = (
        Kotak(
            min(b.x0 for b in boxes),
            min(b.y0 for b in boxes),
            max(b.x1 for b in boxes),
            max(b.y1 for b in boxes),
            boxes[0].halaman,
        )
        if boxes
        else None
    )
    if not any(bersihkan(v) for vs in values.values() for v in vs) and not marks and not m:
        return
    if m or not steps:
        step = Langkah(m.group(1) if m else "")
        steps.append(step)
        join_first = False
    else:
        step = steps[-1]
        step.sub_baris += 1
        join_first = first  # a row split across pages continues the same paragraph
    for key, texts in values.items():
        text = "\n".join(t for t in texts if t)
        if not text:
            continue
        old = step.teks.setdefault(key, [])
        if old and join_first:
            old[-1] = f"{old[-1]} {text}"
        else:
            old.append(text)
    if box is not None:
        step.kotak.append(box)
    for k in marks:
        if k not in step.tanda:
            step.tanda.append(k)
