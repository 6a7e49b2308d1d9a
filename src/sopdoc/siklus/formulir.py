"""The documents of the life cycle, as DOCX: monitoring and evaluation forms, lists, lampiran.

- :func:`formulir_monitoring`: the Formulir Monitoring of an SOP, one row per
  step (blank for filling by hand, or filled from a :class:`Monitoring`);
- :func:`formulir_evaluasi`: the Formulir Evaluasi, the seven criteria of
  Permenpan RB 35/2012 and the conclusion (blank or from an :class:`Evaluasi`);
- :func:`daftar_sop`: the Daftar SOP of a catalog;
- :func:`lampiran_penetapan`: the lampiran of the Keputusan that legalises SOPs.

The texts of the forms are the regulation's own words (Indonesian in every
language). Documents are written atomically and are byte-reproducible: their
dates come from the SOP or the record, never from the clock.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from datetime import date, datetime, timezone
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row

from ..docx import reproducible_zip
from ..fileio import write_atomic
from ..model import Penandatangan, Sop
from .jadwal import status_of
from .laporan import tanggal_id
from .model import Penetapan
from .rekaman import URAIAN_KRITERIA, Evaluasi, Kesimpulan, Kriteria, Monitoring, Penilai

FONT = "Arial"  # metric-compatible with Liberation Sans, as the SOP document
CENTANG = "\u2713"  # the tick written in the Ya / Tidak column
_EPOCH = date(2000, 1, 1)


def _dokumen(judul: str, *, landscape: bool, tanggal: date | None) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    width, height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(0)
    props = doc.core_properties
    props.title = judul
    props.author = props.last_modified_by = "sopdoc"
    stamp = datetime.combine(tanggal or _EPOCH, datetime.min.time(), tzinfo=timezone.utc)
    props.created = props.modified = stamp
    props.revision = 1
    return doc


def _judul(doc: DocxDocument, *lines: str) -> None:
    for line in lines:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.bold = True
        run.font.size = Pt(12)
    doc.add_paragraph()


def _isi(cell: _Cell, text: str, *, bold: bool = False, center: bool = False) -> None:
    p = cell.paragraphs[0]
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.bold = bold
        if i < len(lines) - 1:
            run.add_break()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _tabel(doc: DocxDocument, rows: int, widths_mm: Sequence[float]) -> Table:
    """A bordered table filling the text width, columns in the proportions of ``widths_mm``."""
    section = doc.sections[-1]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    assert page is not None and left is not None and right is not None  # set by _dokumen
    usable = (page - left - right) / Mm(1)
    scale = usable / sum(widths_mm)
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _lebar(table, [w * scale for w in widths_mm])
    return table


def _lebar(table: Table, widths_mm: Sequence[float]) -> None:
    """Fixed column widths, in the grid as well as the cells (LibreOffice reads the grid)."""
    table.autofit = False  # w:tblLayout fixed, in its place in w:tblPr
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)


def _header(table: Table, labels: Sequence[str], row: int = 0) -> None:
    for cell, label in zip(table.rows[row].cells, labels, strict=False):
        _isi(cell, label, bold=True, center=True)
    _repeat(table.rows[row])


def _repeat(row: _Row) -> None:
    """Repeat the row at the top of every page the table continues on."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))  # on/off-only: no val means on


def _identitas(doc: DocxDocument, items: Sequence[tuple[str, str]]) -> None:
    table = doc.add_table(rows=len(items), cols=3)
    _lebar(table, (40, 5, 125))
    for row, (label, value) in zip(table.rows, items, strict=True):
        _isi(row.cells[0], label)
        _isi(row.cells[1], ":")
        _isi(row.cells[2], value)
    doc.add_paragraph()


def _tanda_tangan(
    doc: DocxDocument, tempat: str, tanggal: date | None, peran: str, orang: Penilai | None
) -> None:
    doc.add_paragraph()
    lines = [f"{tempat}, {tanggal_id(tanggal) if tanggal else '....................'}", peran]
    lines += ["", "", ""]
    if orang is not None:
        lines.append(orang.nama)
        lines.append(f"NIP. {orang.nip}" if orang.nip else "")
    else:
        lines += ["(....................................)", "NIP. ...................."]
    for i, line in enumerate(lines):
        p = doc.add_paragraph(line)
        p.paragraph_format.left_indent = Mm(150 if doc.sections[0].orientation else 100)
        p.paragraph_format.keep_with_next = i < len(lines) - 1  # the block stays on one page


def _simpan(doc: DocxDocument, path: str | os.PathLike[str]) -> None:

    buf = io.BytesIO()
    doc.save(buf)
    write_atomic(path, reproducible_zip(buf.getvalue()))  # same content, same bytes


def _tempat(sop: Sop) -> str:
    """The place a form is signed: the unit's name without its kind ('Kebasen')."""
    words = sop.unit.split()
    kinds = {"kecamatan", "kelurahan", "desa", "dinas", "badan", "kantor", "bagian"}
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in kinds else sop.unit


def formulir_monitoring(
    sop: Sop, path: str | os.PathLike[str], rekaman: Monitoring | None = None
) -> None:
    """Write the Formulir Monitoring of ``sop`` (filled from ``rekaman`` if given)."""
    doc = _dokumen(
        f"Formulir Monitoring {sop.nama}",
        landscape=True,
        tanggal=(rekaman.tanggal if rekaman else None),
    )
    _judul(doc, "FORMULIR MONITORING", "PELAKSANAAN SOP ADMINISTRASI PEMERINTAHAN")
    _identitas(
        doc,
        [
            ("Nama SOP", sop.nama),
            ("Nomor SOP", sop.nomor),
            ("Unit Kerja", sop.unit),
            ("Yang Dinilai", (rekaman and rekaman.yang_dinilai) or ""),
            ("Penilai", rekaman.penilai.nama if rekaman else ""),
            ("Tanggal Penilaian", tanggal_id(rekaman.tanggal) if rekaman else ""),
        ],
    )
    widths = (10, 88, 21, 21, 58, 59)
    table = _tabel(doc, 2 + len(sop.kegiatan), widths)
    top, sub = table.rows[0].cells, table.rows[1].cells
    for i in (0, 1, 4, 5):
        top[i].merge(sub[i])
    top[2].merge(top[3])
    _header(
        table,
        [
            "NO",
            "PROSEDUR",
            "PENILAIAN TERHADAP PENERAPAN\n(Berjalan dengan baik)",
            "",
            "CATATAN HASIL PENILAIAN",
            "TINDAKAN YANG HARUS DIAMBIL",
        ],
    )
    _isi(table.rows[1].cells[2], "Ya", bold=True, center=True)
    _isi(table.rows[1].cells[3], "Tidak", bold=True, center=True)
    _repeat(table.rows[1])
    nilai = {sop.langkah(r.langkah): r for r in (rekaman.langkah if rekaman else [])}
    for i, step in enumerate(sop.kegiatan):
        cells = table.rows[2 + i].cells
        _isi(cells[0], str(i + 1), center=True)
        _isi(cells[1], step.aktivitas)
        if (judged := nilai.get(i)) is not None:
            _isi(cells[2 if judged.berjalan_baik else 3], CENTANG, center=True)
            _isi(cells[4], judged.catatan or "")
            _isi(cells[5], judged.tindakan or "")
    penilai = rekaman.penilai if rekaman else None
    _tanda_tangan(doc, _tempat(sop), (rekaman.tanggal if rekaman else None), "Penilai,", penilai)
    _simpan(doc, path)


def formulir_evaluasi(
    sop: Sop, path: str | os.PathLike[str], rekaman: Evaluasi | None = None
) -> None:
    """Write the Formulir Evaluasi of ``sop`` (filled from ``rekaman`` if given)."""
    doc = _dokumen(
        f"Formulir Evaluasi {sop.nama}",
        landscape=False,
        tanggal=(rekaman.tanggal if rekaman else None),
    )
    _judul(doc, "FORMULIR EVALUASI", "PENERAPAN SOP ADMINISTRASI PEMERINTAHAN")
    _identitas(
        doc,
        [
            ("Nama SOP", sop.nama),
            ("Nomor SOP", sop.nomor),
            ("Unit Kerja", sop.unit),
            ("Status", status_of(sop).value),
            ("Penilai", rekaman.penilai.nama if rekaman else ""),
            ("Tanggal Evaluasi", tanggal_id(rekaman.tanggal) if rekaman else ""),
        ],
    )
    table = _tabel(doc, 1 + len(Kriteria), (10, 75, 15, 17, 63))
    _header(table, ["NO", "PENILAIAN / KRITERIA", "YA", "TIDAK", "CATATAN"])
    for n, kriteria in enumerate(Kriteria, 1):
        cells = table.rows[n].cells
        _isi(cells[0], str(n), center=True)
        _isi(cells[1], URAIAN_KRITERIA[kriteria])
        if rekaman is not None and (nilai := rekaman.kriteria.get(kriteria)) is not None:
            _isi(cells[2 if nilai.nilai else 3], CENTANG, center=True)
            _isi(cells[4], nilai.catatan or "")
    doc.add_paragraph()
    kesimpulan = rekaman.kesimpulan if rekaman else None
    tanda = {k: ("[" + (CENTANG if k is kesimpulan else " ") + "]") for k in Kesimpulan}
    p = doc.add_paragraph()
    p.add_run("Kesimpulan: ").bold = True
    p.add_run(
        f"{tanda[Kesimpulan.TETAP]} SOP tetap dilaksanakan    "
        f"{tanda[Kesimpulan.PERLU_REVISI]} SOP perlu direvisi"
    )
    if rekaman is not None and rekaman.catatan:
        doc.add_paragraph(f"Catatan: {rekaman.catatan}")
    penilai = rekaman.penilai if rekaman else None
    _tanda_tangan(doc, _tempat(sop), (rekaman.tanggal if rekaman else None), "Evaluator,", penilai)
    _simpan(doc, path)


_Kolom = tuple[str, float, Callable[[Sop], str]]


def _penetapan(sop: Sop) -> str:
    pen = sop.penetapan
    return f"{pen.nomor}\n{tanggal_id(pen.tanggal)}" if pen else "-"


KOLOM_NOMOR: _Kolom = ("NOMOR SOP", 50, lambda s: s.nomor)
KOLOM_NAMA: _Kolom = ("NAMA SOP", 80, lambda s: s.nama)
KOLOM_UNIT: _Kolom = ("UNIT", 40, lambda s: s.unit)
KOLOM_STATUS: _Kolom = ("STATUS", 20, lambda s: status_of(s).value)
KOLOM_EFEKTIF: _Kolom = ("TANGGAL EFEKTIF", 30, lambda s: tanggal_id(s.tanggal.efektif))
KOLOM_PENETAPAN: _Kolom = ("PENETAPAN", 42, _penetapan)


def _daftar_tabel(doc: DocxDocument, sops: Sequence[Sop], kolom: Sequence[_Kolom]) -> None:
    table = _tabel(doc, 1 + len(sops), [10, *(w for _, w, _ in kolom)])
    _header(table, ["NO", *(label for label, _, _ in kolom)])
    for n, sop in enumerate(sops, 1):
        cells = table.rows[n].cells
        _isi(cells[0], str(n), center=True)
        for cell, (_, _, value) in zip(cells[1:], kolom, strict=True):
            _isi(cell, value(sop))


def daftar_sop(sops: Sequence[Sop], path: str | os.PathLike[str], *, judul: str = "") -> None:
    """Write the Daftar SOP of ``sops`` (sorted by unit then nomor), a row each."""
    ordered = sorted(sops, key=lambda s: (s.unit, s.nomor))
    units = sorted({s.unit for s in ordered})
    latest = max((d for s in ordered for d in _dates(s)), default=None)
    doc = _dokumen("Daftar SOP", landscape=True, tanggal=latest)
    title = judul or (units[0] if len(units) == 1 else "")
    _judul(doc, "DAFTAR STANDAR OPERASIONAL PROSEDUR", "ADMINISTRASI PEMERINTAHAN", title.upper())
    unit = [KOLOM_UNIT] if len(units) > 1 else []
    kolom = [KOLOM_NOMOR, KOLOM_NAMA, *unit, KOLOM_STATUS, KOLOM_EFEKTIF, KOLOM_PENETAPAN]
    _daftar_tabel(doc, ordered, kolom)
    _simpan(doc, path)


def _dates(sop: Sop) -> list[date]:
    t = sop.tanggal
    return [d for d in (t.pembuatan, t.revisi, t.efektif) if d]


def lampiran_penetapan(
    sops: Sequence[Sop], penetapan: Penetapan, path: str | os.PathLike[str],
    penandatangan: Penandatangan | None = None,
) -> None:  # fmt: skip
    """Write the lampiran of the Keputusan ``penetapan``: the SOPs it legalises."""
    doc = _dokumen(f"Lampiran {penetapan.nomor}", landscape=False, tanggal=penetapan.tanggal)
    oleh = (penetapan.oleh or "").upper()
    kepala = [
        "LAMPIRAN",
        f"KEPUTUSAN {oleh}".rstrip(),
        f"NOMOR     : {penetapan.nomor}",
        f"TANGGAL   : {tanggal_id(penetapan.tanggal).upper()}",
    ]
    if penetapan.tentang:
        kepala.append(f"TENTANG   : {penetapan.tentang.upper()}")
    for line in kepala:
        p = doc.add_paragraph(line)
        p.paragraph_format.left_indent = Mm(85)
    doc.add_paragraph()
    _judul(doc, "DAFTAR STANDAR OPERASIONAL PROSEDUR", "ADMINISTRASI PEMERINTAHAN")
    ordered = sorted(sops, key=lambda s: (s.unit, s.nomor))
    unit = [KOLOM_UNIT] if len({s.unit for s in ordered}) > 1 else []
    _daftar_tabel(doc, ordered, [KOLOM_NOMOR, KOLOM_NAMA, *unit, KOLOM_EFEKTIF])
    if penandatangan is not None:
        orang = Penilai(nama=penandatangan.nama, jabatan=penandatangan.jabatan,
                        nip=penandatangan.nip)  # fmt: skip
        _tanda_tangan(doc, _tempat(ordered[0]) if ordered else "", penetapan.tanggal,
                      penandatangan.jabatan + ",", orang)  # fmt: skip
    _simpan(doc, path)


def ke_pdf(docx: str | os.PathLike[str]) -> Path:
    """Convert a written form to PDF beside it (LibreOffice); the PDF's path."""
    from ..pdf import PdfFailed, PdfJob, convert, pdf_for

    source = Path(docx)
    (result,) = convert([PdfJob(source, pdf_for(source))])
    if not result.ok:
        raise PdfFailed(f"{source}: {result.error}")
    return result.job.pdf
