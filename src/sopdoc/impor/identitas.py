"""The identity of an SOP: the identity table's labels and values, the letterhead, the signatory.

Labels are matched by meaning, in any order and spelling ("Nomor SOP", "No. SOP",
"Tgl. Pembuatan", "Tanggal Pengesahan" for the efektif date); a value sits in
the next cell of the row, or after a colon in the label's own cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..i18n import _
from ..pangkat import parse_pangkat
from .bahan import Paragraf, Sel, Tabel
from .konteks import Konteks
from .normal import TAG, baca_tanggal, bersihkan, judul, kosong
from .prosedur import adalah_prosedur

LABEL = {
    "nomor": re.compile(r"^(nomor|nomer|no\.?|nmr\.?)\s*(sop|pos|dokumen)\b", re.I),
    "pembuatan": re.compile(r"^(tanggal|tgl\.?)\s*(pembuatan|dibuat|penyusunan)", re.I),
    "revisi": re.compile(r"^(tanggal|tgl\.?)\s*(revisi|perubahan)", re.I),
    "efektif": re.compile(r"^(tanggal|tgl\.?)\s*(efektif|pengesahan|berlaku|disahkan)", re.I),
    "disahkan_oleh": re.compile(r"^(disahkan|ditetapkan|mengesahkan)(\s+oleh)?\b", re.I),
    "nama": re.compile(r"^(nama|judul)\s*(sop|pos|prosedur)?\s*$", re.I),
}
"""Identity labels by meaning (matched on the label cell's text, markup and colon removed)."""

_SEMUA_LABEL = re.compile(
    "|".join(f"(?P<{key}>{pattern.pattern})" for key, pattern in LABEL.items()), re.I
)

_SATUAN = re.compile(
    r"\b(KECAMATAN|KELURAHAN|DESA|DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|KANTOR|RSUD|PUSKESMAS|"
    r"UPT|UPTD|BAGIAN|SATUAN|KESATUAN)\b",
    re.I,
)
_WILAYAH = re.compile(r"\b(KABUPATEN|KOTA|PROVINSI)\s+[A-Z][\w .'-]*", re.I)


def label_identitas(teks: str) -> str | None:
    """The identity key a label cell names, or None."""
    if len(teks) > 80:  # a label is short; long cells are values
        return None
    t = bersihkan(teks).rstrip(":").strip()
    m = _SEMUA_LABEL.match(t)
    return m.lastgroup if m else None


def _sel_isi(cells: list[Sel]) -> list[Sel]:
    return [c for c in cells if not c.lanjutan]


def baris_identitas(row: list[Sel]) -> Iterator[tuple[str, str, int]]:
    """(key, value, index of the label cell) for each identity label in a table row."""
    cells = _sel_isi(row)
    for i, cell in enumerate(cells):
        text = cell.teks.strip()
        key = label_identitas(text)
        head, sep, _tail = text.partition(":") if key is None else ("", "", "")
        if key is None and sep and len(head) <= 80:
            key = label_identitas(head)
            if key is not None:
                yield key, text.split(":", 1)[1].strip(), i
                continue
        if key is None:
            continue
        value = ""
        for other in cells[i + 1 :]:
            if bersihkan(other.teks).strip() in ("", ":"):
                continue
            value = other.teks.strip().lstrip(":").strip()
            break
        yield key, value, i


def adalah_identitas(tabel: Tabel) -> bool:
    """Whether a table holds the identity rows (a 'Nomor SOP' label among its first rows)."""
    if adalah_prosedur(tabel):
        return False
    return any(key == "nomor" for row in tabel.baris[:16] for key, _v, _i in baris_identitas(row))


def baca_identitas(kt: Konteks) -> None:
    """Fill nomor, nama, tanggal, disahkan_oleh, instansi, unit and kop of ``kt.data``."""
    found: dict[str, str] = {}
    kop: list[str] = []
    for blok in kt.blok:
        if isinstance(blok, Paragraf):
            head, sep, tail = blok.teks.partition(":")
            key = label_identitas(head) if sep else None
            if key and key not in found:
                found[key] = tail.strip()
            continue
        if adalah_prosedur(blok):
            continue
        labelled = False
        ident = adalah_identitas(blok)
        for row in blok.baris:
            hits = list(baris_identitas(row))
            if ident and not hits and not labelled:
                # a letterhead row over the labels, inside the identity table
                for cell in _sel_isi(row):
                    kop.extend(x for x in _baris_kop(cell.teks) if x not in kop)
            labelled = labelled or bool(hits)
            for key, value, at in hits:
                if key not in found:
                    found[key] = value
                # letterhead beside the labels (the logo cell)
                for cell in _sel_isi(row)[:at]:
                    for line in cell.paragraf:
                        if line.strip() and line.strip() not in kop:
                            kop.extend(x.strip() for x in line.split("\n") if x.strip())
    _nomor_nama(kt, found)
    _tanggal(kt, found)
    if not kop:
        kop = _kop_paragraf(kt)
    _kop(kt, kop)
    signatory = found.get("disahkan_oleh", "")
    if kosong(signatory):
        signatory = _blok_tanda_tangan(kt)
        if signatory:
            kt.tebak(
                ("disahkan_oleh",),
                _("no 'Disahkan oleh' in the identity table; read from the signature block"),
                0.7,
            )
    _penandatangan(kt, signatory)


def _nomor_nama(kt: Konteks, found: dict[str, str]) -> None:
    nomor = found.get("nomor", "")
    if kosong(nomor):
        kt.gagal(("nomor",), _("no Nomor SOP found in the identity table"))
        nomor = "-"
    kt.data["nomor"] = kt.teks(" ".join(nomor.split()), ("nomor",))
    nama = " ".join(found.get("nama", "").split())
    if kosong(nama):
        nama = _nama_dari_judul(kt)
        if nama:
            kt.tebak(("nama",), _("no 'Nama SOP' label; taken from the title"), 0.7)
        else:
            kt.gagal(("nama",), _("no Nama SOP found"))
            nama = "-"
    kt.data["nama"] = kt.teks(judul(nama), ("nama",))
    kt.dibaca("identitas", 2)


def _nama_dari_judul(kt: Konteks) -> str:
    for blok in kt.blok:
        if isinstance(blok, Paragraf):
            m = re.match(r"^\s*(?:SOP|POS)\s+(?:PELAKSANAAN\s+)?(.+)$", blok.teks, re.I)
            if m:
                return m.group(1).strip()
    return ""


def _tanggal(kt: Konteks, found: dict[str, str]) -> None:
    tanggal: dict[str, str | None] = {}
    for key in ("pembuatan", "revisi", "efektif"):
        printed = found.get(key)
        jalur = ("tanggal", key)
        if printed is None:
            tanggal[key] = None
            continue
        read = baca_tanggal(printed)
        if not read.terbaca:
            kt.gagal(jalur, _("date {text!r} could not be read; left empty").format(text=printed))
        tanggal[key] = read.nilai.isoformat() if read.nilai else None
        kt.dibaca("identitas")
    kt.data["tanggal"] = tanggal


_NIP = re.compile(r"\bNIP\b\.?\s*:?\s*", re.I)


def pecah_penandatangan(teks: str, unit: str = "") -> tuple[dict[str, str], list[str]]:
    """jabatan, nama, pangkat and nip from the 'Disahkan oleh' cell, and what was unsure.

    Lines may be separate or run together on one line; markup stays where it
    was written ('<p>CAMAT KEBASEN</p>' keeps its tags around the jabatan).
    """
    lines = [x.strip() for x in re.split(r"\n|\s{2,}", teks) if x.strip()]
    lines = [x for x in lines if bersihkan(x)] or lines
    out: dict[str, str] = {}
    unsure: list[str] = []
    # NIP: from its label to the end of that line
    for k, line in enumerate(lines):
        m = _NIP.search(line)
        if m:
            before = line[: m.start()].strip()
            out["nip"] = line[m.end() :].strip()
            lines = lines[:k] + ([before] if bersihkan(before) else []) + lines[k + 1 :]
            break
    # pangkat: the longest known rank at the end of the last line left
    if lines:
        last = lines[-1]
        words = list(re.finditer(r"\S+", last))
        for w in words:
            candidate = last[w.start() :]
            if parse_pangkat(candidate).dikenal:
                out["pangkat"] = candidate.strip()
                rest = last[: w.start()].strip()
                lines = lines[:-1] + ([rest] if bersihkan(rest) else [])
                break
    if len(lines) >= 2:
        out["jabatan"] = " ".join(lines[:-1])
        out["nama"] = lines[-1]
    elif lines:
        one = lines[0]
        at = _awal_nama(one, unit)
        if at > 0:
            out["jabatan"], out["nama"] = one[:at].strip(), one[at:].strip()
            unsure.append("jabatan")
        else:
            out["jabatan"] = one
            unsure.append("nama")
    return out, unsure


def _blok_tanda_tangan(kt: Konteks) -> str:
    """The signature block (jabatan ... NIP) printed as paragraphs, the last one of the SOP."""
    lines: list[str] = []
    for blok in kt.blok:
        if isinstance(blok, Paragraf):
            lines.extend(x.strip() for x in blok.teks.split("\n") if x.strip())
    for k in range(len(lines) - 1, -1, -1):
        if _NIP.search(lines[k]):
            start = max(0, k - 4)
            # the block starts at the jabatan: the first line in capitals
            for j in range(start, k):
                if lines[j].upper() == lines[j] and not _NIP.search(lines[j]):
                    start = j
                    break
            return "\n".join(lines[start : k + 1])
    return ""


def _awal_nama(line: str, unit: str) -> int:
    """Where the name begins in 'CAMAT KEBASEN WAHYU ..., S.STP' (-1: cannot tell)."""
    m = re.search(r"\b(?:Dr|Drs|Dra|Ir|H|Hj)\.\s", line)
    if m and m.start() > 0:
        return m.start()
    last = unit.split()[-1] if unit.split() else ""
    if last:  # the jabatan ends with the unit's name ('Camat Kebasen')
        hit = re.search(rf"\b{re.escape(last)}\b", line, re.I)
        if hit and hit.end() < len(line) - 1:
            return hit.end() + 1
    comma = line.find(",")
    words = line[: comma if comma > 0 else len(line)].split()
    if comma > 0 and len(words) > 3:  # the name: the three words before its titles
        return line.rfind(" ".join(words[-3:]))
    return -1


def _penandatangan(kt: Konteks, teks: str) -> None:
    base = ("disahkan_oleh",)
    parts, unsure = pecah_penandatangan(teks, str(kt.data.get("unit", "")))
    ttd: dict[str, str] = {}
    for key in ("jabatan", "nama", "pangkat", "nip"):
        value = parts.get(key, "")
        if kosong(value):
            if key in ("jabatan", "nama"):
                kt.gagal((*base, key), _("the signatory's {field} was not found").format(field=key))
                ttd[key] = "-"
            continue
        if key == "jabatan":
            value = judul(value)
        ttd[key] = kt.teks(value, (*base, key))
        kt.dibaca("identitas")
    for key in unsure:
        if key in ttd and ttd[key] != "-":
            kt.tebak(
                (*base, key),
                _("jabatan and nama printed on one line; split where the name seems to begin"),
                0.5,
            )
    kt.data["disahkan_oleh"] = ttd


def _baris_kop(teks: str) -> list[str]:
    """The lines of a text that read as a letterhead (capitals naming a government unit)."""
    out = []
    for line in teks.split("\n"):
        text = bersihkan(line)
        kop = _SATUAN.search(text) or _WILAYAH.search(text) or "PEMERINTAH" in text.upper()
        if text and kop and text.upper() == text:
            out.append(TAG.sub("", line).strip())
    return out


def _kop_paragraf(kt: Konteks) -> list[str]:
    """Letterhead paragraphs before the identity table, or in the page header."""
    lines: list[str] = []
    for para in kt.bahan.kepala_kaki:
        lines.extend(x for x in _baris_kop(para.teks) if x not in lines)
    if lines:
        return lines
    for blok in kt.blok:
        if isinstance(blok, Tabel):
            if adalah_identitas(blok):
                break
            continue
        lines.extend(_baris_kop(blok.teks))
    return lines


def _kop(kt: Konteks, kop: list[str]) -> None:
    lines = [" ".join(bersihkan(x).split()) for x in kop if bersihkan(x)]
    instansi = next((x for x in lines if re.match(r"^PEMERINTAH\b", x, re.I)), None)
    unit_line = next((x for x in lines if _SATUAN.match(x)), None)
    unit = unit_line
    wilayah = None
    if unit_line:
        w = _WILAYAH.search(unit_line)
        if w and w.start() > 0:
            unit, wilayah = unit_line[: w.start()].strip(), w.group().strip()
    if instansi is None:
        for x in lines:
            w = _WILAYAH.search(x)
            if w:
                wilayah = wilayah or w.group().strip()
        if wilayah:
            instansi = f"PEMERINTAH {wilayah}"
            kt.tebak(
                ("instansi",),
                _("instansi read from the letterhead {line!r}").format(line=" / ".join(lines)),
                0.8,
            )
    if instansi and unit and (len(lines) < 2 or unit_line != unit):
        kop_out = [instansi.upper(), unit.upper()]
        kt.tebak(
            ("kop",),
            _("letterhead lines rebuilt from {line!r}").format(line=" / ".join(lines)),
            0.8,
        )
    else:
        kop_out = lines
    if instansi:
        kt.data["instansi"] = judul(instansi)
    else:
        kt.gagal(("instansi",), _("no instansi (Pemerintah ...) found in the letterhead"))
        kt.data["instansi"] = "-"
    if unit:
        kt.data["unit"] = judul(unit)
    else:
        kt.gagal(("unit",), _("no unit (Kecamatan, Dinas, ...) found in the letterhead"))
        kt.data["unit"] = "-"
    if kop_out:
        kt.data["kop"] = kop_out
    kt.dibaca("identitas", 2)
