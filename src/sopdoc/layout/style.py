"""Sizes of the procedure pages: paper, margins, type sizes, symbol sizes (points)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Kertas

MM = 72 / 25.4
"""Points per millimetre."""


def paper_landscape(kertas: Kertas) -> tuple[float, float]:
    """(width, height) of a landscape page in points, whole twips."""
    w_mm, h_mm = kertas.mm
    return round(h_mm * MM * 20) / 20, round(w_mm * MM * 20) / 20


@dataclass(frozen=True)
class Style:
    """Every size the procedure layout uses; the painters take them from here."""

    margin_top: float = 42.5  # 1.5 cm
    margin_bottom: float = 42.5
    margin_left: float = 42.5
    margin_right: float = 42.5

    title_size: float = 11.0  # "SOP PELAKSANAAN ..." (bold)
    title_line: float = 14.0
    title_after: float = 6.0
    header_size: float = 8.0  # table header (bold)
    header_line: float = 10.0
    body_size: float = 8.5  # table cells
    body_line: float = 10.5
    label_size: float = 6.5  # "Ya" / "Tidak" beside the arrows
    label_height: float = 8.0
    connector_size: float = 7.0  # the number in an off-page connector

    cell_pad_x: float = 2.85  # left/right cell margin (57 twips)
    cell_pad_y: float = 1.5  # top/bottom cell margin (30 twips)
    lane_title_pad_x: float = 1.0  # left/right margin of a lane's header cell (20 twips)
    lane_title_slack: float = 1.0  # taken off a lane title's width
    wrap_slack: float = 3.0  # taken off every text width: never find fewer lines than Word
    page_slack: float = 10.0  # kept free at the foot of every page
    # the template's signature block under the last table (scripts/make_template.py)
    signature_gap: float = 6.0  # the exact spacing paragraph above it
    signature_share: float = 0.36  # the right cell's share of the width
    signature_size: float = 10.0
    signature_line: float = 12.0  # every line exact
    signature_blank_lines: int = 3  # room to sign between the jabatan and the nama
    signature_pad_x: float = 4.25  # cell margins (85 and 57 twips)
    signature_pad_y: float = 2.85
    end_paragraph: float = 1.0  # the exact paragraph that ends the body after a table

    no_width: float = 24.0
    lane_max: float = 72.0
    lane_min: float = 40.0
    waktu_min: float = 42.0
    text_min: float = 330.0  # the five text columns together, at least
    text_keep: float = 390.0  # ... and what lanes may not take from them for their titles

    symbol_max_width: float = 44.0
    gutter_min: float = 9.0  # free space each side of a symbol, for the return arrows
    symbol_pad: float = 7.5  # free space above and below a symbol
    connector_width: float = 18.0
    connector_height: float = 15.0
    connector_gap: float = 10.0  # the arrow between a symbol and its connector

    line_width: float = 0.75  # arrows and symbol outlines
