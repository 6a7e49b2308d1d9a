"""Plain text: findings grouped per file, ``file:line:col: CODE severity message [path]``."""

from __future__ import annotations

from collections import defaultdict

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
            out.append("  tidak ada temuan")
        out.append(f"  total waktu: {r.total_waktu} ({r.langkah} langkah)")
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
    text = f"{len(result.ringkasan)} SOP diperiksa: {n} temuan ({counts})"
    extra = []
    if result.suppressed:
        extra.append(f"{result.suppressed} dikecualikan di spec")
    if result.baselined:
        extra.append(f"{result.baselined} sudah ada di baseline")
    if result.load_errors:
        files = len({e.location.file for e in result.load_errors})
        extra.append(f"{len(result.load_errors)} galat muat di {files} berkas")
    if extra:
        text += "; " + "; ".join(extra)
    failing = len(result.failing())
    text += f". Gagal bila ada temuan ≥ {result.fail_level.value}: {failing}."
    return text
