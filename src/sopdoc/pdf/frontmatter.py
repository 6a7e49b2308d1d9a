"""The book's front matter as a DOCX: cover page and table of contents (Daftar Isi).

It is rendered through the same LibreOffice as the SOPs, so the fonts and the look
match. Each TOC row carries two Word bookmarks, ``soptocN`` at its start and
``soptocNe`` at the end of the SOP's name; exported as PDF named destinations
(``ExportBookmarksToPDFDestination``) they tell the binder where row N lies on the
page, and it puts a link there to the first page of SOP N. (LibreOffice 7.4 headless
drops hyperlinks from its PDF export, so links cannot be made in the DOCX itself.)
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph

from ..fileio import FileFault, read_limited
from ..logo import MAX_LOGO_BYTES, image_problem
from ..model import Kertas

TOC_MARK = "soptoc"
"""Bookmark prefix of the TOC rows: ``soptoc3`` starts row 3 (0-based), ``soptoc3e`` ends it."""

MARGIN_CM = 2.5

FONT = "Arial"  # Liberation Sans metrics where Arial is absent


@dataclass(frozen=True)
class TocEntry:
    """One row of the Daftar Isi: the SOP and the book page its first page gets."""

    nomor: str
    nama: str
    halaman: int
    keterangan: str = ""  # status and dates, in small type under the nama


@dataclass(frozen=True)
class Sampul:
    """What the cover says."""

    instansi: str
    unit: str
    tahun: str
    jumlah: int
    logo: Path | None = None
    kertas: Kertas = Kertas.A4


def write_front_matter(sampul: Sampul, toc: Sequence[TocEntry], dest: Path) -> None:
    """Write the cover and the table of contents to ``dest`` (DOCX)."""
    doc = Document()
    section = doc.sections[0]
    width, height = sampul.kertas.mm
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin = section.bottom_margin = Cm(MARGIN_CM)
    section.left_margin = section.right_margin = Cm(MARGIN_CM)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(11)
    doc.core_properties.title = f"Buku SOP {sampul.unit}"
    doc.core_properties.author = sampul.unit

    _cover(doc, sampul)
    doc.add_section(WD_SECTION.NEW_PAGE)
    _toc(doc, toc)
    doc.save(str(dest))


def _line(
    doc: DocxDocument, text: str, size: float, *, bold: bool = False, space: float = 6
) -> None:
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.space_after = Pt(space)
    run = para.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold


def _logo(path: Path | None) -> io.BytesIO | None:
    """The cover's logo, or None (the SOPs' own documents report a logo that is not one)."""
    if path is None:
        return None
    try:
        data = read_limited(path, MAX_LOGO_BYTES)
    except FileFault:
        return None
    return io.BytesIO(data) if image_problem(data) is None else None


def _cover(doc: DocxDocument, sampul: Sampul) -> None:
    for _ in range(3):
        _line(doc, "", 12)
    image = _logo(sampul.logo)
    if image is not None:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run().add_picture(image, height=Cm(4))
    _line(doc, sampul.instansi.upper(), 16, bold=True)
    _line(doc, sampul.unit.upper(), 16, bold=True, space=60)
    _line(doc, "BUKU", 20, bold=True)
    _line(doc, "STANDAR OPERASIONAL PROSEDUR", 22, bold=True)
    _line(doc, "ADMINISTRASI PEMERINTAHAN", 16, bold=True, space=60)
    _line(doc, f"{sampul.jumlah} SOP", 14)
    _line(doc, f"TAHUN {sampul.tahun}", 14, bold=True)


def _toc(doc: DocxDocument, toc: Sequence[TocEntry]) -> None:
    _line(doc, "DAFTAR ISI", 14, bold=True, space=12)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(1.1), Cm(6.4), Cm(6.9), Cm(1.6))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, text in zip(
        table.rows[0].cells, ("No.", "Nomor SOP", "Nama SOP", "Hal."), strict=True
    ):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.font.bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _repeat_header(table.rows[0])
    for index, entry in enumerate(toc):
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
        cells = row.cells
        _bookmark(cells[0].paragraphs[0], f"{TOC_MARK}{index}", 2 * index + 1)
        cells[0].paragraphs[0].add_run(f"{index + 1}.")
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cells[1].paragraphs[0].add_run(entry.nomor)
        cells[2].paragraphs[0].add_run(entry.nama)
        if entry.keterangan:
            cells[2].paragraphs[0].add_run().add_break()
            cells[2].paragraphs[0].add_run(entry.keterangan).font.size = Pt(8)
        _bookmark(cells[2].paragraphs[0], f"{TOC_MARK}{index}e", 2 * index + 2)
        cells[3].paragraphs[0].add_run(str(entry.halaman))
        cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            for para in cell.paragraphs:
                para.paragraph_format.space_after = Pt(2)
                para.paragraph_format.space_before = Pt(2)


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:tblHeader"))  # on/off-only: no val means on


def _bookmark(paragraph: Paragraph, name: str, ident: int) -> None:
    """Append an empty Word bookmark ``name`` at the current end of ``paragraph``."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    paragraph._p.append(start)
    paragraph._p.append(end)


__all__ = ["MARGIN_CM", "TOC_MARK", "Sampul", "TocEntry", "write_front_matter"]
