"""Parsing the Waktu column: "5 menit", "3 hari", "1-2 HK", "2 jam 30 menit" -> value and unit."""

from __future__ import annotations

import functools
import itertools
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
# "2 jam 30 menit", "1 hari 4 jam": numbers each followed by a unit, larger units first
_PART = re.compile(rf"(?P<n>{_NUMBER})\s*(?P<unit>[^\W\d_][^\d]*?)\s*(?=\d|$)")
_COMPOUND = re.compile(rf"^\s*(?:{_NUMBER}\s*[^\W\d_][^\d]*?\s*){{2,}}$")

UNITS_HELP = "menit, jam, hari, hari kerja, minggu, bulan (mnt, jm, hr, HK)"

_UNIT_JSON = _alternatives(list(_ALIASES), ignore_case=True)
_LARGE_FIRST = "".join(
    rf"(?:{_NUMBER}\s*"
    + _alternatives([w for w, u in _ALIASES.items() if u in units], ignore_case=True)
    + r"\s*)?"
    for units in (
        {SatuanWaktu.BULAN},
        {SatuanWaktu.MINGGU},
        {SatuanWaktu.HARI, SatuanWaktu.HARI_KERJA},
        {SatuanWaktu.JAM},
        {SatuanWaktu.MENIT},
    )
)
WAKTU_JSON_PATTERN = (
    rf"^\s*(?:{_TIMES_JSON}{_NUMBER}\s*"
    rf"(?:{_alternatives(_RANGE_WORDS, ignore_case=True)}\s*{_NUMBER})?\s*{_UNIT_JSON}"
    rf"|(?=\d){_LARGE_FIRST})\.?\s*$"
)
"""The same language as :func:`parse_waktu`, as a JSON Schema (ECMA-262) pattern."""

_EXAMPLES = "'5 menit', '2 jam 30 menit', '1-2 hari', '1 x 24 jam'"
_WORDS = {
    "setengah": 0.5, "seperempat": 0.25, "satu": 1, "se": 1, "dua": 2, "tiga": 3,
    "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    "sepuluh": 10, "sebelas": 11, "dua belas": 12, "lima belas": 15, "dua puluh": 20,
    "tiga puluh": 30, "empat puluh lima": 45, "empat puluh": 40,
}  # fmt: skip
"""Numbers people write in words, for the hint (the loader wants digits)."""
_SMALLER = {SatuanWaktu.JAM: (SatuanWaktu.MENIT, 60)}


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _unit(text: str) -> SatuanWaktu | None:
    """The unit a written unit names ('Menit.', 'hr', 'HK'), or None."""
    written = re.sub(r"\s+", " ", text.strip().lower())
    return _ALIASES.get(written) or _ALIASES.get(written.rstrip(".").rstrip())


def _fmt(value: float) -> str:
    """A number as the format writes it: '2', '2,5'."""
    return f"{value:g}".replace(".", ",")


def hint(text: str) -> str:
    """The accepted ways to write what ``text`` seems to mean ("'2,5 jam' or '150 menit'")."""
    return _hint_for(text) or _("write a number and a unit, e.g. {examples}").format(
        examples=_EXAMPLES
    )


def _hint_for(text: str) -> str | None:
    """The forms of the number and unit ``text`` names, or None when it names none."""
    low = " ".join(text.lower().replace("½", " setengah ").split())
    unit = None
    for word in sorted(_ALIASES, key=len, reverse=True):
        if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", low):
            unit = _ALIASES[word]
            break
    value: float | None = None
    numbers = [_number(n) for n in re.findall(_NUMBER, low)]
    worded = [v for w, v in sorted(_WORDS.items(), key=lambda kv: -len(kv[0]))
              if re.search(rf"(?<![a-z]){w}(?![a-z])", low)]  # fmt: skip
    if numbers:
        value = numbers[0] + (0.5 if "setengah" in low and len(numbers) == 1 else 0)
    elif worded:
        value = sum(worded[:2]) if "setengah" in low and len(worded) > 1 else worded[0]
    if unit is None or value is None or value <= 0:
        return None
    forms = [f"'{_fmt(value)} {unit.value}'"]
    smaller = _SMALLER.get(unit)
    if smaller is not None:
        whole, rest = divmod(value * smaller[1], smaller[1])
        forms.append(f"'{_fmt(value * smaller[1])} {smaller[0].value}'")
        if whole and rest and value > 1:
            forms.insert(1, f"'{whole:g} {unit.value} {_fmt(rest)} {smaller[0].value}'")
    return _("write e.g. {forms}").format(forms=_(" or ").join(forms))


def _compound(text: str) -> tuple[float, float | None, SatuanWaktu] | None:
    """'2 jam 30 menit' -> (150, None, MENIT): the total in the smallest unit written.

    None when ``text`` is not numbers each followed by a unit. Raises
    ValueError for a unit that is not known or units not from large to small.
    """
    if not _COMPOUND.match(text):
        return None
    parts = [(m["n"], m["unit"]) for m in _PART.finditer(text.strip())]
    units = []
    for number, written in parts:
        unit = _unit(written)
        if unit is None:
            raise ValueError(
                _("unknown unit '{unit}' in waktu '{text}'; use {units}").format(
                    unit=written.strip(), text=text, units=UNITS_HELP
                )
            )
        units.append((_number(number), unit))
    minutes = [MENIT_PER_SATUAN[u] for _n, u in units]
    if any(a <= b for a, b in itertools.pairwise(minutes)):
        big_first = " ".join(
            f"{_fmt(n)} {u.value}"
            for n, u in sorted(units, key=lambda nu: -MENIT_PER_SATUAN[nu[1]])
        )
        raise ValueError(
            _(
                "waktu '{text}' is not a number followed by a unit: write each unit once, the "
                "larger first, e.g. '{fixed}'"
            ).format(text=text, fixed=big_first)
        )
    smallest = units[-1][1]
    total = sum(n * MENIT_PER_SATUAN[u] for n, u in units) / MENIT_PER_SATUAN[smallest]
    return total, None, smallest


@functools.lru_cache(maxsize=4096)  # a catalog repeats a few texts ("5 menit") thousands of times
def parse_waktu(text: str) -> tuple[float, float | None, SatuanWaktu]:
    """Split a Waktu text into (value, upper value of a range or None, unit).

    "5 menit" -> (5, None, MENIT); "1,5 jam" -> (1.5, None, JAM); "1-2 HK" ->
    (1, 2, HARI_KERJA); "1 x 24 jam" -> (24, None, JAM); "2 jam 30 menit" ->
    (150, None, MENIT), the total in the smallest unit written; a trailing
    period is fine ("5 Menit."). Raises ValueError with a message fit for the
    user (with the accepted ways to write what was typed) when the text is not
    a number (or a range, or a compound) followed by a known unit.
    """
    m = _PATTERN.match(text)
    if not m:
        compound = _compound(text)
        if compound is not None:
            return compound
        raise ValueError(
            _("waktu '{text}' is not a number followed by a unit; {hint} (units: {units})").format(
                text=text, hint=hint(text), units=UNITS_HELP
            )
        )
    if m["unit"] is None:
        raise ValueError(
            _(
                "waktu '{text}' has no unit; write e.g. '{number} menit' or '{number} hari' "
                "(units: {units})"
            ).format(text=text, number=text.strip(), units=UNITS_HELP)
        )
    satuan = _unit(m["unit"])
    if satuan is None:
        message = _("unknown unit '{unit}' in waktu '{text}'; use {units}").format(
            unit=m["unit"].strip(), text=text, units=UNITS_HELP
        )
        better = _hint_for(text)
        raise ValueError(f"{message}; {better}" if better else message)
    times = int(m["k"]) if m["k"] else 1
    a = times * _number(m["a"])
    b = times * _number(m["b"]) if m["b"] else None
    if b is not None and b < a:
        raise ValueError(
            _("the range in waktu '{text}' runs backwards; write the smaller number first").format(
                text=text
            )
        )
    return a, b, satuan
