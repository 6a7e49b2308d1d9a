"""Small text helpers shared by the domain parsers (citations, NIP, pangkat, names)."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>")


def bersihkan_markup(teks: str) -> str:
    """The text without HTML residue (tags, entities) and with whitespace collapsed.

    The checker compares and parses values with their markup stripped; the
    markup itself is reported once, by the Form rules, not by every rule that
    reads the value.

    >>> bersihkan_markup('<p>Camat&nbsp;Kebasen</p>  ')
    'Camat Kebasen'
    """
    return " ".join(html.unescape(_TAG.sub(" ", teks)).split())


def kunci_teks(teks: str) -> str:
    """A comparison key: markup stripped, case folded, punctuation and spacing ignored.

    Two texts with the same key differ only in capitals, commas, full stops,
    hyphens or spacing ("Tentang" / "tentang", "Kodefikasi dan" / "Kodefikasi,
    dan"), which no reviewer would call a different text.
    """
    plain = bersihkan_markup(teks).casefold()
    return " ".join(re.sub(r"[^\w/]+", " ", plain).split())


_ROMAWI = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def romawi(n: int) -> str:
    """``n`` in lower-case Roman numerals: 4 -> 'iv' (page labels, Word list markers).

    >>> romawi(1994)
    'mcmxciv'
    """
    out = ""
    for value, digits in _ROMAWI:
        count, n = divmod(n, value)
        out += digits * count
    return out
