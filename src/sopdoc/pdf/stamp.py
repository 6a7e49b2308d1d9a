"""Page numbers stamped in the footer of a bound book.

Each number is drawn on a one-line overlay page (Helvetica, one of the 14 standard
PDF fonts, so nothing is embedded) that pypdf merges onto the page. The overlay is
text, so the number stays extractable.
"""

from __future__ import annotations

from pypdf import PageObject
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

# Helvetica advance widths (1/1000 em) for the characters page labels use.
_WIDTHS = {
    **dict.fromkeys("0123456789", 556),
    " ": 278,
    "-": 333,
    "i": 222,
    "l": 222,
    "v": 500,
    "x": 500,
    "c": 500,
    "d": 556,
    "m": 833,
}

FOOTER_Y = 20.0
"""Baseline of the number, in points above the bottom edge (about 7 mm)."""


def text_width(text: str, size: float) -> float:
    """Width of ``text`` in Helvetica at ``size`` points."""
    return sum(_WIDTHS.get(ch, 556) for ch in text) * size / 1000


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def stamp_number(page: PageObject, text: str, size: float = 9.0) -> None:
    """Draw ``text`` centred at the bottom of ``page``."""
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    x = float(box.left) + (width - text_width(text, size)) / 2
    y = float(box.bottom) + FOOTER_Y
    overlay = PageObject.create_blank_page(width=width, height=height)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    overlay[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/SopdocF1"): font})}
    )
    ops = f"q BT /SopdocF1 {size:g} Tf 0 g {x:.2f} {y:.2f} Td ({_escape(text)}) Tj ET Q"
    stream = DecodedStreamObject()
    stream.set_data(ops.encode("latin-1"))
    overlay[NameObject("/Contents")] = stream
    page.merge_page(overlay)
