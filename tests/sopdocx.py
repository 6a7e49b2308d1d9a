"""Real multi-page DOCX files made with python-docx, for the PDF tests.

They stand in for generated SOP documents where a test needs DOCX input that does
not depend on the DOCX engine: an identity page with tables, then a procedure
table whose tall rows run over several pages, its header ('Mutu Baku')
repeated on each page. Every field's text is in it, so tests can read it back.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from sopdoc import Sop

ROW_HEIGHT_CM = 2.4


def write_sop_docx(sop: Sop, path: Path) -> Path:
    """Write a two-part SOP document for ``sop`` to ``path``."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = sop.nama

    for line in sop.kop:
        doc.add_paragraph(line).runs[0].bold = True
    ident = doc.add_table(rows=0, cols=2)
    ident.style = "Table Grid"
    rows = [
        ("Nomor SOP", sop.nomor),
        ("Nama SOP", sop.nama),
        ("Tanggal Pembuatan", str(sop.tanggal.pembuatan or "")),
        ("Tanggal Revisi", str(sop.tanggal.revisi or "")),
        ("Tanggal Efektif", str(sop.tanggal.efektif or "")),
        ("Disahkan oleh", f"{sop.disahkan_oleh.jabatan} {sop.disahkan_oleh.nama}"),
        ("NIP", sop.disahkan_oleh.nip or ""),
        ("Dasar Hukum", "\n".join(sop.dasar_hukum)),
        ("Kualifikasi Pelaksana", "\n".join(sop.kualifikasi_pelaksana)),
        ("Keterkaitan", "\n".join(sop.keterkaitan)),
        ("Peralatan/Perlengkapan", "\n".join(sop.peralatan_perlengkapan)),
        ("Peringatan", sop.peringatan or ""),
        ("Pencatatan dan Pendataan", "\n".join(sop.pencatatan_pendataan)),
    ]
    for key, value in rows:
        cells = ident.add_row().cells
        cells[0].text, cells[1].text = key, value
    doc.add_page_break()

    lanes = list(sop.pelaksana)
    header = ["No", "Aktivitas", *sop.pelaksana.values(), "Kelengkapan", "Waktu", "Output", "Ket."]
    table = doc.add_table(rows=2, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    mutu = table.rows[1].cells
    mutu[2 + len(lanes)].text = "Mutu Baku"
    for row in table.rows[:2]:
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)
    for number, step in enumerate(sop.kegiatan, start=1):
        row = table.add_row()
        row.height = Cm(ROW_HEIGHT_CM)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a step stays whole
        cells = row.cells
        cells[0].text = str(number)
        cells[1].text = step.aktivitas
        for lane in step.pelaksana_ids:
            if lane in lanes:
                cells[2 + lanes.index(lane)].text = "X"
        base = 2 + len(lanes)
        cells[base].text = step.kelengkapan or ""
        cells[base + 1].text = str(step.waktu or "")
        cells[base + 2].text = step.output or ""
        cells[base + 3].text = step.keterangan or ""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
