"""I: identity of the SOP (nomor and the three dates of the identity table)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date

from ...i18n import L_
from ...model import Sop
from ..core import LintContext, Problem, Severity, rule
from ..text import quote

ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_BULAN = {r: i for i, r in enumerate(ROMAWI, 1)}
_TOKEN = re.compile(r"[A-Za-z]+|\d+|\s+|[^\w\s]")


def _compact(nomor: str) -> str:
    return re.sub(r"\s+", "", nomor).upper()


def _pola(nomor: str) -> str:
    """The written shape of a nomor: letters A, roman month R, digits N<len>, spacing kept."""
    out = []
    for tok in _TOKEN.findall(nomor.strip()):
        if tok.isspace():
            out.append(" ")
        elif tok.isdigit():
            out.append(f"N{len(tok)}")
        elif tok.isalpha():
            out.append("R" if tok.upper() in _BULAN else "A")
        else:
            out.append(tok)
    return "".join(out)


def _bulan_tahun(nomor: str) -> tuple[str | None, str | None]:
    """The Roman month and the four-digit year written in a nomor (last of each)."""
    bulan = tahun = None
    for tok in _TOKEN.findall(nomor):
        if tok.upper() in _BULAN and tok.isupper():
            bulan = tok.upper()
        elif re.fullmatch(r"(19|20)\d\d", tok):
            tahun = tok
    return bulan, tahun


@rule("I101", "nomor-ganda", Severity.ERROR, scope="katalog")
def nomor_ganda(ctx: LintContext) -> Iterator[Problem]:
    """Two SOPs of the catalog have the same nomor.

    The nomor identifies the SOP in registers, dispositions and keterkaitan;
    two documents under one nomor cannot be told apart. Nomors are compared
    without spaces and case ('PK. KEC' and 'PK . KEC' are the same nomor).
    The message names the file and line of the other SOP.

    PASS:

        nomor: PK. KEC. KBS / 020 / I / 2024
        nama: Pelayanan Surat Keterangan Domisili
        ---
        nomor: PK. KEC. KBS / 021 / I / 2024
        nama: Pelayanan Surat Keterangan Usaha

    FAIL:

        nomor: PK. KEC. KBS / 020 / I / 2024
        nama: Pelayanan Surat Keterangan Domisili
        ---
        nomor: PK. KEC. KBS/020/I/2024
        nama: Pelayanan Surat Keterangan Usaha
    """
    first: dict[str, Sop] = {}
    for sop in ctx.sops:
        key = _compact(sop.nomor)
        if key in first:
            other = first[key]
            yield Problem(
                ("nomor",),
                L_(
                    "Nomor {nomor} is already used by SOP {nama} ({where}); every SOP needs a "
                    "nomor of its own",
                    nomor=quote(sop.nomor),
                    nama=quote(other.nama),
                    where=ctx.lokasi(other, ("nomor",)),
                ),
                sop,
            )
        else:
            first[key] = sop


@rule("I102", "pola-nomor", Severity.WARNING, scope="katalog")
def pola_nomor(ctx: LintContext) -> Iterator[Problem]:
    """A nomor is written in another pattern (spacing, punctuation) than the catalog's.

    The nomors of one unit follow one pattern ('PK. KEC. KBS / 010 / I / 2024');
    a nomor spaced differently ('PK . KEC . KBS / 011 / I / 2024') looks like
    another series in registers and searches. Nomors with the same characters
    but other spacing are compared with the most common spelling of the
    catalog (the first in file order on a tie). On its own, a nomor with a
    space before a period or comma ('PK . KEC') is reported as well.

    PASS:

        nomor: PK. KEC. KBS / 020 / I / 2024
        ---
        nomor: PK. KEC. KBS / 021 / I / 2024

    FAIL:

        nomor: PK. KEC. KBS / 020 / I / 2024
        ---
        nomor: PK. KEC. KBS/021/I/2024
    """
    groups: dict[str, list[Sop]] = defaultdict(list)
    for sop in ctx.sops:
        groups[_pola(sop.nomor).replace(" ", "")].append(sop)
    flagged: set[int] = set()
    for sops in groups.values():
        if len(sops) < 2:
            continue
        counts = Counter(_pola(s.nomor) for s in sops)
        order = {p: i for i, p in reversed(list(enumerate(_pola(s.nomor) for s in sops)))}
        best = max(counts, key=lambda p: (counts[p], -order[p]))
        model = next(s for s in sops if _pola(s.nomor) == best)
        for sop in sops:
            if _pola(sop.nomor) != best:
                flagged.add(id(sop))
                yield Problem(
                    ("nomor",),
                    L_(
                        "Nomor {nomor} is spaced differently from the other nomors of the "
                        "catalog ({model}); write it the same way",
                        nomor=quote(sop.nomor),
                        model=quote(model.nomor),
                    ),
                    sop,
                )
    for sop in ctx.sops:
        if id(sop) not in flagged and re.search(r"\s[.,]", sop.nomor):
            yield Problem(
                ("nomor",),
                L_(
                    "Nomor {nomor} has a space before a period or comma; write the period right "
                    "after the code ('PK. KEC.')",
                    nomor=quote(sop.nomor),
                ),
                sop,
            )


@rule("I103", "nomor-tanggal", Severity.WARNING)
def nomor_tanggal(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """The Roman-numeral month or the year in the nomor differs from tanggal pembuatan.

    The nomor carries the month (in Roman numerals) and the year of signing;
    they must agree with Tanggal Pembuatan, or the register and the document
    disagree on when the SOP was made.

    PASS:

        nomor: PK. KEC. KBS / 020 / III / 2024
        tanggal:
          pembuatan: 2024-03-05
          efektif: 2024-04-01

    FAIL:

        nomor: PK. KEC. KBS / 020 / I / 2024
        tanggal:
          pembuatan: 2024-03-05
          efektif: 2024-04-01
    """
    dibuat = sop.tanggal.pembuatan
    if dibuat is None:
        return
    bulan, tahun = _bulan_tahun(sop.nomor)
    salah = []
    if bulan is not None and _BULAN[bulan] != dibuat.month:
        salah.append(
            L_("month {bulan} (should be {benar})", bulan=bulan, benar=ROMAWI[dibuat.month - 1])
        )
    if tahun is not None and int(tahun) != dibuat.year:
        salah.append(L_("year {tahun} (should be {benar})", tahun=tahun, benar=dibuat.year))
    if salah:
        what = salah[0] if len(salah) == 1 else L_("{a} and {b}", a=salah[0], b=salah[1])
        yield Problem(
            ("nomor",),
            L_(
                "Nomor {nomor} has {what}, which does not match tanggal pembuatan {tanggal}",
                nomor=quote(sop.nomor),
                what=what,
                tanggal=dibuat.isoformat(),
            ),
        )


@rule("I104", "urutan-tanggal", Severity.ERROR)
def urutan_tanggal(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """Tanggal revisi, tanggal efektif or a revision is dated before tanggal pembuatan.

    An SOP cannot be revised or take effect before it was made; such a date is
    a typo (usually the year).

    PASS:

        tanggal:
          pembuatan: 2024-01-09
          revisi: 2024-06-03
          efektif: 2024-06-10

    FAIL:

        tanggal:
          pembuatan: 2024-01-09
          revisi: 2023-06-03
          efektif: 2024-02-01
    """
    dibuat = sop.tanggal.pembuatan
    if dibuat is None:
        return
    for key in ("revisi", "efektif"):
        value = getattr(sop.tanggal, key)
        if value is not None and value < dibuat:
            yield Problem(
                ("tanggal", key),
                L_(
                    "Tanggal {key} {tanggal} is earlier than tanggal pembuatan {dibuat}",
                    key=key,
                    tanggal=value.isoformat(),
                    dibuat=dibuat.isoformat(),
                ),
            )
    for i, rev in enumerate(sop.riwayat_revisi):
        if rev.tanggal < dibuat:
            yield Problem(
                ("riwayat_revisi", i, "tanggal"),
                L_(
                    "A revision dated {tanggal} is earlier than tanggal pembuatan {dibuat}",
                    tanggal=rev.tanggal.isoformat(),
                    dibuat=dibuat.isoformat(),
                ),
            )


@rule("I105", "efektif-kosong", Severity.WARNING)
def efektif_kosong(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """Tanggal efektif is empty.

    The identity table states from when the SOP is in force. An empty Tanggal
    Efektif is fine in a draft but must be filled before sign-off; the finding
    reminds of it.

    PASS:

        tanggal:
          pembuatan: 2024-01-09
          efektif: 2024-01-09

    FAIL:

        tanggal:
          pembuatan: 2024-01-09
          efektif:
    """
    if sop.tanggal.efektif is None:
        yield Problem(
            ("tanggal", "efektif"),
            L_(
                "Tanggal efektif is empty; fill in the date the SOP takes effect before it is "
                "signed"
            ),
            key=True,
        )


@rule("I106", "pembuatan-kosong", Severity.ERROR)
def pembuatan_kosong(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """Tanggal pembuatan is empty.

    Tanggal Pembuatan is the date of signing: the nomor's month and year, and
    the order of the other dates, are judged against it.

    PASS:

        tanggal:
          pembuatan: 2024-01-09
          efektif: 2024-01-09

    FAIL:

        tanggal:
          efektif: 2024-01-09
    """
    if sop.tanggal.pembuatan is None:
        path = (
            ("tanggal", "pembuatan")
            if sop.source_map.keys.get(("tanggal", "pembuatan"))
            else ("tanggal",)
        )
        yield Problem(
            path, L_("Tanggal pembuatan is empty; fill in the date the SOP is signed"), key=True
        )


@rule("I107", "efektif-terlambat", Severity.WARNING, options={"maks_hari": 365})
def efektif_terlambat(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """Tanggal efektif lies more than a year after tanggal pembuatan (or revisi).

    An SOP takes effect on signing or soon after; an efektif date a year or
    more later is a typo of the year ('2025' for '2024').

    Option ``maks_hari``: the longest plausible gap in days (default 365).

    PASS:

        tanggal:
          pembuatan: 2024-01-09
          efektif: 2024-02-01

    FAIL:

        tanggal:
          pembuatan: 2024-01-09
          efektif: 2026-02-01
    """
    dates = [d for d in (sop.tanggal.pembuatan, sop.tanggal.revisi) if d is not None]
    efektif = sop.tanggal.efektif
    if not dates or efektif is None:
        return
    acuan = max(dates)
    hari = (efektif - acuan).days
    if hari > int(ctx.opt("maks_hari")):
        yield Problem(
            ("tanggal", "efektif"),
            L_(
                "Tanggal efektif {efektif} is {days} days after {date}; is the year right?",
                efektif=efektif.isoformat(),
                days=hari,
                date=acuan.isoformat(),
            ),
        )


@rule("I108", "tanggal-masa-depan", Severity.ERROR)
def tanggal_masa_depan(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """Tanggal pembuatan, tanggal revisi or a revision is dated in the future.

    An SOP cannot have been made or revised after today (tanggal efektif may
    lie ahead). Usually a typo of the year.

    PASS:

        tanggal:
          pembuatan: 2024-01-09
          efektif: 2024-02-01

    FAIL:

        tanggal:
          pembuatan: 2094-01-09
          efektif: 2094-02-01
    """
    today = date.today()
    for key in ("pembuatan", "revisi"):
        value = getattr(sop.tanggal, key)
        if value is not None and value > today:
            yield Problem(
                ("tanggal", key),
                L_("Tanggal {which} {date} is in the future", which=key, date=value.isoformat()),
            )
    for i, rev in enumerate(sop.riwayat_revisi):
        if rev.tanggal > today:
            yield Problem(
                ("riwayat_revisi", i, "tanggal"),
                L_("Revision dated {date} is in the future", date=rev.tanggal.isoformat()),
            )
