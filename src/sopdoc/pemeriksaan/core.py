"""The checker's building blocks: severities, findings, rules, the registry, the context.

A rule is one small function with a docstring that is also its documentation
(``sopdoc lint --explain CODE``, ``docs/rules.md``)::

    @rule("A101", "rantai-kelengkapan", Severity.WARNING)
    def rantai_kelengkapan(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
        '''Kelengkapan must be the previous step's output. ... PASS: ... FAIL: ...'''
        yield Problem(("kegiatan", 3, "kelengkapan"),
                      L_("Kelengkapan of step {n} is not ...", n=4))

A rule of scope ``"sop"`` is called once per SOP as ``check(sop, ctx)``; a rule
of scope ``"katalog"`` once per run as ``check(ctx)`` and names the SOP of each
problem. Rules yield :class:`Problem`; the runner turns each into a
:class:`Finding` with the rule's code, the configured severity, the file, line
and column of the value, and its spec path. Expensive facts shared by rules
(the flow graph of an SOP, normalised names, catalog indexes) come from
:class:`LintContext`, which builds each once per run.

Messages are written in English and made with :func:`sopdoc.i18n.L_` (the
msgid and its named values, never an f-string); the Indonesian translation is
in the ``lint`` catalog (``scripts/messages.py add lint``). The runner renders
a message once per finding, in the language of the run, and in Indonesian for
the baseline's fingerprint, so a baseline holds whatever language a run shows;
checks that find nothing translate nothing. The docstring's summary line and
prose (not its PASS/FAIL examples) are msgids as well: ``scripts/messages.py
add AREA`` adds them, and their Indonesian is what ``lint --explain`` and
docs/rules.md show.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ..errors import Location
from ..i18n import N_, Message, _
from ..model import PengaturanKatalog, Sop

if TYPE_CHECKING:
    from .config import LintConfig
    from .peran import Peran

Scope = Literal["sop", "katalog"]
SpecPath = tuple[str | int, ...]
T = TypeVar("T")


class Severity(str, Enum):
    """How serious a finding is; ``--fail-level`` compares against this order."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """error 3, warning 2, info 1: higher is more serious."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @classmethod
    def parse(cls, text: str) -> Severity:
        """A severity from its name (case-insensitive); ValueError naming the choices."""
        try:
            return cls(str(text).strip().lower())
        except ValueError:
            raise ValueError(
                _("unknown severity '{text}'; use one of: error, warning, info").format(text=text)
            ) from None


@dataclass(frozen=True)
class Finding:
    """One problem found by one rule, at one value of one spec."""

    code: str
    severity: Severity
    message: str  # in the language of the run
    location: Location
    path: str = ""  # spec path of the value, e.g. ``kegiatan[4].output``
    nomor: str | None = None  # nomor of the SOP, when the finding belongs to one
    baseline_text: str = field(default="", compare=False, repr=False)
    """The message in Indonesian (baselines are keyed by it, whatever the run's language)."""

    @property
    def file(self) -> str:
        return self.location.file

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "path": self.path,
            "nomor": self.nomor,
        }


@dataclass(frozen=True)
class Problem:
    """What a rule yields: where (a spec path of ``sop``) and what (a message made by ``L_``).

    ``sop`` may be left out by a rule of scope ``"sop"`` (it is the SOP being
    checked); a rule of scope ``"katalog"`` must name it. ``key=True`` points at
    the key rather than the value (useful for empty values, ``efektif:``).
    ``lokasi`` places the finding in another file (a monitoring record, say);
    ``path`` then names the value in that file.
    """

    path: SpecPath
    message: Message | str
    sop: Sop | None = None
    key: bool = False
    lokasi: Location | None = None


CheckSop = Callable[[Sop, "LintContext"], Iterable[Problem]]
CheckKatalog = Callable[["LintContext"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A rule's description: its code, name, default severity, scope, docs and check."""

    code: str
    name: str
    severity: Severity
    scope: Scope
    check: Callable[..., Iterable[Problem]]
    doc: str
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        """The first line of the docstring."""
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else self.name

    @property
    def family(self) -> str:
        return self.code[0]


REGISTRY: dict[str, Rule] = {}
"""Every known rule by code; filled by :func:`rule` when the rule modules are imported."""

FAMILIES: dict[str, str] = {
    "A": N_("Alur (flow chain and flow graph)"),
    "N": N_("Nama asing (names of another SOP, unit or region)"),
    "K": N_("Keterkaitan (related SOPs)"),
    "I": N_("Identitas (nomor and dates)"),
    "W": N_("Waktu"),
    "F": N_("Form (sections, markup, spelling)"),
    "H": N_("Dasar hukum"),
    "T": N_("Penandatangan (signatory)"),
    "L": N_("Lint (suppressions)"),
    "S": N_("Siklus (status, penetapan, monitoring and evaluation)"),
}
"""The rule families by code letter (English; shown through the catalog)."""


def rule(
    code: str,
    name: str,
    severity: Severity,
    scope: Scope = "sop",
    options: dict[str, Any] | None = None,
) -> Callable[[Callable[..., Iterable[Problem]]], Callable[..., Iterable[Problem]]]:
    """Register the decorated check function as rule ``code``; its docstring is its doc."""

    def register(func: Callable[..., Iterable[Problem]]) -> Callable[..., Iterable[Problem]]:
        if code in REGISTRY and REGISTRY[code].check is not func:
            raise ValueError(f"rule code {code} registered twice")
        doc = inspect.cleandoc(func.__doc__ or "")
        if not doc:
            raise ValueError(f"rule {code} has no docstring; it is the rule's documentation")
        REGISTRY[code] = Rule(code, name, severity, scope, func, doc, dict(options or {}))
        return func

    return register


_loaded = False


def all_rules() -> dict[str, Rule]:
    """Every rule, by code in code order (imports every module of ``sopdoc.pemeriksaan.rules``)."""
    global _loaded
    if not _loaded:
        from . import rules

        for info in pkgutil.iter_modules(rules.__path__):
            importlib.import_module(f"{rules.__name__}.{info.name}")
        _loaded = True
    return dict(sorted(REGISTRY.items()))


class LintContext:
    """What every rule may consult: the SOPs of the run, config, aliases and shared indexes.

    Indexes are built lazily, once per run, and cached here: rules stay tiny
    and a run stays linear in the size of the catalog.
    """

    def __init__(
        self,
        sops: list[Sop],
        config: LintConfig | None = None,
        *,
        katalog_lengkap: bool = False,
        pengaturan: list[PengaturanKatalog] | None = None,
    ):
        from .config import LintConfig

        self.sops = sops
        self.config = config or LintConfig()
        self.katalog_lengkap = katalog_lengkap
        """True when the SOPs came from catalog folders (so 'not in the catalog' means it)."""
        self.pengaturan = pengaturan or []
        """Settings of every catalog loaded (for registries extended per catalog)."""
        self.rule: Rule | None = None  # the rule being run (set by the runner)
        self._memo: dict[Any, Any] = {}

    # -- options and caching ----------------------------------------------------

    def opt(self, name: str) -> Any:
        """Option ``name`` of the rule being run: the configured value or the default."""
        assert self.rule is not None, "opt() is for use inside a rule"
        configured = self.config.options.get(self.rule.code, {})
        if name in configured:
            return configured[name]
        return self.rule.options[name]

    def memo(self, key: Any, build: Callable[[], T]) -> T:
        """The value cached under ``key``, built by ``build()`` on first use in this run."""
        try:
            return self._memo[key]  # type: ignore[no-any-return,unused-ignore]
        except KeyError:
            value = self._memo[key] = build()
            return value

    def per_sop(self, name: str, sop: Sop, build: Callable[[Sop], T]) -> T:
        """A per-SOP index ``name``, built once per SOP per run."""
        return self.memo((name, id(sop)), lambda: build(sop))

    # -- shared indexes ------------------------------------------------------------

    @cached_property
    def peran(self) -> Peran:
        """The role aliases (bundled ``data/peran.yaml``)."""
        from .peran import load_peran

        return load_peran()

    def alur(self, sop: Sop) -> Alur:
        """The flow graph of ``sop``."""
        return self.per_sop("alur", sop, Alur.of)

    def teks(self, sop: Sop) -> list[tuple[SpecPath, str]]:
        """Every text value of ``sop`` with its spec path, in document order."""
        return self.per_sop("teks", sop, teks_values)

    def lokasi(self, sop: Sop, path: SpecPath, *, key: bool = False) -> Location:
        """Where the value at ``path`` was written (its key with ``key=True``)."""
        found = sop.source_map.locate_key(path) if key else sop.posisi(*path)
        if found is not None:
            return found
        return Location(str(sop.sumber) if sop.sumber else f"<{sop.nomor}>")


@dataclass
class Alur:
    """The flow graph of an SOP: steps 0..n-1, each to the next, decisions also back."""

    n: int
    succ: list[list[int]]
    pred: list[list[int]]
    tidak: dict[int, int | None]  # decision -> its resolved 'tidak' target (None: unresolved)

    @classmethod
    def of(cls, sop: Sop) -> Alur:
        n = len(sop.kegiatan)
        succ: list[list[int]] = [[] for _ in range(n)]
        pred: list[list[int]] = [[] for _ in range(n)]
        tidak: dict[int, int | None] = {}
        ids = {k.id: i for i, k in enumerate(sop.kegiatan) if k.id}
        for i, step in enumerate(sop.kegiatan):
            if i + 1 < n:
                succ[i].append(i + 1)
                pred[i + 1].append(i)
            if step.jika_tidak is not None:
                ref = step.jika_tidak
                if isinstance(ref, int):
                    target = ref - 1 if 1 <= ref <= n else None
                else:
                    target = ids.get(ref)
                tidak[i] = target
                if target is not None and target != i and target not in succ[i]:
                    succ[i].append(target)
                    pred[target].append(i)
        return cls(n, succ, pred, tidak)


def teks_values(sop: Sop) -> list[tuple[SpecPath, str]]:
    """Every text of the SOP as written, with its spec path, in document order.

    Lane ids, dates, paper and logo are not text; a Waktu counts as its text.
    """
    out: list[tuple[SpecPath, str]] = []
    add = out.append
    for key in ("nomor", "nama", "instansi", "unit"):
        add(((key,), getattr(sop, key)))
    for i, line in enumerate(sop.kop):
        add((("kop", i), line))
    ttd = sop.disahkan_oleh
    for key in ("jabatan", "nama", "pangkat", "nip"):
        value = getattr(ttd, key)
        if value is not None:
            add((("disahkan_oleh", key), value))
    for section in (
        "dasar_hukum",
        "kualifikasi_pelaksana",
        "keterkaitan",
        "peralatan_perlengkapan",
    ):
        for i, item in enumerate(getattr(sop, section)):
            add(((section, i), item))
    if sop.peringatan is not None:
        add((("peringatan",), sop.peringatan))
    for i, item in enumerate(sop.pencatatan_pendataan):
        add((("pencatatan_pendataan", i), item))
    for lane, label in sop.pelaksana.items():
        add((("pelaksana", lane), label))
    for i, step in enumerate(sop.kegiatan):
        add((("kegiatan", i, "aktivitas"), step.aktivitas))
        for key in ("kelengkapan", "output", "keterangan"):
            value = getattr(step, key)
            if value is not None:
                add((("kegiatan", i, key), value))
        if step.waktu is not None:
            add((("kegiatan", i, "waktu"), step.waktu.teks))
    for i, rev in enumerate(sop.riwayat_revisi):
        add((("riwayat_revisi", i, "catatan"), rev.catatan))
        if rev.nomor is not None:
            add((("riwayat_revisi", i, "nomor"), rev.nomor))
    return out
