"""Reader of e-SOP web pages: HTML tables, and the text dumps made of them (tab-separated rows).

An e-SOP page prints the identity table, the sections and the procedure table
as HTML tables whose cells hold ``<p>``, ``<ol>``/``<ul>`` lists and inline
styles. A text dump (copy from the browser, or an export) keeps one table row
per line with its cells separated by tabs, and often the markup the
application stored inside a cell. Neither has positions or drawings: boxes are
``None`` and there are no symbols (the flowchart is lost).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .bahan import Bahan, Paragraf, Sel, Tabel

_HTML = re.compile(r"<\s*(html|body|table|tr|td|th)\b", re.I)
_BLOK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "br", "center"}


def adalah_html(teks: str) -> bool:
    """Whether the text is an HTML page (not a text dump that kept some tags)."""
    return bool(_HTML.search(teks[:200000]))


def baca_teks(teks: str, sumber: str) -> Bahan:
    """A text dump: each run of lines holding tabs is a table, other lines are paragraphs."""
    bahan = Bahan(sumber=sumber, format="teks")
    rows: list[list[Sel]] = []
    order = 0

    def close() -> None:
        nonlocal rows, order
        if rows:
            bahan.tabel.append(Tabel(rows, urutan=order))
            order += 1
            rows = []

    for raw in teks.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\u00a0", " ")
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            rows.append([Sel([c] if c else []) for c in cells])
            continue
        if not line.strip():
            continue
        close()
        bahan.paragraf.append(Paragraf(line.strip(), urutan=order))
        order += 1
    close()
    return bahan


class _Pembaca(HTMLParser):
    """Collects tables (rows of cells of paragraphs) and the paragraphs between them."""

    def __init__(self, sumber: str):
        super().__init__(convert_charrefs=True)
        self.bahan = Bahan(sumber=sumber, format="html")
        self.order = 0
        self.tables: list[dict[str, object]] = []  # open tables (nested tables flatten)
        self.text: list[str] = []  # current paragraph's text
        self.lists: list[list[int | None]] = []  # open lists: [counter] (None: bullets)
        self.marker: str | None = None
        self.skip = 0  # inside <script>/<style>

    # -- paragraph text -------------------------------------------------
    def _flush(self) -> None:
        text = "".join(self.text)
        self.text = []
        lines = [" ".join(x.split()) for x in text.split("\n")]
        text = "\n".join(x for x in lines if x)
        marker, self.marker = self.marker, None
        if not text:
            return
        if self.tables:
            cell = self.tables[-1].get("cell")
            if isinstance(cell, Sel):
                cell.paragraf.append(text)
                cell.penomoran.append(marker)
            return
        self.bahan.paragraf.append(Paragraf(text, penomoran=marker, urutan=self.order))
        self.order += 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in ("script", "style"):
            self.skip += 1
            return
        if tag == "br":
            self.text.append("\n")
            return
        if tag in _BLOK:
            self._flush()
        a = dict(attrs)
        if tag == "table":
            self.tables.append({"rows": [], "row": None, "cell": None, "pending": {}})
        elif tag == "tr" and self.tables:
            t = self.tables[-1]
            self._end_row(t)
            t["row"] = []
        elif tag in ("td", "th") and self.tables:
            t = self.tables[-1]
            if t["row"] is None:
                t["row"] = []
            self._end_cell(t)
            row = t["row"]
            assert isinstance(row, list)
            self._fill_pending(t, row)
            cell = Sel([], span=_int(a.get("colspan")))
            row.append(cell)
            t["cell"] = cell
            rowspan = _int(a.get("rowspan"))
            if rowspan > 1:
                pending = t["pending"]
                assert isinstance(pending, dict)
                col = sum(c.span for c in row) - cell.span
                pending[col] = (rowspan - 1, cell.span)
        elif tag in ("ol", "ul"):
            self.lists.append([0 if tag == "ol" else None])
        elif tag == "li":
            if self.lists and self.lists[-1][0] is not None:
                count = (self.lists[-1][0] or 0) + 1
                self.lists[-1][0] = count
                self.marker = f"{count}."
            else:
                self.marker = "•"

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
            return
        if tag in _BLOK or tag in ("td", "th", "ol", "ul"):
            self._flush()
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        elif tag in ("td", "th") and self.tables:
            self._end_cell(self.tables[-1])
        elif tag == "tr" and self.tables:
            self._end_row(self.tables[-1])
        elif tag == "table" and self.tables:
            t = self.tables.pop()
            self._end_row(t)
            rows = t["rows"]
            assert isinstance(rows, list)
            if self.tables:  # a nested table: its rows join the outer cell's text
                outer = self.tables[-1].get("cell")
                if isinstance(outer, Sel):
                    for r in rows:
                        outer.paragraf.append("\t".join(c.teks for c in r))
                        outer.penomoran.append(None)
                return
            if rows:
                self.bahan.tabel.append(Tabel(rows, urutan=self.order))
                self.order += 1

    def handle_data(self, data: str) -> None:
        if not self.skip:  # source line breaks are spaces; only <br> breaks a line
            self.text.append(re.sub(r"[ \t\r\n\f\v]+", " ", data).replace("\u00a0", " "))

    def _end_cell(self, t: dict[str, object]) -> None:
        self._flush()
        t["cell"] = None

    def _end_row(self, t: dict[str, object]) -> None:
        self._end_cell(t)
        row = t.get("row")
        if isinstance(row, list):
            self._fill_pending(t, row, end=True)
            rows = t["rows"]
            assert isinstance(rows, list)
            if row:
                rows.append(row)
        t["row"] = None

    def _fill_pending(self, t: dict[str, object], row: list[Sel], end: bool = False) -> None:
        """Insert the continuation cells of vertical merges from the rows above."""
        pending = t["pending"]
        assert isinstance(pending, dict)
        while True:
            col = sum(c.span for c in row)
            hit = pending.get(col)
            if hit is None:
                if end and any(k > col for k in pending):
                    col = min(k for k in pending if k > col)
                    hit = pending[col]
                    row.append(Sel([], span=col - sum(c.span for c in row)))
                else:
                    return
            left, span = hit
            row.append(Sel([], span=span, lanjutan=True))
            if left <= 1:
                del pending[col]
            else:
                pending[col] = (left - 1, span)


def _int(value: str | None) -> int:
    try:
        return max(1, int(str(value).strip()))
    except ValueError:
        return 1


def baca_html(teks: str, sumber: str) -> Bahan:
    """An HTML page: its tables and the paragraphs outside them, in document order."""
    parser = _Pembaca(sumber)
    parser.feed(teks)
    parser.close()
    parser._flush()
    return parser.bahan


def baca(teks: str, sumber: str) -> Bahan:
    """An e-SOP page or its text dump, told apart by content."""
    return baca_html(teks, sumber) if adalah_html(teks) else baca_teks(teks, sumber)
