"""PDF metadata, reproducible bytes and safe writes.

LibreOffice's PDF differs from run to run only in ``/CreationDate`` and the trailer
``/ID``. :func:`finalize_pdf` rewrites the document information (title = nama SOP,
subject = nomor, author = unit, dates from the spec or ``SOURCE_DATE_EPOCH``) and
derives ``/ID`` from the content, so the same DOCX gives the same PDF bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, ByteStringObject

from ..fileio import write_atomic
from ..model import Sop


@dataclass(frozen=True)
class PdfMeta:
    """The document information of one PDF."""

    title: str
    subject: str = ""
    author: str = ""
    keywords: str = ""
    created: date | datetime | None = None
    modified: date | datetime | None = None


def build_time() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC time, or None when unset or not a number."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    return datetime.fromtimestamp(int(raw), tz=timezone.utc)


def meta_for(sop: Sop) -> PdfMeta:
    """Title = nama SOP, subject = nomor, author = unit; dates from the spec's tanggal
    (pembuatan; revisi for the modification date), else from ``SOURCE_DATE_EPOCH``."""
    fallback = build_time()
    created = sop.tanggal.pembuatan or fallback
    modified = sop.tanggal.revisi or sop.tanggal.pembuatan or fallback
    return PdfMeta(
        title=sop.nama,
        subject=sop.nomor,
        author=sop.unit,
        keywords=f"SOP; {sop.instansi}; {sop.unit}",
        created=created,
        modified=modified,
    )


def pdf_date(value: date | datetime) -> str:
    """A PDF date string: ``D:20240109`` for a date, ``D:20240109083000Z`` for a UTC time."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("D:%Y%m%d%H%M%SZ")
    return value.strftime("D:%Y%m%d")


def info_dict(meta: PdfMeta, producer: str | None = None) -> dict[str, str]:
    """The ``/Info`` entries for ``meta``; a missing date is taken from now."""
    now = datetime.now(timezone.utc)
    info = {
        "/Title": meta.title,
        "/Subject": meta.subject,
        "/Author": meta.author,
        "/Keywords": meta.keywords,
        "/Creator": f"sopdoc {_version()}",
        "/CreationDate": pdf_date(meta.created or now),
        "/ModDate": pdf_date(meta.modified or meta.created or now),
    }
    if producer:
        info["/Producer"] = producer
    return {k: v for k, v in info.items() if v}


def _version() -> str:
    from .. import __version__

    return __version__


def pdf_whole(path: Path) -> int:
    """The page count of a complete, readable PDF at ``path``; 0 when it is missing,
    cut short (no ``%%EOF`` at the end) or broken."""
    try:
        data = path.read_bytes()
    except OSError:
        return 0
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        return 0
    try:
        return len(PdfReader(io.BytesIO(data), strict=True).pages)
    except (PyPdfError, ValueError, KeyError, OSError):
        return 0


def write_reproducible(writer: PdfWriter, dest: Path) -> None:
    """Write ``writer`` to ``dest`` with an ``/ID`` derived from the content, atomically."""
    writer._ID = None
    draft = io.BytesIO()
    writer.write(draft)
    digest = ByteStringObject(hashlib.md5(draft.getvalue(), usedforsecurity=False).digest())
    writer._ID = ArrayObject([digest, digest])
    final = io.BytesIO()
    writer.write(final)
    write_atomic(dest, final.getvalue())


def finalize_pdf(raw: Path, dest: Path, meta: PdfMeta | None) -> None:
    """Copy LibreOffice's PDF ``raw`` to ``dest`` with ``meta`` set and a stable ``/ID``."""
    reader = PdfReader(raw)
    writer = PdfWriter(clone_from=reader)
    old: dict[str, object] = dict(reader.metadata or {})
    producer = str(old.get("/Producer", "")) or None
    if meta is None:
        title = str(old.get("/Title", "")) or dest.stem
        meta = PdfMeta(title=title, created=build_time(), modified=build_time())
    writer.metadata = info_dict(meta, producer)
    write_reproducible(writer, dest)
