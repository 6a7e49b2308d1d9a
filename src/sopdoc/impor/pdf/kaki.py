"""What a signed PDF prints besides the SOP: page numbers, footers, e-signature stamps.

BSrE (Balai Sertifikasi Elektronik) stamps say "Dokumen ini telah ditandatangani
secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh BSrE"
beside a QR code; page numbers are "1", "- 1 -", "Halaman 1 dari 3", "1/3".
"""

from __future__ import annotations

import re

TTE = re.compile(
    r"ditandatangani\s+secara\s+elektronik|sertifikat\s+elektronik|\bBSrE\b|"
    r"Balai\s+Sertifikasi\s+Elektronik|UU\s+ITE|tanda\s+tangan\s+elektronik",
    re.IGNORECASE,
)
"""Words of an e-signature stamp."""

NOMOR_HALAMAN = re.compile(
    r"^\s*(?:-\s*\d+\s*-|\d+\s*(?:/\s*\d+)?|(?:halaman|hal\.?|page)\s*\d+"
    r"(?:\s*(?:dari|of|/)\s*\d+)?)\s*$",
    re.IGNORECASE,
)
"""A page number as footers print it."""

KAKI = 0.08
"""The bottom (and top) share of the page where footers and headers live."""


def tte(teks: str) -> bool:
    """Is the text (part of) an e-signature stamp?"""
    return bool(TTE.search(" ".join(teks.split())))


def nomor_halaman(teks: str) -> bool:
    return bool(NOMOR_HALAMAN.match(teks))
