"""argparse's own words ("usage:", "options", "show this help message and exit", its
errors) through sopdoc's message catalog.

argparse looks its words up with the module-level ``argparse._`` and
``argparse.ngettext`` (gettext's, domain ``messages``), which find no catalog
of ours; :func:`install` points them at :mod:`sopdoc.i18n`. The msgids are
argparse's own, listed in :data:`MESSAGES` so the catalog keeps their
translations (their ``%`` placeholders are argparse's and stay as written).
"""

from __future__ import annotations

import argparse

from ..i18n import N_, ngettext, translate

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return ngettext(singular, plural, n)


def install() -> None:
    """Make argparse speak the current language of :mod:`sopdoc.i18n`."""
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
