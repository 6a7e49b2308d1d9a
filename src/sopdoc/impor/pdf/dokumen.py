"""Opening a PDF with pdfminer.six: its pages interpreted one by one, or a clear error.

A file that cannot be opened (missing, not a PDF, broken, protected by a
password) raises :class:`~sopdoc.impor.bahan.BahanTidakTerbaca`; a page that
cannot be interpreted is skipped with a note; a document none of whose pages
has any text (scanned) raises too, naming what it found.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTPage
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from ...errors import display_path
from ...i18n import _
from ..bahan import Bahan, BahanTidakTerbaca, Catatan
from .halaman import Halaman, baca_halaman

# pdfminer logs every oddity of a broken file as a warning; the notes say it once
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _alasan(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _buka(sumber: str) -> tuple[BinaryIO, list[PDFPage]]:
    """The open file and its pages, or a :class:`BahanTidakTerbaca` saying why not."""
    name = display_path(sumber)
    try:
        fp = open(sumber, "rb")  # noqa: SIM115 - closed by the caller
    except FileNotFoundError:
        raise BahanTidakTerbaca(_("{file}: file not found").format(file=name)) from None
    except IsADirectoryError:
        raise BahanTidakTerbaca(_("{file}: is a folder, not a PDF").format(file=name)) from None
    except OSError as exc:
        raise BahanTidakTerbaca(
            _("{file}: cannot be read: {reason}").format(file=name, reason=exc.strerror or exc)
        ) from None
    try:
        doc = PDFDocument(PDFParser(fp), password="")
        return fp, list(PDFPage.create_pages(doc))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        fp.close()
        raise BahanTidakTerbaca(
            _(
                "{file}: the PDF is protected by a password; open it, save an unprotected "
                "copy (print to PDF) and import that"
            ).format(file=name)
        ) from None
    except Exception as exc:  # pdfminer raises many kinds of errors on a broken file
        fp.close()
        raise BahanTidakTerbaca(
            _("{file}: not a readable PDF ({reason})").format(file=name, reason=_alasan(exc))
        ) from None


def halaman_pdf(sumber: str, bahan: Bahan) -> Iterator[Halaman]:
    """The pages of a PDF; notes about unreadable pages go to ``bahan.catatan``."""
    name = display_path(sumber)
    fp, pages = _buka(sumber)
    with fp:
        if not pages:
            raise BahanTidakTerbaca(_("{file}: the PDF has no pages").format(file=name))
        rsrc = PDFResourceManager(caching=True)
        device = PDFPageAggregator(rsrc, laparams=None)
        interpreter = PDFPageInterpreter(rsrc, device)
        any_text = False
        scanned: list[int] = []
        for i, page in enumerate(pages):
            try:
                interpreter.process_page(page)
                layout = device.get_result()
                assert isinstance(layout, LTPage)
                h = baca_halaman(layout, i)
            except Exception as exc:  # a broken content stream: skip the page, say so
                bahan.catatan.append(
                    Catatan(
                        _("the page could not be read ({reason})").format(reason=_alasan(exc)),
                        i,
                    )
                )
                x0, y0, x1, y1 = (float(v) for v in page.mediabox)
                bahan.ukuran_halaman.append((abs(x1 - x0), abs(y1 - y0)))
                continue
            bahan.ukuran_halaman.append((h.lebar, h.tinggi))
            if h.huruf:
                any_text = True
            elif h.citra:
                scanned.append(i + 1)
            yield h
        if not any_text:
            if scanned:
                raise BahanTidakTerbaca(
                    _(
                        "{file}: no page has text, the pages are pictures (a scanned document: "
                        "pages {pages}); only a PDF with text can be imported; run it through OCR "
                        "or import the Word file it was made from"
                    ).format(file=name, pages=", ".join(str(p) for p in scanned))
                )
            raise BahanTidakTerbaca(_("{file}: no page has any text").format(file=name))
