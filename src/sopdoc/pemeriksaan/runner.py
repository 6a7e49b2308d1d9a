"""Running the rules: SOPs in, findings out (suppressions and baseline applied)."""

from __future__ import annotations

import gc
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, SpecError, format_path
from ..i18n import L_, Message, current_language
from ..model import PengaturanKatalog, Sop
from ..spec import SETTINGS_FILE, Dimuat, Katalog, is_rekaman, load_paths, spec_files
from .baseline import Key, apply_baseline
from .config import ConfigError, LintConfig, find_pyproject, from_pyproject
from .core import Finding, LintContext, Problem, Rule, Severity, all_rules
from .durasi import format_durasi
from .suppress import scan_files
from .text import clear_caches

SUPPRESSION_CODES = ("L001", "L002")


@dataclass(frozen=True)
class RingkasanSop:
    """Per-SOP facts shown beside the findings: which SOP, how many steps, total waktu."""

    file: str
    nomor: str
    nama: str
    langkah: int
    total_menit: float

    @property
    def total_waktu(self) -> str:
        return format_durasi(self.total_menit)


@dataclass
class LintResult:
    """The outcome of a run: findings (sorted), load errors, per-SOP summary."""

    findings: list[Finding] = field(default_factory=list)
    load_errors: list[SpecError] = field(default_factory=list)
    ringkasan: list[RingkasanSop] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    fail_level: Severity = Severity.WARNING
    suppressed: int = 0
    baselined: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def failing(self, level: Severity | None = None) -> list[Finding]:
        limit = (level or self.fail_level).rank
        return [f for f in self.findings if f.severity.rank >= limit]

    def exit_code(self, level: Severity | None = None) -> int:
        """2 load errors, 1 findings at or above the fail level, else 0."""
        if self.load_errors:
            return 2
        return 1 if self.failing(level) else 0


def selected_rules(config: LintConfig) -> list[Rule]:
    return [r for r in all_rules().values() if config.enabled(r)]


def run_rules(
    sops: list[Sop],
    config: LintConfig,
    *,
    katalog_lengkap: bool = True,
    pengaturan: list[PengaturanKatalog] | None = None,
) -> tuple[list[Finding], list[Rule]]:
    """Every selected rule over ``sops``: the raw findings (before suppression)."""
    rules = selected_rules(config)
    ctx = LintContext(sops, config, katalog_lengkap=katalog_lengkap, pengaturan=pengaturan)
    findings: list[Finding] = []
    active = [r for r in rules if r.code not in SUPPRESSION_CODES]  # L0xx: made by the runner
    per_sop = [(r, config.severity_of(r)) for r in active if r.scope == "sop"]
    # SOP by SOP, every rule: one SOP's texts stay in the CPU cache while its rules run.
    for sop in sops:
        for r, severity in per_sop:
            ctx.rule = r
            for p in r.check(sop, ctx):
                findings.append(_finding(r.code, severity, p.sop or sop, p, ctx))
    for r in active:
        if r.scope != "katalog":
            continue
        ctx.rule = r
        severity = config.severity_of(r)
        for p in r.check(ctx):
            if p.sop is None:
                raise ValueError(f"rule {r.code} (scope katalog) yielded a problem without sop")
            findings.append(_finding(r.code, severity, p.sop, p, ctx))
    ctx.rule = None
    return findings, rules


BASELINE_LANGUAGE = "id"
"""The language of the message a baseline fingerprints (the default: old baselines hold)."""


def _texts(message: Message | str) -> tuple[str, str]:
    """``message`` in the language of the run, and in the baseline's language."""
    if not isinstance(message, Message):
        return message, message
    text = message.render()
    lang = current_language()
    return text, text if lang == BASELINE_LANGUAGE else message.render(BASELINE_LANGUAGE)


def _finding(code: str, severity: Severity, sop: Sop, p: Problem, ctx: LintContext) -> Finding:
    where = p.lokasi or ctx.lokasi(sop, p.path, key=p.key)
    text, base = _texts(p.message)
    return Finding(code, severity, text, where, format_path(p.path), sop.nomor, baseline_text=base)


def _file_finding(code: str, severity: Severity, message: Message, where: Location) -> Finding:
    text, base = _texts(message)
    return Finding(code, severity, text, where, baseline_text=base)


def apply_suppressions(
    findings: list[Finding], files: Iterable[str], config: LintConfig
) -> tuple[list[Finding], int]:
    """Drop findings silenced inline; add L001/L002 for bad or unused suppressions."""
    by_file = scan_files(sorted(set(files) | {f.location.file for f in findings}))
    if not by_file:
        return findings, 0
    index = {(s.location.file, s.location.line): s for sups in by_file.values() for s in sups}
    kept: list[Finding] = []
    hidden = 0
    for f in findings:
        s = index.get((f.location.file, f.location.line))
        if s is not None and f.code in s.codes and s.reason:
            s.used.add(f.code)
            hidden += 1
        else:
            kept.append(f)
    known = all_rules()
    enabled = {c for c, r in known.items() if config.enabled(r)}
    for sups in by_file.values():
        for s in sups:
            codes = ", ".join(sorted(s.codes)) or "-"
            if not s.reason:
                r = known["L001"]
                if config.enabled(r):
                    kept.append(
                        _file_finding(
                            "L001",
                            config.severity_of(r),
                            L_(
                                "Suppression [{codes}] without a reason; write the reason after "
                                "the code, e.g. '# sopdoc: ignore[A101] confirmed by the Sekcam'",
                                codes=codes,
                            ),
                            s.location,
                        )
                    )
                continue
            unknown = sorted(s.codes - set(known))
            unused = sorted((s.codes & enabled) - s.used)
            r = known["L002"]
            if config.enabled(r) and (unknown or unused):
                what = (
                    L_("unknown code: {codes}", codes=", ".join(unknown))
                    if unknown
                    else L_("no {codes} finding on this line", codes=", ".join(unused))
                )
                kept.append(
                    _file_finding(
                        "L002",
                        config.severity_of(r),
                        L_(
                            "Suppression [{codes}] suppresses nothing ({what}); remove this "
                            "comment",
                            codes=codes,
                            what=what,
                        ),
                        s.location,
                    )
                )
    return kept, hidden


def ringkasan(sops: Iterable[Sop]) -> list[RingkasanSop]:
    out = []
    for sop in sops:
        loc = sop.posisi("nomor")
        file = loc.file if loc else str(sop.sumber or f"<{sop.nomor}>")
        out.append(RingkasanSop(file, sop.nomor, sop.nama, len(sop.kegiatan), sop.total_menit))
    return out


def resolve_config(
    start: Path | None,
    pengaturan: Sequence[PengaturanKatalog],
    override: LintConfig | None = None,
    override_keys: Iterable[str] = (),
) -> LintConfig:
    """pyproject ``[tool.sopdoc]`` (found from ``start``), then catalog ``lint:``, then override."""
    config = LintConfig()
    pyproject = find_pyproject(start or Path.cwd())
    if pyproject is not None:
        cfg, keys = from_pyproject(pyproject)
        config = config.merged(cfg, explicit=keys)
    for p in pengaturan:
        if p.lint:
            cfg, keys = LintConfig.from_mapping(p.lint, "sopdoc.yaml lint:")
            config = config.merged(cfg, explicit=keys)
    if override is not None:
        config = config.merged(override, explicit=override_keys)
    config.check_codes(all_rules())
    return config


Target = str | os.PathLike[str] | Sop | Katalog


def lint(
    target: Target | Sequence[Target],
    *,
    config: LintConfig | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    baseline: Counter[Key] | None = None,
) -> LintResult:
    """Check spec files, catalog folders, loaded SOPs or catalogs; return every finding.

    ``config`` replaces the configuration found in ``pyproject.toml`` and the
    catalog settings; ``select``/``ignore`` narrow it further. Files that fail
    to load are reported in ``load_errors``; the others are still checked.
    """
    items: list[Target] = (
        list(target) if isinstance(target, (list, tuple)) else [target]  # type: ignore[list-item]
    )
    loaded = Dimuat()
    paths: list[str | os.PathLike[str]] = []
    for item in items:
        if isinstance(item, Sop):
            loaded.sops.append(item)
            loaded.katalog_lengkap = False
        elif isinstance(item, Katalog):
            loaded.sops.extend(item.sops)
            loaded.pengaturan.append(item.pengaturan)
        else:
            paths.append(item)
    fokus: set[Path] | None = None
    if paths:
        folders, fokus = _dengan_saudara([Path(p) for p in paths])
        more = load_paths(folders)
        loaded.sops.extend(more.sops)
        loaded.errors.extend(more.errors)
        loaded.pengaturan.extend(more.pengaturan)
        loaded.katalog_lengkap = loaded.katalog_lengkap and more.katalog_lengkap
    override = LintConfig(select=list(select) if select is not None else None, ignore=list(ignore))
    keys = {"select"} if select is not None else set()
    if config is None:
        start = Path(paths[0]) if paths else None
        config = resolve_config(start, loaded.pengaturan, override, keys)
    else:
        config = config.merged(override, explicit=keys)
        config.check_codes(all_rules())
    result = check_loaded(loaded, config, baseline=baseline)
    return _hanya(result, fokus) if fokus else result


def _dengan_saudara(paths: list[Path]) -> tuple[list[Path], set[Path]]:
    """Spec files given one by one are checked within their catalog folder.

    Each file's folder is loaded whole, so that the catalog rules (keterkaitan,
    one spelling, one nomor per SOP) see the siblings; the files themselves are
    returned as the focus, the only ones reported on. Folders are kept as given.
    """
    out: list[Path] = []
    fokus: set[Path] = set()
    for p in paths:
        if p.is_file() and p.name != SETTINGS_FILE and not is_rekaman(p):
            fokus.add(p.resolve())
            if p.parent not in out:
                out.append(p.parent)
        else:
            out.append(p)
    if fokus and any(p.is_dir() and p not in {f.parent for f in fokus} for p in paths):
        fokus |= {f.resolve() for p in paths if p.is_dir() for f in spec_files(p)}
    return out, fokus


def _hanya(result: LintResult, fokus: set[Path]) -> LintResult:
    """``result`` reporting only on the files in ``fokus`` (and on settings files)."""

    def kept(file: str) -> bool:
        path = Path(file).resolve()
        return path in fokus or path.name == SETTINGS_FILE

    result.findings = [f for f in result.findings if kept(f.location.file)]
    result.load_errors = [e for e in result.load_errors if kept(e.location.file)]
    result.ringkasan = [r for r in result.ringkasan if kept(r.file)]
    return result


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """Keep the cyclic garbage collector out of a run.

    The loaded SOPs are hundreds of thousands of long-lived objects, and a run
    adds as many (the per-run text caches); a full collection triggered by the
    rules' short-lived allocations walks them all, and how many fall into a
    run depends on thresholds, not on the work, which makes big runs
    needlessly slower. The rules make no reference cycles worth collecting
    (their garbage is freed by reference counting), so the collector is
    paused for the run and restored after it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_loaded(
    loaded: Dimuat, config: LintConfig, *, baseline: Counter[Key] | None = None
) -> LintResult:
    """Run the rules over what :func:`load_paths` gave."""
    try:
        with _quiet_gc():
            findings, rules = run_rules(
                loaded.sops,
                config,
                katalog_lengkap=loaded.katalog_lengkap,
                pengaturan=loaded.pengaturan,
            )
    finally:
        clear_caches()  # the per-run text caches hold every text of the run
    files = [loc.file for sop in loaded.sops if (loc := sop.posisi("nomor")) is not None]
    findings, suppressed = apply_suppressions(findings, files, config)
    findings = sorted(set(findings), key=Finding.sort_key)
    baselined = 0
    if baseline is not None:
        findings, baselined = apply_baseline(findings, baseline)
    return LintResult(
        findings=findings,
        load_errors=list(loaded.errors),
        ringkasan=ringkasan(loaded.sops),
        rules=rules,
        fail_level=config.fail_level,
        suppressed=suppressed,
        baselined=baselined,
    )


__all__ = ["ConfigError", "LintResult", "Location", "RingkasanSop", "lint"]
