"""The logo of the letterhead: read bounded, checked to be an image Word can show.

A ``logo`` names a file; what is in it is not ours to trust: it may be missing,
empty, not an image, huge, or not a file at all. :func:`read_logo` turns each of
those into a :class:`~sopdoc.errors.SpecLoadError` at the place the logo was
written (the spec or its ``sopdoc.yaml``), before any output is written.
"""

from __future__ import annotations

import io
import os

from .errors import Location, SpecError, SpecLoadError
from .fileio import FileFault, read_limited, shown
from .i18n import _
from .model import Sop

MAX_LOGO_BYTES = 10_000_000
"""A letterhead logo is a few hundred kilobytes; past this it is not a logo."""


def read_logo(sop: Sop) -> io.BytesIO | None:
    """The logo of ``sop`` as an image stream, None when it has none.

    Raises :class:`SpecLoadError` at the ``logo`` key when the file cannot be read
    or is not an image (PNG, JPEG, GIF, BMP or TIFF).
    """
    if not sop.logo:
        return None
    where = sop.posisi("logo") or Location(str(sop.sumber or "<spec>"))
    if not _exists(sop.logo):
        raise _error(where, _("logo file not found: {path}").format(path=shown(sop.logo)))
    try:
        data = read_limited(sop.logo, MAX_LOGO_BYTES)
    except FileFault as exc:
        raise _error(where, _("logo file: {problem}").format(problem=exc)) from None
    problem = image_problem(data)
    if problem:
        raise _error(where, problem)
    return io.BytesIO(data)


def image_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be placed in a DOCX as an image; None when it can."""
    from docx.image.image import Image

    if not data:
        return _("the logo file is empty; give a PNG or JPEG image")
    try:
        image = Image.from_blob(data)
        width, height = image.px_width, image.px_height
    except Exception:  # any parser failure on untrusted bytes means: not an image we can use
        return _("the logo file is not an image Word can show; give a PNG or JPEG image")
    if width <= 0 or height <= 0:
        return _("the logo image has no size ({width}x{height} pixels); give another image").format(
            width=width, height=height
        )
    return None


def _exists(path: str) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):  # a name the system refuses: let the reader say why
        return True


def _error(where: Location, message: str) -> SpecLoadError:
    return SpecLoadError([SpecError(where, message, "logo")])
