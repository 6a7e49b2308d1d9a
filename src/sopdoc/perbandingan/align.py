"""Aligning two sequences (steps, lanes, list items) of two revisions.

Items are paired first by a stable key (a step's ``id``), then the rest by a
dynamic-programming alignment that keeps the order and maximises the summed
similarity of the pairs, so that inserting one item reports one insertion and
not a change to every later item. Items left over on both sides are paired as
moves when they are near-equal. Of all pairs, those outside a longest chain
that keeps its order are reported as moved.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")

MATCH_THRESHOLD = 0.5
"""Least similarity for two items in the same place to count as one item reworded."""

MOVE_THRESHOLD = 0.8
"""Least similarity for an item out of order to count as the same item moved."""


@dataclass
class Alignment(Generic[T]):
    """Which old item became which new item; indexes are 0-based."""

    pairs: list[tuple[int, int]] = field(default_factory=list)  # (old, new), by old index
    moved: set[tuple[int, int]] = field(default_factory=set)  # pairs out of order
    deleted: list[int] = field(default_factory=list)
    inserted: list[int] = field(default_factory=list)

    @property
    def new_of(self) -> dict[int, int]:
        """Old index -> new index of every kept item."""
        return dict(self.pairs)

    @property
    def old_of(self) -> dict[int, int]:
        """New index -> old index of every kept item."""
        return {n: o for o, n in self.pairs}


_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


def text_similarity(a: str, b: str) -> float:
    """Similarity of two texts in 0..1, word by word, ignoring case and punctuation."""
    if a == b:
        return 1.0
    wa, wb = _words(a), _words(b)
    if not wa and not wb:
        return 1.0 if a.strip() == b.strip() else 0.9
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def align(
    old: Sequence[T],
    new: Sequence[T],
    similarity: Callable[[T, T], float],
    key: Callable[[T], Hashable | None] | None = None,
    *,
    content: Callable[[T], Hashable] | None = None,
    threshold: float = MATCH_THRESHOLD,
    move_threshold: float = MOVE_THRESHOLD,
) -> Alignment[T]:
    """Pair the items of ``old`` and ``new``.

    ``key`` gives an item's stable key (or None): items with the same key on
    both sides are the same item wherever they stand. ``similarity`` scores
    the other candidate pairs in 0..1; return 0 for pairs that must never be
    paired. ``content``, when given, is what makes two items equal: items of
    equal content found once on each side anchor the alignment (in order), so
    that only the stretches between anchors are aligned pair by pair.
    """
    pairs: list[tuple[int, int]] = []
    if key is not None:
        pairs.extend(_key_pairs(old, new, key))
    used_old = {o for o, _ in pairs}
    used_new = {n for _, n in pairs}
    rest_old = [i for i in range(len(old)) if i not in used_old]
    rest_new = [j for j in range(len(new)) if j not in used_new]

    cache: dict[tuple[int, int], float] = {}

    def sim(i: int, j: int) -> float:
        if (i, j) not in cache:
            cache[(i, j)] = similarity(old[i], new[j])
        return cache[(i, j)]

    anchors: list[tuple[int, int]] = []
    if content is not None:
        anchors = _anchors(old, new, rest_old, rest_new, content, sim)
    ordered = list(anchors)
    bounds = [(-1, -1), *anchors, (len(old), len(new))]
    for (o1, n1), (o2, n2) in itertools.pairwise(bounds):
        gap_old = [i for i in rest_old if o1 < i < o2]
        gap_new = [j for j in rest_new if n1 < j < n2]
        ordered.extend(_dp_pairs(gap_old, gap_new, sim, threshold))
    pairs.extend(ordered)
    taken_old = {o for o, _ in ordered}
    taken_new = {n for _, n in ordered}
    left_old = [i for i in rest_old if i not in taken_old]
    left_new = [j for j in rest_new if j not in taken_new]
    pairs.extend(_move_pairs(left_old, left_new, sim, move_threshold))

    pairs.sort()
    kept = _longest_chain(pairs)
    paired_old = {o for o, _ in pairs}
    paired_new = {n for _, n in pairs}
    return Alignment(
        pairs=pairs,
        moved={p for p in pairs if p not in kept},
        deleted=[i for i in range(len(old)) if i not in paired_old],
        inserted=[j for j in range(len(new)) if j not in paired_new],
    )


def _anchors(
    old: Sequence[T],
    new: Sequence[T],
    rest_old: list[int],
    rest_new: list[int],
    content: Callable[[T], Hashable],
    sim: Callable[[int, int], float],
) -> list[tuple[int, int]]:
    """Equal items found once on each side, the longest run of them that keeps its order."""

    def unique(items: Sequence[T], indexes: list[int]) -> dict[Hashable, int]:
        seen: dict[Hashable, int] = {}
        dupes: set[Hashable] = set()
        for i in indexes:
            c = content(items[i])
            if c in seen:
                dupes.add(c)
            seen[c] = i
        return {c: i for c, i in seen.items() if c not in dupes}

    a, b = unique(old, rest_old), unique(new, rest_new)
    candidates = sorted((i, b[c]) for c, i in a.items() if c in b and sim(i, b[c]) > 0)
    chain = _longest_chain(candidates)
    return sorted(chain)


def _key_pairs(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], Hashable | None]
) -> list[tuple[int, int]]:
    """Pairs of items sharing a key that is unique on both sides."""

    def index(items: Sequence[T]) -> dict[Hashable, int]:
        seen: dict[Hashable, int] = {}
        dupes: set[Hashable] = set()
        for i, item in enumerate(items):
            k = key(item)
            if k is None:
                continue
            if k in seen:
                dupes.add(k)
            seen[k] = i
        return {k: i for k, i in seen.items() if k not in dupes}

    old_keys, new_keys = index(old), index(new)
    return [(i, new_keys[k]) for k, i in old_keys.items() if k in new_keys]


def _dp_pairs(
    rest_old: list[int],
    rest_new: list[int],
    sim: Callable[[int, int], float],
    threshold: float,
) -> list[tuple[int, int]]:
    """Order-keeping pairs maximising the summed (rescaled) similarity."""
    n, m = len(rest_old), len(rest_new)
    if not n or not m:
        return []
    span = max(1e-9, 1.0 - threshold)

    def gain(a: int, b: int) -> float:
        s = sim(rest_old[a], rest_new[b])
        if s < threshold or s <= 0:
            return -1.0
        # rescaled so that a bare pass of the threshold adds little and an equal pair 1;
        # the small constant prefers one pair at the threshold to none
        return (s - threshold) / span + 1e-6

    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        row, below = score[a], score[a + 1]
        for b in range(m - 1, -1, -1):
            best = max(below[b], row[b + 1])
            g = gain(a, b)
            if g >= 0:
                best = max(best, g + below[b + 1])
            row[b] = best
    out: list[tuple[int, int]] = []
    a = b = 0
    while a < n and b < m:
        g = gain(a, b)
        if g >= 0 and abs(score[a][b] - (g + score[a + 1][b + 1])) < 1e-12:
            out.append((rest_old[a], rest_new[b]))
            a, b = a + 1, b + 1
        elif score[a][b] == score[a + 1][b]:
            a += 1
        else:
            b += 1
    return out


def _move_pairs(
    left_old: list[int],
    left_new: list[int],
    sim: Callable[[int, int], float],
    threshold: float,
) -> list[tuple[int, int]]:
    """Near-equal leftovers paired greedily, best first: items that moved."""
    candidates = sorted(
        ((sim(i, j), i, j) for i in left_old for j in left_new if sim(i, j) >= threshold),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    out: list[tuple[int, int]] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for _s, i, j in candidates:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        out.append((i, j))
    return out


def _longest_chain(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest subset of pairs (sorted by old index) whose new indexes increase."""
    if not pairs:
        return set()
    tails: list[int] = []  # index into pairs of the smallest tail of each length
    prev: list[int] = [-1] * len(pairs)
    for k, (_o, n) in enumerate(pairs):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if pairs[tails[mid]][1] < n:
                lo = mid + 1
            else:
                hi = mid
        prev[k] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    chain: set[tuple[int, int]] = set()
    k = tails[-1]
    while k != -1:
        chain.add(pairs[k])
        k = prev[k]
    return chain
