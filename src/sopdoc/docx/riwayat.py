"""The riwayat revisi (revision history) in the generated document.

A table Tanggal | Revisi | Catatan under the sections, before the procedure,
written only when the spec has a history. A template that places
``riwayat_revisi`` itself (a docxtpl loop over ``riwayat_revisi``, each entry
with ``tanggal``, ``nomor``, ``catatan``) gets the values and no extra table.
"""

from __future__ import annotations

import os
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..model import Sop

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
GRID = (2300, 1500, 11338)
"""Column widths in twips (the sections table's full width)."""


def riwayat_context(sop: Sop, tanggal: Any) -> list[dict[str, str]]:
    """The entries for a template: dates printed with ``tanggal`` (e.g. '3 Juni 2024')."""
    return [
        {"tanggal": tanggal(r.tanggal), "nomor": r.nomor or "", "catatan": r.catatan}
        for r in sop.riwayat_revisi
    ]


def _p(text: str, *, bold: bool = False, style: str = "Isi") -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run}</w:p>'


def _cell(width: int, content: str, shade: bool = False) -> str:
    fill = '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' if shade else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>{content}</w:tc>'


def riwayat_xml(entries: list[dict[str, str]]) -> str:
    """A spacing paragraph and the history table, as WordprocessingML body content."""
    head = "".join(
        _cell(w, _p(t, bold=True, style="JudulBagian"), shade=True)
        for w, t in zip(GRID, ("Tanggal Revisi", "Revisi", "Riwayat Revisi (catatan)"), strict=True)
    )
    rows = [f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"]
    for e in entries:
        cells = "".join(
            _cell(w, _p(e[k])) for w, k in zip(GRID, ("tanggal", "nomor", "catatan"), strict=True)
        )
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{g}"/>' for g in GRID)
    return (
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="160" w:lineRule="exact"/>'
        "</w:pPr></w:p>"
        f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


def insert_riwayat(tpl: Any, entries: list[dict[str, str]], marker: str) -> None:
    """Put the history table just before the paragraph holding ``marker`` (the procedure)."""
    if not entries:
        return
    from docx.oxml import parse_xml

    body = tpl.docx.element.body
    anchor = next(
        (
            p
            for p in body.iter(f"{{{_W}}}p")
            if marker in "".join(t.text or "" for t in p.iter(f"{{{_W}}}t"))
        ),
        None,
    )
    if anchor is None:
        return
    wrapper = parse_xml(f'<w:body xmlns:w="{_W}">{riwayat_xml(entries)}</w:body>')
    for child in list(wrapper):
        anchor.addprevious(child)


def template_places_riwayat(tpl: Any) -> bool:
    """True when the template itself uses ``riwayat_revisi``."""
    source = getattr(tpl, "template_file", None)
    if isinstance(source, (str, os.PathLike)) and Path(source).is_file():
        stat = Path(source).stat()
        return _mentions_riwayat(str(source), stat.st_mtime_ns, stat.st_size)
    try:
        return "riwayat_revisi" in tpl.get_undeclared_template_variables()
    except Exception:  # an unparsable template is reported by the render itself
        return False


@lru_cache(maxsize=16)
def _mentions_riwayat(path: str, mtime_ns: int, size: int) -> bool:
    """Whether the template's text (runs joined, as Word may split a tag) names the
    variable; read once per template file version instead of parsing it per build."""
    with zipfile.ZipFile(path) as z:
        names = [
            n for n in z.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)
        ]
        text = "".join(re.sub(r"<[^>]+>", "", z.read(n).decode("utf-8")) for n in names)
    return re.search(r"\briwayat_revisi\b", text) is not None
