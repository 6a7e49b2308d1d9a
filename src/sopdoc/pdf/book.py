"""The bound SOP book: cover, Daftar Isi and every SOP of a catalog in one PDF.

Two passes. First every SOP is generated and converted (one LibreOffice batch), which
gives its page count; then the front matter (cover + table of contents with page
numbers) is written as a DOCX and converted the same way. pypdf binds them, adds
links from each TOC row to its SOP, bookmarks per SOP and per page, page labels
(roman for the front matter, arabic from the first SOP, so the TOC numbers do not
depend on the length of the front matter), the page numbers in the footer and the
document metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.constants import PageLabelStyle
from pypdf.generic import Fit

from ..errors import SopdocError
from ..model import Sop
from ..scratch import private_folder
from ..siklus.laporan import keterangan_siklus
from ..teks import romawi
from .convert import DEFAULT_TIMEOUT, PdfFailed, PdfJob, convert, require_soffice
from .frontmatter import MARGIN_CM, TOC_MARK, Sampul, TocEntry, write_front_matter
from .meta import PdfMeta, build_time, info_dict, meta_for, write_reproducible
from .stamp import stamp_number

DocxBuilder = Callable[[Sop, Path], object]
"""Writes the DOCX of one SOP: ``builder(sop, path)`` (``sopdoc.build_docx``)."""

_POINTS_PER_CM = 72 / 2.54
_ROW_DEPTH = 16.0  # points from the top of a row's last line to the row's bottom


@dataclass(frozen=True)
class BookPart:
    """One SOP in the book and where it landed."""

    sop: Sop
    first_page: int  # 0-based index in the book
    pages: int
    label: int  # the printed (arabic) page number of its first page


@dataclass
class Book:
    """What :func:`build_book` made."""

    path: Path
    pages: int
    front_pages: int
    parts: list[BookPart] = field(default_factory=list)


def nomor_key(sop: Sop) -> tuple[object, ...]:
    """Sort key for 'nomor order': the numbers in the nomor compared as numbers.

    ``PK. KEC. KBS / 010 / I / 2024`` sorts by 10 after the text before it, so
    spacing differences (``PK . KEC .``) do not reorder a catalog.
    """
    squashed = re.sub(r"\s+", "", sop.nomor.upper())
    parts = re.split(r"(\d+)", squashed)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p)


def sort_key(sop: Sop) -> tuple[object, ...]:
    """Order of the SOPs in a book: nomor order (numbers as numbers), then nama."""
    return (nomor_key(sop), sop.nama)


def book_year(sops: Sequence[Sop]) -> str:
    """The year on the cover: the latest pembuatan/revisi/efektif date, else the build time."""
    dates = [
        d
        for s in sops
        for d in (s.tanggal.pembuatan, s.tanggal.revisi, s.tanggal.efektif)
        if d is not None
    ]
    if dates:
        return str(max(dates).year)
    when = build_time() or datetime.now()
    return str(when.year)


def book_meta(sops: Sequence[Sop]) -> PdfMeta:
    """Title, author (the unit), subject and dates of the book."""
    unit = sops[0].unit
    created = [s.tanggal.pembuatan for s in sops if s.tanggal.pembuatan]
    modified = [d for s in sops for d in (s.tanggal.revisi, s.tanggal.pembuatan) if d]
    fallback = build_time()
    first: date | datetime | None = min(created) if created else fallback
    last: date | datetime | None = max(modified) if modified else fallback
    return PdfMeta(
        title=f"Buku Standar Operasional Prosedur {unit}",
        subject=f"{len(sops)} SOP Administrasi Pemerintahan {unit}, {sops[0].instansi}",
        author=unit,
        keywords="; ".join(s.nomor for s in sops),
        created=first,
        modified=last,
    )


def build_book(
    sops: Sequence[Sop],
    dest: Path,
    *,
    docx_builder: DocxBuilder | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    soffice: str | None = None,
    workers: int = 1,
) -> Book:
    """Generate every SOP and bind them, with cover and Daftar Isi, into ``dest``.

    SOPs are bound in nomor order; ``workers`` LibreOffice processes convert them.
    Raises :class:`~sopdoc.pdf.LibreOfficeMissing` without LibreOffice, and
    :class:`~sopdoc.pdf.PdfFailed` naming the SOPs that failed to convert; ``dest``
    is only written when the whole book is made.
    """
    if not sops:
        raise SopdocError("no SOP to bind into a book")
    soffice = require_soffice(soffice)
    if docx_builder is None:
        docx_builder = _default_builder()
    ordered = sorted(sops, key=sort_key)
    with private_folder("book") as tmp:
        root = Path(tmp)
        jobs = []
        for i, sop in enumerate(ordered):
            docx = root / f"sop-{i:04d}.docx"
            docx_builder(sop, docx)
            jobs.append(PdfJob(docx, root / f"sop-{i:04d}.pdf", meta_for(sop)))
        results = convert(jobs, timeout=timeout, soffice=soffice, workers=workers)
        failed = [(s, r) for s, r in zip(ordered, results, strict=True) if not r.ok]
        if failed:
            names = "; ".join(f"{s.nomor} ({r.error})" for s, r in failed)
            raise PdfFailed(f"the book was not written: {len(failed)} SOP(s) failed: {names}")
        toc, label = [], 1
        for sop, result in zip(ordered, results, strict=True):
            toc.append(TocEntry(sop.nomor, sop.nama, label, keterangan_siklus(sop)))
            label += result.pages
        first = ordered[0]
        sampul = Sampul(
            instansi=first.instansi,
            unit=first.unit,
            tahun=book_year(ordered),
            jumlah=len(ordered),
            logo=Path(first.logo) if first.logo else None,
            kertas=first.kertas,
        )
        front_docx = root / "depan.docx"
        write_front_matter(sampul, toc, front_docx)
        [front] = convert(
            [PdfJob(front_docx, root / "depan.pdf", None)],
            timeout=timeout,
            soffice=soffice,
            export_options={"ExportBookmarksToPDFDestination": True},
        )
        if not front.ok:
            raise SopdocError(
                f"the book was not written: the cover and contents failed: {front.error}"
            )
        return bind_book(
            root / "depan.pdf",
            [(sop, job.pdf) for sop, job in zip(ordered, jobs, strict=True)],
            dest,
            book_meta(ordered),
        )


def _default_builder() -> DocxBuilder:
    import sopdoc

    builder = getattr(sopdoc, "build_docx", None)
    if builder is None:
        raise SopdocError("this sopdoc has no DOCX builder (sopdoc.build_docx)")
    return builder


def bind_book(
    front_pdf: Path, parts: Sequence[tuple[Sop, Path]], dest: Path, meta: PdfMeta
) -> Book:
    """Bind the front matter and the SOP PDFs (already in order) into ``dest``."""
    front = PdfReader(front_pdf)
    writer = PdfWriter()
    writer.append(front, import_outline=False)
    front_pages = len(front.pages)
    book = Book(path=dest, pages=0, front_pages=front_pages)
    readers = []
    page, label = front_pages, 1
    for sop, pdf in parts:
        reader = PdfReader(pdf)
        readers.append(reader)
        writer.append(reader, import_outline=False)
        book.parts.append(BookPart(sop, page, len(reader.pages), label))
        page += len(reader.pages)
        label += len(reader.pages)
    book.pages = page
    if "/Dests" in writer.root_object:  # the TOC row marks served their purpose
        del writer.root_object["/Dests"]

    _outline(writer, book, readers)
    _toc_links(writer, front, book)
    writer.set_page_label(0, front_pages - 1, style=PageLabelStyle.LOWERCASE_ROMAN, start=1)
    writer.set_page_label(front_pages, book.pages - 1, style=PageLabelStyle.DECIMAL, start=1)
    for index in range(1, book.pages):  # the cover carries no number
        stamp_number(writer.pages[index], _label(index, front_pages))
    writer.page_mode = "/UseOutlines"
    writer.metadata = info_dict(meta, "pypdf (sopdoc) with LibreOffice")
    write_reproducible(writer, dest)
    return book


def _label(index: int, front_pages: int) -> str:
    return romawi(index + 1) if index < front_pages else str(index - front_pages + 1)


def page_roles(reader: PdfReader, sop: Sop | None = None) -> list[str]:
    """A bookmark title for each page of one SOP: its identity page, then each page of the
    procedure (flowchart) table with the steps on it, and the signature block's page
    ("Pengesahan") when it has one of its own.

    The steps come from the layout that placed them (:func:`sopdoc.layout.layout_prosedur`)
    when the PDF has its pages; otherwise the procedure pages are recognised by their
    'Mutu Baku' header.
    """
    count = len(reader.pages)
    procedure = _layout_pages(sop)
    if procedure and len(procedure) < count:
        front = count - len(procedure)
        roles = ["Identitas SOP"] + [f"Identitas SOP ({n + 1})" for n in range(1, front)]
        for number, steps in enumerate(procedure, start=1):
            if not steps:
                roles.append("Pengesahan")
                continue
            first, last = steps[0] + 1, steps[-1] + 1
            span = f"langkah {first}" if first == last else f"langkah {first}–{last}"
            roles.append(f"Prosedur {number}: {span}")
        return roles
    roles, flow = [], 0
    for index, page in enumerate(reader.pages):
        text = " ".join((page.extract_text() or "").split()).upper()
        if "MUTU BAKU" in text or ("AKTIVITAS" in text and index > 0):
            flow += 1
            roles.append(f"Prosedur {flow}")
        elif index == 0:
            roles.append("Identitas SOP")
        else:
            roles.append(f"Halaman {index + 1}")
    return roles


def _layout_pages(sop: Sop | None) -> list[list[int]]:
    """The 0-based steps on each procedure page, as the layout placed them."""
    if sop is None:
        return []
    from ..layout import layout_prosedur

    try:
        layout = layout_prosedur(sop)
    except (SopdocError, ValueError, KeyError):
        return []
    pages = [page.steps for page in layout.pages]
    if layout.closing_new_page:  # the signature block's own page: no steps on it
        pages.append([])
    return pages if all(pages[: len(layout.pages)]) else []


def _outline(writer: PdfWriter, book: Book, readers: Sequence[PdfReader]) -> None:
    writer.add_outline_item(title="Sampul", page_number=0)
    if book.front_pages > 1:
        writer.add_outline_item(title="Daftar Isi", page_number=1)
    for number, (part, reader) in enumerate(zip(book.parts, readers, strict=True), start=1):
        parent = writer.add_outline_item(
            title=f"{number}. {part.sop.nama} ({part.sop.nomor})", page_number=part.first_page
        )
        for offset, role in enumerate(page_roles(reader, part.sop)):
            writer.add_outline_item(title=role, page_number=part.first_page + offset, parent=parent)


def _toc_links(writer: PdfWriter, front: PdfReader, book: Book) -> None:
    """A link over each TOC row to the first page of its SOP, placed at the row's marks."""
    marks: dict[str, tuple[int, float]] = {}
    for name, dest in front.named_destinations.items():
        number = front.get_destination_page_number(dest)
        if number is not None:
            marks[name.lstrip("/")] = (number, float(dest.top or 0))
    page_width = float(front.pages[min(1, len(front.pages) - 1)].mediabox.width)
    left = MARGIN_CM * _POINTS_PER_CM
    right = page_width - left
    for index, part in enumerate(book.parts):
        start = marks.get(f"{TOC_MARK}{index}")
        end = marks.get(f"{TOC_MARK}{index}e", start)
        if start is None or end is None:
            raise SopdocError(f"the contents row of {part.sop.nomor} was not found in the PDF")
        page, top = start
        bottom = end[1] - _ROW_DEPTH if end[0] == page else top - _ROW_DEPTH
        link = Link(
            rect=(left, bottom, right, top + 2),
            target_page_index=part.first_page,
            fit=Fit.fit(),
        )
        writer.add_annotation(page, link)
