"""``sopdoc import``: SOP AP documents that already exist (DOCX, PDF, e-SOP pages) into specs.

A reader turns a file into a :class:`~sopdoc.impor.bahan.Bahan` (tables,
paragraphs, symbols, arrows, labels, with their boxes); the assembler
(:mod:`sopdoc.impor.rakit`) gives it meaning: one :class:`~sopdoc.Sop` per SOP
of the document, and a report of what was read, guessed, cleaned or could not
be read. The format is told by content, not by the file name::

    hasil = sopdoc.import_file("arsip/sop-010.docx")
    for item in hasil.hasil:
        print(item.sop.nomor, item.laporan.yakin())
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SopdocError
from ..i18n import _
from ..model import Sop
from .bahan import Bahan, BahanTidakTerbaca
from .laporan import Laporan
from .rakit import BukanSop, SopImpor, rakit

FORMAT_DOCX, FORMAT_PDF, FORMAT_HTML = "docx", "pdf", "html"


class ImporError(SopdocError):
    """The file cannot be imported: unreadable, encrypted, scanned, or not an SOP AP document."""


@dataclass
class Impor:
    """The SOPs taken out of one file, and the file's report."""

    sumber: Path
    hasil: list[SopImpor] = field(default_factory=list)
    laporan: Laporan = field(default_factory=lambda: Laporan("", ""))

    @property
    def sops(self) -> list[Sop]:
        return [h.sop for h in self.hasil]

    @property
    def sop(self) -> Sop:
        """The (first) SOP of the file."""
        return self.hasil[0].sop


def kenali(data: bytes) -> str:
    """The format of a file by its first bytes: 'docx', 'pdf', 'html' or 'teks'."""
    if data.startswith(b"PK\x03\x04"):
        return FORMAT_DOCX
    if data.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return FORMAT_PDF
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    from .html import adalah_html

    return FORMAT_HTML if adalah_html(_decode(data)) else "teks"


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def baca_bahan(path: str | os.PathLike[str]) -> Bahan:
    """Read a file into a Bahan with the reader its content calls for."""
    p = Path(path)
    name = os.fspath(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise ImporError(_("{file}: is a folder").format(file=name)) from None
    except OSError as exc:
        raise ImporError(
            _("{file}: cannot be read: {reason}").format(file=name, reason=exc.strerror)
        ) from None
    if not data.strip():
        raise ImporError(_("{file}: the file is empty").format(file=name))
    kind = kenali(data)
    if kind == "doc":
        raise ImporError(
            _("{file}: a Word 97-2003 document (.doc); save it as .docx and import that").format(
                file=name
            )
        )
    if kind in (FORMAT_HTML, "teks"):
        from .html import baca

        return baca(_decode(data), name)
    module = importlib.import_module(f"{__name__}.{kind}")
    reader = getattr(module, f"baca_{kind}")
    try:
        bahan: Bahan = reader(p)
    except BahanTidakTerbaca as exc:
        raise ImporError(str(exc)) from None
    bahan.sumber = name
    return bahan


def import_bahan(bahan: Bahan, *, keep_markup: bool = False) -> Impor:
    """Assemble the SOPs of an already read document."""
    laporan = Laporan(bahan.sumber, bahan.format)
    for note in bahan.catatan:
        page = _("page {n}: ").format(n=note.halaman + 1) if note.halaman is not None else ""
        laporan.catatan.append(page + note.pesan)
    try:
        hasil = rakit(bahan, keep_markup=keep_markup)
    except BukanSop as exc:
        raise ImporError(str(exc)) from None
    laporan.sop = [h.laporan for h in hasil]
    return Impor(Path(bahan.sumber), hasil, laporan)


def import_file(path: str | os.PathLike[str], *, keep_markup: bool = False) -> Impor:
    """The SOP(s) of one DOCX, PDF, HTML page or text dump, and the import report.

    ``keep_markup`` keeps HTML residue in the values as printed (by default it is
    removed, and each removal listed in the report). Raises :class:`ImporError`
    for a file that is not an SOP AP document or cannot be read.
    """
    return import_bahan(baca_bahan(path), keep_markup=keep_markup)


__all__ = [
    "Impor",
    "ImporError",
    "SopImpor",
    "baca_bahan",
    "import_bahan",
    "import_file",
    "kenali",
]
