"""The spelling list (``data/ejaan.yaml``): non-standard words per KBBI and obsolete names.

Both lists are compiled once into one regular expression each, so a text is
scanned once whatever the length of the lists (see the data file for the
sources and for how keys are matched).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

_AWALAN = "memper|diper|meng|meny|mem|men|me|di|ber|be|peng|pem|pen|per|pe|ter|ke|se"
_AKHIRAN = "(?:kan|an|i)?(?:nya|lah)?"


@dataclass(frozen=True)
class Usang:
    """An obsolete name: what replaced it and the regulation that did."""

    baku: str
    dasar: str


@dataclass(frozen=True)
class Temuan:
    """One non-standard or obsolete word found in a text."""

    tertulis: str  # as written ('perijinan')
    baku: str  # the standard form of the whole word ('perizinan')


def _pola_kunci(kunci: str) -> str:
    """A key as a pattern: spaces and hyphens match any run of spaces or a hyphen."""
    parts = re.split(r"[\s-]+", kunci.strip())
    return r"[\s-]*".join(re.escape(p) for p in parts)


class Ejaan:
    """The compiled spelling list."""

    def __init__(self, data: dict[str, object]):
        tidak_baku = data.get("tidak_baku") or {}
        usang = data.get("usang") or {}
        assert isinstance(tidak_baku, dict) and isinstance(usang, dict)
        self.baku: dict[str, str] = {}
        akar: list[str] = []
        utuh: list[str] = []
        for key, value in tidak_baku.items():
            k = str(key)
            whole = k.endswith("!")
            k = k.rstrip("!").lower()
            self.baku[re.sub(r"[\s-]+", "", k)] = str(value)
            (utuh if whole or not k.isalpha() else akar).append(k)
        akar.sort(key=len, reverse=True)
        utuh.sort(key=len, reverse=True)
        awalan = ["", *_AWALAN.split("|")]
        akhiran = ["", "kan", "an", "i", "nya", "lah", "kannya", "annya", "inya"]
        self.pemicu: frozenset[str] = frozenset(
            {p + k + a for k in akar for p in awalan for a in akhiran}
            | {re.split(r"[\s'-]+", k)[0] for k in utuh}
        )
        """Words (as :func:`~sopdoc.pemeriksaan.text.words` gives them) that may hold a finding."""
        alternatives = []
        if utuh:
            alternatives.append(r"(?P<utuh>" + "|".join(_pola_kunci(k) for k in utuh) + ")")
        if akar:
            alternatives.append(
                rf"(?P<awal>{_AWALAN})?(?P<akar>"
                + "|".join(re.escape(k) for k in akar)
                + rf")(?P<akhir>{_AKHIRAN})"
            )
        self._tidak_baku = re.compile(
            r"(?<![\w'-])(?:" + "|".join(alternatives) + r")(?![\w'])", re.IGNORECASE
        )
        self.usang: dict[str, Usang] = {}
        kapital: list[str] = []
        biasa: list[str] = []
        for key, value in usang.items():
            k = str(key)
            assert isinstance(value, dict)
            self.usang[re.sub(r"[\s-]+", "", k.lower())] = Usang(
                str(value["baku"]), str(value["dasar"])
            )
            (kapital if k.isupper() else biasa).append(k)
        kapital.sort(key=len, reverse=True)
        biasa.sort(key=len, reverse=True)
        pola = []
        if kapital:
            pola.append("(?-i:" + "|".join(_pola_kunci(k) for k in kapital) + ")")
        if biasa:
            pola.append("|".join(_pola_kunci(k) for k in biasa))
        self.pemicu_usang: frozenset[str] = frozenset(
            re.split(r"[\s'-]+", k.lower())[0] for k in usang
        )
        self._usang = re.compile(r"(?<![\w-])(?:" + "|".join(pola) + r")(?![\w-])", re.IGNORECASE)

    def tidak_baku(self, teks: str) -> list[Temuan]:
        """The non-standard words of ``teks``, each with its standard form."""
        out = []
        for m in self._tidak_baku.finditer(teks):
            if m["utuh"] is not None:
                kunci = re.sub(r"[\s-]+", "", m["utuh"].lower())
                out.append(Temuan(m["utuh"], _kapital(m["utuh"], self.baku[kunci])))
            else:
                akar = m["akar"]
                baku = _kapital(akar, self.baku[akar.lower()])
                awal, akhir = m["awal"] or "", m["akhir"] or ""
                out.append(Temuan(m[0], awal + baku + akhir))
        return out

    def usang_dalam(self, teks: str) -> list[tuple[str, Usang]]:
        """The obsolete names of ``teks``: (as written, what replaced it)."""
        return [
            (m[0], self.usang[re.sub(r"[\s-]+", "", m[0].lower())])
            for m in self._usang.finditer(teks)
        ]


def _kapital(tertulis: str, baku: str) -> str:
    """``baku`` in the capitals of ``tertulis`` ('Ijin' -> 'Izin', 'IJIN' -> 'IZIN')."""
    if tertulis.isupper() and len(tertulis) > 1:
        return baku.upper()
    if tertulis[:1].isupper():
        return " ".join(w[:1].upper() + w[1:] for w in baku.split(" "))
    return baku


@cache
def ejaan() -> Ejaan:
    """The bundled spelling list, compiled once."""
    text = resources.files("sopdoc").joinpath("data/ejaan.yaml").read_text("utf-8")
    return Ejaan(yaml.safe_load(text))
