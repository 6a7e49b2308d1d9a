"""Text normalisation shared by the rules (cached: the same phrases recur across a catalog)."""

from __future__ import annotations

import re
from functools import lru_cache

_TAG = re.compile(r"</?[A-Za-z][^<>]*>|&(?:[a-z]+|#\d+);")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lower case, markup removed, punctuation and runs of space folded to one space."""
    return _NON_WORD.sub(" ", _TAG.sub(" ", text).lower()).strip()


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The normalised words of ``text``."""
    return tuple(norm(text).split())


def strip_sop(text: str) -> str:
    """A related-SOP reference without its leading 'SOP' (normalised)."""
    n = norm(text)
    return n[4:] if n.startswith("sop ") else n


def contains_phrase(haystack: tuple[str, ...], needle: tuple[str, ...]) -> int:
    """Index of ``needle`` as a run of whole words in ``haystack``, or -1."""
    k = len(needle)
    if not k or k > len(haystack):
        return -1
    first = needle[0]
    for i in range(len(haystack) - k + 1):
        if haystack[i] == first and haystack[i : i + k] == needle:
            return i
    return -1


def quote(text: str, limit: int = 70) -> str:
    """``text`` in single quotes for a message, shortened to ``limit`` characters."""
    t = " ".join(text.split())
    if len(t) > limit:
        t = t[: limit - 1].rstrip() + "…"
    return f"'{t}'"
