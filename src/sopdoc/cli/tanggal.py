"""The argparse type of a date option (``--tanggal YYYY-MM-DD``), shared by the commands."""

from __future__ import annotations

import argparse
from datetime import date

from ..i18n import _


def tanggal_iso(text: str) -> date:
    """A date written ``YYYY-MM-DD``; a usage error naming the accepted form otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date; write YYYY-MM-DD, e.g. 2024-06-03").format(text=text)
        ) from None
