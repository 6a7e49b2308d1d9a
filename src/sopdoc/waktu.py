"""Parsing the Waktu column: "5 menit", "3 hari", "1-2 HK", "2 jm" -> value and unit."""

from __future__ import annotations

import re
from enum import Enum


class SatuanWaktu(str, Enum):
    """Units of the Waktu column, as the format writes them."""

    MENIT = "menit"
    JAM = "jam"
    HARI = "hari"
    HARI_KERJA = "hari kerja"
    MINGGU = "minggu"
    BULAN = "bulan"

    @property
    def menit(self) -> int:
        """Length of one unit in working minutes (see ``MENIT_PER_SATUAN``)."""
        return MENIT_PER_SATUAN[self]


MENIT_PER_SATUAN: dict[SatuanWaktu, int] = {
    SatuanWaktu.MENIT: 1,
    SatuanWaktu.JAM: 60,
    # SOP times are working time: a day of the procedure is a working day of
    # 7.5 hours (37.5 hours a week, the PNS working week), a week five working
    # days and a month 22 working days.
    SatuanWaktu.HARI: 450,
    SatuanWaktu.HARI_KERJA: 450,
    SatuanWaktu.MINGGU: 5 * 450,
    SatuanWaktu.BULAN: 22 * 450,
}

# Every spelling people type, lower-cased, mapped to its unit.
_ALIASES: dict[str, SatuanWaktu] = {
    **dict.fromkeys(["menit", "mnt", "mnt.", "mn", "min", "minute", "minutes"], SatuanWaktu.MENIT),
    **dict.fromkeys(["jam", "jm", "jm.", "j"], SatuanWaktu.JAM),
    **dict.fromkeys(["hari", "hr", "hr.", "h"], SatuanWaktu.HARI),
    **dict.fromkeys(
        ["hari kerja", "hk", "hr kerja", "hr. kerja", "h.k.", "h.k"], SatuanWaktu.HARI_KERJA
    ),
    **dict.fromkeys(["minggu", "mgg", "mg", "pekan"], SatuanWaktu.MINGGU),
    **dict.fromkeys(["bulan", "bln", "bln."], SatuanWaktu.BULAN),
}

_NUMBER = r"\d+(?:[.,]\d+)?"
_PATTERN = re.compile(
    rf"^\s*(?P<a>{_NUMBER})\s*(?:(?:-|–|s\.?\s*d\.?|sampai(?:\s+dengan)?)\s*(?P<b>{_NUMBER}))?"
    r"\s*(?P<unit>[^\d\s][^\d]*?)\s*$",
    re.IGNORECASE,
)

UNITS_HELP = "menit, jam, hari, hari kerja, minggu, bulan (or mnt, jm, hr, HK)"
WAKTU_JSON_PATTERN = (
    r"^\s*\d+([.,]\d+)?\s*((-|–|s\.?\s*d\.?|sampai( dengan)?)\s*\d+([.,]\d+)?)?\s*"
    r"(?i:menit|mnt\.?|mn|min|minutes?|jam|jm\.?|j|hari|hr\.?|h|hari kerja|hk|hr\.? kerja"
    r"|h\.k\.?|minggu|mgg|mg|pekan|bulan|bln\.?)\s*$"
)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_waktu(text: str) -> tuple[float, float | None, SatuanWaktu]:
    """Split a Waktu text into (value, upper value of a range or None, unit).

    Raises ValueError with a message fit for the user when the text is not a
    positive number followed by a known unit.
    """
    m = _PATTERN.match(text)
    if not m:
        raise ValueError(f"waktu '{text}' is not a number followed by a unit ({UNITS_HELP})")
    unit_text = re.sub(r"\s+", " ", m["unit"].strip().lower())
    satuan = _ALIASES.get(unit_text)
    if satuan is None:
        raise ValueError(f"unknown unit '{m['unit'].strip()}' in waktu '{text}'; use {UNITS_HELP}")
    a = _number(m["a"])
    b = _number(m["b"]) if m["b"] else None
    if b is not None and b < a:
        raise ValueError(f"range in waktu '{text}' runs backwards")
    return a, b, satuan
