"""Plain text: findings grouped per file, ``file:line:col: CODE severity message [path]``."""

from __future__ import annotations

from collections import defaultdict

from ...i18n import _, ngettext
from ..core import Finding, Severity
from ..runner import LintResult


def line(f: Finding) -> str:
    where = f" [{f.path}]" if f.path else ""
    return f"{f.location}: {f.code} {f.severity.value} {f.message}{where}"


def render(result: LintResult) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_file[f.location.file].append(f)
    out: list[str] = []
    shown: set[str] = set()
    for r in result.ringkasan:
        shown.add(r.file)
        found = by_file.get(r.file, [])
        out.append(f"{r.file} — {r.nomor} — {r.nama}")
        out.extend(line(f) for f in found)
        if not found:
            out.append("  " + _("no findings"))
        out.append(
            "  "
            + ngettext(
                "total waktu: {waktu} ({n} step)", "total waktu: {waktu} ({n} steps)", r.langkah
            ).format(waktu=r.total_waktu, n=r.langkah)
        )
        out.append("")
    for file in sorted(set(by_file) - shown):
        out.append(file)
        out.extend(line(f) for f in by_file[file])
        out.append("")
    out.append(summary(result))
    return "\n".join(out) + "\n"


def summary(result: LintResult) -> str:
    counts = ", ".join(f"{result.count(s)} {s.value}" for s in Severity)
    n = len(result.findings)
    text = ngettext(
        "{n_sop} SOP checked: {n} findings ({counts})",
        "{n_sop} SOPs checked: {n} findings ({counts})",
        len(result.ringkasan),
    ).format(n_sop=len(result.ringkasan), n=n, counts=counts)
    extra = []
    if result.suppressed:
        extra.append(_("{n} suppressed in the spec").format(n=result.suppressed))
    if result.baselined:
        extra.append(_("{n} already in the baseline").format(n=result.baselined))
    if result.load_errors:
        files = len({e.location.file for e in result.load_errors})
        extra.append(
            _("{n} load errors in {files} files").format(n=len(result.load_errors), files=files)
        )
    if extra:
        text += "; " + "; ".join(extra)
    failing = len(result.failing())
    text += _(". Fails on findings ≥ {level}: {n}.").format(
        level=result.fail_level.value, n=failing
    )
    return text
