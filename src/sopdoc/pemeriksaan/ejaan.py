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

_KATA = re.compile(r"[0-9A-Za-z]+")
_AWALAN = "memper|diper|meng|meny|mem|men|me|di|ber|be|peng|pem|pen|per|pe|ter|ke|se"


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
        self.kata: dict[str, str] = {}
        """A whole non-standard word (affixed forms included) -> its standard form."""
        for k in akar:
            for p in awalan:
                for a in akhiran:
                    self.kata.setdefault(p + k + a, p + self.baku[k] + a)
        for k in utuh:
            if k.isalpha():
                self.kata[k] = self.baku[k]
        self._frasa = [k for k in utuh if not k.isalpha()]
        self.pemicu: frozenset[str] = frozenset(
            {*self.kata, *(re.split(r"[\s'-]+", k)[0] for k in self._frasa)}
        )
        """Words (as :func:`~sopdoc.pemeriksaan.text.words` gives them) that may hold a finding."""
        self._tidak_baku_frasa = re.compile(
            r"(?<![\w'-])(?:" + "|".join(_pola_kunci(k) for k in self._frasa) + r")(?![\w'])",
            re.IGNORECASE,
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

    def tidak_baku(self, teks: str, kata: tuple[str, ...] | None = None) -> list[Temuan]:
        """The non-standard words of ``teks``, each with its standard form.

        ``kata``: the words of ``teks`` as :func:`~sopdoc.pemeriksaan.text.words`
        gives them, when the caller has them already.
        """
        out = []
        lower = kata if kata is not None else tuple(re.findall(r"[0-9a-z]+", teks.lower()))
        asli: dict[str, str] | None = None
        for w in dict.fromkeys(lower):
            baku = self.kata.get(w)
            if baku is not None:
                if asli is None:  # each word as written, by its lower case
                    asli = {t.lower(): t for t in reversed(_KATA.findall(teks))}
                tertulis = asli.get(w, w)
                out.append(Temuan(tertulis, _kapital(tertulis, baku)))
        if self._frasa and not self.pemicu.isdisjoint(lower):
            for m in self._tidak_baku_frasa.finditer(teks):
                kunci = re.sub(r"[\s-]+", "", m[0].lower())
                out.append(Temuan(m[0], _kapital(m[0], self.baku[kunci])))
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
    return Ejaan(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
