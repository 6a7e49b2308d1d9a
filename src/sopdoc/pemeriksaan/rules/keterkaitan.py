"""K: keterkaitan — related SOPs resolve to SOPs of the catalog, and relate back."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from typing import Generic, Protocol, TypeVar

from ...i18n import L_, Message
from ...model import Sop
from ..core import LintContext, Problem, Severity, rule
from ..text import quote, strip_sop


def nomor_key(text: str) -> str:
    """A nomor as compared: no markup, no leading 'SOP'/'Nomor', no spaces, upper case."""
    t = re.sub(r"<[^<>]*>", "", text)
    t = re.sub(r"(?i)^\s*(sop|nomor|no\.?)\s*", "", t)
    return re.sub(r"\s+", "", t).upper()


class Bernama(Protocol):
    """Anything with the nama and nomor of an SOP (an Sop, a site's index entry)."""

    @property
    def nama(self) -> str: ...

    @property
    def nomor(self) -> str: ...


B = TypeVar("B", bound=Bernama)


class IndeksKeterkaitan(Generic[B]):
    """Finds the SOP a keterkaitan entry names, by nama or by nomor (the lint rules and
    the site's links resolve entries the same way)."""

    def __init__(self, sops: Sequence[B]):
        self.by_nama: dict[str, B] = {}
        self.by_nomor: dict[str, B] = {}
        for sop in sops:
            self.by_nama.setdefault(strip_sop(sop.nama), sop)
            self.by_nomor.setdefault(nomor_key(sop.nomor), sop)

    def find(self, ref: str) -> B | None:
        return self.by_nama.get(strip_sop(ref)) or self.by_nomor.get(nomor_key(ref))


def _indeks(ctx: LintContext) -> IndeksKeterkaitan[Sop]:
    return ctx.memo("keterkaitan.indeks", lambda: IndeksKeterkaitan(ctx.sops))


def _resolved(ctx: LintContext, sop: Sop) -> list[Sop | None]:
    idx = _indeks(ctx)
    return ctx.per_sop("keterkaitan", sop, lambda s: [idx.find(r) for r in s.keterkaitan])


@rule("K101", "keterkaitan-tidak-ditemukan", Severity.WARNING, options={"lengkap": False})
def keterkaitan_tidak_ditemukan(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A related SOP looks like a mistyped name of an SOP in the catalog ("maksudnya ...?").

    Each entry of Keterkaitan names an SOP, by name or by nomor ("SOP
    Pengukuran Data Kinerja", "pengukuran data kinerja" and "PK. KEC. KBS / 010
    / I / 2024" all find it: the "SOP" prefix, case, spacing and markup are
    ignored). A related SOP of another unit (an SOP of the Dinas named by a
    kecamatan) is normal and is not reported; an entry that finds no SOP but
    is close to the name of one in the catalog is a typo or a renamed SOP, and
    is reported with the likely one. Only judged when whole catalog folders
    are checked (files given one by one are checked with their folder).

    Option ``lengkap``: the catalog declares itself complete, every related
    SOP is one of its own, so every entry that finds none is reported. Set it
    in the catalog's ``sopdoc.yaml``::

        lint:
          options:
            K101: {lengkap: true}

    PASS:

        nama: Pengukuran Data Kinerja
        keterkaitan:
          - SOP pengumpulan data kinerja
          - SOP Pelayanan Administrasi Kependudukan (Dinas Kependudukan dan Pencatatan Sipil)
        ---
        nomor: PK. KEC. KBS / 021 / I / 2024
        nama: Pengumpulan Data Kinerja
        keterkaitan:
          - PK. KEC. KBS/020/I/2024

    FAIL:

        nama: Pengukuran Data Kinerja
        keterkaitan:
          - SOP Pengumpulan Data Kinerja Pegawai
        ---
        nomor: PK. KEC. KBS / 021 / I / 2024
        nama: Pengumpulan Data Kinerja
        keterkaitan:
          - SOP Pengukuran Data Kinerja
    """
    if not ctx.katalog_lengkap:
        return
    lengkap = bool(ctx.opt("lengkap"))
    targets = _resolved(ctx, sop)
    for i, target in enumerate(targets):
        if target is not None:
            continue
        ref = sop.keterkaitan[i]
        hint: Message | str = ""
        idx = _indeks(ctx)
        if len(idx.by_nama) <= 2000:
            others = [n for n, other in idx.by_nama.items() if other is not sop]
            close = difflib.get_close_matches(strip_sop(ref), others, n=1, cutoff=0.75)
            if close:
                hint = L_("; did you mean {nama}?", nama=quote(idx.by_nama[close[0]].nama))
        if not hint and not lengkap:
            continue  # an SOP of another unit: normal
        yield Problem(
            ("keterkaitan", i),
            L_(
                "Related SOP {ref} is not in the catalog (found neither by name nor by "
                "nomor){hint}",
                ref=quote(ref),
                hint=hint,
            ),
        )


@rule("K102", "keterkaitan-timbal-balik", Severity.WARNING)
def keterkaitan_timbal_balik(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """An SOP names this one in its keterkaitan, but this one does not name it back.

    Keterkaitan is a relation between two SOPs: when SOP A lists SOP B, the
    reader of B should find A in B's list too. Reported on the SOP whose list
    lacks the entry.

    PASS:

        nama: Pengukuran Data Kinerja
        keterkaitan:
          - SOP Pengumpulan Data Kinerja
        ---
        nomor: PK. KEC. KBS / 021 / I / 2024
        nama: Pengumpulan Data Kinerja
        keterkaitan:
          - SOP Pengukuran Data Kinerja

    FAIL:

        nama: Pengukuran Data Kinerja
        keterkaitan:
          - SOP Pengumpulan Data Kinerja
        ---
        nomor: PK. KEC. KBS / 021 / I / 2024
        nama: Pengumpulan Data Kinerja
        keterkaitan: []
    """

    # every SOP that names this one; built once for the run
    def build() -> dict[int, list[Sop]]:
        back: dict[int, list[Sop]] = {}
        for other in ctx.sops:
            for target in _resolved(ctx, other):
                if target is not None and target is not other:
                    back.setdefault(id(target), []).append(other)
        return back

    named_by = ctx.memo("keterkaitan.balik", build)
    mine = {id(t) for t in _resolved(ctx, sop) if t is not None}
    seen: set[int] = set()
    for other in named_by.get(id(sop), []):
        if id(other) in mine or id(other) in seen:
            continue
        seen.add(id(other))
        yield Problem(
            ("keterkaitan",),
            L_(
                "SOP {nama} ({nomor}) names this SOP in its keterkaitan, but the keterkaitan "
                "of this SOP does not name {nama}",
                nama=quote(other.nama),
                nomor=other.nomor,
            ),
            key=True,
        )


@rule("K103", "keterkaitan-diri", Severity.WARNING)
def keterkaitan_diri(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A keterkaitan entry names the SOP itself, or names the same SOP twice.

    An SOP is not related to itself; an entry naming it is usually copied
    from a sister SOP that listed this one. A related SOP listed twice (by
    name and by nomor, say) prints twice.

    PASS:

        nama: Pengukuran Data Kinerja
        keterkaitan:
          - SOP Pengumpulan Data Kinerja

    FAIL:

        nama: Pengukuran Data Kinerja
        keterkaitan:
          - SOP Pengukuran Data Kinerja
    """
    own = strip_sop(sop.nama)
    seen: dict[object, int] = {}
    targets = _resolved(ctx, sop)
    for i, ref in enumerate(sop.keterkaitan):
        target = targets[i]
        if target is sop or strip_sop(ref) == own:
            yield Problem(
                ("keterkaitan", i), L_("Keterkaitan item {n} names this SOP itself", n=i + 1)
            )
            continue
        key: object = id(target) if target is not None else strip_sop(ref)
        if key in seen:
            yield Problem(
                ("keterkaitan", i),
                L_(
                    "Keterkaitan item {n} {ref} is the same as item {other}",
                    n=i + 1,
                    ref=quote(ref),
                    other=seen[key] + 1,
                ),
            )
        else:
            seen[key] = i
