"""The site's full-text search index: a small inverted index written as a JavaScript file.

Every word of an SOP's nama, nomor, aktivitas, output and dasar hukum is folded to
lower-case ASCII (``Ë`` -> ``e``) and listed once per SOP with the weight of the
field it was found in (nama counts most). The index is a sorted word list and,
for each word, its postings ``[sop, weight, sop, weight, ...]``; the browser
(``aset/katalog.js``) matches every query word as a prefix of the sorted words
with a binary search, so ``kinerj`` finds ``kinerja``, and ranks the SOPs that
have every query word by the sum of their weights.

Why our own and not a library: Pagefind and lunr fetch their index with
``fetch()``/XHR, which Chromium refuses on ``file://`` pages; this index is a
``<script>`` (``window.SOPDOC_CARI = {...}``), so the catalog searches when opened
straight from a folder or a USB stick as well as from any web server. The folding
here and in ``katalog.js`` is the same.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

WEIGHTS = {"nama": 10, "nomor": 8, "aktivitas": 4, "output": 3, "dasar_hukum": 2}
"""How much a word counts, by the field it is in."""

STOPWORDS = frozenset(
    {
        "dan", "di", "ke", "yang", "dari", "untuk", "dengan", "atau",
        "pada", "dalam", "oleh", "serta", "sop", "no", "nomor", "tahun",
    }
)  # fmt: skip
"""Words too common to search for (dropped from the index and from queries)."""

_SPLIT = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without diacritics: the form both the index and the query take."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The searchable words of ``text`` (two characters or more, no stopwords)."""
    return [w for w in _SPLIT.split(fold(text)) if len(w) > 1 and w not in STOPWORDS]


def fields_of(sop_fields: dict[str, Sequence[str]]) -> dict[str, int]:
    """Each word of an SOP with the weight of the heaviest field it occurs in."""
    found: dict[str, int] = {}
    for name, texts in sop_fields.items():
        weight = WEIGHTS[name]
        for text in texts:
            for word in words(text):
                if found.get(word, 0) < weight:
                    found[word] = weight
    return found


def build_index(per_sop: Iterable[dict[str, int]]) -> dict[str, Any]:
    """The inverted index of the SOPs (in the order given: SOP ``i`` is row ``i``)."""
    postings: dict[str, list[int]] = {}
    for i, found in enumerate(per_sop):
        for word, weight in found.items():
            postings.setdefault(word, []).extend((i, weight))
    keys = sorted(postings)
    return {"k": keys, "p": [postings[k] for k in keys]}


def index_script(index: dict[str, Any]) -> str:
    """The index as a script that sets ``window.SOPDOC_CARI``."""
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return f"window.SOPDOC_CARI={data};\n"


__all__ = ["STOPWORDS", "WEIGHTS", "build_index", "fields_of", "fold", "index_script", "words"]
