"""The NEW revision as a Word document whose changes are real tracked changes.

Insertions are ``w:ins`` runs, deletions ``w:del`` runs (``w:delText``), a
reworded value is its unchanged words plus the removed and the added words,
an inserted step is a table row marked ``w:trPr/w:ins`` and a deleted step a
row kept with ``w:trPr/w:del``: a reviewer accepts or rejects each in Word's
Review pane (or LibreOffice's Manage Changes). Every change carries the
author and the revision date. The first page summarises the changes in words.

The document is NEW's official document (``sopdoc.docx``) marked by
``redline_doc``. When NEW cannot be drawn, a table-only document written here
(identity, sections, riwayat revisi, one row per step) carries the marks.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import SopdocError
from ..fileio import write_atomic
from ..model import Sop
from .apply import _rebuild
from .describe import dampak_lines, describe, judul, ringkasan, word_diff
from .engine import diff
from .model import (
    BAGIAN,
    ButirDihapus,
    ButirDipindah,
    ButirDitambah,
    LangkahDihapus,
    LangkahDipindah,
    LangkahDisisipkan,
    LangkahDiubah,
    NilaiDiubah,
    PelaksanaDihapus,
    PelaksanaDipindah,
    PelaksanaDitambah,
    Perbandingan,
)

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

_SIGN = {"+": "+", "-": "−", "~": "~", ">": "↕"}


def tanggal_teks(value: Any) -> str:
    """'3 Juni 2024' from a date or an ISO text; empty prints as '-'."""
    if value in (None, ""):
        return "-"
    d = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


# -- the tracked-change vocabulary -------------------------------------------------


class Tracker:
    """Writes runs, paragraph marks and rows as plain, inserted or deleted."""

    def __init__(self, author: str, when: datetime):
        from docx.oxml.ns import qn

        self.qn = qn
        self.author = author
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = 1

    def _mark(self, tag: str) -> Any:
        from docx.oxml import OxmlElement

        el = OxmlElement(tag)
        el.set(self.qn("w:id"), str(self.next_id))
        el.set(self.qn("w:author"), self.author)
        el.set(self.qn("w:date"), self.date)
        self.next_id += 1
        return el

    def _run(self, text: str, deleted: bool, bold: bool, size: float | None) -> Any:
        from docx.oxml import OxmlElement

        r = OxmlElement("w:r")
        if bold or size:
            rpr = OxmlElement("w:rPr")
            if bold:
                rpr.append(OxmlElement("w:b"))
            if size:
                sz = OxmlElement("w:sz")
                sz.set(self.qn("w:val"), str(round(size * 2)))
                rpr.append(sz)
            r.append(rpr)
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.set(self.qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        return r

    def run(
        self, p: Any, text: str, kind: str = "", *, bold: bool = False, size: float | None = None
    ) -> None:
        """Append ``text`` to paragraph ``p``: kind '' plain, '+' inserted, '-' deleted."""
        if not text:
            return
        r = self._run(text, kind == "-", bold, size)
        if kind:
            wrapper = self._mark("w:ins" if kind == "+" else "w:del")
            wrapper.append(r)
            p._p.append(wrapper)
        else:
            p._p.append(r)

    def text(
        self,
        p: Any,
        old: str | None,
        new: str | None,
        *,
        bold: bool = False,
        size: float | None = None,
    ) -> None:
        """The value as it changed: unchanged words plain, removed words deleted, new inserted."""
        old, new = old or "", new or ""
        if old == new:
            self.run(p, new, bold=bold, size=size)
        elif not old:
            self.run(p, new, "+", bold=bold, size=size)
        elif not new:
            self.run(p, old, "-", bold=bold, size=size)
        else:
            for kind, part in spaced_diff(old, new):
                self.run(p, part, kind, bold=bold, size=size)

    def paragraph_mark(self, p: Any, kind: str) -> None:
        """Mark the paragraph itself inserted or deleted (so accepting removes it whole)."""
        from docx.oxml import OxmlElement

        ppr = p._p.get_or_add_pPr()
        rpr = ppr.find(self.qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(self._mark("w:ins" if kind == "+" else "w:del"))

    def row_mark(self, row: Any, kind: str) -> None:
        """Mark a table row inserted or deleted."""
        self.row_mark_el(row._tr, kind)

    # the same on raw elements (a document written by another module) ---------------

    def row_mark_el(self, tr: Any, kind: str) -> None:
        from docx.oxml import OxmlElement

        tr_pr = tr.find(self.qn("w:trPr"))
        if tr_pr is None:
            tr_pr = OxmlElement("w:trPr")
            tr.insert(0, tr_pr)
        tr_pr.append(self._mark("w:ins" if kind == "+" else "w:del"))

    def paragraph_mark_el(self, p: Any, kind: str) -> None:
        from docx.oxml import OxmlElement

        ppr = p.find(self.qn("w:pPr"))
        if ppr is None:
            ppr = OxmlElement("w:pPr")
            p.insert(0, ppr)
        rpr = ppr.find(self.qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(self._mark("w:ins" if kind == "+" else "w:del"))

    def wrap_runs(self, el: Any, kind: str) -> None:
        """Every run below ``el`` inserted or deleted (deleted text becomes w:delText)."""
        for r in list(el.iter(self.qn("w:r"))):
            parent = r.getparent()
            if parent.tag in (self.qn("w:ins"), self.qn("w:del")):
                continue
            if kind == "-":
                for t in r.findall(self.qn("w:t")):
                    t.tag = self.qn("w:delText")
            wrapper = self._mark("w:ins" if kind == "+" else "w:del")
            parent.replace(r, wrapper)
            wrapper.append(r)

    def append_run(self, p: Any, text: str, kind: str = "", rpr: Any = None) -> None:
        """Append one run to the paragraph element ``p`` ('' plain, '+' inserted, '-' deleted)."""
        import copy as _copy

        if not text:
            return
        r = self._run(text, kind == "-", False, None)
        if rpr is not None:
            r.insert(0, _copy.deepcopy(rpr))
        if kind:
            wrapper = self._mark("w:ins" if kind == "+" else "w:del")
            wrapper.append(r)
            p.append(wrapper)
        else:
            p.append(r)

    def append_text(self, p: Any, old: str, new: str, rpr: Any = None) -> None:
        """Append ``old`` -> ``new`` to the paragraph element ``p``, marked word by word."""
        if old == new:
            self.append_run(p, new, "", rpr)
        elif not old:
            self.append_run(p, new, "+", rpr)
        elif not new:
            self.append_run(p, old, "-", rpr)
        else:
            for kind, part in spaced_diff(old, new):
                self.append_run(p, part, kind, rpr)

    def rewrite(self, p: Any, old: str, new: str) -> None:
        """Replace the runs of paragraph element ``p`` by ``old`` -> ``new``, same formatting."""
        q = self.qn
        rpr = next(
            (r.find(q("w:rPr")) for r in p.iter(q("w:r")) if r.find(q("w:rPr")) is not None), None
        )
        for child in list(p):
            if child.tag in (q("w:r"), q("w:ins"), q("w:del")):
                p.remove(child)
        self.append_text(p, old, new, rpr)


def spaced_diff(old: str, new: str) -> list[tuple[str, str]]:
    """:func:`word_diff`, with a space kept between a removed and an added text.

    "15 menit" -> "20 menit" gives '15 ' removed and '20 ' added (not '15', '20',
    which print as "1520"): the space next to the change goes into both sides, so
    accepting gives the new text and rejecting the old one, each spaced as written.
    """
    parts = word_diff(old, new)
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(parts):
        kind, text = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if kind == "-" and nxt is not None and nxt[0] == "+":
            after = parts[i + 2] if i + 2 < len(parts) else None
            if after is not None and after[0] == "" and after[1][:1].isspace():
                space = after[1][: len(after[1]) - len(after[1].lstrip())]
                out += [("-", text + space), ("+", nxt[1] + space)]
                rest = after[1][len(space) :]
                if rest:
                    out.append(("", rest))
                i += 3
                continue
            if out and out[-1][0] == "" and out[-1][1][-1:].isspace():
                before = out.pop()[1]
                space = before[len(before.rstrip()) :]
                if before.rstrip():
                    out.append(("", before.rstrip()))
                out += [("-", space + text), ("+", space + nxt[1])]
                i += 2
                continue
        out.append((kind, text))
        i += 1
    return out


# -- merging old and new sequences ---------------------------------------------------


@dataclass
class Baris:
    """One entry of a merged sequence: a kept, inserted or deleted item."""

    kind: str  # '' kept, '+' inserted, '-' deleted
    lama: Any  # the old value (None for an insertion)
    baru: Any  # the new value (None for a deletion)
    nomor_lama: int | None
    nomor_baru: int | None
    pindah: bool = False  # one half of a move


def merged(
    old: Sequence[Any],
    new: Sequence[Any],
    deleted: set[int],
    moved: dict[int, int],
    inserted: set[int],
) -> list[Baris]:
    """NEW in order, with the deleted (and moved-away) old items at their old places.

    ``deleted`` and ``inserted`` hold 0-based old/new indexes, ``moved`` maps
    old index -> new index. A moved item shows twice: deleted where it was,
    inserted where it is.
    """
    placed: dict[int, tuple[int | None, Any]] = {j: (None, None) for j in inserted}
    placed.update({j: (i, i) for i, j in moved.items()})
    _slots, new_of = _rebuild(list(range(len(old))), deleted, placed)
    kept = {i: j for i, j in new_of.items() if i not in moved}
    gone = sorted(deleted | set(moved))
    anchors: dict[int, list[int]] = {}
    for i in gone:
        before = [kept[k] for k in kept if k < i]
        anchors.setdefault(max(before) if before else -1, []).append(i)
    old_of = {j: i for i, j in new_of.items()}
    out: list[Baris] = [
        Baris("-", old[i], None, i + 1, None, i in moved) for i in anchors.get(-1, [])
    ]
    for j, value in enumerate(new):
        source = old_of.get(j)
        if source is None or source in moved:
            out.append(Baris("+", None, value, None, j + 1, source is not None))
        else:
            out.append(Baris("", old[source], value, source + 1, j + 1))
        out.extend(Baris("-", old[k], None, k + 1, None, k in moved) for k in anchors.get(j, []))
    return out


def _section_rows(p: Perbandingan, bagian: str, old: list[Any], new: list[Any]) -> list[Baris]:
    mine = [c for c in p.perubahan if getattr(c, "bagian", None) == bagian]
    return merged(
        old,
        new,
        {c.nomor_lama - 1 for c in mine if isinstance(c, ButirDihapus)},
        {c.nomor_lama - 1: c.nomor_baru - 1 for c in mine if isinstance(c, ButirDipindah)},
        {c.nomor_baru - 1 for c in mine if isinstance(c, ButirDitambah)},
    )


def _step_rows(p: Perbandingan, old: Sop, new: Sop) -> list[Baris]:
    c = p.perubahan
    return merged(
        old.kegiatan,
        new.kegiatan,
        {x.nomor_lama - 1 for x in c if isinstance(x, LangkahDihapus)},
        {x.nomor_lama - 1: x.nomor_baru - 1 for x in c if isinstance(x, LangkahDipindah)},
        {x.nomor_baru - 1 for x in c if isinstance(x, LangkahDisisipkan)},
    )


# -- the document ----------------------------------------------------------------------


def write_summary(para: Callable[..., Any], t: Tracker, p: Perbandingan) -> list[Any]:
    """The change summary as paragraphs made by ``para(text, bold=, size=)``; returns them."""
    out = [
        para("RINGKASAN PERUBAHAN", bold=True, size=14),
        para(judul(p), bold=True),
        para(f"Revisi lama: {p.lama.sumber or '-'}"),
        para(f"Revisi baru: {p.baru.sumber or '-'}"),
        para(
            f"Perubahan ditandai sebagai tracked changes ({t.author}, {t.date[:10]}): "
            "terima atau tolak setiap perubahan di panel Review."
        ),
        para(ringkasan(p), bold=True),
    ]
    for bagian in describe(p):
        out.append(para(bagian.judul, bold=True))
        for b in bagian.baris:
            line = f"{_SIGN[b.tanda]} {b.judul}" + (f": {b.teks}" if b.teks else "")
            q = para(line)
            q.paragraph_format.left_indent = _mm(4)
            out.append(q)
            for r in b.rincian:
                text = (
                    r
                    if isinstance(r, str)
                    else (f"{r.label}: " if r.label else "") + f"{r.lama} → {r.baru}"
                )
                d = para(text, size=9)
                d.paragraph_format.left_indent = _mm(10)
                out.append(d)
    out.append(para("Dampak", bold=True))
    for line in dampak_lines(p.dampak):
        q = para(line)
        q.paragraph_format.left_indent = _mm(4)
        out.append(q)
    return out


def _item_text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "catatan"):
        return value.catatan
    return str(value)


class _Writer:
    def __init__(self, old: Sop, new: Sop, p: Perbandingan, tracker: Tracker):
        from docx import Document

        self.old, self.new, self.p, self.t = old, new, p, tracker
        self.doc = Document()
        self.changed = {c.path: c for c in p.perubahan if isinstance(c, NilaiDiubah)}
        style = self.doc.styles["Normal"]
        style.font.name = "Liberation Sans"
        style.font.size = _pt(10)
        w, h = new.kertas.mm
        sect = self.doc.sections[0]
        sect.page_width, sect.page_height = _mm(w), _mm(h)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(sect, side, _mm(20))

    # values -------------------------------------------------------------------------

    def value(self, path: tuple[str, ...], show: Callable[[Any], str] = str) -> tuple[str, str]:
        """(old text, new text) of a single value, through ``show``."""

        def get(sop: Sop) -> Any:
            v: Any = sop.model_dump(mode="json")
            for part in path:
                v = v.get(part) if isinstance(v, dict) else None
            return v

        def text(v: Any) -> str:
            return show(v) if show is tanggal_teks else ("" if v is None else show(v))

        new = get(self.new)
        old = get(self.old) if path in self.changed else new
        return text(old), text(new)

    def para(self, text: str = "", *, bold: bool = False, size: float | None = None) -> Any:
        p = self.doc.add_paragraph()
        p.paragraph_format.space_after = _pt(2)
        if text:
            self.t.run(p, text, bold=bold, size=size)
        return p

    # parts --------------------------------------------------------------------------

    def summary(self) -> None:
        write_summary(self.para, self.t, self.p)

    def kop(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = self.doc.add_paragraph()
        p.paragraph_format.page_break_before = True
        self.t.run(p, "")
        rows = _section_rows(self.p, "kop", self.old.kop, self.new.kop)
        kop_new = self.new.kop or [self.new.instansi.upper(), self.new.unit.upper()]
        if not self.new.kop:
            rows = [Baris("", v, v, None, None) for v in kop_new]
        first = True
        for r in rows:
            q = p if first else self.doc.add_paragraph()
            first = False
            q.alignment = WD_ALIGN_PARAGRAPH.CENTER
            q.paragraph_format.space_after = _pt(0)
            self._item(q, r, bold=True, size=13)

    def _item(self, q: Any, r: Baris, *, bold: bool = False, size: float | None = None) -> None:
        if r.kind == "+":
            self.t.run(q, _item_text(r.baru), "+", bold=bold, size=size)
            self.t.paragraph_mark(q, "+")
        elif r.kind == "-":
            self.t.run(q, _item_text(r.lama), "-", bold=bold, size=size)
            self.t.paragraph_mark(q, "-")
        else:
            self.t.text(q, _item_text(r.lama), _item_text(r.baru), bold=bold, size=size)

    def identity(self) -> None:
        self.para()
        rows: list[tuple[str, tuple[str, ...], Callable[[Any], str]]] = [
            ("Nomor SOP", ("nomor",), str),
            ("Tanggal Pembuatan", ("tanggal", "pembuatan"), tanggal_teks),
            ("Tanggal Revisi", ("tanggal", "revisi"), tanggal_teks),
            ("Tanggal Efektif", ("tanggal", "efektif"), tanggal_teks),
            ("Disahkan oleh: jabatan", ("disahkan_oleh", "jabatan"), str),
            ("Disahkan oleh: nama", ("disahkan_oleh", "nama"), str),
            ("Disahkan oleh: pangkat", ("disahkan_oleh", "pangkat"), str),
            ("Disahkan oleh: NIP", ("disahkan_oleh", "nip"), str),
            ("Nama SOP", ("nama",), str),
            ("Instansi", ("instansi",), str),
            ("Unit", ("unit",), str),
        ]
        table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, path, show in rows:
            cells = table.add_row().cells
            self.t.run(cells[0].paragraphs[0], label, bold=True)
            old, new = self.value(path, show)
            self.t.text(cells[1].paragraphs[0], old, new)
        _widths(table, [50, 120])

    def sections(self) -> None:
        order = ["dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan"]
        for bagian in order:
            self._list(bagian)
        self.para("Peringatan", bold=True)
        old, new = self.value(("peringatan",))
        self.t.text(self.para(), old, new)
        self._list("pencatatan_pendataan")

    def _list(self, bagian: str) -> None:
        self.para(BAGIAN[bagian], bold=True)
        rows = _section_rows(self.p, bagian, getattr(self.old, bagian), getattr(self.new, bagian))
        if not rows:
            self.para("-")
        for r in rows:
            q = self.para()
            q.paragraph_format.left_indent = _mm(6)
            number = r.nomor_baru if r.nomor_baru is not None else r.nomor_lama
            self.t.run(q, f"{number}. ", "-" if r.kind == "-" else "+" if r.kind == "+" else "")
            self._item(q, r)

    def riwayat(self) -> None:
        self.para("Riwayat Revisi", bold=True)
        rows = _section_rows(
            self.p,
            "riwayat_revisi",
            [r.model_dump(mode="json") for r in self.old.riwayat_revisi],
            [r.model_dump(mode="json") for r in self.new.riwayat_revisi],
        )
        if not rows:
            self.para("Belum pernah direvisi.")
            return
        table = self.doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, head in zip(table.rows[0].cells, ["Tanggal", "Revisi", "Catatan"], strict=True):
            self.t.run(cell.paragraphs[0], head, bold=True)
        for r in rows:
            row = table.add_row()
            old, new = r.lama or {}, r.baru or {}
            if r.kind:
                self.t.row_mark(row, r.kind)
            shows: list[Callable[[Any], str]] = [tanggal_teks, str, str]
            for cell, key, show in zip(
                row.cells, ["tanggal", "nomor", "catatan"], shows, strict=True
            ):
                a = show(old[key]) if old.get(key) else ""
                b = show(new[key]) if new.get(key) else ""
                if r.kind == "+":
                    self.t.run(cell.paragraphs[0], b, "+")
                elif r.kind == "-":
                    self.t.run(cell.paragraphs[0], a, "-")
                else:
                    self.t.text(cell.paragraphs[0], a, b)
        _widths(table, [30, 20, 120])

    def procedure(self) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION

        sect = self.doc.add_section(WD_SECTION.NEW_PAGE)
        w, h = self.new.kertas.mm
        sect.orientation = WD_ORIENT.LANDSCAPE
        sect.page_width, sect.page_height = _mm(h), _mm(w)
        self.para(f"PROSEDUR: {self.new.nama.upper()}", bold=True, size=12)
        self._lanes()
        heads = ["No", "Aktivitas", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan",
                 "Jika tidak"]  # fmt: skip
        table = self.doc.add_table(rows=1, cols=len(heads))
        table.style = "Table Grid"
        for cell, head in zip(table.rows[0].cells, heads, strict=True):
            self.t.run(cell.paragraphs[0], head, bold=True)
        _repeat_header(table.rows[0])
        changes = {c.nomor_lama: c for c in self.p.perubahan if isinstance(c, LangkahDiubah)}
        for r in _step_rows(self.p, self.old, self.new):
            row = table.add_row()
            if r.kind:
                self.t.row_mark(row, r.kind)
            cells = row.cells
            old_cells = self._step_cells(r.lama, self.old) if r.lama is not None else None
            new_cells = self._step_cells(r.baru, self.new) if r.baru is not None else None
            number_old = str(r.nomor_lama) if r.nomor_lama else ""
            number_new = str(r.nomor_baru) if r.nomor_baru else ""
            values: list[tuple[str | None, str | None]]
            if r.kind == "+":
                values = [(None, number_new), *((None, v) for v in new_cells or [])]
            elif r.kind == "-":
                values = [(number_old, None), *((v, None) for v in old_cells or [])]
            else:
                change = changes.get(r.nomor_lama or 0)
                changed = {k.kolom for k in change.kolom} if change else set()
                columns = ["aktivitas", "pelaksana", "kelengkapan", "waktu", "output",
                           "keterangan", "jika_tidak"]  # fmt: skip
                assert old_cells is not None and new_cells is not None
                values = [(number_old, number_new)]
                values += [
                    (o if kolom in changed else n, n)
                    for kolom, o, n in zip(columns, old_cells, new_cells, strict=True)
                ]
            for cell, (a, b) in zip(cells, values, strict=True):
                para = cell.paragraphs[0]
                if r.kind == "+":
                    self.t.run(para, b or "", "+")
                elif r.kind == "-":
                    self.t.run(para, a or "", "-")
                else:
                    self.t.text(para, a, b)
        _widths(table, [10, 62, 30, 35, 18, 35, 35, 32])
        self.para()
        for line in dampak_lines(self.p.dampak):
            self.para(line, size=9)

    def _lanes(self) -> None:
        c = self.p.perubahan
        rows = merged(
            list(self.old.pelaksana.items()),
            list(self.new.pelaksana.items()),
            {x.kolom_lama - 1 for x in c if isinstance(x, PelaksanaDihapus)},
            {x.kolom_lama - 1: x.kolom_baru - 1 for x in c if isinstance(x, PelaksanaDipindah)},
            {x.kolom_baru - 1 for x in c if isinstance(x, PelaksanaDitambah)},
        )
        q = self.para()
        self.t.run(q, "Pelaksana: ", bold=True)
        for n, r in enumerate(rows):
            sep = "" if n == 0 else ", "
            if r.kind == "+":
                self.t.run(q, sep + r.baru[1], "+")
            elif r.kind == "-":
                self.t.run(q, sep + r.lama[1], "-")
            else:
                self.t.run(q, sep)
                self.t.text(q, r.lama[1], r.baru[1])

    def _step_cells(self, step: Any, sop: Sop) -> list[str]:
        lanes = ", ".join(sop.pelaksana.get(i, i) for i in step.pelaksana_ids)
        tidak = ""
        if step.jika_tidak is not None:
            index = sop.langkah(step.jika_tidak)
            tidak = f"ke langkah {index + 1}" if index is not None else f"ke {step.jika_tidak}"
        return [
            step.aktivitas,
            lanes,
            step.kelengkapan or "",
            str(step.waktu or ""),
            step.output or "",
            step.keterangan or "",
            tidak,
        ]

    def build(self) -> bytes:
        self.summary()
        self.kop()
        self.identity()
        self.para()
        self.sections()
        self.para()
        self.riwayat()
        self.procedure()
        _track_view(self.doc)
        props = self.doc.core_properties
        props.title = f"Redline SOP {self.new.nama}"
        props.subject = self.new.nomor
        props.author = self.t.author
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def _pt(v: float) -> Any:
    from docx.shared import Pt

    return Pt(v)


def _mm(v: float) -> Any:
    from docx.shared import Mm

    return Mm(v)


def _widths(table: Any, mm: list[float]) -> None:
    """Fixed column widths: the grid, the layout type and every cell (Word and LibreOffice)."""
    from docx.oxml.ns import qn

    table.autofit = False  # w:tblLayout fixed, in its place in w:tblPr
    tbl = table._tbl
    for col, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), mm, strict=False):
        col.set(qn("w:w"), str(round(w / 25.4 * 1440)))
    for row in table.rows:
        for cell, w in zip(row.cells, mm, strict=False):
            cell.width = _mm(w)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


_BEFORE_TRACK_REVISIONS = frozenset(
    (
        "writeProtection",
        "view",
        "zoom",
        "removePersonalInformation",
        "removeDateAndTime",
        "doNotDisplayPageBoundaries",
        "displayBackgroundShape",
        "printPostScriptOverText",
        "printFractionalCharacterWidth",
        "printFormsData",
        "embedTrueTypeFonts",
        "embedSystemFonts",
        "saveSubsetFonts",
        "saveFormsData",
        "mirrorMargins",
        "alignBordersAndEdges",
        "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter",
        "gutterAtTop",
        "hideSpellingErrors",
        "hideGrammaticalErrors",
        "activeWritingStyle",
        "proofState",
        "formsDesign",
        "attachedTemplate",
        "linkStyles",
        "stylePaneFormatFilter",
        "stylePaneSortMethod",
        "documentType",
        "mailMerge",
        "revisionView",
    )
)
"""The children of w:settings that the schema puts before w:trackRevisions."""


def _localname(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _track_view(doc: Any) -> None:
    """Open with the changes shown (and further edits tracked) in Word and LibreOffice."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = doc.settings.element
    if settings.find(qn("w:trackRevisions")) is None:
        # after the settings the schema puts before it (w:zoom, w:proofState, ...)
        at = 0
        for k, child in enumerate(settings):
            if _localname(child) in _BEFORE_TRACK_REVISIONS:
                at = k + 1
        settings.insert(at, OxmlElement("w:trackRevisions"))


def revision_time(new: Sop, old: Sop | None = None) -> datetime:
    """The date the changes carry: the new tanggal revisi, else SOURCE_DATE_EPOCH, else the
    latest date written in either spec (never the clock: the same specs, the same bytes)."""
    if new.tanggal.revisi is not None:
        d = new.tanggal.revisi
        return datetime(d.year, d.month, d.day, tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    days = [
        d
        for sop in (new, old)
        if sop is not None
        for d in (sop.tanggal.pembuatan, sop.tanggal.revisi, sop.tanggal.efektif)
        if d is not None
    ]
    d = max(days, default=date(1980, 1, 1))
    return datetime(d.year, d.month, d.day, tzinfo=timezone.utc)


def render_redline(
    old: Sop, new: Sop, perbandingan: Perbandingan | None = None, *, author: str = "sopdoc"
) -> bytes:
    """The redline DOCX as bytes (see :func:`write_redline`)."""
    p = perbandingan or diff(old, new)
    tracker = Tracker(author, revision_time(new, old))
    try:
        from ..docx import render_docx

        official = render_docx(new)
    except SopdocError:  # NEW cannot be drawn (its own errors): the table redline still can
        return _Writer(old, new, p, tracker).build()
    return _mark_official(official, old, new, p, tracker)


_PROSEDUR_NOTE = (
    "Halaman prosedur (tabel dan bagan alir) ditandai utuh: halaman revisi baru sebagai "
    "sisipan, halaman revisi lama sesudahnya sebagai hapusan."
)


def _mark_official(data: bytes, old: Sop, new: Sop, p: Perbandingan, t: Tracker) -> bytes:
    from ..docx import reproducible_zip
    from .redline_doc import DocumentMarker, load, summary_first

    document = load(data)
    marker = DocumentMarker(document, old, new, p, t)
    marker.identity(tanggal_teks)
    marker.sections(
        lambda bagian: _section_rows(p, bagian, getattr(old, bagian), getattr(new, bagian))
    )
    marker.riwayat()
    marker.procedure()

    def para(text: str = "", *, bold: bool = False, size: float | None = None) -> Any:
        q = document.add_paragraph()
        q.paragraph_format.space_after = _pt(2)
        t.run(q, text, bold=bold, size=size or 10)
        return q

    paragraphs = write_summary(para, t, p)
    if marker.unmarked:
        paragraphs.append(
            para(
                "Tidak ditandai di dalam dokumen (lihat ringkasan di atas): "
                + ", ".join(dict.fromkeys(marker.unmarked))
                + ". "
                + _PROSEDUR_NOTE,
                size=9,
            )
        )
    else:
        paragraphs.append(para(_PROSEDUR_NOTE, size=9))
    summary_first(document, paragraphs)
    _track_view(document)
    buf = io.BytesIO()
    document.save(buf)
    return reproducible_zip(buf.getvalue())


def write_redline(
    old: Sop,
    new: Sop,
    perbandingan: Perbandingan | None,
    path: str | os.PathLike[str],
    *,
    author: str = "sopdoc",
) -> Path:
    """Write NEW with the changes from OLD as Word tracked changes, atomically."""
    data = render_redline(old, new, perbandingan, author=author)
    return write_atomic(path, data)
