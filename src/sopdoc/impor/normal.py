"""Reading printed values: Indonesian dates, capitals, HTML residue, list items, lane ids.

Small pure functions the assembler applies to the text a reader took out of a
document. None of them guesses silently: each says whether it changed or
doubted the value, so the import report can list it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..pemeriksaan.peran import load_peran
from ..teks import bersihkan_markup

BULAN = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agst": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
}

TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>")
"""One HTML tag as left in a text (``<p>``, ``</p>``, ``<ol style="...">``)."""

_KOSONG = re.compile(r"^[\s\-–—_.:/]*$")


@dataclass(frozen=True)
class Tanggal:
    """A printed date read: the day (or None), and whether it could not be read."""

    nilai: date | None
    terbaca: bool = True


def baca_tanggal(teks: str) -> Tanggal:
    """'9 Januari 2024', '09-01-2024', '9/1/2024', '2024-01-09', '-' or '' (no date).

    >>> baca_tanggal("2 Juni 2025").nilai
    datetime.date(2025, 6, 2)
    >>> baca_tanggal("-")
    Tanggal(nilai=None, terbaca=True)
    """
    t = bersihkan_markup(teks).strip()
    t = re.sub(r"^(tanggal|tgl\.?)\s*:?\s*", "", t, flags=re.IGNORECASE).strip(" :,")
    t = re.sub(r"^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*", "", t, flags=re.I)
    if _KOSONG.match(t):
        return Tanggal(None)
    m = re.fullmatch(r"(\d{1,2})\s*[-./\s]?\s*([A-Za-z]+)\.?\s*[-./\s]?\s*(\d{4})", t)
    if m and m.group(2).lower() in BULAN:
        return _hari(int(m.group(3)), BULAN[m.group(2).lower()], int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})", t)
    if m:
        return _hari(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})", t)
    if m:
        return _hari(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return Tanggal(None, terbaca=False)


def _hari(y: int, m: int, d: int) -> Tanggal:
    try:
        return Tanggal(date(y, m, d))
    except ValueError:
        return Tanggal(None, terbaca=False)


# words an Indonesian title keeps in lower case (after the first word)
def _kata(teks: str) -> frozenset[str]:
    return frozenset(teks.split())


_KATA_KECIL = _kata(
    "dan atau di ke dari yang untuk pada dengan dalam oleh serta tentang bagi atas "
    "terhadap sebagai antara per"
)
# abbreviations that stay in capitals when a capitalised text is set in title case
SINGKATAN = _kata(
    "PATEN PMD KTP KK RT RW SKPD OPD PNS ASN PPPK UMKM BPJS SPJ PBB IMB SKCK NIK KUA TU "
    "PKK BPD LPMD LPM ATK RKT PK SK SPT SPPD DPA RKA APBD APBDES BUMDES SIUP TDP NPWP "
    "PTSP DPMPTSP TKSK PSM DTKS BLT PKH KIS KIP SKTM IUMK NIB SIPKD LKPJ LPPD LAKIP SAKIP "
    "RKPD RPJMD RPJMDES RKPDES SPM SOP AP IKM ID TI IT"
)


def huruf_kapital_semua(teks: str) -> bool:
    """Whether the text (markup aside) is written all in capitals."""
    letters = [c for c in TAG.sub("", teks) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def judul(teks: str) -> str:
    """Title case of a text printed in capitals ('KASI/KASUBAG' -> 'Kasi/Kasubag').

    Tags stay as written; known abbreviations (KTP, PATEN, ...) stay in capitals;
    small words (dan, di, ke, ...) after the first are lower case. A text not
    all in capitals is returned unchanged: its capitals are the author's.
    """
    if not huruf_kapital_semua(teks):
        return teks
    out: list[str] = []
    pos = 0
    first = True
    for m in re.finditer(r"<[^<>]*>|[^\W\d_]+(?:['’][^\W\d_]+)?", teks):
        out.append(teks[pos : m.start()])
        word = m.group()
        if word.startswith("<"):
            out.append(word)
        elif word in SINGKATAN:
            out.append(word)
            first = False
        elif not first and word.lower() in _KATA_KECIL:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:].lower())
            first = False
        pos = m.end()
    out.append(teks[pos:])
    return "".join(out)


def punya_markup(teks: str) -> bool:
    """Whether HTML residue (a tag or an entity) is left in the text."""
    return bool(TAG.search(teks) or re.search(r"&(?:[a-z]+|#\d+);", teks))


def bersihkan(teks: str) -> str:
    """The text without HTML residue, spacing collapsed (see ``sopdoc.teks``)."""
    if "<" not in teks and "&" not in teks:  # the usual case, without the regex
        return " ".join(teks.split())
    return bersihkan_markup(teks)


def rapikan(teks: str) -> str:
    """Whitespace collapsed, ends trimmed; line breaks before list markers kept."""
    lines = [" ".join(line.split()) for line in teks.replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        if out and not _PENANDA.match(line):
            out[-1] = _sambung(out[-1], line)
        else:
            out.append(line)
    return "\n".join(out)


def _sambung(a: str, b: str) -> str:
    """Join two wrapped lines of one paragraph ('permo-' + 'honan' -> 'permohonan')."""
    m = re.search(r"(\w+)-$", a)
    if m and b[:1].islower() and not b.lower().startswith(m.group(1).lower()):
        return a[:-1] + b  # a word cut at the line end ('data-data' stays whole)
    return f"{a}{b}" if a.endswith("-") else f"{a} {b}"


_PENANDA = re.compile(r"^(?:[-•·▪●○◦*]|\d{1,2}[.)]|[a-zA-Z][.)])\s+")
"""A list marker typed at the start of an item: '1. ', '1) ', 'a. ', '- ', '• '."""

_PEMBUKA = re.compile(r"^(?:\s*<[^<>]*>)+")


def lepas_penanda(item: str) -> tuple[str, str]:
    """The item without its typed marker, and the marker ('1. PK' -> ('PK', '1.')).

    Tags before the marker stay in front of the text: '<ol>1. PK' -> '<ol>PK'.
    """
    lead = _PEMBUKA.match(item)
    head = lead.group() if lead else ""
    rest = item[len(head) :].lstrip()
    m = _PENANDA.match(rest)
    if not m:
        return item.strip(), ""
    return (head + rest[m.end() :]).strip(), m.group().strip()


def pecah_item(teks: str) -> list[str]:
    """The items of one list as printed: one per line, or run together by numbers.

    A list stored as HTML loses its line breaks in a text dump: '1. A2. B3. C'
    holds three items; the numbers must follow each other (1, 2, 3) to count as
    markers, so 'Nomor 25 Tahun 2004' is never split. Bullets ('•') also split.
    """
    lines = []
    for x in teks.split("\n"):
        if not x.strip() or _KOSONG.match(bersihkan_markup(x)):
            continue
        cols = [c for c in x.split("\t") if c.strip()]
        side_by_side = len(cols) > 1 and all(
            _PENANDA.match(_PEMBUKA.sub("", c).lstrip() + " ") for c in cols
        )
        lines.extend(cols if side_by_side else [x])  # two columns of items on one line
    marked = [bool(_PENANDA.match(_PEMBUKA.sub("", x).lstrip())) for x in lines]
    if any(marked):  # lines without a marker continue the item above (a wrapped line)
        joined: list[str] = []
        for line, has in zip(lines, marked, strict=True):
            if joined and not has:
                joined[-1] = _sambung(joined[-1], line.strip())
            else:
                joined.append(line)
        lines = joined
    items: list[str] = []
    for line in lines:
        items.extend(_pecah_nomor(line))
    items = _urut_nomor(items)
    out = []
    for item in items:
        text, _marker = lepas_penanda(item)
        if bersihkan_markup(text):
            out.append(text)
        elif out:  # residue alone (a closing tag): keep it with the item before
            out[-1] += text
    return out


def _urut_nomor(items: list[str]) -> list[str]:
    """Items numbered 1..n read out of order (two columns read row by row) put in order."""
    numbers = []
    for item in items:
        m = re.match(r"(\d{1,2})[.)]\s", _PEMBUKA.sub("", item).lstrip())
        if not m:
            return items
        numbers.append(int(m.group(1)))
    if sorted(numbers) != list(range(1, len(items) + 1)):
        return items
    return [item for _n, item in sorted(zip(numbers, items, strict=True))]


def _pecah_nomor(line: str) -> list[str]:
    lead = _PEMBUKA.match(line)
    head = lead.group() if lead else ""
    body = line[len(head) :].lstrip()
    if "•" in body[1:]:
        bullets = [p for p in re.split(r"\s*•\s*", body) if p.strip()]
        return [head + bullets[0], *bullets[1:]] if bullets else [line]
    m = re.match(r"(\d{1,2})[.)]\s+", body)
    if not m:
        return [line]
    n = int(m.group(1))
    parts: list[str] = []
    start = 0
    pos = m.end()
    while True:
        nxt = re.compile(rf"(?<![\d.,/]){n + 1}[.)]\s+(?=\S)").search(body, pos)
        if not nxt:
            break
        parts.append(body[start : nxt.start()].rstrip())
        start = nxt.start()
        pos = nxt.end()
        n += 1
    parts.append(body[start:])
    parts[0] = head + parts[0]
    return parts


def id_lajur(label: str, taken: set[str]) -> str:
    """A lane id from a lane label: 'Seluruh Kepala Seksi' -> 'kepala_seksi'.

    Lower case ASCII words joined by '_', words like 'seluruh'/'para' dropped;
    an id already in ``taken`` gets '_2', '_3', ...; ``taken`` is updated.
    """
    plain = unicodedata.normalize("NFKD", bersihkan_markup(label))
    plain = plain.encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    awalan = load_peran().awalan
    while len(words) > 1 and words[0] in awalan:
        words = words[1:]
    base = "_".join(words)[:40].strip("_") or "lajur"
    if base[0].isdigit():
        base = f"lajur_{base}"
    name, n = base, 2
    while name in taken:
        name = f"{base}_{n}"
        n += 1
    taken.add(name)
    return name


def kosong(teks: str) -> bool:
    """Whether a printed value says nothing ('', '-', '—', residue alone)."""
    return bool(_KOSONG.match(bersihkan_markup(teks)))


@lru_cache(maxsize=1)
def _kosakata() -> frozenset[str]:
    """Words of lane labels sopdoc knows (role aliases, their qualifiers, header words)."""
    data = load_peran()
    words: set[str] = set(data.awalan)
    for alias, _pid in data.aliases:
        words.update(alias)
    for quals in data.bagian.values():
        for spelling, _ids in quals:
            words.update(spelling)
    words.update(
        _kata(
            "pelaksana kegiatan aktivitas kelengkapan persyaratan keterangan output waktu "
            "petugas kepala sekretaris seksi bagian umum kepegawaian"
        )
    )
    return frozenset(w for w in words if w.isalpha() and len(w) > 1)


def gabung_kata(teks: str) -> str:
    """Words cut where a narrow cell wrapped them joined again ('SEKRET ARIS' -> 'SEKRETARIS').

    Two pieces are joined when together they make a word of a lane label that
    neither is alone, or when a line ends inside a word (a one-letter tail).
    """
    vocab = _kosakata()
    parts = re.split(r"(\s+)", teks.strip())
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        if len(out) >= 2 and not part.isspace() and out[-1].isspace():
            prev = out[-2]
            a, b = re.sub(r"\W", "", prev).lower(), re.sub(r"\W", "", part).lower()
            tail = prev[-1:].isalpha() and part[:1].isalpha()
            joined = (a + b) in vocab and not (a in vocab and b in vocab)
            cut = "\n" in out[-1] and len(b) == 1 and part.isalpha()
            if tail and (joined or cut):
                out.pop()
                out[-1] = prev + part
                continue
        out.append(part)
    return " ".join("".join(out).split())
