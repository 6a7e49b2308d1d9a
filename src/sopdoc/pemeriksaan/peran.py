"""Role aliases: which person a lane label or a name in an activity text means.

"Sekcam" and "Sekretaris Camat" are one role; "Kasubag Perencanaan" is the
role *kasubag* with the qualifier *perencanaan*; a label "Kasi/Kasubag" names
two roles; "Seluruh Kepala Seksi" is *kasi*. The aliases live in the bundled
``data/peran.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_TOKEN = re.compile(r"[a-z0-9]+(?:[-&][a-z0-9]+)*|/|&|,")


def tokens(text: str) -> tuple[str, ...]:
    """Lower-case word tokens; '/' and ',' kept as separators, dots dropped."""
    return tuple(_TOKEN.findall(text.lower()))


def spans(text: str) -> list[tuple[int, int]]:
    """Start and end of each token of :func:`tokens` in ``text``."""
    return [m.span() for m in _TOKEN.finditer(text.lower())]


@dataclass(frozen=True)
class PeranRef:
    """One role named somewhere: ``peran`` (canonical id) and qualifiers (which bagian)."""

    peran: str
    bagian: frozenset[str] = frozenset()

    def covers(self, other: PeranRef) -> bool:
        """Whether a lane naming self is a lane where ``other`` works."""
        return self.peran == other.peran and (not self.bagian or other.bagian <= self.bagian)

    def covers_exactly(self, other: PeranRef) -> bool:
        """Covers, and says as much as ``other`` does (no less specific)."""
        return self.covers(other) and (not other.bagian or bool(self.bagian))


class Peran:
    """The alias table, compiled for matching token sequences."""

    def __init__(self, data: dict[str, object]):
        self.awalan: frozenset[str] = frozenset(str(w).lower() for w in data.get("awalan", []))  # type: ignore[attr-defined]
        self.aliases: list[tuple[tuple[str, ...], str]] = []
        self.bagian: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        peran = data.get("peran", {})
        assert isinstance(peran, dict)
        for pid, spec in peran.items():
            for alias in spec.get("alias", []):
                self.aliases.append((tokens(str(alias)), pid))
            quals: list[tuple[tuple[str, ...], frozenset[str]]] = []
            for qid, spellings in (spec.get("bagian") or {}).items():
                ids = frozenset(qid.split("_")) if qid == "perencanaan_keuangan" else {qid}
                for spelling in spellings:
                    quals.append((tokens(str(spelling)), frozenset(ids)))
            quals.sort(key=lambda q: -len(q[0]))
            self.bagian[pid] = quals
        self.aliases.sort(key=lambda a: -len(a[0]))
        self.first_words = frozenset(a[0][0] for a in self.aliases)

    def match_at(self, toks: tuple[str, ...], i: int) -> tuple[PeranRef, int] | None:
        """The role written at token ``i`` and the index after it, or None."""
        while i < len(toks) and toks[i] in self.awalan:
            i += 1
        if i >= len(toks) or toks[i] not in self.first_words:
            return None
        for alias, pid in self.aliases:
            if toks[i : i + len(alias)] == alias:
                j = i + len(alias)
                for qual, ids in self.bagian.get(pid, ()):
                    if toks[j : j + len(qual)] == qual:
                        return PeranRef(pid, ids), j + len(qual)
                return PeranRef(pid), j
        return None

    def parse_list(self, toks: tuple[str, ...], i: int = 0) -> list[PeranRef]:
        """Roles written from token ``i``, joined by '/', ',', 'dan', 'atau' ("Kasi/Kasubag")."""
        found: list[PeranRef] = []
        while True:
            hit = self.match_at(toks, i)
            if hit is None:
                return found
            found.append(hit[0])
            i = hit[1]
            if i < len(toks) and toks[i] in {"/", ",", "&", "dan", "atau"}:
                i += 1
                continue
            return found

    def written(self, text: str, ref: PeranRef) -> str:
        """How ``text`` writes the role ``ref`` (e.g. 'Kasubag Perencanaan'), or its id."""
        toks = tokens(text)
        for j in range(len(toks)):
            hit = self.match_at(toks, j)
            if hit is not None and hit[0] == ref:
                where = spans(text)
                return text[where[j][0] : where[hit[1] - 1][1]]
        return ref.peran

    @lru_cache(maxsize=4096)  # noqa: B019 - one table per process, bounded
    def label(self, text: str) -> tuple[PeranRef, ...]:
        """The roles a lane label names (empty when it names none we know)."""
        return tuple(self.parse_list(tokens(text)))


@lru_cache(maxsize=1)
def load_peran() -> Peran:
    """The bundled role aliases."""
    text = resources.files("sopdoc").joinpath("data/peran.yaml").read_text(encoding="utf-8")
    return Peran(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
