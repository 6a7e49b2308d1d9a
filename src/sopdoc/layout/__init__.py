"""Pure geometry of the procedure pages: no document format is known here.

``layout_prosedur(sop)`` gives a :class:`ProcedureLayout`: the columns, and per
page the rows, symbols, arrows, labels and off-page connectors, all in points
from the top left corner of a landscape page. The DOCX painter draws it; the
PDF and any preview reuse it.
"""

from __future__ import annotations

from .geometry import (
    Arrow,
    ArrowKind,
    Box,
    Column,
    Label,
    Page,
    Point,
    Row,
    Symbol,
    SymbolKind,
)
from .metrics import FONT_FAMILY, text_width, wrap
from .prosedur import (
    HEADER_TITLES,
    ProcedureLayout,
    branch_labels,
    geometry_problems,
    layout_prosedur,
    step_lanes,
    symbol_kind,
    symbol_kinds,
    tidak_targets,
)
from .style import MM, Style, paper_landscape

__all__ = [
    "FONT_FAMILY",
    "HEADER_TITLES",
    "MM",
    "Arrow",
    "ArrowKind",
    "Box",
    "Column",
    "Label",
    "Page",
    "Point",
    "ProcedureLayout",
    "Row",
    "Style",
    "Symbol",
    "SymbolKind",
    "branch_labels",
    "geometry_problems",
    "layout_prosedur",
    "paper_landscape",
    "step_lanes",
    "symbol_kind",
    "symbol_kinds",
    "text_width",
    "tidak_targets",
    "wrap",
]
