"""Citations of regulations (dasar hukum): parsing, canonical keys, hierarchy.

A citation is written ``<Jenis> Nomor <n> Tahun <yyyy> tentang <Judul>``, e.g.
"Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah", with many
spellings of the jenis ("UU", "Permendagri", "Peraturan Menteri Dalam Negeri",
"Perda Kabupaten Banyumas", ...), "Tentang" or "tentang", sometimes a "Pasal 18
ayat (6)" in front, a gazette reference "(Lembaran Negara ...)" and an amendment
clause "sebagaimana telah diubah ... terakhir dengan ..." behind.
:func:`parse_kutipan` reads all of these into a :class:`Kutipan` whose
:attr:`Kutipan.kunci` (jenis, nomor, tahun) names the regulation whatever the
spelling, so that the checker can look it up in the registry
(:mod:`sopdoc.peraturan`) and compare citations across a catalog.

The hierarchy (``JenisPeraturan.tingkat``) follows Undang-Undang Nomor 12 Tahun
2011 tentang Pembentukan Peraturan Perundang-undangan, Pasal 7 ayat (1):
UUD 1945; Ketetapan MPR; UU/Perppu; PP; Perpres; Perda Provinsi; Perda
Kabupaten/Kota (unchanged by its amendments UU 15/2019 and UU 13/2022). The
regulations of Pasal 8 ayat (1) (ministers, agencies, governors, regents,
mayors) are placed after the central ones of their issuer's level, the way
dasar hukum lists order them: ministers' regulations after the Perpres,
a governor's after the Perda Provinsi, a regent's or mayor's after the Perda
Kabupaten/Kota; a decision (keputusan), instruction or circular (surat edaran)
after the regulations of the same issuer.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from .i18n import L_, Message
from .teks import bersihkan_markup


@dataclass(frozen=True)
class JenisPeraturan:
    """A kind of regulation: canonical code, official name, short name, hierarchy rank."""

    kode: str
    nama: str
    singkatan: str
    tingkat: int | None
    """Rank in the hierarchy, lower is higher; None when the kind cannot be placed."""
    pola: str
    """Regex (fullmatch, on the normalised jenis text) recognising the spellings."""
    berdaerah: bool = False
    """The jenis text names a region (Perda Kabupaten Banyumas, Peraturan Bupati Banyumas)."""


_M_PANRB = (
    r"(?:menteri (?:negara )?pendayagunaan aparatur negara(?: dan reformasi birokrasi)?"
    r"|menteri pan(?: ?-? ?(?:dan |& ?)?rb)?|men ?pan(?: ?-? ?(?:dan |& ?)?rb)?|menpanrb)"
)

JENIS: tuple[JenisPeraturan, ...] = (
    JenisPeraturan(
        "UUD",
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
        "UUD 1945",
        10,
        r"undang-undang dasar(?: negara)?|uud(?: nri)?",
    ),
    JenisPeraturan(
        "TAP MPR",
        "Ketetapan Majelis Permusyawaratan Rakyat",
        "TAP MPR",
        20,
        r"ketetapan (?:majelis permusyawaratan rakyat|mpr)|tap\.? mpr",
    ),
    JenisPeraturan("UU", "Undang-Undang", "UU", 30, r"undang-undang|uu"),
    JenisPeraturan(
        "PERPPU",
        "Peraturan Pemerintah Pengganti Undang-Undang",
        "Perppu",
        30,
        r"peraturan pemerintah pengganti undang-undang|perppu|perpu",
    ),
    JenisPeraturan("PP", "Peraturan Pemerintah", "PP", 40, r"peraturan pemerintah|pp"),
    JenisPeraturan("PERPRES", "Peraturan Presiden", "Perpres", 50, r"peraturan presiden|perpres"),
    JenisPeraturan("KEPPRES", "Keputusan Presiden", "Keppres", 55, r"keputusan presiden|keppres"),
    JenisPeraturan("INPRES", "Instruksi Presiden", "Inpres", 55, r"instruksi presiden|inpres"),
    JenisPeraturan(
        "PERMENDAGRI",
        "Peraturan Menteri Dalam Negeri",
        "Permendagri",
        60,
        r"peraturan (?:menteri dalam negeri|mendagri)|permen ?dagri|pmdn",
    ),
    JenisPeraturan(
        "PERMENPANRB",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "Permenpan RB",
        60,
        rf"peraturan {_M_PANRB}|per{_M_PANRB}",
    ),
    JenisPeraturan(
        "PERMENKEU", "Peraturan Menteri Keuangan", "PMK", 60, r"peraturan menteri keuangan|pmk"
    ),
    JenisPeraturan(
        "PERBKN",
        "Peraturan Badan Kepegawaian Negara",
        "Peraturan BKN",
        60,
        r"peraturan (?:kepala )?(?:badan kepegawaian negara|bkn)|perka ?bkn",
    ),
    JenisPeraturan(
        "PERANRI",
        "Peraturan Arsip Nasional Republik Indonesia",
        "Peraturan ANRI",
        60,
        r"peraturan (?:kepala )?(?:arsip nasional|anri)|perka ?anri",
    ),
    JenisPeraturan(
        "PERLAN",
        "Peraturan Lembaga Administrasi Negara",
        "Peraturan LAN",
        60,
        r"peraturan (?:kepala )?(?:lembaga administrasi negara|lan)|perka ?lan",
    ),
    JenisPeraturan(
        "PERMEN", "Peraturan Menteri", "Permen", 60, r"peraturan menteri .+|permen\w+", True
    ),
    JenisPeraturan(
        "KEPMENDAGRI",
        "Keputusan Menteri Dalam Negeri",
        "Kepmendagri",
        65,
        r"keputusan (?:menteri dalam negeri|mendagri)|kepmen ?dagri",
    ),
    JenisPeraturan(
        "KEPMENPANRB",
        "Keputusan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "Kepmenpan RB",
        65,
        rf"keputusan {_M_PANRB}|kep{_M_PANRB}",
    ),
    JenisPeraturan(
        "KEPMEN", "Keputusan Menteri", "Kepmen", 65, r"keputusan menteri .+|kepmen\w+", True
    ),
    JenisPeraturan(
        "INMENDAGRI",
        "Instruksi Menteri Dalam Negeri",
        "Inmendagri",
        65,
        r"instruksi (?:menteri dalam negeri|mendagri)|inmendagri",
    ),
    JenisPeraturan(
        "SE MENTERI",
        "Surat Edaran Menteri",
        "SE Menteri",
        65,
        r"(?:surat edaran|se) (?:menteri|men\w*).*",
        True,
    ),
    JenisPeraturan(
        "PERDA PROVINSI",
        "Peraturan Daerah Provinsi",
        "Perda Provinsi",
        70,
        r"(?:peraturan daerah|perda) (?:provinsi|propinsi|prov\.?) .+",
        True,
    ),
    JenisPeraturan(
        "PERGUB", "Peraturan Gubernur", "Pergub", 72, r"(?:peraturan gubernur|pergub)(?: .+)?", True
    ),
    JenisPeraturan(
        "KEPGUB",
        "Keputusan Gubernur",
        "Kepgub",
        74,
        r"(?:keputusan gubernur|kepgub)(?: .+)?",
        True,
    ),
    JenisPeraturan(
        "SE GUBERNUR",
        "Surat Edaran Gubernur",
        "SE Gubernur",
        74,
        r"(?:surat edaran|se) gubernur(?: .+)?",
        True,
    ),
    JenisPeraturan(
        "PERDA KABUPATEN",
        "Peraturan Daerah Kabupaten",
        "Perda Kabupaten",
        80,
        r"(?:peraturan daerah|perda) (?:kabupaten|kab\.?) .+",
        True,
    ),
    JenisPeraturan(
        "PERDA KOTA",
        "Peraturan Daerah Kota",
        "Perda Kota",
        80,
        r"(?:peraturan daerah|perda) kota .+",
        True,
    ),
    JenisPeraturan("PERDA", "Peraturan Daerah", "Perda", None, r"peraturan daerah|perda"),
    JenisPeraturan(
        "PERBUP", "Peraturan Bupati", "Perbup", 82, r"(?:peraturan bupati|perbup)(?: .+)?", True
    ),
    JenisPeraturan(
        "PERWAL",
        "Peraturan Wali Kota",
        "Perwal",
        82,
        r"(?:peraturan wali ?kota|perwal[i]?)(?: .+)?",
        True,
    ),
    JenisPeraturan(
        "KEPBUP",
        "Keputusan Bupati",
        "Kepbup",
        84,
        r"(?:keputusan bupati|kepbup)(?: .+)?",
        True,
    ),
    JenisPeraturan(
        "KEPWAL",
        "Keputusan Wali Kota",
        "Kepwal",
        84,
        r"(?:keputusan wali ?kota|kepwal)(?: .+)?",
        True,
    ),
    JenisPeraturan(
        "INBUP",
        "Instruksi Bupati",
        "Instruksi Bupati",
        84,
        r"instruksi (?:bupati|wali ?kota)(?: .+)?",
        True,
    ),
    JenisPeraturan(
        "SE BUPATI",
        "Surat Edaran Bupati/Wali Kota",
        "SE Bupati",
        84,
        r"(?:surat edaran|se) (?:bupati|wali ?kota)(?: .+)?",
        True,
    ),
    JenisPeraturan(
        "PERDES", "Peraturan Desa", "Perdes", 90, r"(?:peraturan desa|perdes)(?: .+)?", True
    ),
    JenisPeraturan(
        "KEPCAM",
        "Keputusan Camat",
        "Keputusan Camat",
        92,
        r"keputusan camat(?: .+)?",
        True,
    ),
)
"""Every jenis known, most specific first (the first whose pattern matches wins)."""

_JENIS_BY_KODE = {j.kode: j for j in JENIS}

_AWALAN_JENIS = {
    "PERDA PROVINSI": r"(?:peraturan daerah|perda) (?:provinsi|propinsi|prov\.?) ",
    "PERDA KABUPATEN": r"(?:peraturan daerah|perda) (?:kabupaten|kab\.?) ",
    "PERDA KOTA": r"(?:peraturan daerah|perda) kota ",
    "PERGUB": r"(?:peraturan gubernur|pergub) ?",
    "KEPGUB": r"(?:keputusan gubernur|kepgub) ?",
    "SE GUBERNUR": r"(?:surat edaran|se) gubernur ?",
    "PERBUP": r"(?:peraturan bupati|perbup) ?",
    "PERWAL": r"(?:peraturan wali ?kota|perwal[i]?) ?",
    "KEPBUP": r"(?:keputusan bupati|kepbup) ?",
    "KEPWAL": r"(?:keputusan wali ?kota|kepwal) ?",
    "INBUP": r"instruksi (?:bupati|wali ?kota) ?",
    "SE BUPATI": r"(?:surat edaran|se) (?:bupati|wali ?kota) ?",
    "PERDES": r"(?:peraturan desa|perdes) ?",
    "KEPCAM": r"keputusan camat ?",
    "PERMEN": r"(?:peraturan )?",
    "KEPMEN": r"(?:keputusan )?",
    "SE MENTERI": r"(?:surat edaran|se) ",
}
"""What to cut from the jenis text to keep the issuer or region it names."""


def jenis(kode: str) -> JenisPeraturan:
    """The jenis with canonical code ``kode`` ('UU', 'PERMENDAGRI', ...)."""
    return _JENIS_BY_KODE[kode]


def _norm_jenis(teks: str) -> str:
    t = teks.casefold().replace("–", "-").replace("—", "-")
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"\bundang undang\b", "undang-undang", t)
    t = re.sub(r"\b(?:negara )?republik indonesia\b|\bri\b", " ", t)
    t = re.sub(r"[\s,:]+", " ", t).strip(" .")
    return t


@cache
def parse_jenis(teks: str) -> tuple[JenisPeraturan, str] | None:
    """The jenis a text names and the issuer/region it adds ('' when none); None if unknown.

    >>> j, daerah = parse_jenis("Peraturan Daerah Kabupaten Banyumas")
    >>> (j.kode, daerah)
    ('PERDA KABUPATEN', 'banyumas')
    """
    t = _norm_jenis(teks)
    if not t:
        return None
    for j in JENIS:
        if re.fullmatch(j.pola, t):
            daerah = ""
            if j.berdaerah:
                awalan = _AWALAN_JENIS.get(j.kode, "")
                daerah = re.sub(rf"^{awalan}", "", t).strip() if awalan else t
                if j.kode in ("PERMEN", "KEPMEN", "SE MENTERI"):
                    daerah = re.sub(r"^(?:peraturan |keputusan |surat edaran |se )", "", t)
                    daerah = _MENTERI_SINGKAT.get(daerah, daerah)
            return j, daerah
    return None


_MENTERI_SINGKAT = {
    "permenkes": "menteri kesehatan",
    "permenag": "menteri agama",
    "permensos": "menteri sosial",
    "permendikbud": "menteri pendidikan dan kebudayaan",
    "permenkominfo": "menteri komunikasi dan informatika",
    "permenaker": "menteri ketenagakerjaan",
    "permenhub": "menteri perhubungan",
    "permendesa": "menteri desa pembangunan daerah tertinggal dan transmigrasi",
    "permendes": "menteri desa pembangunan daerah tertinggal dan transmigrasi",
}
"""Short names of ministers' regulations ('Permenkes') -> the issuer as the long form names it."""


class Kunci(NamedTuple):
    """The canonical key of a regulation: (jenis, nomor, tahun).

    ``jenis`` is the canonical code, followed by the issuer or region where the
    jenis needs one to be unique ('PERBUP banyumas', 'PERMEN menteri keuangan').
    """

    jenis: str
    nomor: str
    tahun: int

    def __str__(self) -> str:
        kode, _, daerah = self.jenis.partition(" | ")
        if kode == "UUD":
            return "UUD 1945"
        j = _JENIS_BY_KODE.get(kode)
        umum = {"PERMEN": "Peraturan", "KEPMEN": "Keputusan", "SE MENTERI": "SE"}
        if kode in umum:
            nama = f"{umum[kode]} {daerah.title()}"
        else:
            nama = (j.singkatan if j else kode) + (f" {daerah.title()}" if daerah else "")
        if self.nomor.endswith(f"/{self.tahun}"):
            return f"{nama} {self.nomor}"
        return f"{nama} {self.nomor}/{self.tahun}"


def buat_kunci(j: JenisPeraturan, daerah: str, nomor: str, tahun: int) -> Kunci:
    """The key of regulation ``nomor``/``tahun`` of jenis ``j`` issued by/for ``daerah``."""
    kode = f"{j.kode} | {daerah}" if daerah else j.kode
    return Kunci(kode, normalisasi_nomor(nomor), tahun)


def normalisasi_nomor(nomor: str) -> str:
    """'06' -> '6'; other numbers ('050-3708', 'PER/15/M.PAN/7/2008') kept, upper-cased."""
    n = nomor.strip().strip(".,;:").upper()
    return str(int(n)) if n.isdigit() else n


@dataclass(frozen=True)
class Kutipan:
    """One citation of the dasar hukum, read."""

    teks: str
    """The citation without markup, numbering and gazette reference."""
    jenis_tertulis: str
    jenis: JenisPeraturan | None
    daerah: str
    nomor: str
    tahun: int
    judul: str | None
    """The title after 'tentang', as written (None when there is none)."""
    kata_tentang: str | None = None
    pasal: str | None = None
    """'Pasal 18 ayat (6)' when the citation points into the regulation."""
    menyebut_perubahan: bool = False
    """The citation mentions its amendments ('sebagaimana telah diubah ...')."""
    perubahan: tuple[Kutipan, ...] = field(default_factory=tuple)
    juncto: bool = False
    """Cited with 'jo.' (juncto) and its amendment, the title possibly only after the latter."""

    @property
    def kunci(self) -> Kunci | None:
        """The canonical key; None when the jenis is not known."""
        if self.jenis is None:
            return None
        return buat_kunci(self.jenis, self.daerah, self.nomor, self.tahun)

    @property
    def tingkat(self) -> int | None:
        return self.jenis.tingkat if self.jenis else None

    @property
    def nama_pendek(self) -> str:
        """'Permendagri 90/2019', 'UUD 1945', or the jenis as written for an unknown one."""
        k = self.kunci
        if k is not None:
            return str(k)
        return f"{self.jenis_tertulis} {self.nomor}/{self.tahun}"


_POLA = "<Jenis> Nomor <n> Tahun <yyyy>"


class KutipanError(ValueError):
    """The text is not a citation; the message says what is missing (translated when shown)."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message.render()


_NOMOR_TAHUN = re.compile(
    r"(?P<jenis>.*?)[\s,]*\b(?:nomor|nomer|no)\b\s*[.:]?\s*(?P<nomor>[^\s,]+?)[\s,]+"
    r"tahun\s+(?P<tahun>\d{4})\b(?P<sisa>.*)",
    re.IGNORECASE | re.DOTALL,
)
_NOMOR_GARIS = re.compile(
    r"(?P<jenis>.*?)[\s,]*\b(?:nomor|nomer|no)\b\s*[.:]?\s*(?P<nomor>[^\s,]*/(?P<tahun>\d{4}))\b"
    r"(?P<sisa>.*)",
    re.IGNORECASE | re.DOTALL,
)
"""'Nomor PER/15/M.PAN/7/2008': a number that carries its year and no 'Tahun'."""
_RINGKAS = re.compile(
    r"(?P<jenis>.*?)[\s,]*(?:\b(?:nomor|no)\b\s*[.:]?\s*)?(?P<nomor>\d+[A-Za-z]?)\s*/\s*"
    r"(?P<tahun>\d{4})\b(?P<sisa>.*)",
    re.IGNORECASE | re.DOTALL,
)
_UUD = re.compile(
    r"(?:undang[-\s]*undang\s+dasar|uud)\s*(?:negara\s+)?(?:republik\s+indonesia\s+|nri\s+|ri\s+)?"
    r"(?:tahun\s+)?1945\b",
    re.IGNORECASE,
)
_PASAL = re.compile(
    r"^(?P<pasal>pasal\s+\d+[A-Z]?(?:\s+ayat\s+\(\d+\))?(?:\s+huruf\s+[a-z])?"
    r"(?:\s*(?:,|dan)\s*(?:pasal\s+)?\d+[A-Z]?(?:\s+ayat\s+\(\d+\))?)*)\s+",
    re.IGNORECASE,
)
_TENTANG = re.compile(r"^[\s,]*(?P<kata>tentang)\b\s*(?P<judul>.*)$", re.IGNORECASE | re.DOTALL)
_PERUBAHAN = re.compile(
    r"[\s,]*\b(?:sebagaimana|yang)\s+(?:telah\s+)?(?:beberapa\s+kali\s+)?(?:di)?ubah\b"
    r"|[\s,]*\b(?:beserta|dan|berikut)\s+(?:segala\s+)?perubahannya\b"
    r"|[\s,]*\b(?P<jo>jo\.?|juncto)(?=\s)",
    re.IGNORECASE,
)
"""The amendment clause: 'sebagaimana telah (beberapa kali) diubah', '... jo. <amendment>'."""
_LEMBARAN = re.compile(
    r"\s*\((?:lembaran|tambahan|berita|LN|TLN|BN|LD|BD)\b[^()]*(?:\([^()]*\)[^()]*)*\)",
    re.IGNORECASE,
)
_NOMOR_URUT = re.compile(r"^\s*(?:\d{1,2}|[a-z])\s*[.)]\s+")


def _bersihkan(teks: str) -> str:
    t = bersihkan_markup(teks)
    t = _NOMOR_URUT.sub("", t)
    t = _LEMBARAN.sub("", t)
    t = re.sub(r"[;,]?\s*\b(?:dan|serta)\s*$", "", t.strip(), flags=re.IGNORECASE)
    return t.strip().rstrip(";.,").rstrip()


def parse_kutipan(teks: str) -> Kutipan:
    """Read one citation; raises :class:`KutipanError` when it names no regulation.

    >>> k = parse_kutipan("Undang-Undang Nomor 23 Tahun 2014 Tentang Pemerintahan Daerah")
    >>> (str(k.kunci), k.judul, k.kata_tentang)
    ('UU 23/2014', 'Pemerintahan Daerah', 'Tentang')
    """
    t = _bersihkan(teks)
    if not t:
        raise KutipanError(L_("dasar hukum is empty"))
    pasal = None
    m_pasal = _PASAL.match(t)
    if m_pasal:
        pasal = " ".join(m_pasal.group("pasal").split())
        t = t[m_pasal.end() :]
    m_uud = _UUD.match(t)
    if m_uud and not _NOMOR_TAHUN.match(t[: m_uud.end()]):
        return Kutipan(
            teks=t,
            jenis_tertulis=t[: m_uud.end()],
            jenis=jenis("UUD"),
            daerah="",
            nomor="",
            tahun=1945,
            judul=None,
            pasal=pasal,
        )
    utama, perubahan_teks, menyebut, juncto = t, "", False, False
    m_ubah = _PERUBAHAN.search(t)
    if m_ubah:
        utama, perubahan_teks, menyebut = t[: m_ubah.start()], t[m_ubah.end() :], True
        juncto = m_ubah.group("jo") is not None
    m = _NOMOR_TAHUN.match(utama) or _NOMOR_GARIS.match(utama) or _RINGKAS.match(utama)
    if m is None:
        if re.search(r"\bnomor\b", utama, re.IGNORECASE):
            raise KutipanError(
                L_("the year of the regulation is not written (pattern: '{pola}')", pola=_POLA)
            )
        raise KutipanError(
            L_(
                "not readable as a regulation: no 'Nomor ... Tahun ...' (pattern: '{pola}')",
                pola=_POLA + " tentang <Judul>",
            )
        )
    jenis_tertulis = " ".join(m.group("jenis").split()).strip(" ,")
    if not jenis_tertulis:
        raise KutipanError(L_("the kind of regulation is not written before 'Nomor'"))
    found = parse_jenis(jenis_tertulis)
    j, daerah = found if found else (None, "")
    sisa = m.group("sisa")
    judul = kata = None
    m_t = _TENTANG.match(sisa)
    if m_t:
        kata = m_t.group("kata")
        judul = " ".join(m_t.group("judul").split()).strip(" ,;") or None
    elif sisa.strip(" ,;"):
        judul = None
    perubahan: list[Kutipan] = []
    if perubahan_teks:
        parts = re.split(r"\bdengan\b", perubahan_teks, maxsplit=1, flags=re.IGNORECASE)
        with contextlib.suppress(KutipanError):
            perubahan.append(parse_kutipan(parts[-1]))
    return Kutipan(
        teks=t,
        jenis_tertulis=jenis_tertulis,
        jenis=j,
        daerah=daerah,
        nomor=normalisasi_nomor(m.group("nomor")),
        tahun=int(m.group("tahun")),
        judul=judul,
        kata_tentang=kata,
        pasal=pasal,
        menyebut_perubahan=menyebut,
        perubahan=tuple(perubahan),
        juncto=juncto,
    )


def parse_rujukan(teks: str) -> Kunci:
    """A short reference as the registry writes it ('UU 9/2015', 'PP 17/2018') or a citation.

    Raises :class:`KutipanError` when it names no known regulation.
    """
    k = parse_kutipan(teks).kunci
    if k is None:
        raise KutipanError(L_("unknown kind of regulation '{teks}'", teks=teks))
    return k


def beda_judul(tertulis: str, resmi: str) -> list[tuple[str, str]]:
    """The word runs that differ between a written and the official title.

    Capitals and punctuation are ignored. Each pair is (as written, official);
    an empty side means words missing or added.

    >>> beda_judul("Kodifikasi dan Nomenklatur", "Kodefikasi, dan Nomenklatur")
    [('Kodifikasi', 'Kodefikasi')]
    """
    import difflib

    def kata(s: str) -> list[str]:
        return [w for w in re.split(r"[\s]+", bersihkan_markup(s)) if w.strip(".,;:")]

    a, b = kata(tertulis), kata(resmi)
    ka = [re.sub(r"[^\w/]", "", w.casefold()) for w in a]
    kb = [re.sub(r"[^\w/]", "", w.casefold()) for w in b]
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op != "equal":
            tulis = " ".join(a[i1:i2]).strip(" ,;.")
            resm = " ".join(b[j1:j2]).strip(" ,;.")
            out.append((tulis, resm))
    return out
