"""T: Penandatangan — NIP and pangkat of 'Disahkan oleh'; one official's data across the catalog.

The signatory usually comes from the catalog settings (``sopdoc.yaml``), so
every SOP shares the same value at the same place: these rules look at each
written value once (by its location) and report it there, not once per SOP.
Values are read with their markup stripped; markup residue is the Form
rules' finding.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ...errors import Location
from ...i18n import L_
from ...model import Sop
from ...nip import PANJANG, Nip, parse_nip, umur_saat
from ...pangkat import Pangkat, parse_pangkat, saran_pangkat
from ...teks import bersihkan_markup
from ..core import LintContext, Problem, Severity, rule
from ..text import quote

NIP_LAMA = 9
"""Digits of the NIP before Peraturan Kepala BKN 22/2007 (e.g. '131110468')."""

UMUR_CPNS_MINIMAL = 18
"""The youngest age at which one can be appointed CPNS (UU ASN; PP 11/2017 Pasal 23)."""


@dataclass(frozen=True)
class Nilai:
    """One written value of a signatory field, with an SOP that uses it and where it is."""

    sop: Sop
    kunci: str  # 'nip', 'pangkat', 'nama', 'jabatan'
    teks: str
    lokasi: Location


def nilai_unik(ctx: LintContext, kunci: str) -> list[Nilai]:
    """Each written value of ``disahkan_oleh.<kunci>`` once (by location), in SOP order."""

    def build() -> list[Nilai]:
        seen: set[Location] = set()
        out: list[Nilai] = []
        for sop in ctx.sops:
            teks = getattr(sop.disahkan_oleh, kunci)
            if teks is None or not str(teks).strip():
                continue
            loc = ctx.lokasi(sop, ("disahkan_oleh", kunci))
            if loc in seen:
                continue
            seen.add(loc)
            out.append(Nilai(sop, kunci, str(teks), loc))
        return out

    return ctx.memo(("penandatangan", kunci), build)


def _nip(ctx: LintContext) -> list[tuple[Nilai, Nip]]:
    return [(n, parse_nip(n.teks)) for n in nilai_unik(ctx, "nip")]


def _acuan(sop: Sop) -> date:
    """The date the SOP speaks for: its latest of pembuatan/revisi, else today."""
    dates = [d for d in (sop.tanggal.pembuatan, sop.tanggal.revisi) if d is not None]
    return max(dates) if dates else date.today()


_PATH_NIP = ("disahkan_oleh", "nip")
_PATH_PANGKAT = ("disahkan_oleh", "pangkat")


@rule("T101", "nip-tidak-lengkap", Severity.ERROR, scope="katalog")
def nip_tidak_lengkap(ctx: LintContext) -> Iterator[Problem]:
    """The NIP is not 18 digits (or holds other characters than digits and spaces).

    A NIP has 18 digits, printed '19780220 199612 1 001' (spaces between the
    groups are fine, and so is a leading 'NIP.').

    PASS:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: NIP. 197802201996121001

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780220 199612 1 01
    """
    for n, nip in _nip(ctx):
        if nip.karakter_asing:
            yield Problem(
                _PATH_NIP,
                L_(
                    "NIP {nip} has characters other than digits ({asing}); a NIP has 18 digits",
                    nip=quote(n.teks),
                    asing=quote(nip.karakter_asing),
                ),
                n.sop,
            )
        elif len(nip.angka) == NIP_LAMA:
            yield Problem(
                _PATH_NIP,
                L_(
                    "NIP {nip} is an old NIP (9 digits); since Peraturan Kepala BKN Nomor 22 "
                    "Tahun 2007 a NIP has 18 digits",
                    nip=quote(n.teks),
                ),
                n.sop,
            )
        elif len(nip.angka) != PANJANG:
            yield Problem(
                _PATH_NIP,
                L_(
                    "NIP {nip} has {n} digits; a NIP has 18 digits (date of birth 8, TMT CPNS "
                    "6, sex 1, serial number 3)",
                    nip=quote(n.teks),
                    n=len(nip.angka),
                ),
                n.sop,
            )


@rule("T102", "nip-tanggal-lahir", Severity.ERROR, scope="katalog")
def nip_tanggal_lahir(ctx: LintContext) -> Iterator[Problem]:
    """The first 8 digits of the NIP are not a real date of birth (YYYYMMDD).

    PASS:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19800229 200501 1 002

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780230 199612 1 001
    """
    for n, nip in _nip(ctx):
        if not nip.lengkap:
            continue  # T101
        lahir = nip.tanggal_lahir
        if lahir is None or lahir.year < 1900:
            yield Problem(
                _PATH_NIP,
                L_(
                    "The first 8 digits of the NIP ({angka}) are not a valid date of birth "
                    "(year, month, day: YYYYMMDD)",
                    angka=nip.angka[:8],
                ),
                n.sop,
            )
        elif lahir > _acuan(n.sop):
            yield Problem(
                _PATH_NIP,
                L_(
                    "The date of birth in the NIP ({lahir}) is after the date of the SOP",
                    lahir=lahir.isoformat(),
                ),
                n.sop,
            )


@rule("T103", "nip-tmt", Severity.WARNING, scope="katalog")
def nip_tmt(ctx: LintContext) -> Iterator[Problem]:
    """The TMT CPNS in the NIP (digits 9–14) is not a plausible year and month.

    The month must be 01–12; the appointment can be no earlier than the
    18th birthday and no later than the SOP's date. A NI PPPK has no month
    there (digits 13–14 count work agreements), so a NIP whose 'month' is
    impossible but whose year allows a PPPK is not judged.

    PASS:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780220 199612 1 001

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780220 199012 1 001
    """
    for n, nip in _nip(ctx):
        if not nip.lengkap or nip.mungkin_pppk:
            continue
        tahun, bulan = nip.tmt_tahun, nip.tmt_bulan
        assert tahun is not None and bulan is not None
        tmt = f"{tahun}-{bulan:02d}"
        if not 1 <= bulan <= 12:
            yield Problem(
                _PATH_NIP,
                L_(
                    "Digits 13–14 of the NIP ({angka}) should be the month of TMT CPNS (01–12)",
                    angka=nip.angka[12:14],
                ),
                n.sop,
            )
            continue
        lahir = nip.tanggal_lahir
        if lahir is not None:
            umur = umur_saat(lahir, tahun, bulan)
            if umur < UMUR_CPNS_MINIMAL:
                yield Problem(
                    _PATH_NIP,
                    L_(
                        "TMT CPNS in the NIP ({tmt}) falls at the age of {umur:.0f}; a CPNS is at "
                        "least {minimal} years old",
                        tmt=tmt,
                        umur=max(umur, 0),
                        minimal=UMUR_CPNS_MINIMAL,
                    ),
                    n.sop,
                )
                continue
        acuan = _acuan(n.sop)
        if (tahun, bulan) > (acuan.year, acuan.month):
            yield Problem(
                _PATH_NIP,
                L_(
                    "TMT CPNS in the NIP ({tmt}) is after the date of the SOP ({acuan})",
                    tmt=tmt,
                    acuan=acuan.isoformat(),
                ),
                n.sop,
            )


@rule("T104", "nip-jenis-kelamin", Severity.ERROR, scope="katalog")
def nip_jenis_kelamin(ctx: LintContext) -> Iterator[Problem]:
    """Digit 15 of the NIP (gender) is not 1 (laki-laki) or 2 (perempuan).

    PASS:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: DWI ASTUTI, S.Sos
          pangkat: Pembina
          nip: 19800512 200312 2 004

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780220 199612 3 001
    """
    for n, nip in _nip(ctx):
        if nip.lengkap and nip.jenis_kelamin not in ("1", "2"):
            yield Problem(
                _PATH_NIP,
                L_(
                    "Digit 15 of the NIP ({angka}) should be the sex: 1 (male) or 2 (female)",
                    angka=nip.jenis_kelamin,
                ),
                n.sop,
            )


def _pangkat(ctx: LintContext) -> list[tuple[Nilai, Pangkat]]:
    return [(n, parse_pangkat(n.teks)) for n in nilai_unik(ctx, "pangkat")]


@rule("T105", "pangkat-tidak-dikenal", Severity.WARNING, scope="katalog")
def pangkat_tidak_dikenal(ctx: LintContext) -> Iterator[Problem]:
    """The pangkat is not a PNS rank (Juru Muda, I/a … Pembina Utama, IV/e).

    'Tingkat I' may be written 'Tk. I', 'Tk.I' or 'Tingkat I', with or
    without the golongan ('Pembina Tk. I (IV/b)', 'Pembina/IV a'). A PPPK
    has no pangkat: 'PPPK' (with its golongan) is accepted as it is.

    PASS:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tingkat I, IV/b
          nip: 19780220 199612 1 001

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Madya
          nip: 19780220 199612 1 001
    """
    for n, p in _pangkat(ctx):
        if p.dikenal or not p.nama_tertulis:
            continue
        saran = saran_pangkat(p.nama_tertulis)
        lagi = L_("; did you mean {nama}?", nama=quote(saran)) if saran else ""
        yield Problem(
            _PATH_PANGKAT,
            L_(
                "Pangkat {pangkat} is not a pangkat of a PNS (Juru Muda I/a to Pembina Utama "
                "IV/e){lagi}",
                pangkat=quote(n.teks),
                lagi=lagi,
            ),
            n.sop,
        )


@rule("T106", "pangkat-golongan", Severity.ERROR, scope="katalog")
def pangkat_golongan(ctx: LintContext) -> Iterator[Problem]:
    """The golongan written beside the pangkat is not that pangkat's golongan.

    PASS:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk.I (IV/b)
          nip: 19780220 199612 1 001

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I (IV/a)
          nip: 19780220 199612 1 001
    """
    for n, p in _pangkat(ctx):
        if p.golongan_cocok:
            continue
        lain = p.nama_golongan_tertulis
        golongan_itu = (
            L_("; {golongan} is {lain}", golongan=p.golongan_tertulis, lain=lain) if lain else ""
        )
        yield Problem(
            _PATH_PANGKAT,
            L_(
                "Pangkat {pangkat}: the golongan of {nama} is {golongan}, not "
                "{tertulis}{golongan_itu}",
                pangkat=quote(n.teks),
                nama=p.nama,
                golongan=p.golongan,
                tertulis=p.golongan_tertulis,
                golongan_itu=golongan_itu,
            ),
            n.sop,
        )


def _sama(teks: str) -> str:
    return " ".join(bersihkan_markup(teks).casefold().split())


@rule("T107", "penandatangan-beda", Severity.WARNING, scope="katalog")
def penandatangan_beda(ctx: LintContext) -> Iterator[Problem]:
    """The same official signs with different data in different SOPs of the catalog.

    An official is recognised by the NIP (its digits) or by the name: the
    same NIP under two names, or the same name with two NIPs, is one
    official written two ways. Nama, jabatan, pangkat and the printing of the NIP must be the
    same wherever the official signs. Capitals and markup are not compared
    (capitals are typography; markup is reported by the Form rules), and
    'Tk. I' against 'Tingkat I' is left to T108.

    PASS:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780220 199612 1 001
        ---
        disahkan_oleh:
          jabatan: CAMAT KEBASEN
          nama: <p>Wahyu Adhi Fibrianto, S.STP., M.A.P</p>
          pangkat: Pembina Tk. I
          nip: 19780220 199612 1 001

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780220 199612 1 001
        ---
        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.AP
          pangkat: Pembina Tk. I
          nip: 197802201996121001
    """
    sops = [s for s in ctx.sops]
    # Group the SOPs by official: same NIP digits, or same name when a NIP is missing.
    parent = list(range(len(sops)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, int] = {}
    for i, sop in enumerate(sops):
        ttd = sop.disahkan_oleh
        keys = [f"nama:{_sama(ttd.nama)}"]
        if ttd.nip:
            digits = parse_nip(ttd.nip).angka
            if len(digits) == PANJANG:
                keys.append(f"nip:{digits}")
        for key in keys:
            if key in by_key:
                parent[find(i)] = find(by_key[key])
            else:
                by_key[key] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sops)):
        groups[find(i)].append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        yield from _beda_data(ctx, [sops[i] for i in members])


def _bentuk(kunci: str, teks: str) -> str:
    if kunci == "nip":
        return parse_nip(teks).tercetak
    if kunci == "pangkat":
        p = parse_pangkat(teks)
        if p.nama is not None:
            return f"{p.nama}|{p.golongan_tertulis or ''}"
    return _sama(teks)


_LABEL = {"nama": "Nama", "jabatan": "Jabatan", "pangkat": "Pangkat", "nip": "NIP"}


def _beda_data(ctx: LintContext, sops: list[Sop]) -> Iterator[Problem]:
    for kunci in ("nama", "jabatan", "pangkat", "nip"):
        seen: set[Location] = set()
        values: list[tuple[Sop, str, Location]] = []
        for sop in sops:
            teks = getattr(sop.disahkan_oleh, kunci)
            if teks is None:
                continue
            loc = ctx.lokasi(sop, ("disahkan_oleh", kunci))
            if loc in seen:
                continue
            seen.add(loc)
            values.append((sop, teks, loc))
        forms = [_bentuk(kunci, t) for _, t, _ in values]
        if len(set(forms)) < 2:
            continue
        counts = Counter(forms)
        first = {f: i for i, f in reversed(list(enumerate(forms)))}
        best = max(counts, key=lambda f: (counts[f], -first[f]))
        _, best_teks, best_loc = values[forms.index(best)]
        for (sop, teks, _loc), form in zip(values, forms, strict=True):
            if form == best:
                continue
            yield Problem(
                ("disahkan_oleh", kunci),
                L_(
                    "{label} of the signatory is written {teks}, at {where} {lain}; the same "
                    "official is written the same way in every SOP",
                    label=_LABEL[kunci],
                    teks=quote(bersihkan_markup(teks)),
                    where=best_loc,
                    lain=quote(bersihkan_markup(best_teks)),
                ),
                sop,
            )


@rule("T108", "ejaan-pangkat", Severity.INFO, scope="katalog")
def ejaan_pangkat(ctx: LintContext) -> Iterator[Problem]:
    """The catalog spells 'Tingkat I' of the pangkat in more than one way ('Tk. I', 'Tingkat I').

    One spelling throughout keeps the documents uniform; the most common
    spelling of the catalog (the first in file order on a tie) is the model.

    PASS:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780220 199612 1 001
        ---
        disahkan_oleh:
          jabatan: Sekretaris Camat Kebasen
          nama: DWI ASTUTI, S.Sos
          pangkat: Penata Tk. I
          nip: 19800512 200312 2 004

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780220 199612 1 001
        ---
        disahkan_oleh:
          jabatan: Sekretaris Camat Kebasen
          nama: DWI ASTUTI, S.Sos
          pangkat: Penata Tingkat I
          nip: 19800512 200312 2 004
    """
    spelled = [(n, p.ejaan_tingkat) for n, p in _pangkat(ctx) if p.ejaan_tingkat]
    forms = [e for _, e in spelled if e]
    if len(set(forms)) < 2:
        return
    counts = Counter(forms)
    first = {f: i for i, f in reversed(list(enumerate(forms)))}
    best = max(counts, key=lambda f: (counts[f], -first[f]))
    model = next(n for n, e in spelled if e == best)
    for n, e in spelled:
        if e != best:
            yield Problem(
                _PATH_PANGKAT,
                L_(
                    "'Tingkat I' is written {ini} here and {itu} at {where}; use one spelling "
                    "in the whole catalog",
                    ini=quote(e or ""),
                    itu=quote(best),
                    where=model.lokasi,
                ),
                n.sop,
            )


PEJABAT_NON_PNS = (
    "bupati",
    "wakil bupati",
    "wali kota",
    "walikota",
    "wakil wali kota",
    "kepala desa",
)
"""Officials who are elected or appointed outside the civil service: no NIP, no pangkat."""


@rule("T109", "penandatangan-tidak-lengkap", Severity.WARNING, scope="katalog")
def penandatangan_tidak_lengkap(ctx: LintContext) -> Iterator[Problem]:
    """The signatory is a civil servant, but 'Disahkan oleh' lacks the pangkat or the NIP.

    The form prints jabatan, nama, pangkat and NIP under the signature. An
    elected or non-PNS official (Bupati, Wali Kota, Kepala Desa, and their
    deputies) has neither, and is not reported.

    PASS:

        disahkan_oleh:
          jabatan: Bupati Banyumas
          nama: Ir. H. ACHMAD HUSEIN

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
    """
    seen: set[Location] = set()
    for sop in ctx.sops:
        ttd = sop.disahkan_oleh
        if bersihkan_markup(ttd.jabatan).strip().lower().startswith(PEJABAT_NON_PNS):
            continue
        loc = ctx.lokasi(sop, ("disahkan_oleh",))
        if loc in seen:
            continue
        seen.add(loc)
        kosong = [
            label
            for label, teks in (("pangkat", ttd.pangkat), ("NIP", ttd.nip))
            if not (teks or "").strip()
        ]
        if kosong:
            tanpa = kosong[0] if len(kosong) == 1 else L_("{a} and {b}", a=kosong[0], b=kosong[1])
            yield Problem(
                ("disahkan_oleh",),
                L_(
                    "Disahkan oleh {jabatan} without {tanpa}; fill in the pangkat and NIP of the "
                    "official who signs",
                    jabatan=quote(ttd.jabatan),
                    tanpa=tanpa,
                ),
                sop,
            )


BUP_ADMINISTRASI = 58
"""Batas usia pensiun of pejabat administrasi (UU 5/2014 Pasal 90 huruf a; PP 11/2017 Pasal 239)."""
BUP_PIMPINAN_TINGGI = 60
"""Batas usia pensiun of pejabat pimpinan tinggi (UU 5/2014 Pasal 90 huruf b; PP 11/2017
Pasal 239)."""
_JPT = re.compile(
    r"^\s*(?:kepala\s+(?:dinas|badan|satuan\s+polisi)|sekretaris\s+daerah|sekda\b|inspektur\b"
    r"|asisten\b|staf\s+ahli|kepala\s+biro|direktur\b|kadis\b|kaban\b)",
    re.IGNORECASE,
)
_BUP_LAIN = re.compile(
    r"^\s*(?:bupati|wakil\s+bupati|wali\s*kota|wakil\s+wali\s*kota|gubernur|kepala\s+desa|kades"
    r"|kepala\s+(?:puskesmas|sekolah|upt|uptd)|petinggi|kuwu|pj\.?|plt\.?|plh\.?)\b",
    re.IGNORECASE,
)


def _bup(jabatan: str) -> int | None:
    """The retirement age of the post, None when it is not judged (elected, functional, acting)."""
    if _BUP_LAIN.match(jabatan):
        return None
    return BUP_PIMPINAN_TINGGI if _JPT.match(jabatan) else BUP_ADMINISTRASI


@rule("T110", "usia-pensiun", Severity.WARNING, scope="katalog")
def usia_pensiun(ctx: LintContext) -> Iterator[Problem]:
    """The signatory's NIP says they had reached the batas usia pensiun when the SOP was signed.

    A PNS retires at the end of the month of the birthday of the batas usia
    pensiun: 58 for pejabat administrasi (camat, lurah, kepala bagian/bidang,
    sekretaris), 60 for pejabat pimpinan tinggi (kepala dinas/badan, sekretaris
    daerah, asisten, staf ahli, inspektur) — UU 5/2014 Pasal 90, PP 11/2017
    Pasal 239 (kept in force by UU 20/2023). The date of birth is the NIP's
    first 8 digits; the SOP's date is its latest of pembuatan and revisi.
    Elected officials, heads of a puskesmas, school or UPT (whose age limit
    follows their functional post) and acting officials (Plt., Plh., Pj.) are
    not judged. A signatory under 18 at the TMT in the NIP is T103's.

    PASS:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19780220 199612 1 001

    FAIL:

        disahkan_oleh:
          jabatan: Camat Kebasen
          nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
          pangkat: Pembina Tk. I
          nip: 19640220 198612 1 001
    """
    for n, nip in _nip(ctx):
        lahir = nip.tanggal_lahir
        if not nip.lengkap or lahir is None:
            continue
        bup = _bup(n.sop.disahkan_oleh.jabatan or "")
        if bup is None:
            continue
        acuan = _acuan(n.sop)
        # pension from the first day of the month after the birthday of the age limit
        tahun, bulan = lahir.year + bup, lahir.month + 1
        if bulan > 12:
            tahun, bulan = tahun + 1, 1
        pensiun = date(tahun, bulan, 1)
        if acuan >= pensiun:
            yield Problem(
                _PATH_NIP,
                L_(
                    "The NIP says the signatory was born on {born}: on the SOP's date ({date}) "
                    "they were past the retirement age of {bup} for this post (retired from "
                    "{retired}); check the NIP or the signatory",
                    born=lahir.isoformat(),
                    date=acuan.isoformat(),
                    bup=bup,
                    retired=pensiun.isoformat(),
                ),
                n.sop,
            )
