"""What stops a build, found without building: ``sopdoc validate`` = ``sopdoc build``.

The flowchart needs every step's pelaksana to be a lane and every
``jika_tidak`` to name another existing step; a DOCX cannot hold control
characters; a logo must exist; no row may be taller than a page. The layout
and the DOCX writer raise these same errors (one source per message); this
module lists all of them for an SOP at once, with "did you mean ...?" where a
name is close to a known one, so ``validate`` reports what ``build`` would
refuse.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .errors import Location, SpecError, SpecLoadError, format_path
from .i18n import _
from .model import Sop


def _error(sop: Sop, path: tuple[str | int, ...], message: str) -> SpecError:
    where = sop.posisi(*path) or Location(str(sop.sumber or "<spec>"))
    return SpecError(where, message, format_path(path), parts=path)


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return _("; did you mean '{lane}'?").format(lane=close[0]) if close else ""


def lane_errors(sop: Sop) -> list[SpecError]:
    """Every step's pelaksana that is not one of the lanes of ``pelaksana:``."""
    lanes = list(sop.pelaksana)
    out = []
    for i, step in enumerate(sop.kegiatan):
        for j, lane in enumerate(step.pelaksana_ids):
            if lane in sop.pelaksana:
                continue
            path: tuple[str | int, ...] = ("kegiatan", i, "pelaksana")
            if isinstance(step.pelaksana, list):
                path = (*path, j)
            message = _(
                "pelaksana '{lane}' is not one of the lanes ({lanes}); the flowchart cannot be "
                "drawn"
            ).format(lane=lane, lanes=", ".join(lanes))
            out.append(_error(sop, path, message + _did_you_mean(lane, lanes)))
    return out


def jika_tidak_errors(sop: Sop) -> list[SpecError]:
    """Every ``jika_tidak`` that names no step, or the decision itself."""
    ids = [k.id for k in sop.kegiatan if k.id]
    out = []
    for i, step in enumerate(sop.kegiatan):
        ref = step.jika_tidak
        if ref is None:
            continue
        target = sop.langkah(ref)
        path = ("kegiatan", i, "jika_tidak")
        if target is None:
            message = _("jika_tidak names step '{ref}', which does not exist").format(ref=ref)
            if isinstance(ref, int):
                message += _(" (the steps are numbered 1 to {n})").format(n=len(sop.kegiatan))
            else:
                message += _did_you_mean(ref, ids)
            out.append(_error(sop, path, message))
        elif target == i:
            out.append(_error(sop, path, _("jika_tidak names the step itself")))
    return out


def build_problems(sop: Sop) -> list[SpecError]:
    """Every error :func:`sopdoc.build_docx` would raise on ``sop`` (empty: it builds)."""
    from .docx import check_text

    out = lane_errors(sop) + jika_tidak_errors(sop)
    try:
        check_text(sop)
    except SpecLoadError as exc:
        out.extend(exc.errors)
    if sop.logo and not Path(sop.logo).is_file():
        out.append(_error(sop, ("logo",), _("logo file not found: {logo}").format(logo=sop.logo)))
    if not out:  # the layout needs lanes and targets that exist
        from .layout import layout_prosedur

        try:
            layout_prosedur(sop)
        except SpecLoadError as exc:
            out.extend(exc.errors)
    return out
