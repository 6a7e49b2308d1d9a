"""L: inline suppressions (``# sopdoc: ignore[CODE] reason``) that are themselves wrong.

These two rules are produced by the runner while it applies suppressions; the
functions here only carry their documentation.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Sop
from ..core import LintContext, Problem, Severity, rule


@rule("L001", "pengecualian-tanpa-alasan", Severity.WARNING)
def pengecualian_tanpa_alasan(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A suppression comment gives no reason.

    A finding can be silenced for one value with a YAML comment on the line of
    the value: ``# sopdoc: ignore[CODE] reason``. The reason is required: the
    next reviewer must see why the finding does not apply. Without a reason
    the suppression does not silence anything and is reported.

    PASS:

        tanggal:
          pembuatan: 2024-01-09
          efektif:  # sopdoc: ignore[I105] berlaku sejak ditandatangani

    FAIL:

        tanggal:
          pembuatan: 2024-01-09
          efektif:  # sopdoc: ignore[I105]
    """
    return iter(())


@rule("L002", "pengecualian-tidak-terpakai", Severity.WARNING)
def pengecualian_tidak_terpakai(sop: Sop, ctx: LintContext) -> Iterator[Problem]:
    """A suppression comment silences nothing (stale, misplaced or unknown code).

    A suppression applies to findings of the named codes on its own line. When
    there is no such finding (the value was fixed, the comment sits on another
    line, or the code does not exist), the comment is stale and should go.

    PASS:

        tanggal:
          pembuatan: 2024-01-09
          efektif:  # sopdoc: ignore[I105] berlaku sejak ditandatangani

    FAIL:

        tanggal:
          pembuatan: 2024-01-09  # sopdoc: ignore[I105] berlaku sejak ditandatangani
          efektif:
    """
    return iter(())
