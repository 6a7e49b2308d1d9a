"""The redline on the official document: ``sopdoc.docx`` writes NEW, then the changes are marked.

The identity table, the sections, the riwayat revisi and the procedure table
(with its flowchart) are those of the document that will be signed; in them:
a changed value keeps its unchanged words and shows the removed ones deleted
and the new ones inserted, an inserted (or moved-in) step's row is marked
inserted, renumbered steps show the old number deleted. The flowchart is
drawn on fixed row heights, so a deleted (or moved-away) step cannot take a
row in it: deleted steps are listed, as deleted rows, in a table right after
the procedure; accepting every change leaves exactly the NEW document. The
summary of the changes is put on a first page of its own.
"""

from __future__ import annotations

import copy
import io
from typing import Any
from xml.sax.saxutils import escape

from ..model import Sop
from .model import (
    BAGIAN,
    LangkahDihapus,
    LangkahDipindah,
    LangkahDisisipkan,
    LangkahDiubah,
    NilaiDiubah,
    Perbandingan,
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# the sections table of the template: (row, cell) of each section's items
_SECTION_CELLS = {
    "dasar_hukum": (1, 0),
    "kualifikasi_pelaksana": (1, 1),
    "keterkaitan": (3, 0),
    "peralatan_perlengkapan": (3, 1),
    "pencatatan_pendataan": (5, 1),
}
_PERINGATAN_CELL = (5, 0)
# the procedure table's text columns, counted from the left (no, aktivitas) or the right
_STEP_CELLS = {"aktivitas": 1, "kelengkapan": -4, "waktu": -3, "output": -2, "keterangan": -1}


def q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def text_of(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(q("t")))


class DocumentMarker:
    """Marks the changes of ``p`` in the python-docx document of NEW."""

    def __init__(self, document: Any, old: Sop, new: Sop, p: Perbandingan, tracker: Any):
        self.doc, self.old, self.new, self.p, self.t = document, old, new, p, tracker
        self.body = document.element.body
        self.tables = self.body.findall(q("tbl"))
        self.unmarked: list[str] = []  # changes shown only in the summary

    # identity ------------------------------------------------------------------------

    def identity(self, tanggal: Any) -> None:
        show = {
            ("nomor",): str,
            ("nama",): lambda v: str(v).upper(),
            ("tanggal", "pembuatan"): tanggal,
            ("tanggal", "revisi"): tanggal,
            ("tanggal", "efektif"): tanggal,
            ("disahkan_oleh", "jabatan"): lambda v: str(v).upper(),
            ("disahkan_oleh", "nama"): str,
            ("disahkan_oleh", "pangkat"): str,
            ("disahkan_oleh", "nip"): lambda v: f"NIP. {v}",
        }
        scope = [self.tables[0], self.tables[-1]] if self.tables else []
        for c in self.p.perubahan:
            if not isinstance(c, NilaiDiubah) or c.path not in show:
                continue
            fn = show[c.path]
            date = c.path[0] == "tanggal"
            old = fn(c.lama) if c.lama is not None or date else ""
            new = fn(c.baru) if c.baru is not None or date else ""
            found = False
            for table in scope:
                for para in table.iter(q("p")):
                    if new and text_of(para) == new:
                        self.t.rewrite(para, old, new)
                        found = True
            if not found:
                self.unmarked.append(c.label)

    # sections --------------------------------------------------------------------------

    def sections(self, rows_of: Any) -> None:
        if len(self.tables) < 2:
            return
        grid = [tr.findall(q("tc")) for tr in self.tables[1].findall(q("tr"))]
        touched = {getattr(c, "bagian", None) for c in self.p.perubahan}
        for bagian, (r, k) in _SECTION_CELLS.items():
            if bagian in touched and r < len(grid) and k < len(grid[r]):
                self._list(grid[r][k], bagian, rows_of(bagian))
        peringatan = [c for c in self.p.perubahan if getattr(c, "path", None) == ("peringatan",)]
        r, k = _PERINGATAN_CELL
        if peringatan and r < len(grid) and k < len(grid[r]):
            para = grid[r][k].find(q("p"))
            c = peringatan[0]
            assert isinstance(c, NilaiDiubah)
            self.t.rewrite(para, c.lama or "-", c.baru or "-")

    def _list(self, cell: Any, bagian: str, rows: list[Any]) -> None:
        paras = cell.findall(q("p"))
        if not paras:
            return
        model = copy.deepcopy(paras[0])
        for para in paras:
            cell.remove(para)
        numbered = bagian != "pencatatan_pendataan"
        for row in rows:
            para = copy.deepcopy(model)
            for child in list(para):
                if child.tag != q("pPr"):
                    para.remove(child)
            number = row.nomor_baru if row.nomor_baru is not None else row.nomor_lama
            head = f"{number}." if numbered else "•"
            item_old = "" if row.lama is None else str(row.lama)
            item_new = "" if row.baru is None else str(row.baru)
            kind = row.kind
            self.t.append_run(para, head, kind)
            self._tab(para, kind)
            self.t.append_text(para, item_old, item_new)
            if kind:
                self.t.paragraph_mark_el(para, kind)
            cell.append(para)
        if not rows or all(r.kind == "-" for r in rows):
            dash = copy.deepcopy(model)
            for child in list(dash):
                if child.tag != q("pPr"):
                    dash.remove(child)
            self.t.append_run(dash, "-", "+" if rows else "")
            cell.append(dash)

    def _tab(self, para: Any, kind: str) -> None:
        from docx.oxml import OxmlElement

        r = OxmlElement("w:r")
        r.append(OxmlElement("w:tab"))
        if kind:
            wrapper = self.t._mark("w:ins" if kind == "+" else "w:del")
            wrapper.append(r)
            para.append(wrapper)
        else:
            para.append(r)

    # riwayat revisi ----------------------------------------------------------------------

    def riwayat(self) -> None:
        added = [c for c in self.p.perubahan if getattr(c, "bagian", None) == "riwayat_revisi"]
        if not added:
            return
        table = next(
            (t for t in self.tables if text_of(t.find(q("tr")).find(q("tc"))) == "Tanggal Revisi"),
            None,
        )
        if table is None:
            return
        rows = table.findall(q("tr"))
        if not self.old.riwayat_revisi:  # the whole table is new
            for tr in rows:
                self.t.row_mark_el(tr, "+")
                self.t.wrap_runs(tr, "+")
            return
        for c in added:
            n = getattr(c, "nomor_baru", None)
            if c.jenis == "butir_ditambah" and n is not None and n < len(rows):
                self.t.row_mark_el(rows[n], "+")
                self.t.wrap_runs(rows[n], "+")
            else:
                self.unmarked.append("Riwayat Revisi")

    # procedure ---------------------------------------------------------------------------

    def procedure(self, deleted_rows: list[Any]) -> None:
        tables = [t for t in self.tables if text_of(t.find(q("tr")).find(q("tc"))) == "NO"]
        rows = [tr for t in tables for tr in t.findall(q("tr"))[3:]]
        if len(rows) != len(self.new.kegiatan):
            self.unmarked.append("Kegiatan (tabel prosedur)")
            return
        changes = self.p.perubahan
        inserted = {c.nomor_baru for c in changes if isinstance(c, LangkahDisisipkan)}
        inserted |= {c.nomor_baru for c in changes if isinstance(c, LangkahDipindah)}
        changed = {c.nomor_baru: c for c in changes if isinstance(c, LangkahDiubah)}
        renumbered = {n.baru: n.lama for n in self.p.dampak.penomoran}
        for j, tr in enumerate(rows, 1):
            cells = tr.findall(q("tc"))
            if j in inserted:
                self.t.row_mark_el(tr, "+")
                self.t.wrap_runs(tr, "+")
                continue
            if j in renumbered:
                self.t.rewrite(cells[0].find(q("p")), str(renumbered[j]), str(j))
            change = changed.get(j)
            for k in change.kolom if change else []:
                if k.kolom in _STEP_CELLS:
                    para = cells[_STEP_CELLS[k.kolom]].find(q("p"))
                    before = "" if k.lama is None else str(k.lama)
                    after = "" if k.baru is None else str(k.baru)
                    self.t.rewrite(para, before, after, fit=True)
        if deleted_rows and tables:
            self._deleted_steps(tables[-1], deleted_rows)

    def _deleted_steps(self, after: Any, rows: list[Any]) -> None:
        """The deleted (and moved-away) steps as deleted rows of a table after the procedure."""
        from docx.oxml import parse_xml

        heads = ["No", "Aktivitas", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan"]
        widths = [500, 3400, 1800, 2200, 900, 2200, 2100]

        def cell(w: int, text: str, bold: bool = False) -> str:
            b = (
                '<w:rPr><w:b/><w:sz w:val="17"/></w:rPr>'
                if bold
                else '<w:rPr><w:sz w:val="17"/></w:rPr>'
            )
            return (
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p>'
                f'<w:r>{b}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
            )

        trs = [
            "<w:tr>"
            + "".join(cell(w, h, True) for w, h in zip(widths, heads, strict=True))
            + "</w:tr>"
        ]
        for r in rows:
            trs.append(
                "<w:tr>" + "".join(cell(w, v) for w, v in zip(widths, r, strict=True)) + "</w:tr>"
            )
        borders = "".join(
            f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        xml = (
            f'<w:body xmlns:w="{_W}"><w:p><w:pPr><w:keepNext/><w:spacing w:before="240"/></w:pPr>'
            '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">'
            "Langkah yang dihapus dari revisi sebelumnya (nomor lama)</w:t></w:r></w:p>"
            '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>'
            f"<w:tblBorders>{borders}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
            + f"</w:tblGrid>{''.join(trs)}</w:tbl></w:body>"
        )
        wrapper = parse_xml(xml)
        heading, table = list(wrapper)
        self.t.wrap_runs(heading, "-")
        self.t.paragraph_mark_el(heading, "-")
        for tr in table.findall(q("tr")):
            self.t.row_mark_el(tr, "-")
            self.t.wrap_runs(tr, "-")
        after.addnext(heading)
        heading.addnext(table)


def deleted_step_rows(p: Perbandingan, old: Sop) -> list[list[str]]:
    """Cells of every deleted or moved-away step, in old order."""
    numbers = sorted(
        {c.nomor_lama for c in p.perubahan if isinstance(c, (LangkahDihapus, LangkahDipindah))}
    )
    out = []
    for n in numbers:
        step = old.kegiatan[n - 1]
        moved = next(
            (c for c in p.perubahan if isinstance(c, LangkahDipindah) and c.nomor_lama == n), None
        )
        keterangan = step.keterangan or ""
        if moved is not None:
            keterangan = f"dipindah ke nomor {moved.nomor_baru}" + (
                f"; {keterangan}" if keterangan else ""
            )
        out.append(
            [
                str(n),
                step.aktivitas,
                ", ".join(old.pelaksana.get(i, i) for i in step.pelaksana_ids),
                step.kelengkapan or "",
                str(step.waktu or ""),
                step.output or "",
                keterangan,
            ]
        )
    return out


def summary_first(document: Any, paragraphs: list[Any]) -> None:
    """Move ``paragraphs`` (already in the document) to the start, then break the page."""
    from docx.oxml import OxmlElement

    body = document.element.body
    for i, para in enumerate(paragraphs):
        body.insert(i, para._p)
    brk = OxmlElement("w:p")
    r = OxmlElement("w:r")
    br = OxmlElement("w:br")
    br.set(q("type"), "page")
    r.append(br)
    brk.append(r)
    body.insert(len(paragraphs), brk)


def load(data: bytes) -> Any:
    import docx

    return docx.Document(io.BytesIO(data))


__all__ = ["BAGIAN", "DocumentMarker", "deleted_step_rows", "load", "summary_first"]
