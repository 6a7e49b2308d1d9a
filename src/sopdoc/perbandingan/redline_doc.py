"""The redline on the official document: ``sopdoc.docx`` writes NEW, then the changes are marked.

The identity table, the sections and the riwayat revisi are those of the
document that will be signed; in them a changed value keeps its unchanged words
and shows the removed ones deleted and the new ones inserted. The procedure
pages (tables and flowchart) are tracked whole: NEW's pages inserted, OLD's
pages deleted after them, so that Accept All leaves exactly the NEW document
and Reject All exactly the OLD one, text and drawings. The summary of the
changes is put on a first page of its own.
"""

from __future__ import annotations

import copy
import io
from typing import Any

from ..model import Sop
from .model import BAGIAN, NilaiDiubah, Perbandingan

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
            if numbered and not kind and row.nomor_lama != row.nomor_baru:
                self.t.append_text(para, f"{row.nomor_lama}.", head)  # renumbered
            else:
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
        if not self.old.riwayat_revisi:  # the whole table is new, and its spacing paragraph
            spacer = table.getprevious()
            if spacer is not None and spacer.tag == q("p") and not text_of(spacer):
                self.t.paragraph_mark_el(spacer, "+")
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

    def procedure(self) -> None:
        """OLD's procedure pages deleted and NEW's inserted, drawings included.

        The flowchart is anchored to the page and drawn on rows of exact height, so
        a row cannot be deleted or inserted under it without moving every shape
        below: the pages are tracked whole. NEW's pages (already in the document)
        are marked inserted, OLD's pages follow them marked deleted, and Accept
        All leaves exactly NEW's pages, Reject All exactly OLD's. Identical pages
        stay unmarked.
        """
        from docx.oxml import parse_xml

        from ..docx.prosedur import procedure_xml
        from ..docx.shapes import ShapeWriter
        from ..layout import layout_prosedur

        old_layout, new_layout = layout_prosedur(self.old), layout_prosedur(self.new)
        width = new_layout.style.line_width
        new_xml = procedure_xml(new_layout, ShapeWriter(line_width=width))
        if procedure_xml(old_layout, ShapeWriter(line_width=width)) == new_xml:
            return
        start = next(
            (p for p in self.body.iter(q("p")) if p.find(f"{q('pPr')}/{q('sectPr')}") is not None),
            None,
        )
        if start is None:
            self.unmarked.append("Kegiatan (tabel prosedur)")
            return
        count = len(_fragment(new_xml))
        pages = [start]
        for _ in range(count):
            pages.append(pages[-1].getnext())
        ids = [int(d.get("id")) for d in self.body.iter(f"{{{_WP}}}docPr")]
        writer = ShapeWriter(first_id=max(ids, default=0) + 1000, line_width=width)
        old_pages = _fragment(procedure_xml(old_layout, writer))
        for el in pages[1:]:
            self._mark_whole(el, "+")
        first = old_pages[0]
        ppr = first.find(q("pPr"))
        change = self.t._mark("w:pPrChange")
        change.append(copy.deepcopy(ppr))
        ppr.insert(1, parse_xml(f'<w:pageBreakBefore xmlns:w="{_W}"/>'))
        for el in old_pages:
            self._mark_whole(el, "-")
        ppr.append(change)
        # after NEW's last table: a title that starts the signature block's own page stays
        # last, so that the markup view has no page with a title alone
        after = next(el for el in reversed(pages) if el.tag == q("tbl"))
        for el in old_pages:
            after.addnext(el)
            after = el

    def _mark_whole(self, el: Any, kind: str) -> None:
        """A body paragraph or table, every run and row, inserted or deleted."""
        self.t.wrap_runs(el, kind)
        if el.tag == q("p"):
            self.t.paragraph_mark_el(el, kind)
        else:
            for tr in el.findall(q("tr")):
                self.t.row_mark_el(tr, kind)


_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _fragment(xml: str) -> list[Any]:
    """Body content (WordprocessingML with shapes) as elements."""
    from docx.oxml import parse_xml

    wrapper = parse_xml(
        f'<w:body xmlns:w="{_W}" xmlns:wp="{_WP}" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"{xml}</w:body>"
    )
    return list(wrapper)


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


__all__ = ["BAGIAN", "DocumentMarker", "load", "summary_first"]
