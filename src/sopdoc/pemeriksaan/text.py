"""Text normalisation shared by the rules (cached: the same phrases recur across a catalog)."""

from __future__ import annotations

import re

from ..i18n import L_, N_, Message

_TAG = re.compile(r"</?[A-Za-z][^<>]*>|&(?:[a-z]+|#\d+);")
_NON_WORD = re.compile(r"[^0-9a-z]+")


# Per-run caches: the same texts are normalised by several rules. They grow with
# the catalog (no eviction thrash on big ones) and are emptied after every run.
_NORM: dict[str, str] = {}
_WORDS: dict[str, tuple[str, ...]] = {}


def norm(text: str) -> str:
    """Lower case, markup removed, punctuation and runs of space folded to one space."""
    try:
        return _NORM[text]
    except KeyError:
        out = _NORM[text] = _NON_WORD.sub(" ", _TAG.sub(" ", text).lower()).strip()
        return out


_WORD = re.compile(r"[0-9a-z]+")


def words(text: str) -> tuple[str, ...]:
    """The normalised words of ``text`` (those of :func:`norm`, computed in one pass)."""
    try:
        return _WORDS[text]
    except KeyError:
        clean = _TAG.sub(" ", text) if ("<" in text or "&" in text) else text
        out = _WORDS[text] = tuple(_WORD.findall(clean.lower()))
        return out


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


_BAGIAN = {
    "dasar_hukum": "Dasar hukum",
    "kualifikasi_pelaksana": "Kualifikasi pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan pendataan",
    "nomor": "Nomor",
    "nama": "Nama SOP",
    "instansi": "Instansi",
    "unit": "Unit",
    "kop": "Kop",
    "pelaksana": N_("Lane label"),
    "riwayat_revisi": N_("Revision history"),
}
"""What an official calls each section (the format's terms; the others are translated)."""
_KOLOM = {
    "aktivitas": "Aktivitas",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
}


def uraian(path: tuple[str | int, ...]) -> Message:
    """A spec path as an official reads it: 'Output langkah 4', 'Peralatan/perlengkapan butir 2'."""
    if not path:
        return L_("Spec")
    head = path[0]
    if head == "kegiatan" and len(path) >= 3 and isinstance(path[1], int):
        kolom = _KOLOM.get(str(path[2]), str(path[2]).capitalize())
        return L_("{kolom} of step {n}", kolom=kolom, n=path[1] + 1)
    if head == "disahkan_oleh" and len(path) >= 2:
        return L_("Disahkan oleh ({key})", key=path[1])
    name = L_(_BAGIAN.get(str(head), str(head)))
    if len(path) >= 2 and isinstance(path[1], int):
        return L_("{name} item {n}", name=name, n=path[1] + 1)
    if len(path) >= 2:
        return L_("{name} '{key}'", name=name, key=path[1])
    return name


def clear_caches() -> None:
    """Forget every cached normalisation (the runner calls it after each run)."""
    _NORM.clear()
    _WORDS.clear()
