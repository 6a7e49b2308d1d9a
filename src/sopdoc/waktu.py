"""Parsing the Waktu column: "5 menit", "3 hari", "1-2 HK", "2 jm" -> value and unit."""

from __future__ import annotations

import functools
import math
import re
from enum import Enum

from .i18n import _


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

# How a range is written: "1-2 hari", "1 – 2 hari", "1 s.d. 2 hari", "1 s/d 2 hari",
# "1 sampai 2 hari", "1 sampai dengan 2 hari".
_RANGE_WORDS = ["-", "–", "s.d.", "s.d", "sd", "s/d", "sampai dengan", "sampai"]

_NUMBER = r"\d+(?:[.,]\d+)?"
# "1 x 24 jam", the usual way to write a service promise: a count times a length.
_TIMES = r"(?:(?P<k>\d+)\s*[xX×]\s*)?"
_TIMES_JSON = r"(?:\d+\s*[xX×]\s*)?"
_REGEX_SYNTAX = set("^$\\.*+?()[]{}|")  # escaped; others stay bare (ECMA-262 'u' mode)


def _alternatives(words: list[str], *, ignore_case: bool) -> str:
    """A regex alternation of ``words``, longest first; spaces match any run of spaces.

    With ``ignore_case`` each letter becomes a class like ``[hH]``: JSON Schema
    patterns are ECMA-262 regexes, which have no portable case-insensitive flag.
    """
    out = []
    for word in sorted(words, key=len, reverse=True):
        parts = []
        for ch in word:
            if ch == " ":
                parts.append(r"\s+")
            elif ignore_case and ch.isalpha():
                parts.append(f"[{ch.lower()}{ch.upper()}]")
            elif ch in _REGEX_SYNTAX:
                parts.append("\\" + ch)
            else:
                parts.append(ch)
        out.append("".join(parts))
    return "(?:" + "|".join(out) + ")"


_RANGE = _alternatives(_RANGE_WORDS, ignore_case=False)
_PATTERN = re.compile(
    rf"^\s*{_TIMES}(?P<a>{_NUMBER})\s*(?:{_RANGE}\s*(?P<b>{_NUMBER}))?"
    r"\s*(?P<unit>[^\d\s][^\d]*?)?\s*$",
    re.IGNORECASE,
)

UNITS_HELP = "menit, jam, hari, hari kerja, minggu, bulan (or mnt, jm, hr, HK)"

WAKTU_JSON_PATTERN = (
    rf"^\s*{_TIMES_JSON}{_NUMBER}\s*"
    rf"(?:{_alternatives(_RANGE_WORDS, ignore_case=True)}\s*{_NUMBER})?\s*"
    rf"{_alternatives(list(_ALIASES), ignore_case=True)}\s*$"
)
"""The same language as :func:`parse_waktu`, as a JSON Schema (ECMA-262) pattern."""


MAX_NILAI = 100_000
"""Largest number of a Waktu (100,000 minutes is ten months of working days): bounds sums."""


def _count(text: str | None) -> float:
    """The factor of '1 x 24 jam' (1 when none); a number too long to be one is infinite."""
    if not text:
        return 1
    digits = text.lstrip("0") or "0"
    return int(digits) if len(digits) <= 12 else math.inf


def _number(text: str) -> float:
    return float(text.replace(",", "."))


@functools.lru_cache(maxsize=4096)  # a catalog repeats a few texts ("5 menit") thousands of times
def parse_waktu(text: str) -> tuple[float, float | None, SatuanWaktu]:
    """Split a Waktu text into (value, upper value of a range or None, unit).

    "5 menit" -> (5, None, MENIT); "1,5 jam" -> (1.5, None, JAM); "1-2 HK" ->
    (1, 2, HARI_KERJA); "1 x 24 jam" -> (24, None, JAM). Raises ValueError with
    a message fit for the user when the text is not a number (or a range)
    followed by a known unit.
    """
    m = _PATTERN.match(text)
    if not m:
        raise ValueError(
            f"waktu '{text}' is not a number followed by a unit; write e.g. '5 menit' or "
            f"'1-2 hari' (units: {UNITS_HELP})"
        )
    if m["unit"] is None:
        raise ValueError(
            f"waktu '{text}' has no unit; write e.g. '{text.strip()} menit' or "
            f"'{text.strip()} hari' (units: {UNITS_HELP})"
        )
    unit_text = re.sub(r"\s+", " ", m["unit"].strip().lower())
    satuan = _ALIASES.get(unit_text)
    if satuan is None:
        raise ValueError(f"unknown unit '{m['unit'].strip()}' in waktu '{text}'; use {UNITS_HELP}")
    times = _count(m["k"])
    a = times * _number(m["a"])
    b = times * _number(m["b"]) if m["b"] else None
    if not all(x <= MAX_NILAI for x in (times, a, b or 0)):  # 'not <=' also catches nan
        raise ValueError(
            _(
                "waktu '{text}' is too large: at most {max} of a unit; is it the right number?"
            ).format(text=text, max=f"{MAX_NILAI:,}")
        )
    if b is not None and b < a:
        raise ValueError(
            f"the range in waktu '{text}' runs backwards; write the smaller number first"
        )
    return a, b, satuan
